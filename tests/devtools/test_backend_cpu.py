"""The import benchmark's CPU seconds count the PostgreSQL backends of the import's other threads' connections
(its preparing thread has one of its own), not only this thread's: a backend working on another core is
still the import's work."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from devtools.benchmarks.importing import other_backends_cpu

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL backends only"),
]


def busy_thread() -> None:
    """A thread of its own whose connection makes its backend spend some CPU, then closes it."""

    def work() -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM generate_series(1, 3000000)")
        connection.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()


def test_another_threads_backend_is_counted_and_this_ones_is_not():
    """A thread's connection closed inside is counted; this thread's own queries are not (cpu_seconds
    reads that backend); nothing opened after leaving is counted."""
    connection.ensure_connection()
    spent: dict[str, float] = {}
    with other_backends_cpu(spent):
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM generate_series(1, 3000000)")
        assert spent == {}
        busy_thread()
    assert spent["seconds"] > 0
    counted = spent["seconds"]
    busy_thread()
    assert spent["seconds"] == counted
