"""Filters for the Question analysis report (see :mod:`quizzes.reports`)."""

from __future__ import annotations

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet

from courses.filters import course_choices
from quizzes.grading import MESSAGE_SCENARIO, MULTIPLE_SELECT, ORDERING, SINGLE_CHOICE, TRUE_FALSE
from quizzes.models import QuizPage

QUESTION_TYPE_CHOICES = [
    (SINGLE_CHOICE, _("Single choice")),
    (MULTIPLE_SELECT, _("Multiple select")),
    (TRUE_FALSE, _("True or false")),
    (MESSAGE_SCENARIO, _("Message scenario")),
    (ORDERING, _("Ordering")),
]


class QuestionAnalysisFilterSet(WagtailFilterSet):
    """The course and quiz narrow the quizzes in the database; the question type is a
    property of a row, applied by :class:`quizzes.reports.QuestionAnalysisReportView`."""

    course = django_filters.ModelChoiceFilter(
        label=_("Course"), queryset=course_choices, method="filter_course"
    )
    quiz = django_filters.ModelChoiceFilter(
        label=_("Quiz"),
        queryset=lambda request: QuizPage.objects.order_by("title").only("id", "title"),
        method="filter_quiz",
    )
    question_type = django_filters.ChoiceFilter(
        label=_("Question type"),
        choices=QUESTION_TYPE_CHOICES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
        method="filter_nothing",
    )

    class Meta:
        model = QuizPage
        fields = []

    def filter_course(self, queryset, name, value):
        return queryset.descendant_of(value) if value else queryset

    def filter_quiz(self, queryset, name, value):
        return queryset.filter(pk=value.pk) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset
