"""Sentence splitting by punctuation and line breaks, with offsets.

A sentence ends at . ! ? or an ellipsis (maybe followed by closing quotes or brackets) before white space and a
capital letter or digit (maybe after an opening quote or bracket), and at every line break; not at the
full stop of a title or an initial before a name ("Mrs. Clinton", "Gov. Ames", "George W. Bush") or of
an abbreviation before a figure ("No. 2", "Jan. 5"). Two sentences a scraper glued together with no space
("the efforts.On Thursday", '"like this."Mr. Doe said') are two, by the rules of `glue.py`. Quick and language-light: the extraction has
spaCy's parse for finer work; this serves the import, the stance features, the linker and the page that
shows a claim in its sentence.
"""

from __future__ import annotations

import re

from .glue import glued_sentence_starts

# The gap between two sentences: what follows the end mark up to where the next sentence starts.
_BREAK = re.compile("(?<=[.!?\u2026])[\"'\u201d\u2019)\\]]*\\s+(?=[\"'\u201c\u2018(\\[]?[A-Z0-9])|\n+")

# Titles written before a name with a full stop (AP and common news style). "Jr." and "Sr." come after
# a name, where a capital that follows starts the next sentence as often as not, so they are not here.
TITLE_ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Dr", "Prof", "Rev", "Fr", "Hon", "St",
    "Sen", "Sens", "Rep", "Reps", "Gov", "Govs", "Lt", "Gen", "Col", "Maj", "Capt", "Cmdr", "Adm",
    "Sgt", "Cpl", "Pvt", "Supt", "Pres",
)  # fmt: skip
# Abbreviations that end no sentence when a figure follows: "the No. 2 official", "on Jan. 5".
_BEFORE_FIGURE = ("No", "Nos", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")

# A title or a single capital (an initial) closing a piece: the full stop belongs to the name after it.
TITLE_END = re.compile(r"(?<![\w.])(?:(?:" + "|".join(TITLE_ABBREVIATIONS) + r")|[A-Z])\.\Z")
_FIGURE_ABBREVIATION_END = re.compile(r"(?<![\w.])(?:" + "|".join(_BEFORE_FIGURE) + r")\.\Z")


def _ends_in_abbreviation(text: str, start: int, end: int, next_char: str) -> bool:
    """True when the sentence text[start:end] closes on a title or an initial, or on "No." or a month before
    a figure."""
    tail = text[max(start, end - 10) : end]
    return bool(TITLE_END.search(tail)) or (
        next_char.isdigit() and bool(_FIGURE_ABBREVIATION_END.search(tail))
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, white space around it left out, in order. Sentences a
    scraper glued together ("the efforts.On Thursday", '"like this."Mr. Doe said') are two (`glue.py`)."""
    breaks: list[tuple[int, int, bool]] = []  # (end of a sentence, start of the next, may be an abbreviation)
    for m in _BREAK.finditer(text):
        gap = m.group()
        space = gap.isspace() and "\n" not in gap
        breaks.append((m.start() if gap.isspace() else m.start() + len(gap.rstrip()), m.end(), space))
    breaks.extend((end, start, True) for end, start in glued_sentence_starts(text))  # not "Gov.Ames"
    breaks.sort()
    spans = []
    pos = 0
    for end, start, checked in breaks:
        if end < pos or (checked and _ends_in_abbreviation(text, pos, end, text[start : start + 1])):
            continue
        spans.append((pos, end))
        pos = start
    spans.append((pos, len(text)))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def sentences(text: str) -> list[str]:
    """The sentences of `text` as strings (see the module docstring)."""
    return [text[a:b] for a, b in sentence_spans(text)]


def sentence_starts(text: str) -> list[int]:
    """Offsets where sentences start in `text` (0 first, even for empty or blank text)."""
    starts = [a for a, _ in sentence_spans(text)]
    return starts if starts and starts[0] == 0 else [0, *starts]
