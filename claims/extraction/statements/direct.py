"""Direct quotations as statements: the quote, its reporting cue before or after, and continuations.

A quote is a statement when a reporting verb governs it or stands next to it ("...," she said;
"..." said Maduro; He said: "..."), or when it is a whole sentence (a continuation of the last
speaker). A short quoted phrase inside a sentence with no cue is a scare quote, not a statement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import cue_probability, frame_of, is_speech_verb, lemma_probability
from .quotes import Quote
from .reported import Found, subject_of

SCARE_MAX_WORDS = 3  # quoted phrases this short need a cue that governs them
AFTER_WINDOW = 8  # tokens after the closing mark where "she said" may stand
BEFORE_WINDOW = 25


def _is_cue_word(tok: Token) -> bool:
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    return is_speech_verb(tok) or lemma_probability(tok) >= 0.25 or cue_probability(tok, frame_of(tok)) >= 0.3


def _governs(verb: Token, quote: Quote) -> bool:
    doc = verb.doc
    for tok in doc[quote.start:quote.end]:
        if tok.head.i == verb.i or (verb.i in {a.i for a in tok.ancestors} and not
                                    (quote.start <= tok.head.i < quote.end)):
            return True
    return False


def _cue_for(doc: Doc, quote: Quote, inside: list[bool], paras: list[int]) -> Token | None:
    """The reporting verb that introduces `quote`, or None."""
    close = quote.close_i if quote.close_i is not None else quote.end - 1
    para_open, para_close = paras[quote.open_i], paras[close]
    after: list[Token] = []
    for tok in doc[close + 1:min(len(doc), close + 1 + AFTER_WINDOW)]:
        if paras[tok.i] != para_close or inside[tok.i] or tok.text in (".", "!", "?", ";"):
            break
        after.append(tok)
    before: list[Token] = []
    for tok in reversed(doc[max(0, quote.open_i - BEFORE_WINDOW):quote.open_i]):
        if paras[tok.i] != para_open or inside[tok.i] or tok.text in (".", "!", "?", ";"):
            break
        before.append(tok)
    for tok in after + before:
        if _is_cue_word(tok) and _governs(tok, quote):
            return tok
    # The parse may split "..., he said." off: a cue right after the mark still belongs to the quote.
    for tok in after:
        if _is_cue_word(tok):
            return tok
    if before and before[0].text in (":", ","):
        for tok in before[1:]:
            if _is_cue_word(tok):
                return tok
    return None


def _opens_sentence(doc: Doc, quote: Quote, paras: list[int]) -> bool:
    i = quote.open_i - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i < 0 or paras[i] != paras[quote.open_i] or doc[i].text in (".", "!", "?", ":", '"', "''")


def find_direct(doc: Doc, quotes: list[Quote], inside: list[bool], paras: list[int]) -> list[Found]:
    """Direct statements from `quotes`; a quote with no cue of its own has cue (-1, -1) and cue_i -1."""
    found: list[Found] = []
    for quote in quotes:
        words = quote.words(doc)
        if words == 0:
            continue
        cue = _cue_for(doc, quote, inside, paras)
        if cue is not None:
            if words <= SCARE_MAX_WORDS and not _governs(cue, quote) and not _opens_sentence(doc, quote, paras):
                continue
            subject, passive = subject_of(cue)
            found.append(Found((quote.start, quote.end), (cue.i, cue.i + 1), cue.i, subject, direct=True,
                               passive=passive, confidence=0.9))
        elif words > SCARE_MAX_WORDS and _opens_sentence(doc, quote, paras):
            found.append(Found((quote.start, quote.end), (-1, -1), -1, None, direct=True, confidence=0.5))
    return found
