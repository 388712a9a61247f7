"""Dates read against the text's other dates, not only the publication date.

"Two days later", "the next day", "on Friday, three days after the vote" count from another dated event
of the story (`offset_claim`); "later that year", "that March 2 event", "on July 22 that year" take
the year the story last wrote (`with_year_named_before`).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newstext.date_resolve import Resolved, counted_from
from newstext.date_vocabulary import Mention

from ..document import ArticleDoc
from ..types import DateClaim
from .attach import dated_word, evidence
from .quoted import quoted

# "That year" reaches back to a year written at most this many characters before it.
_YEAR_REACH = 1500


def with_year_named_before(m: Mention, span: SpacySpan, written: tuple[int, int] | None) -> Mention | None:
    """`m` with the year the text last wrote ("in 2008 ... at that March 2 event" is March 2, 2008).

    None for "later that year" with no year written before it; `m` as it is for a day whose "that" is
    not a determiner ("said that March 2 was the day") or with no year written near.
    """
    that = span[0] if m.kind == "month" else span.doc[span.start - 1] if span.start else None
    if not span.text.endswith("year") and (that is None or _opens_clause(that)):
        return replace(m, anaphoric=False)  # "said that March 2 was the deadline"
    if written is None or m.start - written[0] > _YEAR_REACH:
        return None if m.kind == "year" else replace(m, anaphoric=False)
    kind = {"day_month": "full", "month": "month_year"}.get(m.kind, m.kind)
    return replace(m, kind=kind, year=written[1])


# A story told in a written month runs on for at most this many months without writing the year again.
_NARRATED_MONTHS = 2


def in_narrated_month(m: Mention, narrated: tuple[int, int, int] | None) -> Mention | None:
    """`m`, a day or month written without its year, in the year of the month the story last wrote with its
    year, when it falls in that month or the next two ("In October 2016, Mr. Stone ... At the end of that
    week, on Oct. 7, WikiLeaks released" is 7 October 2016, whenever the article was published); None when
    no such month was written shortly before, or `m` says its own side ("last March")."""
    if narrated is None or m.kind not in ("day_month", "month") or m.year is not None or m.month is None:
        return None
    where, year, month = narrated
    if m.direction is not None or m.amount == 0 or m.start - where > _YEAR_REACH:
        return None
    if (m.month - month) % 12 > _NARRATED_MONTHS:
        return None
    kind = {"day_month": "full", "month": "month_year"}[m.kind]
    return replace(m, kind=kind, year=year + (1 if m.month < month else 0), anaphoric=True)


def _opens_clause(that: Token) -> bool:
    """True when "that" starts a clause ("said that March ...") rather than pointing back ("that March")."""
    if that.lower_ != "that":
        return True  # no "that" before the day: nothing points back
    previous = that.doc[that.i - 1] if that.i else None
    return that.dep_ == "mark" or (previous is not None and previous.pos_ in ("VERB", "AUX"))


def add_anchor(anchors: list[Anchor], m: Mention, span: SpacySpan, claim: DateClaim, text: str) -> None:
    """Keep the claim's day for the offsets: a quote's "today" is the speaker's day, not the story's."""
    if claim.precision == "day" and not claim.approximate and not quoted(text, m.start):
        day = dt.date.fromisoformat(claim.value)
        bisect.insort(anchors, Anchor(m.start, m.end, span.sent.start_char, day, claim.confidence))


def date_claim(
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
class Anchor:
    """A day-precise event date already read, at [start, end) of the analysis text."""

    start: int
    end: int
    sentence: int  # where its sentence starts
    day: dt.date
    confidence: float


# Where the event an offset names ends: "three days after the council condemned the launch as the
# missiles fired Monday" is not counted from Monday.
_CLAUSE_END = re.compile(
    r"[,;:\u2014(]|\s(?:as|while|when|because|which|who|whom|where|since|although|though|but)\s"
)

# An offset with no event of its own ("two days later", "the next day") counts from the last dated event
# at most this many characters back: news tells a sequence in consecutive short paragraphs.
_OFFSET_REACH = 400
_OFFSET_TRUST = 0.9  # a counted day is a little less sure than the day it is counted from


def offset_claim(
    adoc: ArticleDoc, m: Mention, span: SpacySpan, verb: Token, anchors: list[Anchor]
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
        clause_end = _CLAUSE_END.search(text, m.end, sentence.end_char)
        stop = clause_end.start() if clause_end else sentence.end_char
        inside = [a for a in anchors if m.end <= a.start < stop]  # "a week before the Oct. 3, 2016, debate"
        if inside:
            anchor = inside[0]
            where = evidence(verb, span, text)
            resolved = counted_from(m, anchor.day)
            return date_claim(
                adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated_word(span, verb)
            )
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
            return date_claim(adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated)
        return None
    near = [a for a in anchors if a.end <= m.start and m.start - a.end <= _OFFSET_REACH]
    if not near:
        return None
    anchor = near[-1]
    resolved = counted_from(m, anchor.day)
    where = evidence(verb, span, text)
    return date_claim(adoc, m, where, resolved, anchor.confidence * _OFFSET_TRUST, dated_word(span, verb))
