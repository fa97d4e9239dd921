from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "werkwijzer.api"
    label = "api"
