"""edu.auth.AccountBackend: a signed-in user, their permissions and their admin profile in
one query, with Django's rules for permissions unchanged."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from edu.auth import AccountBackend
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def loaded(user):
    return AccountBackend().get_user(user.pk)


def test_permissions_and_profile_come_with_the_user_in_one_query(editor):
    UserProfile.get_for_user(editor)
    editor.user_permissions.add(Permission.objects.get(codename="view_progress"))
    with CaptureQueriesContext(connection) as captured:
        user = loaded(editor)
        assert user.has_perm("wagtailadmin.access_admin")  # from the Editors group
        assert user.has_perm("courses.view_progress")  # the user's own
        assert not user.has_perm("courses.delete_progress")
        assert user.wagtail_userprofile.user_id == editor.pk
    assert len(captured) == 1


def test_the_same_answers_as_djangos_model_backend(editor, reviewer, parent):
    from django.contrib.auth.backends import ModelBackend

    for person in (editor, reviewer, parent):
        fresh = type(person).objects.get(pk=person.pk)
        assert loaded(person).get_all_permissions() == ModelBackend().get_all_permissions(fresh)
        assert AccountBackend().get_group_permissions(loaded(person)) == (
            ModelBackend().get_group_permissions(fresh)
        )


def test_inactive_users_are_not_loaded_and_have_no_permissions(editor):
    editor.is_active = False
    editor.save()
    assert loaded(editor) is None
    # A user object loaded some other way (no names read with it) gets Django's answer.
    assert AccountBackend().get_all_permissions(editor) == set()


def test_superusers_have_every_permission(superuser):
    assert loaded(superuser).has_perm("courses.delete_progress")


def test_a_user_without_a_profile_or_groups(db):
    user = UserFactory()
    with CaptureQueriesContext(connection) as captured:
        found = loaded(user)
        assert not hasattr(found, "wagtail_userprofile")
        assert found.get_all_permissions() == set()
    assert len(captured) == 1


def test_signed_in_requests_use_it(client, editor):
    assert Group.objects.get(name="Editors").permissions.exists()
    client.force_login(editor)
    assert client.session["_auth_user_backend"] == "edu.auth.AccountBackend"
    assert client.get("/admin/").status_code == 200


def test_signing_up_keeps_the_new_account_signed_in(client, home_page):
    from django.urls import reverse

    password = "a-long-unusual-passphrase"
    data = {"email": "new@example.com", "password1": password, "password2": password}
    assert client.post(reverse("signup"), data).status_code == 302
    assert client.session["_auth_user_backend"] == "edu.auth.AccountBackend"
    # The next request still knows who it is (a backend missing from the settings would not).
    response = client.get(reverse("kinwise:my_learning"))
    assert response.status_code == 200
    assert response.wsgi_request.user.email == "new@example.com"


def field_values(instance) -> dict:
    return {f.attname: getattr(instance, f.attname) for f in type(instance)._meta.concrete_fields}


def test_the_written_sql_loads_what_the_orm_would(editor, parent):
    """The per-process SQL (edu.auth.user_sql) gives the objects the ORM would: every field
    converted (dates, JSON), Django's permissions, the profile or its absence."""
    from django.contrib.auth.backends import ModelBackend
    from django.utils import timezone

    editor.last_login = timezone.now()
    editor.save()
    profile = UserProfile.get_for_user(editor)
    profile.dismissibles = {"whats-new": True}
    profile.preferred_language = "es"
    profile.save()
    editor.user_permissions.add(Permission.objects.get(codename="view_progress"))
    for person in (editor, parent):
        written, orm = loaded(person), type(person).objects.get(pk=person.pk)
        assert field_values(written) == field_values(orm)
        assert isinstance(written.last_login, type(orm.last_login))
        backend = AccountBackend()
        assert backend.get_user_permissions(written) == ModelBackend().get_user_permissions(orm)
        assert backend.get_group_permissions(written) == ModelBackend().get_group_permissions(orm)
    assert loaded(parent)._state.fields_cache["wagtail_userprofile"] is None
    loaded_editor = loaded(editor)
    assert field_values(loaded_editor.wagtail_userprofile) == field_values(
        UserProfile.objects.get(user=editor)
    )
    assert loaded_editor.wagtail_userprofile.dismissibles == {"whats-new": True}


def test_a_database_the_sql_is_not_written_for_gets_djangos_backend(editor, monkeypatch):
    from edu import auth

    monkeypatch.setattr(auth, "user_sql", lambda alias: None)
    user = AccountBackend().get_user(editor.pk)
    assert user == editor and not hasattr(user, "_own_permission_names")
    assert user.has_perm("wagtailadmin.access_admin")  # Django's queries answer


@pytest.mark.parametrize("key", ["", "not-a-number", "999999999"])
def test_a_session_key_that_names_no_user_loads_nobody(db, key):
    assert AccountBackend().get_user(key) is None
