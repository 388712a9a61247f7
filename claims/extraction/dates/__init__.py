"""Dated events: date expressions in the article, resolved against its publication date.

`patterns` finds the expressions (plus the ones spaCy's NER calls DATE that a pattern can read),
`attach` ties each to the verb it dates and that verb's tense, `resolve` turns it into a calendar
value. Confidence is the expression's own reliability times the trust in the reference date for
expressions that need one ("on Saturday" against a page-header date is weaker than "May 2001").
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from dataclasses import replace

from spacy.tokens import Span, Token

from newstext.date_mentions import find_mentions, parse_loose
from newstext.date_resolve import counted_from as counted_from_day
from newstext.date_resolve import resolve
from newstext.date_vocabulary import Mention
from newstext.publication import candidate_starts, in_dateline, publication_and_reference

from ..document import ArticleDoc
from ..types import DateClaim, PublicationDate
from .attach import (
    ahead_of,
    clause_head,
    counted_not_year,
    dated_word,
    dates_a_verb,
    dates_scheduled,
    direction,
    evidence,
    in_a_plan,
    is_a_scheduled_day,
    modifies_noun,
    names_a_scheduled_noun,
    scheduled_present,
)
from .context import Anchor, add_anchor, date_claim, in_narrated_month, offset_claim, with_year_named_before
from .elections import names_an_election
from .names import in_a_name, names_an_occasion
from .nowadays import means_nowadays
from .offsets import EVE, counted_from, eve_start
from .quoted import QUOTED_DAY_TRUST, Telling, dates_a_telling, quoted, telling_for, telling_value
from .ranges import mark_ranges

__all__ = ["date_claims", "find_dates"]

# How reliable each kind of expression is before the reference date is taken into account. Read strictly
# (dates11, seed 1106, basil-dev, 90 dates): written day or month with its year (0.9-0.95) right 34 of 40,
# the 6 others all ends of a written range, now held at ranges.RANGE_CONFIDENCE (calib11's read of the same
# level: 33 of 40, 5 range ends and 2 days in a name, see names.py); resolved against the publication date
# (mostly 0.8) right 48 of 50 (a quoted "this Wednesday" of an older message, a "through 2016" end bound).
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
# "The eve of" a day is the day before it: counted, a little less sure than the day itself.
_EVE_TRUST = 0.9
_TENSE_MATTERS = {"day_month", "month", "weekday", "weekend", "season"}


_POSSESSIVE = re.compile(r"\w['\u2019]s\s+\Z")
_DASH_ONLY = re.compile(r"\s*[-\u2013]\s*")


def _mentions(adoc: ArticleDoc) -> list[Mention]:
    mentions = find_mentions(adoc.analysis)
    starts = [m.start for m in mentions]  # in order and not overlapping, so ends are in order too
    for ent in adoc.doc.ents:
        before = bisect.bisect_left(starts, ent.end_char)  # mentions[:before] start before the entity ends
        if ent.label_ != "DATE" or (before and mentions[before - 1].end > ent.start_char):
            continue
        loose = parse_loose(ent.text, ent.start_char)
        if (
            loose is not None
            and loose.kind == "month"
            and _POSSESSIVE.search(adoc.analysis, max(0, ent.start_char - 8), ent.start_char)
        ):
            continue  # "the Women's March" is a name ("Gore's 2000 ticket" is a year)
        if loose is not None:
            mentions.append(loose)
    mentions.sort(key=lambda m: m.start)
    return mentions


_SEASONS = frozenset(("spring", "summer", "autumn", "fall", "winter"))


def _season_of_a_noun(span: Span) -> bool:
    """True when the season describes a noun after it ("roads damaged by winter storms", "in summer
    months"): a kind of thing, not when something happened; "last winter's storms" and "the summer recess"
    name one and stay."""
    for t in span:
        if t.lower_ in _SEASONS:
            head = t.head
            named = any(c.dep_ in ("det", "poss") for c in head.children)  # "the summer recess" is one
            return (
                t.dep_ in ("compound", "amod", "nmod")
                and head.i > t.i
                and head.pos_ in ("NOUN", "PROPN")
                and not named
            )
    return False


def date_claims(adoc: ArticleDoc) -> tuple[list[DateClaim], PublicationDate]:
    """The article's date claims in document order, and the publication date they were resolved against."""
    placed = []
    counted_end: int | None = None  # where the last number read as a count, not a year, ends
    for m in _mentions(adoc):
        if in_dateline(adoc.analysis, m.start):
            continue  # the dateline dates the article, not an event in it
        span = adoc.doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        if m.kind == "year" and (
            counted_not_year(span)
            or (counted_end is not None and _DASH_ONLY.fullmatch(adoc.analysis, counted_end, m.start))
        ):
            counted_end = m.end  # "1990-2000 students": both numbers are counts when the first is
            continue
        if m.kind == "season" and m.year is None and m.direction is None and _season_of_a_noun(span):
            continue
        if m.day is not None and in_a_name(adoc.analysis, m.start, m.end):
            continue  # "co-chair of September 11th Advocates", "the post-Sept. 11 law": a name, no date
        verb = clause_head(span)
        if (
            m.kind == "day_word"
            and adoc.analysis[m.start : m.end].lower() == "today"
            and means_nowadays(span, verb)
        ):
            continue  # "people today want", "in today's world": the present age, not a day
        tense = direction(verb, nominal=modifies_noun(span))
        if m.kind in _TENSE_MATTERS and m.direction is None and ahead_of(span):
            # "campaigning ahead of Thursday's debate": still to come, unless a past clause says it was
            # before what the story tells ("Ahead of Friday's meeting, France unveiled ..."): the nearest
            tense = 1 if tense >= 0 else 0
        elif tense == 0 and m.kind in ("month", "day_month") and dates_scheduled(span):
            tense = 1
        elif (
            tense == 0
            and m.kind == "weekday"
            and (is_a_scheduled_day(span) or (scheduled_present(verb) and not modifies_noun(span)))
        ):
            tense = 1  # "Tuesday is the deadline", "the dredger is due on Friday", "talks resume Monday"
        elif tense < 0 and m.kind == "month" and m.direction is None and names_a_scheduled_noun(span):
            tense = 0  # "could not agree by the February deadline", told in the past: the nearest February
        elif tense < 0 and m.kind in _TENSE_MATTERS and m.direction is None and in_a_plan(span):
            tense = (
                0  # "This prompted plans for a protest on Friday": the planned day is not dated by "prompted"
            )
        placed.append((m, span, verb, tense))
    counted_days = _weekdays_said_with_a_count(adoc.analysis, [p[0] for p in placed])
    held: dict[int, tuple[int, Mention, Span]] = {}  # offset's start: (index in found, its weekday, span)
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
    anchors: list[Anchor] = []  # the days of the text's events, for the offsets counted from them
    offsets = []
    tellings: list[Telling] = []  # dated acts of telling, for the day words of quotations
    quoted_days = []  # "today", "yesterday" inside quotation marks: read once the tellings are known
    written: tuple[int, int] | None = None  # (where, year) of the last year the text wrote
    narrated: tuple[int, int, int] | None = None  # (where, year, month) of the last month it wrote a year to
    for m, span, verb, tense in placed:
        if adoc.to_text(m.start) in page_dates:
            continue
        if m.kind == "offset":
            offsets.append((m, span, verb))
            continue
        if m.kind == "day_word" and quoted(adoc.analysis, m.start):
            quoted_days.append((m, span, verb, tense))
            continue
        if (
            m.kind == "year"
            and m.year is not None
            and reference.date is not None
            and m.year > reference.date.year
            and names_an_occasion(adoc.analysis, m.start, m.end)
        ):
            continue  # "a potential 2016 run", "the front-runner for 2016": the election aimed at, not a time
        if (
            m.kind == "year"
            and (reference.date is None or m.year != reference.date.year)
            and names_an_election(span)
        ):
            # "the inquiry into interference in the 2016 election" told in 2019: which election, not when
            # (an election of the year of writing is also the time of what the story tells now)
            continue
        if m.anaphoric:
            with_year = with_year_named_before(m, span, written)
            if with_year is None:
                continue
            m = with_year
        elif m.year is not None and m.kind in ("full", "month_year", "year", "season"):
            written = (m.end, m.year)
            spelt = str(m.year) in adoc.analysis[m.start : m.end]  # not "the Sept. 11 attacks" (2001)
            sets_the_story = spelt and m.kind in ("full", "month_year") and dates_a_verb(span)
            narrated = (m.end, m.year, m.month) if sets_the_story and m.month is not None else None
        else:
            in_story = in_narrated_month(m, narrated)
            if in_story is not None:
                m = in_story
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
        claim = date_claim(
            adoc, m, evidence(verb, span, adoc.analysis), resolved, confidence, dated_word(span, verb)
        )
        anchor_of = counted_from(adoc.analysis, m.start, verb.idx)
        if anchor_of == EVE and claim.precision != "day":
            anchor_of = None  # "on the eve of the convention in July": the eve is (nearly always) in July too
        if anchor_of is not None:
            # "weeks before the Nov. 8, 2016, election": the day is what an offset counts from, not when
            # the clause happened; kept as an anchor for "two days after the vote on Tuesday"
            add_anchor(anchors, m, span, claim, adoc.analysis)
            if anchor_of == EVE and claim.precision == "day" and not claim.approximate:
                found.append((m.start, _the_eve_of(adoc, m, span, verb, claim)))
            continue
        if m.start in counted_days:  # its day may be the one the count beside it gives
            held[counted_days[m.start]] = (len(found), m, span)
        else:
            add_anchor(anchors, m, span, claim, adoc.analysis)
        found.append((m.start, claim))
        if not quoted(adoc.analysis, m.start) and dates_a_telling(span, verb):
            tellings.append(Telling(m.start, span.sent.start_char, resolved, confidence))
    for m, span, verb, tense in quoted_days:
        telling = telling_for(m, span, tellings, adoc.analysis)
        counted = telling_value(m, telling) if telling is not None else None
        if counted is None:
            resolved = resolve(m, reference.date, tense)
            if resolved is None:
                continue
            trust = reference.confidence if reference.date is not None else UNANCHORED_CONFIDENCE
            base = _BASE_CONFIDENCE[m.kind] * (0.85 if resolved.approximate else 1.0)
            counted = (resolved, base * trust * QUOTED_DAY_TRUST)
        resolved, confidence = counted
        claim = date_claim(
            adoc, m, evidence(verb, span, adoc.analysis), resolved, confidence, dated_word(span, verb)
        )
        found.append((m.start, claim))
    for m, span, verb in offsets:  # in text order, so "the next day" can count from "two days later"
        offset_date = offset_claim(adoc, m, span, verb, anchors)
        if m.start in held:
            index, day, day_span = held[m.start]
            if offset_date is not None and _is_that_weekday(offset_date, day):
                # "two days later, on Sunday": the Sunday the count gives
                found[index] = (day.start, _on_the_day_of(found[index][1], offset_date))
            add_anchor(anchors, day, day_span, found[index][1], adoc.analysis)
        if offset_date is not None:
            found.append((m.start, offset_date))
            add_anchor(anchors, m, span, offset_date, adoc.analysis)
    found.sort(key=lambda pair: pair[0])
    return mark_ranges(adoc.text, [claim for _, claim in found]), publication


# "Two days later, on Sunday" / "on Sunday, two days later": a weekday and a count of days from the
# story's previous event, side by side, name one day; only punctuation and white space between them.
_SIDE_BY_SIDE = re.compile(r"[\s,\u2014-]*")


def _weekdays_said_with_a_count(text: str, mentions: list[Mention]) -> dict[int, int]:
    """{start of a weekday: start of the offset} for each weekday written beside an offset that counts
    from the story's previous event ("two days later", "the next day"), the weekday saying no side."""
    pairs: dict[int, int] = {}
    for a, b in itertools.pairwise(sorted(mentions, key=lambda m: m.start)):
        if {a.kind, b.kind} != {"weekday", "offset"} or not _SIDE_BY_SIDE.fullmatch(text, a.end, b.start):
            continue
        day, count = (a, b) if a.kind == "weekday" else (b, a)
        if not count.complement and day.direction is None:
            pairs[day.start] = count.start
    return pairs


def _on_the_day_of(claim: DateClaim, counted: DateClaim) -> DateClaim:
    """`claim` moved to the day `counted` gives, with its trust."""
    return replace(
        claim,
        value=counted.value,
        earliest=counted.earliest,
        latest=counted.latest,
        confidence=counted.confidence,
    )


def _the_eve_of(adoc: ArticleDoc, m: Mention, span: Span, verb: Token, claim: DateClaim) -> DateClaim:
    """The day before `claim`'s day, for "on the eve of the March 3 primary", the eve's words as its
    expression."""
    day = dt.date.fromisoformat(claim.value)
    eve = replace(m, start=eve_start(adoc.analysis, m.start))
    resolved = counted_from_day(Mention(m.start, m.end, "offset", amount=-1.0, unit="day"), day)
    where = evidence(verb, span, adoc.analysis)
    return date_claim(adoc, eve, where, resolved, claim.confidence * _EVE_TRUST, dated_word(span, verb))


def _is_that_weekday(claim: DateClaim, day: Mention) -> bool:
    """True when `claim` is a day-precise date falling on the weekday `day` names."""
    if claim.precision != "day" or claim.approximate or day.weekday is None:
        return False
    return dt.date.fromisoformat(claim.value).weekday() == day.weekday


def find_dates(adoc: ArticleDoc) -> list[DateClaim]:
    """Date claims in the article, in document order (see `date_claims` for the publication date too)."""
    return date_claims(adoc)[0]
