"""Creating and managing classes: details, co-teachers, archiving."""

import pytest
from django.urls import reverse

from courses.models import Classroom, Membership
from tests.courses import teach_support
from tests.courses.teach_support import enrol
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
classroom = teach_support.classroom


def url(name, classroom, *args):
    return reverse(f"kinwise:teach:{name}", args=[classroom.pk, *args])


@pytest.mark.parametrize(
    "data, field",
    [({"name": ""}, "name"), ({"name": "   "}, "name"), ({"name": "x" * 101}, "name")],
)
def test_a_class_needs_a_name(client, teacher, home_page, data, field):
    client.force_login(teacher)
    response = client.post(reverse("kinwise:teach:class_create"), {"description": "", **data})
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert "Nothing was saved" in response.content.decode()
    assert not Classroom.objects.exists() and not Membership.objects.exists()


def test_editing_the_details(client, teacher, classroom):
    client.force_login(teacher)
    assert client.get(url("class_manage", classroom)).status_code == 200
    assert client.get(url("class_edit", classroom)).status_code == 405
    response = client.post(url("class_edit", classroom), {"name": "Thursday", "description": "D"})
    assert response.status_code == 302
    classroom.refresh_from_db()
    assert (classroom.name, classroom.description) == ("Thursday", "D")
    response = client.post(url("class_edit", classroom), {"name": "", "description": "E"})
    assert response.status_code == 400
    assert response.context["class_form"].errors["name"]
    classroom.refresh_from_db()
    assert (classroom.name, classroom.description) == ("Thursday", "D")


def test_adding_a_co_teacher_by_email(client, teacher, other_teacher, parent, classroom):
    enrol(classroom, parent)
    client.force_login(teacher)
    response = client.post(url("teacher_add", classroom), {"email": other_teacher.email.upper()})
    assert response.status_code == 302
    assert classroom.memberships.teachers().filter(user=other_teacher).exists()
    # The co-teacher now sees the class, its learners and the dashboard.
    client.force_login(other_teacher)
    assert "Tuesday parents" in client.get(reverse("kinwise:teach:class_list")).content.decode()
    html = client.get(url("class_dashboard", classroom)).content.decode()
    assert "Pat Parent" in html


@pytest.mark.parametrize(
    "who, message",
    [
        ("nobody", "no teacher account"),
        ("parent", "no teacher account"),
        ("self", "already teach"),
        ("learner_teacher", "are a learner in this class"),
        ("bad", "valid email"),
    ],
)
def test_co_teacher_problems_are_a_400(client, teacher, parent, classroom, who, message):
    learner_teacher = UserFactory()
    learner_teacher.groups.add(*teacher.groups.all())
    enrol(classroom, learner_teacher)
    email = {
        "nobody": "nobody@example.com",
        "parent": parent.email,
        "self": teacher.email,
        "learner_teacher": learner_teacher.email,
        "bad": "not-an-email",
    }[who]
    before = list(Membership.objects.values_list("pk", "role"))
    client.force_login(teacher)
    response = client.post(url("teacher_add", classroom), {"email": email})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert list(Membership.objects.values_list("pk", "role")) == before


def test_removing_teachers_but_never_the_last(client, teacher, other_teacher, classroom):
    client.force_login(teacher)
    mine = classroom.memberships.get(user=teacher)
    response = client.post(url("teacher_remove", classroom, mine.pk))
    assert response.status_code == 400
    assert "needs a teacher" in response.content.decode()
    client.post(url("teacher_add", classroom), {"email": other_teacher.email})
    theirs = classroom.memberships.get(user=other_teacher)
    # Stepping down oneself: the co-teacher carries on.
    response = client.post(url("teacher_remove", classroom, mine.pk))
    assert response["Location"] == reverse("kinwise:teach:class_list")
    assert list(classroom.memberships.teachers()) == [theirs]
    assert client.get(url("class_dashboard", classroom)).status_code == 404


def test_a_learner_membership_is_not_a_teacher_to_remove(client, teacher, parent, classroom):
    (learner,) = enrol(classroom, parent)
    client.force_login(teacher)
    response = client.post(url("teacher_remove", classroom, learner.pk))
    assert response.status_code == 404
    assert Membership.objects.filter(pk=learner.pk).exists()


def test_removing_a_learner_twice_or_a_teacher_as_learner_is_a_404(
    client, teacher, parent, classroom
):
    (learner,) = enrol(classroom, parent)
    client.force_login(teacher)
    client.post(url("learner_remove", classroom, learner.pk))
    assert client.post(url("learner_remove", classroom, learner.pk)).status_code == 404
    me = classroom.memberships.get(user=teacher)
    assert client.post(url("learner_remove", classroom, me.pk)).status_code == 404
    assert client.post(url("learner_readmit", classroom, me.pk)).status_code == 404


def test_archive_actions_must_be_known(client, teacher, classroom):
    client.force_login(teacher)
    response = client.post(url("class_archive", classroom), {"action": "delete"})
    assert response.status_code == 400
    classroom.refresh_from_db()
    assert not classroom.is_archived


def test_archived_classes_refuse_changes(client, teacher, parent, other_teacher, classroom):
    (learner,) = enrol(classroom, parent)
    client.force_login(teacher)
    client.post(url("class_archive", classroom), {"action": "archive"})
    for name, args, data in [
        ("class_edit", [], {"name": "New"}),
        ("class_code", [], {"action": "regenerate"}),
        ("teacher_add", [], {"email": other_teacher.email}),
        ("learner_remove", [learner.pk], {}),
    ]:
        response = client.post(url(name, classroom, *args), data)
        assert response.status_code == 400, name
        assert "archived" in response.content.decode()
    classroom.refresh_from_db()
    learner.refresh_from_db()
    assert classroom.name == "Tuesday parents" and learner.removed_at is None
    assert not classroom.memberships.filter(user=other_teacher).exists()


def test_classroom_codes_regenerate_to_new_unique_codes(teacher):
    from tests.courses.teach_support import make_class

    room = make_class(teacher)
    seen = {room.join_code}
    for _ in range(20):
        room.regenerate_join_code()
        assert room.join_code not in seen
        seen.add(room.join_code)
    assert room.formatted_join_code == f"{room.join_code[:4]}-{room.join_code[4:]}"


def test_the_class_list_counts_parents_and_assignments(
    client, teacher, other_teacher, parent, other_parent, classroom, home_page
):
    from tests.courses.teach_support import assign
    from tests.factories import CourseIndexPageFactory, CoursePageFactory

    client.force_login(teacher)
    client.post(url("teacher_add", classroom), {"email": other_teacher.email})
    removed, _ = enrol(classroom, parent, other_parent)
    removed.removed_at = removed.joined_at
    removed.save()
    assign(classroom, CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page)))
    response = client.get(reverse("kinwise:teach:class_list"))
    (listed,) = response.context["active_classes"]
    assert (listed.learner_count, listed.assignment_count) == (1, 1)
    assert "1 parent" in response.content.decode()
