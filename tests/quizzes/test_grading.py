from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from courses.grading import InvalidAnswer
from quizzes import grading
from quizzes.grading import (
    grade_attempt,
    grade_multiple_select,
    grade_ordering,
    grade_response,
    grade_single_choice,
    grade_true_false,
    score_percent,
)


def single(correct_index, n=3):
    return {"choices": [{"correct": i == correct_index} for i in range(n)]}


def multi(flags, partial_credit):
    return {"choices": [{"correct": f} for f in flags], "partial_credit": partial_credit}


class TestSingleChoice:
    def test_the_correct_choice_scores_one_and_any_other_zero(self):
        choices = single(1)["choices"]
        assert grade_single_choice(choices, 1) == 1
        assert grade_single_choice(choices, 0) == 0
        assert grade_single_choice(choices, 2) == 0

    def test_an_index_outside_the_choices_is_refused(self):
        with pytest.raises(InvalidAnswer):
            grade_single_choice(single(0, 2)["choices"], 2)
        with pytest.raises(InvalidAnswer):
            grade_single_choice(single(0, 2)["choices"], -1)

    def test_message_scenarios_grade_like_single_choice(self):
        assert grade_response("message_scenario", single(2), 2) == 1
        assert grade_response("message_scenario", single(2), 0) == 0


class TestMultipleSelect:
    FLAGS = [True, True, False, True, False]  # three right, two wrong

    def test_without_partial_credit_only_the_exact_set_scores(self):
        assert grade_multiple_select(self.FLAGS, {0, 1, 3}, partial_credit=False) == 1
        assert grade_multiple_select(self.FLAGS, {0, 1}, partial_credit=False) == 0
        assert grade_multiple_select(self.FLAGS, {0, 1, 3, 4}, partial_credit=False) == 0

    def test_partial_credit_is_right_picks_minus_wrong_picks_over_right_choices(self):
        assert grade_multiple_select(self.FLAGS, {0, 1, 3}, partial_credit=True) == 1
        assert grade_multiple_select(self.FLAGS, {0, 1}, partial_credit=True) == Fraction(2, 3)
        assert grade_multiple_select(self.FLAGS, {0, 1, 2}, partial_credit=True) == Fraction(1, 3)
        assert grade_multiple_select(self.FLAGS, {0}, partial_credit=True) == Fraction(1, 3)

    def test_partial_credit_never_goes_below_zero_and_choosing_everything_earns_nothing(self):
        assert grade_multiple_select(self.FLAGS, {2, 4}, partial_credit=True) == 0
        assert grade_multiple_select(self.FLAGS, {0, 2, 4}, partial_credit=True) == 0
        everything = set(range(len(self.FLAGS)))
        assert grade_multiple_select([True, False], {0, 1}, partial_credit=True) == 0
        assert grade_multiple_select(self.FLAGS, everything, partial_credit=True) == Fraction(1, 3)

    def test_duplicate_indices_count_once(self):
        assert grade_multiple_select(self.FLAGS, [0, 0, 1, 3], partial_credit=False) == 1

    def test_out_of_range_is_refused(self):
        with pytest.raises(InvalidAnswer):
            grade_multiple_select(self.FLAGS, {5}, partial_credit=True)

    def test_dispatch_reads_the_partial_credit_setting(self):
        assert grade_response("multiple_select", multi(self.FLAGS, True), [0]) == Fraction(1, 3)
        assert grade_response("multiple_select", multi(self.FLAGS, False), [0]) == 0


class TestTrueFalseAndOrdering:
    def test_true_false(self):
        assert grade_true_false(True, True) == 1
        assert grade_true_false(True, False) == 0
        assert grade_true_false(False, False) == 1
        assert grade_response("true_false", {"correct_answer": False}, True) == 0

    def test_ordering_scores_only_the_exact_order(self):
        assert grade_ordering(4, [0, 1, 2, 3]) == 1
        assert grade_ordering(4, [1, 0, 2, 3]) == 0
        assert grade_ordering(4, [3, 2, 1, 0]) == 0

    @pytest.mark.parametrize("answer", [[0, 1, 2], [0, 1, 1, 3], [0, 1, 2, 4], [0, 1, 2, 3, 3]])
    def test_ordering_must_place_every_step_once(self, answer):
        with pytest.raises(InvalidAnswer):
            grade_ordering(4, answer)


class TestAttemptScore:
    def test_mean_rounded_half_up_like_the_knowledge_check(self):
        assert score_percent([Fraction(1), Fraction(1), Fraction(0)]) == 67
        assert score_percent([Fraction(1), Fraction(0), Fraction(0)]) == 33
        assert score_percent([Fraction(1), Fraction(1, 2)]) == 75
        assert score_percent([]) == 0

    def test_pass_mark_is_inclusive_and_agrees_with_the_rounded_score(self):
        four_of_five = grade_attempt(
            {str(i): ("true_false", {"correct_answer": True}) for i in range(5)},
            {str(i): i != 4 for i in range(5)},
            pass_mark=80,
        )
        assert four_of_five.percent == 80 and four_of_five.passed
        # The decision is made on the percentage shown: never "80%, failed" or "79%, passed".
        half = [Fraction(1)] * 3 + [Fraction(18, 100)]  # 79.5%
        assert score_percent(half) == 80 and grading.has_passed(score_percent(half), 80)
        under = [Fraction(1)] * 3 + [Fraction(17, 100)]  # 79.25%
        assert score_percent(under) == 79 and not grading.has_passed(score_percent(under), 80)

    def test_responses_must_match_the_questions(self):
        questions = {"a": ("true_false", {"correct_answer": True})}
        with pytest.raises(ValueError):
            grade_attempt(questions, {}, pass_mark=50)
        with pytest.raises(ValueError):
            grade_attempt(questions, {"a": True, "b": True}, pass_mark=50)

    def test_unknown_question_type(self):
        with pytest.raises(ValueError):
            grade_response("essay", {}, "text")
        with pytest.raises(ValueError):
            grading.correct_response("essay", {})


# Properties -------------------------------------------------------------------------------


@st.composite
def questions(draw):
    """A question block value of any type, with a response a learner might give."""
    kind = draw(
        st.sampled_from(
            ["single_choice", "message_scenario", "multiple_select", "true_false", "ordering"]
        )
    )
    if kind in ("single_choice", "message_scenario"):
        n = draw(st.integers(2, 6))
        right = draw(st.integers(0, n - 1))
        return kind, single(right, n), draw(st.integers(0, n - 1))
    if kind == "multiple_select":
        flags = draw(st.lists(st.booleans(), min_size=2, max_size=6).filter(any))
        value = multi(flags, draw(st.booleans()))
        response = draw(st.lists(st.integers(0, len(flags) - 1), unique=True))
        return kind, value, response
    if kind == "true_false":
        return kind, {"correct_answer": draw(st.booleans())}, draw(st.booleans())
    n = draw(st.integers(2, 6))
    value = {"steps": [f"step {i}" for i in range(n)]}
    return kind, value, draw(st.permutations(range(n)))


quizzes_strategy = st.lists(questions(), min_size=1, max_size=12)


def as_attempt(items):
    return (
        {str(i): (kind, value) for i, (kind, value, _) in enumerate(items)},
        {str(i): response for i, (_, _, response) in enumerate(items)},
    )


@given(quizzes_strategy, st.integers(0, 100))
def test_property_score_is_a_percentage_and_pass_follows_the_mark(items, pass_mark):
    qs, responses = as_attempt(items)
    grade = grade_attempt(qs, responses, pass_mark)
    assert 0 <= grade.percent <= 100
    assert all(0 <= score <= 1 for score in grade.scores.values())
    assert grade.passed == (grade.percent >= pass_mark)


@given(quizzes_strategy)
def test_property_all_correct_gives_100(items):
    qs = {str(i): (kind, value) for i, (kind, value, _) in enumerate(items)}
    responses = {key: grading.correct_response(kind, value) for key, (kind, value) in qs.items()}
    grade = grade_attempt(qs, responses, pass_mark=100)
    assert grade.percent == 100 and grade.passed


@given(quizzes_strategy, st.randoms(use_true_random=False))
def test_property_score_unchanged_by_the_order_served(items, rnd):
    """Serve the same questions and choices in another order; the learner picks the same
    choices (found through the served order); the grade does not move."""
    qs, responses = as_attempt(items)
    baseline = grade_attempt(qs, responses, pass_mark=50)

    served_questions = list(qs.items())
    rnd.shuffle(served_questions)
    served_responses = {}
    for key, (kind, value) in served_questions:
        response = responses[key]
        if kind in ("single_choice", "message_scenario", "multiple_select"):
            order = list(range(len(value["choices"])))
            rnd.shuffle(order)
            # What the learner clicked, as served positions, then mapped back as the view does.
            picked = [
                order.index(i) for i in ([response] if isinstance(response, int) else response)
            ]
            mapped = [order[p] for p in picked]
            response = mapped[0] if kind != "multiple_select" else mapped
        elif kind == "ordering":
            order = list(range(len(value["steps"])))
            rnd.shuffle(order)
            # Position chosen for each served step, then the steps sorted by position.
            positions = {order[p]: response.index(order[p]) for p in range(len(order))}
            response = sorted(positions, key=positions.get)
        served_responses[key] = response
    regraded = grade_attempt(dict(served_questions), served_responses, pass_mark=50)
    assert regraded == baseline
