from django.contrib import admin

from werkwijzer.records.models import AuditEvent, Consent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """Read-only: the audit log is append-only, also for administrators."""

    list_display = ("sequence", "occurred_at", "actor_role", "action", "resource", "reason")
    list_filter = ("action", "actor_role")
    search_fields = ("resource", "reason")
    ordering = ("-sequence",)

    def get_readonly_fields(self, request, obj=None):
        return [field.name for field in self.model._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Consent)
class ConsentAdmin(admin.ModelAdmin):
    """Read-only for staff: only the owner gives and withdraws consent."""

    list_display = ("pk", "purpose", "given_at", "withdrawn_at")
    list_filter = ("purpose",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
