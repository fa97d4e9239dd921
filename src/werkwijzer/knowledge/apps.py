from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "werkwijzer.knowledge"
    label = "knowledge"

    def ready(self) -> None:
        from werkwijzer.knowledge import signals

        signals.connect()
