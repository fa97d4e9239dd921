from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedPlan(models.Model):
    """A plan a logged-in user kept in Mijn Werkwijzer: the situation, not the plan.

    `situation` is `Situation.as_dict()`; reopening runs the rules again, so a saved
    plan always shows the current advice.
    """

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_plans",
        verbose_name=_("owner"),
    )
    title = models.CharField(_("title"), max_length=200)
    situation = models.JSONField(_("situation"))
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("saved plan")
        verbose_name_plural = _("saved plans")

    def __str__(self) -> str:
        return self.title
