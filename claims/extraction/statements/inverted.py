"""Reported statements whose attribution, verb first, interrupts the clause: "The ferry, said Tom Hale, the
mayor, will sail on Monday."

The parser reads such a sentence two ways, both wrong for us: "said" as the main verb with "The ferry" as
its subject and the rest as what was said (so the speaker's name opened the words and the ferry was taken
for the source), or "said" as an aside the reported pass does not reach (nothing stored). The shape is
plain on the tokens, so it is read there: a short noun phrase opening the sentence, a comma, a core
reporting verb, the source (with what stands in apposition to it) and a comma, then the rest of the
clause with a verb of its own. The statement is the whole sentence, its source the name after the verb;
the words (`interrupted_clause`) leave the attribution out: "The ferry ... will sail on Monday".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doccache import verbs
from .cues import is_speech_verb
from .reported import Found, trimmed

FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SOURCE_TAGS = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "PRP", "JJ", "POS", "HYPH", "CD", "."})
FRONT_MAX_TOKENS = 10  # "The new harbour toll for trucks", not a clause
SOURCE_MAX_TOKENS = 6  # "Gov. Tom Hale", "the harbour board's spokeswoman"
APPOSITION_MAX_TOKENS = 12  # ", a spokeswoman for the harbour board,"
CONFIDENCE = 0.9  # a core reporting verb over a clause, as reported_at gives it


def _finite(doc: Doc, start: int, end: int) -> bool:
    return any(t.tag_ in FINITE_TAGS for t in doc[start:end])


def _comma_after(doc: Doc, start: int, end: int) -> int | None:
    return next((j for j in range(start, end) if doc[j].text == ","), None)


def inverted_at(tok: Token, inside_quote: list[bool]) -> Found | None:
    """The statement whose verb-first attribution `tok` interrupts its clause ("The ferry, said Hale, will
    sail"), or None when `tok` does not stand so."""
    if tok.tag_ not in ("VBD", "VBZ", "VBP") or not is_speech_verb(tok) or tok.i < 2:
        return None
    doc, sent = tok.doc, tok.sent
    if doc[tok.i - 1].text != ",":
        return None
    front = trimmed(doc, sent.start, tok.i - 1)
    words = doc[front[0] : front[1]]
    if not 1 <= len(words) <= FRONT_MAX_TOKENS or any(inside_quote[t.i] or t.is_space for t in words):
        return None
    if words[0].pos_ in ("ADP", "SCONJ", "ADV", "CCONJ", "PRON") or _finite(doc, *front):
        return None  # "In March, said Hale, ...", "As it stands, says Hale": no subject opens the clause
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words) or any(t.text == "," for t in words):
        return None
    first_comma = _comma_after(doc, tok.i + 1, min(sent.end, tok.i + 2 + SOURCE_MAX_TOKENS))
    if first_comma is None or first_comma == tok.i + 1:
        return None
    source = doc[tok.i + 1 : first_comma]
    if any(t.tag_ not in SOURCE_TAGS for t in source) or inside_quote[tok.i + 1]:
        return None
    nouns = [t for t in source if t.pos_ in ("PROPN", "NOUN", "PRON")]
    if not nouns:
        return None
    rest = first_comma + 1
    # ", the mayor," / ", a spokeswoman for the harbour board,": a verbless phrase closed by a comma before a
    # verb of the clause is what stands in apposition to the source
    second = _comma_after(doc, rest, min(sent.end, rest + APPOSITION_MAX_TOKENS + 1))
    verbless = second is not None and not any(t.pos_ in ("VERB", "AUX") for t in doc[rest:second])
    if second is not None and verbless and _finite(doc, second + 1, sent.end):
        rest = second + 1
    after = trimmed(doc, rest, sent.end)
    if after[1] - after[0] < 2 or not _finite(doc, *after) or inside_quote[after[0]]:
        return None
    content = (front[0], sent.end)
    while content[1] > content[0] and doc[content[1] - 1].is_space:
        content = (content[0], content[1] - 1)
    return Found(content, (tok.i, tok.i + 1), tok.i, nouns[-1], confidence=CONFIDENCE)


def with_inverted(doc: Doc, inside_quote: list[bool], found: list[Found]) -> list[Found]:
    """`found` with each verb-first interrupting attribution read as such, in place of what the parse made
    of its cue."""
    # inverted_at passes only a speech verb
    inverted = [f for f in (inverted_at(t, inside_quote) for t in verbs(doc) if not inside_quote[t.i]) if f]
    cues = {f.cue_i for f in inverted}
    return [f for f in found if f.cue_i not in cues] + inverted
