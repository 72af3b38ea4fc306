"""The course tree: catalogue › course › module, and the help page (lessons: ``lessons``).

Behaviour lives in abstract pages (``AbstractCoursePage`` …) so that a site can build its own
page types on them; the thin concrete pages add the tree rules, tags and sources.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q, Sum
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    Page,
    PageManager,
    PageQuerySet,
    get_page_models,
)
from wagtail.search import index

from ..blocks import OutcomeStreamBlock
from ..constants import AGE_BAND_VALUES, AGE_BANDS
from ..forms import CoursePageForm
from ..panels import CompletionFiguresPanel
from ..translation import synchronised
from .lessons import LessonPage
from .routing import DirectRoutingMixin, KnownAncestorsMixin

INTRO_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def age_band_q(band: str, field: str = "age_bands") -> Q:
    """Match ``band`` as a whole item of a comma-separated field (never as a substring)."""
    return (
        Q(**{field: band})
        | Q(**{f"{field}__startswith": f"{band},"})
        | Q(**{f"{field}__endswith": f",{band}"})
        | Q(**{f"{field}__contains": f",{band},"})
    )


def minutes_by_page(pages, lesson_rows) -> dict[int, int]:
    """Sum lesson minutes under each page, from ``(path, minutes)`` rows of live lessons.

    One query for the rows serves a whole listing, whatever its length.
    """
    totals = {}
    for page in pages:
        totals[page.pk] = sum(m for p, m in lesson_rows if p.startswith(page.path))
    return totals


class CoursePageQuerySet(PageQuerySet):
    def for_age_band(self, band: str) -> CoursePageQuerySet:
        return self.filter(age_band_q(band))

    def with_tag(self, slug: str) -> CoursePageQuerySet:
        return self.filter(tags__slug=slug)

    def with_platform(self, platform, within: Page) -> CoursePageQuerySet:
        """Courses with a live lesson about ``platform`` (lessons found under ``within``).

        Matched by slug, which every language's copy of a platform shares.
        """
        paths = (
            LessonPage.objects.live().descendant_of(within).filter(platforms__slug=platform.slug)
        )
        prefixes = {
            lesson_path[:length]
            for lesson_path in paths.values_list("path", flat=True)
            for length in range(Page.steplen, len(lesson_path), Page.steplen)
        }
        return self.filter(path__in=prefixes)


CoursePageManager = PageManager.from_queryset(CoursePageQuerySet)


# --- Catalogue ---------------------------------------------------------------------------


class AbstractCourseIndexPage(DirectRoutingMixin, Page):
    """The catalogue: lists live courses, filters them and searches course content."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_courses(self) -> CoursePageQuerySet:
        """Live, public courses in tree order: the catalogue before any filter."""
        return CoursePage.objects.live().public().child_of(self).order_by("path")

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import Catalogue

        context = super().get_context(request, *args, **kwargs)
        catalogue = Catalogue(self, request.GET)
        context["catalogue"] = catalogue
        from ..learning import store_with_progress, summarise_courses

        store = store_with_progress(request)
        if store is not None and catalogue.courses:
            context["course_progress"] = {
                summary.course.pk: summary
                for summary in summarise_courses(store, catalogue.courses)
                if summary.started
            }
        return context


class CourseIndexPage(AbstractCourseIndexPage):
    # No parent_page_types: the plugin cannot know the type of the site's home page.
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")
        verbose_name_plural = _("course catalogues")


# --- Course --------------------------------------------------------------------------------


class AbstractCoursePage(KnownAncestorsMixin, Page):
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences for the catalogue.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Required when there is a hero image: describe it."),
    )
    outcomes = StreamField(OutcomeStreamBlock(), verbose_name=_("learning outcomes"), blank=True)
    age_bands = models.CharField(
        _("audience: child's age"),
        max_length=64,
        blank=True,
        help_text=_("The ages of children this course is most useful for."),
    )
    # Age band codes are data: every translation of the course keeps them.
    override_translatable_fields = synchronised("age_bands")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading=_("Hero image")
        ),
        FieldPanel("outcomes"),
        FieldPanel("age_bands"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("outcomes"),
        index.FilterField("age_bands"),
    ]

    base_form_class = CoursePageForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt:
            raise ValidationError(
                {"hero_image_alt": _("Describe the hero image for people who cannot see it.")}
            )
        bands = [band for band in self.age_bands.split(",") if band]
        if any(band not in AGE_BAND_VALUES for band in bands):
            raise ValidationError({"age_bands": _("Choose age bands from the list.")})

    def get_age_band_labels(self) -> list[str]:
        labels = dict(AGE_BANDS)
        return [str(labels[b]) for b in self.age_bands.split(",") if b in labels]

    @property
    def estimated_minutes(self) -> int:
        """Derived: the sum of the course's live lessons' estimates."""
        total = (
            LessonPage.objects.live()
            .descendant_of(self)
            .aggregate(total=Sum("estimated_minutes"))["total"]
        )
        return total or 0

    def get_modules(self):
        return ModulePage.objects.live().public().child_of(self).order_by("path")

    # Complete when all its modules are (see courses.progress); completing it earns a
    # certificate.
    rolls_up_completion = True
    issues_certificate = True

    def content_context(self) -> dict:
        """Live modules (view restrictions are checked when one is opened) with their minutes
        and lesson counts, every lesson and quiz below them, and the course's topics: one
        query each."""
        from ..learning import trackable_activities

        modules = list(ModulePage.objects.live().child_of(self).order_by("path"))
        activities = trackable_activities([self])
        rows = [(a.path, a.minutes) for a in activities if a.minutes is not None]
        minutes = minutes_by_page(modules, rows)
        for module in modules:
            module.total_minutes = minutes[module.pk]
            module.lesson_count = sum(1 for p, _m in rows if p.startswith(module.path))
        tags = list(self.tags.all())
        return {
            "modules": modules,
            "activities": activities,
            "total_minutes": sum(m for _p, m in rows),
            "tags": tags,
            "catalogue": self.get_parent() if tags else None,  # where the topic links go
        }

    def get_context(self, request, *args, **kwargs):
        from ..learning import store_with_progress, summarise_courses

        context = super().get_context(request, *args, **kwargs)
        content = self.cached_content()
        modules, activities = content["modules"], content["activities"]
        context.update(
            modules=modules,
            total_minutes=content["total_minutes"],
            tags=content["tags"],
            catalogue=content["catalogue"],
        )
        store = store_with_progress(request)
        if store is not None:
            (summary,) = summarise_courses(store, [self], activities=activities)
            for module in modules:
                module.done, module.activity_count = summary.by_module.get(module.path, (0, 0))
            context["course_progress"] = summary
        return context


class CourseTag(TaggedItemBase):
    content_object = ParentalKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("course topic")
        verbose_name_plural = _("course topics")


class CoursePage(AbstractCoursePage):
    tags = ClusterTaggableManager(
        through=CourseTag, blank=True, verbose_name=_("topics"), help_text=_("Catalogue filters.")
    )

    content_panels = AbstractCoursePage.content_panels + [
        FieldPanel("tags"),
        CompletionFiguresPanel(),
    ]
    search_fields = AbstractCoursePage.search_fields + [
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    objects = CoursePageManager()

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")


# --- Module --------------------------------------------------------------------------------


class AbstractModulePage(KnownAncestorsMixin, Page):
    """The unit a teacher assigns: lessons in order, and optionally a quiz."""

    # Complete when all its trackable activities are: lessons, and a quiz that is passed.
    rolls_up_completion = True

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    outcomes = StreamField(OutcomeStreamBlock(), verbose_name=_("learning outcomes"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("outcomes")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("outcomes"),
    ]

    class Meta:
        abstract = True

    @property
    def estimated_minutes(self) -> int:
        """Derived: the sum of the module's live lessons' estimates."""
        total = (
            LessonPage.objects.live()
            .child_of(self)
            .aggregate(total=Sum("estimated_minutes"))["total"]
        )
        return total or 0

    def get_activities(self) -> list[Page]:
        """Live, public children in order, as their specific types (lessons and quizzes)."""
        return list(self.get_children().live().public().specific())

    def content_context(self) -> dict:
        return {"activities": self.get_activities()}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        activities = self.cached_content()["activities"]
        context.update(
            activities=activities,
            total_minutes=sum(getattr(a, "estimated_minutes", 0) or 0 for a in activities),
        )
        from ..learning import store_with_progress

        store = store_with_progress(request)
        if store is not None:
            tracked = [a for a in activities if getattr(a, "is_trackable", False)]
            entries = store.get_many([a.translation_key for a in tracked])
            for activity in tracked:
                activity.progress = entries.get(activity.translation_key)
            done = sum(1 for a in tracked if a.progress and a.progress.is_complete)
            context["module_progress"] = {
                "done": done,
                "total": len(tracked),
                "percent": round(100 * done / len(tracked)) if tracked else 0,
            }
        return context


class ModulePage(AbstractModulePage):
    content_panels = AbstractModulePage.content_panels + [CompletionFiguresPanel()]

    parent_page_types = ["courses.CoursePage"]
    # Quizzes and other trackable activities join through their own parent_page_types:
    # see clean_subpage_models.
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    @classmethod
    def clean_subpage_models(cls):
        """Lessons, plus any trackable page type that names this one as its parent.

        ``courses`` never imports ``quizzes``; ``QuizPage`` joins a module by listing
        ``courses.ModulePage`` in its ``parent_page_types``.
        """
        if cls._clean_subpage_models is None:
            models_ = list(super().clean_subpage_models())
            for model in get_page_models():
                if (
                    getattr(model, "is_trackable", False)
                    and model not in models_
                    and model.parent_page_types is not None
                    and cls in model.clean_parent_page_models()
                ):
                    models_.append(model)
            cls._clean_subpage_models = models_
        return cls._clean_subpage_models


# --- Help ----------------------------------------------------------------------------------


class AbstractHelpPage(Page):
    """Where to report and get help, by region, with a quick exit."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from ..help import RegionChoice

        context = super().get_context(request, *args, **kwargs)
        context["help"] = RegionChoice(request, locale=self.locale_id)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data["help"].error:
            response.status_code = 400
        return response


class HelpPage(AbstractHelpPage):
    subpage_types = []

    class Meta:
        verbose_name = _("help page")
        verbose_name_plural = _("help pages")
