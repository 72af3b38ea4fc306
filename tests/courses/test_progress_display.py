import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from courses.completion import ProgressStatus as S
from courses.progress import DatabaseStore, SessionStore, record
from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Safety course")
    m1 = ModulePageFactory(parent=course, title="First module")
    m2 = ModulePageFactory(parent=course, title="Second module")
    lessons = [
        LessonPageFactory(parent=m1, title="Lesson one"),
        LessonPageFactory(parent=m1, title="Lesson two"),
        LessonPageFactory(parent=m2, title="Lesson three"),
    ]
    return course, m1, m2, lessons


def test_course_page_shows_progress_and_where_to_continue(client, parent, tree):
    course, m1, m2, lessons = tree
    db = DatabaseStore(parent)
    record(db, lessons[0], S.COMPLETED)
    record(db, lessons[2], S.STARTED)
    client.force_login(parent)
    html = client.get(course.url).content.decode()
    assert "1 of 3 activities done (33%)" in html
    assert "Continue where you left off" in html
    assert f'href="{lessons[2].url}"' in html
    # Per module: one of two done in the first, none of one in the second.
    assert "1 of 2 activities done" in html and "0 of 1 activity done" in html


def test_pages_show_no_progress_to_a_visitor_who_has_none(client, tree):
    course, m1, _, _ = tree
    for page in (course, m1, course.get_parent()):
        response = client.get(page.url)
        assert "activities done" not in response.content.decode()
        assert "sessionid" not in response.cookies


def test_module_page_ticks_finished_lessons(client, parent, tree):
    _, m1, _, lessons = tree
    record(DatabaseStore(parent), lessons[0], S.COMPLETED)
    client.force_login(parent)
    html = client.get(m1.url).content.decode()
    assert "1 of 2 activities done (50%)" in html
    first, second = html.split("Lesson one", 1)[1].split("Lesson two", 1)
    assert "✓</span> Completed" in first
    assert "Completed" not in second


def test_catalogue_shows_progress_for_started_courses_only(client, parent, tree, catalogue):
    course, _, _, lessons = tree
    CoursePageFactory(parent=catalogue, title="Untouched course")
    record(DatabaseStore(parent), lessons[0], S.COMPLETED)
    client.force_login(parent)
    html = client.get(catalogue.url).content.decode()
    assert html.count("activities done") == 1
    assert "1 of 3 activities done (33%)" in html


def test_visitor_progress_shows_from_the_session(client, tree):
    course, _, _, lessons = tree
    session = client.session
    record(SessionStore(session), lessons[0], S.COMPLETED)
    session.save()
    assert "1 of 3 activities done (33%)" in client.get(course.url).content.decode()


def test_course_page_with_progress_has_a_flat_budget(client, parent, catalogue):
    def count(n_modules):
        course = CoursePageFactory(parent=catalogue, title=f"Budget {n_modules}")
        for i in range(n_modules):
            module = ModulePageFactory(parent=course)
            lesson = LessonPageFactory(parent=module)
            if i % 2 == 0:
                record(DatabaseStore(parent), lesson, S.COMPLETED)
        client.force_login(parent)
        client.get(course.url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(course.url).status_code == 200
        return len(ctx.captured_queries)

    three = count(3)
    thirty = count(30)
    assert three <= 12, three
    assert thirty == three


def test_home_page_offers_to_continue(client, parent, tree, home_page):
    _, _, _, lessons = tree
    record(DatabaseStore(parent), lessons[0], S.COMPLETED)
    record(DatabaseStore(parent), lessons[1], S.STARTED)
    client.force_login(parent)
    html = client.get(home_page.url).content.decode()
    assert "Continue where you left off" in html
    assert f'href="{lessons[1].url}"' in html
    client.logout()
    assert "Continue where you left off" not in client.get(home_page.url).content.decode()


def test_my_learning_lists_lessons_updated_since_completion(client, parent, tree):
    from django.utils import timezone

    from courses.models import LessonPage

    _, _, _, lessons = tree
    record(DatabaseStore(parent), lessons[0], S.COMPLETED)
    client.force_login(parent)
    assert "Updated since you completed it" not in client.get("/learning/").content.decode()
    LessonPage.objects.filter(pk=lessons[0].pk).update(significant_change_at=timezone.now())
    html = client.get("/learning/").content.decode()
    assert "Updated since you completed it" in html
    assert f'href="{lessons[0].url}">Lesson one</a>' in html
