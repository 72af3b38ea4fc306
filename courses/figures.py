"""Completion figures for editors and reviewers: how many learners start and finish a unit.

A *unit* is a module or a course; its *activities* are the pages below it (lessons, quizzes,
and for a course its modules). Figures are read from :class:`~courses.models.Progress`, keyed
by translation key, so a unit's figures count its learners in every language. Only signed-in
learners are counted: a visitor's progress lives in their session.

Every figure is computed in the database, a fixed number of queries for any number of units
and learners: one for the units' activities, one for the counts, one for each median (a
window function ranks the values within each unit and only the middle one or two come back).

Figures drawn from fewer than :data:`MIN_LEARNERS_SHOWN` learners are withheld (``None``):
a median of one learner's score is that learner's score.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import reduce
from operator import or_
from statistics import median

from django.db.models import (
    Aggregate,
    Case,
    Count,
    DurationField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    Subquery,
    TextField,
    UUIDField,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from wagtail.models import Page

from .completion import COMPLETE_STATUSES, ProgressStatus
from .models.progress import Progress

# Below this many learners (or quiz results) a rate or a median is not shown.
MIN_LEARNERS_SHOWN = 5

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
        if self.graded < MIN_LEARNERS_SHOWN:
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


def _unit_of(mapping: dict, field: str = "translation_key") -> Case:
    """An expression mapping a row's translation key to its unit's key (NULL elsewhere)."""
    whens = {}
    for key, unit_key in mapping.items():
        whens.setdefault(unit_key, []).append(key)
    return Case(
        *(When(**{f"{field}__in": keys}, then=Value(unit)) for unit, keys in whens.items()),
        default=None,
        output_field=UUIDField(),
    )


def medians_by_group(queryset, group, value) -> dict:
    """``{group: median of value}`` over ``queryset``, computed in the database.

    Window functions rank each group's values; only the middle row (odd counts) or the two
    middle rows (even counts) of each group are fetched, so the rows transferred are at most
    two per group whatever the number of learners. ``group`` and ``value`` are expressions;
    the caller excludes NULL values (they sort first or last depending on the database).
    """
    ranked = (
        queryset.annotate(_group=group, _value=value)
        .filter(_group__isnull=False)
        .annotate(
            _rank=Window(RowNumber(), partition_by=[F("_group")], order_by=[F("_value").asc()]),
            _count=Window(Count("*"), partition_by=[F("_group")]),
        )
        .filter(_rank__gte=(F("_count") + 1) / 2, _rank__lte=(F("_count") + 2) / 2)
        .values_list("_group", "_value", "_count")
        .order_by()
    )
    middles: dict = {}
    counts: dict = {}
    for group_value, value_, count in ranked:
        middles.setdefault(group_value, []).append(value_)
        counts[group_value] = count
    return {
        key: _middle(values) for key, values in middles.items() if counts[key] >= MIN_LEARNERS_SHOWN
    }


def _middle(values: list):
    if len(values) == 1:
        return values[0]
    if isinstance(values[0], datetime.timedelta):
        return (values[0] + values[1]) / 2
    return median(values)


def completion_figures(units: Iterable[Page]) -> dict:
    """``{unit pk: CompletionFigures}`` for modules or courses (not one inside another)."""
    units = list(units)
    if not units:
        return {}
    activities = unit_activities(units)
    unit_keys = [unit.translation_key for unit in units]
    mapping = {**activities, **{key: key for key in unit_keys}}
    rows = Progress.objects.filter(translation_key__in=list(mapping)).order_by()
    complete = Q(translation_key__in=unit_keys, status__in=list(COMPLETE_STATUSES))
    graded = Q(status__in=GRADED_STATUSES) & ~Q(translation_key__in=unit_keys)

    counts = {
        row["_unit"]: row
        for row in rows.annotate(_unit=_unit_of(mapping))
        .values("_unit")
        .annotate(
            started=Count("learner", distinct=True),
            completed=Count("pk", filter=complete),
            graded=Count("pk", filter=graded),
            passed=Count("pk", filter=graded & Q(status=ProgressStatus.PASSED)),
        )
    }
    scores = medians_by_group(
        rows.filter(graded, score__isnull=False), _unit_of(activities), F("score")
    )
    times = medians_by_group(
        rows.filter(complete).annotate(_start=_first_view(activities)),
        F("translation_key"),
        ExpressionWrapper(F("completed_at") - F("_start"), output_field=DurationField()),
    )
    figures = {}
    for unit in units:
        key = unit.translation_key
        row = counts.get(key, {})
        figures[unit.pk] = CompletionFigures(
            started=row.get("started", 0),
            completed=row.get("completed", 0),
            graded=row.get("graded", 0),
            passed=row.get("passed", 0),
            median_score=whole(scores.get(key)),
            median_time=times.get(key),
        )
    return figures


def _first_view(activities: dict) -> Coalesce:
    """The learner's first view of an activity in the unit of the outer (completion) row.

    A completed unit always has activity rows; should they have gone, the time is zero
    rather than NULL, which would sort differently on each database.
    """
    first = Subquery(
        Progress.objects.filter(learner=OuterRef("learner"), translation_key__in=list(activities))
        .annotate(_unit=_unit_of(activities))
        .filter(_unit=OuterRef("translation_key"))
        .order_by("first_viewed_at")
        .values("first_viewed_at")[:1]
    )
    return Coalesce(first, F("completed_at"))
