"""Plain data exchanged by the extraction package and the Django side.

Every span (start, end) is a pair of character offsets into the article text exactly as stored
(end exclusive), and `text` always equals `article_text[start:end]`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypedDict

from newstext.notes import Note
from newstext.publication import PublicationDate as PublicationDate  # re-exported
from newstext.span import Span as Span  # re-exported: extractors and callers name it from here


class ArticleInput(TypedDict, total=False):
    """One article given to `prepare_many`/`extract_many` as a mapping: `extract`'s keyword arguments."""

    text: str
    published: dt.date | str | None
    title: str | None
    outlet: str | None
    url: str | None
    candidates: Iterable[tuple[object, str]]


@dataclass(slots=True)
class QuantityClaim:
    start: int  # evidence span: the sentence part that states the quantity
    end: int
    text: str
    low: float  # equal to high when exact
    high: float
    unit: str | None  # as written, e.g. "planes"
    unit_class: str | None  # normalised, singular, e.g. "aircraft", "soldier", "tonne", "dollar"
    counted: str | None = None  # the thing counted, e.g. "Tu-160 strategic bombers"
    number: Span | None = None  # the number words themselves ("two", "2.5 million")
    approximate: bool = False  # "dozens", "about 40"
    direction: str = "="  # "=", ">" (more than), "<" (less than), "~" (about)
    source: str | None = None  # "according to Javier Mayorca" -> "Javier Mayorca"
    confidence: float = 0.5
    kind: str = field(default="quantity", init=False)


@dataclass(slots=True)
class DateClaim:
    start: int  # evidence span: the clause the date is attached to
    end: int
    text: str
    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"; "XXXX-MM-DD", "XXXX-MM", "XXXX-XX-XX" when not known
    precision: str  # "day", "month", "year"; with no date to read it against (date_resolve.UNANCHORED):
    # "day-no-year", "month-no-year", "weekday", "relative"
    expression: Span | None = None  # the date words ("on Saturday", "18 years ago")
    approximate: bool = False  # "at the weekend", "earlier this week", "a few days ago"
    earliest: dt.date | None = None  # interval the date can lie in
    latest: dt.date | None = None
    dated: str | None = None  # what it dates, e.g. "landed"
    confidence: float = 0.5
    weekday: int | None = None  # precision "weekday": Monday 0 ... Sunday 6
    # a written period ("between June 2011 and July 2012", "March 3-9"): `value`/`precision` are its first
    # end, these its last (same forms, always with a known year); None for a single date
    end_value: str | None = None
    end_precision: str | None = None
    kind: str = field(default="date", init=False)


@dataclass(slots=True)
class StatementClaim:
    start: int  # the content of what was said
    end: int
    text: str
    speaker: str | None  # canonical name as the article resolves it ("Maria Zakharova"), None if unnamed
    speaker_mention: Span | None = None  # where the article names the source ("she", "the spokeswoman")
    role: str | None = None  # as the article gives it ("Russian Foreign Ministry spokeswoman")
    speaker_kind: str | None = None  # "person", "organisation", "government", "outlet", "unnamed"
    direct: bool = False  # quoted
    cue: Span | None = None  # reporting verb ("said", "refuted", "according to")
    attribution: str | None = None  # "according to Javier Mayorca"
    # "denied" (the speaker rejects the words: "denied that ..."; words carrying their own negation are
    # asserted), "refused" (declined / did not say / "could not confirm"), "question" (asked, asserts nothing)
    # or "position" (a belief, wish or stance the source holds: "believes that", "wants", "opposes")
    polarity: str = "asserted"
    confidence: float = 0.5
    # the speaker's words alone when the span holds the attribution between quoted fragments
    # ('"I may do it," he said, before adding, "If ..."' -> "I may do it ... If ..."); None when `text` is
    words: str | None = None
    # the frame of a verb cue ("clause": "said that ..."; "inf", "obj", "prep", "none": "urged to ...", "rejected
    # the plan"), None for a noun cue, "according to" or a quote's own cue; calibration reads it
    cue_frame: str | None = None
    kind: str = field(default="statement", init=False)


Claim = QuantityClaim | DateClaim | StatementClaim


@dataclass(slots=True)
class Extraction:
    claims: list[Claim]
    publication: PublicationDate
    extractor_version: str
    furniture: list[Span] = field(default_factory=list)  # page furniture that was skipped
    notes: list[Note] = field(default_factory=list)  # corrections and editor's notes, kept but not claims
