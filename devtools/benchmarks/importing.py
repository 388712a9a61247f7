"""Import speed through the real import job (CSV of synthetic articles), with and without extraction,
each next to its anchor measured in the same run: COPY of the same rows for the import, extraction
alone (the pure pipeline on the same texts, no database) for the import with its follow-up."""

from __future__ import annotations

import csv
import io
import os
import resource
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


def cpu_seconds() -> float | None:
    """CPU seconds used so far by this process and by its PostgreSQL backend (read from /proc, same
    machine); None when the backend's cannot be read (SQLite, another host). On a loaded machine the
    wall-clock rates mostly measure waiting for a core; the CPU seconds do not."""
    from django.db import connection

    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    pid = connection.connection.get_backend_pid()
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    return time.process_time() + (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def import_rate(
    n_articles: int, *, extract: bool, seed: int | None = None, cpu: dict[str, float] | None = None
) -> float:
    """Articles per second for an import job of `n_articles` new articles (reading, checking, writing,
    and with `extract` also extracting their claims and linking them). With `cpu`, its "seconds" are
    set to the CPU seconds of this process and its database backend for the same work (cpu_seconds)."""
    from claims.services.import_followup import import_job_extract
    from sources.importing.service import import_job_create, import_job_run

    seed = seed if seed is not None else time.time_ns() % 1_000_000  # new URLs each run
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.csv"
        write_corpus_csv(path, n_articles, seed=seed)
        started, cpu_started = time.perf_counter(), cpu_seconds()
        batch = import_job_create(paths=[path], extract=False, name="benchmark")
        batch = import_job_run(batch_id=batch.pk, chain=False)
        if extract:
            batch.stage, batch.status = "extracting", "running"
            batch.save(update_fields=["stage", "status"])
            import_job_extract(batch_id=batch.pk)
        seconds = time.perf_counter() - started
        cpu_ended = cpu_seconds()
    if cpu is not None and cpu_started is not None and cpu_ended is not None:
        cpu["seconds"] = cpu_ended - cpu_started
    return batch.rows_created / seconds if seconds else 0.0


def copy_rate(n_articles: int, *, seed: int) -> float | None:
    """Articles per second for a bare COPY of the same rows (the article columns an import fills) into a
    temporary table of sources_article's columns (no constraints, no index): the floor of what PostgreSQL can take. None elsewhere."""
    from django.db import connection, transaction

    if connection.vendor != "postgresql":
        return None
    buffer = io.StringIO()
    for a in generate(n_articles, seed=seed):
        row = [a.url, a.title, a.body, a.published.isoformat()]
        buffer.write(
            "\t".join(v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n") for v in row)
        )
        buffer.write("\n")
    buffer.seek(0)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMP TABLE bench_copy ON COMMIT DROP AS SELECT * FROM sources_article WITH NO DATA"
        )
        started = time.perf_counter()
        cursor.cursor.copy_expert("COPY bench_copy (url, title, body, published_on) FROM STDIN", buffer)
        seconds = time.perf_counter() - started
    return n_articles / seconds if seconds else None


def extraction_rate(n_articles: int, *, seed: int) -> float:
    """Articles per second of the extraction pipeline alone (no database) on the generator's texts."""
    from claims.extraction import extract

    articles = list(generate(n_articles, seed=seed))
    started = time.perf_counter()
    for a in articles:
        extract(a.body, published=a.published)
    return n_articles / (time.perf_counter() - started)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (ru_maxrss)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
