"""Recording progress: one place decides what "complete" means and writes the roll-ups.

Signed-in learners' progress is stored in :class:`~courses.models.Progress`; a visitor's lives
in their session until they sign up or log in, when :func:`claim_session_progress` merges it
into their account. Both go through the same rules (:func:`merge`) and the same roll-up
(:func:`_roll_up`), so a module is never complete in one place and not in another.

A module's (and a course's) roll-up row exists from the learner's first record of any page
in it: *started*, with that first view's time, until its requirements are complete, when it
becomes *completed*. So the reports count who started and how long they took from the
roll-up rows alone, without reading every lesson's row.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce, Length, Substr
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from .completion import COMPLETE_STATUSES, ProgressStatus, progress_stored
from .models.certificates import Certificate
from .models.progress import STATUS_RANK, Progress

logger = logging.getLogger(__name__)

SESSION_KEY = "kinwise_progress"


@dataclass(frozen=True)
class Entry:
    """A learner's standing on one page, whichever store holds it."""

    page_id: int
    status: ProgressStatus
    score: int | None
    first_viewed_at: datetime
    last_viewed_at: datetime
    completed_at: datetime | None

    @property
    def is_complete(self) -> bool:
        return self.status in COMPLETE_STATUSES


def merge(old: Entry | None, new: Entry) -> Entry:
    """Combine two records of the same page, never losing the better result.

    Status only moves forward (a failed quiz never undoes a pass; reopening never
    un-completes), the best score is kept, and the earliest first view and completion win.
    """
    if old is None:
        return new
    status = old.status if STATUS_RANK[old.status] >= STATUS_RANK[new.status] else new.status
    scores = [s for s in (old.score, new.score) if s is not None]
    completions = [c for c in (old.completed_at, new.completed_at) if c is not None]
    return Entry(
        page_id=new.page_id if new.last_viewed_at >= old.last_viewed_at else old.page_id,
        status=status,
        score=max(scores) if scores else None,
        first_viewed_at=min(old.first_viewed_at, new.first_viewed_at),
        last_viewed_at=max(old.last_viewed_at, new.last_viewed_at),
        completed_at=min(completions) if completions and status in COMPLETE_STATUSES else None,
    )


def _new_entry(page, status, score, now) -> Entry:
    status = ProgressStatus(status)
    return Entry(
        page_id=page.pk,
        status=status,
        score=score,
        first_viewed_at=now,
        last_viewed_at=now,
        completed_at=now if status in COMPLETE_STATUSES else None,
    )


def view_time_precision() -> timedelta:
    """How stale a stored "last viewed" time may be: a learner who views the same page again
    within this long (``KINWISE_VIEW_TIME_PRECISION`` seconds, default 60) costs no write,
    so reading a lesson is a read, not a write, on every reload. Zero writes every view."""
    return timedelta(seconds=int(getattr(settings, "KINWISE_VIEW_TIME_PRECISION", 60)))


class DatabaseStore:
    """Progress of a signed-in learner, in the database."""

    def __init__(self, learner):
        self.learner = learner

    def get_many(self, translation_keys) -> dict:
        rows = Progress.objects.filter(learner=self.learner, translation_key__in=translation_keys)
        return {row.translation_key: _entry_from_row(row) for row in rows}

    def seen(self, page, now) -> Entry | None:
        """Note a view of a page the learner already has a row for; ``None`` if they don't."""
        row = Progress.objects.filter(
            learner=self.learner, translation_key=page.translation_key
        ).first()
        if row is None:
            return None
        if row.page_id != page.pk or now - row.last_viewed_at >= view_time_precision():
            Progress.objects.filter(pk=row.pk).update(last_viewed_at=now, page_id=page.pk)
            row.last_viewed_at, row.page_id = now, page.pk
        return _entry_from_row(row)

    def all_entries(self) -> dict:
        rows = Progress.objects.filter(learner=self.learner)
        return {row.translation_key: _entry_from_row(row) for row in rows}

    def put(self, page, new: Entry) -> tuple[Entry | None, Entry]:
        """Merge ``new`` into the stored row, locking it so concurrent writes don't race.

        Returns the entry as it was before (``None`` if new) and as it is now."""
        key = page.translation_key
        row = (
            Progress.objects.select_for_update()
            .filter(learner=self.learner, translation_key=key)
            .first()
        )
        if row is None:
            try:
                with transaction.atomic():
                    Progress.objects.create(
                        learner=self.learner, translation_key=key, **_row_fields(new)
                    )
                return None, new
            except IntegrityError:
                # Another request created the row first: merge into theirs.
                row = Progress.objects.select_for_update().get(
                    learner=self.learner, translation_key=key
                )
        before = _entry_from_row(row)
        merged = merge(before, new)
        if merged != before:
            for field, value in _row_fields(merged).items():
                setattr(row, field, value)
            row.save()
        return before, merged

    def start(self, pages, first_viewed_at, now) -> None:
        """Give each of ``pages`` (roll-ups) a *started* row unless it has one: one query,
        and a row that exists is left exactly as it is (status only moves forward)."""
        Progress.objects.bulk_create(
            [
                Progress(
                    learner=self.learner,
                    translation_key=page.translation_key,
                    **_row_fields(_started_entry(page, first_viewed_at, now)),
                )
                for page in pages
            ],
            ignore_conflicts=True,
        )

    def hold_roll_ups(self) -> None:
        """Make this learner's roll-ups wait for one another until the transaction ends.

        Two requests completing different requirements of one module at once (a lesson and
        the quiz) would each read the other's as not complete yet, and neither would complete
        the module. Locking the learner's row first makes the second wait, then read what the
        first committed. ``FOR NO KEY UPDATE`` does not block inserts that reference the user.
        """
        if connection.features.has_select_for_update:
            list(
                get_user_model()
                ._default_manager.select_for_update(no_key=True)
                .filter(pk=self.learner.pk)
                .values_list("pk", flat=True)
            )

    def on_completed(self, page, entry: Entry) -> None:
        """A page has just become complete: a course earns its certificate."""
        if getattr(page.specific_class, "issues_certificate", False):
            Certificate.objects.get_or_create(
                learner=self.learner,
                translation_key=page.translation_key,
                defaults={
                    "course_id": page.pk,
                    "learner_name": learner_name(self.learner),
                    "issued_at": entry.completed_at or timezone.now(),
                },
            )


class SessionStore:
    """Progress of a visitor without an account: kept in their session, on this device."""

    def __init__(self, session):
        self.session = session

    def _data(self) -> dict:
        return self.session.get(SESSION_KEY, {})

    def get_many(self, translation_keys) -> dict:
        data = self._data()
        found = {}
        for key in translation_keys:
            raw = data.get(str(key))
            if raw:
                found[key] = _entry_from_session(raw)
        return found

    def put(self, page, new: Entry) -> tuple[Entry | None, Entry]:
        data = self._data()
        key = str(page.translation_key)
        before = _entry_from_session(data[key]) if key in data else None
        merged = merge(before, new)
        data[key] = _entry_to_session(merged)
        self.session[SESSION_KEY] = data
        return before, merged

    def all_entries(self) -> dict:
        return {UUID(key): _entry_from_session(raw) for key, raw in self._data().items()}

    def start(self, pages, first_viewed_at, now) -> None:
        data = self._data()
        for page in pages:
            data.setdefault(
                str(page.translation_key),
                _entry_to_session(_started_entry(page, first_viewed_at, now)),
            )
        self.session[SESSION_KEY] = data

    def hold_roll_ups(self) -> None:
        """A session belongs to one browser; its requests do not need to wait for each other."""

    def on_completed(self, page, entry: Entry) -> None:
        """Visitors earn certificates when they claim their progress into an account."""


def learner_name(user) -> str:
    """The name a learner chose to show (a display name where the user model has one)."""
    return getattr(user, "display_name", "") or user.get_full_name().strip() or user.get_username()


def store_for(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return DatabaseStore(user)
    return SessionStore(request.session)


def record(store, page, status, score: int | None = None, *, now=None) -> Entry:
    """Record ``status`` on ``page`` and, when that completes it, roll up to module and course."""
    now = now or timezone.now()
    if status == ProgressStatus.STARTED and isinstance(store, DatabaseStore):
        # The common case, a learner viewing a page again, needs no lock: "started" never
        # changes a row's status or score, so only the view time (and page) are written.
        seen = store.seen(page, now)
        if seen is not None:
            return seen
    return _record(store, page, status, score, now)


@transaction.atomic
def _record(store, page, status, score, now) -> Entry:
    return _put(store, page, _new_entry(page, status, score, now), now)


def _put(store, page, entry: Entry, now) -> Entry:
    """Store ``entry``; when that newly completes the page, issue what completion earns and
    roll up to its parent; when it is the page's first record, start the roll-ups above it.
    The one path every write takes (record, roll-up, claim)."""
    before, merged = store.put(page, entry)
    if isinstance(store, DatabaseStore):
        progress_stored.send(
            DatabaseStore,
            learner=store.learner,
            page=page,
            reported=entry,
            before=before,
            after=merged,
        )
    if merged.is_complete and not (before and before.is_complete):
        store.on_completed(page, merged)
        _roll_up(store, page, now)
    elif before is None:
        store.start(rolling_up_ancestors(page), merged.first_viewed_at, now)
    return merged


def _started_entry(page, first_viewed_at, now) -> Entry:
    return Entry(
        page_id=page.pk,
        status=ProgressStatus.STARTED,
        score=None,
        first_viewed_at=first_viewed_at,
        last_viewed_at=max(first_viewed_at, now),
        completed_at=None,
    )


def rolling_up_ancestors(page) -> list[Page]:
    """The roll-ups ``page`` counts towards: its module, that module's course (and so on up
    while the ancestors roll up), nearest first. One query."""
    ancestors = (
        Page.objects.ancestor_of(page)
        .order_by("-depth")
        .only("id", "translation_key", "content_type", "path", "depth")
    )
    chain = []
    for ancestor in ancestors:
        if not getattr(ancestor.specific_class, "rolls_up_completion", False):
            break
        chain.append(ancestor)
    return chain


def counts_towards(page_class) -> bool:
    """Whether pages of this class are requirements of their parent's completion."""
    return getattr(page_class, "is_trackable", False) or getattr(
        page_class, "rolls_up_completion", False
    )


def _default_language() -> str:
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def completion_requirements(parent) -> list[Page]:
    """What a learner must complete for ``parent`` (a module or course) to be complete.

    The one definition: the live children that are trackable (lessons, quizzes) or that roll
    up themselves (modules) of the parent's translation in the default language, when it has
    one, else of the parent itself. A partial translation (a module whose other lessons are
    not translated yet) therefore never completes early: progress is kept per translation
    key, so lessons done in either language count. One query, from the generic page rows.
    """
    source_path = Page.objects.filter(
        translation_key=parent.translation_key, locale__language_code=_default_language()
    ).values("path")[:1]
    children = (
        Page.objects.live()
        .annotate(parent_path=Substr("path", 1, Length("path") - Page.steplen))
        .filter(
            depth=parent.depth + 1,
            parent_path=Coalesce(Subquery(source_path), Value(parent.path)),
        )
        .order_by("path")
        .only("id", "translation_key", "content_type")
    )
    return [child for child in children if counts_towards(child.specific_class)]


def _roll_up(store, page, now) -> None:
    """Complete the parent (module, then course) when its last requirement has just been met,
    from the earliest first view among its rows; start it if it has no row yet.

    A failed quiz is not complete, so it never completes anything.
    """
    parent = page.get_parent()
    if parent is None or not getattr(parent.specific_class, "rolls_up_completion", False):
        return
    required = completion_requirements(parent)
    if not required:
        return
    store.hold_roll_ups()
    keys = [p.translation_key for p in required] + [parent.translation_key]
    done = store.get_many(keys)
    before = done.get(parent.translation_key)
    if before and before.is_complete:
        return
    # The unit started with the first view of anything in it (its row keeps the earliest).
    first_viewed_at = min((entry.first_viewed_at for entry in done.values()), default=now)
    if all(done.get(p.translation_key) and done[p.translation_key].is_complete for p in required):
        entry = Entry(
            page_id=parent.pk,
            status=ProgressStatus.COMPLETED,
            score=None,
            first_viewed_at=first_viewed_at,
            last_viewed_at=now,
            completed_at=now,
        )
        _put(store, parent, entry, now)
    elif before is None:
        # A page completed without a recorded start (or recorded before roll-ups started
        # with it): the unit is started now.
        _put(store, parent, _started_entry(parent, first_viewed_at, now), now)


def on_progress_recorded(sender, page, request, status, score=None, **kwargs) -> None:
    """Receiver for ``courses.completion.progress_recorded``."""
    record(store_for(request), page, status, score)


def claim_session_progress(request, user) -> int:
    """Merge a visitor's session progress into ``user``'s account; returns rows touched.

    Never overwrites a better result, and claiming twice changes nothing. Roll-ups are
    recomputed through the same rules as a live completion.
    """
    session_store = SessionStore(request.session)
    entries = session_store.all_entries()
    if not entries:
        return 0
    # Generic rows are enough: completion reads the page class from its content type.
    pages = Page.objects.in_bulk([e.page_id for e in entries.values()])
    db = DatabaseStore(user)
    with transaction.atomic():
        for entry in entries.values():
            page = pages.get(entry.page_id)
            if page is None:  # deleted since
                continue
            _put(db, page, entry, entry.completed_at or timezone.now())
    request.session.pop(SESSION_KEY, None)
    logger.info("claimed %d session progress entries", len(entries))
    return len(entries)


def claim_on_login(sender, request, user, **kwargs) -> None:
    """Receiver for ``user_logged_in``."""
    if request is not None and hasattr(request, "session"):
        from .models import ChecklistTick

        claim_session_progress(request, user)
        ChecklistTick.claim(request, user)


def _row_fields(entry: Entry) -> dict:
    return {
        "page_id": entry.page_id,
        "status": entry.status,
        "score": entry.score,
        "first_viewed_at": entry.first_viewed_at,
        "last_viewed_at": entry.last_viewed_at,
        "completed_at": entry.completed_at,
    }


def _entry_from_row(row: Progress) -> Entry:
    return Entry(
        page_id=row.page_id,
        status=ProgressStatus(row.status),
        score=row.score,
        first_viewed_at=row.first_viewed_at,
        last_viewed_at=row.last_viewed_at,
        completed_at=row.completed_at,
    )


def _entry_to_session(entry: Entry) -> dict:
    return {
        "page": entry.page_id,
        "status": entry.status.value,
        "score": entry.score,
        "first": entry.first_viewed_at.isoformat(),
        "last": entry.last_viewed_at.isoformat(),
        "completed": entry.completed_at.isoformat() if entry.completed_at else None,
    }


def _entry_from_session(raw: dict) -> Entry:
    return Entry(
        page_id=int(raw["page"]),
        status=ProgressStatus(raw["status"]),
        score=raw.get("score"),
        first_viewed_at=parse_datetime(raw["first"]),
        last_viewed_at=parse_datetime(raw["last"]),
        completed_at=parse_datetime(raw["completed"]) if raw.get("completed") else None,
    )
