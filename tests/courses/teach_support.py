"""Fixtures and helpers shared by the tests/courses/test_teach_*.py modules."""

import pytest

from courses.models import Assignment, Classroom, Membership
from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory


def make_class(teacher, name="Tuesday parents", **kwargs) -> Classroom:
    classroom = Classroom.objects.create(name=name, **kwargs)
    Membership.objects.create(classroom=classroom, user=teacher, role=Membership.Role.TEACHER)
    return classroom


def enrol(classroom, *users) -> list[Membership]:
    return [
        Membership.objects.create(classroom=classroom, user=u, role=Membership.Role.LEARNER)
        for u in users
    ]


def assign(classroom, page, **kwargs) -> Assignment:
    return Assignment.objects.create(classroom=classroom, page=page, **kwargs)


@pytest.fixture
def teach_course(catalogue):
    """A course with two modules of two lessons each."""
    course = CoursePageFactory(parent=catalogue, title="Spotting grooming")
    modules = []
    for m in range(2):
        module = ModulePageFactory(parent=course, title=f"Module {m + 1}")
        module.lessons = [
            LessonPageFactory(parent=module, title=f"Lesson {m + 1}.{n + 1}") for n in range(2)
        ]
        modules.append(module)
    course.modules = modules
    return course


@pytest.fixture
def classroom(teacher):
    return make_class(teacher)


@pytest.fixture
def other_classroom(other_teacher):
    return make_class(other_teacher, name="Theo's class")
