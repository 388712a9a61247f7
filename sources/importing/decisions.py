"""The editor's decision on a near-duplicate an import held back: keep both, skip the new one, or merge it
into the stored article as a new version. One transaction each; a decided row is never decided again."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tracker.tasks import enqueue

from ..models import Article, ImportBatch, NearDuplicate
from ..services import StoreOutcome
from .records import ArticleRecord
from .service import FOLLOWUP_TASK
from .store import outlet_for, record_merge, record_silent_edits, record_store, resolve_outlets

EDITOR_CHOICES = (NearDuplicate.Decision.KEEP, NearDuplicate.Decision.SKIP, NearDuplicate.Decision.MERGE)
# What the choice buttons say (the decision's own label says what was done).
CHOICE_LABELS = {
    NearDuplicate.Decision.KEEP: "Keep both",
    NearDuplicate.Decision.SKIP: "Skip the new one",
    NearDuplicate.Decision.MERGE: "Merge: a new version of the stored article",
}


class DecisionRefused(Exception):
    """The decision cannot be taken (already decided, the job still running, an unknown choice)."""


def job_decidable(batch: ImportBatch) -> bool:
    """Whether the job's held near-duplicates can be decided now: once its rows are all written and no
    worker is on it (decisions that store an article then start extraction and linking again)."""
    return batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED, ImportBatch.Status.CANCELLED)


def near_duplicate_decide(*, item: NearDuplicate, decision: str, user=None) -> NearDuplicate:
    """Apply the editor's choice to a held near-duplicate; returns it, decided. With "keep" the row is
    stored as a new article, with "merge" as the next version of the article it duplicates (whose
    claims and annotations follow as for any version), with "skip" nothing is stored. When something was
    stored and the job extracts claims, its extraction and linking are queued again (they pick up only
    what is new). Raises DecisionRefused."""
    if decision not in EDITOR_CHOICES:
        raise DecisionRefused(f"unknown choice {decision!r}; choose keep, skip or merge")
    stored = _decide(item.pk, decision, user)
    item.refresh_from_db()
    if stored:
        _restart_followup(item.batch_id)
    return item


@transaction.atomic
def _decide(pk: int, decision: str, user) -> bool:
    item = NearDuplicate.objects.select_for_update().select_related("batch", "match").get(pk=pk)
    if item.decision != NearDuplicate.Decision.PENDING:
        raise DecisionRefused(f"row {item.row} was decided already ({item.get_decision_display().lower()})")
    if not job_decidable(item.batch):
        raise DecisionRefused("the job is still running; decide once it has finished")
    record = ArticleRecord(**item.record)
    stored = None
    if decision != NearDuplicate.Decision.SKIP:
        outlet = outlet_for(record, resolve_outlets([record]))
        if decision == NearDuplicate.Decision.MERGE:
            result = record_merge(record, into=item.match, outlet=outlet, batch=item.batch)
        else:
            result = record_store(record, outlet=outlet, batch=item.batch)
        if result.outcome != StoreOutcome.DUPLICATE:
            stored = result.article
            if result.outcome == StoreOutcome.NEW_VERSION:
                record_silent_edits([stored])
    NearDuplicate.objects.filter(pk=item.pk).update(
        decision=decision, article=stored, record={}, decided_by=user, decided_at=timezone.now()
    )
    counter = {"keep": "rows_created", "merge": "rows_versioned", "skip": "rows_skipped"}[decision]
    batch = item.batch
    setattr(batch, counter, getattr(batch, counter) + (1 if stored is not None or decision == "skip" else 0))
    batch.save(update_fields=[counter, "updated_at"])
    return stored is not None


def _restart_followup(batch_id: int) -> None:
    """Queue the job's extraction and linking again for what a decision stored (when the job extracts)."""
    batch = ImportBatch.objects.get(pk=batch_id)
    if not batch.options.get("extract"):
        return
    pending = Article.objects.filter(
        import_batch=batch, is_current=True, extraction_status=Article.ExtractionStatus.PENDING
    ).exists()
    if pending and ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.DONE).update(
        status=ImportBatch.Status.RUNNING, stage="extracting", runner="", finished_at=None
    ):
        enqueue(FOLLOWUP_TASK, batch_id=batch_id)  # the decision is committed (_decide's transaction)
