"""Per-claim features the link rules compare: context terms, names, speaker keys, polarity, range."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from ..types import LinkableClaim
from .text import fold, name_keys, names, terms

# Reporting verbs that deny what follows ("refuted claims that ..."): the content is denied.
_DENIAL_CUES = re.compile(
    r"\b(den(?:y|ied|ies|ying)|refut\w*|reject\w*|dismiss\w*|rebuff\w*|disput\w*|debunk\w*|"
    r"contradict\w*|rul(?:ed|es|ing) out)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|no|never|none|neither|nor|cannot|without)\b|n['’]t\b",
    re.I,
)
# "not A, but B" asserts B: the negation is a contrast, not a denial of the claim.
_CONTRAST = re.compile(r"\bnot\b[^.;]*?,?\s+but\b", re.I)


@dataclass(slots=True)
class ClaimFeatures:
    item: LinkableClaim
    content: frozenset[str]  # stemmed content words of the claim text
    context: frozenset[str]  # content words of the whole sentence
    names: frozenset[str]  # capitalised names in the sentence
    speaker: frozenset[str]  # keys of the speaker's name (full and last word), empty when unnamed
    source: frozenset[str]  # keys of the upstream source ("according to X"), empty when none
    denied: bool
    low: float = 0.0
    high: float = 0.0


def features(item: LinkableClaim) -> ClaimFeatures:
    """The features of one claim, computed once per suggest_links call."""
    claim = item.claim
    text = claim.text or item.sentence
    speaker: set[str] = set()
    source: set[str] = set()
    denied = False
    low = high = 0.0
    if isinstance(claim, StatementClaim):
        speaker = name_keys(claim.speaker) if claim.speaker else set()
        source = name_keys(claim.attribution) if claim.attribution else set()
        denied = claim.polarity == "denied" or is_denial(text, item.sentence)
    elif isinstance(claim, QuantityClaim):
        source = name_keys(claim.source) if claim.source else set()
        low, high = quantity_range(claim)
    return ClaimFeatures(
        item=item,
        content=frozenset(terms(text)),
        context=frozenset(terms(item.sentence)) | frozenset(terms(text)),
        names=frozenset(names(item.sentence)),
        speaker=frozenset(speaker),
        source=frozenset(source),
        denied=denied,
        low=low,
        high=high,
    )


def quantity_range(claim: QuantityClaim) -> tuple[float, float]:
    """The interval a quantity claim allows: "more than 40" is [40, inf), "fewer than 10" [0, 10]."""
    low, high = min(claim.low, claim.high), max(claim.low, claim.high)
    if claim.direction == ">":
        high = math.inf
    elif claim.direction == "<":
        low = 0.0
    elif (claim.direction == "~" or claim.approximate) and low == high:
        # "about 100": news rounding allows roughly ten percent either way
        low, high = low * 0.9, high * 1.1
    return low, high


def is_denial(content: str, sentence: str) -> bool:
    """True when the sentence denies the content: a denial verb before it, or a negation inside it.

    "not A, but B" is a contrast that asserts B, so it does not count as a denial.
    """
    content_f, sentence_f = fold(content), fold(sentence)
    at = sentence_f.find(content_f[:40]) if content_f else -1
    before = sentence_f[:at] if at > 0 else ""
    if _DENIAL_CUES.search(before) or _DENIAL_CUES.search(content_f[:60]):
        return True
    if _CONTRAST.search(content_f):
        return False
    return bool(_NEGATION.search(content_f))


def date_interval(claim: DateClaim) -> tuple[str, str]:
    """(first, last) day the claimed value can mean, as ISO strings that compare in order."""
    parts = claim.value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{claim.value}-01", f"{claim.value}-31"
    return claim.value, claim.value
