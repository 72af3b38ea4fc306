"""A visitor learns without an account, then signs up and finds their progress kept."""

import re

from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    quiz_question,
)


def test_visitor_progress_is_kept_when_they_sign_up(live_site, page, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue, title="Keeping kids safe online")
    module = ModulePageFactory(parent=course, title="Warning signs")
    first = LessonPageFactory(parent=module, title="How it starts")
    second = LessonPageFactory(
        parent=module,
        title="What to check tonight",
        body=[
            {
                "type": "checklist",
                "id": "tonight",
                "value": {"title": "Tonight", "items": ["Make the account private"]},
            }
        ],
    )
    QuizPageFactory(
        parent=module,
        title="Check what you learned",
        questions=[quiz_question("single_choice", "q1"), quiz_question("single_choice", "q2")],
    )
    base = live_site.url

    page.goto(base + first.url)
    expect(page.get_by_text("Your progress stays on this device")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("You completed this lesson on")).to_be_visible()

    page.get_by_role("link", name=re.compile("What to check tonight")).click()
    # With JavaScript the tick saves itself; the Save button is for when it can't.
    page.get_by_label("Make the account private").check()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Mark as complete").click()
    expect(page.get_by_text("You completed this lesson on")).to_be_visible()

    page.goto(base + module.url)
    expect(page.get_by_text("2 of 3 activities done (67%)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Check what you learned").click()
    page.get_by_role("button", name="Start the quiz").click()
    page.get_by_label("q1 choice 0", exact=True).check()
    page.get_by_label("q2 choice 0", exact=True).check()
    page.get_by_role("button", name="Submit answers").click()
    expect(page.get_by_text("100%").first).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Sign up").click()
    page.get_by_label("Email address").fill("kept.progress@example.com")
    page.get_by_label(re.compile(r"^Password \(required\)")).fill("a-long-unusual-passphrase")
    page.get_by_label("Password confirmation").fill("a-long-unusual-passphrase")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.get_by_role("link", name="My learning").click()
    expect(page.get_by_role("heading", name="My learning", level=1)).to_be_visible()
    # All three activities done: the module and course are complete, with a certificate.
    completed = page.locator("section", has=page.get_by_role("heading", name="Completed"))
    expect(
        completed.get_by_role("link", name="Keeping kids safe online", exact=True)
    ).to_be_visible()
    expect(completed.get_by_role("link", name=re.compile("View your certificate"))).to_be_visible()
    assert_accessible(page)

    page.goto(base + second.url)
    expect(page.get_by_label("Make the account private")).to_be_checked()
    expect(page.get_by_text("You completed this lesson on")).to_be_visible()
