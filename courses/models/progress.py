"""What each learner has done: one row per learner and trackable page, plus roll-ups.

Rows are keyed by the page's ``translation_key`` so that a lesson finished in English counts
when the learner comes back in Spanish. ``page`` keeps the page it happened on, for joins.
"""

from __future__ import annotations

import swapper
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..completion import COMPLETE_STATUSES, ProgressStatus

# How far each status is along; a record never moves backwards.
STATUS_RANK = {
    ProgressStatus.STARTED: 0,
    ProgressStatus.FAILED: 1,
    ProgressStatus.COMPLETED: 2,
    ProgressStatus.PASSED: 2,
}


class ProgressQuerySet(models.QuerySet):
    def for_learner(self, learner):
        return self.filter(learner=learner)

    def for_pages(self, pages):
        return self.filter(translation_key__in=[page.translation_key for page in pages])

    def completed(self):
        return self.filter(status__in=COMPLETE_STATUSES)

    def by_translation_key(self) -> dict:
        return {row.translation_key: row for row in self}


class Progress(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="kinwise_progress",
    )
    page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    translation_key = models.UUIDField(
        _("translation key"),
        help_text=_("Shared by every translation of the page, so progress follows the learner."),
    )
    status = models.CharField(_("status"), max_length=16, choices=ProgressStatus.choices)
    score = models.PositiveSmallIntegerField(_("best score"), null=True, blank=True)
    first_viewed_at = models.DateTimeField(_("first viewed"))
    last_viewed_at = models.DateTimeField(_("last viewed"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    objects = ProgressQuerySet.as_manager()

    # Learner records, not content: Wagtail's reference index ("used by") would cost three
    # queries on every save and list learners against pages.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("progress")
        verbose_name_plural = _("progress")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "translation_key"], name="kinwise_progress_unique_per_page"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=100),
                name="kinwise_progress_score_0_100",
            ),
            models.CheckConstraint(
                condition=Q(completed_at__isnull=True)
                | Q(status__in=sorted(s.value for s in COMPLETE_STATUSES)),
                name="kinwise_progress_completed_at_only_when_complete",
            ),
        ]
        indexes = [
            # Teacher dashboard and reports: everyone's rows for a set of pages. The report
            # figures (courses.figures) read status, score and times from the index alone.
            models.Index(
                fields=["translation_key", "status", "score", "first_viewed_at", "completed_at"],
                name="kinwise_progress_figures",
            ),
            models.Index(fields=["learner", "last_viewed_at"], name="kinwise_progress_recent"),
        ]

    def __str__(self):
        return f"{self.learner_id} · {self.page_id} · {self.status}"

    @property
    def is_complete(self) -> bool:
        return self.status in COMPLETE_STATUSES

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        return [
            {
                "page": row.page.title,
                "url": row.page.url,
                "status": row.status,
                "best_score": row.score,
                "first_viewed_at": row.first_viewed_at.isoformat(),
                "last_viewed_at": row.last_viewed_at.isoformat(),
                "completed_at": row.completed_at.isoformat() if row.completed_at else None,
            }
            for row in cls.objects.filter(learner=learner).select_related("page")
        ]
