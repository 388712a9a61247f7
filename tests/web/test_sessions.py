"""Sessions (tracker.sessions): the one-statement read finds what Django's store wrote, and nothing expired."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tracker.sessions import SessionStore


def test_the_project_uses_it():
    assert settings.SESSION_ENGINE == "tracker.sessions"


@pytest.mark.django_db
def test_a_saved_session_reads_back_in_one_query():
    stored = SessionStore()
    stored["note"] = "café ☕"
    stored.create()
    with CaptureQueriesContext(connection) as queries:
        read = SessionStore(stored.session_key)
        assert read["note"] == "café ☕"
    assert len(queries) == 1 and read.session_key == stored.session_key


@pytest.mark.django_db
def test_an_expired_session_is_not_read_and_its_key_is_dropped():
    stored = SessionStore()
    stored["note"] = "old"
    stored.create()
    Session.objects.filter(session_key=stored.session_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    read = SessionStore(stored.session_key)
    assert read.get("note") is None and read.session_key is None


@pytest.mark.django_db
def test_an_unknown_key_gives_an_empty_session_and_a_new_key_on_save():
    read = SessionStore("x" * 32)
    assert dict(read.items()) == {} and read.session_key is None
    read["note"] = "new"
    read.save()
    assert read.session_key and read.session_key != "x" * 32
    assert SessionStore(read.session_key)["note"] == "new"


@pytest.mark.django_db
def test_signing_in_and_out_goes_through_it(client, reader):
    client.force_login(reader)
    assert client.get("/").status_code == 200
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert SessionStore(key).get("_auth_user_id") == str(reader.pk)
    client.post("/accounts/logout/")
    assert not Session.objects.filter(session_key=key).exists()
    assert client.get("/").status_code == 302  # signed out: sent to sign in
