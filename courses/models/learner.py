"""A learner's own actions on a lesson: marking it complete and ticking its checklists.

:class:`LessonProgressMixin` is an abstract model mixed into ``AbstractLessonPage``: it adds
the routes (all POST with CSRF), the "significant change" date that tells learners a lesson
was updated after they completed it, and the learner's standing to the template context.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models, transaction
from django.http import HttpResponse, HttpResponseBadRequest, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.routable_page.models import path

from ..completion import ProgressStatus

CHECKLIST_SESSION_KEY = "kinwise_checklists"


class ChecklistTick(models.Model):
    """One ticked item of a checklist block, for one learner.

    Keyed by the lesson's translation key and the StreamField block and item ids, so ticks
    survive edits elsewhere in the lesson and follow the learner across translations.
    """

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=gettext_lazy("learner"),
        on_delete=models.CASCADE,
        related_name="kinwise_checklist_ticks",
    )
    translation_key = models.UUIDField(gettext_lazy("lesson"))
    block_id = models.CharField(gettext_lazy("checklist block"), max_length=64)
    item_id = models.CharField(gettext_lazy("item"), max_length=64)
    ticked_at = models.DateTimeField(gettext_lazy("ticked at"), default=timezone.now)

    class Meta:
        verbose_name = gettext_lazy("checklist tick")
        verbose_name_plural = gettext_lazy("checklist ticks")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "translation_key", "block_id", "item_id"],
                name="kinwise_checklist_tick_unique",
            )
        ]

    def __str__(self):
        return f"{self.block_id}/{self.item_id}"

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        return [
            {
                "lesson": str(tick.translation_key),
                "checklist": tick.block_id,
                "item": tick.item_id,
                "ticked_at": tick.ticked_at.isoformat(),
            }
            for tick in cls.objects.filter(learner=learner)
        ]

    @classmethod
    def ticks_for(cls, request, translation_key) -> dict[str, set[str]]:
        """{block id: {ticked item ids}} for the learner (or visitor) behind ``request``."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            ticks: dict[str, set[str]] = {}
            rows = cls.objects.filter(learner=user, translation_key=translation_key)
            for block_id, item_id in rows.values_list("block_id", "item_id"):
                ticks.setdefault(block_id, set()).add(item_id)
            return ticks
        saved = request.session.get(CHECKLIST_SESSION_KEY, {}).get(str(translation_key), {})
        return {block_id: set(items) for block_id, items in saved.items()}

    @classmethod
    def save_ticks(cls, request, translation_key, block_id: str, item_ids: set[str]) -> None:
        """Make ``item_ids`` the ticked items of one checklist (unticking the others)."""
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            with transaction.atomic():
                mine = cls.objects.filter(
                    learner=user, translation_key=translation_key, block_id=block_id
                )
                mine.exclude(item_id__in=item_ids).delete()
                have = set(mine.values_list("item_id", flat=True))
                cls.objects.bulk_create(
                    [
                        cls(
                            learner=user,
                            translation_key=translation_key,
                            block_id=block_id,
                            item_id=item_id,
                        )
                        for item_id in sorted(item_ids - have)
                    ],
                    ignore_conflicts=True,
                )
            return
        data = request.session.get(CHECKLIST_SESSION_KEY, {})
        data.setdefault(str(translation_key), {})[block_id] = sorted(item_ids)
        request.session[CHECKLIST_SESSION_KEY] = data

    @classmethod
    def claim(cls, request, user) -> None:
        """Add a visitor's ticks to the account they log in to (a union: nothing is lost)."""
        data = request.session.pop(CHECKLIST_SESSION_KEY, None) or {}
        cls.objects.bulk_create(
            [
                cls(learner=user, translation_key=key, block_id=block_id, item_id=item_id)
                for key, blocks in data.items()
                for block_id, items in blocks.items()
                for item_id in items
            ],
            ignore_conflicts=True,
        )


class LessonProgressMixin(models.Model):
    significant_change_at = models.DateTimeField(
        gettext_lazy("last significant change"),
        null=True,
        blank=True,
        editable=False,
        help_text=gettext_lazy(
            "Set when an editor ticks “significant change”: learners who completed the lesson "
            "before this are told it has been updated."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Blocks stored in the legacy shape (a checklist's items as plain strings) get new
        # random item ids every time they are loaded; reading every block before saving
        # stores them in the current shape, ids included, so checklist ticks keep matching.
        list(self.body)
        return super().save(*args, **kwargs)

    def serve(self, request, view=None, args=None, kwargs=None):
        # Viewing marks a lesson started, for signed-in learners. Visitors get no session
        # (and no cookie) just for reading: their progress starts with their first action.
        if (
            request.method == "GET"
            and (view is None or view.__name__ == "index_route")
            and request.user.is_authenticated
            and not getattr(request, "is_preview", False)
        ):
            from ..progress import DatabaseStore, record

            request._kinwise_lesson_progress = record(
                DatabaseStore(request.user), self, ProgressStatus.STARTED
            )
        return super().serve(request, view, args, kwargs)

    def get_learner_context(self, request) -> dict:
        from ..progress import store_for

        entry = getattr(request, "_kinwise_lesson_progress", None)
        if entry is None and (request.user.is_authenticated or request.session.session_key):
            entry = store_for(request).get_many([self.translation_key]).get(self.translation_key)
        # The raw stream: iterating the StreamField would load every block's snippets and
        # images, which a cached lesson body (courses.cache.render_stream) never needs.
        has_checklist = any(item["type"] == "checklist" for item in self.body.raw_data)
        return {
            "lesson_progress": entry,
            "updated_since_completed": bool(
                entry
                and entry.completed_at
                and self.significant_change_at
                and self.significant_change_at > entry.completed_at
            ),
            "checklist_ticks": (
                ChecklistTick.ticks_for(request, self.translation_key) if has_checklist else {}
            ),
        }

    @path("complete/", name="complete")
    def complete(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        self.record_progress(request, ProgressStatus.COMPLETED)
        return redirect(self.get_url(request) + "#lesson-status", permanent=False)

    @path("checklist/<str:block_id>/", name="checklist")
    def checklist(self, request, block_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        block = self.find_block(block_id, "checklist")
        if block is None:
            return HttpResponseBadRequest(_("This lesson has no such checklist."))
        valid = {item.id for item in block.value["items"].bound_blocks}
        chosen = set(request.POST.getlist("item"))
        if not chosen <= valid:
            return HttpResponseBadRequest(_("Some ticked items are not on this checklist."))
        ChecklistTick.save_ticks(request, self.translation_key, block_id, chosen)
        self.record_progress(request, ProgressStatus.STARTED)
        if request.headers.get("X-Requested-With") == "fetch":
            return HttpResponse(status=204)
        return redirect(self.get_url(request) + f"#checklist-{block_id}", permanent=False)
