"""Authorization matrix: every URL pattern × every role, with the status each must get.

The URL list comes from walking the URLconf (``urlwalk``) and the page models' routes, so a
new URL, page type or page route without an entry here fails
``test_every_url_pattern_has_an_entry`` with the pattern's name. Nothing is skipped silently:
patterns left out are in ``EXCLUDED`` with the reason. Wagtail's own admin views are covered
for every signed-out or non-staff role (they must be sent to the admin log-in) and, for
staff, through a representative set (``WAGTAIL_ADMIN``); every Kinwise admin view
(reports, learner-data viewsets, the Platform and HelpResource snippets) has a full entry.

Each request runs in a savepoint that is rolled back, so one world serves every row of the
matrix: a teacher archiving a class does not change what the next role sees. Both GET and
POST are sent to every URL (CSRF checks off, see ``test_post_without_csrf_token_is_refused``
for them on).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.viewsets import viewsets as admin_viewsets
from wagtail.models import get_page_models

from tests.security.urlwalk import KINWISE_APPS, keyed_routes, sample_url
from tests.security.world import PASSWORD, ROLES, Visitor, World, row_counts

pytestmark = pytest.mark.django_db

# Expectations other than a plain status code.
LOGIN = "login"  # 302 to the site's log-in page
ADMIN_LOGIN = "admin login"  # 302 to the admin's log-in page (Wagtail's require_admin_access)
ADMIN_DENIED = "admin denied"  # 302 to the admin dashboard with "no permission" (Wagtail)
STAFF = ("editor", "reviewer", "superuser")


def roles(default, **overrides) -> dict:
    unknown = set(overrides) - set(ROLES)
    assert not unknown, unknown
    return {role: overrides.get(role, default) for role in ROLES}


def signed_in(default, **overrides) -> dict:
    """Anonymous visitors are sent to log in (GET); everyone else gets ``default``."""
    return roles(default, **{"anonymous": LOGIN, **overrides})


def admin(default=ADMIN_DENIED, **staff) -> dict:
    """Non-staff are sent to the admin log-in; staff get ``default`` unless overridden."""
    assert set(staff) <= set(STAFF), staff
    return {role: staff.get(role, default) if role in STAFF else ADMIN_LOGIN for role in ROLES}


def teach(owner, *, anonymous=LOGIN, other_teacher=404, superuser=403) -> dict:
    """A Teach URL of the teacher's class: outsiders 403, another teacher 404."""
    return roles(
        403,
        anonymous=anonymous,
        teacher=owner,
        other_teacher=other_teacher,
        superuser=superuser,
    )


@dataclass
class Entry:
    url: Callable[[World], str]
    get: dict
    post: dict
    data: Callable[[World, str], dict] = field(default=lambda w, role: {})
    actor: str = "parent"  # who posts in the CSRF test

    @property
    def accepts_post(self) -> bool:
        return any(expected != 405 for expected in self.post.values())


GET_ONLY = roles(405)
TEACH_POST = teach(405, anonymous=403)  # a Teach page that takes no POST


def teach_url(name, *extra):
    def url(w):
        args = [w.classroom.pk]
        for item in extra:
            args.append(getattr(w, item).pk)
        return reverse(f"kinwise:teach:{name}", args=args)

    return url


def reset_link(w):
    # Fresh from the database: the token depends on the stored last log-in time.
    user = get_user_model().objects.get(pk=w.users["parent"].pk)
    return reverse(
        "password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )


def page_url(attr, route=""):
    return lambda w: getattr(w, attr).get_url() + route


# --- Site URLs, by name --------------------------------------------------------------------

SITE = {
    "signup": Entry(
        lambda w: reverse("signup"),
        get=roles(302, anonymous=200),
        post=roles(302),
        data=lambda w, role: {
            "email": f"new-{role}@example.com",
            "display_name": "",
            "password1": "a-long-pass-phrase-9",
            "password2": "a-long-pass-phrase-9",
        },
        actor="anonymous",
    ),
    "my_data": Entry(lambda w: reverse("my_data"), get=signed_in(200), post=GET_ONLY),
    "my_data_download": Entry(
        lambda w: reverse("my_data_download"), get=signed_in(200), post=GET_ONLY
    ),
    "delete_account": Entry(
        lambda w: reverse("delete_account"),
        get=GET_ONLY | {"anonymous": 405},
        post=signed_in(302),
        data=lambda w, role: {"password": PASSWORD, "confirm": "on"},
    ),
    "login": Entry(
        lambda w: reverse("login"),
        get=roles(200),
        post=roles(400),  # wrong password: the form again, as a 400
        data=lambda w, role: {"username": w.users["parent"].email, "password": "wrong"},
        actor="anonymous",
    ),
    "logout": Entry(lambda w: reverse("logout"), get=roles(405), post=roles(302)),
    "password_reset": Entry(
        lambda w: reverse("password_reset"),
        get=roles(200),
        post=roles(302),
        data=lambda w, role: {"email": w.users["parent"].email},
        actor="anonymous",
    ),
    "password_reset_done": Entry(
        lambda w: reverse("password_reset_done"), get=roles(200), post=roles(405)
    ),
    # A valid link moves the token into the session and redirects to the set-password form.
    "password_reset_confirm": Entry(reset_link, get=roles(302), post=roles(302), actor="anonymous"),
    "password_reset_complete": Entry(
        lambda w: reverse("password_reset_complete"), get=roles(200), post=roles(405)
    ),
    "kinwise:my_learning": Entry(
        lambda w: reverse("kinwise:my_learning"), get=roles(200), post=GET_ONLY
    ),
    "kinwise:certificate_lookup": Entry(
        lambda w: reverse("kinwise:certificate_lookup"), get=roles(200), post=GET_ONLY
    ),
    "kinwise:certificate_verify": Entry(
        lambda w: reverse("kinwise:certificate_verify", args=[w.certificate.code]),
        get=roles(200),
        post=GET_ONLY,
    ),
    # The learner's own certificate; anyone else's code is a 404, superusers included.
    "kinwise:certificate": Entry(
        lambda w: reverse("kinwise:certificate", args=[w.certificate.code]),
        get=signed_in(404, parent=200),
        post=GET_ONLY,
    ),
    "kinwise:certificate_pdf": Entry(
        lambda w: reverse("kinwise:certificate_pdf", args=[w.certificate.code]),
        get=signed_in(404, parent=200),
        post=GET_ONLY,
    ),
    # Teach: the Teachers group only; another teacher's class is a 404.
    "kinwise:teach:class_list": Entry(
        lambda w: reverse("kinwise:teach:class_list"),
        get=teach(200, other_teacher=200),
        post=teach(405, anonymous=403, other_teacher=405),
        actor="teacher",
    ),
    "kinwise:teach:class_create": Entry(
        lambda w: reverse("kinwise:teach:class_create"),
        get=teach(200, other_teacher=200),
        post=teach(302, anonymous=403, other_teacher=302),
        data=lambda w, role: {"name": "New class", "description": ""},
        actor="teacher",
    ),
    "kinwise:teach:class_dashboard": Entry(
        teach_url("class_dashboard"), get=teach(200), post=TEACH_POST, actor="teacher"
    ),
    "kinwise:teach:class_export": Entry(
        teach_url("class_export"), get=teach(200), post=TEACH_POST, actor="teacher"
    ),
    "kinwise:teach:class_manage": Entry(
        teach_url("class_manage"), get=teach(200), post=TEACH_POST, actor="teacher"
    ),
    "kinwise:teach:class_edit": Entry(
        teach_url("class_edit"),
        get=teach(405),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"name": "Renamed", "description": ""},
        actor="teacher",
    ),
    "kinwise:teach:class_code": Entry(
        teach_url("class_code"),
        get=teach(405),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"action": "regenerate"},
        actor="teacher",
    ),
    "kinwise:teach:class_archive": Entry(
        teach_url("class_archive"),
        get=teach(405),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"action": "archive"},
        actor="teacher",
    ),
    "kinwise:teach:teacher_add": Entry(
        teach_url("teacher_add"),
        get=teach(405),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"email": w.users["other_teacher"].email},
        actor="teacher",
    ),
    "kinwise:teach:teacher_remove": Entry(
        teach_url("teacher_remove", "co_teacher_membership"),
        get=teach(405),
        post=teach(302, anonymous=403),
        actor="teacher",
    ),
    "kinwise:teach:learner_remove": Entry(
        teach_url("learner_remove", "learner_membership"),
        get=teach(200),
        post=teach(302, anonymous=403),
        actor="teacher",
    ),
    "kinwise:teach:learner_readmit": Entry(
        teach_url("learner_readmit", "removed_membership"),
        get=teach(405),
        post=teach(302, anonymous=403),
        actor="teacher",
    ),
    "kinwise:teach:assignment_create": Entry(
        teach_url("assignment_create"),
        get=teach(200),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"page": w.course.pk, "due_date": "", "note": ""},
        actor="teacher",
    ),
    "kinwise:teach:assignment_edit": Entry(
        teach_url("assignment_edit", "assignment"),
        get=teach(200),
        post=teach(302, anonymous=403),
        data=lambda w, role: {"due_date": "2099-02-01", "note": "Before the parent night"},
        actor="teacher",
    ),
    "kinwise:teach:assignment_delete": Entry(
        teach_url("assignment_delete", "assignment"),
        get=teach(405),
        post=teach(302, anonymous=403),
        actor="teacher",
    ),
    "kinwise:teach:quiz_results": Entry(
        teach_url("quiz_results", "quiz"), get=teach(200), post=TEACH_POST, actor="teacher"
    ),
    # Joining: any signed-in user. The invite link of the teacher's class: the parent is
    # already in it, the other parent was removed from it, the teacher teaches it.
    "kinwise:class_join": Entry(
        lambda w: reverse("kinwise:class_join"),
        get=signed_in(200),
        post=roles(302, anonymous=403),
        data=lambda w, role: {"code": w.other_classroom.join_code},
    ),
    "kinwise:class_join_confirm": Entry(
        lambda w: reverse("kinwise:class_join_confirm", args=[w.classroom.join_code]),
        get=signed_in(200, parent=302, other_parent=403, teacher=302),
        post=roles(302, anonymous=403, other_parent=403),
    ),
    "kinwise:class_leave": Entry(
        lambda w: reverse("kinwise:class_leave", args=[w.classroom.pk]),
        get=roles(405),
        post=roles(404, anonymous=403, parent=302),
    ),
    "kinwise:class_dismiss_removal": Entry(
        lambda w: reverse("kinwise:class_dismiss_removal", args=[w.classroom.pk]),
        get=roles(405),
        post=roles(404, anonymous=403, other_parent=302),
        actor="other_parent",
    ),
    # The read-only content API (Wagtail API v2): public pages for everyone, no writes.
    **{
        f"kinwise_api:{endpoint}:{view}": Entry(url, get=roles(status), post=roles(405))
        for endpoint, attr in (("courses", "course"), ("modules", "module"), ("lessons", "lesson"))
        for view, url, status in (
            ("listing", lambda w, e=endpoint: reverse(f"kinwise_api:{e}:listing"), 200),
            (
                "detail",
                lambda w, e=endpoint, a=attr: reverse(
                    f"kinwise_api:{e}:detail", args=[getattr(w, a).pk]
                ),
                200,
            ),
            (
                "find",
                lambda w, e=endpoint, a=attr: (
                    reverse(f"kinwise_api:{e}:find") + f"?id={getattr(w, a).pk}"
                ),
                302,
            ),
        )
    },
    # Wagtail's own front-end URLs.
    "wagtaildocs_serve": Entry(
        # Wagtail serves a document whatever the method (a read, no state changes).
        lambda w: w.document.url,
        get=roles(200),
        post=roles(200),
    ),
    "wagtaildocs_authenticate_with_password": Entry(
        lambda w: reverse("wagtaildocs_authenticate_with_password", args=[999999]),
        get=roles(404),
        post=roles(404),
        actor="anonymous",
    ),
    "wagtailcore_authenticate_with_password": Entry(
        lambda w: reverse("wagtailcore_authenticate_with_password", args=[999999, w.lesson.pk]),
        get=roles(404),
        post=roles(404),
        actor="anonymous",
    ),
    "wagtailcore_login": Entry(
        lambda w: reverse("wagtailcore_login"),
        get=roles(200),
        post=roles(200),  # Wagtail's private-page log-in shows its form again
        data=lambda w, role: {"username": w.users["parent"].email, "password": "wrong"},
        actor="anonymous",
    ),
}

# --- Pages and their routes (wagtail_serve), by page model and route name ------------------

PAGES = {
    "edu.HomePage": {"serve": Entry(page_url("home"), get=roles(200), post=roles(200))},
    "courses.CourseIndexPage": {
        "serve": Entry(page_url("catalogue"), get=roles(200), post=roles(200))
    },
    "courses.CoursePage": {"serve": Entry(page_url("course"), get=roles(200), post=roles(200))},
    "courses.ModulePage": {"serve": Entry(page_url("module"), get=roles(200), post=roles(200))},
    "courses.HelpPage": {"serve": Entry(page_url("help_page"), get=roles(200), post=roles(200))},
    "courses.LessonPage": {
        "index_route": Entry(page_url("lesson"), get=roles(200), post=roles(200)),
        "complete": Entry(page_url("lesson", "complete/"), get=roles(405), post=roles(302)),
        "checklist": Entry(
            page_url("lesson", "checklist/list1/"),
            get=roles(405),
            post=roles(302),
            data=lambda w, role: {"item": w.checklist_items[:1]},
        ),
        "knowledge_check": Entry(
            page_url("lesson", "check/kc1/"),
            get=roles(405),
            post=roles(200),
            data=lambda w, role: {"choice": "1"},
        ),
        "print_block": Entry(page_url("lesson", "print/guide1/"), get=roles(200), post=roles(200)),
    },
    "quizzes.QuizPage": {
        "quiz": Entry(page_url("quiz"), get=roles(200), post=roles(405)),
        "start": Entry(page_url("quiz", "start/"), get=roles(405), post=roles(303)),
        # The parent's (submitted) attempt: its owner sees the result, anyone else a 400.
        "submit": Entry(
            page_url("quiz", "submit/"),
            get=roles(405),
            post=roles(400, parent=303),
            data=lambda w, role: {"attempt": w.attempt.pk},
        ),
        "result": Entry(
            lambda w: w.quiz.get_url() + "attempts/1/",
            get=roles(404, parent=200),
            post=roles(405),
        ),
    },
}

EXCLUDED_PAGE_ROUTES = {
    "wagtailcore.Page": "the tree's root page: no site serves it",
    "quizzes.QuizPage:index_route": "shadowed by the quiz's own '' route (QuizPage.quiz)",
}


def _page_keys() -> list[str]:
    keys = []
    for model in get_page_models():
        routes = getattr(model, "get_subpage_urls", lambda: ())()
        if not routes:
            keys.append(f"{model._meta.label}:serve")
        keys.extend(f"{model._meta.label}:{route.name}" for route in routes)
    return keys


# --- Admin ---------------------------------------------------------------------------------


def admin_url(name, attr=None):
    return lambda w: reverse(name, args=[getattr(w, attr).pk] if attr else None)


def admin_read(*allowed) -> tuple[dict, dict]:
    """A page to read: GET is a 200 for ``allowed``, POST a 405; other staff are refused."""
    get = admin(**dict.fromkeys(allowed, 200))
    post = admin(**dict.fromkeys(allowed, 405))
    return get, post


def admin_form(*allowed, post=200) -> tuple[dict, dict]:
    """A form: an empty POST shows it again with its errors (200), or does the action."""
    return admin(**dict.fromkeys(allowed, 200)), admin(**dict.fromkeys(allowed, post))


NOBODY = (admin(), admin())

# Wagtail 8.0.1's own bugs, on staff-only, CSRF-protected admin views (not reachable from the
# site): a chooser's "create" view with no creation form raises AttributeError on POST, and
# the page editor raises MultiValueDictKeyError ('body-count') on a POST without the
# StreamField's fields. Kept visible here so that an upgrade that fixes them shows up.
WAGTAIL_500 = 500


def _entries(urls: dict) -> dict:
    return {key: Entry(url, *expected) for key, (url, expected) in urls.items()}


def _learner_viewset(ns, attr) -> dict:
    """Read-only listings: only the view permission, which no group has (superusers do).
    Nobody edits or deletes learner records there, superusers included; a record's history
    and usage are not offered either."""
    read = admin_read("superuser")
    return _entries(
        {
            f"{ns}:index": (admin_url(f"{ns}:index"), read),
            f"{ns}:index_results": (admin_url(f"{ns}:index_results"), read),
            f"{ns}:inspect": (admin_url(f"{ns}:inspect", attr), read),
            f"{ns}:add": (admin_url(f"{ns}:add"), NOBODY),
            f"{ns}:edit": (admin_url(f"{ns}:edit", attr), NOBODY),
            f"{ns}:delete": (admin_url(f"{ns}:delete", attr), NOBODY),
            f"{ns}:history": (admin_url(f"{ns}:history", attr), NOBODY),
            f"{ns}:history_results": (admin_url(f"{ns}:history_results", attr), NOBODY),
            f"{ns}:usage": (admin_url(f"{ns}:usage", attr), NOBODY),
        }
    )


def _snippet(ns, attr) -> dict:
    """Platforms and help resources: Editors and Safety reviewers manage them."""
    read = admin_read(*STAFF)
    form = admin_form(*STAFF)
    return _entries(
        {
            f"{ns}:list": (admin_url(f"{ns}:list"), read),
            f"{ns}:list_results": (admin_url(f"{ns}:list_results"), read),
            f"{ns}:add": (admin_url(f"{ns}:add"), form),
            f"{ns}:edit": (admin_url(f"{ns}:edit", attr), form),
            f"{ns}:copy": (admin_url(f"{ns}:copy", attr), form),
            f"{ns}:delete": (admin_url(f"{ns}:delete", attr), admin_form(*STAFF, post=302)),
            f"{ns}:usage": (admin_url(f"{ns}:usage", attr), read),
            f"{ns}:history": (admin_url(f"{ns}:history", attr), read),
            f"{ns}:history_results": (admin_url(f"{ns}:history_results", attr), read),
        }
    )


def _snippet_chooser(ns, attr) -> dict:
    read = admin_read(*STAFF)
    return _entries(
        {
            f"{ns}:choose": (admin_url(f"{ns}:choose"), read),
            f"{ns}:choose_results": (admin_url(f"{ns}:choose_results"), read),
            f"{ns}:chosen": (admin_url(f"{ns}:chosen", attr), read),
            f"{ns}:chosen_multiple": (admin_url(f"{ns}:chosen_multiple"), read),
            f"{ns}:create": (admin_url(f"{ns}:create"), admin_form(*STAFF, post=WAGTAIL_500)),
        }
    )


def _users() -> dict:
    """Wagtail's user admin, over our user model (personal data): superusers only."""

    def url(view):
        return lambda w: reverse(f"wagtailusers_users:{view}", args=[w.users["parent"].pk])

    read = admin_read("superuser")
    form = admin_form("superuser")
    return _entries(
        {
            "wagtailusers_users:index": (admin_url("wagtailusers_users:index"), read),
            "wagtailusers_users:index_results": (
                admin_url("wagtailusers_users:index_results"),
                read,
            ),
            "wagtailusers_users:add": (admin_url("wagtailusers_users:add"), form),
            "wagtailusers_users:edit": (url("edit"), form),
            "wagtailusers_users:copy": (url("copy"), form),
            "wagtailusers_users:delete": (url("delete"), admin_form("superuser", post=302)),
            "wagtailusers_users:history": (url("history"), read),
            "wagtailusers_users:history_results": (url("history_results"), read),
            "wagtailusers_users:usage": (url("usage"), read),
        }
    )


LEARNER_REPORT = admin_read("reviewer", "superuser")  # needs page publish permission
CONTENT_REPORT = admin_read(*STAFF)  # anyone who edits pages

KINWISE_ADMIN = {
    **_entries(
        {
            f"kinwise_course_reports:{name}": (
                admin_url(f"kinwise_course_reports:{name}"),
                LEARNER_REPORT if name.startswith("module") else CONTENT_REPORT,
            )
            for name in (
                "module_completion",
                "module_completion_results",
                "due_for_review",
                "due_for_review_results",
            )
        }
    ),
    **_entries(
        {
            f"kinwise_quiz_reports:{name}": (
                admin_url(f"kinwise_quiz_reports:{name}"),
                LEARNER_REPORT,
            )
            for name in ("question_analysis", "question_analysis_results")
        }
    ),
    **_learner_viewset("progress", "progress"),
    **_learner_viewset("certificate", "certificate"),
    **_learner_viewset("classroom", "classroom"),
    **_learner_viewset("membership", "learner_membership"),
    **_learner_viewset("assignment", "assignment"),
    **_learner_viewset("quizattempt", "attempt"),
    # xAPI statements: learner data too; resending needs a permission no group has.
    **_learner_viewset("kinwise_xapi_statements", "statement"),
    **_entries(
        {
            "kinwise_xapi_statements:resend_failed": (
                admin_url("kinwise_xapi_statements:resend_failed"),
                admin_form("superuser", post=302),
            ),
            "kinwise_xapi_statements:resend": (
                admin_url("kinwise_xapi_statements:resend", "statement"),
                admin_form("superuser", post=302),
            ),
        }
    ),
    **_snippet("wagtailsnippets_courses_platform", "platform"),
    **_snippet("wagtailsnippets_courses_helpresource", "help_resource"),
    **_snippet_chooser("wagtailsnippetchoosers_courses_platform", "platform"),
    **_snippet_chooser("wagtailsnippetchoosers_courses_helpresource", "help_resource"),
    **_users(),
}

# Wagtail's own admin, for staff: a representative set. Non-staff roles get every admin
# URL (see test_admin_refuses_everyone_without_admin_access).
WAGTAIL_ADMIN = _entries(
    {
        "wagtailadmin_home": (admin_url("wagtailadmin_home"), admin_read(*STAFF)),
        "wagtailadmin_explore_root": (
            admin_url("wagtailadmin_explore_root"),
            admin_read(*STAFF),
        ),
        "wagtailadmin_pages:edit": (
            admin_url("wagtailadmin_pages:edit", "lesson"),
            admin_form(*STAFF, post=WAGTAIL_500),
        ),
        # A live page: only those who may publish may delete it.
        "wagtailadmin_pages:delete": (
            admin_url("wagtailadmin_pages:delete", "lesson"),
            admin_form("reviewer", "superuser", post=302),
        ),
        "wagtailusers_groups:index": (
            admin_url("wagtailusers_groups:index"),
            admin_read("superuser"),
        ),
        "wagtailadmin_workflows:index": (
            admin_url("wagtailadmin_workflows:index"),
            admin_read("superuser"),
        ),
        "wagtailsites:index": (admin_url("wagtailsites:index"), admin_read("superuser")),
        "wagtailimages:index": (admin_url("wagtailimages:index"), admin_read(*STAFF)),
        "wagtaildocs:index": (admin_url("wagtaildocs:index"), admin_read(*STAFF)),
        "wagtailadmin_reports:site_history": (
            admin_url("wagtailadmin_reports:site_history"),
            admin_read(*STAFF),
        ),
    }
)

# Admin URLs that are open without admin access, by design.
PUBLIC_ADMIN = {
    "wagtailadmin_login": "the admin's log-in form",
    "wagtailadmin_password_reset": "the admin's password reset form",
    "wagtailadmin_password_reset_done": "password reset: email sent",
    "wagtailadmin_password_reset_confirm": "password reset: link from the email",
    "wagtailadmin_password_reset_complete": "password reset: done",
    "wagtailadmin_logout": "logging out",
    "wagtailadmin_sprite": "the admin's icon sprite (static SVG)",
    "wagtailadmin_javascript_catalog": "the admin's JavaScript translations (static strings)",
}


def _kinwise_admin_namespaces() -> set[str]:
    found = set()
    for viewset in admin_viewsets.viewsets:
        meta = getattr(getattr(viewset, "model", None), "_meta", None)
        mine = type(viewset).__module__.split(".")[0] in KINWISE_APPS
        if mine or (meta is not None and meta.app_label in KINWISE_APPS):
            found.add(viewset.url_namespace)
    return found


def _is_kinwise_admin(route) -> bool:
    return route.is_kinwise_code or bool(set(route.namespaces) & _kinwise_admin_namespaces())


ALL_ENTRIES = {
    **SITE,
    **{
        f"{label}:{name}": entry
        for label, routes in PAGES.items()
        for name, entry in routes.items()
    },
    **KINWISE_ADMIN,
    **WAGTAIL_ADMIN,
}

# URL patterns outside the admin that have no entry, with the reason.
EXCLUDED = {
    "wagtail_serve": "every page is served here: entries by page model and route (PAGES)",
}


# --- The walk ------------------------------------------------------------------------------


def test_every_url_pattern_has_an_entry():
    missing = []
    for key, route in keyed_routes().items():
        if key in EXCLUDED or key in ALL_ENTRIES:
            continue
        if route.in_admin:
            if _is_kinwise_admin(route):
                missing.append(f"{key} ({route.route}): a Kinwise admin URL needs an entry")
            continue  # Wagtail's own: test_admin_refuses_everyone_without_admin_access
        missing.append(f"{key} ({route.route}) has no entry in the authorization matrix")
    for key in _page_keys():
        excluded = key in EXCLUDED_PAGE_ROUTES or key.split(":")[0] in EXCLUDED_PAGE_ROUTES
        if key not in ALL_ENTRIES and not excluded:
            missing.append(f"page route {key} has no entry in PAGES")
    assert not missing, "\n".join(missing)


def test_entries_name_existing_urls():
    known = set(keyed_routes()) | set(_page_keys())
    stale = [key for key in ALL_ENTRIES if key not in known]
    stale += [key for key in EXCLUDED if key not in known]
    stale += [key for key in PUBLIC_ADMIN if key not in known]
    assert not stale, f"entries for URLs that no longer exist: {stale}"


# --- Requests ------------------------------------------------------------------------------


def check(response, expected) -> str | None:
    """Why ``response`` does not meet ``expected``, or None."""
    location = response.get("Location", "")
    status = response.status_code
    if expected == LOGIN:
        ok = status == 302 and location.startswith(reverse(settings.LOGIN_URL))
    elif expected == ADMIN_LOGIN:
        ok = status == 302 and location.startswith(reverse("wagtailadmin_login"))
    elif expected == ADMIN_DENIED:
        ok = status == 302 and location == reverse("wagtailadmin_home")
    elif expected in (301, 302, 303):
        # A success redirect, not a refusal in disguise.
        ok = status == expected and not location.startswith(
            (reverse(settings.LOGIN_URL), reverse("wagtailadmin_login"))
        )
    else:
        ok = status == expected
    if ok:
        return None
    return f"expected {expected}, got {status} {location}".rstrip()


def run_matrix(world, role, entries) -> list[str]:
    visitor = Visitor(world, role)
    failures = []
    for key, entry in entries.items():
        url = entry.url(world)
        for method, expected in (("get", entry.get[role]), ("post", entry.post[role])):
            data = entry.data(world, role) if method == "post" else None
            problem = check(visitor.request(method, url, data), expected)
            if problem:
                failures.append(f"{role} {method.upper()} {url} [{key}]: {problem}")
    return failures


@pytest.mark.parametrize("role", ROLES)
def test_site_and_page_urls(world, role):
    entries = {k: v for k, v in ALL_ENTRIES.items() if k not in KINWISE_ADMIN | WAGTAIL_ADMIN}
    failures = run_matrix(world, role, entries)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ROLES)
def test_admin_urls(world, role):
    failures = run_matrix(world, role, KINWISE_ADMIN | WAGTAIL_ADMIN)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize("role", ["anonymous", "parent", "teacher"])
def test_admin_refuses_everyone_without_admin_access(world, role):
    """Every admin URL, Wagtail's own included, sends visitors and non-staff to log in.

    (POST for visitors only: the check is one decorator for every method, and the Kinwise
    admin URLs get both methods for every role in test_admin_urls.)
    """
    visitor = Visitor(world, role)
    failures = []
    methods = ("get", "post") if role == "anonymous" else ("get",)
    for key, route in keyed_routes().items():
        if not route.in_admin or route.name in PUBLIC_ADMIN:
            continue
        url = sample_url(route)
        for method in methods:
            problem = check(visitor.request(method, url), ADMIN_LOGIN)
            if problem:
                failures.append(f"{role} {method.upper()} {url} [{key}]: {problem}")
    assert not failures, "\n".join(failures)


def test_post_without_csrf_token_is_refused(world):
    """Every URL that takes a POST refuses one without a CSRF token, and writes nothing."""
    failures = []
    visitors = {}
    before = row_counts()
    for key, entry in ALL_ENTRIES.items():
        if not entry.accepts_post:
            continue
        actor = entry.actor if key not in KINWISE_ADMIN | WAGTAIL_ADMIN else "superuser"
        visitor = visitors.get(actor) or Visitor(world, actor, enforce_csrf_checks=True)
        visitors[actor] = visitor
        url = entry.url(world)
        response = visitor.client.post(url, entry.data(world, actor))
        if response.status_code != 403 or b"CSRF" not in response.content:
            failures.append(f"{actor} POST {url} [{key}]: {response.status_code}, not a CSRF 403")
    assert not failures, "\n".join(failures)
    assert row_counts() == before
