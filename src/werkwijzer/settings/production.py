"""Production: every secret from the environment, HTTPS enforced."""

from werkwijzer.settings.base import *  # noqa: F403
from werkwijzer.settings.env import env_bool, env_int, env_str

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# The proxy and the orchestrator probe the app server directly over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^api/v1/live$", r"^api/v1/health$"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Without its own audit key (and an anchor file) the audit log could be recomputed: the
# system checks (migrate, the worker, `werkwijzer check`) and every audit write refuse
# then. Not the settings themselves, so collectstatic runs in a build without secrets.
WERKWIJZER_AUDIT_KEY_REQUIRED = True

# The public address PDFs and calendar files link to: no development default here. Empty
# is an error of the system checks (core.E001), not of the settings, as with the key.
WERKWIJZER_SITE_URL = env_str("WERKWIJZER_SITE_URL", "")
