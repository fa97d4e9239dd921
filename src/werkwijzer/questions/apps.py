from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "werkwijzer.questions"
    label = "questions"
