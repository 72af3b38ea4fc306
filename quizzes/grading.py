"""Grading for quiz questions: pure functions, no database, no request.

This module builds on :mod:`courses.grading` (shared with the lessons' knowledge checks): single
choice is graded there, and an attempt's percentage uses the same rounding rule (half up).

Every question scores a :class:`~fractions.Fraction` between 0 and 1 (exact, so adding scores up
in any order gives the same total); an attempt's score is the mean of its questions' scores as a
whole percentage, and the pass decision is made on that same whole percentage, so a learner never
sees "80%, failed".

Responses are expressed in terms of the question as the editor wrote it (choice and step indices
in the block's own order), never in terms of the order a learner was served, so shuffling cannot
change a grade.

Rules per question type:

- single choice, message scenario: 1 if the chosen choice is marked correct, else 0.
- multiple select without partial credit: 1 if exactly the correct choices were chosen, else 0.
- multiple select with partial credit: (correct choices chosen − incorrect choices chosen) divided
  by the number of correct choices, never below 0. Choosing everything therefore earns nothing
  unless every choice is correct.
- true/false: 1 if the answer matches, else 0.
- ordering: 1 if every step is in the right place, else 0 (no partial credit: in an emergency,
  doing the right things in the wrong order is still the wrong plan).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from django.utils.translation import gettext as _

from courses import grading as shared
from courses.grading import InvalidAnswer

ZERO = Fraction(0)
ONE = Fraction(1)

SINGLE_CHOICE = "single_choice"
MULTIPLE_SELECT = "multiple_select"
TRUE_FALSE = "true_false"
MESSAGE_SCENARIO = "message_scenario"
ORDERING = "ordering"

# Question types whose response is one choice index.
ONE_CHOICE_TYPES = frozenset({SINGLE_CHOICE, MESSAGE_SCENARIO})


def grade_single_choice(choices: Sequence[Mapping[str, Any]], selected: int) -> Fraction:
    """Score one chosen choice: 1 if it is marked correct, else 0 (graded by courses.grading)."""
    return ONE if shared.grade_single_choice(choices, selected).correct else ZERO


def grade_multiple_select(
    correct: Sequence[bool], selected: Collection[int], *, partial_credit: bool
) -> Fraction:
    """Score a set of chosen choices (see the module docstring for the partial-credit rule)."""
    chosen = set(selected)
    if any(not 0 <= index < len(correct) for index in chosen):
        raise InvalidAnswer(_("That answer is not one of the choices."))
    right = {index for index, is_correct in enumerate(correct) if is_correct}
    if not partial_credit or not right:
        return ONE if chosen == right else ZERO
    hits = len(chosen & right)
    misses = len(chosen - right)
    return max(ZERO, Fraction(hits - misses, len(right)))


def grade_true_false(correct_answer: bool, answer: bool) -> Fraction:
    return ONE if bool(answer) == bool(correct_answer) else ZERO


def grade_ordering(step_count: int, answer: Sequence[int]) -> Fraction:
    """Score an ordering: ``answer`` lists step indices (editor's order) in the learner's order."""
    if sorted(answer) != list(range(step_count)):
        raise InvalidAnswer(_("Give every step a different position."))
    return ONE if list(answer) == list(range(step_count)) else ZERO


def score_percent(question_scores: Iterable[Fraction]) -> int:
    """The mean of the question scores as a whole percentage, rounded half up as
    :func:`courses.grading.score_percent` rounds (0 for no questions)."""
    scores = list(question_scores)
    return shared.score_percent(sum(scores, ZERO), len(scores))


def has_passed(percent: int, pass_mark: int) -> bool:
    return percent >= pass_mark


# Grading a question block's value -------------------------------------------------------------


def choice_flags(value: Mapping[str, Any]) -> list[bool]:
    """Which of a question's choices are marked correct, in the editor's order."""
    return [bool(choice["correct"]) for choice in value["choices"]]


def grade_response(block_type: str, value: Mapping[str, Any], response: Any) -> Fraction:
    """Grade one response to a question block's value (a StructValue or any mapping).

    ``response`` is, by question type: a choice index (single choice, message scenario), a list
    of choice indices (multiple select), a bool (true/false), or a list of step indices in the
    learner's order (ordering).
    """
    if block_type in ONE_CHOICE_TYPES:
        return grade_single_choice(value["choices"], response)
    if block_type == MULTIPLE_SELECT:
        return grade_multiple_select(
            choice_flags(value), response, partial_credit=bool(value.get("partial_credit"))
        )
    if block_type == TRUE_FALSE:
        return grade_true_false(value["correct_answer"], response)
    if block_type == ORDERING:
        return grade_ordering(len(value["steps"]), response)
    raise ValueError(f"unknown question type: {block_type}")


def correct_response(block_type: str, value: Mapping[str, Any]) -> Any:
    """The response that scores 1, in the same shape ``grade_response`` takes."""
    if block_type in ONE_CHOICE_TYPES:
        return choice_flags(value).index(True)
    if block_type == MULTIPLE_SELECT:
        return [index for index, flag in enumerate(choice_flags(value)) if flag]
    if block_type == TRUE_FALSE:
        return bool(value["correct_answer"])
    if block_type == ORDERING:
        return list(range(len(value["steps"])))
    raise ValueError(f"unknown question type: {block_type}")


@dataclass(frozen=True)
class AttemptGrade:
    scores: dict[str, Fraction]  # by question (block id)
    percent: int
    passed: bool


def grade_attempt(
    questions: Mapping[str, tuple[str, Mapping[str, Any]]],
    responses: Mapping[str, Any],
    pass_mark: int,
) -> AttemptGrade:
    """Grade every question in ``questions`` ({block id: (block type, value)}).

    Every question must have a response; a response to a question not in ``questions`` is an
    error. Callers validate learner input first; these errors mean a programming mistake.
    """
    if set(responses) != set(questions):
        raise ValueError("responses must answer exactly the questions served")
    scores = {
        block_id: grade_response(block_type, value, responses[block_id])
        for block_id, (block_type, value) in questions.items()
    }
    percent = score_percent(scores.values())
    return AttemptGrade(scores=scores, percent=percent, passed=has_passed(percent, pass_mark))
