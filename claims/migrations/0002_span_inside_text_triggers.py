"""Database triggers: a claim's or annotation's span must lie inside its article's text and quote it.

A check constraint cannot look at another table, so the rule lives in triggers, written for
PostgreSQL and for SQLite (the two databases the tracker runs on). On SQLite, Django rebuilds a
table to alter it, and a trigger that names the table being rebuilt makes the rebuild fail; so
there the triggers are dropped before every migrate and created again after it (claims.db_triggers,
connected in claims.apps), and this migration only installs them on PostgreSQL.
(Replaced in migration 0010 by django-pgtrigger on PostgreSQL and checked writes on SQLite: claims.models.span_rule.)
"""

from django.db import migrations

TABLES = ["claims_claim", "claims_annotation"]

POSTGRES_FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_span_inside_article() RETURNS trigger AS $$
DECLARE body text;
BEGIN
    SELECT a.body INTO body FROM sources_article a WHERE a.id = NEW.article_id;
    IF NEW."end" > char_length(body) OR substr(body, NEW.start + 1, NEW."end" - NEW.start) <> NEW.quote THEN
        RAISE EXCEPTION 'span %-% is not inside the text of article % or does not match its quote',
            NEW.start, NEW."end", NEW.article_id USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""


def create_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_FUNCTION)
            for table in TABLES:
                cursor.execute(
                    f'CREATE TRIGGER {table}_span_inside_article BEFORE INSERT OR UPDATE OF start, "end", quote, '
                    f"article_id ON {table} FOR EACH ROW EXECUTE FUNCTION tracker_span_inside_article()"
                )


def drop_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_span_inside_article ON {table}")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS tracker_span_inside_article()")


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial"), ("sources", "0001_initial")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
