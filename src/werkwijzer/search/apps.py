from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "werkwijzer.search"
    label = "search"
