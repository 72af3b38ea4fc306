from .certificates import Certificate
from .pages import (
    AbstractCourseIndexPage,
    AbstractCoursePage,
    AbstractHelpPage,
    AbstractLessonPage,
    AbstractModulePage,
    CourseIndexPage,
    CoursePage,
    CourseTag,
    HelpPage,
    LessonPage,
    LessonSource,
    ModulePage,
)
from .progress import Progress, ProgressQuerySet
from .site_settings import HelpSettings
from .snippets import HelpResource, Platform

__all__ = [
    "AbstractCourseIndexPage",
    "AbstractCoursePage",
    "AbstractHelpPage",
    "AbstractLessonPage",
    "AbstractModulePage",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "CourseTag",
    "HelpPage",
    "HelpResource",
    "HelpSettings",
    "LessonPage",
    "LessonSource",
    "ModulePage",
    "Platform",
    "Progress",
    "ProgressQuerySet",
]
