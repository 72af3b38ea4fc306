"""Throttles on the site's account forms, each answering with a readable 429 page.

- **Log-in** (django-axes, settings ``AXES_*``): after ``AXES_FAILURE_LIMIT`` wrong passwords
  for one account *from one address*, that account is locked *for that address* for
  ``AXES_COOLOFF_TIME``. Locking by the pair means that someone guessing a parent's password
  cannot lock the parent out from their own home. During the lock even the right password is
  refused. Axes stores a keyed hash of the email address, never the address itself
  (``login_identity``), and records failures only.
- **Sign-up**: ``KINWISE_SIGNUP_MAX_PER_ADDRESS`` attempts per address per
  ``KINWISE_SIGNUP_WINDOW`` seconds (mass account creation, probing which emails have an
  account).
- **Password reset**: ``KINWISE_PASSWORD_RESET_MAX_PER_ADDRESS`` requests per address and
  ``KINWISE_PASSWORD_RESET_MAX_PER_EMAIL`` per email address asked for, per
  ``KINWISE_PASSWORD_RESET_WINDOW`` seconds, so nobody can flood a parent's inbox. Requests
  count whether or not the account exists, so the throttle reveals nothing.

Sign-up and reset reuse the join-code throttle's counter (``courses.teach.throttling``): cache
entries under hashed keys. The client's address is ``REMOTE_ADDR`` after
``edu.security.TrustedProxyMiddleware``.
"""

from __future__ import annotations

import hashlib
import hmac

from axes.backends import AxesStandaloneBackend
from axes.helpers import get_cool_off
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from courses.teach.throttling import AttemptCounter, Wait

from .security import client_ip

SIGNUPS = AttemptCounter(
    "kinwise:signup:", "KINWISE_SIGNUP_MAX_PER_ADDRESS", 30, "KINWISE_SIGNUP_WINDOW", 3600
)
RESETS_BY_ADDRESS = AttemptCounter(
    "kinwise:reset-address:",
    "KINWISE_PASSWORD_RESET_MAX_PER_ADDRESS",
    10,
    "KINWISE_PASSWORD_RESET_WINDOW",
    3600,
)
RESETS_BY_EMAIL = AttemptCounter(
    "kinwise:reset-email:",
    "KINWISE_PASSWORD_RESET_MAX_PER_EMAIL",
    3,
    "KINWISE_PASSWORD_RESET_WINDOW",
    3600,
)


def _normalised_email(value) -> str:
    return str(value or "").strip().lower()


def signup_identities(request) -> list[str]:
    return [f"ip:{client_ip(request)}"]


def reset_identities(request) -> tuple[list[str], list[str]]:
    email = _normalised_email(request.POST.get("email"))
    # A blank address is refused by the form anyway; it must not become a shared bucket.
    return [f"ip:{client_ip(request)}"], [f"email:{email}"] if email else []


def _minutes(wait_seconds: int) -> int:
    return Wait(seconds=wait_seconds).minutes


def too_many(request, *, heading: str, message: str, wait_seconds: int, reset_link=False):
    """The 429 page: what happened, how long to wait, what to do meanwhile."""
    response = render(
        request,
        "registration/throttled.html",
        {"heading": heading, "message": message, "reset_link": reset_link},
        status=429,
    )
    response["Retry-After"] = str(max(1, int(wait_seconds)))
    return response


def signup_refused(request, wait: Wait):
    minutes = wait.minutes
    return too_many(
        request,
        heading=_("Too many sign-ups"),
        message=ngettext(
            "Too many accounts were started from your network in a short time. Please wait "
            "%(minutes)d minute and try again.",
            "Too many accounts were started from your network in a short time. Please wait "
            "%(minutes)d minutes and try again.",
            minutes,
        )
        % {"minutes": minutes},
        wait_seconds=wait.seconds,
    )


def reset_refused(request, wait: Wait):
    minutes = wait.minutes
    return too_many(
        request,
        heading=_("Too many password resets"),
        message=ngettext(
            "We have sent enough password reset emails for now. Check your inbox and spam "
            "folder for the last one, or wait %(minutes)d minute and ask again.",
            "We have sent enough password reset emails for now. Check your inbox and spam "
            "folder for the last one, or wait %(minutes)d minutes and ask again.",
            minutes,
        )
        % {"minutes": minutes},
        wait_seconds=wait.seconds,
    )


# --- log-in (django-axes) ----------------------------------------------------------------------


class LoginThrottleBackend(AxesStandaloneBackend):
    """Axes' lockout check, for log-ins that come from a web request.

    ``authenticate()`` without a request (Django's test client ``login()``, the shell) has no
    address to count against; Django's and Wagtail's log-in views always pass the request.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def login_identity(request, credentials) -> str | None:
    """What axes counts log-in failures against: a keyed hash of the email address.

    Case and surrounding spaces do not make a new identity, and neither the database nor the
    log ever holds the email address.
    """
    value = None
    if credentials:
        value = credentials.get("username") or credentials.get(get_user_model().USERNAME_FIELD)
    if value is None and request is not None:
        value = request.POST.get("username")
    email = _normalised_email(value)
    if not email:
        return None
    digest = hmac.new(settings.SECRET_KEY.encode(), email.encode(), hashlib.sha256)
    return "account:" + digest.hexdigest()[:40]


def lockout_response(request, original_response=None, credentials=None):
    """Axes' answer to a locked log-in (``AXES_LOCKOUT_CALLABLE``)."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 3600
    minutes = _minutes(seconds)
    return too_many(
        request,
        heading=_("Log-in paused"),
        message=ngettext(
            "There were too many wrong passwords for this account from your network, so "
            "logging in to it from here is paused for up to %(minutes)d minute. Even the right "
            "password will not work until then. If you have forgotten your password, you "
            "can reset it.",
            "There were too many wrong passwords for this account from your network, so "
            "logging in to it from here is paused for up to %(minutes)d minutes. Even the right "
            "password will not work until then. If you have forgotten your password, you "
            "can reset it.",
            minutes,
        )
        % {"minutes": minutes},
        wait_seconds=seconds,
        reset_link=True,
    )
