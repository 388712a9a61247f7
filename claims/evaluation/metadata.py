"""Metadata scoring: the title, outlet and publication date the app stored for articles imported as files.

Per field, right / articles over the gold articles imported as files (their metadata was not given to
the import):
- title: equal after whitespace is normalised, or both empty;
- outlet: equal ignoring case, or both empty, or nothing stored where gold has "outlet_in_text": false
  (the outlet's name is nowhere in the text);
- published: equal to gold's date; where gold's published is null, right when nothing is stored, or
  when gold's "published_range" [first, last] holds the stored date.
A gold article that no stored article matches is wrong on every field.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .claims import ratio
from .gold import GoldArticle

FIELDS = ("title", "outlet", "published")


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def title_right(gold: GoldArticle, stored: Any) -> bool:
    return _norm(gold.title) == _norm(stored.title)


def outlet_right(gold: GoldArticle, stored: Any) -> bool:
    value = _norm(stored.outlet).casefold()
    if not value and (not gold.outlet or gold.extra.get("outlet_in_text") is False):
        return True
    return value == _norm(gold.outlet).casefold()


def published_right(gold: GoldArticle, stored: Any) -> bool:
    value = stored.published or None
    if gold.published:
        return value == gold.published
    if value is None:
        return True
    window = gold.extra.get("published_range")
    if not window:
        return False
    return bool(window[0] <= value <= window[-1])


_RULES = {"title": title_right, "outlet": outlet_right, "published": published_right}


def score_metadata(gold_articles: Iterable[GoldArticle], stored_by_key: dict[str, Any]) -> dict[str, Any]:
    """{"title"|"outlet"|"published": {"right", "articles", "share", "wrong": [keys]}}."""
    golds = list(gold_articles)
    out: dict[str, Any] = {}
    for name in FIELDS:
        wrong = [
            g.key for g in golds if g.key not in stored_by_key or not _RULES[name](g, stored_by_key[g.key])
        ]
        right = len(golds) - len(wrong)
        out[name] = {
            "right": right,
            "articles": len(golds),
            "share": ratio(right, len(golds)),
            "wrong": wrong,
        }
    return out
