from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from werkwijzer.questions.models import Consultation, ConsultationMessage, FaqEntry, Question


class HasEmailFilter(admin.SimpleListFilter):
    title = _("waiting for an e-mail")
    parameter_name = "has_email"

    def lookups(self, request, model_admin):
        return [("yes", _("yes")), ("no", _("no"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(email="")
        if self.value() == "no":
            return queryset.filter(email="")
        return queryset


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = (
        "short_text",
        "status",
        "topic",
        "consent_publication",
        "created_at",
        "claimed_by",
        "answered_at",
    )
    list_filter = (
        "status",
        "topic",
        "consent_publication",
        HasEmailFilter,
        "language",
        "created_at",
        "answered_at",
    )
    search_fields = ("text", "answer")
    date_hierarchy = "created_at"
    readonly_fields = ("token", "created_at", "claimed_at", "answered_at", "notified_at")
    raw_id_fields = ("claimed_by", "answered_by")

    @admin.display(description=_("question"))
    def short_text(self, obj):
        return obj.text[:80]


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ("question_nl", "published", "published_at", "has_english", "updated_at")
    list_filter = ("published", "published_at")
    search_fields = ("question_nl", "answer_nl", "question_en", "answer_en", "slug")
    prepopulated_fields = {"slug": ("question_nl",)}
    readonly_fields = ("published_at", "published_by", "updated_at")
    raw_id_fields = ("source",)
    actions = ("make_public", "make_not_public")

    @admin.display(boolean=True, description=_("English"))
    def has_english(self, obj):
        return bool(obj.question_en and obj.answer_en)

    @admin.action(description=_("Unpublish the selected FAQ entries"))
    def make_not_public(self, request, queryset):
        for entry in queryset:  # one save each, so search is told
            entry.published = False
            entry.save()

    @admin.action(description=_("Publish the selected FAQ entries"))
    def make_public(self, request, queryset):
        from django.utils import timezone

        for entry in queryset:
            entry.published = True
            entry.published_at = entry.published_at or timezone.now()
            entry.published_by = entry.published_by or request.user
            entry.save()


class MessageInline(admin.TabularInline):
    model = ConsultationMessage
    extra = 0
    raw_id_fields = ("author",)


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("subject", "asked_by", "provider", "created_at", "updated_at")
    list_filter = (("provider", admin.EmptyFieldListFilter), "asked_by__profession", "created_at")
    search_fields = ("subject",)
    raw_id_fields = ("asked_by", "provider")
    inlines = [MessageInline]
