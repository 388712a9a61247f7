"""Near-duplicates at import: store each new article version's signature and band keys, and find the
stored current article an incoming text nearly duplicates (newstext.nearduplicates does the maths).

Candidates come from the band table's index (ArticleBand.key), never from a scan of the articles:
a text is compared with the few stored ones sharing one of its BANDS keys.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
from django.db import connection, transaction

from newstext.nearduplicates import (
    NEAR_DUPLICATE_THRESHOLD,
    PERMUTATIONS,
    SIGNATURE_VERSION,
    band_key_rows,
    comparable,
    near_duplicate_pairs,
    signature_bytes,
)
from newstext.nearduplicates import (
    signatures as signatures_of,
)

from ..models import Article, ArticleBand, ArticleFingerprint

# What an import does with a row that nearly duplicates a stored article (ImportBatch.options
# "near_duplicates"): hold it for the editor's decision on the job page, or decide now.
CHOICES = ("ask", "keep", "skip", "merge")
QUERY_SLICE = 500  # keys or ids per IN (...) list: well under SQLite's and PostgreSQL's limits
ROWS_PER_KEY = 128  # band rows read per key asked, at most: the oldest articles of its bucket
CANDIDATES = 16  # stored texts compared with each incoming one, those sharing the most band keys


_NO_ROWS = np.empty(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Match:
    """The stored current article an incoming text nearly duplicates, and how similar they are."""

    article_id: int
    similarity: float


def _slices(values: Sequence, size: int = QUERY_SLICE) -> Iterable[Sequence]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def fingerprints_store(
    articles: Sequence[Article], signatures: np.ndarray | Sequence[np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Store the signature (of SIGNATURE_VERSION) and band keys of each (saved) article version;
    `signatures` in the same order when the caller has them already, else computed from the bodies.
    Returns the band rows stored, as two arrays: keys and their article ids.

    Written as multi-row INSERTs (through COPY on PostgreSQL), not through model instances: an import
    of 2,000 articles writes 64,000 band rows, and building a model object for each took longer than
    the rest of the import."""
    if not articles:
        return _NO_ROWS, _NO_ROWS
    values = _as_matrix(signatures) if signatures is not None else signatures_of([a.body for a in articles])
    if len(values) != len(articles):
        raise ValueError("one signature per article")
    ids = [a.pk for a in articles]
    keys, owners = _band_arrays(ids, band_key_rows(values))
    if connection.vendor == "postgresql":
        _copy_fingerprints(ids, values)
        # in key order: each primary-key insert then lands next to the one before it in the index (the
        # same leaf pages, still in memory), where random keys walk a different branch every time
        order = np.argsort(keys, kind="stable")
        _copy_binary(ArticleBand, ["key", "article"], [keys[order], owners[order]])
    else:
        fingerprints = [
            (pk, signature_bytes(row), SIGNATURE_VERSION) for pk, row in zip(ids, values, strict=True)
        ]
        _insert(ArticleFingerprint, ["article", "signature", "version"], fingerprints)
        _insert(ArticleBand, ["key", "article"], list(zip(keys.tolist(), owners.tolist(), strict=True)))
    return keys, owners


def _as_matrix(values: np.ndarray | Sequence[np.ndarray]) -> np.ndarray:
    """Signatures as one (texts x PERMUTATIONS) array of uint32."""
    if len(values) == 0:
        return np.empty((0, PERMUTATIONS), dtype=np.uint32)
    return np.asarray(values, dtype=np.uint32).reshape(len(values), PERMUTATIONS)


def _band_arrays(ids: Sequence[int], keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The band table's rows as two int64 arrays, keys and their article ids (each article's keys in
    band order), a key once per article (the primary key): two bands of one signature with the same
    key (a chance of 2**-64 per pair) must not fail the chunk. Arrays, not tuples: an import writes 32
    rows per article, and a Python tuple for each cost more than the rest of storing them."""
    keys = np.asarray(keys, dtype=np.int64).reshape(len(ids), -1) if len(ids) else np.empty((0, 0), np.int64)
    owners = np.repeat(np.asarray(ids, dtype=np.int64), keys.shape[1])
    ordered = np.sort(keys, axis=1)
    if not (ordered[:, 1:] == ordered[:, :-1]).any():
        return keys.ravel(), owners
    keep = np.ones(keys.shape, dtype=bool)
    for index in np.flatnonzero((ordered[:, 1:] == ordered[:, :-1]).any(axis=1)).tolist():
        _, first = np.unique(keys[index], return_index=True)
        keep[index] = False
        keep[index, first] = True  # the first band of each key
    return keys[keep], owners[keep.ravel()]


def _band_rows(ids: Sequence[int], keys: np.ndarray) -> list[tuple[int, int]]:
    """(key, article id) rows of the band table (_band_arrays as tuples), in the order written."""
    flat, owners = _band_arrays(ids, keys)
    return list(zip(flat.tolist(), owners.tolist(), strict=True))


def _insert(model, fields: list[str], rows: Sequence[tuple], per_statement: int = 400) -> None:
    """INSERT `rows` (values of `fields`, in order) into `model`'s table, `per_statement` rows at a time."""
    quote = connection.ops.quote_name
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    table = quote(model._meta.db_table)
    one = "(" + ", ".join(["%s"] * len(fields)) + ")"
    with connection.cursor() as cursor:
        for part in _slices(rows, per_statement):
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {', '.join([one] * len(part))}",
                [value for row in part for value in row],
            )


# COPY's binary format: the signature, flags and header extension length, then per row a field count
# and each field as its length and big-endian bytes, then -1 (PostgreSQL's COPY documentation).
_BINARY_HEADER = b"PGCOPY\n\xff\r\n\x00" + bytes(8)
_BINARY_TRAILER = b"\xff\xff"


def _copy_binary(model, fields: list[str], columns: Sequence[np.ndarray]) -> None:
    """COPY bigint columns (one int64 array per field, all of one length) into `model`'s table
    (PostgreSQL) in the binary format, built by numpy in one pass: no Python object per value."""
    quote = connection.ops.quote_name
    names = ", ".join(quote(model._meta.get_field(name).column) for name in fields)
    layout = [("count", ">i2")]
    for number in range(len(columns)):
        layout += [(f"length{number}", ">i4"), (f"value{number}", ">i8")]
    rows = np.empty(len(columns[0]), dtype=np.dtype(layout))  # packed: no padding between fields
    rows["count"] = len(columns)
    for number, values in enumerate(columns):
        rows[f"length{number}"] = 8
        rows[f"value{number}"] = values
    payload = io.BytesIO(_BINARY_HEADER + rows.tobytes() + _BINARY_TRAILER)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.cursor.copy_expert(
            f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN WITH (FORMAT binary)", payload
        )


def _copy_fingerprints(ids: Sequence[int], values: np.ndarray) -> None:
    """COPY the fingerprint rows (article id, signature_bytes of its row of `values`, SIGNATURE_VERSION)
    in the binary format, built by numpy in one pass: the signature's bytes as they are, where the text
    format sent each as hex for the server to decode (1 kB of text per article)."""
    width = PERMUTATIONS * 4
    layout = [
        ("count", ">i2"),
        ("id_length", ">i4"),
        ("id", ">i8"),
        ("signature_length", ">i4"),
        ("signature", "<u4", (PERMUTATIONS,)),  # signature_bytes: little-endian uint32
        ("version_length", ">i4"),
        ("version", ">i2"),
    ]
    rows = np.empty(len(ids), dtype=np.dtype(layout))  # packed: no padding between fields
    rows["count"] = 3
    rows["id_length"], rows["id"] = 8, np.asarray(ids, dtype=np.int64)
    rows["signature_length"], rows["signature"] = width, values
    rows["version_length"], rows["version"] = 2, SIGNATURE_VERSION
    quote = connection.ops.quote_name
    model: Any = (
        ArticleFingerprint  # its fields by name: their columns (the stubs type a relation's as optional)
    )
    names = ", ".join(
        quote(model._meta.get_field(name).column) for name in ("article", "signature", "version")
    )
    payload = io.BytesIO(_BINARY_HEADER + rows.tobytes() + _BINARY_TRAILER)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.cursor.copy_expert(
            f"COPY {quote(model._meta.db_table)} ({names}) FROM STDIN WITH (FORMAT binary)",
            payload,
        )


@dataclass(frozen=True, slots=True)
class Buckets:
    """Band keys found and, for each, the ids of its (at most ROWS_PER_KEY) oldest article versions, as
    three arrays: the keys (int64, ascending), how many ids each has, and all the ids end to end (each
    key's ascending). Arrays, not a dict of lists: a chunk's lookup finds tens of thousands of ids,
    and a Python int for each (read, then flattened again to rank the candidates) cost the writing
    thread more than the ranking itself."""

    keys: np.ndarray
    sizes: np.ndarray
    ids: np.ndarray

    @classmethod
    def from_pairs(cls, keys: np.ndarray, ids: np.ndarray) -> Buckets:
        """The buckets of (key, id) pairs given as two arrays, in any order: a pair given twice counted
        once, each key's ROWS_PER_KEY smallest ids kept."""
        keys, ids = np.asarray(keys, dtype=np.int64), np.asarray(ids, dtype=np.int64)
        order = np.lexsort((ids, keys))
        keys, ids = keys[order], ids[order]
        fresh = np.ones(len(keys), dtype=bool)
        fresh[1:] = (keys[1:] != keys[:-1]) | (ids[1:] != ids[:-1])
        keys, ids = keys[fresh], ids[fresh]
        opens = np.ones(len(keys), dtype=bool)
        opens[1:] = keys[1:] != keys[:-1]
        group_start = np.maximum.accumulate(np.where(opens, np.arange(len(keys)), 0))
        kept = np.arange(len(keys)) - group_start < ROWS_PER_KEY
        found, sizes = np.unique(keys[kept], return_counts=True)
        return cls(found, sizes.astype(np.int64), ids[kept])

    @classmethod
    def from_dict(cls, heads: dict[int, list[int]]) -> Buckets:
        """The buckets of a dict of key -> ids (each key's ROWS_PER_KEY smallest kept)."""
        keys = np.fromiter(
            chain.from_iterable([key] * len(ids) for key, ids in heads.items()), dtype=np.int64
        )
        return cls.from_pairs(keys, np.fromiter(chain.from_iterable(heads.values()), dtype=np.int64))

    def as_dict(self) -> dict[int, list[int]]:
        """Key -> its ids (ascending), for reading and tests."""
        ends = np.cumsum(self.sizes).tolist()
        ids = self.ids.tolist()
        return {
            key: ids[end - size : end]
            for key, size, end in zip(self.keys.tolist(), self.sizes.tolist(), ends, strict=True)
        }


NO_BUCKETS = Buckets(_NO_ROWS, _NO_ROWS, _NO_ROWS)


@dataclass(frozen=True, slots=True)
class BucketHeads:
    """The band lookup of a set of signatures, read ahead (bucket_heads): the keys asked, sorted, and
    for each key found the ids of the (at most ROWS_PER_KEY) oldest article versions with it."""

    keys: np.ndarray
    heads: Buckets

    def with_rows(self, keys: np.ndarray, ids: np.ndarray) -> BucketHeads:
        """The lookup as read once band rows (`keys`, `ids`: fingerprints_store's) are stored too, whether
        this one was read before they were committed or after: each key's heads are the oldest
        ROWS_PER_KEY of both, a row already read counted once. Only the keys asked are kept."""
        asked = np.isin(keys, self.keys)
        if not asked.any():
            return self
        read = self.heads
        read_keys = np.repeat(read.keys, read.sizes)
        touched = np.isin(read_keys, keys[asked])
        # the keys given rows: their heads again, from both; the others' stay as read
        part = Buckets.from_pairs(
            np.concatenate([read_keys[touched], keys[asked]]), np.concatenate([read.ids[touched], ids[asked]])
        )
        kept = ~np.isin(read.keys, part.keys)
        found = np.concatenate([read.keys[kept], part.keys])
        sizes = np.concatenate([read.sizes[kept], part.sizes])
        flat_keys = np.concatenate([read_keys[~touched], np.repeat(part.keys, part.sizes)])
        flat_ids = np.concatenate([read.ids[~touched], part.ids])
        # two runs, each in key order: a stable sort merges them, each key's ids staying in order
        by_key, by_id = np.argsort(found, kind="stable"), np.argsort(flat_keys, kind="stable")
        return BucketHeads(self.keys, Buckets(found[by_key], sizes[by_key], flat_ids[by_id]))


def bucket_heads(signatures: np.ndarray | Sequence[np.ndarray]) -> BucketHeads:
    """The band lookup stored_matches makes for `signatures`, read now (one statement on PostgreSQL):
    the import's preparing thread reads the next chunk's on its own connection while the writing one
    stores the current chunk, whose rows BucketHeads.with_rows then adds."""
    keys = np.unique(band_key_rows(_as_matrix(signatures)))
    return BucketHeads(keys, _bucket_heads(keys.tolist()))


def stored_matches(
    signatures: np.ndarray | Sequence[np.ndarray],
    *,
    threshold: float = NEAR_DUPLICATE_THRESHOLD,
    heads: BucketHeads | None = None,
) -> list[Match | None]:
    """For each signature, the most similar current stored article at or over `threshold` (ties: the
    oldest), or None. Queries: the band keys, then the candidates' signatures (of SIGNATURE_VERSION
    only: another version's values and keys mean nothing here), one statement each on PostgreSQL.

    Bounded whatever is stored: at most ROWS_PER_KEY band rows are read per key asked (a bucket shared by
    thousands of template texts is cut short, and a crowded bucket cannot use up the other keys' rows)
    and each text is compared with its CANDIDATES candidates sharing the most band keys with it.

    `heads`: the band lookup read already (bucket_heads) for these signatures or more, brought up to date
    with the rows stored since (BucketHeads.with_rows); the candidates' signatures, and whether they are
    current, are read here all the same."""
    values = _as_matrix(signatures)
    if not len(values):
        return []
    keys = band_key_rows(values)
    by_key = heads.heads if heads is not None else _bucket_heads(np.unique(keys).tolist())
    if not len(by_key.keys):
        return [None] * len(values)
    texts, candidates = _most_shared(keys, by_key)
    known, matrix = _current_signatures(np.unique(candidates).tolist())
    found: list[Match | None] = [None] * len(values)
    if not len(known):
        return found
    # every (text, candidate) pair at once: the share of equal values, as similarity() computes it
    keep = np.isin(candidates, known)
    texts, candidates = texts[keep], candidates[keep]
    others = np.searchsorted(known, candidates)  # each candidate's row in `matrix`
    scores = np.count_nonzero(values[texts] == matrix[others], axis=1) / PERMUTATIONS
    over = scores >= threshold
    texts, candidates, scores = texts[over], candidates[over], scores[over]
    # each text's best: the highest score, ties to the oldest (the smallest id)
    order = np.lexsort((candidates, -scores, texts))
    first = np.ones(len(order), dtype=bool)
    first[1:] = texts[order][1:] != texts[order][:-1]
    for index in order[first].tolist():
        found[int(texts[index])] = Match(int(candidates[index]), float(scores[index]))
    return found


def _current_signatures(ids: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """The signatures (of SIGNATURE_VERSION) of those of the article versions `ids` that are current:
    their ids in ascending order, and the signatures as the rows of one (ids x PERMUTATIONS) uint32
    array in the same order.

    On PostgreSQL in one statement with the ids as one array parameter: the ORM's `__in` of slices of
    500 ids built a placeholder and a parameter per id, which cost the writing thread more Python than
    the rest of the lookup, and the server a parse of each."""
    found: list[tuple[int, bytes]] = []
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # one row of two bytea values, the ids (int8send: 8 bytes big-endian each) and the
            # signatures end to end, both in the same order (one aggregation pass feeds both): a row
            # per candidate (thousands per chunk) cost the writing thread more Python, in tuples and
            # bytea decoding, than the lookup took. No ORDER BY in the aggregates: each sorted every
            # row with its 512-byte signature on the writing connection (about half of the
            # statement); numpy puts the rows in id order below
            cursor.execute(
                f"""SELECT string_agg(int8send(f.article_id), ''::bytea),
                    string_agg(f.signature, ''::bytea)
                FROM {ArticleFingerprint._meta.db_table} f
                JOIN {Article._meta.db_table} a ON a.id = f.article_id
                WHERE f.article_id = ANY(%s::bigint[]) AND a.is_current AND f.version = %s""",
                [_array(ids), SIGNATURE_VERSION],
            )
            packed_ids, packed_signatures = cursor.fetchone()
        if packed_ids is None:
            return _NO_ROWS, np.empty((0, PERMUTATIONS), dtype=np.uint32)
        known = np.frombuffer(packed_ids, dtype=">i8").astype(np.int64)
        matrix = np.frombuffer(packed_signatures, dtype="<u4").reshape(len(known), PERMUTATIONS)
        if len(known) > 1 and not bool(np.all(known[1:] > known[:-1])):
            order = np.argsort(known, kind="stable")
            known, matrix = known[order], matrix[order]
        return known, matrix
    else:
        for part in _slices(ids):
            query = ArticleFingerprint.objects.filter(
                article_id__in=part, article__is_current=True, version=SIGNATURE_VERSION
            )
            found.extend(
                (a, bytes(data))
                for a, data in query.order_by("article_id").values_list("article_id", "signature")
            )
    matrix = np.frombuffer(b"".join(data for _, data in found), dtype="<u4").reshape(len(found), PERMUTATIONS)
    return np.array([a for a, _ in found], dtype=np.int64), matrix


def _array(values: Iterable[int]) -> str:
    """Integers as a PostgreSQL array literal: one text parameter, parsed at once (a Python list is sent
    as ARRAY[...] of one constant per element, which costs the planner more than the lookup)."""
    return "{" + ",".join(map(str, values)) + "}"


def _bucket_heads(keys: Sequence[int]) -> Buckets:
    """For each of `keys`, the ids of the (at most ROWS_PER_KEY) oldest article versions with that band
    key; stored_matches drops the versions no longer current when it reads the candidates' signatures.

    The limit is per key, inside the query: on PostgreSQL a LATERAL join walks the (key, article) index
    once per key (index only, no join) and stops after ROWS_PER_KEY rows, so the cost follows the number
    of keys asked, not the size of the table. A single `key IN (...)` joined to the articles with one
    overall LIMIT let the planner scan the whole band table in article order (160 ms per 500 keys with
    20,000 articles stored, growing with every import), and let one crowded bucket take the rows of the
    other keys. ROWS_PER_KEY 128, not 8: on the bench generator's template-built stories (buckets of
    hundreds) 8 missed 18 of 39 near-duplicates the unbounded lookup found, 64 missed 4, 128 none.
    SQLite has no LATERAL: a window over the keys' buckets keeps the same rows."""
    band = ArticleBand._meta.db_table
    if not keys:
        return NO_BUCKETS
    if connection.vendor == "postgresql":
        with transaction.atomic(savepoint=False), connection.cursor() as cursor:
            # The nested loop is estimated at a probe per key, far over jit_above_cost: PostgreSQL then
            # compiled the plan with LLVM for each chunk, which cost more CPU than the lookup itself
            # (0.14 against 0.09 s for 16,000 keys). SET LOCAL: only this transaction (the chunk's).
            cursor.execute("SET LOCAL jit = off")
            # all the chunk's keys in one statement and one row: the keys found, how many heads each
            # has and the heads end to end, as three bytea values of big-endian integers (int8send,
            # int4send); a row per head, then an int8[] per key, cost more to send and to turn into
            # Python ints than the lookup itself. No ORDER BY inside the aggregates: the three outer
            # ones see the keys in one pass (so in one order, the array's), each key's ids come in
            # its index scan's order, and an ordered aggregate sorted its input again, a sort per
            # key (about a quarter of the statement); _ordered_buckets checks the order and sorts
            # only what is not
            cursor.execute(
                f"""SELECT string_agg(int8send(k.key), ''::bytea),
                    string_agg(int4send(head.n), ''::bytea),
                    string_agg(head.ids, ''::bytea)
                FROM unnest(%s::bigint[]) AS k(key)
                CROSS JOIN LATERAL (
                    SELECT count(*)::int AS n, string_agg(int8send(article_id), ''::bytea) AS ids
                    FROM (
                        SELECT b.article_id FROM {band} b
                        WHERE b.key = k.key
                        ORDER BY b.article_id LIMIT %s
                    ) AS oldest
                ) AS head
                WHERE head.n > 0""",
                [_array(keys), ROWS_PER_KEY],
            )
            found, sizes, ids = cursor.fetchone()
        if found is None:
            return NO_BUCKETS
        return _ordered_buckets(
            np.frombuffer(found, dtype=">i8").astype(np.int64),
            np.frombuffer(sizes, dtype=">i4").astype(np.int64),
            np.frombuffer(ids, dtype=">i8").astype(np.int64),
        )
    rows: list[tuple[int, int]] = []
    with connection.cursor() as cursor:
        for part in _slices(keys):
            cursor.execute(
                f"""SELECT key, article_id FROM (
                    SELECT b.key, b.article_id,
                        ROW_NUMBER() OVER (PARTITION BY b.key ORDER BY b.article_id) AS place
                    FROM {band} b
                    WHERE b.key IN ({", ".join(["%s"] * len(part))})
                ) WHERE place <= %s""",
                [*part, ROWS_PER_KEY],
            )
            rows.extend(cursor.fetchall())
    pairs = np.array(rows, dtype=np.int64).reshape(len(rows), 2)
    return Buckets.from_pairs(pairs[:, 0], pairs[:, 1])


def _ordered_buckets(keys: np.ndarray, sizes: np.ndarray, ids: np.ndarray) -> Buckets:
    """Buckets of keys (each once), how many ids each has and the ids end to end, as read in whatever
    order: as they are when the keys ascend and each key's ids ascend (the lookup's order), else put
    in that order (Buckets.from_pairs: at most ROWS_PER_KEY ids were read per key, so none is cut)."""
    if not len(keys):
        return NO_BUCKETS
    ends = np.cumsum(sizes)
    rising = np.ones(len(ids), dtype=bool)
    rising[1:] = ids[1:] > ids[:-1]
    rising[ends[:-1]] = True  # a key's first id follows another key's ids
    if bool(np.all(keys[1:] > keys[:-1])) and bool(rising.all()):
        return Buckets(keys, sizes, ids)
    return Buckets.from_pairs(np.repeat(keys, sizes), ids)


def _most_shared(keys: np.ndarray, by_key: Buckets) -> tuple[np.ndarray, np.ndarray]:
    """Each text's candidates: the CANDIDATES ids found in the most of the buckets of its band keys
    (`keys`, a row per text; `by_key` from _bucket_heads), ties to the oldest (the smaller id). Two
    arrays of one length, the text (row) and the candidate id, sorted by text then id.

    In array operations over the whole chunk: on template-built stories whose buckets are full, a
    text's keys find thousands of ids, and counting them text by text (collections.Counter) cost more
    than the database's lookup."""
    found, lengths, flat = by_key.keys, by_key.sizes, by_key.ids
    starts = np.cumsum(lengths) - lengths
    asked = keys.ravel()
    place = np.minimum(np.searchsorted(found, asked), len(found) - 1)
    hit = found[place] == asked  # a key asked twice in one text counts twice, as each band does
    bucket = place[hit]
    text_of_key = np.repeat(np.arange(len(keys), dtype=np.int64), keys.shape[1])[hit]
    sizes = lengths[bucket]
    texts = np.repeat(text_of_key, sizes)
    within = np.arange(int(sizes.sum()), dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    ids = flat[np.repeat(starts[bucket], sizes) + within]
    if not len(ids):
        return ids, ids
    packed = _packed_ranking(texts, ids, len(keys), keys.shape[1])
    if packed is not None:
        return packed
    # (text, id) pairs with how many of the text's keys found the id
    order = np.lexsort((ids, texts))
    texts, ids = texts[order], ids[order]
    new = np.ones(len(ids), dtype=bool)
    new[1:] = (texts[1:] != texts[:-1]) | (ids[1:] != ids[:-1])
    starts_of_pairs = np.flatnonzero(new)
    counts = np.diff(np.append(starts_of_pairs, len(ids)))
    texts, ids = texts[starts_of_pairs], ids[starts_of_pairs]
    # the CANDIDATES most shared of each text: rank by (count descending, id), keep the first ones
    ranked = np.lexsort((ids, -counts, texts))
    text_sorted = texts[ranked]
    opens = np.ones(len(ranked), dtype=bool)
    opens[1:] = text_sorted[1:] != text_sorted[:-1]
    group_start = np.maximum.accumulate(np.where(opens, np.arange(len(ranked)), 0))
    chosen = np.sort(ranked[np.arange(len(ranked)) - group_start < CANDIDATES])
    return texts[chosen], ids[chosen]


def _packed_ranking(
    texts: np.ndarray, ids: np.ndarray, n_texts: int, keys_per_text: int
) -> tuple[np.ndarray, np.ndarray] | None:
    """_most_shared's counting and ranking with each (text, count, id) packed into one int64, so that
    plain sorts of one array do what lexsort of two or three did (lexsort was over two thirds of the
    lookup's Python time on a chunk of template-built stories); the same result. None when the values
    do not fit in 63 bits (ids over 2**40 with a chunk of 2**17 texts) or an id is negative."""
    id_bits = max(int(ids.max()).bit_length(), 1)
    count_bits = keys_per_text.bit_length()  # a count is at most the number of keys of a text
    text_bits = max(n_texts.bit_length(), 1)
    if int(ids.min()) < 0 or id_bits + count_bits + text_bits > 63:
        return None
    # (text, id) pairs with how many of the text's keys found the id
    pairs, counts = np.unique((texts << id_bits) | ids, return_counts=True)
    id_mask = (1 << id_bits) - 1
    texts, ids = pairs >> id_bits, pairs & id_mask
    # the CANDIDATES most shared of each text: by (count descending, id), then the first ones
    ranked = np.sort((texts << (count_bits + id_bits)) | ((keys_per_text - counts) << id_bits) | ids)
    text_sorted = ranked >> (count_bits + id_bits)
    opens = np.ones(len(ranked), dtype=bool)
    opens[1:] = text_sorted[1:] != text_sorted[:-1]
    group_start = np.maximum.accumulate(np.where(opens, np.arange(len(ranked)), 0))
    kept = ranked[np.arange(len(ranked)) - group_start < CANDIDATES]
    chosen = np.sort((kept >> (count_bits + id_bits) << id_bits) | (kept & id_mask))
    return chosen >> id_bits, chosen & id_mask


def current_version(article: Article) -> Article:
    """The current version of the text `article` is a version of (itself when it is current)."""
    while not article.is_current:
        following = Article.objects.filter(previous_version=article).first()
        if following is None:
            break
        article = following
    return article


@dataclass(frozen=True, slots=True)
class PreviewRow:
    """A row of an import preview that nearly duplicates a stored article or an earlier row of the file."""

    row: int
    title: str
    outlet: str
    similarity: float
    match: Article | None = None  # the stored article, or
    match_row: int | None = None  # the earlier row of the same file


def preview_near_duplicates(rows: Sequence[tuple[int, str, str, str]]) -> list[PreviewRow]:
    """For an import preview's new rows, (row number, body, title, outlet) each: those that nearly
    duplicate a stored current article (preferred) or an earlier row, in row order."""
    rows = [row for row in rows if comparable(row[1])]
    sigs = signatures_of([body for _, body, _, _ in rows])
    stored = stored_matches(sigs)
    earlier: dict[int, tuple[int, float]] = {}
    for pair in near_duplicate_pairs(list(sigs)):
        best = earlier.get(pair.second)
        if best is None or pair.similarity > best[1]:
            earlier[pair.second] = (pair.first, pair.similarity)
    articles = (
        Article.objects.select_related("outlet")
        .defer("body", "original")
        .in_bulk([m.article_id for m in stored if m is not None])
    )
    found = []
    for index, (number, _, title, outlet) in enumerate(rows):
        match = stored[index]
        if match is not None and match.article_id in articles:
            found.append(
                PreviewRow(number, title, outlet, match.similarity, match=articles[match.article_id])
            )
        elif index in earlier:
            first, score = earlier[index]
            found.append(PreviewRow(number, title, outlet, score, match_row=rows[first][0]))
    return found
