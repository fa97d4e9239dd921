from django.http import HttpRequest

from werkwijzer.core.navigation import main_navigation, professional_navigation


def site(request: HttpRequest) -> dict:
    return {
        "main_navigation": main_navigation(request),
        "professional_navigation": professional_navigation(request),
    }
