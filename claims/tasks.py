"""Background tasks for claims, each registered under a fixed name with its argument checked (a positive
id). Each is safe to run twice.

The services behind them are imported when a task runs (or when a Celery worker starts, `preload`),
not with this module: every web worker imports it to register the names, and the services bring the
extractor (spaCy) and the linker (scikit-learn, scipy), ~130 MB and seconds of CPU per web worker that
no page uses (tests/web/test_worker_imports.py).
"""

from __future__ import annotations

from celery.signals import worker_init

from tracker.tasks import positive_id, task


@task("imports.extract", batch_id=positive_id)
def import_job_extract_task(*, batch_id: int) -> str:
    """Extract (and link) claims for an import job's new articles; returns the job's status. Queued by
    the import (sources) by this name once the job's rows are written."""
    from claims.services import import_followup

    return import_followup.import_job_extract(batch_id=batch_id).status


@task("claims.link_article", article_id=positive_id)
def article_link_task(*, article_id: int) -> dict[str, int]:
    """Place the article in an event and suggest links for its claims again (after an editor corrected
    its publication date, its dates say something new); links already decided are kept."""
    from claims.services import linking

    return linking.articles_link(article_ids=[article_id])


@worker_init.connect(dispatch_uid="claims_tasks_preload")
def preload(**_: object) -> None:
    """A Celery worker loads the services before it forks its pool: its first task then times its own
    work, not the imports, and the pool processes share the loaded modules."""
    from claims.services import import_followup, linking  # noqa: F401
