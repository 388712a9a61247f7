"""Dated events: date expressions in the article, resolved against its publication date.

`patterns` finds the expressions (plus the ones spaCy's NER calls DATE that a pattern can read),
`attach` ties each to the verb it dates and that verb's tense, `resolve` turns it into a calendar
value. Confidence is the expression's own reliability times the trust in the reference date for
expressions that need one ("on Saturday" against a page-header date is weaker than "May 2001").
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newstext.date_mentions import find_mentions, parse_loose
from newstext.date_resolve import Resolved, counted_from, resolve
from newstext.date_vocabulary import Mention
from newstext.publication import candidate_starts, in_dateline, publication_and_reference

from ..document import ArticleDoc
from ..types import DateClaim, PublicationDate
from .attach import clause_head, counted_not_year, dated_word, direction, evidence

__all__ = ["date_claims", "find_dates"]

# How reliable each kind of expression is before the reference date is taken into account.
_BASE_CONFIDENCE = {
    "full": 0.95,
    "month_year": 0.9,
    "year": 0.8,
    "day_month": 0.85,
    "month": 0.8,
    "weekday": 0.8,
    "day_word": 0.8,
    "ago": 0.8,
    "unit": 0.7,
    "weekend": 0.7,
    "part": 0.6,
    "season": 0.6,
}
# A relative date with nothing to read it against ("Saturday, date not known") is right but of little
# use until the publication date is known: below every bulk-accept threshold.
UNANCHORED_CONFIDENCE = 0.5
_TENSE_MATTERS = {"day_month", "month", "weekday", "weekend", "season"}


def _mentions(adoc: ArticleDoc) -> list[Mention]:
    mentions = find_mentions(adoc.analysis)
    starts = [m.start for m in mentions]  # in order and not overlapping, so ends are in order too
    for ent in adoc.doc.ents:
        before = bisect.bisect_left(starts, ent.end_char)  # mentions[:before] start before the entity ends
        if ent.label_ != "DATE" or (before and mentions[before - 1].end > ent.start_char):
            continue
        loose = parse_loose(ent.text, ent.start_char)
        if loose is not None:
            mentions.append(loose)
    mentions.sort(key=lambda m: m.start)
    return mentions


def date_claims(adoc: ArticleDoc) -> tuple[list[DateClaim], PublicationDate]:
    """The article's date claims in document order, and the publication date they were resolved against."""
    placed = []
    for m in _mentions(adoc):
        if in_dateline(adoc.analysis, m.start):
            continue  # the dateline dates the article, not an event in it
        span = adoc.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0 or (m.kind == "year" and counted_not_year(span)):
            continue
        verb = clause_head(span)
        placed.append((m, span, verb, direction(verb)))
    own = [p for p in placed if p[0].kind != "offset"]  # offsets count from other events, not the page's date
    tenses = {adoc.to_text(m.start): d for m, _, _, d in own}
    in_text = [replace(m, start=adoc.to_text(m.start), end=adoc.to_text(m.end - 1) + 1) for m, _, _, _ in own]
    publication, reference = publication_and_reference(
        adoc.text,
        published=adoc.published,
        candidates=adoc.candidates,
        tenses=tenses,
        mentions=in_text,
        furniture=adoc.furniture,
    )
    page_dates = candidate_starts(adoc.text, in_text)  # header lines and captions date the page
    found: list[tuple[int, DateClaim]] = []
    anchors: list[_Anchor] = []  # the days of the text's events, for the offsets counted from them
    offsets = []
    written: tuple[int, int] | None = None  # (where, year) of the last year the text wrote
    for m, span, verb, tense in placed:
        if adoc.to_text(m.start) in page_dates:
            continue
        if m.kind == "offset":
            offsets.append((m, span, verb))
            continue
        if m.anaphoric:
            m = _with_year_named_before(m, span, written)
            if m is None:
                continue
        elif m.year is not None and m.kind in ("full", "month_year", "year", "season"):
            written = (m.end, m.year)
        resolved = resolve(m, reference.date, tense)
        if resolved is None:
            continue
        confidence = _BASE_CONFIDENCE[m.kind] * (0.85 if resolved.approximate else 1.0)
        if m.anaphoric:  # the year is the last one written, which the text only implies
            confidence *= 0.85
        elif m.year is None and reference.date is None:  # kept as the text says it, the rest not known
            confidence *= UNANCHORED_CONFIDENCE
        elif m.year is None:  # relative: only as good as the reference date
            confidence *= reference.confidence
            if m.kind in _TENSE_MATTERS and tense == 0 and m.direction is None:
                confidence *= 0.85
        claim = _claim(
            adoc, m, evidence(verb, span, adoc.analysis), resolved, confidence, dated_word(span, verb)
        )
        found.append((m.start, claim))
        _add_anchor(anchors, m, span, claim)
    for m, span, verb in offsets:  # in text order, so "the next day" can count from "two days later"
        counted = _offset_claim(adoc, m, span, verb, anchors)
        if counted is not None:
            found.append((m.start, counted))
            _add_anchor(anchors, m, span, counted)
    found.sort(key=lambda pair: pair[0])
    return [claim for _, claim in found], publication


# "That year" reaches back to a year written at most this many characters before it.
_YEAR_REACH = 1500


def _with_year_named_before(m: Mention, span: SpacySpan, written: tuple[int, int] | None) -> Mention | None:
    """`m` with the year the text last wrote ("in 2008 ... at that March 2 event" is March 2, 2008).

    None for "later that year" with no year written before it; `m` as it is for a day whose "that" is
    not a determiner ("said that March 2 was the day") or with no year written near.
    """
    before = span.doc[span.start - 1] if span.start else None
    if m.kind == "day_month" and not span.text.endswith("year") and (before is None or before.dep_ != "det"):
        return replace(m, anaphoric=False)  # "that" starts a clause; no "that year" after the day
    if written is None or m.start - written[0] > _YEAR_REACH:
        return None if m.kind == "year" else replace(m, anaphoric=False)
    kind = "full" if m.kind == "day_month" else m.kind
    return replace(m, kind=kind, year=written[1])


def _add_anchor(anchors: list[_Anchor], m: Mention, span: SpacySpan, claim: DateClaim) -> None:
    if claim.precision == "day" and not claim.approximate:
        day = dt.date.fromisoformat(claim.value)
        bisect.insort(anchors, _Anchor(m.start, m.end, span.sent.start_char, day, claim.confidence))


def _claim(
    adoc: ArticleDoc,
    m: Mention,
    where: tuple[int, int],
    resolved: Resolved,
    confidence: float,
    dated: str | None,
) -> DateClaim:
    span = adoc.original(*where)
    return DateClaim(
        start=span.start,
        end=span.end,
        text=span.text,
        value=resolved.value,
        precision=resolved.precision,
        expression=adoc.original(m.start, m.end),
        approximate=resolved.approximate,
        earliest=resolved.earliest,
        latest=resolved.latest,
        dated=dated,
        confidence=round(confidence, 3),
        weekday=resolved.weekday,
    )


@dataclass(frozen=True, slots=True, order=True)
class _Anchor:
    """A day-precise event date already read, at [start, end) of the analysis text."""

    start: int
    end: int
    sentence: int  # where its sentence starts
    day: dt.date
    confidence: float


# An offset with no event of its own ("two days later", "the next day") counts from the last dated event
# at most this many characters back: news tells a sequence in consecutive short paragraphs.
_OFFSET_REACH = 400
_OFFSET_TRUST = 0.9  # a counted day is a little less sure than the day it is counted from


def _offset_claim(
    adoc: ArticleDoc, m: Mention, span: SpacySpan, verb: Token, anchors: list[_Anchor]
) -> DateClaim | None:
    """The date an offset names, counted from the dated event it refers to; None when none is near.

    "Two days after the vote on Tuesday, he resigned": the day named inside the expression's own event
    dates the clause it hangs on (Thursday). "He resigned on Friday, three days after the vote": the day
    just before it dates that clause, so the expression dates its own event (the vote, Tuesday). "Two
    days later" and "the next day" count from the last dated event before them.
    """
    text = adoc.analysis
    sentence = span.sent
    if m.complement:
        stop = min(
            (i for i in (text.find(c, m.end, sentence.end_char) for c in ",;:") if i >= 0),
            default=sentence.end_char,
        )
        inside = [a for a in anchors if m.end <= a.start and a.end <= stop]
        if inside:
            anchor = inside[0]
            where = evidence(verb, span, text)
            resolved = counted_from(m, anchor.day)
            return _claim(adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated_word(span, verb))
        before = [a for a in anchors if a.sentence == sentence.start_char and a.end <= m.start]
        if before and not text[before[-1].end : m.start].strip(" ,\u2014-"):
            anchor = before[-1]
            resolved = counted_from(m, anchor.day, backwards=True)
            own = adoc.doc.char_span(m.end, stop, alignment_mode="expand")
            dated = next((t.text for t in own if t.pos_ == "VERB"), None) if own is not None else None
            if dated is None and own is not None:
                dated = own.root.text
            where = (m.start, stop)
            while where[1] > where[0] and text[where[1] - 1] in " \t.,;:":
                where = (where[0], where[1] - 1)
            return _claim(adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated)
        return None
    near = [a for a in anchors if a.end <= m.start and m.start - a.end <= _OFFSET_REACH]
    if not near:
        return None
    anchor = near[-1]
    resolved = counted_from(m, anchor.day)
    where = evidence(verb, span, text)
    return _claim(adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated_word(span, verb))


def find_dates(adoc: ArticleDoc) -> list[DateClaim]:
    """Date claims in the article, in document order (see `date_claims` for the publication date too)."""
    return date_claims(adoc)[0]
