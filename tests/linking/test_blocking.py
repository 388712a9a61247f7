"""Candidate pairs: a speaker key pairs statements only within its time window; words pair any."""

import dataclasses
import datetime as dt

from claims.linking.links.blocking import candidate_pairs
from claims.linking.links.features import features

from .test_links import said

DAY = dt.date(2025, 3, 17)


def dated(item, days: int | None):
    return dataclasses.replace(item, published=None if days is None else DAY + dt.timedelta(days=days))


def test_a_speaker_key_pairs_only_statements_near_in_time():
    claims = [
        dated(said("a", "A", "Ivo Ryland", "the harbour will reopen"), 0),
        dated(said("b", "B", "Ivo Ryland", "the budget is balanced"), 10),
        dated(said("c", "C", "Ivo Ryland", "taxes stay where they are"), 200),  # months later
        dated(said("d", "D", "Ivo Ryland", "the bridge is safe"), None),  # undated: any time
    ]
    feats = [features(c) for c in claims]

    def keys(f):
        return [("s", "ivo ryland"), ("s", "ryland")]  # the full name and the last name

    def ids(pairs):
        return {frozenset((claims[i].id, claims[j].id)) for i, j in pairs}

    everything = ids(candidate_pairs(feats, keys, min_shared=2))
    assert len(everything) == 6
    near = ids(candidate_pairs(feats, keys, min_shared=2, local=lambda k: k[0] == "s", window_days=30))
    assert near == {frozenset(p) for p in ("ab", "ad", "bd", "cd")}
