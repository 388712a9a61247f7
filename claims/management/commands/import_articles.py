"""`manage.py import_articles PATH...`: import files, folders and zip archives with a progress bar."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims.services.import_followup import import_job_extract
from sources.importing.nearduplicates import CHOICES
from sources.importing.service import (
    import_job_create,
    import_job_resume,
    import_job_run,
    import_job_start,
    job_stale,
)
from sources.models import ImportBatch
from sources.selectors import job_near_duplicates


class Command(BaseCommand):
    help = "Import articles from CSV, JSON, XLSX, .txt, .html files, folders of them, or .zip archives."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="*", help="files, folders or .zip archives")
        parser.add_argument("--outlet", default="", help="outlet name for articles that name none")
        parser.add_argument("--no-extract", action="store_true", help="do not extract claims after importing")
        parser.add_argument(
            "--skip-invalid", action="store_true", help="import the valid rows when some are bad"
        )
        parser.add_argument("--batch-size", type=int, default=None, help="rows per committed transaction")
        parser.add_argument(
            "--resume", type=int, metavar="JOB_ID", help="go on with a failed or cancelled job"
        )
        parser.add_argument("--background", action="store_true", help="queue the job on Celery and return")
        parser.add_argument(
            "--near-duplicates",
            choices=CHOICES,
            default="keep",
            help="what to do with an article that nearly duplicates a stored one: keep both (default), skip "
            "the new one, merge it as a new version of the stored one, or ask (hold it for a choice on "
            "the job page)",
        )

    def handle(self, *args, **options) -> None:
        if options["resume"]:
            try:
                batch = ImportBatch.objects.get(pk=options["resume"])
            except ImportBatch.DoesNotExist:
                raise CommandError(f"no import job {options['resume']}") from None
            if batch.status == ImportBatch.Status.RUNNING and not job_stale(batch):
                raise CommandError(
                    f"import job {batch.pk} is running; resume it once it has stopped making progress"
                )
            ImportBatch.objects.filter(pk=batch.pk).exclude(status=ImportBatch.Status.DONE).update(
                status=ImportBatch.Status.PENDING, cancel_requested=False
            )
        elif options["paths"]:
            batch = import_job_create(
                paths=options["paths"],
                source="command",
                outlet=options["outlet"],
                extract=not options["no_extract"],
                skip_invalid=options["skip_invalid"],
                batch_size=options["batch_size"],
                near_duplicates=options["near_duplicates"],
            )
        else:
            raise CommandError("give files, folders or archives to import, or --resume JOB_ID")
        if options["background"]:
            (import_job_resume if options["resume"] else import_job_start)(batch=batch)
            self.stdout.write(f"queued import job {batch.pk}")
            return
        bars: dict[str, tqdm] = {}

        def progress(stage: str, done: int, total: int) -> None:
            bar = bars.get(stage)
            if bar is None:
                unit, scale = ("B", True) if stage == "reading" else ("article", False)
                bar = bars[stage] = tqdm(
                    total=total, desc=stage, unit=unit, unit_scale=scale, file=self.stderr
                )
            bar.total = total
            bar.update(done - bar.n)

        batch.refresh_from_db()
        if batch.stage not in ("extracting", "linking"):
            batch = import_job_run(batch_id=batch.pk, progress=progress, chain=False)
        if batch.stage in ("extracting", "linking") and batch.status in (
            ImportBatch.Status.RUNNING,
            ImportBatch.Status.PENDING,  # --resume of a job that stopped in extraction or linking
        ):
            batch = import_job_extract(batch_id=batch.pk, progress=progress)
        for bar in bars.values():
            bar.close()
        self.stdout.write(
            f"import job {batch.pk}: {batch.status}; read {batch.rows_read}, created {batch.rows_created}, "
            f"new versions {batch.rows_versioned}, skipped {batch.rows_skipped}, failed {batch.rows_failed}"
            + (
                f"; claims extracted for {batch.extract_done}, failed {batch.extract_failed}"
                if batch.extract_total
                else ""
            )
        )
        self.report_near_duplicates(batch)
        for error in batch.errors[:20]:
            self.stdout.write(f"  {error['file']} row {error['row']} {error['field']}: {error['message']}")
        if batch.message:
            self.stdout.write(batch.message)
        if batch.status == ImportBatch.Status.FAILED:
            raise CommandError(f"import job {batch.pk} failed: {batch.message}")

    def report_near_duplicates(self, batch: ImportBatch) -> None:
        """Print the job's near-duplicates (the first 20): row, title, the stored article, similarity, decision."""
        rows, total, pending = job_near_duplicates(batch.pk)
        if not total:
            return
        self.stdout.write(
            f"near-duplicates: {total}"
            + (f", {pending} held for a choice on the job page (/imports/{batch.pk}/)" if pending else "")
        )
        for item in rows[:20]:
            where = f"{item.file} row {item.row}" if item.file else f"row {item.row}"
            self.stdout.write(
                f"  {where} {item.title[:60]!r} ~ article {item.match_id} {item.match.title[:60]!r} "
                f"({item.similarity:.0%}): {item.get_decision_display().lower()}"
            )
