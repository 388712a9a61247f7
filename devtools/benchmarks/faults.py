"""Fault drill: an import in a real Celery worker, disturbed on purpose (see `manage.py fault_drill`).

1. kill -9 of the whole worker (main process and pool) half way: a new worker is started and the task
   Redis still holds unacknowledged is delivered to it (acks_late, visibility timeout); it goes on from
   the job's cursor.
2. kill -9 of the pool process only (what the OOM killer does): the worker re-queues the task at once
   (task_reject_on_worker_lost); it checks back after the job's lease and goes on.
3. the worker's database sessions ended half way (pg_terminate_backend on the sessions of the drill's
   workers only, named by application_name): the task reconnects with backoff and goes on.
4. with `--restart-postgres` only: the PostgreSQL server restarted half way (pg_ctlcluster ... restart),
   which ends every session on the server, the drill's own included.

After each: rows in, duplicates, the job's state and the time to recover, then the same file imported
again (everything must be skipped). Articles get URLs and texts of their own per run and are deleted
at the end unless `keep`.
"""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[2]  # the repository, where manage.py is
DRILL_URL = "https://fault-drill.example"
WORKER_APP = "fault-drill-worker"  # the application_name of the drill workers' database sessions


def write_csv(path: Path, n: int, *, tag: str) -> None:
    """n synthetic articles with URLs and texts unique to `tag`."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "title", "outlet", "published", "body"])
        for i in range(n):
            writer.writerow(
                [
                    f"{DRILL_URL}/{tag}/{i}",
                    f"Drill article {i}",
                    "Fault drill outlet",
                    "2025-03-17",
                    f"PORTVILLE - Drill {tag} ship {i} docked on Saturday, the harbour authority said. "
                    f"About {i % 300 + 20} workers unloaded it over two days, officials said. " * 3,
                ]
            )


def db_call[T](fn: Callable[[], T], *, attempts: int = 60) -> T:
    """`fn()` on the drill's own connection, reconnecting while the database is away (a restart)."""
    from django.db import InterfaceError, OperationalError

    from sources.importing.service import drop_connection

    for attempt in range(attempts):
        try:
            return fn()
        except (OperationalError, InterfaceError):
            drop_connection()
            if attempt == attempts - 1:
                raise
            time.sleep(0.5)
    raise AssertionError("unreachable")


def job(pk: int) -> Any:
    from sources.models import ImportBatch

    return db_call(lambda: ImportBatch.objects.get(pk=pk))


def wait(check: Callable[[], bool], seconds: float, what: str) -> float:
    """Poll `check` until it holds; returns the time it took (RuntimeError after `seconds`)."""
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if check():
            return time.monotonic() - start
        time.sleep(0.05)
    raise RuntimeError(f"gave up after {seconds:.0f} s waiting for {what}")


def children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        text = (task / "children").read_text().split() if (task / "children").exists() else []
        found += [int(p) for p in text]
    return found


class Drill:
    def __init__(self, *, articles: int, batch_size: int, pause: float, lease: float, visibility: int,
                 broker: str, out: Callable[[str], None]) -> None:  # fmt: skip
        from django.conf import settings
        from django.db import connection

        from tracker.celery import app

        self.n, self.batch_size, self.out = articles, batch_size, out
        self.folder = Path(tempfile.mkdtemp(prefix="fault-drill-"))
        self.queue = f"fault-drill-{uuid.uuid4().hex[:8]}"  # our own queue: no other worker takes the tasks
        self.log = self.folder / "workers.log"
        db = connection.settings_dict
        auth = quote(db["USER"]) + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
        self.env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
            f"?application_name={WORKER_APP}",
            "CELERY_BROKER_URL": broker,
            "CELERY_QUEUE": self.queue,  # follow-up tasks (check-backs) stay on the drill's queue
            "MEDIA_ROOT": str(self.folder / "media"),
            "DEVTOOLS": "1",  # the worker loads devtools, which slows its chunks down (devtools.hooks)
            "DEVTOOLS_IMPORT_CHUNK_PAUSE": str(pause),
            "IMPORT_JOB_LEASE": str(lease),
            "CELERY_VISIBILITY_TIMEOUT": str(visibility),
            "CELERY_UNACKED_RESTORE_INTERVAL": "1",
        }
        settings.MEDIA_ROOT = self.folder / "media"
        settings.CELERY_BROKER_URL = broker
        settings.TASKS_RUN_IN_PROCESS = False
        app.conf.update(broker_url=broker, task_default_queue=self.queue, task_always_eager=False)
        self.workers: list[subprocess.Popen] = []
        self.tags: list[str] = []

    # -- workers -----------------------------------------------------------------------------------
    def start_worker(self) -> subprocess.Popen:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "tracker.celery", "worker", "--pool", "prefork", "-c", "1",
             "-Q", self.queue, "-n", f"{self.queue}-{len(self.workers)}@%h", "--without-gossip",
             "--without-mingle", "--loglevel", "info"],
            cwd=ROOT, env=self.env, stdout=self.log.open("ab"), stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        self.workers.append(worker)
        return worker

    def stop_workers(self) -> None:
        for worker in self.workers:
            if worker.poll() is None:
                os.kill(worker.pid, signal.SIGTERM)  # warm shutdown: the task under way finishes
                try:
                    worker.wait(20)
                except subprocess.TimeoutExpired:
                    os.killpg(worker.pid, signal.SIGKILL)
        from tracker.celery import app

        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(self.queue)

    # -- one import --------------------------------------------------------------------------------
    def start_import(self, tag: str, *, batch_size: int | None = None) -> tuple[Path, int]:
        from sources.importing.service import import_job_create, import_job_start

        path = self.folder / f"{tag}.csv"
        if not path.exists():
            write_csv(path, self.n, tag=tag)
            self.tags.append(tag)
        batch = import_job_create(paths=[path], name=f"fault drill {tag}", extract=False,
                                  batch_size=batch_size or self.batch_size)  # fmt: skip
        import_job_start(batch=batch)
        return path, batch.pk

    def half_way(self, pk: int) -> None:
        wait(lambda: job(pk).committed_rows >= self.n * 0.3, 300, "the first third of the rows")

    def outcome(self, pk: int, tag: str) -> dict[str, Any]:
        from django.db.models import Count

        from sources.models import Article

        def count() -> dict[str, Any]:
            mine = Article.objects.filter(url__startswith=f"{DRILL_URL}/{tag}/")
            twice = mine.values("content_hash").annotate(k=Count("pk")).filter(k__gt=1).count()
            return {"articles": mine.count(), "duplicate_texts": twice}

        batch = job(pk)
        return {
            "status": batch.status,
            "committed": batch.committed_rows,
            "created": batch.rows_created,
            "skipped": batch.rows_skipped,
            "message": batch.message,
            **db_call(count),
        }

    def report(self, title: str, result: dict[str, Any], **timing: float) -> None:
        ok = (
            result["status"] == "done"
            and result["articles"] == self.n
            and result["duplicate_texts"] == 0
            and result["created"] == self.n
        )
        self.out(f"{title}: {'OK' if ok else 'PROBLEM'}")
        self.out(
            f"  rows in {self.n}, articles stored {result['articles']}, duplicates {result['duplicate_texts']}, "
            f"job {result['status']} (committed {result['committed']}, created {result['created']}, "
            f"skipped {result['skipped']}){' - ' + result['message'] if result['message'] else ''}"
        )
        self.out("  " + ", ".join(f"{k.replace('_', ' ')} {v:.1f} s" for k, v in timing.items()))

    def rerun(self, path: Path, tag: str) -> None:
        _, pk = self.start_import(tag, batch_size=500)
        wait(lambda: job(pk).status in ("done", "failed"), 300, "the re-run")
        result = self.outcome(pk, tag)
        self.out(
            f"  same file again: created {result['created']}, skipped {result['skipped']} of {self.n}; "
            f"articles stored {result['articles']}"
        )

    # -- scenarios ---------------------------------------------------------------------------------
    def kill_worker(self) -> None:
        worker = self.start_worker()
        tag = f"kill-{uuid.uuid4().hex[:6]}"
        path, pk = self.start_import(tag)
        self.half_way(pk)
        os.killpg(worker.pid, signal.SIGKILL)
        killed_at, at_kill = time.monotonic(), job(pk).committed_rows
        worker.wait()
        self.out(f"kill -9 of the worker at {at_kill} of {self.n} rows (job left {job(pk).status!r})")
        self.start_worker()
        wait(lambda: job(pk).committed_rows > at_kill, 300, "the job to go on")
        resumed = time.monotonic() - killed_at
        wait(lambda: job(pk).status in ("done", "failed"), 600, "the job to finish")
        self.report(
            "worker killed", self.outcome(pk, tag), to_resume=resumed, to_finish=time.monotonic() - killed_at
        )
        self.rerun(path, tag)

    def kill_pool_process(self) -> None:
        worker = next(w for w in reversed(self.workers) if w.poll() is None)
        tag = f"child-{uuid.uuid4().hex[:6]}"
        path, pk = self.start_import(tag)
        self.half_way(pk)
        pool = children(worker.pid)
        for pid in pool:
            os.kill(pid, signal.SIGKILL)
        killed_at, at_kill = time.monotonic(), job(pk).committed_rows
        self.out(f"kill -9 of the pool process {pool} at {at_kill} of {self.n} rows")
        wait(lambda: job(pk).committed_rows > at_kill, 300, "the job to go on")
        resumed = time.monotonic() - killed_at
        wait(lambda: job(pk).status in ("done", "failed"), 600, "the job to finish")
        self.report(
            "pool process killed",
            self.outcome(pk, tag),
            to_resume=resumed,
            to_finish=time.monotonic() - killed_at,
        )
        self.rerun(path, tag)

    def database_outage(self, *, restart: bool) -> None:
        from django.db import connection

        tag = f"{'pg' if restart else 'term'}-{uuid.uuid4().hex[:6]}"
        path, pk = self.start_import(tag)
        self.half_way(pk)
        at_fault = job(pk).committed_rows
        started = time.monotonic()
        if restart:
            version = sorted(os.listdir("/etc/postgresql"))[-1]
            what = f"PostgreSQL {version}/main restarted"
            self.out(f"{what} at {at_fault} of {self.n} rows, {time.strftime('%H:%M:%S %Z')}")
            command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"]
            subprocess.run(command, check=True, timeout=120)
        else:
            what = "worker's database sessions ended"
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = %s",
                    [WORKER_APP],
                )
                ended = cursor.fetchone()[0]
            self.out(
                f"pg_terminate_backend of the worker's {ended} session(s) at {at_fault} of {self.n} rows"
            )
        outage = time.monotonic() - started
        wait(lambda: job(pk).committed_rows > at_fault, 300, "the job to go on")
        resumed = time.monotonic() - started
        wait(lambda: job(pk).status in ("done", "failed"), 600, "the job to finish")
        retries = self.log.read_text(errors="replace").count(f"import job {pk}: database connection lost")
        self.report(
            f"{what} (the worker reconnected after {retries} failed attempt(s))",
            self.outcome(pk, tag),
            outage=outage,
            to_resume=resumed,
            to_finish=time.monotonic() - started,
        )
        self.rerun(path, tag)

    def clean_up(self) -> None:
        from sources.models import Article, ImportBatch, Outlet

        def delete() -> None:
            for tag in self.tags:
                Article.objects.filter(url__startswith=f"{DRILL_URL}/{tag}/").delete()
            ImportBatch.objects.filter(name__startswith="fault drill ").delete()
            Outlet.objects.filter(name="Fault drill outlet", articles__isnull=True).delete()

        db_call(delete)
        shutil.rmtree(self.folder / "media", ignore_errors=True)
        for tag in self.tags:
            (self.folder / f"{tag}.csv").unlink(missing_ok=True)
