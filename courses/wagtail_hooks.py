from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import HelpResource, Platform


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
