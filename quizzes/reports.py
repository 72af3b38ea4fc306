"""The Question analysis report: which quiz questions mislead learners.

A Wagtail ``ReportView`` with a filter set and CSV/XLSX export. Like the module completion
report it aggregates learners' answers, so it is for users with page **publish** permission
(Safety reviewers), for the quizzes they may publish; the view checks this as well as the
menu. Rows from fewer than five attempts are withheld. A page costs a fixed number of
queries (the quizzes, then their questions' running totals, see :mod:`quizzes.analysis`)
whatever the number of questions or attempts.
"""

from __future__ import annotations

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from courses.reports import LEARNER_REPORT_PERMISSIONS, PercentColumn, page_edit_url, pages_user_may
from quizzes.analysis import analyse, min_attempts_shown, statistics_for
from quizzes.filters import QuestionAnalysisFilterSet
from quizzes.models import QuizPage


def quizzes_with_course_titles(queryset):
    """Annotate quizzes (quiz › module › course) with their course's title."""
    course_path = Substr(OuterRef("path"), 1, Length(OuterRef("path")) - 2 * Page.steplen)
    return queryset.annotate(
        course_title=Subquery(Page.objects.filter(path=course_path).values("title")[:1])
    )


class QuestionAnalysisReportView(ReportView):
    page_title = _("Question analysis")
    header_icon = "help"
    results_template_name = "quizzes/reports/question_analysis_results.html"
    index_url_name = "kinwise_quiz_reports:question_analysis"
    index_results_url_name = "kinwise_quiz_reports:question_analysis_results"
    filterset_class = QuestionAnalysisFilterSet
    default_ordering = "quiz"
    verbose_name_plural = _("questions with enough attempts")
    export_filename = "question-analysis"
    permission_policy = page_permission_policy
    any_permission_required = LEARNER_REPORT_PERMISSIONS
    columns = [
        TitleColumn(
            "text",
            label=_("Question"),
            get_url=lambda row: page_edit_url(row.quiz),
            sort_key="text",
        ),
        Column("quiz_title", label=_("Quiz"), sort_key="quiz"),
        Column("type_label", label=_("Type")),
        NumberColumn("attempts", label=_("Attempts"), sort_key="attempts"),
        PercentColumn("share_correct", label=_("Correct"), sort_key="share_correct"),
        Column("wrong_answer_label", label=_("Most chosen wrong answer")),
        Column("discrimination_display", label=_("Discrimination"), sort_key="discrimination"),
    ]
    list_export = [
        "course_title",
        "quiz_title",
        "number",
        "block_id",
        "type_label",
        "text",
        "attempts",
        "share_correct",
        "wrong_answer_label",
        "discrimination",
    ]
    export_headings = {
        "course_title": _("Course"),
        "quiz_title": _("Quiz"),
        "number": _("Question number"),
        "block_id": _("Question id"),
        "type_label": _("Type"),
        "text": _("Question"),
        "attempts": _("Attempts"),
        "share_correct": _("Correct (%)"),
        "wrong_answer_label": _("Most chosen wrong answer"),
        "discrimination": _("Discrimination index"),
    }
    SORT_KEYS = {
        "quiz": lambda row: (row.quiz.path, row.number),
        "text": lambda row: row.text.lower(),
        "attempts": lambda row: (row.attempts, row.quiz.path, row.number),
        "share_correct": lambda row: (row.share_correct, row.quiz.path, row.number),
        "discrimination": lambda row: (row.discrimination, row.quiz.path, row.number),
    }

    def get_base_queryset(self):
        quizzes = quizzes_with_course_titles(
            QuizPage.objects.only("id", "title", "path", "depth", "questions", "locale_id")
        ).order_by("path")
        return pages_user_may(self.request.user, LEARNER_REPORT_PERMISSIONS, quizzes)

    def get_queryset(self):
        quizzes = list(self.filter_queryset(self.get_base_queryset()))
        rows, _summaries = analyse(quizzes, statistics_for(quizzes))
        rows = self.filter_rows(rows)
        self.withheld_count = sum(1 for row in rows if row.withheld)
        rows = [row for row in rows if not row.withheld]
        ordering = self.ordering or self.default_ordering
        return sorted(
            rows, key=self.SORT_KEYS[ordering.lstrip("-")], reverse=ordering.startswith("-")
        )

    def get_filtered_queryset(self):
        # get_queryset has filtered the quizzes and the rows already.
        return self.get_queryset()

    def filter_rows(self, rows: list) -> list:
        if self.filters and self.filters.is_valid():
            question_type = self.filters.form.cleaned_data.get("question_type")
            if question_type:
                rows = [row for row in rows if row.block_type == question_type]
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context.update(
            withheld_count=self.withheld_count,
            min_attempts=min_attempts_shown(),
        )
        return context
