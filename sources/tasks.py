"""Background tasks for imports, each registered under a fixed name with its argument checked (a
positive batch id). Each is safe to run twice (a finished job is left alone, a half-done one goes on
from its last committed chunk)."""

from __future__ import annotations

from tracker.tasks import positive_id, task


@task("imports.run", batch_id=positive_id)
def import_job_run_task(*, batch_id: int) -> str:
    """Read, check and write an import job, then queue its extraction; returns the job's status."""
    from .importing.service import import_job_run

    return import_job_run(batch_id=batch_id).status


@task("imports.extract", batch_id=positive_id)
def import_job_extract_task(*, batch_id: int) -> str:
    """Extract (and link) claims for an import job's new articles; returns the job's status."""
    from .importing.followup import import_job_extract

    return import_job_extract(batch_id=batch_id).status
