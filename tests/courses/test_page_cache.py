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

    client.get(help_page.url)  # creates the help settings row on first use: a new generation
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


def test_key_has_host_query_string_and_language(client, lesson, settings, rf):
    from courses.cache import _key

    settings.ALLOWED_HOSTS = ["*"]
    client.get(lesson.url + "?a=1&b=2")
    assert cached(client.get(lesson.url + "?b=2&a=1")) == "hit"
    assert cached(client.get(lesson.url + "?a=1")) == "miss"
    assert cached(client.get(lesson.url, HTTP_HOST="other.example")) == "miss"
    english, spanish = rf.get(lesson.url), rf.get(lesson.url)
    english.LANGUAGE_CODE, spanish.LANGUAGE_CODE = "en", "es"
    assert _key(english, "1") != _key(spanish, "1")


def test_a_cached_page_keeps_the_language_an_uncached_one_would_have(client, lesson, settings):
    """Accept-Language and the language cookie never get one language's page to another."""

    def lang(response):
        return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)

    for accept in ("en", "es", "es", "en"):
        settings.KINWISE_PAGE_CACHE = "default"
        from_cache = client.get(lesson.url, HTTP_ACCEPT_LANGUAGE=accept)
        settings.KINWISE_PAGE_CACHE = None
        fresh = Client().get(lesson.url, HTTP_ACCEPT_LANGUAGE=accept)
        assert lang(from_cache) == lang(fresh), accept
    client.cookies["django_language"] = "es"
    settings.KINWISE_PAGE_CACHE = "default"
    from_cache = client.get(lesson.url)
    settings.KINWISE_PAGE_CACHE = None
    assert lang(from_cache) == lang(client.get(lesson.url))


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


# --- Lesson bodies (KINWISE_FRAGMENT_CACHE) ------------------------------------------------


@pytest.fixture
def rich_lesson(module):
    from wagtail_factories import ImageFactory

    from tests.courses.test_lesson import rich_body
    from tests.factories import PlatformFactory

    platform = PlatformFactory(slug="snap", name="Snap")
    return LessonPageFactory(
        parent=module,
        body=rich_body(platform, HelpResourceFactory(name="Helpline"), ImageFactory()),
    )


def lesson_html(client, lesson) -> str:
    html = client.get(lesson.url).content.decode()
    return TOKEN_RE.sub("token", html)


def test_cached_lesson_body_renders_the_same_page_with_fewer_queries(
    client, parent, rich_lesson, settings
):
    settings.KINWISE_PAGE_CACHE = None
    client.force_login(parent)
    client.get(rich_lesson.url)
    with CaptureQueriesContext(connection) as uncached:
        fresh = lesson_html(client, rich_lesson)
    settings.KINWISE_FRAGMENT_CACHE = "default"
    client.get(rich_lesson.url)
    with CaptureQueriesContext(connection) as cached_queries:
        cached_html = lesson_html(client, rich_lesson)
    assert cached_html == fresh

    def tables(queries):
        return {re.search(r'(?:FROM|UPDATE) "(\w+)"', q["sql"]).group(1) for q in queries}

    snippets = {"courses_platform", "wagtailimages_image", "courses_helpresource"}
    assert not tables(cached_queries.captured_queries) & snippets
    assert len(cached_queries) <= len(uncached)


def test_cached_lesson_body_keeps_each_learners_checklist_and_answers(
    client, parent, other_parent, rich_lesson, settings
):
    settings.KINWISE_FRAGMENT_CACHE = "default"
    client.force_login(parent)
    client.get(rich_lesson.url)
    item = rich_lesson.find_block("list1", "checklist").value["items"].bound_blocks[0].id
    client.post(rich_lesson.url + "checklist/list1/", {"item": [item]})
    ticked = re.compile(rf'value="{item}"[^>]* checked>')
    assert ticked.search(client.get(rich_lesson.url).content.decode())
    other = Client()
    other.force_login(other_parent)
    html = other.get(rich_lesson.url).content.decode()
    assert f'value="{item}"' in html and not ticked.search(html)
    answered = other.post(rich_lesson.url + "check/kc1/", {"choice": "1"}).content.decode()
    assert "Exactly." in answered
    assert "Exactly." not in client.get(rich_lesson.url).content.decode()


def test_cached_lesson_body_shows_published_and_snippet_changes(
    client, parent, rich_lesson, settings
):
    from courses.models import Platform

    settings.KINWISE_FRAGMENT_CACHE = "default"
    client.force_login(parent)
    assert "Snap" in client.get(rich_lesson.url).content.decode()
    platform = Platform.objects.get(slug="snap")
    platform.name = "Snapchat (renamed)"
    platform.save()
    assert "Snapchat (renamed)" in client.get(rich_lesson.url).content.decode()
    rich_lesson.body = [{"type": "paragraph", "value": "<p>A new revision.</p>"}]
    rich_lesson.save_revision().publish()
    html = client.get(rich_lesson.url).content.decode()
    assert "A new revision." in html and "Snapchat (renamed)" not in html
