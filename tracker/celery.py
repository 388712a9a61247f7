"""The Celery app: one Celery task per named task of tracker.tasks (e.g. "imports.run"), nothing else.

tracker.tasks registers each named task here as it is declared; this module imports nothing of it.

A message can only name a registered task; its arguments are checked (tracker.tasks.Task.clean) before
the one service behind it runs. A message naming anything else, such as the generic "tracker.run_task"
of old, is refused by the worker as unregistered and never imports or runs what it names.

Start a worker (with Redis at CELERY_BROKER_URL) with:
    CELERY_BROKER_URL=redis://127.0.0.1:6379/0 .venv/bin/celery -A tracker.celery worker --loglevel=info

Tasks are acknowledged only after they finish (acks_late) and re-queued if the worker dies, so every
task function must be idempotent (see tracker.tasks). A pool process that dies (OOM killer, kill -9)
has its task re-queued at once (task_reject_on_worker_lost); when the whole worker dies, Redis hands
the unacknowledged task to another worker once CELERY_VISIBILITY_TIMEOUT seconds (default one hour)
have passed since it was delivered, or at once to a worker started after that. A task still running
then gets a second delivery: import jobs hold a lease (IMPORT_JOB_LEASE), so the copy only checks back
later, and takes the job over if the first worker has stopped.
"""

from __future__ import annotations

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")

app = Celery("tracker")
app.conf.update(
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    worker_prefetch_multiplier=1,  # long tasks: a worker takes one at a time, the rest wait for free workers
    task_serializer="json",
    accept_content=["json"],
    result_serializer="json",
    task_ignore_result=True,
    # The queue tasks are sent to (and a worker started without -Q reads): tests and drills use their own.
    task_default_queue=os.environ.get("CELERY_QUEUE", "celery"),
    broker_connection_retry_on_startup=True,
    broker_transport_options={
        "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "3600")),
        # How often a worker looks for tasks a dead worker left unacknowledged (seconds).
        "unacked_restore_interval": int(os.environ.get("CELERY_UNACKED_RESTORE_INTERVAL", "10")),
        "unacked_restore_throttle": 1,
    },
)


def _broker_url() -> str:
    """CELERY_BROKER_URL from Django settings when they are loaded, else from the environment."""
    from django.conf import settings

    try:
        return settings.CELERY_BROKER_URL or os.environ.get("CELERY_BROKER_URL", "")
    except Exception:  # settings not importable here: the environment decides
        return os.environ.get("CELERY_BROKER_URL", "")


app.conf.broker_url = _broker_url()


# The modules whose @task functions a worker registers at start (after django.setup()).
app.conf.imports = ("sources.tasks", "claims.tasks")
