"""Assigning modules and courses, and what parents see of it."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.completion import ProgressStatus as S
from courses.models import Assignment
from courses.progress import DatabaseStore, record
from tests.courses import teach_support
from tests.courses.teach_support import assign, enrol, make_class
from tests.factories import CoursePageFactory, LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db
classroom = teach_support.classroom
teach_course = teach_support.teach_course


def new_url(classroom):
    return reverse("kinwise:teach:assignment_create", args=[classroom.pk])


def test_the_form_lists_live_modules_and_courses_grouped_by_course(
    client, teacher, classroom, teach_course
):
    draft = ModulePageFactory(parent=teach_course, title="Draft module", live=False)
    client.force_login(teacher)
    response = client.get(new_url(classroom))
    html = response.content.decode()
    assert '<optgroup label="Spotting grooming">' in html
    assert "The whole course: Spotting grooming" in html
    assert "Module 1" in html and "Module 2" in html
    assert "Draft module" not in html and f'value="{draft.pk}"' not in html
    assert "Lesson 1.1" not in html


def test_assigning_a_module_with_a_due_date_and_a_note(client, teacher, classroom, teach_course):
    client.force_login(teacher)
    module = teach_course.modules[0]
    due = timezone.localdate() + datetime.timedelta(days=7)
    response = client.post(
        new_url(classroom),
        {"page": module.pk, "due_date": due.isoformat(), "note": "Before Tuesday's session."},
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.classroom == classroom and assignment.page_id == module.pk
    assert assignment.due_date == due and assignment.note == "Before Tuesday's session."
    html = client.get(response["Location"]).content.decode()
    assert "Module 1" in html and "Before Tuesday" in html


def test_assigning_a_whole_course_without_a_due_date(client, teacher, classroom, teach_course):
    client.force_login(teacher)
    client.post(new_url(classroom), {"page": teach_course.pk, "due_date": "", "note": ""})
    assignment = Assignment.objects.get()
    assert assignment.page_id == teach_course.pk and assignment.due_date is None


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"page": ""}, "page", "required"),
        ({"due_date": "2001-01-01"}, "due_date", "has passed"),
        ({"due_date": "31/31/2030"}, "due_date", "valid date"),
        ({"note": "x" * 501}, "note", "at most 500"),
    ],
)
def test_invalid_assignments_are_a_400_and_write_nothing(
    client, teacher, classroom, teach_course, data, field, message
):
    client.force_login(teacher)
    form = {"page": teach_course.modules[0].pk, "due_date": "", "note": "", **data}
    response = client.post(new_url(classroom), form)
    assert response.status_code == 400
    errors = response.context["form"].errors[field]
    assert any(message in e for e in errors), errors
    html = response.content.decode()
    assert 'aria-invalid="true"' in html and f"id_{field}_errors" in html
    assert not Assignment.objects.exists()


def test_the_same_page_cannot_be_assigned_twice(client, teacher, classroom, teach_course):
    assign(classroom, teach_course.modules[0])
    client.force_login(teacher)
    response = client.post(new_url(classroom), {"page": teach_course.modules[0].pk})
    assert response.status_code == 400
    assert "already has that assigned" in response.content.decode()
    assert Assignment.objects.count() == 1


def test_changing_and_removing_an_assignment(client, teacher, classroom, teach_course):
    assignment = assign(classroom, teach_course.modules[0], due_date=datetime.date(2001, 1, 1))
    client.force_login(teacher)
    url = reverse("kinwise:teach:assignment_edit", args=[classroom.pk, assignment.pk])
    assert client.get(url).status_code == 200
    # A past due date can stay as it was while the note changes...
    response = client.post(url, {"due_date": "2001-01-01", "note": "Please finish"})
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.note == "Please finish"
    # ...but not be moved into the past.
    response = client.post(url, {"due_date": "2001-01-02", "note": "x"})
    assert response.status_code == 400
    assignment.refresh_from_db()
    assert assignment.due_date == datetime.date(2001, 1, 1) and assignment.note == "Please finish"

    delete = reverse("kinwise:teach:assignment_delete", args=[classroom.pk, assignment.pk])
    assert client.get(delete).status_code == 405
    assert client.post(delete).status_code == 302
    assert not Assignment.objects.exists()


def test_parents_see_assigned_to_you_with_due_dates_on_my_learning(
    client, parent, classroom, teach_course
):
    module1, module2 = teach_course.modules
    enrol(classroom, parent)
    today = timezone.localdate()
    assign(classroom, module2, due_date=today + datetime.timedelta(days=3), note="Bring questions")
    assign(classroom, module1, due_date=today - datetime.timedelta(days=1))
    assign(classroom, teach_course)
    for lesson in module2.lessons:
        record(DatabaseStore(parent), lesson, S.COMPLETED)

    client.force_login(parent)
    response = client.get(reverse("kinwise:my_learning"))
    items = response.context["assigned"]
    # Still to do first (overdue, then undated); done last.
    assert [i.page.title for i in items] == ["Module 1", "Spotting grooming", "Module 2"]
    assert [(i.complete, i.started, i.overdue) for i in items] == [
        (False, False, True),
        (False, True, False),
        (True, True, False),
    ]
    html = response.content.decode()
    assert "Assigned to you" in html and "From Tuesday parents" in html
    assert "Overdue" in html and "Bring questions" in html
    assert f'href="{module1.url}"' in html
    assert "Due " in html and "No due date" in html


def test_other_classes_assignments_are_not_shown(
    client, parent, other_parent, classroom, other_teacher, teach_course
):
    theirs = make_class(other_teacher, name="Elsewhere")
    enrol(theirs, other_parent)
    assign(theirs, teach_course.modules[0])
    enrol(classroom, parent)
    client.force_login(parent)
    response = client.get(reverse("kinwise:my_learning"))
    assert response.context["assigned"] == []
    assert "Elsewhere" not in response.content.decode()


def test_the_assigned_notice_on_the_assigned_pages(client, parent, classroom, teach_course):
    module = teach_course.modules[0]
    enrol(classroom, parent)
    assign(classroom, module, due_date=datetime.date(2030, 5, 1), note="Read before class")
    client.force_login(parent)
    html = client.get(module.url).content.decode()
    assert "Assigned to you" in html
    assert "By Tuesday parents, due" in html and "Read before class" in html
    # The other module and the course are not assigned.
    assert "Assigned to you" not in client.get(teach_course.modules[1].url).content.decode()
    assert "Assigned to you" not in client.get(teach_course.url).content.decode()
    assign(classroom, teach_course)
    assert "Assigned to you" in client.get(teach_course.url).content.decode()
    # Visitors and other parents see nothing.
    client.logout()
    assert "Assigned to you" not in client.get(module.url).content.decode()


def test_my_learning_budget_holds_with_classes(client, parent, catalogue, teacher):
    def count_for(n):
        for i in range(n):
            course = CoursePageFactory(parent=catalogue, title=f"C{n}-{i}")
            module = ModulePageFactory(parent=course)
            lesson = LessonPageFactory(parent=module)
            record(DatabaseStore(parent), lesson, S.STARTED)
            classroom = make_class(teacher, name=f"Class {n}-{i}")
            enrol(classroom, parent)
            assign(classroom, module, due_date=datetime.date(2030, 1, 1))
            assign(classroom, course)
        client.force_login(parent)
        client.get(reverse("kinwise:my_learning"))
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("kinwise:my_learning"))
        assert len(response.context["assigned"]) == 2 * n_total[0]
        return len(ctx.captured_queries)

    n_total = [1]
    one = count_for(1)
    n_total[0] = 20
    twenty = count_for(19)
    assert one <= 15, one
    assert twenty == one, (one, twenty)


def test_an_assigned_page_unpublished_since_is_not_listed(client, parent, classroom, teach_course):
    enrol(classroom, parent)
    module = teach_course.modules[0]
    assign(classroom, module)
    module.unpublish()
    client.force_login(parent)
    assert client.get(reverse("kinwise:my_learning")).context["assigned"] == []
