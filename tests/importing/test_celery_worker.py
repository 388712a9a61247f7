"""A real Celery worker on the Redis broker runs an import job queued through tracker.tasks.enqueue;
a worker killed with kill -9 in the middle of a job has its task finished by the next worker."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from sources.models import Article, ImportBatch

from .conftest import article_rows, csv_bytes

REDIS = ("127.0.0.1", 6379)
WORKER = [sys.executable, "-m", "celery", "-A", "tracker.celery", "worker", "--pool", "prefork", "-c", "1"]
WORKER += ["--without-gossip", "--without-mingle", "--loglevel", "info"]


def redis_reachable() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.django_db(transaction=True)
def test_import_job_runs_on_a_celery_worker(tmp_path, settings):
    """enqueue() with a broker sends "tracker.run_task" to Redis; a worker runs the job to the end."""
    if not redis_reachable():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379; start redis-server to run this test")
    from celery.contrib.testing.worker import start_worker

    from sources.importing.service import import_job_create, import_job_start
    from tracker.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    settings.TASKS_RUN_IN_PROCESS = False
    queue = f"test-import-{uuid.uuid4().hex[:8]}"  # our own queue: no other worker takes the task
    app.conf.update(broker_url=settings.CELERY_BROKER_URL, task_default_queue=queue, task_always_eager=False)
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(5)))
    batch = import_job_create(paths=[path], extract=False)
    with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=10):
        sent = import_job_start(batch=batch)
        assert sent.id  # an AsyncResult: the job went to the broker, not run here
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            batch.refresh_from_db()
            if batch.status in ("done", "failed"):
                break
            time.sleep(0.2)
    assert (batch.status, batch.rows_created) == ("done", 5), batch.message
    assert Article.objects.filter(import_batch=batch).count() == 5
    assert ImportBatch.objects.get(pk=batch.pk).committed_rows == 5


def database_url() -> str:
    """A URL for the test database, for a worker in another process (PostgreSQL: it is shared)."""
    from django.db import connection

    params = connection.settings_dict
    auth = quote(params["USER"]) + (f":{quote(params['PASSWORD'])}" if params["PASSWORD"] else "")
    return f"postgres://{auth}@{params['HOST'] or '127.0.0.1'}:{params['PORT'] or 5432}/{params['NAME']}"


def start_worker_process(queue: str, log: Path, **env: str) -> subprocess.Popen:
    """`celery worker` (prefork, one process) in its own process group, on the test database and our queue."""
    return subprocess.Popen(
        [*WORKER, "-Q", queue, "-n", f"{queue}@%h"],
        cwd=Path(__file__).resolve().parents[2],
        env={**os.environ, **env},
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for(check, seconds: float, what: str, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}; worker log:\n{log.read_text()[-3000:]}")


def worker_setup(settings, name: str) -> tuple[str, dict[str, str]]:
    """Skip unless PostgreSQL and Redis are there; send tasks to a queue of our own; the environment
    for worker processes on the test database (short lease and visibility timeout, slowed chunks)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip(
            "a worker in another process needs a shared database: run with DATABASE_URL=postgres://..."
        )
    if not redis_reachable():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379; start redis-server to run this test")
    from tracker.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    settings.TASKS_RUN_IN_PROCESS = False
    queue = f"test-{name}-{uuid.uuid4().hex[:8]}"
    app.conf.update(broker_url=settings.CELERY_BROKER_URL, task_default_queue=queue, task_always_eager=False)
    return queue, {
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": settings.CELERY_BROKER_URL,
        "CELERY_QUEUE": queue,  # where the worker queues follow-up tasks (check-backs, extraction)
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "DEVTOOLS": "1",
        "DEVTOOLS_IMPORT_CHUNK_PAUSE": "0.1",  # slow enough to kill it half way (devtools.hooks)
        "IMPORT_JOB_LEASE": "2",
        "CELERY_VISIBILITY_TIMEOUT": "3",
        "CELERY_UNACKED_RESTORE_INTERVAL": "1",
    }


def stop_worker_process(worker: subprocess.Popen | None, queue: str = "") -> None:
    """Warm shutdown (SIGTERM to the main process: the task under way finishes); then empty our queue."""
    if worker is not None and worker.poll() is None:
        os.kill(worker.pid, signal.SIGTERM)
        try:
            worker.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
    if queue:
        from tracker.celery import app

        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(queue)


def assert_stored_once(batch: ImportBatch, n: int) -> None:
    from django.db.models import Count

    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows, batch.rows_created, batch.rows_skipped) == ("done", n, n, 0)
    assert Article.objects.count() == n
    assert not Article.objects.values("content_hash").annotate(k=Count("pk")).filter(k__gt=1).exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_worker_killed_mid_import_the_redelivered_task_finishes_the_job(tmp_path, settings):
    """kill -9 of the whole worker during an import: the unacknowledged task goes to a new worker, which
    goes on from the job's cursor. Every article is stored once, and importing the file again adds nothing."""
    from sources.importing.service import import_job_create, import_job_start

    queue, env = worker_setup(settings, "kill")
    n = 300
    path = tmp_path / "many.csv"
    path.write_bytes(csv_bytes(article_rows(n)))
    batch = import_job_create(paths=[path], extract=False, batch_size=10)
    log = tmp_path / "worker.log"
    first = start_worker_process(queue, log, **env)
    second = None
    try:
        import_job_start(batch=batch)

        def committed() -> int:
            return ImportBatch.objects.get(pk=batch.pk).committed_rows

        wait_for(lambda: committed() >= 60, 120, "the first chunks", log)
        os.killpg(first.pid, signal.SIGKILL)  # the worker and its pool process, with no chance to clean up
        first.wait(10)
        at_kill = ImportBatch.objects.get(pk=batch.pk)
        assert at_kill.status == "running" and 60 <= at_kill.committed_rows < n

        second = start_worker_process(queue, log, **env)
        wait_for(
            lambda: ImportBatch.objects.get(pk=batch.pk).status != "running", 120, "the job to finish", log
        )
        assert_stored_once(batch, n)

        rerun = import_job_create(paths=[path], extract=False, batch_size=50)
        import_job_start(batch=rerun)
        wait_for(lambda: ImportBatch.objects.get(pk=rerun.pk).status != "pending", 60, "the re-run", log)
        wait_for(lambda: ImportBatch.objects.get(pk=rerun.pk).status != "running", 60, "the re-run", log)
        rerun.refresh_from_db()
        assert (rerun.status, rerun.rows_created, rerun.rows_skipped) == ("done", 0, n)
        assert Article.objects.count() == n
    finally:
        stop_worker_process(first)
        stop_worker_process(second, queue)


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_pool_process_killed_mid_import_the_requeued_task_finishes_the_job(tmp_path, settings):
    """kill -9 of the pool process alone (what the OOM killer picks): the worker re-queues the task at once;
    the job's lease is still fresh, so the task checks back after it and then goes on from the cursor."""
    from sources.importing.service import import_job_create, import_job_start

    queue, env = worker_setup(settings, "child")
    n = 200
    path = tmp_path / "many.csv"
    path.write_bytes(csv_bytes(article_rows(n)))
    batch = import_job_create(paths=[path], extract=False, batch_size=10)
    log = tmp_path / "worker.log"
    worker = start_worker_process(queue, log, **env)
    try:
        import_job_start(batch=batch)
        wait_for(
            lambda: ImportBatch.objects.get(pk=batch.pk).committed_rows >= 40, 120, "the first chunks", log
        )
        pool = [
            int(pid) for pid in Path(f"/proc/{worker.pid}/task/{worker.pid}/children").read_text().split()
        ]
        assert pool, "the worker has no pool process"
        for pid in pool:
            os.kill(pid, signal.SIGKILL)
        wait_for(
            lambda: ImportBatch.objects.get(pk=batch.pk).status != "running", 120, "the job to finish", log
        )
        assert_stored_once(batch, n)
        assert "WorkerLostError" in log.read_text()  # the pool process did die mid-task
    finally:
        stop_worker_process(worker, queue)
