"""Joining and leaving a class, for any signed-in user (parents, mostly).

A right code (typed, or in an invite link) leads to a page that says what the class's
teachers will see, and a button to join. Wrong codes are throttled (see ``throttling``).
"""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ..models import Classroom, Membership
from ..models.classes import normalise_join_code
from ..progress import learner_name
from . import throttling
from .dashboard import min_aggregate_learners
from .forms import JoinCodeForm
from .views import TEMPLATES


def learner_required(view):
    """Any signed-in user; a visitor is sent to log in (GET) or refused (POST)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            if request.method in ("GET", "HEAD"):
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _too_many(request, wait, form=None):
    message = _(
        "Too many wrong codes. For your security, please wait %(minutes)s minutes and try again."
    ) % {"minutes": wait.minutes}
    response = render(
        request,
        TEMPLATES + "join.html",
        {"form": form or JoinCodeForm(), "throttled_message": message},
        status=429,
    )
    response["Retry-After"] = str(wait.seconds)
    return response


def _open_class(code: str) -> Classroom | None:
    return Classroom.objects.open_for_joining().filter(join_code=code).first()


@require_http_methods(["GET", "POST"])
@learner_required
def join(request):
    """Type a code; a right one leads to the confirmation page."""
    if request.method == "GET":
        return render(request, TEMPLATES + "join.html", {"form": JoinCodeForm()})
    if wait := throttling.wait_needed(request):
        return _too_many(request, wait, JoinCodeForm(request.POST))
    form = JoinCodeForm(request.POST)
    if form.is_valid():
        classroom = _open_class(form.cleaned_data["code"])
        if classroom is not None:
            return redirect("kinwise:class_join_confirm", classroom.join_code)
        form.add_error(
            "code",
            _("No class is open to join with that code. Check it with your teacher."),
        )
    throttling.record_failure(request)
    return render(request, TEMPLATES + "join.html", {"form": form}, status=400)


@require_http_methods(["GET", "POST"])
@learner_required
def join_confirm(request, code):
    """The invite link: what the teachers will see, and a button to join."""
    if wait := throttling.wait_needed(request):
        return _too_many(request, wait)
    classroom = _open_class(normalise_join_code(code))
    if classroom is None:
        throttling.record_failure(request)
        form = JoinCodeForm()
        return render(
            request,
            TEMPLATES + "join.html",
            {
                "form": form,
                "not_found_message": _(
                    "This invite link or code does not open a class. It may have been changed "
                    "or turned off: ask your teacher for the current code."
                ),
            },
            status=404,
        )
    existing = classroom.memberships.filter(user=request.user).first()
    if existing is not None:
        if existing.role == Membership.Role.TEACHER:
            messages.info(request, _("You teach this class."))
            return redirect("kinwise:teach:class_dashboard", classroom.pk)
        if existing.is_removed:
            return render(
                request,
                TEMPLATES + "join_refused.html",
                {"classroom": classroom},
                status=403,
            )
        messages.info(request, _("You are already in this class."))
        return redirect("kinwise:my_learning")
    if request.method == "POST":
        try:
            with transaction.atomic():
                Membership.objects.create(
                    classroom=classroom, user=request.user, role=Membership.Role.LEARNER
                )
        except IntegrityError:  # a double click
            pass
        messages.success(
            request, _("You joined %(name)s. Its assignments are below.") % {"name": classroom}
        )
        return redirect("kinwise:my_learning")
    teachers = [
        learner_name(m.user)
        for m in classroom.memberships.teachers().select_related("user").order_by("joined_at")
    ]
    user = request.user
    return render(
        request,
        TEMPLATES + "join_confirm.html",
        {
            "classroom": classroom,
            "teachers": teachers,
            "your_name": learner_name(user),
            "your_email": getattr(user, user.get_email_field_name(), ""),
            "minimum": min_aggregate_learners(),
        },
    )


@require_POST
@learner_required
def leave(request, pk):
    membership = get_object_or_404(
        Membership.objects.learners().current(), classroom_id=pk, user=request.user
    )
    name = membership.classroom.name
    membership.delete()
    messages.success(
        request,
        _("You left %(name)s. Its teachers no longer see your progress.") % {"name": name},
    )
    return redirect("kinwise:my_learning")


@require_POST
@learner_required
def dismiss_removal(request, pk):
    membership = get_object_or_404(
        Membership.objects.learners().removed(), classroom_id=pk, user=request.user
    )
    membership.removal_seen_at = timezone.now()
    membership.save(update_fields=["removal_seen_at"])
    return redirect("kinwise:my_learning")
