"""A visitor takes a quiz with the keyboard only: fails, reads the feedback, retries, passes."""

import re

from playwright.sync_api import expect

from courses.models import CourseIndexPage, CoursePage, ModulePage
from tests.browser.helpers import assert_accessible
from tests.factories import QuizPageFactory

MAX_TABS = 120


def tab_to(page, locator):
    """Press Tab until ``locator`` has focus, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(MAX_TABS):
        if page.evaluate("el => el === document.activeElement", handle):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"could not reach {locator} with the Tab key")


def choose_radio(page, first_label, target_label):
    """Tab into a radio group (focus lands on its first radio) and pick with arrows/space."""
    tab_to(page, page.get_by_label(first_label, exact=True))
    if target_label == first_label:
        page.keyboard.press("Space")
    else:
        labels = page.get_by_label(first_label, exact=True).evaluate(
            "el => [...el.closest('ul').querySelectorAll('label')].map(l => l.textContent.trim())"
        )
        for _ in range(labels.index(target_label)):
            page.keyboard.press("ArrowDown")
    expect(page.get_by_label(target_label, exact=True)).to_be_checked()


def tick(page, label):
    tab_to(page, page.get_by_label(label, exact=True))
    page.keyboard.press("Space")
    expect(page.get_by_label(label, exact=True)).to_be_checked()


def order_steps(page, block_id, positions):
    """``positions[i]`` is the position to give step i (by its label)."""
    for i, position in enumerate(positions):
        select = page.get_by_label(f"{block_id} step {i}", exact=True)
        tab_to(page, select)
        page.keyboard.type(str(position))
        expect(select).to_have_value(str(position))


def answer(page, right):
    choose_radio(
        page,
        "single_choice-0 choice 0",
        "single_choice-0 choice 0" if right else "single_choice-0 choice 1",
    )
    if right:
        tick(page, "multiple_select-1 choice 0")
        tick(page, "multiple_select-1 choice 1")
    else:
        tick(page, "multiple_select-1 choice 2")
    choose_radio(page, "True", "True" if right else "False")
    choose_radio(
        page,
        "message_scenario-3 choice 0",
        "message_scenario-3 choice 0" if right else "message_scenario-3 choice 1",
    )
    order_steps(page, "ordering-4", [1, 2, 3, 4] if right else [4, 3, 2, 1])
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    page.keyboard.press("Enter")


def test_take_a_quiz_with_the_keyboard_only(live_site, page, home_page):
    catalogue = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = catalogue.add_child(
        instance=CoursePage(title="Keeping kids safe", slug="safe", summary="A course.")
    )
    module = course.add_child(instance=ModulePage(title="Spotting grooming", slug="grooming"))
    quiz = QuizPageFactory(parent=module, title="Check your understanding", slug="check")
    quiz.save_revision().publish()

    page.goto(live_site.url + quiz.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your understanding")
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Start the quiz"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    expect(page.get_by_role("group")).to_have_count(5)
    assert_accessible(page)

    # Submitting with a question unanswered: refused, with the reason tied to the question.
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("Your answers were not recorded.")
    assert_accessible(page)

    answer(page, right=False)
    expect(page.get_by_text("you scored 0%")).to_be_visible()
    expect(page.get_by_text("Not passed yet.")).to_be_visible()
    expect(page.get_by_text("Feedback single_choice-0/1.")).to_be_visible()
    expect(page.get_by_text("Explanation for ordering-4.")).to_be_visible()
    assert_accessible(page)

    tab_to(page, page.get_by_role("button", name="Try again"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    answer(page, right=True)
    expect(page.get_by_text("you scored 100%")).to_be_visible()
    expect(page.get_by_text("You passed.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/attempts/2/$"))
    back = page.get_by_role("link", name="Back to the module: Spotting grooming")
    expect(back).to_have_attribute("href", module.url)
    assert_accessible(page)
