"""Background work runs only named tasks with checked arguments (issue 18, finding 1).

The old generic task "tracker.run_task" imported whatever dotted path a message named: a raw message on
Redis made a worker run `subprocess.run`. Now a worker knows only the registered task names; a message
naming anything else is refused, and a named task refuses arguments that are not a positive batch id.
"""

from __future__ import annotations

import socket
import time
import uuid

import pytest

from sources.models import Article, ImportBatch
from tracker.tasks import REGISTRY, TaskArgumentError, enqueue, enqueue_later

BAD_ARGUMENTS = [
    {"batch_id": "1"},
    {"batch_id": "1; id"},
    {"batch_id": -1},
    {"batch_id": 0},
    {"batch_id": 2**70},
    {"batch_id": 1.0},
    {"batch_id": True},
    {"batch_id": None},
    {"batch_id": [1]},
    {},
    {"batch_id": 1, "path": "subprocess.run"},
]


def three_articles_csv() -> bytes:
    rows = [
        f"https://harbour-times.example/{i},Ship {i} docks,Harbour Times,2025-03-17,"
        f"PORTVILLE - Ship {i} docked on Saturday with {i + 40} containers.\n"
        for i in range(3)
    ]
    return ("url,title,outlet,published,body\n" + "".join(rows)).encode()


def redis_reachable() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_the_worker_knows_only_the_named_tasks():
    """Celery's own registry: the import tasks by name, no generic runner, nothing else of ours."""
    import claims.tasks  # noqa: F401  (what a worker imports at start: tracker.celery's conf.imports)
    import sources.tasks  # noqa: F401
    from tracker.celery import app

    ours = {name for name in app.tasks if not name.startswith("celery.")}
    assert ours == {"imports.run", "imports.extract", "claims.link_article"} == set(REGISTRY)
    assert "tracker.run_task" not in app.tasks
    assert {"sources.tasks", "claims.tasks"} <= set(app.conf.imports)


@pytest.mark.parametrize("kwargs", BAD_ARGUMENTS)
@pytest.mark.django_db
def test_named_tasks_refuse_bad_arguments(kwargs, settings):
    """Refused before anything is queued (with or without a broker) and again where the task runs."""
    from claims.tasks import article_link_task, import_job_extract_task
    from sources.tasks import import_job_run_task

    renamed = {k.replace("batch_id", "article_id"): v for k, v in kwargs.items()}
    for broker in (False, True):
        settings.TASKS_RUN_IN_PROCESS = not broker
        for named, args in (
            (import_job_run_task, kwargs),
            (import_job_extract_task, kwargs),
            (article_link_task, renamed),
        ):
            with pytest.raises(TaskArgumentError):
                enqueue(named, **args)
            with pytest.raises(TaskArgumentError):
                enqueue_later(5, named, **args)
            with pytest.raises(TaskArgumentError):
                named(**args)  # what the worker calls with a message's arguments


def test_only_registered_tasks_can_be_queued(settings):
    settings.TASKS_RUN_IN_PROCESS = False
    for name in ("tracker.run_task", "subprocess.run", "os.system"):
        with pytest.raises(TaskArgumentError):
            enqueue(name, batch_id=1)


@pytest.mark.django_db(transaction=True)
def test_a_raw_message_naming_the_old_generic_task_is_not_run(tmp_path, settings):
    """Raw messages on Redis naming "tracker.run_task" with subprocess.run (and subprocess.run itself,
    and a named task with a hostile argument) run nothing; the named task queued after them, read by
    the same one-at-a-time worker, runs the import."""
    if not redis_reachable():
        pytest.skip("Redis is not reachable at 127.0.0.1:6379; start redis-server to run this test")
    from celery.contrib.testing.worker import start_worker

    from sources.importing.service import import_job_create, import_job_start
    from tracker.celery import app

    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/15"
    settings.TASKS_RUN_IN_PROCESS = False
    queue = f"test-tasks-{uuid.uuid4().hex[:8]}"
    app.conf.update(broker_url=settings.CELERY_BROKER_URL, task_default_queue=queue, task_always_eager=False)
    marker = tmp_path / "pwned"
    command = {"args": ["sh", "-c", f"touch {marker}"]}
    path = tmp_path / "a.csv"
    path.write_bytes(three_articles_csv())
    batch = import_job_create(paths=[path], extract=False)
    # What an attacker on the broker sends: the old generic task, the function itself, bad arguments.
    app.send_task("tracker.run_task", args=["subprocess.run", command])
    app.send_task("tracker.run_task", kwargs={"path": "subprocess.run", "kwargs": command})
    app.send_task("subprocess.run", kwargs=command)
    app.send_task("imports.run", kwargs={"batch_id": f"{batch.pk}", **command})
    app.send_task("imports.run", kwargs={"batch_id": -batch.pk})
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, queues=[queue], shutdown_timeout=10):
            time.sleep(1)
            assert ImportBatch.objects.get(pk=batch.pk).status == "pending"  # the hostile ones ran nothing
            import_job_start(batch=batch)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline and ImportBatch.objects.get(pk=batch.pk).status != "done":
                time.sleep(0.2)
    finally:
        with app.connection_for_write() as conn:
            conn.default_channel.queue_purge(queue)
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 3), batch.message
    assert Article.objects.count() == 3
    assert not marker.exists()
