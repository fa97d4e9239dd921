"""The editors read contact messages and answers in /beheer/ (the gap map is a page of
its own: /redactie/hiaten/)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkwijzer.core import roles
from werkwijzer.feedback import services
from werkwijzer.feedback.models import ContactMessage, Feedback, SearchMiss


class EditorsRead(admin.ModelAdmin):
    """Editors (core.roles) read without model permissions of their own; what readers
    sent is never changed or added here."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return roles.is_editor(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return roles.is_editor(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return roles.is_editor(request.user) or super().has_delete_permission(request, obj)


@admin.register(ContactMessage)
class ContactMessageAdmin(EditorsRead):
    list_display = ("created_at", "short_message", "page", "has_email", "status")
    list_filter = ("status",)
    fields = (
        "created_at",
        "name",
        "email",
        "page",
        "language",
        "message",
        "status",
        "handled_at",
    )
    readonly_fields = fields
    actions = ["handled"]

    @admin.display(description=_("message"))
    def short_message(self, obj: ContactMessage) -> str:
        return obj.message[:80]

    @admin.display(description=_("wants an answer"), boolean=True)
    def has_email(self, obj: ContactMessage) -> bool:
        return bool(obj.email)

    @admin.action(description=_("Mark as handled (deletes name and e-mail address)"))
    def handled(self, request: HttpRequest, queryset: QuerySet[ContactMessage]) -> None:
        count = services.mark_handled(list(queryset.values_list("pk", flat=True)))
        text = ngettext("%(count)d message handled.", "%(count)d messages handled.", count) % {
            "count": count
        }
        self.message_user(request, text, messages.SUCCESS)

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        # The action needs it; every field is read-only.
        return roles.is_editor(request.user) or request.user.is_superuser


@admin.register(Feedback)
class FeedbackAdmin(EditorsRead):
    list_display = ("created_on", "kind", "key", "helpful", "remark")
    list_filter = ("kind", "helpful")


@admin.register(SearchMiss)
class SearchMissAdmin(EditorsRead):
    list_display = ("words", "language", "count", "last_seen")
    list_filter = ("language",)
    search_fields = ("words",)
    ordering = ("-count",)
