"""Fixtures for the security tests: clients signed in per role, a superuser, private media, cheap hashing."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """A cheap password hasher: these tests sign users in, they do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def media(tmp_path, settings):
    """Import job files go to a folder of the test's own; tasks run in-process."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS_RUN_IN_PROCESS = True
    return settings.MEDIA_ROOT


@pytest.fixture
def staff_editor(editor):
    """The editor, also staff: may use the import pages (and the admin, for what the role allows)."""
    from django.contrib.auth.models import Permission

    editor.is_staff = True
    editor.save(update_fields=["is_staff"])
    editor.user_permissions.add(Permission.objects.get(codename="add_article"))
    return editor


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(username="root", password="pw-root-123")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    client.force_login(reader)
    return client
