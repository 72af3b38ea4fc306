import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client

from quizzes.blocks import QuestionStreamBlock
from quizzes.models import VISITOR_SESSION_KEY, QuizAttempt
from tests.factories import PASSWORD, quiz_question
from tests.quizzes.conftest import start, submit, wrong_answers

pytestmark = pytest.mark.django_db


def attempt_for(quiz, **kwargs):
    fields = {"quiz": quiz, "number": 1, "served": []}
    fields.update(kwargs)
    return QuizAttempt.objects.create(**fields)


def refused(**kwargs):
    with pytest.raises(IntegrityError), transaction.atomic():
        attempt_for(**kwargs)


class TestConstraints:
    def test_attempt_numbers_are_unique_per_learner_and_quiz(self, quiz, parent, other_parent):
        attempt_for(quiz, learner=parent, submitted_at="2026-01-01T00:00Z", score=1, passed=False)
        refused(quiz=quiz, learner=parent)
        attempt_for(quiz, learner=other_parent)  # someone else's attempt 1 is fine

    def test_one_open_attempt_at_a_time(self, quiz, parent):
        attempt_for(quiz, learner=parent)
        refused(quiz=quiz, learner=parent, number=2)

    def test_visitors_attempts_are_keyed_by_their_session(self, quiz):
        attempt_for(quiz, visitor_key="abc")
        refused(quiz=quiz, visitor_key="abc", number=1)
        attempt_for(quiz, visitor_key="xyz")

    def test_every_attempt_has_an_owner_and_a_positive_number(self, quiz, parent):
        refused(quiz=quiz)
        refused(quiz=quiz, learner=parent, number=0)

    def test_a_submitted_attempt_is_graded_and_only_then(self, quiz, parent):
        refused(quiz=quiz, learner=parent, submitted_at="2026-01-01T00:00Z")
        refused(quiz=quiz, learner=parent, score=50, passed=False)
        refused(quiz=quiz, learner=parent, submitted_at="2026-01-01T00:00Z", score=101, passed=True)


class TestClaim:
    def test_logging_in_claims_a_visitors_attempts_after_the_learners_own(self, make_quiz, parent):
        quiz = make_quiz()
        own = Client()
        own.login(email=parent.email, password=PASSWORD)
        attempt = start(own, quiz)
        submit(own, quiz, attempt, wrong_answers(quiz, attempt))

        visitor = Client()
        for _ in range(2):
            attempt = start(visitor, quiz)
            submit(visitor, quiz, attempt, wrong_answers(quiz, attempt))
        open_attempt = start(visitor, quiz)
        assert visitor.session[VISITOR_SESSION_KEY]

        visitor.post("/accounts/login/", {"username": parent.email, "password": PASSWORD})
        assert VISITOR_SESSION_KEY not in visitor.session
        mine = QuizAttempt.objects.filter(learner=parent).order_by("number")
        assert [a.number for a in mine] == [1, 2, 3, 4]
        assert mine.get(number=4).pk == open_attempt.pk
        assert not QuizAttempt.objects.filter(learner__isnull=True).exists()
        # The claimed open attempt carries on in the account.
        assert b"Submit answers" in visitor.get(quiz.url).content

    def test_an_open_visitor_attempt_gives_way_to_the_learners_open_attempt(self, quiz, parent):
        attempt_for(quiz, learner=parent)
        attempt_for(quiz, visitor_key="key")
        assert QuizAttempt.objects.claim("key", parent) == 0
        assert QuizAttempt.objects.count() == 1

    def test_claiming_nothing(self, quiz, parent):
        assert QuizAttempt.objects.claim("", parent) == 0
        assert QuizAttempt.objects.claim("unknown", parent) == 0


class TestQuizPage:
    def test_questions_per_attempt_is_checked_against_the_questions(self, quiz):
        quiz.questions_per_attempt = 6
        with pytest.raises(ValidationError) as error:
            quiz.full_clean()
        assert "questions_per_attempt" in error.value.message_dict
        quiz.questions_per_attempt = 5
        quiz.full_clean()

    @pytest.mark.parametrize("mark", [0, 101])
    def test_pass_mark_is_a_percentage(self, quiz, mark):
        quiz.pass_mark = mark
        with pytest.raises(ValidationError):
            quiz.full_clean()

    def test_question_count_honours_questions_per_attempt(self, make_quiz):
        assert make_quiz().question_count() == 5
        assert make_quiz(questions_per_attempt=2).question_count() == 2

    def test_answers_visibility_by_setting(self, quiz):
        quiz.show_answers = "after_each"
        assert quiz.answers_visible(False) and quiz.feedback_visible()
        quiz.show_answers = "once_passed"
        assert not quiz.answers_visible(False) and quiz.answers_visible(True)
        assert quiz.feedback_visible()
        quiz.show_answers = "never"
        assert not quiz.answers_visible(True) and not quiz.feedback_visible()


class TestBlocks:
    @pytest.mark.parametrize("name", list(QuestionStreamBlock.base_blocks))
    def test_every_question_block_has_a_valid_preview_and_an_answer_key(self, name):
        block = QuestionStreamBlock().child_blocks[name]
        assert block.meta.icon and block.get_description()
        value = block.get_preview_value()
        block.clean(value)  # the preview is a valid question
        html = block.render(value)
        assert value["explanation"] in html

    @pytest.mark.parametrize(
        ("kind", "flags", "message"),
        [
            ("single_choice", [True, True], "Mark exactly one choice correct."),
            ("message_scenario", [False, False], "Mark exactly one choice correct."),
            ("multiple_select", [False, False], "Mark at least one choice correct."),
        ],
    )
    def test_right_choices_are_checked(self, kind, flags, message):
        block = QuestionStreamBlock().child_blocks[kind]
        raw = quiz_question(kind, "x")["value"]
        raw["choices"] = [dict(raw["choices"][0], correct=flag) for flag in flags]
        with pytest.raises(ValidationError) as error:
            block.clean(block.to_python(raw))
        assert message in str(error.value.block_errors["choices"])
