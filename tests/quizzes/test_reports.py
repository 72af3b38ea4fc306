"""Question analysis report, quiz attempts as read-only learner data, the quiz edit panel.

Tests act as non-superuser Safety reviewers (who read the report) and Editors (who may not).
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

from quizzes.analysis import analyse, rebuild_all_statistics, statistics_for
from quizzes.models import QuizAttempt
from tests.factories import QuizPageFactory, UserFactory, quiz_question

REPORT = "kinwise_quiz_reports:question_analysis"
NOW = timezone.now()


@pytest.fixture
def reviewer_client(client, reviewer):
    client.force_login(reviewer)
    return client


def attempt(quiz, answers: dict, *, learner=None, minutes_ago=0, number=1):
    """A submitted attempt: ``answers`` maps block ids to ``(response, score 0..1)``."""
    stored = {
        block_id: {"response": response, "score": score, "correct": score == 1}
        for block_id, (response, score) in answers.items()
    }
    percent = round(100 * sum(score for _r, score in answers.values()) / max(len(answers), 1))
    return QuizAttempt(
        quiz=quiz,
        learner=learner or UserFactory(),
        number=number,
        served=[{"id": block_id, "order": []} for block_id in answers],
        answers=stored,
        started_at=NOW - datetime.timedelta(minutes=minutes_ago + 5),
        submitted_at=NOW - datetime.timedelta(minutes=minutes_ago),
        score=percent,
        passed=percent >= quiz.pass_mark,
    )


@pytest.fixture
def quiz(module_page):
    return QuizPageFactory(
        parent=module_page,
        title="Spotting grooming: check",
        questions=[
            quiz_question("single_choice", "q-gifts"),
            quiz_question("true_false", "q-secret"),
            quiz_question("multiple_select", "q-signs"),
            quiz_question("ordering", "q-steps"),
        ],
    )


@pytest.fixture
def answered(quiz):
    """Ten attempts. Strong learners answer everything right; the weaker ones pick choice 2
    on q-gifts, say False on q-secret, and swap the first two steps; q-signs (multiple select)
    has only four attempts."""
    rows = []
    for i in range(10):
        strong = i < 5
        answers = {
            "q-gifts": (0, 1) if strong or i == 9 else (2, 0),
            "q-secret": (True, 1) if strong else (False, 0),
            "q-steps": ([0, 1, 2, 3], 1) if i % 2 == 0 else ([1, 0, 2, 3], 0),
        }
        if i < 4:
            answers["q-signs"] = ([0, 1], 1)
        rows.append(attempt(quiz, answers, minutes_ago=i))
    QuizAttempt.objects.bulk_create(rows)
    rebuild_all_statistics()  # written in bulk, not through the submit view
    return rows


def rows_by_id(quiz):
    rows, _summaries = analyse([quiz], statistics_for([quiz]))
    return {row.block_id: row for row in rows}


# --- analysis ------------------------------------------------------------------------------


def test_each_question_counts_attempts_and_share_correct(quiz, answered):
    rows = rows_by_id(quiz)
    assert (rows["q-gifts"].attempts, rows["q-gifts"].share_correct) == (10, 60)
    assert (rows["q-secret"].attempts, rows["q-secret"].share_correct) == (10, 50)
    assert rows["q-steps"].share_correct == 50


def test_the_most_chosen_wrong_answer_is_named(quiz, answered):
    rows = rows_by_id(quiz)
    assert rows["q-gifts"].wrong_answer_label == "q-gifts choice 2 (40%)"
    assert rows["q-secret"].wrong_answer_label == "False (50%)"
    # Swapping the first two steps puts both out of place; ties go to the first label.
    assert rows["q-steps"].wrong_answer_label == "“q-steps step 0” out of place (50%)"


def test_discrimination_separates_strong_from_weak_learners(quiz, answered):
    rows = rows_by_id(quiz)
    # Those who have q-secret right score higher on the rest of the quiz.
    assert rows["q-secret"].discrimination > 0.7
    assert -1 <= rows["q-steps"].discrimination <= 1
    assert rows["q-steps"].discrimination < rows["q-secret"].discrimination


def test_discrimination_is_blank_when_nothing_varies(module_page):
    # Everyone right on t: no variance in the question; u alone: no rest to correlate with.
    flat_quiz = QuizPageFactory(
        parent=module_page,
        questions=[quiz_question("true_false", "t"), quiz_question("true_false", "v")],
    )
    QuizAttempt.objects.bulk_create(
        attempt(flat_quiz, {"t": (True, 1), "v": (i % 2 == 0, (i + 1) % 2)}, minutes_ago=i)
        for i in range(10)
    )
    alone = QuizPageFactory(parent=module_page, questions=[quiz_question("true_false", "u")])
    QuizAttempt.objects.bulk_create(
        attempt(alone, {"u": (i < 5, 1 if i < 5 else 0)}, minutes_ago=i) for i in range(10)
    )
    rebuild_all_statistics()
    rows, _summaries = analyse([flat_quiz, alone], statistics_for([flat_quiz, alone]))
    assert [(row.block_id, row.attempts) for row in rows] == [("t", 10), ("v", 10), ("u", 10)]
    assert [row.discrimination for row in rows] == [None, None, None]
    assert [row.discrimination_display for row in rows] == ["", "", ""]


def test_questions_with_fewer_than_five_attempts_are_withheld(quiz, answered):
    row = rows_by_id(quiz)["q-signs"]
    assert row.attempts == 4
    assert row.withheld
    assert (row.share_correct, row.wrong_answer_label, row.discrimination_display) == (None, "", "")


def test_answers_to_earlier_revisions_count_by_block_id(quiz, answered):
    # An attempt served before an edit: same block id, and a question removed since.
    QuizAttempt.objects.create(
        **{
            f.name: getattr(attempt(quiz, {"q-gifts": (1, 0), "q-removed": (0, 1)}), f.name)
            for f in QuizAttempt._meta.concrete_fields
            if f.name != "id"
        }
    )
    rebuild_all_statistics()
    rows = rows_by_id(quiz)
    assert rows["q-gifts"].attempts == 11
    assert "q-removed" not in rows


def test_every_submitted_attempt_counts(quiz, answered):
    # No longer only each quiz's latest attempts: the weak (older) ones count too.
    rows = rows_by_id(quiz)
    assert (rows["q-secret"].attempts, rows["q-secret"].share_correct) == (10, 50)


def test_open_attempts_are_ignored(quiz, answered):
    open_attempt = attempt(quiz, {"q-gifts": (1, 0)})
    open_attempt.submitted_at = open_attempt.score = open_attempt.passed = None
    open_attempt.answers = {}
    open_attempt.save()
    rebuild_all_statistics()
    assert rows_by_id(quiz)["q-gifts"].attempts == 10


# --- the report ----------------------------------------------------------------------------


def test_reviewer_reads_question_analysis(reviewer_client, quiz, answered):
    response = reviewer_client.get(reverse(REPORT))
    assert response.status_code == 200
    rows = response.context["object_list"]
    assert [row.block_id for row in rows] == ["q-gifts", "q-secret", "q-steps"]
    html = response.content.decode()
    assert "Single choice q-gifts?" in html
    assert "q-gifts choice 2 (40%)" in html
    assert "1 question with fewer than 5 attempts is not shown." in html
    assert "Pick all q-signs?" not in html


def test_question_analysis_sorts_by_share_correct_and_filters(reviewer_client, quiz, answered):
    url = reverse(REPORT)
    rows = reviewer_client.get(url, {"ordering": "share_correct"}).context["object_list"]
    assert [row.share_correct for row in rows] == [50, 50, 60]
    rows = reviewer_client.get(url, {"question_type": "true_false"}).context["object_list"]
    assert [row.block_id for row in rows] == ["q-secret"]
    other = QuizPageFactory(parent=quiz.get_parent(), questions=[quiz_question("ordering", "x")])
    rows = reviewer_client.get(url, {"quiz": other.pk}).context["object_list"]
    assert rows == []


def test_question_analysis_exports(reviewer_client, quiz, answered):
    response = reviewer_client.get(reverse(REPORT), {"export": "csv"})
    assert response["Content-Disposition"] == 'attachment; filename="question-analysis.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:4] == ["Course", "Quiz", "Question number", "Question id"]
    gifts = rows[1]
    assert gifts[1:4] == ["Spotting grooming: check", "1", "q-gifts"]
    assert gifts[6:] == ["10", "60", "q-gifts choice 2 (40%)", gifts[9]]
    assert len(rows) == 1 + 3

    response = reviewer_client.get(reverse(REPORT), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in sheet[2]][6:8] == [10, 60]


def count_queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
        assert response.status_code == 200
        if response.streaming:
            b"".join(response.streaming_content)
    return len(captured)


def report_query_counts(client, params=None) -> dict:
    """Queries for the report page (Wagtail's admin around it included), the page with a
    filter applied, its results fragment and its CSV export, each a whole request."""
    client.get(reverse(REPORT))
    return {
        "page": count_queries(client, reverse(REPORT)),
        "filtered": count_queries(client, reverse(REPORT), params),
        "results": count_queries(client, reverse(f"{REPORT}_results")),
        "export": count_queries(client, reverse(REPORT), {"export": "csv"}),
    }


REPORT_BUDGET = 10  # queries for a whole report page (DESIGN.md)


def many_questions(count, prefix):
    kinds = ["single_choice", "true_false", "multiple_select", "ordering", "message_scenario"]
    return [quiz_question(kinds[i % 5], f"{prefix}-{i}") for i in range(count)]


def answer_all(quiz, learners):
    right = {"single_choice": 0, "message_scenario": 0, "true_false": True}
    right.update(multiple_select=[0, 1], ordering=[0, 1, 2, 3])
    rows = []
    for i, learner in enumerate(learners):
        answers = {
            block.id: (right[block.block_type], (i + n) % 2)
            for n, block in enumerate(quiz.questions)
        }
        rows.append(attempt(quiz, answers, learner=learner, minutes_ago=i))
    QuizAttempt.objects.bulk_create(rows)
    rebuild_all_statistics()


def bulk_learners(count: int) -> list:
    User = get_user_model()
    User.objects.bulk_create(User(email=f"bulk-learner-{i}@example.com") for i in range(count))
    return list(User.objects.filter(email__startswith="bulk-learner-").order_by("pk"))


def test_question_analysis_queries_do_not_grow_with_questions_or_attempts(
    reviewer_client, module_page
):
    learners = bulk_learners(500)
    small = QuizPageFactory(parent=module_page, questions=many_questions(3, "a"))
    answer_all(small, learners[:6])
    few = report_query_counts(reviewer_client, {"quiz": small.pk, "question_type": "ordering"})
    for n in range(3):
        big = QuizPageFactory(parent=module_page, questions=many_questions(10, f"b{n}"))
        answer_all(big, learners[: 100 + 200 * n])
    response = reviewer_client.get(reverse(REPORT))
    assert len(response.context["object_list"]) == 33
    assert max(row.attempts for row in response.context["object_list"]) == 500
    many = report_query_counts(reviewer_client, {"quiz": small.pk, "question_type": "ordering"})
    print(f"question analysis queries, 3 questions × 6 attempts: {few}; 33 × 6–500: {many}")
    assert few == many
    assert max(many.values()) <= REPORT_BUDGET, many


# --- permissions ---------------------------------------------------------------------------


def assert_denied(response):
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert response.url == reverse("wagtailadmin_home")
    assert not getattr(response, "streaming", False)


def test_editors_cannot_read_question_analysis(client, editor, quiz, answered):
    client.force_login(editor)
    assert_denied(client.get(reverse(REPORT)))
    assert_denied(client.get(reverse(REPORT), {"export": "csv"}))
    assert "Question analysis" not in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("who", ["parent", "anonymous"])
def test_people_outside_the_admin_are_turned_away(client, request, who, quiz, answered):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    response = client.get(reverse(REPORT), {"export": "csv"})
    assert response.status_code in (302, 403)
    assert not getattr(response, "streaming", False)


@pytest.fixture
def attempt_viewer(db):
    group = Group.objects.create(name="Quiz attempt viewers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_quizattempt"),
    )
    user = UserFactory()
    user.groups.add(group)
    return user


def test_staff_with_view_permission_read_attempts_but_change_nothing(
    client, attempt_viewer, quiz, answered
):
    client.force_login(attempt_viewer)
    row = QuizAttempt.objects.first()
    response = client.get(reverse("quizattempt:index"))
    assert response.status_code == 200
    assert row.learner.email in response.content.decode()
    assert client.get(reverse("quizattempt:inspect", args=[row.pk])).status_code == 200
    assert "Learner data" in client.get(reverse("wagtailadmin_home")).content.decode()
    for name in ("edit", "delete"):
        assert_denied(client.get(reverse(f"quizattempt:{name}", args=[row.pk])))
    assert_denied(client.post(reverse("quizattempt:delete", args=[row.pk])))
    assert QuizAttempt.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("fixture", ["editor", "reviewer"])
def test_editors_and_reviewers_never_see_attempts(client, request, fixture, quiz, answered):
    client.force_login(request.getfixturevalue(fixture))
    row = QuizAttempt.objects.first()
    assert_denied(client.get(reverse("quizattempt:index")))
    assert_denied(client.get(reverse("quizattempt:inspect", args=[row.pk])))


# --- the quiz edit screen -------------------------------------------------------------------


def test_reviewer_sees_question_figures_on_the_quiz_edit_screen(reviewer_client, quiz, answered):
    response = reviewer_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "How learners answer" in html
    assert "q-gifts choice 2 (40%)" in html
    # q-signs has four attempts: listed, figures withheld.
    assert "Fewer than 5 attempts: not shown yet." in html
    assert f"{reverse(REPORT)}?quiz={quiz.pk}" in html


def test_editors_do_not_see_question_figures(client, editor, quiz, answered):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "q-gifts choice 2 (40%)" not in html
    assert "How learners answer" not in html
    assert reverse(REPORT) not in html
