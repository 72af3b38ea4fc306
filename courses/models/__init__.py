# The xAPI outbox lives with the rest of xAPI (courses/xapi/) but is one of this app's models.
from ..xapi.models import OutgoingStatement
from .certificates import Certificate
from .classes import Assignment, Classroom, Membership
from .learner import ChecklistTick, LessonProgressMixin
from .lessons import AbstractLessonPage, LessonPage, LessonSource
from .pages import (
    AbstractCourseIndexPage,
    AbstractCoursePage,
    AbstractHelpPage,
    AbstractModulePage,
    CourseIndexPage,
    CoursePage,
    CourseTag,
    HelpPage,
    ModulePage,
)
from .progress import Progress, ProgressQuerySet
from .routing import KnownAncestorsMixin
from .site_settings import HelpSettings
from .snippets import HelpResource, Platform

__all__ = [
    "AbstractCourseIndexPage",
    "AbstractCoursePage",
    "AbstractHelpPage",
    "AbstractLessonPage",
    "AbstractModulePage",
    "Assignment",
    "Certificate",
    "Classroom",
    "ChecklistTick",
    "LessonProgressMixin",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "KnownAncestorsMixin",
    "HelpPage",
    "HelpResource",
    "HelpSettings",
    "LessonPage",
    "LessonSource",
    "Membership",
    "ModulePage",
    "OutgoingStatement",
    "Platform",
    "Progress",
    "ProgressQuerySet",
]
