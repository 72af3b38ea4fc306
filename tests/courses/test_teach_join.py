"""Parents join with a code or an invite link, see what teachers will see, and can leave."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from courses.models import Classroom, Membership
from courses.models.classes import normalise_join_code
from tests.courses import teach_support
from tests.courses.teach_support import enrol

pytestmark = pytest.mark.django_db
classroom = teach_support.classroom

JOIN = reverse("kinwise:class_join")


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def confirm_url(code):
    return reverse("kinwise:class_join_confirm", args=[code])


def test_a_new_class_has_a_code_of_8_unambiguous_characters(client, teacher, home_page):
    client.force_login(teacher)
    response = client.post(
        reverse("kinwise:teach:class_create"), {"name": "Parent night", "description": "Hi"}
    )
    classroom = Classroom.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    assert re.fullmatch(r"[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}", classroom.join_code)
    assert classroom.memberships.get().user == teacher
    assert classroom.memberships.get().role == "teacher"
    html = client.get(response["Location"]).content.decode()
    assert classroom.formatted_join_code in html
    assert "http://testserver" + confirm_url(classroom.join_code) in html


def test_joining_with_a_typed_code_shows_what_the_teacher_sees_then_joins(
    client,
    parent,
    classroom,
):
    client.force_login(parent)
    assert client.get(JOIN).status_code == 200
    typed = classroom.formatted_join_code.lower().replace("-", " ")
    response = client.post(JOIN, {"code": f"  {typed} "})
    assert response.status_code == 302
    assert response["Location"] == confirm_url(classroom.join_code)
    assert not Membership.objects.filter(user=parent).exists()  # not until confirmed

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert "What the class" in html and "will see about you" in html
    assert "Pat Parent" in html and parent.email in html
    assert "Tess Teacher" in html  # who the teacher is
    assert "Your answers to any question" in html  # what they won't see
    assert "at least 5 parents" in html

    response = client.post(confirm_url(classroom.join_code))
    assert response.status_code == 302 and response["Location"] == reverse("kinwise:my_learning")
    membership = Membership.objects.get(user=parent)
    assert membership.classroom == classroom and membership.role == "learner"
    # Twice is harmless.
    client.post(confirm_url(classroom.join_code))
    assert Membership.objects.filter(user=parent).count() == 1


def test_the_invite_link_needs_an_account_then_works(client, parent, classroom):
    url = confirm_url(classroom.join_code)
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"
    assert client.post(url).status_code == 403
    assert not Membership.objects.filter(role="learner").exists()
    client.force_login(parent)
    assert client.get(url).status_code == 200
    client.post(url)
    assert Membership.objects.filter(user=parent, role="learner").exists()


@pytest.mark.parametrize("code", ["ABCD", "ABCD-EFGH-IJ", "OOOO0000", "ABCD!EF@", ""])
def test_malformed_codes_are_a_400_with_a_message(client, parent, classroom, code):
    client.force_login(parent)
    response = client.post(JOIN, {"code": code})
    assert response.status_code == 400
    assert response.context["form"].errors["code"]
    assert not Membership.objects.filter(user=parent).exists()


def test_a_wrong_code_is_a_400_and_joins_nothing(client, parent, classroom):
    client.force_login(parent)
    wrong = "ABCDEFGH" if classroom.join_code != "ABCDEFGH" else "HGFEDCBA"
    response = client.post(JOIN, {"code": wrong})
    assert response.status_code == 400
    assert "No class is open to join with that code" in response.content.decode()
    response = client.get(confirm_url(wrong))
    assert response.status_code == 404
    assert "does not open a class" in response.content.decode()
    assert not Membership.objects.filter(user=parent).exists()


def test_closed_regenerated_and_archived_codes_stop_working(
    client,
    teacher,
    parent,
    other_parent,
    classroom,
):
    client.force_login(teacher)
    code_url = reverse("kinwise:teach:class_code", args=[classroom.pk])
    old = classroom.join_code
    client.post(code_url, {"action": "regenerate"})
    classroom.refresh_from_db()
    assert classroom.join_code != old

    client.force_login(parent)
    assert client.get(confirm_url(old)).status_code == 404
    assert client.post(confirm_url(old)).status_code == 404

    client.force_login(teacher)
    client.post(code_url, {"action": "close"})
    client.force_login(parent)
    assert client.post(JOIN, {"code": classroom.join_code}).status_code == 400
    assert client.post(confirm_url(classroom.join_code)).status_code == 404

    client.force_login(teacher)
    client.post(code_url, {"action": "open"})
    client.post(reverse("kinwise:teach:class_archive", args=[classroom.pk]), {"action": "archive"})
    client.force_login(other_parent)
    assert client.post(confirm_url(classroom.join_code)).status_code == 404
    assert not Membership.objects.filter(role="learner").exists()


def test_code_actions_must_be_known(client, teacher, classroom):
    client.force_login(teacher)
    code = classroom.join_code
    response = client.post(
        reverse("kinwise:teach:class_code", args=[classroom.pk]), {"action": "delete"}
    )
    assert response.status_code == 400
    classroom.refresh_from_db()
    assert classroom.join_code == code and classroom.joining_open


def test_ten_wrong_codes_from_one_account_mean_a_wait(client, parent, classroom, settings):
    client.force_login(parent)
    for n in range(10):
        response = client.post(JOIN, {"code": "WRONGCDE"}, REMOTE_ADDR=f"10.0.0.{n}")
        assert response.status_code == 400
    # The eleventh, even the right code, from a fresh address: refused, with a clear message.
    response = client.post(JOIN, {"code": classroom.join_code}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429
    assert 0 < int(response["Retry-After"]) <= 600
    assert "Too many wrong codes" in response.content.decode()
    assert "wait 10 minutes" in response.content.decode()
    response = client.get(confirm_url(classroom.join_code), REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429
    assert not Membership.objects.filter(user=parent).exists()


def test_ten_wrong_codes_from_one_address_mean_a_wait_for_every_account(
    client,
    parent,
    other_parent,
    classroom,
):
    client.force_login(parent)
    for _ in range(5):
        client.post(JOIN, {"code": "WRONGCDE"}, REMOTE_ADDR="192.0.2.7")
    for _ in range(5):
        client.get(confirm_url("WRONGCDE"), REMOTE_ADDR="192.0.2.7")  # invite links count too
    client.force_login(other_parent)
    response = client.post(JOIN, {"code": classroom.join_code}, REMOTE_ADDR="192.0.2.7")
    assert response.status_code == 429
    # Elsewhere, the other account is fine.
    response = client.post(JOIN, {"code": classroom.join_code}, REMOTE_ADDR="198.51.100.1")
    assert response.status_code == 302


def test_the_wait_ends_when_the_window_has_passed(parent, rf):
    from courses.teach import throttling

    request = rf.post(JOIN, REMOTE_ADDR="203.0.113.9")
    request.user = parent
    for i in range(10):
        throttling.record_failure(request, now=1000.0 + i)
    wait = throttling.wait_needed(request, now=1010.0)
    assert wait is not None and wait.seconds == 600 - 10
    assert throttling.wait_needed(request, now=1000.0 + 600 + 0.5) is None


def test_right_codes_are_not_counted(client, parent, classroom):
    client.force_login(parent)
    for _ in range(15):
        assert client.post(JOIN, {"code": classroom.join_code}).status_code == 302


def test_leaving_is_one_click_and_ends_the_teachers_view(
    client,
    teacher,
    parent,
    classroom,
):
    enrol(classroom, parent)
    client.force_login(parent)
    html = client.get(reverse("kinwise:my_learning")).content.decode()
    leave = reverse("kinwise:class_leave", args=[classroom.pk])
    assert f'action="{leave}"' in html
    assert client.get(leave).status_code == 405
    response = client.post(leave)
    assert response.status_code == 302
    assert not Membership.objects.filter(user=parent).exists()
    client.force_login(teacher)
    dashboard = client.get(reverse("kinwise:teach:class_dashboard", args=[classroom.pk]))
    assert "Pat Parent" not in dashboard.content.decode()


def test_leaving_a_class_one_is_not_in_is_a_404(client, parent, other_parent, classroom):
    enrol(classroom, other_parent)
    client.force_login(parent)
    assert client.post(reverse("kinwise:class_leave", args=[classroom.pk])).status_code == 404
    assert Membership.objects.filter(user=other_parent).exists()
    assert client.post(reverse("kinwise:class_leave", args=[99999])).status_code == 404


def test_a_removed_parent_is_told_and_cannot_rejoin_until_let_back(
    client,
    teacher,
    parent,
    classroom,
):
    (membership,) = enrol(classroom, parent)
    client.force_login(teacher)
    remove = reverse("kinwise:teach:learner_remove", args=[classroom.pk, membership.pk])
    confirm = client.get(remove)
    assert confirm.status_code == 200 and "Pat Parent" in confirm.content.decode()
    assert client.post(remove).status_code == 302
    membership.refresh_from_db()
    assert membership.removed_at is not None

    client.force_login(parent)
    html = client.get(reverse("kinwise:my_learning")).content.decode()
    assert "A teacher removed you from the class Tuesday parents" in html
    assert client.post(reverse("kinwise:class_leave", args=[classroom.pk])).status_code == 404
    response = client.get(confirm_url(classroom.join_code))
    assert response.status_code == 403
    assert "removed you" in response.content.decode()
    client.post(confirm_url(classroom.join_code))
    membership.refresh_from_db()
    assert membership.removed_at is not None  # still removed

    dismiss = reverse("kinwise:class_dismiss_removal", args=[classroom.pk])
    assert client.post(dismiss).status_code == 302
    assert "removed you" not in client.get(reverse("kinwise:my_learning")).content.decode()

    client.force_login(teacher)
    manage = client.get(reverse("kinwise:teach:class_manage", args=[classroom.pk]))
    assert "Pat Parent" in manage.content.decode()
    readmit = reverse("kinwise:teach:learner_readmit", args=[classroom.pk, membership.pk])
    assert client.post(readmit).status_code == 302
    client.force_login(parent)
    client.post(confirm_url(classroom.join_code))
    assert Membership.objects.get(user=parent).removed_at is None


def test_only_a_removed_learner_can_dismiss_a_notice(client, parent, classroom):
    enrol(classroom, parent)
    client.force_login(parent)
    response = client.post(reverse("kinwise:class_dismiss_removal", args=[classroom.pk]))
    assert response.status_code == 404


def test_a_teacher_following_their_own_link_goes_to_the_dashboard(
    client,
    teacher,
    classroom,
):
    client.force_login(teacher)
    response = client.post(confirm_url(classroom.join_code))
    assert response["Location"] == reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    assert classroom.memberships.count() == 1


def test_another_teacher_can_join_as_a_parent(client, other_teacher, classroom):
    client.force_login(other_teacher)
    client.post(confirm_url(classroom.join_code))
    assert classroom.memberships.get(user=other_teacher).role == "learner"
    # ...and being a learner there does not open its Teach pages.
    dashboard = reverse("kinwise:teach:class_dashboard", args=[classroom.pk])
    assert client.get(dashboard).status_code == 404


def test_normalising_codes():
    assert normalise_join_code(" abcd-efgh ") == "ABCDEFGH"
    assert normalise_join_code(None) == ""


def test_personal_data_includes_memberships_and_goes_with_the_account(
    client,
    parent,
    classroom,
):
    from edu import personal_data

    enrol(classroom, parent)
    data = personal_data.export(parent)
    (row,) = data["courses.membership"]
    assert row["class"] == "Tuesday parents" and row["role"] == "learner"
    parent.delete()
    assert not Membership.objects.filter(role="learner").exists()
    assert Classroom.objects.filter(pk=classroom.pk).exists()
