from django.apps import AppConfig


class VocabularyConfig(AppConfig):
    name = "werkwijzer.vocabulary"
    label = "vocabulary"
