"""After an import job's rows are written: claim extraction, notes on silent edits, then linking.

Each step only picks up what is still to do (articles still pending extraction), so the task can be
run again after a crash or a cancel and goes on where it stopped; a lost database connection is
retried from there too (service.with_db_retry). The job's extraction counts are counted from the
articles' own status, so a step run twice never counts an article twice.
"""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone

from ..models import Article, ImportBatch, SilentEdit
from .service import Progress, cancelled, stop, with_db_retry


def import_job_extract(*, batch_id: int, progress: Progress | None = None, chunk: int = 10) -> ImportBatch:
    """Extract claims for the job's new articles (pending ones only, so a re-run goes on); then link."""
    return with_db_retry(batch_id, lambda: _extract(batch_id, progress, chunk))


def _extract(batch_id: int, progress: Progress | None, chunk: int) -> ImportBatch:
    from claims.services import articles_extract_pending

    batch = ImportBatch.objects.get(pk=batch_id)
    if batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.CANCELLED):
        return batch
    ImportBatch.objects.filter(pk=batch_id).update(
        status=ImportBatch.Status.RUNNING, updated_at=timezone.now()
    )
    mine = Article.objects.filter(import_batch_id=batch_id, is_current=True)
    total = mine.count()
    ImportBatch.objects.filter(pk=batch_id).update(stage="extracting", extract_total=total)
    pending = list(
        mine.filter(extraction_status=Article.ExtractionStatus.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    done = total - len(pending)
    for start in range(0, len(pending), chunk):
        if cancelled(batch_id):
            stop(batch_id, ImportBatch.Status.CANCELLED, "cancelled during extraction")
            return ImportBatch.objects.get(pk=batch_id)
        counts = articles_extract_pending(article_ids=pending[start : start + chunk])
        done += counts["articles"] + counts["failed"]
        tally = mine.aggregate(
            extracted=Count("pk", filter=Q(extraction_status=Article.ExtractionStatus.DONE)),
            failed=Count("pk", filter=Q(extraction_status=Article.ExtractionStatus.FAILED)),
        )
        ImportBatch.objects.filter(pk=batch_id).update(
            extract_done=tally["extracted"], extract_failed=tally["failed"], updated_at=timezone.now()
        )
        if progress:
            progress("extracting", done, total)
    _note_new_claims(batch_id)
    status = _link(batch_id, list(mine.values_list("pk", flat=True)))
    stop(batch_id, ImportBatch.Status.DONE, stage="finished", link_status=status)
    return ImportBatch.objects.get(pk=batch_id)


def _note_new_claims(batch_id: int) -> None:
    """Add, to each silent edit of the job, the new version's claims that lie in a changed passage."""
    from claims.models import Claim

    for edit in SilentEdit.objects.filter(article__import_batch_id=batch_id):
        claims = list(
            Claim.objects.filter(article_id=edit.article_id, kind__in=["quantity", "date"]).values_list(
                "pk", "start", "end"
            )
        )
        for change in edit.changes:
            change["claims"] = [
                pk for pk, s, e in claims if s < change["new_end"] and e > change["new_start"]
            ]
        SilentEdit.objects.filter(pk=edit.pk).update(changes=edit.changes)


def _link(batch_id: int, article_ids: list[int]) -> str:
    """Place the job's articles in events and suggest links (claims.linking_service); returns a status."""
    ImportBatch.objects.filter(pk=batch_id).update(stage="linking")
    try:
        from claims.linking_service import articles_link
    except ImportError:  # a claims app without linking: the import is still complete
        return "linking not available"
    counts = articles_link(article_ids=article_ids)
    if isinstance(counts, dict):
        return (
            f"placed {counts.get('articles', 0)} articles in {counts.get('events', 0)} events; "
            f"suggested {counts.get('links', 0)} links"
        )
    return f"linked: {counts}"[:200]
