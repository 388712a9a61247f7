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

from django.db.backends.base.base import BaseDatabaseWrapper

from tracker.compiled import execute_text, uses_prepared


def statement(
    connection: BaseDatabaseWrapper, name: str, sql: str, params: Sequence[Any]
) -> tuple[str, list[Any]]:
    """(text, values) to run with a cursor or a raw queryset in place of `sql` with `params`. `sql` has a
    %s per parameter (and %% for a percent sign); `name` is an identifier unique to this statement."""
    values = list(params)
    if not uses_prepared(connection):
        return sql, values
    body = sql % tuple(f"${number}" for number in range(1, len(values) + 1))
    return execute_text(connection, name, len(values), lambda raw: f"PREPARE {name} AS {body}"), values
