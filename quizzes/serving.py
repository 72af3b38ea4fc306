"""Serving an attempt: which questions, in which order, and the tokens that stand for choices.

An attempt records what it served as a list, in the order served::

    [{"id": "<question block id>", "order": [2, 0, 1]}, ...]

where ``order`` lists the question's choice (or step) indices, in the editor's order, as they
were shown. True/false questions serve ``[0, 1]`` (true, false) and are never shuffled. Ordering
questions are always shuffled, since their editor's order is the answer.

The learner's form never carries a choice index. Each choice is shown with a token, an HMAC of
the attempt, the question and the choice made with the site's secret key, so the page's HTML does
not say which choice is which and a token from one attempt means nothing in another.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils.crypto import salted_hmac

from quizzes.grading import (
    MESSAGE_SCENARIO,
    MULTIPLE_SELECT,
    ORDERING,
    SINGLE_CHOICE,
    TRUE_FALSE,
)

CHOICE_KEY_SALT = "kinwise.quizzes.choice"  # a namespace for salted_hmac, not a secret
TOKEN_LENGTH = 20
CHOICE_TYPES = frozenset({SINGLE_CHOICE, MULTIPLE_SELECT, MESSAGE_SCENARIO})


def option_count(block_type: str, value: Mapping[str, Any]) -> int:
    if block_type in CHOICE_TYPES:
        return len(value["choices"])
    if block_type == ORDERING:
        return len(value["steps"])
    if block_type == TRUE_FALSE:
        return 2
    raise ValueError(f"unknown question type: {block_type}")


def serve_questions(
    questions: Sequence[tuple[str, str, Mapping[str, Any]]],
    *,
    per_attempt: int | None = None,
    shuffle_questions: bool = False,
    shuffle_choices: bool = False,
    rng: random.Random | None = None,
) -> list[dict]:
    """Choose and order an attempt's questions and choices.

    ``questions`` is the page's questions as ``(block id, block type, value)`` in page order.
    Drawing N keeps page order unless questions are shuffled too.
    """
    rng = rng or random.SystemRandom()
    chosen = list(questions)
    if per_attempt and per_attempt < len(chosen):
        picked = set(rng.sample(range(len(chosen)), per_attempt))
        chosen = [question for index, question in enumerate(chosen) if index in picked]
    if shuffle_questions:
        rng.shuffle(chosen)
    served = []
    for block_id, block_type, value in chosen:
        order = list(range(option_count(block_type, value)))
        if block_type == ORDERING:
            _shuffle_away_from_identity(order, rng)
        elif shuffle_choices and block_type in CHOICE_TYPES:
            rng.shuffle(order)
        served.append({"id": block_id, "order": order})
    return served


def _shuffle_away_from_identity(order: list[int], rng: random.Random) -> None:
    """Shuffle, and never leave the steps in the right order (that would give the answer)."""
    if len(order) < 2:
        return
    rng.shuffle(order)
    if order == sorted(order):
        order.append(order.pop(0))


def choice_token(attempt_id: int, block_id: str, index: int) -> str:
    """The opaque value that stands for choice ``index`` of a question in one attempt."""
    message = f"{attempt_id}:{block_id}:{index}"
    return salted_hmac(CHOICE_KEY_SALT, message, algorithm="sha256").hexdigest()[:TOKEN_LENGTH]


@dataclass
class ServedQuestion:
    """One question of an attempt as the learner sees it, with its tokens in served order."""

    number: int
    block_id: str
    block_type: str
    value: Any
    order: list[int]
    tokens: list[str]
    fields: list = field(default_factory=list)  # bound form fields, set by the answer form
    errors: list[str] = field(default_factory=list)

    @property
    def field_name(self) -> str:
        return f"q-{self.block_id}"

    @property
    def index_by_token(self) -> dict[str, int]:
        return dict(zip(self.tokens, self.order, strict=True))

    def option_labels(self) -> list[str]:
        """Labels in served order."""
        if self.block_type in CHOICE_TYPES:
            return [self.value["choices"][index]["text"] for index in self.order]
        if self.block_type == ORDERING:
            return [self.value["steps"][index] for index in self.order]
        return []


def served_questions(
    attempt_id: int, served: Iterable[Mapping[str, Any]], stream_children: Mapping[str, Any]
) -> list[ServedQuestion]:
    """Pair what an attempt served with the question blocks it came from.

    ``stream_children`` maps block id to a StreamField child (with ``block_type`` and
    ``value``). Raises ``KeyError`` when a served question is no longer there.
    """
    result = []
    for number, item in enumerate(served, start=1):
        child = stream_children[item["id"]]
        order = list(item["order"])
        if sorted(order) != list(range(option_count(child.block_type, child.value))):
            # The question's choices changed under the attempt: it cannot be graded as served.
            raise KeyError(item["id"])
        tokens = [choice_token(attempt_id, item["id"], index) for index in order]
        result.append(
            ServedQuestion(
                number=number,
                block_id=item["id"],
                block_type=child.block_type,
                value=child.value,
                order=order,
                tokens=tokens,
            )
        )
    return result
