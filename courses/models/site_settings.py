from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .snippets import validate_region


@register_setting(icon="help")
class HelpSettings(BaseSiteSetting):
    """Which region's help resources a visitor sees before choosing their own."""

    default_region = models.CharField(
        _("default region"),
        max_length=10,
        default="US",
        validators=[validate_region],
        help_text=_("“US”, or a state such as “US-NM”. Visitors can switch on the help page."),
    )

    panels = [FieldPanel("default_region")]

    class Meta:
        verbose_name = _("help settings")
