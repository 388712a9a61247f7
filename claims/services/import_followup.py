"""After an import job's rows are written: claim extraction, notes on silent edits, then linking.

Each step only picks up what is still to do (articles still pending extraction; articles not yet in an
event; claim pairs not yet linked), so the task can be run again after a crash or a cancel and goes on
where it stopped; a lost database connection is retried from there too (service.with_db_retry). The
job's extraction counts are counted from the articles' own status, so a step run twice never counts an
article twice.

Faults: the follow-up takes the job with a runner token (`claim_followup`) and holds it like the chunk
writer does: before each extraction batch, before placing the articles in events and before each
event's links, it locks the job row and checks the token is still its own (JobTakenOver otherwise,
that step rolled back), and renews the lease (`updated_at`) when it is more than a few seconds old. So
a long extraction or linking is never taken for a dead worker, and a second delivery of the task, or a
Resume, never runs a second extraction or linking beside it; once the lease has run out (the worker
died) a new runner takes the job over and the old one, should it wake up, stops at its next step.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from claims.models import Claim
from claims.services import extraction, linking
from sources.importing.service import (
    DB_ERRORS,
    FOLLOWUP_TASK,
    JobTakenOver,
    Progress,
    count_takeover,
    job_stale,
    lease,
    with_db_retry,
)
from sources.models import Article, ImportBatch, SilentEdit
from tracker.tasks import enqueue_later

FOLLOWUP_STAGES = ("extracting", "linking")
RENEW_EVERY = 5.0  # seconds: the lease is renewed at most this often (and at least 4 times per lease)
logger = logging.getLogger(__name__)


class JobCancelled(Exception):
    """Cancel was requested: the follow-up stops before its next step."""


def import_job_extract(*, batch_id: int, progress: Progress | None = None, chunk: int = 10) -> ImportBatch:
    """Extract claims for the job's new articles (pending ones only, so a re-run goes on); then link.

    A job another follow-up runner holds (fresh lease) is left alone; with a broker this task checks back
    after the lease, so a follow-up whose worker died is taken over even when nobody presses resume.
    """
    token = uuid.uuid4().hex
    if not with_db_retry(batch_id, lambda: claim_followup(batch_id, token)):
        batch = ImportBatch.objects.get(pk=batch_id)
        if batch.status == ImportBatch.Status.RUNNING and batch.stage in FOLLOWUP_STAGES:
            enqueue_later(lease().total_seconds() + 1, FOLLOWUP_TASK, batch_id=batch_id)
        return batch
    return with_db_retry(batch_id, lambda: _followup(batch_id, token, progress, chunk))


def claim_followup(batch_id: int, token: str) -> bool:
    """Take the job for extraction and linking under `token`; returns whether we got it.

    Taken when it is not running (queued by resume), when the import handed it over (running, in a
    follow-up stage, no runner yet), when `token` holds it already (a retried step), or when its lease
    ran out (counted as a takeover, as in service._claim). Never while its rows are still being written.
    """
    now = timezone.now()
    with transaction.atomic():
        batch = (
            ImportBatch.objects.select_for_update()
            .filter(pk=batch_id, stage__in=FOLLOWUP_STAGES)
            .exclude(status__in=[ImportBatch.Status.DONE, ImportBatch.Status.CANCELLED])
            .first()
        )
        if batch is None:
            return False
        jobs = ImportBatch.objects.filter(pk=batch_id)
        mine = {"status": ImportBatch.Status.RUNNING, "runner": token, "updated_at": now}
        if batch.status != ImportBatch.Status.RUNNING:
            jobs.update(message="", cancel_requested=False, **mine)
            return True
        if batch.runner in ("", token):
            jobs.update(**mine)
            return True
        if not job_stale(batch):
            return False  # another runner holds it
        options = count_takeover(batch, now)
        if options is None:
            return False
        jobs.update(options=options, **mine)
        return True


class Hold:
    """A follow-up runner's hold on its job: lock-and-check before each step, the lease renewed as it goes."""

    def __init__(self, batch_id: int, token: str) -> None:
        self.batch_id = batch_id
        self.token = token
        self.every = min(RENEW_EVERY, lease().total_seconds() / 4)

    def check(self, fields: Callable[[], dict[str, object]] | None = None) -> None:
        """Lock the job row (inside the caller's transaction, or a short one of its own) and make sure
        this runner still holds it (JobTakenOver; JobCancelled when cancel was asked for); renew the
        lease, with `fields()` (progress to show), when it was last renewed over `every` seconds ago."""
        with transaction.atomic():
            row = (
                ImportBatch.objects.select_for_update()
                .filter(pk=self.batch_id)
                .values_list("status", "runner", "cancel_requested", "updated_at")
                .first()
            )
            if row is None or row[0] != ImportBatch.Status.RUNNING or row[1] != self.token:
                raise JobTakenOver(f"job {self.batch_id}: no longer held by follow-up runner {self.token}")
            if row[2]:
                raise JobCancelled
            now = timezone.now()
            if row[3] is None or (now - row[3]).total_seconds() >= self.every:
                ImportBatch.objects.filter(pk=self.batch_id).update(
                    updated_at=now, **(fields() if fields else {})
                )

    def finish(self, status: str, message: str = "", **fields: object) -> bool:
        """Stop the job with `status` if this runner still holds it (one conditional UPDATE)."""
        return bool(
            ImportBatch.objects.filter(
                pk=self.batch_id, runner=self.token, status=ImportBatch.Status.RUNNING
            ).update(status=status, message=message, finished_at=timezone.now(), **fields)
        )


def _followup(batch_id: int, token: str, progress: Progress | None, chunk: int) -> ImportBatch:
    """The claimed job's extraction, silent-edit notes and linking (resumable: see with_db_retry)."""
    hold = Hold(batch_id, token)
    stage = "extracting"
    try:
        mine = Article.objects.filter(import_batch_id=batch_id, is_current=True)
        _extract(batch_id, mine, hold, progress, chunk)
        with transaction.atomic():
            hold.check()
            _note_new_claims(batch_id)
        stage = "linking"
        status = _link(batch_id, list(mine.values_list("pk", flat=True)), hold, progress)
        if not hold.finish(
            ImportBatch.Status.DONE, _extraction_failures(mine), stage="finished", link_status=status
        ):
            logger.warning("import job %s: taken over before it was marked done", batch_id)
    except JobTakenOver:
        logger.warning("import job %s: taken over by another runner; this one stops", batch_id)
    except JobCancelled:
        what = "extraction" if stage == "extracting" else "linking"
        hold.finish(ImportBatch.Status.CANCELLED, f"cancelled during {what}; resume to finish it")
    except DB_ERRORS:
        raise  # with_db_retry reconnects and goes on from what is committed
    except Exception as error:
        hold.finish(
            ImportBatch.Status.FAILED,
            f"stopped by {type(error).__name__} while {stage}: {error}; resume to go on",
        )
        raise
    return ImportBatch.objects.get(pk=batch_id)


def _extract(
    batch_id: int, mine: QuerySet[Article], hold: Hold, progress: Progress | None, chunk: int
) -> None:
    """Extract the job's pending articles, `chunk` at a time; before each batch the job's lock is taken
    to check this runner still holds it and which articles are still pending."""
    total = mine.count()
    ImportBatch.objects.filter(pk=batch_id, runner=hold.token).update(stage="extracting", extract_total=total)
    pending = list(
        mine.filter(extraction_status=Article.ExtractionStatus.PENDING)
        .order_by("pk")
        .values_list("pk", flat=True)
    )

    def tally() -> dict[str, object]:
        counts = mine.aggregate(
            extracted=Count("pk", filter=Q(extraction_status=Article.ExtractionStatus.DONE)),
            failed=Count("pk", filter=Q(extraction_status=Article.ExtractionStatus.FAILED)),
        )
        return {"extract_done": counts["extracted"], "extract_failed": counts["failed"]}

    done = total - len(pending)
    for start in range(0, len(pending), chunk):
        with transaction.atomic():
            hold.check(tally)
            # Still pending under the lock: an article another runner extracted meanwhile is left alone.
            todo = list(
                mine.filter(
                    pk__in=pending[start : start + chunk], extraction_status=Article.ExtractionStatus.PENDING
                ).values_list("pk", flat=True)
            )
        # Parsed outside that transaction (each article is stored in a short one of its own): a write
        # transaction held through spaCy's parse kept SQLite locked, and every sign-in failed meanwhile.
        counts = (
            extraction.articles_extract_pending(article_ids=todo) if todo else {"articles": 0, "failed": 0}
        )
        done += counts["articles"] + counts["failed"]
        if progress:
            progress("extracting", done, total)
    ImportBatch.objects.filter(pk=batch_id, runner=hold.token).update(**tally())


def _extraction_failures(mine: QuerySet[Article]) -> str:
    """The job's message when some of its articles could not be extracted (over the extraction budget,
    or an extractor error), naming the first; "" when all were."""
    failed = mine.filter(extraction_status=Article.ExtractionStatus.FAILED)
    first = failed.order_by("pk").values_list("pk", "title", "extraction_error").first()
    if first is None:
        return ""
    count = failed.count()
    pk, title, error = first
    return (
        f"{count} article(s) stored but not extracted; the first, article {pk} "
        f"({(title or 'untitled')[:60]}): {error[:300]}"
    )


def _note_new_claims(batch_id: int) -> None:
    """Add, to each silent edit of the job, the new version's claims that lie in a changed passage."""
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


def _link(batch_id: int, article_ids: list[int], hold: Hold, progress: Progress | None) -> str:
    """Place the job's articles in events and suggest links (claims.services.linking); returns a status.

    The linker calls back inside each step's transaction; the callback is the hold's lock-and-check.
    """
    ImportBatch.objects.filter(pk=batch_id, runner=hold.token).update(stage="linking")

    def step(stage: str, done: int, total: int) -> None:
        if stage == "events":
            what = "placing articles in events"
        elif stage == "across":
            what = f"linking articles {done + 1}-{min(total, done + linking.ACROSS_CHUNK)} of {total} with nearby ones"
        else:
            what = f"linking event {done + 1} of {total}"
        hold.check(lambda: {"link_status": what})
        if progress and stage == "links":
            progress("linking", done, total)

    counts = linking.articles_link(article_ids=article_ids, progress=step)
    if isinstance(counts, dict):
        return (
            f"placed {counts.get('articles', 0)} articles in {counts.get('events', 0)} events; "
            f"suggested {counts.get('links', 0)} links"
        )
    return f"linked: {counts}"[:200]
