"""SQLite's span triggers (see migration claims/0002): dropped before migrate, created after it."""

from __future__ import annotations

from django.db import connections

TABLES = ["claims_claim", "claims_annotation"]


def _sqlite(using: str):
    connection = connections[using]
    return connection if connection.vendor == "sqlite" else None


def drop_sqlite_span_triggers(*, using: str = "default", **kwargs) -> None:
    """Remove the span triggers so Django can rebuild tables during a migration."""
    connection = _sqlite(using)
    if connection is None:
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            for name in ("insert", "update"):
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_span_inside_article_{name}")


def create_sqlite_span_triggers(*, using: str = "default", **kwargs) -> None:
    """Refuse a claim or annotation whose span is not inside its article's body or does not quote it."""
    connection = _sqlite(using)
    if connection is None:
        return
    tables = set(connection.introspection.table_names())
    if "sources_article" not in tables:
        return
    with connection.cursor() as cursor:
        for table in TABLES:
            if table not in tables:
                continue
            for event, name in (("INSERT", "insert"), ("UPDATE", "update")):
                cursor.execute(
                    f"CREATE TRIGGER IF NOT EXISTS {table}_span_inside_article_{name} BEFORE {event} ON {table} "
                    'FOR EACH ROW WHEN NEW."end" > (SELECT length(body) FROM sources_article WHERE id = NEW.article_id) '
                    "OR substr((SELECT body FROM sources_article WHERE id = NEW.article_id), NEW.start + 1, "
                    'NEW."end" - NEW.start) IS NOT NEW.quote '
                    "BEGIN SELECT RAISE(ABORT, 'CHECK constraint failed: span not inside the article text'); END"
                )
