"""The per-pair rules of claim scoring: when an extracted claim *finds* a gold claim and when it is *right*.

- found: same kind, same article (the caller groups by both), and the extracted span overlaps the gold
  evidence; a gold claim without offsets (NewsQuant) is found by any claim of its kind in its article.
- quantity right: the extracted [low, high] overlaps the gold value (a number is [v, v]), with a
  relative tolerance of 1e-6 so that 2.5 million parsed as a float still equals 2500000.
- quantity right with unit: right, and the gold unit equals the extracted `unit` or `unit_class`
  after lower-casing and singularising both (`normalise_unit`). A gold unit of null means "no
  unit": it matches when the extracted unit or its class is None, the same either-or rule with None
  compared as a value (the README: "the unit matches when equal").
- date right: the extracted value carries at least the gold precision and agrees on it ("2019-03-23"
  is right for gold "2019-03"; "2019" is not right for gold "2019-03"). With "compare": "month" only
  the month is compared, with "month-day" month and day (the article states no year); but a claim
  that asserts a definite year (`year_known`, true unless the stored precision says the year is not
  known) other than the gold's is wrong there too, and a claim whose year is not known is wrong for
  a gold date without "compare" (the year was there to be found). A stored period ("between June 2011
  and July 2012": `value` its first end, `end_value` its last) is right when either end is right by
  these rules: gold annotates a written period by the end the story dates ("her tenure lasted from 2009
  to 2013" is gold 2009, its start; "messaged between September 2016 and July 2017", where the story
  goes on about the last message, is gold 2017-07), never by a day inside it, so a gold date strictly
  inside the period is not right (the text does not say it).
- statement right: gold speaker named -> the extracted speaker is the same after `normalise_name`;
  gold with `speaker_mention` -> also right when the extracted speaker_mention overlaps it; gold
  speaker null and no speaker_mention (an unnamed source, e.g. "a Venezuelan official") -> right when
  the extracted speaker is None too. Where the gold has a speaker_mention but a null speaker
  (PolNeAR names no canonical speaker), only the mention decides: null there means "not given",
  not "unnamed". The gold "role" is not scored.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:  # the extraction types only name what the rules read; importing them loads spaCy
    from claims.extraction.types import DateClaim, QuantityClaim, Span, StatementClaim

from .gold import GoldClaim, GoldSpan


class Spanned(Protocol):
    """A claim with its span in the article: an extracted claim or a stored one."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


_REL_TOL = 1e-6
_ABS_TOL = 1e-9

# Plurals that no suffix rule recovers.
_IRREGULAR = {
    "feet": "foot",
    "teeth": "tooth",
    "men": "man",
    "women": "woman",
    "children": "child",
    "people": "person",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "knives": "knife",
    "wives": "wife",
    "halves": "half",
    "calves": "calf",
    "shelves": "shelf",
    "leaves": "leaf",
    "thieves": "thief",
    "wolves": "wolf",
    "indices": "index",
    "matrices": "matrix",
    "vertices": "vertex",
    "criteria": "criterion",
    "phenomena": "phenomenon",
}
# Words that end in "s" in the singular (or have no distinct singular).
_INVARIANT = {
    "series",
    "species",
    "news",
    "means",
    "headquarters",
    "aircraft",
    "gas",
    "bus",
    "yes",
    "plus",
}


def singularise(word: str) -> str:
    """`word` (lower-case, one word) in the singular by English suffix rules: planes -> plane,
    tonnes -> tonne, inches -> inch, casualties -> casualty, feet -> foot; already-singular words
    (and words like "celsius", "analysis", "gas") are returned unchanged."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 2 or word in _INVARIANT or not word.endswith("s"):
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "sses", "xes", "zzes")):
        return word[:-2]
    return word[:-1]


def normalise_unit(unit: str | None) -> str | None:
    """`unit` lower-case, whitespace collapsed, each word (split at spaces and hyphens) singular:
    "Pound-Feet" -> "pound-foot", "miles per hour" -> "mile per hour". None stays None."""
    if unit is None:
        return None
    text = " ".join(unit.lower().split())
    parts = re.split(r"([\s-]+)", text)
    return "".join(part if i % 2 else singularise(part) for i, part in enumerate(parts)) or None


def unit_matches(gold_unit: str | None, claim: QuantityClaim) -> bool:
    """True when the gold unit equals the claim's unit or unit_class after `normalise_unit` (see the
    module docstring for a null gold unit)."""
    gold = normalise_unit(gold_unit)
    return gold in (normalise_unit(claim.unit), normalise_unit(claim.unit_class))


def normalise_name(name: str | None) -> str:
    """A speaker name for comparison: accents removed, case folded, "U.S." -> "us", other punctuation
    turned to spaces, a leading "the" dropped: "the U.S. State Department" -> "us state department";
    a middle initial dropped: "Adam L. Braverman" -> "adam braverman" (one person, however written)."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[.'\u2019`]", "", text)  # dots and apostrophes join: U.S. -> us, O'Neill -> oneill
    words = re.sub(r"[^\w]+", " ", text).split()
    if len(words) >= 3:  # a one-letter word between the first and the last is an initial
        words = [words[0], *(word for word in words[1:-1] if len(word) > 1), words[-1]]
    text = " ".join(words)
    return text[4:] if text.startswith("the ") else text


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """True when the half-open spans [a_start, a_end) and [b_start, b_end) share a character."""
    return max(a_start, b_start) < min(a_end, b_end)


def overlap_share(gold: GoldClaim, claim: Spanned) -> float:
    """Characters shared by the gold evidence and the claim span over their union (0 without offsets)."""
    if gold.start is None or gold.end is None:
        return 0.0
    start, end = claim.start, claim.end
    shared = min(gold.end, end) - max(gold.start, start)
    union = max(gold.end, end) - min(gold.start, start)
    return max(shared, 0) / union if union > 0 else 0.0


def is_found(gold: GoldClaim, claim: Spanned) -> bool:
    """True when `claim` (of the gold's kind, in the gold's article) finds `gold`."""
    if gold.start is None or gold.end is None:
        return True
    return overlaps(gold.start, gold.end, claim.start, claim.end)


def _gold_range(value: Any) -> tuple[float, float]:  # a gold value: a number or [low, high]
    if isinstance(value, list | tuple):
        low, high = float(value[0]), float(value[-1])
    else:
        low = high = float(value)
    return min(low, high), max(low, high)


def _le(a: float, b: float) -> bool:
    return a <= b or math.isclose(a, b, rel_tol=_REL_TOL, abs_tol=_ABS_TOL)


def quantity_right(gold: GoldClaim, claim: QuantityClaim) -> bool:
    """True when the claim's [low, high] overlaps the gold value or range."""
    if claim.low is None or claim.high is None:
        return False
    g_low, g_high = _gold_range(gold.value)
    low, high = min(claim.low, claim.high), max(claim.low, claim.high)
    return _le(low, g_high) and _le(g_low, high)


def date_right(gold: GoldClaim, claim: DateClaim) -> bool:
    """True when the claim's value (or, for a period, either end) agrees with the gold value at the gold's
    precision and "compare"; a definite year other than the gold's is always wrong, an unknown year only
    right under "compare"."""
    end_value = getattr(claim, "end_value", None)
    if end_value and _value_right(gold, end_value, getattr(claim, "year_known", True)):
        return True
    return _value_right(gold, claim.value or "", getattr(claim, "year_known", True))


def _value_right(gold: GoldClaim, value: str, year_known: bool) -> bool:
    gold_value = str(gold.value)
    if gold.compare in ("month", "month-day"):
        if year_known and value[:4] != gold_value[:4]:
            return False
    elif not year_known:
        return False
    if gold.compare == "month":
        return len(value) >= 7 and value[5:7] == gold_value[5:7]
    if gold.compare == "month-day":
        return len(value) >= 10 and value[5:10] == gold_value[5:10]
    return len(value) >= len(gold_value) and value[: len(gold_value)] == gold_value


def _mention_overlaps(gold: GoldSpan, mention: Span | None) -> bool:
    return mention is not None and overlaps(gold.start, gold.end, mention.start, mention.end)


def statement_right(gold: GoldClaim, claim: StatementClaim) -> bool:
    """True when the claim names the gold speaker (see the module docstring for the null cases)."""
    if gold.speaker_mention is not None and _mention_overlaps(gold.speaker_mention, claim.speaker_mention):
        return True
    if gold.speaker:
        return normalise_name(gold.speaker) == normalise_name(claim.speaker)
    if gold.speaker_mention is None:
        return not normalise_name(claim.speaker)
    return False


def is_right(gold: GoldClaim, claim: Any) -> bool:
    """True when the claim's value matches the gold value for the gold's kind (units not checked).

    `claim` is of the gold's kind: an extracted claim, or a stored claim with the same fields.
    """
    if gold.kind == "quantity":
        return quantity_right(gold, claim)
    if gold.kind == "date":
        return date_right(gold, claim)
    return statement_right(gold, claim)
