"""Every query budget of the design (../shared/DESIGN.md, "Budgets") in one module.

- any learner page (lesson, quiz, course, module, My learning): ≤ 12, the same for 3 or 30
  children;
- teacher class dashboard: ≤ 15, the same for 10 or 300 learners and 1 or 20 assignments;
- quiz submission: ≤ 20, the same for 5 or 50 questions;
- admin report page: ≤ 10 whatever the row count.

Each count is a whole request after one warm-up request (per-process caches such as content
types and site root paths are warm on a running site), with the session, the user and the
learner's progress included, under production's cache settings: sessions read through the
cache (``cached_db``) and lesson bodies from it (``KINWISE_FRAGMENT_CACHE``). The anonymous
page cache stays off here, so visitors' pages are counted as rendered. The tests next to each
feature assert these too; this module is the one place that holds them all, so a page cannot
drift past its budget unnoticed.
"""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail_factories import ImageFactory

from courses.completion import ProgressStatus as S
from courses.models import Progress
from courses.progress import DatabaseStore, record
from quizzes.models import QuizAttempt
from tests.courses.conftest import catalogue, course, offline_embeds  # noqa: F401
from tests.courses.teach_support import make_class
from tests.courses.test_lesson import rich_body
from tests.courses.test_teach_dashboard import build_class, dashboard_url
from tests.factories import (
    CoursePageFactory,
    HelpResourceFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
    QuizPageFactory,
    UserFactory,
    quiz_questions,
)
from tests.quizzes.conftest import make_quiz, module_page  # noqa: F401
from tests.quizzes.test_queries import measure

pytestmark = pytest.mark.django_db

LEARNER_PAGE = 12
CLASS_DASHBOARD = 15
QUIZ_SUBMISSION = 20
ADMIN_REPORT = 10


@pytest.fixture(autouse=True)
def production_caches(settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.KINWISE_FRAGMENT_CACHE = "default"
    settings.KINWISE_ROUTE_CACHE = "default"
    settings.KINWISE_SHELL_CACHE = "default"


def count(client, url, expect=200) -> int:
    client.get(url)  # warm per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        assert response.status_code == expect, url
        if response.streaming:
            b"".join(response.streaming_content)
    print(f"\n{url}: {len(captured)} queries")
    for query in captured.captured_queries:
        print("   ", query["sql"][:160])
    return len(captured)


def sign_in(client, user, signed_in: bool) -> None:
    if signed_in:
        client.force_login(user)
    else:
        client.logout()


def assert_flat(small: int, large: int, budget: int, what: str) -> None:
    assert small <= budget, f"{what}: {small} queries, budget {budget}"
    assert large <= budget, f"{what} (large): {large} queries, budget {budget}"
    assert small == large, f"{what}: {small} queries for few children, {large} for many"


# --- Learner pages: ≤ 12, the same for 3 or 30 children -------------------------------------


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_lesson_page(client, parent, course, signed_in):  # noqa: F811
    blocks = rich_body(PlatformFactory(slug="snap"), HelpResourceFactory(), ImageFactory())
    counts = []
    for siblings in (3, 30):
        module = ModulePageFactory(parent=course, title=f"{siblings} lessons")
        lessons = [LessonPageFactory(parent=module, body=blocks) for _ in range(siblings)]
        record(DatabaseStore(parent), lessons[0], S.COMPLETED)
        sign_in(client, parent, signed_in)
        counts.append(count(client, lessons[1].url))
    assert_flat(*counts, LEARNER_PAGE, "lesson page")


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_module_page(client, parent, course, signed_in):  # noqa: F811
    counts = []
    for children in (3, 30):
        module = ModulePageFactory(parent=course, title=f"{children} lessons")
        lessons = [LessonPageFactory(parent=module) for _ in range(children - 1)]
        QuizPageFactory(parent=module)
        record(DatabaseStore(parent), lessons[0], S.COMPLETED)
        sign_in(client, parent, signed_in)
        counts.append(count(client, module.url))
    assert_flat(*counts, LEARNER_PAGE, "module page")


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_course_page(client, parent, catalogue, signed_in):  # noqa: F811
    counts = []
    for children in (3, 30):
        course_page = CoursePageFactory(parent=catalogue, title=f"{children} modules")
        for i in range(children):
            lesson = LessonPageFactory(parent=ModulePageFactory(parent=course_page))
            if i % 2 == 0:
                record(DatabaseStore(parent), lesson, S.COMPLETED)
        sign_in(client, parent, signed_in)
        counts.append(count(client, course_page.url))
    assert_flat(*counts, LEARNER_PAGE, "course page")


def test_my_learning(client, parent, catalogue):  # noqa: F811
    counts = []
    for courses in (3, 30):
        for i in range(courses):
            course_page = CoursePageFactory(parent=catalogue, title=f"{courses}-{i}")
            lesson = LessonPageFactory(parent=ModulePageFactory(parent=course_page))
            record(DatabaseStore(parent), lesson, S.STARTED)
        client.force_login(parent)
        counts.append(count(client, reverse("kinwise:my_learning")))
    assert_flat(*counts, LEARNER_PAGE, "My learning")


# --- Quiz: the page ≤ 12 and a submission ≤ 20, the same for 5 or 50 questions --------------


@pytest.mark.parametrize("signed_in", [True, False], ids=["learner", "visitor"])
def test_quiz_page_and_submission(client, parent, make_quiz, signed_in):  # noqa: F811
    if signed_in:
        client.force_login(parent)
    measure(client, make_quiz, 5)  # the first attempt warms the session and progress rows
    five, fifty = measure(client, make_quiz, 5), measure(client, make_quiz, 50)
    for step in ("intro", "questions", "result"):
        assert_flat(five[step], fifty[step], LEARNER_PAGE, f"quiz page ({step})")
    assert_flat(five["start"], fifty["start"], QUIZ_SUBMISSION, "quiz start")
    assert_flat(five["submit"], fifty["submit"], QUIZ_SUBMISSION, "quiz submission")


# --- Teacher class dashboard: ≤ 15, the same for 10 × 1 or 300 × 20 -------------------------


def test_class_dashboard(client, teacher, catalogue):  # noqa: F811
    counts = []
    for learners, assignments in ((10, 1), (300, 20)):
        classroom = make_class(teacher, name=f"{learners} x {assignments}")
        build_class(classroom, catalogue, learners, assignments)
        client.force_login(teacher)
        counts.append(count(client, dashboard_url(classroom)))
    assert_flat(*counts, CLASS_DASHBOARD, "class dashboard")


# --- Admin reports: ≤ 10 whatever the row count ----------------------------------------------

REPORTS = [
    "kinwise_course_reports:module_completion",
    "kinwise_quiz_reports:question_analysis",
    "kinwise_course_reports:due_for_review",
]


def add_report_rows(course_page, learners, modules: int) -> None:
    """Modules with a lesson due for review and a quiz, progress and graded attempts."""
    now = timezone.now()
    for m in range(modules):
        module = ModulePageFactory(parent=course_page)
        lesson = LessonPageFactory(
            parent=module, last_verified=datetime.date(2020, 1, 1), review_interval_months=6
        )
        quiz = QuizPageFactory(parent=module, questions=quiz_questions(3))
        quiz.save_revision().publish()
        served = quiz.serve_new_attempt_questions()
        answers = {item["id"]: {"response": 0, "score": 1.0, "correct": True} for item in served}
        rows, attempts = [], []
        for i, learner in enumerate(learners):
            for page, status in ((lesson, "completed"), (quiz, "passed"), (module, "completed")):
                rows.append(
                    Progress(
                        learner=learner,
                        page=page,
                        translation_key=page.translation_key,
                        status=status,
                        score=90 if page is quiz else None,
                        first_viewed_at=now - datetime.timedelta(hours=i + m + 2),
                        last_viewed_at=now,
                        completed_at=now,
                    )
                )
            attempts.append(
                QuizAttempt(
                    quiz=quiz,
                    learner=learner,
                    number=1,
                    served=served,
                    answers=answers,
                    submitted_at=now,
                    score=100,
                    passed=True,
                )
            )
        Progress.objects.bulk_create(rows)
        QuizAttempt.objects.bulk_create(attempts)


@pytest.mark.parametrize("name", REPORTS, ids=lambda n: n.split(":")[1])
def test_admin_report_page(client, reviewer, catalogue, name):  # noqa: F811
    course_page = CoursePageFactory(parent=catalogue, title="Reported course")
    learners = [UserFactory() for _ in range(6)]
    client.force_login(reviewer)
    add_report_rows(course_page, learners, 3)
    small = count(client, reverse(name))
    add_report_rows(course_page, learners + [UserFactory() for _ in range(14)], 27)
    large = count(client, reverse(name))
    assert_flat(small, large, ADMIN_REPORT, f"admin report page {name}")
