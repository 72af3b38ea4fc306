from .base import *

DEBUG = True
# A development-only key; production.py refuses to start without DJANGO_SECRET_KEY.
SECRET_KEY = "django-insecure-kinwise-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Demo accounts and their passwords are printed by load_demo only when this is set.
KINWISE_DEMO_ACCOUNTS = True
