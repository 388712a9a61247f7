"""Full-text search over an article's own words: a stored tsvector of title + body on PostgreSQL.

A trigger keeps sources_article.search_vector up to date on every insert (bulk_create included) and on
every update that changes the title or body; a GIN index serves `@@` queries (claims.selectors.claim_check).
The vector covers the first 100,000 characters of the body, so a very long text cannot exceed the
tsvector size limit and fail its import.

Large tables: the migration is not atomic, so adding the column (instant: nullable, no default)
commits at once instead of locking the table for the whole backfill; the backfill then fills the
vector through the trigger in committed primary-key ranges (resumable: only NULL rows), and the GIN
index is built once at the end, concurrently, which is much faster than growing it row by row.
SQLite has no tsvector: the column stays NULL there and claims.selectors.claim_check falls back to substrings.
"""

import django.contrib.postgres.search
from django.db import migrations

TABLE = "sources_article"
BATCH = 5000  # rows per committed backfill statement
MAX_BODY = 100_000  # characters of the body in the vector

FUNCTION = f"""
CREATE OR REPLACE FUNCTION tracker_article_search_vector() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.search_vector IS NOT NULL
       AND NEW.title IS NOT DISTINCT FROM OLD.title AND NEW.body IS NOT DISTINCT FROM OLD.body THEN
        NEW.search_vector := OLD.search_vector;  -- text unchanged (a full-row save): keep it, no recompute
    ELSE
        NEW.search_vector :=
            setweight(to_tsvector('english'::regconfig, coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('english'::regconfig, left(coalesce(NEW.body, ''), {MAX_BODY})), 'B');
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""
# Updates that touch neither column (is_current, extraction status, ...) do not fire it at all.
TRIGGER = f"""
CREATE TRIGGER sources_article_search_vector BEFORE INSERT OR UPDATE OF title, body, search_vector
    ON {TABLE} FOR EACH ROW EXECUTE FUNCTION tracker_article_search_vector()
"""
INDEX = "article_search_gin"


def _field():
    return django.contrib.postgres.search.SearchVectorField(
        blank=True, editable=False, null=True, serialize=False
    )


def _has_column(connection) -> bool:
    with connection.cursor() as cursor:
        return any(
            c.name == "search_vector" for c in connection.introspection.get_table_description(cursor, TABLE)
        )


def add_column(apps, schema_editor):
    """The column, unless a run interrupted after adding it (the migration is not atomic)."""
    if not _has_column(schema_editor.connection):
        schema_editor.add_field(apps.get_model("sources", "Article"), _field_named())


def remove_column(apps, schema_editor):
    if _has_column(schema_editor.connection):
        schema_editor.remove_field(apps.get_model("sources", "Article"), _field_named())


def _field_named():
    field = _field()
    field.set_attributes_from_name("search_vector")
    return field


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute(f"DROP TRIGGER IF EXISTS sources_article_search_vector ON {TABLE}")
        cursor.execute(TRIGGER)
        cursor.execute(f"SELECT min(id), max(id) FROM {TABLE} WHERE search_vector IS NULL")
        low, high = cursor.fetchone()
        if low is not None:
            for start in range(low, high + 1, BATCH):
                # Setting NULL fires the trigger, which computes the vector (each statement commits).
                cursor.execute(
                    f"UPDATE {TABLE} SET search_vector = NULL "
                    "WHERE id >= %s AND id < %s AND search_vector IS NULL",
                    [start, start + BATCH],
                )
        # An interrupted concurrent build leaves an invalid index behind: drop it and build again.
        cursor.execute(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = %s",
            [INDEX],
        )
        row = cursor.fetchone()
        if row is not None and not row[0]:
            cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
        cursor.execute("SET maintenance_work_mem = '256MB'")
        cursor.execute(
            f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} ON {TABLE} USING gin (search_vector)"
        )
        cursor.execute("RESET maintenance_work_mem")


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")
        cursor.execute(f"DROP TRIGGER IF EXISTS sources_article_search_vector ON {TABLE}")
        cursor.execute("DROP FUNCTION IF EXISTS tracker_article_search_vector()")


class Migration(migrations.Migration):
    atomic = False  # see the module docstring: no table lock held through the backfill

    dependencies = [("sources", "0003_importbatch_followup_runner")]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={"base_manager_name": "objects", "ordering": ["-published_on", "-id"]},
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(model_name="article", name="search_vector", field=_field())
            ],
            database_operations=[migrations.RunPython(add_column, remove_column)],
        ),
        migrations.RunPython(create, drop),
    ]
