"""Privacy: no email address or name in the logs, visitors' sessions expire, and deleting an
account leaves no row that points at it."""

from __future__ import annotations

import io
import logging
import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from courses.progress import SESSION_KEY
from edu.logging import RedactEmailsFilter, redact
from tests.security.world import DISPLAY_NAMES, PASSWORD

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.mark.parametrize(
    "text",
    [
        "Not Found: /learning/classes/join/pat.parent@example.com/",
        "Key (email)=(Pat+kids@Example.co.uk) already exists.",
        "o'brien@mail.example.org tried",
        "ñandú@ejemplo.es",
    ],
)
def test_redact_removes_every_address(text):
    assert not EMAIL.search(redact(text))
    assert "[email]" in redact(text)


def test_redact_leaves_other_text_alone():
    text = "Bad Request: /accounts/signup/ (status 400) at 10:00 @home"
    assert redact(text) == text
    assert redact("Not Found: /learning/classes/join/a@b.org/") == (
        "Not Found: /learning/classes/join/[email]/"
    )


@pytest.fixture
def log_output():
    """What the configured log handlers write, with everything logged down to DEBUG, and
    every record as it was before any filter (to show the journeys do log addresses)."""
    root = logging.getLogger()
    handlers = [
        h for h in root.handlers if any(isinstance(f, RedactEmailsFilter) for f in h.filters)
    ]
    assert handlers, "the site's LOGGING must filter its handlers (edu.logging.RedactEmailsFilter)"
    stream = io.StringIO()
    old_streams = [h.setStream(stream) for h in handlers]
    raw = []

    class Raw(logging.Handler):
        def emit(self, record):
            raw.append(record.getMessage())

    raw_handler = Raw(level=logging.DEBUG)
    loggers = [root, *(logging.getLogger(name) for name in ("django", "axes", "wagtail"))]
    old_levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    root.handlers.insert(0, raw_handler)  # before the filters rewrite the records
    yield stream, raw
    root.removeHandler(raw_handler)
    for logger, level in zip(loggers, old_levels, strict=True):
        logger.setLevel(level)
    for handler, old in zip(handlers, old_streams, strict=True):
        handler.setStream(old)


def test_no_email_or_name_in_the_logs(world, log_output):
    stream, raw = log_output
    parent = world.users["parent"]
    client = Client(raise_request_exception=False)
    # Sign up (and once more with the same address: a 400).
    signup = {
        "email": "zed.zebra@example.com",
        "display_name": "Zed Zebra",
        "password1": "a-long-pass-phrase-9",
        "password2": "a-long-pass-phrase-9",
    }
    assert client.post(reverse("signup"), signup).status_code == 302
    client.post(reverse("logout"))
    assert client.post(reverse("signup"), signup).status_code == 400
    # Wrong passwords until the log-in throttle answers.
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(reverse("login"), {"username": parent.email, "password": "wrong"})
    # Password reset for a known and an unknown address.
    client.post(reverse("password_reset"), {"email": parent.email})
    client.post(reverse("password_reset"), {"email": "nobody.here@example.com"})
    # Join failures: a wrong code, and an address pasted into an invite link (a 404).
    client.force_login(world.users["other_parent"])
    client.post(reverse("kinwise:class_join"), {"code": parent.email})
    client.get(reverse("kinwise:class_join_confirm", args=[parent.email]))
    # A 404 and a CSRF refusal (django.security.csrf).
    client.get(f"/no-such-page/{parent.email}/")
    strict = Client(enforce_csrf_checks=True)
    strict.post(reverse("login"), {"username": parent.email, "password": PASSWORD})

    written = stream.getvalue()
    assert written, "the journeys log something (404s, 400s, the CSRF refusal)"
    assert any(parent.email in message for message in raw), "the journeys reach a leak"
    assert not EMAIL.search(written), written
    for name in [*DISPLAY_NAMES.values(), "Zed Zebra"]:
        assert name not in written


# --- Sessions --------------------------------------------------------------------------------


def test_a_visitors_session_with_progress_expires(world):
    """Visitors' progress lives in their session, which ends SESSION_COOKIE_AGE (two weeks)
    after it last changed: the cookie says so, the stored session then reads as empty, and
    ``clearsessions`` deletes it."""
    assert not settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert timedelta(days=14).total_seconds() >= settings.SESSION_COOKIE_AGE
    client = Client()
    response = client.post(world.lesson.get_url() + "complete/")
    assert response.status_code == 302
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == settings.SESSION_COOKIE_AGE
    key = cookie.value
    session = Session.objects.get(session_key=key)
    assert SESSION_KEY in session.get_decoded()
    assert session.expire_date <= timezone.now() + timedelta(seconds=settings.SESSION_COOKIE_AGE)

    Session.objects.filter(session_key=key).update(expire_date=timezone.now() - timedelta(1))
    store = import_module(settings.SESSION_ENGINE).SessionStore
    assert store(session_key=key).load() == {}  # nothing is left of the visitor's progress
    call_command("clearsessions")
    assert not Session.objects.filter(session_key=key).exists()
