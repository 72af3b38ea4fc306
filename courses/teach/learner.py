"""What a learner sees of their classes: what is assigned to them, and removal notices.

Two queries whatever the number of classes and assignments, so that My learning keeps its
budget (see ``courses.learning.my_learning``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from ..models import Assignment, Membership


@dataclass
class AssignedItem:
    assignment: Assignment
    complete: bool
    started: bool
    overdue: bool

    # The assigned page's live translation in the active language, when it has one.
    translation: Page | None = None

    @property
    def page(self):
        return self.translation or self.assignment.page

    @property
    def classroom(self):
        return self.assignment.classroom


def classes_for_learner(learner, entries: dict, paths=(), *, today: date | None = None) -> dict:
    """``assigned`` (incomplete first, soonest due first), ``classes`` and ``removals``.

    ``entries`` are the learner's progress entries by translation key and ``paths`` the tree
    paths of the pages they hold, as My learning has already read them.
    """
    today = today or timezone.localdate()
    memberships = list(
        Membership.objects.learners()
        .filter(user=learner, classroom__archived_at__isnull=True)
        .exclude(removed_at__isnull=False, removal_seen_at__isnull=False)
        .select_related("classroom")
        .order_by("classroom__name", "pk")
    )
    classes = [m for m in memberships if not m.is_removed]
    removals = [m for m in memberships if m.is_removed]
    assigned = []
    if classes:
        rows = (
            Assignment.objects.for_learner(learner)
            .filter(page__live=True)  # unpublished since it was assigned: nothing to open
            .select_related("page__locale", "classroom")
            .in_due_order()
        )
        for assignment in rows:
            entry = entries.get(assignment.page.translation_key)
            complete = bool(entry and entry.is_complete)
            # A module or course has a progress entry from the first view of anything in
            # it, in whichever language; paths cover learners recorded before roll-ups.
            started = complete or entry is not None
            started = started or any(p.startswith(assignment.page.path) for p in paths)
            assigned.append(
                AssignedItem(
                    assignment=assignment,
                    complete=complete,
                    started=started,
                    overdue=assignment.is_overdue(complete, today),
                )
            )
        # Still to do first; the order within each part (due date) is kept.
        assigned.sort(key=lambda item: item.complete)
        _show_in_active_language(assigned)
    return {"assigned": assigned, "classes": classes, "removals": removals}


def _show_in_active_language(items: list[AssignedItem]) -> None:
    """Point each item at its page's live translation in the active language (one query,
    none when every assigned page is already in that language)."""
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        return
    keys = {
        item.assignment.page.translation_key
        for item in items
        if item.assignment.page.locale.language_code != language
    }
    if not keys:
        return
    translations = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=keys, locale__language_code=language
        )
    }
    for item in items:
        item.translation = translations.get(item.assignment.page.translation_key)
