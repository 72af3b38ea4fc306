"""Lesson pages: the lesson, its sources, and the queries a listing of lessons needs."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponseNotAllowed
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import (
    Orderable,
    Page,
    PageManager,
    PageQuerySet,
)
from wagtail.search import index

from ..blocks import LessonStreamBlock
from ..completion import TrackablePageMixin
from ..forms import LessonPageForm
from ..grading import InvalidAnswer, grade_single_choice, parse_choice
from ..review import review_due_date
from .learner import LessonProgressMixin
from .routing import KnownAncestorsMixin

# Blocks that can be printed on their own, from the lesson's print route.
PRINTABLE_BLOCKS = frozenset({"privacy_guide", "checklist"})


class LessonPageQuerySet(PageQuerySet):
    def minute_rows(self) -> list[tuple[str, int]]:
        """``(path, estimated_minutes)`` of these lessons, for :func:`minutes_by_page`."""
        return list(self.values_list("path", "estimated_minutes"))


LessonPageManager = PageManager.from_queryset(LessonPageQuerySet)


# --- Lesson --------------------------------------------------------------------------------


class AbstractLessonPage(
    KnownAncestorsMixin, TrackablePageMixin, LessonProgressMixin, RoutablePageMixin, Page
):
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=5,
        help_text=_("How long a parent needs for this lesson; courses and modules add these up."),
    )
    platforms = ParentalManyToManyField(
        "courses.Platform", verbose_name=_("platforms"), blank=True, related_name="+"
    )
    last_verified = models.DateField(
        _("last verified"),
        null=True,
        blank=True,
        help_text=_("When someone last checked that this lesson is still accurate."),
    )
    review_interval_months = models.PositiveSmallIntegerField(_("review every (months)"), default=6)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("estimated_minutes")]),
        FieldPanel("platforms"),
        InlinePanel("sources", heading=_("Sources"), label=_("Source")),
        FieldRowPanel(
            [FieldPanel("last_verified"), FieldPanel("review_interval_months")],
            heading=_("Accuracy review"),
        ),
        FieldPanel("significant_change"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    base_form_class = LessonPageForm

    class Meta:
        abstract = True

    def save(self, *args, clean=True, **kwargs):
        # Publishing saves the page with live=True. The admin form explains the rule first
        # (LessonPageForm); this guards every other way in, such as revision.publish() from
        # code. It is not in clean(): the admin form validates a new page while its sources
        # are still in the formset and its "live" flag is still the default.
        if clean and self.live and not self.sources.all():
            raise ValidationError(_("A lesson needs at least one source before it is published."))
        return super().save(*args, clean=clean, **kwargs)

    @property
    def review_due(self) -> datetime.date | None:
        if self.last_verified is None:
            return None
        return review_due_date(self.last_verified, self.review_interval_months)

    @property
    def is_review_overdue(self) -> bool:
        due = self.review_due
        return due is None or due < timezone.localdate()

    def get_neighbours(self) -> tuple[Page | None, Page | None]:
        """The live lessons before and after this one in its module, in one query.

        Only the fields a link needs are loaded, so a module of 30 lessons costs the same
        single query as a module of 3.
        """
        siblings = list(
            type(self)
            .objects.live()
            .sibling_of(self, inclusive=False)
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")
        )
        before = [s for s in siblings if s.path < self.path]
        after = [s for s in siblings if s.path > self.path]
        return (before[-1] if before else None, after[0] if after else None)

    def find_block(self, block_id: str, block_type: str | None = None):
        for block in self.body:
            if block.id == block_id and (block_type is None or block.block_type == block_type):
                return block
        return None

    def content_context(self) -> dict:
        """The lesson's neighbours in its module, and its sources."""
        prev_lesson, next_lesson = self.get_neighbours()
        return {
            "prev_lesson": prev_lesson,
            "next_lesson": next_lesson,
            "sources": list(self.sources.all()),
        }

    @path("")
    def index_route(self, request, *args, **kwargs):
        """The lesson, from its cached shell when ``KINWISE_SHELL_CACHE`` is on (the learner's
        own state is rendered for each request: see :mod:`courses.shell`)."""
        from ..shell import ShellTemplateResponse

        request.is_preview = getattr(request, "is_preview", False)
        return ShellTemplateResponse(
            request,
            self.get_template(request, *args, **kwargs),
            self.get_context(request, *args, **kwargs),
            page=self,
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.cached_content())
        context.setdefault("knowledge_checks", {})
        context.update(self.get_learner_context(request))
        return context

    @path("check/<str:block_id>/", name="knowledge_check")
    def knowledge_check(self, request, block_id):
        """Grade one knowledge check on the server; the lesson comes back with the answer."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        block = self.find_block(block_id, "knowledge_check")
        if block is None:
            raise Http404
        choices = block.value["choices"]
        try:
            result = grade_single_choice(
                choices, parse_choice(request.POST.get("choice"), len(choices))
            )
        except InvalidAnswer as error:
            response = self.render(
                request, context_overrides={"knowledge_checks": {block_id: {"error": str(error)}}}
            )
            response.status_code = 400
            return response
        state = {"result": result, "correct_text": ""}
        if result.correct_choices:
            state["correct_text"] = choices[result.correct_choices[0]]["text"]
        return self.render(request, context_overrides={"knowledge_checks": {block_id: state}})

    @path("print/<str:block_id>/", name="print_block")
    def print_block(self, request, block_id):
        """A privacy guide or checklist on its own, to print."""
        block = next(
            (b for b in self.body if b.id == block_id and b.block_type in PRINTABLE_BLOCKS), None
        )
        if block is None:
            raise Http404
        return self.render(
            request,
            template="courses/lesson_print.html",
            context_overrides={"printable_block": block},
        )


class LessonPage(AbstractLessonPage):
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    objects = LessonPageManager()

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")


class LessonSource(Orderable):
    page = ParentalKey(LessonPage, on_delete=models.CASCADE, related_name="sources")
    title = models.CharField(_("title"), max_length=250)
    publisher = models.CharField(_("publisher"), max_length=160)
    url = models.URLField(_("web address"), max_length=500)
    accessed = models.DateField(_("date accessed"))

    panels = [
        FieldPanel("title"),
        FieldPanel("publisher"),
        FieldRowPanel([FieldPanel("url"), FieldPanel("accessed")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} ({self.publisher})"
