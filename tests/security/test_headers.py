"""Security headers and cookie flags on real responses, in the test settings and with production variables."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "y" * 60 + "-a-test-value-that-is-long-and-random-enough-0987654321",
    "ALLOWED_HOSTS": "tracker.example",
    "DATABASE_URL": "sqlite:///:memory:",
}


def test_pages_send_the_security_headers(client, editor):
    client.force_login(editor)
    for url in (reverse("login"), reverse("sources:article-list"), reverse("claims:claim-list")):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        csp = response["Content-Security-Policy"]
        assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
        script_src = next(part for part in csp.split(";") if part.strip().startswith("script-src"))
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_session_and_csrf_cookies_are_http_only_and_same_site(client, editor):
    page = client.get(reverse("login"))
    csrf = page.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        reverse("login"),
        {"username": "erin", "password": "pw-erin-123", "csrfmiddlewaretoken": csrf.value},
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


PROBE = """
import os, json, django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
django.setup()
from django.conf import settings
from django.test import Client
client = Client()
plain = client.get("/api/", HTTP_HOST="tracker.example")
secure = client.get("/api/", HTTP_HOST="tracker.example", secure=True)
print(json.dumps({
    "plain_status": plain.status_code,
    "plain_location": plain.get("Location", ""),
    "hsts": secure.get("Strict-Transport-Security", ""),
    "nosniff": secure.get("X-Content-Type-Options", ""),
    "frame": secure.get("X-Frame-Options", ""),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "ssl_redirect": settings.SECURE_SSL_REDIRECT,
}))
"""


def test_production_variables_turn_on_https_only():
    """DEBUG=0: plain HTTP is sent to HTTPS, HTTPS answers carry HSTS, cookies are Secure."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    out = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=REPO,
        env={**env, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["plain_status"] == 301 and seen["plain_location"] == "https://tracker.example/api/"
    assert "max-age=31536000" in seen["hsts"] and "includeSubDomains" in seen["hsts"]
    assert seen["nosniff"] == "nosniff" and seen["frame"] == "DENY"
    assert seen["session_secure"] and seen["csrf_secure"] and seen["ssl_redirect"]


@pytest.mark.django_db
@pytest.mark.parametrize("debug", [False, True])
def test_a_signed_out_404_lists_no_url_patterns(client, settings, debug):
    """Django's debug 404 page lists the site's URL patterns; a signed-out visitor never sees it, with
    DEBUG off (the default) or on (`make demo`)."""
    settings.DEBUG = debug
    for url in ("/no-such-page/", "/claims/no-such-page/", "/api/no-such-thing/"):
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code == 404
        assert "URLconf" not in text and "admin/" not in text and "claims/" not in text, text[:500]


@pytest.mark.django_db
def test_a_signed_in_404_with_debug_keeps_the_debug_page(client, settings, django_user_model):
    settings.DEBUG = True
    client.force_login(django_user_model.objects.create_user(username="dev", password="pw-dev-12345"))
    assert "URLconf" in client.get("/no-such-page/").content.decode()
