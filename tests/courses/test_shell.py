"""Lesson page shells (courses.shell): the page rendered once, each learner's parts per request.

The promise under test: with the shell cache on, every person gets exactly the page they would
get with it off, whoever filled the shell.
"""

import re

import pytest
from django.core.cache import cache
from django.template import Context, Template, TemplateSyntaxError
from django.test import Client
from wagtail_factories import ImageFactory

from courses.completion import ProgressStatus
from courses.progress import DatabaseStore, record
from courses.shell import MARKER
from tests.courses.test_lesson import rich_body
from tests.factories import HelpResourceFactory, LessonPageFactory, PlatformFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}"')


@pytest.fixture(autouse=True)
def production_caches(settings):
    settings.KINWISE_ROUTE_CACHE = "default"
    settings.KINWISE_FRAGMENT_CACHE = "default"
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    cache.clear()


@pytest.fixture
def checklist_lesson(module):
    return LessonPageFactory(
        parent=module,
        title="Lock down the apps",
        body=rich_body(PlatformFactory(slug="snap"), HelpResourceFactory(), ImageFactory()),
    )


def shells() -> list[str]:
    """The cache keys of stored shells (without the cache's own prefix and version)."""
    return [key.split(":", 2)[2] for key in cache._cache if ":kinwise:shell:" in key]


def page(client, url, settings, cached: bool) -> str:
    settings.KINWISE_SHELL_CACHE = "default" if cached else None
    response = client.get(url)
    assert response.status_code == 200
    # Each render masks the CSRF secret afresh: compare the pages around the tokens.
    return TOKEN.sub(r'\1…"', response.content.decode())


def test_everyone_gets_the_page_they_would_get_without_the_shell(
    settings, checklist_lesson, parent, other_parent, teacher, editor
):
    # One learner has completed the lesson and ticked a checklist item; the shell is filled
    # by someone else first.
    record(DatabaseStore(parent), checklist_lesson, ProgressStatus.COMPLETED)
    filler = Client()
    filler.force_login(other_parent)
    page(filler, checklist_lesson.url, settings, cached=True)
    assert len(shells()) == 1
    people = {"learner": parent, "another learner": other_parent, "teacher": teacher}
    people["editor"] = editor
    for who, user in people.items():
        client = Client()
        client.force_login(user)
        if who == "teacher":
            session = client.session
            session["kinwise_is_teacher"] = True
            session.save()
        with_shell = page(client, checklist_lesson.url, settings, cached=True)
        without = page(client, checklist_lesson.url, settings, cached=False)
        assert with_shell == without, who
        assert MARKER.format(0) not in with_shell
    assert "You completed this lesson" in page(
        _signed_in(parent), checklist_lesson.url, settings, cached=True
    )
    other = page(_signed_in(other_parent), checklist_lesson.url, settings, cached=True)
    assert "You completed this lesson" not in other and "Mark as complete" in other


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_a_visitor_with_progress_in_their_session_gets_their_own_page(
    settings, checklist_lesson, parent
):
    page(_signed_in(parent), checklist_lesson.url, settings, cached=True)
    visitor = Client()
    visitor.post(checklist_lesson.url + "complete/")
    with_shell = page(visitor, checklist_lesson.url, settings, cached=True)
    assert with_shell == page(visitor, checklist_lesson.url, settings, cached=False)
    assert "You completed this lesson" in with_shell and "Log in" in with_shell


def test_a_hit_renders_only_the_live_regions(settings, checklist_lesson, parent, other_parent):
    page(_signed_in(other_parent), checklist_lesson.url, settings, cached=True)
    client = _signed_in(parent)
    settings.KINWISE_SHELL_CACHE = "default"
    cache.set(shells()[0], ("<p>shell " + MARKER.format(0) + "</p>", ["no-such-region"]))
    # A shell naming a region this process does not know is rendered afresh, not trusted.
    assert "Lock down the apps" in client.get(checklist_lesson.url).content.decode()
    stored_shell, region_ids = cache.get(shells()[0])
    cache.set(shells()[0], ("<p>shell " + MARKER.format(0) + "</p>", region_ids[:1]))
    assert client.get(checklist_lesson.url).content.decode().startswith("<p>shell ")


def test_publishing_replaces_the_shell(
    settings, checklist_lesson, parent, django_capture_on_commit_callbacks
):
    client = _signed_in(parent)
    page(client, checklist_lesson.url, settings, cached=True)
    with django_capture_on_commit_callbacks(execute=True):
        checklist_lesson.title = "Lock down the apps, again"
        checklist_lesson.save_revision().publish()
    assert "Lock down the apps, again" in page(client, checklist_lesson.url, settings, cached=True)


def test_a_shell_holding_who_the_user_is_is_never_stored(settings, checklist_lesson, parent):
    # The learner's name appears outside the live regions (here: it is the lesson's title).
    parent.display_name = "Lock down the apps"
    parent.save()
    page(_signed_in(parent), checklist_lesson.url, settings, cached=True)
    assert shells() == []


def test_preview_and_other_routes_never_use_a_shell(settings, checklist_lesson, parent):
    client = _signed_in(parent)
    settings.KINWISE_SHELL_CACHE = "default"
    client.post(checklist_lesson.url + "complete/")
    assert shells() == []


@pytest.mark.parametrize(
    "source",
    [
        "{% load courses_tags %}{% if user %}{% live %}x{% endlive %}{% endif %}",
        "{% load courses_tags %}{% for i in items %}{% live %}x{% endlive %}{% endfor %}",
        "{% load courses_tags %}{% with a=1 %}{% live %}x{% endlive %}{% endwith %}",
        "{% load courses_tags %}{% live %}{% block a %}x{% endblock %}{% endlive %}",
    ],
)
def test_live_regions_only_where_their_surroundings_are_shared(source):
    with pytest.raises(TemplateSyntaxError):
        Template(source)


def test_a_live_region_renders_as_is_without_a_shell():
    template = Template("{% load courses_tags %}a{% live %}{{ who }}{% endlive %}b")
    assert template.render(Context({"who": "Pat"})) == "aPatb"
