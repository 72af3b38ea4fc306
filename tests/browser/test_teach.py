"""A teacher runs a class from start to finish; a parent joins and completes the module."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Membership
from tests.browser.helpers import assert_accessible
from tests.factories import (
    PASSWORD,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)


@pytest.fixture
def module(live_site, home_page):
    catalogue = CourseIndexPageFactory(parent=home_page)
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming")
    module = ModulePageFactory(parent=course, title="How grooming starts")
    LessonPageFactory(parent=module, title="Flattery and gifts")
    LessonPageFactory(parent=module, title="Keeping secrets")
    return module


def log_in(page, base, user):
    page.goto(base + "/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label(re.compile(r"^Password")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def log_out(page):
    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("link", name="Log in")).to_be_visible()


def test_a_teacher_runs_a_class_and_sees_a_parent_complete_a_module(
    live_site, page, module, teacher, parent
):
    base = live_site.url
    # The teacher creates a class...
    log_in(page, base, teacher)
    page.get_by_role("link", name="Teach", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Teach")
    assert_accessible(page)
    page.get_by_role("link", name="New class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New class")
    assert_accessible(page)
    page.get_by_role("button", name="Create class").click()  # no name: refused, explained
    expect(page.locator("#id_name_errors")).to_be_visible()
    expect(page.get_by_label(re.compile("^Name"))).to_have_attribute(
        "aria-describedby", re.compile("id_name_errors")
    )
    assert_accessible(page)
    page.get_by_label(re.compile("^Name")).fill("Tuesday parent evening")
    page.get_by_label(re.compile("^Description")).fill("Six weeks on keeping children safe.")
    page.get_by_role("button", name="Create class").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tuesday parent evening")
    code = page.locator(".join-code").first.inner_text()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}", code)
    assert_accessible(page)

    # ...and assigns the module.
    page.get_by_role("link", name="Assign a module or course").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Assign a module or course")
    assert_accessible(page)
    page.get_by_label(re.compile("^Module or course")).select_option(label="How grooming starts")
    page.get_by_label(re.compile("^Due date")).fill("2099-03-01")
    page.get_by_label(re.compile("^Note for parents")).fill("Before our next session, please.")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_role("heading", name="How grooming starts")).to_be_visible()
    expect(page.get_by_text("0 of 0 completed (0%)")).to_be_visible()
    assert_accessible(page)
    log_out(page)

    # A parent joins with the code, after seeing what the teacher will see.
    log_in(page, base, parent)
    page.goto(base + "/learning/")
    assert_accessible(page)
    page.get_by_role("link", name="Join a class with a code").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join a class")
    assert_accessible(page)
    page.get_by_label(re.compile("^Join code")).fill("WRNG2345")
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("#id_code_errors")).to_contain_text("No class is open")
    assert_accessible(page)
    page.get_by_label(re.compile("^Join code")).fill(code.lower())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join Tuesday parent evening?")
    expect(page.get_by_text("Pat Parent")).to_be_visible()
    expect(page.get_by_text("Your answers to any question.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Join the class").click()
    expect(page.get_by_role("heading", name="Assigned to you")).to_be_visible()
    expect(page.get_by_text("Before our next session, please.")).to_be_visible()
    assert Membership.objects.filter(user=parent, role="learner").exists()
    assert_accessible(page)

    # The parent completes the module's lessons with their "Mark as complete" buttons.
    page.get_by_role("link", name="How grooming starts").click()
    expect(page.get_by_role("heading", name="Assigned to you")).to_be_visible()
    assert_accessible(page)
    for title in ("Flattery and gifts", "Keeping secrets"):
        page.goto(base + module.url)
        page.get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        assert_accessible(page)
        page.get_by_role("button", name="Mark as complete").click()
        expect(page.get_by_text("You completed this lesson")).to_be_visible()
        assert_accessible(page)
    page.goto(base + "/learning/")
    expect(page.locator(".card", has_text="How grooming starts")).to_contain_text("Done")
    assert_accessible(page)
    log_out(page)

    # The teacher sees it completed.
    log_in(page, base, teacher)
    page.get_by_role("link", name="Teach", exact=True).click()
    page.get_by_role("link", name="Tuesday parent evening").click()
    row = page.get_by_role("row", name=re.compile("Pat Parent"))
    expect(row).to_contain_text("Completed")
    expect(row).to_contain_text("1 of 1")
    expect(page.get_by_text("1 of 1 completed (100%)")).to_be_visible()
    assert_accessible(page)
    # Sorting works without JavaScript: a link with the order in the query string.
    page.get_by_role("link", name="Completed", exact=True).click()
    expect(page).to_have_url(re.compile(r"\?sort=done$"))
    expect(page.get_by_role("columnheader", name="Completed")).to_have_attribute(
        "aria-sort", "ascending"
    )
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Manage the class")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage Tuesday parent evening")
    assert_accessible(page)
