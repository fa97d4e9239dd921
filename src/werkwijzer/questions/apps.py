from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "werkwijzer.questions"
    label = "questions"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from werkwijzer.core.versions import content_changed
        from werkwijzer.questions import services
        from werkwijzer.search.documents import register_faq_source

        # Search finds the published answers; it never imports this app itself.
        register_faq_source(services.published_faq)

        # Search keeps the published FAQ answers in memory: tell every process.
        post_save.connect(content_changed, sender="questions.FaqEntry", dispatch_uid="version.faq")
        post_delete.connect(
            content_changed, sender="questions.FaqEntry", dispatch_uid="version-faq"
        )
