"""The sign-in backend: Django's ModelBackend whose user comes with the names of their permissions.

Every page checks a permission (the view's, the menu's "Review" and "Import" links), and for a reader
or an editor Django read them in two more queries after the user's: their own permissions, then their
groups'. Here the user's row carries both lists, each gathered by a subquery, in one round trip per
request. Nothing is kept between requests: a permission or group change shows on the next page.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Concat

SEPARATOR = " "  # app labels and codenames are identifiers


def _permission_names(condition: Q) -> Subquery:
    """The "app_label.codename" of every permission matching `condition`, as one string."""
    return Subquery(
        Permission.objects.filter(condition)
        .order_by()
        .annotate(one=Value(1))
        .values("one")  # one group over the matching rows: a single aggregate row
        .annotate(
            names=StringAgg(
                Concat("content_type__app_label", Value("."), "codename"), delimiter=Value(SEPARATOR)
            )
        )
        .values("names")
    )


class ModelBackendOneRead(ModelBackend):
    """ModelBackend whose `get_user` reads the user and their own and group permissions in one query."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            own_permission_names=_permission_names(Q(user=OuterRef("pk"))),
            group_permission_names=_permission_names(Q(group__user=OuterRef("pk"))),
        )
        user = users.filter(pk=user_id).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        if not user.is_superuser:  # a superuser's checks never read them (User.has_perm says yes first)
            # ModelBackend's own caches of the two reads (_get_permissions): filled, they are not made
            user._user_perm_cache = set((user.own_permission_names or "").split())
            user._group_perm_cache = set((user.group_permission_names or "").split())
        return user
