"""xAPI statements in the Wagtail admin: a read-only listing and a Resend action.

The listing is learner data (pseudonymous statements, with the account they belong to), so it
follows the other learner-data listings: the model's *view* permission and nothing else. Resending
needs its own permission, ``courses.resend_outgoingstatement``, which no group has by default.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton, MenuItem

from ..viewsets import LEARNER_DATA_MENU_HOOK, LearnerRecordViewSet
from .models import OutgoingStatement
from .tasks import resend

RESEND_PERMISSION = "courses.resend_outgoingstatement"


def can_resend(user) -> bool:
    return user.is_active and user.has_perm(RESEND_PERMISSION)


class StatementIndexView(IndexView):
    def _resend_url(self, *args):
        namespace = self.index_url_name.rsplit(":", 1)[0]
        name = "resend" if args else "resend_failed"
        return reverse(f"{namespace}:{name}", args=args)

    def get_base_queryset(self):
        # The payload can be large: the listing needs none of it.
        return super().get_base_queryset().defer("payload")

    @property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if can_resend(self.request.user):
            buttons.append(
                HeaderButton(
                    _("Resend failed statements"),
                    url=self._resend_url(),
                    icon_name="repeat",
                )
            )
        return buttons

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status == OutgoingStatement.Status.FAILED and can_resend(self.request.user):
            buttons.append(
                MenuItem(
                    _("Resend"),
                    url=self._resend_url(instance.pk),
                    icon_name="repeat",
                    priority=15,
                )
            )
        return buttons


class ResendView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET), then put one failed statement, or all of them, back in the queue (POST)."""

    template_name = "courses/xapi/confirm_resend.html"
    header_icon = "repeat"
    index_url_name = None
    resend_url_name = None

    def dispatch(self, request, *args, **kwargs):
        if not can_resend(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        failed = OutgoingStatement.objects.failed()
        if "pk" in self.kwargs:
            return failed.filter(pk=get_object_or_404(failed, pk=self.kwargs["pk"]).pk)
        return failed

    def get_page_title(self):
        return _("Resend xAPI statements")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            count=self.get_queryset().count(),
            index_url=reverse(self.index_url_name),
            action_url=self.request.path,
        )
        return context

    def post(self, request, *args, **kwargs):
        count = resend(self.get_queryset())
        messages.success(
            request,
            ngettext(
                "%(count)d statement queued to be sent again.",
                "%(count)d statements queued to be sent again.",
                count,
            )
            % {"count": count},
        )
        return redirect(self.index_url_name)


class OutgoingStatementViewSet(LearnerRecordViewSet):
    model = OutgoingStatement
    name = "kinwise_xapi_statements"
    menu_hook = LEARNER_DATA_MENU_HOOK
    icon = "upload"
    menu_label = _("xAPI statements")
    menu_order = 7
    index_view_class = StatementIndexView
    list_display = [
        "verb",
        Column("activity", label=_("Activity")),
        "status",
        "attempts",
        "last_error",
        DateColumn("created_at", label=_("Created"), sort_key="created_at"),
        DateColumn("sent_at", label=_("Sent"), sort_key="sent_at"),
    ]
    list_filter = ["status", "verb"]
    search_fields = ["activity", "statement_id"]
    ordering = ["-created_at"]
    list_export = ["statement_id", "verb", "activity", "status", "attempts", "created_at"]
    inspect_view_fields = [
        "statement_id",
        "verb",
        "activity",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "next_attempt_at",
        "sent_at",
        "payload",
    ]

    def get_urlpatterns(self):
        view = ResendView.as_view(
            index_url_name=self.get_url_name("index"),
        )
        return super().get_urlpatterns() + [
            path("resend/", view, name="resend_failed"),
            path("resend/<int:pk>/", view, name="resend"),
        ]
