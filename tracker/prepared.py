"""Hand-written statements PostgreSQL plans once per connection (PREPARE) and then only runs (EXECUTE).

A statement read on every request (the user with their permissions) cost PostgreSQL more CPU to plan
(0.30 ms: two subqueries over five tables) than to run (0.04 ms). `statement()` prepares it on the
connection the first time, as `tracker.compiled` does for the pages' compiled reads (and in the same
record of what each connection holds: a new connection prepares again), and gives the `EXECUTE` to run
instead. Same statement, same rows: only where it is planned moves. SQLite, and PostgreSQL with
`PREPARED_STATEMENTS=0` (behind a PgBouncer in transaction mode), get the SQL as it is.

The SQL must name its columns (not `*`): a prepared statement whose table gained a column would fail
with "cached plan must not change result type" until the connection closed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper

from tracker.compiled import _prepared


def statement(
    connection: BaseDatabaseWrapper, name: str, sql: str, params: Sequence[Any]
) -> tuple[str, list[Any]]:
    """(text, values) to run with a cursor or a raw queryset in place of `sql` with `params`. `sql` has a
    %s per parameter (and %% for a percent sign); `name` is an identifier unique to this statement."""
    values = list(params)
    if connection.vendor != "postgresql" or not getattr(settings, "PREPARED_STATEMENTS", True):
        return sql, values
    connection.ensure_connection()
    held = _prepared.setdefault(connection.connection, set())
    if name not in held:
        body = sql % tuple(f"${number}" for number in range(1, len(values) + 1))
        # set-up of the connection, as in tracker.compiled: on the driver's own cursor, out of the logs
        with connection.wrap_database_errors, connection.connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {body}")
        held.add(name)
    marks = f"({', '.join(['%s'] * len(values))})" if values else ""
    return f"EXECUTE {name}{marks}", values
