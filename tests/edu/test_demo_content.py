"""The demo content that ``load_demo`` builds: complete, sourced, readable and idempotent.

The data checks (reading level, sources, counts) run on :mod:`edu.demo` itself and need no
database. The site checks load the demo once for this module (inside a transaction rolled back at
the end) and look at what a visitor gets.
"""

from collections import Counter
from io import StringIO

import pytest
import textstat
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page, Revision

from courses.models import CoursePage, HelpResource, LessonPage, ModulePage, Platform
from edu.demo import COURSES, HELP_RESOURCES, PLATFORMS
from edu.demo.prose import lesson_prose, quiz_prose
from quizzes.models import QuizPage
from tests.quizzes.conftest import right_answers, start, submit, wrong_answers

MAX_GRADE = 8
LOCKDOWN_PLATFORMS = [
    "Instagram",
    "Facebook and Messenger",
    "WhatsApp",
    "Snapchat",
    "TikTok",
    "Discord",
    "Roblox",
    "YouTube",
]
# The demo is written in English; edu/demo/es translates it (tests/edu/test_spanish_content.py).
ENGLISH = {"locale__language_code": "en"}
QUESTION_TYPES = {"single_choice", "multiple_select", "true_false", "message_scenario", "ordering"}


def all_modules():
    return [module for course in COURSES for module in course["modules"]]


def all_lessons():
    return [lesson for module in all_modules() for lesson in module["lessons"]]


def lesson_id(lesson):
    return lesson["slug"]


# The data -----------------------------------------------------------------------------------


def test_three_courses_with_one_lock_down_module_per_platform():
    assert [c["slug"] for c in COURSES] == [
        "recognising-grooming-and-sextortion",
        "locking-down-apps",
        "talking-and-getting-help",
    ]
    lockdown = COURSES[1]
    assert [m["title"] for m in lockdown["modules"]] == LOCKDOWN_PLATFORMS
    for module in lockdown["modules"]:
        guides = [
            v for lesson in module["lessons"] for t, v in lesson["body"] if t == "privacy_guide"
        ]
        assert guides, module["title"]
        assert all(guide["last_verified"] and guide["steps"] for guide in guides)


@pytest.mark.parametrize("module", all_modules(), ids=lambda m: m["slug"])
def test_every_module_ends_with_a_quiz_of_five_questions_in_three_types(module):
    questions = module["quiz"]["questions"]
    assert len(questions) >= 5
    assert len({block_type for block_type, _value in questions}) >= 3
    assert {block_type for block_type, _value in questions} <= QUESTION_TYPES
    for _block_type, value in questions:
        assert value["explanation"].strip()
        assert value["topics"]


@pytest.mark.parametrize("lesson", all_lessons(), ids=lesson_id)
def test_every_lesson_cites_a_source_and_has_a_last_verified_date(lesson):
    assert lesson["last_verified"] is not None
    assert lesson["sources"]
    for source in lesson["sources"]:
        assert source["title"] and source["publisher"] and source["accessed"]
        assert source["url"].startswith("https://")


@pytest.mark.parametrize("lesson", all_lessons(), ids=lesson_id)
def test_lesson_prose_reads_at_grade_eight_or_below(lesson):
    prose = lesson_prose(lesson)
    assert len(prose.split()) > 100  # enough text for the score to mean something
    grade = textstat.flesch_kincaid_grade(prose)
    assert grade <= MAX_GRADE, f"{lesson['title']}: Flesch-Kincaid grade {grade}"


@pytest.mark.parametrize("module", all_modules(), ids=lambda m: m["slug"])
def test_quiz_text_reads_at_grade_eight_or_below(module):
    grade = textstat.flesch_kincaid_grade(quiz_prose(module["quiz"]))
    assert grade <= MAX_GRADE, f"{module['quiz']['title']}: Flesch-Kincaid grade {grade}"


def test_lessons_use_the_teaching_blocks_the_issue_asks_for():
    used = Counter(block_type for lesson in all_lessons() for block_type, _v in lesson["body"])
    for block_type in [
        "chat_scenario",
        "warning_signs",
        "checklist",
        "conversation_starters",
        "help_resources",
        "privacy_guide",
    ]:
        assert used[block_type], block_type
    bands = {
        value["age_band"]
        for lesson in all_lessons()
        for block_type, value in lesson["body"]
        if block_type == "conversation_starters"
    }
    assert bands == {"under-8", "8-10", "11-13", "14-17"}


def test_help_resources_cover_the_us_and_new_mexico():
    regions = Counter(resource["region"] for resource in HELP_RESOURCES)
    assert regions["US"] >= 4 and regions["US-NM"] >= 2
    names = " ".join(resource["name"] for resource in HELP_RESOURCES)
    for expected in ["911", "CyberTipline", "Take It Down", "FBI", "#SAFE", "New Mexico"]:
        assert expected in names
    assert [r["name"] for r in HELP_RESOURCES if r["immediate_danger"]][0].startswith("Emergency")
    assert len({(r["name"], r["region"]) for r in HELP_RESOURCES}) == len(HELP_RESOURCES)


# The site -----------------------------------------------------------------------------------


def load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo_output(demo_database):
    """The demo, once for this module (tests/conftest.py); rolled back afterwards."""
    return demo_database


@pytest.fixture
def demo(demo_output, db):
    return demo_output


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "platforms": Platform.objects.count(),
        "help resources": HelpResource.objects.count(),
    }


def test_load_demo_reports_each_course_and_module(demo):
    for course in COURSES:
        assert f"course: {course['title']} (created)" in demo
        for module in course["modules"]:
            assert f"module: {module['title']}:" in demo


def test_a_second_run_changes_nothing(demo):
    before = counts()
    output = load_demo()
    assert counts() == before
    assert "(created)" not in output
    assert "platforms: 0 created" in output


def test_reset_rebuilds_the_demo_courses(demo):
    before = counts()["pages"]
    old_ids = set(CoursePage.objects.values_list("pk", flat=True))
    load_demo("--reset")
    assert counts()["pages"] == before
    assert CoursePage.objects.filter(**ENGLISH).count() == 3
    assert not old_ids & set(CoursePage.objects.values_list("pk", flat=True))


def test_the_counts_hold_in_the_database(demo):
    assert CoursePage.objects.live().filter(**ENGLISH).count() == 3
    lockdown = CoursePage.objects.get(slug="locking-down-apps")
    modules = ModulePage.objects.child_of(lockdown).live()
    assert [m.title for m in modules.order_by("path")] == LOCKDOWN_PLATFORMS
    assert ModulePage.objects.live().filter(**ENGLISH).count() == len(all_modules())
    assert LessonPage.objects.live().filter(**ENGLISH).count() == len(all_lessons())
    for module in ModulePage.objects.live():
        quizzes = QuizPage.objects.child_of(module).live()
        assert quizzes.count() == 1, module.title
        questions = quizzes.get().questions
        assert len(questions) >= 5
        assert len({block.block_type for block in questions}) >= 3
    assert set(Platform.objects.values_list("slug", flat=True)) >= {p["slug"] for p in PLATFORMS}
    english_resources = HelpResource.objects.filter(**ENGLISH)
    assert english_resources.for_region("US-NM").filter(region="US-NM").count() >= 2
    assert english_resources.filter(region="US").count() >= 4


def test_every_lesson_is_published_with_sources_and_a_last_verified_date(demo):
    for lesson in LessonPage.objects.live():
        assert lesson.sources.count() >= 1, lesson.title
        assert lesson.last_verified is not None, lesson.title


def test_the_stored_content_passes_block_validation(demo):
    """The data fits the blocks' own rules (lengths, required fields, one right answer…)."""
    for lesson in LessonPage.objects.live():
        lesson.body.stream_block.clean(lesson.body)
    for quiz in QuizPage.objects.live():
        quiz.questions.stream_block.clean(quiz.questions)


def test_every_live_page_renders_for_a_visitor(demo, client):
    pages = Page.objects.live().public().filter(depth__gt=1).specific()
    assert pages.count() > 50
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert escape(page.title) in html, page.url


def test_help_page_lists_new_mexico_resources(demo, client):
    help_page = Page.objects.get(slug="help").specific
    html = client.get(help_page.url, {"region": "US-NM"}).content.decode()
    for name in ["CYFD Statewide Central Intake (#SAFE)", "NCMEC CyberTipline"]:
        assert name in html
    assert "911" in html


def test_every_quiz_can_be_passed_with_its_own_answer_key(demo, client):
    for quiz in QuizPage.objects.live():
        attempt = start(client, quiz)
        response = submit(client, quiz, attempt, right_answers(quiz, attempt))
        assert response.status_code == 303, quiz.title
        attempt.refresh_from_db()
        assert (attempt.score, attempt.passed) == (100, True), quiz.title


def test_a_quiz_is_not_passed_with_wrong_answers(demo, client):
    quiz = QuizPage.objects.live().first()
    attempt = start(client, quiz)
    submit(client, quiz, attempt, wrong_answers(quiz, attempt))
    attempt.refresh_from_db()
    assert attempt.passed is False
