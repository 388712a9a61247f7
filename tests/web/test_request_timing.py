"""Request timings (tracker.middleware.RequestTimingMiddleware): what the load test reads to tell the app's
own time from time spent queued, and the slow-request log."""

from __future__ import annotations

import logging

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from devtools.benchmarks.load.pages import server_timing
from tests.test_settings import run_python

TIMING = "tracker.middleware.RequestTimingMiddleware"
TIMED_MIDDLEWARE = [TIMING, *settings.MIDDLEWARE]


@pytest.mark.django_db
def test_server_timing_header_counts_every_query_of_the_request(client, reader):
    """The header's query count is every query the request ran, the session and user reads included."""
    client.force_login(reader)
    with (
        override_settings(REQUEST_TIMING=True, MIDDLEWARE=TIMED_MIDDLEWARE),
        CaptureQueriesContext(connection) as queries,
    ):
        response = client.get("/")
    assert response.status_code == 200
    timing = server_timing(response["Server-Timing"])
    assert timing["queries"] == len(queries) >= 2  # the session, the user, the page's own
    assert set(timing) == {"app", "cpu", "db", "queries"}
    assert 0 <= timing["db"] <= timing["app"] and timing["cpu"] >= 0


@pytest.mark.django_db
def test_no_header_unless_asked_for(client, reader):
    client.force_login(reader)
    with override_settings(REQUEST_TIMING=False, SLOW_REQUEST_MS=0, MIDDLEWARE=TIMED_MIDDLEWARE):
        response = client.get("/")
    assert response.status_code == 200 and "Server-Timing" not in response


@pytest.mark.django_db
def test_slow_requests_are_logged_with_their_figures(client, reader, caplog):
    client.force_login(reader)
    with (
        override_settings(REQUEST_TIMING=False, SLOW_REQUEST_MS=0.001, MIDDLEWARE=TIMED_MIDDLEWARE),
        caplog.at_level(logging.WARNING, logger="tracker.requests"),
    ):
        client.get("/claims/?kind=date")
    (record,) = [r for r in caplog.records if r.name == "tracker.requests"]
    assert record.getMessage().startswith("slow request: GET /claims/?kind=date 200 in ")
    assert "queries" in record.getMessage() and "Server-Timing" not in client.get("/").headers


@pytest.mark.django_db
def test_fast_requests_are_not_logged(client, reader, caplog):
    client.force_login(reader)
    with (
        override_settings(REQUEST_TIMING=False, SLOW_REQUEST_MS=60_000, MIDDLEWARE=TIMED_MIDDLEWARE),
        caplog.at_level(logging.WARNING, logger="tracker.requests"),
    ):
        client.get("/")
    assert not [r for r in caplog.records if r.name == "tracker.requests"]


SHOW_MIDDLEWARE = (
    "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; django.setup();"
    "from django.conf import settings; print(settings.MIDDLEWARE[0])"
)


@pytest.mark.parametrize(
    ("env", "first"),
    [
        ({}, "django.middleware.security.SecurityMiddleware"),
        ({"REQUEST_TIMING": "1"}, TIMING),
        ({"SLOW_REQUEST_MS": "500"}, TIMING),
    ],
)
def test_the_timing_middleware_is_installed_only_when_asked_for_and_first(env, first):
    out = run_python(SHOW_MIDDLEWARE, {"DEBUG": "1", **env})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == first


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            'app;dur=12.3, cpu;dur=9.8, db;dur=2.1;desc="4"',
            {"app": 12.3, "cpu": 9.8, "db": 2.1, "queries": 4},
        ),
        ("", {}),
        ("cache;desc=hit, total;dur=7", {"total": 7.0}),
        ("app;dur=abc, db;dur=1;desc=two", {"db": 1.0}),
        ('miss, app ; dur = 5 ; desc="x, y"', {"app": 5.0}),
    ],
)
def test_server_timing_header_is_read_by_metric(header, expected):
    assert server_timing(header) == expected
