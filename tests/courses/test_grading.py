"""courses.grading (shared with quizzes) and the completion interface."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.db import SessionStore
from django.test import RequestFactory

from courses.completion import (
    COMPLETE_STATUSES,
    ProgressStatus,
    TrackablePageMixin,
    progress_recorded,
)
from courses.grading import (
    InvalidAnswer,
    correct_choices,
    grade_single_choice,
    parse_choice,
    score_percent,
)
from courses.models import LessonPage

CHOICES = [
    {"text": "A", "correct": False, "feedback": "No."},
    {"text": "B", "correct": True, "feedback": "Yes."},
    {"text": "C", "correct": False},
]


def test_grade_single_choice():
    right = grade_single_choice(CHOICES, 1)
    assert (right.correct, right.score, right.feedback) == (True, 100, "Yes.")
    wrong = grade_single_choice(CHOICES, 2)
    assert (wrong.correct, wrong.score, wrong.feedback) == (False, 0, "")
    assert wrong.correct_choices == (1,) == correct_choices(CHOICES)
    with pytest.raises(InvalidAnswer):
        grade_single_choice(CHOICES, 3)


@pytest.mark.parametrize(("raw", "index"), [("0", 0), (" 2 ", 2), (1, 1)])
def test_parse_choice_accepts_offered_indexes(raw, index):
    assert parse_choice(raw, 3) == index


@pytest.mark.parametrize("raw", [None, "", "  ", "3", "-1", "1.5", "one", "0x1"])
def test_parse_choice_refuses_anything_else(raw):
    with pytest.raises(InvalidAnswer):
        parse_choice(raw, 3)


@pytest.mark.parametrize(
    ("earned", "possible", "percent"),
    [(0, 0, 0), (0, 3, 0), (1, 3, 33), (2, 3, 67), (1, 8, 13), (3, 3, 100)],
)
def test_score_percent_rounds_half_up(earned, possible, percent):
    assert score_percent(earned, possible) == percent


def test_score_percent_refuses_impossible_scores():
    with pytest.raises(ValueError):
        score_percent(4, 3)


def test_failed_is_not_complete():
    assert {ProgressStatus.COMPLETED, ProgressStatus.PASSED} == COMPLETE_STATUSES
    assert ProgressStatus.PASSED.is_complete
    assert not ProgressStatus.FAILED.is_complete
    assert not ProgressStatus.STARTED.is_complete


def test_lessons_are_trackable_and_report_progress_through_the_signal(lesson):
    assert issubclass(LessonPage, TrackablePageMixin)
    events = []

    def receiver(sender, page, request, status, score, **kwargs):
        events.append((sender, page.pk, status, score))

    progress_recorded.connect(receiver, dispatch_uid="test-courses-grading")
    try:
        request = RequestFactory().get("/")
        request.session = SessionStore()
        request.user = AnonymousUser()
        lesson.record_progress(request, "completed")
        with pytest.raises(ValueError):
            lesson.record_progress(request, "finished")
        with pytest.raises(ValueError):
            lesson.record_progress(request, ProgressStatus.PASSED, score=101)
    finally:
        progress_recorded.disconnect(dispatch_uid="test-courses-grading")
    assert events == [(LessonPage, lesson.pk, ProgressStatus.COMPLETED, None)]
