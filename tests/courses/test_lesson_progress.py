import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from courses.completion import ProgressStatus as S
from courses.models import ChecklistTick, LessonPage, Progress
from courses.models.learner import CHECKLIST_SESSION_KEY
from courses.progress import SESSION_KEY
from tests.factories import PASSWORD, LessonPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def lesson(module):
    return LessonPageFactory(
        parent=module,
        title="Lock it down",
        body=[
            {"type": "paragraph", "value": "<p>Private accounts matter.</p>"},
            {
                "type": "checklist",
                "id": "list-1",
                "value": {"title": "Tonight", "items": ["Make it private", "Turn off DMs"]},
            },
        ],
    )


def item_ids(lesson):
    block = LessonPage.objects.get(pk=lesson.pk).find_block("list-1", "checklist")
    return [item.id for item in block.value["items"].bound_blocks]


def status(learner, page):
    row = Progress.objects.filter(learner=learner, translation_key=page.translation_key).first()
    return row and row.status


def test_viewing_marks_a_signed_in_learner_started(client, parent, lesson):
    client.force_login(parent)
    html = client.get(lesson.url).content.decode()
    assert status(parent, lesson) == S.STARTED
    assert "Mark as complete" in html


def test_visitors_reading_get_no_session(client, lesson):
    response = client.get(lesson.url)
    assert "sessionid" not in response.cookies
    assert "stays on this device until you create an account" in response.content.decode()


def test_mark_as_complete(client, parent, lesson):
    client.force_login(parent)
    response = client.post(lesson.url + "complete/")
    assert response.status_code == 302 and response["Location"].endswith("#lesson-status")
    assert status(parent, lesson) == S.COMPLETED
    html = client.get(lesson.url).content.decode()
    assert "You completed this lesson on" in html and "Mark as complete" not in html
    # Reopening never un-completes.
    assert status(parent, lesson) == S.COMPLETED


def test_visitor_completion_lives_in_the_session_and_is_claimed(client, parent, lesson):
    client.post(lesson.url + "complete/")
    assert client.session[SESSION_KEY][str(lesson.translation_key)]["status"] == "completed"
    assert not Progress.objects.exists()
    client.post(reverse("login"), {"username": parent.email, "password": PASSWORD})
    assert status(parent, lesson) == S.COMPLETED


def test_complete_is_post_only_and_writes_nothing_otherwise(client, parent, lesson):
    client.force_login(parent)
    assert client.get(lesson.url + "complete/").status_code == 405
    # The GET of the route does not count as viewing the lesson either.
    assert not Progress.objects.filter(learner=parent).exists()


def test_completing_what_is_not_a_live_lesson_is_a_404(client, parent, lesson, module):
    client.force_login(parent)
    assert client.post(module.url + "complete/").status_code == 404
    assert client.post("/no-such-page/complete/").status_code == 404
    lesson.unpublish()
    assert client.post(lesson.url + "complete/").status_code == 404
    assert not Progress.objects.exists()


def test_checklist_ticks_are_stored_and_shown(client, parent, lesson):
    first, second = item_ids(lesson)
    client.force_login(parent)
    url = lesson.url + "checklist/list-1/"
    response = client.post(url, {"item": [first]})
    assert response.status_code == 302
    assert set(ChecklistTick.objects.values_list("item_id", flat=True)) == {first}
    html = client.get(lesson.url).content.decode()
    assert f'value="{first}" id="checklist-list-1-0" checked' in html
    assert f'value="{second}" id="checklist-list-1-1">' in html
    # Unticking: the form sends what is ticked now.
    assert (
        client.post(url, {"item": [second]}, headers={"X-Requested-With": "fetch"}).status_code
        == 204
    )
    assert set(ChecklistTick.objects.values_list("item_id", flat=True)) == {second}
    assert status(parent, lesson) == S.STARTED


@pytest.mark.parametrize(
    "path, data",
    [("checklist/list-1/", {"item": ["not-an-item"]}), ("checklist/nope/", {"item": []})],
)
def test_bad_checklist_input_is_a_400_and_writes_nothing(client, parent, lesson, path, data):
    client.force_login(parent)
    response = client.post(lesson.url + path, data)
    assert response.status_code == 400
    assert response.content
    assert not ChecklistTick.objects.exists()
    assert client.get(lesson.url + path).status_code == 405


def test_visitor_ticks_are_claimed_on_log_in(client, parent, lesson):
    first, _ = item_ids(lesson)
    client.post(lesson.url + "checklist/list-1/", {"item": [first]})
    assert client.session[CHECKLIST_SESSION_KEY]
    client.post(reverse("login"), {"username": parent.email, "password": PASSWORD})
    assert list(ChecklistTick.objects.filter(learner=parent).values_list("item_id", flat=True)) == [
        first
    ]


def test_significant_change_tells_learners_who_completed_before(client, parent, lesson):
    from django.utils import timezone

    client.force_login(parent)
    client.post(lesson.url + "complete/")
    assert "Updated since you completed it" not in client.get(lesson.url).content.decode()
    LessonPage.objects.filter(pk=lesson.pk).update(significant_change_at=timezone.now())
    assert "Updated since you completed it" in client.get(lesson.url).content.decode()


def test_the_admin_form_sets_the_significant_change_date():
    from courses.forms import LessonPageForm
    from courses.models import LessonPage

    form_class = LessonPage.get_edit_handler().get_form_class()
    assert issubclass(form_class, LessonPageForm)
    assert "significant_change" in form_class.base_fields


def test_signed_in_lesson_page_budget_is_flat(client, parent, module):
    def count(n_lessons):
        lessons = [LessonPageFactory(parent=module) for _ in range(n_lessons)]
        target = lessons[len(lessons) // 2]
        client.force_login(parent)
        client.get(target.url)  # warm per-process caches; the row now exists
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(target.url).status_code == 200
        return len(ctx.captured_queries)

    three = count(3)
    thirty = count(27)
    assert three <= 12, three
    assert thirty == three
