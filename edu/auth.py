"""Loading the signed-in user: one query, whatever the admin page asks of them.

Django's model backend loads a user, then their own and their groups' permissions (two
queries, the first time a view checks one), and Wagtail's admin reads their profile (one
more): three queries on every admin page before it does anything. :class:`AccountBackend`
reads the permission names and the profile with the user row, and answers
``get_user_permissions``/``get_group_permissions`` (so ``has_perm``, and Django's per-user
permission cache) from them. It is Django's ``ModelBackend`` otherwise: same log-in, same
rules for inactive users and superusers.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Aggregate, CharField, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Concat


class NameList(Aggregate):
    """Values joined with commas: GROUP_CONCAT, or STRING_AGG on PostgreSQL."""

    function = "GROUP_CONCAT"
    output_field = TextField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function="STRING_AGG",
            template="%(function)s(%(expressions)s, ',')",
            **extra_context,
        )


def permission_names(permissions) -> Subquery:
    """``app_label.codename`` of ``permissions`` (a queryset with an outer reference), as one
    comma-separated value."""
    name = Concat("content_type__app_label", Value("."), "codename", output_field=CharField())
    return Subquery(
        permissions.order_by()
        .annotate(_all=Value(1))
        .values("_all")
        .annotate(names=NameList(name))
        .values("names"),
        output_field=TextField(),
    )


class AccountBackend(ModelBackend):
    """``ModelBackend`` that loads a user with their permission names and admin profile."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            _own_permission_names=permission_names(Permission.objects.filter(user=OuterRef("pk"))),
            _group_permission_names=permission_names(
                Permission.objects.filter(group__user=OuterRef("pk"))
            ),
        )
        if apps.is_installed("wagtail.users"):
            users = users.select_related("wagtail_userprofile")
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None

    def _loaded_names(self, user_obj, obj, attribute: str) -> set | None:
        names = getattr(user_obj, attribute, False)
        if names is False or obj is not None or user_obj.is_superuser:
            return None  # not loaded here, or Django's rules differ: ask ModelBackend
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        return {name for name in (names or "").split(",") if name}

    def get_user_permissions(self, user_obj, obj=None):
        names = self._loaded_names(user_obj, obj, "_own_permission_names")
        return super().get_user_permissions(user_obj, obj) if names is None else names

    def get_group_permissions(self, user_obj, obj=None):
        names = self._loaded_names(user_obj, obj, "_group_permission_names")
        return super().get_group_permissions(user_obj, obj) if names is None else names
