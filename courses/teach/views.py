"""The Teach area: classes, assignments and the class dashboard (joining: ``joining.py``).

Authorization, in one place each: :func:`teacher_view` lets only members of the
Teachers group in and finds a class only among those the user teaches, so another
teacher's class (or a membership or assignment of it, by id) is a 404. Every
change is a POST with CSRF; an invalid form is a 400 that writes nothing.
"""

from __future__ import annotations

import csv
from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from ..models import Assignment, Classroom, Membership
from ..models.classes import is_teacher
from ..progress import learner_name
from .dashboard import (
    UnknownSort,
    build_dashboard,
    is_graded,
    min_aggregate_learners,
    question_results,
)
from .forms import (
    AssignmentChangeForm,
    AssignmentForm,
    ClassroomForm,
    CoTeacherForm,
)

TEMPLATES = "courses/teach/"


def teacher_view(*methods):
    """Teachers only, checked before anything else (the HTTP method included).

    A visitor is sent to log in (GET) or refused (other methods); a signed-in user outside
    the Teachers group gets a 403. With ``pk`` in the URL, the view receives the class, found
    only among the user's own: anyone else's class is a 404, whatever the method.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                if request.method in ("GET", "HEAD"):
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            if not is_teacher(request.user):
                raise PermissionDenied
            if "pk" in kwargs:
                kwargs["classroom"] = get_object_or_404(
                    Classroom.objects.taught_by(request.user), pk=kwargs.pop("pk")
                )
            allowed = [*methods, "HEAD"] if "GET" in methods else list(methods)
            if request.method not in allowed:
                return HttpResponseNotAllowed(methods)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _refuse_if_archived(request, classroom):
    """Archived classes keep their history as it was: changes need the class restored."""
    if classroom.is_archived:
        return HttpResponseBadRequest(
            _("This class is archived. Restore it before changing anything.")
        )
    return None


def _dashboard_url(classroom) -> str:
    return reverse("kinwise:teach:class_dashboard", args=[classroom.pk])


def _manage_url(classroom) -> str:
    return reverse("kinwise:teach:class_manage", args=[classroom.pk])


# --- Classes -------------------------------------------------------------------------------


@teacher_view("GET")
def class_list(request):
    classes = (
        Classroom.objects.taught_by(request.user)
        .annotate(
            learner_count=Count(
                "memberships",
                filter=Q(memberships__role=Membership.Role.LEARNER, memberships__removed_at=None),
                distinct=True,
            ),
            assignment_count=Count("assignments", distinct=True),
        )
        .order_by("name", "pk")
    )
    classes = list(classes)
    return render(
        request,
        TEMPLATES + "class_list.html",
        {
            "active_classes": [c for c in classes if not c.is_archived],
            "archived_classes": [c for c in classes if c.is_archived],
        },
    )


@teacher_view("GET", "POST")
def class_create(request):
    form = ClassroomForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                classroom = form.save()
                Membership.objects.create(
                    classroom=classroom, user=request.user, role=Membership.Role.TEACHER
                )
            messages.success(
                request,
                _("Class created. Share the join code or the invite link with the parents."),
            )
            return redirect(_dashboard_url(classroom))
        return render(request, TEMPLATES + "class_form.html", {"form": form}, status=400)
    return render(request, TEMPLATES + "class_form.html", {"form": form})


@teacher_view("GET")
def class_dashboard(request, classroom):
    sort = request.GET.get("sort") or "name"
    status = 200
    try:
        dashboard = build_dashboard(classroom, sort=sort)
    except UnknownSort:
        messages.error(request, _("That sort order is not one of the table's columns."))
        dashboard = build_dashboard(classroom)
        status = 400
    return render(
        request,
        TEMPLATES + "class_dashboard.html",
        {
            "classroom": classroom,
            "dashboard": dashboard,
            "invite_url": _invite_url(request, classroom),
        },
        status=status,
    )


def _invite_url(request, classroom) -> str:
    return request.build_absolute_uri(
        reverse("kinwise:class_join_confirm", args=[classroom.join_code])
    )


CSV_HEADER_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def _csv_safe(value) -> str:
    """Spreadsheets run cells that start like a formula: names are typed by users."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(CSV_HEADER_FORMULA_PREFIXES) else text


@teacher_view("GET")
def class_export(request, classroom):
    try:
        dashboard = build_dashboard(classroom, sort=request.GET.get("sort") or "name")
    except UnknownSort:
        return HttpResponseBadRequest(_("That sort order is not one of the table's columns."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="class-{classroom.pk}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the names as UTF-8
    writer = csv.writer(response)
    header = [_("Name"), _("Email"), _("Joined")]
    for column in dashboard.columns:
        title = column.page.title
        header += [
            _("%(title)s: status") % {"title": title},
            _("%(title)s: best quiz score") % {"title": title},
            _("%(title)s: completed on") % {"title": title},
            _("%(title)s: overdue") % {"title": title},
        ]
    writer.writerow([_csv_safe(cell) for cell in header])
    for row in dashboard.rows:
        joined = timezone.localtime(row.membership.joined_at).date().isoformat()
        line = [row.name, row.email, joined]
        for cell in row.cells:
            line += [
                cell.status.label,
                "" if cell.best_score is None else cell.best_score,
                cell.completed_on.isoformat() if cell.completed_on else "",
                _("yes") if cell.overdue else "",
            ]
        writer.writerow([_csv_safe(cell) for cell in line])
    return response


def _render_manage(request, classroom, *, status=200, **forms):
    teachers = list(classroom.memberships.teachers().select_related("user").order_by("joined_at"))
    removed = list(
        classroom.memberships.learners().removed().select_related("user").order_by("removed_at")
    )
    context = {
        "classroom": classroom,
        "class_form": forms.get("class_form") or ClassroomForm(instance=classroom),
        "teacher_form": forms.get("teacher_form") or CoTeacherForm(classroom=classroom),
        "teachers": [(m, learner_name(m.user)) for m in teachers],
        "removed": [(m, learner_name(m.user)) for m in removed],
        "invite_url": _invite_url(request, classroom),
    }
    return render(request, TEMPLATES + "class_manage.html", context, status=status)


@teacher_view("GET")
def class_manage(request, classroom):
    return _render_manage(request, classroom)


@teacher_view("POST")
def class_edit(request, classroom):
    if refused := _refuse_if_archived(request, classroom):
        return refused
    form = ClassroomForm(request.POST, instance=classroom)
    if not form.is_valid():
        # Leave the instance as stored: the form put the bad values on it.
        classroom.refresh_from_db()
        return _render_manage(request, classroom, status=400, class_form=form)
    form.save()
    messages.success(request, _("Class details saved."))
    return redirect(_manage_url(classroom))


@teacher_view("POST")
def class_code(request, classroom):
    if refused := _refuse_if_archived(request, classroom):
        return refused
    action = request.POST.get("action")
    if action == "regenerate":
        classroom.regenerate_join_code()
        messages.success(
            request, _("New join code made. The old code and invite link no longer work.")
        )
    elif action in ("close", "open"):
        classroom.joining_open = action == "open"
        classroom.save(update_fields=["joining_open"])
        if classroom.joining_open:
            messages.success(request, _("Joining is on: the code and invite link work."))
        else:
            messages.success(request, _("Joining is off: nobody else can join this class."))
    else:
        return HttpResponseBadRequest(_("Choose to make a new code, or to turn joining on or off."))
    return redirect(_manage_url(classroom))


@teacher_view("POST")
def class_archive(request, classroom):
    action = request.POST.get("action")
    if action == "archive" and not classroom.is_archived:
        classroom.archived_at = timezone.now()
        messages.success(
            request,
            _("Class archived. It has left your dashboard; its history is kept."),
        )
    elif action == "restore" and classroom.is_archived:
        classroom.archived_at = None
        messages.success(request, _("Class restored."))
    else:
        return HttpResponseBadRequest(_("Choose to archive the class or to restore it."))
    classroom.save(update_fields=["archived_at"])
    if classroom.is_archived:
        return redirect("kinwise:teach:class_list")
    return redirect(_dashboard_url(classroom))


# --- Teachers and learners -----------------------------------------------------------------


@teacher_view("POST")
def teacher_add(request, classroom):
    if refused := _refuse_if_archived(request, classroom):
        return refused
    form = CoTeacherForm(request.POST, classroom=classroom)
    if not form.is_valid():
        return _render_manage(request, classroom, status=400, teacher_form=form)
    try:
        with transaction.atomic():
            Membership.objects.create(
                classroom=classroom, user=form.teacher, role=Membership.Role.TEACHER
            )
    except IntegrityError:  # added by someone else a moment ago
        pass
    messages.success(
        request, _("%(name)s now teaches this class.") % {"name": learner_name(form.teacher)}
    )
    return redirect(_manage_url(classroom))


@teacher_view("POST")
def teacher_remove(request, classroom, membership_pk):
    with transaction.atomic():
        teachers = list(classroom.memberships.teachers().select_for_update())
        membership = next((m for m in teachers if m.pk == membership_pk), None)
        if membership is None:
            raise Http404
        if len(teachers) == 1:
            return HttpResponseBadRequest(
                _("A class needs a teacher: add another teacher before you leave it.")
            )
        membership.delete()
    if membership.user_id == request.user.pk:
        messages.success(request, _("You no longer teach this class."))
        return redirect("kinwise:teach:class_list")
    messages.success(request, _("Teacher removed from the class."))
    return redirect(_manage_url(classroom))


@teacher_view("GET", "POST")
def learner_remove(request, classroom, membership_pk):
    membership = get_object_or_404(
        classroom.memberships.learners().current().select_related("user"), pk=membership_pk
    )
    name = learner_name(membership.user)
    if request.method == "GET":
        return render(
            request,
            TEMPLATES + "learner_remove.html",
            {"classroom": classroom, "membership": membership, "name": name},
        )
    if refused := _refuse_if_archived(request, classroom):
        return refused
    membership.removed_at = timezone.now()
    membership.save(update_fields=["removed_at"])
    messages.success(
        request,
        _("%(name)s was removed from the class. They will see a notice on My learning.")
        % {"name": name},
    )
    return redirect(_dashboard_url(classroom))


@teacher_view("POST")
def learner_readmit(request, classroom, membership_pk):
    """Let a removed learner join again with the code (their notice goes with the row)."""
    membership = get_object_or_404(classroom.memberships.learners().removed(), pk=membership_pk)
    membership.delete()
    messages.success(request, _("They can join the class again with the code."))
    return redirect(_manage_url(classroom))


# --- Assignments ---------------------------------------------------------------------------


@teacher_view("GET", "POST")
def assignment_create(request, classroom):
    if request.method == "POST":
        if refused := _refuse_if_archived(request, classroom):
            return refused
        form = AssignmentForm(request.POST, classroom=classroom, instance=Assignment())
        if form.is_valid():
            assignment = form.save(commit=False)
            assignment.classroom = classroom
            try:
                with transaction.atomic():
                    assignment.save()
            except IntegrityError:
                form.add_error("page", _("This class already has that assigned."))
            else:
                messages.success(
                    request, _("Assigned: %(title)s.") % {"title": assignment.page.title}
                )
                return redirect(_dashboard_url(classroom))
        return render(
            request,
            TEMPLATES + "assignment_form.html",
            {"classroom": classroom, "form": form},
            status=400,
        )
    form = AssignmentForm(classroom=classroom)
    return render(
        request, TEMPLATES + "assignment_form.html", {"classroom": classroom, "form": form}
    )


@teacher_view("GET", "POST")
def assignment_edit(request, classroom, assignment_pk):
    assignment = get_object_or_404(classroom.assignments.select_related("page"), pk=assignment_pk)
    context = {"classroom": classroom, "assignment": assignment}
    if request.method == "POST":
        if refused := _refuse_if_archived(request, classroom):
            return refused
        form = AssignmentChangeForm(request.POST, instance=assignment)
        if form.is_valid():
            form.save()
            messages.success(request, _("Assignment saved."))
            return redirect(_dashboard_url(classroom))
        return render(
            request,
            TEMPLATES + "assignment_edit.html",
            {**context, "form": form},
            status=400,
        )
    return render(
        request,
        TEMPLATES + "assignment_edit.html",
        {**context, "form": AssignmentChangeForm(instance=assignment)},
    )


@teacher_view("POST")
def assignment_delete(request, classroom, assignment_pk):
    if refused := _refuse_if_archived(request, classroom):
        return refused
    assignment = get_object_or_404(classroom.assignments, pk=assignment_pk)
    assignment.delete()
    messages.success(request, _("Assignment removed. Learners' progress is kept."))
    return redirect(_dashboard_url(classroom))


@teacher_view("GET")
def quiz_results(request, classroom, page_pk):
    """Per-question results of one quiz inside an assignment, as class aggregates only."""
    assigned = list(classroom.assignments.select_related("page"))
    page = get_object_or_404(Page.objects.live(), pk=page_pk)
    if not any(page.path.startswith(a.page.path) for a in assigned):
        raise Http404
    if not is_graded(page.specific_class):
        raise Http404
    results = question_results(classroom, page.specific)
    return render(
        request,
        TEMPLATES + "quiz_results.html",
        {"classroom": classroom, "results": results, "minimum": min_aggregate_learners()},
    )
