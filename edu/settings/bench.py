"""``make bench``: production settings on loopback, plus the bare view that is the ceiling.

Serve with ``DJANGO_SETTINGS_MODULE=edu.settings.bench``; ``bench/run.py`` sets the rest.
"""

import os
from pathlib import Path

os.environ.setdefault("DJANGO_SECRET_KEY", "kinwise-bench-only-not-a-secret")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: E402

# The bare Django view (bench/urls.py) exists only here.
ROOT_URLCONF = "bench.urls"
LOGGING["root"]["level"] = "ERROR"
# Static files (collected for the manifest) and media in the run's own directory.
if os.environ.get("KINWISE_BENCH_DIR"):
    STATIC_ROOT = Path(os.environ["KINWISE_BENCH_DIR"]) / "static"
    MEDIA_ROOT = Path(os.environ["KINWISE_BENCH_DIR"]) / "media"
