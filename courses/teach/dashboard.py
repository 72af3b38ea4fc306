"""What a class's teachers see: the learners × assignments matrix and question aggregates.

The matrix is built in a fixed number of queries whatever the size of the class or the
number of assignments (assignments, learners, the activities inside the assigned pages, and
the learners' progress rows on them), then put together in Python.

Teachers see each learner's standing on each assignment (not started, in progress,
completed, passed), their best quiz score and when they completed it. They never see a
learner's answers: per-question results are only ever counts over the class, and only once
``KINWISE_MIN_AGGREGATE_LEARNERS`` learners (default 5) have answered.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..completion import COMPLETE_STATUSES, ProgressStatus
from ..learning import trackable_content_types
from ..models import Assignment, Classroom, Membership, Progress
from ..progress import learner_name


class CellStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    PASSED = "passed", _("Passed")


STATUS_RANK = {
    CellStatus.NOT_STARTED: 0,
    CellStatus.IN_PROGRESS: 1,
    CellStatus.COMPLETED: 2,
    CellStatus.PASSED: 3,
}


def min_aggregate_learners() -> int:
    return int(getattr(settings, "KINWISE_MIN_AGGREGATE_LEARNERS", 5))


def is_graded(page_class) -> bool:
    """Whether learners' attempts at pages of this class can be summarised per question.

    ``courses`` never imports ``quizzes``: a graded page (``QuizPage``) is recognised by its
    documented extension point, ``get_attempt_class()``, whose model keeps ``answers`` by
    question block id (see :func:`question_results`).
    """
    return getattr(page_class, "is_trackable", False) and callable(
        getattr(page_class, "get_attempt_class", None)
    )


@dataclass
class Cell:
    status: CellStatus
    best_score: int | None = None
    completed_on: date | None = None  # in the site's time zone
    overdue: bool = False

    @property
    def is_complete(self) -> bool:
        return self.status in (CellStatus.COMPLETED, CellStatus.PASSED)

    @property
    def rank(self) -> tuple[int, int]:
        return (STATUS_RANK[self.status], -1 if self.best_score is None else self.best_score)


@dataclass(frozen=True)
class SortHeader:
    """A sortable column header: what its link asks for, and its ``aria-sort`` state."""

    query: str
    aria_sort: str = ""


def sort_header(current: str, key: str) -> SortHeader:
    if current == key:
        return SortHeader(query="-" + key, aria_sort="ascending")
    if current == "-" + key:
        return SortHeader(query=key, aria_sort="descending")
    return SortHeader(query=key)


@dataclass
class Column:
    assignment: Assignment
    activity_keys: set = field(default_factory=set)
    graded_pages: list[Page] = field(default_factory=list)
    completed: int = 0
    learners: int = 0
    header: SortHeader | None = None

    @property
    def page(self) -> Page:
        return self.assignment.page

    @property
    def percent(self) -> int:
        return round(100 * self.completed / self.learners) if self.learners else 0

    @property
    def sort_key(self) -> str:
        return f"a{self.assignment.pk}"


@dataclass
class Row:
    membership: Membership
    name: str
    email: str
    cells: list[Cell] = field(default_factory=list)

    @property
    def completed(self) -> int:
        return sum(1 for cell in self.cells if cell.is_complete)


@dataclass
class Dashboard:
    classroom: Classroom
    columns: list[Column]
    rows: list[Row]
    sort: str
    today: date

    @property
    def learner_count(self) -> int:
        return len(self.rows)

    @property
    def name_header(self) -> SortHeader:
        return sort_header(self.sort, "name")

    @property
    def done_header(self) -> SortHeader:
        return sort_header(self.sort, "done")

    @property
    def rows_html(self) -> SafeString:
        """The matrix's body rows, rendered in Python (:func:`matrix_cells_html`): at 300
        learners the template language spent more time on them than the queries took."""
        memo: dict = {}
        total = len(self.columns)
        archived = self.classroom.is_archived
        remove_text = gettext("Remove")
        rows = []
        for row in self.rows:
            email = format_html('<span class="matrix__email">{}</span>', row.email)
            remove = ""
            if not archived:
                url = reverse(
                    "kinwise:teach:learner_remove", args=[self.classroom.pk, row.membership.pk]
                )
                remove = format_html(
                    '<a href="{}">{}<span class="visually-hidden"> {}</span></a>',
                    url,
                    remove_text,
                    row.name,
                )
            rows.append(
                format_html(
                    '<tr><th scope="row">{}{}</th>{}<td>{}</td><td>{}</td></tr>',
                    row.name,
                    email if row.email else "",
                    matrix_cells_html(row.cells, memo),
                    gettext("%(done)s of %(total)s") % {"done": row.completed, "total": total},
                    remove,
                )
            )
        return format_html_join("\n", "{}", ((html,) for html in rows))


def matrix_cells_html(cells: list[Cell], memo: dict) -> SafeString:
    """A row's cells as ``<td>`` elements.

    A 300 × 20 class has 6,000 cells but only a few dozen different ones (a status, a score,
    a date, overdue or not): each is rendered once per request, in Python, and ``memo``
    (shared by the rows) hands it out again. Through the template language the cells took
    about two thirds of the dashboard's time.
    """
    parts = []
    for cell in cells:
        day = cell.completed_on
        key = (cell.status, cell.best_score, day, cell.overdue)
        html = memo.get(key)
        if html is None:
            html = memo[key] = _cell_html(cell, day)
        parts.append(html)
    # Each part is _cell_html's escaped output (format_html): joined as they are.
    return SafeString("".join(parts))


def _cell_html(cell: Cell, day: date | None) -> SafeString:
    extra = []
    if cell.best_score is not None:
        text = gettext("best score %(score)s%%") % {"score": cell.best_score}
        extra.append(format_html('<span class="cell__score">{}</span>', text))
    if day is not None:
        text = formats.date_format(day, "SHORT_DATE_FORMAT")
        extra.append(format_html('<span class="cell__date">{}</span>', text))
    if cell.overdue:
        extra.append(
            format_html('<span class="badge badge--overdue">{}</span>', gettext("Overdue"))
        )
    return format_html(
        '<td class="cell cell--{}{}">{}{}</td>',
        cell.status,
        " cell--overdue" if cell.overdue else "",
        cell.status.label,
        format_html_join("", "{}", ((part,) for part in extra)),
    )


class UnknownSort(ValueError):
    """A ``sort`` value that names no column of this dashboard."""


def sort_rows(rows: list[Row], columns: list[Column], sort: str) -> None:
    """Sort in place by ``name``, ``done`` or an assignment (``a<id>``); ``-`` to reverse.

    Ties are always in name order, whichever way the column is sorted.
    """
    descending = sort.startswith("-")
    key_name = sort.removeprefix("-")
    if key_name == "name":
        rows.sort(key=lambda row: (row.name.casefold(), row.membership.pk), reverse=descending)
        return
    if key_name == "done":

        def key(row):
            return row.completed
    else:
        index = next((i for i, c in enumerate(columns) if c.sort_key == key_name), None)
        if index is None:
            raise UnknownSort(sort)

        def key(row):
            return row.cells[index].rank

    rows.sort(key=lambda row: (row.name.casefold(), row.membership.pk))
    rows.sort(key=key, reverse=descending)  # stable: ties keep the name order


def build_dashboard(classroom: Classroom, *, sort: str = "name", today=None) -> Dashboard:
    """The matrix for ``classroom``: current learners (not removed) × its assignments."""
    today = today or timezone.localdate()
    assignments = list(classroom.assignments.select_related("page").in_due_order())
    memberships = list(
        classroom.memberships.learners().current().select_related("user").order_by("joined_at")
    )
    columns = [Column(assignment=a) for a in assignments]
    column_for_key: dict = defaultdict(list)
    for column in columns:
        column_for_key[column.page.translation_key].append(column)
    if columns:
        graded_types = {ct.pk for ct in trackable_content_types() if is_graded(ct.model_class())}
        activities = (
            Page.objects.live()
            .filter(content_type__in=trackable_content_types())
            .filter(reduce(or_, (Q(path__startswith=c.page.path) for c in columns)))
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "translation_key", "content_type")
        )
        for activity in activities:
            for column in columns:
                if activity.path.startswith(column.page.path):
                    column.activity_keys.add(activity.translation_key)
                    column_for_key[activity.translation_key].append(column)
                    if activity.content_type_id in graded_types:
                        column.graded_pages.append(activity)

    # One row per (learner, page); only the fields the matrix shows.
    standing: dict = defaultdict(dict)
    if columns and memberships:
        rows = (
            Progress.objects.filter(
                learner_id__in=classroom.memberships.learners().current().values("user_id"),
                translation_key__in=list(column_for_key),
            )
            .annotate(
                # The day, in the database: a date loads far faster than a timestamp (on
                # PostgreSQL Django converts each timestamp in Python), and a day is all it shows.
                completed_on=TruncDate("completed_at", tzinfo=timezone.get_current_timezone())
            )
            .values_list("learner_id", "translation_key", "status", "score", "completed_on")
        )
        for learner_id, key, status, score, completed_on in rows:
            standing[learner_id][key] = (status, score, completed_on)

    rows = []
    for membership in memberships:
        user = membership.user
        mine = standing.get(user.pk, {})
        row = Row(
            membership=membership,
            name=learner_name(user),
            email=getattr(user, user.get_email_field_name(), "") or "",
        )
        for column in columns:
            row.cells.append(_cell(column, mine, today))
        rows.append(row)

    for column_index, column in enumerate(columns):
        column.learners = len(rows)
        column.completed = sum(1 for row in rows if row.cells[column_index].is_complete)

    sort_rows(rows, columns, sort)
    for column in columns:
        column.header = sort_header(sort, column.sort_key)
    return Dashboard(classroom=classroom, columns=columns, rows=rows, sort=sort, today=today)


def _cell(column: Column, mine: dict, today) -> Cell:
    own = mine.get(column.page.translation_key)
    activity_rows = [mine[key] for key in column.activity_keys if key in mine]
    scores = [score for _status, score, _at in activity_rows if score is not None]
    best = max(scores) if scores else None
    if own and own[0] in COMPLETE_STATUSES:
        passed_quiz = any(status == ProgressStatus.PASSED for status, _s, _a in activity_rows)
        status = CellStatus.PASSED if passed_quiz else CellStatus.COMPLETED
        return Cell(status=status, best_score=best, completed_on=own[2])
    status = CellStatus.IN_PROGRESS if (own or activity_rows) else CellStatus.NOT_STARTED
    return Cell(
        status=status,
        best_score=best,
        overdue=column.assignment.is_overdue(False, today),
    )


# --- Per-question results, as class aggregates only ----------------------------------------


@dataclass
class QuestionResult:
    number: int
    text: str
    answered: int
    correct: int
    shown: bool  # False when too few learners answered this question to show it

    @property
    def percent_correct(self) -> int:
        return round(100 * self.correct / self.answered) if self.answered else 0


@dataclass
class QuizResults:
    quiz: Page
    learners_attempted: int
    minimum: int
    questions: list[QuestionResult]

    @property
    def enough(self) -> bool:
        return self.learners_attempted >= self.minimum


def question_results(classroom: Classroom, quiz) -> QuizResults:
    """How the class did on each question of ``quiz`` (a specific graded page).

    Counts each current learner's latest submitted attempt once. Nothing is returned about
    any one learner: below the minimum number of learners no question is shown, and a
    question drawn for fewer learners than the minimum (quizzes that draw questions at
    random) is withheld on its own.
    """
    minimum = min_aggregate_learners()
    attempt_class = quiz.get_attempt_class()
    latest: dict = {}
    attempts = (
        attempt_class.objects.filter(
            quiz__translation_key=quiz.translation_key,
            learner_id__in=classroom.memberships.learners().current().values("user_id"),
            submitted_at__isnull=False,
        )
        .order_by("learner_id", "submitted_at", "pk")
        .values_list("learner_id", "answers")
    )
    for learner_id, answers in attempts:
        latest[learner_id] = answers or {}
    answered: dict = defaultdict(int)
    correct: dict = defaultdict(int)
    for answers in latest.values():
        for block_id, answer in answers.items():
            answered[block_id] += 1
            if isinstance(answer, dict) and answer.get("correct"):
                correct[block_id] += 1
    enough = len(latest) >= minimum
    questions = []
    for number, child in enumerate(quiz.questions, start=1):
        count = answered.get(child.id, 0)
        shown = enough and count >= minimum
        questions.append(
            QuestionResult(
                number=number,
                text=str(child.value.get("question") or child.block.label),
                answered=count if shown else 0,
                correct=correct.get(child.id, 0) if shown else 0,
                shown=shown,
            )
        )
    return QuizResults(
        quiz=quiz, learners_attempted=len(latest), minimum=minimum, questions=questions
    )
