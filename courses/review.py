"""Content freshness: when lessons and privacy guides are next due for an accuracy review.

Platforms change their settings several times a year, so every lesson records when it was
last verified and how often it must be checked (``review_interval_months``); each privacy
guide block records its own ``last_verified`` and is due on the same interval as its lesson.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def review_due_date(last_verified: datetime.date, months: int) -> datetime.date:
    """``last_verified`` plus ``months`` calendar months (days past the 28th become the 28th,
    so that the date exists in every month)."""
    month_index = last_verified.month - 1 + months
    return datetime.date(
        last_verified.year + month_index // 12, month_index % 12 + 1, min(last_verified.day, 28)
    )


def notice_days() -> int:
    """How many days ahead the Due for review report looks (``KINWISE_REVIEW_NOTICE_DAYS``)."""
    return getattr(settings, "KINWISE_REVIEW_NOTICE_DAYS", 30)


KIND_LABELS = {"lesson": _("Lesson"), "privacy_guide": _("Privacy guide")}


@dataclass
class DueItem:
    """A lesson, or a privacy guide in a lesson, whose review is due (or nearly)."""

    kind: str  # "lesson" | "privacy_guide"
    lesson: object
    title: str
    last_verified: datetime.date | None
    due: datetime.date | None  # None: never verified, so due now
    platforms: list = field(default_factory=list)
    course_title: str = ""
    block_id: str = ""

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])

    @property
    def platform_names(self) -> str:
        return ", ".join(platform.name for platform in self.platforms)

    @property
    def is_overdue(self) -> bool:
        return self.due is None or self.due < timezone.localdate()

    @property
    def status(self) -> str:
        return "overdue" if self.is_overdue else "due_soon"

    @property
    def status_label(self) -> str:
        if self.due is None:
            return str(_("Never verified"))
        days = (self.due - timezone.localdate()).days
        if days < 0:
            return str(_("Overdue by %(days)s days") % {"days": -days})
        if days == 0:
            return str(_("Due today"))
        return str(_("Due in %(days)s days") % {"days": days})

    @property
    def sort_due(self) -> datetime.date:
        return self.due or datetime.date.min


def due_items(lessons, guide_platforms: dict, course_titles: dict, *, today=None) -> list:
    """The review items due by ``today`` plus the notice period, from ``lessons``.

    ``lessons`` have their ``platforms`` prefetched, or carry them as ``platform_list``;
    guides are read from the raw StreamField data (no block conversion, so no query per
    lesson); ``guide_platforms`` maps platform ids to platforms and ``course_titles`` maps a
    lesson's course path to its title.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=notice_days())
    items = []
    for lesson in lessons:
        course_title = course_titles.get(lesson.path[: (lesson.depth - 2) * lesson.steplen], "")
        due = lesson.review_due
        if due is None or due <= horizon:
            items.append(
                DueItem(
                    kind="lesson",
                    lesson=lesson,
                    title=lesson.title,
                    last_verified=lesson.last_verified,
                    due=due,
                    platforms=_lesson_platforms(lesson),
                    course_title=course_title,
                )
            )
        for block in lesson.body.raw_data:
            if block.get("type") != "privacy_guide":
                continue
            value = block.get("value") or {}
            verified = _parse_date(value.get("last_verified"))
            due = review_due_date(verified, lesson.review_interval_months) if verified else None
            if due is not None and due > horizon:
                continue
            platform = guide_platforms.get(value.get("platform"))
            items.append(
                DueItem(
                    kind="privacy_guide",
                    lesson=lesson,
                    title=_guide_title(lesson, platform, value),
                    last_verified=verified,
                    due=due,
                    platforms=[platform] if platform else [],
                    course_title=course_title,
                    block_id=block.get("id", ""),
                )
            )
    return items


def _lesson_platforms(lesson) -> list:
    listed = getattr(lesson, "platform_list", None)
    return list(lesson.platforms.all()) if listed is None else listed


def guide_platform_ids(lessons) -> set:
    return {
        block["value"].get("platform")
        for lesson in lessons
        for block in lesson.body.raw_data
        if block.get("type") == "privacy_guide" and block.get("value")
    } - {None}


def _guide_title(lesson, platform, value) -> str:
    return str(
        _("%(platform)s privacy guide (%(applies_to)s) in “%(lesson)s”")
        % {
            "platform": platform.name if platform else _("Unknown platform"),
            "applies_to": value.get("applies_to", ""),
            "lesson": lesson.title,
        }
    )


def _parse_date(raw) -> datetime.date | None:
    if isinstance(raw, datetime.date):
        return raw
    try:
        return datetime.date.fromisoformat(raw) if raw else None
    except (TypeError, ValueError):
        return None
