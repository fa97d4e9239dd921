from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "werkwijzer.employers"
    label = "employers"
