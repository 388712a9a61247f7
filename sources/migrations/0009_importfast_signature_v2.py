"""Near-duplicate signatures of version 2 (newstext.nearduplicates): a version on each stored signature,
and a band table keyed by (key, article).

The signatures stored so far are datasketch's (version 1); version 2 hashes shingles differently, so
their values and band keys cannot be compared with the new ones. The existing signatures are marked
version 1 and their band rows dropped with the old table (its keys belong to version 1 only);
migration 0010 recomputes them with their band keys (as `manage.py fingerprint_articles` does).

The new band table has no id column and no foreign-key constraint (see ArticleBand): its primary key
(key, article) is the lookup's index, as article_band_key_idx was.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0008_scaleimport_search_vector_insert"),
    ]

    operations = [
        migrations.AddField(
            model_name="articlefingerprint",
            name="version",
            field=models.PositiveSmallIntegerField(
                default=1,
                help_text="newstext.nearduplicates.SIGNATURE_VERSION of the signature: only signatures "
                "(and band keys) of the current version are compared; fingerprint_articles recomputes "
                "older ones.",
            ),
            preserve_default=False,
        ),
        migrations.DeleteModel(name="ArticleBand"),
        migrations.CreateModel(
            name="ArticleBand",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "key", "article", blank=True, editable=False, primary_key=True, serialize=False
                    ),
                ),
                ("key", models.BigIntegerField()),
                (
                    "article",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="sources.article",
                    ),
                ),
            ],
            options={
                "indexes": [models.Index(fields=["article"], name="article_band_article_idx")],
            },
        ),
    ]
