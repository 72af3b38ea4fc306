"""Reports for editors and safety reviewers: module completion and content due for review.

Both are Wagtail ``ReportView``\\ s with a filter set and CSV/XLSX export. Each view checks the
page permission policy itself (the menu item hides the link; the view refuses the URL):

- *Module completion* aggregates learners' progress, so it is for people who answer for
  published content: users with page **publish** permission (Safety reviewers). Its rows
  are the modules they may publish.
- *Due for review* lists content, not learners: anyone who may add, edit or publish pages
  (Editors too) sees the lessons they may edit.

Each page costs a fixed number of queries whatever the number of rows or learners: three of
its own (the rows, the figures or platforms, and the filter form's courses, which also give
the rows their course names; see :mod:`courses.filters`), ten with Wagtail's admin around it.
"""

from __future__ import annotations

import datetime

from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Length, Substr
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from .figures import KeyList, completion_figures, min_learners_shown, with_activity_keys
from .filters import DueForReviewFilterSet, ModuleCompletionFilterSet
from .models import LessonPage, ModulePage
from .review import due_items, notice_days

# Page permissions each report needs (any one of them).
LEARNER_REPORT_PERMISSIONS = ["publish"]
CONTENT_REPORT_PERMISSIONS = ["add", "change", "publish"]


def user_can_read_learner_reports(user) -> bool:
    """Whether ``user`` may read aggregated learner figures (reports and edit-screen panels)."""
    return page_permission_policy.user_has_any_permission(user, LEARNER_REPORT_PERMISSIONS)


def pages_user_may(user, actions, queryset):
    """``queryset`` narrowed to the pages on which ``user`` has any of ``actions``."""
    if user.is_active and user.is_superuser:
        return queryset
    allowed = page_permission_policy.instances_user_has_any_permission_for(user, actions)
    return queryset.filter(pk__in=allowed.values("pk"))


def format_duration(value: datetime.timedelta | None) -> str:
    """A duration as a person would say it: "45 min", "3 h 20 min", "2 days 4 h"."""
    if value is None:
        return ""
    minutes = round(value.total_seconds() / 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)
    if days:
        text = ngettext("%(days)s day", "%(days)s days", days) % {"days": days}
        return gettext("%(days)s %(hours)s h") % {"days": text, "hours": hours} if hours else text
    if hours:
        if minutes:
            return gettext("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": minutes}
        return gettext("%(hours)s h") % {"hours": hours}
    return gettext("%(minutes)s min") % {"minutes": minutes}


class PercentColumn(Column):
    """A whole percentage (``None``, shown as a dash, when withheld or not applicable)."""

    empty_value_display = "—"

    def get_value(self, instance):
        value = super().get_value(instance)
        return "" if value is None else f"{round(value)}%"


class DurationColumn(Column):
    empty_value_display = "—"

    def get_value(self, instance):
        return format_duration(super().get_value(instance))


def page_edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


class LearnerReportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_can_read_learner_reports(request.user)


class ContentReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, CONTENT_REPORT_PERMISSIONS
        )


# --- Module completion ---------------------------------------------------------------------

COMPLETION_COLUMNS = [
    NumberColumn("started", accessor="figures.started", label=_("Started")),
    NumberColumn("completed", accessor="figures.completed", label=_("Completed")),
    PercentColumn("completion_rate", accessor="figures.completion_rate", label=_("Completed (%)")),
    PercentColumn("pass_rate", accessor="figures.pass_rate", label=_("Quiz pass rate")),
    PercentColumn("median_score", accessor="figures.median_score", label=_("Median quiz score")),
    DurationColumn("median_time", accessor="figures.median_time", label=_("Median time")),
]

COMPLETION_EXPORT_HEADINGS = {
    "figures.started": _("Learners who started"),
    "figures.completed": _("Learners who completed"),
    "figures.completion_rate": _("Completed (%)"),
    "figures.pass_rate": _("Quiz pass rate (%)"),
    "figures.median_score": _("Median quiz score (%)"),
    "figures.median_minutes": _("Median time to complete (minutes)"),
}


class ModuleCompletionReportView(ReportView):
    page_title = _("Module completion")
    header_icon = "tasks"
    results_template_name = "courses/reports/module_completion_results.html"
    index_url_name = "kinwise_course_reports:module_completion"
    index_results_url_name = "kinwise_course_reports:module_completion_results"
    filterset_class = ModuleCompletionFilterSet
    is_searchable = True
    search_fields = ["title"]
    search_backend_name = None
    default_ordering = "path"
    verbose_name_plural = _("modules")
    export_filename = "module-completion"
    permission_policy = page_permission_policy
    any_permission_required = LEARNER_REPORT_PERMISSIONS
    columns = [
        TitleColumn("title", label=_("Module"), get_url=page_edit_url, sort_key="title"),
        Column("course_title", label=_("Course"), sort_key="course_title"),
        *COMPLETION_COLUMNS,
    ]
    list_export = ["course_title", "title", *COMPLETION_EXPORT_HEADINGS]
    export_headings = {
        "course_title": _("Course"),
        "title": _("Module"),
        **COMPLETION_EXPORT_HEADINGS,
    }

    def get_valid_orderings(self):
        return ["path", *super().get_valid_orderings()]

    def get_base_queryset(self):
        parent = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen)
        )
        modules = ModulePage.objects.annotate(
            course_title=Subquery(parent.values("title")[:1])
        ).only("id", "title", "path", "depth", "translation_key", "live", "locale_id")
        return pages_user_may(self.request.user, LEARNER_REPORT_PERMISSIONS, modules)

    def order_queryset(self, queryset):
        # Course first, so that a course's modules stay together and in their tree order.
        if self.ordering == "course_title":
            return queryset.order_by(F("course_title").asc(), "path")
        if self.ordering == "-course_title":
            return queryset.order_by(F("course_title").desc(), "path")
        return super().order_queryset(queryset)

    def get_queryset(self):
        # Modules are content, a few hundred at most: one query loads them all with their
        # activities' keys (no count query for the paginator, no query to find activities).
        return list(with_activity_keys(super().get_queryset()))

    def get_filtered_queryset(self):
        # get_queryset has applied the filters (ReportView would apply them again).
        return self.get_queryset()

    def decorate_paginated_queryset(self, object_list):
        modules = list(object_list)
        figures = completion_figures(modules)
        for module in modules:
            module.figures = figures[module.pk]
        return modules

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["min_learners"] = min_learners_shown()
        return context


# --- Due for review ------------------------------------------------------------------------


class DueForReviewReportView(ReportView):
    page_title = _("Due for review")
    header_icon = "time"
    results_template_name = "courses/reports/due_for_review_results.html"
    index_url_name = "kinwise_course_reports:due_for_review"
    index_results_url_name = "kinwise_course_reports:due_for_review_results"
    filterset_class = DueForReviewFilterSet
    default_ordering = "due"
    verbose_name_plural = _("lessons or guides due for review")
    export_filename = "due-for-review"
    permission_policy = page_permission_policy
    any_permission_required = CONTENT_REPORT_PERMISSIONS
    columns = [
        TitleColumn(
            "title",
            label=_("Lesson or guide"),
            get_url=lambda item: page_edit_url(item.lesson),
            sort_key="title",
        ),
        Column("kind_label", label=_("Kind")),
        Column("platform_names", label=_("Platform"), sort_key="platform"),
        Column("course_title", label=_("Course"), sort_key="course"),
        DateColumn("last_verified", label=_("Last verified")),
        Column("status_label", label=_("Review"), sort_key="due"),
    ]
    list_export = [
        "title",
        "kind_label",
        "platform_names",
        "course_title",
        "lesson.title",
        "last_verified",
        "due",
        "status_label",
    ]
    export_headings = {
        "title": _("Lesson or guide"),
        "kind_label": _("Kind"),
        "platform_names": _("Platform"),
        "course_title": _("Course"),
        "lesson.title": _("Lesson"),
        "last_verified": _("Last verified"),
        "due": _("Review due"),
        "status_label": _("Review"),
    }
    SORT_KEYS = {
        "due": lambda item: (item.sort_due, item.title),
        "title": lambda item: item.title.lower(),
        "platform": lambda item: (item.platform_names.lower(), item.sort_due),
        "course": lambda item: (item.course_title.lower(), item.sort_due),
    }

    def get_base_queryset(self):
        platform_ids = (
            LessonPage.platforms.through.objects.filter(lessonpage_id=OuterRef("pk"))
            .order_by()
            .annotate(_all=Value(1))
            .values("_all")
            .annotate(ids=KeyList("platform_id"))
            .values("ids")
        )
        lessons = (
            LessonPage.objects.only(
                "id",
                "title",
                "path",
                "depth",
                "last_verified",
                "review_interval_months",
                "body",
                "locale_id",
                "live",
            )
            .annotate(platform_ids=Subquery(platform_ids, output_field=TextField()))
            .order_by("path")
        )
        return pages_user_may(self.request.user, ["change", "publish"], lessons)

    def get_queryset(self):
        # Three queries for any number of lessons: the lessons with their platforms' ids, and
        # the filter form's platforms and courses, which give the rows their names.
        lessons = list(self.filter_queryset(self.get_base_queryset()))
        platforms = self.filters.platforms
        for lesson in lessons:
            ids = (int(pk) for pk in (lesson.platform_ids or "").split(",") if pk)
            lesson.platform_list = sorted(
                (platforms[pk] for pk in ids if pk in platforms), key=lambda p: p.name
            )
        course_titles = {course.path: course.title for course in self.filters.courses}
        items = self.filter_items(due_items(lessons, platforms, course_titles))
        ordering = self.ordering or self.default_ordering
        key = self.SORT_KEYS[ordering.lstrip("-")]
        return sorted(items, key=key, reverse=ordering.startswith("-"))

    def get_filtered_queryset(self):
        # get_queryset has filtered the lessons and the rows already.
        return self.get_queryset()

    def filter_items(self, items: list) -> list:
        if not (self.filters and self.filters.is_valid()):
            return items
        data = self.filters.form.cleaned_data
        if data.get("kind"):
            items = [item for item in items if item.kind == data["kind"]]
        if data.get("status"):
            items = [item for item in items if item.status == data["status"]]
        platform = self.filters.chosen_platform()
        if platform is not None:
            items = [item for item in items if platform in item.platforms]
        return items

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["notice_days"] = notice_days()
        return context
