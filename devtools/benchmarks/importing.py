"""Import speed through the real import job (CSV of synthetic articles), with and without extraction."""

from __future__ import annotations

import csv
import tempfile
import time
from pathlib import Path

from .generator import generate


def write_corpus_csv(path: Path, n_articles: int, *, seed: int) -> None:
    """A CSV import file of `n_articles` synthetic articles."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "outlet", "published", "body"])
        for a in generate(n_articles, seed=seed):
            writer.writerow([a.url, a.title, a.outlet, a.published.isoformat(), a.body])


def import_rate(n_articles: int, *, extract: bool, seed: int | None = None) -> float:
    """Articles per second for an import job of `n_articles` new articles (reading, checking, writing,
    and with `extract` also extracting their claims)."""
    from claims.services.import_followup import import_job_extract
    from sources.importing.service import import_job_create, import_job_run

    seed = seed if seed is not None else time.time_ns() % 1_000_000  # new URLs each run
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.csv"
        write_corpus_csv(path, n_articles, seed=seed)
        started = time.perf_counter()
        batch = import_job_create(paths=[path], extract=False, name="benchmark")
        batch = import_job_run(batch_id=batch.pk, chain=False)
        if extract:
            batch.stage, batch.status = "extracting", "running"
            batch.save(update_fields=["stage", "status"])
            import_job_extract(batch_id=batch.pk)
        seconds = time.perf_counter() - started
    return batch.rows_created / seconds if seconds else 0.0
