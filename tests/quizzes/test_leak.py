"""The served quiz page must not tell right choices from wrong ones."""

import re
from collections import defaultdict
from html.parser import HTMLParser

import pytest

from tests.factories import PASSWORD
from tests.quizzes.conftest import start

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r"[0-9a-f]{20}")


class FormOutline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls = []  # (tag, attrs) of inputs and options inside the quiz form
        self.all_attrs = []
        self.text = []
        self._in_form = False
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.all_attrs.append((tag, attrs))
        if tag == "form" and "quiz-form" in (attrs.get("class") or ""):
            self._in_form = True
        if not self._in_form:
            return
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            self.controls.append((attrs["name"], attrs))
        if tag == "select":
            self._select = attrs["name"]
        if tag == "option" and self._select:
            self.controls.append((self._select, attrs))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        if tag == "select":
            self._select = None

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture
def served_page(client, parent, make_quiz):
    quiz = make_quiz(shuffle_choices=True, shuffle_questions=True)
    client.login(email=parent.email, password=PASSWORD)
    attempt = start(client, quiz)
    response = client.get(quiz.url)
    assert response.status_code == 200
    outline = FormOutline()
    outline.feed(response.content.decode())
    return quiz, attempt, response.content.decode(), outline


def test_no_feedback_explanation_or_answer_key_in_the_page(served_page):
    quiz, _attempt, page, _outline = served_page
    for block in quiz.questions:
        value = block.value
        secrets = [value["explanation"], *value["topics"]]
        secrets += [choice["feedback"] for choice in value.get("choices", []) if choice["feedback"]]
        secrets += [value.get("feedback_true") or "", value.get("feedback_false") or ""]
        for secret in filter(None, secrets):
            assert secret not in page
    assert "answer-key" not in page
    assert not re.search(r"correct|right answer", page, re.IGNORECASE)


def test_choice_controls_look_alike(served_page):
    _quiz, attempt, _page, outline = served_page
    by_question = defaultdict(list)
    for name, attrs in outline.controls:
        by_question[name].append(attrs)
    assert by_question
    choice_values = []
    for name, controls in by_question.items():
        # A select's placeholder ("Choose a position") is selected until the learner chooses.
        controls = [attrs for attrs in controls if attrs.get("value") != ""]
        shapes = {
            tuple(sorted((k, v) for k, v in attrs.items() if k not in ("value", "id")))
            for attrs in controls
        }
        # Within a question, every control carries the same attributes but its value and id.
        assert len(shapes) == 1, (name, shapes)
        for attrs in controls:
            assert "checked" not in attrs and "selected" not in attrs
            assert not any(key.startswith("data-") for key in attrs)
        if controls[0].get("type") in ("radio", "checkbox"):
            choice_values += [attrs["value"] for attrs in controls]
    # Choice values are opaque tokens, all different, all the same shape.
    assert all(TOKEN.fullmatch(value) for value in choice_values)
    assert len(set(choice_values)) == len(choice_values)
    assert len(choice_values) == sum(
        len(item["order"]) for item in attempt.served if not item["id"].startswith("ordering")
    )


def test_ordering_steps_are_not_shown_in_the_right_order(served_page):
    quiz, _attempt, _page, outline = served_page
    (block,) = [b for b in quiz.questions if b.block_type == "ordering"]
    shown = [t.strip() for t in outline.text if t.strip() in block.value["steps"]]
    assert sorted(shown) == sorted(block.value["steps"])
    assert shown != list(block.value["steps"])
    # Each step's select offers the same positions, none chosen.
    options = [
        attrs.get("value") for name, attrs in outline.controls if name.startswith("q-ordering")
    ]
    assert sorted(set(options)) == ["", "1", "2", "3", "4"]


def test_the_intro_page_holds_no_questions(client, quiz):
    page = client.get(quiz.url).content.decode()
    for block in quiz.questions:
        assert block.value["question"] not in page
