"""The background task that sends statements, with retries and exponential backoff.

django-tasks has no retries of its own: a failed try re-enqueues the statement with
``run_after`` set ``KINWISE_XAPI_RETRY_DELAY`` × 2ⁿ⁻¹ seconds ahead. A backend that cannot
defer (the immediate backend of development and tests) retries at once. After
``KINWISE_XAPI_MAX_ATTEMPTS`` tries, or an answer retrying cannot change (400, 409), the
statement is marked failed; failed statements are listed in the Wagtail admin and can be
resent from there.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.utils import timezone
from django_tasks import task, task_backends

from . import conf
from .client import put_statement
from .models import OutgoingStatement

logger = logging.getLogger(__name__)


@task()
def send_statements(statement_ids: list[int]) -> dict:
    """Send the pending statements among ``statement_ids``; returns counts by outcome."""
    counts = {"sent": 0, "retry": 0, "failed": 0}
    for pk in statement_ids:
        counts[deliver(pk)] += 1
    return counts


def deliver(pk: int) -> str:
    """One try at one statement. No lock is held while the LRS answers: sending the same
    statement twice is harmless (same id), so two workers racing cost nothing."""
    statement = OutgoingStatement.objects.pending().filter(pk=pk).first()
    if statement is None:
        return "sent"
    outcome = put_statement(statement.payload)
    now = timezone.now()
    attempts = statement.attempts + 1
    pending = OutgoingStatement.objects.pending().filter(pk=pk)
    if outcome.ok:
        pending.update(
            status=OutgoingStatement.Status.SENT,
            attempts=attempts,
            sent_at=now,
            next_attempt_at=None,
            last_error="",
        )
        return "sent"
    if outcome.permanent or attempts >= conf.max_attempts():
        pending.update(
            status=OutgoingStatement.Status.FAILED,
            attempts=attempts,
            next_attempt_at=None,
            last_error=outcome.error,
        )
        logger.warning("xAPI statement %s failed after %d tries", pk, attempts)
        return "failed"
    run_after = now + timedelta(seconds=conf.retry_delay() * 2 ** (attempts - 1))
    pending.update(attempts=attempts, next_attempt_at=run_after, last_error=outcome.error)
    from .emit import enqueue

    backend = task_backends[conf.task_backend()]
    enqueue([pk], run_after=run_after if backend.supports_defer else None)
    return "retry"


def resend(queryset) -> int:
    """Put failed (or pending) statements back in the queue from scratch; returns how many."""
    ids = list(queryset.exclude(status=OutgoingStatement.Status.SENT).values_list("pk", flat=True))
    if not ids:
        return 0
    OutgoingStatement.objects.filter(pk__in=ids).update(
        status=OutgoingStatement.Status.PENDING, attempts=0, next_attempt_at=None, last_error=""
    )
    from .emit import enqueue

    enqueue(ids)
    return len(ids)
