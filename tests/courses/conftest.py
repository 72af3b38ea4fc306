import datetime

import pytest
from wagtail.embeds.finders.base import EmbedFinder

from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    HelpPageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
)


class FakeEmbedFinder(EmbedFinder):
    """Answers every video URL without the network."""

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "A video",
            "author_name": "Kinwise",
            "provider_name": "Example video",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": f'<iframe title="A video" src="{url}" width="640" height="360"></iframe>',
        }


@pytest.fixture(autouse=True)
def offline_embeds(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.courses.conftest.FakeEmbedFinder"}]


@pytest.fixture
def catalogue(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def course(catalogue):
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming", age_bands="8-10,11-13")
    course.tags.add("Grooming")
    course.save()
    return course


@pytest.fixture
def module(course):
    return ModulePageFactory(parent=course, title="How grooming starts")


@pytest.fixture
def instagram(db):
    return PlatformFactory(name="Instagram", slug="instagram", minimum_age=13)


@pytest.fixture
def lesson(module, instagram):
    lesson = LessonPageFactory(
        parent=module, title="Gifts and secrets", estimated_minutes=7, platforms=[instagram]
    )
    return lesson


@pytest.fixture
def help_page(home_page):
    return HelpPageFactory(parent=home_page)


def make_lessons(module, count, **kwargs):
    return [LessonPageFactory(parent=module, **kwargs) for _ in range(count)]


TODAY = datetime.date(2025, 5, 1)
