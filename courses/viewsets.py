"""Learner data in the Wagtail admin: read-only listings for staff with *view* permission.

Progress, certificates, classes with their members and assignments (and, from ``quizzes``, quiz
attempts) are records of what learners and teachers did; nobody edits them in the admin
(teachers manage their classes in the site's Teach area). They are read-only through their
permission policy (:class:`ViewOnlyPermissionPolicy`), which grants the model's ``view``
permission and nothing else, not even to superusers. The views are Wagtail's own: with no add,
change or delete permission they offer no such buttons and refuse those URLs.

No group is given the view permission by default: an administrator grants it (Settings ›
Groups) to the people who need individual learners' records. Editors and Safety reviewers
read aggregated figures in the reports instead.

Other apps add their own listings to the same menu by setting ``menu_hook`` on their viewset
to :data:`LEARNER_DATA_MENU_HOOK` and registering it with ``register_admin_viewset``.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import Assignment, Certificate, Classroom, Membership, Progress

LEARNER_DATA_MENU_HOOK = "register_kinwise_learner_data_menu_item"


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Grants the model's ``view`` permission to those who hold it, and no other action."""

    READ_ACTIONS = frozenset({"view"})

    def user_has_permission(self, user, action):
        return action in self.READ_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        readable = [action for action in actions if action in self.READ_ACTIONS]
        if not readable:
            return super().users_with_any_permission([]).none()
        return super().users_with_any_permission(readable)


class LearnerRecordIndexView(IndexView):
    """Loads each row's learner and page with the listing (one query, not one per row)."""

    select_related = ("learner",)

    def get_base_queryset(self):
        return super().get_base_queryset().select_related(*self.select_related)


class ProgressIndexView(LearnerRecordIndexView):
    select_related = ("learner", "page")


class CertificateIndexView(LearnerRecordIndexView):
    select_related = ("learner", "course")


class LearnerRecordViewSet(ModelViewSet):
    """A read-only listing: inspect view on, copy off, no form fields to edit."""

    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = []
    search_backend_name = None
    list_per_page = 50


class ProgressViewSet(LearnerRecordViewSet):
    model = Progress
    icon = "tasks"
    menu_label = _("Progress")
    menu_order = 1
    index_view_class = ProgressIndexView
    list_display = [
        Column("learner", label=_("Learner")),
        Column("page", label=_("Page")),
        "status",
        "score",
        DateColumn("first_viewed_at", label=_("First viewed"), sort_key="first_viewed_at"),
        DateColumn("completed_at", label=_("Completed"), sort_key="completed_at"),
    ]
    list_filter = ["status"]
    search_fields = ["learner__email", "page__title"]
    ordering = ["-last_viewed_at"]
    list_export = [
        "learner",
        "page",
        "status",
        "score",
        "first_viewed_at",
        "last_viewed_at",
        "completed_at",
    ]
    inspect_view_fields = list_export


class CertificateViewSet(LearnerRecordViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_order = 2
    index_view_class = CertificateIndexView
    list_display = [
        "code",
        Column("learner", label=_("Learner")),
        "learner_name",
        Column("course", label=_("Course")),
        DateColumn("issued_at", label=_("Issued"), sort_key="issued_at"),
    ]
    search_fields = ["code", "learner__email", "learner_name"]
    ordering = ["-issued_at"]
    list_export = ["code", "learner", "learner_name", "course", "issued_at"]
    inspect_view_fields = list_export


class ClassroomViewSet(LearnerRecordViewSet):
    model = Classroom
    icon = "group"
    menu_label = _("Classes")
    menu_order = 4
    index_view_class = IndexView
    # Not the join code: reading the records is no reason to be able to join a class.
    list_display = [
        "name",
        "joining_open",
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        DateColumn("archived_at", label=_("Archived"), sort_key="archived_at"),
    ]
    list_filter = ["joining_open"]
    search_fields = ["name"]
    ordering = ["name"]
    list_export = ["name", "description", "joining_open", "created_at", "archived_at"]
    inspect_view_fields = list_export


class MembershipIndexView(LearnerRecordIndexView):
    select_related = ("classroom", "user")


class MembershipViewSet(LearnerRecordViewSet):
    model = Membership
    icon = "user"
    menu_label = _("Class memberships")
    menu_order = 5
    index_view_class = MembershipIndexView
    list_display = [
        Column("classroom", label=_("Class")),
        Column("user", label=_("Member")),
        "role",
        DateColumn("joined_at", label=_("Joined"), sort_key="joined_at"),
        DateColumn("removed_at", label=_("Removed"), sort_key="removed_at"),
    ]
    list_filter = ["role"]
    search_fields = ["classroom__name", "user__email"]
    ordering = ["classroom__name", "-joined_at"]
    list_export = ["classroom", "user", "role", "joined_at", "removed_at"]
    inspect_view_fields = list_export


class AssignmentIndexView(LearnerRecordIndexView):
    select_related = ("classroom", "page")


class AssignmentViewSet(LearnerRecordViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    menu_order = 6
    index_view_class = AssignmentIndexView
    list_display = [
        Column("classroom", label=_("Class")),
        Column("page", label=_("Assigned")),
        DateColumn("due_date", label=_("Due"), sort_key="due_date"),
        DateColumn("created_at", label=_("Assigned on"), sort_key="created_at"),
    ]
    search_fields = ["classroom__name", "page__title"]
    ordering = ["-created_at"]
    list_export = ["classroom", "page", "due_date", "note", "created_at"]
    inspect_view_fields = list_export


LEARNER_RECORD_MODELS = (Progress, Certificate, Classroom, Membership, Assignment)


class LearnerDataViewSetGroup(ViewSetGroup):
    menu_label = _("Learner data")
    menu_icon = "group"
    menu_name = "learner-data"
    menu_order = 8500
    submenu_hook = LEARNER_DATA_MENU_HOOK
    items = (
        ProgressViewSet,
        CertificateViewSet,
        ClassroomViewSet,
        MembershipViewSet,
        AssignmentViewSet,
    )
