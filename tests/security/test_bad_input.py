"""Bad input, generated: never a 500; a refusal (400, or the endpoint's documented 403/404/
405/429) with a message in the body; and nothing written.

Every form and POST endpoint gets values that are wrong in kind (text where a number is
expected, NUL characters, very long or blank strings, unknown ids and tokens, stale or
other people's attempts). Each example runs in a savepoint that is rolled back, after the
row counts of the models it could write have been compared (``world.row_counts``); forms
that edit a row are also compared field by field. Example counts stay modest so the module
runs in seconds; the examples are derandomized, so a failure reproduces.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from courses.models import Assignment, Classroom
from quizzes.models import QuizAttempt
from tests.security.world import PASSWORD, Visitor, row_counts

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=20,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Text of every kind: control characters (NUL included), other scripts, emoji, markup.
junk = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=60
)
long_text = st.text(alphabet="aé€😀 ", min_size=1001, max_size=1500)
blank = st.text(alphabet=" \t\n\r\u00a0\u2003", max_size=10)
with_nul = st.builds(lambda a, b: f"{a}\x00{b}", junk, junk)
numberish = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["", "0", "-1", "1e9", "NaN", "inf", "0x10", "1.5", "٣", "１"]),
)
anything = st.one_of(junk, numberish, with_nul, st.just(""))
# Text that can sit in one URL path segment (Django's str converter stops at "/").
segment = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"], exclude_characters="/"),
    min_size=1,
    max_size=40,
)


def refused(response, allowed=(400,)) -> None:
    assert response.status_code != 500
    assert response.status_code in allowed, (response.status_code, response.content[:300])
    assert response.content.strip(), "a refusal says why"


def no_writes(visitor, method, url, data, *, allowed=(400,), snapshot=None, **extra):
    """Send ``data``; check the refusal and that no row was added, removed or (``snapshot``)
    changed; then roll the example back."""
    with transaction.atomic():
        before = row_counts()
        state = snapshot() if snapshot else None
        response = visitor.request(method, url, data, rollback=False, **extra)
        refused(response, allowed)
        assert row_counts() == before, f"{method.upper()} {url} {data!r} wrote rows"
        if snapshot:
            assert snapshot() == state, f"{method.upper()} {url} {data!r} changed a row"
        transaction.set_rollback(True)
    return response


def has_error(response, *texts) -> bool:
    body = response.content.decode(errors="replace")
    return any(text in body for text in texts)


# --- Accounts ------------------------------------------------------------------------------


@FUZZ
@given(email=anything, password=junk)
def test_signup_with_mismatched_passwords(world, email, password):
    visitor = Visitor(world, "anonymous")
    data = {"email": email, "password1": password, "password2": password + "x"}
    response = no_writes(visitor, "post", reverse("signup"), data)
    assert has_error(response, 'role="alert"')


@FUZZ
@given(email=st.one_of(junk.filter(lambda s: "@" not in s), with_nul, long_text))
def test_signup_with_a_bad_email(world, email):
    visitor = Visitor(world, "anonymous")
    data = {
        "email": email,
        "password1": "a-long-pass-phrase-9",
        "password2": "a-long-pass-phrase-9",
    }
    response = no_writes(visitor, "post", reverse("signup"), data)
    assert has_error(response, 'role="alert"')


@FUZZ
@given(username=anything, password=anything)
def test_login_with_wrong_credentials(world, username, password):
    # 403/429: the log-in throttle (django-axes) may answer instead; its attempt records
    # are not counted (writing them is its job).
    visitor = Visitor(world, "anonymous")
    no_writes(
        visitor,
        "post",
        reverse("login"),
        {"username": username, "password": password},
        allowed=(400, 403, 429),
    )


@FUZZ
@given(email=st.one_of(junk.filter(lambda s: "@" not in s), with_nul))
def test_password_reset_with_a_bad_email(world, email):
    mail.outbox = []
    visitor = Visitor(world, "anonymous")
    no_writes(visitor, "post", reverse("password_reset"), {"email": email}, allowed=(400, 429))
    assert mail.outbox == []


@FUZZ
@given(uidb64=segment, token=segment)
def test_password_reset_link_with_garbage(world, uidb64, token):
    visitor = Visitor(world, "anonymous")
    url = reverse("password_reset_confirm", args=[uidb64, token])
    for method in ("get", "post"):
        response = no_writes(
            visitor,
            method,
            url,
            {"new_password1": "a-long-pass-phrase-9", "new_password2": "a-long-pass-phrase-9"},
        )
        assert has_error(response, "expired or has already been used")


@FUZZ
@given(password=anything)
def test_new_password_that_does_not_match(world, password):
    user = get_user_model().objects.get(pk=world.users["parent"].pk)
    visitor = Visitor(world, "anonymous")
    link = reverse(
        "password_reset_confirm",
        args=[
            urlsafe_base64_encode(force_bytes(user.pk)),
            default_token_generator.make_token(user),
        ],
    )
    with transaction.atomic():
        # The link puts the token in the session and sends the browser to the form.
        form_url = visitor.request("get", link, rollback=False)["Location"]
        old_hash = get_user_model().objects.get(pk=user.pk).password
        response = visitor.client.post(
            form_url, {"new_password1": password, "new_password2": password + "x"}
        )
        refused(response)
        assert get_user_model().objects.get(pk=user.pk).password == old_hash
        transaction.set_rollback(True)


@FUZZ
@given(password=anything, confirm=st.one_of(st.just(""), st.just("off"), anything))
def test_delete_account_with_a_wrong_password(world, password, confirm):
    visitor = Visitor(world, "parent")
    data = {"password": password, "confirm": confirm}
    if password == PASSWORD:
        data["confirm"] = ""
    no_writes(visitor, "post", reverse("delete_account"), data)


# --- Joining a class -----------------------------------------------------------------------


@FUZZ
@given(code=st.one_of(anything, long_text))
def test_join_with_a_bad_code(world, code):
    visitor = Visitor(world, "other_teacher")
    response = no_writes(
        visitor, "post", reverse("kinwise:class_join"), {"code": code}, allowed=(400, 429)
    )
    assert has_error(response, 'role="alert"')


@FUZZ
@given(code=segment)
def test_invite_link_with_a_bad_code(world, code):
    visitor = Visitor(world, "other_teacher")
    url = reverse("kinwise:class_join_confirm", args=[code])
    for method in ("get", "post"):
        response = no_writes(visitor, method, url, {}, allowed=(404, 429))
        assert has_error(response, 'role="alert"')


# --- Teach ---------------------------------------------------------------------------------

bad_class_name = st.one_of(blank, with_nul, st.text(min_size=101, max_size=150))


def class_state(world):
    return lambda: list(Classroom.objects.order_by("pk").values())


@FUZZ
@given(name=bad_class_name, description=st.one_of(junk, long_text))
def test_class_create_and_edit_with_a_bad_name(world, name, description):
    visitor = Visitor(world, "teacher")
    data = {"name": name, "description": description}
    for url in (
        reverse("kinwise:teach:class_create"),
        reverse("kinwise:teach:class_edit", args=[world.classroom.pk]),
    ):
        response = no_writes(visitor, "post", url, data, snapshot=class_state(world))
        assert has_error(response, "errorlist", 'role="alert"')


@FUZZ
@given(action=anything)
def test_class_code_and_archive_with_a_bad_action(world, action):
    visitor = Visitor(world, "teacher")
    for name in ("class_code", "class_archive"):
        url = reverse(f"kinwise:teach:{name}", args=[world.classroom.pk])
        no_writes(visitor, "post", url, {"action": action}, snapshot=class_state(world))


@FUZZ
@given(email=st.one_of(anything, st.emails()))
def test_co_teacher_add_with_an_unknown_email(world, email):
    visitor = Visitor(world, "teacher")
    url = reverse("kinwise:teach:teacher_add", args=[world.classroom.pk])
    no_writes(visitor, "post", url, {"email": email})


def assignment_state():
    return list(Assignment.objects.order_by("pk").values())


bad_date = st.one_of(
    junk.filter(lambda s: s.strip() != ""),
    st.dates(max_value=timezone.localdate() - timedelta(days=1)).map(str),
    st.sampled_from(["2024-02-30", "99999-01-01", "0000-00-00", "2025-13-01"]),
)


@FUZZ
@given(page=anything, due_date=st.one_of(st.just(""), bad_date), note=st.one_of(junk, long_text))
def test_assignment_create_with_a_bad_page(world, page, due_date, note):
    visitor = Visitor(world, "teacher")
    url = reverse("kinwise:teach:assignment_create", args=[world.classroom.pk])
    data = {"page": page, "due_date": due_date, "note": note}
    no_writes(visitor, "post", url, data, snapshot=assignment_state)


@FUZZ
@given(due_date=bad_date, note=junk)
def test_assignment_edit_with_a_bad_date(world, due_date, note):
    visitor = Visitor(world, "teacher")
    url = reverse("kinwise:teach:assignment_edit", args=[world.classroom.pk, world.assignment.pk])
    data = {"due_date": due_date, "note": note}
    no_writes(visitor, "post", url, data, snapshot=assignment_state)


@FUZZ
@given(number=st.integers(min_value=10**6, max_value=2**63 - 1))
def test_teach_urls_with_unknown_ids(world, number):
    visitor = Visitor(world, "teacher")
    pk = world.classroom.pk
    for name, args in (
        ("learner_remove", [pk, number]),
        ("learner_readmit", [pk, number]),
        ("teacher_remove", [pk, number]),
        ("assignment_delete", [pk, number]),
        ("class_edit", [number]),
    ):
        url = reverse(f"kinwise:teach:{name}", args=args)
        no_writes(visitor, "post", url, {"name": "x"}, allowed=(404,))
    url = reverse("kinwise:teach:quiz_results", args=[pk, number])
    no_writes(visitor, "get", url, {}, allowed=(404,))


@FUZZ
@given(sort=anything)
def test_dashboard_and_export_with_a_bad_sort(world, sort):
    columns = {"name", "done", f"a{world.assignment.pk}"}
    if sort == "" or sort.removeprefix("-") in columns:
        return  # a real sort order
    visitor = Visitor(world, "teacher")
    for name in ("class_dashboard", "class_export"):
        url = reverse(f"kinwise:teach:{name}", args=[world.classroom.pk])
        no_writes(visitor, "get", url, {"sort": sort})


# --- Lessons -------------------------------------------------------------------------------


@FUZZ
@given(items=st.lists(anything, min_size=1, max_size=5))
def test_checklist_with_unknown_items(world, items):
    items = [item for item in items if item not in world.checklist_items] or ["nope"]
    for role in ("anonymous", "parent"):
        visitor = Visitor(world, role)
        url = world.lesson.get_url() + "checklist/list1/"
        no_writes(visitor, "post", url, {"item": items})


@FUZZ
@given(block_id=segment)
def test_checklist_and_knowledge_check_with_unknown_blocks(world, block_id):
    visitor = Visitor(world, "parent")
    lesson_url = world.lesson.get_url()
    # Wagtail routes only word characters and hyphens: other ids are a 404 from the router.
    if block_id not in ("list1", "kc1"):
        no_writes(
            visitor,
            "post",
            f"{lesson_url}checklist/{block_id}/",
            {"item": ["x"]},
            allowed=(400, 404),
        )
        no_writes(
            visitor, "post", f"{lesson_url}check/{block_id}/", {"choice": "0"}, allowed=(404,)
        )
        no_writes(visitor, "get", f"{lesson_url}print/{block_id}/", {}, allowed=(404,))


@FUZZ
@given(choice=anything.filter(lambda s: s.strip() not in ("0", "1", "+0", "+1", "-0")))
def test_knowledge_check_with_a_bad_choice(world, choice):
    visitor = Visitor(world, "parent")
    url = world.lesson.get_url() + "check/kc1/"
    response = no_writes(visitor, "post", url, {"choice": choice})
    assert has_error(response, "not one of the choices", "Choose an answer")


# --- Quizzes -------------------------------------------------------------------------------


@FUZZ
@given(attempt=st.one_of(numberish, junk))
def test_quiz_submit_with_a_bad_attempt_id(world, attempt):
    # The parent's own attempt is submitted already: that one shows its result instead.
    try:
        if int(attempt) == world.attempt.pk:
            attempt = "0"
    except ValueError:
        pass
    for role in ("anonymous", "parent", "other_parent"):
        visitor = Visitor(world, role)
        response = no_writes(
            visitor, "post", world.quiz.get_url() + "submit/", {"attempt": attempt}
        )
        assert has_error(response, 'role="alert"')


@pytest.fixture
def open_attempt(world):
    """An open attempt of the other parent's (inside the test's transaction)."""
    return QuizAttempt.objects.create(
        quiz=world.quiz,
        learner=world.users["other_parent"],
        revision_id=world.quiz.live_revision_id,
        number=1,
        served=world.quiz.serve_new_attempt_questions(),
    )


@FUZZ
@given(
    answers=st.dictionaries(
        st.one_of(st.sampled_from(["q-q1", "q-q2", "q-nope"]), junk.map(lambda s: "q-" + s)),
        st.one_of(anything, st.lists(anything, max_size=3)),
        min_size=1,
        max_size=4,
    )
)
def test_quiz_submit_with_garbage_answers(world, open_attempt, answers):
    tokens = {
        token for question in world.quiz.served_questions(open_attempt) for token in question.tokens
    }
    if any(set(v if isinstance(v, list) else [v]) & tokens for v in answers.values()):
        return  # a real answer slipped in; this case is about garbage
    visitor = Visitor(world, "other_parent")

    def attempt_state():
        return list(QuizAttempt.objects.order_by("pk").values())

    response = no_writes(
        visitor,
        "post",
        world.quiz.get_url() + "submit/",
        {"attempt": open_attempt.pk, **answers},
        snapshot=attempt_state,
    )
    assert has_error(response, 'role="alert"')


@FUZZ
@given(number=st.integers(min_value=2, max_value=2**31))
def test_quiz_result_of_an_unknown_attempt(world, number):
    visitor = Visitor(world, "parent")
    no_writes(visitor, "get", world.quiz.get_url() + f"attempts/{number}/", {}, allowed=(404,))


# --- Certificates, catalogue, help, reports (GET parameters) -------------------------------


@FUZZ
@given(code=st.one_of(anything, long_text))
def test_certificate_verify_with_a_bad_code(world, code):
    visitor = Visitor(world, "anonymous")
    url = reverse("kinwise:certificate_lookup")
    response = no_writes(visitor, "get", url, {"code": code}, allowed=(200, 404))
    if code.strip():
        assert response.status_code == 404
        assert has_error(response, 'role="alert"')


@FUZZ
@given(code=segment)
def test_certificate_urls_with_a_bad_code(world, code):
    if code == world.certificate.code:
        return
    visitor = Visitor(world, "parent")
    no_writes(
        visitor, "get", reverse("kinwise:certificate_verify", args=[code]), {}, allowed=(404,)
    )
    no_writes(visitor, "get", reverse("kinwise:certificate", args=[code]), {}, allowed=(404,))
    no_writes(visitor, "get", reverse("kinwise:certificate_pdf", args=[code]), {}, allowed=(404,))


@FUZZ
@given(params=st.dictionaries(st.sampled_from(["q", "tag", "platform", "age", "page"]), anything))
def test_catalogue_filters_and_search_with_garbage(world, params):
    # Unknown filter values give an empty list with an explanation (a 200), by design.
    visitor = Visitor(world, "anonymous")
    no_writes(visitor, "get", world.catalogue.get_url(), params, allowed=(200, 400))


@FUZZ
@given(region=anything)
def test_help_page_with_a_bad_region(world, region):
    visitor = Visitor(world, "anonymous")
    no_writes(visitor, "get", world.help_page.get_url(), {"region": region}, allowed=(200, 400))


REPORT_PARAMS = [
    "course",
    "locale",
    "quiz",
    "question_type",
    "platform",
    "kind",
    "status",
    "ordering",
    "p",
    "export",
    "q",
]


@FUZZ
@given(params=st.dictionaries(st.sampled_from(REPORT_PARAMS), anything, max_size=4))
def test_report_filters_with_garbage(world, params):
    # Wagtail's reports show a filter form's errors on the page (200) and ignore an unknown
    # ordering; a bad export format is a 404 in Wagtail.
    visitor = Visitor(world, "reviewer")
    for name in (
        "kinwise_course_reports:module_completion_results",
        "kinwise_course_reports:due_for_review_results",
        "kinwise_quiz_reports:question_analysis_results",
    ):
        no_writes(visitor, "get", reverse(name), params, allowed=(200, 400, 404))
