"""Editors keep the verwijsgids up to date here (/beheer/)."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy

from werkwijzer.core import roles
from werkwijzer.core.versions import DIRECTORY, version_changed
from werkwijzer.directory import admin_import, moderation, reports
from werkwijzer.directory.models import (
    ErrorReport,
    Postcode,
    ProfessionalProfile,
    Proposal,
    Provider,
    ProviderChange,
    ProviderKindLocation,
    hidden_before,
    out_of_plan_before,
    stale_before,
)
from werkwijzer.directory.registers import LOOKUP_URLS
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
            ("out-of-plan", _("Older than 18 months: marked, not in personal plans")),
            ("hidden", _("Older than 24 months: hidden until verified")),
            ("current", _("Verified in the last 12 months")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "stale":
            return queryset.stale()
        if self.value() == "out-of-plan":
            return queryset.filter(checked_on__lt=out_of_plan_before())
        if self.value() == "hidden":
            return queryset.filter(checked_on__lt=hidden_before())
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
        fields = (*COLUMNS, "needs_review", "review_note")

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
        "needs_review",
        "active",
    )
    list_filter = (
        VerificationFilter,
        "needs_review",
        "source",
        "active",
        "work_setting",
        "self_referral",
    )
    search_fields = ("name", "organisation", "city", "postcode", "external_id")
    readonly_fields = (
        "updated_at",
        "verification_reminded_on",
        "source",
        "is_demo",
        "owners",
        "history_list",
    )
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
                    "how_to_refer",
                    "consultation_hours",
                    "video_consults",
                    "other_locations",
                    "payers",
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
                    "source",
                    "needs_review",
                    "review_note",
                    "is_demo",
                    "updated_at",
                )
            },
        ),
        (_("Owners and history"), {"fields": ("owners", "history_list")}),
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

    @admin.display(description=_("owners"))
    def owners(self, provider: Provider) -> str:
        names = [moderation.who(o.user) for o in provider.ownerships.select_related("user")]
        return ", ".join(names) or "–"

    @admin.display(description=_("history of the entry"))
    def history_list(self, provider: Provider) -> str:
        rows = provider.history.all()[:30]
        return (
            format_html_join(
                "",
                "<p>{} · {} · {}: {}</p>",
                (
                    (
                        f"{row.at:%Y-%m-%d %H:%M}",
                        row.get_action_display(),
                        row.by_label or "–",
                        ", ".join(row.changes) or "–",
                    )
                    for row in rows
                ),
            )
            or "–"
        )

    def save_model(self, request: HttpRequest, obj: Provider, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # The history keeps the editors' own changes too (as text: dates are no JSON).
        changes = {
            name: [str(form.initial.get(name, "")), str(form.cleaned_data.get(name, ""))]
            for name in form.changed_data
        }
        action = ProviderChange.Action.CHANGED if change else ProviderChange.Action.CREATED
        if changes or not change:
            moderation.record(obj, action, changes, by=request.user)

    @admin.action(description=_("Mark as verified today"))
    def mark_verified(self, request: HttpRequest, queryset: QuerySet) -> None:
        who = moderation.who(request.user)
        today = timezone.localdate()
        ProviderChange.objects.bulk_create(
            ProviderChange(
                provider=provider,
                action=ProviderChange.Action.VERIFIED,
                changes={"verified_on": [str(provider.verified_on or ""), today.isoformat()]},
                by=request.user,
                by_label=who,
            )
            for provider in queryset.only("pk", "verified_on")
        )
        count = queryset.update(
            verified_on=today, verified_by=who, checked_on=today, updated_at=timezone.now()
        )
        # update() skips save(): the search rows carry the date too (the 18/24 month rules).
        ProviderKindLocation.objects.filter(provider__in=queryset).update(checked_on=today)
        version_changed(DIRECTORY)  # the 18-month rule of the plan's nearby results
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


class EditorDecisionForm(forms.ModelForm):
    """An editor's decision in a queue (a `decision` choice); one decision needs a text:
    `needs_text` is (that decision, the text field, the message when it is empty)."""

    needs_text: tuple[str, str, str]

    def clean(self) -> dict:
        data = super().clean()
        decision, field, message = self.needs_text
        if data.get("decision") == decision and not (data.get(field) or "").strip():
            self.add_error(field, message)
        return data


class ErrorReportForm(EditorDecisionForm):
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

    needs_text = ("answer", "reply", _("Write the reply first."))


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


class ProposalForm(EditorDecisionForm):
    """The editor's decision on a claim, a new entry or a change."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("keep", _("Decide later")),
            ("approve", _("Approve: the entry changes now and counts as checked today")),
            ("return", _("Send back with a reason")),
        ],
        initial="keep",
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Proposal
        fields = ("reason",)

    needs_text = ("return", "reason", _("Say why, so the professional can put it right."))


@admin.register(Proposal)
class ProposalAdmin(EditorAccess, admin.ModelAdmin):
    """The one moderation queue: claims, new entries and changes, with the difference."""

    form = ProposalForm
    list_display = ("__str__", "kind", "status", "proposed_by", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("provider__name", "proposed_by__email", "proposed_by__last_name", "note")
    decided_fields = ("status", "decided_by", "decided_at")
    readonly_fields = (
        "kind",
        "entry",
        "proposer",
        "note",
        "differences",
        "created_at",
        *decided_fields,
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # proposals come from professionals only

    def get_fields(self, request: HttpRequest, obj: Proposal | None = None):
        if obj is not None and not obj.is_pending:
            return (*self.readonly_fields, "reason")
        return (*self.readonly_fields, "decision", "reason")

    def get_readonly_fields(self, request: HttpRequest, obj: Proposal | None = None):
        if obj is not None and not obj.is_pending:
            return (*self.readonly_fields, "reason")
        return self.readonly_fields

    @admin.display(description=_("entry"))
    def entry(self, proposal: Proposal) -> str:
        if proposal.provider is None:
            return _("(new)")
        provider = proposal.provider
        change = reverse("admin:directory_provider_change", args=[provider.pk])
        return format_html(
            '{} · <a href="{}">{}</a> · <a href="{}">{}</a>',
            provider,
            provider.get_absolute_url(),
            _("public page"),
            change,
            _("change the entry"),
        )

    @admin.display(description=_("proposed by"))
    def proposer(self, proposal: Proposal) -> str:
        user = proposal.proposed_by
        profile = ProfessionalProfile.objects.filter(user=user).first()
        if profile is None:
            return format_html("{} · {}", moderation.who(user), user.email)
        checked = _("checked") if profile.checked_at else _("not checked yet: look it up")
        return format_html(
            '{} · {} · {}: {} {} (<a href="{}" rel="noopener">{}</a>) · {}',
            moderation.who(user),
            user.email,
            profile.get_kind_display(),
            profile.get_register_display(),
            profile.number,
            LOOKUP_URLS[profile.register],
            _("look up"),
            checked,
        )

    @admin.display(description=_("difference"))
    def differences(self, proposal: Proposal) -> str:
        rows = moderation.diff_rows(proposal)
        if proposal.kind == Proposal.Kind.CLAIM:
            return _(
                "A claim: the entry does not change. Check that it belongs to this professional."
            )
        if not rows:
            return _("No differences: the professional says the entry is still right.")
        body = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td><td><strong>{}</strong></td></tr>',
            ((label, now, new) for label, now, new, _changed in rows),
        )
        return format_html(
            '<table><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            pgettext_lazy("difference", "field"),
            pgettext_lazy("difference", "now"),
            pgettext_lazy("difference", "proposed"),
            body,
        )

    def save_model(self, request: HttpRequest, obj: Proposal, form, change: bool) -> None:
        decision = form.cleaned_data.get("decision")
        if decision == "approve":
            moderation.approve(obj, request.user)
            self.message_user(request, _("Approved: the entry is updated."), messages.SUCCESS)
        elif decision == "return":
            moderation.send_back(obj, request.user, obj.reason)
            self.message_user(request, _("Sent back to the professional."), messages.SUCCESS)
        # "keep": nothing is stored; the reason field is only used when sending back.


@admin.register(ProfessionalProfile)
class ProfessionalProfileAdmin(EditorAccess, admin.ModelAdmin):
    list_display = ("user", "kind", "register", "number", "is_organisation", "checked_at")
    list_filter = ("register", "is_organisation", "kind")
    search_fields = ("user__email", "user__last_name", "number")
    readonly_fields = ("user", "created_at", "checked_by", "checked_at")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
