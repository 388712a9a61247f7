"""The project's own demo corpus (fictional outlets and events, written for this project)."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from django.db import transaction

from .models import Article, ImportBatch
from .services import StoreOutcome, article_store, outlet_get_or_create

SAMPLE_CORPUS = Path(__file__).resolve().parent / "sample_data" / "corpus.json"


def parse_published(value: str | None) -> tuple[dt.date | None, str]:
    """A "YYYY-MM-DD" or "YYYY-MM" string as (date, precision); (None, "unknown") when empty."""
    if not value:
        return None, Article.DatePrecision.UNKNOWN
    parts = value.split("-")
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 1), Article.DatePrecision.MONTH
    return dt.date.fromisoformat(value), Article.DatePrecision.DAY


@transaction.atomic
def sample_corpus_load(*, path: Path = SAMPLE_CORPUS) -> Counter:
    """Load the sample outlets and articles; returns counts by outcome. Loading twice adds nothing."""
    data = json.loads(path.read_text(encoding="utf-8"))
    outlets = {
        o["name"]: outlet_get_or_create(
            name=o["name"], domain=o["domain"], country=o["country"], kind=o["kind"]
        )
        for o in data["outlets"]
    }
    batch = None
    counts: Counter = Counter()
    for item in data["articles"]:
        published_on, precision = parse_published(item.get("published"))
        if batch is None and not Article.objects.filter(url=item["url"]).exists():
            batch = ImportBatch.objects.create(
                name="Sample corpus", source="sample", status=ImportBatch.Status.DONE
            )
        result = article_store(
            body=item["body"],
            outlet=outlets[item["outlet"]],
            url=item["url"],
            title=item["title"],
            byline=item.get("byline", ""),
            published_on=published_on,
            published_precision=precision,
            published_source=Article.DateSource.METADATA,
            language=item.get("language", "en"),
            import_batch=batch,
        )
        counts[result.outcome] += 1
    if batch is not None:
        batch.rows_read = len(data["articles"])
        batch.rows_created = counts[StoreOutcome.CREATED] + counts[StoreOutcome.NEW_VERSION]
        batch.rows_skipped = counts[StoreOutcome.DUPLICATE]
        batch.save()
    return counts
