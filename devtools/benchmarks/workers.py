"""The import's follow-up (extraction, then linking) on real Celery worker processes: `bench --parts
import --workers N`.

The synthetic articles are imported as N jobs (shards of one corpus) in this process; their follow-ups
are then queued on a private queue read by 1 worker, and again (a fresh corpus of the same size) by N
workers, each a separate `celery worker --pool solo` process with the models loaded before the clock
starts (DEVTOOLS_WARM_WORKER, devtools.apps). Extraction is timed until every job has left the
extracting stage, the whole follow-up until every job is done. The workers write events and links under
the linking lock (claims.services.linking.linking_lock), so their links and events are checked after
the run: no pair stored twice, no article in two events. PostgreSQL only: the workers need a database
they can share.
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import quote

from .importing import write_corpus_csv

ROOT = Path(__file__).resolve().parents[2]


class WorkerPool:
    """N worker processes on a private queue of the broker, started warm, stopped warm."""

    def __init__(self, n: int, *, broker: str, folder: Path) -> None:
        from django.conf import settings
        from django.db import connection

        from tracker.celery import app

        self.queue = f"bench-{uuid.uuid4().hex[:8]}"
        db = connection.settings_dict
        auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
            "CELERY_BROKER_URL": broker,
            "CELERY_QUEUE": self.queue,
            "MEDIA_ROOT": str(folder / "media"),
            "DEVTOOLS": "1",
            "DEVTOOLS_WARM_WORKER": "1",
            "TRACKER_ENCODER_THREADS": "1",
        }
        settings.CELERY_BROKER_URL = broker
        settings.TASKS_RUN_IN_PROCESS = False
        app.conf.update(broker_url=broker, task_default_queue=self.queue, task_always_eager=False)
        self.app = app
        self.names = [f"{self.queue}-{i}@bench" for i in range(n)]
        log = (folder / "workers.log").open("ab")
        self.workers = [self._start(name, env, log) for name in self.names]

    def _start(self, name: str, env: dict[str, str], log) -> subprocess.Popen:
        command = [sys.executable, "-m", "celery", "-A", "tracker.celery", "worker", "--pool", "solo",
                   "-Q", self.queue, "-n", name, "--without-gossip", "--without-mingle", "--loglevel", "warning"]  # fmt: skip
        return subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ready(self, timeout: float = 300) -> None:
        """Until every worker answers a ping (they answer once their models are loaded)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            replies = self.app.control.ping(destination=self.names, timeout=1.0) or []
            if {name for reply in replies for name in reply} >= set(self.names):
                return
            if any(w.poll() is not None for w in self.workers):
                raise RuntimeError("a benchmark worker exited at start (see workers.log)")
        raise RuntimeError(f"the workers were not ready after {timeout:.0f} s")

    def stop(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                os.kill(worker.pid, signal.SIGTERM)
        for worker in self.workers:
            try:
                worker.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(worker.pid, signal.SIGKILL)
                worker.wait()
        with self.app.connection_for_write() as conn:
            conn.default_channel.queue_purge(self.queue)


def _import_shards(folder: Path, n_articles: int, shards: int, seed: int) -> list[int]:
    """Import the corpus as `shards` jobs, rows only; returns their ids, handed over to the follow-up."""
    from sources.importing.service import import_job_create, import_job_run
    from sources.models import ImportBatch

    ids = []
    per = -(-n_articles // shards)
    for shard in range(shards):
        path = folder / f"shard-{seed}-{shard}.csv"
        write_corpus_csv(path, min(per, n_articles - shard * per), seed=seed * 100 + shard)
        batch = import_job_create(paths=[path], extract=False, name=f"benchmark shard {shard}")
        batch = import_job_run(batch_id=batch.pk, chain=False)
        ids.append(batch.pk)
    # as the import hands a job over when extraction is asked for (sources.importing.service._run)
    ImportBatch.objects.filter(pk__in=ids).update(stage="extracting", status="running", runner="")
    return ids


def _run(pool: WorkerPool, ids: list[int], timeout: float) -> dict[str, float]:
    """Queue the follow-ups of jobs `ids`; seconds until all extracted, and until all done."""
    from sources.importing.service import FOLLOWUP_TASK
    from sources.models import ImportBatch
    from tracker.tasks import enqueue

    jobs = ImportBatch.objects.filter(pk__in=ids)
    started = time.perf_counter()
    for pk in ids:
        enqueue(FOLLOWUP_TASK, batch_id=pk)
    extracted = None
    deadline = started + timeout
    while time.perf_counter() < deadline:
        stages = list(jobs.values_list("stage", "status"))
        if extracted is None and all(stage != "extracting" for stage, _ in stages):
            extracted = time.perf_counter() - started
        if all(status in ("done", "failed", "cancelled") for _, status in stages):
            break
        time.sleep(0.25)
    else:
        raise RuntimeError(f"the follow-up did not finish in {timeout:.0f} s")
    failed = list(jobs.exclude(status="done").values_list("pk", "message"))
    if failed:
        raise RuntimeError(f"follow-ups failed: {failed}")
    return {"extract_seconds": extracted or 0.0, "seconds": time.perf_counter() - started}


def _consistency() -> dict[str, int]:
    """Links stored twice (the table's constraint forbids it) and articles in more than one event."""
    from collections import Counter

    from claims.models import ClaimLink, Event

    pairs = Counter(ClaimLink.objects.values_list("claim_a_id", "claim_b_id"))
    placed = Counter(Event.articles.through.objects.values_list("article_id", flat=True))
    return {
        "duplicate_links": sum(1 for n in pairs.values() if n > 1),
        "articles_in_two_events": sum(1 for n in placed.values() if n > 1),
    }


def followup_on_workers(n_articles: int, workers: int, *, broker: str, timeout: float = 3600) -> dict:
    """Extraction and follow-up rates on 1 worker and on `workers` workers (each run a fresh corpus
    of n_articles in `workers` jobs), the speed-up, the largest worker's peak RSS, and the consistency
    checks. The JSON keys of `bench --workers`."""
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit(
            "--workers needs PostgreSQL (DATABASE_URL=postgres://...): workers share the database"
        )
    out: dict[str, object] = {"workers": workers, "workers_articles": n_articles}
    with tempfile.TemporaryDirectory(prefix="bench-workers-") as name:
        folder = Path(name)
        seed = time.time_ns() % 1_000_000
        for count in (1, workers):
            ids = _import_shards(folder, n_articles, workers, seed + count)
            pool = WorkerPool(count, broker=broker, folder=folder)
            try:
                pool.wait_ready()
                timing = _run(pool, ids, timeout)
            finally:
                pool.stop()
            out[f"workers_{count}_extract_articles_per_s"] = round(n_articles / timing["extract_seconds"], 2)
            out[f"workers_{count}_followup_articles_per_s"] = round(n_articles / timing["seconds"], 2)
    one, many = out["workers_1_extract_articles_per_s"], out[f"workers_{workers}_extract_articles_per_s"]
    out["workers_extract_speedup"] = round(float(many) / float(one), 2)  # type: ignore[arg-type]
    one, many = out["workers_1_followup_articles_per_s"], out[f"workers_{workers}_followup_articles_per_s"]
    out["workers_followup_speedup"] = round(float(many) / float(one), 2)  # type: ignore[arg-type]
    # the workers have exited and been waited for: the largest one's peak resident memory
    out["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    out.update(_consistency())
    return out
