"""Import jobs: read and check every row first, then write in committed chunks, then extract claims.

A job is an ImportBatch. `import_job_run` reads all files without touching articles (every row
checked, errors collected with row numbers, valid rows written to the job's records file), refuses
the whole job when any row is bad (unless `skip_invalid`), then stores the records in chunks of
`batch_size`, each chunk and the resume cursor (`committed_rows`) in one transaction. Run again
after a crash or a cancel, it goes on from the last committed chunk; run on a finished job it does
nothing. Extraction and linking are the next task, claims' "imports.extract" (FOLLOWUP_TASK).

Faults: a running job holds a lease, renewed by every chunk (`updated_at`); a second delivery of its
task while the lease is fresh only checks back later, and takes the job over once the lease has run
out (the worker died). Each chunk locks the job row and checks the cursor is where this runner left
it, so two runners can never store the same chunk twice. Extraction and linking (claims.services.import_followup) hold the
job the same way, with a runner token in place of the cursor. A lost database connection (PostgreSQL
restarted) is retried with backoff from the last committed chunk; when it does not come back the job
fails with "database connection lost at row N; resume to continue".
"""

from __future__ import annotations

import csv
import gc
import io
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.db import IntegrityError, InterfaceError, OperationalError, connection, transaction
from django.db.models import F, Q
from django.utils import timezone
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt, wait_exponential

from tracker.tasks import enqueue, enqueue_later

from ..models import ImportBatch
from ..selectors import known_outlets
from .errors import ImportRefused, RowError, storable
from .files import Limits, expand, iter_rows, total_bytes
from .nearduplicates import CHOICES
from .records import ArticleRecord, validate_row
from .store import (
    NO_BANDS,
    Bands,
    ChunkCounts,
    PreparedChunk,
    chunk_lookups,
    chunk_prepare,
    chunk_vectors,
    store_chunk,
    store_rows,
)

Progress = Callable[[str, int, int], None]
UPLOAD_STEM_BYTES = 120  # an uploaded file's name is cut to this many bytes (plus number and suffix)
MAX_STORED_ERRORS = 1000  # the batch keeps the first ones; the job's errors.csv keeps them all
DB_ERRORS = (OperationalError, InterfaceError)  # the connection went away (server restarted, killed)
# Named tasks (tracker.tasks), queued by name so that this module imports neither sources.tasks (which
# imports it) nor claims: "imports.extract" is claims' follow-up (claims.tasks), run after the rows are written.
RUN_TASK = "imports.run"
FOLLOWUP_TASK = "imports.extract"
logger = logging.getLogger(__name__)


class JobTakenOver(Exception):
    """Another runner moved the job's cursor: this one stops without writing (its chunk rolls back)."""


def lease() -> timedelta:
    """How long a RUNNING job may go without progress before it counts as stopped (IMPORT_JOB_LEASE)."""
    return timedelta(seconds=float(getattr(settings, "IMPORT_JOB_LEASE", 120)))


def job_stale(batch: ImportBatch) -> bool:
    """Whether a RUNNING job has not been heard from for longer than the lease (its worker died)."""
    return batch.status == ImportBatch.Status.RUNNING and (
        batch.updated_at is None or batch.updated_at < timezone.now() - lease()
    )


def job_dir(batch: ImportBatch) -> Path:
    """The folder holding a job's uploaded files, its records file and its error report."""
    path = Path(settings.MEDIA_ROOT) / "imports" / str(batch.pk)
    path.mkdir(parents=True, exist_ok=True)
    return path


def import_job_create(
    *,
    paths: list[str | Path],
    name: str = "",
    source: str = "command",
    user=None,
    outlet: str = "",
    extract: bool = True,
    skip_invalid: bool = False,
    batch_size: int | None = None,
    near_duplicates: str = "keep",
) -> ImportBatch:
    """A new queued job for the given files or folders; returns it (nothing is read yet).

    `near_duplicates` says what to do with a row that nearly duplicates a stored article (or an earlier
    row): "ask" holds it for the editor's decision on the job page, "keep", "skip" or "merge" decide now;
    either way the job lists it (sources.importing.nearduplicates)."""
    if near_duplicates not in CHOICES:
        raise ValueError(f"near_duplicates must be one of {', '.join(CHOICES)}")
    import_jobs_sweep()
    files = [str(Path(p).resolve()) for p in paths]
    return ImportBatch.objects.create(
        name=name or ", ".join(Path(p).name for p in files)[:255] or "import",
        source=source,
        created_by=user if getattr(user, "pk", None) else None,
        files=files,
        options={
            "outlet": outlet,
            "extract": extract,
            "skip_invalid": skip_invalid,
            "batch_size": batch_size or getattr(settings, "IMPORT_BATCH_SIZE", 500),
            "near_duplicates": near_duplicates,
        },
    )


def import_jobs_sweep(*, max_age: float | None = None) -> int:
    """Delete the working files of jobs that stopped without finishing (failed, cancelled, or not heard
    from) over IMPORT_JOB_FILES_MAX_AGE seconds ago (7 days); a Resume of such a job then says its files
    are gone. Error reports stay. Returns how many folders were cleaned. Called whenever a job is created.

    A folder whose job is not in this database is left alone: the benchmark, the fault drill and the
    tests run jobs on databases of their own, possibly beside the same MEDIA_ROOT."""
    age = float(getattr(settings, "IMPORT_JOB_FILES_MAX_AGE", 7 * 86400) if max_age is None else max_age)
    root = Path(settings.MEDIA_ROOT) / "imports"
    if not root.is_dir():
        return 0
    folders = {int(p.name): p for p in root.iterdir() if p.is_dir() and p.name.isdigit()}
    cutoff = timezone.now() - timedelta(seconds=age)
    stopped = Q(status__in=[ImportBatch.Status.FAILED, ImportBatch.Status.CANCELLED], finished_at__lt=cutoff)
    silent = Q(status__in=[ImportBatch.Status.RUNNING, ImportBatch.Status.PENDING], updated_at__lt=cutoff)
    cleaned = 0
    for batch in ImportBatch.objects.filter(pk__in=list(folders)).filter(stopped | silent):
        if any(p.name != "errors.csv" for p in folders[batch.pk].iterdir()):
            import_job_discard_files(batch=batch)
            ImportBatch.objects.filter(pk=batch.pk).update(options={**batch.options, "files_discarded": True})
            cleaned += 1
    return cleaned


def stored_upload_name(number: int, name: str) -> str:
    """The name an upload is saved under in its job's folder: its base name, numbered, with only
    printable characters and the stem cut to fit any file system (255 bytes) whatever the script."""
    base = "".join(c for c in storable(Path(name.replace("\\", "/")).name) if c.isprintable() and c != "/")
    stem, suffix = os.path.splitext(base)
    stem = stem.encode("utf-8")[:UPLOAD_STEM_BYTES].decode("utf-8", "ignore").strip() or "upload"
    return f"{number:03d}_{stem}{suffix[:16]}"


def import_job_from_uploads(
    *,
    uploads: list,
    user=None,
    outlet: str = "",
    extract: bool = True,
    skip_invalid: bool = False,
    near_duplicates: str = "ask",
) -> ImportBatch:
    """A job for uploaded files (already checked by the upload form), saved in its folder, then started.

    A file that cannot be saved (disk full) fails the job with the reason, its files deleted: a job is
    never left pending."""
    batch = import_job_create(
        paths=[],
        name=storable(", ".join(u.name for u in uploads))[:255],
        source="upload",
        user=user,
        outlet=outlet,
        extract=extract,
        skip_invalid=skip_invalid,
        near_duplicates=near_duplicates,
    )
    folder = job_dir(batch) / "upload"
    paths = []
    try:
        folder.mkdir(exist_ok=True)
        for number, upload in enumerate(uploads, start=1):
            # Only the base name, numbered, is kept: an uploaded name never chooses where it is written.
            target = folder / stored_upload_name(number, upload.name)
            with target.open("wb") as out:
                for chunk in upload.chunks():
                    out.write(chunk)
            paths.append(str(target))
    except OSError as error:
        stop(
            batch.pk, ImportBatch.Status.FAILED, f"the upload could not be saved ({error.strerror or error})"
        )
        import_job_discard_files(batch=batch)
        return ImportBatch.objects.get(pk=batch.pk)
    ImportBatch.objects.filter(pk=batch.pk).update(files=paths)
    import_job_start(batch=batch)
    return ImportBatch.objects.get(pk=batch.pk)


def _claim(batch_id: int) -> bool:
    """Mark the job running unless it is finished or another worker holds it; returns whether we got it.

    Taking over a job whose lease ran out counts as one takeover; after IMPORT_MAX_TAKEOVERS in a row
    with no progress in between (a job that kills its worker each time at the same place, say by
    running out of memory) the job fails instead of being retried for ever. Resume starts the count again.
    """
    now = timezone.now()
    jobs = ImportBatch.objects.filter(pk=batch_id).exclude(
        status__in=[ImportBatch.Status.DONE, ImportBatch.Status.CANCELLED]
    )
    running = {
        "status": ImportBatch.Status.RUNNING,
        "message": "",
        "cancel_requested": False,
        "updated_at": now,
    }
    if jobs.exclude(status=ImportBatch.Status.RUNNING).update(**running):
        return True
    with transaction.atomic():
        batch = (
            jobs.select_for_update()
            .filter(status=ImportBatch.Status.RUNNING)
            .filter(Q(updated_at__lt=now - lease()) | Q(updated_at__isnull=True))
            .first()
        )
        if batch is None:
            return False  # another runner holds it
        options = count_takeover(batch, now)
        if options is None:
            return False
        jobs.update(options=options, **running)
        return True


def count_takeover(batch: ImportBatch, now: datetime) -> dict[str, object] | None:
    """Count one takeover of the (locked) job; its new options, or None when it failed instead.

    Only takeovers with no progress in between count: a long job may lose a worker now and then.
    """
    mark = [batch.stage, batch.committed_rows, batch.extract_done, batch.link_status]
    same_place = batch.options.get("takeover_mark") == mark
    takeovers = int(batch.options.get("takeovers", 0)) + 1 if same_place else 1
    options = {**batch.options, "takeovers": takeovers, "takeover_mark": mark}
    if takeovers > int(getattr(settings, "IMPORT_MAX_TAKEOVERS", 3)):
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED,
            options=options,
            finished_at=now,
            message=f"the worker running this job stopped {takeovers} times in a row at the same "
            f"place (out of memory? killed?); {batch.committed_rows} rows are stored. Resume to try again.",
        )
        return None
    return options


def cancelled(batch_id: int) -> bool:
    return ImportBatch.objects.filter(pk=batch_id, cancel_requested=True).exists()


def stop(batch_id: int, status: str, message: str = "", **fields: object) -> None:
    ImportBatch.objects.filter(pk=batch_id).update(
        status=status, message=message, finished_at=timezone.now(), **fields
    )


def import_job_run(*, batch_id: int, progress: Progress | None = None, chain: bool = True) -> ImportBatch:
    """Run (or resume) a job's reading and writing; then queue extraction when `chain`. Returns the job.

    A job another runner holds (fresh lease) is left alone; with a broker this task checks back after
    the lease, so a job whose worker died is taken over even when nobody presses resume.
    """
    if not with_db_retry(batch_id, lambda: _claim(batch_id)):
        batch = ImportBatch.objects.get(pk=batch_id)
        if batch.status == ImportBatch.Status.RUNNING and chain:
            enqueue_later(lease().total_seconds() + 1, RUN_TASK, batch_id=batch_id)
        return batch
    with _full_collections_deferred():
        return with_db_retry(batch_id, lambda: _run(batch_id, progress, chain))


_deferring = threading.Lock()
_deferred_jobs = 0  # jobs of this process running with full collections deferred
_usual_threshold: tuple[int, int, int] = (700, 10, 10)
# container objects allocated (net) between two collections of the youngest generation during a job
YOUNG_THRESHOLD = 20_000


@contextmanager
def _full_collections_deferred() -> Iterator[None]:
    """No full garbage collection (of Python's oldest generation) while the job reads and writes, then
    the usual thresholds again. A job allocates enough for Python to run a full collection every
    couple of thousand rows, and each walks everything the process holds (Django, the apps, numpy; in
    a worker also spaCy and the models an earlier task loaded): about 0.08 CPU s in the bench
    process, a tenth of the import's Python time per 3,000 rows, spent on objects the job never made.
    The young generations are still collected (the job's own reference cycles die there), the youngest
    once YOUNG_THRESHOLD more container objects are alive than before it (not 700: the job's rows,
    records and model objects are freed by reference counting long before that, while each of the
    40-50 collections of 700 walked what was alive then, 0.01-0.02 CPU s per 3,000 rows), and
    everything else by reference counting; the next full collection after the job sees what the job
    left. Jobs in threads of one process share the setting: the first one in changes it, the last one
    out puts it back."""
    global _deferred_jobs, _usual_threshold
    with _deferring:
        if not _deferred_jobs:
            _usual_threshold = gc.get_threshold()
            young = max(_usual_threshold[0], YOUNG_THRESHOLD) if _usual_threshold[0] else 0  # 0: gc is off
            gc.set_threshold(young, _usual_threshold[1], 2**30)
        _deferred_jobs += 1
    try:
        yield
    finally:
        with _deferring:
            _deferred_jobs -= 1
            if not _deferred_jobs:
                gc.set_threshold(*_usual_threshold)


def db_retrying(batch_id: int) -> Retrying:
    """The retry policy for a lost database connection (tenacity): IMPORT_DB_RETRIES more tries, the
    first after IMPORT_DB_RETRY_DELAY seconds and each wait doubled; the broken connection is closed
    after every failed try so the next one opens a new connection; the last error is raised."""
    retries = int(getattr(settings, "IMPORT_DB_RETRIES", 5))
    delay = float(getattr(settings, "IMPORT_DB_RETRY_DELAY", 1))

    def log_retry(state: RetryCallState) -> None:
        error = state.outcome.exception() if state.outcome else None
        logger.warning("import job %s: database connection lost (%s); retrying", batch_id, error)

    return Retrying(
        retry=retry_if_exception_type(DB_ERRORS),
        stop=stop_after_attempt(retries + 1),
        wait=wait_exponential(multiplier=delay, exp_base=2, min=0),
        after=lambda state: drop_connection(),
        before_sleep=log_retry,
        reraise=True,
    )


def with_db_retry[T](batch_id: int, step: Callable[[], T]) -> T:
    """`step()`, run again on a fresh connection when the database connection is lost (db_retrying);
    when it stays lost, the job fails with where it stopped and the error is raised.

    `step` must be resumable (the import and extraction steps go on from what is committed).
    """
    try:
        return db_retrying(batch_id)(step)
    except DB_ERRORS as error:
        _record_lost_connection(batch_id, error)
        raise


def drop_connection() -> None:
    """Close this thread's database connection so the next query opens a new one."""
    try:
        connection.close()
    except Exception:  # a connection that is already broken may fail to close: it is gone either way
        logger.debug("closing a broken connection failed", exc_info=True)


def _record_lost_connection(batch_id: int, error: Exception) -> None:
    """Mark the job failed, saying where it stopped, on a new connection (retried while the server is down)."""

    def record() -> None:
        batch = ImportBatch.objects.get(pk=batch_id)
        where = f"at row {batch.committed_rows + 1}" if batch.stage == "importing" else f"while {batch.stage}"
        stop(
            batch_id,
            ImportBatch.Status.FAILED,
            f"database connection lost {where} ({batch.committed_rows} rows stored, nothing half-written); "
            f"resume to continue. Error: {str(error).strip()[:200]}",
        )

    try:
        db_retrying(batch_id)(record)
    except DB_ERRORS:
        # Still no database: the job stays RUNNING, its lease runs out and the jobs page offers to resume it.
        logger.error("import job %s: could not record the lost connection", batch_id)


def _run(batch_id: int, progress: Progress | None, chain: bool) -> ImportBatch:
    """The claimed job's reading, writing and the queueing of extraction (resumable: see with_db_retry)."""
    batch = ImportBatch.objects.get(pk=batch_id)
    try:
        needs_reading = (
            batch.stage in ("queued", "reading") or not (job_dir(batch) / "records.jsonl").exists()
        )
        if needs_reading and batch.options.get("files_discarded"):
            raise ImportRefused(
                "this job's working files were deleted after it had stopped for longer than "
                f"IMPORT_JOB_FILES_MAX_AGE ({batch.committed_rows} rows are stored); import the files again"
            )
        if needs_reading and not _read(batch, progress):
            return ImportBatch.objects.get(pk=batch_id)
        if not _write(batch, progress):
            return ImportBatch.objects.get(pk=batch_id)
    except ImportRefused as error:
        stop(batch_id, ImportBatch.Status.FAILED, str(error))
        import_job_discard_files(batch=batch)  # refused as a whole: a resume would refuse it again
        return ImportBatch.objects.get(pk=batch_id)
    except JobTakenOver:
        logger.warning("import job %s: taken over by another runner; this one stops", batch_id)
        return ImportBatch.objects.get(pk=batch_id)
    except DB_ERRORS:
        raise  # with_db_retry reconnects and goes on from the last committed chunk
    except Exception as error:
        # The last committed chunk stays; `import_job_resume` goes on from there.
        stop(
            batch_id,
            ImportBatch.Status.FAILED,
            f"stopped by {type(error).__name__}: {error}; resume to go on",
        )
        raise
    batch.refresh_from_db()
    if batch.options.get("extract") and batch.rows_created + batch.rows_versioned:
        # Handed over: the extraction task takes the job (claims.services.import_followup.claim_followup); a follow-up runner
        # this job had before (one that stopped) finds its token gone and stops.
        ImportBatch.objects.filter(pk=batch_id).update(stage="extracting", runner="")
        if chain:
            enqueue(FOLLOWUP_TASK, batch_id=batch_id)
    else:
        stop(batch_id, ImportBatch.Status.DONE, stage="finished")
    # Every row is stored: the uploads and the records file are not needed any more (extraction and
    # linking read the articles), only the error report is kept.
    import_job_discard_files(batch=batch)
    return ImportBatch.objects.get(pk=batch_id)


def _read(batch: ImportBatch, progress: Progress | None) -> bool:
    """Check every row: valid ones to records.jsonl, errors to errors.csv; returns False if stopped."""
    folder = job_dir(batch)
    paths = expand(batch.files)
    total = total_bytes(paths)
    ImportBatch.objects.filter(pk=batch.pk).update(
        stage="reading",
        bytes_total=total,
        bytes_read=0,
        rows_read=0,
        rows_failed=0,
        errors=[],
        committed_rows=0,
        rows_total=0,
    )
    default_outlet = batch.options.get("outlet", "")
    known = known_outlets()
    read = failed = valid = done_bytes = 0
    stored_errors: list[dict[str, object]] = []

    def on_bytes(n: int) -> None:
        nonlocal done_bytes
        done_bytes += n

    with (
        (folder / "records.tmp").open("w", encoding="utf-8") as out,
        (folder / "errors.csv").open("w", encoding="utf-8", newline="") as err_file,
    ):
        errors_csv = csv.writer(err_file)
        errors_csv.writerow(["file", "row", "field", "message"])
        for item in iter_rows(paths, limits=Limits.from_settings(), on_bytes=on_bytes, known_outlets=known):
            read += 1
            if isinstance(item, RowError):
                errors = [item]
            else:
                file, row, values = item
                # --outlet names the outlet of rows that give none, and wins over one only found in the text.
                if default_outlet and (not values.get("outlet") or values.get("outlet_from_text")):
                    values["outlet"] = default_outlet
                record, errors = validate_row(values, row=row, file=file)
                if record is not None:
                    out.write(record.as_line())
                    valid += 1
            if errors:
                failed += 1
                for error in errors:
                    errors_csv.writerow([error.file, error.row, error.field, error.message])
                    if len(stored_errors) < MAX_STORED_ERRORS:
                        stored_errors.append(error.as_dict())
            if read % 500 == 0:
                ImportBatch.objects.filter(pk=batch.pk).update(
                    rows_read=read, rows_failed=failed, bytes_read=done_bytes, updated_at=timezone.now()
                )
                if progress:
                    progress("reading", done_bytes, total)
                if cancelled(batch.pk):
                    stop(batch.pk, ImportBatch.Status.CANCELLED, "cancelled while reading", stage="reading")
                    return False
    if progress:
        progress("reading", total, total)
    fields: dict[str, object] = {
        "rows_read": read,
        "rows_failed": failed,
        "bytes_read": total,
        "errors": stored_errors,
        "rows_total": valid,
    }
    if failed and not batch.options.get("skip_invalid"):
        stop(
            batch.pk,
            ImportBatch.Status.FAILED,
            f"{failed} row(s) have errors; nothing was imported. Fix them (see the error report) or import "
            "with 'skip invalid rows'.",
            stage="reading",
            **fields,
        )
        import_job_discard_files(batch=batch)  # the files must be fixed and uploaded again
        return False
    if read == 0:
        stop(batch.pk, ImportBatch.Status.FAILED, "no articles found in the files", stage="reading", **fields)
        import_job_discard_files(batch=batch)
        return False
    (folder / "records.tmp").replace(folder / "records.jsonl")
    ImportBatch.objects.filter(pk=batch.pk).update(stage="importing", **fields)
    return True


def _records(path: Path, skip: int) -> Iterator[ArticleRecord]:
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= skip:
                yield ArticleRecord.from_line(line)


def _chunks(records: Iterator[ArticleRecord], size: int) -> Iterator[list[ArticleRecord]]:
    chunk: list[ArticleRecord] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def import_chunk(
    records: list[ArticleRecord],
    *,
    batch: ImportBatch,
    prepared: PreparedChunk | None = None,
    written: Bands | None = None,
) -> ChunkCounts:
    """Store one chunk and move the job's cursor past it, in one transaction; returns the counts.
    `prepared` is store.chunk_prepare(records) when the caller computed it already, `written` the band
    rows stored since its lookups were read (store.store_chunk).

    The chunk starts at `batch.committed_rows`; when the stored cursor is elsewhere another runner has
    the job and JobTakenOver is raised with nothing written.
    """
    start = batch.committed_rows
    outermost = not connection.in_atomic_block  # else the setting would outlive the chunk
    try:
        with transaction.atomic():
            if outermost:
                _commit_without_waiting()
            _hold(batch, start)
            counts = store_chunk(records, batch=batch, prepared=prepared, written=written)
            _advance(batch, len(records), counts)
    except IntegrityError:
        # Another writer stored one of these URLs meanwhile: redo the chunk row by row.
        with transaction.atomic():
            _hold(batch, start)
            counts = store_rows(records, batch=batch)
            _advance(batch, len(records), counts)
    batch.committed_rows = start + len(records)
    return counts


def _commit_without_waiting() -> None:
    """On PostgreSQL, let this transaction's COMMIT return before its WAL is on disk (SET LOCAL
    synchronous_commit = off: this transaction only; the WAL writer flushes it within a fraction of
    a second; the wait was about 27 ms a chunk, in wall time, on the loaded development machine).
    What it risks: if the database server itself crashes (not this process) within that fraction of
    a second, the chunks committed in it are lost whole, each with the cursor move committed in the
    same transaction, so a resume stores them again; the database stays consistent, and nothing
    committed before them nor by any other transaction can be lost. The job's last step (its status,
    an ordinary synchronous commit) flushes every chunk's WAL before the job says it is done or its
    files are deleted."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit = off")


def _hold(batch: ImportBatch, start: int) -> None:
    """Lock the job row for this chunk's transaction; JobTakenOver unless its cursor is still at `start`."""
    cursor = (
        ImportBatch.objects.select_for_update()
        .filter(pk=batch.pk)
        .values_list("committed_rows", flat=True)
        .first()
    )
    if cursor != start:
        raise JobTakenOver(f"job {batch.pk}: cursor at {cursor}, this runner expected {start}")


def _advance(batch: ImportBatch, n: int, counts: ChunkCounts) -> None:
    ImportBatch.objects.filter(pk=batch.pk).update(
        committed_rows=F("committed_rows") + n,
        rows_created=F("rows_created") + counts.created,
        rows_versioned=F("rows_versioned") + counts.versioned,
        rows_skipped=F("rows_skipped") + counts.skipped,
        updated_at=timezone.now(),
    )


def _write(batch: ImportBatch, progress: Progress | None) -> bool:
    """Store the records from the cursor on, chunk by chunk; False when cancelled.

    While a chunk is written, a second thread reads the next one from the records file and computes
    what needs no stored row (store.chunk_prepare: content hashes, near-duplicate signatures and band
    keys, notes) and, on PostgreSQL, on that thread's own connection, the band lookup
    (store.chunk_lookups), while a third thread has its own connection compute the same chunk's search
    vectors (store.chunk_vectors): psycopg2 lets go of the GIL while PostgreSQL works, so on two cores
    that work runs beside the writing connection's and beside the preparing thread's Python instead of
    after them (the vectors were the longest wait of the preparing thread, which had become the
    import's slowest path). The lookup may be read before the chunk being written commits: each chunk
    is given the band rows the one before it stored, to add. Neither thread writes; every write stays
    in this thread, one transaction per chunk, in file order."""
    batch.refresh_from_db()
    ImportBatch.objects.filter(pk=batch.pk).update(stage="importing")
    size = int(batch.options.get("batch_size") or 500)
    done = batch.committed_rows
    chunks = _chunks(_records(job_dir(batch) / "records.jsonl", done), size)
    # only each chunk's own transaction holds uncommitted rows (their band rows are added): not inside a
    # caller's transaction, whose other rows the preparing thread's connection could not see
    ahead = not connection.in_atomic_block
    # the vectors read nothing stored: on their own connection even inside a caller's transaction
    vectors = (
        ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-vectors")
        if connection.vendor == "postgresql"
        else None
    )
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-prepare") as pool:
            following = pool.submit(_next_prepared, chunks, batch, ahead, vectors)
            written: Bands | None = NO_BANDS  # nothing this runner stored is uncommitted yet
            try:
                while (item := following.result()) is not None:
                    chunk, prepared = item
                    if cancelled(batch.pk):
                        stop(batch.pk, ImportBatch.Status.CANCELLED, "cancelled; resume to import the rest")
                        return False
                    # chunk N+1, while N is written
                    following = pool.submit(_next_prepared, chunks, batch, ahead, vectors)
                    # the next chunk's lookup may be read before this one commits: it adds this one's rows
                    written = import_chunk(chunk, batch=batch, prepared=prepared, written=written).bands
                    done += len(chunk)
                    if progress:
                        progress("importing", done, batch.rows_total)
            finally:
                following.cancel()
                pool.submit(_close_connection)  # the thread's own connection, if it opened one (run last)
    finally:
        # after the preparing thread has stopped (the pool's exit waits for it): nothing is queued after this
        if vectors is not None:
            vectors.submit(_close_connection)
            vectors.shutdown()
    return True


def _close_connection() -> None:
    """Close the calling thread's database connection (the preparing or the vectors thread's, when the
    job's writing ends: its thread is not a request's, nothing else would close it)."""
    try:
        connection.close()
    except Exception:  # a broken connection may fail to close: it is gone either way
        logger.debug("closing the preparing thread's connection failed", exc_info=True)


def _next_prepared(
    chunks: Iterator[list[ArticleRecord]],
    batch: ImportBatch,
    heads: bool = True,
    vectors: ThreadPoolExecutor | None = None,
) -> tuple[list[ArticleRecord], PreparedChunk] | None:
    """The next chunk of `chunks` with its chunk_prepare and chunk_lookups, or None at the end (run by
    _write's thread; one call at a time, so the iterator is never read by two threads at once). With
    `vectors`, the chunk's search vectors are computed on that executor's thread (chunk_vectors) while
    this one prepares the chunk and reads its band lookup."""
    chunk = next(chunks, None)
    if chunk is None:
        return None
    computing = vectors.submit(chunk_vectors, chunk) if vectors is not None else None
    try:
        prepared = chunk_prepare(chunk, batch=batch)
        chunk_lookups(prepared, heads=heads, vectors=computing.result if computing is not None else None)
    finally:
        if computing is not None:
            computing.result()  # not left running when this failed: its errors are this one's
    return chunk, prepared


def job_action_record(*, batch: ImportBatch, user, action: str) -> None:
    """Note on the job who did what to it and when (the desk is shared: any importer may cancel or
    resume any job, and the job page names them). Kept in options["actions"]."""
    name = getattr(user, "get_username", lambda: "")() or "the command line"
    with transaction.atomic():
        options = (
            ImportBatch.objects.select_for_update()
            .filter(pk=batch.pk)
            .values_list("options", flat=True)
            .first()
        )
        if options is None:
            return
        actions = [
            *options.get("actions", []),
            {"action": action, "user": name, "at": timezone.now().isoformat()},
        ]
        ImportBatch.objects.filter(pk=batch.pk).update(options={**options, "actions": actions[-50:]})


def import_job_cancel(*, batch: ImportBatch, user=None) -> None:
    """Ask a running job to stop after its current chunk (a queued or failed one stops at once)."""
    if user is not None:
        job_action_record(batch=batch, user=user, action="cancel")
    ImportBatch.objects.filter(pk=batch.pk).update(cancel_requested=True)
    ImportBatch.objects.filter(pk=batch.pk).exclude(status=ImportBatch.Status.RUNNING).exclude(
        status=ImportBatch.Status.DONE
    ).update(status=ImportBatch.Status.CANCELLED, message="cancelled", finished_at=timezone.now())


def import_job_start(*, batch: ImportBatch) -> object:
    """Queue the job (or run it here when no broker is configured); returns what enqueue returns."""

    return enqueue(RUN_TASK, batch_id=batch.pk)


def job_resumable(batch: ImportBatch) -> bool:
    """Whether resume may restart the job: it failed, was cancelled, or stopped responding (stale)."""
    return batch.status in (ImportBatch.Status.FAILED, ImportBatch.Status.CANCELLED) or job_stale(batch)


def import_job_resume(*, batch: ImportBatch, user=None) -> object:
    """Go on with a failed, cancelled or stale job from its last committed chunk; returns what enqueue
    returns (None for a job that is done or still running: a second runner is never started)."""
    batch.refresh_from_db()
    if not job_resumable(batch) and batch.status != ImportBatch.Status.PENDING:
        return None
    if user is not None:
        job_action_record(batch=batch, user=user, action="resume")
        batch.refresh_from_db()
    ImportBatch.objects.filter(pk=batch.pk).exclude(status=ImportBatch.Status.DONE).update(
        status=ImportBatch.Status.PENDING,
        cancel_requested=False,
        message="",
        finished_at=None,
        options={**batch.options, "takeovers": 0},
    )
    batch.refresh_from_db()
    if batch.stage in ("extracting", "linking"):
        return enqueue(FOLLOWUP_TASK, batch_id=batch.pk)
    return import_job_start(batch=batch)


def errors_csv(batch: ImportBatch) -> str:
    """The job's error report as CSV text: file, row, field, message (all errors)."""
    path = Path(settings.MEDIA_ROOT) / "imports" / str(batch.pk) / "errors.csv"
    if path.exists():
        return path.read_text(encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["file", "row", "field", "message"])
    for error in batch.errors:
        writer.writerow(
            [error.get("file", ""), error.get("row", ""), error.get("field", ""), error.get("message", "")]
        )
    if batch.message and batch.status == ImportBatch.Status.FAILED and not batch.errors:
        writer.writerow(["", "", "", batch.message])
    return buffer.getvalue()


def import_job_discard_files(*, batch: ImportBatch, keep_report: bool = True) -> None:
    """Delete a job's working files: its uploads and records file (and its error report unless
    `keep_report`). Called when the rows are all stored, and when a job fails in a way a resume
    cannot mend (refused files, rows with errors). Files a command named are never touched: only the
    job's own folder under MEDIA_ROOT is."""
    folder = Path(settings.MEDIA_ROOT) / "imports" / str(batch.pk)
    if not folder.is_dir():
        return
    for path in folder.iterdir():
        if keep_report and path.name == "errors.csv":
            continue
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    if not keep_report:
        shutil.rmtree(folder, ignore_errors=True)
