from .base import *

DEBUG = False
SECRET_KEY = "kinwise-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
# Not UTC, so that a naive datetime shows up as a wrong answer rather than passing by luck.
TIME_ZONE = "Asia/Tokyo"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Manifest storage 404s the stylesheet under live_server: plain storage in tests.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
WHITENOISE_AUTOREFRESH = True
WAGTAILADMIN_BASE_URL = "http://testserver"
