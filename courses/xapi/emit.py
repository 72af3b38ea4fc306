"""Turning stored progress into outgoing statements.

Receives :data:`courses.completion.progress_stored`, which storage sends for signed-in
learners after every write, roll-ups and log-in claims included:

* a first row for a page (``before`` is ``None``): ``initialized``;
* a graded result (a quiz): ``passed`` or ``failed`` with that attempt's score;
* otherwise a page that has just become complete: ``completed``.

Visitors without an account send nothing; when they log in and their session's progress is
claimed into their account, the claim goes through the same storage path, so the LRS then
receives what the account gained, stamped with the times it happened.

Nothing here may break the learner's request: statements are written in a savepoint and any
error is logged (without personal data) and swallowed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import transaction

from ..completion import ProgressStatus
from . import conf
from . import statements as xapi
from .models import OutgoingStatement

logger = logging.getLogger(__name__)

GRADED = {ProgressStatus.PASSED: xapi.PASSED, ProgressStatus.FAILED: xapi.FAILED}


def on_progress_stored(sender, learner, page, reported, before, after, **kwargs) -> None:
    """Receiver for ``courses.completion.progress_stored``."""
    if not conf.enabled():
        return
    events = []
    if before is None:
        events.append((xapi.INITIALIZED, reported.first_viewed_at, None))
    if reported.status in GRADED:
        passed = reported.status == ProgressStatus.PASSED
        when = reported.completed_at or reported.last_viewed_at
        result = xapi.score_result(reported.score, passed=passed)
        events.append((GRADED[reported.status], when, result))
    elif after.is_complete and not (before and before.is_complete):
        when = after.completed_at or reported.last_viewed_at
        events.append((xapi.COMPLETED, when, {"completion": True}))
    if not events:
        return
    try:
        with transaction.atomic():
            queue(learner, build(learner, page, events, start_ancestors=before is None))
    except Exception:
        logger.exception("xAPI: could not queue statements for page %s", page.pk)


def build(learner, page, events, *, start_ancestors: bool = False) -> list[dict]:
    """Statements for ``events`` ((verb, timestamp, result) tuples) on ``page``.

    ``initialized`` goes out once per learner and activity. With ``start_ancestors`` (the
    page's first record), the module and course above it are initialized too unless they
    already were: storage starts their roll-up rows without a record of their own.
    """
    seen = page
    codes = xapi.language_codes()
    page = xapi.canonical(page, codes)
    root_url = xapi.site_root_url(page)
    ancestors = xapi.context_pages(page)
    team = xapi.team(assigning_class(learner, ancestors), root_url)
    actor = xapi.actor(learner, root_url)
    language = xapi.language(seen, codes)
    activities = {}

    def make(unit, above, verb, when, result):
        if unit.pk not in activities:
            activities[unit.pk] = xapi.activity(
                unit, name_from=seen if unit is page else None, codes=codes
            )
        return xapi.statement(
            verb=verb,
            actor=actor,
            activity_object=activities[unit.pk],
            timestamp=when,
            context=xapi.context(unit, above, team=team, language=language, codes=codes),
            result=result,
        )

    # Outermost first: the course starts before its module, the module before the lesson.
    starts = (
        [(a, ancestors[i + 1 :]) for i, a in enumerate(ancestors)][::-1] if start_ancestors else []
    )
    initialized_at = [when for verb, when, _ in events if verb == xapi.INITIALIZED]
    if initialized_at:
        starts.append((page, ancestors))
    built = []
    if starts:
        urls = {unit.pk: unit.full_url for unit, _ in starts}
        already = set(
            OutgoingStatement.objects.filter(
                learner=learner, verb=xapi.INITIALIZED, activity__in=list(urls.values())
            ).values_list("activity", flat=True)
        )
        when = initialized_at[0] if initialized_at else events[0][1]
        for unit, above in starts:
            if urls[unit.pk] not in already:
                already.add(urls[unit.pk])
                built.append(make(unit, above, xapi.INITIALIZED, when, None))
    for verb, when, result in events:
        if verb != xapi.INITIALIZED:
            built.append(make(page, ancestors, verb, when, result))
    return built


def assigning_class(learner, ancestors) -> int | None:
    """The class (earliest assignment first) that assigned one of ``ancestors`` to the learner."""
    if not ancestors:
        return None
    from ..models import Assignment

    keys = [a.translation_key for a in ancestors]
    return (
        Assignment.objects.for_learner(learner)
        .filter(page__translation_key__in=keys)
        .order_by("created_at", "pk")
        .values_list("classroom_id", flat=True)
        .first()
    )


def queue(learner, payloads: Iterable[dict]) -> list[int]:
    """Store ``payloads`` as pending statements and send them once the transaction commits."""
    rows = OutgoingStatement.objects.bulk_create(
        [
            OutgoingStatement(
                statement_id=payload["id"],
                learner=learner,
                verb=payload["verb"]["display"]["en-US"],
                activity=payload["object"]["id"],
                payload=payload,
            )
            for payload in payloads
        ]
    )
    ids = [row.pk for row in rows]
    if ids:
        transaction.on_commit(lambda: enqueue(ids), robust=True)
    return ids


def enqueue(ids: list[int], run_after=None) -> None:
    """Hand statements to the task queue; if that fails they stay pending for the command."""
    from .tasks import send_statements

    task = send_statements.using(backend=conf.task_backend())
    if run_after is not None:
        task = task.using(run_after=run_after)
    try:
        task.enqueue(ids)
    except Exception:
        logger.exception("xAPI: could not enqueue %d statements; they stay pending", len(ids))
