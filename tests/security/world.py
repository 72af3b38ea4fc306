"""A small, complete world for the security tests: every URL's keyword arguments are real.

One course (module, lesson with a checklist, a knowledge check and a privacy guide, quiz), a
parent who finished it (progress, a passed quiz attempt, a certificate), a teacher's class
(with the parent as a learner, another parent removed from it, a co-teacher and an
assignment) and another teacher's class. Users are the eight roles of the design.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from http.cookies import SimpleCookie

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from courses.completion import ProgressStatus
from courses.models import (
    Assignment,
    Certificate,
    Classroom,
    LessonPage,
    Membership,
    Progress,
)
from courses.models.site_settings import HelpSettings
from courses.progress import DatabaseStore, record
from courses.xapi.models import OutgoingStatement
from edu.models import SiteNavigation
from quizzes.models import QuizAttempt
from tests.factories import (
    PASSWORD,
    CourseIndexPageFactory,
    CoursePageFactory,
    HelpPageFactory,
    HelpResourceFactory,
    HomePageFactory,
    LessonPageFactory,
    ModulePageFactory,
    PlatformFactory,
    QuizPageFactory,
    UserFactory,
    quiz_question,
)

ROLES = (
    "anonymous",
    "parent",
    "other_parent",
    "teacher",
    "other_teacher",
    "editor",
    "reviewer",
    "superuser",
)

# Names and addresses that must never reach a log line (see test_privacy).
DISPLAY_NAMES = {
    "parent": "Pat Parent",
    "other_parent": "Oli Other",
    "teacher": "Tess Teacher",
    "other_teacher": "Theo Teacher",
    "editor": "Eddie Editor",
    "reviewer": "Rae Reviewer",
    "superuser": "Sam Super",
}
GROUPS = {
    "teacher": "Teachers",
    "other_teacher": "Teachers",
    "editor": "Editors",
    "reviewer": "Safety reviewers",
}

CHECKLIST = {
    "type": "checklist",
    "id": "list1",
    "value": {"title": "Tonight", "items": ["Make the account private", "Turn off DMs"]},
}
KNOWLEDGE_CHECK = {
    "type": "knowledge_check",
    "id": "kc1",
    "value": {
        "question": "A stranger sends game credit. What is it most likely?",
        "choices": [
            {"text": "A kind gesture", "correct": False, "feedback": "Rarely."},
            {"text": "A way to create a debt", "correct": True, "feedback": "Exactly."},
        ],
        "explanation": "Gifts create a sense of owing something.",
    },
}


def privacy_guide(platform) -> dict:
    return {
        "type": "privacy_guide",
        "id": "guide1",
        "value": {
            "platform": platform.pk,
            "applies_to": "App version 300",
            "last_verified": "2025-04-02",
            "intro": "",
            "steps": [{"instruction": "Open settings", "menu_path": "Profile › Settings"}],
        },
    }


@dataclass
class World:
    users: dict = field(default_factory=dict)
    home: object = None
    catalogue: object = None
    course: object = None
    module: object = None
    lesson: object = None
    quiz: object = None
    help_page: object = None
    platform: object = None
    help_resource: object = None
    document: object = None
    certificate: object = None
    attempt: object = None
    classroom: object = None
    other_classroom: object = None
    co_teacher: object = None
    learner_membership: object = None
    removed_membership: object = None
    co_teacher_membership: object = None
    assignment: object = None
    other_assignment: object = None
    checklist_items: list = field(default_factory=list)
    progress: object = None
    statement: object = None
    media_root: object = None

    def user(self, role):
        return self.users.get(role)


# Apps whose rows a refused request must leave alone (sessions are not counted: a visitor's
# session may be created by any request).
COUNTED_APPS = ("edu", "courses", "quizzes", "auth", "wagtailcore", "wagtaildocs", "taggit")


def row_counts() -> dict[str, int]:
    """Rows in every model of ``COUNTED_APPS``, to show that a refused request wrote nothing
    (one query, whatever the number of tables)."""
    tables = sorted(
        {
            model._meta.db_table
            for model in apps.get_models()
            if model._meta.app_label in COUNTED_APPS and model._meta.managed
        }
    )
    quote = connection.ops.quote_name
    # Table names from the models, quoted: no outside input.
    counts = (f"(SELECT COUNT(*) FROM {quote(table)})" for table in tables)  # noqa: S608
    sql = "SELECT " + ", ".join(counts)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def make_user(display_name: str, group: str | None = None, **kwargs):
    user = UserFactory(display_name=display_name, **kwargs)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def _home_page():
    """As tests/conftest.py's ``home_page``: a HomePage as the default site's root."""
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    home = HomePageFactory(parent=Page.get_first_root_node())
    site.root_page = home
    site.site_name = "Kinwise"
    site.save()
    if old_root.pk != home.pk and old_root.depth == 2:
        old_root.delete()
    # As load_demo does: the site settings exist, so no request has to create them.
    SiteNavigation.for_site(site)
    HelpSettings.for_site(site)
    return home


def build_world() -> World:
    w = World(home=_home_page())

    for role, name in DISPLAY_NAMES.items():
        extra = {"is_superuser": True, "is_staff": True} if role == "superuser" else {}
        w.users[role] = make_user(name, GROUPS.get(role), **extra)
    w.co_teacher = make_user("Cora Coteacher", "Teachers")

    w.platform = PlatformFactory(name="Instagram", slug="instagram")
    w.help_resource = HelpResourceFactory(name="CyberTipline")
    w.catalogue = CourseIndexPageFactory(parent=w.home)
    w.course = CoursePageFactory(parent=w.catalogue, title="Spotting grooming")
    w.module = ModulePageFactory(parent=w.course, title="How grooming starts")
    w.lesson = LessonPageFactory(
        parent=w.module,
        title="Gifts and secrets",
        slug="gifts",
        body=[
            {"type": "paragraph", "value": "<p>Groomers build trust first.</p>"},
            CHECKLIST,
            KNOWLEDGE_CHECK,
            privacy_guide(w.platform),
        ],
    )
    w.quiz = QuizPageFactory(
        parent=w.module,
        title="Module quiz",
        slug="quiz",
        questions=[quiz_question("single_choice", "q1"), quiz_question("true_false", "q2")],
    )
    w.quiz.save_revision().publish()
    w.quiz.refresh_from_db()
    w.help_page = HelpPageFactory(parent=w.home)
    block = LessonPage.objects.get(pk=w.lesson.pk).find_block("list1", "checklist")
    w.checklist_items = [item.id for item in block.value["items"].bound_blocks]

    Document = get_document_model()
    w.document = Document(title="Leaflet")
    w.document.file.save("leaflet.txt", ContentFile(b"Talk with your child."), save=False)
    w.document.save()

    parent = w.users["parent"]
    store = DatabaseStore(parent)
    record(store, w.lesson, ProgressStatus.COMPLETED)
    w.attempt = QuizAttempt.objects.create(
        quiz=w.quiz,
        learner=parent,
        revision_id=w.quiz.live_revision_id,
        number=1,
        served=w.quiz.serve_new_attempt_questions(),
        submitted_at=timezone.now(),
        score=100,
        passed=True,
        answers={},
    )
    record(store, w.quiz, ProgressStatus.PASSED, 100)
    w.progress = Progress.objects.get(learner=parent, translation_key=w.lesson.translation_key)
    w.certificate = Certificate.objects.get(learner=parent, course=w.course)
    w.statement = OutgoingStatement.objects.create(
        learner=parent,
        verb="completed",
        activity=w.lesson.full_url or "http://testserver/lesson/",
        payload={"verb": {"id": "http://adlnet.gov/expapi/verbs/completed"}},
        status=OutgoingStatement.Status.FAILED,
        attempts=3,
        last_error="LRS unreachable",
    )

    w.classroom = Classroom.objects.create(name="Tuesday parents")
    Membership.objects.create(
        classroom=w.classroom, user=w.users["teacher"], role=Membership.Role.TEACHER
    )
    w.co_teacher_membership = Membership.objects.create(
        classroom=w.classroom, user=w.co_teacher, role=Membership.Role.TEACHER
    )
    w.learner_membership = Membership.objects.create(
        classroom=w.classroom, user=parent, role=Membership.Role.LEARNER
    )
    w.removed_membership = Membership.objects.create(
        classroom=w.classroom,
        user=w.users["other_parent"],
        role=Membership.Role.LEARNER,
        removed_at=timezone.now(),
    )
    w.assignment = Assignment.objects.create(
        classroom=w.classroom, page=w.module, due_date=datetime.date(2099, 1, 1)
    )
    w.other_classroom = Classroom.objects.create(name="Theo's class")
    Membership.objects.create(
        classroom=w.other_classroom, user=w.users["other_teacher"], role=Membership.Role.TEACHER
    )
    Membership.objects.create(
        classroom=w.other_classroom, user=w.users["other_parent"], role=Membership.Role.LEARNER
    )
    w.other_assignment = Assignment.objects.create(classroom=w.other_classroom, page=w.module)
    return w


class Visitor:
    """One role's client. Each request runs in a savepoint rolled back afterwards, and the
    client's cookies are put back, so every request sees the same world."""

    def __init__(self, world, role, *, enforce_csrf_checks=False):
        self.role = role
        self.client = Client(enforce_csrf_checks=enforce_csrf_checks)
        self.client.raise_request_exception = False
        if role != "anonymous":
            # A fresh copy: logging in changes the user object, which other tests share.
            self.client.force_login(get_user_model().objects.get(pk=world.users[role].pk))
        self.cookies = SimpleCookie()
        self.cookies.load(self.client.cookies.output(header="", sep=";"))

    def request(self, method, url, data=None, *, rollback=True, **extra):
        """``rollback=False``: the caller runs the request in its own savepoint."""
        self.client.cookies = SimpleCookie()
        self.client.cookies.load(self.cookies.output(header="", sep=";"))
        cache.clear()  # throttles and page caches start empty for every request
        if not rollback:
            return getattr(self.client, method)(url, data or {}, **extra)
        with transaction.atomic():
            response = getattr(self.client, method)(url, data or {}, **extra)
            transaction.set_rollback(True)
        return response


__all__ = ["PASSWORD", "ROLES", "World", "build_world", "row_counts", "Visitor"]
