"""Recording progress: one place decides what "complete" means and writes the roll-ups.

Signed-in learners' progress is stored in :class:`~courses.models.Progress`; a visitor's lives
in their session until they sign up or log in, when :func:`claim_session_progress` merges it
into their account. Both go through the same rules (:func:`merge`) and the same roll-up
(:func:`_roll_up`), so a module is never complete in one place and not in another.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from .completion import COMPLETE_STATUSES, ProgressStatus
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


class DatabaseStore:
    """Progress of a signed-in learner, in the database."""

    def __init__(self, learner):
        self.learner = learner

    def get_many(self, translation_keys) -> dict:
        rows = Progress.objects.filter(learner=self.learner, translation_key__in=translation_keys)
        return {row.translation_key: _entry_from_row(row) for row in rows}

    def put(self, page, new: Entry) -> Entry:
        """Merge ``new`` into the stored row, locking it so concurrent writes don't race."""
        key = page.translation_key
        row = (
            Progress.objects.select_for_update()
            .filter(learner=self.learner, translation_key=key)
            .first()
        )
        if row is None:
            try:
                with transaction.atomic():
                    row = Progress.objects.create(
                        learner=self.learner, translation_key=key, **_row_fields(new)
                    )
                return new
            except IntegrityError:
                # Another request created the row first: merge into theirs.
                row = Progress.objects.select_for_update().get(
                    learner=self.learner, translation_key=key
                )
        merged = merge(_entry_from_row(row), new)
        for field, value in _row_fields(merged).items():
            setattr(row, field, value)
        row.save()
        return merged


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

    def put(self, page, new: Entry) -> Entry:
        data = self._data()
        key = str(page.translation_key)
        old = _entry_from_session(data[key]) if key in data else None
        merged = merge(old, new)
        data[key] = _entry_to_session(merged)
        self.session[SESSION_KEY] = data
        return merged

    def entries(self) -> dict:
        return {key: _entry_from_session(raw) for key, raw in self._data().items()}


def store_for(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return DatabaseStore(user)
    return SessionStore(request.session)


@transaction.atomic
def record(store, page, status, score: int | None = None, *, now=None) -> Entry:
    """Record ``status`` on ``page`` and, when that completes it, roll up to module and course."""
    now = now or timezone.now()
    before = store.get_many([page.translation_key]).get(page.translation_key)
    merged = store.put(page, _new_entry(page, status, score, now))
    if merged.is_complete and not (before and before.is_complete):
        _roll_up(store, page, now)
    return merged


def _roll_up(store, page, now) -> None:
    """Complete the parent (module, then course) when its last requirement has just been met.

    Parents say what they require through ``completion_requirements()``; a failed quiz is
    not complete, so it never completes anything.
    """
    parent = page.get_parent()
    if parent is None:
        return
    parent = parent.specific
    requirements = getattr(parent, "completion_requirements", None)
    if requirements is None:
        return
    required = list(requirements())
    if not required:
        return
    done = store.get_many([p.translation_key for p in required])
    if all(done.get(p.translation_key) and done[p.translation_key].is_complete for p in required):
        before = store.get_many([parent.translation_key]).get(parent.translation_key)
        store.put(parent, _new_entry(parent, ProgressStatus.COMPLETED, None, now))
        if not (before and before.is_complete):
            _roll_up(store, parent, now)


def on_progress_recorded(sender, page, request, status, score=None, **kwargs) -> None:
    """Receiver for ``courses.completion.progress_recorded``."""
    record(store_for(request), page, status, score)


def claim_session_progress(request, user) -> int:
    """Merge a visitor's session progress into ``user``'s account; returns rows touched.

    Never overwrites a better result, and claiming twice changes nothing. Roll-ups are
    recomputed through the same rules as a live completion.
    """
    session_store = SessionStore(request.session)
    entries = session_store.entries()
    if not entries:
        return 0
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[e.page_id for e in entries.values()]).specific()
    }
    db = DatabaseStore(user)
    with transaction.atomic():
        for entry in entries.values():
            page = pages.get(entry.page_id)
            if page is None:  # deleted since
                continue
            before = db.get_many([page.translation_key]).get(page.translation_key)
            merged = db.put(page, entry)
            if merged.is_complete and not (before and before.is_complete):
                _roll_up(db, page, merged.completed_at or timezone.now())
    request.session.pop(SESSION_KEY, None)
    logger.info("claimed %d session progress entries", len(entries))
    return len(entries)


def claim_on_login(sender, request, user, **kwargs) -> None:
    """Receiver for ``user_logged_in``."""
    if request is not None and hasattr(request, "session"):
        claim_session_progress(request, user)


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
