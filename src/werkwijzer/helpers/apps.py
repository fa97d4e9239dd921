from django.apps import AppConfig


class HelpersConfig(AppConfig):
    name = "werkwijzer.helpers"
    label = "helpers"
