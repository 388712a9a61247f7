"""Statements PostgreSQL plans once per connection (PREPARE) and then only runs (EXECUTE).

A statement read on every request (the user with their permissions) cost PostgreSQL more CPU to plan
(0.30 ms: two subqueries over five tables) than to run (0.04 ms). On PostgreSQL, `statement()` gives
the SQL to send instead: the first time on a connection `PREPARE name AS <sql>; EXECUTE name(...)` in
one round trip, then `EXECUTE name(...)`; PostgreSQL keeps the plan for the connection's life. Other
databases get the SQL as it is. Same rows: the statement is the same, only where it is planned moves.

Which statements a connection holds is kept on Django's connection object, with the DB-API connection
they were prepared on: a reconnection (CONN_MAX_AGE, a dropped connection) starts afresh. A PREPARE is
not undone by a rollback; if the first run fails (after the PREPARE, before we know it), the next
attempt prepares under a new name rather than guess, so a name is never prepared twice.

The SQL must select named columns (not `*`): a prepared statement whose table gained a column
would fail with "cached plan must not change result type" until the connection closed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

_ATTRIBUTE = "_tracker_prepared_statements"


@dataclass
class _Prepared:
    dbapi_connection: Any  # the connection the statements below were prepared on
    names: dict[str, str] = field(default_factory=dict)  # statement -> its name on the server
    attempts: int = 0


def _prepared(connection: BaseDatabaseWrapper) -> _Prepared:
    held = getattr(connection, _ATTRIBUTE, None)
    if held is None or held.dbapi_connection is not connection.connection:
        held = _Prepared(connection.connection)
        setattr(connection, _ATTRIBUTE, held)
    return held


@contextmanager
def statement(
    connection: BaseDatabaseWrapper, name: str, sql: str, params: Sequence[Any]
) -> Iterator[tuple[str, list[Any]]]:
    """`with statement(connection, name, sql, params) as (text, values):` run `text` with `values`
    (a cursor's execute, a raw queryset) inside the block. `sql` has a %s per parameter and no other
    % sign; `name` is an identifier. The statement counts as prepared once the block has finished."""
    values = list(params)
    if connection.vendor != "postgresql":
        yield sql, values
        return
    connection.ensure_connection()
    held = _prepared(connection)
    arguments = ", ".join(["%s"] * len(values))
    execute = f"EXECUTE {{}}({arguments})" if values else "EXECUTE {}"
    server_name = held.names.get(name)
    if server_name is not None:
        yield execute.format(server_name), values
        return
    held.attempts += 1
    server_name = f"{name}_{held.attempts}"
    body = sql % tuple(f"${n}" for n in range(1, len(values) + 1))
    yield f"PREPARE {server_name} AS {body}; " + execute.format(server_name), values
    held.names[name] = server_name
