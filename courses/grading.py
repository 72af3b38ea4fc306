"""Pure grading functions shared by lesson knowledge checks and quizzes.

No database, no requests: values in, results out, so that grading is tested on its own and
``quizzes.grading`` builds on it. A *choice* is any mapping with a boolean ``"correct"`` and
an optional ``"feedback"`` (a ``StructValue`` from a choice block qualifies).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _


class InvalidAnswer(ValueError):
    """The submitted answer cannot be graded (missing, not a number, out of range).

    Views turn it into a 400 response; its message is safe to show to the learner.
    """


@dataclass(frozen=True)
class ChoiceResult:
    """The outcome of grading one single-choice answer."""

    chosen: int
    correct: bool
    correct_choices: tuple[int, ...]
    feedback: str = ""

    @property
    def score(self) -> int:
        return 100 if self.correct else 0


def correct_choices(choices: Sequence[Mapping]) -> tuple[int, ...]:
    """Indexes of the choices marked correct."""
    return tuple(i for i, choice in enumerate(choices) if choice.get("correct"))


def parse_choice(raw: str | None, choice_count: int) -> int:
    """Turn a submitted choice (a string index from a form) into an index.

    Raises :class:`InvalidAnswer` when nothing was chosen or the value is not one of the
    ``choice_count`` choices offered.
    """
    if raw is None or str(raw).strip() == "":
        raise InvalidAnswer(_("Choose an answer before checking it."))
    try:
        index = int(str(raw).strip())
    except ValueError:
        raise InvalidAnswer(_("That answer is not one of the choices.")) from None
    if not 0 <= index < choice_count:
        raise InvalidAnswer(_("That answer is not one of the choices."))
    return index


def grade_single_choice(choices: Sequence[Mapping], chosen: int) -> ChoiceResult:
    """Grade a single-choice question: right when the chosen choice is marked correct."""
    if not 0 <= chosen < len(choices):
        raise InvalidAnswer(_("That answer is not one of the choices."))
    choice = choices[chosen]
    return ChoiceResult(
        chosen=chosen,
        correct=bool(choice.get("correct")),
        correct_choices=correct_choices(choices),
        feedback=choice.get("feedback") or "",
    )


def score_percent(earned: float, possible: float) -> int:
    """A whole percentage, rounded half up; 0 when nothing was possible."""
    if possible <= 0:
        return 0
    if earned < 0 or earned > possible:
        raise ValueError("earned must be between 0 and possible")
    return int(earned * 100 / possible + 0.5)
