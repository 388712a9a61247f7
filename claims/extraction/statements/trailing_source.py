"""A source phrase closing a statement's words (", according to his campaign", ", according to a statement
released by the port authority"): the phrase names who reported the words, so it is no part of them."""

from __future__ import annotations

from spacy.tokens import Doc


def without_trailing_source(doc: Doc, start: int, end: int, quoted: list[bool]) -> int:
    """The end of the words [start, end) before a closing ", according to X" phrase; `end` when no such
    phrase closes them (one in the middle, "The ferry, according to Hale, will sail", stays: the words run
    on after it), and when the phrase is inside a quotation (the speaker's own words, `quoted` marking
    the tokens inside quote marks)."""
    for i in range(end - 2, start, -1):
        tok = doc[i]
        if tok.lower_ != "according" or doc[i + 1].lower_ != "to" or doc[i - 1].text != ",":
            continue
        if quoted[i]:
            return end
        phrase_end = max(tok.right_edge.i, doc[i + 1].right_edge.i) + 1
        if all(t.is_punct or t.is_space for t in doc[phrase_end:end]) and i - 1 > start:
            return i - 1  # the comma before the phrase ends the words
        return end
    return end
