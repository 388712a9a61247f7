"""django-import-export resources and formats for the admin's bulk import of articles and outlets.

The admin's dry run shows what each row will do: "new", "update" (a changed text for a known URL,
stored as a new version, never edited in place), "skip" (the same text again, by URL or by content
hash) and row-numbered errors from the same checks the import jobs use (records.validate_row).
CSV and JSON are decoded with the import jobs' rules (BOM, UTF-8, cp1252, mixed encodings refused).
"""

from __future__ import annotations

import csv
import io
import json
import re

import tablib
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from import_export import fields, resources
from import_export.formats import base_formats
from import_export.widgets import ForeignKeyWidget

from newstext.nearduplicates import comparable, signature
from tracker.tasks import enqueue

from ..models import Article, ImportBatch, NearDuplicate, Outlet, content_hash
from ..services import StoreOutcome
from .decoding import decode_bytes, iter_lines
from .errors import ImportRefused, RowError
from .files import Limits, archive_size
from .nearduplicates import Match, stored_matches
from .records import COLUMN_ALIASES, ArticleRecord, normalize_column, validate_row
from .service import FOLLOWUP_TASK
from .store import outlet_for, record_merge, record_silent_edits, record_store, resolve_outlets
from .tabular import iter_json

SURROGATE = re.compile("[\ud800-\udfff]")
_ALIAS_TO_FIELD = {alias: name for name, aliases in COLUMN_ALIASES.items() for alias in aliases}


def check_upload_size(data: bytes, limits: Limits | None = None) -> Limits:
    """Refuse an admin upload over the import budget's file size or total (see files.Limits); returns
    the limits for the format's further checks."""
    limits = limits or Limits.from_settings()
    limit = min(limits.max_bytes, limits.zip_max_total)
    if len(data) > limit:
        raise ImportRefused(
            f"the file is over {limit:,} bytes, the limit for one import (IMPORT_MAX_BYTES, "
            "IMPORT_ZIP_MAX_TOTAL_BYTES); nothing was stored"
        )
    return limits


class BytesUpload:
    """Read the upload as bytes: the import rules decode it (BOMs, UTF-16, cp1252), not the format."""

    def is_binary(self) -> bool:
        return True

    def get_read_mode(self) -> str:
        return "rb"


class CheckedCSV(BytesUpload, base_formats.CSV):
    """CSV read as bytes and decoded by the import rules; broken quoting or encodings raise ImportRefused."""

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        data = in_stream if isinstance(in_stream, bytes) else in_stream.encode("utf-8")
        check_upload_size(data)
        lines = iter_lines(io.BytesIO(data))
        first = next(lines, "")
        delimiter = max(",;\t|", key=first.count)
        try:
            rows = list(csv.reader([first, *lines], delimiter=delimiter, strict=True))
        except csv.Error as error:
            raise ImportRefused(f"malformed CSV: {error}; check the quoting") from None
        if not rows:
            raise ImportRefused("the file is empty")
        width = len(rows[0])
        body = [(r + [""] * width)[:width] for r in rows[1:] if any(c.strip() for c in r)]
        return tablib.Dataset(*body, headers=rows[0])


class CheckedJSON(BytesUpload, base_formats.JSON):
    """JSON read as bytes and decoded by the import rules (a list of objects or {"articles": [...]})."""

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        data = in_stream if isinstance(in_stream, bytes) else in_stream.encode("utf-8")
        check_upload_size(data)
        for item in iter_json(io.BytesIO(data), name="upload.json"):  # checks syntax and required fields
            if isinstance(item, RowError) and not item.field:  # not an object: no columns to show it in
                raise ImportRefused(f"article {item.row}: {item.message}")
        payload = json.loads(decode_bytes(data)[0])
        if isinstance(payload, dict):
            payload = payload.get("articles", payload.get("items", [payload]))
        headers: list[str] = []
        for n, item in enumerate(payload, start=1):
            headers += [key for key in item if key not in headers]
            # a lone surrogate escape ("\ud800") is no character: the preview page could not show it
            bad = next((k for k, v in item.items() if isinstance(v, str) and SURROGATE.search(v)), None)
            if bad is not None:
                raise ImportRefused(
                    f"article {n}: {bad!r} holds an unpaired surrogate escape (\\ud800-\\udfff), "
                    "which is not text; fix the file"
                )
        return tablib.Dataset(*[[item.get(h, "") for h in headers] for item in payload], headers=headers)


class CheckedXLSX(base_formats.XLSX):
    """XLSX whose damage (not a workbook, a broken sheet) raises ImportRefused; short rows are padded."""

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        from openpyxl import load_workbook

        limits = check_upload_size(in_stream)
        # A workbook is a zip: the import budget's members, ratio and total apply (a 400 KB file whose
        # one cell unpacks to 400 MB is refused here, before openpyxl reads a byte of it).
        archive_size(io.BytesIO(in_stream), name="the workbook", limits=limits)
        try:
            book = load_workbook(io.BytesIO(in_stream), read_only=True, data_only=True)
        except Exception as error:  # zipfile.BadZipFile, broken XML, missing parts
            raise ImportRefused(f"not a readable XLSX workbook ({type(error).__name__})") from None
        try:
            rows = [list(cells) for cells in book.worksheets[0].iter_rows(values_only=True)]
        except Exception as error:
            raise ImportRefused(
                f"the workbook's first sheet cannot be read ({type(error).__name__})"
            ) from None
        finally:
            book.close()
        if not rows:
            raise ImportRefused("the workbook's first sheet is empty")
        width = len(rows[0])
        body = [(r + [None] * width)[:width] for r in rows[1:] if any(c not in (None, "") for c in r)]
        return tablib.Dataset(*body, headers=rows[0])


class ArticleResource(resources.ModelResource):
    """Articles by URL (or content hash when there is none), stored through article_store."""

    outlet = fields.Field(attribute="outlet", column_name="outlet", widget=ForeignKeyWidget(Outlet, "name"))

    class Meta:
        model = Article
        fields = ("url", "title", "outlet", "byline", "published_on", "language", "body")
        import_id_fields = ("url",)
        store_instance = True
        skip_unchanged = False

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.batch: ImportBatch | None = None
        self._row_record: ArticleRecord | None = None
        self._row_number = 0
        # The editor's choice per row number for the near-duplicates the preview listed (keep, skip,
        # merge), posted with the confirmation (ArticleAdmin.get_import_data_kwargs).
        self.near_choices: dict[int, str] = {}

    @property
    def _record(self) -> ArticleRecord:
        """The record of the row being imported (before_import_row reads it before any other hook)."""
        if self._row_record is None:
            raise RuntimeError("no row has been read yet")
        return self._row_record

    def before_import(self, dataset, **kwargs) -> None:
        self.near_choices = dict(kwargs.get("near_duplicate_choices") or {})
        if "url" not in (dataset.headers or []):
            # Rows are matched by URL or by text (get_or_init_instance); import-export would refuse a
            # file without a "url" column (a body-only file, or the URL under an alias such as "link").
            dataset.append_col([""] * len(dataset), header="url")
        if not self._is_dry_run(kwargs):
            user = kwargs.get("user")
            self.batch = ImportBatch.objects.create(
                name=str(kwargs.get("file_name") or "admin import")[:255],
                source="admin",
                status=ImportBatch.Status.RUNNING,
                stage="importing",
                created_by=user if getattr(user, "pk", None) else None,
            )

    def before_import_row(self, row, **kwargs) -> None:
        if not any(_ALIAS_TO_FIELD.get(normalize_column(key)) == "body" for key in row):
            raise ValidationError({NON_FIELD_ERRORS: ["missing required column: body (or text, content)"]})
        values = {}
        for key, value in row.items():
            name = _ALIAS_TO_FIELD.get(normalize_column(key))
            if name and name not in values:
                values[name] = value
        self._row_number = kwargs.get("row_number") or 0
        record, errors = validate_row(values, row=self._row_number)
        if errors:
            raise ValidationError({(e.field or NON_FIELD_ERRORS): [e.message] for e in errors})
        self._row_record = record

    def get_or_init_instance(self, instance_loader, row):
        record = self._record
        if record.url:
            current = Article.objects.filter(url=record.url, is_current=True).first()
        else:
            current = Article.objects.filter(content_hash=content_hash(record.body), is_current=True).first()
        return (current, False) if current is not None else (Article(), True)

    def import_instance(self, instance, row, **kwargs) -> None:
        # Only for the preview's diff: the row is stored by save_instance through article_store.
        record = self._record
        instance.url, instance.title, instance.byline = record.url, record.title, record.byline
        instance.body, instance.language = record.body, record.language
        instance.published_on = record.published_date
        if record.outlet:
            instance.outlet = Outlet.objects.filter(name__iexact=record.outlet).first() or Outlet(
                name=record.outlet
            )

    def skip_row(self, instance, original, row, import_validation_errors=None) -> bool:
        if import_validation_errors:
            return False
        if original is not None and original.pk and original.content_hash == content_hash(self._record.body):
            return True
        if self.near_choices.get(self._row_number) == "skip" and (match := self._near_match()) is not None:
            self._note_near_duplicate(match, NearDuplicate.Decision.SKIP, None)
            return True
        return False

    def _near_match(self) -> Match | None:
        """The stored article this row nearly duplicates now (rows stored before it included)."""
        if not comparable(self._record.body):
            return None
        return stored_matches([signature(self._record.body)])[0]

    def _note_near_duplicate(self, match: Match, decision: str, stored: Article | None) -> None:
        """List the editor's choice on the admin import's job, as an import job lists its own."""
        if self.batch is None:
            return
        record = self._record
        NearDuplicate.objects.create(
            batch=self.batch,
            row=record.row,
            title=record.title,
            outlet_name=record.outlet or record.outlet_domain,
            url=record.url,
            match_id=match.article_id,
            similarity=round(match.similarity, 4),
            decision=decision,
            article=stored,
            decided_by=self.batch.created_by,
            decided_at=timezone.now(),
        )

    def save_instance(self, instance, is_create, row, **kwargs) -> None:
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        record = self._record
        outlet = outlet_for(record, resolve_outlets([record]))
        choice = self.near_choices.get(self._row_number)
        match = self._near_match() if choice in ("keep", "merge") and is_create else None
        if match is not None and choice == "merge":
            result = record_merge(
                record, into=Article.objects.get(pk=match.article_id), outlet=outlet, batch=self.batch
            )
        else:
            result = record_store(record, outlet=outlet, batch=self.batch)
        if result.outcome == StoreOutcome.NEW_VERSION:
            record_silent_edits([result.article])
        if match is not None and choice in ("keep", "merge"):
            self._note_near_duplicate(match, choice, result.article)
        instance.pk = result.article.pk
        instance.outlet = result.article.outlet

    def after_import(self, dataset, result, **kwargs) -> None:
        super().after_import(dataset, result, **kwargs)
        if self.batch is None or self._is_dry_run(kwargs):
            return
        totals = result.totals
        created, versioned = totals.get("new", 0), totals.get("update", 0)
        ImportBatch.objects.filter(pk=self.batch.pk).update(
            rows_read=len(dataset),
            rows_created=created,
            rows_versioned=versioned,
            rows_skipped=totals.get("skip", 0),
            rows_failed=totals.get("error", 0) + totals.get("invalid", 0),
            rows_total=len(dataset),
            committed_rows=len(dataset),
            stage="extracting" if created + versioned else "finished",
            status=ImportBatch.Status.RUNNING if created + versioned else ImportBatch.Status.DONE,
        )
        if created + versioned:
            batch = self.batch
            transaction.on_commit(lambda: queue_extraction(batch))


def queue_extraction(batch: ImportBatch) -> None:
    """Queue claim extraction for the articles an admin import created (after its transaction commits)."""
    enqueue(FOLLOWUP_TASK, batch_id=batch.pk)


class OutletResource(resources.ModelResource):
    """Outlets by name; an existing outlet's details are updated, choices and constraints checked."""

    class Meta:
        model = Outlet
        fields = ("name", "domain", "country", "kind")
        import_id_fields = ("name",)
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True

    def before_import(self, dataset, **kwargs) -> None:
        # Column names match whatever their case and spacing ("Name", " domain ").
        dataset.headers = [str(h or "").strip().lower() for h in dataset.headers or []]
        if "name" not in dataset.headers:
            # import-export would report its own FieldError, with a traceback: say it in plain words.
            raise ImportRefused(
                f"the file has no `name` column; expected columns: {', '.join(self._meta.fields)}"
            )


__all__ = [
    "ArticleResource",
    "CheckedCSV",
    "CheckedJSON",
    "CheckedXLSX",
    "ImportRefused",
    "OutletResource",
    "queue_extraction",
]
