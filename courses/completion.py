"""The completion interface: how trackable pages report a learner's progress.

``courses`` defines it and never imports the apps that implement it (``quizzes``). A page
that a learner completes (a lesson, a quiz) mixes in :class:`TrackablePageMixin` and calls
:meth:`~TrackablePageMixin.record_progress`; storage (the ``Progress`` model and module and
course roll-ups) listens to :data:`progress_recorded`. One definition of "complete" lives
here so that it is never computed differently in two places.
"""

from __future__ import annotations

import django.dispatch
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProgressStatus(models.TextChoices):
    STARTED = "started", _("Started")
    COMPLETED = "completed", _("Completed")
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Failed")

    @property
    def is_complete(self) -> bool:
        """A failed quiz is attempted, not complete."""
        return self in COMPLETE_STATUSES


COMPLETE_STATUSES = frozenset({ProgressStatus.COMPLETED, ProgressStatus.PASSED})

# Sent with keyword arguments: page, request, status (a ProgressStatus), score (0..100 or None).
progress_recorded = django.dispatch.Signal()

# Sent by storage after it wrote a signed-in learner's progress on a page (a record, a roll-up,
# or a visitor's progress claimed at log-in), inside its transaction, with keyword arguments:
# learner, page, reported (the Entry written), before (the stored Entry before, or None) and
# after (the stored Entry now). For integrations (xAPI) that need what actually changed.
progress_stored = django.dispatch.Signal()


class TrackablePageMixin:
    """Mix into a ``Page`` subclass whose completion is tracked (LessonPage, QuizPage).

    Modules find their trackable children through ``is_trackable``; another app's page type
    joins a module by naming ``courses.ModulePage`` in its ``parent_page_types``.
    """

    is_trackable = True

    def record_progress(self, request, status, score: int | None = None) -> None:
        """Report that the visitor behind ``request`` reached ``status`` on this page.

        ``score`` is a whole percentage for graded activities and ``None`` otherwise.
        Raises ``ValueError`` for an unknown status or an out-of-range score, so that bad
        data never reaches storage.
        """
        status = ProgressStatus(status)
        if score is not None and not (0 <= score <= 100):
            raise ValueError(f"score must be between 0 and 100, not {score!r}")
        progress_recorded.send(
            sender=type(self), page=self, request=request, status=status, score=score
        )
