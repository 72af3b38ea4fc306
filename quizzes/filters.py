"""Filters for the Question analysis report (see :mod:`quizzes.reports`).

The quizzes for the form come from one query, with their courses' ids and titles, which
make the course choices too (courses without a quiz have no questions to analyse); the
language filter is the courses' (:class:`courses.filters.CourseFilterSet`).
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from courses.filters import CourseFilterSet
from quizzes.grading import MESSAGE_SCENARIO, MULTIPLE_SELECT, ORDERING, SINGLE_CHOICE, TRUE_FALSE
from quizzes.models import QuizPage

QUESTION_TYPE_CHOICES = [
    (SINGLE_CHOICE, _("Single choice")),
    (MULTIPLE_SELECT, _("Multiple select")),
    (TRUE_FALSE, _("True or false")),
    (MESSAGE_SCENARIO, _("Message scenario")),
    (ORDERING, _("Ordering")),
]


class QuizChoice:
    """A quiz in the form: id, title, path, language, and its course's id, title and path."""

    def __init__(self, quiz):
        self.pk, self.title, self.path = quiz.pk, quiz.title, quiz.path
        self.language_code = quiz.language_code
        self.course_pk, self.course_title = quiz.course_pk, quiz.course_title
        self.course_path = quiz.path[: -2 * Page.steplen]


class QuestionAnalysisFilterSet(CourseFilterSet):
    """The course, quiz and language narrow the quizzes in the database; the question type
    is a property of a row, applied by :class:`quizzes.reports.QuestionAnalysisReportView`."""

    quiz = django_filters.ChoiceFilter(label=_("Quiz"), empty_label=_("All"), method="filter_quiz")
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["quiz"].extra["choices"] = lambda: self.quiz_choices()

    @cached_property
    def quizzes(self) -> list[QuizChoice]:
        """Every quiz with its course, by title: one query."""
        course = Page.objects.filter(
            path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - 2 * Page.steplen)
        )
        rows = (
            QuizPage.objects.annotate(
                course_pk=Subquery(course.values("pk")[:1]),
                course_title=Subquery(course.values("title")[:1]),
                language_code=F("locale__language_code"),
            )
            .order_by("title", "path")
            .only("id", "title", "path")
        )
        return [QuizChoice(quiz) for quiz in rows]

    @cached_property
    def courses(self) -> list:
        """The courses that have quizzes, by title (read with the quizzes)."""
        found = {}
        for quiz in self.quizzes:
            if quiz.course_pk is not None:
                found.setdefault(quiz.course_pk, CourseChoice(quiz))
        return sorted(found.values(), key=lambda course: (course.title, course.path))

    def quiz_choices(self) -> list:
        return [(str(quiz.pk), quiz.title) for quiz in self.quizzes]

    def filter_quiz(self, queryset, name, value):
        return queryset.filter(pk=int(value)) if value else queryset

    def filter_nothing(self, queryset, name, value):
        return queryset


class CourseChoice:
    def __init__(self, quiz: QuizChoice):
        self.pk, self.title, self.path = quiz.course_pk, quiz.course_title, quiz.course_path
        self.language_code = quiz.language_code
