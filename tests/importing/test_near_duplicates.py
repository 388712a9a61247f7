"""Near-duplicate detection, pure (newstext.nearduplicates): what counts as the same article again and
what does not, on stories written for these tests; and, on the shared corpora, that no two distinct
articles are flagged."""

from __future__ import annotations

import hashlib
import itertools

import numpy as np
import pytest

from newstext import nearduplicates
from newstext.nearduplicates import (
    BANDS,
    MIN_WORDS,
    NEAR_DUPLICATE_THRESHOLD,
    band_keys,
    comparable,
    near_duplicate_pairs,
    shingles,
    signature,
    signature_bytes,
    signature_from_bytes,
    signatures,
    similarity,
)

from .near_duplicate_texts import (
    CORRECTION,
    HEADER,
    OTHER_OUTLET_STORY,
    THIRD_OUTLET_STORY,
    WIRE_STORY,
    with_new_intro,
)

SAME_STORY_AGAIN = {
    "a header line added": HEADER + WIRE_STORY,
    "a correction note appended": WIRE_STORY + CORRECTION,
    "header and correction": HEADER + WIRE_STORY + CORRECTION,
    "a different intro paragraph": with_new_intro(),
    "two numbers changed": WIRE_STORY.replace("2,300", "2,800").replace("41 percent", "44 percent"),
    "re-wrapped, other quotes and case": WIRE_STORY.replace("\n", " ").replace('"', "\u201c").upper(),
}


@pytest.mark.parametrize("variant", list(SAME_STORY_AGAIN))
def test_the_same_story_edited_is_a_near_duplicate(variant):
    """A header line, a correction, an intro paragraph or a number apart: flagged, through the band keys."""
    text = SAME_STORY_AGAIN[variant]
    pairs = near_duplicate_pairs([signature(WIRE_STORY), signature(text)])
    assert [(p.first, p.second) for p in pairs] == [(0, 1)], variant
    assert pairs[0].similarity >= NEAR_DUPLICATE_THRESHOLD + 0.15  # with room for the estimate's error


@pytest.mark.parametrize("story", [OTHER_OUTLET_STORY, THIRD_OUTLET_STORY])
def test_other_outlets_stories_on_the_same_event_are_not(story):
    """Two outlets' own stories on one event, sharing a quote and the facts: not near-duplicates."""
    assert near_duplicate_pairs([signature(WIRE_STORY), signature(story)]) == []
    assert similarity(signature(WIRE_STORY), signature(story)) < 0.15


def test_the_estimate_follows_the_exact_jaccard():
    """The signatures' share of equal values is within 0.1 of the shingle sets' Jaccard similarity."""
    texts = [WIRE_STORY, *SAME_STORY_AGAIN.values(), OTHER_OUTLET_STORY]
    for a, b in itertools.combinations(texts, 2):
        sa, sb = shingles(a), shingles(b)
        exact = len(sa & sb) / len(sa | sb)
        assert abs(similarity(signature(a), signature(b)) - exact) < 0.1


def test_pairs_among_many_are_found_and_only_those():
    """Among a mix, the variants pair with the story and with each other, the other outlets with nothing."""
    texts = [WIRE_STORY, OTHER_OUTLET_STORY, HEADER + WIRE_STORY, THIRD_OUTLET_STORY, with_new_intro()]
    pairs = {(p.first, p.second) for p in near_duplicate_pairs([signature(t) for t in texts])}
    assert pairs == {(0, 2), (0, 4), (2, 4)}


def test_signatures_are_stable_and_round_trip():
    """The same text gives the same signature in any process (fixed seed); stored bytes read back equal."""
    values = signature(WIRE_STORY)
    assert len(values) == 128 and values.dtype.name == "uint32"
    assert (signature_from_bytes(signature_bytes(values)) == values).all()
    assert len(band_keys(values)) == BANDS and len(set(band_keys(values))) == BANDS
    assert band_keys(values) == band_keys(signature(WIRE_STORY))
    assert (signature(WIRE_STORY) == values).all()


def reference_signature(text: str) -> list[int]:
    """Version 2's signature written out one shingle and one permutation at a time in plain integers:
    BLAKE2b of each word, the word hashes of a shingle times their position's multiplier, MurmurHash3's
    finaliser, then per permutation the top 32 bits of a * h + b, the least over the shingles."""
    mask = 2**64 - 1
    words = [
        int.from_bytes(hashlib.blake2b(w.encode(), digest_size=8).digest(), "little")
        for w in nearduplicates._WORD.findall(text.lower())
    ]
    if not words:
        return [2**32 - 1] * 128
    hashes = []
    for start in range(max(len(words) - 4, 1)):
        h = (
            sum(int(m) * w for m, w in zip(nearduplicates._POSITION, words[start : start + 5], strict=False))
            & mask
        )
        h ^= h >> 33
        h = h * 0xFF51AFD7ED558CCD & mask
        h ^= h >> 33
        h = h * 0xC4CEB9FE1A85EC53 & mask
        hashes.append(h ^ (h >> 33))
    return [
        min((int(a) * h + int(b)) & mask for h in hashes) >> 32
        for a, b in zip(nearduplicates._PERM_MUL, nearduplicates._PERM_ADD, strict=True)
    ]


def test_vectorised_signatures_follow_their_definition(monkeypatch):
    """The chunk's signatures (word hashes padded and combined in one array, minima per block) equal the
    definition computed text by text, for empty and short texts, texts split across blocks and one
    longer than a block; and a text's signature does not depend on the texts beside it."""
    monkeypatch.setattr(nearduplicates, "BLOCK", 64)
    texts = [
        "",
        "Two words",
        "Exactly five words stand here",
        "Six words: one more than five.",
        WIRE_STORY,
        "Ferry crews said the route would reopen. " * 30,  # 210 words: longer than a block of 64 shingles
        CORRECTION,
    ]
    values = signatures(texts)
    assert values.dtype.name == "uint32" and values.shape == (len(texts), 128)
    for text, row in zip(texts, values, strict=True):
        assert row.tolist() == reference_signature(text), text[:30]
    assert (signatures(texts[::-1])[::-1] == values).all()


def test_the_word_hash_cache_is_bounded_and_changes_nothing(monkeypatch):
    """The cache of word hashes is emptied when full (a worker's memory stays bounded), and a signature
    computed through a cache emptied many times over equals one computed with a warm cache."""
    warm = signature(WIRE_STORY)
    monkeypatch.setattr(nearduplicates._WordHashes, "MAX_WORDS", 8)
    nearduplicates._WORD_HASHES.clear()
    assert (signature(WIRE_STORY) == warm).all()
    assert len(nearduplicates._WORD_HASHES) <= 8


def test_estimates_are_as_close_to_the_jaccard_as_datasketchs():
    """On pairs of this file's stories and their variants, version 2's estimates of the shingle sets'
    Jaccard similarity err no more than datasketch's MinHash (version 1, the reference implementation)
    does, give or take the estimate's own standard error."""
    from datasketch import MinHash

    def datasketch_signature(text: str) -> np.ndarray:
        minhash = MinHash(num_perm=128, seed=1)
        minhash.update_batch(list(shingles(text)))
        return np.array(minhash.hashvalues, dtype=np.uint32)

    texts = [WIRE_STORY, *SAME_STORY_AGAIN.values(), OTHER_OUTLET_STORY, THIRD_OUTLET_STORY]
    ours, theirs = [], []
    for a, b in itertools.combinations(texts, 2):
        sa, sb = shingles(a), shingles(b)
        exact = len(sa & sb) / len(sa | sb)
        ours.append(similarity(signature(a), signature(b)) - exact)
        theirs.append(similarity(datasketch_signature(a), datasketch_signature(b)) - exact)
    rms = [float(np.sqrt(np.mean(np.square(errors)))) for errors in (ours, theirs)]
    assert rms[0] <= rms[1] + 0.045, rms


def test_short_texts_are_not_compared():
    """A brief under MIN_WORDS words is matched by its exact text only: two template briefs differ by a
    number and would look "near" by shingles."""
    brief = "PORTVILLE - Ship number 4 docked on Saturday, the harbour authority said."
    assert not comparable(brief)
    assert not comparable(" ".join(["word"] * (MIN_WORDS - 1)))
    assert comparable(" ".join(["word"] * MIN_WORDS)) and comparable(WIRE_STORY)


@pytest.mark.parametrize("name", ["seeds", "basil-dev", "basil-links-dev"])
def test_no_two_distinct_corpus_articles_are_flagged(corpus_dir, name):
    """Real articles, many on one event by several outlets: none flagged as near-duplicates of another."""
    from claims.evaluation.gold import load_corpus

    corpus = load_corpus(corpus_dir / name)
    texts = [a.text for a in corpus.articles.values() if comparable(a.text)]
    assert len(texts) == len(corpus.articles)
    assert near_duplicate_pairs([signature(t) for t in texts]) == []
