from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "werkwijzer.core"
    label = "core"

    def ready(self) -> None:
        from werkwijzer.core import checks  # noqa: F401 - registers the system checks
