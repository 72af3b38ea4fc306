"""The suite's own hygiene: what one test leaves behind must not reach the next."""

from django.urls import reverse


def test_a_spanish_request(client, home_page):
    assert client.get("/es/accounts/login/").status_code == 200


def test_the_next_test_starts_in_the_default_language(client, home_page):
    # Without tests/conftest.py's default_language fixture this is /es/accounts/signup/
    # whenever the previous test on the worker made a request in Spanish.
    assert reverse("signup") == "/accounts/signup/"
