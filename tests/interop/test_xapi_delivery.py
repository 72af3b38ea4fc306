"""Delivery: nothing without an endpoint, a down or hanging LRS never breaks a request, failed
statements can be resent from the admin (by whom), and production's database queue."""

from __future__ import annotations

import io
import socket

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from courses.completion import progress_stored
from courses.xapi.emit import on_progress_stored
from courses.xapi.models import OutgoingStatement
from tests.factories import PASSWORD, LessonPageFactory, UserFactory

from .conftest import free_port
from .journey import build_course, take_quiz

pytestmark = pytest.mark.django_db

LISTING = "kinwise_xapi_statements:index"
RESEND_ALL = "kinwise_xapi_statements:resend_failed"
# Locales, ancestors, the assigning class, earlier initialized statements, a savepoint, the insert.
MAX_EXTRA_QUERIES = 8


def first_view_queries(client, module):
    lesson = LessonPageFactory(parent=module)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(lesson.url).status_code == 200
    return len(ctx.captured_queries)


def test_without_an_endpoint_nothing_is_stored_or_queued_and_no_query_is_added(
    client, home_page, parent, settings, django_capture_on_commit_callbacks
):
    settings.KINWISE_XAPI_ENDPOINT = ""
    c = build_course(home_page, parent)
    client.force_login(parent)
    client.get(c.lessons[1].url)  # warm per-process caches

    # A first view writes progress (so progress_stored is sent): the receiver costs nothing.
    with django_capture_on_commit_callbacks() as callbacks:
        with_receiver = first_view_queries(client, c.module)
    progress_stored.disconnect(dispatch_uid="kinwise_xapi_statements")
    try:
        without_receiver = first_view_queries(client, c.module)
    finally:
        progress_stored.connect(on_progress_stored, dispatch_uid="kinwise_xapi_statements")
    assert with_receiver == without_receiver
    assert callbacks == []

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        client.post(c.lessons[0].url + "complete/")
        take_quiz(client, c.quiz, right=True)
    assert not OutgoingStatement.objects.exists()
    assert callbacks == []

    # The signed-in lesson page's budget (DESIGN.md) holds on a repeat view.
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(c.lessons[1].url).status_code == 200
    assert len(ctx.captured_queries) <= 12


def test_with_an_endpoint_a_first_view_and_a_completion_cost_a_few_queries_more(
    client, home_page, parent, xapi_settings, settings, django_capture_on_commit_callbacks
):
    """Statements are built and stored in the request (sent after it): a bounded cost, the
    same for a module of 3 or 30 lessons."""
    c = build_course(home_page, parent)
    client.force_login(parent)
    client.get(c.lessons[1].url)  # warm per-process caches

    def costs(endpoint, extra_lessons=0):
        settings.KINWISE_XAPI_ENDPOINT = endpoint
        for _ in range(extra_lessons):
            LessonPageFactory(parent=c.module)
        lesson = LessonPageFactory(parent=c.module)
        # Statements are built and stored in the request; sending is the commit's business.
        with django_capture_on_commit_callbacks(execute=False):
            with CaptureQueriesContext(connection) as view:
                assert client.get(lesson.url).status_code == 200
            with CaptureQueriesContext(connection) as complete:
                assert client.post(lesson.url + "complete/").status_code == 302
            with CaptureQueriesContext(connection) as again:
                assert client.get(lesson.url).status_code == 200
        return (
            len(view.captured_queries),
            len(complete.captured_queries),
            len(again.captured_queries),
        )

    off = costs("")
    on = costs(xapi_settings.KINWISE_XAPI_ENDPOINT)
    assert on[0] - off[0] <= MAX_EXTRA_QUERIES, (off, on)
    assert on[1] - off[1] <= MAX_EXTRA_QUERIES, (off, on)
    assert on[2] == off[2], "a repeat view records nothing new and builds no statement"
    assert costs(xapi_settings.KINWISE_XAPI_ENDPOINT, extra_lessons=27) == on


@pytest.fixture
def hanging_lrs():
    """Accepts connections (the kernel's backlog) and never answers."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/xAPI/"


@pytest.mark.parametrize("down", ["refused", "hanging"])
def test_a_down_lrs_never_breaks_the_request_and_statements_fail_after_the_retries(
    request, client, home_page, parent, xapi_settings, django_capture_on_commit_callbacks, down
):
    if down == "refused":
        xapi_settings.KINWISE_XAPI_ENDPOINT = f"http://127.0.0.1:{free_port()}/xAPI/"
    else:
        xapi_settings.KINWISE_XAPI_ENDPOINT = request.getfixturevalue("hanging_lrs")
        xapi_settings.KINWISE_XAPI_TIMEOUT = 0.2
    xapi_settings.KINWISE_XAPI_MAX_ATTEMPTS = 3
    c = build_course(home_page, parent)
    client.force_login(parent)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(c.lessons[0].url + "complete/")
    assert response.status_code == 302
    assert response.url.endswith("#lesson-status")

    rows = list(OutgoingStatement.objects.all())
    # Course, module and lesson initialized, lesson completed.
    assert sorted(row.verb for row in rows) == ["completed"] + ["initialized"] * 3
    for row in rows:
        assert row.status == OutgoingStatement.Status.FAILED
        assert row.attempts == 3
        assert row.last_error
        assert row.sent_at is None
    # The learner's progress was kept all the same.
    assert client.get(c.lessons[0].url).context["lesson_progress"].is_complete


def resender(db):
    group = Group.objects.create(name="xAPI operators")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingstatement"),
        Permission.objects.get(codename="resend_outgoingstatement"),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def viewer_only(db):
    group = Group.objects.create(name="xAPI readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outgoingstatement"),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def assert_denied(response):
    """Wagtail's refusal: a redirect to the dashboard with a message."""
    assert response.status_code == 302, response.status_code
    assert response.url == reverse("wagtailadmin_home")


def failed_statements(client, home_page, parent, xapi_settings, capture):
    xapi_settings.KINWISE_XAPI_ENDPOINT = f"http://127.0.0.1:{free_port()}/xAPI/"
    xapi_settings.KINWISE_XAPI_MAX_ATTEMPTS = 2
    c = build_course(home_page, parent)
    client.force_login(parent)
    with capture(execute=True):
        client.post(c.lessons[0].url + "complete/")
    client.logout()
    assert set(OutgoingStatement.objects.values_list("status", flat=True)) == {"failed"}
    return c


def test_failed_statements_are_listed_and_resent_once_the_lrs_is_up(
    client, home_page, parent, xapi_settings, lrs, django_capture_on_commit_callbacks
):
    failed_statements(client, home_page, parent, xapi_settings, django_capture_on_commit_callbacks)
    operator = resender(None)
    client.force_login(operator)
    listing = client.get(reverse(LISTING))
    assert listing.status_code == 200
    html = listing.content.decode()
    assert reverse(RESEND_ALL) in html
    assert "Failed" in html
    assert parent.email not in html  # statements, not people

    # The LRS is back.
    xapi_settings.KINWISE_XAPI_ENDPOINT = lrs.url
    confirm = client.get(reverse(RESEND_ALL))
    assert confirm.status_code == 200
    assert "4 failed statements" in confirm.content.decode()
    response = client.post(reverse(RESEND_ALL))
    assert response.status_code == 302
    rows = list(OutgoingStatement.objects.all())
    assert {row.status for row in rows} == {"sent"}
    received = lrs.statements(agent=rows[0].payload["actor"])
    assert {s["id"] for s in received} == {str(row.statement_id) for row in rows}

    # One at a time too (nothing failed is left, so the single resend finds nothing).
    single = reverse("kinwise_xapi_statements:resend", args=[rows[0].pk])
    assert client.get(single).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "editor", "reviewer", "viewer_only"])
def test_resending_and_listing_are_refused_without_the_permissions(
    client, home_page, parent, xapi_settings, django_capture_on_commit_callbacks, who, request
):
    failed_statements(client, home_page, parent, xapi_settings, django_capture_on_commit_callbacks)
    row = OutgoingStatement.objects.first()
    single = reverse("kinwise_xapi_statements:resend", args=[row.pk])
    if who == "anonymous":
        for url in (reverse(LISTING), reverse(RESEND_ALL), single):
            response = client.get(url)
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))
        response = client.post(reverse(RESEND_ALL))
        assert response.url.startswith(reverse("wagtailadmin_login"))
    else:
        user = viewer_only(None) if who == "viewer_only" else request.getfixturevalue(who)
        client.force_login(user)
        listing = client.get(reverse(LISTING))
        if who == "viewer_only":
            assert listing.status_code == 200
            assert reverse(RESEND_ALL) not in listing.content.decode()
        else:
            assert_denied(listing)
            assert_denied(client.get(reverse("kinwise_xapi_statements:inspect", args=[row.pk])))
        assert_denied(client.get(reverse(RESEND_ALL)))
        assert_denied(client.post(reverse(RESEND_ALL)))
        assert_denied(client.post(single))
    # Nothing was queued again.
    row.refresh_from_db()
    assert row.status == OutgoingStatement.Status.FAILED
    assert row.attempts == 2


def test_in_production_the_request_only_queues_and_the_worker_sends_with_backoff(
    client, home_page, parent, xapi_settings, lrs, django_capture_on_commit_callbacks, monkeypatch
):
    # The worker closes "old" connections between tasks, which on PostgreSQL would close the
    # test's own transaction: its connection hygiene is not what this test is about.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )
    xapi_settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "xapi": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    xapi_settings.KINWISE_XAPI_TASK_BACKEND = "xapi"
    xapi_settings.KINWISE_XAPI_RETRY_DELAY = 3600
    up = xapi_settings.KINWISE_XAPI_ENDPOINT
    xapi_settings.KINWISE_XAPI_ENDPOINT = f"http://127.0.0.1:{free_port()}/xAPI/"
    c = build_course(home_page, parent)
    client.force_login(parent)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(c.lessons[0].url + "complete/").status_code == 302
    # The request stored and queued the statements; it sent nothing.
    assert set(OutgoingStatement.objects.values_list("attempts", flat=True)) == {0}
    assert DBTaskResult.objects.count() == 1

    # The worker tries once, the LRS is down: each statement is re-queued an hour later.
    call_command("db_worker", "--batch", "--backend", "xapi", "--no-startup-delay", verbosity=0)
    rows = list(OutgoingStatement.objects.all())
    assert {(row.status, row.attempts) for row in rows} == {("pending", 1)}
    deferred = DBTaskResult.objects.filter(status="READY")
    assert deferred.count() == len(rows)
    for task in deferred:
        assert task.run_after is not None
        assert 3500 < (task.run_after - rows[0].created_at).total_seconds() < 3700

    # An hour later the LRS is up again and the worker delivers.
    xapi_settings.KINWISE_XAPI_ENDPOINT = up
    deferred.update(run_after=timezone.now())
    call_command("db_worker", "--batch", "--backend", "xapi", "--no-startup-delay", verbosity=0)
    assert set(OutgoingStatement.objects.values_list("status", flat=True)) == {"sent"}
    assert len(lrs.statements(agent=rows[0].payload["actor"])) == len(rows)


def test_the_command_sends_statements_left_pending(
    client, home_page, parent, xapi_settings, lrs, django_capture_on_commit_callbacks
):
    c = build_course(home_page, parent)
    client.force_login(parent)
    # The commit's callback is lost (as when the task queue was unreachable).
    with django_capture_on_commit_callbacks(execute=False):
        client.post(c.lessons[0].url + "complete/")
    assert set(OutgoingStatement.objects.values_list("status", flat=True)) == {"pending"}
    call_command("send_xapi_statements", "--now", stdout=io.StringIO())
    rows = list(OutgoingStatement.objects.all())
    assert {row.status for row in rows} == {"sent"}
    assert len(lrs.statements(agent=rows[0].payload["actor"])) == len(rows)


def test_statements_are_in_the_learners_download_and_go_with_the_account(
    client, home_page, parent, other_parent, xapi_settings, django_capture_on_commit_callbacks
):
    c = failed_statements(
        client, home_page, parent, xapi_settings, django_capture_on_commit_callbacks
    )
    client.force_login(other_parent)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(c.lessons[1].url + "complete/")
    mine = set(
        OutgoingStatement.objects.filter(learner=parent).values_list("statement_id", flat=True)
    )
    theirs = set(
        OutgoingStatement.objects.filter(learner=other_parent).values_list(
            "statement_id", flat=True
        )
    )
    assert mine and theirs

    client.force_login(parent)
    data = client.get(reverse("my_data_download")).json()
    exported = {row["statement"]["id"] for row in data["courses.outgoingstatement"]}
    assert exported == {str(i) for i in mine}

    response = client.post(reverse("delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not OutgoingStatement.objects.filter(statement_id__in=mine).exists()
    assert set(OutgoingStatement.objects.values_list("statement_id", flat=True)) == theirs
