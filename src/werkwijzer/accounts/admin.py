from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.utils.translation import gettext_lazy as _

from werkwijzer.accounts import twofactor
from werkwijzer.accounts.models import User


def _check_profession(form: forms.ModelForm, data: dict) -> None:
    role, profession = data.get("role"), data.get("profession")
    if role == User.Role.PROFESSIONAL and not profession:
        form.add_error("profession", _("Choose the profession of this professional."))
    if role != User.Role.PROFESSIONAL and (profession or data.get("provider")):
        form.add_error("role", _("Only professionals have a profession and a directory entry."))


class WerkwijzerUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "first_name", "last_name", "role", "profession")

    def clean(self):
        data = super().clean()
        _check_profession(self, data)
        return data


class WerkwijzerUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User

    def clean(self):
        data = super().clean()
        _check_profession(self, data)
        return data


@admin.register(User)
class WerkwijzerUserAdmin(UserAdmin):
    """Professionals, editors and other staff are made here (they cannot register)."""

    form = WerkwijzerUserChangeForm
    add_form = WerkwijzerUserCreationForm
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (
            _("Role in Werkwijzer"),
            {
                "fields": ("role", "profession", "provider", "organisation", "second_factor"),
                "description": _(
                    "Professionals need a profession; a BACO or KAG also needs the directory "
                    "entry they work as, so referrals reach them. Professionals, editors, "
                    "expert reviewers, privacy officers and admins set up a second factor "
                    "at their first login."
                ),
            },
        ),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "profession",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    readonly_fields = ("second_factor", "last_login", "date_joined")
    list_display = ("username", "email", "role", "profession", "provider", "is_active")
    list_filter = ("role", "profession", "is_staff", "is_active")
    search_fields = ("username", "email", "first_name", "last_name", "organisation")
    autocomplete_fields = ("provider",)
    actions = ("reset_second_factor",)

    @admin.display(description=_("second factor"))
    def second_factor(self, obj: User) -> str:
        device = twofactor.confirmed_device(obj) if obj.pk else None
        if device is None:
            return _("not set up")
        return _("set up; %(left)s recovery codes left") % {
            "left": twofactor.recovery_codes_left(obj)
        }

    @admin.action(description=_("Reset the second factor (lost phone)"))
    def reset_second_factor(self, request, queryset):
        for user in queryset:
            twofactor.remove_second_factor(user)
        self.message_user(
            request,
            _("The second factor is reset; they set up a new one at their next login."),
            messages.SUCCESS,
        )
