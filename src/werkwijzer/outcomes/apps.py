from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "werkwijzer.outcomes"
    label = "outcomes"
