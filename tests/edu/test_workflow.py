"""The Safety review workflow: Editors submit, Safety reviewers approve and publish.

Tests act as non-superuser members of the site's groups, through the Wagtail admin.
"""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowState
from wagtail.test.utils.form_data import rich_text

from courses.models import CourseIndexPage, LessonPage
from edu.workflows import SAFETY_REVIEW, assign_safety_review
from tests.courses.admin_forms import SOURCE, lesson_form
from tests.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)

migration = importlib.import_module("edu.migrations.0006_safety_review_workflow")


@pytest.fixture
def catalogue(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def module(catalogue):
    course = CoursePageFactory(parent=catalogue)
    return ModulePageFactory(parent=course)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk]
    )


def submit_lesson(client, module):
    response = client.post(
        add_url(LessonPage, module),
        lesson_form(
            [("paragraph", rich_text("<p>Groomers build trust first.</p>"))],
            sources=[SOURCE],
            **{"action-submit": "1"},
        ),
    )
    assert response.status_code == 302, response.context["form"].errors
    return LessonPage.objects.get(slug="gifts-and-secrets")


def task_state_of(page):
    state = WorkflowState.objects.for_instance(page).get()
    return state, state.current_task_state


def workflow_action_url(page, action):
    _state, task_state = task_state_of(page)
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


# --- the workflow as the migration made it ------------------------------------------------


def test_safety_review_is_one_group_approval_task_for_safety_reviewers(db):
    workflow = Workflow.objects.get(name=SAFETY_REVIEW)
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1
    assert isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.all()) == [Group.objects.get(name="Safety reviewers")]


def test_the_whole_tree_and_any_new_catalogue_are_under_safety_review(catalogue, module):
    assert WorkflowPage.objects.get(page=Page.get_first_root_node()).workflow.name == SAFETY_REVIEW
    lesson = LessonPageFactory(parent=module)
    assert lesson.get_workflow().name == SAFETY_REVIEW
    later = CourseIndexPageFactory(parent=catalogue.get_parent(), slug="more-courses")
    assert later.get_workflow().name == SAFETY_REVIEW


def test_the_migration_assigns_existing_catalogues_and_can_run_again(catalogue):
    WorkflowPage.objects.filter(page=catalogue).delete()
    migration.create_workflow(apps, None)
    migration.create_workflow(apps, None)
    assert WorkflowPage.objects.get(page=catalogue).workflow.name == SAFETY_REVIEW
    assert Workflow.objects.filter(name=SAFETY_REVIEW).count() == 1
    assert GroupApprovalTask.objects.filter(name=SAFETY_REVIEW).count() == 1


def test_the_migration_reverses_to_wagtails_default(db):
    migration.remove_workflow(apps, None)
    root = WorkflowPage.objects.get(page=Page.get_first_root_node())
    assert root.workflow.name == "Moderators approval"
    assert not Workflow.objects.filter(name=SAFETY_REVIEW).exists()
    migration.create_workflow(apps, None)  # leave the database as the other tests expect


def test_load_demo_puts_its_catalogues_under_safety_review(loaded_demo):
    # loaded_demo is what load_demo builds (a real run, tests/demo_db.py).
    catalogues = CourseIndexPage.objects.all()
    # The English catalogue and its Spanish translation (edu.demo.translate).
    assert {c.locale.language_code for c in catalogues} == {"en", "es"}
    for catalogue in catalogues:
        assert WorkflowPage.objects.get(page=catalogue).workflow.name == SAFETY_REVIEW


def test_assigning_needs_the_workflow(catalogue):
    Workflow.objects.filter(name=SAFETY_REVIEW).update(active=False)
    assert assign_safety_review(catalogue) is False


# --- editors submit, reviewers approve and publish ----------------------------------------


def test_editor_submits_a_lesson_for_safety_review(editor_client, module):
    lesson = submit_lesson(editor_client, module)
    state, task_state = task_state_of(lesson)
    assert state.workflow.name == SAFETY_REVIEW
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert task_state.task.name == SAFETY_REVIEW
    assert not lesson.live


def test_editor_cannot_publish_course_content(editor_client, editor, module):
    response = editor_client.post(
        add_url(LessonPage, module),
        lesson_form(
            [("paragraph", rich_text("<p>Text.</p>"))],
            sources=[SOURCE],
            **{"action-publish": "1"},
        ),
    )
    assert response.status_code in (302, 403)
    assert not LessonPage.objects.filter(live=True).exists()
    for page in (module, module.get_parent(), module.get_parent().get_parent()):
        assert not page.permissions_for_user(editor).can_publish()


def test_editor_cannot_approve_their_own_submission(editor_client, module):
    lesson = submit_lesson(editor_client, module)
    response = editor_client.post(workflow_action_url(lesson, "approve"), {"comment": ""})
    assert response.status_code in (302, 403)
    lesson.refresh_from_db()
    assert not lesson.live
    state, _task_state = task_state_of(lesson)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_reviewer_approves_and_the_lesson_is_published(client, editor, reviewer, module):
    client.force_login(editor)
    lesson = submit_lesson(client, module)
    client.force_login(reviewer)
    # The reviewer sees the task waiting on their dashboard.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Gifts and secrets" in dashboard
    response = client.post(workflow_action_url(lesson, "approve"), {"comment": "Checked."})
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live
    state = WorkflowState.objects.for_instance(lesson).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert lesson.live_revision.user == editor


def test_reviewer_can_send_a_lesson_back(client, editor, reviewer, module):
    client.force_login(editor)
    lesson = submit_lesson(client, module)
    client.force_login(reviewer)
    response = client.post(workflow_action_url(lesson, "reject"), {"comment": "Check the date."})
    assert response.status_code == 302
    lesson.refresh_from_db()
    assert not lesson.live
    state = WorkflowState.objects.for_instance(lesson).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
