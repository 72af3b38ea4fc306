from edu.models import HomePageFeaturedCourse
from tests.factories import CourseIndexPageFactory, CoursePageFactory


def test_home_page_shows_live_featured_courses_in_order(client, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    first = CoursePageFactory(parent=catalogue, title="Spotting grooming", summary="How.")
    second = CoursePageFactory(parent=catalogue, title="Locking down apps", summary="Settings.")
    draft = CoursePageFactory(parent=catalogue, title="Unfinished", live=False)
    for order, course in enumerate([second, draft, first]):
        HomePageFeaturedCourse.objects.create(page=home_page, course=course, sort_order=order)

    response = client.get("/")
    assert [c.title for c in response.context["featured_courses"]] == [
        "Locking down apps",
        "Spotting grooming",
    ]
    html = response.content.decode()
    assert f'<a href="{second.url}">Locking down apps</a><p>Settings.</p>' in html
    assert "Unfinished" not in html


def test_home_page_without_featured_courses_has_no_empty_section(client, home_page):
    assert "featured-courses" not in client.get("/").content.decode()
