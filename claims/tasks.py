"""Background tasks for claims, each registered under a fixed name with its argument checked (a positive
id). Each is safe to run twice."""

from __future__ import annotations

from claims.services import import_followup, linking
from tracker.tasks import positive_id, task


@task("imports.extract", batch_id=positive_id)
def import_job_extract_task(*, batch_id: int) -> str:
    """Extract (and link) claims for an import job's new articles; returns the job's status. Queued by
    the import (sources) by this name once the job's rows are written."""
    return import_followup.import_job_extract(batch_id=batch_id).status


@task("claims.link_article", article_id=positive_id)
def article_link_task(*, article_id: int) -> dict[str, int]:
    """Place the article in an event and suggest links for its claims again (after an editor corrected
    its publication date, its dates say something new); links already decided are kept."""
    return linking.articles_link(article_ids=[article_id])
