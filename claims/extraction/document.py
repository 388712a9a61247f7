"""An article prepared for the extractors: the stored text, the text the NLP reads, and the map between.

The analysis text may differ from the stored one (no-break spaces made plain, curly quotes made
straight, page furniture blanked, a space put into glued words), so every extractor works on
`analysis`/`doc` and turns its spans back with `original()`, which always returns offsets into `text`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc

from newstext.dates import as_date as as_date  # callers name it from here
from newstext.notes import Note

from .types import Span


@dataclass(slots=True)
class ArticleDoc:
    text: str  # as stored; every span handed out points into it
    analysis: str  # what the NLP reads
    offsets: list[int] | None  # offsets[i] = index in `text` of analysis[i]; None when 1:1
    doc: Doc  # spaCy parse of `analysis`
    published: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    furniture: list[Span] = field(default_factory=list)  # stored-text spans that are page furniture
    headline: Span | None = None  # the article's own headline line at the top of the text, if any
    notes: list[Note] = field(default_factory=list)  # corrections and editor's notes, with what they retract
    # Publication-date candidates found outside `text` (header lines the import took off): (date, source)
    candidates: list[tuple[dt.date, str]] = field(default_factory=list)

    def to_text(self, i: int) -> int:
        """Offset in `text` of analysis offset `i` (i may equal len(analysis))."""
        if self.offsets is None:
            return i
        if i >= len(self.offsets):
            return len(self.text)
        return self.offsets[i]

    def original(self, start: int, end: int) -> Span:
        """The stored-text span covering analysis[start:end], without white space at either end.

        Blanked furniture or a blanked headline before a sentence is white space in `analysis`, so a
        span that the parser starts there never reaches into the stored furniture or headline.
        """
        a, b = start, end
        while a < b and self.analysis[a].isspace():
            a += 1
        while b > a and self.analysis[b - 1].isspace():
            b -= 1
        if a < b:
            start, end = a, b
        if self.offsets is None:
            a, b = start, end
        else:
            a = self.to_text(start)
            b = self.to_text(end - 1) + 1 if end > start else a
        return Span(a, b, self.text[a:b])
