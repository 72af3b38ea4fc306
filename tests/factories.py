import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.utils.text import slugify

from edu.models import HomePage

PASSWORD = "correct-horse-battery-staple"  # noqa: S105


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    display_name = ""
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Kinwise"
    slug = "kinwise"
    hero_title = "Keep your child safer online"
    hero_text = "Short, free lessons for parents."
    intro = "<p>Welcome.</p>"


# --- quizzes (Helper B) ----------------------------------------------------------------------
# Quiz pages and question data. The questions' right answers follow one pattern so that tests
# can answer them without reading the page: the first choice is right (multiple select: the
# first two), true/false statements are true, ordering steps are listed in the right order.

QUESTION_KINDS = ("single_choice", "multiple_select", "true_false", "message_scenario", "ordering")


def quiz_question(kind: str, block_id: str, *, partial_credit: bool = False) -> dict:
    """One question block in StreamField's raw form, with a fixed block id."""
    explanation = f"Explanation for {block_id}."
    topics = [f"topic {kind}"]
    choices = [
        {
            "text": f"{block_id} choice {i}",
            "correct": i == 0,
            "feedback": f"Feedback {block_id}/{i}.",
        }
        for i in range(3)
    ]
    if kind == "single_choice":
        value = {"question": f"Single choice {block_id}?", "choices": choices}
    elif kind == "multiple_select":
        for i, choice in enumerate(choices):
            choice["correct"] = i < 2
        choices.append({"text": f"{block_id} choice 3", "correct": False, "feedback": ""})
        value = {"question": f"Pick all {block_id}?", "choices": choices}
        value["partial_credit"] = partial_credit
    elif kind == "true_false":
        value = {
            "question": f"Statement {block_id}.",
            "correct_answer": True,
            "feedback_true": f"Feedback {block_id}/true.",
            "feedback_false": f"Feedback {block_id}/false.",
        }
    elif kind == "message_scenario":
        value = {
            "messages": [
                {"sender": "contact", "sender_label": "Sam", "text": "dont tell ur parents"},
                {"sender": "child", "sender_label": "Mia", "text": "ok"},
            ],
            "question": f"Is {block_id} a warning sign?",
            "choices": choices[:2],
        }
    elif kind == "ordering":
        value = {
            "question": f"Order {block_id}.",
            "steps": [f"{block_id} step {i}" for i in range(4)],
        }
    else:
        raise ValueError(kind)
    value.update(explanation=explanation, topics=topics)
    return {"type": kind, "value": value, "id": block_id}


def quiz_questions(count: int = len(QUESTION_KINDS)) -> list[dict]:
    """``count`` questions cycling through every question type."""
    return [
        quiz_question(QUESTION_KINDS[i % len(QUESTION_KINDS)], f"{QUESTION_KINDS[i % 5]}-{i}")
        for i in range(count)
    ]


class QuizPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "quizzes.QuizPage"

    title = factory.Sequence(lambda n: f"Quiz {n}")
    intro = "<p>Check what you learned.</p>"
    pass_mark = 80
    shuffle_choices = False
    questions = factory.LazyFunction(quiz_questions)


# --- courses (Helper A) ----------------------------------------------------------------------
# Course-tree pages take their parent as ``parent=``. Lessons get one source by default: a
# live lesson without a source cannot be saved (LessonPage.save).


def lesson_source(**kwargs):
    from courses.models import LessonSource

    fields = {
        "title": "Online grooming: what parents need to know",
        "publisher": "NSPCC",
        "url": "https://www.example.org/grooming",
        "accessed": datetime.date(2025, 5, 1),
    }
    fields.update(kwargs)
    return LessonSource(**fields)


class PlatformFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.Platform"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"App {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    minimum_age = 13
    help_centre_url = "https://help.example.com/"
    report_url = "https://help.example.com/report"
    family_tools_url = "https://help.example.com/family"


class HelpResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "courses.HelpResource"

    name = factory.Sequence(lambda n: f"Helpline {n}")
    region = "US"
    phone = "1-800-843-5678"
    url = "https://report.example.org/"
    when_to_use = "To report online exploitation of a child."
    hours = "24/7"
    sort_order = 0
    immediate_danger = False


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.CourseIndexPage"

    title = "Courses"
    slug = "courses"
    intro = "<p>Short courses for parents.</p>"


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.CoursePage"

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "What parents need to know."
    age_bands = "11-13"


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.ModulePage"

    title = factory.Sequence(lambda n: f"Module {n}")
    intro = "<p>In this module.</p>"


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.LessonPage"

    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "A short lesson."
    estimated_minutes = 5
    last_verified = datetime.date(2025, 5, 1)
    body = factory.LazyFunction(
        lambda: [{"type": "paragraph", "value": "<p>Groomers build trust first.</p>"}]
    )
    sources = factory.LazyFunction(lambda: [lesson_source()])


class HelpPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.HelpPage"

    title = "Get help"
    slug = "help"
    intro = "<p>If a child is in danger, call 911.</p>"
