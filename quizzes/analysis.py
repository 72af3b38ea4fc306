"""Question analysis: how each quiz question performs, from learners' submitted attempts.

Questions are identified by their StreamField block id, which survives edits, so attempts
served by any revision count towards the question as it is now; questions removed from the
quiz are not analysed. Answers are stored in the editor's choice indices of the revision that
was served; labels come from the question as it is now.

Per question: attempts, the share answered correctly, the most chosen wrong answer, and the
discrimination index (upper-lower 27% groups): attempts are ranked by their total score; the
index is the question's mean score in the top 27% minus that in the bottom 27%. Near +1 the
question separates those who learned the module from those who did not; near 0 or below it
misleads or tests something else.

Figures from fewer than ``KINWISE_MIN_AGGREGATE_LEARNERS`` (default 5) attempts are
withheld. Each quiz's latest ``KINWISE_QUESTION_ANALYSIS_ATTEMPTS`` (default 1,000) submitted
attempts are read in one query and analysed in one pass: the work is bounded whatever the
number of attempts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from courses.figures import min_learners_shown, whole
from quizzes.grading import MULTIPLE_SELECT, ONE_CHOICE_TYPES, ORDERING, TRUE_FALSE

min_attempts_shown = min_learners_shown
GROUP_SHARE = 0.27  # Kelley's upper and lower groups


def attempts_per_quiz() -> int:
    return int(getattr(settings, "KINWISE_QUESTION_ANALYSIS_ATTEMPTS", 1000))


@dataclass
class WrongAnswer:
    label: str
    count: int
    share: int  # percent of the question's attempts

    def __str__(self):
        return f"{self.label} ({self.share}%)"


@dataclass
class QuestionAnalysis:
    quiz: object
    number: int  # position in the quiz as it is now, from 1
    block_id: str
    block_type: str
    type_label: str
    text: str
    attempts: int = 0
    correct: int = 0
    wrong_answer: WrongAnswer | None = None
    discrimination: float | None = None
    course_title: str = ""

    @property
    def withheld(self) -> bool:
        return self.attempts < min_attempts_shown()

    @property
    def share_correct(self) -> int | None:
        if self.withheld:
            return None
        return whole(100 * self.correct / self.attempts)

    @property
    def wrong_answer_label(self) -> str:
        return "" if self.withheld or self.wrong_answer is None else str(self.wrong_answer)

    @property
    def discrimination_display(self) -> str:
        if self.withheld or self.discrimination is None:
            return ""
        return f"{self.discrimination:.2f}"

    @property
    def quiz_title(self) -> str:
        return self.quiz.title


@dataclass
class QuizSummary:
    attempts: int = 0
    passed: int = 0
    scores: list = field(default_factory=list)

    @property
    def pass_rate(self) -> int | None:
        if self.attempts < min_attempts_shown():
            return None
        return whole(100 * self.passed / self.attempts)

    @property
    def median_score(self) -> int | None:
        if self.attempts < min_attempts_shown():
            return None
        ordered = sorted(self.scores)
        middle = len(ordered) // 2
        if len(ordered) % 2:
            return ordered[middle]
        return whole((ordered[middle - 1] + ordered[middle]) / 2)


def latest_attempts(attempt_model, quiz_ids: Sequence[int], limit: int | None = None):
    """``(quiz id, score, passed, answers)`` of each quiz's latest ``limit`` submitted attempts,
    in one query."""
    limit = limit or attempts_per_quiz()
    if not quiz_ids:
        return []
    # The window ranks narrow rows (ids and times); only the chosen attempts' answers are
    # read, not every attempt's.
    recent = (
        attempt_model.objects.filter(quiz_id__in=list(quiz_ids), submitted_at__isnull=False)
        .annotate(
            _recent=Window(
                RowNumber(),
                partition_by=[F("quiz_id")],
                order_by=[F("submitted_at").desc(), F("pk").desc()],
            )
        )
        .filter(_recent__lte=limit)
        .order_by()
        .values("pk")
    )
    return list(
        attempt_model.objects.filter(pk__in=recent)
        .order_by()
        .values_list("pk", "quiz_id", "score", "passed", "answers")
    )


def attempts_for(quizzes: Sequence) -> list:
    """The latest attempts at ``quizzes``: one query per attempt model (usually one)."""
    by_model: dict = {}
    for quiz in quizzes:
        by_model.setdefault(quiz.get_attempt_class(), []).append(quiz.pk)
    return [row for model, ids in by_model.items() for row in latest_attempts(model, ids)]


def analyse(quizzes: Iterable, attempts: Iterable) -> tuple[list, dict]:
    """Question rows for every question in ``quizzes``, and a summary per quiz id.

    ``attempts`` are rows from :func:`latest_attempts`; quizzes are pages whose ``questions``
    are read raw (no block conversion, so no query per quiz).
    """
    quizzes = list(quizzes)
    summaries = {quiz.pk: QuizSummary() for quiz in quizzes}
    # One pass over the attempts: each answer goes to its question's list.
    served: dict[int, dict[str, list]] = {quiz.pk: {} for quiz in quizzes}
    for pk, quiz_id, score, passed, answers in attempts:
        if quiz_id not in served:
            continue
        summary = summaries[quiz_id]
        summary.attempts += 1
        summary.passed += bool(passed)
        summary.scores.append(score or 0)
        by_question = served[quiz_id]
        for block_id, answer in (answers or {}).items():
            by_question.setdefault(block_id, []).append((score or 0, pk, answer))
    rows = []
    for quiz in quizzes:
        labels = type_labels(quiz)
        for number, block in enumerate(quiz.questions.raw_data, start=1):
            row = QuestionAnalysis(
                quiz=quiz,
                number=number,
                block_id=block["id"],
                block_type=block["type"],
                type_label=labels.get(block["type"], block["type"]),
                text=question_text(block),
                course_title=getattr(quiz, "course_title", "") or "",
            )
            analyse_question(row, block.get("value") or {}, served[quiz.pk].get(block["id"], []))
            rows.append(row)
    return rows, summaries


def analyse_question(row: QuestionAnalysis, value: dict, served: list) -> None:
    """Fill in ``row`` from the answers to it: ``(attempt's total score, attempt pk, answer)``."""
    row.attempts = len(served)
    row.correct = sum(1 for *_rest, answer in served if answer.get("correct"))
    if row.attempts < min_attempts_shown():
        return
    row.wrong_answer = most_chosen_wrong_answer(row.block_type, value, served)
    row.discrimination = discrimination_index(served)


def discrimination_index(served: list) -> float:
    """Mean question score of the top 27% of attempts (by total score) minus the bottom 27%."""
    ranked = sorted(served, key=lambda item: (item[0], item[1]))
    size = max(1, round(GROUP_SHARE * len(ranked)))
    lower, upper = ranked[:size], ranked[-size:]

    def mean_score(group):
        return sum(float(answer.get("score", 0)) for *_rest, answer in group) / len(group)

    return round(mean_score(upper) - mean_score(lower), 2)


def most_chosen_wrong_answer(block_type: str, value: dict, served: list) -> WrongAnswer | None:
    """The wrong answer chosen most often (ties: the first choice or step), with its share of
    the question's attempts. Counted by raw answer, so only the winner is labelled."""
    counts: Counter = Counter()
    for *_rest, answer in served:
        if not answer.get("correct"):
            counts.update(wrong_keys(block_type, value, answer.get("response")))
    if not counts:
        return None
    key, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return WrongAnswer(
        label=wrong_label(block_type, value, key),
        count=count,
        share=whole(100 * count / len(served)),
    )


def wrong_keys(block_type: str, value: dict, response) -> list[tuple]:
    """What was wrong in one incorrect response, as comparable keys (see :func:`wrong_label`).

    Choice questions: the wrong choices chosen (``("missed", 0)`` when a multiple-select
    response left out a right choice but chose nothing wrong); true/false: the answer given;
    ordering: each step out of place.
    """
    if block_type in ONE_CHOICE_TYPES:
        return [("choice", response)] if isinstance(response, int) else []
    if block_type == MULTIPLE_SELECT:
        choices = value.get("choices") or []
        chosen = response if isinstance(response, list) else []
        wrong = [
            ("choice", i)
            for i in chosen
            if isinstance(i, int) and not (0 <= i < len(choices) and choices[i].get("correct"))
        ]
        return wrong or [("missed", 0)]
    if block_type == TRUE_FALSE:
        return [("answer", bool(response))]
    if block_type == ORDERING and isinstance(response, list):
        return [("step", step) for position, step in enumerate(response) if step != position]
    return []


def wrong_label(block_type: str, value: dict, key: tuple) -> str:
    kind, item = key
    if kind == "choice":
        choices = value.get("choices") or []
        if 0 <= item < len(choices):
            return Truncator(choices[item].get("text", "")).chars(80)
        return _("Choice %(number)s (since removed)") % {"number": item + 1}
    if kind == "missed":
        return _("Missed a right choice")
    if kind == "answer":
        return _("True") if item else _("False")
    steps = value.get("steps") or []
    step = steps[item] if 0 <= item < len(steps) else str(item + 1)
    return _("“%(step)s” out of place") % {"step": Truncator(step).chars(60)}


def question_text(block: dict) -> str:
    value = block.get("value") or {}
    return Truncator(strip_tags(str(value.get("question", "")))).chars(120)


def type_labels(quiz) -> dict:
    stream_block = type(quiz)._meta.get_field("questions").stream_block
    return {name: str(child.label) for name, child in stream_block.child_blocks.items()}
