"""Filters for the editors' reports (see :mod:`courses.reports`)."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from .models import CoursePage, LessonPage, ModulePage, Platform


def course_choices(request):
    return CoursePage.objects.order_by("title").only("id", "title")


class ModuleCompletionFilterSet(WagtailFilterSet):
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=course_choices, method="filter_course"
    )

    class Meta:
        model = ModulePage
        fields = []

    def filter_course(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.child_of(value)


class DueForReviewFilterSet(WagtailFilterSet):
    """The form for the Due for review report.

    The report's rows are lessons *and* the privacy guides inside them. The course (and,
    on multilingual sites, the locale) narrows the lessons in the database; kind, status and
    platform are properties of a row, so :class:`courses.reports.DueForReviewReportView`
    applies them to the rows it builds (the filters here leave the lessons as they are).
    """

    KIND_CHOICES = [("lesson", _("Lesson")), ("privacy_guide", _("Privacy guide"))]
    STATUS_CHOICES = [("overdue", _("Overdue")), ("due_soon", _("Due soon"))]

    kind = django_filters.ChoiceFilter(
        label=_("Kind"),
        choices=KIND_CHOICES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_nothing",
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=STATUS_CHOICES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_nothing",
    )
    platform = django_filters.ModelChoiceFilter(
        label=_("Platform"),
        queryset=lambda request: Platform.objects.order_by("name"),
        method="filter_nothing",
    )
    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=course_choices, method="filter_course"
    )

    class Meta:
        model = LessonPage
        fields = []

    def filter_course(self, queryset, name, value):
        return queryset.descendant_of(value) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset
