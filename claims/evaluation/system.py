"""The tracker's own pipeline as the callables `evaluate_corpus` takes: the same code the app runs.

Extraction is `claims.extraction.extract_many`; events come from `EventIndex` over the corpus's
articles; links from `suggest_links` over the extracted claims inside each event, with the stance
model for statements; stance pairs from the shipped stance model.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from claims.linking.context import sentence_around
from claims.linking.events import EventIndex
from claims.linking.links import suggest_links
from claims.linking.types import ArticleInfo, LinkableClaim


def _article_infos(items: dict[str, dict[str, Any]]) -> list[ArticleInfo]:
    return [
        ArticleInfo(key, item.get("outlet"), item.get("published"), item.get("title"), item["text"])
        for key, item in items.items()
    ]


def _events(items: dict[str, dict[str, Any]]) -> dict[Any, list[str]]:
    index = EventIndex()
    index.add_many(_article_infos(items))
    return index.events()


def link(
    items: dict[str, dict[str, Any]], extractions: dict[str, Any]
) -> Iterable[tuple[str, int, str, int, str]]:
    """Suggested links between extracted claims, as (article, claim index, article, claim index, relation)."""
    event_of = {key: event for event, members in _events(items).items() for key in members}
    claims = []
    for key, extraction in extractions.items():
        text = items[key]["text"]
        for index, claim in enumerate(extraction.claims):
            start, sentence = sentence_around(text, claim.start, claim.end)
            claims.append(
                LinkableClaim(
                    (key, index),
                    key,
                    items[key].get("outlet"),
                    claim,
                    sentence,
                    event_id=event_of.get(key),
                    sentence_start=start,
                    published=items[key].get("published"),
                )
            )
    stance = _stance_model()
    for s in suggest_links(claims, stance_many=stance.predict_many if stance else None):
        (a_key, a_index), (b_key, b_index) = s.a_id, s.b_id
        yield a_key, a_index, b_key, b_index, s.relation


def _stance_model():
    from claims.linking.stance import StanceModel

    return StanceModel.load()


def system_callables() -> dict[str, Any]:
    """extract_many, link, cluster and stance_many: the whole system, as evaluate_corpus takes it."""
    from claims.extraction import extract_many

    return {
        "extract_many": extract_many,
        "link": lambda items, extractions: list(link(items, extractions)),
        "cluster": lambda items: list(_events(items).values()),
        "stance_many": lambda pairs: _stance_model().predict_many(pairs),
    }
