import random
import re
from types import SimpleNamespace

import pytest

from quizzes.serving import choice_token, serve_questions, served_questions


def page_questions(n=6):
    kinds = ["single_choice", "multiple_select", "true_false", "message_scenario", "ordering"]
    questions = []
    for i in range(n):
        kind = kinds[i % len(kinds)]
        if kind == "true_false":
            value = {"correct_answer": True}
        elif kind == "ordering":
            value = {"steps": ["a", "b", "c", "d"]}
        else:
            value = {"choices": [{"correct": j == 0} for j in range(4)]}
        questions.append((f"block-{i}", kind, value))
    return questions


def test_all_questions_in_page_order_by_default():
    served = serve_questions(page_questions(), rng=random.Random(1))
    assert [item["id"] for item in served] == [f"block-{i}" for i in range(6)]
    # Without shuffling, choices keep the editor's order; true/false is always (true, false).
    assert served[0]["order"] == [0, 1, 2, 3]
    assert served[2]["order"] == [0, 1]


def test_drawing_n_questions_keeps_page_order_unless_shuffled():
    for seed in range(20):
        served = serve_questions(page_questions(), per_attempt=3, rng=random.Random(seed))
        ids = [item["id"] for item in served]
        assert len(ids) == 3 and len(set(ids)) == 3
        assert ids == sorted(ids, key=lambda block_id: int(block_id.split("-")[1]))


def test_drawing_more_than_there_are_serves_them_all():
    assert len(serve_questions(page_questions(4), per_attempt=10)) == 4


def test_shuffling_questions_and_choices_is_a_permutation():
    orders = set()
    for seed in range(30):
        served = serve_questions(
            page_questions(), shuffle_questions=True, shuffle_choices=True, rng=random.Random(seed)
        )
        assert sorted(item["id"] for item in served) == [f"block-{i}" for i in range(6)]
        for item in served:
            assert sorted(item["order"]) == list(range(len(item["order"])))
        orders.add(tuple(item["id"] for item in served))
    assert len(orders) > 1


@pytest.mark.parametrize("seed", range(50))
def test_ordering_steps_are_never_served_in_the_right_order(seed):
    questions = [("steps", "ordering", {"steps": ["a", "b"]})]
    served = serve_questions(questions, rng=random.Random(seed))
    assert served[0]["order"] == [1, 0]
    questions = [("steps", "ordering", {"steps": list("abcde")})]
    order = serve_questions(questions, rng=random.Random(seed))[0]["order"]
    assert order != [0, 1, 2, 3, 4] and sorted(order) == [0, 1, 2, 3, 4]


def test_tokens_are_opaque_uniform_and_bound_to_the_attempt():
    tokens = {choice_token(1, "block", index) for index in range(8)}
    assert len(tokens) == 8
    assert all(re.fullmatch(r"[0-9a-f]{20}", token) for token in tokens)
    assert choice_token(1, "block", 0) == choice_token(1, "block", 0)
    assert choice_token(1, "block", 0) != choice_token(2, "block", 0)
    assert choice_token(1, "block", 0) != choice_token(1, "other", 0)


def test_tokens_depend_on_the_secret_key(settings):
    before = choice_token(1, "block", 0)
    settings.SECRET_KEY = "another-secret"
    assert choice_token(1, "block", 0) != before


def test_served_questions_pair_tokens_with_choices_in_served_order():
    child = SimpleNamespace(
        block_type="single_choice",
        value={"question": "?", "choices": [{"text": t, "correct": False} for t in "abc"]},
    )
    (question,) = served_questions(7, [{"id": "x", "order": [2, 0, 1]}], {"x": child})
    assert question.option_labels() == ["c", "a", "b"]
    assert question.index_by_token == {
        choice_token(7, "x", 2): 2,
        choice_token(7, "x", 0): 0,
        choice_token(7, "x", 1): 1,
    }


def test_a_question_that_is_gone_or_changed_cannot_be_served():
    child = SimpleNamespace(block_type="true_false", value={"correct_answer": True})
    with pytest.raises(KeyError):
        served_questions(1, [{"id": "gone", "order": [0, 1]}], {"x": child})
    with pytest.raises(KeyError):
        served_questions(1, [{"id": "x", "order": [0, 1, 2]}], {"x": child})
