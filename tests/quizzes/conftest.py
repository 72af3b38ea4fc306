import pytest

from courses.completion import progress_recorded
from courses.models import CourseIndexPage, CoursePage, ModulePage
from quizzes.grading import correct_response
from quizzes.models import QuizAttempt
from tests.factories import QuizPageFactory


@pytest.fixture
def module_page(home_page):
    catalogue = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(title="Keeping kids safe", slug="safe", summary="A course.")
    )
    return course.add_child(instance=ModulePage(title="Spotting grooming", slug="grooming"))


@pytest.fixture
def make_quiz(module_page):
    def make(**kwargs):
        quiz = QuizPageFactory(parent=module_page, **kwargs)
        # Publish a revision so that attempts record the revision they were served.
        quiz.save_revision().publish()
        quiz.refresh_from_db()
        return quiz

    return make


@pytest.fixture
def quiz(make_quiz):
    return make_quiz()


@pytest.fixture
def progress_events():
    """Every progress_recorded signal sent during the test, as (page id, status, score)."""
    events = []

    def receiver(sender, page, request, status, score, **kwargs):
        events.append((page.pk, status, score))

    progress_recorded.connect(receiver, dispatch_uid="quiz-tests")
    yield events
    progress_recorded.disconnect(dispatch_uid="quiz-tests")


def start(client, quiz):
    """Start (or resume) an attempt through the site; returns the open attempt."""
    response = client.post(quiz.url + "start/")
    assert response.status_code == 303, response.content[:500]
    return QuizAttempt.objects.filter(quiz_id=quiz.pk, submitted_at__isnull=True).latest("pk")


def right_answers(quiz, attempt):
    return {
        question.block_id: correct_response(question.block_type, question.value)
        for question in quiz.served_questions(attempt)
    }


def wrong_answers(quiz, attempt):
    """Answers that score nothing for the factory's questions."""
    answers = {}
    for question in quiz.served_questions(attempt):
        right = correct_response(question.block_type, question.value)
        if question.block_type == "true_false":
            answers[question.block_id] = not right
        elif question.block_type == "ordering":
            answers[question.block_id] = list(reversed(right))
        elif question.block_type == "multiple_select":
            answers[question.block_id] = [
                i for i in range(len(question.value["choices"])) if i not in right
            ]
        else:
            answers[question.block_id] = (right + 1) % len(question.value["choices"])
    return answers


def form_data(quiz, attempt, answers):
    """The POST a browser would send for ``answers`` (editor's indices, by block id)."""
    data = {"attempt": str(attempt.pk)}
    for question in quiz.served_questions(attempt):
        if question.block_id not in answers:
            continue
        response = answers[question.block_id]
        token_for = {index: token for token, index in question.index_by_token.items()}
        name = question.field_name
        if question.block_type == "true_false":
            data[name] = token_for[0 if response else 1]
        elif question.block_type == "multiple_select":
            data[name] = [token_for[i] for i in response]
        elif question.block_type == "ordering":
            for token, index in question.index_by_token.items():
                data[f"{name}-{token}"] = str(response.index(index) + 1)
        else:
            data[name] = token_for[response]
    return data


def submit(client, quiz, attempt, answers=None, data=None):
    if data is None:
        data = form_data(quiz, attempt, answers)
    return client.post(quiz.url + "submit/", data)
