from django.contrib.auth import views as auth_views
from django.urls import path

from werkwijzer.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login_view, name="login"),
    path("uitloggen/", views.LogoutView.as_view(), name="logout"),
    path("inloggen/tweede-stap/", views.totp_verify, name="totp_verify"),
    path("inloggen/tweede-stap/instellen/", views.totp_setup, name="totp_setup"),
    path("inloggen/herstelcode/", views.recovery, name="recovery"),
    path("registreren/", views.register, name="register"),
    path("account/", views.account, name="account"),
    path(
        "account/herstelcodes/", views.regenerate_recovery_codes, name="regenerate_recovery_codes"
    ),
    path("account/tweede-stap/uitzetten/", views.remove_second_factor, name="remove_second_factor"),
    path("account/wachtwoord/", views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-vergeten/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "wachtwoord-vergeten/verstuurd/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_sent.html"),
        name="password_reset_sent",
    ),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
