"""Settings shared by every environment. No secrets here: see production.py."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    "edu",
    "courses",
    "quizzes",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
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
    "django_tasks",
    "django_tasks_db",  # the database task backend (production queues xAPI statements there)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",  # log-in lockout (edu.throttling)
]

MIDDLEWARE = [
    "edu.security.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "edu.security.ContentSecurityPolicyMiddleware",
    "edu.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",  # turns a locked log-in into the 429 page
    # Resolves Wagtail page URLs from KINWISE_ROUTE_CACHE when that names a cache.
    "courses.cache.PageRouteCacheMiddleware",
    # Last: serves anonymous visitors' pages when KINWISE_PAGE_CACHE names a cache.
    "courses.cache.AnonymousPageCacheMiddleware",
]

ROOT_URLCONF = "edu.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "edu.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "edu.wsgi.application"

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production and CI.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}

AUTH_USER_MODEL = "edu.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Log-in lockout (django-axes; edu.throttling explains the choices): 5 wrong passwords for one
# account from one address lock that pair for 15 minutes. Failures are stored in the database
# (shared by every app server) under a keyed hash of the email address; successes are not.
AUTHENTICATION_BACKENDS = [
    "edu.throttling.LoginThrottleBackend",
    "edu.auth.AccountBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "edu.throttling.lockout_response"
AXES_USERNAME_CALLABLE = "edu.throttling.login_identity"
AXES_CLIENT_IP_CALLABLE = "edu.security.client_ip"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False
AXES_VERBOSE = False
LOGIN_URL = "login"
# The home page in the language the visitor is using (/ or /es/).
LOGIN_REDIRECT_URL = reverse_lazy("wagtail_serve", args=[""])
LOGOUT_REDIRECT_URL = reverse_lazy("wagtail_serve", args=[""])

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("es", _("Spanish"))]
TIME_ZONE = "America/Denver"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Spanish numbers written the US way (1,234.5): edu/formats/es/formats.py.
FORMAT_MODULE_PATH = ["edu.formats"]

# Page trees and snippets are translated with wagtail-localize; Spanish pages are synchronised
# from the English ones (Progress is keyed by translation_key, so it is shared).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background tasks (django-tasks, which Wagtail uses too). Run at once here and in tests;
# production.py sends xAPI statements through the database queue and `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Kinwise"
WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Wagtail's responsive wrapper sets an inline style, which the CSP refuses; courses.css sizes
# the player instead.
WAGTAILEMBEDS_RESPONSIVE_HTML = False

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind reverse proxies, how many of them append to X-Forwarded-For (edu.security).
KINWISE_TRUSTED_PROXY_COUNT = 0

# Content Security Policy (django-csp 4): nothing inline, nothing from another host except
# the video players a lesson's video block may embed (the only embed finders enabled).
KINWISE_VIDEO_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "frame-src": KINWISE_VIDEO_FRAME_SOURCES,
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin writes inline scripts and styles (inline panels, date widgets, the page
# explorer) with per-page content and no nonce, so neither hashes nor request.csp_nonce can
# vouch for them: it gets 'unsafe-inline' for scripts and styles, and may frame its own page
# previews. Only under the admin's URL prefix (edu.security.ContentSecurityPolicyMiddleware);
# tests/browser/test_csp.py shows which admin pages need it.
KINWISE_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "frame-src": ["'self'", *KINWISE_VIDEO_FRAME_SOURCES],
        "frame-ancestors": ["'self'"],
    }
}
# No third party sees who edits: no Gravatar avatars, no update check against wagtail.org.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# No email address reaches a log line (edu.logging; tests/security/test_privacy.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_emails": {"()": "edu.logging.RedactEmailsFilter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_emails"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # At DEBUG, template lookups log the whole context, user names included: never below INFO.
    "loggers": {"django.template": {"level": "INFO"}},
}
