"""The sentence around a claim: the context the linker compares claims in."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"\u201d\u2019)]*\s+|\n+")


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the sentence(s) of `text` that hold text[start:end]."""
    s = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        s = m.end()
    m = _SENTENCE_END.search(text, max(end - 1, s))
    e = m.start() if m else len(text)
    return s, text[s:e]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence of `text`, split where `sentence_around` splits."""
    spans = []
    s = 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((s, m.start()))
        s = m.end()
    spans.append((s, len(text)))
    out = []
    for start, end in spans:
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((start + lead, start + len(piece.rstrip())))
    return out
