from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "werkwijzer.care"
    label = "care"
