"""Editors keep the verwijsgids up to date here (/beheer/)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkwijzer.core import roles
from werkwijzer.directory import admin_import, reports
from werkwijzer.directory.models import ErrorReport, Postcode, Provider, stale_before
from werkwijzer.directory.transfer import COLUMNS


class EditorAccess:
    """Editors (core.roles) keep the verwijsgids without model permissions of their own:
    the role is the permission, as everywhere else on the site."""

    def _editor(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._editor(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self._editor(request) or super().has_view_permission(request, obj)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return self._editor(request) or super().has_change_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._editor(request) or super().has_add_permission(request)


class VerificationFilter(admin.SimpleListFilter):
    """Flags entries not verified for more than 12 months."""

    title = _("verification")
    parameter_name = "verification"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list:
        return [
            ("stale", _("Older than 12 months or never verified")),
            ("current", _("Verified in the last 12 months")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "current":
            return queryset.filter(verified_on__gte=stale_before())
        return queryset


class ProviderAdminForm(forms.ModelForm):
    """Editors may leave lat/lon empty: the centre of the postcode area is used."""

    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Provider
        fields = COLUMNS

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("lat", "lon"):
            self.fields[name].required = False
            self.fields[name].help_text = _("Empty: the centre of the postcode area.")

    def clean(self) -> dict:
        data = super().clean()
        postcode = data.get("postcode") or ""
        if data.get("lat") is None or data.get("lon") is None:
            area = Postcode.objects.filter(pc4=postcode[:4]).first()
            if area is None:
                self.add_error(
                    "postcode", _("This postcode is unknown: fill in latitude and longitude.")
                )
            else:
                data["lat"], data["lon"] = area.lat, area.lon
                self.instance.lat, self.instance.lon = area.lat, area.lon
        return data


@admin.register(Provider)
class ProviderAdmin(EditorAccess, admin.ModelAdmin):
    form = ProviderAdminForm
    list_display = (
        "name",
        "organisation",
        "kind_list",
        "city",
        "verified_on",
        "needs_verification",
        "active",
    )
    list_filter = (VerificationFilter, "active", "work_setting", "self_referral")
    search_fields = ("name", "organisation", "city", "postcode", "external_id")
    readonly_fields = ("updated_at", "verification_reminded_on")
    actions = ("mark_verified",)
    fieldsets = (
        (None, {"fields": ("external_id", "name", "organisation", "kinds", "work_setting")}),
        (_("Address"), {"fields": ("street", "postcode", "city", "lat", "lon")}),
        (_("Contact"), {"fields": ("phone", "email", "website")}),
        (
            _("Offer"),
            {
                "fields": (
                    "languages",
                    "specialisations",
                    "self_referral",
                    "intercollegial_consultation",
                    "costs_note",
                )
            },
        ),
        (
            _("Verification"),
            {
                "fields": (
                    "verified_on",
                    "verified_by",
                    "verification_reminded_on",
                    "active",
                    "updated_at",
                )
            },
        ),
    )

    def get_urls(self) -> list[URLPattern]:
        # Imports run in the worker (directory.tasks); these pages start and follow one.
        view = self.admin_site.admin_view
        own = [
            path(
                "import/",
                view(lambda request: admin_import.start_view(self, request)),
                name="directory_provider_import",
            ),
            path(
                "import/<uuid:job_id>/",
                view(lambda request, job_id: admin_import.status_view(self, request, job_id)),
                name="directory_provider_import_status",
            ),
        ]
        return own + super().get_urls()

    @admin.display(description=_("kinds of helper"))
    def kind_list(self, provider: Provider) -> str:
        return ", ".join(provider.kinds)

    @admin.display(description=_("needs verification"), boolean=True)
    def needs_verification(self, provider: Provider) -> bool:
        return provider.is_stale

    @admin.action(description=_("Mark as verified today"))
    def mark_verified(self, request: HttpRequest, queryset: QuerySet) -> None:
        who = request.user.get_full_name() or request.user.get_username()
        count = queryset.update(
            verified_on=timezone.localdate(), verified_by=who, updated_at=timezone.now()
        )
        message = ngettext(
            "%(count)d provider marked as verified.",
            "%(count)d providers marked as verified.",
            count,
        ) % {"count": count}
        self.message_user(request, message, messages.SUCCESS)


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    list_display = ("pc4", "municipality", "lat", "lon")
    search_fields = ("pc4", "municipality")


class ErrorReportForm(forms.ModelForm):
    """The editor's answer: send it (and forget the address), close, or keep it open."""

    decision = forms.ChoiceField(
        label=_("What now?"),
        choices=[
            ("keep", _("Keep it open")),
            (
                "answer",
                _("Save the reply and e-mail it when an address was left; then delete the address"),
            ),
            ("close", _("Close without a reply; delete the address")),
        ],
        initial="keep",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = ErrorReport
        fields = ("reply",)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("decision") == "answer" and not (data.get("reply") or "").strip():
            self.add_error("reply", _("Write the reply first."))
        return data


@admin.register(ErrorReport)
class ErrorReportAdmin(EditorAccess, admin.ModelAdmin):
    """The queue of mistakes readers reported, with the entry they are about."""

    form = ErrorReportForm
    list_display = ("provider", "short_message", "status", "wants_reply", "created_at")
    list_filter = ("status", "wants_reply")
    search_fields = ("provider__name", "provider__organisation", "message")
    readonly_fields = (
        "entry",
        "message",
        "reply_to",
        "created_at",
        "status",
        "handled_by",
        "handled_at",
    )
    fields = (*readonly_fields, "reply", "decision")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # reports come from readers only

    def get_readonly_fields(self, request: HttpRequest, obj: ErrorReport | None = None):
        if obj is not None and obj.status != ErrorReport.Status.OPEN:
            return (*self.readonly_fields, "reply")
        return self.readonly_fields

    def get_fields(self, request: HttpRequest, obj: ErrorReport | None = None):
        if obj is not None and obj.status != ErrorReport.Status.OPEN:
            return (*self.readonly_fields[:3], "reply", *self.readonly_fields[3:])
        return self.fields

    @admin.display(description=_("what is wrong"))
    def short_message(self, report: ErrorReport) -> str:
        return report.message[:80]

    @admin.display(description=_("directory entry"))
    def entry(self, report: ErrorReport) -> str:
        provider = report.provider
        change = reverse("admin:directory_provider_change", args=[provider.pk])
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            provider,
            provider.get_absolute_url(),
            _("public page"),
            change,
            _("change the entry"),
        )

    @admin.display(description=_("e-mail for a reply"))
    def reply_to(self, report: ErrorReport) -> str:
        if report.email:
            return report.email
        if report.wants_reply:
            return _("(deleted after the answer)")
        return _("(none: no reply possible)")

    def save_model(self, request: HttpRequest, obj: ErrorReport, form, change: bool) -> None:
        decision = form.cleaned_data.get("decision")
        if decision == "answer":
            sent = reports.answer_report(obj, obj.reply, request.user)
            message = (
                _("The reply is sent and the address deleted.")
                if sent
                else _("The reply is saved; there was no address to send it to.")
            )
            self.message_user(request, message, messages.SUCCESS)
        elif decision == "close":
            reports.close_report(obj, request.user)
        else:
            obj.save(update_fields=["reply"])
