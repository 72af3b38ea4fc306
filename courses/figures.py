"""Completion figures for editors and reviewers: how many learners start and finish a unit.

A *unit* is a module or a course; its *activities* are the pages below it (lessons, quizzes,
and for a course its modules). Figures are read from :class:`~courses.models.Progress`, keyed
by translation key, so a unit's figures count its learners in every language. Only signed-in
learners are counted: a visitor's progress lives in their session.

Every figure is computed in the database, in one query for any number of units and learners
(:func:`figure_rows`): a learner's roll-up row for a unit exists from their first view of
anything in it, so the units' own rows say who started, who completed and how long it took,
and the quiz results below the units give pass rates and score medians.

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
from django.db.models import Aggregate, OuterRef, Q, Subquery, TextField, Value
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

    One query whatever the number of units and learners (:func:`figure_rows`): the units'
    own roll-up rows give who started, who completed and how long they took; the quiz
    results below them give pass rates and score medians.
    """
    units = list(units)
    if not units:
        return {}
    activities = unit_activities(units)
    unit_keys = {unit.translation_key for unit in units}
    learners, histogram = figure_rows(unit_keys, activities)
    graded: Counter = Counter()
    passed: Counter = Counter()
    scores: dict = {}
    for key, status, score, rows in histogram:
        unit = activities[key]
        graded[unit] += rows
        passed[unit] += rows if status == ProgressStatus.PASSED else 0
        if score is not None:
            scores.setdefault(unit, Counter())[score] += rows
    figures = {}
    for unit in units:
        key = unit.translation_key
        started, completed, median_time = learners.get(key, (0, 0, None))
        figures[unit.pk] = CompletionFigures(
            started=started,
            completed=completed,
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
    "postgresql": "CAST(EXTRACT(EPOCH FROM ({done} - {start})) AS DOUBLE PRECISION)",
    "sqlite": "(julianday({done}) - julianday({start})) * 86400.0",
    "mysql": "TIMESTAMPDIFF(MICROSECOND, {start}, {done}) / 1000000.0",
}


def figure_rows(unit_keys: set, activities: dict) -> tuple[dict, list]:
    """Everything :func:`completion_figures` reads, in one query of at most a few hundred rows
    whatever the number of learners.

    Returns ``{unit key: (learners who started, who completed, median time to complete)}``
    and the quiz results below the units as ``(activity key, status, score, rows)``.

    A learner's roll-up row for a unit exists from their first view of anything in it (see
    :mod:`courses.progress`) and keeps that time, so the units' own rows answer for started,
    completed and time to complete: their count by status, and the completed rows' times
    ranked by a window function, of which only the middle one or two come back (on
    PostgreSQL, ``percentile_cont(0.5)``: the same median, from one sort per unit). The quiz
    results are a histogram by page, status and score (at most 202 rows per quiz). All three
    parts read the index on page, status, score and times, not the table.

    Raw SQL because the ORM cannot rank within groups and combine both parts in one query;
    it is the same on every database but for the difference between two timestamps
    (:data:`SECONDS_BETWEEN`).
    """
    if not unit_keys:
        return {}, []
    vendor = connection.vendor
    if vendor not in SECONDS_BETWEEN:
        raise NotImplementedError(f"completion figures are not written for {vendor}")
    table = connection.ops.quote_name(Progress._meta.db_table)
    uuid_field = Progress._meta.get_field("translation_key")

    def keys_sql(keys) -> tuple[str, list]:
        values = [uuid_field.get_db_prep_value(key, connection) for key in keys]
        return ", ".join(["%s"] * len(values)), values

    unit_in, unit_params = keys_sql(sorted(unit_keys))
    # Activities' keys, or one that matches nothing, so the SQL keeps its shape.
    activity_in, activity_params = keys_sql(sorted(activities) or [uuid.UUID(int=0)])
    complete = sorted(str(status) for status in COMPLETE_STATUSES)
    graded = sorted(str(status) for status in GRADED_STATUSES)
    seconds = SECONDS_BETWEEN[vendor].format(done="completed_at", start="first_viewed_at")
    # Only placeholders, a quoted table name and a fixed expression are interpolated.
    if vendor == "postgresql":
        # An ordered-set aggregate: one sort per unit, no window over every completed row.
        middle = f"""
        SELECT translation_key, NULL, CAST(NULL AS INTEGER), COUNT(*),
            percentile_cont(0.5) WITHIN GROUP (ORDER BY {seconds})
        FROM {table}
        WHERE translation_key IN ({unit_in}) AND status IN (%s, %s)
        GROUP BY translation_key
        """  # noqa: S608
    else:
        middle = f"""
        SELECT unit_key, NULL, CAST(NULL AS INTEGER), completed, seconds
        FROM (
            SELECT unit_key, seconds,
                COUNT(*) OVER (PARTITION BY unit_key) AS completed,
                ROW_NUMBER() OVER (PARTITION BY unit_key ORDER BY seconds) AS unit_rank
            FROM (
                SELECT translation_key AS unit_key, {seconds} AS seconds
                FROM {table}
                WHERE translation_key IN ({unit_in}) AND status IN (%s, %s)
            ) done
        ) ranked
        WHERE 2 * unit_rank >= completed AND 2 * unit_rank <= completed + 2
        """  # noqa: S608
    sql = f"""
        {middle}
        UNION ALL
        SELECT translation_key, status, CAST(NULL AS INTEGER), COUNT(*), NULL
        FROM {table}
        WHERE translation_key IN ({unit_in})
        GROUP BY translation_key, status
        UNION ALL
        SELECT translation_key, status, score, COUNT(*), NULL
        FROM {table}
        WHERE translation_key IN ({activity_in}) AND status IN (%s, %s)
        GROUP BY translation_key, status, score
    """  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, unit_params + complete + unit_params + activity_params + graded)
        rows = cursor.fetchall()
    started: Counter = Counter()
    completed: Counter = Counter()
    middles: dict = {}
    histogram = []
    for raw_key, status, score, number, secs in rows:
        key = uuid_field.to_python(raw_key)
        if key not in unit_keys:  # a quiz result below a unit
            histogram.append((key, status, score, number))
        elif status is not None:  # the unit's rows with this status
            started[key] += number
            completed[key] += number if status in complete else 0
        elif number >= min_learners_shown():  # a middle time to complete
            middles.setdefault(key, []).append(float(secs))
    learners = {
        key: (
            started[key],
            completed[key],
            datetime.timedelta(seconds=round(median(middles[key]))) if key in middles else None,
        )
        for key in started
    }
    return learners, histogram
