from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "werkwijzer.search"
    label = "search"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_unpublished

        from werkwijzer.search.index import invalidate

        page_published.connect(invalidate, dispatch_uid="search.invalidate.published")
        page_unpublished.connect(invalidate, dispatch_uid="search.invalidate.unpublished")
        for model in ("helpers.Helper", "helpers.HelperText", "questions.FaqEntry"):
            post_save.connect(invalidate, sender=model, dispatch_uid=f"search.save.{model}")
            post_delete.connect(invalidate, sender=model, dispatch_uid=f"search.del.{model}")
