"""The sign-in backend: Django's ModelBackend whose user comes with the names of their permissions.

Every page checks a permission (the view's, the menu's "Review" and "Import" links), and for a reader
or an editor Django read them in two more queries after the user's: their own permissions, then their
groups'. Here the user's row carries both lists, each gathered by a subquery, in one round trip per
request. Nothing is kept between requests: a permission or group change shows on the next page.

The statement is written once per process from the models' tables (the ORM spent more CPU compiling
the two subqueries on every request than the two round trips they save) and on PostgreSQL planned
once per connection (tracker.prepared: 0.30 -> 0.04 ms of PostgreSQL CPU a request).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Field, ManyToManyField, Model
from django.db.models.options import Options

from tracker import prepared

SEPARATOR = " "  # app labels and codenames are identifiers


def _column(field: object) -> str:
    """The table column of a concrete field (django-stubs types `column` as optional: it is set once the
    model class is built, and get_field's result may be a reverse relation, which has none)."""
    assert isinstance(field, Field) and field.column is not None, field
    return field.column


def _through(model: type[Model], name: str) -> Options[Any]:
    """The options of the table behind `model`'s many-to-many field `name` (its `through` model, which
    Django fills in, auto-created if need be, when the models are loaded)."""
    field = model._meta.get_field(name)
    assert isinstance(field, ManyToManyField) and field.remote_field.through is not None, field
    return field.remote_field.through._meta


@cache
def _user_with_permissions_sql(vendor: str) -> str:
    """SELECT the user's columns and two strings of "app_label.codename": own and groups' permissions."""
    User = get_user_model()
    quote = connection.ops.quote_name
    aggregate = "string_agg({}, ' ')" if vendor == "postgresql" else "group_concat({}, ' ')"
    user_table, user_pk = quote(User._meta.db_table), quote(_column(User._meta.pk))
    permission, content_type = quote(Permission._meta.db_table), quote(ContentType._meta.db_table)
    own = _through(User, "user_permissions")
    groups = _through(User, "groups")
    group_permissions = _through(Group, "permissions")
    name = aggregate.format("ct.app_label || '.' || p.codename")
    # the columns named, not u.*: the statement is prepared (tracker.prepared), see there why
    columns = ", ".join(f"u.{quote(_column(field))}" for field in User._meta.concrete_fields)
    return (
        f"SELECT {columns}, "
        f"(SELECT {name} FROM {permission} p JOIN {content_type} ct ON ct.id = p.content_type_id "
        f"JOIN {quote(own.db_table)} up ON up.permission_id = p.id WHERE up.{quote(_column(own.get_field('user')))} = u.{user_pk}"
        f") AS own_permission_names, "
        f"(SELECT {name} FROM {permission} p JOIN {content_type} ct ON ct.id = p.content_type_id "
        f"JOIN {quote(group_permissions.db_table)} gp ON gp.permission_id = p.id "
        f"JOIN {quote(groups.db_table)} ug ON ug.group_id = gp.group_id "
        f"WHERE ug.{quote(_column(groups.get_field('user')))} = u.{user_pk}"
        f") AS group_permission_names "
        f"FROM {user_table} u WHERE u.{user_pk} = %s"
    )


def _in_range(value: int, internal_type: str) -> bool:
    low, high = connection.ops.integer_field_range(internal_type)
    return (low is None or value >= low) and (high is None or value <= high)


class ModelBackendOneRead(ModelBackend):
    """ModelBackend whose `get_user` reads the user and their own and group permissions in one query."""

    def get_user(self, user_id):
        User = get_user_model()
        try:
            user_id = User._meta.pk.to_python(user_id)
        except (ValidationError, TypeError, ValueError):  # a malformed id in the session: no user
            return None
        if isinstance(user_id, int) and not _in_range(user_id, User._meta.pk.get_internal_type()):
            return None  # no such row; the prepared statement's integer parameter would refuse the value
        sql = _user_with_permissions_sql(connection.vendor)
        text, values = prepared.statement(connection, "tracker_user_permissions", sql, [user_id])
        users = list(User._default_manager.raw(text, values))
        user = users[0] if users else None
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # a superuser's checks never read them (User.has_perm says yes first)
            # ModelBackend's own caches of the two reads (_get_permissions): filled, they are not made
            user._user_perm_cache = set((user.own_permission_names or "").split(SEPARATOR))
            user._user_perm_cache.discard("")
            user._group_perm_cache = set((user.group_permission_names or "").split(SEPARATOR))
            user._group_perm_cache.discard("")
        return user
