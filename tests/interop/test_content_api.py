"""The read-only content API (Wagtail API v2): courses, modules and lessons, never quizzes,
never anything that answers a question."""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import LessonPageFactory, PlatformFactory

from .journey import build_course

pytestmark = pytest.mark.django_db

API = "/api/v2/"
ANSWER_KEYS = {"correct", "feedback", "explanation", "correct_answer", "feedback_true"}


def keys_in(data) -> set:
    found = set()
    if isinstance(data, dict):
        for key, value in data.items():
            found.add(key)
            found |= keys_in(value)
    elif isinstance(data, list):
        for item in data:
            found |= keys_in(item)
    return found


@pytest.fixture
def tree(home_page):
    c = build_course(home_page)
    platform = PlatformFactory(name="Instagram", slug="instagram", minimum_age=13)
    lesson = c.lessons[0]
    lesson.platforms = [platform]
    lesson.save_revision().publish()
    # Published, with a newer draft whose title must not show.
    c.lessons[1].title = "Unpublished draft title"
    c.lessons[1].save_revision()
    draft_only = LessonPageFactory(parent=c.module, title="Never published", live=False)
    private = LessonPageFactory(parent=c.module, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    c.draft_only, c.private = draft_only, private
    return c


def get(client, url, status=200, **params):
    response = client.get(url, params)
    assert response.status_code == status, (url, response.content[:300])
    return response.json() if status == 200 else response


def test_lists_and_details_serve_live_public_courses_modules_and_lessons(client, tree):
    courses = get(client, API + "courses/")
    assert [item["title"] for item in courses["items"]] == ["Spotting grooming"]
    assert courses["items"][0]["meta"]["html_url"] == tree.course.full_url

    course = get(client, API + f"courses/{tree.course.pk}/")
    assert course["summary"] == tree.course.summary
    assert course["estimated_minutes"] == tree.course.estimated_minutes
    assert [child["title"] for child in course["children"]] == ["How grooming starts"]

    module = get(client, course["children"][0]["detail_url"])
    assert module["meta"]["parent"]["id"] == tree.course.pk
    assert [child["title"] for child in module["children"]] == [
        "Gifts and secrets",
        "Moving to private chat",
    ]

    lessons = get(client, API + "lessons/", child_of=tree.module.pk, fields="summary")
    titles = [item["title"] for item in lessons["items"]]
    assert titles == ["Gifts and secrets", "Moving to private chat"]
    assert "Never published" not in str(lessons) and "Members only" not in str(lessons)
    assert "Unpublished draft title" not in str(lessons)

    lesson = get(client, module["children"][0]["detail_url"])
    assert lesson["meta"]["parent"]["id"] == tree.module.pk
    assert lesson["last_verified"] == tree.lessons[0].last_verified.isoformat()
    assert lesson["platforms"] == [
        {
            "id": tree.lessons[0].platforms.get().pk,
            "name": "Instagram",
            "slug": "instagram",
            "minimum_age": 13,
            "help_centre_url": tree.lessons[0].platforms.get().help_centre_url,
            "report_url": tree.lessons[0].platforms.get().report_url,
            "family_tools_url": tree.lessons[0].platforms.get().family_tools_url,
        }
    ]
    assert lesson["sources"][0]["publisher"] == "NSPCC"
    types = [block["type"] for block in lesson["body"]]
    assert types == ["knowledge_check", "chat_scenario"]
    check = lesson["body"][0]["value"]
    assert check == {
        "question": "Which is a warning sign?",
        "choices": [{"text": "Secret gifts"}, {"text": "Homework help"}],
    }
    message = lesson["body"][1]["value"]["messages"][0]
    assert message["tactic_explanation"] == "Builds a private bond."

    found = client.get(API + "lessons/find/", {"html_path": tree.lessons[0].url})
    assert found.status_code == 302
    assert f"/api/v2/lessons/{tree.lessons[0].pk}/" in found.url

    for hidden in (tree.draft_only, tree.private):
        get(client, API + f"lessons/{hidden.pk}/", status=404)


def test_quizzes_are_never_reachable(client, tree):
    quiz = tree.quiz
    for endpoint in ("courses", "modules", "lessons"):
        get(client, API + f"{endpoint}/{quiz.pk}/", status=404)
        get(client, API + f"{endpoint}/", status=400, type="quizzes.QuizPage")
        get(client, API + f"{endpoint}/find/", status=404, html_path=quiz.url)
    get(client, API + "pages/", status=404)
    module = get(client, API + f"modules/{tree.module.pk}/")
    assert quiz.pk not in [child["id"] for child in module["children"]]
    listing = get(client, API + "lessons/", child_of=tree.module.pk)
    assert quiz.pk not in [item["id"] for item in listing["items"]]


def test_no_response_holds_an_answer(client, tree):
    responses = [
        get(client, API + "courses/", fields="*"),
        get(client, API + f"courses/{tree.course.pk}/"),
        get(client, API + "modules/", fields="*"),
        get(client, API + f"modules/{tree.module.pk}/"),
        get(client, API + "lessons/", fields="*"),
        *[get(client, API + f"lessons/{lesson.pk}/") for lesson in tree.lessons],
    ]
    # Bodies are served one lesson at a time.
    get(client, API + "lessons/", status=400, fields="body")
    text = str(responses)
    for response in responses:
        assert not keys_in(response) & ANSWER_KEYS
    # Nor the answers' words, nor the quiz.
    for secret in ("Yes.", "No.", "Secrecy is the groomer", tree.quiz.title, "Single choice q1"):
        assert secret not in text


def test_the_api_is_read_only(client, tree, parent):
    client.force_login(parent)
    for method in (client.post, client.put, client.patch, client.delete):
        response = method(API + f"lessons/{tree.lessons[0].pk}/")
        assert response.status_code == 405
