"""`manage.py bench_import --articles 10000 [--extract] [--stream-mb 1000]`: import speed, streaming memory.

Writes a CSV of synthetic articles to a temporary folder, imports it as a job into the configured
database and prints articles per second (reading + writing, and writing alone); with --stream-mb,
also streams a CSV of that size through the reader and prints the peak RSS. Not a test: a benchmark.
"""

from __future__ import annotations

import contextlib
import csv
import resource
import tempfile
import time
from pathlib import Path
from unittest import mock

from django.core.management.base import BaseCommand

from claims.services.import_followup import import_job_extract
from devtools.benchmarks.importing import write_corpus_csv
from sources.importing.files import Limits, iter_rows
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, ImportBatch


def write_csv(path: Path, n: int, *, tag: str) -> None:
    """A CSV of n synthetic articles (distinct URLs and texts) at `path`."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "outlet", "published", "body"])
        for i in range(n):
            writer.writerow(
                [
                    f"https://bench.example/{tag}/{i}",
                    f"Bench article {i}",
                    f"Bench outlet {i % 20}",
                    "2025-03-17",
                    f"PORTVILLE - {i % 97 + 2} cargo ships docked at Portville on Saturday, the port said. "
                    f"About {i} workers unloaded them over two days, officials said. " * 4,
                ]
            )


def bulk_create_without_history(objs, model, batch_size=None, **kwargs):
    """simple_history's bulk_create_with_history, less the history rows."""
    return model.objects.bulk_create(objs, batch_size=batch_size)


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "Benchmark article import (articles/s) and CSV streaming memory (peak RSS)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=10000)
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--extract", action="store_true", help="also extract claims (much slower)")
        parser.add_argument(
            "--stream-mb", type=int, default=0, help="stream a CSV of this many MB, report peak RSS"
        )
        parser.add_argument(
            "--generated",
            action="store_true",
            help="the generator's varied synthetic news (devtools.benchmarks.generator) instead of one repeated text",
        )
        parser.add_argument("--keep", action="store_true", help="keep the benchmark articles")
        parser.add_argument(
            "--no-history", action="store_true", help="skip simple_history rows for new articles"
        )

    def handle(self, *args, **options) -> None:
        with tempfile.TemporaryDirectory() as folder, contextlib.ExitStack() as patches:
            if options["no_history"]:
                # history rows off: about twice as fast for very large imports (a measure, never a setting)
                patches.enter_context(
                    mock.patch(
                        "sources.importing.store.bulk_create_with_history", bulk_create_without_history
                    )
                )
            if options["articles"]:
                self._import(Path(folder), options)
            if options["stream_mb"]:
                self._stream(Path(folder), options["stream_mb"])

    def _import(self, folder: Path, options: dict) -> None:
        n = options["articles"]
        path = folder / "bench.csv"
        tag = str(int(time.time()))
        if options["generated"]:
            write_corpus_csv(path, n, seed=int(tag) % 1_000_000)
        else:
            write_csv(path, n, tag=tag)
        batch = import_job_create(paths=[path], extract=False, batch_size=options["batch_size"], name="bench")
        times: dict[str, float] = {}

        def progress(stage: str, done: int, total: int) -> None:
            times.setdefault(stage, time.perf_counter())

        start = time.perf_counter()
        batch = import_job_run(batch_id=batch.pk, progress=progress, chain=False)
        end = time.perf_counter()
        write_start = times.get("importing", start)
        self.stdout.write(
            f"{batch.rows_created} articles ({path.stat().st_size / 1e6:.1f} MB CSV), "
            f"batch size {options['batch_size']}: {n / (end - start):.0f} articles/s read+write, "
            f"{n / (end - write_start):.0f} articles/s writing "
            f"({end - start:.1f} s)"
        )
        if options["extract"]:
            ImportBatch.objects.filter(pk=batch.pk).update(stage="extracting", status="running")
            t = time.perf_counter()
            before = peak_rss_mb()
            batch = import_job_extract(batch_id=batch.pk)
            self.stdout.write(
                f"extraction and linking: {batch.extract_done / (time.perf_counter() - t):.1f} articles/s "
                f"({batch.extract_done} articles); peak RSS {peak_rss_mb():.0f} MB "
                f"({before:.0f} MB before the follow-up; resource.getrusage ru_maxrss of this process)"
            )
        if not options["keep"]:
            Article.history.filter(import_batch_id=batch.pk).delete()
            Article.objects.filter(import_batch=batch).delete()
            batch.delete()

    def _stream(self, folder: Path, megabytes: int) -> None:
        path = folder / "stream.csv"
        row = "https://bench.example/s/{i},Title {i},Outlet,2025-03-17," + "x" * 900 + "\n"
        with path.open("w", encoding="utf-8") as handle:
            handle.write("url,title,outlet,published,body\n")
            i = 0
            while handle.tell() < megabytes * 1024 * 1024:
                handle.write(row.format(i=i))
                i += 1
        before = peak_rss_mb()
        t = time.perf_counter()
        count = sum(1 for _ in iter_rows([path], limits=Limits(10**12, 10**9, 10**12, 100, 10**6)))
        self.stdout.write(
            f"streamed {count} rows of a {path.stat().st_size / 1e6:.0f} MB CSV "
            f"in {time.perf_counter() - t:.1f} s: "
            f"peak RSS {peak_rss_mb():.0f} MB (was {before:.0f} MB before reading)"
        )
