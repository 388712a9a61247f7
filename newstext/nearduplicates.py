"""Near-duplicate articles: MinHash signatures of word shingles, LSH band keys, similarity.

Pure (no Django): the import computes a signature for each article text it stores, keeps the
signature and its band keys in the database, and looks up the stored articles sharing a band key
with an incoming text (the candidates); the decision is the signatures' estimated Jaccard similarity
against NEAR_DUPLICATE_THRESHOLD.

Why these numbers (tests/importing/test_near_duplicates.py checks each on texts written for it):
- Shingles of SHINGLE_WORDS (5) words, lower-cased, punctuation dropped: a header line added or
  removed, a correction note appended, a changed number or a different intro paragraph leave most
  5-word runs of a story intact (Jaccard 0.6-0.97), while two outlets' own stories on one event share
  only the odd quote and stock phrase (under 0.1).
- NEAR_DUPLICATE_THRESHOLD 0.5 sits between the two with room on both sides; with PERMUTATIONS (128)
  the estimate's standard error is about 0.045 at 0.5.
- A text under MIN_WORDS (40) words (a brief, a caption, a test's two sentences) is matched only by
  its exact text: with a dozen shingles, two briefs from one template differing in a number are
  already "near" (Jaccard about 0.5), which says nothing about their being one article.
- BANDS (32) of ROWS (4): a pair at Jaccard 0.5 shares at least one band key with probability 0.87,
  at 0.6 0.985, at 0.7 0.9999, while a pair at 0.1 does so with probability 0.003, so a new text is
  compared with a handful of stored ones, not with all of them.

Why hashed here, with numpy, and not by datasketch (SIGNATURE_VERSION 1 was datasketch's MinHash): an
import computes a signature for every article it stores, and datasketch hashes each shingle with SHA-1
in a Python call (about 0.25 ms for a 120-word story, most of the near-duplicate check's Python time).
Version 2 hashes each distinct word once (BLAKE2b, cached), combines the hashes of 5 consecutive words
into the shingle's 64-bit hash with one vectorised multiply-add per word position and a finaliser
(MurmurHash3's fmix64), and draws the PERMUTATIONS as multiply-add-shift hashes of those 64-bit
values, all in array operations over a whole chunk of texts. Its estimates follow the shingle sets'
exact Jaccard as closely as datasketch's do (tests/importing/test_near_duplicates.py measures both on
the same pairs). A stored signature records its version (ArticleFingerprint.version): signatures
and band keys of different versions are never compared, and `manage.py fingerprint_articles`
recomputes the old ones.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS = 128
BANDS = 32
ROWS = PERMUTATIONS // BANDS
NEAR_DUPLICATE_THRESHOLD = 0.5
MIN_WORDS = 40
SEED = 1  # fixed: a signature stored today must compare with one computed next year
SIGNATURE_VERSION = 2  # stored with each signature; a change of any number below needs a new version
_WORD = re.compile(r"\w+")
# The band keys' multipliers (odd) and offsets, drawn once from SEED: stored keys stay comparable.
_RANDOM = np.random.default_rng(SEED)
_MIX = _RANDOM.integers(1, 2**63, size=(BANDS, ROWS), dtype=np.uint64) | np.uint64(1)
_BAND_OFFSET = _RANDOM.integers(0, 2**63, size=BANDS, dtype=np.uint64)
# Version 2's numbers, from their own stream of SEED: one odd multiplier per word position of a shingle,
# and per permutation an odd multiplier and an offset (multiply-add-shift hashing).
_RANDOM_V2 = np.random.default_rng([SEED, SIGNATURE_VERSION])
_POSITION = _RANDOM_V2.integers(1, 2**64 - 1, size=SHINGLE_WORDS, dtype=np.uint64, endpoint=True) | np.uint64(
    1
)
_PERM_MUL = _RANDOM_V2.integers(1, 2**64 - 1, size=PERMUTATIONS, dtype=np.uint64, endpoint=True) | np.uint64(
    1
)
_PERM_ADD = _RANDOM_V2.integers(0, 2**64 - 1, size=PERMUTATIONS, dtype=np.uint64, endpoint=True)
_PERM_ADD_COLUMN = _PERM_ADD[:, np.newaxis]
_FMIX_1 = np.uint64(0xFF51AFD7ED558CCD)
_FMIX_2 = np.uint64(0xC4CEB9FE1A85EC53)
_SHIFT_33 = np.uint64(33)
_SHIFT_32 = np.uint64(32)
_EMPTY = np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)  # no shingle: every minimum at the top
BLOCK = 1024  # shingles per block of the (shingles x PERMUTATIONS) matrix: 1 MB of uint64


@dataclass(frozen=True, slots=True)
class NearDuplicatePair:
    """Two texts (by index) whose estimated Jaccard similarity reaches the threshold; first < second."""

    first: int
    second: int
    similarity: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> set[bytes]:
    """The runs of `size` consecutive words of `text` (lower-cased, punctuation dropped), as bytes; a
    text shorter than `size` words gives its words as one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i : i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


# MIN_WORDS runs of word characters: any non-word characters, then MIN_WORDS - 1 times a word and the
# non-word characters after it, then the first character of one more word. Each \w+ must end where
# the \W+ after it starts, so a match takes whole words (as _WORD.finditer cuts them) and a failing
# text is given up in one pass, without backtracking into a word.
_MIN_WORDS = re.compile(rf"\W*(?:\w+\W+){{{MIN_WORDS - 1}}}\w")


def comparable(text: str) -> bool:
    """Whether `text` is long enough (MIN_WORDS words, as _WORD finds them) to be compared by its
    shingles. One regular expression match over the first MIN_WORDS words, not a Python step per word
    (an import asks this of every row: that loop was a tenth of a chunk's signature time)."""
    return _MIN_WORDS.match(text) is not None


class _WordHashes(dict[bytes, int]):
    """Word (its UTF-8 bytes) -> its stable 64-bit hash (BLAKE2b of those bytes, as int64), computed
    once per distinct word. News reuses its words: after a few hundred articles nearly every lookup is
    a hit. Emptied past MAX_WORDS (about 12 MB of words and numbers: a worker must stay well under its
    memory budget)."""

    MAX_WORDS = 100_000

    def __missing__(self, word: bytes) -> int:
        if len(self) >= self.MAX_WORDS:
            self.clear()
        value = int.from_bytes(hashlib.blake2b(word, digest_size=8).digest(), "little", signed=True)
        self[word] = value
        return value


_WORD_HASHES = _WordHashes()


def _ascii_word_table() -> bytes:
    """A bytes.translate table: each ASCII character _WORD matches (a letter, a digit, "_") to its small
    letter, every other ASCII character to a space; bytes over 127 (parts of other characters in UTF-8)
    as they are."""
    table = bytearray(range(256))
    for byte in range(128):
        character = chr(byte)
        table[byte] = ord(character.lower()) if _WORD.fullmatch(character) else 0x20
    return bytes(table)


_ASCII_WORDS = _ascii_word_table()

# Characters news text is full of that are no word characters and that lower() leaves as they are:
# replaced by spaces, they cut the words where they did, and most texts are then ASCII.
_NON_WORD_MARKS = ("\u201c", "\u201d", "\u2019", "\u2018", "\u2014", "\u2013", "\u00a0", "\u2026", "\u2022")


def _word_bytes(text: str) -> tuple[list[bytes], bool]:
    """`_WORD.findall(text.lower())`, each word as its UTF-8 bytes, without a regular expression over
    the whole text (it was over a third of an import's signature time): the curly quotes, dashes and
    the like of _NON_WORD_MARKS become spaces, and an ASCII text is then one byte translation (capitals
    to small letters, every character that is no word character to a space) and a split (in a str
    pattern, an ASCII character is a word character exactly when it is a letter, a digit or "_").
    Also whether they are as many as `_WORD` finds in `text` itself: always, but for a text holding
    other characters, whose lower case may cut its words elsewhere (a dotted capital I gains a
    combining dot, which is no word character)."""
    if not text.isascii():
        for mark in _NON_WORD_MARKS:
            if mark in text:
                text = text.replace(mark, " ")
        if not text.isascii():
            return _other_word_bytes(text.lower()), False
    return text.encode("ascii").translate(_ASCII_WORDS).split(), True


def _other_word_bytes(lowered: str) -> list[bytes]:
    """_word_bytes of a lower-cased text holding other characters (an accented letter, another script):
    the same translation and split of its UTF-8 bytes, which never cuts a character (a UTF-8 sequence
    holds no ASCII byte) and cuts only at ASCII characters that are no word characters; a piece holding
    other characters is then cut by the expression itself, alone."""
    # surrogatepass: a lone surrogate (no word character) is cut out by the expression as before
    words: list[bytes] = []
    for piece in lowered.encode("utf-8", "surrogatepass").translate(_ASCII_WORDS).split():
        if piece.isascii():
            words.append(piece)
        else:
            words.extend(
                word.encode("utf-8") for word in _WORD.findall(piece.decode("utf-8", "surrogatepass"))
            )
    return words


def _fmix64(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 64-bit finaliser, in place on an array of uint64: every input bit moves every
    output bit, so a multiply-add of word hashes becomes a well-spread shingle hash."""
    values ^= values >> _SHIFT_33
    values *= _FMIX_1
    values ^= values >> _SHIFT_33
    values *= _FMIX_2
    values ^= values >> _SHIFT_33
    return values


def _shingle_hashes(words: Sequence[list[bytes]]) -> tuple[np.ndarray, np.ndarray]:
    """The 64-bit hashes of each text's shingles (as shingles() cuts them; repeats kept: a minimum does
    not mind them), given each text's words (_word_bytes), concatenated in text order, and how many
    belong to each text.

    All texts' word hashes go into one array, each text followed by SHINGLE_WORDS - 1 zeros, so one
    multiply-add per word position makes every shingle of every text at once (a text shorter than a
    shingle makes one, of its words); the starts that would run into the padding are dropped."""
    pad = SHINGLE_WORDS - 1
    lengths = np.fromiter(map(len, words), dtype=np.int64, count=len(words))
    padded = np.zeros(int(lengths.sum()) + pad * len(words) + pad, dtype=np.int64)
    ends = np.cumsum(lengths + pad)
    starts = ends - lengths - pad
    flat = np.fromiter(
        map(_WORD_HASHES.__getitem__, itertools.chain.from_iterable(words)),
        dtype=np.int64,
        count=int(lengths.sum()),
    )
    # positions of the words in the padded array: each text's run shifted by the padding before it
    padded[np.arange(len(flat)) + np.repeat(starts - np.cumsum(lengths) + lengths, lengths)] = flat
    hashes = padded.view(np.uint64)
    span = len(hashes) - pad
    combined = np.zeros(span, dtype=np.uint64)
    for position in range(SHINGLE_WORDS):
        combined += hashes[position : position + span] * _POSITION[position]
    counts = np.where(lengths > 0, np.maximum(lengths - pad, 1), 0)
    keep = np.repeat(
        np.tile([True, False], len(words)), np.stack([counts, lengths + pad - counts], 1).ravel()
    )
    return _fmix64(combined[: len(keep)][keep]), counts


def signatures(texts: Sequence[str]) -> np.ndarray:
    """The MinHash signatures of `texts`' shingles, one row of PERMUTATIONS unsigned 32-bit values per
    text (a text without words: every value 2**32 - 1). Permutation i of a shingle hash h is the top 32
    bits of (a_i * h + b_i) mod 2**64, the multiply-add-shift hash; the minima come from one matrix per
    block of about BLOCK shingles (small enough to stay in the processor's cache), a row per permutation."""
    return _signatures([_word_bytes(text)[0] for text in texts])


def comparable_signatures(texts: Sequence[str]) -> tuple[np.ndarray, list[bool]]:
    """signatures(texts), and comparable() of each text, read off the words the signature cuts where
    they are the text's own (_word_bytes): the import asks both of every row."""
    words, checkable = [], []
    for text in texts:
        found, own = _word_bytes(text)
        words.append(found)
        checkable.append(len(found) >= MIN_WORDS if own else comparable(text))
    return _signatures(words), checkable


def _signatures(words: Sequence[list[bytes]]) -> np.ndarray:
    """signatures() of texts given as their words (_word_bytes)."""
    out = np.empty((len(words), PERMUTATIONS), dtype=np.uint32)
    hashes, sizes = _shingle_hashes(words)
    out[sizes == 0] = _EMPTY
    filled = np.flatnonzero(sizes)
    offsets = np.concatenate(([0], np.cumsum(sizes)))
    start = 0
    while start < len(filled):
        # texts [start, stop) of `filled` in one block (a text longer than BLOCK alone)
        stop, total = start, 0
        while stop < len(filled) and (stop == start or total + sizes[filled[stop]] <= BLOCK):
            total += sizes[filled[stop]]
            stop += 1
        block = filled[start:stop]
        first = offsets[block[0]]
        # a row per permutation, a column per shingle: each text's minima are then a reduction along
        # contiguous memory (numpy's reduceat along the rows of the shingles-by-permutations matrix,
        # strided, cost more than the products)
        permuted = np.multiply.outer(_PERM_MUL, hashes[first : first + total])
        permuted += _PERM_ADD_COLUMN
        # the top 32 bits keep the order of the full values: the minimum first, then the shift
        minima = np.minimum.reduceat(permuted, offsets[block] - first, axis=1)
        out[block] = (minima.T >> _SHIFT_32).astype(np.uint32)
        start = stop
    return out


def signature(text: str) -> np.ndarray:
    """The MinHash signature of `text`'s shingles: PERMUTATIONS unsigned 32-bit values (signatures())."""
    row: np.ndarray = signatures([text])[0]  # one row of the 2-D array (numpy types indexing as Any)
    return row


def signature_bytes(values: np.ndarray) -> bytes:
    """A signature as bytes for storing (little-endian uint32, 4 x PERMUTATIONS bytes)."""
    return values.astype("<u4").tobytes()


def signature_from_bytes(data: bytes) -> np.ndarray:
    """A stored signature back as an array of uint32."""
    return np.frombuffer(bytes(data), dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The estimated Jaccard similarity of the shingle sets behind two signatures: the share of equal
    values (0.0-1.0)."""
    return float(np.count_nonzero(a == b)) / len(a)


def band_key_rows(values: np.ndarray) -> np.ndarray:
    """band_keys() of each row of a (texts x PERMUTATIONS) array of signatures, as a (texts x BANDS)
    array of int64 in one pass."""
    rows = values.astype(np.uint64).reshape(len(values), BANDS, ROWS)
    mixed = (rows * _MIX).sum(axis=2, dtype=np.uint64) + _BAND_OFFSET
    mixed ^= mixed >> np.uint64(31)
    return mixed.view(np.int64)


def band_keys(values: np.ndarray) -> list[int]:
    """One key per LSH band (BANDS of ROWS values each) as signed 64-bit integers. Each band's values are
    mixed by multipliers of their own (a multiply-add hash modulo 2**64, vectorised), so equal values in
    two different bands make different keys. Two texts are candidates when they share a key; a rare
    chance collision only costs one more comparison."""
    keys: list[int] = band_key_rows(values.reshape(1, PERMUTATIONS))[0].tolist()  # int64 -> int
    return keys


def near_duplicate_pairs(
    signatures: Sequence[np.ndarray], threshold: float = NEAR_DUPLICATE_THRESHOLD
) -> list[NearDuplicatePair]:
    """The pairs among `signatures` (by index) at or over `threshold`, found through shared band keys,
    in order of (first, second)."""
    buckets: dict[int, list[int]] = {}
    candidates: set[tuple[int, int]] = set()
    for index, values in enumerate(signatures):
        for key in band_keys(values):
            bucket = buckets.setdefault(key, [])
            candidates.update((other, index) for other in bucket)
            bucket.append(index)
    pairs = []
    for first, second in sorted(candidates):
        score = similarity(signatures[first], signatures[second])
        if score >= threshold:
            pairs.append(NearDuplicatePair(first, second, score))
    return pairs
