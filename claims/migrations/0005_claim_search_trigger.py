"""Full-text search on PostgreSQL: a trigger keeps claims_claim.search_vector up to date, a GIN index serves it.

The vector is stored (not computed per query) so a search over a million claims is one index scan.
SQLite has no tsvector: the column stays NULL there and the claims filter falls back to icontains.
"""

from django.db import migrations

FUNCTION = """
CREATE OR REPLACE FUNCTION tracker_claim_search_vector() RETURNS trigger AS $$
BEGIN
    NEW.search_vector :=
        setweight(to_tsvector('english'::regconfig, coalesce(NEW.quote, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, concat_ws(' ', NEW.speaker_mention, NEW.speaker_role,
                                                                  NEW.attribution)), 'B')
        || setweight(to_tsvector('english'::regconfig, concat_ws(' ', NEW.counted, NEW.unit, NEW.unit_class,
                                                                  NEW.date_expression)), 'C');
    RETURN NEW;
END $$ LANGUAGE plpgsql;
"""
# search_vector is in the column list so that a full-row save (which writes NULL there) recomputes it.
TRIGGER = """
CREATE TRIGGER claims_claim_search_vector BEFORE INSERT OR UPDATE OF quote, speaker_mention, speaker_role,
    attribution, counted, unit, unit_class, date_expression, search_vector
    ON claims_claim FOR EACH ROW EXECUTE FUNCTION tracker_claim_search_vector()
"""


def create(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(FUNCTION)
        cursor.execute(TRIGGER)
        cursor.execute("UPDATE claims_claim SET search_vector = NULL")  # the trigger fills it
        cursor.execute(
            "CREATE INDEX IF NOT EXISTS claim_search_gin ON claims_claim USING gin (search_vector)"
        )


def drop(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("DROP INDEX IF EXISTS claim_search_gin")
        cursor.execute("DROP TRIGGER IF EXISTS claims_claim_search_vector ON claims_claim")
        cursor.execute("DROP FUNCTION IF EXISTS tracker_claim_search_vector()")


class Migration(migrations.Migration):
    dependencies = [("claims", "0004_editorial_search_indexes")]

    operations = [migrations.RunPython(create, drop)]
