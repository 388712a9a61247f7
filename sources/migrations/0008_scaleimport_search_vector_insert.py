"""The search-vector trigger computes a vector on insert only for a row that brings none.

The import's COPY path (sources.importing.pgcopy) computes the vector in its INSERT ... SELECT, so
the per-row trigger would compute it a second time. The insert trigger now has a WHEN clause (the
function is not even called for a row with a vector); updates keep the trigger of migration 0004.
Every other insert (article_store, the admin, bulk_create) brings no vector and is served as before.
"""

from django.db import migrations

TABLE = "sources_article"

FORWARD = [
    f"DROP TRIGGER IF EXISTS sources_article_search_vector ON {TABLE}",
    f"""CREATE TRIGGER sources_article_search_vector BEFORE UPDATE OF title, body, search_vector
        ON {TABLE} FOR EACH ROW EXECUTE FUNCTION tracker_article_search_vector()""",
    f"""CREATE TRIGGER sources_article_search_vector_insert BEFORE INSERT ON {TABLE}
        FOR EACH ROW WHEN (NEW.search_vector IS NULL) EXECUTE FUNCTION tracker_article_search_vector()""",
]
BACKWARD = [
    f"DROP TRIGGER IF EXISTS sources_article_search_vector_insert ON {TABLE}",
    f"DROP TRIGGER IF EXISTS sources_article_search_vector ON {TABLE}",
    f"""CREATE TRIGGER sources_article_search_vector BEFORE INSERT OR UPDATE OF title, body, search_vector
        ON {TABLE} FOR EACH ROW EXECUTE FUNCTION tracker_article_search_vector()""",
]


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        with schema_editor.connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("sources", "0007_dedupe_near_duplicates")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
