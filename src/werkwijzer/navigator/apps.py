from django.apps import AppConfig


class NavigatorConfig(AppConfig):
    name = "werkwijzer.navigator"
    label = "navigator"
