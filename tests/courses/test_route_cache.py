"""The route cache (courses.cache.PageRouteCacheMiddleware) and the throttled view time.

A signed-in learner's lesson page is rendered for them on every request; what does not depend
on them (the site, the page, its view restrictions, the lesson's neighbours and sources) comes
from the route cache, and a reload within a minute writes nothing.
"""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction

from courses.completion import ProgressStatus
from courses.models import Progress
from courses.progress import DatabaseStore, record
from tests.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def route_cache_on(settings):
    settings.KINWISE_ROUTE_CACHE = "default"
    settings.KINWISE_FRAGMENT_CACHE = "default"
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"


def queries(client, url) -> tuple[list[str], object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return [q["sql"] for q in captured.captured_queries], response


def tables(sql: list[str]) -> str:
    return "\n".join(sql)


def test_a_repeat_view_reads_neither_site_nor_tree(client, parent, module, lesson):
    LessonPageFactory(parent=module, title="The next lesson")
    client.force_login(parent)
    client.get(lesson.url)
    first, response = queries(client, lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert lesson.title in html and "The next lesson" in html  # neighbours from the cache
    assert "wagtailcore_site" not in tables(first)
    assert "wagtailcore_page" not in tables(first)
    assert "pageviewrestriction" not in tables(first)
    assert "courses_lessonsource" not in tables(first)
    # The user and the learner's own progress: what is theirs is read for them.
    assert len(first) == 2, first


def test_course_and_module_pages_keep_their_content_with_the_route(
    client, parent, course, module, lesson
):
    client.force_login(parent)
    for page, child in ((course, module), (module, lesson)):
        client.get(page.url)
        sql, response = queries(client, page.url)
        assert child.title in response.content.decode()  # from the cached content
        content = [q for q in sql if "courses_assignment" not in q]  # the learner's own
        assert "wagtailcore_page" not in tables(content), content
        assert "taggit" not in tables(content), content
    # Progress is still the learner's own, read on each request.
    client.post(lesson.url + "complete/")
    assert "1 of 1" in " ".join(client.get(module.url).content.decode().split())


def test_different_paths_hosts_and_languages_get_their_own_routes(client, parent, module, lesson):
    other = LessonPageFactory(parent=module, title="A different lesson")
    client.force_login(parent)
    for _ in range(2):
        assert lesson.title in client.get(lesson.url).content.decode()
        page = client.get(other.url).content.decode()
        assert "A different lesson" in page
        assert f'<h1 id="lesson-title">{lesson.title}' not in page
    assert client.get(lesson.url + "no-such-page/").status_code == 404
    assert client.get(lesson.url + "no-such-page/").status_code == 404
    assert client.get(module.url).status_code == 200


def test_publishing_a_change_is_seen_at_once(
    client, parent, lesson, django_capture_on_commit_callbacks
):
    client.force_login(parent)
    client.get(lesson.url)
    with django_capture_on_commit_callbacks(execute=True):
        lesson.title = "Gifts, secrets and new phones"
        lesson.save_revision().publish()
    assert "Gifts, secrets and new phones" in client.get(lesson.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_new_view_restriction_applies_at_once(
    client, parent, lesson, django_capture_on_commit_callbacks, settings
):
    settings.KINWISE_PAGE_CACHE = "default"
    visitor = Client()
    client.force_login(parent)
    for _ in range(2):
        assert "lesson__body" in client.get(lesson.url).content.decode()
        # and in the anonymous page cache
        assert "lesson__body" in visitor.get(lesson.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=lesson, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    for who in (client, visitor):
        page = who.get(lesson.url).content.decode()
        assert "password" in page and "lesson__body" not in page  # Wagtail's password form
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.all().delete()
    assert "lesson__body" in client.get(lesson.url).content.decode()


def test_a_route_is_kept_only_for_pages(client, lesson, settings):
    from django.core.cache import cache

    cache.clear()
    Client().post(lesson.url + "complete/")
    Client().get("/no-such-page/")
    assert not [k for k in cache._cache if ":kinwise:route:" in k]
    Client().get(lesson.url)
    assert len([k for k in cache._cache if ":kinwise:route:" in k]) == 1


def test_off_without_the_setting(client, parent, lesson, settings):
    settings.KINWISE_ROUTE_CACHE = None
    client.force_login(parent)
    client.get(lesson.url)
    sql, _response = queries(client, lesson.url)
    assert "wagtailcore_page" in tables(sql)


# --- The view time ---------------------------------------------------------------------------


def test_a_reload_within_the_precision_writes_nothing(client, parent, lesson):
    client.force_login(parent)
    client.get(lesson.url)  # first view: the row and its roll-ups
    row = Progress.objects.get(learner=parent, translation_key=lesson.translation_key)
    sql, _response = queries(client, lesson.url)
    assert not [q for q in sql if q.startswith(("UPDATE", "INSERT"))], sql
    assert Progress.objects.get(pk=row.pk).last_viewed_at == row.last_viewed_at


def test_a_view_after_the_precision_or_of_another_translation_is_written(parent, lesson, settings):
    settings.KINWISE_VIEW_TIME_PRECISION = 60
    start = timezone.now()
    store = DatabaseStore(parent)
    record(store, lesson, ProgressStatus.STARTED, now=start)
    row = Progress.objects.get(learner=parent, translation_key=lesson.translation_key)
    record(store, lesson, ProgressStatus.STARTED, now=start + datetime.timedelta(seconds=59))
    row.refresh_from_db()
    assert row.last_viewed_at == start
    later = start + datetime.timedelta(seconds=60)
    record(store, lesson, ProgressStatus.STARTED, now=later)
    row.refresh_from_db()
    assert row.last_viewed_at == later
    # The same lesson in another language (same translation key, another page) is the page
    # to resume, so it is written at once.
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    translated = lesson.copy_for_translation(spanish, copy_parents=True)
    record(store, translated, ProgressStatus.STARTED, now=later + datetime.timedelta(seconds=1))
    row.refresh_from_db()
    assert row.page_id == translated.pk


def test_completing_within_the_precision_is_still_recorded(client, parent, lesson):
    client.force_login(parent)
    client.get(lesson.url)
    client.post(lesson.url + "complete/")
    row = Progress.objects.get(learner=parent, translation_key=lesson.translation_key)
    assert row.status == ProgressStatus.COMPLETED and row.completed_at is not None
