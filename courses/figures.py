"""Completion figures for editors and reviewers: how many learners start and finish a unit.

A *unit* is a module or a course; its *activities* are the pages below it (lessons, quizzes,
and for a course its modules). Figures are read from :class:`~courses.models.Progress`, keyed
by translation key, so a unit's figures count its learners in every language. Only signed-in
learners are counted: a visitor's progress lives in their session.

Every figure is computed in the database, a fixed number of queries for any number of units
and learners: one for the units' activities, one for the counts, one for each median (a
window function ranks the values within each unit and only the middle one or two come back).

Figures drawn from fewer than ``KINWISE_MIN_AGGREGATE_LEARNERS`` (default 5) learners are
withheld (``None``): a median of one learner's score is that learner's score. Teachers' class
figures use the same threshold.
"""

from __future__ import annotations

import datetime
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from statistics import median

from django.conf import settings
from django.db import connection
from django.db.models import Aggregate, Count, OuterRef, Q, Subquery, TextField, Value
from wagtail.models import Page

from .completion import COMPLETE_STATUSES, ProgressStatus
from .models.progress import Progress


def min_learners_shown() -> int:
    """Below this many learners (or quiz results) a rate or a median is not shown."""
    return int(getattr(settings, "KINWISE_MIN_AGGREGATE_LEARNERS", 5))


GRADED_STATUSES = (ProgressStatus.PASSED, ProgressStatus.FAILED)


def percent(part: int, total: int) -> int | None:
    return whole(100 * part / total) if total else None


def whole(value) -> int | None:
    """A non-negative figure as a whole number, halves rounded up (as quiz scores are)."""
    return None if value is None else int(value + 0.5)


@dataclass(frozen=True)
class CompletionFigures:
    """What learners did in one unit (module or course)."""

    started: int = 0
    completed: int = 0
    graded: int = 0  # quiz results (one per learner and quiz): passed or failed
    passed: int = 0
    median_score: int | None = None
    median_time: datetime.timedelta | None = None

    @property
    def completion_rate(self) -> int | None:
        """Percent of the learners who started that completed."""
        return percent(self.completed, self.started)

    @property
    def pass_rate(self) -> int | None:
        """Percent of quiz results that are passes; withheld below the minimum."""
        if self.graded < min_learners_shown():
            return None
        return percent(self.passed, self.graded)

    @property
    def median_minutes(self) -> int | None:
        """The median time to complete in whole minutes (for spreadsheets)."""
        if self.median_time is None:
            return None
        return round(self.median_time.total_seconds() / 60)


class KeyList(Aggregate):
    """The values (translation keys) joined with commas: GROUP_CONCAT, or STRING_AGG."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s::text, ',')",
            **extra_context,
        )


def with_activity_keys(units):
    """Annotate a queryset of units with ``activity_keys``, so that
    :func:`completion_figures` needs no query of its own to find their activities."""
    below = (
        Page.objects.filter(path__startswith=OuterRef("path"), depth__gt=OuterRef("depth"))
        .order_by()
        .annotate(_all=Value(1))
        .values("_all")
        .annotate(keys=KeyList("translation_key"))
        .values("keys")
    )
    return units.annotate(activity_keys=Subquery(below, output_field=TextField()))


def unit_activities(units: Sequence[Page]) -> dict:
    """``{activity translation key: unit translation key}`` for every page below the units.

    Read from ``activity_keys`` when the units were loaded :func:`with_activity_keys`, else
    one query, whatever the number of units. Units must not contain one another: an activity
    belongs to exactly one unit.
    """
    if not units:
        return {}
    if all(hasattr(unit, "activity_keys") for unit in units):
        return {
            uuid.UUID(key): unit.translation_key
            for unit in units
            for key in (unit.activity_keys or "").split(",")
            if key
        }
    by_path = {unit.path: unit.translation_key for unit in units}
    below = reduce(or_, (Q(path__startswith=path) for path in by_path))
    rows = (
        Page.objects.filter(below)
        .exclude(path__in=list(by_path))
        .values_list("path", "translation_key")
    )
    activities = {}
    for path, key in rows:
        unit_path = next(p for p in by_path if path.startswith(p))
        activities[key] = by_path[unit_path]
    return activities


def completion_figures(units: Iterable[Page]) -> dict:
    """``{unit pk: CompletionFigures}`` for modules or courses (not one inside another).

    Two queries whatever the number of units and learners: a histogram of rows by page,
    status and score (completions, quiz results and score medians add up from it), and one
    pass over the units' rows grouped by learner (:func:`learner_figures`).
    """
    units = list(units)
    if not units:
        return {}
    activities = unit_activities(units)
    unit_keys = {unit.translation_key for unit in units}
    mapping = {**activities, **{key: key for key in unit_keys}}
    completed: Counter = Counter()
    graded: Counter = Counter()
    passed: Counter = Counter()
    scores: dict = {}
    histogram = (
        Progress.objects.filter(translation_key__in=list(mapping))
        # Lessons' rows (most of them) count for nothing here: leave them out.
        .filter(Q(translation_key__in=list(unit_keys)) | Q(status__in=GRADED_STATUSES))
        .order_by()
        .values_list("translation_key", "status", "score")
        .annotate(rows=Count("pk"))
    )
    for key, status, score, rows in histogram:
        unit = mapping[key]
        if key in unit_keys:
            if status in COMPLETE_STATUSES:
                completed[unit] += rows
        elif status in GRADED_STATUSES:
            graded[unit] += rows
            passed[unit] += rows if status == ProgressStatus.PASSED else 0
            if score is not None:
                scores.setdefault(unit, Counter())[score] += rows
    learners = learner_figures(mapping, unit_keys)
    figures = {}
    for unit in units:
        key = unit.translation_key
        started, median_time = learners.get(key, (0, None))
        figures[unit.pk] = CompletionFigures(
            started=started,
            completed=completed[key],
            graded=graded[key],
            passed=passed[key],
            median_score=whole(histogram_median(scores.get(key))),
            median_time=median_time,
        )
    return figures


def histogram_median(counts: Counter | None):
    """The median of values given as ``{value: how many}``; ``None`` below the minimum."""
    total = sum(counts.values()) if counts else 0
    if total < min_learners_shown():
        return None
    middle = []
    seen = 0
    for value in sorted(counts):
        for position in (total // 2, (total - 1) // 2):  # 0-based middle(s)
            if seen <= position < seen + counts[value]:
                middle.append(value)
        seen += counts[value]
    return median(middle)


# Seconds between two timestamp columns, by database.
SECONDS_BETWEEN = {
    "postgresql": "EXTRACT(EPOCH FROM ({done} - {start}))",
    "sqlite": "(julianday({done}) - julianday({start})) * 86400.0",
    "mysql": "TIMESTAMPDIFF(MICROSECOND, {start}, {done}) / 1000000.0",
}


def learner_figures(mapping: dict, unit_keys: set) -> dict:
    """``{unit key: (learners who started, median time to complete)}`` in one query.

    The units' rows are grouped by unit and learner (a learner started a unit when they have
    any row in it, and took from their first view of an activity to the unit's completion);
    window functions count each unit's learners and rank their times, and only each unit's
    first row and middle one or two times come back: at most three rows per unit whatever the
    number of learners. ``mapping`` maps each activity's (and each unit's own) key to its
    unit's key.

    Raw SQL because the ORM cannot rank the rows of an aggregate (it would group by the
    window) and cannot join a list of values; the SQL is the same on every database but for
    the difference between two timestamps (:data:`SECONDS_BETWEEN`).
    """
    if not mapping:
        return {}
    vendor = connection.vendor
    if vendor not in SECONDS_BETWEEN:
        raise NotImplementedError(f"learner figures are not written for {vendor}")
    table = connection.ops.quote_name(Progress._meta.db_table)
    uuid_field = Progress._meta.get_field("translation_key")
    pairs = ", ".join(["(%s, %s)"] * len(mapping))
    params = [
        uuid_field.get_db_prep_value(value, connection)
        for key, unit in mapping.items()
        for value in (key, unit)
    ]
    complete = sorted(str(status) for status in COMPLETE_STATUSES)
    seconds = SECONDS_BETWEEN[vendor].format(done="done_at", start="started_at")
    # Only placeholders, a quoted table name and a fixed expression are interpolated.
    sql = f"""
        WITH unit_of (page_key, unit_key) AS (VALUES {pairs}),
        per_learner AS (
            SELECT unit_of.unit_key AS unit_key, progress.learner_id AS learner_id,
                MIN(CASE WHEN progress.translation_key <> unit_of.unit_key
                    THEN progress.first_viewed_at END) AS started_at,
                MIN(CASE WHEN progress.translation_key = unit_of.unit_key
                    AND progress.status IN (%s, %s) THEN progress.completed_at END) AS done_at
            FROM {table} progress
            JOIN unit_of ON progress.translation_key = unit_of.page_key
            GROUP BY unit_of.unit_key, progress.learner_id
        ),
        ranked AS (
            SELECT unit_key, {seconds} AS seconds,
                COUNT(*) OVER (PARTITION BY unit_key) AS started,
                COUNT({seconds}) OVER (PARTITION BY unit_key) AS completed,
                ROW_NUMBER() OVER (
                    PARTITION BY unit_key
                    ORDER BY CASE WHEN {seconds} IS NULL THEN 1 ELSE 0 END, {seconds}
                ) AS unit_rank
            FROM per_learner
        )
        SELECT unit_key, seconds, started, completed, unit_rank FROM ranked
        WHERE unit_rank = 1 OR (
            seconds IS NOT NULL AND 2 * unit_rank >= completed AND 2 * unit_rank <= completed + 2
        )
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, params + complete)
        rows = cursor.fetchall()
    started: dict = {}
    middles: dict = {}
    for raw_key, seconds, learners, completed, rank in rows:
        key = uuid_field.to_python(raw_key)
        started[key] = learners
        is_middle = seconds is not None and completed <= 2 * rank <= completed + 2
        if is_middle and completed >= min_learners_shown():
            middles.setdefault(key, []).append(float(seconds))
    return {
        key: (
            learners,
            datetime.timedelta(seconds=round(median(middles[key]))) if key in middles else None,
        )
        for key, learners in started.items()
    }
