"""Recompute the near-duplicate signatures migration 0009 marked as version 1 (datasketch's), so an
import compares new texts with every article stored before it at once, without waiting for someone to
run `manage.py fingerprint_articles` (which does the same for any signature a later version outdates).

Uses the historical models and the pure signature code; 500 articles a batch, about 0.1 ms of CPU per
article for the signature."""

from django.db import migrations

BATCH = 500


def recompute(apps, schema_editor) -> None:
    from newstext.nearduplicates import SIGNATURE_VERSION, band_key_rows, signature_bytes, signatures

    article_model = apps.get_model("sources", "Article")
    fingerprint_model = apps.get_model("sources", "ArticleFingerprint")
    band_model = apps.get_model("sources", "ArticleBand")
    outdated = fingerprint_model.objects.filter(version__lt=SIGNATURE_VERSION).order_by("article_id")
    while True:
        ids = list(outdated.values_list("article_id", flat=True)[:BATCH])
        if not ids:
            return
        bodies = dict(article_model.objects.filter(pk__in=ids).values_list("pk", "body"))
        gone = [pk for pk in ids if pk not in bodies]
        fingerprint_model.objects.filter(article_id__in=gone).delete()
        ids = [pk for pk in ids if pk in bodies]
        if not ids:
            continue
        values = signatures([bodies[pk] for pk in ids])
        band_model.objects.filter(article_id__in=ids).delete()
        fingerprint_model.objects.filter(article_id__in=ids).delete()
        fingerprint_model.objects.bulk_create(
            fingerprint_model(article_id=pk, signature=signature_bytes(row), version=SIGNATURE_VERSION)
            for pk, row in zip(ids, values, strict=True)
        )
        band_model.objects.bulk_create(
            band_model(key=key, article_id=pk)
            for pk, keys in zip(ids, band_key_rows(values).tolist(), strict=True)
            for key in sorted(set(keys))
        )


class Migration(migrations.Migration):
    dependencies = [
        ("sources", "0009_importfast_signature_v2"),
    ]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop, elidable=True)]
