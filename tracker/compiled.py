"""Querysets compiled to SQL once per process, then run with each request's values.

The claim page's small reads (its links with the other claims, its history, annotations and picker
choices) each cost the ORM 0.5-1 ms of CPU to compile at every request, more than PostgreSQL takes to
answer them at 1M claims. A CompiledQuery builds its queryset once with placeholder values, keeps the
SQL and the compiler (which knows how to read the rows back: dates on SQLite, JSON, booleans), and
runs that SQL with the values of each call: the same statement and the same rows as the queryset.

For querysets of `values_list()` rows whose shape does not depend on the values (no branch on them in
the builder; the builder is called with placeholders only). Nothing about the data is kept.

On PostgreSQL the statement is also prepared on the server, once per connection (`PREPARE`, then
`EXECUTE` with each call's values): planning the claim page's seven-table join took PostgreSQL more
time than running it (about 1 ms against 0.2 at 1M claims, several times that under load), and a
prepared statement's generic plan is made once. Prepared statements live as long as the connection
(CONN_MAX_AGE) and survive a rolled-back transaction; behind a PgBouncer in transaction mode a
statement would not follow the session, so `PREPARED_STATEMENTS=0` turns this off.
"""

from __future__ import annotations

import itertools
import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections
from django.db.models import QuerySet

# Placeholders no real value takes: ints inside PostgreSQL's integer range (an id lookup with a value
# past it would be compiled as "matches nothing"), strings with a NUL no form lets through.
_INT_PLACEHOLDER = -1_987_650_000

_PARAMETER = re.compile(r"%[s%]")  # the driver's parameter marks and escaped percent signs, in order
_statement_numbers = itertools.count(1)
# raw DB-API connection -> names of the statements prepared on it (a new connection prepares again)
_prepared: weakref.WeakKeyDictionary[Any, set[str]] = weakref.WeakKeyDictionary()


def uses_prepared(connection: Any) -> bool:
    """Whether statements are prepared on this connection: PostgreSQL, unless `PREPARED_STATEMENTS=0`
    (behind a PgBouncer in transaction mode)."""
    return connection.vendor == "postgresql" and getattr(settings, "PREPARED_STATEMENTS", True)


def execute_text(connection: Any, name: str, count: int, prepare: Callable[[Any], str]) -> str:
    """`EXECUTE name(%s, ...)` for `count` values, after `prepare(raw cursor)` (the `PREPARE name AS ...`
    text) has run once on this connection. The PREPARE is set-up of the connection, like its time zone:
    it runs on the driver's own cursor, so query logs and counts show the page's statements, not when a
    process first ran them; a new connection prepares again."""
    connection.ensure_connection()
    held = _prepared.setdefault(connection.connection, set())
    if name not in held:
        with connection.wrap_database_errors, connection.connection.cursor() as raw:
            raw.execute(prepare(raw))
        held.add(name)
    marks = f"({', '.join(['%s'] * count)})" if count else ""
    return f"EXECUTE {name}{marks}"


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[str | None, ...]  # per parameter: the name of the value it takes, or None (a constant)
    compiler: Any  # the SQLCompiler, for its converters
    name: str  # of the statement prepared on the server (PostgreSQL)
    order: tuple[str, ...]  # the values' names in the order of the prepared statement's $1, $2, ...


class CompiledQuery:
    """`build(**values)` -> a values_list() queryset, compiled once per database vendor and run with
    each call's values. `kinds` names each value and its type (int or str)."""

    def __init__(self, build: Callable[..., QuerySet], **kinds: type) -> None:
        self.build = build
        self.kinds = kinds
        self._compiled: dict[tuple[str, str], _Compiled] = {}

    def _placeholders(self) -> dict[str, Any]:
        marks: dict[str, Any] = {}
        for index, (name, kind) in enumerate(self.kinds.items()):
            if kind is int:
                marks[name] = _INT_PLACEHOLDER - index
            elif kind is str:
                marks[name] = f"\x00{name}\x00"
            else:
                raise TypeError(f"{name}: only int and str values can be compiled in, not {kind}")
        return marks

    def _compile(self, alias: str) -> _Compiled:
        marks = self._placeholders()
        compiler = self.build(**marks).query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        by_value = {(type(mark), mark): name for name, mark in marks.items()}
        slots = tuple(by_value.get((type(p), p)) if isinstance(p, int | str) else None for p in params)
        missing = set(marks) - set(slots)
        if missing:  # a value the builder turned into SQL text, or dropped: it cannot be swapped
            raise ValueError(f"values not found among the statement's parameters: {sorted(missing)}")
        order = tuple(dict.fromkeys(slot for slot in slots if slot is not None))
        return _Compiled(sql, tuple(params), slots, compiler, f"compiled_{next(_statement_numbers)}", order)

    @staticmethod
    def _prepare_text(compiled: _Compiled, cursor: Any) -> str:
        """`PREPARE name AS ...`: each value as $n, each constant as the literal the driver sends."""
        numbers = {name: index for index, name in enumerate(compiled.order, 1)}
        params = iter(zip(compiled.params, compiled.slots, strict=True))

        def replace(match: re.Match[str]) -> str:
            if match.group() == "%%":
                return "%"
            value, slot = next(params)
            if slot is not None:
                return f"${numbers[slot]}"
            literal = cursor.mogrify("%s", [value])
            return literal.decode() if isinstance(literal, bytes) else literal

        return f"PREPARE {compiled.name} AS {_PARAMETER.sub(replace, compiled.sql)}"

    def sql(self, alias: str = "default") -> str:
        """The statement as compiled for the database `alias` (for tests and EXPLAIN)."""
        return self._get(alias).sql

    def _get(self, alias: str) -> _Compiled:
        key = (alias, connections[alias].vendor)
        compiled = self._compiled.get(key)
        if compiled is None:
            compiled = self._compiled[key] = self._compile(alias)
        return compiled

    def rows(self, alias: str = "default", **values: Any) -> list[tuple[Any, ...]]:
        """The queryset's rows for these values (each name of `kinds` given), as tuples."""
        if values.keys() != self.kinds.keys():
            raise TypeError(f"expected the values {sorted(self.kinds)}, got {sorted(values)}")
        compiled = self._get(alias)
        connection = connections[alias]
        if uses_prepared(connection):
            text = execute_text(
                connection, compiled.name, len(compiled.order), lambda raw: self._prepare_text(compiled, raw)
            )
            with connection.cursor() as cursor:
                cursor.execute(text, [values[name] for name in compiled.order])
                fetched = cursor.fetchall()
        else:
            params = [
                value if slot is None else values[slot]
                for value, slot in zip(compiled.params, compiled.slots, strict=True)
            ]
            with connection.cursor() as cursor:
                cursor.execute(compiled.sql, params)
                fetched = cursor.fetchall()
        return list(compiled.compiler.results_iter(results=[fetched], tuple_expected=True))
