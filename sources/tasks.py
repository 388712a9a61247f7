"""Background tasks for imports. Each takes plain keyword arguments and is safe to run twice
(a finished job is left alone, a half-done one goes on from its last committed chunk)."""

from __future__ import annotations

from .importing.followup import import_job_extract
from .importing.service import import_job_run


def import_job_run_task(*, batch_id: int) -> str:
    """Read, check and write an import job, then queue its extraction; returns the job's status."""
    return import_job_run(batch_id=batch_id).status


def import_job_extract_task(*, batch_id: int) -> str:
    """Extract (and link) claims for an import job's new articles; returns the job's status."""
    return import_job_extract(batch_id=batch_id).status
