"""The catalogue: derived times, filters by topic, app and age, and search within courses."""

import pytest

from courses.models import CoursePage
from tests.factories import (
    CoursePageFactory,
    HelpPageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
)


@pytest.fixture
def roblox(db):
    return PlatformFactory(name="Roblox", slug="roblox")


@pytest.fixture
def lockdown(catalogue, roblox):
    course = CoursePageFactory(
        parent=catalogue,
        title="Locking down games",
        summary="Settings for games.",
        age_bands="14-17",
    )
    course.tags.add("Privacy")
    course.save()
    module = ModulePageFactory(parent=course, title="Roblox")
    LessonPageFactory(
        parent=module,
        title="Roblox chat settings",
        estimated_minutes=10,
        platforms=[roblox],
        body=[{"type": "paragraph", "value": "<p>Turn off chat with strangers.</p>"}],
    )
    return course


@pytest.fixture
def grooming(course, module, lesson):
    """The conftest course: tag Grooming, ages 8–10 and 11–13, an Instagram lesson."""
    LessonPageFactory(
        parent=module,
        title="Flattery",
        estimated_minutes=5,
        body=[{"type": "paragraph", "value": "<p>Groomers use flattery to build trust.</p>"}],
    )
    return course


def course_titles(response):
    return [course.title for course in response.context["catalogue"].courses]


def test_derived_minutes_add_up_live_lessons_only(grooming, module, lesson):
    LessonPageFactory(parent=module, title="Unpublished", estimated_minutes=30, live=False)
    assert module.estimated_minutes == 12  # 7 + 5; the draft does not count
    assert grooming.estimated_minutes == 12
    other_module = ModulePageFactory(parent=grooming)
    LessonPageFactory(parent=other_module, estimated_minutes=20)
    assert grooming.estimated_minutes == 32
    assert other_module.estimated_minutes == 20


def test_catalogue_lists_live_courses_with_time_and_audience(client, catalogue, grooming, lockdown):
    CoursePageFactory(parent=catalogue, title="Draft course", live=False)
    response = client.get(catalogue.url)
    assert response.status_code == 200
    assert course_titles(response) == ["Spotting grooming", "Locking down games"]
    html = response.content.decode()
    assert "12 minutes" in html and "10 minutes" in html
    assert "For children aged 8–10, 11–13" in html
    assert "Draft course" not in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"tag": "grooming"}, ["Spotting grooming"]),
        ({"tag": "privacy"}, ["Locking down games"]),
        ({"platform": "instagram"}, ["Spotting grooming"]),
        ({"platform": "roblox"}, ["Locking down games"]),
        ({"age": "8-10"}, ["Spotting grooming"]),
        ({"age": "11-13"}, ["Spotting grooming"]),
        ({"age": "14-17"}, ["Locking down games"]),
        ({"age": "under-8"}, []),
        ({"tag": "grooming", "platform": "instagram", "age": "11-13"}, ["Spotting grooming"]),
        ({"tag": "grooming", "age": "14-17"}, []),
        ({"tag": "privacy", "platform": "instagram"}, []),
    ],
)
def test_filters_combine(client, catalogue, grooming, lockdown, query, expected):
    response = client.get(catalogue.url, query)
    assert response.status_code == 200
    assert course_titles(response) == expected
    if not expected:
        assert "No courses match these filters yet." in response.content.decode()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"tag": "nope"}, "There is no topic called “nope”."),
        ({"platform": "myspace"}, "We have no lessons about an app called “myspace”."),
        ({"age": "8"}, "“8” is not one of the age groups."),
        ({"age": "99-100", "tag": "grooming"}, "“99-100” is not one of the age groups."),
        ({"tag": "<script>alert(1)</script>"}, "There is no topic called"),
    ],
)
def test_unknown_filter_values_give_an_empty_explained_result(
    client, catalogue, grooming, lockdown, query, message
):
    response = client.get(catalogue.url, query)
    assert response.status_code == 200
    assert course_titles(response) == []
    html = response.content.decode()
    assert message.replace("“", "&ldquo;") in html or message in html
    assert "See all courses" in html
    assert "<script>alert(1)</script>" not in html


def test_filter_options_come_from_live_courses(client, catalogue, grooming, lockdown):
    PlatformFactory(name="Unused app", slug="unused")
    catalogue_ = client.get(catalogue.url).context["catalogue"]
    assert [tag.name for tag in catalogue_.tag_options] == ["Grooming", "Privacy"]
    assert [p.slug for p in catalogue_.platform_options] == ["instagram", "roblox"]


def test_age_band_filter_matches_whole_bands_only(catalogue):
    CoursePageFactory(parent=catalogue, title="Teens", age_bands="14-17")
    CoursePageFactory(parent=catalogue, title="All ages", age_bands="under-8,8-10,11-13,14-17")
    titles = lambda band: sorted(c.title for c in CoursePage.objects.for_age_band(band))  # noqa: E731
    assert titles("14-17") == ["All ages", "Teens"]
    assert titles("8-10") == ["All ages"]
    assert titles("4-17") == []


def test_search_finds_lessons_inside_the_catalogue_only(client, home_page, catalogue, grooming):
    HelpPageFactory(parent=home_page, title="Flattery help", slug="flattery-help")
    response = client.get(catalogue.url, {"q": "flattery"})
    assert response.status_code == 200
    results = response.context["catalogue"].results
    assert [page.title for page in results] == ["Flattery"]
    assert "1 result for “flattery”" in response.content.decode()


def test_search_matches_course_summaries_and_respects_filters(
    client, catalogue, grooming, lockdown
):
    response = client.get(catalogue.url, {"q": "strangers"})
    assert [page.title for page in response.context["catalogue"].results] == [
        "Roblox chat settings"
    ]
    response = client.get(catalogue.url, {"q": "strangers", "tag": "grooming"})
    assert response.context["catalogue"].results == []
    assert "Nothing in the courses matches your search." in response.content.decode()


def test_search_ignores_drafts(client, module, catalogue):
    LessonPageFactory(
        parent=module,
        title="Secret draft",
        live=False,
        body=[{"type": "paragraph", "value": "<p>zebra</p>"}],
    )
    response = client.get(catalogue.url, {"q": "zebra"})
    assert response.context["catalogue"].results == []


@pytest.mark.parametrize("query", ["", "   "])
def test_an_empty_search_shows_the_catalogue(client, catalogue, grooming, lockdown, query):
    response = client.get(catalogue.url, {"q": query})
    assert response.status_code == 200
    assert response.context["catalogue"].results is None
    assert course_titles(response) == ["Spotting grooming", "Locking down games"]


def test_an_odd_search_is_shown_safely(client, catalogue, grooming):
    response = client.get(catalogue.url, {"q": '"<b>AND OR (* -' + "x" * 500})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<b>AND" not in html
    assert len(response.context["catalogue"].query) == 200


def test_tag_links_on_courses_filter_the_catalogue(client, catalogue, grooming):
    html = client.get(grooming.url).content.decode()
    assert f'href="{catalogue.url}?tag=grooming"' in html
