"""Indexes and statistics for the claims list at a million claims (PostgreSQL only; SQLite has neither).

- Trigram GIN indexes on actor and alias names: the speaker filter matches a typed name anywhere in a
  name (`LIKE '%viktor%'`), which no b-tree serves; without them every list page filtered by speaker
  read the whole actor table, up to three times (the estimate, the ids, the page).
- Extended statistics on kind, review status and unit class: a unit class implies the kind, and the
  planner, multiplying their selectivities as if independent, guessed 9,916 rows for a filter that
  matches 23,282. The list chooses between an estimated count and reading the ids by that guess.
"""

from django.db import migrations

FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS actor_name_trgm ON claims_actor USING gin (normalized_name gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS alias_name_trgm ON claims_actoralias USING gin (normalized_name gin_trgm_ops)",
    "CREATE STATISTICS IF NOT EXISTS claim_kind_status_unit_stats (dependencies, mcv) "
    "ON kind, review_status, unit_class FROM claims_claim",
    "ANALYZE claims_claim",
]
BACKWARD = [
    "DROP STATISTICS IF EXISTS claim_kind_status_unit_stats",
    "DROP INDEX IF EXISTS alias_name_trgm",
    "DROP INDEX IF EXISTS actor_name_trgm",
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
    dependencies = [("claims", "0013_ws-verdict_claim_verdict")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
