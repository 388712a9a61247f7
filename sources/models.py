"""Outlets, articles (with versions) and the import batches they came in."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


def content_hash(body: str) -> str:
    """SHA-256 hex digest of an article body, the key for spotting duplicate texts."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class Outlet(models.Model):
    class Kind(models.TextChoices):
        PUBLIC_BROADCASTER = "public_broadcaster", "Public broadcaster"
        STATE_AFFILIATED = "state_affiliated", "State-affiliated"
        AGENCY = "agency", "News agency"
        INDEPENDENT = "independent", "Independent"
        COMMERCIAL = "commercial", "Commercial"
        REGIONAL = "regional", "Regional"
        OTHER = "other", "Other"

    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=253, blank=True, db_index=True)
    country = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=32, choices=Kind, default=Kind.OTHER)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["domain"], condition=~Q(domain=""), name="outlet_domain_unique"),
            models.CheckConstraint(condition=~Q(name=""), name="outlet_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name


class ImportBatch(models.Model):
    """One upload or command run; every article it created points back to it."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"
        CANCELLED = "cancelled", "Cancelled"

    name = models.CharField(max_length=255)
    source = models.CharField(max_length=32, default="command", help_text="admin, upload, command, sample")
    status = models.CharField(max_length=16, choices=Status, default=Status.PENDING)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    rows_read = models.PositiveIntegerField(default=0)
    rows_created = models.PositiveIntegerField(default=0)
    rows_skipped = models.PositiveIntegerField(default=0)
    rows_failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list, blank=True)
    # Job state for background imports (sources.importing.service): progress, resume cursor, cancel flag.
    stage = models.CharField(
        max_length=12, default="queued", help_text="queued, reading, importing, extracting, linking, finished"
    )
    message = models.TextField(blank=True, help_text="Why the job stopped, when it did not finish.")
    files = models.JSONField(default=list, blank=True, help_text="Paths of the files to import.")
    options = models.JSONField(default=dict, blank=True)
    bytes_total = models.PositiveBigIntegerField(default=0)
    bytes_read = models.PositiveBigIntegerField(default=0)
    rows_total = models.PositiveIntegerField(default=0, help_text="Valid rows to write, known after reading.")
    rows_versioned = models.PositiveIntegerField(
        default=0, help_text="Rows stored as a new version of a URL."
    )
    committed_rows = models.PositiveIntegerField(
        default=0, help_text="Rows written in committed batches: where a resumed job starts again."
    )
    cancel_requested = models.BooleanField(default=False)
    extract_total = models.PositiveIntegerField(default=0)
    extract_done = models.PositiveIntegerField(default=0)
    extract_failed = models.PositiveIntegerField(default=0)
    link_status = models.CharField(max_length=200, blank=True)
    runner = models.CharField(
        max_length=32,
        blank=True,
        help_text="Token of the worker running the job's extraction and linking (empty: none yet).",
    )
    updated_at = models.DateTimeField(auto_now=True, null=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "import batches"

    def __str__(self) -> str:
        return self.name

    STAGE_WORDS = {
        "queued": "waiting for a worker",
        "reading": "reading the files",
        "importing": "storing articles",
        "extracting": "extracting claims",
        "linking": "linking claims",
        "finished": "finished",
    }

    @property
    def state_shown(self) -> str:
        """The job's state as the pages show it: "Done", "Running: extracting claims", "Pending: waiting
        for a worker". A finished, failed or cancelled job's stage is where it stopped, not news: not shown
        (a job imported without extraction keeps the stage it never left, "queued")."""
        label = self.get_status_display()
        if self.status in (self.Status.PENDING, self.Status.RUNNING):
            return f"{label}: {self.STAGE_WORDS.get(self.stage, self.stage)}"
        return label


class ArticleManager(models.Manager):
    """Articles without their search vector: only the database's search reads it (see migration 0004)."""

    def get_queryset(self):
        return super().get_queryset().defer("search_vector")


class Article(models.Model):
    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        UNKNOWN = "unknown", "Unknown"

    class DateSource(models.TextChoices):
        METADATA = "metadata", "Metadata"
        DATELINE = "dateline", "Dateline"
        HEADER = "header", "Page header"
        EDITOR = "editor", "Editor"
        NONE = "none", "Not found"

    class ExtractionStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    # No index of its own: article_outlet_date_idx (outlet, -published_on) leads with it (migration 0011).
    outlet = models.ForeignKey(
        Outlet, null=True, blank=True, on_delete=models.PROTECT, related_name="articles", db_index=False
    )
    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=500, blank=True)
    byline = models.CharField(max_length=300, blank=True)
    # Every claim and annotation offset refers to this text: it is never edited in place; a changed
    # text for the same URL becomes a new version (see sources.services.article_store).
    body = models.TextField()
    # Indexed in Meta.indexes, not by db_index: on PostgreSQL db_index adds a `_like` twin
    # (varchar_pattern_ops) that every insert pays for and no query uses (they all compare with =).
    content_hash = models.CharField(max_length=64, editable=False)
    published_on = models.DateField(null=True, blank=True, db_index=True)
    published_precision = models.CharField(max_length=8, choices=DatePrecision, default=DatePrecision.UNKNOWN)
    published_source = models.CharField(max_length=10, choices=DateSource, default=DateSource.NONE)
    published_conflicts = models.JSONField(
        default=list,
        blank=True,
        help_text="Other publication-date candidates found, with where they came from.",
    )
    notes = models.JSONField(
        default=list,
        blank=True,
        help_text="Corrections and editor's notes found in the body: start, end and kind of each.",
    )
    language = models.CharField(max_length=12, default="en")
    version = models.PositiveIntegerField(default=1)
    edit_version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moves on by one with every change an editor makes to the title, outlet or publication "
        "date, so a change made on an older one is refused.",
    )
    is_current = models.BooleanField(default=True, help_text="The latest version of the text at this URL.")
    previous_version = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="next_version"
    )
    import_batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    original = models.TextField(
        blank=True, help_text="The raw file as received (HTML or text), kept for provenance."
    )
    extraction_status = models.CharField(
        max_length=10, choices=ExtractionStatus, default=ExtractionStatus.PENDING
    )
    extractor_version = models.CharField(max_length=32, blank=True)
    extracted_at = models.DateTimeField(null=True, blank=True)
    extraction_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Title and body as a PostgreSQL tsvector, kept by a trigger and GIN-indexed (migration 0004); NULL
    # on SQLite. Deferred by the manager, never serialized: nothing in Python reads or writes it.
    search_vector = SearchVectorField(null=True, blank=True, editable=False, serialize=False)

    objects = ArticleManager()
    history = HistoricalRecords(
        excluded_fields=[
            "search_vector",
            "body",
            "original",
            "extraction_status",
            "extracted_at",
            "extraction_error",
            "updated_at",
        ],
        # History rows are read by article (`id`) in date order; these copies of the article's indexes
        # only slowed every insert (migration 0011).
        no_db_index=["content_hash", "published_on", "outlet", "import_batch", "previous_version"],
    )

    class Meta:
        base_manager_name = "objects"  # related lookups (claim.article) skip the vector too
        ordering = ["-published_on", "-id"]
        indexes = [
            models.Index(fields=["outlet", "-published_on"], name="article_outlet_date_idx"),
            models.Index(fields=["content_hash"], name="article_content_hash_idx"),
            models.Index(fields=["extraction_status"], name="article_extraction_status_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["url"], condition=Q(is_current=True) & ~Q(url=""), name="article_current_url_unique"
            ),
            models.UniqueConstraint(
                fields=["url", "version"], condition=~Q(url=""), name="article_url_version_unique"
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            models.CheckConstraint(condition=Q(version__gte=1), name="article_version_positive"),
            models.CheckConstraint(
                condition=(Q(published_precision="unknown") & Q(published_on__isnull=True))
                | (~Q(published_precision="unknown") & Q(published_on__isnull=False)),
                name="article_published_precision_matches_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or f"Article {self.pk}"

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)


class SilentEdit(models.Model):
    """A new version of an article whose numbers differ from the previous version's (a silent edit).

    `changes` lists the passages: old_/new_ start, end, text and numbers, the previous version's
    quantity and date claims there ("previous_claims") and, once extracted, the new ones ("claims").
    """

    article = models.OneToOneField(Article, on_delete=models.CASCADE, related_name="silent_edit")
    previous = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="+")
    changes = models.JSONField(default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Silent edit of {self.previous} (v{self.article.version})"


class ArticleFingerprint(models.Model):
    """An article version's MinHash signature (newstext.nearduplicates), kept to compare new texts with."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, primary_key=True, related_name="fingerprint"
    )
    signature = models.BinaryField(help_text="newstext.nearduplicates.signature_bytes of the article's body.")
    version = models.PositiveSmallIntegerField(
        help_text="newstext.nearduplicates.SIGNATURE_VERSION of the signature: only signatures (and band "
        "keys) of the current version are compared; fingerprint_articles recomputes older ones."
    )

    def __str__(self) -> str:
        return f"Fingerprint of article {self.article_id}"


class ArticleBand(models.Model):
    """One LSH band key of an article version's signature. A new text's candidate near-duplicates are the
    current articles sharing one of its keys: an indexed lookup, whatever the number of articles.

    The (key, article) primary key is the lookup's index. There is no id column and no foreign-key
    constraint in the database (the ORM still deletes an article's rows with it): an import writes 32
    rows per article, and a sequence value, a third index and a deferred check of the article for each
    row cost PostgreSQL as much as the rows themselves. A row whose article is gone would only be a
    candidate that finds no signature. On PostgreSQL the article index is a BRIN (migration 0012): it
    only serves deletes, and a btree entry per row cost a third of storing the rows."""

    pk = models.CompositePrimaryKey("key", "article")
    key = models.BigIntegerField()
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", db_index=False, db_constraint=False
    )

    class Meta:
        indexes = [models.Index(fields=["article"], name="article_band_article_idx")]

    def __str__(self) -> str:
        return f"Band {self.key} of article {self.article_id}"


class NearDuplicate(models.Model):
    """An incoming article that nearly duplicates a stored one, and what the editor (or the import's
    default choice) did with it. A held one (pending) keeps the checked record until it is decided."""

    class Decision(models.TextChoices):
        PENDING = "pending", "Waiting for a decision"
        KEEP = "keep", "Kept both"
        SKIP = "skip", "Skipped the new one"
        MERGE = "merge", "Merged as a new version"

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="near_duplicates")
    file = models.CharField(max_length=255, blank=True)
    row = models.PositiveIntegerField()
    title = models.CharField(max_length=500, blank=True)
    outlet_name = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    record = models.JSONField(
        default=dict, blank=True, help_text="The checked row while it waits for a decision (emptied after)."
    )
    match = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="The stored article it nearly duplicates.",
    )
    similarity = models.FloatField(
        help_text="Estimated Jaccard similarity of the two texts' 5-word shingles."
    )
    decision = models.CharField(max_length=8, choices=Decision, default=Decision.PENDING)
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="What was stored: the new article (keep) or the new version (merge).",
    )
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["batch", "file", "row"]
        constraints = [
            models.UniqueConstraint(fields=["batch", "file", "row"], name="near_duplicate_row_unique"),
            models.CheckConstraint(
                condition=Q(similarity__gte=0) & Q(similarity__lte=1), name="near_duplicate_similarity_range"
            ),
        ]

    def __str__(self) -> str:
        return f"Row {self.row} of job {self.batch_id} ~ article {self.match_id}"
