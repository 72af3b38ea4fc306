"""The anonymous page cache (courses.cache): who gets cached pages, and when they are forgotten."""

import re
import shutil
import socket
import subprocess
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from courses.cache import HIT_HEADER, PLACEHOLDER
from tests.factories import PASSWORD, HelpResourceFactory, LessonPageFactory

pytestmark = pytest.mark.django_db

TOKEN_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.KINWISE_PAGE_CACHE = "default"


def cached(response) -> str | None:
    return response.get(HIT_HEADER)


def test_second_anonymous_request_is_a_hit_without_queries(client, lesson):
    first = client.get(lesson.url)
    assert first.status_code == 200 and cached(first) == "miss"
    fresh = Client()  # no cookies at all, like a new visitor
    with CaptureQueriesContext(connection) as queries:
        second = fresh.get(lesson.url)
    assert cached(second) == "hit"
    assert len(queries) == 0, [q["sql"] for q in queries.captured_queries]
    assert lesson.title in second.content.decode()


def test_cache_is_off_without_the_setting(client, lesson, settings):
    settings.KINWISE_PAGE_CACHE = None
    client.get(lesson.url)
    assert cached(client.get(lesson.url)) is None


def test_publishing_forgets_cached_pages(client, lesson, django_capture_on_commit_callbacks):
    client.get(lesson.url)
    assert cached(client.get(lesson.url)) == "hit"
    lesson.title = "Gifts, secrets and new phones"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    response = client.get(lesson.url)
    assert cached(response) == "miss"
    assert "Gifts, secrets and new phones" in response.content.decode()


def test_unpublishing_and_moving_forget_cached_pages(
    client, module, lesson, django_capture_on_commit_callbacks
):
    other = LessonPageFactory(parent=module, title="Other lesson")
    client.get(module.url)
    assert cached(client.get(module.url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        other.unpublish()
    response = client.get(module.url)
    assert cached(response) == "miss" and "Other lesson" not in response.content.decode()
    assert cached(client.get(module.url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.move(module.get_parent(), pos="last-child")
    assert cached(client.get(module.url)) == "miss"


def test_snippet_and_setting_changes_forget_cached_pages(
    client, lesson, instagram, help_page, django_capture_on_commit_callbacks
):
    from courses.models import HelpSettings

    client.get(help_page.url)
    assert cached(client.get(help_page.url)) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        HelpResourceFactory(name="A new helpline", region="US")
    response = client.get(help_page.url)
    assert cached(response) == "miss"
    client.get(lesson.url)
    with django_capture_on_commit_callbacks(execute=True):
        instagram.name = "Insta"
        instagram.save()
    assert cached(client.get(lesson.url)) == "miss"
    with django_capture_on_commit_callbacks(execute=True):
        HelpSettings.for_site(help_page.get_site()).save()
    assert cached(client.get(lesson.url)) == "miss"


def test_two_visitors_never_share_a_csrf_token(lesson):
    alice, bob = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = alice.get(lesson.url)
    second = bob.get(lesson.url)
    assert (cached(first), cached(second)) == ("miss", "hit")
    token_a = TOKEN_RE.findall(first.content.decode())
    token_b = TOKEN_RE.findall(second.content.decode())
    assert token_a and token_b
    assert set(token_a).isdisjoint(token_b)
    assert PLACEHOLDER.decode() not in second.content.decode()
    assert bob.cookies["csrftoken"].value != alice.cookies["csrftoken"].value
    # Each visitor's form works with their own cookie (the page has no JavaScript here).
    response = bob.post(lesson.url + "complete/", {"csrfmiddlewaretoken": token_b[0]})
    assert response.status_code == 302
    # ... and one visitor's token is refused with the other's cookie.
    response = alice.post(lesson.url + "complete/", {"csrfmiddlewaretoken": token_b[0]})
    assert response.status_code == 403


def test_visitor_with_a_session_gets_their_own_page(client, lesson):
    client.get(lesson.url)  # cached for anonymous visitors
    client.post(lesson.url + "complete/")  # now this visitor has a session with progress
    response = client.get(lesson.url)
    assert cached(response) is None
    assert "You completed this lesson" in response.content.decode()
    # ... and their page was not stored for others.
    anonymous = Client().get(lesson.url)
    assert cached(anonymous) == "hit"
    assert "You completed this lesson" not in anonymous.content.decode()


def test_signed_in_users_neither_read_nor_fill_the_cache(client, parent, lesson):
    assert client.login(email=parent.email, password=PASSWORD)
    response = client.get(lesson.url)
    assert cached(response) is None and "Log out" in response.content.decode()
    assert cached(client.get(lesson.url)) is None
    anonymous = Client().get(lesson.url)
    assert cached(anonymous) == "miss" and "Log out" not in anonymous.content.decode()
    assert cached(client.get(lesson.url)) is None  # the anonymous copy is not served to them


def test_messages_cookie_bypasses_the_cache(client, lesson):
    client.get(lesson.url)
    client.cookies["messages"] = "anything"
    assert cached(client.get(lesson.url)) is None


def test_private_pages_posts_and_errors_are_not_cached(client, lesson):
    PageViewRestriction.objects.create(
        page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    client.get(lesson.url)
    assert cached(client.get(lesson.url)) is None
    client.get("/no-such-page/")
    assert cached(client.get("/no-such-page/")) is None
    client.post(lesson.url + "complete/")
    assert cached(Client().post(lesson.url + "check/nope/")) is None


def test_key_has_host_query_string_and_language(client, lesson, settings):
    settings.ALLOWED_HOSTS = ["*"]
    settings.LANGUAGES = [("en", "English"), ("es", "Spanish")]
    client.get(lesson.url + "?a=1&b=2")
    assert cached(client.get(lesson.url + "?b=2&a=1")) == "hit"
    assert cached(client.get(lesson.url + "?a=1")) == "miss"
    assert cached(client.get(lesson.url, HTTP_HOST="other.example")) == "miss"
    english = client.get(lesson.url, HTTP_ACCEPT_LANGUAGE="en")
    spanish = client.get(lesson.url, HTTP_ACCEPT_LANGUAGE="es")
    assert cached(spanish) == "miss", "one language's page served for another"
    assert '<html lang="es">' in spanish.content.decode()
    assert '<html lang="en">' in english.content.decode()
    assert cached(client.get(lesson.url, HTTP_ACCEPT_LANGUAGE="es")) == "hit"


@pytest.fixture
def redis_url(tmp_path):
    """A throwaway Redis server on loopback (Debian's redis-server), when it is installed."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install -y redis-server)")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(  # noqa: S603 - the machine's redis-server
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_page_cache_and_sessions_on_a_real_redis(
    redis_url, settings, lesson, parent, django_capture_on_commit_callbacks
):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.KINWISE_PAGE_CACHE = "default"
    assert cached(Client().get(lesson.url)) == "miss"
    assert cached(Client().get(lesson.url)) == "hit"
    lesson.title = "Retitled on another app server"
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    response = Client().get(lesson.url)
    assert cached(response) == "miss" and "Retitled" in response.content.decode()
    client = Client()
    assert client.login(email=parent.email, password=PASSWORD)
    response = client.get(lesson.url)
    assert cached(response) is None and "Log out" in response.content.decode()
