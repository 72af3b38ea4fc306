import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore as DjangoSession
from django.test import RequestFactory
from django.utils import timezone

from courses.completion import ProgressStatus
from courses.models import (
    CourseIndexPage,
    CoursePage,
    LessonPage,
    LessonSource,
    ModulePage,
    Progress,
)
from courses.progress import (
    SESSION_KEY,
    DatabaseStore,
    Entry,
    SessionStore,
    claim_session_progress,
    merge,
    record,
)

pytestmark = pytest.mark.django_db

S = ProgressStatus


def _lesson(module, title):
    lesson = LessonPage(
        title=title,
        body=[("paragraph", "<p>Text.</p>")],
        last_verified=datetime.date(2026, 11, 1),
        sources=[
            LessonSource(
                title="Source",
                publisher="Publisher",
                url="https://example.org/",
                accessed=datetime.date(2026, 11, 1),
            )
        ],
    )
    module.add_child(instance=lesson)
    return lesson


@pytest.fixture
def course(home_page):
    index = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = index.add_child(instance=CoursePage(title="Course", summary="S"))
    m1 = course.add_child(instance=ModulePage(title="Module one"))
    m2 = course.add_child(instance=ModulePage(title="Module two"))
    lessons = {
        "a": _lesson(m1, "Lesson A"),
        "b": _lesson(m1, "Lesson B"),
        "c": _lesson(m2, "Lesson C"),
    }
    return {"course": course, "m1": m1, "m2": m2, **lessons}


def status_of(learner, page):
    row = Progress.objects.filter(learner=learner, translation_key=page.translation_key).first()
    return row.status if row else None


def test_viewing_starts_and_marking_completes_a_lesson(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.STARTED)
    assert status_of(parent, course["a"]) == S.STARTED
    record(db, course["a"], S.COMPLETED)
    row = Progress.objects.get(learner=parent, translation_key=course["a"].translation_key)
    assert row.status == S.COMPLETED and row.completed_at is not None


def test_reopening_never_uncompletes(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.COMPLETED)
    key = course["a"].translation_key
    completed_at = Progress.objects.get(learner=parent, translation_key=key).completed_at
    record(db, course["a"], S.STARTED)
    row = Progress.objects.get(learner=parent, translation_key=course["a"].translation_key)
    assert row.status == S.COMPLETED
    assert row.completed_at == completed_at
    assert row.last_viewed_at >= completed_at


def test_module_completes_with_its_last_lesson_and_course_with_its_last_module(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.COMPLETED)
    assert status_of(parent, course["m1"]) == S.STARTED
    record(db, course["b"], S.COMPLETED)
    assert status_of(parent, course["m1"]) == S.COMPLETED
    assert status_of(parent, course["course"]) == S.STARTED
    record(db, course["c"], S.COMPLETED)
    assert status_of(parent, course["m2"]) == S.COMPLETED
    assert status_of(parent, course["course"]) == S.COMPLETED


def test_progress_is_per_learner(parent, other_parent, course):
    record(DatabaseStore(parent), course["a"], S.COMPLETED)
    assert status_of(other_parent, course["a"]) is None
    assert Progress.objects.for_learner(other_parent).count() == 0


def test_a_lesson_added_to_a_completed_module_keeps_the_completion(parent, course):
    db = DatabaseStore(parent)
    for key in "ab":
        record(db, course[key], S.COMPLETED)
    _lesson(course["m1"], "Lesson added later")
    # The module stays completed (a finished module is history, not a live calculation);
    # the new lesson is simply not done yet.
    assert status_of(parent, course["m1"]) == S.COMPLETED


def test_merge_keeps_the_better_result():
    t0 = timezone.now()
    t1 = t0 + datetime.timedelta(minutes=5)
    passed = Entry(1, S.PASSED, 80, t0, t0, t0)
    failed_later = Entry(1, S.FAILED, 40, t1, t1, None)
    merged = merge(passed, failed_later)
    assert merged.status == S.PASSED
    assert merged.score == 80
    assert merged.completed_at == t0
    assert merged.last_viewed_at == t1
    assert merge(failed_later, passed) == merged


def test_score_is_the_best_one(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.FAILED, 40)
    record(db, course["a"], S.PASSED, 80)
    record(db, course["a"], S.PASSED, 60)
    row = Progress.objects.get(learner=parent, translation_key=course["a"].translation_key)
    assert (row.status, row.score) == (S.PASSED, 80)


def test_a_failed_quiz_completes_nothing(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.COMPLETED)
    record(db, course["b"], S.FAILED, 20)
    assert status_of(parent, course["m1"]) == S.STARTED
    assert Progress.objects.for_learner(parent).completed().count() == 1


def _visitor_request():
    request = RequestFactory().get("/")
    request.session = DjangoSession()
    request.user = AnonymousUser()
    return request


def test_visitor_progress_lives_in_the_session_and_rolls_up(course):
    request = _visitor_request()
    store = SessionStore(request.session)
    record(store, course["a"], S.COMPLETED)
    record(store, course["b"], S.COMPLETED)
    assert not Progress.objects.exists()
    keys = [course["a"].translation_key, course["m1"].translation_key]
    found = store.get_many(keys)
    assert found[course["m1"].translation_key].status == S.COMPLETED


def test_claiming_merges_without_overwriting_a_better_result(parent, course):
    db = DatabaseStore(parent)
    record(db, course["c"], S.PASSED, 90)  # already better in the account

    request = _visitor_request()
    store = SessionStore(request.session)
    record(store, course["a"], S.COMPLETED)
    record(store, course["b"], S.COMPLETED)
    record(store, course["c"], S.FAILED, 30)
    saved = dict(request.session[SESSION_KEY])

    claim_session_progress(request, parent)
    assert status_of(parent, course["a"]) == S.COMPLETED
    assert status_of(parent, course["m1"]) == S.COMPLETED
    row_c = Progress.objects.get(learner=parent, translation_key=course["c"].translation_key)
    assert (row_c.status, row_c.score) == (S.PASSED, 90)
    # Module two and the course are complete now that everything is.
    assert status_of(parent, course["course"]) == S.COMPLETED
    assert SESSION_KEY not in request.session

    # Claiming the same data twice changes nothing.
    snapshot = list(
        Progress.objects.values_list("translation_key", "status", "score", "completed_at")
    )
    request.session[SESSION_KEY] = saved
    claim_session_progress(request, parent)
    assert (
        list(Progress.objects.values_list("translation_key", "status", "score", "completed_at"))
        == snapshot
    )


def test_logging_in_claims_the_session(client, parent, course):
    session = client.session
    store = SessionStore(session)
    record(store, course["a"], S.COMPLETED)
    session.save()
    from tests.factories import PASSWORD

    response = client.post("/accounts/login/", {"username": parent.email, "password": PASSWORD})
    assert response.status_code == 302
    assert status_of(parent, course["a"]) == S.COMPLETED


def test_unique_per_learner_and_page_in_the_database(parent, course):
    from django.db import IntegrityError, transaction

    record(DatabaseStore(parent), course["a"], S.STARTED)
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Progress.objects.create(
            learner=parent,
            page=course["a"],
            translation_key=course["a"].translation_key,
            status=S.STARTED,
            first_viewed_at=now,
            last_viewed_at=now,
        )


def test_record_progress_signal_stores_for_signed_in_and_visitor(parent, course):
    request = _visitor_request()
    course["a"].record_progress(request, S.COMPLETED)
    assert request.session[SESSION_KEY][str(course["a"].translation_key)]["status"] == "completed"
    request.user = parent
    course["b"].record_progress(request, S.COMPLETED)
    assert status_of(parent, course["b"]) == S.COMPLETED


# --- roll-up rows from the first view --------------------------------------------------------


def _rows(learner, *pages):
    keys = {page.translation_key: name for name, page in pages}
    return {
        keys[row.translation_key]: row
        for row in Progress.objects.filter(learner=learner, translation_key__in=list(keys))
    }


def test_the_first_view_in_a_module_starts_the_module_and_the_course(parent, course):
    t0 = timezone.now() - datetime.timedelta(hours=3)
    db = DatabaseStore(parent)
    record(db, course["a"], S.STARTED, now=t0)
    rows = _rows(parent, ("m1", course["m1"]), ("course", course["course"]), ("m2", course["m2"]))
    assert set(rows) == {"m1", "course"}  # module two is not started
    for row in rows.values():
        assert (row.status, row.first_viewed_at, row.completed_at) == (S.STARTED, t0, None)

    # Later views elsewhere in the module leave the started rows as they are.
    record(db, course["b"], S.STARTED, now=t0 + datetime.timedelta(hours=1))
    record(db, course["c"], S.STARTED, now=t0 + datetime.timedelta(hours=2))
    rows = _rows(parent, ("m1", course["m1"]), ("course", course["course"]), ("m2", course["m2"]))
    assert rows["m1"].first_viewed_at == rows["course"].first_viewed_at == t0
    assert (rows["m2"].status, rows["m2"].first_viewed_at) == (
        S.STARTED,
        t0 + datetime.timedelta(hours=2),
    )


def test_a_completed_module_keeps_when_it_was_started(parent, course):
    t0 = timezone.now() - datetime.timedelta(hours=3)
    db = DatabaseStore(parent)
    record(db, course["a"], S.STARTED, now=t0)
    record(db, course["a"], S.COMPLETED, now=t0 + datetime.timedelta(hours=1))
    done = t0 + datetime.timedelta(hours=2)
    record(db, course["b"], S.COMPLETED, now=done)
    row = _rows(parent, ("m1", course["m1"]))["m1"]
    assert (row.status, row.first_viewed_at, row.completed_at) == (S.COMPLETED, t0, done)
    # Status only moves forward: a later first record elsewhere does not reopen it.
    record(db, course["c"], S.STARTED, now=done)
    assert _rows(parent, ("m1", course["m1"]))["m1"].status == S.COMPLETED


def test_completing_without_a_recorded_start_starts_the_course(parent, course):
    db = DatabaseStore(parent)
    record(db, course["a"], S.COMPLETED)
    record(db, course["b"], S.COMPLETED)
    rows = _rows(parent, ("m1", course["m1"]), ("course", course["course"]))
    assert rows["m1"].status == S.COMPLETED
    assert rows["course"].status == S.STARTED
    assert rows["course"].first_viewed_at == rows["m1"].first_viewed_at


def test_a_visitors_session_starts_roll_ups_too_and_the_claim_keeps_the_earliest(parent, course):
    t0 = timezone.now() - datetime.timedelta(days=2)
    request = _visitor_request()
    store = SessionStore(request.session)
    record(store, course["a"], S.STARTED, now=t0)
    found = store.get_many([course["m1"].translation_key, course["course"].translation_key])
    assert {entry.status for entry in found.values()} == {S.STARTED}
    assert {entry.first_viewed_at for entry in found.values()} == {t0}

    # The account started the same module later, on another device.
    record(DatabaseStore(parent), course["b"], S.STARTED)
    claim_session_progress(request, parent)
    rows = _rows(parent, ("m1", course["m1"]), ("course", course["course"]))
    assert rows["m1"].first_viewed_at == rows["course"].first_viewed_at == t0
    assert rows["m1"].status == S.STARTED


def test_the_migration_starts_roll_ups_for_progress_recorded_before(parent, course):
    """Rows as the old code left them: lessons, and a module row only once complete (with
    its completion time as its first view)."""
    import importlib
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    migration = importlib.import_module("courses.migrations.0011_progress_rollups_from_first_view")
    t0 = timezone.now() - datetime.timedelta(days=3)
    done = t0 + datetime.timedelta(days=1)

    def row(page, status, first, completed=None):
        return Progress(
            learner=parent,
            page=page,
            translation_key=page.translation_key,
            status=status,
            first_viewed_at=first,
            last_viewed_at=completed or first,
            completed_at=completed,
        )

    Progress.objects.bulk_create(
        [
            row(course["a"], S.COMPLETED, t0, done),
            row(course["b"], S.COMPLETED, t0 + datetime.timedelta(hours=1), done),
            row(course["m1"], S.COMPLETED, done, done),
            row(course["c"], S.STARTED, t0 + datetime.timedelta(hours=2)),
        ]
    )
    migration.start_roll_ups(apps, SimpleNamespace(connection=connection))
    rows = _rows(parent, ("m1", course["m1"]), ("m2", course["m2"]), ("course", course["course"]))
    assert (rows["m1"].status, rows["m1"].first_viewed_at, rows["m1"].completed_at) == (
        S.COMPLETED,
        t0,
        done,
    )
    assert (rows["m2"].status, rows["m2"].first_viewed_at) == (
        S.STARTED,
        t0 + datetime.timedelta(hours=2),
    )
    assert (rows["course"].status, rows["course"].first_viewed_at) == (S.STARTED, t0)
    # Running it again changes nothing.
    before = sorted(Progress.objects.values_list("translation_key", "status", "first_viewed_at"))
    migration.start_roll_ups(apps, SimpleNamespace(connection=connection))
    after = sorted(Progress.objects.values_list("translation_key", "status", "first_viewed_at"))
    assert after == before


def test_a_partial_translation_never_completes_its_module_early(parent, course):
    """Requirements come from the default-language module: completing the only translated
    lesson of a Spanish module does not complete it; the English lessons still count."""
    from wagtail.models import Locale

    spanish = Locale.objects.get_or_create(language_code="es")[0]
    lesson_a = course["a"]
    lesson_b = course["b"]
    spanish_a = lesson_a.copy_for_translation(spanish, copy_parents=True)
    spanish_a.save_revision().publish()
    store = DatabaseStore(parent)

    record(store, spanish_a, S.COMPLETED)
    module = Progress.objects.get(learner=parent, translation_key=course["m1"].translation_key)
    assert module.status == S.STARTED

    record(store, lesson_b, S.COMPLETED)
    module.refresh_from_db()
    assert module.status == S.COMPLETED
