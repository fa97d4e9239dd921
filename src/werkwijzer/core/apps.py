from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkwijzer.core"
    label = "core"
