"""The one seam for background work.

`enqueue(fn, **kwargs)` runs `fn` now, in this process, when no broker is configured (the embedded
default), and hands it to a Celery worker when CELERY_BROKER_URL is set. Task functions only call a
service, take keyword arguments of plain JSON types, and must be safe to run twice.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from django.conf import settings


def task_path(fn: Callable[..., Any]) -> str:
    """The dotted import path of a module-level function."""
    return f"{fn.__module__}.{fn.__qualname__}"


def run_task(path: str, kwargs: dict[str, Any]) -> Any:
    """Import the function at `path` and call it with `kwargs`; returns what it returns."""
    module_name, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module_name), name)(**kwargs)


def enqueue(fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Run `fn(**kwargs)` in-process (returns its result) or queue it on Celery (returns the async result)."""
    if settings.TASKS_RUN_IN_PROCESS:
        return fn(**kwargs)
    from tracker.celery import app  # imported lazily: Celery is only needed with a broker

    return app.send_task("tracker.run_task", args=[task_path(fn), kwargs])


def enqueue_later(delay: float, fn: Callable[..., Any], **kwargs: Any) -> Any:
    """Queue `fn(**kwargs)` to run in `delay` seconds on Celery; without a broker nothing is queued (None).

    For checking back on work another worker holds: in-process there is no other worker to wait for.
    """
    if settings.TASKS_RUN_IN_PROCESS:
        return None
    from tracker.celery import app

    return app.send_task("tracker.run_task", args=[task_path(fn), kwargs], countdown=delay)
