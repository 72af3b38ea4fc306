from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_urls
from .models import HelpResource, Platform
from .reports import ContentReportMenuItem, LearnerReportMenuItem
from .viewsets import LEARNER_RECORD_MODELS, LearnerDataViewSetGroup, ViewOnlyPermissionPolicy
from .xapi.models import OutgoingStatement
from .xapi.viewsets import OutgoingStatementViewSet

# Learner records are read-only for everyone: registered before any view asks for a policy.
for model in LEARNER_RECORD_MODELS + (OutgoingStatement,):
    register_permission_policy(model, ViewOnlyPermissionPolicy(model))


class PlatformViewSet(SnippetViewSet):
    model = Platform
    icon = "mobile-alt"
    menu_label = _("Platforms")
    list_display = ["name", "slug", "minimum_age"]
    search_fields = ["name"]
    # Search the columns with the ORM: the database search backend on SQLite cannot restrict
    # a search to chosen fields.
    search_backend_name = None
    list_filter = {"minimum_age": ["exact", "lte"]}
    ordering = ["name"]


class HelpResourceViewSet(SnippetViewSet):
    model = HelpResource
    icon = "help"
    menu_label = _("Help resources")
    list_display = ["name", "region", "immediate_danger", "phone", "sort_order"]
    search_fields = ["name", "when_to_use", "region"]
    search_backend_name = None
    list_filter = ["region", "immediate_danger"]
    ordering = ["-immediate_danger", "region", "sort_order", "name"]


class SafetyContentViewSetGroup(SnippetViewSetGroup):
    items = (PlatformViewSet, HelpResourceViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Safety content")
    menu_name = "safety-content"


register_snippet(SafetyContentViewSetGroup)


@hooks.register("register_admin_viewset")
def register_learner_data():
    return LearnerDataViewSetGroup()


@hooks.register("register_admin_viewset")
def register_xapi_statements():
    return OutgoingStatementViewSet()


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("kinwise/reports/", include(admin_urls, namespace="kinwise_course_reports"))]


@hooks.register("register_reports_menu_item")
def register_module_completion_report():
    return LearnerReportMenuItem(
        _("Module completion"),
        reverse("kinwise_course_reports:module_completion"),
        name="kinwise-module-completion",
        icon_name="tasks",
        order=1400,
    )


@hooks.register("register_reports_menu_item")
def register_due_for_review_report():
    return ContentReportMenuItem(
        _("Due for review"),
        reverse("kinwise_course_reports:due_for_review"),
        name="kinwise-due-for-review",
        icon_name="time",
        order=1410,
    )
