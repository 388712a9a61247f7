"""Querysets compiled to SQL once per process, then run with each request's values.

The claim page's small reads (its links with the other claims, its history, annotations and picker
choices) each cost the ORM 0.5-1 ms of CPU to compile at every request, more than PostgreSQL takes to
answer them at 1M claims. A CompiledQuery builds its queryset once with placeholder values, keeps the
SQL and the compiler (which knows how to read the rows back: dates on SQLite, JSON, booleans), and
runs that SQL with the values of each call: the same statement and the same rows as the queryset.

For querysets of `values_list()` rows whose shape does not depend on the values (no branch on them in
the builder; the builder is called with placeholders only). Nothing about the data is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import QuerySet

# Placeholders no real value takes: ints inside PostgreSQL's integer range (an id lookup with a value
# past it would be compiled as "matches nothing"), strings with a NUL no form lets through.
_INT_PLACEHOLDER = -1_987_650_000


@dataclass(frozen=True, slots=True)
class _Compiled:
    sql: str
    params: tuple[Any, ...]
    slots: tuple[str | None, ...]  # per parameter: the name of the value it takes, or None (a constant)
    compiler: Any  # the SQLCompiler, for its converters


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
        return _Compiled(sql, tuple(params), slots, compiler)

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
        params = [
            value if slot is None else values[slot]
            for value, slot in zip(compiled.params, compiled.slots, strict=True)
        ]
        with connections[alias].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        return list(compiled.compiler.results_iter(results=[fetched], tuple_expected=True))
