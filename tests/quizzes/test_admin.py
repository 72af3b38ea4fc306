"""Editors build quizzes in the Wagtail admin."""

import pytest
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import CoursePage, ModulePage
from quizzes.models import QuizPage

pytestmark = pytest.mark.django_db


def listblock(items):
    data = {str(i): {"value": item, "deleted": "", "order": str(i)} for i, item in enumerate(items)}
    data["count"] = str(len(items))
    return data


def choice(text, correct=False, feedback=""):
    data = {"text": text, "feedback": feedback}
    if correct:
        data["correct"] = "on"
    return data


def every_question_type(single_correct=(True, False)):
    topics = listblock(["grooming"])
    return streamfield(
        [
            (
                "single_choice",
                {
                    "question": "Who should a child tell?",
                    "choices": listblock(
                        [
                            choice("A trusted adult", single_correct[0], "Yes."),
                            choice("Nobody", single_correct[1], "Secrecy helps abusers."),
                        ]
                    ),
                    "explanation": "Telling someone breaks the secrecy.",
                    "topics": topics,
                },
            ),
            (
                "multiple_select",
                {
                    "question": "Which are warning signs?",
                    "choices": listblock(
                        [choice("Gifts", True), choice("Secrecy", True), choice("Homework")]
                    ),
                    "partial_credit": "on",
                    "explanation": "Gifts and secrecy build obligation.",
                    "topics": topics,
                },
            ),
            (
                "true_false",
                {
                    "question": "Paying stops sextortion.",
                    "feedback_true": "It usually leads to more demands.",
                    "feedback_false": "Right.",
                    "explanation": "Do not pay.",
                    "topics": listblock(["sextortion"]),
                },
            ),
            (
                "message_scenario",
                {
                    "messages": listblock(
                        [
                            {"sender": "contact", "sender_label": "Sam", "text": "ur so mature"},
                            {"sender": "child", "sender_label": "Mia", "text": "thx"},
                        ]
                    ),
                    "question": "Is this a warning sign?",
                    "choices": listblock([choice("Yes", True), choice("No")]),
                    "explanation": "Flattery is a common opener.",
                    "topics": topics,
                },
            ),
            (
                "ordering",
                {
                    "question": "Put these in order.",
                    "steps": listblock(["Stay calm", "Save evidence", "Report"]),
                    "explanation": "Calm first.",
                    "topics": listblock(["reporting"]),
                },
            ),
        ]
    )


def quiz_form(questions, **overrides):
    data = {
        "title": "Check your understanding",
        "slug": "check",
        "intro": rich_text("<p>Five questions.</p>"),
        "pass_mark": "80",
        "max_attempts": "3",
        "questions_per_attempt": "",
        "shuffle_choices": "on",
        "show_answers": "after_each",
        "questions": questions,
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url(parent):
    return f"/admin/pages/add/quizzes/quizpage/{parent.pk}/"


def test_an_editor_builds_a_quiz_with_every_question_type(client, editor, module_page):
    assert not editor.is_superuser
    client.force_login(editor)
    assert client.get(add_url(module_page)).status_code == 200
    response = client.post(add_url(module_page), quiz_form(every_question_type()))
    assert response.status_code == 302, response.content.decode()[:3000]

    quiz = QuizPage.objects.get(slug="check")
    assert quiz.get_parent().pk == module_page.pk
    questions = quiz.get_latest_revision_as_object().questions
    assert [block.block_type for block in questions] == [
        "single_choice",
        "multiple_select",
        "true_false",
        "message_scenario",
        "ordering",
    ]
    assert [c["correct"] for c in questions[0].value["choices"]] == [True, False]
    assert questions[1].value["partial_credit"] is True
    assert questions[2].value["correct_answer"] is False
    assert questions[3].value["messages"][0]["sender_label"] == "Sam"
    assert list(questions[4].value["steps"]) == ["Stay calm", "Save evidence", "Report"]
    assert quiz.max_attempts == 3 and quiz.questions_per_attempt is None


def test_a_single_choice_question_needs_exactly_one_right_choice(client, editor, module_page):
    client.force_login(editor)
    for flags in ((True, True), (False, False)):
        response = client.post(
            add_url(module_page), quiz_form(every_question_type(single_correct=flags))
        )
        assert response.status_code == 200
        assert "Mark exactly one choice correct." in response.content.decode()
    assert not QuizPage.objects.exists()


def test_questions_per_attempt_cannot_exceed_the_questions(client, editor, module_page):
    client.force_login(editor)
    response = client.post(
        add_url(module_page), quiz_form(every_question_type(), questions_per_attempt="6")
    )
    assert response.status_code == 200
    assert "The quiz has only 5 questions to draw from." in response.content.decode()
    assert not QuizPage.objects.exists()


def test_a_parent_cannot_reach_the_admin(client, parent, module_page):
    client.force_login(parent)
    response = client.post(add_url(module_page), quiz_form(every_question_type()))
    assert response.status_code in (302, 403)
    assert not QuizPage.objects.exists()


def test_quizzes_live_only_in_modules_and_have_no_children(module_page):
    assert QuizPage in ModulePage.clean_subpage_models()
    assert QuizPage not in CoursePage.clean_subpage_models()
    assert QuizPage.clean_subpage_models() == []
