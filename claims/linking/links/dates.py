"""Date rules: dates of the same happening at compatible precision corroborate; within one event,
dates of the same happening that cannot be the same day contradict."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from claims.extraction.types import DateClaim

from .blocking import KeyWeights, candidate_pairs
from .features import ClaimFeatures, date_interval
from .text import overlap, readable, terms

Scored = tuple[int, int, str, float, str]

MIN_AGREE = 0.3  # weighted overlap of what the two dates date ("Guaido declared himself interim president")
MIN_CONFLICT = 0.5
_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_CALENDAR = frozenset(
    terms("January February March April May June July August September October November December ago")
)
NEAR_DAYS = 45  # a conflict is only about the event itself: dates this close to its articles
# "18 years ago", "three decades earlier": a date counted back from the article's own date
_COUNTED_BACK = re.compile(r"\b(?:years?|decades?|centur(?:y|ies))\s+(?:ago|earlier|before)\b", re.I)
_PRECISION = {"year": 0, "month": 1, "day": 2}
MIN_OWN_SHARE = 1 / 3  # of the shorter clause's words: "a bilateral agreement inked" / "the agreement signed"


def date_links(feats: Sequence[ClaimFeatures]) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for date claims that date the same happening."""
    weights = KeyWeights(_keys(f) for f in feats)
    pairs = candidate_pairs(feats, lambda f: _keys(f), min_shared=2)
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        ca, cb = a.item.claim, b.item.claim
        assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
        sim = weights.overlap(_keys(a), _keys(b))
        agree = _compatible(a, b)
        if agree is None:
            continue
        if agree:
            if sim >= MIN_AGREE:
                conf = min(0.95, 0.45 + 0.5 * sim)
                out.append((i, j, "corroborates", round(conf, 3), _line(a, b, "both")))
        elif (
            sim >= MIN_CONFLICT
            and a.item.event_id is not None
            and a.item.event_id == b.item.event_id
            and _near(a)
            and _near(b)
        ):
            conf = min(0.85, 0.3 + 0.5 * sim)
            out.append((i, j, "contradicts", round(conf, 3), _line(a, b, "different dates")))
    return out


def counted_back_links(feats: Sequence[ClaimFeatures]) -> list[Scored]:
    """Corroborations inside one article: a date counted back in years ("a deal inked 18 years ago") that
    lands on the year the article also writes out for the same happening ("the deal signed in May 2001").

    Links are otherwise made across articles; this one checks the article's own arithmetic, so it is kept
    to one per counted-back date: its best match by shared words, then by the finest written date.
    """
    back = {n for n, f in enumerate(feats) if _counted_back(f)}
    if not back:
        return []
    articles = {feats[n].item.article_id for n in back}
    by_article: dict[object, list[int]] = {}
    for n, f in enumerate(feats):
        if f.item.article_id in articles:
            by_article.setdefault(f.item.article_id, []).append(n)
    out: list[Scored] = []
    for i in sorted(back):
        a = feats[i]
        members = by_article[a.item.article_id]
        best: tuple[float, int, int] | None = None
        for j in members:
            b = feats[j]
            if j in back or not _YEAR.search(_written(b)):
                continue
            (a0, a1), (b0, b1) = date_interval(a.item.claim), date_interval(b.item.claim)  # type: ignore[arg-type]
            if not (a0 <= b1 and b0 <= a1):  # one anchor for both: the values compare as they are
                continue
            sim = overlap(_own_words(a), _own_words(b))
            if sim >= MIN_OWN_SHARE:
                rank = (sim, _PRECISION.get(b.item.claim.precision, 0), -j)  # type: ignore[union-attr]
                best = max(best, rank) if best else rank
        if best:
            sim, j = best[0], -best[2]
            conf = min(0.8, 0.4 + 0.3 * sim)
            out.append(
                (min(i, j), max(i, j), "corroborates", round(conf, 3), _line(a, feats[j], "same article"))
            )
    return out


def _own_words(f: ClaimFeatures) -> frozenset[str]:
    """What the date dates in its own clause ("bilateral agreement inked"), without the date words."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    return f.content - when - _CALENDAR


def _written(f: ClaimFeatures) -> str:
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    return claim.expression.text if claim.expression else claim.text


def _counted_back(f: ClaimFeatures) -> bool:
    return bool(_COUNTED_BACK.search(_written(f)))


def year_known(f: ClaimFeatures) -> bool:
    """False when the year was guessed: no year written in the claim and no publication date to anchor
    "in January" or "on 26 June" (extractors then fall back on today's year)."""
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    written = claim.expression.text if claim.expression else claim.text
    return f.item.published is not None or bool(_YEAR.search(written))


def _compatible(a: ClaimFeatures, b: ClaimFeatures) -> bool | None:
    """Whether the two dates can be the same day (None: nothing to compare once unknown years go)."""
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, DateClaim) and isinstance(cb, DateClaim)
    if year_known(a) and year_known(b):
        (a0, a1), (b0, b1) = date_interval(ca), date_interval(cb)
        return a0 <= b1 and b0 <= a1
    ma, mb = ca.value[5:], cb.value[5:]  # "MM-DD" or "MM"
    if not ma or not mb:
        return None
    return ma.startswith(mb) or mb.startswith(ma)


def _keys(f: ClaimFeatures) -> frozenset[str]:
    # what the date dates: the words of its clause, plus the multi-word names of the whole sentence,
    # but not the date words themselves ("in December" is what is compared, not evidence of a match)
    claim = f.item.claim
    assert isinstance(claim, DateClaim)
    when = frozenset(terms(claim.expression.text)) if claim.expression else frozenset()
    named = frozenset(terms(" ".join(n for n in f.names if " " in n)))
    return (f.content | named) - when - _CALENDAR


def _near(f: ClaimFeatures) -> bool:
    """True when the date lies within NEAR_DAYS of its article's publication (or that is unknown)."""
    published = f.item.published
    if published is None:
        return True
    first, last = date_interval(f.item.claim)  # type: ignore[arg-type]
    lo = (published - dt.timedelta(days=NEAR_DAYS)).isoformat()
    hi = (published + dt.timedelta(days=NEAR_DAYS)).isoformat()
    return first <= hi and last >= lo


def _line(a: ClaimFeatures, b: ClaimFeatures, lead: str) -> str:
    common = readable(_keys(a) & _keys(b), a.item.sentence, b.item.sentence)
    va, vb = _shown(a), _shown(b)
    values = va if va == vb else f"{va} / {vb}"
    return f"{lead}: {values} ({common})"


def _shown(f: ClaimFeatures) -> str:
    """The date as an editor should read it: "2019-03-23", or "23 January, year not given" when the
    year was only guessed (an undated article's "on 23 January")."""
    value = f.item.claim.value  # type: ignore[union-attr]
    if year_known(f) or len(value) < 7:
        return value
    month = calendar.month_name[int(value[5:7])]
    day = f"{int(value[8:10])} " if len(value) >= 10 else ""
    return f"{day}{month}, year not given"
