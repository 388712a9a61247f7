"""Sentence splitting by punctuation and line breaks, with offsets.

A sentence ends at . ! ? or an ellipsis (maybe followed by closing quotes or brackets) before white space and a
capital letter or digit (maybe after an opening quote or bracket), and at every line break. Quick
and language-light: the extraction has spaCy's parse for finer work; this serves the import, the
stance features and the page that shows a claim in its sentence.
"""

from __future__ import annotations

import re

# The gap between two sentences: what follows the end mark up to where the next sentence starts.
_BREAK = re.compile("(?<=[.!?\u2026])[\"'\u201d\u2019)\\]]*\\s+(?=[\"'\u201c\u2018(\\[]?[A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`, white space around it left out, in order."""
    spans = []
    pos = 0
    for m in _BREAK.finditer(text):
        spans.append((pos, m.start() if m.group().isspace() else m.start() + len(m.group().rstrip())))
        pos = m.end()
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
