"""Plain bulk inserts for the write paths that store many rows at a time (a parsed batch's claims, a
linking step's suggestions): what `bulk_create` writes, for a fraction of its Python."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import connections, models
from django.db.models.constants import OnConflict


def insert_rows(
    model: type[models.Model],
    objs: Sequence[models.Model],
    *,
    using: str,
    batch: int = 500,
    ignore_conflicts: bool = False,
) -> None:
    """INSERT the new, unsaved `objs` of `model` (every concrete field as its field prepares it for the
    database, auto_now values set), `batch` rows per statement, and set their primary keys; with
    `ignore_conflicts`, rows a unique constraint refuses are skipped (as `bulk_create(...,
    ignore_conflicts=True)`) and no key is set. Plain rows only: no expressions, no parent models.

    Each value is prepared by its field once, with no query compiler per value: 1,378 claims took 0.14
    CPU s against 0.51 by `bulk_create`."""
    if not objs:
        return
    connection = connections[using]
    opts = model._meta
    fields = [f for f in opts.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    head = f"{connection.ops.insert_statement(on_conflict=on_conflict)} {quote(opts.db_table)} ({columns}) VALUES "
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    if ignore_conflicts:
        tail = " " + connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None)
    else:
        tail = f" RETURNING {quote(str(opts.pk.column))}"
    with connection.cursor() as cursor:
        for start in range(0, len(objs), batch):
            chunk = objs[start : start + batch]
            params = [f.get_db_prep_save(f.pre_save(obj, True), connection) for obj in chunk for f in fields]
            cursor.execute(head + ", ".join([row] * len(chunk)) + tail.rstrip(), params)
            if ignore_conflicts:
                continue
            for obj, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding, obj._state.db = False, using


def update_rows(
    model: type[models.Model], objs: Sequence[models.Model], fields: Sequence[str], *, using: str
) -> None:
    """UPDATE the columns `fields` of the stored `objs` of `model` to their values on the objects (as
    each field prepares them for the database; no auto_now, no signals), what `bulk_update` writes. On
    PostgreSQL one `UPDATE ... FROM (VALUES ...)` for them all, with no expression built per value:
    `bulk_update`'s CASE WHEN per object and field cost 1.1 ms per article of a follow-up's batch, more
    than the saves it replaced. Elsewhere `bulk_update`."""
    if not objs:
        return
    connection = connections[using]
    if connection.vendor != "postgresql":
        model._base_manager.using(using).bulk_update(objs, fields)
        return
    opts = model._meta
    pk = opts.pk
    columns = [field for name in fields if isinstance(field := opts.get_field(name), models.Field)]
    if len(columns) != len(fields):
        raise ValueError(f"update_rows writes concrete fields only, not {fields}")
    quote = connection.ops.quote_name
    names = ", ".join(quote(str(f.column)) for f in [pk, *columns])
    sets = ", ".join(
        f"{quote(str(f.column))} = v.{quote(str(f.column))}::{f.db_type(connection)}" for f in columns
    )
    row = "(" + ", ".join(["%s"] * (len(columns) + 1)) + ")"
    params = [
        value
        for obj in objs
        for value in (
            pk.get_db_prep_value(obj.pk, connection),
            *(f.get_db_prep_save(getattr(obj, f.attname), connection) for f in columns),
        )
    ]
    table = quote(opts.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {sets} FROM (VALUES {', '.join([row] * len(objs))}) AS v ({names}) "
            f"WHERE {table}.{quote(str(pk.column))} = v.{quote(str(pk.column))}",
            params,
        )
