"""The sign-in backend reads a user and their permissions in one query, and they are the ones Django's
ModelBackend reads in three (own permissions, groups' permissions)."""

from __future__ import annotations

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from tests.accounts import role
from tracker.auth import ModelBackendOneRead

pytestmark = pytest.mark.django_db


def test_the_permissions_read_with_the_user_are_djangos(django_user_model, django_assert_num_queries):
    user = django_user_model.objects.create_user(username="mixed", password="pw-mixed-123")
    user.groups.add(role("reader"))
    desk = Group.objects.create(name="desk")
    desk.permissions.add(Permission.objects.get(codename="add_event"))
    user.groups.add(desk)
    user.user_permissions.add(Permission.objects.get(codename="change_claimlink"))
    with django_assert_num_queries(1):
        loaded = ModelBackendOneRead().get_user(user.pk)
        assert loaded.has_perm("claims.view_claim") and loaded.has_perm("claims.change_claimlink")
        assert loaded.has_perm("claims.add_event") and not loaded.has_perm("claims.change_claim")
        everything = loaded.get_all_permissions()
    expected = ModelBackend().get_all_permissions(django_user_model.objects.get(pk=user.pk))
    assert everything == expected and len(everything) > 5
    nobody = django_user_model.objects.create_user(username="bare", password="pw-bare-123")
    assert ModelBackendOneRead().get_user(nobody.pk).get_all_permissions() == set()
    nobody.is_active = False
    nobody.save()
    assert ModelBackendOneRead().get_user(nobody.pk) is None
    assert ModelBackendOneRead().get_user(10**9) is None
    assert ModelBackendOneRead().get_user("not an id") is None
    admin = django_user_model.objects.create_superuser(username="root", password="pw-root-123")
    assert ModelBackendOneRead().get_user(str(admin.pk)).has_perm("claims.delete_claim")


def test_a_readers_page_reads_session_and_user_with_permissions_in_two_queries(reader_client):
    """Session, then user with permissions; before, two more for the user's and the groups' permissions."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert reader_client.get(reverse("claims:event-list")).status_code == 200
    # on PostgreSQL the statement is prepared once per connection, then run by name (tracker.prepared)
    permission_reads = [
        q["sql"]
        for q in captured.captured_queries
        if "auth_permission" in q["sql"] or q["sql"].startswith("EXECUTE tracker_user_permissions(")
    ]
    assert len(permission_reads) == 1
    assert "auth_user" in permission_reads[0] or permission_reads[0].startswith("EXECUTE")
    assert "Review" not in reader_client.get(reverse("claims:event-list")).text  # a reader's menu


def test_a_permission_given_shows_on_the_next_page(reader, reader_client):
    assert reader_client.get(reverse("claims:review")).status_code == 403
    reader.groups.add(role("editor"))
    assert reader_client.get(reverse("claims:review")).status_code == 200
