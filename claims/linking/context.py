"""The sentence around a claim: the context the linker compares claims in."""

from __future__ import annotations

import re
from functools import lru_cache

from newstext.sentences import sentence_spans as sentence_spans  # the one splitter, re-exported


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the sentence(s) of `text` that hold text[start:end]; sentences a scraper glued
    together ("the wall.Mr. Trump will", "was 97-1.Senate leaders") count as two."""
    spans = _sentences(text)
    s = max((a for a, _ in spans if a <= start), default=0)
    e = min((b for _, b in spans if b >= max(end, s)), default=len(text))
    return s, text[s:e]


# A title or an initial before a name is no sentence end: "two days after the report, Mrs. Clinton wrote".
_TITLE_END = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Prof|Rev|Hon|Fr|Sr|Jr|St)|"
    r"(?<![\w.])[A-Z])\.$"
)


def _joined(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The splitter's sentences, a piece ending in a title or an initial ("Mrs.", "A.") joined to the
    next one on the same line: the name that follows belongs to the sentence."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and _TITLE_END.search(text, out[-1][0], out[-1][1]) and "\n" not in text[out[-1][1] : a]:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


@lru_cache(maxsize=512)
def _sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentence spans of `text`, titles joined (glued ones are cut apart by the splitter). Cached: the linker asks for
    the sentence of every claim, a dozen or more per article, and splitting the whole text was most of
    that cost."""
    return tuple(_joined(text, sentence_spans(text)))  # the splitter cuts glued sentences apart itself


# An article telling of a later round of something that recurs: "those who had arrived at the beginning
# of the year left and a new team came", "a fresh contingent landed". What it says arrived is that round.
_LATER_ROUND = re.compile(
    r"\b(?:a|the)\s+(?:new|fresh|second|third|next|replacement)\s+"
    r"(?:team|group|contingent|rotation|crew|wave|shift|deployment)s?\b"
    r"|\breplac(?:e|ed|es|ing)\s+(?:the|those|them|the\s+previous|the\s+earlier)\b",
    re.I,
)


def later_round(text: str) -> bool:
    """True when the article tells of a later round (a new team, a fresh contingent, replacing those
    before): its arrivals are a later happening than the same arrivals told with no such words."""
    return bool(_LATER_ROUND.search(text))
