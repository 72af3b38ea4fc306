"""Certificates of completion, issued when a learner completes a course."""

from __future__ import annotations

import secrets

import swapper
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Certificate(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("learner"),
        on_delete=models.CASCADE,
        related_name="kinwise_certificates",
    )
    course = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    translation_key = models.UUIDField(_("translation key"))
    code = models.CharField(
        _("verification code"), max_length=CODE_LENGTH, unique=True, default=new_certificate_code
    )
    learner_name = models.CharField(
        _("name on the certificate"),
        max_length=150,
        help_text=_("The learner's display name when the certificate was issued."),
    )
    issued_at = models.DateTimeField(_("issued at"))

    # Learner records, not content: Wagtail's reference index ("used by") would cost three
    # queries on every save and list learners against pages.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["learner", "translation_key"], name="kinwise_certificate_once_per_course"
            )
        ]

    def __str__(self):
        return self.code

    @property
    def formatted_code(self) -> str:
        """The code in groups of four, easier to read from paper."""
        return "-".join(self.code[i : i + 4] for i in range(0, len(self.code), 4))

    @staticmethod
    def normalise_code(raw: str) -> str:
        return "".join(ch for ch in raw.upper() if ch.isalnum())

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        return [
            {
                "course": cert.course.title,
                "code": cert.code,
                "name_on_certificate": cert.learner_name,
                "issued_at": cert.issued_at.isoformat(),
            }
            for cert in cls.objects.filter(learner=learner).select_related("course")
        ]
