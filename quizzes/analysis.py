"""Question analysis: how each quiz question performs, from submitted attempts.

Questions are identified by their StreamField block id, which survives edits, so attempts
served by any revision count towards the question as it is now; questions removed from the
quiz are not analysed. Answers are stored in the editor's choice indices of the revision that
was served; labels come from the question as it is now. Every submitted attempt counts,
learners' and anonymous visitors' alike.

Per question: attempts, the share answered correctly, the most chosen wrong answer, and the
discrimination index: the corrected item–total correlation (the item–rest point-biserial),
the Pearson correlation between ``x``, the question's score in an attempt (0 to 1, partial
credit as graded), and ``R = T − x``, the attempt's total points ``T`` (the sum of its question
scores) without that question. Near +1 the question separates those who learned the module
from those who did not; near 0 or below it misleads or tests something else. It is blank
when either varies not at all (everyone scored the same on the question, or on the rest).

The figures are not computed from the attempts on each request: running totals are kept in
:class:`quizzes.models.QuestionStatistic`, added to as each attempt is submitted
(:func:`record_attempt`, one multi-row ``INSERT … ON CONFLICT DO UPDATE`` in the
submission's transaction), and rebuilt from the attempts by :func:`rebuild_statistics`
(``manage.py rebuild_question_statistics``). Per question they hold ``n`` (attempts), the
number correct, and ``Σx, Σx², ΣT, ΣT², ΣxT``; the correlation follows from those, since
``ΣR = ΣT − Σx``, ``ΣR² = ΣT² − 2ΣxT + Σx²`` and ``ΣxR = ΣxT − Σx²``::

    r = (n·ΣxR − Σx·ΣR) / √((n·Σx² − (Σx)²) · (n·ΣR² − (ΣR)²))

Scores are counted in ten-thousandths of a point (they are stored to four decimals), so the
sums are exact integers, whatever the order the submissions arrived in. The running totals
refer to no learner or attempt: deleting an account deletes its attempts but not what they
added to these anonymous totals.

Figures from fewer than ``KINWISE_MIN_AGGREGATE_LEARNERS`` (default 5) attempts are
withheld. A report page reads the totals in one query, whatever the number of attempts.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from courses.figures import min_learners_shown, whole
from quizzes.grading import MULTIPLE_SELECT, ONE_CHOICE_TYPES, ORDERING, TRUE_FALSE

min_attempts_shown = min_learners_shown

# Scores are counted in ten-thousandths of a point: attempts store them to four decimals.
SCORE_UNIT = 10_000

# The kinds of QuestionStatistic row (see its docstring).
QUESTION = "question"
SCORE = "score"

STATISTIC_COLUMNS = (
    "quiz_id",
    "block_id",
    "kind",
    "item",
    "count",
    "correct",
    "sum_x",
    "sum_x2",
    "sum_t",
    "sum_t2",
    "sum_xt",
)
STATISTIC_KEY = STATISTIC_COLUMNS[:4]
STATISTIC_TOTALS = STATISTIC_COLUMNS[4:]


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
    """A quiz's submitted attempts: how many, how many passed, and how many had each score."""

    attempts: int = 0
    passed: int = 0
    scores: dict = field(default_factory=dict)  # percent score -> attempts

    @property
    def pass_rate(self) -> int | None:
        if self.attempts < min_attempts_shown():
            return None
        return whole(100 * self.passed / self.attempts)

    @property
    def median_score(self) -> int | None:
        if self.attempts < min_attempts_shown():
            return None
        middle = self.attempts // 2
        if self.attempts % 2:
            return self.score_at(middle)
        return whole((self.score_at(middle - 1) + self.score_at(middle)) / 2)

    def score_at(self, position: int) -> int:
        """The score at ``position`` (from 0) of the attempts ordered by score."""
        seen = 0
        for score in sorted(self.scores):
            seen += self.scores[score]
            if position < seen:
                return score
        raise IndexError(position)


# --- the statistics -------------------------------------------------------------------------


def score_units(score) -> int:
    """A question score (0..1, as stored: four decimals) in ten-thousandths of a point."""
    return round(float(score) * SCORE_UNIT)


def discrimination_index(n, sum_x, sum_x2, sum_t, sum_t2, sum_xt) -> float | None:
    """The item–rest correlation from the running sums (see the module docstring), or
    ``None`` when the question's scores or the rest of the attempts' points do not vary."""
    sum_r = sum_t - sum_x
    sum_r2 = sum_t2 - 2 * sum_xt + sum_x2
    sum_xr = sum_xt - sum_x2
    var_x = n * sum_x2 - sum_x * sum_x  # n² times the variances (exact integers)
    var_r = n * sum_r2 - sum_r * sum_r
    if var_x <= 0 or var_r <= 0:
        return None
    r = (n * sum_xr - sum_x * sum_r) / math.sqrt(var_x * var_r)
    return max(-1.0, min(1.0, r))


def attempt_statistics(quiz_id, answers: Mapping, questions: Mapping, score, passed) -> list:
    """What one submitted attempt adds to the statistics, as rows of ``STATISTIC_COLUMNS``
    sorted by key (so that concurrent upserts lock rows in the same order).

    ``answers`` are the attempt's stored answers by block id; ``questions`` map block ids to
    ``(block type, value)`` for the wrong answers' keys (questions missing from it add no
    wrong answers).
    """
    scores = {block_id: score_units(answer["score"]) for block_id, answer in answers.items()}
    total = sum(scores.values())
    rows = {(quiz_id, "", SCORE, int(score)): [1, 1 if passed else 0, 0, 0, 0, 0, 0]}
    wrong: Counter = Counter()
    for block_id, answer in answers.items():
        x = scores[block_id]
        correct = bool(answer.get("correct"))
        rows[(quiz_id, block_id, QUESTION, 0)] = [
            1,
            1 if correct else 0,
            x,
            x * x,
            total,
            total * total,
            x * total,
        ]
        if not correct and block_id in questions:
            block_type, value = questions[block_id]
            for kind, item in counted_wrong_keys(block_type, value, answer.get("response")):
                wrong[(quiz_id, block_id, kind, item)] += 1
    for key, count in wrong.items():
        rows[key] = [count, 0, 0, 0, 0, 0, 0]
    return [(*key, *totals) for key, totals in sorted(rows.items())]


def counted_wrong_keys(block_type: str, value, response) -> list[tuple[str, int]]:
    """:func:`wrong_keys` as stored: items as integers (True/False as 1/0), each key once."""
    return sorted(
        {
            (kind, int(item))
            for kind, item in wrong_keys(block_type, value, response)
            if isinstance(item, int)
        }
    )


def add_statistics(
    statistic_model, rows: Sequence[tuple], *, batch: int | None = None, using=DEFAULT_DB_ALIAS
) -> None:
    """Add ``rows`` to the running totals: one multi-row ``INSERT … ON CONFLICT DO UPDATE``
    (per ``batch`` rows, if given), atomic per row on PostgreSQL and SQLite (≥ 3.24)."""
    if not rows:
        return
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(statistic_model._meta.db_table)
    columns = ", ".join(quote(column) for column in STATISTIC_COLUMNS)
    key = ", ".join(quote(column) for column in STATISTIC_KEY)
    updates = ", ".join(
        f"{quote(column)} = {table}.{quote(column)} + excluded.{quote(column)}"
        for column in STATISTIC_TOTALS
    )
    placeholders = "(" + ", ".join(["%s"] * len(STATISTIC_COLUMNS)) + ")"
    batch = batch or len(rows)
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch):
            chunk = rows[start : start + batch]
            # Only quoted names and placeholders are interpolated.
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([placeholders] * len(chunk))} "  # noqa: S608
                f"ON CONFLICT ({key}) DO UPDATE SET {updates}",
                [value for row in chunk for value in row],
            )


def record_attempt(attempt, questions: Iterable) -> None:
    """Add a just-graded attempt to the statistics (call inside its transaction, after
    ``record_grade``): one query, whatever the number of questions. ``questions`` are the
    attempt's served questions (their type and value as served name the wrong answers)."""
    from quizzes.models import QuestionStatistic

    served = {question.block_id: (question.block_type, question.value) for question in questions}
    rows = attempt_statistics(
        attempt.quiz_id, attempt.answers, served, attempt.score, attempt.passed
    )
    add_statistics(QuestionStatistic, rows)


# How each database expands an attempt's answers (a JSON object by block id) into rows of
# (block id, answer), and reads an answer's fields. The rest of the SQL is the same.
ANSWER_SQL = {
    "postgresql": {
        "each": "jsonb_each(attempt.answers) AS answer(block_id, value)",
        # The attempt's total points: once per attempt, joined to each of its answers.
        "total": "total.t",
        "total_join": "CROSS JOIN LATERAL (SELECT SUM({units}) AS t "
        "FROM jsonb_each(attempt.answers) AS each_answer(block_id, value)) AS total",
        "block_id": "answer.block_id",
        "correct": "(answer.value ->> 'correct') = 'true'",
        "units": "CAST(ROUND(CAST({answer}.value ->> 'score' AS NUMERIC) * 10000) AS BIGINT)",
        "response": "CAST(answer.value -> 'response' AS TEXT)",
        "lateral": "CROSS JOIN LATERAL",
        # Keeps the planner from pulling the subquery up, which would parse each answer's
        # score once per reference to x (four times) instead of once: twice as fast.
        "fence": "OFFSET 0",
    },
    "sqlite": {
        "each": "json_each(attempt.answers) AS answer",
        # SQLite has no LATERAL subqueries: the total is a correlated scalar subquery.
        "total": "(SELECT SUM({units}) FROM json_each(attempt.answers) AS each_answer)",
        "total_join": "",
        "block_id": "answer.key",
        "correct": "(answer.value ->> '$.correct') = 1",
        "units": "CAST(ROUND(CAST({answer}.value ->> '$.score' AS REAL) * 10000) AS INTEGER)",
        "response": "(answer.value -> '$.response')",
        "lateral": "CROSS JOIN",
        "fence": "",
    },
}


def _answer_sql(connection=connection):
    vendor = connection.vendor
    if vendor not in ANSWER_SQL:
        raise NotImplementedError(f"question statistics are not written for {vendor}")
    return ANSWER_SQL[vendor]


def rebuild_statistics(
    statistic_model, attempt_model, quizzes: Mapping[int, list], *, using=DEFAULT_DB_ALIAS
) -> None:
    """Recompute the statistics of ``quizzes`` (quiz id -> its questions as raw StreamField
    data) from their submitted attempts in ``attempt_model``: their rows are deleted and
    made again, set-based in the database (``INSERT … SELECT … GROUP BY`` over the answers
    expanded by ``jsonb_each`` / ``json_each``). The wrong answers are named from the
    questions as they are now (their answers grouped by response in the database, then
    keyed here); questions removed from a quiz get none, as they are not shown.

    Works with historical models (data migrations). On PostgreSQL the statistics table is
    locked meanwhile, so that a submission is counted exactly once: it waits, and adds to
    the rebuilt totals.
    """
    quiz_ids = sorted(quizzes)
    if not quiz_ids:
        return
    connection = connections[using]
    sql = _answer_sql(connection)
    quote = connection.ops.quote_name
    table = quote(statistic_model._meta.db_table)
    attempts = quote(attempt_model._meta.db_table)
    columns = ", ".join(quote(column) for column in STATISTIC_COLUMNS)
    ids = ", ".join(["%s"] * len(quiz_ids))
    submitted = f"attempt.submitted_at IS NOT NULL AND attempt.quiz_id IN ({ids})"
    units = sql["units"].format(answer="answer")
    total_units = sql["units"].format(answer="each_answer")
    total = sql["total"].format(units=total_units)
    total_join = sql["total_join"].format(units=total_units)
    # Only quoted names, placeholders and the fixed expressions above are interpolated.
    question_rows = f"""
        INSERT INTO {table} ({columns})
        SELECT quiz_id, block_id, '{QUESTION}', 0, COUNT(*), SUM(correct),
            SUM(x), SUM(x * x), SUM(t), SUM(t * t), SUM(x * t)
        FROM (
            SELECT attempt.quiz_id AS quiz_id, {sql["block_id"]} AS block_id,
                CASE WHEN {sql["correct"]} THEN 1 ELSE 0 END AS correct,
                {units} AS x, {total} AS t
            FROM {attempts} attempt
            {total_join}
            {sql["lateral"]} {sql["each"]}
            WHERE {submitted}
            {sql["fence"]}
        ) answers
        GROUP BY quiz_id, block_id
    """  # noqa: S608
    score_rows = f"""
        INSERT INTO {table} ({columns})
        SELECT attempt.quiz_id, '', '{SCORE}', attempt.score, COUNT(*),
            SUM(CASE WHEN attempt.passed THEN 1 ELSE 0 END), 0, 0, 0, 0, 0
        FROM {attempts} attempt
        WHERE {submitted}
        GROUP BY attempt.quiz_id, attempt.score
    """  # noqa: S608
    wrong_responses = f"""
        SELECT attempt.quiz_id, {sql["block_id"]}, {sql["response"]}, COUNT(*)
        FROM {attempts} attempt
        {sql["lateral"]} {sql["each"]}
        WHERE {submitted} AND NOT ({sql["correct"]})
        GROUP BY attempt.quiz_id, {sql["block_id"]}, {sql["response"]}
    """  # noqa: S608
    with transaction.atomic(using=using), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {table} WHERE quiz_id IN ({ids})", quiz_ids)  # noqa: S608
        cursor.execute(question_rows, quiz_ids)
        cursor.execute(score_rows, quiz_ids)
        cursor.execute(wrong_responses, quiz_ids)
        wrong: Counter = Counter()
        blocks = {
            quiz_id: {block["id"]: block for block in questions}
            for quiz_id, questions in quizzes.items()
        }
        for quiz_id, block_id, response, count in cursor.fetchall():
            block = blocks.get(quiz_id, {}).get(block_id)
            if block is None:
                continue
            value = block.get("value") or {}
            response = json.loads(response) if response is not None else None
            for kind, item in counted_wrong_keys(block["type"], value, response):
                wrong[(quiz_id, block_id, kind, item)] += count
        rows = [(*key, count, 0, 0, 0, 0, 0, 0) for key, count in sorted(wrong.items())]
        add_statistics(statistic_model, rows, batch=500, using=using)


def quiz_page_models() -> list:
    from django.apps import apps

    from quizzes.models import AbstractQuizPage

    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractQuizPage) and not model._meta.abstract
    ]


def rebuild_all_statistics() -> int:
    """Rebuild every quiz's statistics from its attempts (idempotent). Returns the number
    of quizzes."""
    from quizzes.models import QuestionStatistic

    by_attempt_model: dict = {}
    count = 0
    for model in quiz_page_models():
        for quiz in model.objects.only("id", "questions"):
            by_attempt_model.setdefault(quiz.get_attempt_class(), {})[quiz.pk] = list(
                quiz.questions.raw_data
            )
            count += 1
    with transaction.atomic():
        known = [quiz_id for quizzes in by_attempt_model.values() for quiz_id in quizzes]
        QuestionStatistic.objects.exclude(quiz_id__in=known).delete()
        for attempt_model, quizzes in by_attempt_model.items():
            rebuild_statistics(QuestionStatistic, attempt_model, quizzes)
    return count


# --- reading them ---------------------------------------------------------------------------


def statistics_for(quizzes: Sequence) -> list:
    """The statistics rows of ``quizzes``, in one query, as tuples of
    ``STATISTIC_COLUMNS``: a few rows per question, whatever the number of attempts."""
    from quizzes.models import QuestionStatistic

    if not quizzes:
        return []
    return list(
        QuestionStatistic.objects.filter(quiz_id__in=[quiz.pk for quiz in quizzes]).values_list(
            *STATISTIC_COLUMNS
        )
    )


def analyse(quizzes: Iterable, statistics: Iterable) -> tuple[list, dict]:
    """Question rows for every question in ``quizzes``, and a summary per quiz id.

    ``statistics`` are rows from :func:`statistics_for`; quizzes are pages whose
    ``questions`` are read raw (no block conversion, so no query per quiz).
    """
    quizzes = list(quizzes)
    summaries = {quiz.pk: QuizSummary() for quiz in quizzes}
    totals: dict[tuple, tuple] = {}
    wrong: dict[tuple, list] = {}
    for quiz_id, block_id, kind, item, count, correct, *sums in statistics:
        if quiz_id not in summaries or not count:
            continue
        if kind == SCORE:
            summary = summaries[quiz_id]
            summary.attempts += count
            summary.passed += correct
            summary.scores[item] = summary.scores.get(item, 0) + count
        elif kind == QUESTION:
            totals[(quiz_id, block_id)] = (count, correct, *sums)
        else:
            wrong.setdefault((quiz_id, block_id), []).append((kind, item, count))
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
            key = (quiz.pk, block["id"])
            analyse_question(row, block.get("value") or {}, totals.get(key), wrong.get(key, []))
            rows.append(row)
    return rows, summaries


def analyse_question(row: QuestionAnalysis, value: dict, totals, wrong: list) -> None:
    """Fill in ``row`` from its question's totals ``(n, correct, Σx, Σx², ΣT, ΣT², ΣxT)``
    and wrong-answer counts ``(kind, item, count)``."""
    if totals is None:
        return
    row.attempts, row.correct = totals[0], totals[1]
    if row.attempts < min_attempts_shown():
        return
    row.wrong_answer = most_chosen_wrong_answer(row.block_type, value, wrong, row.attempts)
    index = discrimination_index(totals[0], *totals[2:])
    row.discrimination = None if index is None else round(index, 2)


def most_chosen_wrong_answer(
    block_type: str, value: dict, wrong: list, attempts: int
) -> WrongAnswer | None:
    """The wrong answer chosen most often (ties: the first choice or step), with its share of
    the question's attempts."""
    if not wrong:
        return None
    kind, item, count = min(wrong, key=lambda entry: (-entry[2], entry[0], entry[1]))
    return WrongAnswer(
        label=wrong_label(block_type, value, (kind, item)),
        count=count,
        share=whole(100 * count / attempts),
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
