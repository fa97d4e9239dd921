"""Editors keep the catalogue of courses, groups and events here (/beheer/)."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from werkwijzer.core import roles
from werkwijzer.directory.admin import EditorAccess
from werkwijzer.events.forms import EventForm
from werkwijzer.events.models import Event


class EditorEventForm(EventForm):
    """The provider's form, with what only editors set: the entry and whether it shows."""

    class Meta(EventForm.Meta):
        fields = [*EventForm.Meta.fields, "provider", "published"]


@admin.register(Event)
class EventAdmin(EditorAccess, admin.ModelAdmin):
    """Editors (core.roles) keep every event, also those a provider keeps, without model
    permissions of their own: the role is the permission, as in the verwijsgids."""

    form = EditorEventForm
    list_display = (
        "title",
        "kind",
        "starts_at",
        "city",
        "online",
        "provider",
        "published",
        "is_demo",
    )
    list_filter = ("kind", "online", "published", "is_demo")
    search_fields = ("title", "organiser", "city")
    date_hierarchy = "starts_at"
    readonly_fields = ("is_demo", "created_by", "updated_at")
    raw_id_fields = ("provider",)
    fieldsets = (
        (None, {"fields": ("title", "kind", "summary", "organiser", "url")}),
        (None, {"fields": ("starts_at", "ends_at", "online", "place", "city")}),
        (None, {"fields": ("audiences", "topics", "costs", "is_free")}),
        (None, {"fields": ("provider", "published", "is_demo", "created_by", "updated_at")}),
    )

    def save_model(self, request: HttpRequest, obj: Event, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return roles.is_editor(request.user) or super().has_delete_permission(request, obj)
