"""xAPI settings, read where they are used (so ``override_settings`` works in tests).

=============================  ==========================================================
``KINWISE_XAPI_ENDPOINT``      the LRS's statements resource base, e.g.
                               ``https://lrs.example.org/xAPI/``; unset: nothing is sent
                               and nothing is stored
``KINWISE_XAPI_USERNAME``      HTTP basic credentials for the LRS …
``KINWISE_XAPI_PASSWORD``
``KINWISE_XAPI_TOKEN``         … or a bearer token (used instead of basic credentials)
``KINWISE_XAPI_ACTOR_SALT``    the secret that makes learners' pseudonyms (default: derived
                               from ``SECRET_KEY``; set it so that rotating the secret key
                               does not change every learner's pseudonym)
``KINWISE_XAPI_SEND_ANSWERS``  also send one ``answered`` statement per quiz question
                               (default ``False``)
``KINWISE_XAPI_MAX_ATTEMPTS``  tries before a statement is marked failed (default 6)
``KINWISE_XAPI_RETRY_DELAY``   seconds before the first retry, doubled each time (60)
``KINWISE_XAPI_TIMEOUT``       seconds to wait for the LRS on one try (10)
``KINWISE_XAPI_TASK_BACKEND``  the ``TASKS`` alias the sending task uses (``"default"``)
=============================  ==========================================================
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings


def endpoint() -> str:
    """The LRS base URL with a trailing slash, or ``""`` when xAPI is off."""
    url = getattr(settings, "KINWISE_XAPI_ENDPOINT", "") or ""
    if url and not url.endswith("/"):
        url += "/"
    return url


def enabled() -> bool:
    return bool(endpoint())


def send_answers() -> bool:
    return bool(getattr(settings, "KINWISE_XAPI_SEND_ANSWERS", False))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "KINWISE_XAPI_MAX_ATTEMPTS", 6)))


def retry_delay() -> float:
    return float(getattr(settings, "KINWISE_XAPI_RETRY_DELAY", 60))


def timeout() -> float:
    return float(getattr(settings, "KINWISE_XAPI_TIMEOUT", 10))


def task_backend() -> str:
    return getattr(settings, "KINWISE_XAPI_TASK_BACKEND", "default")


def auth_header() -> str | None:
    """The ``Authorization`` header for the LRS, or ``None`` without credentials."""
    import base64

    token = getattr(settings, "KINWISE_XAPI_TOKEN", "")
    if token:
        return f"Bearer {token}"
    username = getattr(settings, "KINWISE_XAPI_USERNAME", "")
    if username:
        password = getattr(settings, "KINWISE_XAPI_PASSWORD", "")
        raw = f"{username}:{password}".encode()
        return "Basic " + base64.b64encode(raw).decode("ascii")
    return None


def actor_salt() -> bytes:
    salt = getattr(settings, "KINWISE_XAPI_ACTOR_SALT", "")
    if salt:
        return salt.encode()
    # Derived, never the secret key itself: the pseudonym must not help anyone guess it.
    return hmac.new(
        settings.SECRET_KEY.encode(), b"kinwise.xapi.actor-salt", hashlib.sha256
    ).digest()
