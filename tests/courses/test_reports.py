"""Module completion and Due for review reports, learner data listings, edit-screen panels.

Tests act as non-superuser members of the site's groups: Safety reviewers read learner
figures, Editors read only what is due for review, nobody edits learner records.
"""

from __future__ import annotations

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.figures import completion_figures
from courses.models import Certificate, Progress
from courses.reports import format_duration
from courses.review import review_due_date
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
    QuizPageFactory,
    UserFactory,
)

MODULE_REPORT = "kinwise_course_reports:module_completion"
DUE_REPORT = "kinwise_course_reports:due_for_review"
NOW = timezone.now()


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def progress(learner, page, status, *, started_hours_ago=1.0, score=None, completed=True):
    first = NOW - datetime.timedelta(hours=started_hours_ago)
    done = status in ("completed", "passed")
    return Progress(
        learner=learner,
        page=page,
        translation_key=page.translation_key,
        status=status,
        score=score,
        first_viewed_at=first,
        last_viewed_at=NOW,
        completed_at=NOW if done and completed else None,
    )


def build_module(course, learners, *, title=None, completers=0, quiz_scores=()):
    """A module with two lessons and a quiz, and progress for ``learners``, as recording it
    leaves it (see ``courses.progress``): a module and a course row from the first view.

    Everyone views the first lesson (learner i i + 1 hours ago), which starts the module and
    the course; the first ``completers`` learners finish everything; ``quiz_scores`` are the
    quiz results of the first learners (80 and over pass).
    """
    module = ModulePageFactory(parent=course, **({"title": title} if title else {}))
    first, second = LessonPageFactory(parent=module), LessonPageFactory(parent=module)
    quiz = QuizPageFactory(parent=module)
    rows, course_rows = [], []
    for i, learner in enumerate(learners):
        hours = i + 1
        rows.append(progress(learner, first, "completed", started_hours_ago=hours))
        status = "completed" if i < completers else "started"
        rows.append(progress(learner, module, status, started_hours_ago=hours))
        course_rows.append(progress(learner, course, "started", started_hours_ago=hours))
        if i < completers:
            rows.append(progress(learner, second, "completed", started_hours_ago=0.5))
        if i < len(quiz_scores):
            score = quiz_scores[i]
            status = "passed" if score >= 80 else "failed"
            rows.append(progress(learner, quiz, status, started_hours_ago=0.2, score=score))
    Progress.objects.bulk_create(rows)
    # A learner already in the course (an earlier module) keeps their course row.
    Progress.objects.bulk_create(course_rows, ignore_conflicts=True)
    return module


@pytest.fixture
def course(catalogue):
    return CoursePageFactory(parent=catalogue, title="Spotting grooming")


@pytest.fixture
def learners(db):
    return [UserFactory() for _ in range(8)]


# --- figures -----------------------------------------------------------------------------


def test_module_figures_count_learners_rates_and_medians(course, learners):
    module = build_module(course, learners, completers=6, quiz_scores=[100, 90, 80, 70, 60, 50, 40])
    figures = completion_figures([module])[module.pk]
    assert (figures.started, figures.completed) == (8, 6)
    assert figures.completion_rate == 75
    assert (figures.graded, figures.passed, figures.pass_rate) == (7, 3, 43)
    assert figures.median_score == 70
    # Completers started 1..6 hours before finishing: the median is 3.5 hours.
    assert figures.median_time == datetime.timedelta(hours=3.5)
    assert figures.median_minutes == 210


def test_rates_and_medians_from_fewer_than_five_learners_are_withheld(course, learners):
    module = build_module(course, learners[:4], completers=4, quiz_scores=[90, 90, 10, 10])
    figures = completion_figures([module])[module.pk]
    assert (figures.started, figures.completed, figures.graded) == (4, 4, 4)
    assert figures.pass_rate is None
    assert figures.median_score is None
    assert figures.median_time is None


def test_the_threshold_is_the_sites_aggregate_setting(course, learners, settings):
    settings.KINWISE_MIN_AGGREGATE_LEARNERS = 3
    module = build_module(course, learners[:4], completers=4, quiz_scores=[90, 90, 10, 10])
    figures = completion_figures([module])[module.pk]
    assert (figures.pass_rate, figures.median_score) == (50, 50)
    assert figures.median_time == datetime.timedelta(hours=2.5)


def test_figures_of_a_course_span_its_modules(course, learners):
    build_module(course, learners[:6], completers=6, quiz_scores=[90] * 6)
    build_module(course, learners[2:], completers=0, quiz_scores=[50] * 6)
    figures = completion_figures([course])[course.pk]
    assert figures.started == 8
    assert figures.completed == 0  # everybody's course row is only started
    assert (figures.graded, figures.passed) == (12, 6)
    assert figures.median_score == 70


def test_figures_of_a_unit_without_learners_are_zero(course):
    module = ModulePageFactory(parent=course)
    figures = completion_figures([module])[module.pk]
    assert (figures.started, figures.completed, figures.completion_rate) == (0, 0, None)


def test_durations_read_as_people_say_them():
    assert format_duration(datetime.timedelta(minutes=45)) == "45 min"
    assert format_duration(datetime.timedelta(hours=3, minutes=20)) == "3 h 20 min"
    assert format_duration(datetime.timedelta(days=2, hours=4)) == "2 days 4 h"
    assert format_duration(None) == ""


# --- module completion report -------------------------------------------------------------


def test_reviewer_reads_module_completion(reviewer_client, course, learners):
    build_module(course, learners, title="How grooming starts", completers=6, quiz_scores=[90] * 6)
    response = reviewer_client.get(reverse(MODULE_REPORT))
    assert response.status_code == 200
    html = response.content.decode()
    assert "How grooming starts" in html
    assert "Spotting grooming" in html
    row = response.context["object_list"][0]
    assert (row.figures.started, row.figures.completed, row.figures.pass_rate) == (8, 6, 100)


def test_module_completion_filters_by_course(reviewer_client, catalogue, course, learners):
    other = CoursePageFactory(parent=catalogue, title="Locking down apps")
    build_module(course, learners, title="In the first course")
    build_module(other, learners, title="In the second course")
    response = reviewer_client.get(reverse(MODULE_REPORT), {"course": other.pk})
    assert [m.title for m in response.context["object_list"]] == ["In the second course"]


def test_module_completion_exports_csv_and_xlsx(reviewer_client, course, learners):
    build_module(course, learners, title="Gifts", completers=6, quiz_scores=[90] * 5 + [10])
    response = reviewer_client.get(reverse(MODULE_REPORT), {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="module-completion.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Course", "Module", "Learners who started", "Learners who completed"]
    assert rows[1][:8] == ["Spotting grooming", "Gifts", "8", "6", "75", "83", "90", "210"]

    response = reviewer_client.get(reverse(MODULE_REPORT), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]][:4] == ["Spotting grooming", "Gifts", 8, 6]


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(captured)


def report_query_counts(client, name, params=None) -> dict:
    """Queries for the report page (Wagtail's admin around it included), the page with a
    filter applied, its results fragment (filtering, sorting, paging in the admin) and its
    CSV export, each a whole request: session, user, permissions included."""
    client.get(reverse(name))  # warm per-process caches (content types, site root paths)
    return {
        "page": count_queries(client, reverse(name)),
        "filtered": count_queries(client, reverse(name), params),
        "results": count_queries(client, reverse(f"{name}_results")),
        "export": count_queries(client, reverse(name), {"export": "csv"}),
    }


def bulk_learners(count: int) -> list:
    User = get_user_model()
    User.objects.bulk_create(User(email=f"bulk-learner-{i}@example.com") for i in range(count))
    return list(User.objects.filter(email__startswith="bulk-learner-").order_by("pk"))


REPORT_BUDGET = 10  # queries for a whole report page (DESIGN.md)


def test_module_completion_queries_do_not_grow_with_modules_or_learners(
    reviewer_client, course, learners
):
    for _ in range(3):
        build_module(course, learners[:5], completers=5, quiz_scores=[85] * 5)
    few = report_query_counts(reviewer_client, MODULE_REPORT, {"course": course.pk})
    many_learners = bulk_learners(500)
    for i in range(27):
        build_module(course, many_learners[: 5 + 18 * i], completers=5 + i, quiz_scores=[85] * 9)
    many = report_query_counts(reviewer_client, MODULE_REPORT, {"course": course.pk})
    response = reviewer_client.get(reverse(MODULE_REPORT))
    assert len(response.context["object_list"]) == 30
    assert max(row.figures.started for row in response.context["object_list"]) == 473
    print(f"module completion queries, 3 modules × 5 learners: {few}; 30 × 5–473: {many}")
    assert few == many
    assert max(many.values()) <= REPORT_BUDGET, many


def assert_denied(response):
    """Wagtail's refusal: a redirect to the dashboard with a message (403 for AJAX)."""
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    assert not getattr(response, "streaming", False)


def test_editors_cannot_read_learner_figures(editor_client, course, learners):
    build_module(course, learners)
    assert_denied(editor_client.get(reverse(MODULE_REPORT)))
    assert_denied(editor_client.get(reverse(MODULE_REPORT), {"export": "csv"}))
    assert_denied(editor_client.get(reverse(f"{MODULE_REPORT}_results")))
    menu = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Module completion" not in menu
    assert "Due for review" in menu


@pytest.mark.parametrize("who", ["parent", "teacher", "anonymous"])
def test_people_outside_the_admin_are_turned_away(client, request, who):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    for name in (MODULE_REPORT, DUE_REPORT):
        response = client.get(reverse(name))
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response.url.startswith(reverse("wagtailadmin_login"))


# --- due for review ----------------------------------------------------------------------


def guide(platform, verified: datetime.date, block_id="guide-1"):
    return {
        "type": "privacy_guide",
        "id": block_id,
        "value": {
            "platform": platform.pk,
            "applies_to": "iOS app, 2025",
            "last_verified": verified.isoformat(),
            "intro": "",
            "steps": [{"instruction": "Open settings.", "menu_path": "", "screenshot": None}],
        },
    }


@pytest.fixture
def due_content(course):
    """Lessons and guides on both sides of today + 30 days."""
    today = timezone.localdate()
    module = ModulePageFactory(parent=course)
    instagram = PlatformFactory(name="Instagram", slug="instagram")
    snapchat = PlatformFactory(name="Snapchat", slug="snapchat")
    overdue = LessonPageFactory(
        parent=module,
        title="Overdue lesson",
        last_verified=today - datetime.timedelta(days=200),
        review_interval_months=6,
        platforms=[instagram],
    )
    LessonPageFactory(
        parent=module,
        title="Fresh lesson with a stale guide",
        last_verified=today,
        body=[
            {"type": "paragraph", "value": "<p>Text.</p>", "id": "p"},
            guide(snapchat, today - datetime.timedelta(days=170), "stale-guide"),
            guide(instagram, today, "fresh-guide"),
        ],
    )
    LessonPageFactory(parent=module, title="Fresh lesson", last_verified=today)
    LessonPageFactory(parent=module, title="Never verified", last_verified=None)
    return {"overdue": overdue, "instagram": instagram, "snapchat": snapchat}


def test_due_for_review_lists_lessons_and_guides_due_within_30_days(editor_client, due_content):
    response = editor_client.get(reverse(DUE_REPORT))
    assert response.status_code == 200
    items = response.context["object_list"]
    titles = [item.title for item in items]
    assert titles[0] == "Never verified"  # due now: first
    assert "Overdue lesson" in titles
    guides = [item for item in items if item.kind == "privacy_guide"]
    assert [(g.block_id, g.platform_names) for g in guides] == [("stale-guide", "Snapchat")]
    assert "Fresh lesson" not in titles
    overdue = next(item for item in items if item.title == "Overdue lesson")
    assert overdue.platform_names == "Instagram"
    assert overdue.course_title == "Spotting grooming"
    assert overdue.status_label.startswith("Overdue by")
    html = response.content.decode()
    assert "Snapchat privacy guide (iOS app, 2025)" in html


def test_due_for_review_filters(editor_client, due_content):
    url = reverse(DUE_REPORT)
    kinds = editor_client.get(url, {"kind": "privacy_guide"}).context["object_list"]
    assert [item.block_id for item in kinds] == ["stale-guide"]
    platform = due_content["instagram"].pk
    by_platform = editor_client.get(url, {"platform": platform}).context["object_list"]
    assert [item.title for item in by_platform] == ["Overdue lesson"]
    # 170 days after verification, the guide falls due within 30 days: soon, not overdue.
    soon = editor_client.get(url, {"status": "due_soon"}).context["object_list"]
    assert [item.block_id for item in soon] == ["stale-guide"]
    overdue = editor_client.get(url, {"status": "overdue"}).context["object_list"]
    assert {item.title for item in overdue} == {"Never verified", "Overdue lesson"}


def test_the_notice_period_is_a_setting(editor_client, due_content, settings):
    settings.KINWISE_REVIEW_NOTICE_DAYS = 5
    items = editor_client.get(reverse(DUE_REPORT)).context["object_list"]
    assert "stale-guide" not in [item.block_id for item in items]
    assert "Overdue lesson" in [item.title for item in items]


def test_due_for_review_exports(editor_client, due_content):
    response = editor_client.get(reverse(DUE_REPORT), {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["Lesson or guide", "Kind", "Platform"]
    assert {row[1] for row in rows[1:]} == {"Lesson", "Privacy guide"}
    assert len(rows) == 1 + 3


def add_due_lessons(module, count):
    old = timezone.localdate() - datetime.timedelta(days=400)
    for _ in range(count):
        platform = PlatformFactory()
        LessonPageFactory(
            parent=module, last_verified=old, platforms=[platform], body=[guide(platform, old)]
        )


@pytest.mark.parametrize("who", ["editor", "reviewer"])
def test_due_for_review_queries_do_not_grow_with_lessons(client, request, course, who):
    client.force_login(request.getfixturevalue(who))
    module = ModulePageFactory(parent=course)
    add_due_lessons(module, 3)
    few = report_query_counts(client, DUE_REPORT, {"course": course.pk, "kind": "lesson"})
    add_due_lessons(module, 27)
    many = report_query_counts(client, DUE_REPORT, {"course": course.pk, "kind": "lesson"})
    response = client.get(reverse(DUE_REPORT), {"export": "csv"})
    assert len(b"".join(response.streaming_content).decode().strip().splitlines()) == 1 + 60
    print(f"due for review queries ({who}), 3 lessons: {few}; 30 lessons: {many}")
    assert few == many
    assert max(many.values()) <= REPORT_BUDGET, many


def test_review_due_date_adds_calendar_months():
    assert review_due_date(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert review_due_date(datetime.date(2025, 11, 15), 6) == datetime.date(2026, 5, 15)


# --- learner data ------------------------------------------------------------------------


@pytest.fixture
def learner_data_viewer(db):
    """A staff member of a group that holds only the view permissions on learner records."""
    group = Group.objects.create(name="Learner data viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        *Permission.objects.filter(codename__in=["view_progress", "view_certificate"]),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


@pytest.fixture
def records(course, learners):
    module = build_module(course, learners[:2], completers=1)
    Certificate.objects.create(
        learner=learners[0],
        course=course,
        translation_key=course.translation_key,
        learner_name="Pat",
        issued_at=NOW,
    )
    return module


def test_staff_with_view_permission_read_learner_records(client, learner_data_viewer, records):
    client.force_login(learner_data_viewer)
    progress_row = Progress.objects.first()
    response = client.get(reverse("progress:index"))
    assert response.status_code == 200
    assert progress_row.learner.email in response.content.decode()
    assert client.get(reverse("progress:inspect", args=[progress_row.pk])).status_code == 200
    assert client.get(reverse("certificate:index")).status_code == 200
    csv_response = client.get(reverse("progress:index"), {"export": "csv"})
    assert progress_row.learner.email in b"".join(csv_response.streaming_content).decode()


@pytest.mark.parametrize("fixture", ["learner_data_viewer", "superuser"])
def test_learner_records_are_read_only_for_everyone(client, request, fixture, records):
    client.force_login(request.getfixturevalue(fixture))
    row = Progress.objects.first()
    for name, args in [("add", []), ("edit", [row.pk]), ("delete", [row.pk])]:
        assert_denied(client.get(reverse(f"progress:{name}", args=args)))
    assert_denied(client.post(reverse("progress:delete", args=[row.pk])))
    assert Progress.objects.filter(pk=row.pk).exists()
    listing = client.get(reverse("progress:index")).content.decode()
    assert reverse("progress:edit", args=[row.pk]) not in listing


@pytest.mark.parametrize("fixture", ["editor", "reviewer"])
def test_editors_and_reviewers_never_see_learner_records(client, request, fixture, records):
    client.force_login(request.getfixturevalue(fixture))
    row = Progress.objects.first()
    assert_denied(client.get(reverse("progress:index")))
    assert_denied(client.get(reverse("progress:inspect", args=[row.pk])))
    assert_denied(client.get(reverse("certificate:index")))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Learner data" not in home
    assert row.learner.email not in home


# --- edit-screen panels ------------------------------------------------------------------


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_reviewer_sees_module_figures_on_the_module_edit_screen(reviewer_client, course, learners):
    module = build_module(course, learners, completers=6, quiz_scores=[100, 90, 80, 70, 60])
    response = reviewer_client.get(edit_url(module))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Median time to complete" in html
    assert "3 h 30 min" in html
    assert "80%" in html  # median quiz score
    assert reverse(MODULE_REPORT) in html


def test_course_edit_screen_shows_each_module(reviewer_client, course, learners):
    build_module(course, learners, title="First module", completers=6)
    build_module(course, learners[:3], title="Second module")
    html = reviewer_client.get(edit_url(course)).content.decode()
    assert "Learners by module" in html
    assert "First module" in html and "Second module" in html


def test_editors_do_not_see_learner_figures_on_edit_screens(editor_client, course, learners):
    module = build_module(course, learners, completers=6)
    for page in (course, module):
        response = editor_client.get(edit_url(page))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Median time to complete" not in html
        assert reverse(MODULE_REPORT) not in html


def test_the_add_screen_has_no_figures(reviewer_client, course):
    url = reverse("wagtailadmin_pages:add", args=["courses", "modulepage", course.pk])
    response = reviewer_client.get(url)
    assert response.status_code == 200
    assert "Median time to complete" not in response.content.decode()


def test_classes_are_learner_data_too(client, superuser, editor, db):
    from courses.models import Assignment, Classroom, Membership

    classroom = Classroom.objects.create(name="Parents' evening")
    Membership.objects.create(classroom=classroom, user=editor, role="learner")
    client.force_login(superuser)
    for name in ("classroom", "membership", "assignment"):
        assert client.get(reverse(f"{name}:index")).status_code == 200
    listing = client.get(reverse("classroom:index")).content.decode()
    assert "Parents&#x27; evening" in listing
    assert classroom.join_code not in listing
    assert_denied(client.get(reverse("classroom:edit", args=[classroom.pk])))
    assert_denied(client.post(reverse("classroom:delete", args=[classroom.pk])))
    assert Classroom.objects.filter(pk=classroom.pk).exists()
    assert Assignment.objects.count() == 0
    client.force_login(editor)
    assert_denied(client.get(reverse("membership:index")))
