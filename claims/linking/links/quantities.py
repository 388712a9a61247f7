"""Quantity rules: same event and unit class; overlapping ranges corroborate, disjoint ones contradict."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import replace

from claims.extraction.types import QuantityClaim

from ..types import LinkableClaim, Relation
from .blocking import KeyWeights, candidate_pairs
from .features import ClaimFeatures, DayOf, Key
from .text import fold, one_name, source_name, stem, terms

Scored = tuple[int, int, Relation, float, str]

MIN_CONTEXT = 0.08  # share of rare context both sentences must have to be about the same thing
MIN_CONTRADICT_CONTEXT = 0.5  # figures far apart ("$8 billion in all", "$3.6 billion from the military
# budget") are mostly different things: their conflict needs nearly the same sentence


def quantity_links(feats: Sequence[ClaimFeatures], day_of: DayOf) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for quantity claims of one event and unit class.

    `day_of` maps (article_id, sentence_start) to the date values stated in that sentence, so that
    "two bombers in December" is not taken for the event's "two planes on Saturday".
    """
    weights = KeyWeights(_context(f) for f in feats)
    pairs = candidate_pairs(feats, _block_keys, max_posting=400, per_claim=40)
    siblings: dict[Key, list[ClaimFeatures]] = {}  # figures of one unit class in one sentence
    for f in feats:
        siblings.setdefault(_sentence_unit(f), []).append(f)
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        if other_time(a, b, day_of):
            continue
        if _unit_class(a) != _unit_class(b):  # met through the items they list (`listed`) alone
            if same_list(a, b):
                out.append((i, j, "corroborates", LIST_CONFIDENCE, rationale(a, b, "corroborates", day_of)))
            elif one_group(a, b) and weights.overlap(_words(a), _words(b)) >= MIN_CONTEXT:
                out.append((i, j, "corroborates", GROUP_CONFIDENCE, rationale(a, b, "corroborates", day_of)))
            continue
        if _other_wholes(a, b):
            continue  # "a third of the arrests" and "a third of the voters": shares of two things
        bars = threshold(a), threshold(b)
        if any(bars) and (bars[0] != bars[1] or not agree(a, b)):
            continue  # "60 votes needed to break a filibuster" and "passed 52-48": a bar and a count
        tallies = _tally(a), _tally(b)
        if None not in tallies and tallies[0] != tallies[1]:
            continue  # "passed 97-1" and "passed 97-3": two votes with the same votes for, however alike
        ctx = weights.overlap(_context(a), _context(b))
        one_thing = (_close_figures(a, b) and _measured(a) is not None and _measured(a) == _measured(b)) or (
            tallies[0] is not None and tallies[0] == tallies[1]
        )
        alike = ctx < MIN_CONTEXT and one_figure(a, b)
        if ctx < MIN_CONTEXT and not one_thing and not alike:
            continue
        if agree(a, b):
            if _boundless(a) or _boundless(b):
                continue  # "billions of dollars" holds every sum of the story: it confirms none
            if (_vague(a) and _open(b)) or (_vague(b) and _open(a)):
                continue  # "tens of thousands of dollars" and "more than $10,000": two guesses, no one sum
            exact = a.low == a.high == b.low == b.high
            conf = min(0.95, 0.5 + 0.35 * min(1.0, ctx / 0.4) + (0.1 if exact else 0.0))
            if _vague(a) or _vague(b):  # "billions of dollars" agrees with most figures: it tells little
                conf -= VAGUE_PENALTY
            if alike:  # the figure alone says it is one count: never sure
                conf = min(conf, ONE_FIGURE_CONFIDENCE)
            out.append((i, j, "corroborates", round(conf, 3), rationale(a, b, "corroborates", day_of)))
        elif _told_beside(a, b, siblings) or _told_beside(b, a, siblings):
            continue  # "$3.6 billion ..., along with another $2.5 billion": the $3.6 billion is the match
        elif one_thing or ctx >= (
            MIN_CLOSE_CONTRADICT_CONTEXT if _close_figures(a, b) and not _rate(a) else MIN_CONTRADICT_CONTEXT
        ):
            conf = min(0.9, 0.35 + 0.5 * ctx)
            out.append((i, j, "contradicts", round(conf, 3), rationale(a, b, "contradicts", day_of)))
    return out


# One figure of one unit class in two outlets of one event is one count, whatever words each sentence puts
# around it ("about 800,000 federal workers were furloughed" / "the lapse left 800,000 employees without pay";
# "$1.2 million for the works" / "to spend $1,180,000 on the repairs"): a figure of ten or more written
# alike, or a precise figure of three significant digits or more and its rounding, is seldom two things of
# one story. Small counts ("two officials"), rates ("52 percent") and vague amounts stay with their words.
ONE_FIGURE_MIN = 10
ONE_FIGURE_DIGITS = 100  # a precise figure at least this many times its last digit: 1,180,000 / 10,000
ONE_FIGURE_CONFIDENCE = 0.6  # below the sure band: the figure matches, the words do not say so


def one_figure(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two single figures of one unit class that are one count by their value alone: the same
    value, ONE_FIGURE_MIN or more ("800,000" / "about 800,000", "35 days" / "35 days"), or a precise figure
    of three significant digits or more and a rounding of it ("$1,180,000" / "$1.2 million"). Not for rates,
    thresholds (filtered before) or ranges."""
    if _rate(a) or _rate(b) or _unit_class(a) != _unit_class(b) or not _unit_class(a):
        return False
    ca, cb = a.quantity, b.quantity  # the figures as written ("about 300" is 300, not its range)
    if not (ca.low == ca.high and cb.low == cb.high) or min(ca.low, cb.low) < ONE_FIGURE_MIN:
        return False
    if ca.low == cb.low:
        return True
    sa, sb = step(a), step(b)
    if sa is None or sb is None or sa == sb or not agree(a, b):
        return False
    return (ca.low if sa < sb else cb.low) >= ONE_FIGURE_DIGITS * min(sa, sb)


# A threshold is what a thing takes, not what happened: "the 60 votes needed to break a filibuster", "41
# votes necessary to sustain one", "a simple majority of 51 votes", "requiring him to garner 60 votes".
# It never contradicts a count of what happened ("confirmed 54-45") nor another threshold (the 60 votes to
# end debate and the 51 to confirm are two rules); two outlets giving one threshold agree.
THRESHOLD_WORDS_BEFORE = 8  # how far back in its clause a word of need may stand
_NEED_BEFORE = re.compile(r"\b(?:need(?:s|ed|ing)?|requir\w*|necessary|(?:super)?majority|threshold)\b", re.I)
_NEED_AFTER = re.compile(
    r"^[\s\"'\u201c\u201d\u2019]*(?:[a-z'\u2019\u201c\u201d\"]+\s+)?(?:needed|necessary|required|threshold|"
    r"to\s+(?:overcome|break|block|end|override|sustain|defeat|stop|beat|invoke|clear|avoid))\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"\d|[;:.!?]|,\s+(?:but|and|while|who|which)\b")


def threshold(f: ClaimFeatures) -> bool:
    """True when the figure is a bar to reach ("60 votes needed to ...", "a majority of 51 votes")."""
    claim, offset, sentence = f.item.claim, f.item.sentence_start, f.item.sentence
    if offset is None or not offset <= claim.start <= claim.end <= offset + len(sentence):
        return False
    before = sentence[: claim.start - offset]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    words = before[cut:].split()[-THRESHOLD_WORDS_BEFORE:]
    if _NEED_BEFORE.search(" ".join(words)) or _NEED_BEFORE.search(claim.text):
        return True
    return bool(_NEED_AFTER.match(sentence[claim.end - offset : claim.end - offset + 60]))


def _sentence_unit(f: ClaimFeatures) -> Key:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    return (f.item.article_id, f.item.sentence_start, (claim.unit_class or "").lower())


def _told_beside(a: ClaimFeatures, b: ClaimFeatures, siblings: dict[Key, list[ClaimFeatures]]) -> bool:
    """True when b's sentence states another figure of its unit class that agrees with a, or lies closer
    to it: a sentence listing several sums ("$3.6 billion from construction projects, along with another
    $2.5 billion") shares its words with all of them, and a's figure is compared with its nearest one."""
    if b.item.sentence_start is None:
        return False
    gap = _gap(a, b)
    return any(
        k.item.claim.start != b.item.claim.start and (agree(a, k) or _gap(a, k) <= gap)
        for k in siblings[_sentence_unit(b)]
    )


def _gap(a: ClaimFeatures, b: ClaimFeatures) -> float:
    """How far apart two figures are, as the log of their ratio (inf when one is not positive)."""
    x, y = a.quantity.low, b.quantity.low
    return abs(math.log(x / y)) if x > 0 and y > 0 else math.inf


MIN_CLOSE_CONTRADICT_CONTEXT = (
    0.2  # two precise figures within CLOSE_RATIO of each other: one thing, told two ways
)
CLOSE_RATIO = 1.5
VAGUE_RATIO = 3  # a range whose ends are further apart than this is vague ("dozens", "billions")
VAGUE_PENALTY = 0.15


BOUNDLESS_RATIO = 50  # "billions" (2-999 billion), "millions": vaguer than "dozens" or "tens of thousands"


def _boundless(f: ClaimFeatures) -> bool:
    return f.low > 0 and f.high / f.low > BOUNDLESS_RATIO


def _vague(f: ClaimFeatures) -> bool:
    return f.low > 0 and f.high / f.low > VAGUE_RATIO


def _open(f: ClaimFeatures) -> bool:
    """A bound ("more than $10,000", "fewer than 40"): it names a floor or a ceiling, not the figure."""
    return f.quantity.direction in ("<", ">")


ROUNDING_SHARE = 0.1  # a round figure stands for values within half its last digit, and at most 10% away
_CURRENCY = frozenset("$\u00a3\u20ac\u00a5")
_DIGITS = re.compile(r"(\d[\d,]*)(?:\.(\d+))?")
# "killed three others": the count leaves out the one the sentence is about ("four people in all")
_OTHERS = re.compile(r"^\s*(?:[a-z-]+\s+)?others?\b", re.I)


def agree(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether two counts can report the same figure, each at the precision it is written with.

    Two figures written as one value compare at the coarser one's precision: "$1.4 billion" stands for
    $1.35-1.45 billion and so agrees with "$1.375 billion", while "$3.5 billion" and "about $3.6 billion",
    both written to the hundred million, disagree, and so do "48 pages" and "47 pages". "Three others"
    agrees with four in all. Ranges, vague amounts ("dozens") and bounds ("more than 40") agree when
    their intervals overlap.
    """
    sa, sb = step(a), step(b)
    if sa is None or sb is None:
        return a.low <= b.high and b.low <= a.high
    va, vb = a.quantity.low, b.quantity.low
    if va == vb or _one_left_out(a, vb) or _one_left_out(b, va):
        return True
    rounded = va if sa >= sb else vb
    return abs(va - vb) < min(max(sa, sb) / 2, ROUNDING_SHARE * abs(rounded))


def step(f: ClaimFeatures) -> float | None:
    """The unit of the last digit a single figure is written to ("$1.4 billion": 100 million; "60,000":
    10,000; "48" or "six": 1), None for a range, a vague amount or a bound."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    value = claim.low
    if claim.low != claim.high or claim.direction in ("<", ">") or value <= 0 or not math.isfinite(value):
        return None
    written = written_number(claim)
    m = _DIGITS.search(written)
    if m is None:  # number words ("six", "two million") or no number span: trailing zeros of the value
        if claim.approximate and written and not _NUMBER_WORD.search(written):
            return None  # "dozens", "hundreds": vague, compared as ranges
        return _zeros(value)
    whole, decimals = m.group(1).replace(",", ""), m.group(2)
    shown = float(f"{whole}.{decimals}") if decimals else float(whole)
    if shown <= 0:
        return None
    scale = value / shown  # "billion", "million", "k"
    if decimals:
        return scale * 10.0 ** -len(decimals)
    return scale * _zeros(float(whole))


# a figure as written in a claim's words: "$1.375 billion", "55,000", "2.5 million"
_WRITTEN = re.compile(
    r"[$\u00a3\u20ac\u00a5]?\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion|trillion|thousand|[mbk]n?)\b)?",
    re.I,
)


def written_number(claim: QuantityClaim) -> str:
    """The figure as the article writes it: the extractor's number span, else (a claim rebuilt from the
    database keeps only its words) the first figure in the claim's words; "" when there is none."""
    if claim.number is not None:
        return claim.number.text
    m = _WRITTEN.search(claim.text or "")
    return m.group().strip() if m else ""


_NUMBER_WORD = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|a dozen)\b",
    re.I,
)


def _zeros(value: float) -> float:
    """10 ** (trailing zeros of an integer value): 60000 -> 10000, 48 -> 1, 0.5 -> 1."""
    if not float(value).is_integer():
        return 1.0
    n, unit = int(value), 1.0
    while n and n % 10 == 0:
        n //= 10
        unit *= 10
    return unit


def _one_left_out(f: ClaimFeatures, other: float) -> bool:
    """True when `f` counts "N others" and `other` is N + 1 (the one the sentence is about, plus them)."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    if other != claim.low + 1:
        return False
    number = claim.number
    if number is None:  # a claim rebuilt from the database: its words start at its figure ("three others")
        words = (claim.text or "").split(maxsplit=1)
        after = words[1] if len(words) == 2 else _after(f, claim.end)
        return bool(_OTHERS.match(after[:40]))
    after = _after(f, number.end)
    if not after:
        after = claim.text[claim.text.find(number.text) + len(number.text) :]
    return bool(_OTHERS.match(after[:40]))


def _after(f: ClaimFeatures, end: int) -> str:
    """The words of the claim's sentence after article offset `end`, "" when the sentence is not known."""
    offset = f.item.sentence_start
    if offset is not None and offset <= end <= offset + len(f.item.sentence):
        return f.item.sentence[end - offset :]
    return ""


# "the 48-page indictment", "a 10-year sentence": the figure and its unit size the noun that follows
_SIZED = re.compile(
    r"^[$\u00a3\u20ac]?\d[\d,.]*(?:\s*(?:million|billion))?-[a-z]+(?:-[a-z]+)*\s+([a-z]{3,})\b"
)


def _measured(f: ClaimFeatures) -> str | None:
    """The thing a compound figure sizes ("48-page indictment" -> indictment), None for other figures.

    Two close figures sizing the same thing in one event ("48-page" / "47-page indictment") are one
    document told two ways, whatever else their sentences say.
    """
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    start, offset = claim.number.start if claim.number else claim.start, f.item.sentence_start
    if offset is None or not offset <= start <= offset + len(f.item.sentence):
        return None  # stored claims keep no number span: the claim's own span starts at its number
    m = _SIZED.match(f.item.sentence[start - offset : start - offset + 80])
    return None if m is None else next(iter(terms(m.group(1))), None)


# "97-1", "97 - 1", "97 to 1", "97 votes to 1": the extractor stores a tally however it is written as one
# claim of the votes for, its span holding both figures.
_TALLY = re.compile(r"\b(\d{1,3})(?:\s?[-\u2013]\s?|\s+(?:votes?\s+)?to\s+)(\d{1,3})\b")


def _other_wholes(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two shares ("% arrests", "% voters") whose units name different wholes; a share that names
    none ("a two-thirds majority": "%") may be of either."""
    if _unit_class(a) != "share":
        return False
    wholes = [" ".join(terms(f.quantity.unit or "")) for f in (a, b)]
    return all(wholes) and wholes[0] != wholes[1]


def _tally(f: ClaimFeatures) -> tuple[str, str] | None:
    """The for and against figures of a vote tally ("a 97-1 vote", "the final tally was 97-1"), None for
    other figures. One event's two tallies with both figures the same are one vote told two ways, however
    little else their sentences share; "97-1" and "97-2" are two votes."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    if (claim.unit_class or "").lower() != "vote":
        return None
    m = _TALLY.search(claim.text)
    return None if m is None else (m.group(1), m.group(2))


# Rates: a story's percentages are all small numbers close to one another ("a 4.5% increase in spending",
# "a 3.2% rise in property tax", "inflation was 5.8%"), so two of them being close says nothing of their
# being one figure told two ways: their conflict needs nearly the same sentence, as far-apart figures do.
_RATES = frozenset(("percentage", "percentage point"))


def _rate(f: ClaimFeatures) -> bool:
    return (f.quantity.unit_class or "").lower() in _RATES


def _close_figures(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Two single precise figures in the same range (48 / 47 pages, $3.5 / $3.6 billion)."""
    if step(a) is None or step(b) is None:
        return False
    va, vb = sorted((a.quantity.low, b.quantity.low))
    return va > 0 and vb / va <= CLOSE_RATIO


def rationale(a: ClaimFeatures, b: ClaimFeatures, relation: str, day_of: DayOf) -> str:
    """The line an editor reads for a count link: both values, each outlet's words, the day."""
    line = _agree_line(a, b) if relation == "corroborates" else _conflict_line(a, b)
    return line + _when(a, b, day_of)


def _block_keys(f: ClaimFeatures) -> list[Key]:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    if f.item.event_id is None:
        return []  # without an event there is no telling that two counts describe one happening
    keys: list[Key] = [(f.item.event_id, claim.unit_class.lower())] if claim.unit_class else []
    if claim.low == claim.high and listed(f):
        keys.append((f.item.event_id, "listed", claim.low))
    if _people(f):
        keys.append((f.item.event_id, "people", claim.low))
    return keys


# One group of people counted under two nouns for them: "nearly 90 professors and administrators" /
# "nearly 90 faculty members and priests" signing one letter. The same figure written the same way (the
# same qualifier, one value, at least GROUP_MIN_FIGURE: "two officials" and "two members" are everywhere)
# and a shared context stand for one group; the nouns are each outlet's word for its people.
PEOPLE_NOUNS = frozenset(
    """member faculty professor administrator priest scholar academic teacher student staff staffer employee
    worker official officer lawmaker legislator senator representative delegate voter resident citizen
    activist protester demonstrator signatory signer person people individual doctor nurse clergy
    theologian leader economist scientist expert researcher lawyer volunteer supporter""".split()  # noqa: SIM905
)
GROUP_MIN_FIGURE = 10
GROUP_CONFIDENCE = 0.6  # below the sure band: the nouns differ, the figure and the context match


def _people(f: ClaimFeatures) -> bool:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    words = (claim.unit_class or "").lower().split()
    return bool(words) and words[-1] in PEOPLE_NOUNS and claim.low == claim.high >= GROUP_MIN_FIGURE


def _words(f: ClaimFeatures) -> frozenset[str]:
    """The context without the count's own words ("nearly 40 nurses"): the figure and its qualifier two
    group counts share say nothing of the group."""
    own = one_name(frozenset(terms(f.item.claim.text)))
    return _context(f) - _figures(f) - own


def one_group(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two counts of people under two nouns written alike: one figure, the same qualifier
    ("nearly 90" / "nearly 90", "312" / "312"), not a bound or a range."""
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, QuantityClaim) and isinstance(cb, QuantityClaim)
    return (
        _people(a)
        and _people(b)
        and ca.low == cb.low
        and ca.approximate == cb.approximate
        and ca.direction == cb.direction
        and not (_open(a) or _open(b))
    )


def _unit_class(f: ClaimFeatures) -> str:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    return (claim.unit_class or "").lower()


# One count of the same items under two nouns: "ran on four promises: lower fares, ..." / "made four
# pledges - lower fares; ...". The items listed after the count say what is counted better than the noun
# each outlet chose for them.
LIST_SHARE = 0.6  # of the shorter list's words, the other list must give
LIST_MIN_SHARED = 3  # ... and at least this many: "two reasons: cost" lists too little to compare
LIST_CONFIDENCE = 0.7  # below the sure band: the nouns differ, only the items match
_LIST_OPENS = re.compile(r"^\s*(?::|[\u2014\u2013]|--?\s)")


def listed(f: ClaimFeatures) -> frozenset[str]:
    """The words of the items a count introduces when its sentence goes on to list them after a colon or
    a dash ("four promises: ..."), else none."""
    claim, offset = f.item.claim, f.item.sentence_start
    if offset is None:
        return frozenset()
    rest = f.item.sentence[claim.end - offset :]
    if not _LIST_OPENS.match(rest):
        return frozenset()
    return one_name(frozenset(terms(rest)))


def same_list(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for one exact count whose two sentences list the same items after it (LIST_SHARE of the
    shorter list's words, LIST_MIN_SHARED at least), whatever noun each gives them."""
    if not (a.low == a.high == b.low == b.high):
        return False
    la, lb = listed(a), listed(b)
    shared = la & lb
    return len(shared) >= LIST_MIN_SHARED and len(shared) >= LIST_SHARE * min(len(la), len(lb))


def _context(f: ClaimFeatures) -> frozenset[str]:
    """Context words minus the unit itself (two "soldiers" counts share the unit by construction), each
    thing under one name ("vessels" as "ships", "aboard" as "board": `one_name`)."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    unit = one_name(frozenset(terms(" ".join(x for x in (claim.unit, claim.unit_class) if x))))
    words = one_name(f.context | frozenset(terms(claim.counted or "")))
    return words - unit - _SCALE_WORDS | f.names | _figures(f)


_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(f: ClaimFeatures) -> frozenset[str]:
    """The other figures its sentence states ("#1.6", "#2000"): two sentences giving one count against the
    same reference ("about one-third of the 1.6 million arrests in 2000" / "from a peak of 1.6 million in
    the 2000 fiscal year") are about one thing, whatever words each uses. Single digits say nothing."""
    claim, offset, sentence = f.item.claim, f.item.sentence_start, f.item.sentence
    own = (claim.start - offset, claim.end - offset) if offset is not None else (-1, -1)
    return frozenset(
        "#" + m.group().replace(",", "")
        for m in _FIGURE.finditer(sentence)
        if len(m.group()) > 1 and not (own[0] <= m.start() < own[1])
    )


# part of how a figure is written ("$3.6 billion"), not of what it counts
_SCALE_WORDS = frozenset(
    terms("hundred hundreds thousand thousands million millions billion billions trillion")
)


def other_time(a: ClaimFeatures, b: ClaimFeatures, day_of: DayOf) -> bool:
    """True when the two sentences state months or days that cannot be the same day (different
    happenings); years alone are not compared."""
    # a bare year dates the background more often than the happening ("dating back to 2015")
    da = [d for d in day_of.get((a.item.article_id, a.item.sentence_start), ()) if len(d) >= 7]
    db = [d for d in day_of.get((b.item.article_id, b.item.sentence_start), ()) if len(d) >= 7]
    if not da or not db:
        return False
    return not any(_close(x, y) for x in da for y in db)


def _close(x: str, y: str, days: int = 10) -> bool:
    """True when dates x and y (YYYY, YYYY-MM or YYYY-MM-DD) can lie within `days` of each other
    ("on Monday" dates the speaking, "on Saturday" the landing: both belong to one event)."""
    if x.startswith(y) or y.startswith(x):
        return True
    if len(x) == len(y) == 10:
        return abs((dt.date.fromisoformat(x) - dt.date.fromisoformat(y)).days) <= days
    return False


def _when(a: ClaimFeatures, b: ClaimFeatures, day_of: DayOf) -> str:
    """ ", 2019-03-23" when a sentence of the pair dates the counted happening, else ""."""
    days = day_of.get((a.item.article_id, a.item.sentence_start), ()) or day_of.get(
        (b.item.article_id, b.item.sentence_start), ()
    )
    return f", {max(days, key=len)}" if days else ""


def show(f: ClaimFeatures) -> str:
    """A quantity as an editor reads it: a figure as written ("about $3.6 billion", "55,000 page", "more
    than $250,000"), a vague amount in its words with its range ("dozens of troops (24-199)")."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    unit = claim.unit_class or claim.unit or ""
    written = " ".join(written_number(claim).split())
    if not written:  # number words: "six", "a dozen relatives", "dozens of troops"
        words = " ".join(fold(claim.text).split())
        if claim.low == claim.high:
            return (
                words
                if len(words) <= SHORT_WORDS
                else f"{_num(claim.low)} {_plural(unit, claim.low)}".strip()
            )
        if len(words) <= SHORT_WORDS:
            return f"{words} ({_num(claim.low)}-{_num(claim.high)})"
    amount = written if written[:1] in _CURRENCY else f"{written} {_plural(unit, claim.low)}".strip()
    if claim.direction in (">", "<") and claim.low == claim.high:
        return f"{'more' if claim.direction == '>' else 'less'} than {amount}"
    if step(f) is not None:
        return f"about {amount}" if claim.approximate or claim.direction == "~" else amount
    return f"{_num(claim.low)}-{_num(claim.high)} {_plural(unit, 2)}".strip()


SHORT_WORDS = 30  # a claim's own words this short name the figure ("a dozen relatives"); longer, a sentence


_SAME_PLURAL = frozenset(
    ["aircraft", "personnel", "equipment", "staff", "police", "people", "sheep", "fish", "deer"]
)


def _plural(unit: str, value: float) -> str:
    """ "page" -> "pages" for a count other than one ("year of age" -> "years of age")."""
    if value == 1 or not unit:
        return unit
    head, _, rest = unit.partition(" ")
    if not head.isalpha() or head.endswith("s") or head in _SAME_PLURAL:
        return unit
    head = head[:-1] + "ies" if head.endswith("y") and head[-2:-1] not in "aeiou" else head + "s"
    return f"{head} {rest}".strip()


def _agree_line(a: ClaimFeatures, b: ClaimFeatures) -> str:
    if a.low == a.high == b.low == b.high or show(a) == show(b):
        return f"both: {show(a)}: {_sides(a, b)}"
    sa, sb = step(a), step(b)
    if sa is not None and sb is not None and a.quantity.low == b.quantity.low:
        shown = show(a) if show(a) == show(b) else f"{show(a)} / {show(b)}"
        return f"both: {shown}: {_sides(a, b)}"
    for others, in_all in ((a, b), (b, a)):
        if _one_left_out(others, in_all.quantity.low):  # "three other councillors" / "four councillors"
            return f"{show(others)} and the one named: {show(in_all)} in all: {_sides(a, b)}"
    if sa is not None and sb is not None:  # one figure rounded, the other precise
        rounded, precise = (a, b) if sa >= sb else (b, a)
        return f"{show(precise)} rounds to {show(rounded)}: {_sides(a, b)}"
    inner, outer = (a, b) if a.high - a.low <= b.high - b.low else (b, a)
    return f"{show(inner)} within {show(outer)}: {_sides(a, b)}"


def _conflict_line(a: ClaimFeatures, b: ClaimFeatures) -> str:
    out_a, out_b = source_name(a.item, "one outlet"), source_name(b.item, "another outlet")
    return (
        f"{out_a}: {show(a)} vs {out_b}: {show(b)} for the same thing, a conflict: "
        f"\u201c{_excerpt(a)}\u201d / \u201c{_excerpt(b)}\u201d"
    )


def _sides(a: ClaimFeatures, b: ClaimFeatures) -> str:
    """Each outlet with the words around its figure, side by side."""
    out_a, out_b = source_name(a.item, "one outlet"), source_name(b.item, "another outlet")
    return f"{out_a} \u201c{_excerpt(a)}\u201d / {out_b} \u201c{_excerpt(b)}\u201d"


EXCERPT_CHARS = 60


def _excerpt(f: ClaimFeatures) -> str:
    """The words around the figure in its sentence (what it counts, what for), cut at word boundaries;
    the claim's own words when its place in the sentence is not known."""
    claim = f.quantity
    offset, sentence = f.item.sentence_start, f.item.sentence
    if offset is not None and offset <= claim.start and claim.end <= offset + len(sentence):
        text, at = sentence, claim.start - offset
    else:
        text = claim.text
        number = claim.number
        at = max(0, text.find(number.text)) if number else 0
    start = max(0, at - EXCERPT_CHARS // 3)
    if start:
        start = text.find(" ", start) + 1 or start
    end = text.rfind(" ", start, start + EXCERPT_CHARS) if len(text) > start + EXCERPT_CHARS else len(text)
    piece = text[start : end if end > at else start + EXCERPT_CHARS]
    piece = " ".join(fold(piece).split()).rstrip(",;: ")
    return ("\u2026" if start else "") + piece + ("\u2026" if end < len(text) else "")


def _num(x: float) -> str:
    """A figure as news writes it: "2 billion", "250,000", "1.5"."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if abs(x) >= scale:
            return f"{x / scale:g} {word}"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:g}"


# Words news uses for one counted thing under two names: a count of either is a count of the class.
_SAME_THING = {stem(w): c for w, c in (("apprehension", "arrest"), ("apprehensions", "arrest"))}
IMPLIED_UNIT_WORDS = 12  # how far back in its sentence a bare figure's noun may stand
_FIGURE_OR_BREAK = re.compile(r"\d|[;:]")


def with_implied_units(items: Sequence[LinkableClaim]) -> list[LinkableClaim]:
    """The claims, each bare figure of an event ("to 400,000 in the last fiscal year", "among the
    thousands that have been turned over") given the unit its sentence names before it: the nearest word
    within IMPLIED_UNIT_WORDS that is what another count of the event counts ("border apprehensions have
    fallen ... to 400,000" counts arrests when the event counts arrests). Figures with a unit, figures
    outside an event, or with no such word, are returned as they are."""
    vocab: dict[Hashable, dict[str, str]] = defaultdict(dict)  # event -> stem of a unit word -> class
    for item in items:
        claim = item.claim
        if isinstance(claim, QuantityClaim) and claim.unit_class and item.event_id is not None:
            for word in terms(" ".join(x for x in (claim.unit, claim.counted) if x)):
                vocab[item.event_id].setdefault(word, claim.unit_class)
    out = []
    for item in items:
        claim = item.claim
        if isinstance(claim, QuantityClaim) and not claim.unit_class and item.event_id in vocab:
            noun = _noun_before(item, vocab[item.event_id])
            if noun is not None:
                word, unit_class = noun
                item = replace(item, claim=replace(claim, unit=word, unit_class=unit_class))
        out.append(item)
    return out


def _noun_before(item: LinkableClaim, vocab: dict[str, str]) -> tuple[str, str] | None:
    """(word, unit class) of the nearest word before the figure, in its clause, that the event counts."""
    claim, offset = item.claim, item.sentence_start
    if offset is None or not offset <= claim.start <= offset + len(item.sentence):
        return None
    before = item.sentence[: claim.start - offset]
    cut = max((m.end() for m in _FIGURE_OR_BREAK.finditer(before)), default=0)
    words = before[cut:].split()[-IMPLIED_UNIT_WORDS:]
    for word in reversed(words):
        for key in terms(word):
            unit_class = vocab.get(key) or _SAME_THING.get(key)
            if unit_class and (unit_class in vocab.values()):
                return word.strip(".,;:\"'\u201c\u201d()").lower(), unit_class
    return None
