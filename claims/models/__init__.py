"""Claims extracted from articles, the actors who make statements, events, links and annotations."""

from __future__ import annotations

import calendar

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Length
from simple_history.models import HistoricalRecords

from newstext import humanize
from sources.models import Article

from .span_rule import SPAN_INSIDE_TEXT, SpanChecked, SpanCheckedQuerySet


class Actor(models.Model):
    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        ORGANISATION = "organisation", "Organisation"
        GOVERNMENT = "government", "Government body"
        OUTLET = "outlet", "Outlet"
        UNNAMED = "unnamed", "Unnamed source"
        JOINT = "joint", "People speaking together"

    name = models.CharField(max_length=200, help_text="Canonical name.")
    normalized_name = models.CharField(max_length=200, db_index=True, editable=False)
    kind = models.CharField(max_length=16, choices=Kind, default=Kind.PERSON)
    description = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["normalized_name", "kind"], name="actor_unique_name_kind"),
            models.CheckConstraint(condition=~Q(name=""), name="actor_name_not_empty"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        from claims.extraction.actors import normalize_name

        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)


class ActorAlias(models.Model):
    """Another spelling of an actor's name: transliteration, missing accent, misspelling."""

    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    normalized_name = models.CharField(max_length=200, db_index=True, editable=False)

    class Meta:
        verbose_name_plural = "actor aliases"
        constraints = [
            models.UniqueConstraint(fields=["actor", "normalized_name"], name="alias_unique_per_actor")
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        from claims.extraction.actors import normalize_name

        self.normalized_name = normalize_name(self.name)
        super().save(*args, **kwargs)


class ActorRole(models.Model):
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="roles")
    title = models.CharField(
        max_length=300, help_text="As articles give it: 'Russian Foreign Ministry spokeswoman'."
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)
    first_seen_in = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["actor", "-started_on"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "title"], name="role_unique_per_actor"),
            models.CheckConstraint(
                condition=Q(started_on__isnull=True)
                | Q(ended_on__isnull=True)
                | Q(started_on__lte=F("ended_on")),
                name="role_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.actor}: {self.title}"


class Event(models.Model):
    class Origin(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        EDITOR = "editor", "Made by an editor"

    title = models.CharField(max_length=300)
    date = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=8, default="unknown")
    place = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    articles = models.ManyToManyField(Article, related_name="events", blank=True)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.SUGGESTED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(m2m_fields=[articles])

    class Meta:
        ordering = ["-date", "-id"]

    def __str__(self) -> str:
        return self.title


class Claim(SpanChecked, models.Model):
    class Kind(models.TextChoices):
        QUANTITY = "quantity", "Quantity"
        DATE = "date", "Date"
        STATEMENT = "statement", "Statement"

    class Origin(models.TextChoices):
        EXTRACTED = "extracted", "Extracted"
        EDITOR = "editor", "Made by an editor"

    class ReviewStatus(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        EDITED = "edited", "Edited"
        REJECTED = "rejected", "Rejected"

    class Polarity(models.TextChoices):
        ASSERTED = "asserted", "Asserted"
        DENIED = "denied", "Denied"  # "denied that ...": the words are what the speaker rejects
        REFUSED = "refused", "Refused or not said"  # "declined to comment", "has not said how"
        QUESTION = "question", "Asked (a question)"  # 'she asked, "Will you sign it?"'
        POSITION = (
            "position",
            "A stance (a belief, wish or reaction)",
        )  # "believes that", "wants", "condemned the quotas"

    class Verdict(models.TextChoices):
        """The editors' fact-check of what the claim says (accepting a claim only says it was extracted right)."""

        TRUE = "true", "True"
        MOSTLY_TRUE = "mostly-true", "Mostly true"
        MISLEADING = "misleading", "Misleading"
        FALSE = "false", "False"
        UNPROVEN = "unproven", "Unproven"

    class DatePrecision(models.TextChoices):
        DAY = "day", "Day"
        MONTH = "month", "Month"
        YEAR = "year", "Year"
        # Nothing anchors the article in time: what the text says is kept, the rest is not known.
        DAY_NO_YEAR = "day-no-year", "Day and month, year not known"
        MONTH_NO_YEAR = "month-no-year", "Month, year not known"
        WEEKDAY = "weekday", "Weekday, date not known"
        RELATIVE = "relative", "Relative, date not known"

    # article, event, speaker and review_status have no index of their own: the composite indexes of Meta
    # that start with them (claim_article_start_idx, claim_event_id_idx, claim_speaker_id_idx,
    # claim_status_id_idx) serve every lookup by them, and each index more is written on every insert
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims", db_index=False)
    event = models.ForeignKey(
        Event, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims", db_index=False
    )
    kind = models.CharField(max_length=10, choices=Kind)
    # The span of article.body that states the claim (end exclusive); quote == body[start:end].
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()

    # Quantity
    quantity_low = models.FloatField(null=True, blank=True)
    quantity_high = models.FloatField(null=True, blank=True)
    quantity_approximate = models.BooleanField(default=False)
    quantity_direction = models.CharField(max_length=1, blank=True, help_text="=, >, < or ~")
    unit = models.CharField(max_length=100, blank=True, help_text="As written: 'planes'.")
    unit_class = models.CharField(
        max_length=50, blank=True, db_index=True, help_text="Normalised: 'aircraft'."
    )
    counted = models.CharField(max_length=300, blank=True, help_text="The thing counted.")

    # Date
    date_value = models.DateField(
        null=True,
        blank=True,
        help_text="First day of the period at its precision; empty when the year is not known.",
    )
    date_precision = models.CharField(max_length=13, choices=DatePrecision, blank=True)
    # A written period ("between June 2011 and July 2012", "March 3-9"): date_value is its first end
    date_end_value = models.DateField(
        null=True,
        blank=True,
        help_text="A period's last end: first day of it at its precision; empty for a single date.",
    )
    date_end_precision = models.CharField(
        max_length=13,
        choices=[(v, label) for v, label in DatePrecision.choices if v in ("day", "month", "year")],
        blank=True,
    )
    date_month = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Month the text names when the year is not known."
    )
    date_day = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Day of the month the text names when the year is not known."
    )
    date_weekday = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Weekday the text names (Monday 0) when the date is not known."
    )
    date_approximate = models.BooleanField(default=False)
    date_expression = models.CharField(max_length=200, blank=True)
    date_dated = models.CharField(
        max_length=100, blank=True, help_text="What the date dates, as written: 'landed', 'said'."
    )

    # Statement
    speaker = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.PROTECT, related_name="statements", db_index=False
    )
    speaker_mention_start = models.PositiveIntegerField(null=True, blank=True)
    speaker_mention_end = models.PositiveIntegerField(null=True, blank=True)
    speaker_mention = models.CharField(max_length=300, blank=True)
    speaker_role = models.CharField(max_length=300, blank=True, help_text="The role as the article gives it.")
    direct = models.BooleanField(default=False, help_text="Quoted, not reported.")
    reporting_verb = models.CharField(max_length=100, blank=True)
    # The speaker's words alone when the span holds the writer's attribution between quoted fragments
    # ('"I may do it," he said, before adding, "If ..."' -> "I may do it ... If ..."); blank when the
    # quote is the words. The span stays the whole run, so the page highlights it where it stands.
    words = models.TextField(
        blank=True, help_text="The speaker's words when the quote holds the attribution."
    )
    attribution = models.CharField(max_length=300, blank=True, help_text="'according to Javier Mayorca'.")
    polarity = models.CharField(max_length=8, choices=Polarity, default=Polarity.ASSERTED)

    # Provenance and review
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.EXTRACTED)
    extractor_version = models.CharField(max_length=32, blank=True)
    confidence = models.FloatField(null=True, blank=True)
    review_status = models.CharField(max_length=10, choices=ReviewStatus, default=ReviewStatus.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moves on by one with every change, so an edit made on an older version is refused.",
    )

    # Fact-check verdict: whether what the claim says is true (published as ClaimReview; empty = none yet).
    # indexed by claim_verdict_idx (Meta): db_index would add a second, varchar_pattern_ops index on
    # PostgreSQL for LIKE, which no query runs on a verdict
    verdict = models.CharField(max_length=12, choices=Verdict, blank=True)
    verdict_note = models.TextField(blank=True, help_text="Why: what the editors checked and found.")
    verdict_sources = models.TextField(blank=True, help_text="The sources checked, one URL per line.")
    verdict_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    verdict_at = models.DateTimeField(null=True, blank=True)
    # Full-text search: filled by a database trigger on PostgreSQL (migration 0004) from the quote and
    # the attribution fields, GIN-indexed there; stays NULL on SQLite, where search falls back to icontains.
    search_vector = SearchVectorField(null=True, blank=True, editable=False)

    history = HistoricalRecords(excluded_fields=["search_vector"])
    objects = SpanCheckedQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "id"]
        triggers = [SPAN_INSIDE_TEXT]  # the span lies inside the article's text (see claims.models.span_rule)
        indexes = [
            models.Index(fields=["kind", "review_status"], name="claim_kind_status_idx"),
            models.Index(fields=["article", "start"], name="claim_article_start_idx"),
            # The review queue and bulk accept walk pending claims by confidence.
            models.Index(fields=["review_status", "-confidence", "id"], name="claim_status_conf_idx"),
            # Sort orders the claims list offers, each ending on the unique id.
            models.Index(fields=["-confidence", "-id"], name="claim_conf_id_idx"),
            models.Index(fields=["kind", "-id"], name="claim_kind_id_idx"),
            models.Index(fields=["review_status", "-id"], name="claim_status_id_idx"),
            models.Index(fields=["unit_class", "-id"], name="claim_unit_id_idx"),
            models.Index(fields=["speaker", "-id"], name="claim_speaker_id_idx"),
            models.Index(fields=["event", "-id"], name="claim_event_id_idx"),
            # The claims list's polarity filter: statements denied, refused, asked or held are a few in a
            # hundred claims (every other claim is "asserted", read by the kind index), so only they are kept.
            models.Index(
                fields=["polarity", "-id"],
                condition=~Q(polarity="asserted"),
                name="claim_polarity_id_idx",
            ),
            models.Index(fields=["date_value"], name="claim_date_value_idx"),
            models.Index(fields=["verdict"], name="claim_verdict_idx"),  # the list's verdict filter
        ]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="claim_span_not_empty"),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("quote")), name="claim_quote_matches_span"
            ),
            models.CheckConstraint(
                condition=Q(quantity_low__isnull=True)
                | Q(quantity_high__isnull=True)
                | Q(quantity_low__lte=F("quantity_high")),
                name="claim_quantity_low_le_high",
            ),
            models.CheckConstraint(
                condition=~Q(kind="quantity")
                | (Q(quantity_low__isnull=False) & Q(quantity_high__isnull=False)),
                name="claim_quantity_has_value",
            ),
            models.CheckConstraint(
                condition=~Q(kind="date")
                | (Q(date_value__isnull=False) & Q(date_precision__in=["day", "month", "year"]))
                | (
                    Q(date_value__isnull=True)
                    & Q(date_precision__in=["day-no-year", "month-no-year", "weekday", "relative"])
                ),
                name="claim_date_has_value",
            ),
            models.CheckConstraint(
                condition=(Q(date_end_value__isnull=True) & Q(date_end_precision=""))
                | (
                    Q(date_end_value__isnull=False)
                    & Q(date_end_precision__in=["day", "month", "year"])
                    & Q(date_value__isnull=False)
                    & Q(date_end_value__gte=F("date_value"))
                ),
                name="claim_date_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | (Q(confidence__gte=0) & Q(confidence__lte=1)),
                name="claim_confidence_range",
            ),
            models.CheckConstraint(
                condition=Q(speaker_mention_start__isnull=True)
                | Q(speaker_mention_end__gt=F("speaker_mention_start")),
                name="claim_speaker_mention_span",
            ),
            models.CheckConstraint(
                condition=Q(origin="editor") | ~Q(extractor_version=""), name="claim_extracted_has_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.said[:80]}"

    @property
    def said(self) -> str:
        """The claim's words as an editor reads them: the speaker's words alone when the span holds the
        writer's attribution inside a quote run (`words`), else the quoted span."""
        return self.words or self.quote

    @property
    def bounds(self) -> tuple[float, float]:
        """A quantity claim's low and high (the constraint claim_quantity_has_value guarantees both)."""
        if self.quantity_low is None or self.quantity_high is None:
            raise ValueError(f"claim {self.pk} has no quantity bounds")
        return self.quantity_low, self.quantity_high

    @property
    def date_shown(self) -> str:
        """A date claim as pages and exports show it: "2019-03-23", "2019-03", "2019", a period "3-9 March
        2026", or what the text says with what is not known ("23 January, year not known", "Saturday, date not known")."""
        p = self.date_precision
        if p in ("day", "month", "year") and self.date_value is not None and self.date_end_value is not None:
            # a period as people write it: "3-9 March 2026", "June 2011 - July 2012", "2014-2016"
            return humanize.period(self.date_value, p, self.date_end_value, self.date_end_precision)
        if p in ("day", "month", "year") and self.date_value is not None:
            return self.date_value.strftime({"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}[p])
        if p == self.DatePrecision.DAY_NO_YEAR and self.date_month and self.date_day:
            return f"{self.date_day} {calendar.month_name[self.date_month]}, year not known"
        if p == self.DatePrecision.MONTH_NO_YEAR and self.date_month:
            return f"{calendar.month_name[self.date_month]}, year not known"
        if p == self.DatePrecision.WEEKDAY and self.date_weekday is not None:
            return f"{calendar.day_name[self.date_weekday]}, date not known"
        if self.kind == self.Kind.DATE:
            return f"{self.date_expression or 'date'}, date not known"
        return ""


class ClaimVector(models.Model):
    """A statement's sentence vector (claims.linking.encoder): computed once by the linking service and
    read by every later run. Its own table keeps 776 bytes off each claim row and its history."""

    claim = models.OneToOneField(Claim, on_delete=models.CASCADE, primary_key=True, related_name="vector")
    # encoder.pack: a hash of the text it was made from, then 384 float16 values
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"vector of claim {self.claim_id}"


class ClaimLink(models.Model):
    """Two claims from different articles that corroborate or contradict each other.

    Stored once per pair (claim_a has the lower id); a rejected suggestion stays as a row, so the
    linker never suggests that pair again.
    """

    class Relation(models.TextChoices):
        CORROBORATES = "corroborates", "Corroborates"
        CONTRADICTS = "contradicts", "Contradicts"

    class Origin(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        EDITOR = "editor", "Made by an editor"

    class Status(models.TextChoices):
        SUGGESTED = "suggested", "Suggested"
        CONFIRMED = "confirmed", "Confirmed"
        REJECTED = "rejected", "Rejected"

    claim_a = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_a")
    claim_b = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_as_b")
    relation = models.CharField(max_length=12, choices=Relation)
    origin = models.CharField(max_length=10, choices=Origin, default=Origin.SUGGESTED)
    confidence = models.FloatField(null=True, blank=True)
    rationale = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=10, choices=Status, default=Status.SUGGESTED, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moves on by one with every change, so an edit made on an older version is refused.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The link review queue: suggested links, most confident first.
            models.Index(fields=["status", "-confidence", "id"], name="link_status_conf_idx"),
            # "has corroboration / contradiction" looks links up from either side by relation.
            models.Index(fields=["claim_b", "relation", "status"], name="link_b_relation_idx"),
            models.Index(fields=["claim_a", "relation", "status"], name="link_a_relation_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(claim_a__lt=F("claim_b")), name="link_pair_ordered_not_self"),
            models.UniqueConstraint(fields=["claim_a", "claim_b"], name="link_unique_pair"),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | (Q(confidence__gte=0) & Q(confidence__lte=1)),
                name="link_confidence_range",
            ),
            models.CheckConstraint(
                condition=~Q(origin="suggested") | ~Q(rationale=""), name="link_suggestion_has_rationale"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.claim_a_id} {self.relation} {self.claim_b_id}"


class Tag(models.Model):
    name = models.CharField(max_length=50, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Annotation(SpanChecked, models.Model):
    """An editor's note on a span of an article, anchored by offsets and by quote with context."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="annotations")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    quote = models.TextField()
    prefix = models.CharField(
        max_length=64, blank=True, help_text="Text just before the quote, for re-anchoring."
    )
    suffix = models.CharField(
        max_length=64, blank=True, help_text="Text just after the quote, for re-anchoring."
    )
    note = models.TextField(blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="annotations")
    claim = models.ForeignKey(
        Claim, null=True, blank=True, on_delete=models.SET_NULL, related_name="annotations"
    )
    orphaned = models.BooleanField(
        default=False, help_text="The quote could not be found again in a newer text."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text="Moves on by one with every change, so an edit made on an older version is refused.",
    )

    history = HistoricalRecords(m2m_fields=[tags])
    objects = SpanCheckedQuerySet.as_manager()

    class Meta:
        ordering = ["article", "start", "id"]
        triggers = [SPAN_INSIDE_TEXT]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="annotation_span_not_empty"),
            models.CheckConstraint(
                condition=Q(end=F("start") + Length("quote")), name="annotation_quote_matches_span"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.quote[:60]}"
