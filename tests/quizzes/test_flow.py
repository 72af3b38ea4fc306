import pytest

from courses.completion import ProgressStatus
from tests.factories import PASSWORD
from tests.quizzes.conftest import right_answers, start, submit

pytestmark = pytest.mark.django_db


def test_smoke_take_and_pass(client, parent, quiz, progress_events):
    client.login(email=parent.email, password=PASSWORD)
    response = client.get(quiz.url)
    assert response.status_code == 200
    assert b"Start the quiz" in response.content
    attempt = start(client, quiz)
    assert attempt.learner == parent and attempt.number == 1
    response = client.get(quiz.url)
    assert b"Submit answers" in response.content
    response = submit(client, quiz, attempt, right_answers(quiz, attempt))
    assert response.status_code == 303
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed
    assert progress_events[-1] == (quiz.pk, ProgressStatus.PASSED, 100)
    response = client.get(response["Location"])
    assert response.status_code == 200
    assert b"You passed" in response.content
