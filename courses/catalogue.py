"""The course catalogue's filters and search, read from the query string.

Filters (``tag``, ``platform``, ``age``) combine; ``q`` searches course content (courses,
modules and lessons under the catalogue) with Wagtail search. An unknown filter value gives an
empty result with an explanation, never an error page; an empty search shows the catalogue.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Page

from .constants import AGE_BAND_VALUES, AGE_BANDS
from .models import CoursePage, LessonPage, ModulePage, Platform
from .models.pages import minutes_by_page

MAX_QUERY_LENGTH = 200


def _param(params, name: str, limit: int) -> str:
    # No real value holds a NUL character, and PostgreSQL refuses one in a query (a 500).
    return params.get(name, "").replace("\x00", "").strip()[:limit]


class Catalogue:
    def __init__(self, index_page: Page, params) -> None:
        self.index_page = index_page
        self.tag = _param(params, "tag", 100)
        self.platform = _param(params, "platform", 100)
        self.age = _param(params, "age", 20)
        self.query = _param(params, "q", MAX_QUERY_LENGTH)
        self.problems: list[str] = []

        all_courses = index_page.get_courses()
        lessons = LessonPage.objects.live().descendant_of(index_page)
        self.tag_options = list(
            Tag.objects.filter(courses_coursetag_items__content_object__in=all_courses)
            .distinct()
            .order_by("name")
        )
        self.platform_options = list(
            Platform.objects.filter(pk__in=lessons.values("platforms")).order_by("name")
        )
        self.age_options = AGE_BANDS

        courses = self._filter(all_courses)
        self.courses = list(courses.prefetch_related("tags")) if courses is not None else []
        rows = lessons.minute_rows()
        minutes = minutes_by_page(self.courses, rows)
        for course in self.courses:
            course.total_minutes = minutes[course.pk]

        self.results = self._search(lessons) if self.query else None

    # -- filters --

    @property
    def is_filtered(self) -> bool:
        return bool(self.tag or self.platform or self.age)

    def _filter(self, courses):
        """Apply the filters; ``None`` when a value is unknown (the result is empty)."""
        if self.tag:
            tag = next((t for t in self.tag_options if t.slug == self.tag), None)
            if tag is None:
                self.problems.append(_("There is no topic called “%(tag)s”.") % {"tag": self.tag})
            else:
                self.tag_name = tag.name
                courses = courses.with_tag(tag.slug)
        if self.platform:
            platform = (
                Platform.objects.filter(slug=self.platform)
                .localized_to(self.index_page.locale_id)
                .first()
            )
            if platform is None:
                self.problems.append(
                    _("We have no lessons about an app called “%(platform)s”.")
                    % {"platform": self.platform}
                )
            else:
                self.platform_name = platform.name
                courses = courses.with_platform(platform, within=self.index_page)
        if self.age:
            if self.age not in AGE_BAND_VALUES:
                self.problems.append(
                    _("“%(age)s” is not one of the age groups.") % {"age": self.age}
                )
            else:
                courses = courses.for_age_band(self.age)
        return None if self.problems else courses

    # -- search --

    def _search(self, lessons):
        """Live course, module and lesson pages under the catalogue that match the query.

        With filters, only pages inside the filtered courses are kept.
        """
        # Words only: punctuation means query syntax to some search backends (SQLite's FTS
        # raises on a stray quote or "<"), and a parent's search should never be an error.
        terms = " ".join(re.findall(r"\w+", self.query))
        if self.problems or not terms:
            return []
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(self.index_page)
            .type(CoursePage, ModulePage, LessonPage)
        )
        hits = list(pages.search(terms, operator="and")[:50])
        if self.is_filtered:
            paths = [course.path for course in self.courses]
            hits = [h for h in hits if any(h.path.startswith(p) for p in paths)]
        specific = Page.objects.filter(pk__in=[h.pk for h in hits]).specific().in_bulk()
        return [specific[h.pk] for h in hits if h.pk in specific]

    def filter_summary(self) -> list[tuple[str, str]]:
        """(label, value) pairs of the active filters, for "showing courses about…"."""
        summary = []
        if self.tag and not self.problems:
            summary.append((_("Topic"), getattr(self, "tag_name", self.tag)))
        if self.platform and not self.problems:
            summary.append((_("App"), getattr(self, "platform_name", self.platform)))
        if self.age and not self.problems:
            summary.append((_("Child's age"), str(dict(AGE_BANDS)[self.age])))
        return summary
