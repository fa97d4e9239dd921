from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "werkwijzer.directory"
    label = "directory"
