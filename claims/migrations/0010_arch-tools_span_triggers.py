"""The span rule's triggers move to django-pgtrigger (declared on the models, claims.models.span_rule).

The hand-written PostgreSQL triggers of migration 0002 are dropped, and so are the SQLite triggers that
claims.db_triggers used to make after every migrate (SQLite now checks spans in the models' writes), so
nothing is rebuilt around migrate any more. pgtrigger's operations do nothing on SQLite.
"""

import importlib

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations

TABLES = ["claims_claim", "claims_annotation"]


def drop_hand_written_triggers(apps, schema_editor):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for table in TABLES:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {table}_span_inside_article ON {table}")
            elif connection.vendor == "sqlite":
                for name in ("insert", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS {table}_span_inside_article_{name}")
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION IF EXISTS tracker_span_inside_article()")


def restore_hand_written_triggers(apps, schema_editor):
    importlib.import_module("claims.migrations.0002_span_inside_text_triggers").create_triggers(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0009_statements_polarity_refused"),
    ]

    operations = [
        migrations.RunPython(drop_hand_written_triggers, restore_hand_written_triggers),
        pgtrigger.migrations.AddTrigger(
            model_name="annotation",
            trigger=pgtrigger.compiler.Trigger(
                name="span_inside_article",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    declare="DECLARE article_body text;",
                    func='\n        SELECT a.body INTO article_body FROM sources_article a WHERE a.id = NEW.article_id;\n        IF NEW."end" > char_length(article_body)\n           OR substr(article_body, NEW.start + 1, NEW."end" - NEW.start) <> NEW.quote THEN\n            RAISE EXCEPTION \'span %-% is not inside the text of article % or does not match its quote\',\n                NEW.start, NEW."end", NEW.article_id USING ERRCODE = \'check_violation\';\n        END IF;\n        RETURN NEW;\n    ',
                    hash="23dbd21aba4975d421aeee3ea7e833c5c6d4c75a",
                    operation='INSERT OR UPDATE OF "start", "end", "quote", "article_id"',
                    pgid="pgtrigger_span_inside_article_4c1ff",
                    table="claims_annotation",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="claim",
            trigger=pgtrigger.compiler.Trigger(
                name="span_inside_article",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    declare="DECLARE article_body text;",
                    func='\n        SELECT a.body INTO article_body FROM sources_article a WHERE a.id = NEW.article_id;\n        IF NEW."end" > char_length(article_body)\n           OR substr(article_body, NEW.start + 1, NEW."end" - NEW.start) <> NEW.quote THEN\n            RAISE EXCEPTION \'span %-% is not inside the text of article % or does not match its quote\',\n                NEW.start, NEW."end", NEW.article_id USING ERRCODE = \'check_violation\';\n        END IF;\n        RETURN NEW;\n    ',
                    hash="55c3d09ef2dd5cd9d5b67c133cf221206303d3ae",
                    operation='INSERT OR UPDATE OF "start", "end", "quote", "article_id"',
                    pgid="pgtrigger_span_inside_article_4890d",
                    table="claims_claim",
                    when="BEFORE",
                ),
            ),
        ),
    ]
