"""Editorial snippets: the platforms lessons talk about, and places to get help."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import get_supported_language_variant
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from ..constants import REGION_PATTERN, region_and_parents, region_label
from ..translation import synchronised

validate_region = RegexValidator(
    REGION_PATTERN,
    _("Use a country code such as “US”, or a country and state such as “US-NM”."),
)


class TranslatableSnippetQuerySet(models.QuerySet):
    def localized_to(self, locale) -> models.QuerySet:
        """Each snippet once: its copy in ``locale``, or its default-language copy if untranslated.

        One query (a subquery finds the translated keys), so a page in a language whose snippets
        are only partly translated still lists every snippet.
        """
        if locale is None:
            return self
        default_language = get_supported_language_variant(settings.LANGUAGE_CODE)
        translated = self.model._default_manager.filter(locale=locale).values("translation_key")
        return self.filter(
            Q(locale=locale)
            | (Q(locale__language_code=default_language) & ~Q(translation_key__in=translated))
        )


class Platform(TranslatableMixin, index.Indexed, models.Model):
    """An app or game children use, with its safety links.

    Translatable: each language has its own copy (same ``translation_key`` and ``slug``), so a
    Spanish lesson's privacy guide links the platform's Spanish help pages.
    """

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in catalogue filter links."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"),
        null=True,
        blank=True,
        help_text=_("The minimum age in the platform's own terms of service."),
    )
    help_centre_url = models.URLField(_("help centre URL"), blank=True)
    report_url = models.URLField(
        _("reporting URL"), blank=True, help_text=_("How to report an account or a message.")
    )
    family_tools_url = models.URLField(
        _("family tools URL"),
        blank=True,
        help_text=_("The platform's parental supervision or family-centre tools."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("minimum_age"),
        MultiFieldPanel(
            [
                FieldPanel("help_centre_url"),
                FieldPanel("report_url"),
                FieldPanel("family_tools_url"),
            ],
            heading=_("Links"),
        ),
    ]

    objects = TranslatableSnippetQuerySet.as_manager()

    # Translated: the name. The slug is shared, so filter links work in every language; the
    # links are wagtail-localize's default (copied, and a translation may override them).
    override_translatable_fields = synchronised("slug")

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("slug"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="courses_platform_unique_slug_per_locale"
            )
        ]
        verbose_name = _("platform")
        verbose_name_plural = _("platforms")

    def __str__(self):
        return self.name


class HelpResourceQuerySet(TranslatableSnippetQuerySet):
    def for_region(self, region: str) -> HelpResourceQuerySet:
        """Resources for ``region`` and its country, immediate-danger ones first.

        Within each group, the region's own resources come before national ones, then the
        editors' order.
        """
        own = region_and_parents(region)
        return self.filter(region__in=own).order_by(
            "-immediate_danger",
            Case(When(region=region, then=Value(0)), default=Value(1), output_field=IntegerField()),
            "sort_order",
            "name",
        )

    def regions(self) -> list[str]:
        """Every region some resource is listed for, as sorted codes."""
        return sorted(set(self.values_list("region", flat=True)))


class HelpResource(TranslatableMixin, index.Indexed, models.Model):
    """A place to report or get help: a hotline, a reporting site, a support service.

    Translatable: the help page and lessons show the copy in the page's language.
    """

    name = models.CharField(_("name"), max_length=120)
    region = models.CharField(
        _("region"),
        max_length=10,
        validators=[validate_region],
        default="US",
        db_index=True,
        help_text=_("“US” for nationwide, or a state such as “US-NM”."),
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    text_sms = models.CharField(
        _("text / SMS"), max_length=80, blank=True, help_text=_("E.g. “Text HOME to 741741”.")
    )
    url = models.URLField(_("web address"), blank=True)
    when_to_use = models.TextField(_("when to use it"))
    hours = models.CharField(_("hours"), max_length=80, blank=True, help_text=_("E.g. “24/7”."))
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )
    immediate_danger = models.BooleanField(
        _("for immediate danger"),
        default=False,
        help_text=_("Listed first on the help page: for a child in danger right now."),
    )

    objects = HelpResourceQuerySet.as_manager()

    # Translated: name, text line, when to use it, hours. The region is a code; the phone
    # number is copied, and a translation may give its language's own line.
    override_translatable_fields = synchronised("region") + synchronised("phone", overridable=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("immediate_danger"),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("text_sms"), FieldPanel("url")],
            heading=_("How to reach it"),
        ),
        FieldPanel("when_to_use"),
        FieldPanel("hours"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.SearchField("when_to_use"),
        index.AutocompleteField("name"),
        index.FilterField("region"),
        index.FilterField("immediate_danger"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-immediate_danger", "sort_order", "name"]
        verbose_name = _("help resource")
        verbose_name_plural = _("help resources")

    def __str__(self):
        return f"{self.name} ({self.region})"

    @property
    def region_label(self) -> str:
        return region_label(self.region)

    @property
    def phone_href(self) -> str:
        """The phone number as a ``tel:`` link target (digits and a leading plus only)."""
        digits = "".join(c for c in self.phone if c.isdigit() or c == "+")
        return f"tel:{digits}" if digits else ""
