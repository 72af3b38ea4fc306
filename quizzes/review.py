"""What the result page shows for each question of a submitted attempt.

The quiz's ``show_answers`` setting decides how much: the right answers and explanations
(``reveal``), and the feedback written for the learner's own choices (``feedback``). Nothing here
touches the database; the view passes in the served questions and the stored answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from quizzes.grading import MULTIPLE_SELECT, ORDERING, TRUE_FALSE
from quizzes.serving import ServedQuestion


@dataclass
class ReviewedOption:
    label: str
    chosen: bool
    correct: bool | None  # None when the right answers are hidden
    feedback: str = ""


@dataclass
class ReviewedQuestion:
    number: int
    block_type: str
    value: Any
    correct: bool
    score: float
    options: list[ReviewedOption] = field(default_factory=list)
    # Ordering questions: the steps as the learner placed them, and the right order.
    learner_order: list[str] = field(default_factory=list)
    right_order: list[str] = field(default_factory=list)
    explanation: str = ""

    @property
    def partly_correct(self) -> bool:
        return not self.correct and self.score > 0

    @property
    def topics(self) -> list[str]:
        return list(self.value.get("topics") or [])


def review_questions(
    questions: list[ServedQuestion], answers: dict, *, reveal: bool, feedback: bool
) -> list[ReviewedQuestion]:
    reviewed = []
    for question in questions:
        answer = answers.get(question.block_id) or {}
        response = answer.get("response")
        item = ReviewedQuestion(
            number=question.number,
            block_type=question.block_type,
            value=question.value,
            correct=bool(answer.get("correct")),
            score=float(answer.get("score") or 0),
            explanation=question.value["explanation"] if reveal else "",
        )
        if question.block_type == ORDERING:
            steps = question.value["steps"]
            item.learner_order = [steps[index] for index in response or []]
            if reveal:
                item.right_order = list(steps)
        elif question.block_type == TRUE_FALSE:
            item.options = _true_false_options(question.value, response, reveal, feedback)
        else:
            chosen = set(response if question.block_type == MULTIPLE_SELECT else [response])
            for index in question.order:
                choice = question.value["choices"][index]
                picked = index in chosen
                item.options.append(
                    ReviewedOption(
                        label=choice["text"],
                        chosen=picked,
                        correct=bool(choice["correct"]) if reveal else None,
                        feedback=(choice.get("feedback") or "") if picked and feedback else "",
                    )
                )
        reviewed.append(item)
    return reviewed


def _true_false_options(value, response, reveal: bool, feedback: bool) -> list[ReviewedOption]:
    options = []
    for answer, label, note in (
        (True, _("True"), value.get("feedback_true")),
        (False, _("False"), value.get("feedback_false")),
    ):
        picked = response is answer
        options.append(
            ReviewedOption(
                label=label,
                chosen=picked,
                correct=(answer == bool(value["correct_answer"])) if reveal else None,
                feedback=(note or "") if picked and feedback else "",
            )
        )
    return options
