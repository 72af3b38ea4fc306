"""A parent and a teacher use the demo site with the keyboard only.

Every action is a key press (Tab, Shift+Tab, Enter, Space, arrows, typing); the tests only read
the page. Each stop must show its focus, Tab must follow the reading order, every page can be
left with Tab (no trap), and every page passes axe.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from courses.completion import ProgressStatus
from courses.models import CoursePage, LessonPage, ModulePage
from edu.management.commands.load_demo import DEMO_PASSWORD
from quizzes.models import QuizPage
from tests.browser.demo import complete, english, user
from tests.browser.helpers import assert_accessible
from tests.browser.keyboard import tab_to, walk_the_page


def heading(page, text):
    expect(page.get_by_role("heading", level=1)).to_have_text(text)


def follow(page, link_name, h1):
    """Tab to a link, press Enter and wait for the page it opens."""
    tab_to(page, page.get_by_role("link", name=link_name, exact=True).first)
    page.keyboard.press("Enter")
    heading(page, h1)


def log_in_with_the_keyboard(page, email):
    follow(page, "Log in", "Log in")
    assert_accessible(page)
    tab_to(page, page.get_by_label("Email address"))
    page.keyboard.type(email)
    tab_to(page, page.get_by_label(re.compile(r"^Password")))
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def answer_with_the_keyboard(page, quiz):
    """Answer every question right, as served (choices are shuffled), with keys only."""
    blocks = {block.value["question"]: block for block in quiz.questions}
    fieldsets = page.locator("fieldset.quiz-question")
    for index in range(fieldsets.count()):
        fieldset = fieldsets.nth(index)
        question = fieldset.locator(".quiz-question__text").inner_text().strip()
        block = blocks[question]
        labels = [text.strip() for text in fieldset.locator("label").all_inner_texts()]
        if block.block_type == "ordering":
            steps = list(block.value["steps"])
            for label in labels:
                select = fieldset.get_by_label(label, exact=True)
                tab_to(page, select)
                page.keyboard.type(str(steps.index(label) + 1))
                expect(select).to_have_value(str(steps.index(label) + 1))
        elif block.block_type == "multiple_select":
            right = {choice["text"] for choice in block.value["choices"] if choice["correct"]}
            for label in labels:
                if label in right:
                    box = fieldset.get_by_label(label, exact=True)
                    tab_to(page, box)
                    page.keyboard.press("Space")
                    expect(box).to_be_checked()
        else:
            if block.block_type == "true_false":
                right = "True" if block.value["correct_answer"] else "False"
            else:
                right = next(c["text"] for c in block.value["choices"] if c["correct"])
            # Tab enters a radio group on its first radio; the arrows move and choose.
            tab_to(page, fieldset.get_by_label(labels[0], exact=True))
            target = labels.index(right)
            if target == 0:
                page.keyboard.press("Space")
            for _ in range(target):
                page.keyboard.press("ArrowDown")
            expect(fieldset.get_by_label(right, exact=True)).to_be_checked()
            # One Tab leaves the group: the arrows, not Tab, move between its radios.
            page.keyboard.press("Tab")
            assert not fieldset.locator("input[type=radio]:focus").count(), "Tab stayed in a group"
            page.keyboard.press("Shift+Tab")


def test_parent_keyboard_journey(demo_site, page):
    base = demo_site.url
    parent = user("parent@example.com")
    course = english(CoursePage).get(slug="talking-and-getting-help")
    module = english(ModulePage).descendant_of(course).get(title="Reporting and getting help")
    lesson = english(LessonPage).child_of(module).get(slug__startswith="cybertipline")
    quiz = english(QuizPage).child_of(module).get()
    # Everything else in the course is done: this lesson and quiz earn the certificate.
    for child in english(LessonPage).descendant_of(course).exclude(pk=lesson.pk):
        complete(child, parent)
    for other in english(QuizPage).descendant_of(course).exclude(pk=quiz.pk):
        complete(other, parent, ProgressStatus.PASSED, 100)

    # The skip link is the first stop and moves focus to the main content.
    page.goto(base + "/")
    heading(page, "Keep your child safer online")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), (
        "the Tab after the skip link left the main content"
    )
    assert_accessible(page)
    page.goto(base + "/")
    walk_the_page(page)

    log_in_with_the_keyboard(page, "parent@example.com")

    # A lesson: Tab through it to its checklist, tick with Space, complete with Enter.
    page.goto(base + lesson.url)
    heading(page, lesson.title)
    stops = walk_the_page(page)
    assert "Mark as complete" in stops
    assert_accessible(page)
    page.goto(base + lesson.url)
    first_item = page.locator(".checklist input[type=checkbox]").first
    tab_to(page, first_item)
    page.keyboard.press("Space")
    expect(first_item).to_be_checked()
    expect(page.get_by_role("status").filter(has_text="Saved")).to_be_visible()
    tab_to(page, page.get_by_role("button", name="Mark as complete"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("You completed this lesson")).to_be_visible()
    assert_accessible(page)

    # The module's quiz, with Tab, arrows and Space.
    page.goto(base + quiz.url)
    heading(page, quiz.title)
    tab_to(page, page.get_by_role("button", name="Start the quiz"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Submit answers")).to_be_visible()
    assert_accessible(page)
    answer_with_the_keyboard(page, quiz)
    tab_to(page, page.get_by_role("button", name="Submit answers"))
    page.keyboard.press("Enter")
    expect(page.get_by_text("You passed.")).to_be_visible()
    assert_accessible(page)

    # The course is complete: its certificate, from My learning.
    page.goto(base + "/")
    follow(page, "My learning", "My learning")
    assert_accessible(page)
    certificate = page.get_by_role(
        "link", name=re.compile(rf"^View your certificate\W+{re.escape(course.title)}$")
    )
    tab_to(page, certificate)
    page.keyboard.press("Enter")
    heading(page, "Certificate of completion")
    expect(page.get_by_text(course.title)).to_be_visible()
    assert_accessible(page)
    walk_the_page(page)


def test_teacher_keyboard_journey(demo_site, page):
    base = demo_site.url
    page.goto(base + "/")
    log_in_with_the_keyboard(page, "teacher@example.com")

    follow(page, "Teach", "Teach")
    assert_accessible(page)
    follow(page, "New class", "New class")
    assert_accessible(page)

    # Submitting an empty form: the error is announced and tied to its field.
    tab_to(page, page.get_by_role("button", name="Create class"))
    page.keyboard.press("Enter")
    name = page.get_by_label(re.compile("^Name"))
    expect(page.locator("#id_name_errors")).to_be_visible()
    expect(name).to_have_attribute("aria-describedby", re.compile("id_name_errors"))
    assert_accessible(page)
    tab_to(page, name)
    page.keyboard.type("Thursday parent night")
    tab_to(page, page.get_by_label(re.compile("^Description")))
    page.keyboard.type("Four evenings on keeping children safe online.")
    tab_to(page, page.get_by_role("button", name="Create class"))
    page.keyboard.press("Enter")
    heading(page, "Thursday parent night")
    assert_accessible(page)

    follow(page, "Assign a module or course", "Assign a module or course")
    assert_accessible(page)
    choice = page.get_by_label(re.compile("^Module or course"))
    tab_to(page, choice)
    # A closed select picks the option whose label starts with what is typed.
    page.keyboard.type("The whole course: Talking")
    expect(choice.locator("option:checked")).to_have_text(
        "The whole course: Talking with your child and getting help"
    )
    tab_to(page, page.get_by_label(re.compile("^Due date")))
    page.keyboard.type("03012099")
    expect(page.get_by_label(re.compile("^Due date"))).to_have_value("2099-03-01")
    tab_to(page, page.get_by_label(re.compile("^Note for parents")))
    page.keyboard.type("Before our next evening, please.")
    tab_to(page, page.get_by_role("button", name="Assign", exact=True))
    page.keyboard.press("Enter")

    # The class dashboard.
    heading(page, "Thursday parent night")
    expect(
        page.get_by_role("heading", name="Talking with your child and getting help")
    ).to_be_visible()
    assert_accessible(page)
    page.reload()
    heading(page, "Thursday parent night")
    stops = walk_the_page(page)
    assert any(stop.startswith("Change due date or note") for stop in stops), stops
