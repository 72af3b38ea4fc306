"""A small course for the xAPI tests: one module with two lessons and a quiz, assigned to a
class the parent belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from courses.models import Assignment, Classroom, CourseIndexPage, Membership
from quizzes.models import QuizAttempt
from tests.factories import (
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    QuizPageFactory,
    quiz_question,
)
from tests.quizzes.conftest import form_data, right_answers, wrong_answers


@dataclass
class Course:
    course: object
    module: object
    lessons: list
    quiz: object
    classroom: Classroom


def build_course(home_page, parent=None) -> Course:
    catalogue = home_page.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming")
    module = ModulePageFactory(parent=course, title="How grooming starts")
    lessons = [
        LessonPageFactory(
            parent=module,
            title="Gifts and secrets",
            body=[
                {
                    "type": "knowledge_check",
                    "value": {
                        "question": "Which is a warning sign?",
                        "choices": [
                            {"text": "Secret gifts", "correct": True, "feedback": "Yes."},
                            {"text": "Homework help", "correct": False, "feedback": "No."},
                        ],
                        "explanation": "Secrecy is the groomer's tool.",
                    },
                },
                {
                    "type": "chat_scenario",
                    "value": {
                        "title": "A new friend",
                        "context": "",
                        "messages": [
                            {
                                "sender": "contact",
                                "sender_label": "Sam",
                                "text": "you can tell me anything",
                                "tactic": "Trust",
                                "explanation": "Builds a private bond.",
                            }
                        ],
                        "takeaway": "",
                    },
                },
            ],
        ),
        LessonPageFactory(parent=module, title="Moving to private chat"),
    ]
    quiz = QuizPageFactory(
        parent=module,
        title="Check: how grooming starts",
        questions=[quiz_question("single_choice", "q1"), quiz_question("true_false", "q2")],
    )
    quiz.save_revision().publish()
    quiz.refresh_from_db()
    classroom = Classroom.objects.create(name="Mrs Example's Tuesday parents")
    if parent is not None:
        Membership.objects.create(classroom=classroom, user=parent, role=Membership.Role.LEARNER)
    Assignment.objects.create(classroom=classroom, page=module)
    return Course(course, module, lessons, quiz, classroom)


def take_quiz(client, quiz, *, right: bool):
    response = client.post(quiz.url + "start/")
    assert response.status_code == 303, response.content[:300]
    attempt = QuizAttempt.objects.filter(quiz_id=quiz.pk, submitted_at__isnull=True).latest("pk")
    answers = (right_answers if right else wrong_answers)(quiz, attempt)
    response = client.post(quiz.url + "submit/", form_data(quiz, attempt, answers))
    assert response.status_code == 303, response.content[:300]
    attempt.refresh_from_db()
    return attempt
