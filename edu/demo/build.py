"""Turn the demo data into snippets and published pages.

Idempotent: pages are looked up by slug under their parent and snippets by their natural key, so
a second run finds everything and changes nothing. ``rebuild=True`` deletes the demo courses
(and only those) and builds them again, and brings the demo snippets back to the data's values.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from wagtail.models import Page

from courses.models import (
    CoursePage,
    HelpResource,
    LessonPage,
    LessonSource,
    ModulePage,
    Platform,
)
from edu.demo import COURSES, HELP_RESOURCES, PLATFORMS
from edu.demo.refs import PlatformRef, ResourceRef
from quizzes.models import QuizPage

Report = Callable[[str], None]


class DemoBuilder:
    """Build the demo under a course catalogue page, reporting progress one line at a time."""

    def __init__(self, catalogue: Page, report: Report) -> None:
        self.catalogue = catalogue
        self.report = report
        self.platforms: dict[str, Platform] = {}
        self.resources: dict[str, HelpResource] = {}
        # The demo data is the English original; translations are other rows of the snippets.
        self.locale = catalogue.locale

    # Snippets ---------------------------------------------------------------------------------

    def snippets(self, rebuild: bool = False) -> None:
        created = 0
        for data in PLATFORMS:
            fields = {k: v for k, v in data.items() if k != "slug"}
            key = {"slug": data["slug"], "locale": self.locale}
            if rebuild:
                platform, made = Platform.objects.update_or_create(**key, defaults=fields)
            else:
                platform, made = Platform.objects.get_or_create(**key, defaults=fields)
            self.platforms[platform.slug] = platform
            created += made
        self.report(f"platforms: {created} created, {len(PLATFORMS) - created} already there")

        created = 0
        for data in HELP_RESOURCES:
            key = {"name": data["name"], "region": data["region"], "locale": self.locale}
            fields = {k: v for k, v in data.items() if k not in key}
            if rebuild:
                resource, made = HelpResource.objects.update_or_create(**key, defaults=fields)
            else:
                resource, made = HelpResource.objects.get_or_create(**key, defaults=fields)
            self.resources[resource.name] = resource
            created += made
        self.report(
            f"help resources (US, US-NM): {created} created, "
            f"{len(HELP_RESOURCES) - created} already there"
        )

    # Pages ------------------------------------------------------------------------------------

    def courses(self, rebuild: bool = False) -> None:
        if rebuild:
            slugs = [course["slug"] for course in COURSES]
            for page in CoursePage.objects.child_of(self.catalogue).filter(slug__in=slugs):
                # Translations go with their original (wagtail-localize would keep them).
                for translation in page.get_translations():
                    translation.delete()
                page.delete()
        for course in COURSES:
            self.course(course)

    def course(self, data: dict) -> CoursePage:
        page, made = self.child(
            self.catalogue,
            CoursePage,
            data["slug"],
            lambda: self.new_course(data),
        )
        self.report(f"course: {data['title']} ({'created' if made else 'already there'})")
        for module in data["modules"]:
            self.module(page, module)
        return page

    def new_course(self, data: dict) -> CoursePage:
        page = CoursePage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            outcomes=outcomes(data["outcomes"]),
            age_bands=",".join(data["age_bands"]),
        )
        page.tags.add(*data["tags"])
        return page

    def module(self, course: CoursePage, data: dict) -> ModulePage:
        page, made = self.child(
            course,
            ModulePage,
            data["slug"],
            lambda: ModulePage(
                title=data["title"],
                slug=data["slug"],
                intro=data["intro"],
                outcomes=outcomes(data["outcomes"]),
            ),
        )
        for lesson in data["lessons"]:
            self.child(page, LessonPage, lesson["slug"], lambda lesson=lesson: self.lesson(lesson))
        quiz = data["quiz"]
        self.child(page, QuizPage, quiz["slug"], lambda: self.quiz(quiz))
        self.report(
            f"  module: {data['title']}: {len(data['lessons'])} lesson(s), quiz of "
            f"{len(quiz['questions'])} questions ({'created' if made else 'already there'})"
        )
        return page

    def lesson(self, data: dict) -> LessonPage:
        page = LessonPage(
            title=data["title"],
            slug=data["slug"],
            summary=data["summary"],
            body=self.stream(LessonPage, "body", data["body"]),
            estimated_minutes=data["estimated_minutes"],
            last_verified=data["last_verified"],
        )
        page.sources = [LessonSource(**source) for source in data["sources"]]
        page.platforms = [self.platform(slug) for slug in data["platforms"]]
        return page

    def quiz(self, data: dict) -> QuizPage:
        return QuizPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            pass_mark=data["pass_mark"],
            questions=self.stream(QuizPage, "questions", data["questions"]),
        )

    def child(
        self, parent: Page, model: type[Page], slug: str, build: Callable[[], Page]
    ) -> tuple[Page, bool]:
        """The ``model`` page at ``slug`` under ``parent``, built and published if missing."""
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        if existing is not None:
            return existing, False
        page = build()
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True

    # StreamField values -----------------------------------------------------------------------

    def platform(self, slug: str) -> Platform:
        if slug not in self.platforms:
            self.platforms[slug] = Platform.objects.get(slug=slug, locale=self.locale)
        return self.platforms[slug]

    def resource(self, name: str) -> HelpResource:
        if name not in self.resources:
            self.resources[name] = HelpResource.objects.get(name=name, locale=self.locale)
        return self.resources[name]

    def stream(self, model: type[Page], field: str, blocks: list[tuple[str, Any]]) -> list[dict]:
        """The data's ``(block_type, value)`` pairs as the field's stored form.

        A round trip through the field's blocks stores what the admin would: list items in
        block format with ids, which wagtail-localize needs to find the strings inside them.
        """
        stream_block = model._meta.get_field(field).stream_block
        raw = [{"type": block_type, "value": self.raw(value)} for block_type, value in blocks]
        value = stream_block.to_python(raw)
        list(value)  # convert every item now: unconverted (lazy) items are stored as given
        return stream_block.get_prep_value(value)

    def raw(self, value: Any) -> Any:
        if isinstance(value, PlatformRef):
            return self.platform(value.slug).pk
        if isinstance(value, ResourceRef):
            return self.resource(value.name).pk
        if isinstance(value, datetime.date):
            return value.isoformat()
        if isinstance(value, dict):
            return {key: self.raw(item) for key, item in value.items()}
        if isinstance(value, list | tuple):
            return [self.raw(item) for item in value]
        return value


def outcomes(items: list[str]) -> list[dict]:
    return [{"type": "outcome", "value": item} for item in items]
