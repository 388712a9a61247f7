"""Sign-in throttling (django-axes): five wrong passwords lock that username from that address."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


def sign_in(client, username: str, password: str, address: str = "10.0.0.1", **extra):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )


def lock_out(client, username: str = "erin", address: str = "10.0.0.1") -> None:
    """Five wrong passwords: four get the form again with its error, the fifth the lockout page."""
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, username, f"wrong-{attempt}", address)
        assert response.status_code == 200, attempt
        assert b"Please enter a correct username and password" in response.content
    response = sign_in(client, username, "wrong-last", address)
    assert response.status_code == 429 and b"Sign-in locked" in response.content


def axes_settings(env: dict[str, str]) -> list:
    """(limit, cool-off minutes, enabled) as the settings module reads them from `env`."""
    code = (
        "import os, json, django; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'tracker.settings');"
        "django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds() / 60, s.AXES_ENABLED]))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("AXES_")}
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_throttle_settings_come_from_the_environment():
    assert axes_settings({}) == [5, 15, True]
    assert axes_settings({"AXES_FAILURE_LIMIT": "3", "AXES_COOLOFF_MINUTES": "60", "AXES_ENABLED": "0"}) == [
        3,
        60,
        False,
    ]
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]] and settings.AXES_RESET_ON_SUCCESS
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"


def test_sixth_attempt_is_refused_even_with_the_right_password(client, editor, reader):
    lock_out(client)
    response = sign_in(client, "erin", "pw-erin-123")
    assert response.status_code == 429
    assert b"Sign-in locked" in response.content and b"15 minutes" in response.content
    assert b"erin" in response.content
    assert "_auth_user_id" not in client.session
    # another user from the same address is not affected
    response = sign_in(client, "rory", "pw-rory-123")
    assert response.status_code == 302 and client.session["_auth_user_id"] == str(reader.pk)


def test_a_forged_forwarded_for_header_does_not_lift_the_lock(client, editor):
    lock_out(client)
    response = sign_in(client, "erin", "pw-erin-123", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert response.status_code == 429 and "_auth_user_id" not in client.session


def test_the_lock_is_per_username_and_address(client, editor):
    lock_out(client, address="10.0.0.1")
    response = sign_in(client, "erin", "pw-erin-123", address="10.0.0.2")
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_the_admin_sign_in_and_basic_auth_are_locked_too(client, editor):
    lock_out(client)
    response = client.post(
        reverse("admin:login"), {"username": "erin", "password": "pw-erin-123"}, REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code == 429
    token = base64.b64encode(b"erin:pw-erin-123").decode()
    response = client.get(
        reverse("api:claim-list"), HTTP_AUTHORIZATION=f"Basic {token}", REMOTE_ADDR="10.0.0.1"
    )
    assert response.status_code in (401, 403, 429)


def test_a_success_resets_the_count(client, editor):
    for _ in range(2):
        for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
            assert sign_in(client, "erin", f"wrong-{attempt}").status_code == 200
        assert sign_in(client, "erin", "pw-erin-123").status_code == 302
        client.logout()
    assert not AccessAttempt.objects.filter(username="erin", failures_since_start__gt=0).exists()


def test_the_lock_ends_after_the_cool_off(client, editor):
    lock_out(client)
    assert sign_in(client, "erin", "pw-erin-123").status_code == 429
    # the attempts age past the cool-off (moved back in time rather than waiting)
    AccessAttempt.objects.update(
        attempt_time=dt.datetime.now(dt.UTC) - settings.AXES_COOLOFF_TIME - dt.timedelta(minutes=1)
    )
    response = sign_in(client, "erin", "pw-erin-123")
    assert response.status_code == 302 and "_auth_user_id" in client.session
