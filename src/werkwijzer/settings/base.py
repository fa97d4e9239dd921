"""Settings shared by every environment. Values that differ come from the environment."""

from __future__ import annotations

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from werkwijzer.records.keys import keys_from_environment
from werkwijzer.settings.env import env_bool, env_int, env_list, env_str

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent
CONTENT_DIR = Path(env_str("WERKWIJZER_CONTENT_DIR", str(BASE_DIR / "content")))
DATA_DIR = Path(env_str("WERKWIJZER_DATA_DIR", str(BASE_DIR / "data")))
NODE_MODULES_DIR = BASE_DIR / "node_modules"

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    # Werkwijzer's own apps, one per domain (see docs/architecture.md).
    "werkwijzer.core",
    "werkwijzer.accounts",
    "werkwijzer.vocabulary",
    "werkwijzer.helpers",
    "werkwijzer.navigator",
    "werkwijzer.timeline",
    "werkwijzer.directory",
    "werkwijzer.knowledge",
    "werkwijzer.search",
    "werkwijzer.conversation",
    "werkwijzer.employers",
    "werkwijzer.records",
    "werkwijzer.care",
    "werkwijzer.questions",
    "werkwijzer.screening",
    "werkwijzer.outcomes",
    "werkwijzer.businesscase",
    "werkwijzer.feedback",
    "werkwijzer.events",
    "werkwijzer.api",
    # Wagtail: the CMS for the kennisbank with its review workflow.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Background work: Django's task framework (backport) with its database backend.
    "django_tasks",
    "django_tasks_db",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Login throttling per account and address (accounts/throttling.py, ADR 0008).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise (static files come compressed ahead of time), above everything
    # that sets cookies or Vary: it decides Cache-Control and gzip from the finished
    # response (core/caching.py, docs/decisions/0012-compression-and-caching.md).
    "werkwijzer.core.caching.CachingAndCompressionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Idle timeout and the second factor for professionals and staff (accounts app).
    "werkwijzer.accounts.middleware.IdleTimeoutMiddleware",
    "werkwijzer.accounts.middleware.SecondFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "werkwijzer.core.middleware.SecurityHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as axes asks: turns a paused login into the login page with 429.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "werkwijzer.urls"
WSGI_APPLICATION = "werkwijzer.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
# axes first: it refuses a paused account and address pair before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "werkwijzer.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The shared cache: Redis when CACHE_URL (or REDIS_URL) names one, so every app server
# sees the same rate limits and cached results; without it a cache inside each process,
# which is all `make run` needs. Per-process caches of content agree across servers
# through core.versions, not through this cache.
_CACHE_URL = env_str("CACHE_URL", "") or env_str("REDIS_URL", "")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": _CACHE_URL,
            "KEY_PREFIX": env_str("WERKWIJZER_CACHE_PREFIX", "werkwijzer"),
            "TIMEOUT": env_int("WERKWIJZER_CACHE_TIMEOUT", 60 * 60),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
        if _CACHE_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}
# How long a public page is kept for anonymous visitors in the shared cache (core.caching);
# 0 switches the page cache off. As long as a browser may keep the page anyway.
WERKWIJZER_PAGE_CACHE_SECONDS = max(0, env_int("WERKWIJZER_PAGE_CACHE_SECONDS", 300))
# How often a process asks the database whether content changed (core.versions).
WERKWIJZER_CONTENT_CHECK_SECONDS = float(env_str("WERKWIJZER_CONTENT_CHECK_SECONDS", "1"))

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(BASE_DIR / "var" / "static")))
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "werkwijzer.core.staticfiles.VendorFilesFinder",
]
# Only the npm files the templates use (installed by the Makefile): see core/staticfiles.py.
_LEAFLET_IMAGES = [
    "layers.png",
    "layers-2x.png",
    "marker-icon.png",
    "marker-icon-2x.png",
    "marker-shadow.png",
]
WERKWIJZER_VENDOR_STATIC = {
    "vendor/utrecht/index.css": "@utrecht/component-library-css/dist/index.css",
    "vendor/utrecht-tokens/theme.css": "@utrecht/design-tokens/dist/theme.css",
    "vendor/leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "vendor/leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    # leaflet.js names its source map; the manifest storage insists the file exists.
    "vendor/leaflet/leaflet.js.map": "leaflet/dist/leaflet.js.map",
    **{f"vendor/leaflet/images/{name}": f"leaflet/dist/images/{name}" for name in _LEAFLET_IMAGES},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# A request body larger than this is refused with a clear message: the site's 400 page
# (core.views.bad_request), or the API's error shape (api/errors.py).
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DJANGO_DATA_UPLOAD_MAX_MEMORY_SIZE", 256 * 1024)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = env_int("DJANGO_SESSION_COOKIE_AGE", 60 * 60 * 8)
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# How many proxies of our own stand in front of the app server (a load balancer, nginx);
# each appends the address it saw to X-Forwarded-For. 0: X-Forwarded-For is ignored.
# Every client address comes from werkwijzer.core.clients (docs/operations.md).
WERKWIJZER_PROXY_COUNT = max(0, env_int("WERKWIJZER_PROXY_COUNT", 0))
# Per-address limits of anonymous forms and the API (core/ratelimit.py has the defaults),
# e.g. WERKWIJZER_RATE_LIMITS="api=600/m,questions-ask=10/h"; "off" switches one off.
WERKWIJZER_RATE_LIMITS = {
    scope.strip(): (None if rate.strip() == "off" else rate.strip())
    for scope, _sep, rate in (
        item.partition("=") for item in env_list("WERKWIJZER_RATE_LIMITS", [])
    )
}
# Login throttling (accounts/throttling.py, docs/decisions/0008-login-protection.md): per
# account *and* address, so nobody can lock someone else out; the pause starts at 15
# minutes and doubles with every try while paused, up to a day.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("ACCOUNTS_LOGIN_MAX_FAILURES", 5)
ACCOUNTS_LOGIN_COOL_OFF_SECONDS = env_int("ACCOUNTS_LOGIN_COOL_OFF_SECONDS", 15 * 60)
ACCOUNTS_LOGIN_MAX_COOL_OFF_SECONDS = env_int("ACCOUNTS_LOGIN_MAX_COOL_OFF_SECONDS", 24 * 3600)
AXES_COOLOFF_TIME = "werkwijzer.accounts.throttling.cool_off"
AXES_USE_ATTEMPT_EXPIRATION = True  # each pair's pause ends on its own clock
AXES_RESET_ON_SUCCESS = False  # cleared after the second factor, not after the password
AXES_CLIENT_IP_CALLABLE = "werkwijzer.core.clients.client_address"
AXES_USERNAME_CALLABLE = "werkwijzer.accounts.throttling.login_name"
AXES_LOCKOUT_CALLABLE = "werkwijzer.accounts.throttling.lockout_response"
AXES_CLIENT_STR_CALLABLE = "werkwijzer.accounts.throttling.client_str"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "code", "csrfmiddlewaretoken"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = env_str("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DJANGO_DEFAULT_FROM_EMAIL", "Werkwijzer <noreply@werkwijzer.example>")
# The mail server for the smtp backend (django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = env_str("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 20)

# Background work (docs/decisions/0009-task-queue.md). "database" keeps the queue in the
# app's own database, so `make run` needs nothing but SQLite; "immediate" runs each task
# inside the request (no worker needed); any other value is a backend's dotted path.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
_TASK_BACKEND = env_str("WERKWIJZER_TASKS_BACKEND", "database")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS.get(_TASK_BACKEND, _TASK_BACKEND)}}
# Seconds between the tries of an e-mail that failed; after the last one it is logged at
# ERROR. Three retries over about half an hour ride out a mail server restart.
WERKWIJZER_MAIL_RETRY_DELAYS = [
    int(seconds) for seconds in env_list("WERKWIJZER_MAIL_RETRY_DELAYS", ["60", "300", "1800"])
]
# Who hears of a broken audit chain (besides the ERROR in the log).
WERKWIJZER_PRIVACY_OFFICER_EMAIL = env_list("WERKWIJZER_PRIVACY_OFFICER_EMAIL", [])
# Reply-to of the yearly check reminders to providers (default: the editors' addresses).
WERKWIJZER_DIRECTORY_EMAIL = env_list("WERKWIJZER_DIRECTORY_EMAIL", [])
# Invented demo content (the verwijsgids' *.example providers): `werkwijzer seed` loads it
# only on a demo site, with DEBUG on (`make run`) or demo accounts (a demo password) set.
WERKWIJZER_DEMO_CONTENT = env_bool(
    "WERKWIJZER_DEMO_CONTENT", DEBUG or bool(env_str("WERKWIJZER_DEMO_PASSWORD", ""))
)
# Days the worker's daily jobs keep login attempts, and finished tasks and page jobs.
WERKWIJZER_LOGIN_ATTEMPT_DAYS = env_int("WERKWIJZER_LOGIN_ATTEMPT_DAYS", 30)
WERKWIJZER_JOB_DAYS = env_int("WERKWIJZER_JOB_DAYS", 7)
# Days the professional who handled a closed or declined referral may still read it
# (read-only, every read logged): the WGBO keeps a medical file 20 years (BW 7:454 lid 3).
WERKWIJZER_CARE_RETENTION_DAYS = env_int("WERKWIJZER_CARE_RETENTION_DAYS", 20 * 365 + 5)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "WARNING")},
}

# Wagtail (kennisbank).
WAGTAIL_SITE_NAME = "Werkwijzer"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
# The admin asks no third party: no Gravatar pictures (they tell Gravatar who works in the
# CMS, and the admin's Content-Security-Policy refuses them), no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# PostgreSQL full-text search with the Dutch configuration (SQLite uses FTS5); see
# docs/search.md for the OpenSearch backend as the scale path.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "dutch"}
}

# Audit log (records/keys.py, docs/operations.md): the chain's keys, current first (none
# here: production refuses to start without one, dev and test use a development key), and
# the file every `audit verify` appends the verified chain head to.
WERKWIJZER_AUDIT_KEYS = keys_from_environment()
# Production sets this: no key, the development key or no anchor file is then an error.
WERKWIJZER_AUDIT_KEY_REQUIRED = False
WERKWIJZER_AUDIT_ANCHOR_FILE = env_str(
    "WERKWIJZER_AUDIT_ANCHOR_FILE", str(BASE_DIR / "var" / "audit-anchor.jsonl")
)

# The site's public address: PDFs link to it and calendar UIDs end in its host name
# (core.site). Production has no default (system check core.E001).
WERKWIJZER_SITE_URL = env_str("WERKWIJZER_SITE_URL", "http://127.0.0.1:8000")

# Map tiles for the verwijsgids; empty means the list works without a map.
WERKWIJZER_TILE_URL = env_str("WERKWIJZER_TILE_URL", "")
WERKWIJZER_TILE_ATTRIBUTION = env_str("WERKWIJZER_TILE_ATTRIBUTION", "")
