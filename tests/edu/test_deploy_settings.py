"""Production settings pick the shared cache, sessions and media storage from the environment.

Each case loads ``edu.settings.production`` in a new interpreter, as a server would start."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json
import django
from django.conf import settings
django.setup()
from django.core.files.storage import default_storage
from django.core.cache import caches
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "cache_location": str(settings.CACHES["default"].get("LOCATION")),
    "cache_class": type(caches["default"]).__name__,
    "sessions": settings.SESSION_ENGINE,
    "page_cache": settings.KINWISE_PAGE_CACHE,
    "media": settings.STORAGES["default"]["BACKEND"],
    "media_class": type(default_storage._wrapped if hasattr(default_storage, "_wrapped")
                        else default_storage).__name__,
    "bucket": getattr(default_storage, "bucket_name", None),
    "endpoint": getattr(default_storage, "endpoint_url", None),
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "whitenoise": "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE,
}))
"""


def load(**env) -> dict:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "REDIS_"))}
    clean.update(
        DJANGO_SETTINGS_MODULE="edu.settings.production",
        DJANGO_SECRET_KEY="test-only",
        DJANGO_ALLOWED_HOSTS="example.org",
        **env,
    )
    clean.pop("DATABASE_URL", None)
    result = subprocess.run(  # noqa: S603 - this interpreter
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("shared", [False, True], ids=["one machine", "redis"])
def test_production_cache_and_sessions(shared, tmp_path):
    env = {"REDIS_URL": "redis://10.0.0.5:6379/1"} if shared else {}
    env["KINWISE_CACHE_DIR"] = str(tmp_path / "cache")
    found = load(**env)
    if shared:
        assert found["cache"] == "django.core.cache.backends.redis.RedisCache"
        assert found["cache_class"] == "RedisCache"
        assert found["cache_location"] == "redis://10.0.0.5:6379/1"
    else:
        # Never a per-process cache: workers must see one another's invalidations.
        assert found["cache"] == "django.core.cache.backends.filebased.FileBasedCache"
        assert found["cache_location"] == str(tmp_path / "cache")
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert found["page_cache"] == "default"
    assert found["whitenoise"]
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_production_media_on_s3_when_a_bucket_is_named(tmp_path):
    cache_dir = str(tmp_path / "cache")  # not the project's own cache/ folder
    assert load(KINWISE_CACHE_DIR=cache_dir)["media"] == (
        "django.core.files.storage.FileSystemStorage"
    )
    found = load(
        KINWISE_CACHE_DIR=cache_dir,
        AWS_STORAGE_BUCKET_NAME="kinwise-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.org",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert found["media"] == "storages.backends.s3.S3Storage"
    assert found["media_class"] == "S3Storage"
    assert found["bucket"] == "kinwise-media"
    assert found["endpoint"] == "https://s3.example.org"
