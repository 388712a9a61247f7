"""The one seam for background work: named tasks with checked arguments.

A task is a module-level function registered under a fixed name with a checker per argument:

    @task("imports.run", batch_id=positive_id)
    def import_job_run_task(*, batch_id: int) -> str: ...

`enqueue(import_job_run_task, batch_id=7)` checks the arguments, then

- with CELERY_BROKER_URL set, sends a message naming the task ("imports.run") with its plain JSON
  arguments; a worker runs only tasks registered under a name (tracker.celery), checks the arguments
  again and calls the one service the task wraps. Nothing ever imports a path named by a message;
- without a broker (the embedded default), runs it in this process on one background thread once the
  current transaction has committed, so a web request returns at once and never holds the work;
- with TASKS_SYNCHRONOUS (the tests' settings) runs it here and now and returns its result.

Task functions only call a service, take keyword arguments of plain JSON types, and must be safe to
run twice (a message may be delivered again).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections, transaction

from tracker.celery import app
from tracker.ids import MAX_ID

logger = logging.getLogger(__name__)


class TaskArgumentError(ValueError):
    """A task was given arguments it does not take, or a value its checker refuses."""


def positive_id(value: Any) -> int:
    """`value` if it is an int primary key (1 to 2**63 - 1; not a bool, string or float), else an error."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise TaskArgumentError(f"expected a positive integer id, got {value!r:.80}")
    return value


@dataclass(frozen=True)
class Task:
    """A named background task: `fn` called with arguments that `params` checks, one checker each."""

    name: str
    fn: Callable[..., Any]
    params: dict[str, Callable[[Any], Any]]

    def clean(self, kwargs: dict[str, Any]) -> dict[str, Any]:
        """The checked arguments; TaskArgumentError for a missing, unknown or refused one."""
        if not isinstance(kwargs, dict):
            raise TaskArgumentError(f"{self.name}: arguments must be keyword arguments")
        if set(kwargs) != set(self.params):
            raise TaskArgumentError(
                f"{self.name} takes {sorted(self.params)}, got {sorted(map(str, kwargs))[:10]}"
            )
        try:
            return {key: check(kwargs[key]) for key, check in self.params.items()}
        except TaskArgumentError as error:
            raise TaskArgumentError(f"{self.name}: {error}") from None

    def __call__(self, **kwargs: Any) -> Any:
        """Run the task here with checked arguments; returns what the service returns."""
        return self.fn(**self.clean(kwargs))


REGISTRY: dict[str, Task] = {}


def task(name: str, **params: Callable[[Any], Any]) -> Callable[[Callable[..., Any]], Task]:
    """Register the decorated function as the task `name`, its keyword arguments checked by `params`."""

    def register(fn: Callable[..., Any]) -> Task:
        if name in REGISTRY and REGISTRY[name].fn is not fn:
            raise ValueError(f"two tasks named {name!r}")
        registered = REGISTRY[name] = Task(name, fn, dict(params))
        _register_with_celery(registered)
        return registered

    return register


def _register_with_celery(registered: Task) -> None:
    """Make `registered` runnable by a worker under its name: the worker side, one Celery task per name."""

    def run(**kwargs: Any) -> Any:
        import django
        from django.apps import apps

        if not apps.ready:
            django.setup()
        return registered(**kwargs)  # checks the arguments, then calls the service

    run.__name__ = run.__qualname__ = registered.name.replace(".", "_")
    run.__doc__ = registered.fn.__doc__
    app.task(name=registered.name, acks_late=True, typing=False)(run)


# -- in-process runner (no broker) ------------------------------------------------------------------
_lock = threading.Lock()
_executor: ThreadPoolExecutor | None = None
_pending: set[Future] = set()


def _pool() -> ThreadPoolExecutor:
    """One background thread per process: in-process tasks run one at a time, in the order queued."""
    global _executor
    with _lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tracker-task")
        return _executor


def _run_in_thread(registered: Task, kwargs: dict[str, Any]) -> Any:
    try:
        return registered.fn(**kwargs)
    except Exception:
        logger.exception("background task %s%r failed", registered.name, kwargs)
        raise
    finally:
        connections.close_all()  # this thread's connections only: never leave one open between tasks


def _submit(registered: Task, kwargs: dict[str, Any]) -> None:
    future = _pool().submit(_run_in_thread, registered, kwargs)
    with _lock:
        _pending.add(future)
    future.add_done_callback(lambda done: _forget(done))


def _forget(future: Future) -> None:
    with _lock:
        _pending.discard(future)


def wait_for_background(timeout: float = 60) -> bool:
    """Wait until every in-process task queued so far has finished; returns False on timeout."""
    with _lock:
        pending = set(_pending)
    if not pending:
        return True
    _, not_done = wait(pending, timeout=timeout)
    return not not_done


def _resolve(fn: Task | str) -> Task:
    registered = REGISTRY.get(fn) if isinstance(fn, str) else fn
    if not isinstance(registered, Task) or REGISTRY.get(registered.name) is not registered:
        raise TaskArgumentError(f"not a registered task: {fn!r:.80}")
    return registered


def enqueue(fn: Task | str, **kwargs: Any) -> Any:
    """Queue the task (with a broker: the message's AsyncResult; in-process: None, or the task's result
    with TASKS_SYNCHRONOUS). Refuses unknown tasks and bad arguments before anything is queued."""
    registered = _resolve(fn)
    checked = registered.clean(kwargs)
    if not settings.TASKS_RUN_IN_PROCESS:
        return app.send_task(registered.name, kwargs=checked)
    if getattr(settings, "TASKS_SYNCHRONOUS", False):
        return registered.fn(**checked)
    # After the commit: the task reads what the caller wrote, and the request does not wait for it.
    transaction.on_commit(lambda: _submit(registered, checked))
    return None


def enqueue_later(delay: float, fn: Task | str, **kwargs: Any) -> Any:
    """Queue the task to run in `delay` seconds on Celery; without a broker nothing is queued (None).

    For checking back on work another worker holds: in-process there is no other worker to wait for.
    """
    registered = _resolve(fn)
    checked = registered.clean(kwargs)
    if settings.TASKS_RUN_IN_PROCESS:
        return None
    return app.send_task(registered.name, kwargs=checked, countdown=delay)
