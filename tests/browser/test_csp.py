"""In a real browser, the strict Content Security Policy blocks nothing the site itself needs.

Chromium reports every CSP violation on the console ("... violates the following Content
Security Policy directive ..."); the test collects them while a visitor reads a lesson with
interactive blocks and a video, takes a quiz and uses the help page, and expects none. A
canary (an inline script added on purpose) shows the collection works.
"""

import pytest
from playwright.sync_api import expect
from wagtail.embeds.finders.base import EmbedFinder

from tests.browser.helpers import assert_accessible
from tests.browser.test_quizzes import answer
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    HelpPageFactory,
    HelpResourceFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
)

PLAYER = "https://www.youtube-nocookie.com/embed/kinwise-test"


class OfflineYouTubeFinder(EmbedFinder):
    """The embed HTML YouTube's oEmbed answers with, without the network."""

    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "How sextortion starts",
            "type": "video",
            "provider_name": "YouTube",
            "width": 640,
            "height": 360,
            "html": f'<iframe title="How sextortion starts" src="{PLAYER}" width="640" '
            'height="360" allowfullscreen></iframe>',
        }


LESSON_BODY = [
    {"type": "paragraph", "value": "<p>Groomers use flattery to build trust quickly.</p>"},
    {
        "type": "video",
        "id": "video1",
        "value": {
            "video": "https://www.youtube.com/watch?v=kinwise-test",
            "title": "How sextortion starts",
            "transcript": "<p>Narrator: It often starts with a friendly message.</p>",
        },
    },
    {
        "type": "callout",
        "value": {"kind": "warning", "title": "Watch for", "body": "<p>Secrets.</p>"},
    },
    {
        "type": "accordion",
        "value": {
            "title": "Questions",
            "items": [{"question": "Is it my fault?", "answer": "<p>No.</p>"}],
        },
    },
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
def violations(page):
    """CSP violations Chromium reports on the console, with the page they happened on."""
    found = []

    def collect(message):
        if "Content Security Policy" in message.text:
            found.append(f"{page.url}: {message.text}")

    page.on("console", collect)
    # The player's origin is allowed by frame-src; answer it without the network.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(
            body="<title>Player</title><p>The player</p>", content_type="text/html"
        ),
    )
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(body="<title>Search</title>", content_type="text/html"),
    )
    return found


@pytest.fixture
def offline_youtube(settings):
    settings.WAGTAILEMBEDS_FINDERS = [{"class": "tests.browser.test_csp.OfflineYouTubeFinder"}]


def test_the_collector_sees_a_blocked_inline_script(live_site, home_page, page, violations):
    page.goto(live_site.url + "/")
    page.evaluate(
        "() => { const s = document.createElement('script');"
        " s.textContent = 'window.ran = true'; document.body.append(s); }"
    )
    page.wait_for_timeout(200)
    assert page.evaluate("() => window.ran === undefined")
    assert any("script-src" in v for v in violations), violations


def test_lesson_quiz_and_help_page_run_under_the_policy(
    live_site, home_page, page, violations, offline_youtube
):
    catalogue = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming")
    module = ModulePageFactory(parent=course, title="How grooming starts")
    lesson = LessonPageFactory(parent=module, title="Flattery and gifts", body=LESSON_BODY)
    quiz = QuizPageFactory(parent=module, title="Check your understanding")
    quiz.save_revision().publish()
    help_page = HelpPageFactory(parent=home_page)
    HelpResourceFactory(name="CyberTipline", region="US")
    HelpResourceFactory(name="New Mexico State Police", region="US-NM", immediate_danger=True)

    # A lesson: the video player is framed, the interactive blocks work.
    page.goto(live_site.url + lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Flattery and gifts")
    player = page.frame_locator("iframe[title='How sextortion starts']")
    expect(player.get_by_text("The player")).to_be_visible()
    page.get_by_label("Make the account private").check()
    expect(page.get_by_text("Saved")).to_be_visible()
    page.get_by_label("A way to create a sense of owing").check()
    page.get_by_role("button", name="Check my answer").click()
    expect(page.get_by_text("That's right.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Flattery and gifts")
    assert_accessible(page)

    # A quiz: start, answer, result.
    page.goto(live_site.url + quiz.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your understanding")
    page.get_by_role("button", name="Start the quiz").click()
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    assert_accessible(page)
    answer(page, right=True)
    expect(page.get_by_text("you scored 100%")).to_be_visible()
    assert_accessible(page)

    # The help page: switch region, then leave with the quick exit.
    page.goto(live_site.url + help_page.url)
    page.get_by_label("Show help for").select_option("US-NM")
    page.get_by_role("button", name="Show", exact=True).click()
    expect(page.get_by_role("heading", name="New Mexico State Police")).to_be_visible()
    assert_accessible(page)
    page.wait_for_load_state("networkidle")
    page.get_by_role("link", name="Quick exit").click()
    expect(page).to_have_title("Search")

    assert violations == []
