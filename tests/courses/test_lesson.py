"""Lesson pages: knowledge checks graded on the server, print views, navigation, budget."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail_factories import ImageFactory

from tests.factories import (
    HelpResourceFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
)

CHECK = {
    "type": "knowledge_check",
    "id": "kc1",
    "value": {
        "question": "A stranger sends game credit. What is it most likely?",
        "choices": [
            {"text": "A kind gesture", "correct": False, "feedback": "Kindness rarely costs them."},
            {"text": "A way to create a debt", "correct": True, "feedback": "Exactly."},
        ],
        "explanation": "Gifts create a sense of owing something.",
    },
}
GUIDE = {
    "type": "privacy_guide",
    "id": "guide1",
    "value": {
        "platform": None,
        "applies_to": "App version 300",
        "last_verified": "2025-04-02",
        "intro": "",
        "steps": [{"instruction": "Open settings", "menu_path": "Profile › Settings"}],
    },
}
CHECKLIST = {
    "type": "checklist",
    "id": "list1",
    "value": {"title": "Tonight", "items": ["Make the account private"]},
}
SECRETS = ["Gifts create a sense of owing something.", "Kindness rarely costs them.", "Exactly."]


@pytest.fixture
def check_lesson(module, instagram):
    guide = {**GUIDE, "value": {**GUIDE["value"], "platform": instagram.pk}}
    return LessonPageFactory(
        parent=module, title="Gifts", slug="gifts", body=[CHECK, guide, CHECKLIST]
    )


def check_url(lesson, block_id="kc1"):
    return f"{lesson.url}check/{block_id}/"


def test_the_answer_is_not_in_the_page_before_answering(client, check_lesson):
    html = client.get(check_lesson.url).content.decode()
    assert "A stranger sends game credit." in html
    assert f'action="{check_url(check_lesson)}#check-kc1"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    for secret in SECRETS:
        assert secret not in html


def test_a_right_answer_shows_feedback_and_explanation(client, check_lesson):
    response = client.post(check_url(check_lesson), {"choice": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "That&#x27;s right." in html or "That's right." in html
    assert "Exactly." in html and "Gifts create a sense of owing something." in html
    assert 'value="1" checked' in html


def test_a_wrong_answer_shows_the_right_one(client, check_lesson):
    response = client.post(check_url(check_lesson), {"choice": "0"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Not quite." in html and "Kindness rarely costs them." in html
    assert "The answer is: A way to create a debt" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "Choose an answer before checking it."),
        ({"choice": ""}, "Choose an answer before checking it."),
        ({"choice": "7"}, "That answer is not one of the choices."),
        ({"choice": "-1"}, "That answer is not one of the choices."),
        ({"choice": "one"}, "That answer is not one of the choices."),
    ],
)
def test_an_invalid_answer_is_a_400_with_a_message(client, check_lesson, data, message):
    response = client.post(check_url(check_lesson), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html
    for secret in SECRETS:
        assert secret not in html


def test_the_check_route_needs_post_and_an_existing_check(client, check_lesson):
    assert client.get(check_url(check_lesson)).status_code == 405
    assert client.post(check_url(check_lesson, "nope"), {"choice": "0"}).status_code == 404
    assert client.post(check_url(check_lesson, "guide1"), {"choice": "0"}).status_code == 404


def test_the_check_is_csrf_protected(check_lesson):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post(check_url(check_lesson), {"choice": "1"}).status_code == 403


def test_guides_and_checklists_print_on_their_own(client, check_lesson):
    html = client.get(check_lesson.url).content.decode()
    assert f'href="{check_lesson.url}print/guide1/"' in html
    assert f'href="{check_lesson.url}print/list1/"' in html

    response = client.get(f"{check_lesson.url}print/guide1/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Privacy settings: Instagram" in html
    assert 'Checked on <time datetime="2025-04-02">' in html
    assert "A stranger sends game credit." not in html  # only the guide
    assert "Printable version" not in html
    assert 'courses/print.css" media="print"' in html

    assert client.get(f"{check_lesson.url}print/list1/").status_code == 200
    assert client.get(f"{check_lesson.url}print/kc1/").status_code == 404


def test_lesson_shows_time_checked_date_sources_and_breadcrumb(client, home_page, lesson):
    html = client.get(lesson.url).content.decode()
    assert "7 minutes" in html
    assert 'Checked on <time datetime="2025-05-01">' in html
    assert "Online grooming: what parents need to know</a>, NSPCC" in html
    start = html.index('<nav class="breadcrumb"')
    breadcrumb = html[start : html.index("</nav>", start)]
    assert [part in breadcrumb for part in ("Kinwise", "Courses", "Spotting grooming")] == [
        True,
        True,
        True,
    ]
    assert '<span aria-current="page">Gifts and secrets</span>' in breadcrumb


def test_previous_and_next_lessons_stay_in_the_module(client, course, module, lesson):
    second = LessonPageFactory(parent=module, title="Second")
    LessonPageFactory(parent=module, title="Draft", live=False)
    third = LessonPageFactory(parent=module, title="Third")
    other_module = ModulePageFactory(parent=course)
    LessonPageFactory(parent=other_module, title="Elsewhere")

    context = client.get(second.url).context
    assert context["prev_lesson"].pk == lesson.pk
    assert context["next_lesson"].pk == third.pk

    first = client.get(lesson.url)
    assert first.context["prev_lesson"] is None
    html = client.get(third.url).content.decode()
    assert f'<a href="{second.url}" rel="prev">' in html
    assert 'rel="next"' not in html


def test_review_dates(lesson):
    lesson.review_interval_months = 6
    assert str(lesson.review_due) == "2025-11-01"
    lesson.review_interval_months = 12
    assert str(lesson.review_due) == "2026-05-01"
    lesson.last_verified = None
    assert lesson.is_review_overdue


def test_unknown_urls_below_a_lesson_are_404s(client, lesson):
    assert client.get(lesson.url + "nothing-here/").status_code == 404
    assert client.get(lesson.url.rstrip("/") + "-nope/").status_code == 404


def test_course_and_module_pages_list_their_children_in_order(client, course, module, lesson):
    second = LessonPageFactory(parent=module, title="Second lesson", estimated_minutes=3)
    html = client.get(module.url).content.decode()
    assert html.index(lesson.title) < html.index(second.title)
    assert "10 minutes" in html
    html = client.get(course.url).content.decode()
    assert module.title in html and "2 lessons" in html


def rich_body(platform, resource, image):
    """One of every block, so that the budget covers snippet and image lookups."""
    return [
        {"type": "paragraph", "value": "<p>Text</p>"},
        {"type": "heading", "value": {"text": "Heading"}},
        {"type": "image", "value": {"image": image.pk, "alt_text": "Alt"}},
        {"type": "callout", "value": {"kind": "tip", "body": "<p>Tip</p>"}},
        {
            "type": "chat_scenario",
            "value": {
                "title": "Chat",
                "messages": [{"sender": "contact", "sender_label": "Jay", "text": "hi"}],
            },
        },
        {**GUIDE, "value": {**GUIDE["value"], "platform": platform.pk}},
        CHECKLIST,
        {"type": "help_resources", "value": {"resources": [resource.pk]}},
        CHECK,
    ]


def count_queries(client, url):
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("siblings", [3, 30])
def test_a_lesson_page_takes_at_most_12_queries(client, course, siblings):
    platform = PlatformFactory(slug="snap", name="Snap")
    resource = HelpResourceFactory()
    image = ImageFactory()
    module = ModulePageFactory(parent=course)
    lessons = [
        LessonPageFactory(parent=module, body=rich_body(platform, resource, image))
        for _ in range(siblings)
    ]
    assert count_queries(client, lessons[1].url) <= 12


def test_lesson_course_and_module_queries_do_not_grow_with_the_module(client, course):
    platform = PlatformFactory(slug="snap", name="Snap")
    resource = HelpResourceFactory()
    image = ImageFactory()
    counts = {}
    for size in (3, 30):
        module = ModulePageFactory(parent=course, title=f"Module of {size}")
        lessons = [
            LessonPageFactory(
                parent=module, platforms=[platform], body=rich_body(platform, resource, image)
            )
            for _ in range(size)
        ]
        counts[size] = (
            count_queries(client, lessons[1].url),
            count_queries(client, module.url),
        )
    assert counts[3] == counts[30]
    assert max(counts[30]) <= 12
    course_queries = count_queries(client, course.url)
    assert course_queries <= 12


def test_course_page_queries_do_not_grow_with_its_modules(client, catalogue):
    from tests.factories import CoursePageFactory

    counts = []
    for size in (3, 30):
        course = CoursePageFactory(parent=catalogue, title=f"Course of {size}")
        for _ in range(size):
            LessonPageFactory(parent=ModulePageFactory(parent=course))
        counts.append(count_queries(client, course.url))
    assert counts[0] == counts[1] <= 12
