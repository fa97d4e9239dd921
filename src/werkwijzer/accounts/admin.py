from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from werkwijzer.accounts.models import User


@admin.register(User)
class WerkwijzerUserAdmin(UserAdmin):
    fieldsets = (*UserAdmin.fieldsets, (None, {"fields": ("role",)}))
    list_display = ("username", "email", "role", "is_staff")
    list_filter = ("role", "is_staff", "is_active")
