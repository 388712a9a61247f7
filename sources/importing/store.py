"""Writing checked records in bulk, with the same rules as sources.services.article_store.

One chunk of records is stored with a handful of queries: outlets resolved together, current
articles looked up by URL and by content hash in bulk, retired versions updated together and new rows
inserted with bulk_create. The caller wraps a chunk in one transaction, so a chunk is all or nothing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain

import numpy as np
from django.db import connection
from django.db.models import Q, QuerySet, signals
from django.db.models.base import ModelState
from django.db.models.functions import Lower
from simple_history.utils import bulk_create_with_history

from newstext.nearduplicates import (
    NEAR_DUPLICATE_THRESHOLD,
    PERMUTATIONS,
    band_key_rows,
    comparable,
    comparable_signatures,
    near_duplicate_pairs,
    signature,
)
from newstext.notes import note_records

from ..models import Article, ImportBatch, NearDuplicate, Outlet, SilentEdit, content_hash
from ..services import StoreOutcome, article_merge, article_store, articles_carry_over, outlet_get_or_create
from ..signals import silent_edits_recorded
from .edits import number_changes
from .nearduplicates import (
    CANDIDATES,
    CHOICES,
    BucketHeads,
    Match,
    bucket_heads,
    fingerprints_store,
    stored_matches,
)
from .pgcopy import articles_insert_copy, history_model, search_vectors_binary
from .records import ArticleRecord

Bands = tuple[np.ndarray, np.ndarray]  # band rows: keys and their article ids (fingerprints_store's)
NO_BANDS: Bands = (np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))


@dataclass(slots=True)
class ChunkCounts:
    """What storing one chunk did."""

    created: int = 0
    versioned: int = 0
    skipped: int = 0
    held: int = 0  # near-duplicates waiting for the editor's decision
    bands: Bands | None = None  # the band rows it stored; None when not known (stored row by row)


def resolve_outlets(records: list[ArticleRecord]) -> dict[str, Outlet]:
    """Lower-cased outlet name (or domain) -> Outlet for every outlet the records name, creating new ones."""
    names = {r.outlet.lower(): r for r in records if r.outlet}
    domains = {r.outlet_domain: r for r in records if r.outlet_domain}
    found: dict[str, Outlet] = {}
    if names or domains:
        query = Outlet.objects.annotate(lname=Lower("name")).filter(
            Q(lname__in=list(names)) | Q(domain__in=list(domains))
        )
        for outlet in query:
            found[outlet.name.lower()] = outlet
            if outlet.domain:
                found[outlet.domain] = outlet
    for key, record in names.items():
        if key in found:
            continue
        by_domain = found.get(record.outlet_domain) if record.outlet_domain else None
        found[key] = by_domain or outlet_get_or_create(name=record.outlet, domain=record.outlet_domain)
        if record.outlet_domain:  # a second name with this domain in the chunk is the same outlet
            found.setdefault(record.outlet_domain, found[key])
    for domain, record in domains.items():
        if domain not in found and not record.outlet:
            found[domain] = outlet_get_or_create(name=domain, domain=domain)
    return found


def outlet_for(record: ArticleRecord, outlets: dict[str, Outlet]) -> Outlet | None:
    """The outlet a record names (by name, else by domain), from resolve_outlets()."""
    if record.outlet and record.outlet.lower() in outlets:
        return outlets[record.outlet.lower()]
    return outlets.get(record.outlet_domain) if record.outlet_domain else None


@dataclass(slots=True)
class PreparedChunk:
    """What storing a chunk computes from its records alone, without the database: each body's content
    hash, near-duplicate signature (a row of `values`) and band keys, whether it is long enough to be
    compared (newstext.nearduplicates.comparable), and each row's unsaved Article (its notes in it, no
    outlet yet: store_chunk resolves outlets in its transaction). chunk_prepare builds it; the import
    job builds the next chunk's while the current one is written (service._write)."""

    digests: list[str]
    values: np.ndarray
    keys: list[list[int]]
    comparable: list[bool]
    articles: list[Article]
    batch: ImportBatch | None
    heads: BucketHeads | None = None  # the comparable rows' band lookup, read ahead (chunk_lookups)
    # each row's best match among the comparable rows before it (row, similarity), as the in-chunk
    # comparison finds it when every comparable row is a new text stored (in_chunk_matches)
    in_chunk: list[tuple[int, float] | None] | None = None


def chunk_prepare(records: list[ArticleRecord], *, batch: ImportBatch | None) -> PreparedChunk:
    """The database-free part of storing `records` for `batch` (PreparedChunk). Safe in another thread:
    it builds model objects but runs no query."""
    bodies = [r.body for r in records]
    # the whole chunk's in one go (arrays, not a loop), and which rows are long enough to compare
    values, checkable = comparable_signatures(bodies)
    digests = [content_hash(body) for body in bodies]
    key_rows = band_key_rows(values)
    return PreparedChunk(
        digests=digests,
        values=values,
        keys=key_rows.tolist(),
        comparable=checkable,
        articles=unsaved_articles(records, digests, batch),
        batch=batch,
        in_chunk=in_chunk_matches(values, key_rows, checkable),
    )


def in_chunk_matches(
    values: np.ndarray, keys: list[list[int]] | np.ndarray, checkable: list[bool]
) -> list[tuple[int, float] | None]:
    """For each row, the most similar earlier checkable row at or over the threshold (its row and the
    similarity; ChunkIndex.best) when every checkable row is added to the index in turn, else None; None
    for a row not checkable. store_chunk uses them when its rows are those (every checkable row a new
    text, and kept), so the writing thread does not build the index itself.

    In array operations over the whole chunk, with ChunkIndex's rules to the letter (chunk_matches_by_index
    is the same thing row by row): a row's candidates are, key by key in its keys' order, the last
    BUCKET_SIZE earlier entries of that key (a row whose keys repeat one counted once per repeat), counted
    as collections.Counter counts them, the CANDIDATES counted most kept (ties: the first met), and the
    most similar of those at or over the threshold is its match (ties: the first kept). Row by row, the
    index's Counter and slices were over a tenth of the import's Python on the generator's template-built
    stories, whose rows share band keys."""
    found: list[tuple[int, float] | None] = [None] * len(keys)
    rows = np.flatnonzero(np.asarray(checkable, dtype=bool))
    if len(rows) < 2:
        return found
    matrix = np.asarray(keys, dtype=np.int64)[
        rows
    ]  # a row per checkable row (its position), a column per band
    positions, bands = matrix.shape
    size = ChunkIndex.BUCKET_SIZE
    # every (position, band) entry, sorted by key, then position and band: each key's entries in the
    # order the index added them
    order = np.argsort(matrix.ravel(), kind="stable")
    sorted_keys, owner = matrix.ravel()[order], order // bands
    step = np.arange(len(order))
    opens_key = np.ones(len(order), dtype=bool)
    opens_key[1:] = sorted_keys[1:] != sorted_keys[:-1]
    key_start = np.maximum.accumulate(np.where(opens_key, step, 0))
    opens_owner = opens_key.copy()
    opens_owner[1:] |= owner[1:] != owner[:-1]
    owner_start = np.maximum.accumulate(
        np.where(opens_owner, step, 0)
    )  # the key's first entry of this position
    # an entry's candidates: the key's entries before its position's, the last BUCKET_SIZE of them
    first = np.maximum(key_start, owner_start - size)
    counts = owner_start - first
    total = int(counts.sum())
    if not total:
        return found
    entry = np.repeat(step, counts)
    within = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    candidate = owner[np.repeat(first, counts) + within]
    text = owner[entry]
    met = (order[entry] % bands) * size + within  # the order Counter meets them in: band, then bucket
    # (text, candidate) pairs: how many times met, and when first
    pair = text * positions + candidate
    ranked = np.sort(pair * (bands * size) + met)
    pairs, starts, times = np.unique(ranked // (bands * size), return_index=True, return_counts=True)
    first_met = ranked[starts] % (bands * size)
    texts, candidates = pairs // positions, pairs % positions
    # each text's CANDIDATES most met (ties: the first met), as Counter.most_common gives them
    ranked = np.lexsort((first_met, -times, texts))
    ranked_texts = texts[ranked]
    opens = np.ones(len(ranked), dtype=bool)
    opens[1:] = ranked_texts[1:] != ranked_texts[:-1]
    steps = np.arange(len(ranked))
    place = steps - np.maximum.accumulate(np.where(opens, steps, 0))
    kept = place < CANDIDATES
    chosen_texts, chosen_candidates = ranked_texts[kept], candidates[ranked[kept]]
    chosen_places = place[kept]
    signatures = values[rows]
    equal = np.count_nonzero(signatures[chosen_texts] == signatures[chosen_candidates], axis=1)
    # each text's best: the most equal values (ties: the first kept), at or over the threshold
    best = np.lexsort((chosen_places, -equal, chosen_texts))
    opens = np.ones(len(best), dtype=bool)
    opens[1:] = chosen_texts[best][1:] != chosen_texts[best][:-1]
    width = signatures.shape[1]
    for index in best[opens].tolist():
        score = int(equal[index]) / width
        if score >= NEAR_DUPLICATE_THRESHOLD:
            found[int(rows[chosen_texts[index]])] = (int(rows[chosen_candidates[index]]), score)
    return found


def chunk_matches_by_index(
    values: np.ndarray, keys: list[list[int]], checkable: list[bool]
) -> list[tuple[int, float] | None]:
    """in_chunk_matches row by row through a ChunkIndex (what it must equal; kept for the tests)."""
    earlier: ChunkIndex[int] = ChunkIndex(len(keys))
    found: list[tuple[int, float] | None] = [None] * len(keys)
    for row, check in enumerate(checkable):
        if check:
            found[row] = earlier.best(values[row], keys[row])
            earlier.add(row, values[row], keys[row])
    return found


def chunk_vectors(records: list[ArticleRecord]) -> list[bytes] | None:
    """On PostgreSQL, the search vector of each record's article (pgcopy.search_vectors_binary of its
    title and body, as unsaved_articles sets them), computed by the database in one read-only statement on the
    calling thread's connection; None elsewhere (SQLite has no vector). The import job calls it on a
    thread of its own while its preparing thread prepares the same chunk (chunk_prepare)."""
    if connection.vendor != "postgresql" or not records:
        return None
    return search_vectors_binary([r.title for r in records], [r.body for r in records])


def chunk_lookups(
    prepared: PreparedChunk,
    *,
    heads: bool = True,
    vectors: Callable[[], list[bytes] | None] | None = None,
) -> None:
    """On PostgreSQL, what of storing the chunk only reads, done now on the calling thread's connection:
    each unsaved article's search vector (pgcopy.search_vectors_binary: computed by the database in one
    read-only statement, in tsvector's binary form), so the chunk's COPY only reads it, and the band lookup of its comparable
    rows (nearduplicates.bucket_heads), which store_chunk brings up to date with the rows stored since.
    Elsewhere nothing (SQLite has no vector, and its one writer gains nothing from a second thread).
    The import job calls it in its preparing thread, whose own connection reads the next chunk's while
    the writing one stores the current chunk. Not the lookup when not `heads`: another connection
    cannot see what the writer's transaction holds uncommitted besides its chunks (a job run inside
    a caller's transaction). `vectors`: returns the chunk's vectors (chunk_vectors of its records)
    computed elsewhere meanwhile, waited for after the lookup; without it they are computed here."""
    if connection.vendor != "postgresql" or not prepared.articles:
        return
    articles = prepared.articles
    if heads:
        prepared.heads = bucket_heads(prepared.values[np.flatnonzero(prepared.comparable)])
    found = vectors() if vectors is not None else None
    if found is None:
        found = search_vectors_binary([a.title for a in articles], [a.body for a in articles])
    for article, vector in zip(articles, found, strict=True):
        article.search_vector = vector


def _article_fields(record: ArticleRecord, digest: str) -> dict[str, object]:
    """The values of a new Article for a checked record (its outlet and job aside), by attribute name."""
    published = record.published_date
    return {
        "url": record.url,
        "title": record.title,
        "byline": record.byline,
        "body": record.body,
        "notes": note_records(record.body),  # as article_store records them
        "content_hash": digest,
        "published_on": published,
        "published_precision": record.published_precision if published else Article.DatePrecision.UNKNOWN,
        "published_source": record.published_source if published else Article.DateSource.NONE,
        "published_conflicts": record.published_conflicts,
        "language": record.language or "en",
        "original": record.original,
    }


def _article(record: ArticleRecord, digest: str, batch: ImportBatch | None) -> Article:
    return Article(import_batch=batch, **_article_fields(record, digest))


def unsaved_articles(
    records: list[ArticleRecord], digests: list[str], batch: ImportBatch | None
) -> list[Article]:
    """Each record's unsaved Article of `batch` (no outlet yet), as Article(...) builds it.

    Built from one blank Article's values (every field's default, evaluated once per chunk) and the
    record's: Model.__init__ goes through every field and the foreign keys' descriptors, 13 us an
    article, the most of the import's Python spent outside the near-duplicate signatures after them.
    The defaults shared by the chunk's articles are immutable or overwritten (the two JSON lists are
    each row's own). Where something listens to Article's pre_init or post_init signals, each article
    goes through the constructor."""
    pairs = zip(records, digests, strict=True)
    if signals.pre_init.has_listeners(Article) or signals.post_init.has_listeners(Article):
        return [_article(record, digest, batch) for record, digest in pairs]
    blank = Article(import_batch=batch).__dict__.copy()
    del blank["_state"]
    built = []
    for record, digest in pairs:
        article = Article.__new__(Article)
        values = article.__dict__
        values.update(blank)
        values.update(_article_fields(record, digest))
        article._state = ModelState()
        if batch is not None:  # as the constructor leaves it: the job is not read again
            article._state.fields_cache["import_batch"] = batch
        built.append(article)
    return built


def _record_fields(record: ArticleRecord, outlet: Outlet | None, batch: ImportBatch | None) -> dict:
    """The keyword arguments of article_store and article_merge for one checked record."""
    published = record.published_date
    return {
        "body": record.body,
        "outlet": outlet,
        "url": record.url,
        "title": record.title,
        "byline": record.byline,
        "published_on": published,
        "published_precision": record.published_precision if published else None,
        "published_source": record.published_source if published else None,
        "language": record.language,
        "import_batch": batch,
        "original": record.original,
    }


def record_store(record: ArticleRecord, *, outlet: Outlet | None, batch: ImportBatch | None):
    """Store one checked record through article_store (duplicates and versions by its rules)."""
    return article_store(**_record_fields(record, outlet, batch))


def near_duplicate_policy(batch: ImportBatch | None) -> str:
    """What the import does with a near-duplicate row: the job's "near_duplicates" option (nearduplicates.
    CHOICES); "keep" for a write without a job."""
    choice = str((batch.options or {}).get("near_duplicates") or "keep") if batch is not None else "keep"
    return choice if choice in CHOICES else "keep"


DECISIONS = {
    "ask": NearDuplicate.Decision.PENDING,
    "keep": NearDuplicate.Decision.KEEP,
    "skip": NearDuplicate.Decision.SKIP,
    "merge": NearDuplicate.Decision.MERGE,
}


def _near_duplicate(record: ArticleRecord, match: Match, batch: ImportBatch, decision: str) -> NearDuplicate:
    return NearDuplicate(
        batch=batch,
        file=record.file[:255],
        row=record.row,
        title=record.title,
        outlet_name=record.outlet or record.outlet_domain,
        url=record.url,
        record=record.as_dict() if decision == NearDuplicate.Decision.PENDING else {},
        match_id=match.article_id,
        similarity=round(match.similarity, 4),
        decision=decision,
    )


def current_at_urls(urls: list[str]) -> QuerySet[Article]:
    """The current versions stored at `urls` (none empty), locked for the caller's transaction, with
    only what a chunk compares (id, url, content hash, version).

    `.exclude(url="")` restates that no URL is empty in the words of the partial unique index on current
    URLs (article_current_url_unique: WHERE is_current AND NOT url = ''): PostgreSQL proves an index's
    condition from an IN list of at most 100 values, so a chunk's 500 URLs read the whole table (81 ms
    a chunk with 38,000 articles stored, growing with every import) instead of probing the index
    (0.5 ms)."""
    return (
        Article.objects.select_for_update()
        .filter(url__in=urls, is_current=True)
        .exclude(url="")
        .order_by()
        .only("id", "url", "content_hash", "version")
    )


def store_chunk(
    records: list[ArticleRecord],
    *,
    batch: ImportBatch | None,
    prepared: PreparedChunk | None = None,
    written: Bands | None = None,
) -> ChunkCounts:
    """Store a chunk of records in bulk (call inside transaction.atomic); returns the counts. `prepared`
    is chunk_prepare(records) when the caller has it already; when it brings a band lookup read ahead
    (chunk_lookups), `written` must be the band rows the caller stored since that lookup may have been
    read (ChunkCounts.bands of the chunks stored meanwhile; NO_BANDS for none): without it (None) the
    lookup is read again here.

    A new text (not a version of its URL, not the same text again) that nearly duplicates a stored
    current article is held, skipped, merged or kept as the job's near-duplicate choice says, and
    listed on the job (NearDuplicate). A row is compared with the stored articles and with the rows
    of the chunk stored before it (their band keys kept in memory); only "merge" of two rows of one
    chunk goes the row-by-row way, where the second becomes a version of the first once stored."""
    urls = Counter(r.url for r in records if r.url)
    if any(n > 1 for n in urls.values()):
        # The same URL twice in one chunk needs versions in order: the row-by-row path does that.
        return store_rows(records, batch=batch)
    outlets = resolve_outlets(records)
    current = {a.url: a for a in current_at_urls(list(urls))}
    if prepared is None or prepared.batch is not batch:
        prepared = chunk_prepare(records, batch=batch)
    digests, values, keys = prepared.digests, prepared.values, prepared.keys
    hashes = {digest for digest, record in zip(digests, records, strict=True) if not record.url}
    seen = set(
        Article.objects.filter(content_hash__in=list(hashes), is_current=True).values_list(
            "content_hash", flat=True
        )
    )
    # Which records would be new texts (not a version of their URL, not the same text again)?
    fresh: list[int] = []
    fresh_hashes: set[str] = set()
    for index, record in enumerate(records):
        previous = current.get(record.url) if record.url else None
        if previous is None and (
            record.url or (digests[index] not in seen and digests[index] not in fresh_hashes)
        ):
            fresh.append(index)
            fresh_hashes.add(digests[index])
    checked = [i for i in fresh if prepared.comparable[i]]
    policy = near_duplicate_policy(batch)
    if policy == "merge" and near_duplicate_pairs(list(values[checked])):
        return store_rows(records, batch=batch)
    heads = prepared.heads.with_rows(*written) if prepared.heads is not None and written is not None else None
    matches: dict[int, Match | None] = dict.fromkeys(fresh)
    matches.update(zip(checked, stored_matches(values[checked], heads=heads), strict=True))
    merges = Counter(m.article_id for m in matches.values() if m is not None)
    if policy == "merge" and any(n > 1 for n in merges.values()):
        return store_rows(records, batch=batch)  # two rows merging into one article: versions in order
    targets = (
        {a.pk: a for a in Article.objects.select_for_update().filter(pk__in=list(merges))}
        if policy == "merge" and merges
        else {}
    )
    counts = ChunkCounts()
    new: list[Article] = []
    new_rows: list[int] = []  # their rows in `values`
    retired: list[Article] = []
    flagged: list[tuple[NearDuplicate, Article | None, Article | None]] = []
    checkable = set(checked)
    # The in-chunk matches computed with the chunk (chunk_prepare) are those the loop below would find
    # when every checkable row is a new text and each is added to the index: all of them with "keep",
    # and with another choice when no row has any match (a held, skipped or merged row is not added).
    ready = prepared.in_chunk
    if ready is not None and not (
        checked == [i for i, check in enumerate(prepared.comparable) if check]
        and (policy == "keep" or all(matches[i] is None and ready[i] is None for i in checked))
    ):
        ready = None
    earlier: ChunkIndex[Article] = ChunkIndex(len(records))  # this chunk's new texts so far, when not ready
    for index, record in enumerate(records):
        digest = digests[index]
        article = prepared.articles[index]
        outlet = outlet_for(record, outlets)
        if outlet is not None:  # what `article.outlet = outlet` does, without the descriptor's checks
            article.outlet_id = outlet.pk
            article._state.fields_cache["outlet"] = outlet
        previous = current.get(record.url) if record.url else None
        match = matches.get(index)
        in_chunk: tuple[Article, float] | None = None
        if index in checkable and batch is not None:
            if ready is None:
                in_chunk = earlier.best(values[index], keys[index])
            elif (found := ready[index]) is not None:
                in_chunk = (prepared.articles[found[0]], found[1])
        if in_chunk is not None and (match is None or in_chunk[1] > match.similarity):
            match = Match(0, in_chunk[1])  # its article id is known once the chunk is written
        else:
            in_chunk = None
        if previous is not None:
            if previous.content_hash == digest:
                counts.skipped += 1
                continue
            article.version, article.previous_version = previous.version + 1, previous
            retired.append(previous)
            counts.versioned += 1
        elif index not in matches:  # the same text again, by content hash
            counts.skipped += 1
            continue
        elif match is not None and batch is not None and policy != "keep":
            if policy == "merge" and match.article_id in targets and targets[match.article_id].is_current:
                target = targets[match.article_id]
                _merged_fields(article, target)
                retired.append(target)
                counts.versioned += 1
                flagged.append(
                    (_near_duplicate(record, match, batch, NearDuplicate.Decision.MERGE), article, None)
                )
            else:
                decision = NearDuplicate.Decision.SKIP if policy == "skip" else NearDuplicate.Decision.PENDING
                earlier_row = in_chunk[0] if in_chunk else None
                flagged.append((_near_duplicate(record, match, batch, decision), None, earlier_row))
                counts.skipped += decision == NearDuplicate.Decision.SKIP
                counts.held += decision == NearDuplicate.Decision.PENDING
                continue
        else:
            if match is not None and batch is not None:
                earlier_row = in_chunk[0] if in_chunk else None
                flagged.append(
                    (_near_duplicate(record, match, batch, NearDuplicate.Decision.KEEP), article, earlier_row)
                )
            counts.created += 1
            if index in checkable and ready is None:
                earlier.add(article, values[index], keys[index])
        new.append(article)
        new_rows.append(index)
    if retired:
        Article.objects.filter(pk__in=[a.pk for a in retired]).update(is_current=False)
    counts.bands = NO_BANDS
    if new:
        articles_insert(new)
        counts.bands = fingerprints_store(new, values[new_rows])
    if flagged:
        for item, stored, earlier_row in flagged:
            item.article = stored
            if earlier_row is not None:
                item.match_id = earlier_row.pk
        NearDuplicate.objects.bulk_create([item for item, _, _ in flagged])
    if retired:
        versions = [a for a in new if a.previous_version_id is not None]
        record_silent_edits(versions)
        articles_carry_over(versions)
    return counts


class ChunkIndex[T]:
    """The band keys of the new texts of a chunk so far, in memory, each text known by an item (its
    Article, or its row): the chunk's rows are compared with each other as they are with the stored
    articles, without a query, and as cheaply (each bucket keeps its last BUCKET_SIZE texts; a text is
    compared with the CANDIDATES sharing the most keys)."""

    BUCKET_SIZE = 32

    def __init__(self, capacity: int = 64) -> None:
        self.buckets: dict[int, list[int]] = {}
        self.items: list[T] = []
        # the signatures as rows of one matrix: a text's candidates are one fancy-indexed read, where
        # np.stack of as many separate arrays cost more than the comparison
        self.matrix = np.empty((max(capacity, 1), PERMUTATIONS), dtype=np.uint32)

    def add(self, item: T, values: np.ndarray, keys: list[int]) -> None:
        """Add a text's signature and its band keys (band_keys of the signature)."""
        position = len(self.items)
        buckets = self.buckets
        for key in keys:
            bucket = buckets.get(key)
            if bucket is None:
                buckets[key] = [position]
            else:
                bucket.append(position)
                if len(bucket) > 2 * self.BUCKET_SIZE:  # trimmed now and then; best() reads the last ones
                    del bucket[: -self.BUCKET_SIZE]
        if position == len(self.matrix):
            self.matrix = np.concatenate([self.matrix, np.empty_like(self.matrix)])
        self.matrix[position] = values
        self.items.append(item)

    def best(self, values: np.ndarray, keys: list[int]) -> tuple[T, float] | None:
        """The most similar text added so far at or over the threshold, with its similarity, or None;
        `keys` are the band keys of `values`."""
        buckets, size = self.buckets, self.BUCKET_SIZE
        shared = Counter(chain.from_iterable(buckets[key][-size:] for key in keys if key in buckets))
        if not shared:
            return None
        positions = [p for p, _ in shared.most_common(CANDIDATES)]  # ties on the score: the first here
        equal = (self.matrix[positions] == values).sum(axis=1).tolist()
        found: tuple[T, float] | None = None
        for position, count in zip(positions, equal, strict=True):
            score = count / len(values)
            if score >= NEAR_DUPLICATE_THRESHOLD and (found is None or score > found[1]):
                found = (self.items[position], score)
        return found


def _merged_fields(article: Article, target: Article) -> None:
    """Make `article` (unsaved) the next version of `target`, keeping what the stored article says of
    itself (as sources.services.article_merge does). The row's URL is stored nowhere else (else the row
    would have been a version of it), so it may name the merged version when the target has none."""
    article.version, article.previous_version = target.version + 1, target
    article.url = target.url or article.url
    if target.title and target.title != article.title:
        article.search_vector = None  # computed from the row's title: the insert computes it again
    article.title = target.title or article.title
    article.outlet = target.outlet or article.outlet
    article.byline = target.byline or article.byline
    article.language = target.language or article.language
    if target.published_on is not None:
        article.published_on = target.published_on
        article.published_precision, article.published_source = (
            target.published_precision,
            target.published_source,
        )


def articles_insert(articles: list[Article]) -> None:
    """Insert new articles with one history row each: COPY on PostgreSQL (pgcopy), bulk_create elsewhere."""
    if connection.vendor == "postgresql":
        user = history_model().get_default_history_user(articles[0])
        articles_insert_copy(articles, history_user_id=getattr(user, "pk", None))
    else:
        bulk_create_with_history(articles, Article, batch_size=500)


def store_rows(records: list[ArticleRecord], *, batch: ImportBatch | None) -> ChunkCounts:
    """Store records one by one through article_store (the slow, always-correct path); returns the counts.
    Each new text is compared with what is stored, the rows before it included."""
    outlets = resolve_outlets(records)
    policy = near_duplicate_policy(batch)
    counts = ChunkCounts()
    for record in records:
        outlet = outlet_for(record, outlets)
        match = _row_match(record) if batch is not None else None
        item = (
            _near_duplicate(record, match, batch, policy) if match is not None and batch is not None else None
        )
        if item is not None and policy in ("ask", "skip"):
            item.decision = NearDuplicate.Decision.PENDING if policy == "ask" else NearDuplicate.Decision.SKIP
            item.record = record.as_dict() if policy == "ask" else {}
            item.save()
            counts.held += policy == "ask"
            counts.skipped += policy == "skip"
            continue
        if item is not None and policy == "merge":
            result = record_merge(
                record, into=Article.objects.get(pk=item.match_id), outlet=outlet, batch=batch
            )
        else:
            result = record_store(record, outlet=outlet, batch=batch)
        if result.outcome == StoreOutcome.DUPLICATE:
            counts.skipped += 1
            continue
        if item is not None:
            item.article = result.article
            item.save()
        if record.published_conflicts and result.article.published_source != Article.DateSource.EDITOR:
            Article.objects.filter(pk=result.article.pk).update(
                published_conflicts=record.published_conflicts
            )
        if result.outcome == StoreOutcome.NEW_VERSION:
            counts.versioned += 1
            record_silent_edits([result.article])
        else:
            counts.created += 1
    return counts


def _row_match(record: ArticleRecord) -> Match | None:
    """The stored article a record nearly duplicates, when the record is a new text (not a version of
    its URL, not the same text again by content hash)."""
    if record.url and Article.objects.filter(url=record.url, is_current=True).exists():
        return None
    if (
        not record.url
        and Article.objects.filter(content_hash=content_hash(record.body), is_current=True).exists()
    ):
        return None
    if not comparable(record.body):
        return None
    return stored_matches([signature(record.body)])[0]


def record_merge(record: ArticleRecord, *, into: Article, outlet: Outlet | None, batch: ImportBatch | None):
    """Store one checked record as the next version of `into` (sources.services.article_merge)."""
    return article_merge(into=into, **_record_fields(record, outlet, batch))


def record_silent_edits(articles: list[Article]) -> int:
    """Record a SilentEdit for each new version whose numbers changed; returns how many were recorded.
    Receivers of sources.signals.silent_edits_recorded (claims) add the claims in the changed passages."""
    if not articles:
        return 0
    previous_ids = [a.previous_version_id for a in articles if a.previous_version_id is not None]
    bodies = dict(Article.objects.filter(pk__in=previous_ids).values_list("pk", "body"))
    edits = []
    for article in articles:
        if article.previous_version_id is None:  # a first version has nothing to compare with
            continue
        changes = number_changes(bodies.get(article.previous_version_id, ""), article.body)
        if changes:
            edits.append(
                SilentEdit(article=article, previous_id=article.previous_version_id, changes=changes)
            )
    SilentEdit.objects.bulk_create(edits, ignore_conflicts=True)
    if edits:
        silent_edits_recorded.send(sender=SilentEdit, articles=[edit.article for edit in edits])
    return len(edits)
