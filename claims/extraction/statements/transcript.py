"""Transcript lines: "WALLACE: Let's start with ..." / "PENCE: Well, ...", each turn a statement of the
speaker its label names.

A broadcast or interview transcript gives each turn a paragraph opened by the speaker's name in capitals
and a colon (inside an opening quote mark when the article quotes the transcript). The parser reads the
label as part of the sentence, so no reporting verb governs the turn. A label counts only when the
article has at least two turns (a transcript), so a kicker ("UPDATE:", "WATCH:") is never a speaker.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors import word_set
from .quotes import QUOTE_MARKS
from .reported import Found, trimmed

LABEL_MAX_WORDS = 3  # "WALLACE", "SEN. TOM HALE"
MIN_TURNS = 2
# Capitalised labels that open a paragraph and name no speaker.
NOT_SPEAKERS = word_set(
    """
    update updated correction clarification editor note breaking exclusive watch read video photos photo
    live related advertisement listen more see also source sources transcript partial full q a
    """
)

# Labels that name a part in the exchange, not a person ("HOST: ...", "MODERATOR: ...").
ROLE_LABELS = word_set(
    "host moderator anchor reporter interviewer audience crowd announcer narrator voice caller"
)


def is_role_label(doc: Doc, start: int, end: int) -> bool:
    """True when the label [start, end) names a part ("HOST", "MODERATOR"), not who took it."""
    return doc[end - 1].lower_ in ROLE_LABELS


def _label(doc: Doc, first: int, end: int) -> tuple[int, int, int] | None:
    """(label start, label end, colon index) when the paragraph [first, end) opens with "NAME:", else None."""
    i = first
    while i < end and (doc[i].is_space or doc[i].text in QUOTE_MARKS):
        i += 1
    start = i
    while i < end and i - start <= LABEL_MAX_WORDS and doc[i].text != ":":
        i += 1
    if i >= end or doc[i].text != ":" or i == start or i - start > LABEL_MAX_WORDS:
        return None
    words = [t for t in doc[start:i] if not t.is_punct]
    if not words or not all(t.text.rstrip(".").isalpha() and t.text.isupper() for t in words):
        return None
    if any(len(t.text.strip(".")) < 2 or t.lower_.strip(".") in NOT_SPEAKERS for t in words):
        return None
    return start, i, i


def find_turns(doc: Doc, paras: list[int]) -> list[Found]:
    """One statement per transcript turn (the rest of its paragraph), its source the label's last word;
    none when the article has fewer than MIN_TURNS labelled paragraphs."""
    bounds: dict[int, list[int]] = {}
    for i in range(len(doc)):  # (the indices alone: no Token need be built)
        bounds.setdefault(paras[i], [i, i])[1] = i + 1
    turns = []
    for first, end in bounds.values():
        label = _label(doc, first, end)
        if label is None:
            continue
        start, stop, colon = label
        content = trimmed(doc, colon + 1, end)
        if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 2:
            continue
        turns.append(
            Found(content, (colon, colon + 1), colon, doc[stop - 1], confidence=0.8, label=(start, stop))
        )
    return turns if len(turns) >= MIN_TURNS else []
