from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A Werkwijzer account. The role decides what the security model lets a user see."""

    class Role(models.TextChoices):
        PERSON = "person", _("Person (with or after cancer)")
        NAASTE = "naaste", _("Naaste (partner or family)")
        EMPLOYER = "employer", _("Employer")
        PROFESSIONAL = "professional", _("Professional")
        EDITOR = "editor", _("Editor")
        EXPERT = "expert", _("Expert reviewer")
        PRIVACY_OFFICER = "privacy_officer", _("Privacy officer")
        ADMIN = "admin", _("Administrator")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.PERSON)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")
