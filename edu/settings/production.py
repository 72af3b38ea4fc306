import os

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set DJANGO_SECRET_KEY: production refuses to start without it.")

ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "true").lower() == "true"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

if os.environ.get("WAGTAILADMIN_BASE_URL"):
    WAGTAILADMIN_BASE_URL = os.environ["WAGTAILADMIN_BASE_URL"]

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "webmaster@localhost")

# xAPI (courses.xapi, README "xAPI"): on when KINWISE_XAPI_ENDPOINT is set. Statements wait in
# the database for `manage.py db_worker --backend xapi`, so no request waits on the LRS.
KINWISE_XAPI_ENDPOINT = os.environ.get("KINWISE_XAPI_ENDPOINT", "")
KINWISE_XAPI_USERNAME = os.environ.get("KINWISE_XAPI_USERNAME", "")
KINWISE_XAPI_PASSWORD = os.environ.get("KINWISE_XAPI_PASSWORD", "")
KINWISE_XAPI_TOKEN = os.environ.get("KINWISE_XAPI_TOKEN", "")
KINWISE_XAPI_ACTOR_SALT = os.environ.get("KINWISE_XAPI_ACTOR_SALT", "")
TASKS = {
    **TASKS,
    "xapi": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
KINWISE_XAPI_TASK_BACKEND = "xapi"

# --- Serving from several app servers (docs/deploy.md) ------------------------------------
# The cache is Redis when REDIS_URL is set, shared by every app server; without it, a file
# cache shared by one machine's worker processes (never a per-process cache: the page cache
# and cached sessions must see one another's writes).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "kinwise",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("KINWISE_CACHE_DIR", str(BASE_DIR / "cache")),
            "OPTIONS": {"MAX_ENTRIES": 20000},
        }
    }
# Sessions read from the cache, written through to the database (they survive a cache flush).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous visitors' pages, every learner's lesson bodies and every page's route come from
# the cache (courses.cache).
KINWISE_PAGE_CACHE = "default"
KINWISE_FRAGMENT_CACHE = "default"
KINWISE_ROUTE_CACHE = "default"
# Lesson pages' shells: everything but the learner's own state (courses.shell).
KINWISE_SHELL_CACHE = "default"

# Media (images, documents) on S3-compatible storage when a bucket is named; credentials come
# from the environment as boto3 reads them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": os.environ.get("AWS_QUERYSTRING_AUTH", "false").lower() == "true",
            "file_overwrite": False,
        },
    }
