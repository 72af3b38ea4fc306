"""Learner data in the Wagtail admin: read-only listings for staff with *view* permission.

Progress, certificates (and, from other apps, quiz attempts and classes) are records of what
learners did; nobody edits them in the admin. They are read-only through their permission
policy (:class:`ViewOnlyPermissionPolicy`), which grants the model's ``view`` permission and
nothing else, not even to superusers. The views are Wagtail's own: with no add, change or
delete permission they offer no such buttons and refuse those URLs.

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

from .models import Certificate, Progress

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


class LearnerDataViewSetGroup(ViewSetGroup):
    menu_label = _("Learner data")
    menu_icon = "group"
    menu_name = "learner-data"
    menu_order = 8500
    submenu_hook = LEARNER_DATA_MENU_HOOK
    items = (ProgressViewSet, CertificateViewSet)
