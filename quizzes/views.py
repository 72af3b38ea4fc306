"""The learner's side of a quiz: start, answer, submit, review.

These are the bodies of ``AbstractQuizPage``'s routes. Every change is a POST with CSRF;
grading and the rules about what to show live in ``grading``, ``serving`` and ``review``.
Bad or stale input gets a 400 with the reason on the page, and nothing is written.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from courses.completion import ProgressStatus
from courses.models.routing import routed_ancestors
from quizzes.analysis import record_attempt
from quizzes.forms import QuizAnswerForm
from quizzes.grading import grade_attempt
from quizzes.models import VISITOR_SESSION_KEY, StaleAttempt, new_visitor_key
from quizzes.review import review_questions

QUIZ_TEMPLATE = "quizzes/quiz_page.html"
RESULT_TEMPLATE = "quizzes/quiz_page_result.html"
PREVIEW_TEMPLATE = "quizzes/quiz_page_preview.html"


def _owner(request, *, create: bool = False) -> tuple[object | None, str]:
    """The signed-in learner, or the anonymous visitor's key (made on first start)."""
    if request.user.is_authenticated:
        return request.user, ""
    key = request.session.get(VISITOR_SESSION_KEY, "")
    if not key and create:
        key = new_visitor_key()
        request.session[VISITOR_SESSION_KEY] = key
    return None, key


def _attempts(page, request, *, create: bool = False):
    learner, key = _owner(request, create=create)
    return page.get_attempt_class().objects.for_quiz(page).owned_by(learner, key)


def _see_other(url: str) -> HttpResponseRedirect:
    response = HttpResponseRedirect(url)
    response.status_code = 303  # after a POST, the browser GETs the result
    return response


def _route_url(page, request, name: str, *args) -> str:
    return page.get_url(request) + page.reverse_subpage(name, args=args or None)


def _module(page, request):
    """The quiz's module: found while routing (no query), else asked of the tree."""
    ancestors = routed_ancestors(request, page)
    return ancestors[-1] if ancestors else page.get_parent()


def _render(page, request, template, context, status=200):
    module = _module(page, request)
    response = page.render(
        request,
        template=template,
        context_overrides={
            "module": module,
            "start_url": _route_url(page, request, "start"),
            "submit_url": _route_url(page, request, "submit"),
            **context,
        },
    )
    response.status_code = status
    return response


def _history(page, request, attempts: list) -> dict:
    submitted = [attempt for attempt in attempts if attempt.is_submitted]
    for attempt in submitted:
        attempt.result_url = _route_url(page, request, "result", attempt.number)
    return {
        "attempts": submitted,
        "best_score": max((attempt.score for attempt in submitted), default=None),
        "has_passed": any(attempt.passed for attempt in submitted),
    }


def _attempts_left(page, attempts: list) -> int | None:
    if page.max_attempts is None:
        return None
    used = max((attempt.number for attempt in attempts), default=0)
    return max(0, page.max_attempts - used)


def quiz(page, request, *, error: str = "", status: int = 200, form=None, attempt=None):
    """The quiz page: the introduction and a Start button, or the open attempt's questions."""
    if request.method not in ("GET", "HEAD") and form is None and not error:
        return HttpResponseNotAllowed(["GET", "HEAD"])
    attempts = list(_attempts(page, request).order_by("number"))
    open_attempt = attempt or next((a for a in attempts if not a.is_submitted), None)
    left = _attempts_left(page, attempts)
    context = {
        **_history(page, request, attempts),
        "attempts_left": left,
        "can_start": left is None or left > 0,
        "error": error,
        "question_count": page.question_count(),
    }
    if open_attempt is not None:
        if form is None:
            try:
                questions = page.served_questions(open_attempt)
            except StaleAttempt:
                context["stale"] = True
                context["can_start"] = True
                return _render(page, request, QUIZ_TEMPLATE, context, status)
            form = QuizAnswerForm(questions, initial={"attempt": open_attempt.pk})
        form.bind_to_questions()
        context.update({"form": form, "open_attempt": open_attempt, "questions": form.questions})
    return _render(page, request, QUIZ_TEMPLATE, context, status)


def start(page, request):
    """Start an attempt (or resume the open one): draws and orders the questions."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    Attempt = page.get_attempt_class()
    learner, key = _owner(request, create=True)
    with transaction.atomic():
        attempts = Attempt.objects.for_quiz(page).owned_by(learner, key)
        open_attempt = attempts.open().select_for_update().first()
        if open_attempt is not None:
            try:
                page.served_questions(open_attempt)
                return _see_other(page.get_url(request))
            except StaleAttempt:
                # The questions it served are gone (the quiz changed and its revision was
                # removed): it holds no answers, so it is replaced rather than counted.
                open_attempt.delete()
        last = attempts.aggregate(last=Max("number"))["last"] or 0
        if page.max_attempts is not None and last >= page.max_attempts:
            if attempts.open().exists():
                # A concurrent start committed the last attempt between our two reads:
                # resume it, as if we had seen it first.
                return _see_other(page.get_url(request))
            return quiz(
                page,
                request,
                error=_("You have used all %(count)s attempts at this quiz.")
                % {"count": page.max_attempts},
                status=400,
            )
        try:
            # The unique constraints decide between concurrent starts: the loser sees the
            # winner's attempt (or the limit) when it is sent back to the quiz page.
            with transaction.atomic():
                attempt = Attempt.objects.create(
                    quiz=page,
                    learner=learner,
                    visitor_key=key,
                    revision_id=page.live_revision_id,
                    number=last + 1,
                    served=page.serve_new_attempt_questions(),
                )
        except IntegrityError:
            return _see_other(page.get_url(request))
        if attempt.number == 1:
            page.record_progress(request, ProgressStatus.STARTED)
    return _see_other(page.get_url(request))


STALE_FORM = gettext_lazy(
    "This quiz form is out of date: the attempt it belongs to is not open. "
    "Your answers were not recorded. Start or continue the quiz below."
)


def submit(page, request):
    """Grade the open attempt once; a repeated submission shows the recorded result."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    try:
        attempt_id = int(request.POST.get("attempt", ""))
    except ValueError:
        attempt_id = 0
    if not 0 < attempt_id < 2**63:  # beyond a bigint, PostgreSQL would refuse the lookup
        return quiz(page, request, error=str(STALE_FORM), status=400)

    with transaction.atomic():
        attempt = _attempts(page, request).select_for_update().filter(pk=attempt_id).first()
        if attempt is None:
            invalid = {"error": str(STALE_FORM)}
        elif attempt.is_submitted:
            return _see_other(_route_url(page, request, "result", attempt.number))
        else:
            try:
                questions = page.served_questions(attempt)
            except StaleAttempt:
                invalid = {"error": str(STALE_FORM)}
            else:
                form = QuizAnswerForm(questions, data=request.POST)
                if form.is_valid() and form.cleaned_data["attempt"] == attempt.pk:
                    _record(page, request, attempt, questions, form.responses())
                    return _see_other(_route_url(page, request, "result", attempt.number))
                invalid = {
                    "form": form,
                    "attempt": attempt,
                    "error": _("Your answers were not recorded. Check the questions marked below."),
                }
    return quiz(page, request, status=400, **invalid)


def _record(page, request, attempt, questions, responses) -> None:
    grade = grade_attempt(
        {question.block_id: (question.block_type, question.value) for question in questions},
        responses,
        page.pass_mark,
    )
    attempt.record_grade(responses, grade)
    attempt.save(update_fields=["answers", "score", "passed", "submitted_at"])
    status = ProgressStatus.PASSED if grade.passed else ProgressStatus.FAILED
    page.record_progress(request, status, grade.percent)
    # Question analysis's running totals, in the same transaction: one query. Last, as the
    # rows it updates are shared by everyone submitting this quiz (held until commit).
    record_attempt(attempt, questions)


def result(page, request, number: int):
    """A submitted attempt's score, pass or fail, and feedback as the quiz allows."""
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    attempts = list(_attempts(page, request).order_by("number"))
    attempt = next((a for a in attempts if a.number == number and a.is_submitted), None)
    if attempt is None:
        raise Http404
    history = _history(page, request, attempts)
    try:
        questions = page.served_questions(attempt)
    except StaleAttempt:
        questions = []
    reviewed = review_questions(
        questions,
        attempt.answers,
        reveal=page.answers_visible(history["has_passed"]),
        feedback=page.feedback_visible(),
    )
    left = _attempts_left(page, attempts)
    has_open = any(not a.is_submitted for a in attempts)
    context = {
        **history,
        "attempt": attempt,
        "reviewed": reviewed,
        "answers_shown": page.answers_visible(history["has_passed"]),
        "attempts_left": left,
        "can_start": has_open or left is None or left > 0,
        "has_open": has_open,
    }
    return _render(page, request, RESULT_TEMPLATE, context)


def preview(page, request):
    """Editors' preview: the questions with their answers (never served to learners)."""
    return page.render(request, template=PREVIEW_TEMPLATE, context_overrides={"preview": True})
