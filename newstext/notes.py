"""Corrections and editor's notes: passages about the article rather than about the news.

A note is a paragraph (or a bracketed passage) that opens the way newsrooms open them: "Correction:",
"Clarification:", "Editor's note:", "CORRECTION (March 3) -", "An earlier version of this story ...",
"This article has been corrected to ...". It stays in the stored text, marked with its span and kind.

A correction states the fact it retracts ("An earlier version of this article said 200 soldiers had
landed"; "... that Fowler calls for a process, not that he calls for a successor"): `retracted` gives
those parts, which are no claim of the article. What the note says is right stays a claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .sentences import sentence_spans
from .span import Span

_LABEL = r"(?P<label>corrections?(?:\s+appended)?|clarifications?|editor['\u2019]?s['\u2019]?\s+notes?|note\s+to\s+readers)"
# A paragraph opening with a label and a colon or dash, maybe a date in brackets between.
_LABELLED = re.compile(
    rf"^[ \t\u00a0*_>\[(]*{_LABEL}\s*(?:\([^()\n]{{0,40}}\)\s*)?(?:[:.\u2013\u2014]|\s-)",
    re.IGNORECASE,
)
# A paragraph that speaks of an earlier version of the article, or says the article was corrected.
_ABOUT_ARTICLE = re.compile(
    r"^[ \t\u00a0*_>\[(]*(?:(?:an|the)\s+(?:earlier|previous|original)\s+version\s+of\s+this"
    r"|this\s+(?:article|story|report|post|piece)\s+(?:has\s+been|was|is\s+being)\s+"
    r"(?:corrected|amended|clarified|updated\s+to\s+correct))\b",
    re.IGNORECASE,
)
# A bracketed note inside a paragraph: "[Correction: ...]", "(Editor's note: ...)".
_BRACKETED = re.compile(rf"[\[(]\s*{_LABEL}\s*:[^\[\]()]*[\])]", re.IGNORECASE)


# Every note holds one of these words, in its label ("Correction", "Clarification", "Editor's note",
# "Note to readers") or in its words about the article ("an earlier version of this", "corrected",
# "amended", "clarified"): a text with none has no note, which the import (it records the notes of
# every text it stores) learns with a few substring searches instead of the patterns on each paragraph.
# The patterns ignore case as Python's re does, which also matches these four letters to ASCII ones
# (re's documentation); str.lower() does not, so a text holding one takes the patterns' way.
_NOTE_WORDS = ("correct", "clarifi", "note", "version", "amended")
_FOLDED_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _may_hold_a_note(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _NOTE_WORDS) or any(c in text for c in _FOLDED_TO_ASCII)


# A sentence telling what an earlier version said: all of it is the retracted fact.
_EARLIER_VERSION = re.compile(
    r"\b(?:earlier|previous|original)\s+version\s+of\s+this\b|\b(?:incorrectly|wrongly|mistakenly|erroneously)\b",
    re.IGNORECASE,
)
# "..., not that he calls for ...", "... three cranes, not five", "rather than ...": the rest is retracted.
_NOT_THIS = re.compile(r"(?:,\s*|\s)(?:not|rather\s+than|instead\s+of)\s+\S", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Note:
    span: Span
    kind: str  # "correction", "clarification", "editor_note"
    retracted: tuple[Span, ...] = ()  # the parts that state what the article got wrong


def _retracted(text: str, start: int, end: int, label_end: int) -> tuple[Span, ...]:
    """The label and the retracting parts of the note at text[start:end] (see the module docstring)."""
    spans = [(start, label_end)] if label_end > start else []
    for a, b in sentence_spans(text[start:end]):
        a, b = start + a, start + b
        sentence = text[a:b]
        if _EARLIER_VERSION.search(sentence):
            spans.append((max(a, label_end), b))
        elif m := _NOT_THIS.search(sentence):
            spans.append((a + m.start(), b))
    out = []
    for a, b in spans:
        while a < b and (text[a].isspace() or text[a] == ","):
            a += 1
        if a < b:
            out.append(Span(a, b, text[a:b]))
    return tuple(out)


def _kind(label: str | None) -> str:
    label = (label or "correction").lower()
    if label.startswith("clarification"):
        return "clarification"
    if label.startswith(("editor", "note")):
        return "editor_note"
    return "correction"


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for m in re.finditer(r"[^\n]+(?:\n(?![ \t\u00a0]*\n)[^\n]+)*", text):
        a, b = m.span()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            yield a, b


def find_notes(text: str) -> list[Note]:
    """The corrections and editor's notes in `text`, in order, with stored-text spans."""
    notes: list[Note] = []
    if not _may_hold_a_note(text):
        return notes
    for a, b in _paragraphs(text):
        paragraph = text[a:b]
        if m := _LABELLED.match(paragraph):
            kind = _kind(m.group("label"))
            retracted = _retracted(text, a, b, a + m.end()) if kind != "editor_note" else ()
            notes.append(Note(Span(a, b, paragraph), kind, retracted))
        elif _ABOUT_ARTICLE.match(paragraph):
            notes.append(Note(Span(a, b, paragraph), "correction", _retracted(text, a, b, a)))
        else:
            for m in _BRACKETED.finditer(paragraph):
                start, end = a + m.start(), a + m.end()
                kind = _kind(m.group("label"))
                retracted = _retracted(text, start, end, start) if kind != "editor_note" else ()
                notes.append(Note(Span(start, end, text[start:end]), kind, retracted))
    return notes


def as_records(notes: list[Note]) -> list[dict[str, object]]:
    """Notes as the article stores them: start, end, kind and the [start, end] of each retracted part."""
    return [
        {
            "start": n.span.start,
            "end": n.span.end,
            "kind": n.kind,
            "retracted": [[r.start, r.end] for r in n.retracted],
        }
        for n in notes
    ]


def note_records(text: str) -> list[dict[str, object]]:
    """The notes of a stored text as the article stores them (the import records them; so does extraction)."""
    return as_records(find_notes(text))
