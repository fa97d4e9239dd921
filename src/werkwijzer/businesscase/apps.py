from django.apps import AppConfig


class BusinesscaseConfig(AppConfig):
    name = "werkwijzer.businesscase"
    label = "businesscase"
