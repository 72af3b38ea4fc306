"""Question analysis's running totals: kept at submission, rebuilt from the attempts.

Known submissions through the site (as anonymous visitors, then a learner) with partial
credit, a multiple-select response that missed a right choice, ordering steps out of place
and true/false answers; the totals are checked against hand-worked figures, the
discrimination index against Python's own Pearson correlation of (x, T − x).
"""

from __future__ import annotations

import importlib
import statistics

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from quizzes.analysis import (
    QUESTION,
    SCORE,
    analyse,
    discrimination_index,
    rebuild_all_statistics,
    statistics_for,
)
from quizzes.models import QuestionStatistic, QuizAttempt
from tests.factories import PASSWORD, quiz_question
from tests.quizzes.conftest import form_data, start

pytestmark = pytest.mark.django_db


def questions():
    """s: single choice (right: 0); m: multiple select with partial credit, right 0, 1 and
    2 of four (so one right choice is worth a third); t: true/false (True); o: four steps."""
    multiple = quiz_question("multiple_select", "m", partial_credit=True)
    multiple["value"]["choices"][2]["correct"] = True
    return [
        quiz_question("single_choice", "s"),
        multiple,
        quiz_question("true_false", "t"),
        quiz_question("ordering", "o"),
    ]


# Six attempts' responses, and the score each question gets (x) as stored: four decimals.
ATTEMPTS = [
    ({"s": 0, "m": [0, 1, 2], "t": True, "o": [0, 1, 2, 3]}, (1, 1, 1, 1)),
    ({"s": 1, "m": [0], "t": False, "o": [1, 0, 2, 3]}, (0, 0.3333, 0, 0)),
    ({"s": 2, "m": [0, 3], "t": True, "o": [0, 1, 3, 2]}, (0, 0, 1, 0)),
    ({"s": 0, "m": [0, 1], "t": True, "o": [0, 1, 2, 3]}, (1, 0.6667, 1, 1)),
    ({"s": 1, "m": [3], "t": False, "o": [3, 2, 1, 0]}, (0, 0, 0, 0)),
    ({"s": 0, "m": [0, 1, 2, 3], "t": True, "o": [1, 0, 2, 3]}, (1, 0.6667, 1, 0)),
]
BLOCKS = ["s", "m", "t", "o"]
PERCENTS = [100, 8, 25, 92, 0, 67]  # the mean question score, rounded half up

# Wrong answers, by question: (kind, item) -> responses that included it.
WRONG = {
    "s": {("choice", 1): 2, ("choice", 2): 1},
    # [0] and [0, 1] chose nothing wrong but missed a right choice; 3 is the wrong choice.
    "m": {("missed", 0): 2, ("choice", 3): 3},
    "t": {("answer", 0): 2},
    # Steps out of place: [1, 0, …] twice, [0, 1, 3, 2], and [3, 2, 1, 0].
    "o": {("step", 0): 3, ("step", 1): 3, ("step", 2): 2, ("step", 3): 2},
}


@pytest.fixture
def stats_quiz(make_quiz):
    return make_quiz(questions=questions(), shuffle_choices=True, pass_mark=80)


def submit_as(client, quiz, responses):
    attempt = start(client, quiz)
    response = client.post(quiz.url + "submit/", form_data(quiz, attempt, responses))
    assert response.status_code == 303, response.content[:500]
    attempt.refresh_from_db()
    return attempt


@pytest.fixture
def submitted(stats_quiz):
    return [submit_as(Client(), stats_quiz, responses) for responses, _x in ATTEMPTS]


def stored(quiz) -> dict:
    return {
        (row.block_id, row.kind, row.item): (
            row.count,
            row.correct,
            row.sum_x,
            row.sum_x2,
            row.sum_t,
            row.sum_t2,
            row.sum_xt,
        )
        for row in QuestionStatistic.objects.filter(quiz_id=quiz.pk)
    }


def units(score) -> int:
    return round(score * 10_000)


def expected_question_totals(attempts) -> dict:
    """The sums worked out here from the per-attempt scores, in ten-thousandths."""
    totals = {}
    for index, block_id in enumerate(BLOCKS):
        xs = [units(scores[index]) for _responses, scores in attempts]
        ts = [sum(units(score) for score in scores) for _responses, scores in attempts]
        totals[block_id] = (
            len(xs),
            sum(1 for x in xs if x == 10_000),
            sum(xs),
            sum(x * x for x in xs),
            sum(ts),
            sum(t * t for t in ts),
            sum(x * t for x, t in zip(xs, ts, strict=True)),
        )
    return totals


def test_the_attempts_are_stored_as_the_fixture_says(stats_quiz, submitted):
    for attempt, (_responses, scores), percent in zip(submitted, ATTEMPTS, PERCENTS, strict=True):
        assert [attempt.answers[b]["score"] for b in BLOCKS] == list(scores)
        assert attempt.score == percent


def test_each_submission_adds_exact_totals(stats_quiz, submitted):
    rows = stored(stats_quiz)
    for block_id, totals in expected_question_totals(ATTEMPTS).items():
        assert rows[(block_id, QUESTION, 0)] == totals, block_id
    # m: 1 + 0.3333 + 0 + 0.6667 + 0 + 0.6667 = 2.6667 points, one attempt fully right.
    assert rows[("m", QUESTION, 0)][:3] == (6, 1, 26667)
    for block_id, counts in WRONG.items():
        found = {
            (kind, item): values[0]
            for (block, kind, item), values in rows.items()
            if block == block_id and kind not in (QUESTION, SCORE)
        }
        assert found == counts, block_id
    scores = {item: values[:2] for (block, kind, item), values in rows.items() if kind == SCORE}
    assert scores == {100: (1, 1), 8: (1, 0), 25: (1, 0), 92: (1, 1), 0: (1, 0), 67: (1, 0)}


def test_the_report_rows_and_summary(stats_quiz, submitted):
    rows, summaries = analyse([stats_quiz], statistics_for([stats_quiz]))
    by_id = {row.block_id: row for row in rows}
    assert [(r.block_id, r.attempts, r.share_correct) for r in rows] == [
        ("s", 6, 50),
        ("m", 6, 17),
        ("t", 6, 67),
        ("o", 6, 33),
    ]
    assert by_id["s"].wrong_answer_label == "s choice 1 (33%)"
    assert by_id["m"].wrong_answer_label == "m choice 3 (50%)"
    assert by_id["t"].wrong_answer_label == "False (33%)"
    # Steps 0 and 1 tie at three: the first step is named.
    assert by_id["o"].wrong_answer_label == "“o step 0” out of place (50%)"
    summary = summaries[stats_quiz.pk]
    assert (summary.attempts, summary.passed) == (6, 2)
    assert (summary.pass_rate, summary.median_score) == (33, 46)  # (25 + 67) / 2


@pytest.mark.parametrize("block_id", BLOCKS)
def test_discrimination_is_the_item_rest_correlation(stats_quiz, submitted, block_id):
    index = BLOCKS.index(block_id)
    xs = [scores[index] for _responses, scores in ATTEMPTS]
    rests = [sum(scores) - scores[index] for _responses, scores in ATTEMPTS]
    pearson = statistics.correlation(xs, rests)
    totals = stored(stats_quiz)[(block_id, QUESTION, 0)]
    assert discrimination_index(totals[0], *totals[2:]) == pytest.approx(pearson, abs=1e-9)
    rows, _summaries = analyse([stats_quiz], statistics_for([stats_quiz]))
    row = next(row for row in rows if row.block_id == block_id)
    assert row.discrimination == round(pearson, 2)
    assert row.discrimination_display == f"{pearson:.2f}"


def test_rebuilding_gives_what_submissions_added(stats_quiz, submitted):
    incremental = stored(stats_quiz)
    QuestionStatistic.objects.filter(block_id="s", kind=QUESTION).update(count=99)
    QuestionStatistic.objects.create(quiz=stats_quiz, block_id="s", kind="choice", item=9, count=1)
    call_command("rebuild_question_statistics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert stored(stats_quiz) == incremental
    call_command("rebuild_question_statistics", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert stored(stats_quiz) == incremental  # idempotent


def test_the_data_migration_counts_existing_attempts(stats_quiz, submitted):
    incremental = stored(stats_quiz)
    QuestionStatistic.objects.all().delete()
    migration = importlib.import_module("quizzes.migrations.0005_rebuild_question_statistics")

    class SchemaEditor:
        connection = connection

    migration.rebuild(apps, SchemaEditor())
    assert stored(stats_quiz) == incremental


def test_a_submission_costs_one_query_for_the_statistics(stats_quiz):
    client = Client()
    attempt = start(client, stats_quiz)
    data = form_data(stats_quiz, attempt, ATTEMPTS[1][0])
    with CaptureQueriesContext(connection) as captured:
        assert client.post(stats_quiz.url + "submit/", data).status_code == 303
    writes = [q["sql"] for q in captured.captured_queries if "questionstatistic" in q["sql"]]
    assert len(writes) == 1 and "ON CONFLICT" in writes[0]


def test_edits_keep_counting_by_block_id(stats_quiz, submitted):
    # A new revision: the questions reordered and reworded, t removed, a new question added.
    stats_quiz.refresh_from_db()
    blocks = list(stats_quiz.questions.raw_data)
    by_id = {block["id"]: block for block in blocks}
    by_id["s"]["value"]["question"] = "Which is a warning sign?"
    by_id["s"]["value"]["choices"][1]["text"] = "A new gift"
    stats_quiz.questions = [by_id["o"], by_id["s"], by_id["m"], quiz_question("true_false", "n")]
    stats_quiz.save_revision().publish()
    stats_quiz.refresh_from_db()
    submit_as(Client(), stats_quiz, {"s": 1, "m": [0, 1, 2], "o": [0, 1, 2, 3], "n": True})

    rows, _summaries = analyse([stats_quiz], statistics_for([stats_quiz]))
    by_id = {row.block_id: row for row in rows}
    assert [(row.number, row.block_id) for row in rows] == [(1, "o"), (2, "s"), (3, "m"), (4, "n")]
    assert (by_id["s"].attempts, by_id["s"].text) == (7, "Which is a warning sign?")
    assert by_id["s"].wrong_answer_label == "A new gift (43%)"
    assert by_id["o"].attempts == by_id["m"].attempts == 7
    assert by_id["n"].attempts == 1 and by_id["n"].withheld
    assert stored(stats_quiz)[("t", QUESTION, 0)][0] == 6  # kept, not shown

    # Rebuilt: the same totals; t's wrong answers are not rebuilt (it is not shown any more).
    incremental = stored(stats_quiz)
    rebuild_all_statistics()
    rebuilt = stored(stats_quiz)
    assert {k: v for k, v in incremental.items() if k[0] != "t" or k[1] == QUESTION} == rebuilt


def test_questions_with_fewer_than_five_attempts_are_withheld(stats_quiz):
    for responses, _x in ATTEMPTS[:4]:
        submit_as(Client(), stats_quiz, responses)
    rows, summaries = analyse([stats_quiz], statistics_for([stats_quiz]))
    assert all(row.attempts == 4 and row.withheld for row in rows)
    assert [
        (row.share_correct, row.wrong_answer_label, row.discrimination_display) for row in rows
    ] == [(None, "", "")] * 4
    assert summaries[stats_quiz.pk].pass_rate is None
    submit_as(Client(), stats_quiz, ATTEMPTS[4][0])
    rows, summaries = analyse([stats_quiz], statistics_for([stats_quiz]))
    assert not any(row.withheld for row in rows)
    assert summaries[stats_quiz.pk].pass_rate == 40


def test_statistics_stay_when_the_learner_is_deleted(client, parent, stats_quiz, submitted):
    assert client.login(email=parent.email, password=PASSWORD)
    submit_as(client, stats_quiz, ATTEMPTS[0][0])
    before = stored(stats_quiz)
    assert before[("s", QUESTION, 0)][0] == 7
    learner_id = parent.pk
    assert QuizAttempt.objects.filter(learner_id=learner_id).exists()
    parent.delete()
    assert not QuizAttempt.objects.filter(learner_id=learner_id).exists()
    assert stored(stats_quiz) == before  # anonymous totals: nothing points at the learner
