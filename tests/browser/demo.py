"""The demo site's accounts, with progress and a class, for the browser tests that crawl it."""

from __future__ import annotations

import datetime
from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Locale

from courses.completion import ProgressStatus
from courses.models import (
    Assignment,
    Certificate,
    Classroom,
    CoursePage,
    LessonPage,
    Membership,
    ModulePage,
)
from quizzes.models import QuizPage


def english(page_model):
    """The demo's live English pages of a type (the Spanish tree repeats their slugs)."""
    return page_model.objects.live().filter(locale=Locale.get_default())


def user(email):
    return get_user_model().objects.get(email=email)


def log_in(context, base_url, email):
    """Sign the browser in as a demo account (a session cookie, as the log-in form would set)."""
    client = Client()
    # The last backend is the one that loads users (the first only counts failed log-ins).
    client.force_login(user(email), backend=settings.AUTHENTICATION_BACKENDS[-1])
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base_url}]
    )


def complete(page, learner, status=ProgressStatus.COMPLETED, score=None):
    """Record progress through the completion interface, as the page's own views do."""
    request = SimpleNamespace(user=learner, session={})
    page.specific.record_progress(request, status, score)


def teacher_class():
    """Ms Rivera's class: the demo parent in it, one module assigned, one overdue."""
    teacher = user("teacher@example.com")
    parent = user("parent@example.com")
    classroom = Classroom.objects.create(
        name="Tuesday parent evening", description="Six weeks on keeping children safe."
    )
    Membership.objects.create(classroom=classroom, user=teacher, role="teacher")
    Membership.objects.create(classroom=classroom, user=parent, role="learner")
    today = datetime.date.today()
    modules = english(ModulePage).order_by("path")
    Assignment.objects.create(
        classroom=classroom,
        page=modules[0],
        due_date=today + datetime.timedelta(days=14),
        note="Before our next session, please.",
    )
    Assignment.objects.create(
        classroom=classroom, page=modules[1], due_date=today - datetime.timedelta(days=3)
    )
    return classroom


def parent_progress():
    """The demo parent finished one course (with its certificate) and started another."""
    parent = user("parent@example.com")
    talking = english(CoursePage).get(slug="talking-and-getting-help")
    for child in english(LessonPage).descendant_of(talking):
        complete(child, parent)
    for quiz in english(QuizPage).descendant_of(talking):
        complete(quiz, parent, ProgressStatus.PASSED, 100)
    assert Certificate.objects.filter(learner=parent).exists(), "no certificate was issued"
    grooming = english(CoursePage).get(slug="recognising-grooming-and-sextortion")
    first_lesson = english(LessonPage).descendant_of(grooming).order_by("path").first()
    complete(first_lesson, parent)
