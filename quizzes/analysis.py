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
attempts are counted in one query, in the database (:func:`answer_groups`): what comes back
is a few rows per question (one per distinct answer), whatever the number of attempts.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from courses.figures import min_learners_shown, whole
from quizzes.grading import MULTIPLE_SELECT, ONE_CHOICE_TYPES, ORDERING, TRUE_FALSE

min_attempts_shown = min_learners_shown


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


# How each database expands an attempt's answers (a JSON object by block id) into rows of
# (block id, answer), and reads an answer's fields. The rest of the SQL is the same.
ANSWER_SQL = {
    "postgresql": {
        "each": "CROSS JOIN LATERAL jsonb_each(attempt.answers) AS answer(block_id, value)",
        "block_id": "answer.block_id",
        "correct": "(answer.value ->> 'correct') = 'true'",
        "score": "CAST(answer.value ->> 'score' AS DOUBLE PRECISION)",
        "response": "CAST(answer.value -> 'response' AS TEXT)",
        "total_text": "CAST(attempt.score AS TEXT)",
    },
    "sqlite": {
        "each": "CROSS JOIN json_each(attempt.answers) AS answer",
        "block_id": "answer.key",
        "correct": "(answer.value ->> '$.correct') = 1",
        "score": "CAST(answer.value ->> '$.score' AS REAL)",
        "response": "(answer.value -> '$.response')",
        "total_text": "CAST(attempt.score AS TEXT)",
    },
}


def group_size(answered: int) -> int:
    """How many attempts make the upper (and the lower) group: 27% of those that answered
    the question, rounded half up, at least one. (The same integer arithmetic in the SQL.)"""
    return max(1, (27 * answered + 50) // 100)


def answer_groups(attempt_model, quiz_ids: Sequence[int], limit: int | None = None) -> list:
    """What question analysis needs from each quiz's latest ``limit`` submitted attempts, in
    one query, aggregated in the database (a few rows per question, whatever the attempts):

    - ``(quiz id, block id, correct, response as JSON, answers, upper, lower, answered)``
      for each question and distinct (correct, response): how many answers, their question
      scores summed over the upper and the lower 27% of the attempts that answered the
      question (ranked by the attempt's total score, then id), and how many answered it;
    - ``(quiz id, None, passed, total score, attempts, None, None, None)`` per quiz, for its
      pass rate and median score.

    The attempts are ranked by a window over the index of each quiz's submitted attempts by
    time (ids and times only); only the chosen attempts are read from the table, once, and
    their answers expanded (``jsonb_each`` / ``json_each``).
    """
    limit = limit or attempts_per_quiz()
    if not quiz_ids:
        return []
    vendor = connection.vendor
    if vendor not in ANSWER_SQL:
        raise NotImplementedError(f"question analysis is not written for {vendor}")
    parts = ANSWER_SQL[vendor]
    table = connection.ops.quote_name(attempt_model._meta.db_table)
    ids = ", ".join(["%s"] * len(quiz_ids))
    size = "CASE WHEN (27 * answered + 50) / 100 < 1 THEN 1 ELSE (27 * answered + 50) / 100 END"
    # Only placeholders, a quoted table name and the fixed expressions above are interpolated.
    sql = f"""
        WITH recent AS (
            SELECT id FROM (
                SELECT id, ROW_NUMBER() OVER (
                    PARTITION BY quiz_id ORDER BY submitted_at DESC, id DESC
                ) AS recency
                FROM {table}
                WHERE quiz_id IN ({ids}) AND submitted_at IS NOT NULL
            ) ranked_attempts
            WHERE recency <= %s
        ),
        chosen AS (
            SELECT id, quiz_id, score, passed, answers FROM {table}
            WHERE id IN (SELECT id FROM recent)
        ),
        answers AS (
            SELECT attempt.quiz_id AS quiz_id, attempt.id AS attempt_id,
                attempt.score AS total, {parts["block_id"]} AS block_id,
                CASE WHEN {parts["correct"]} THEN 1 ELSE 0 END AS correct,
                {parts["score"]} AS score, {parts["response"]} AS response
            FROM chosen attempt
            {parts["each"]}
        ),
        ranked AS (
            SELECT quiz_id, block_id, correct, score, response,
                ROW_NUMBER() OVER (
                    PARTITION BY quiz_id, block_id ORDER BY total, attempt_id
                ) AS position,
                COUNT(*) OVER (PARTITION BY quiz_id, block_id) AS answered
            FROM answers
        )
        SELECT quiz_id, block_id, correct, response, COUNT(*),
            SUM(CASE WHEN position > answered - {size} THEN score ELSE 0 END),
            SUM(CASE WHEN position <= {size} THEN score ELSE 0 END),
            MAX(answered)
        FROM ranked
        GROUP BY quiz_id, block_id, correct, response
        UNION ALL
        SELECT attempt.quiz_id, NULL, CASE WHEN attempt.passed THEN 1 ELSE 0 END,
            {parts["total_text"]}, COUNT(*), NULL, NULL, NULL
        FROM chosen attempt
        GROUP BY attempt.quiz_id, attempt.passed, attempt.score
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [*quiz_ids, limit])
        return cursor.fetchall()


def attempts_for(quizzes: Sequence) -> list:
    """:func:`answer_groups` for ``quizzes``: one query per attempt model (usually one)."""
    by_model: dict = {}
    for quiz in quizzes:
        by_model.setdefault(quiz.get_attempt_class(), []).append(quiz.pk)
    return [row for model, ids in by_model.items() for row in answer_groups(model, ids)]


def analyse(quizzes: Iterable, groups: Iterable) -> tuple[list, dict]:
    """Question rows for every question in ``quizzes``, and a summary per quiz id.

    ``groups`` are rows from :func:`answer_groups`; quizzes are pages whose ``questions``
    are read raw (no block conversion, so no query per quiz).
    """
    quizzes = list(quizzes)
    summaries = {quiz.pk: QuizSummary() for quiz in quizzes}
    by_question: dict[tuple, list] = {}
    for quiz_id, block_id, correct, response, count, upper, lower, answered in groups:
        if quiz_id not in summaries:
            continue
        if block_id is None:  # the quiz's attempts with this result
            summary = summaries[quiz_id]
            summary.attempts += count
            summary.passed += count if correct else 0
            summary.scores.extend([int(response)] * count)
            continue
        by_question.setdefault((quiz_id, block_id), []).append(
            (bool(correct), response, count, upper or 0, lower or 0, answered)
        )
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
            groups_of_question = by_question.get((quiz.pk, block["id"]), [])
            analyse_question(row, block.get("value") or {}, groups_of_question)
            rows.append(row)
    return rows, summaries


def analyse_question(row: QuestionAnalysis, value: dict, groups: list) -> None:
    """Fill in ``row`` from the answers to it, as ``(correct, response as JSON, answers,
    upper group's score, lower group's score, attempts that answered)``."""
    row.attempts = groups[0][5] if groups else 0
    row.correct = sum(count for correct, _r, count, *_rest in groups if correct)
    if row.attempts < min_attempts_shown():
        return
    row.wrong_answer = most_chosen_wrong_answer(row.block_type, value, groups)
    size = group_size(row.attempts)
    upper = sum(group[3] for group in groups)
    lower = sum(group[4] for group in groups)
    row.discrimination = round((upper - lower) / size, 2)


def most_chosen_wrong_answer(block_type: str, value: dict, groups: list) -> WrongAnswer | None:
    """The wrong answer chosen most often (ties: the first choice or step), with its share of
    the question's attempts. Counted by raw answer, so only the winner is labelled."""
    counts: Counter = Counter()
    answered = 0
    for correct, response, count, *_rest in groups:
        answered += count
        if correct:
            continue
        for key in wrong_keys(block_type, value, json.loads(response) if response else None):
            counts[key] += count
    if not counts:
        return None
    key, count = min(counts.items(), key=lambda item: (-item[1], item[0]))
    return WrongAnswer(
        label=wrong_label(block_type, value, key),
        count=count,
        share=whole(100 * count / answered),
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
