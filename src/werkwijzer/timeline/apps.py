from django.apps import AppConfig


class TimelineConfig(AppConfig):
    name = "werkwijzer.timeline"
    label = "timeline"
