"""Fewer indexes for every imported article to update (issue 17).

sources_article: the `_like` twins (varchar_pattern_ops) PostgreSQL gets for content_hash and
extraction_status go (every query compares them with =; the admin's search is icontains, '%...%',
which no btree serves); their plain indexes stay, renamed in place (no rebuild) to the names Meta.indexes
gives them; outlet_id's own index goes (article_outlet_date_idx leads with outlet_id).
sources_historicalarticle: the copies of the article's indexes go (content_hash with its twin,
published_on, outlet, import_batch, previous_version); history rows are read by id and date.
"""

import copy

import django.db.models.deletion
from django.db import migrations, models

RENAMED = [
    ("content_hash", "article_content_hash_idx"),
    ("extraction_status", "article_extraction_status_idx"),
]


def _plain_indexes(schema_editor, table: str, column: str) -> tuple[str | None, list[str]]:
    """The single-column index on `column` that serves = (None if missing) and its `_like` twins."""
    with schema_editor.connection.cursor() as cursor:
        constraints = schema_editor.connection.introspection.get_constraints(cursor, table)
    plain, twins = None, []
    for name, info in constraints.items():
        if info["index"] and not info["unique"] and not info["primary_key"] and info["columns"] == [column]:
            if name.endswith("_like"):
                twins.append(name)
            else:
                plain = name
    return plain, twins


def rename_in_place(apps, schema_editor):
    model = apps.get_model("sources", "Article")
    table = model._meta.db_table
    for column, new_name in RENAMED:
        plain, twins = _plain_indexes(schema_editor, table, column)
        for twin in twins:
            schema_editor.execute(schema_editor._delete_index_sql(model, twin))
        index = models.Index(fields=[column], name=new_name)
        if plain is None:
            schema_editor.add_index(model, index)
        else:
            schema_editor.rename_index(model, models.Index(fields=[column], name=plain), index)


def rename_back(apps, schema_editor):
    model = apps.get_model("sources", "Article")
    for column, new_name in RENAMED:
        schema_editor.remove_index(model, models.Index(fields=[column], name=new_name))
        field = copy.copy(model._meta.get_field(column))
        field.db_index = True  # db_index's index and, on PostgreSQL, its `_like` twin, as before
        for sql in schema_editor._field_indexes_sql(model, field):
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0010_recompute_signatures"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="content_hash",
                    field=models.CharField(editable=False, max_length=64),
                ),
                migrations.AlterField(
                    model_name="article",
                    name="extraction_status",
                    field=models.CharField(
                        choices=[("pending", "Pending"), ("done", "Done"), ("failed", "Failed")],
                        default="pending",
                        max_length=10,
                    ),
                ),
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(fields=["content_hash"], name="article_content_hash_idx"),
                ),
                migrations.AddIndex(
                    model_name="article",
                    index=models.Index(fields=["extraction_status"], name="article_extraction_status_idx"),
                ),
            ],
            database_operations=[migrations.RunPython(rename_in_place, rename_back)],
        ),
        migrations.AlterField(
            model_name="article",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="articles",
                to="sources.outlet",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="content_hash",
            field=models.CharField(editable=False, max_length=64),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="import_batch",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sources.importbatch",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="outlet",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sources.outlet",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="previous_version",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="sources.article",
            ),
        ),
        migrations.AlterField(
            model_name="historicalarticle",
            name="published_on",
            field=models.DateField(blank=True, null=True),
        ),
    ]
