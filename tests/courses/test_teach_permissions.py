"""Every Teach URL refuses everyone but the class's own teachers, whatever the ids say."""

import pytest
from django.urls import reverse

from courses.models import Assignment, Classroom, Membership
from courses.teach.urls import teach_urlpatterns
from tests.courses import teach_support
from tests.courses.teach_support import assign, enrol, make_class
from tests.factories import QuizPageFactory

pytestmark = pytest.mark.django_db
teach_course = teach_support.teach_course

CLASS_URLS = [p.name for p in teach_urlpatterns if "<int:pk>" in str(p.pattern)]
TOP_URLS = [p.name for p in teach_urlpatterns if "<int:pk>" not in str(p.pattern)]


@pytest.fixture
def theirs(other_teacher, parent, other_parent, teach_course):
    """Another teacher's class, with a learner, a removed learner, an assignment and a quiz."""
    quiz = QuizPageFactory(parent=teach_course.modules[0], title="Module quiz")
    classroom = make_class(other_teacher, name="Theo's class")
    member, removed = enrol(classroom, parent, other_parent)
    removed.removed_at = removed.joined_at
    removed.save()
    assignment = assign(classroom, teach_course.modules[0])
    co = Membership.objects.filter(classroom=classroom, role="teacher").get()
    return {
        "classroom": classroom,
        "member": member,
        "removed": removed,
        "teacher_membership": co,
        "assignment": assignment,
        "quiz": quiz,
    }


def url_for(name, theirs) -> str:
    pattern = str(next(p.pattern for p in teach_urlpatterns if p.name == name))
    kwargs = {"pk": theirs["classroom"].pk}
    if "<int:membership_pk>" in pattern:
        kind = "teacher_membership" if "teachers" in pattern else "member"
        if "readmit" in pattern:
            kind = "removed"
        kwargs["membership_pk"] = theirs[kind].pk
    if "<int:assignment_pk>" in pattern:
        kwargs["assignment_pk"] = theirs["assignment"].pk
    if "<int:page_pk>" in pattern:
        kwargs["page_pk"] = theirs["quiz"].pk
    return reverse(f"kinwise:teach:{name}", kwargs=kwargs)


# Plausible form data for each POST, so a missing check would show up as a change.
POST_DATA = {
    "class_create": {"name": "Sneaky"},
    "class_edit": {"name": "Renamed", "description": ""},
    "class_code": {"action": "regenerate"},
    "class_archive": {"action": "archive"},
    "teacher_add": {"email": "placeholder"},
    "assignment_create": {"page": "0", "due_date": "", "note": ""},
    "assignment_edit": {"due_date": "2099-01-01", "note": "Changed"},
}


def snapshot():
    return (
        list(Classroom.objects.order_by("pk").values()),
        list(Membership.objects.order_by("pk").values()),
        list(Assignment.objects.order_by("pk").values()),
    )


def test_the_url_list_is_complete():
    # A new Teach URL must be added to these tests (they read teach_urlpatterns).
    assert len(CLASS_URLS) + len(TOP_URLS) == len(teach_urlpatterns) >= 16


@pytest.mark.parametrize("name", CLASS_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in_or_refused(client, theirs, name, method):
    before = snapshot()
    url = url_for(name, theirs)
    response = getattr(client, method)(url, POST_DATA.get(name, {}))
    if method == "get":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("name", CLASS_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_parent_in_the_class_is_refused(client, theirs, parent, name, method):
    before = snapshot()
    client.force_login(parent)
    response = getattr(client, method)(url_for(name, theirs), POST_DATA.get(name, {}))
    assert response.status_code == 403
    assert snapshot() == before


@pytest.mark.parametrize("name", CLASS_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_teacher_gets_a_404(client, theirs, teacher, name, method):
    make_class(teacher, name="Tess's own class")
    before = snapshot()
    client.force_login(teacher)
    response = getattr(client, method)(url_for(name, theirs), POST_DATA.get(name, {}))
    assert response.status_code == 404
    assert b"Theo" not in response.content
    assert snapshot() == before


@pytest.mark.parametrize("name", TOP_URLS)
def test_the_teach_home_and_new_class_are_for_teachers_only(
    client, parent, other_parent, name, home_page
):
    url = reverse(f"kinwise:teach:{name}")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client.post(url, POST_DATA.get(name, {})).status_code == 403
    client.force_login(parent)
    assert client.get(url).status_code == 403
    assert client.post(url, POST_DATA.get(name, {})).status_code == 403
    assert not Classroom.objects.exists()


def test_a_user_taken_out_of_the_teachers_group_loses_access(client, teacher, home_page):
    classroom = make_class(teacher)
    teacher.groups.clear()
    client.force_login(teacher)
    url = reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    assert client.get(url).status_code == 403


def test_the_teach_link_shows_for_teachers_only(client, teacher, parent, home_page):
    teach = reverse("kinwise:teach:class_list")
    client.force_login(parent)
    assert teach not in client.get(reverse("kinwise:my_learning")).content.decode()
    client.force_login(teacher)
    assert f'href="{teach}"' in client.get(reverse("kinwise:my_learning")).content.decode()


# --- Ids from another class in one's own class's URLs and forms ----------------------------


@pytest.fixture
def mine(teacher, teach_course):
    return make_class(teacher, name="Tess's class")


def own_url(name, mine, **kwargs):
    return reverse(f"kinwise:teach:{name}", kwargs={"pk": mine.pk, **kwargs})


@pytest.mark.parametrize(
    "name, key, kind",
    [
        ("learner_remove", "membership_pk", "member"),
        ("learner_readmit", "membership_pk", "removed"),
        ("teacher_remove", "membership_pk", "teacher_membership"),
        ("assignment_edit", "assignment_pk", "assignment"),
        ("assignment_delete", "assignment_pk", "assignment"),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_ids_of_another_class_are_404_in_ones_own_class(
    client, teacher, mine, theirs, name, key, kind, method
):
    # Two teachers in Tess's class, so removing one would otherwise be allowed.
    enrol(mine, theirs["member"].user)
    before = snapshot()
    client.force_login(teacher)
    url = own_url(name, mine, **{key: theirs[kind].pk})
    response = getattr(client, method)(url, POST_DATA.get(name, {}))
    # A GET of a POST-only URL is a 405 before any id is looked at.
    answers_get = name in ("learner_remove", "assignment_edit")
    assert response.status_code == (404 if method == "post" or answers_get else 405)
    assert snapshot() == before


def test_quiz_results_only_for_quizzes_inside_ones_own_assignments(
    client,
    teacher,
    mine,
    theirs,
    teach_course,
):
    client.force_login(teacher)
    url = own_url("quiz_results", mine, page_pk=theirs["quiz"].pk)
    assert client.get(url).status_code == 404  # the quiz is only assigned in Theo's class
    assign(mine, teach_course.modules[0])
    assert client.get(url).status_code == 200
    lesson = teach_course.modules[0].lessons[0]
    assert client.get(own_url("quiz_results", mine, page_pk=lesson.pk)).status_code == 404
    assert client.get(own_url("quiz_results", mine, page_pk=999999)).status_code == 404


def test_a_page_id_from_the_form_must_be_a_listed_module_or_course(
    client,
    teacher,
    mine,
    teach_course,
):
    client.force_login(teacher)
    url = own_url("assignment_create", mine)
    lesson = teach_course.modules[0].lessons[0]
    for bad in (str(lesson.pk), "999999", "not-a-number", ""):
        response = client.post(url, {"page": bad, "due_date": "", "note": ""})
        assert response.status_code == 400, bad
        assert response.context["form"].errors["page"]
    assert not Assignment.objects.exists()


def test_a_membership_of_a_parent_cannot_be_used_to_add_them_as_co_teacher(
    client, teacher, mine, parent
):
    client.force_login(teacher)
    response = client.post(own_url("teacher_add", mine), {"email": parent.email})
    assert response.status_code == 400
    assert "no teacher account" in response.content.decode()
    assert not Membership.objects.filter(user=parent).exists()
