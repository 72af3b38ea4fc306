"""The outbox of xAPI statements: each is stored with the learner's progress, then sent.

A statement is written in the same transaction as the progress it reports (so a rolled-back
request sends nothing) and handed to the task queue once that transaction commits. Its id is
made here, so sending it again after a timeout cannot record it twice in the LRS.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingStatementQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=OutgoingStatement.Status.PENDING)

    def failed(self):
        return self.filter(status=OutgoingStatement.Status.FAILED)

    def due(self, now=None):
        """Pending statements whose next try is due (or never scheduled)."""
        now = now or timezone.now()
        return self.pending().filter(
            models.Q(next_attempt_at__isnull=True) | models.Q(next_attempt_at__lte=now)
        )


class OutgoingStatement(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    statement_id = models.UUIDField(_("statement id"), default=uuid.uuid4, unique=True)
    # Only to delete a learner's statements with their account and to include them in their
    # download: the payload itself names the learner by pseudonym only.
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    verb = models.CharField(_("verb"), max_length=32)
    activity = models.CharField(_("activity"), max_length=600)
    payload = models.JSONField(_("statement"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(_("next try"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    objects = OutgoingStatementQuerySet.as_manager()

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["-created_at"]
        permissions = [("resend_outgoingstatement", _("Can resend failed xAPI statements"))]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"], name="kinwise_xapi_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "sent", "failed"]),
                name="kinwise_xapi_status_known",
            ),
        ]

    def __str__(self):
        return f"{self.verb} {self.activity}"

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        """The statements about a learner, as sent (or to be sent) to the LRS."""
        return [
            {
                "statement": statement.payload,
                "status": statement.status,
                "created_at": statement.created_at.isoformat(),
                "sent_at": statement.sent_at.isoformat() if statement.sent_at else None,
            }
            for statement in cls.objects.filter(learner=learner).order_by("created_at", "pk")
        ]
