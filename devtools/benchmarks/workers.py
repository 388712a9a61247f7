"""The import's follow-up (extraction, then linking) on real Celery worker processes: `bench --parts
import --workers N`.

The synthetic articles are imported as N jobs (shards of one corpus) in this process; their follow-ups
are then queued on a private queue read by 1 worker, and again (a fresh corpus of the same size) by N
workers, each a separate `celery worker --pool solo` process with the models loaded before the clock
starts (DEVTOOLS_WARM_WORKER, devtools.apps). On N workers extraction is timed until every job has
left the extracting stage; on 1 worker (one job after the other, each extracted then linked) as the sum
of the jobs' extraction spans, so the first job's linking is not counted as extraction. The whole
follow-up is timed until every job is done. Each worker's CPU time (/proc, user + system) is read as
well: on a loaded machine two workers do not get two cores, and the CPU figures show what they would
do with one each (the largest worker's CPU seconds set the pace; PostgreSQL's own CPU is not in them).
Waits for the linking locks are sampled at each poll (pg_locks: advisory locks not granted). The workers write events and links under
advisory locks (claims.services.linking: placement, then one per event), so their links and events are checked after
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

    def cpu_seconds(self) -> list[float]:
        """Each worker's CPU time so far (user + system, seconds), from /proc (Linux)."""
        tick = os.sysconf("SC_CLK_TCK")
        out = []
        for worker in self.workers:
            try:
                fields = Path(f"/proc/{worker.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                out.append(float("nan"))
                continue
            out.append((int(fields[11]) + int(fields[12])) / tick)  # utime, stime (fields 14, 15)
        return out

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
    """Queue the follow-ups of jobs `ids`; seconds until all extracted and until all done, the sum of
    the jobs' extraction spans (taken by a runner until out of the extracting stage), and the workers'
    CPU seconds over the same: `*_cpu` the sum over the spans (meant for one worker), `*_cpu_max` the
    largest worker's from the start."""
    from sources.importing.service import FOLLOWUP_TASK
    from sources.models import ImportBatch
    from tracker.tasks import enqueue

    jobs = ImportBatch.objects.filter(pk__in=ids)
    cpu_start = pool.cpu_seconds()
    started = time.perf_counter()
    for pk in ids:
        enqueue(FOLLOWUP_TASK, batch_id=pk)
    extracted = None
    waits, polled = [0.0, 0.0], started  # seconds workers waited for the placement lock, for the others
    began: dict[int, tuple[float, float]] = {}  # job -> (time, all workers' CPU) when a runner took it
    spans = {"extract_span_seconds": 0.0, "extract_span_cpu": 0.0}
    out: dict[str, float] = {}
    deadline = started + timeout
    while time.perf_counter() < deadline:
        rows = list(jobs.values_list("pk", "stage", "status", "runner"))
        now, cpu = time.perf_counter(), sum(pool.cpu_seconds())
        for i, waiting in enumerate(_lock_waiting()):  # sampled: a wait seen counts since the last poll
            waits[i] += waiting * (now - polled)
        polled = now
        for pk, stage, _, runner in rows:
            if stage == "extracting" and runner and pk not in began:
                began[pk] = (now, cpu)
            elif stage != "extracting" and pk in began:
                then, then_cpu = began.pop(pk)
                spans["extract_span_seconds"] += now - then
                spans["extract_span_cpu"] += cpu - then_cpu
        if extracted is None and all(stage != "extracting" for _, stage, _, _ in rows):
            extracted = now - started
            out["extract_cpu_max"] = max(b - a for a, b in zip(cpu_start, pool.cpu_seconds(), strict=True))
        if all(status in ("done", "failed", "cancelled") for _, _, status, _ in rows):
            break
        time.sleep(0.25)
    else:
        raise RuntimeError(f"the follow-up did not finish in {timeout:.0f} s")
    failed = list(jobs.exclude(status="done").values_list("pk", "message"))
    if failed:
        raise RuntimeError(f"follow-ups failed: {failed}")
    out["cpu_max"] = max(b - a for a, b in zip(cpu_start, pool.cpu_seconds(), strict=True))
    out["cpu"] = sum(pool.cpu_seconds()) - sum(cpu_start)
    out["lock_wait_seconds"] = round(sum(waits), 1)
    out["placement_lock_wait_seconds"] = round(waits[0], 1)
    return {"extract_seconds": extracted or 0.0, "seconds": time.perf_counter() - started, **spans, **out}


def _lock_waiting() -> tuple[int, int]:
    """Connections waiting for an advisory lock (the linking locks) on this database just now: for the
    placement lock, and for the others (the all-events lock and events' locks)."""
    from django.db import connection

    from claims.services.linking import PLACEMENT_LOCK

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE classid = 0 AND objid = %s), count(*) FROM pg_locks"
            " WHERE locktype = 'advisory' AND NOT granted"
            " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())",
            [PLACEMENT_LOCK],
        )
        placement, waiting = cursor.fetchone()
        return placement, waiting - placement


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
        runs: dict[int, dict[str, float]] = {}
        for count in (1, workers):
            ids = _import_shards(folder, n_articles, workers, seed + count)
            pool = WorkerPool(count, broker=broker, folder=folder)
            try:
                pool.wait_ready()
                timing = _run(pool, ids, timeout)
            finally:
                pool.stop()
            runs[count] = timing
            # one worker: its jobs' extraction spans (not the first job's linking between them)
            extract = timing["extract_span_seconds"] if count == 1 else timing["extract_seconds"]
            out[f"workers_{count}_extract_articles_per_s"] = round(n_articles / extract, 2)
            out[f"workers_{count}_followup_articles_per_s"] = round(n_articles / timing["seconds"], 2)
            out[f"workers_{count}_followup_cpu_s"] = round(timing["cpu"], 1)
            out[f"workers_{count}_lock_wait_s"] = timing["lock_wait_seconds"]
            out[f"workers_{count}_placement_lock_wait_s"] = timing["placement_lock_wait_seconds"]
    one, many = out["workers_1_extract_articles_per_s"], out[f"workers_{workers}_extract_articles_per_s"]
    out["workers_extract_speedup"] = round(float(many) / float(one), 2)  # type: ignore[arg-type]
    # as measured before: one worker's time until all were extracted (its first job's linking included)
    until_all = runs[1]["extract_seconds"] / runs[workers]["extract_seconds"]
    out["workers_extract_speedup_until_all"] = round(until_all, 2)
    one, many = out["workers_1_followup_articles_per_s"], out[f"workers_{workers}_followup_articles_per_s"]
    out["workers_followup_speedup"] = round(float(many) / float(one), 2)  # type: ignore[arg-type]
    # with a core each, N workers take as long as their busiest one's CPU time: one worker's CPU seconds
    # over that (an upper bound of the extraction's: a worker done extracting first goes on linking)
    single, multi = runs[1], runs[workers]
    out["workers_extract_cpu_speedup"] = round(single["extract_span_cpu"] / multi["extract_cpu_max"], 2)
    out["workers_followup_cpu_speedup"] = round(single["cpu"] / multi["cpu_max"], 2)
    out["workers_load_average"] = round(os.getloadavg()[0], 1)  # the machine's, at the end
    # the workers have exited and been waited for: the largest one's peak resident memory
    out["worker_peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1)
    out.update(_consistency())
    return out
