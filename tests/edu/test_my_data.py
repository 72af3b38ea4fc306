import json

import pytest
from django.contrib.auth import get_user_model
from django.db import models
from django.urls import reverse

from courses.completion import ProgressStatus as S
from courses.models import Certificate, Progress
from courses.progress import DatabaseStore, record
from edu import personal_data
from tests.factories import (
    PASSWORD,
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def finished(parent, home_page):
    course = CoursePageFactory(parent=CourseIndexPageFactory(parent=home_page), title="Basics")
    lesson = LessonPageFactory(parent=ModulePageFactory(parent=course), title="Only lesson")
    record(DatabaseStore(parent), lesson, S.COMPLETED)
    return course


def test_every_model_with_a_user_key_is_exported_and_deleted_with_the_account():
    found = personal_data.personal_data_models()
    assert {m._meta.label for m in found} >= {"courses.Progress", "courses.Certificate"}
    for model in found:
        assert callable(getattr(model, "export_personal_data", None)), (
            f"{model._meta.label} holds personal data but has no export_personal_data()"
        )
        for field in personal_data.user_keys(model):
            assert field.remote_field.on_delete is models.CASCADE, (
                f"{model._meta.label}.{field.name} must go with the account"
            )


def test_download_holds_everything_about_the_learner_and_nobody_else(
    client, parent, other_parent, finished
):
    record(DatabaseStore(other_parent), finished.get_descendants().last().specific, S.STARTED)
    client.force_login(parent)
    response = client.get(reverse("my_data_download"))
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == parent.email
    assert data["account"]["display_name"] == "Pat Parent"
    titles = {row["page"] for row in data["courses.progress"]}
    assert titles == {"Only lesson", finished.get_children().first().title, "Basics"}
    assert data["courses.certificate"][0]["course"] == "Basics"
    assert other_parent.email not in response.content.decode()


def test_my_data_needs_an_account(client, home_page):
    for name in ("my_data", "my_data_download"):
        response = client.get(reverse(name))
        assert response.status_code == 302 and reverse("login") in response["Location"]
    assert client.post(reverse("delete_account")).status_code == 302


def test_deleting_the_account_deletes_all_its_data(client, parent, other_parent, finished):
    record(DatabaseStore(other_parent), finished.get_descendants().last().specific, S.STARTED)
    client.force_login(parent)
    response = client.post(reverse("delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert response.status_code == 302
    assert not User.objects.filter(pk=parent.pk).exists()
    assert not Progress.objects.filter(learner_id=parent.pk).exists()
    assert not Certificate.objects.filter(learner_id=parent.pk).exists()
    assert "_auth_user_id" not in client.session
    # Other learners keep theirs.
    assert Progress.objects.filter(learner=other_parent).exists()


@pytest.mark.parametrize(
    "data, field",
    [({"password": "wrong", "confirm": "on"}, "password"), ({"password": PASSWORD}, "confirm")],
)
def test_deleting_needs_the_password_and_the_confirmation(client, parent, finished, data, field):
    client.force_login(parent)
    response = client.post(reverse("delete_account"), data)
    assert response.status_code == 400
    assert response.context["delete_form"].errors[field]
    assert User.objects.filter(pk=parent.pk).exists()
    assert Progress.objects.filter(learner=parent).count() == 3


def test_delete_is_post_only(client, parent):
    client.force_login(parent)
    assert client.get(reverse("delete_account")).status_code == 405
    assert User.objects.filter(pk=parent.pk).exists()
