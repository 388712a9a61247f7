"""Background tasks for imports, each registered under a fixed name with its argument checked (a
positive batch id). Each is safe to run twice (a finished job is left alone, a half-done one goes on
from its last committed chunk).

The import's follow-up, "imports.extract" (extraction and linking), is claims' task (claims.tasks):
the import hands a written job over to it by that name (sources.importing.service.FOLLOWUP_TASK)."""

from __future__ import annotations

from tracker.tasks import positive_id, task

from .importing import service


@task("imports.run", batch_id=positive_id)
def import_job_run_task(*, batch_id: int) -> str:
    """Read, check and write an import job, then queue its extraction; returns the job's status."""
    return service.import_job_run(batch_id=batch_id).status
