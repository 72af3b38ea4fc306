"""Log-in lockout (django-axes), sign-up and password-reset throttles: readable 429 pages.

Each test shows the throttle from the refused side (the limit, the right password refused
during a lock, nothing written) and from the side that must stay open (another account,
another address, after the cool-off).
"""

import datetime
import logging

import pytest
from axes.models import AccessAttempt, AccessLog
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()
HOME = "198.51.100.10"
ATTACKER = "203.0.113.66"


def log_in(client, email, password, address=HOME, url=None):
    return client.post(
        url or reverse("login"), {"username": email, "password": password}, REMOTE_ADDR=address
    )


def text(response) -> str:
    return response.content.decode()


def lock_out(client, email, address=HOME):
    responses = [log_in(client, email, "wrong-password", address) for _ in range(5)]
    assert [r.status_code for r in responses] == [400] * 4 + [429]
    return responses[-1]


def test_the_fifth_wrong_password_locks_the_account_for_that_address(client, parent, home_page):
    locked = lock_out(client, parent.email)
    body = text(locked)
    assert "<h1>Log-in paused</h1>" in body
    assert "paused for up to 15 minutes" in body
    assert 'href="/accounts/password-reset/"' in body
    assert locked["Retry-After"] == str(15 * 60)
    # The page is the site's own, with its header, landmarks and strict policy.
    assert 'class="site-header"' in body and '<main id="main"' in body
    assert "'unsafe-inline'" not in locked["Content-Security-Policy"]


def test_the_right_password_is_refused_during_the_lock_and_nothing_is_written(
    client, parent, home_page
):
    lock_out(client, parent.email)
    attempts_before = list(AccessAttempt.objects.values_list("failures_since_start", flat=True))
    last_login = User.objects.get(pk=parent.pk).last_login
    sessions = Session.objects.count()

    response = log_in(client, parent.email, PASSWORD)
    assert response.status_code == 429
    assert "Log-in paused" in text(response)
    # (Reading client.session would create one: count the rows first.)
    assert Session.objects.count() == sessions
    assert "_auth_user_id" not in client.session
    assert User.objects.get(pk=parent.pk).last_login == last_login
    # Refused tries do not count again (the lock would otherwise never end).
    assert list(AccessAttempt.objects.values_list("failures_since_start", flat=True)) == (
        attempts_before
    )


def test_the_lock_is_per_account_and_address(client, parent, other_parent, home_page):
    lock_out(client, parent.email, address=ATTACKER)
    # The parent at home is not locked out by someone guessing elsewhere.
    assert log_in(client, parent.email, PASSWORD, address=HOME).status_code == 302
    client.logout()
    # Another account from the attacker's address is not locked either.
    assert log_in(client, other_parent.email, PASSWORD, address=ATTACKER).status_code == 302
    client.logout()
    # Changing the case of the email does not start a new count.
    assert log_in(client, parent.email.upper(), PASSWORD, address=ATTACKER).status_code == 429


def test_the_lock_ends_after_the_cool_off(client, parent, home_page):
    lock_out(client, parent.email)
    assert log_in(client, parent.email, PASSWORD).status_code == 429
    # Fifteen minutes and a second pass.
    for attempt in AccessAttempt.objects.all():
        attempt.attempt_time = timezone.now() - datetime.timedelta(minutes=15, seconds=1)
        attempt.save()
    assert log_in(client, parent.email, PASSWORD).status_code == 302
    # A successful log-in clears the count: four more mistakes do not lock again.
    client.logout()
    assert [log_in(client, parent.email, "nope").status_code for _ in range(4)] == [400] * 4


def test_the_admin_log_in_is_locked_the_same_way(client, editor, home_page):
    url = reverse("wagtailadmin_login")
    codes = [log_in(client, editor.email, "wrong", url=url).status_code for _ in range(5)]
    assert codes[-1] == 429
    assert log_in(client, editor.email, PASSWORD, url=url).status_code == 429


def test_the_proxy_setting_decides_which_address_is_locked(client, parent, home_page, settings):
    settings.KINWISE_TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for _ in range(5):
        client.post(
            reverse("login"),
            {"username": parent.email, "password": "wrong"},
            REMOTE_ADDR=proxy,
            HTTP_X_FORWARDED_FOR=ATTACKER,
        )
    # Everyone else behind the same proxy can still log in.
    response = client.post(
        reverse("login"),
        {"username": parent.email, "password": PASSWORD},
        REMOTE_ADDR=proxy,
        HTTP_X_FORWARDED_FOR=HOME,
    )
    assert response.status_code == 302


def test_no_email_address_is_stored_or_logged(client, parent, home_page, caplog):
    with caplog.at_level(logging.DEBUG):
        lock_out(client, parent.email)
        log_in(client, parent.email, PASSWORD)
    stored = list(AccessAttempt.objects.values_list("username", "get_data", "post_data"))
    assert stored and all(parent.email not in " ".join(row) for row in stored)
    assert parent.email not in caplog.text and parent.email.split("@")[0] not in caplog.text
    assert not AccessLog.objects.exists()


# --- sign-up ---------------------------------------------------------------------------------


def sign_up(client, n, address=HOME):
    return client.post(
        reverse("signup"),
        {
            "email": f"parent{n}@example.com",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
        REMOTE_ADDR=address,
    )


def test_sign_ups_from_one_address_are_throttled(client, home_page, settings):
    settings.KINWISE_SIGNUP_MAX_PER_ADDRESS = 3
    for n in range(3):
        assert sign_up(client, n).status_code == 302
        client.logout()
    refused = sign_up(client, 99)
    assert refused.status_code == 429
    assert "<h1>Too many sign-ups</h1>" in text(refused)
    assert "Please wait 60 minutes and try again." in text(refused)
    assert refused["Retry-After"] == "3600"
    assert not User.objects.filter(email="parent99@example.com").exists()
    # Another address is not affected.
    assert sign_up(client, 100, address=ATTACKER).status_code == 302


def test_failed_sign_ups_count_too(client, home_page, settings):
    settings.KINWISE_SIGNUP_MAX_PER_ADDRESS = 2
    taken = {"email": "taken@example.com", "password1": "x", "password2": "y"}
    assert client.post(reverse("signup"), taken, REMOTE_ADDR=HOME).status_code == 400
    assert client.post(reverse("signup"), taken, REMOTE_ADDR=HOME).status_code == 400
    assert client.post(reverse("signup"), taken, REMOTE_ADDR=HOME).status_code == 429


def test_the_sign_up_throttle_ends_with_its_window(client, home_page, settings, monkeypatch):
    settings.KINWISE_SIGNUP_MAX_PER_ADDRESS = 1
    assert sign_up(client, 1).status_code == 302
    client.logout()
    assert sign_up(client, 2).status_code == 429
    import courses.teach.throttling as counter

    later = counter.time.time() + 3601
    monkeypatch.setattr(counter.time, "time", lambda: later)
    assert sign_up(client, 3).status_code == 302


# --- password reset ----------------------------------------------------------------------------


def ask_reset(client, email, address=HOME):
    return client.post(reverse("password_reset"), {"email": email}, REMOTE_ADDR=address)


def test_password_resets_for_one_email_are_throttled(client, parent, home_page):
    for _ in range(3):
        assert ask_reset(client, parent.email).status_code == 302
    assert len(mail.outbox) == 3
    # From another address too: the limit protects the parent's inbox.
    refused = ask_reset(client, parent.email.upper(), address=ATTACKER)
    assert refused.status_code == 429
    assert "<h1>Too many password resets</h1>" in text(refused)
    assert "wait 60 minutes and ask again" in text(refused)
    assert len(mail.outbox) == 3
    # Someone else's reset is not affected.
    mail.outbox.clear()
    assert ask_reset(client, "someone-else@example.com").status_code == 302


def test_password_resets_from_one_address_are_throttled(client, home_page, settings):
    settings.KINWISE_PASSWORD_RESET_MAX_PER_ADDRESS = 4
    codes = [ask_reset(client, f"nobody{n}@example.com").status_code for n in range(5)]
    assert codes == [302] * 4 + [429]
    assert ask_reset(client, "nobody@example.com", address=ATTACKER).status_code == 302


def test_unknown_and_known_addresses_are_throttled_alike(client, parent, home_page):
    known = [ask_reset(client, parent.email, address=HOME).status_code for _ in range(4)]
    unknown = [
        ask_reset(client, "ghost@example.com", address=ATTACKER).status_code for _ in range(4)
    ]
    assert known == unknown == [302, 302, 302, 429]
