"""Where the speaker's words of a statement stand inside its span, for the article page's highlight.

A quote run that its attribution interrupts ('"We are ready," Hale said. "The crews know it."') is stored
with the whole run as its span and the speaker's words alone as `words`, its parts joined with " ... "
(`claims.extraction.statements.fragments`). The page marks the parts, not the writer's "Hale said" between
them: each part is found again in the span, in order, whatever whitespace or quotation marks stand between
its words.
"""

from __future__ import annotations

import re

JOINER = " ... "
# Between two words of one part: whitespace, or the quotation marks and line breaks of a quote that runs on
# across paragraphs ('... strike."\n\n"The crews ...' is one part, its fragments joined by a space).
_GAP = "(?:\\s|[\"\u201c\u201d\u201e\u00ab\u00bb]|'')+"


def word_pieces(span: str, words: str) -> list[tuple[int, int]] | None:
    """Offsets into `span` of each part of `words` (the parts joined with " ... "), in order; None when
    `words` is blank, has one part only, or a part is not found in order (the words were edited): the
    caller then marks the whole span."""
    parts = [p for p in words.split(JOINER) if p.strip()] if words else []
    if len(parts) < 2:
        return None
    pieces: list[tuple[int, int]] = []
    at = 0
    for part in parts:
        tokens = part.split()
        pattern = _GAP.join(re.escape(t) for t in tokens)
        match = re.compile(pattern).search(span, at)
        if match is None:
            return None
        pieces.append((match.start(), match.end()))
        at = match.end()
    return pieces
