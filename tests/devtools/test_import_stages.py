"""The import benchmark's follow-up in CPU seconds by stage, beside its wall-clock rate."""

from __future__ import annotations

import pytest

import claims.services.extraction as extraction
import claims.services.linking as linking
from devtools.benchmarks.importing import import_rate, stage_cpu
from devtools.benchmarks.parts import _cpu_figures

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_follow_up_is_timed_by_stage_and_the_services_are_put_back():
    real = (extraction.extract_many, extraction.articles_store_extractions, linking.articles_link)
    cpu: dict[str, float] = {}
    stages: dict[str, float] = {}
    assert import_rate(4, extract=True, seed=7, cpu=cpu, stages=stages) > 0
    assert {"parse", "store", "link"} <= set(stages)
    assert all(seconds > 0 for seconds in stages.values())
    assert sum(stages.values()) <= cpu["seconds"]
    assert (extraction.extract_many, extraction.articles_store_extractions, linking.articles_link) == real
    figures = _cpu_figures("run", 4, {"seconds": 2.0}, cpu, stages)
    assert figures["run_cpu_ratio"] == round(2.0 / cpu["seconds"], 3)
    per = figures["run_cpu_s_per_article"]
    assert per["other"] >= 0 and sum(per.values()) == pytest.approx(cpu["seconds"] / 4, abs=1e-3)


def test_encoding_is_its_own_stage_not_linking(monkeypatch):
    stages: dict[str, float] = {}

    def link(**kwargs):
        from claims.linking import encoder

        encoder.encode([])  # stands for the encoding done while linking
        return {}

    monkeypatch.setattr("claims.linking.encoder.encode", lambda texts, **kw: sum(range(200_000)))
    monkeypatch.setattr(linking, "articles_link", link)
    with stage_cpu(stages):
        linking.articles_link(article_ids=[])
    assert stages["encode"] > 0
    assert stages["link"] == pytest.approx(0.0, abs=0.01)  # all of its time was the encoder's
