from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "werkwijzer.accounts"
    label = "accounts"
