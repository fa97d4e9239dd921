from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from werkwijzer.core import roles


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

    class Profession(models.TextChoices):
        # Helper slugs from vocabulary.yaml: the professions that refer, advise or consult.
        BACO = "baco", _("BACO (bedrijfsarts consulent oncologie)")
        KAG = "kag", _("KAG (klinisch arbeidsgeneeskundige oncologie)")
        BEDRIJFSARTS = "bedrijfsarts", _("Bedrijfsarts")
        MEDISCH_SPECIALIST = "medisch-specialist", _("Medical specialist")
        VERPLEEGKUNDIGE = "verpleegkundige", _("Nurse")
        AYA_VERPLEEGKUNDIGE = "aya-verpleegkundige", _("AYA nurse")
        HUISARTS = "huisarts", _("GP (huisarts)")
        # Issue 18: the paramedics among the treating professionals, and the
        # professionals a BACO/KAG liaises with about work and income.
        ERGOTHERAPEUT = "ergotherapeut", _("Occupational therapist (ergotherapeut)")
        FYSIOTHERAPEUT_ONCOLOGIE = (
            "fysiotherapeut-oncologie",
            _("Oncology physiotherapist (fysiotherapeut)"),
        )
        PSYCHOLOOG = "psycholoog", _("Psychologist")
        VERZEKERINGSARTS = "verzekeringsarts", _("Insurance physician (verzekeringsarts)")
        ARBEIDSDESKUNDIGE = "arbeidsdeskundige", _("Labour expert (arbeidsdeskundige)")
        # Not a helper slug (no one goes to a case manager on their own): the employer's or
        # occupational health service's case manager for the sick-leave file.
        CASEMANAGER = "casemanager", _("Case manager")

    role = models.CharField(_("role"), max_length=32, choices=Role.choices, default=Role.PERSON)
    profession = models.CharField(
        _("profession"),
        max_length=32,
        choices=Profession.choices,
        blank=True,
        help_text=_("Only for professionals."),
    )
    provider = models.ForeignKey(
        "directory.Provider",
        verbose_name=_("directory entry"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="accounts",
        help_text=_("The directory entry this professional works as; referrals to it reach them."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("For employers and professionals: the organisation they work for."),
    )

    # For templates; the checks themselves live in core.roles.
    @property
    def is_professional(self) -> bool:
        return roles.is_professional(self)

    @property
    def is_baco_or_kag(self) -> bool:
        return roles.is_baco_or_kag(self)

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")


class TOTPDevice(models.Model):
    """An authenticator app (RFC 6238 TOTP). Confirmed once the user typed a valid code."""

    user = models.OneToOneField(
        User, on_delete=models.CASCADE, related_name="totp_device", verbose_name=_("user")
    )
    secret = models.CharField(_("secret"), max_length=64)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    # The last time step used: the same code cannot be used twice (no replay).
    last_used_step = models.BigIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("authenticator app")
        verbose_name_plural = _("authenticator apps")

    def __str__(self) -> str:
        return str(self.user)

    @property
    def confirmed(self) -> bool:
        return self.confirmed_at is not None


class RecoveryCode(models.Model):
    """A single-use code to log in without the authenticator app. Only its hash is kept."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="recovery_codes", verbose_name=_("user")
    )
    code_hash = models.CharField(max_length=255)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self) -> str:
        return f"{self.user} ({'used' if self.used_at else 'unused'})"
