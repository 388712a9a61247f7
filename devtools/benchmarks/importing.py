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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .generator import generate


def write_corpus_csv(path: Path, n_articles: int, *, seed: int) -> None:
    """A CSV import file of `n_articles` synthetic articles."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "outlet", "published", "body"])
        for a in generate(n_articles, seed=seed):
            writer.writerow([a.url, a.title, a.outlet, a.published.isoformat(), a.body])


def _backend_cpu(pid: int) -> float | None:
    """CPU seconds used so far by the PostgreSQL backend `pid` (read from /proc: same machine), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


@contextmanager
def other_backends_cpu(spent: dict[str, float]) -> Iterator[None]:
    """Add to `spent["seconds"]` the CPU seconds of the PostgreSQL backends of the connections opened
    while inside other than this thread's (the import's preparing thread has its own): the whole life
    of each, read just before its connection closes or, still open, on leaving. Their work is the
    import's too, on another core. Nothing on SQLite, whose work is this process's."""
    from django.db import connection
    from django.db.backends.postgresql.base import DatabaseWrapper
    from django.db.backends.signals import connection_created

    if connection.vendor != "postgresql":
        yield
        return
    main = connection.connection
    opened: dict[int, DatabaseWrapper] = {}

    def add(wrapper: DatabaseWrapper) -> None:
        raw = wrapper.connection
        if opened.pop(id(wrapper), None) is not None and raw is not None and not raw.closed:
            spent["seconds"] = spent.get("seconds", 0.0) + (_backend_cpu(raw.get_backend_pid()) or 0.0)

    def created(sender, connection, **kwargs) -> None:
        if connection.connection is not main:
            opened[id(connection)] = connection

    real_close = DatabaseWrapper.close

    def close(self, *args, **kwargs):
        add(self)
        return real_close(self, *args, **kwargs)

    connection_created.connect(created, weak=False)
    DatabaseWrapper.close = close  # type: ignore[method-assign]
    try:
        yield
    finally:
        DatabaseWrapper.close = real_close  # type: ignore[method-assign]
        connection_created.disconnect(created)
        for wrapper in list(opened.values()):
            add(wrapper)


def cpu_seconds() -> float | None:
    """CPU seconds used so far by this process and by its PostgreSQL backend (read from /proc, same
    machine); on SQLite, which runs inside the process, this process's alone. None when the backend's
    cannot be read (another host). On a loaded machine the wall-clock rates mostly measure waiting for a
    core; the CPU seconds do not."""
    from django.db import connection

    if connection.vendor == "sqlite":
        return time.process_time()
    if connection.vendor != "postgresql":
        return None
    connection.ensure_connection()
    backend = _backend_cpu(connection.connection.get_backend_pid())
    return None if backend is None else time.process_time() + backend


# The follow-up's stages timed by `stage_cpu`: (module, function, stage). Encoding happens inside
# linking: the "link" stage is reported without it.
STAGES = (
    ("claims.services.extraction", "extract_many", "parse"),
    ("claims.services.extraction", "articles_store_extractions", "store"),
    ("claims.services.linking", "articles_link", "link"),
    ("claims.linking.encoder", "encode", "encode"),
)


@contextmanager
def stage_cpu(stages: dict[str, float]) -> Iterator[None]:
    """Add to `stages` the CPU seconds (cpu_seconds: with the PostgreSQL backend's) spent in each stage
    of STAGES while inside; the functions are wrapped for that time only."""
    import importlib

    saved = []
    for module_name, name, stage in STAGES:
        module = importlib.import_module(module_name)
        real = getattr(module, name)

        def timed(*args, _real=real, _stage=stage, **kwargs):
            started = cpu_seconds() or 0.0
            try:
                return _real(*args, **kwargs)
            finally:
                stages[_stage] = stages.get(_stage, 0.0) + (cpu_seconds() or 0.0) - started

        saved.append((module, name, real))
        setattr(module, name, timed)
    try:
        yield
    finally:
        for module, name, real in saved:
            setattr(module, name, real)
    if "link" in stages and "encode" in stages:
        stages["link"] -= stages["encode"]


def import_rate(
    n_articles: int,
    *,
    extract: bool,
    seed: int | None = None,
    cpu: dict[str, float] | None = None,
    stages: dict[str, float] | None = None,
) -> float:
    """Articles per second for an import job of `n_articles` new articles (reading, checking, writing,
    and with `extract` also extracting their claims and linking them). With `cpu`, its "seconds" are
    set to the CPU seconds of this process and its database backends for the same work (cpu_seconds, and
    other_backends_cpu for the connections of the import's other threads);
    with `stages`, the CPU seconds of the follow-up's stages (stage_cpu) are added to it."""
    from django.db import connection

    from claims.services.import_followup import import_job_extract
    from sources.importing.service import import_job_create, import_job_run

    seed = seed if seed is not None else time.time_ns() % 1_000_000  # new URLs each run
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "articles.csv"
        write_corpus_csv(path, n_articles, seed=seed)
        started, cpu_started = time.perf_counter(), cpu_seconds()
        process_started, thread_started = time.process_time(), time.thread_time()
        others: dict[str, float] = {}
        batch = import_job_create(paths=[path], extract=False, name="benchmark")
        with other_backends_cpu(others):
            batch = import_job_run(batch_id=batch.pk, chain=False)
        if extract:
            batch.stage, batch.status = "extracting", "running"
            batch.save(update_fields=["stage", "status"])
            with stage_cpu(stages if stages is not None else {}):
                import_job_extract(batch_id=batch.pk)
        seconds = time.perf_counter() - started
        cpu_ended = cpu_seconds()
        process, thread = time.process_time() - process_started, time.thread_time() - thread_started
    if cpu is not None and cpu_started is not None and cpu_ended is not None:
        cpu["seconds"] = cpu_ended - cpu_started + others.get("seconds", 0.0)
        if connection.vendor == "postgresql":
            # the longest chain of work that cannot overlap: this thread and the backend it waits for
            # (the import's preparing thread and its backend run beside them, on the other core when
            # there is one)
            cpu["serial_seconds"] = cpu_ended - cpu_started - process + thread
            cpu["other_backends_seconds"] = others.get("seconds", 0.0)
    return batch.rows_created / seconds if seconds else 0.0


COPY_TABLE = "bench_copy_articles"


def copy_rate(n_articles: int, *, seed: int) -> float | None:
    """Articles per second for a bare COPY of the same rows as the import's, in its format (binary, the
    vectors in binary form; every column its COPY writes, the vectors computed beforehand, bodies compressed with lz4 where the
    server has it) into a logged table of sources_article's shape (`LIKE ... INCLUDING ALL`: its
    columns, defaults, checks and indexes; no trigger, no foreign key), created and dropped here: what
    writing these rows costs PostgreSQL, WAL and index entries included, without the import's own work
    (reading, checks, near-duplicates, history rows). Only the COPY is timed, in a transaction of its
    own. (A temporary table writes no WAL: its rate said nothing of the import's.) None elsewhere."""
    from django.db import connection, transaction
    from django.utils import timezone

    from sources.importing.pgcopy import (
        _LZ4_SQL,
        _article_columns,
        _binary_columns,
        _column,
        _rows,
        binary_rows,
        search_vectors,
        search_vectors_binary,
    )
    from sources.importing.records import validate_row
    from sources.importing.store import unsaved_articles
    from sources.models import content_hash

    if connection.vendor != "postgresql":
        return None
    records = []
    for number, a in enumerate(generate(n_articles, seed=seed), start=1):
        values = {"url": a.url, "title": a.title, "published_on": a.published.isoformat(), "body": a.body}
        record, errors = validate_row(values, row=number)
        if record is None:
            raise ValueError(f"generated row {number} is not valid: {errors}")
        records.append(record)
    articles = unsaved_articles(records, [content_hash(r.body) for r in records], None)
    now = timezone.now()
    for number, article in enumerate(articles, start=1):
        article.pk, article.created_at, article.updated_at = number, now, now
    fields = _article_columns()
    names = [str(f.column) for f in fields] + ["search_vector"]
    # the import's format: binary, with the vectors in binary form, else text (pgcopy.articles_insert_copy)
    binary = search_vectors_binary([a.title for a in articles], [a.body for a in articles])
    encoded = _binary_columns(articles, fields, list(binary))
    if encoded is not None:
        buffer: io.IOBase = io.BytesIO(binary_rows([encoded[name] for name in names]))
        options = " WITH (FORMAT binary)"
    else:
        vectors = search_vectors([a.title for a in articles], [a.body for a in articles])
        buffer, options = _rows(articles, fields, _column(list(vectors))), ""
    with copy_table() as table, transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_LZ4_SQL)
        started = time.perf_counter()
        cursor.cursor.copy_expert(f"COPY {table} ({', '.join(names)}) FROM STDIN{options}", buffer)
        seconds = time.perf_counter() - started
    return n_articles / seconds if seconds else None


@contextmanager
def copy_table() -> Iterator[str]:
    """A logged table of sources_article's shape (copy_rate's), committed, and dropped on leaving; its name."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {COPY_TABLE}")
        cursor.execute(f"CREATE TABLE {COPY_TABLE} (LIKE sources_article INCLUDING ALL)")
    try:
        yield COPY_TABLE
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {COPY_TABLE}")


def extraction_rate(n_articles: int, *, seed: int, cpu: dict[str, float] | None = None) -> float:
    """Articles per second of the extraction pipeline alone (no database) on the generator's texts; with
    `cpu`, its "seconds" are set to the CPU seconds of this process for the same work."""
    from claims.extraction import extract

    articles = list(generate(n_articles, seed=seed))
    started, cpu_started = time.perf_counter(), time.process_time()
    for a in articles:
        extract(a.body, published=a.published)
    if cpu is not None:
        cpu["seconds"] = time.process_time() - cpu_started
    return n_articles / (time.perf_counter() - started)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (ru_maxrss)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
