"""What a learner sees of their own progress: per-course summaries, "continue", My learning.

Everything here reads through a progress store (``courses.progress.store_for(request)``),
so signed-in learners and visitors without an account see the same thing, and a fixed
number of queries answers for any number of courses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page, get_page_models

from .models import Certificate, CoursePage
from .teach.learner import classes_for_learner


def trackable_content_types() -> list[ContentType]:
    models = [m for m in get_page_models() if getattr(m, "is_trackable", False)]
    return list(ContentType.objects.get_for_models(*models).values())


@dataclass
class CourseSummary:
    course: Page
    activities: list = field(default_factory=list)
    done: int = 0
    started: bool = False
    completed: bool = False
    last_viewed_at: datetime | None = None
    continue_page: Page | None = None
    certificate: Certificate | None = None
    # {module path: [done, total]} for the course page's per-module progress.
    by_module: dict = field(default_factory=dict)
    # Lessons completed before an editor marked a significant change to them.
    updated: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.activities)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def trackable_activities(courses) -> list[Page]:
    """Live lessons and quizzes under ``courses``, in tree order, in one query.

    Each carries ``minutes``: a lesson's estimate, ``None`` for other activities. Not
    ``.public()``: the courses are, and one more query per page is not worth the rare
    restricted lesson inside a public course.
    """
    return list(
        Page.objects.live()
        .filter(content_type__in=trackable_content_types())
        .filter(reduce(or_, (Q(path__startswith=c.path) for c in courses)))
        .annotate(
            minutes=F("lessonpage__estimated_minutes"),
            changed_at=F("lessonpage__significant_change_at"),
        )
        .order_by("path")
        .only("id", "title", "url_path", "path", "depth", "translation_key", "content_type")
    )


def summarise_courses(
    store, courses, entries: dict | None = None, activities: list | None = None
) -> list[CourseSummary]:
    """Progress through each course: activities done out of all, and where to continue.

    A course counts as completed once its roll-up row says so, even if a lesson was added
    later (completion is history); the count of activities done is always current.
    """
    courses = list(courses)
    if not courses:
        return []
    if activities is None:
        activities = trackable_activities(courses)
    if entries is None:
        keys = [p.translation_key for p in activities] + [c.translation_key for c in courses]
        entries = store.get_many(keys)
    summaries = []
    for course in courses:
        summary = CourseSummary(course=course)
        summary.activities = [p for p in activities if p.path.startswith(course.path)]
        first_open = None
        latest_open = None
        module_len = (course.depth + 1) * Page.steplen
        for page in summary.activities:
            entry = entries.get(page.translation_key)
            counts = summary.by_module.setdefault(page.path[:module_len], [0, 0])
            counts[1] += 1
            if entry is not None and entry.is_complete:
                counts[0] += 1
            if entry is None:
                first_open = first_open or page
                continue
            summary.started = True
            if summary.last_viewed_at is None or entry.last_viewed_at > summary.last_viewed_at:
                summary.last_viewed_at = entry.last_viewed_at
            if entry.is_complete:
                summary.done += 1
                if page.changed_at and entry.completed_at and page.changed_at > entry.completed_at:
                    summary.updated.append(page)
            else:
                first_open = first_open or page
                if latest_open is None or entry.last_viewed_at > latest_open[0]:
                    latest_open = (entry.last_viewed_at, page)
        course_entry = entries.get(course.translation_key)
        summary.completed = bool(course_entry and course_entry.is_complete)
        # Continue with what was last opened and not finished, else the next thing not done.
        summary.continue_page = latest_open[1] if latest_open else first_open
        summaries.append(summary)
    return summaries


def store_with_progress(request):
    """The request's progress store, or ``None`` for a visitor with nothing recorded yet
    (so pages don't spend queries, or start a session, to show empty progress)."""
    from .progress import SESSION_KEY, store_for

    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return store_for(request)
    session = getattr(request, "session", None)
    if session is not None and session.session_key and session.get(SESSION_KEY):
        return store_for(request)
    return None


def _in_active_language(live_courses, paths) -> list:
    """The courses holding any of ``paths``, each in the active language where it has a live
    translation: progress is kept per translation key, so it counts in every language."""
    live_courses = list(live_courses)
    keys = {c.translation_key for c in live_courses if any(p.startswith(c.path) for p in paths)}
    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    chosen = {}
    for course in live_courses:
        if course.translation_key not in keys:
            continue
        if course.translation_key not in chosen or course.locale.language_code == language:
            chosen[course.translation_key] = course
    return sorted(chosen.values(), key=lambda c: c.path)


def my_learning(store, learner=None) -> dict:
    """The courses a learner has started or completed, with certificates where earned.

    A signed-in learner also gets what their classes assigned them (``assigned``), their
    classes (``classes``) and notices of removal from a class (``removals``).
    """
    entries = store.all_entries()
    paths = []
    if entries:
        paths = list(
            Page.objects.filter(pk__in={e.page_id for e in entries.values()}).values_list(
                "path", flat=True
            )
        )
    context = {"in_progress": [], "completed": []}
    if learner is not None and learner.is_authenticated:
        context.update(classes_for_learner(learner, entries, paths))
    if not entries:
        return context
    courses = _in_active_language(
        CoursePage.objects.live().public().select_related("locale").order_by("path"), paths
    )
    summaries = summarise_courses(store, courses, entries)
    if learner is not None and learner.is_authenticated:
        certificates = {
            cert.translation_key: cert for cert in Certificate.objects.filter(learner=learner)
        }
        for summary in summaries:
            summary.certificate = certificates.get(summary.course.translation_key)
    summaries.sort(key=lambda s: s.last_viewed_at or s.course.first_published_at, reverse=True)
    context.update(
        in_progress=[s for s in summaries if not s.completed],
        completed=[s for s in summaries if s.completed],
    )
    return context
