"""Loading the signed-in user: one query, whatever the admin page asks of them.

Django's model backend loads a user, then their own and their groups' permissions (two
queries, the first time a view checks one), and Wagtail's admin reads their profile (one
more): three queries on every admin page before it does anything. :class:`AccountBackend`
reads the permission names and the profile with the user row, and answers
``get_user_permissions``/``get_group_permissions`` (so ``has_perm``, and Django's per-user
permission cache) from them. It is Django's ``ModelBackend`` otherwise: same log-in, same
rules for inactive users and superusers.

The query runs on every signed-in request, so its SQL is written once per process from the
models' own table and column names (:func:`user_sql`) rather than compiled by the ORM each
time: building that query (two aggregate subqueries and a join) cost more than running it.
"""

from __future__ import annotations

from functools import cache

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connections, router

NAME_LIST = {"postgresql": "STRING_AGG({}, ',')", "sqlite": "GROUP_CONCAT({}, ',')"}


def profile_model():
    """Wagtail's admin profile model, when ``wagtail.users`` is installed."""
    if not apps.is_installed("wagtail.users"):
        return None
    from wagtail.users.models import UserProfile

    return UserProfile


@cache
def user_sql(alias: str) -> str | None:
    """The SQL that loads one user (``%s``: their primary key) with their own and their
    groups' permission names and their admin profile's columns, or ``None`` on a database
    it is not written for (then Django's ``ModelBackend`` loads the user its own way)."""
    from django.contrib.auth.models import Group

    connection = connections[alias]
    if connection.vendor not in NAME_LIST:
        return None
    q = connection.ops.quote_name
    user_model = get_user_model()

    def table(model) -> str:
        return q(model._meta.db_table)

    def pk(model) -> str:
        return f"{table(model)}.{q(model._meta.pk.column)}"

    def fk(model, target) -> str:
        """``model``'s column that points at ``target``, qualified."""
        field = next(f for f in model._meta.fields if f.related_model is target)
        return f"{table(model)}.{q(field.column)}"

    own = user_model.user_permissions.through
    groups = user_model.groups.through
    group_perms = Group.permissions.through
    codename = f"{table(Permission)}.{q(Permission._meta.get_field('codename').column)}"
    app_label = f"{table(ContentType)}.{q(ContentType._meta.get_field('app_label').column)}"
    name_list = NAME_LIST[connection.vendor].format(f"{app_label} || '.' || {codename}")
    # Only quoted names from the models' metadata are interpolated; the key is a parameter.
    names = (
        f"SELECT {name_list} FROM {table(Permission)} "  # noqa: S608
        f"INNER JOIN {table(ContentType)} ON {pk(ContentType)} = {fk(Permission, ContentType)}"
    )
    own_names = (
        f"({names} INNER JOIN {table(own)} ON {fk(own, Permission)} = {pk(Permission)} "
        f"WHERE {fk(own, user_model)} = {pk(user_model)})"
    )
    group_names = (
        f"({names} INNER JOIN {table(group_perms)} ON {fk(group_perms, Permission)} "
        f"= {pk(Permission)} "
        f"INNER JOIN {table(groups)} ON {fk(groups, Group)} = {fk(group_perms, Group)} "
        f"WHERE {fk(groups, user_model)} = {pk(user_model)})"
    )
    columns = [f"{table(user_model)}.{q(f.column)}" for f in user_model._meta.concrete_fields]
    columns += [own_names, group_names]
    joins = ""
    profile = profile_model()
    if profile is not None:
        columns += [f"{table(profile)}.{q(f.column)}" for f in profile._meta.concrete_fields]
        joins = f" LEFT OUTER JOIN {table(profile)} ON {fk(profile, user_model)} = {pk(user_model)}"
    return (
        f"SELECT {', '.join(columns)} FROM {table(user_model)}{joins} "  # noqa: S608
        f"WHERE {pk(user_model)} = %s"
    )


@cache
def converters(alias: str, model) -> list:
    """For each concrete field of ``model``: the database's and the field's converters of a
    raw value (a date stored as text on SQLite, JSON), as the ORM applies them."""
    connection = connections[alias]
    result = []
    for field in model._meta.concrete_fields:
        column = field.get_col(model._meta.db_table)
        functions = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
        result.append((column, functions))
    return result


def from_row(alias: str, model, values):
    """An instance of ``model`` from its concrete fields' raw values, converted."""
    converted = []
    for value, (column, functions) in zip(values, converters(alias, model), strict=True):
        for function in functions:
            value = function(value, column, connections[alias])
        converted.append(value)
    return model.from_db(alias, [f.attname for f in model._meta.concrete_fields], converted)


class AccountBackend(ModelBackend):
    """``ModelBackend`` that loads a user with their permission names and admin profile."""

    def get_user(self, user_id):
        user_model = get_user_model()
        alias = router.db_for_read(user_model)
        sql = user_sql(alias)
        if sql is None:
            return super().get_user(user_id)
        user = self._load(sql, alias, user_id)
        return user if user is not None and self.user_can_authenticate(user) else None

    def _load(self, sql: str, alias: str, user_id):
        user_model = get_user_model()
        try:
            key = user_model._meta.pk.to_python(user_id)
        except Exception:  # noqa: BLE001 - a session holding a key of another type
            return None
        with connections[alias].cursor() as cursor:
            cursor.execute(sql, [key])
            row = cursor.fetchone()
        if row is None:
            return None
        width = len(user_model._meta.concrete_fields)
        user = from_row(alias, user_model, row[:width])
        user._own_permission_names, user._group_permission_names = row[width], row[width + 1]
        profile = profile_model()
        if profile is not None:
            # Cached on the user as select_related would: the profile, or that there is none.
            values = row[width + 2 :]
            related = profile._meta.get_field("user")
            if values[profile._meta.concrete_fields.index(related)] is None:
                related.remote_field.set_cached_value(user, None)
            else:
                loaded = from_row(alias, profile, values)
                related.set_cached_value(loaded, user)
                related.remote_field.set_cached_value(user, loaded)
        return user

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
