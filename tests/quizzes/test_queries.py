"""Query budgets: the quiz page at most 12 queries, a submission at most 20, whatever its size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.models import QuizAttempt
from tests.factories import PASSWORD, quiz_questions
from tests.quizzes.conftest import form_data, right_answers, start, wrong_answers

pytestmark = pytest.mark.django_db

PAGE_BUDGET = 12
SUBMIT_BUDGET = 20


def count_queries(call):
    with CaptureQueriesContext(connection) as captured:
        response = call()
    return response, len(captured), [q["sql"] for q in captured.captured_queries]


def measure(client, make_quiz, size):
    """Queries per request for the second attempt at a quiz of ``size`` questions.

    The first attempt warms what a running site has warm: the session, the visitor's key,
    the per-process site caches and the learner's progress rows.
    """
    quiz = make_quiz(questions=quiz_questions(size), shuffle_choices=True)
    attempt = start(client, quiz)
    client.post(quiz.url + "submit/", form_data(quiz, attempt, wrong_answers(quiz, attempt)))

    counts = {}
    response, counts["intro"], _ = count_queries(lambda: client.get(quiz.url))
    assert response.status_code == 200
    response, counts["start"], _ = count_queries(lambda: client.post(quiz.url + "start/"))
    assert response.status_code == 303
    attempt = QuizAttempt.objects.get(quiz_id=quiz.pk, number=2)
    response, counts["questions"], _ = count_queries(lambda: client.get(quiz.url))
    assert response.status_code == 200 and response.content.count(b"<fieldset") == size
    data = form_data(quiz, attempt, right_answers(quiz, attempt))
    response, counts["submit"], sql = count_queries(lambda: client.post(quiz.url + "submit/", data))
    assert response.status_code == 303, sql
    location = response["Location"]
    response, counts["result"], _ = count_queries(lambda: client.get(location))
    assert response.status_code == 200
    return counts


def measure_both(client, make_quiz):
    measure(client, make_quiz, 5)  # warms per-process caches and the module's progress rows
    return measure(client, make_quiz, 5), measure(client, make_quiz, 50)


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_query_counts_do_not_grow_with_the_number_of_questions(
    client, parent, make_quiz, signed_in
):
    if signed_in:
        assert client.login(email=parent.email, password=PASSWORD)
    small, large = measure_both(client, make_quiz)
    print(f"queries ({'learner' if signed_in else 'visitor'}): 5 questions {small}, 50 {large}")
    assert small == large


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_quiz_pages_stay_within_the_budget(client, parent, make_quiz, signed_in):
    if signed_in:
        assert client.login(email=parent.email, password=PASSWORD)
    counts, _ = measure_both(client, make_quiz)
    for page in ("intro", "questions", "result"):
        assert counts[page] <= PAGE_BUDGET, (page, counts)
    assert counts["start"] <= SUBMIT_BUDGET, counts


def test_a_visitors_submission_stays_within_the_budget(client, make_quiz):
    counts, _ = measure_both(client, make_quiz)
    assert counts["submit"] <= SUBMIT_BUDGET, counts


def test_a_learners_submission_stays_within_the_budget(client, parent, make_quiz):
    assert client.login(email=parent.email, password=PASSWORD)
    counts, _ = measure_both(client, make_quiz)
    assert counts["submit"] <= SUBMIT_BUDGET, counts


def test_without_progress_storage_a_submission_costs_four_queries_more_than_the_page(
    client, parent, make_quiz
):
    """What this app controls. Like the page: routing, session, learner, the (locked) attempt.
    On top: the attempt's update, question analysis's running totals (one upsert) and the
    transaction (a savepoint pair under the test's own transaction, BEGIN/COMMIT in
    production)."""
    from courses.completion import progress_recorded

    assert client.login(email=parent.email, password=PASSWORD)
    receivers = progress_recorded.receivers
    progress_recorded.receivers = []
    progress_recorded.sender_receivers_cache.clear()
    try:
        counts, _ = measure_both(client, make_quiz)
    finally:
        progress_recorded.receivers = receivers
        progress_recorded.sender_receivers_cache.clear()
    assert counts["submit"] <= counts["questions"] + 4, counts


def test_a_signed_in_quiz_page_costs_its_routing_and_one_query_more_than_the_home_page(
    client, parent, make_quiz
):
    """What this app controls: on top of the home page, a quiz page costs the routing below
    the home page (the matching pages, then the quiz's own row) and one query for attempts."""
    client.login(email=parent.email, password=PASSWORD)
    counts, _ = measure_both(client, make_quiz)
    client.get("/")
    _, home, _ = count_queries(lambda: client.get("/"))
    print("home", home, counts)
    for page in ("intro", "questions", "result"):
        assert counts[page] <= home + 3, (page, counts, home)
