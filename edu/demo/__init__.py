"""Kinwise's demo content, as plain data that ``load_demo`` turns into pages and snippets.

Each course is a dict of page fields with its modules, lessons and quiz; StreamField values are
lists of ``(block_type, value)`` pairs in the block names of ``courses.blocks`` and
``quizzes.blocks``. Snippets are referred to through :mod:`edu.demo.refs`. Facts come from
``shared/domain/FACTS.md``; see :mod:`edu.demo.sources` for how dates are recorded.
"""

from __future__ import annotations

from edu.demo.course_grooming import COURSE as GROOMING_COURSE
from edu.demo.course_lockdown import COURSE as LOCKDOWN_COURSE
from edu.demo.course_talking import COURSE as TALKING_COURSE
from edu.demo.help_resources import HELP_RESOURCES
from edu.demo.platforms import PLATFORMS

COURSES: list[dict] = [GROOMING_COURSE, LOCKDOWN_COURSE, TALKING_COURSE]

__all__ = ["COURSES", "HELP_RESOURCES", "PLATFORMS"]
