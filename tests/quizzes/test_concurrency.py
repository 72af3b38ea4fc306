"""Concurrent starts and submissions, on PostgreSQL with real threads and connections.

SQLite takes one writer at a time for the whole database, so these races cannot happen there;
CI runs the suite on PostgreSQL too (DATABASE_URL), where these tests run.
"""

import pytest
from django.test import Client

from courses.models import CourseIndexPage, CoursePage, ModulePage
from quizzes.models import QuizAttempt
from tests.factories import QuizPageFactory
from tests.pg_race import PG_RACE, race, restore_migrated_data  # noqa: F401 - autouse fixture
from tests.quizzes.conftest import form_data, right_answers, wrong_answers

pytestmark = PG_RACE

THREADS = 8


@pytest.fixture
def pg_quiz(home_page):
    catalogue = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = catalogue.add_child(instance=CoursePage(title="C", slug="c", summary="S."))
    module = course.add_child(instance=ModulePage(title="M", slug="m"))

    def make(**kwargs):
        quiz = QuizPageFactory(parent=module, **kwargs)
        quiz.save_revision().publish()
        quiz.refresh_from_db()
        return quiz

    return make


def clients_for(user, count):
    clients = []
    for _ in range(count):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def test_concurrent_starts_never_exceed_max_attempts(parent, pg_quiz):
    quiz = pg_quiz(max_attempts=2)
    clients = clients_for(parent, THREADS)
    first = clients[0]
    first.post(quiz.url + "start/")
    attempt = QuizAttempt.objects.get()
    first.post(quiz.url + "submit/", form_data(quiz, attempt, wrong_answers(quiz, attempt)))

    # Everyone presses Start at once: one second attempt, the rest resume it.
    responses = race([lambda c=c: c.post(quiz.url + "start/") for c in clients])
    assert sorted(r.status_code for r in responses) == [303] * THREADS
    assert sorted(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2]

    attempt = QuizAttempt.objects.get(number=2)
    first.post(quiz.url + "submit/", form_data(quiz, attempt, wrong_answers(quiz, attempt)))
    # The limit is reached: every concurrent start is refused and nothing is written.
    responses = race([lambda c=c: c.post(quiz.url + "start/") for c in clients])
    assert [r.status_code for r in responses] == [400] * THREADS
    assert QuizAttempt.objects.count() == 2


def test_a_form_submitted_many_times_at_once_is_recorded_once(parent, pg_quiz, progress_events):
    quiz = pg_quiz()
    clients = clients_for(parent, THREADS)
    clients[0].post(quiz.url + "start/")
    attempt = QuizAttempt.objects.get()
    data = form_data(quiz, attempt, right_answers(quiz, attempt))
    progress_events.clear()

    responses = race([lambda c=c: c.post(quiz.url + "submit/", data) for c in clients])
    assert {r.status_code for r in responses} == {303}
    assert {r["Location"] for r in responses} == {quiz.url + "attempts/1/"}
    attempt.refresh_from_db()
    assert attempt.score == 100 and QuizAttempt.objects.count() == 1
    assert [event[1] for event in progress_events] == ["passed"]


def test_concurrent_retries_stay_within_the_limit(parent, pg_quiz):
    quiz = pg_quiz(max_attempts=3)
    clients = clients_for(parent, THREADS)

    def keep_trying(client):
        for _ in range(4):
            client.post(quiz.url + "start/")
            attempt = QuizAttempt.objects.filter(submitted_at__isnull=True).first()
            if attempt is not None:
                client.post(
                    quiz.url + "submit/", form_data(quiz, attempt, wrong_answers(quiz, attempt))
                )
        return True

    race([lambda c=c: keep_trying(c) for c in clients])
    assert sorted(QuizAttempt.objects.values_list("number", flat=True)) == [1, 2, 3]
    assert not QuizAttempt.objects.filter(submitted_at__isnull=True).exists()


def test_concurrent_submissions_add_up_exactly(pg_quiz):
    """50 visitors submit at the same moment: question analysis's running totals (upserted
    in each submission's transaction) count every one, with exact sums."""
    from quizzes.analysis import QUESTION, attempt_statistics
    from tests.quizzes.conftest import start
    from tests.quizzes.test_statistics import stored

    quiz = pg_quiz(shuffle_choices=True)
    clients, posts = [], []
    for i in range(50):
        client = Client()
        attempt = start(client, quiz)
        answers = (right_answers if i % 3 else wrong_answers)(quiz, attempt)
        clients.append(client)
        posts.append(form_data(quiz, attempt, answers))

    responses = race(
        [
            lambda c=c, data=data: c.post(quiz.url + "submit/", data)
            for c, data in zip(clients, posts, strict=True)
        ]
    )
    assert {r.status_code for r in responses} == {303}

    attempts = list(QuizAttempt.objects.filter(quiz_id=quiz.pk).submitted())
    assert len(attempts) == 50
    expected: dict = {}
    for attempt in attempts:
        for row in attempt_statistics(quiz.pk, attempt.answers, {}, attempt.score, attempt.passed):
            totals = expected.setdefault(row[1:4], [0] * 7)
            totals[:] = [a + b for a, b in zip(totals, row[4:], strict=True)]
    found = {
        (block_id, kind, item): list(totals)
        for (block_id, kind, item), totals in stored(quiz).items()
        if kind == QUESTION or block_id == ""
    }
    assert found == expected
    assert {key[0]: value[0] for key, value in found.items() if key[1] == QUESTION} == {
        child.id: 50 for child in quiz.questions
    }
    assert sum(value[1] for key, value in found.items() if key[1] == QUESTION) == 5 * 33
