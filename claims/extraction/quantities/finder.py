"""Finding quantity claims: one linear pass over the whitespace chunks of the parsed article."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from newstext.humanize import SHARE_CLASS

from ..doccache import person_entities
from ..document import ArticleDoc
from ..statements.speakers import PERSON_ROLES
from ..types import QuantityClaim, Span
from .chunks import Chunk, Expr, make_chunks, read_expr
from .context import (
    comparison_before,
    direction_after,
    is_clock,
    is_date_part,
    is_identifier,
    is_negated_one,
    is_ordinal_article,
    is_pair_reference,
    is_phone_number,
    is_time_reference,
    is_year,
    own_span,
    source_in,
)
from .member import one_names_a_member
from .numbers import may_start_number
from .unitread import UnitRead, read_unit
from .units import (
    COUNT_CLASSES,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    DOLLAR_QUALIFIERS,
    MEASURES,
    SINGLE_COUNT_CLASSES,
    TIME_UNITS,
    count_class,
    measure_class,
)

# Currency codes written as a word before the amount ("USD 5 million", "Rs 500 crore").
ISO_CODES = {c for c in CURRENCY_PREFIXES if len(c) == 3 and c.isalpha() and c.isupper()}
ISO_CODES |= {"Rs", "Rs.", "RM"}
SINGLE_COUNT_WORDS = {w for w, c in COUNT_CLASSES.items() if c in SINGLE_COUNT_CLASSES}
# What single aircraft, ships or missiles do in reports ("a plane landed", "they sent a warship").
_VEHICLE_VERBS = {
    "land",
    "arrive",
    "fly",
    "crash",
    "send",
    "deploy",
    "dispatch",
    "spot",
    "seize",
    "sink",
    "attack",
    "launch",
    "fire",
    "shoot",
    "intercept",
    "enter",
    "leave",
    "depart",
    "violate",
    "approach",
    "detect",
    "track",
    "dock",
    "reach",
    "bring",
    "carry",
    "transport",
    "deliver",
    "return",
    "hit",
    "strike",
    "destroy",
    "capture",
    "down",
    "lose",
    "touch",
    "take",
}
# Verbs of change: after them "X to Y" is the change and the new level, not a range.
_CHANGE_WORDS = {
    "rose",
    "rise",
    "rises",
    "fell",
    "fall",
    "falls",
    "gained",
    "gains",
    "lost",
    "loses",
    "dropped",
    "drops",
    "climbed",
    "climbs",
    "jumped",
    "jumps",
    "increased",
    "decreased",
    "declined",
    "grew",
    "slipped",
    "added",
    "shed",
    "plunged",
    "surged",
    "tumbled",
    "soared",
    "edged",
    "slid",
    "sank",
    "rallied",
    "advanced",
}
_RANGE_WORDS = {"to", "-", "\u2013", "\u2014", "and", "or", "through"}
_PRONOUN_ONE_BEFORE = {
    "each",
    "every",
    "no",
    "any",
    "the",
    "this",
    "that",
    "which",
    "another",
    "same",
    "someone",
    "anyone",
    "little",
    "right",
    "wrong",
    "new",
    "old",
    "big",
    "such",
    "last",
}


def find_quantities(adoc: ArticleDoc) -> list[QuantityClaim]:
    """Quantity claims in the article, in document order (offsets into the stored text)."""
    doc: Doc = adoc.doc
    chunks = make_chunks(doc, adoc.analysis)  # the doc is the parse of `analysis`
    blocked = [(s.start, s.end) for s in adoc.furniture]
    out: list[QuantityClaim] = []
    sents: list[int] = []  # sentence start of each claim, for the ellipsis pass
    ci = 0
    while ci < len(chunks):
        if not may_start_number(chunks[ci].text):
            ci += 1
            continue
        ex = read_expr(chunks, ci)
        if ex is None:
            if chunks[ci].text.lower() in ("a", "an") and ci + 1 < len(chunks):
                claim = _single_vehicle(adoc, doc, chunks, ci)
                if claim is not None:
                    out.append(claim)
                    sents.append(doc[chunks[ci].tok_start].sent.start)
            ci += 1
            continue
        if ex.rest in ("-", "\u2013"):
            claim, nxt = _suspended(adoc, doc, chunks, ex), ex.c1  # "four-, five- and six-cylinder"
        elif ex.article and ex.c1 - ex.c0 == 2 and chunks[ci + 1].text.lower() == "half" and ci >= 3:
            claim, nxt = _unit_and_a_half(adoc, doc, chunks, ci), ex.c1  # "an hour and a half"
        else:
            claim, nxt = _claim_at(adoc, doc, chunks, ex)
            if claim is not None and _vague_of_nothing(claim):
                _named_before(doc, chunks, ex, claim)
        if claim is not None and not any(a <= claim.number.start < b for a, b in blocked if claim.number):
            out.append(claim)
            sents.append(doc[chunks[ci].tok_start].sent.start)
        ci = max(nxt, ci + 1)
    _elliptical_units(out, sents, adoc.text)
    _whole_after(out, sents, adoc.text)
    return [c for c in out if not _vague_of_nothing(c)]


def _named_before(doc: Doc, chunks: list[Chunk], ex: Expr, claim: QuantityClaim) -> None:
    """ "The documents were leaked among the thousands that have been turned over": "the thousands" are of
    the last plural subject before them in the sentence, whose unit the claim takes ("money raised by
    candidates nor the tens of millions" lends none)."""
    if ex.c0 == 0 or chunks[ex.c0 - 1].text.lower() != "the":
        return
    first = chunks[ex.c0 - 1].tok_start
    sent = doc[first].sent
    nouns = [t for t in doc[sent.start : first] if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass")]
    if nouns:
        noun = nouns[-1]
        claim.unit, claim.unit_class, claim.counted = noun.lemma_, count_class(noun.lemma_), noun.text


def _vague_of_nothing(claim: QuantityClaim) -> bool:
    """True for a vague amount in words that counts nothing the text names ("made millions", "hundreds
    more"): "2,000-9,999 of something" tells an editor nothing to check."""
    words = claim.number.text if claim.number is not None else claim.text
    return (
        claim.approximate
        and claim.low < claim.high
        and claim.unit_class is None
        and claim.counted is None
        and not any(ch.isdigit() for ch in words)
    )


# Units of measure and money: what a count word never takes, and all a bare "billions" may take.
_MEASURED_CLASSES = frozenset(
    (*MEASURES.values(), *CURRENCY_WORDS.values(), *CURRENCY_PREFIXES.values(), *TIME_UNITS)
) | {"year of age", "percentage", "point"}


def _elliptical_units(out: list[QuantityClaim], sents: list[int], text: str) -> None:
    """ "84.75 cents, while the lowest is 74.07", "435 homes by open sale and 187 by tender": a bare number
    takes the unit of the nearest earlier amount of similar size in the same sentence. An index level takes
    the points of its change, before or after it, whatever their sizes ("fell 162.31 points to 7,425.81",
    "(16369.03 up 58.06 points)"). A number word counts what an earlier count of the sentence counts ("Of
    the 10 Democrats who gathered, six are on the ballot", "one phone instead of two"), and a bare vague
    amount takes the unit of an amount of its scale on either side ("divert billions ... even as he signs a
    package that includes $1.4 billion")."""
    inherited: set[int] = set()
    for i, claim in enumerate(out):
        if claim.unit_class is not None or claim.counted is not None or claim.number is None:
            continue
        if claim.low <= 0:
            continue
        digits = any(ch.isdigit() for ch in claim.number.text)
        vague = claim.approximate and claim.low != claim.high and not digits  # "billions", "thousands"
        same = [j for j in (*range(i - 1, -1, -1), *range(i + 1, len(out))) if sents[j] == sents[i]]
        for j in same:
            other = out[j]
            if other.unit_class in (None, SHARE) or other.low <= 0 or j in inherited:
                continue
            ratio = max(other.low, claim.low) / min(other.low, claim.low)
            measured = other.unit_class in _MEASURED_CLASSES or " per " in other.unit_class
            if vague:
                fits = (
                    ratio <= 1000 and measured
                )  # "made millions while thousands of holders lost" lends none
            elif not digits:
                # a count, not a measure ("six weeks of leave ... mother of three"), and no noun of its own
                # after "of" ("nine of 10 limes")
                own_noun = text[claim.number.end : claim.number.end + 4].lstrip().lower().startswith("of ")
                fits = j < i and not measured and other.counted is not None and ratio <= 20 and not own_noun
            else:
                level = other.unit_class == "point" and claim.low >= 100
                fits = level or (j < i and ratio <= 20)
            if fits:
                claim.unit_class = other.unit_class  # the unit as written stays None: none is written
                claim.confidence = round(claim.confidence - 0.1, 2)
                inherited.add(i)
                break


def _suspended(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ex: Expr) -> QuantityClaim | None:
    """ "four-, five- and six-cylinder engines", "two- or three-bedroom flats": a number left hanging on a
    hyphen counts what the last number of its list is hyphened to."""
    k = ex.c1
    while k < len(chunks) and k < ex.c1 + 6:
        word = chunks[k].text.lower()
        other = read_expr(chunks, k) if may_start_number(chunks[k].text) else None
        if other is not None and other.rest in ("-", "\u2013"):
            k += 1
            continue  # another hanging number of the list
        if word in ("and", "or", "to", "&"):
            k += 1
            continue
        if other is None or not other.rest.startswith(("-", "\u2013")):
            return None
        last, _ = _claim_at(adoc, doc, chunks, other)
        if last is None or last.unit_class is None or ex.digits != other.digits:
            return None
        num = adoc.original(chunks[ex.c0].start, chunks[ex.c1 - 1].end)
        own = adoc.original(chunks[ex.c0].start, chunks[ex.c0].end)
        return QuantityClaim(
            start=own.start,
            end=own.end,
            text=own.text,
            low=ex.low,
            high=ex.high,
            unit=last.unit,
            unit_class=last.unit_class,
            counted=last.counted,
            number=Span(num.start, num.end, num.text),
            source=last.source,
            confidence=round(last.confidence - 0.1, 2),
        )
    return None


# Words before "UNIT and a half" that make it one and a half units ("a year and a half", "the first hour
# and a half"); after it, words that make it a time reference ("a year and a half ago"), which dates read.
_ONE_BEFORE_UNIT = {"a", "an", "one", "first"}
_TIME_AFTER = {"ago", "later", "earlier", "before", "after", "hence", "prior"}


def _unit_and_a_half(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ci: int) -> QuantityClaim | None:
    """ "a year and a half", "an hour and a half": one and a half of the unit before "and". Its "a half"
    alone would be half of nothing. None when the words before are no unit, or for a time reference."""
    one, unit, conj = chunks[ci - 3], chunks[ci - 2], chunks[ci - 1]
    if one.text.lower() not in _ONE_BEFORE_UNIT or conj.text.lower() != "and" or one.trail or unit.trail:
        return None
    cls = measure_class(unit.text, glued=False)
    end = ci + 2
    after = chunks[end].text.lower() if end < len(chunks) and not chunks[end - 1].trail else ""
    if cls is None or after in _TIME_AFTER:
        return None
    start_chunk = ci - 2 if one.text.lower() == "first" else ci - 3  # "the first hour and a half": 1.5 hours
    sent = doc[chunks[start_chunk].tok_start].sent
    span = adoc.original(chunks[start_chunk].start, chunks[end - 1].end)
    src = source_in(sent)
    return QuantityClaim(
        start=span.start,
        end=span.end,
        text=span.text,
        low=1.5,
        high=1.5,
        unit=unit.text,
        unit_class=cls,
        number=Span(span.start, span.end, span.text),
        source=adoc.original(src.start_char, src.end_char).text if src is not None else None,
        confidence=0.75,
    )


def _qualify_currency(chunks: list[Chunk], ex: Expr) -> None:
    """ "US $58", "C $6", "S $1mil": the letters before a spaced dollar sign name the dollar."""
    if ex.currency == "$" and ex.c0 > 0:
        prev = chunks[ex.c0 - 1]
        q = DOLLAR_QUALIFIERS.get(prev.text) or DOLLAR_QUALIFIERS.get(prev.text + ".")
        if q and chunks[ex.c0].start - prev.end == 1 and not prev.trail:
            ex.currency, ex.c0 = q, ex.c0 - 1
    elif ex.currency is None and ex.digits and ex.c0 > 0 and not chunks[ex.c0 - 1].trail:
        code = chunks[ex.c0 - 1].text
        if code in ISO_CODES:
            ex.currency, ex.c0 = code, ex.c0 - 1  # "USD 5 million", "EUR 300"


def _read_range(chunks: list[Chunk], ex: Expr, u: UnitRead) -> tuple[Expr, UnitRead] | None:
    """A second amount joined to the first ("15 to 22 miles", "between 5% and 6%", "three or four")."""
    k = ex.c1 if u.c_end == ex.c1 or ex.rest else None
    prev = chunks[ex.c0 - 1].text.lower() if ex.c0 > 0 else ""
    if k is None:
        # "from 4.8 percent to 4.7 percent": a unit may sit between when "from" opens the range
        if prev not in ("from", "between"):
            return None
        k = u.c_end
    if k + 1 >= len(chunks) or chunks[k - 1].trail:
        return None
    word = chunks[k].text.lower()
    if word == "up" and chunks[k + 1].text.lower() == "to" and prev == "from":
        k, word = k + 1, "to"  # "from 450 sq ft up to 900 sq ft"
    if word not in _RANGE_WORDS or (word == "and" and prev != "between"):
        return None
    if k + 1 >= len(chunks):
        return None
    if prev == "by" or (word == "or" and (ex.digits or ex.rest)):
        return None
    other = read_expr(chunks, k + 1)
    if other is None or other.vague or ex.vague or (other.low < ex.low and prev != "from"):
        return None
    if prev not in ("from", "between"):
        if prev in _CHANGE_WORDS or (prev in ("up", "down") and ex.c0 > 1):
            return None  # "rose 3.2 to 145.30": a change, then the new level
        money = CURRENCY_PREFIXES.get(ex.currency or ""), CURRENCY_PREFIXES.get(other.currency or "")
        if (ex.rest or ex.currency) and (other.rest != ex.rest or money[0] != money[1]):
            return None  # "3.2% to $145.30" are two amounts
    return other, u


def _claim_at(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ex: Expr) -> tuple[QuantityClaim | None, int]:
    _qualify_currency(chunks, ex)
    first_tok = chunks[ex.c0].tok_start
    sent = doc[first_tok].sent
    if ex.c0 > 0 and chunks[ex.c0 - 1].text.lower() == "minus" and ex.low >= 0:
        ex.c0 -= 1
        ex.low, ex.high = -ex.high, -ex.low
        first_tok = chunks[ex.c0].tok_start
    u = read_unit(doc, chunks, ex, sent.end)
    if _is_age_apposition(doc, chunks, ex, u) or _is_age_predicate(doc, chunks, ex, u):
        u.unit_class = "year of age"  # "Mr. Grimm, 44, a Republican"
    tally = _spelt_tally(adoc, doc, chunks, ex, u)
    if tally is not None:
        return tally
    noun = _noun_before_or(doc, chunks, ex, u)
    if noun is not None:
        if doc[noun].lemma_.lower() in TIME_UNITS and doc[noun - 1].lower_ in _TIME_BEFORE_OR:
            return None, ex.c1  # "in the coming year or two": when, not how long
        # "another pick or two", "a year or two": one or two of the noun before "or"
        u.unit, u.unit_class, u.counted = doc[noun].lemma_, count_class(doc[noun].lemma_), doc[noun].text
        ex.low, ex.vague = 1.0, True
        ex.c0 -= 3 if ex.c0 > 2 and chunks[ex.c0 - 3].text.lower() in ("a", "an", "another", "one") else 2
        first_tok = chunks[ex.c0].tok_start
    end_chunk = max(u.c_end, ex.c1)
    rng = _read_range(chunks, ex, u)
    if rng is not None:
        other, _ = rng
        ou = read_unit(doc, chunks, other, sent.end)
        if _is_year_range(doc, chunks, ex, u, other, ou):
            return None, max(ou.c_end, other.c1)  # "from 1965 to 1970": a period, which the dates read
        if ex.currency is None and ou.measure and ou.unit_class and not u.measure:
            u = ou
        elif u.measure and ou.unit_class and u.unit_class and ou.unit_class.startswith(u.unit_class + " per"):
            u.unit_class, u.unit = ou.unit_class, ou.unit  # "$500,000 to $1 million a year"
        elif not u.measure and not u.counted:
            u = ou
        ex = _merge(ex, other)
        end_chunk = max(ou.c_end, other.c1)
        u.t_end = max(u.t_end, ou.t_end)
    bare_range = ex.low != ex.high and ex.rest and not u.measure and not u.counted and not ex.vague
    if u.unknown_glued or bare_range:
        return None, end_chunk
    if _rejected(doc, chunks, ex, u) or _not_reported(doc, chunks, ex, u):
        return _tally(adoc, doc, chunks, ex), end_chunk
    direction, comparison_words = comparison_before(doc, first_tok, sent.start)
    if ex.rest.startswith(("~", "≈")):
        direction = "~"
    elif ex.rest.startswith("<"):
        direction = "<"  # "sub-500"
    after = direction_after(doc, u.t_end)
    if after:
        direction = after
    last_tok = max(u.t_end, chunks[end_chunk - 1].tok_end) - 1
    # the span shows the comparison ("nearly 50,000 followers", "up to $200"): without it the quote says
    # more than the text does
    ev = adoc.original(*own_span(doc, first_tok - comparison_words, min(last_tok, sent.end - 1)))
    num = adoc.original(chunks[ex.c0].start, chunks[ex.c1 - 1].end)
    src = source_in(sent)
    confidence = _confidence(ex, u)
    if _is_share(ex, u):
        # "a third of the 1.6 million arrests": a share of the whole, never "0.33 arrests"
        whole = u.unit if u.unit and _names_whole(chunks, ex) else None
        u.unit, u.unit_class = f"% {_as_written(whole, u.counted)}" if whole else "%", SHARE
    claim = QuantityClaim(
        start=ev.start,
        end=ev.end,
        text=ev.text,
        low=ex.low,
        high=ex.high,
        unit=u.unit,
        unit_class=u.unit_class,
        counted=u.counted,
        number=Span(num.start, num.end, num.text),
        approximate=ex.vague or direction == "~",
        direction=direction,
        source=adoc.original(src.start_char, src.end_char).text if src is not None else None,
        confidence=confidence,
    )
    return claim, end_chunk


# The class of a share of a counted whole: its value the fraction (0.25 for "a quarter of"), its unit "%"
# and the whole as written ("% federal government"), as NewsQuant annotates it.
SHARE = SHARE_CLASS


def _is_share(ex: Expr, u: UnitRead) -> bool:
    """True for a fraction of a counted whole ("two-thirds of the Senate", "one in seven reports", "half
    the condos"); a fraction of a measure or of money is an amount of it ("1/16 of a pint")."""
    if not ex.fraction or not 0 < ex.low <= ex.high <= 1 or u.measure or ex.currency:
        return False
    return u.unit_class not in _MEASURED_CLASSES and " per " not in (u.unit_class or "")


def _names_whole(chunks: list[Chunk], ex: Expr) -> bool:
    """True when the words after a share name its whole: "of" ("a third of the arrests"), a determiner
    ("half the condos"), or the share is "one in five" / "one out of three" ("one in five pilots"). A
    fraction set before a noun ("a two-thirds majority", "a one-third stake") is the noun's size, a share
    of a whole it does not name."""
    if ex.c1 - ex.c0 >= 3 and chunks[ex.c0 + 1].text.lower() in ("in", "out"):
        return True
    nxt = chunks[ex.c1].text.lower() if ex.c1 < len(chunks) else ""
    return nxt == "of" or nxt in _SHARE_DETERMINERS


_SHARE_DETERMINERS = frozenset(("the", "their", "its", "his", "her", "our", "those", "these", "all"))


def _as_written(unit: str, counted: str | None) -> str:
    """The unit with its last word in the number the text gives it ("arrest" of "the 1.6 million arrests"
    -> "arrests"): a share's whole reads "33.3% of arrests", "66.7% of Senate"."""
    words, last = unit.split(), (counted or "").split()[-1:]
    if last and last[0].lower() != words[-1].lower() and last[0].lower().startswith(words[-1].lower()):
        words[-1] = last[0]
    return " ".join(words)


def _whole_after(out: list[QuantityClaim], sents: list[int], text: str) -> None:
    """ "Nearly two-thirds of the combined 4.3M sales", "a third of the 1.6 million arrests": a share of a
    count written after it with "of" is a share of what that count counts."""
    for i, claim in enumerate(out[:-1]):
        nxt = out[i + 1]
        if claim.unit_class != SHARE or sents[i + 1] != sents[i] or not nxt.unit or nxt.number is None:
            continue
        if nxt.unit_class in _MEASURED_CLASSES or nxt.unit_class == SHARE or claim.number is None:
            continue
        # its own span may run over the count ("two-thirds of the combined 4.3M sales"): the words between
        # the share's number and the count's
        if _OF_THE.fullmatch(text[claim.number.end : nxt.number.start]):
            claim.unit, claim.counted = f"% {_as_written(nxt.unit, nxt.counted)}", nxt.counted


_OF_THE = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|all|combined|total|some)\s+){0,2}")


_TALLY = re.compile(r"(\d{1,3})[-\u2013](\d{1,3})")
_VOTE_WORDS = frozenset(("vote", "tally", "margin", "ballot"))


def _tally(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ex: Expr) -> QuantityClaim | None:
    """ "a 97-1 vote", "the final tally was 97-1", "voting 348-77": a glued pair whose second figure is
    the smaller, next to a word of voting, is a tally; its first figure counts the votes for. Scores and
    codes of the same shape ("drew 2-2", "route 96-3") have no such word and stay no quantity."""
    if ex.c1 - ex.c0 != 1 or not ex.reversed_pair:
        return None
    chunk = chunks[ex.c0]
    m = _TALLY.fullmatch(chunk.text)
    if m is None:
        return None
    first_tok, last_tok = chunk.tok_start, chunk.tok_end - 1
    sent = doc[first_tok].sent
    near = doc[max(sent.start, first_tok - 3) : min(sent.end, last_tok + 3)]
    votes = _vote_words(near)
    if not votes:
        return None
    return _vote_claim(adoc, doc, first_tok, last_tok, votes, chunk, chunk, float(m.group(1)))


def _spelt_tally(
    adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead
) -> tuple[QuantityClaim, int] | None:
    """ "The council voted 23 to 14", "a 52 - 48 vote": a tally written with a word or spaced dash, the
    second figure no larger than the first, next to a word of voting, is one claim of the votes for (as the
    glued "97-1" is, `_tally`), never two bare counts. With the end chunk, past the second figure."""
    k = ex.c1
    if u.unit_class == "vote" and k + 1 < len(chunks) and chunks[k].text.lower() in ("votes", "vote"):
        k += 1  # "by 97 votes to 1": the counted votes between the two figures
    if ex.c1 - ex.c0 != 1 or not ex.digits or ex.rest or ex.currency or ex.vague or k + 1 >= len(chunks):
        return None
    if (
        u.unit_class not in (None, "vote")
        or chunks[k - 1].trail
        or chunks[k].text.lower() not in _TALLY_JOINS
    ):
        return None
    other = read_expr(chunks, k + 1)
    if other is None or other.c1 - other.c0 != 1 or not other.digits or other.rest or other.currency:
        return None
    if other.low > ex.low or ex.low != int(ex.low) or other.low != int(other.low):
        return None  # "from 14 to 23" is a range
    first_tok, last_tok = chunks[ex.c0].tok_start, chunks[other.c0].tok_end - 1
    sent = doc[first_tok].sent
    near = doc[max(sent.start, first_tok - 3) : min(sent.end, last_tok + 3)]
    votes = [t for t in _vote_words(near) if t.lower_ != "margin"]
    if not votes:
        return None  # "won 3 to 1" is a score, "a 3 to 1 margin" a ratio
    claim = _vote_claim(adoc, doc, first_tok, last_tok, votes, chunks[ex.c0], chunks[other.c0], ex.low)
    return claim, other.c1


# Verbs a chamber decides a measure with by a tally ("the Senate passed the bill 97-1", "confirmed 98-0").
_VOTE_VERBS = frozenset(("pass", "approve", "confirm", "adopt", "ratify", "override", "reject"))


def _vote_words(near: Span_) -> list[Token]:
    """The words of voting near a tally: a voting noun or "vote", or a verb a chamber decides with."""
    return [
        t
        for t in near
        if t.lemma_.lower() in _VOTE_WORDS
        or t.lower_ in _VOTE_WORDS
        or (t.pos_ == "VERB" and t.lemma_.lower() in _VOTE_VERBS)
    ]


_TALLY_JOINS = frozenset(("to", "-", "\u2013"))


def _vote_claim(
    adoc: ArticleDoc,
    doc: Doc,
    first_tok: int,
    last_tok: int,
    votes: list[Token],
    first: Chunk,
    last: Chunk,
    value: float,
) -> QuantityClaim:
    """The claim of a tally's votes for: its span the figures and the word of voting."""
    # the nearest word of voting ("voted 348-77 to approve it": "voted")
    word = min(votes, key=lambda t: first_tok - t.i if t.i < first_tok else t.i - last_tok)
    lo, hi = min(first_tok, word.i), max(last_tok, word.i)
    while hi > lo and doc[hi].is_punct:
        hi -= 1  # "the final tally was 97-1.": the figures, not the full stop
    ev = adoc.original(doc[lo].idx, doc[hi].idx + len(doc[hi].text))
    num = adoc.original(first.start, last.end)
    return QuantityClaim(
        start=ev.start,
        end=ev.end,
        text=ev.text,
        low=value,
        high=value,
        unit="vote",
        unit_class="vote",
        counted="vote",
        number=Span(num.start, num.end, num.text),
        approximate=False,
        direction="=",
        confidence=0.8,
    )


def _single_vehicle(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ci: int) -> QuantityClaim | None:
    """ "A Russian Air Force aircraft had landed": an indefinite article before a military or vehicle noun
    that is the subject or object of the clause reports a count of one."""
    t0 = chunks[ci].tok_start
    # cheap test first: a vehicle noun within the next few words
    if not any(
        t.lower_ in SINGLE_COUNT_WORDS or t.lemma_ in SINGLE_COUNT_WORDS for t in doc[t0 + 1 : t0 + 6]
    ):
        return None
    ex = Expr(ci, ci + 1, 1.0, 1.0, False, article=True)
    sent = doc[t0].sent
    u = read_unit(doc, chunks, ex, sent.end)
    if u.head is None or u.unit_class not in SINGLE_COUNT_CLASSES or u.plural:
        return None
    head = doc[u.head]
    if head.dep_ not in ("nsubj", "nsubjpass", "dobj") or head.head.lemma_ not in _VEHICLE_VERBS:
        return None
    claim, _ = _claim_at(adoc, doc, chunks, ex)
    if claim is not None:
        claim.confidence = 0.4
    return claim


_TIME_BEFORE_OR = {"coming", "next", "past", "last", "following", "previous", "the"}


def _noun_before_or(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> int | None:
    """The token of the singular noun a bare number word after "or" counts ("another pick or two", "a
    year or two"), or None."""
    if u.unit_class or u.counted or u.measure or ex.digits or ex.c1 - ex.c0 != 1 or ex.c0 < 2:
        return None
    if not 2 <= ex.low <= 3 or chunks[ex.c0 - 1].text.lower() != "or" or chunks[ex.c0 - 2].trail:
        return None
    noun = chunks[ex.c0 - 2]
    tok = doc[noun.tok_end - 1]
    return tok.i if noun.tok_end - noun.tok_start == 1 and tok.tag_ == "NN" else None


def _is_age_apposition(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """A bare number after "age"/"aged", or set off by commas right after a person's name ("Mr. Grimm, 44,",
    "Huckabee, 59,", a list "Ana Ruiz, 71; Tom Hale, 66.") or after "age" ("His age, 75,"), is an age."""
    if u.measure or u.counted is not None or not ex.digits or ex.c0 == 0 or not 0 < ex.low < 120:
        return False
    prev, own = chunks[ex.c0 - 1], chunks[ex.c0]
    if prev.text.lower() in ("age", "aged", "ages") and not prev.trail:
        return True  # "at age 16", "men aged 18 to 34"
    before = chunks[ex.c0 - 2].text.lower() if ex.c0 > 1 else ""
    if prev.text.lower() in ("of", "to", "at") and not prev.trail and before in ("age", "ages"):
        return True  # "over the age of 21", "raising the retirement age to 69"
    closes = doc[own.tok_end - 1].text  # "Hale, 59, quit"; a list "Ruiz, 71; Hale, 66; Stone, 59."
    if ex.low != int(ex.low) or prev.tok_end - prev.tok_start < 2 or closes not in (",", ";", "."):
        return False
    if doc[prev.tok_end - 1].text != ",":
        return False
    name = doc[prev.tok_end - 2]
    return name.ent_type_ == "PERSON" or name.lower_ == "age" or _named_person(doc, name)


def _named_person(doc: Doc, token: Token) -> bool:
    """True when a capitalised proper noun is the last word of a person the article names elsewhere
    ("Mike Huckabee" ... "Huckabee, 59, quit"): the parser's entities miss many a bare surname."""
    if token.pos_ != "PROPN" or not token.text[:1].isupper():
        return False
    return any(len(e) > 1 and e[-1].text == token.text for e in person_entities(doc))


_PERSON_PRONOUNS = {"he", "she", "i", "who"}


def _is_age_predicate(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """A bare whole number said of a person with "be" or "turn" is an age: "he will be 35", "she turned
    40", "Smith, who is 62", "the mayor is 58"."""
    if u.measure or u.counted is not None or ex.currency or ex.rest or ex.low != ex.high:
        return False
    if not (ex.low == int(ex.low) and 0 < ex.low < 120) or ex.c1 - ex.c0 != 1:
        return False
    tok = doc[chunks[ex.c0].tok_start]
    verb = tok.head
    if tok.dep_ not in ("attr", "acomp", "dobj") or verb.lemma_ not in ("be", "turn"):
        return False
    if tok.dep_ == "dobj" and verb.lemma_ != "turn":
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subj = subjects[0]
    return (
        subj.lower_ in _PERSON_PRONOUNS or subj.ent_type_ == "PERSON" or subj.lemma_.lower() in PERSON_ROLES
    )


def _is_year_range(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead, other: Expr, ou: UnitRead) -> bool:
    """True for two years joined as a range ("from 1965 to 1970", "between 2009 and 2016"): both ends
    read as years and neither counts or measures anything ("from 1500 to 2000 soldiers" is a count)."""
    if u.measure or ou.measure or u.counted or ou.counted:
        return False
    return is_year(doc, chunks, ex, False) and is_year(doc, chunks, other, False)


def _merge(a: Expr, b: Expr) -> Expr:
    low, high = a.low, b.high
    if b.high > 0 and a.high > 0 and a.low * 1000 <= b.low and a.digits and "," not in str(a.low):
        scale = _scale_of(b)
        if scale > 1 and a.low * scale <= b.high:
            low = a.low * scale  # "from 24.2 to 33 billion", "1 to 2 million"
    lo, hi = min(low, high), max(low, high)
    return Expr(
        a.c0,
        b.c1,
        lo,
        hi,
        a.digits or b.digits,
        a.currency or b.currency,
        b.rest or a.rest,
        a.vague or b.vague,
    )


def _scale_of(e: Expr) -> float:
    for s in (1e12, 1e9, 1e6, 1e3):
        if e.low >= s and (e.low / s) < 1000:
            return s
    return 1.0


# A section letter written after a statute number, in brackets or with its own digit: "501 c3", "501
# (c)(4)", "501 c3,4,5" (a code's name); a lone letter ("10 x 12 feet") or a times sign ("300 x3") is none.
_SECTION_LETTER = re.compile(r"\(?[a-wyz]\)(?:\(?\d[\d,()]*)?|[a-wyz]\(?\d[\d,()]*")


def _is_code_section(chunks: list[Chunk], ex: Expr) -> bool:
    """True for a number followed by a lower-case section letter ("groups classed 501 c3", "501 (c)(4) groups"):
    a section of a tax or legal code that names a kind of body or account, no count of anything."""
    if not ex.digits or ex.currency or ex.c1 >= len(chunks) or chunks[ex.c1 - 1].trail:
        return False
    return _SECTION_LETTER.fullmatch(chunks[ex.c1].text) is not None


def _rejected(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """True when the number is no quantity: a date, year, clock time, name, code, score or pronoun."""
    if is_date_part(chunks, ex.c0, ex.c1, ex) or is_clock(chunks, ex) or _is_nine_eleven(chunks, ex, u):
        return True
    num_tok = doc[chunks[ex.c1 - 1].tok_end - 1]
    attached = u.plural and u.head is not None and (num_tok.head.i == u.head or num_tok.i + 1 == u.head)
    if is_year(doc, chunks, ex, (u.measure and u.unit_class != "year") or attached):
        return True
    if is_identifier(doc, chunks, ex, u.measure, u.plural, u.proper) or _is_code_section(chunks, ex):
        return True
    glued_pair = ex.digits and "-" in chunks[ex.c0].text[1:] and ex.c1 - ex.c0 == 1 and not ex.currency
    if glued_pair and (not (u.measure or u.plural) or ex.reversed_pair):
        return True  # "2-2", "89-89", "96-3", "3888-2": scores, tallies and codes
    if ex.fraction and ex.digits and not u.measure:
        nxt = chunks[ex.c1].text.lower() if ex.c1 < len(chunks) else ""
        if nxt != "of":
            return True  # "9/11 families", "24/7": a fraction is a share of something ("1/16 of a pint")
    if not ex.digits and ex.low == ex.high == 0 and u.counted is None and not u.measure:
        first_tok = chunks[ex.c0].tok_start
        prev = doc[first_tok - 1].lower_ if first_tok > 0 else ""
        zero_in_on = [t.lower_ for t in doc[first_tok + 1 : first_tok + 3]] == ["in", "on"]
        if prev == "ground" or zero_in_on or doc[first_tok].pos_ == "VERB":
            return True  # "ground zero", "zero in on": a place and a verb ("pay zero" in taxes is an amount)
    if ex.word_one:
        first_tok = chunks[ex.c0].tok_start
        prev = doc[first_tok - 1].lower_ if first_tok > 0 else ""
        if prev in _PRONOUN_ONE_BEFORE or (u.counted is None and not u.measure):
            return True
        if prev == "only" and first_tok > 1 and doc[first_tok - 2].pos_ in ("DET", "PRON"):
            return True  # "the only one of its kind", "his only one": a pronoun ("only one senator" counts)
        nxt = doc[first_tok + 1].lower_ if first_tok + 1 < len(doc) else ""
        if nxt in ("another", "and"):
            return True
        if _one_or_other(doc, u.head if u.head is not None else first_tok + 1, doc[first_tok].sent.end):
            return True  # "one way or another", "one way or the other", "in one hand and ... in the other"
        if first_tok + 1 < len(doc) and _one_idiom(doc, first_tok):
            return True  # "at one point", "on one occasion", "One day, ...": when, not how many
        if one_names_a_member(doc, first_tok, u.head):
            return True  # "one of the organizers", "according to one official", "one reason"
    return False


_BEFORE_A_DAY = frozenset(("on", "since", "after", "before", "until"))


def _is_nine_eleven(chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """True for "911" written for the attacks' day after a word that places in time ("their bravery on 911",
    "since 911"): a date, not 911 of anything ("call 911" is a number to call)."""
    if not ex.digits or ex.low != 911 or ex.high != 911 or ex.rest or u.unit_class or ex.c0 == 0:
        return False
    prev = chunks[ex.c0 - 1]
    return chunks[ex.c0].text == "911" and prev.text.lower() in _BEFORE_A_DAY and not prev.trail


# "at one point", "at one time", "on one occasion", "for one thing": a time or a manner, not a count of one.
_ONE_IDIOMS = frozenset((("at", "point"), ("at", "time"), ("on", "occasion"), ("for", "thing")))


def _one_idiom(doc: Doc, one: int) -> bool:
    """True for "one" in a set phrase that says when, not how many ("at one point", "One day, he ...")."""
    prev = doc[one - 1].lower_ if one > 0 else ""
    noun = doc[one + 1].lower_
    if (prev, noun) in _ONE_IDIOMS:
        return True
    opens = one == doc[one].sent.start or doc[one - 1].is_punct  # "One day he will", "..., one day she"
    return (
        noun == "day"
        and opens
        and (one + 2 >= len(doc) or doc[one + 2].lower_ not in ("of", "after", "before"))
    )


def _one_or_other(doc: Doc, head: int, sent_end: int) -> bool:
    """True when "one X" is paired with "another" or "the other" later in its sentence ("one way or the
    other", "one side or another", "a tail in one hand and a knife in the other"): one of two, no count."""
    after = [t.lower_ for t in doc[head + 1 : min(sent_end, head + 12)]]
    for i, word in enumerate(after[:-1]):
        if i == 0 and word in ("or", "to") and after[1] in ("another", "other"):
            return True  # "one way or another", "from one place to another"
        opens = (i == 0 and word in ("or", "to")) or word == "in"
        if opens and after[i + 1 : i + 3] == ["the", "other"]:
            return True  # "one way or the other", "a tail in one hand and a knife in the other"
    return False


def _not_reported(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """True for a number that is a quantity in form but not one a report states: a time reference or a
    duration describing a noun ("three months ago", "a 9 year sentence"), a number to call ("call 911"), a
    pair named before ("the two countries"), a negation ("not one soldier"), an ordinal ("a third ship")."""
    if u.unit_class in TIME_UNITS and is_time_reference(doc, chunks, ex, u.t_end):
        return True
    if _is_degree(doc, ex, u) or _is_degree_of_a_verb(doc, ex, u) or _is_figure_of_speech(doc, chunks, ex, u):
        return True
    if _in_hypothesis(doc, chunks[ex.c0].tok_start):
        return True
    return (
        is_phone_number(doc, chunks, ex)
        or is_pair_reference(doc, chunks, ex)
        or is_negated_one(doc, chunks, ex)
        or is_ordinal_article(chunks, ex)
    )


_SUBJECT_PRONOUNS = frozenset(("i", "we", "you", "he", "she", "they"))

# what a main clause's verb takes when its "if" clause is a supposition, not a condition that may come true
_HYPOTHETICAL_MODALS = frozenset(("would", "could", "might", "'d", "\u2019d"))


def _in_hypothesis(doc: Doc, first: int) -> bool:
    """True for a number inside the "if" clause of a supposition ("If 10,000 people came to the island, the harbour
    would need ...", "Even if the company added 20 crossings, it would still lose money"): a figure supposed to
    make a point, which nobody reports as having happened. The figures of what would follow stay (NewsQuant counts
    "it would save $500 million"), and so does a condition that may come true ("if 300 jobs go, the town will
    ...", no "would")."""
    tok = doc[first]
    for _ in range(12):  # up the parse to the clause the number stands in
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "if" for c in tok.children):
            main = tok.head
            return main.i != tok.i and any(
                c.dep_ == "aux" and c.lower_ in _HYPOTHETICAL_MODALS for c in main.children
            )
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _is_degree_of_a_verb(doc: Doc, ex: Expr, u: UnitRead) -> bool:
    """True for "100 percent" set between a subject and its verb ("I 100 percent support the plan", "we
    100% agree"): how firmly someone backs something, not a share of anything."""
    if u.unit_class != "percentage" or ex.low != 100 or ex.high != 100 or u.t_end >= len(doc):
        return False
    first = ex.first_tok
    verb = doc[u.t_end]
    return (
        first > 0
        and doc[first - 1].lower_ in _SUBJECT_PRONOUNS
        and verb.pos_ == "VERB"
        and verb.tag_ in ("VB", "VBP", "VBD", "VBZ")
    )


def _is_figure_of_speech(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """True for a number inside a set figure of speech: "the 800-pound gorilla" (the strongest party), "you
    can count on two hands the people who ..." (very few). Nothing is weighed or counted."""
    nxt = doc[u.t_end].lemma_.lower() if u.t_end < len(doc) else ""
    if u.unit_class in ("pound", "pound-mass") and nxt == "gorilla":
        return True
    first = ex.first_tok
    before = [t.lemma_.lower() for t in doc[max(0, first - 6) : first]]
    hands = u.unit_class == "hand" or (u.t_end > 0 and doc[u.t_end - 1].lemma_.lower() == "hand")
    return hands and ex.high <= 2 and "count" in before and before[-1:] in (["on"], ["of"])


def _is_degree(doc: Doc, ex: Expr, u: UnitRead) -> bool:
    """True for "100 percent" said of a predicate adjective ("I'm 100 percent positive", "we are 100%
    committed"): a degree of certainty or resolve, not a share of anything. "100 percent renewable power"
    (the adjective describes a noun) and "20 percent higher" (a comparison) stay amounts."""
    if u.unit_class != "percentage" or ex.low != 100 or ex.high != 100 or u.t_end < 1:
        return False
    unit = doc[u.t_end - 1]
    adjective = unit.head
    return (
        unit.dep_ == "npadvmod"
        and adjective.dep_ == "acomp"
        and adjective.tag_ in ("JJ", "VBN")
        and adjective.i == unit.i + 1
    )


def _confidence(ex: Expr, u: UnitRead) -> float:
    """By class, from strict reads (dates11, seed 1106, basil-dev): digits with a unit 0.85, right 29 of 30
    (the one doubtful a rhetorical "can't have 100 percent security"), NewsQuant-dev 0.979 at >= 0.7; words
    with a unit 0.75 and below, right 19 of 22 (a determiner "one proposal", "presided over two" read as more
    than, now fixed). Neither reaches the 97 in 100 that 0.9 promises on a sample this size, so no quantity
    is stored at 0.9."""
    conf = 0.85 if ex.digits else 0.75
    if u.unit_class is None:
        conf -= 0.25
    if ex.vague:
        conf -= 0.1
    if ex.word_one:
        conf -= 0.2
    return round(conf, 2)
