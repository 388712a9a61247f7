"""Middleware of our own."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.views.defaults import page_not_found

request_log = logging.getLogger("tracker.requests")


class PlainNotFoundMiddleware:
    """Signed-out visitors get the plain 404 page, also with DEBUG on (`make demo`), where Django's
    debug 404 page lists every URL pattern of the site. Signed-in users keep the debug page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            response.status_code == 404
            and settings.DEBUG
            and not request.user.is_authenticated
            and response.get("Content-Type", "").startswith("text/html")
        ):
            return page_not_found(request, Http404())
        return response


class RequestTimingMiddleware:
    """How long each request took inside Django: wall time, this thread's CPU time, and the database's
    share (time waiting on queries, and how many).

    With REQUEST_TIMING on, every response carries them in a `Server-Timing` header
    (`app;dur=12.3, cpu;dur=9.8, db;dur=2.1;desc="4"`: milliseconds, the query count in `desc`), which
    the load test reads to tell time spent in the app from time queued before it. With SLOW_REQUEST_MS
    set, a request that took longer is logged (logger "tracker.requests") with the same figures. Off
    unless asked for (the settings add it first in MIDDLEWARE, so session and sign-in reads count too):
    the header tells any client how long the server worked on its request.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = settings.REQUEST_TIMING
        self.slow_ms = settings.SLOW_REQUEST_MS

    def __call__(self, request: HttpRequest) -> HttpResponse:
        timer = QueryTimer()
        started, cpu_started = time.perf_counter(), time.thread_time()
        with connection.execute_wrapper(timer):
            response = self.get_response(request)
        wall_ms = 1000 * (time.perf_counter() - started)
        cpu_ms = 1000 * (time.thread_time() - cpu_started)
        db_ms = 1000 * timer.seconds
        if self.header:
            response["Server-Timing"] = (
                f'app;dur={wall_ms:.1f}, cpu;dur={cpu_ms:.1f}, db;dur={db_ms:.1f};desc="{timer.queries}"'
            )
        if self.slow_ms and wall_ms >= self.slow_ms:
            request_log.warning(
                "slow request: %s %s %s in %.0f ms (CPU %.0f ms, %d queries %.0f ms)",
                request.method,
                request.get_full_path(),
                response.status_code,
                wall_ms,
                cpu_ms,
                timer.queries,
                db_ms,
            )
        return response


class QueryTimer:
    """A database execute wrapper that counts the queries run through it and adds up their time."""

    __slots__ = ("queries", "seconds")

    def __init__(self) -> None:
        self.queries = 0
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
            self.queries += 1
