"""The encoder's signal in linking: a paraphrase with too few shared words is found through the sentence
vectors (candidates and the rescue in statements._meaning), stays below the sure band, and unrelated
statements of one topic are still not linked. Without vectors the linker works on words alone."""

from __future__ import annotations

import dataclasses

import pytest

from claims.linking import encoder
from claims.linking.links import suggest_links
from claims.linking.links.blocking import semantic_pairs
from claims.linking.links.features import features

from .test_links import relations, said

pytestmark = pytest.mark.skipif(
    not encoder.available(), reason="the sentence encoder's packages are not installed"
)


def with_vectors(items):
    vectors = encoder.encode([item.claim.text for item in items])
    return [dataclasses.replace(item, vector=v) for item, v in zip(items, vectors, strict=True)]


def claims():
    return [
        said("a", "A", "Ines Marr", "the Marrowick mayor resigned after the audit"),
        said("b", "B", "Oren Hale", "Marrowick's mayor stepped down when auditors reported"),
        # the same mayor and town, another happening
        said("c", "C", "Tova Reyes", "the Marrowick mayor opened a new school by the harbour"),
    ]


def test_a_paraphrase_the_words_miss_is_linked_through_the_vectors():
    words_only = suggest_links(claims())
    assert not any(s.pair == frozenset("ab") for s in words_only)
    found = suggest_links(with_vectors(claims()))
    assert (frozenset("ab"), "corroborates") in relations(found)
    link = next(s for s in found if s.pair == frozenset("ab"))
    assert link.confidence < 0.75  # a paraphrase by meaning alone is never in the sure band
    assert not any(s.pair in (frozenset("ac"), frozenset("bc")) for s in found)


def test_nearest_vector_candidates_skip_one_article_and_claims_without_vectors():
    items = with_vectors(claims())
    same_article = dataclasses.replace(items[1], id="b2", article_id="A")
    no_vector = dataclasses.replace(items[1], id="b3", article_id="D", vector=None)
    feats = [features(i) for i in [*items, same_article, no_vector]]
    pairs = semantic_pairs(feats)
    assert (0, 1) in pairs
    assert (0, 3) not in pairs  # the same article
    assert not any(4 in p for p in pairs)  # no vector, no part
    assert semantic_pairs(feats, rows={2}) <= {(0, 2), (1, 2), (2, 3)}  # only claim 2 looks
