"""Fifty requests at once for one learner and one page, on PostgreSQL, through the site.

Each thread has its own client and database connection; a barrier releases them together.
SQLite serialises every writer, so these races only exist on PostgreSQL (CI runs this file
with DATABASE_URL set; it is skipped on SQLite only).
"""

from collections import Counter

import pytest
from django.test import Client

from courses.completion import ProgressStatus
from courses.models import Certificate, Progress
from quizzes.models import QuizAttempt
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
)
from tests.pg_race import PG_RACE, race, restore_migrated_data  # noqa: F401 - autouse fixture
from tests.quizzes.conftest import form_data, right_answers, wrong_answers

pytestmark = PG_RACE

THREADS = 50


@pytest.fixture
def course_tree(home_page):
    """A course with one module: two lessons and a quiz."""
    catalogue = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue)
    module = ModulePageFactory(parent=course)
    lessons = [LessonPageFactory(parent=module) for _ in range(2)]
    quiz = QuizPageFactory(parent=module, max_attempts=3)
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    return {"course": course, "module": module, "lessons": lessons, "quiz": quiz}


def clients_for(user, count):
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def rows(learner, page):
    return list(Progress.objects.filter(learner=learner, translation_key=page.translation_key))


def assert_one_row_per_page(learner):
    counts = Counter(Progress.objects.filter(learner=learner).values_list("translation_key"))
    assert counts and set(counts.values()) == {1}


def complete(client, lesson):
    response = client.post(lesson.url + "complete/")
    assert response.status_code == 302, response.status_code
    return response.status_code


def test_fifty_completions_of_one_lesson_leave_one_completed_row(parent, course_tree):
    lesson, module = course_tree["lessons"][0], course_tree["module"]
    clients = clients_for(parent, THREADS)

    race([lambda c=c: complete(c, lesson) for c in clients])

    assert_one_row_per_page(parent)
    [row] = rows(parent, lesson)
    assert row.status == ProgressStatus.COMPLETED and row.completed_at is not None
    # The module is started (its other lesson and quiz are still to do), once.
    [module_row] = rows(parent, module)
    assert module_row.status == ProgressStatus.STARTED
    [course_row] = rows(parent, course_tree["course"])
    assert course_row.status == ProgressStatus.STARTED
    assert not Certificate.objects.exists()


def take_quiz(client, quiz, learner, right: bool):
    """Start (or resume) an attempt and submit it, as long as attempts are left."""
    for _ in range(4):
        started = client.post(quiz.url + "start/")
        assert started.status_code in (303, 400), started.status_code
        attempt = (
            QuizAttempt.objects.filter(quiz_id=quiz.pk, learner=learner, submitted_at=None)
            .order_by("number")
            .first()
        )
        if attempt is None:
            continue
        answers = right_answers(quiz, attempt) if right else wrong_answers(quiz, attempt)
        submitted = client.post(quiz.url + "submit/", form_data(quiz, attempt, answers))
        # 303: graded (or already graded by another thread); 400: it was replaced meanwhile.
        assert submitted.status_code in (303, 400), submitted.status_code
    return True


def test_fifty_quiz_submissions_keep_the_limit_and_the_best_score(parent, course_tree):
    quiz = course_tree["quiz"]
    clients = clients_for(parent, THREADS)

    # Most threads answer wrongly; a few rightly: whichever is graded, the best score stays.
    race(
        [
            lambda c=c, i=i: take_quiz(c, quiz, parent, right=i % 10 == 0)
            for i, c in enumerate(clients)
        ]
    )

    attempts = list(QuizAttempt.objects.filter(quiz_id=quiz.pk).order_by("number"))
    assert [a.number for a in attempts] == [1, 2, 3]
    # Every attempt was graded once and holds its answers; none is left half-written.
    assert all(a.submitted_at and a.answers and a.score is not None for a in attempts)
    assert_one_row_per_page(parent)
    [row] = rows(parent, quiz)
    assert row.score == max(a.score for a in attempts)
    passed = any(a.passed for a in attempts)
    assert row.status == (ProgressStatus.PASSED if passed else ProgressStatus.FAILED)


def test_lessons_and_the_quiz_completed_at_once_complete_the_module_and_course_once(
    parent, course_tree
):
    quiz, lessons = course_tree["quiz"], course_tree["lessons"]
    first = Client()
    first.force_login(parent)
    first.post(quiz.url + "start/")
    attempt = QuizAttempt.objects.get()
    data = form_data(quiz, attempt, right_answers(quiz, attempt))
    clients = clients_for(parent, THREADS)

    # A third each: the first lesson, the second lesson, and the quiz's one open attempt.
    calls = []
    for i, client in enumerate(clients):
        if i % 3 == 2:
            calls.append(lambda c=client: c.post(quiz.url + "submit/", data).status_code)
        else:
            calls.append(lambda c=client, lesson=lessons[i % 3]: complete(c, lesson))
    race(calls)

    attempt.refresh_from_db()
    assert attempt.passed and QuizAttempt.objects.count() == 1
    assert_one_row_per_page(parent)
    for page in (*lessons, quiz, course_tree["module"], course_tree["course"]):
        [row] = rows(parent, page)
        assert row.completed_at is not None, f"{page} is {row.status}"
    [module_row] = rows(parent, course_tree["module"])
    assert module_row.status == ProgressStatus.COMPLETED
    assert Certificate.objects.filter(learner=parent).count() == 1
