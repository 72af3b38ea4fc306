"""Classes: a teacher's group of parents, its join code and members, and what is assigned.

A teacher is any user in the ``KINWISE_TEACHERS_GROUP`` group; the teachers of a class are
its members with the teacher role (there is no separate owner, so a co-teacher can carry on
when the teacher who made the class leaves). Learners join with the class's code, see what
their teachers will see about them, and can leave at any time. A learner a teacher removed
keeps a row (``removed_at``) so that they are told, and cannot simply rejoin with the code.
"""

from __future__ import annotations

import secrets

import swapper
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .certificates import CODE_ALPHABET

# Long enough not to be guessed (31^8 ≈ 8.5e11, and wrong codes are throttled), short enough
# to read out at a parent evening and type from a slide.
JOIN_CODE_LENGTH = 8


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalise_join_code(raw: str) -> str:
    """A code as typed ("abcd-efgh ", "ABCD EFGH") in its stored form ("ABCDEFGH")."""
    return "".join(ch for ch in (raw or "").upper() if ch.isalnum())


def is_teacher(user) -> bool:
    """Whether ``user`` may use the Teach area (member of ``KINWISE_TEACHERS_GROUP``)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    group = getattr(settings, "KINWISE_TEACHERS_GROUP", "Teachers")
    return user.groups.filter(name=group).exists()


class ClassroomQuerySet(models.QuerySet):
    def taught_by(self, user):
        # A subquery rather than a join, so that counting memberships afterwards counts
        # them all, not only the matching teacher's.
        return self.filter(
            pk__in=Membership.objects.filter(user=user, role=Membership.Role.TEACHER).values(
                "classroom_id"
            )
        )

    def active(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)

    def open_for_joining(self):
        return self.active().filter(joining_open=True)


class Classroom(models.Model):
    name = models.CharField(_("name"), max_length=100)
    description = models.TextField(
        _("description"),
        max_length=1000,
        blank=True,
        help_text=_("What the class is for. Parents see it before they join."),
    )
    join_code = models.CharField(
        _("join code"),
        max_length=16,
        unique=True,
        default=new_join_code,
        help_text=_("Parents type it to join. Letters and digits that cannot be confused."),
    )
    joining_open = models.BooleanField(
        _("joining open"),
        default=True,
        help_text=_("Turn off to stop anyone else joining with the code or the invite link."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    archived_at = models.DateTimeField(
        _("archived"),
        null=True,
        blank=True,
        help_text=_("Archived classes leave the Teach dashboard but keep their history."),
    )

    objects = ClassroomQuerySet.as_manager()

    class Meta:
        verbose_name = _("class")
        verbose_name_plural = _("classes")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def accepts_members(self) -> bool:
        return self.joining_open and not self.is_archived

    @property
    def formatted_join_code(self) -> str:
        """The code in groups of four, easier to read aloud."""
        return "-".join(self.join_code[i : i + 4] for i in range(0, len(self.join_code), 4))

    def regenerate_join_code(self) -> None:
        """A fresh code; the old code and invite link stop working at once."""
        while True:
            code = new_join_code()
            if not type(self).objects.filter(join_code=code).exists():
                break
        self.join_code = code
        self.save(update_fields=["join_code"])


class MembershipQuerySet(models.QuerySet):
    def learners(self):
        return self.filter(role=Membership.Role.LEARNER)

    def teachers(self):
        return self.filter(role=Membership.Role.TEACHER)

    def current(self):
        """Not removed by a teacher."""
        return self.filter(removed_at__isnull=True)

    def removed(self):
        return self.filter(removed_at__isnull=False)


class Membership(models.Model):
    class Role(models.TextChoices):
        LEARNER = "learner", _("Learner")
        TEACHER = "teacher", _("Teacher")

    classroom = models.ForeignKey(
        Classroom,
        verbose_name=_("class"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="kinwise_memberships",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    removed_at = models.DateTimeField(
        _("removed by a teacher"),
        null=True,
        blank=True,
        help_text=_("The learner is told, and cannot rejoin with the code until allowed to."),
    )
    removal_seen_at = models.DateTimeField(
        _("removal notice dismissed"),
        null=True,
        blank=True,
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("class membership")
        verbose_name_plural = _("class memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "user"], name="kinwise_membership_once_per_class"
            ),
            models.CheckConstraint(
                condition=Q(role__in=["learner", "teacher"]),
                name="kinwise_membership_role_known",
            ),
            models.CheckConstraint(
                condition=Q(removed_at__isnull=True) | Q(role="learner"),
                name="kinwise_membership_only_learners_removed",
            ),
        ]
        indexes = [
            models.Index(fields=["classroom", "role", "removed_at"], name="kinwise_member_class"),
        ]

    def __str__(self):
        return f"{self.classroom_id} · {self.user_id} · {self.role}"

    @property
    def is_removed(self) -> bool:
        return self.removed_at is not None

    @classmethod
    def export_personal_data(cls, learner) -> list[dict]:
        return [
            {
                "class": membership.classroom.name,
                "role": membership.role,
                "joined_at": membership.joined_at.isoformat(),
                "removed_by_teacher_at": (
                    membership.removed_at.isoformat() if membership.removed_at else None
                ),
            }
            for membership in cls.objects.filter(user=learner).select_related("classroom")
        ]


class AssignmentQuerySet(models.QuerySet):
    def for_learner(self, user):
        """What the classes ``user`` is a current learner in have assigned (archived: not)."""
        return self.filter(
            classroom__archived_at__isnull=True,
            classroom__memberships__user=user,
            classroom__memberships__role=Membership.Role.LEARNER,
            classroom__memberships__removed_at__isnull=True,
        )

    def in_due_order(self):
        """Soonest due first; undated last; then in the order they were assigned."""
        return self.order_by(models.F("due_date").asc(nulls_last=True), "created_at", "pk")


class Assignment(models.Model):
    """A module or a whole course set for everyone in a class, with an optional due date."""

    classroom = models.ForeignKey(
        Classroom,
        verbose_name=_("class"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    page = models.ForeignKey(
        swapper.get_model_name("wagtailcore", "Page"),
        verbose_name=_("module or course"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    note = models.TextField(
        _("note for parents"),
        max_length=500,
        blank=True,
        help_text=_("Optional: why this matters, or what to bring to the next session."),
    )
    created_at = models.DateTimeField(_("assigned"), default=timezone.now)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["classroom", "page"], name="kinwise_assignment_once_per_class"
            )
        ]

    def __str__(self):
        return f"{self.classroom_id} · {self.page_id}"

    def is_overdue(self, complete: bool, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.due_date and not complete and self.due_date < today)
