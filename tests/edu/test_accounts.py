import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

User = get_user_model()


def test_sign_up_creates_the_account_and_logs_in(client, home_page):
    response = client.post(
        reverse("signup"),
        {
            "email": "New.Parent@Example.com",
            "display_name": "Sam",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
            "next": "/",
        },
    )
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "new.parent@example.com"
    assert user.display_name == "Sam"
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_needs_no_display_name(client, home_page):
    response = client.post(
        reverse("signup"),
        {
            "email": "a@example.com",
            "password1": "another-long-pass",
            "password2": "another-long-pass",
        },
    )
    assert response.status_code == 302
    assert User.objects.get().display_name == ""


@pytest.mark.parametrize(
    "data, field",
    [
        (
            {
                "email": "not-an-email",
                "password1": "x-long-enough-1",
                "password2": "x-long-enough-1",
            },
            "email",
        ),
        (
            {"email": "b@example.com", "password1": "x-long-enough-1", "password2": "different-2"},
            "password2",
        ),
        ({"email": "b@example.com", "password1": "123", "password2": "123"}, "password2"),
        ({}, "email"),
    ],
)
def test_invalid_sign_up_is_a_400_that_writes_nothing(client, home_page, data, field):
    response = client.post(reverse("signup"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not User.objects.exists()
    # The error is tied to its field for screen readers.
    html = response.content.decode()
    assert f'id="id_{field}_errors"' in html
    widget = re.search(rf'<input[^>]*id="id_{field}"[^>]*>', html).group(0)
    assert re.search(rf'aria-describedby="[^"]*id_{field}_errors', widget), widget
    assert 'aria-invalid="true"' in widget


def test_sign_up_refuses_an_email_already_used_in_another_case(client, parent):
    response = client.post(
        reverse("signup"),
        {
            "email": parent.email.upper(),
            "password1": "x-long-enough-1",
            "password2": "x-long-enough-1",
        },
    )
    assert response.status_code == 400
    assert "already exists" in response.content.decode()
    assert User.objects.count() == 1


def test_sign_up_ignores_an_offsite_next(client, home_page):
    response = client.post(
        reverse("signup"),
        {
            "email": "c@example.com",
            "password1": "x-long-enough-1",
            "password2": "x-long-enough-1",
            "next": "https://evil.example.net/",
        },
    )
    assert response["Location"] == "/"


def test_log_in_with_email_in_any_case(client, parent):
    response = client.post(
        reverse("login"), {"username": parent.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(parent.pk)


def test_wrong_password_is_a_400_with_a_message(client, parent, home_page):
    response = client.post(reverse("login"), {"username": parent.email, "password": "wrong"})
    assert response.status_code == 400
    assert "_auth_user_id" not in client.session
    assert "enter a correct" in response.content.decode().lower()


def test_log_out_is_a_post(client, parent, home_page):
    client.force_login(parent)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session
    client.post(reverse("logout"))
    assert "_auth_user_id" not in client.session


def test_password_reset_sends_a_working_link(client, parent, home_page):
    response = client.post(reverse("password_reset"), {"email": parent.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [parent.email]
    link = next(line for line in mail.outbox[0].body.splitlines() if "/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    set_password_url = form_page.redirect_chain[-1][0]
    response = client.post(
        set_password_url,
        {"new_password1": "a-brand-new-passphrase", "new_password2": "a-brand-new-passphrase"},
    )
    assert response.status_code == 302
    parent.refresh_from_db()
    assert parent.check_password("a-brand-new-passphrase")


def test_password_reset_for_an_unknown_address_sends_nothing(client, home_page):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"})
    assert response.status_code == 302
    assert mail.outbox == []
