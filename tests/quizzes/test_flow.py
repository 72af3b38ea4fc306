"""Taking a quiz through the site: start, answer, submit, review, retry, limits."""

import pytest
from django.test import Client

from courses.completion import ProgressStatus
from quizzes.models import VISITOR_SESSION_KEY, QuizAttempt
from tests.factories import PASSWORD, quiz_question
from tests.quizzes.conftest import right_answers, start, submit, wrong_answers

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner_client(client, parent):
    client.login(email=parent.email, password=PASSWORD)
    return client


def html(response):
    return response.content.decode()


def test_a_learner_takes_and_passes_a_quiz(learner_client, parent, quiz, progress_events):
    page = html(learner_client.get(quiz.url))
    assert "Start the quiz" in page and "Pass mark: 80%" in page and "5 questions" in page
    assert "Submit answers" not in page

    attempt = start(learner_client, quiz)
    assert (attempt.learner, attempt.visitor_key, attempt.number) == (parent, "", 1)
    assert attempt.revision_id == quiz.live_revision_id
    assert [item["id"] for item in attempt.served] == [b.id for b in quiz.questions]
    assert progress_events == [(quiz.pk, ProgressStatus.STARTED, None)]

    page = html(learner_client.get(quiz.url))
    assert "Submit answers" in page and page.count("<fieldset") == 5

    response = submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
    assert response.status_code == 303
    assert response["Location"] == quiz.url + "attempts/1/"
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (100, True)
    assert attempt.submitted_at is not None
    assert set(attempt.answers) == {b.id for b in quiz.questions}
    assert all(answer["correct"] and answer["score"] == 1 for answer in attempt.answers.values())
    assert progress_events[-1] == (quiz.pk, ProgressStatus.PASSED, 100)

    page = html(learner_client.get(response["Location"]))
    assert "you scored 100%" in page and "You passed." in page
    assert f'href="{quiz.get_parent().url}"' in page and "Back to the module" in page


def test_a_visitor_fails_reads_the_feedback_retries_and_passes(client, quiz, progress_events):
    attempt = start(client, quiz)
    assert attempt.learner is None
    assert attempt.visitor_key == client.session[VISITOR_SESSION_KEY]

    response = submit(client, quiz, attempt, wrong_answers(quiz, attempt))
    attempt.refresh_from_db()
    assert (attempt.score, attempt.passed) == (0, False)
    assert progress_events[-1] == (quiz.pk, ProgressStatus.FAILED, 0)

    page = html(client.get(response["Location"]))
    assert "you scored 0%" in page and "Not passed yet." in page
    # Feedback on the learner's own choice, the right answer and the explanation.
    assert "Feedback single_choice-0/1." in page
    assert "Feedback single_choice-0/0." not in page  # feedback only for choices picked
    assert "quiz-tag--right" in page and "Explanation for single_choice-0." in page
    assert "Feedback true_false-2/false." in page
    assert "To review: topic ordering" in page
    assert "Try again" in page

    retry = start(client, quiz)
    assert retry.number == 2 and retry.pk != attempt.pk
    submit(client, quiz, retry, right_answers(quiz, retry))
    retry.refresh_from_db()
    assert retry.passed
    assert [e[1] for e in progress_events] == [
        ProgressStatus.STARTED,
        ProgressStatus.FAILED,
        ProgressStatus.PASSED,
    ]
    page = html(client.get(quiz.url))
    assert "You have passed this quiz. Your best score is 100%." in page
    assert "Attempt 1" in page and "Attempt 2" in page


def test_starting_twice_resumes_the_open_attempt(learner_client, quiz):
    first = start(learner_client, quiz)
    second = start(learner_client, quiz)
    assert first.pk == second.pk
    assert QuizAttempt.objects.count() == 1


def test_a_double_submitted_form_records_one_attempt(learner_client, quiz, progress_events):
    attempt = start(learner_client, quiz)
    answers = right_answers(quiz, attempt)
    first = submit(learner_client, quiz, attempt, answers)
    submitted_at = QuizAttempt.objects.get().submitted_at
    again = submit(learner_client, quiz, attempt, wrong_answers(quiz, attempt))
    assert again.status_code == 303 and again["Location"] == first["Location"]
    attempt.refresh_from_db()
    assert QuizAttempt.objects.count() == 1
    assert (attempt.score, attempt.submitted_at) == (100, submitted_at)
    assert [e[1] for e in progress_events].count(ProgressStatus.PASSED) == 1


@pytest.mark.parametrize(
    ("method", "route"), [("get", "start/"), ("get", "submit/"), ("post", "attempts/1/")]
)
def test_routes_answer_only_their_method(learner_client, quiz, method, route):
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
    response = getattr(learner_client, method)(quiz.url + route)
    assert response.status_code == 405
    assert QuizAttempt.objects.count() == 1


def test_max_attempts_are_enforced(learner_client, make_quiz):
    quiz = make_quiz(max_attempts=2)
    for _ in range(2):
        attempt = start(learner_client, quiz)
        submit(learner_client, quiz, attempt, wrong_answers(quiz, attempt))
    assert "You have used all your attempts" in html(learner_client.get(quiz.url))
    result = html(learner_client.get(quiz.url + "attempts/2/"))
    assert "You have used all your attempts" in result and "Try again" not in result

    response = learner_client.post(quiz.url + "start/")
    assert response.status_code == 400
    assert "You have used all 2 attempts at this quiz." in html(response)
    assert QuizAttempt.objects.count() == 2


def test_attempts_left_are_shown(learner_client, make_quiz):
    quiz = make_quiz(max_attempts=3)
    assert "3 attempts left" in html(learner_client.get(quiz.url))
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, wrong_answers(quiz, attempt))
    assert "2 attempts left" in html(learner_client.get(quiz.url + "attempts/1/"))


def test_questions_per_attempt_draws_that_many(learner_client, make_quiz):
    quiz = make_quiz(questions_per_attempt=3, shuffle_questions=True, shuffle_choices=True)
    attempt = start(learner_client, quiz)
    assert len(attempt.served) == 3
    page = html(learner_client.get(quiz.url))
    assert page.count("<fieldset") == 3 and "Question 3 of 3" in page
    submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
    attempt.refresh_from_db()
    assert attempt.score == 100 and len(attempt.answers) == 3


def test_shuffled_quizzes_grade_by_choice_not_position(learner_client, make_quiz):
    quiz = make_quiz(shuffle_questions=True, shuffle_choices=True)
    for _ in range(3):
        attempt = start(learner_client, quiz)
        submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
        attempt.refresh_from_db()
        assert attempt.score == 100


def test_partial_credit_counts_in_the_score(learner_client, make_quiz):
    quiz = make_quiz(
        questions=[
            quiz_question("multiple_select", "partial", partial_credit=True),
            quiz_question("true_false", "tf"),
        ]
    )
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, {"partial": [0], "tf": True})  # half of the right two
    attempt.refresh_from_db()
    assert attempt.score == 75 and not attempt.passed
    assert attempt.answers["partial"] == {"response": [0], "score": 0.5, "correct": False}
    assert "partly right" in html(learner_client.get(quiz.url + "attempts/1/"))


def test_answers_shown_only_once_passed(learner_client, make_quiz):
    quiz = make_quiz(show_answers="once_passed")
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, wrong_answers(quiz, attempt))
    page = html(learner_client.get(quiz.url + "attempts/1/"))
    assert "The right answers are shown once you pass this quiz." in page
    assert "quiz-tag--right" not in page and "Explanation for" not in page
    assert "The right order" not in page
    assert "Feedback single_choice-0/1." in page  # feedback on their own choice still helps

    retry = start(learner_client, quiz)
    submit(learner_client, quiz, retry, right_answers(quiz, retry))
    # Once passed, every result shows the answers, the failed attempt's too.
    page = html(learner_client.get(quiz.url + "attempts/1/"))
    assert "quiz-tag--right" in page and "Explanation for single_choice-0." in page


def test_answers_never_shown(learner_client, make_quiz):
    quiz = make_quiz(show_answers="never")
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
    page = html(learner_client.get(quiz.url + "attempts/1/"))
    assert "This quiz does not show the right answers." in page
    assert "Feedback " not in page and "Explanation for" not in page
    assert "quiz-tag--right" not in page
    assert "Question 1" in page and "you scored 100%" in page


def test_results_are_private(learner_client, other_parent, quiz):
    attempt = start(learner_client, quiz)
    submit(learner_client, quiz, attempt, right_answers(quiz, attempt))
    other = Client()
    other.login(email=other_parent.email, password=PASSWORD)
    assert other.get(quiz.url + "attempts/1/").status_code == 404
    assert Client().get(quiz.url + "attempts/1/").status_code == 404
    assert learner_client.get(quiz.url + "attempts/2/").status_code == 404


def test_an_open_attempt_has_no_result_yet(learner_client, quiz):
    start(learner_client, quiz)
    assert learner_client.get(quiz.url + "attempts/1/").status_code == 404


def test_grading_uses_the_revision_served(learner_client, quiz):
    attempt = start(learner_client, quiz)
    answers = right_answers(quiz, attempt)
    # An editor flips the single-choice answer and drops the ordering question, and publishes.
    edited = quiz.specific
    stream = edited.questions.raw_data
    stream[0]["value"]["choices"][0]["correct"] = False
    stream[0]["value"]["choices"][1]["correct"] = True
    del stream[4]
    edited.questions = list(stream)
    edited.save_revision().publish()
    quiz.refresh_from_db()

    response = submit(learner_client, quiz, attempt, answers)
    assert response.status_code == 303
    attempt.refresh_from_db()
    assert attempt.score == 100 and len(attempt.answers) == 5
    # The next attempt gets the new questions.
    retry = start(learner_client, quiz)
    assert len(retry.served) == 4 and retry.revision_id != attempt.revision_id


def test_a_stale_attempt_is_replaced_on_start(learner_client, quiz):
    attempt = start(learner_client, quiz)
    # Its revision is purged and the live page no longer has its questions.
    quiz.questions = [quiz_question("true_false", "new")]
    quiz.save_revision().publish()
    attempt.revision.delete()
    quiz.refresh_from_db()
    page = html(learner_client.get(quiz.url))
    assert "This quiz has changed since you started it." in page
    fresh = start(learner_client, quiz)
    assert fresh.pk != attempt.pk and fresh.number == 1
    assert [item["id"] for item in fresh.served] == ["new"]


def test_started_is_recorded_for_the_first_attempt_only(learner_client, quiz, progress_events):
    for _ in range(2):
        attempt = start(learner_client, quiz)
        submit(learner_client, quiz, attempt, wrong_answers(quiz, attempt))
    assert [e[1] for e in progress_events].count(ProgressStatus.STARTED) == 1


def test_editors_preview_shows_the_answer_key(quiz):
    response = quiz.make_preview_request()
    response.render()
    page = html(response)
    assert response.status_code == 200
    assert "Preview for editors" in page and "Explanation for ordering-4." in page
    assert QuizAttempt.objects.count() == 0
