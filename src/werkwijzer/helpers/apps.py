from django.apps import AppConfig


class HelpersConfig(AppConfig):
    name = "werkwijzer.helpers"
    label = "helpers"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from werkwijzer.core.versions import content_changed
        from werkwijzer.helpers.services import helpers_about_topics
        from werkwijzer.knowledge.services import register_helper_source

        # The wegwijzer and search keep the helpers in memory: tell every process.
        for model in ("helpers.Helper", "helpers.HelperText"):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"version.{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"version-{model}")
        register_helper_source(helpers_about_topics)
