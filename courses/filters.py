"""Filters for the editors' reports (see :mod:`courses.reports`).

A report page costs a fixed handful of queries, and its filter form is part of the page: the
courses (and the languages they are written in) come from one query, kept on the filter set
so that the report can reuse them (course titles, paths) without asking again, and filtering
by course or language needs no query of its own. Wagtail would otherwise add a language
filter of its own that queries the locales; on a site with one language there is none.
"""

from __future__ import annotations

import django_filters
from django import forms
from django.db.models import F
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.coreutils import get_content_languages

from .models import CoursePage, LessonPage, ModulePage, Platform


class CourseFilterSet(WagtailFilterSet):
    """A course filter and, when the courses are in more than one language, a language
    filter, both from one query of the courses (:attr:`courses`)."""

    course = django_filters.ChoiceFilter(
        label=_("Course"), empty_label=_("All"), method="filter_course"
    )
    # Declared here, so that Wagtail does not add its own (which queries the locales).
    locale = django_filters.ChoiceFilter(
        label=_("Locale"), empty_label=_("All"), widget=forms.RadioSelect, method="filter_locale"
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A function, not a bound method: forms deep-copy their fields and choices.
        self.filters["course"].extra["choices"] = lambda: self.course_choices()
        languages = {course.language_code for course in self.courses}
        choices = [
            (code, name) for code, name in get_content_languages().items() if code in languages
        ]
        if len(choices) > 1:
            self.filters["locale"].extra["choices"] = choices
        else:
            del self.filters["locale"]

    @cached_property
    def courses(self) -> list:
        """Every course (id, title, path, language code), by title: one query."""
        return list(
            CoursePage.objects.annotate(language_code=F("locale__language_code"))
            .order_by("title", "path")
            .only("id", "title", "path", "depth")
        )

    def course_choices(self) -> list:
        return [(str(course.pk), course.title) for course in self.courses]

    def course_path(self, value) -> str | None:
        return next((c.path for c in self.courses if str(c.pk) == str(value)), None)

    def filter_course(self, queryset, name, value):
        path = self.course_path(value) if value else None
        if path is None:
            return queryset
        return queryset.filter(path__startswith=path, depth__gt=len(path) // CoursePage.steplen)

    def filter_locale(self, queryset, name, value):
        return queryset.filter(locale__language_code=value) if value else queryset


class ModuleCompletionFilterSet(CourseFilterSet):
    class Meta:
        model = ModulePage
        fields = []


class DueForReviewFilterSet(CourseFilterSet):
    """The form for the Due for review report.

    The report's rows are lessons *and* the privacy guides inside them. The course (and,
    on multilingual sites, the language) narrows the lessons in the database; kind, status
    and platform are properties of a row, so :class:`courses.reports.DueForReviewReportView`
    applies them to the rows it builds (the filters here leave the lessons as they are). The
    platforms are read once (:attr:`platforms`), for the form and for the rows.
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
    platform = django_filters.ChoiceFilter(
        label=_("Platform"), empty_label=_("All"), method="filter_nothing"
    )

    class Meta:
        model = LessonPage
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["platform"].extra["choices"] = lambda: self.platform_choices()

    @cached_property
    def platforms(self) -> dict:
        """Every platform by id, in name order: one query."""
        return {platform.pk: platform for platform in Platform.objects.order_by("name", "pk")}

    def platform_choices(self) -> list:
        return [(str(pk), platform.name) for pk, platform in self.platforms.items()]

    def chosen_platform(self):
        """The platform the form asks for, or ``None``."""
        value = self.form.cleaned_data.get("platform") if self.is_valid() else None
        return self.platforms.get(int(value)) if value else None

    def filter_nothing(self, queryset, name, value):
        return queryset
