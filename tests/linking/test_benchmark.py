"""The synthetic corpus behind the scaling benchmark: deterministic and shaped like news coverage."""

from __future__ import annotations

import pytest

from claims.linking import encoder
from claims.linking.events import EventIndex
from devtools.benchmarks.linking import SyntheticNews, measure_stages


def small(seed: int = 3) -> SyntheticNews:
    return SyntheticNews(seed, vocabulary=3000, people=3000, places=300)


def test_same_seed_same_corpus():
    """A seed fixes the corpus, so timings at two sizes compare like with like."""
    a_articles, a_claims = small().corpus(60)
    b_articles, b_claims = small().corpus(60)
    assert [a.title for a in a_articles] == [b.title for b in b_articles]
    assert [c.claim.text for c in a_claims] == [c.claim.text for c in b_claims]


def test_synthetic_happenings_group_into_about_one_event_each():
    """Event grouping finds roughly one event per synthetic happening (2-4 outlets each)."""
    articles, claims = small().corpus(300)
    assert len(claims) == 5 * len(articles)
    events = EventIndex().add_many(articles)
    n = len(set(events.values()))
    assert 300 / 4 <= n <= 300 / 2


def test_the_encoder_cost_is_a_stage_of_its_own():
    """With --encoder the statements' encoding is timed apart (and its rate given) and semantic pairs are
    counted, so the benchmark shows what the sentence vectors cost next to the rules."""
    if not encoder.available():
        pytest.skip("the sentence encoder's packages are not installed")
    corpus = small().corpus(40)
    [plain] = measure_stages(40, corpus=corpus)
    [run] = measure_stages(40, corpus=small().corpus(40), encoder=True)
    assert plain.stages["sentence vectors"] == 0 and plain.encoded_per_s is None
    assert run.stages["sentence vectors"] > 0 and run.encoded_per_s > 0
    assert "semantic pairs" in run.pairs


def test_the_stance_model_refines_the_statement_links_it_is_given(monkeypatch):
    """With --stance the shipped model is loaded and asked about the statement pairs (the benchmark's
    `--stance` once failed on a wrong import and measured nothing)."""
    from claims.linking.stance import StanceModel

    asked: list[int] = []
    real = StanceModel.link_labels

    def counting(self, pairs):
        asked.append(len(pairs))
        return real(self, pairs)

    monkeypatch.setattr(StanceModel, "link_labels", counting)
    [run] = measure_stages(40, corpus=small().corpus(40), stance=True)
    assert sum(asked) > 0
    assert run.seconds > 0
