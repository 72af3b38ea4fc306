"""Bad or tampered submissions: a 400 with the reason on the form, and nothing recorded."""

import pytest
from django.test import Client

from quizzes.models import QuizAttempt
from quizzes.serving import choice_token
from tests.factories import PASSWORD
from tests.quizzes.conftest import form_data, right_answers, start, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client, parent):
    client.login(email=parent.email, password=PASSWORD)
    return client


@pytest.fixture
def attempt(learner_client, quiz):
    return start(learner_client, quiz)


@pytest.fixture
def good_data(quiz, attempt):
    return form_data(quiz, attempt, right_answers(quiz, attempt))


def snapshot():
    return list(
        QuizAttempt.objects.order_by("pk").values_list(
            "pk", "number", "submitted_at", "score", "passed", "answers"
        )
    )


def assert_refused(response, message, before, events):
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page
    assert 'role="alert"' in page
    assert snapshot() == before
    assert events == []


def field(quiz, kind):
    """The form field name of the first question of ``kind``."""
    block = next(b for b in quiz.questions if b.block_type == kind)
    return f"q-{block.id}"


def refuse(learner_client, quiz, data, message, progress_events):
    before = snapshot()
    progress_events.clear()
    response = submit(learner_client, quiz, None, data=data)
    assert_refused(response, message, before, progress_events)
    return response


def test_the_untampered_form_is_accepted(learner_client, quiz, attempt, good_data):
    assert submit(learner_client, quiz, attempt, data=good_data).status_code == 303


def test_an_unknown_token(learner_client, quiz, good_data, progress_events):
    good_data[field(quiz, "single_choice")] = "0" * 20
    response = refuse(
        learner_client, quiz, good_data, "not one of this question&#x27;s choices", progress_events
    )
    # The form comes back with the question marked and the learner's other answers kept.
    page = response.content.decode()
    assert 'aria-describedby="question-1-errors"' in page
    assert page.count("checked") >= 3


def test_a_choice_index_instead_of_a_token(learner_client, quiz, good_data, progress_events):
    good_data[field(quiz, "single_choice")] = "0"
    refuse(learner_client, quiz, good_data, "not one of this question", progress_events)


def test_a_token_from_another_attempt(
    learner_client, quiz, attempt, good_data, other_parent, progress_events
):
    other = Client()
    other.login(email=other_parent.email, password=PASSWORD)
    other_attempt = start(other, quiz)
    name = field(quiz, "single_choice")
    good_data[name] = choice_token(other_attempt.pk, name.removeprefix("q-"), 0)
    refuse(learner_client, quiz, good_data, "not one of this question", progress_events)


def test_a_missing_answer(learner_client, quiz, good_data, progress_events):
    del good_data[field(quiz, "true_false")]
    refuse(learner_client, quiz, good_data, "Choose an answer.", progress_events)


def test_no_answers_at_all(learner_client, quiz, attempt, progress_events):
    refuse(
        learner_client, quiz, {"attempt": str(attempt.pk)}, "Choose at least one", progress_events
    )


def test_two_answers_to_a_single_choice_question(
    learner_client, quiz, attempt, good_data, progress_events
):
    name = field(quiz, "single_choice")
    (question,) = [q for q in quiz.served_questions(attempt) if q.field_name == name]
    good_data[name] = question.tokens[:2]
    refuse(learner_client, quiz, good_data, "Choose only one answer.", progress_events)


def test_an_answer_to_a_question_not_served(learner_client, make_quiz, progress_events):
    quiz = make_quiz(questions_per_attempt=2)
    attempt = start(learner_client, quiz)
    served = {item["id"] for item in attempt.served}
    data = form_data(quiz, attempt, right_answers(quiz, attempt))
    not_served = next(b.id for b in quiz.questions if b.id not in served)
    data[f"q-{not_served}"] = choice_token(attempt.pk, not_served, 0)
    refuse(learner_client, quiz, data, "questions that are not in this attempt", progress_events)


def test_an_answer_to_a_question_that_does_not_exist(
    learner_client, quiz, good_data, progress_events
):
    good_data["q-made-up"] = "1"
    refuse(
        learner_client, quiz, good_data, "questions that are not in this attempt", progress_events
    )


@pytest.mark.parametrize(
    ("positions", "message"),
    [
        (["1", "1", "2", "3"], "Give each step a different position, from 1 to 4."),
        (["1", "2", "3", "5"], "That position is not one of the positions offered."),
        (["1", "2", "3", ""], "Give this step a position."),
        (["1", "2", "3", "x"], "That position is not one of the positions offered."),
    ],
)
def test_a_bad_ordering(learner_client, quiz, good_data, positions, message, progress_events):
    prefix = field(quiz, "ordering") + "-"
    names = sorted(name for name in good_data if name.startswith(prefix))
    for name, position in zip(names, positions, strict=True):
        good_data[name] = position
    refuse(learner_client, quiz, good_data, message, progress_events)


def test_a_missing_ordering_step(learner_client, quiz, good_data, progress_events):
    prefix = field(quiz, "ordering") + "-"
    del good_data[next(name for name in good_data if name.startswith(prefix))]
    refuse(learner_client, quiz, good_data, "Give this step a position.", progress_events)


@pytest.mark.parametrize("value", ["", "abc", "-1", "0", "999999", "9" * 30])
def test_a_missing_or_unknown_attempt(learner_client, quiz, good_data, value, progress_events):
    good_data["attempt"] = value
    refuse(learner_client, quiz, good_data, "This quiz form is out of date", progress_events)


def test_another_learners_attempt(
    learner_client, quiz, attempt, good_data, other_parent, progress_events
):
    other = Client()
    other.login(email=other_parent.email, password=PASSWORD)
    other_attempt = start(other, quiz)
    data = form_data(quiz, other_attempt, right_answers(quiz, other_attempt))
    refuse(learner_client, quiz, data, "This quiz form is out of date", progress_events)
    # Nor can an anonymous visitor submit it.
    before = snapshot()
    response = submit(Client(), quiz, None, data=data)
    assert_refused(response, "This quiz form is out of date", before, progress_events)


def test_an_attempt_at_another_quiz(learner_client, make_quiz, quiz, progress_events):
    other_quiz = make_quiz()
    other_attempt = start(learner_client, other_quiz)
    data = form_data(other_quiz, other_attempt, right_answers(other_quiz, other_attempt))
    refuse(learner_client, quiz, data, "This quiz form is out of date", progress_events)


def test_a_stale_attempt_whose_questions_are_gone(
    learner_client, quiz, attempt, good_data, progress_events
):
    from tests.factories import quiz_question

    quiz.questions = [quiz_question("true_false", "replacement")]
    quiz.save_revision().publish()
    attempt.revision.delete()
    refuse(learner_client, quiz, good_data, "This quiz form is out of date", progress_events)


def test_a_submission_without_the_csrf_token_is_forbidden(parent, quiz):
    strict = Client(enforce_csrf_checks=True)
    strict.login(email=parent.email, password=PASSWORD)
    assert strict.post(quiz.url + "start/").status_code == 403
    assert QuizAttempt.objects.count() == 0
