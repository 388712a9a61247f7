"""A real Celery worker on the Redis broker runs an import job queued through tracker.tasks.enqueue."""

from __future__ import annotations

import socket
import time
import uuid

import pytest

from sources.models import Article, ImportBatch

from .conftest import article_rows, csv_bytes

REDIS = ("127.0.0.1", 6379)


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
