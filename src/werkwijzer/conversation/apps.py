from django.apps import AppConfig


class ConversationConfig(AppConfig):
    name = "werkwijzer.conversation"
    label = "conversation"
