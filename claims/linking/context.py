"""The sentence around a claim: the context the linker compares claims in."""

from __future__ import annotations

from claims.text.sentences import sentence_spans as sentence_spans  # the one splitter, re-exported


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """(offset, text) of the sentence(s) of `text` that hold text[start:end]."""
    spans = sentence_spans(text)
    s = max((a for a, _ in spans if a <= start), default=0)
    e = min((b for _, b in spans if b >= max(end, s)), default=len(text))
    return s, text[s:e]
