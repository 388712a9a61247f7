"""The band table's index on article_id as BRIN on PostgreSQL (issue 17: import CPU per article).

The btree on article_id took a second index entry for each of the 32 band rows an imported article
writes (about a third of storing them); it only serves deleting an article's rows (cascade,
fingerprint_articles). Band rows are written in chunks of consecutive article ids, so their heap
pages follow article_id: a BRIN of a few block ranges per chunk finds them as well for a delete, at
almost no cost per row. The model's state keeps its Index (SQLite, which has no BRIN, keeps the
btree); only PostgreSQL's index changes, under the same name.
"""

from django.db import migrations

TABLE = "sources_articleband"
INDEX = "article_band_article_idx"
# 32 pages (256 kB, about 7,000 band rows: a couple of hundred articles) per summarised range; a range is
# summarised as soon as it fills (autosummarize), not only at the next VACUUM: a delete reads every page
# of the ranges not summarised yet
BRIN = (
    f"CREATE INDEX {INDEX} ON {TABLE} USING brin (article_id) WITH (pages_per_range = 32, autosummarize = on)"
)
BTREE = f"CREATE INDEX {INDEX} ON {TABLE} (article_id)"


def to_brin(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(BRIN)


def to_btree(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
        schema_editor.execute(BTREE)


class Migration(migrations.Migration):
    dependencies = [("sources", "0011_fewer_article_indexes")]

    operations = [migrations.RunPython(to_brin, to_btree)]
