from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "werkwijzer.screening"
    label = "screening"
