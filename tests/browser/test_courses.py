"""A parent on a 360-px-wide phone browses, filters, searches and reads a course."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    HelpPageFactory,
    HelpResourceFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
)

PHONE = {"width": 360, "height": 780}

LESSON_BODY = [
    {"type": "paragraph", "value": "<p>Groomers use flattery to build trust quickly.</p>"},
    {
        "type": "chat_scenario",
        "id": "chat1",
        "value": {
            "title": "A new friend in a game",
            "context": "Maya, 12, plays an online game after school.",
            "messages": [
                {
                    "sender": "contact",
                    "sender_label": "Jay",
                    "text": "ur way more mature than ppl my age",
                    "tactic": "Flattery",
                    "explanation": "Praise makes a child feel special and builds trust.",
                },
                {"sender": "child", "sender_label": "Maya", "text": "thanks!! how old r u"},
            ],
            "takeaway": "Praise from a stranger is a first step, not a friendship.",
        },
    },
    {
        "type": "checklist",
        "id": "list1",
        "value": {"title": "Tonight", "items": ["Make the account private", "Turn off DMs"]},
    },
    {
        "type": "knowledge_check",
        "id": "kc1",
        "value": {
            "question": "A stranger sends your child game credit. What is it most likely?",
            "choices": [
                {"text": "A kind gesture", "correct": False, "feedback": ""},
                {"text": "A way to create a sense of owing", "correct": True, "feedback": ""},
            ],
            "explanation": "Gifts create a feeling of owing something back.",
        },
    },
]


@pytest.fixture
def courses(live_site, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    grooming = CoursePageFactory(
        parent=catalogue, title="Spotting grooming", summary="How it starts.", age_bands="11-13"
    )
    grooming.tags.add("Grooming")
    grooming.save()
    module = ModulePageFactory(parent=grooming, title="How grooming starts")
    lesson = LessonPageFactory(
        parent=module, title="Flattery and gifts", estimated_minutes=6, body=LESSON_BODY
    )
    LessonPageFactory(parent=module, title="Secrets")
    lockdown = CoursePageFactory(
        parent=catalogue, title="Locking down apps", summary="Settings.", age_bands="14-17"
    )
    lockdown.tags.add("Privacy")
    lockdown.save()
    LessonPageFactory(
        parent=ModulePageFactory(parent=lockdown, title="Instagram"),
        title="Make the account private",
        platforms=[PlatformFactory(name="Instagram", slug="instagram")],
    )
    return {"catalogue": catalogue, "lesson": lesson}


def fits_the_screen(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways ({width}px)"


def test_browse_filter_search_and_read_a_lesson_on_a_phone(live_site, courses, page):
    page.set_viewport_size(PHONE)
    page.goto(live_site.url + courses["catalogue"].url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Courses")
    expect(page.get_by_role("link", name="Spotting grooming")).to_be_visible()
    expect(page.get_by_role("link", name="Locking down apps")).to_be_visible()
    fits_the_screen(page)
    assert_accessible(page)

    # Filter by topic and age.
    page.get_by_label("Topic").select_option("privacy")
    page.get_by_label("Child's age").select_option("14-17")
    page.get_by_role("button", name="Show courses").click()
    expect(page).to_have_url(re.compile(r"tag=privacy"))
    expect(page.get_by_role("link", name="Locking down apps")).to_be_visible()
    expect(page.get_by_role("link", name="Spotting grooming")).to_have_count(0)
    assert_accessible(page)

    # An unknown value from an old link is explained, not an error.
    page.goto(live_site.url + courses["catalogue"].url + "?platform=myspace")
    expect(page.get_by_text("We have no lessons about an app called “myspace”.")).to_be_visible()
    assert_accessible(page)

    # Search.
    page.get_by_role("link", name="Clear filters and search").click()
    page.get_by_label("Search the courses").fill("flattery")
    page.get_by_role("button", name="Show courses").click()
    expect(page.get_by_role("heading", name="1 result for “flattery”")).to_be_visible()
    assert_accessible(page)

    # Read the lesson.
    page.get_by_role("link", name="Flattery and gifts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flattery and gifts")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Spotting grooming")
    expect(page.get_by_text("6 minutes")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Next lesson"))).to_be_visible()
    fits_the_screen(page)
    assert_accessible(page)

    # The chat annotation is hidden until asked for.
    explanation = page.get_by_text("Praise makes a child feel special and builds trust.")
    expect(page.get_by_text("Fictional example")).to_be_visible()
    expect(explanation).to_be_hidden()
    page.get_by_text("What is going on here?").click()
    expect(explanation).to_be_visible()
    assert_accessible(page)

    # Checklist ticks are saved as they change (kept in the visitor's session).
    page.get_by_label("Make the account private").check()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Make the account private")).to_be_checked()
    expect(page.get_by_label("Turn off DMs")).not_to_be_checked()

    # Knowledge check: nothing chosen is refused, then a right answer is explained.
    answer = page.get_by_text("Gifts create a feeling of owing something back.")
    expect(answer).to_have_count(0)
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_role("alert")).to_have_text("Choose an answer before checking it.")
    assert_accessible(page)
    page.get_by_label("A way to create a sense of owing").check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_text("That's right.")).to_be_visible()
    expect(answer).to_be_visible()
    expect(page.get_by_label("A way to create a sense of owing")).to_be_checked()
    assert_accessible(page)


def test_help_page_switches_region_and_offers_a_quick_exit(live_site, home_page, page):
    help_page = HelpPageFactory(parent=home_page)
    HelpResourceFactory(name="CyberTipline", region="US")
    HelpResourceFactory(name="Call 911", region="US", immediate_danger=True)
    HelpResourceFactory(name="New Mexico State Police", region="US-NM", immediate_danger=True)
    page.set_viewport_size(PHONE)
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(body="<title>Search</title>", content_type="text/html"),
    )

    page.goto(live_site.url + help_page.url)
    expect(page.get_by_text("New Mexico State Police")).to_have_count(0)
    fits_the_screen(page)
    assert_accessible(page)

    page.get_by_label("Show help for").select_option("US-NM")
    page.get_by_role("button", name="Show", exact=True).click()
    urgent = page.get_by_role("region", name="If a child is in danger right now")
    expect(urgent.get_by_role("heading", level=3)).to_have_text(
        ["New Mexico State Police", "Call 911"]
    )
    assert_accessible(page)

    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Quick exit").click()
    expect(page).to_have_title("Search")
    # The page the visitor left was replaced in the history: Back skips it.
    page.go_back()
    assert "region=US-NM" not in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Get help")
