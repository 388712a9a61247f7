"""The page benchmark once through the real stack: gunicorn with production settings, over HTTP.

The in-process figures (benchmarks.pages) leave out the WSGI server, the socket and the production
middleware settings; these include them. One client, one request at a time: latency, not load (the
load test, `manage.py loadtest`, measures many users).
"""

from __future__ import annotations

import http.cookiejar
import secrets
import statistics
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db import connection

from .load import runner
from .load.pages import parse


class _LocalSecureCookies(http.cookiejar.DefaultCookiePolicy):
    """Send the Secure session and CSRF cookies (DEBUG off) over plain HTTP to 127.0.0.1, as browsers
    do for localhost (the load test's locustfile does the same)."""

    def return_ok_secure(self, cookie, request) -> bool:
        return True


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None  # the sign-in's 302 is the answer itself


def _signed_in_opener(base: str, username: str, password: str) -> urllib.request.OpenerDirector:
    """An HTTP client holding a signed-in session of `username` on the server at `base`."""
    jar = http.cookiejar.CookieJar(policy=_LocalSecureCookies())
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect)
    with opener.open(f"{base}/accounts/login/", timeout=30) as response:
        form = parse(response.read().decode(), "/accounts/login/").login_form()
    if form is None:
        raise RuntimeError("the sign-in page has no sign-in form")
    data = urlencode(dict(form.fields, username=username, password=password)).encode()
    request = urllib.request.Request(f"{base}{form.action}", data=data, headers={"Referer": base + "/"})
    try:
        opener.open(request, timeout=30)
    except urllib.error.HTTPError as error:  # the 302 after a good sign-in arrives as an "error"
        if error.code != 302 or "/accounts/login/" in (error.headers.get("Location") or ""):
            raise RuntimeError(f"sign-in refused (HTTP {error.code})") from error
    return opener


def measure_pages_http(urls: dict[str, list[str]], *, host: str = "127.0.0.1") -> dict[str, dict[str, float]]:
    """p50 / p95 milliseconds of each page over HTTP from gunicorn (two sync workers), one request at a time."""
    if connection.vendor != "postgresql":
        return {}
    password = secrets.token_urlsafe(16)
    user, _ = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    user.set_password(password)
    user.save(update_fields=["password"])
    env = runner.server_environment(connection.settings_dict["NAME"], host)
    out = Path(tempfile.mkdtemp(prefix="bench-http-"))
    results: dict[str, dict[str, float]] = {}
    with runner.gunicorn(env, host, runner.Options(workers=2), out) as (base, _pid):
        opener = _signed_in_opener(base, user.get_username(), password)
        for name, page_urls in urls.items():
            if not page_urls:
                continue
            for url in page_urls[:2]:  # warm both workers' connections and caches
                with opener.open(base + url, timeout=60) as response:
                    if response.status != 200 or b'name="password"' in response.read():
                        raise RuntimeError(f"{url} answered {response.status} over HTTP")
            times = []
            for url in page_urls:
                started = time.perf_counter()
                with opener.open(base + url, timeout=60) as response:
                    response.read()
                times.append((time.perf_counter() - started) * 1000)
            ordered = sorted(times)
            results[name] = {
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))], 1),
            }
    return results
