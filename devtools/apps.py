import os

from django.apps import AppConfig


class DevtoolsConfig(AppConfig):
    """Benchmarks, the load test and the fault drill: installed only when asked for (DEVTOOLS=1, which
    `make bench` and `make loadtest` set, and the tests' settings), never in production."""

    name = "devtools"
    verbose_name = "Development tools"

    def ready(self) -> None:
        from .hooks import slow_import_chunks, warm_worker

        # Worker processes the drill and the worker tests start cannot be patched from outside: they
        # are told by the environment to sleep after each committed chunk, so they can be killed half way.
        pause = float(os.environ.get("DEVTOOLS_IMPORT_CHUNK_PAUSE") or 0)
        if pause:
            slow_import_chunks(pause)
        if os.environ.get("DEVTOOLS_WARM_WORKER"):  # the workers of `bench --workers`
            warm_worker()
