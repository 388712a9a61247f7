"""A noun cue inside a time phrase of another source's verb, whose clause the parse took from that verb.

In "The group took aim at Ruiz, saying after Hale's announcement that the senator made false claims", the
that-clause is what the group said: the parse hangs it on "announcement" as well, which makes a second
statement of the same words, given to Hale. "after Hale's announcement" only dates the group's words. So a
noun cue that is the object of a preposition of time ("after", "before", "following", "since", "until",
"ahead of") is dropped when a verb cue earlier in its sentence holds nearly the same words. A noun cue with
words of its own ("After Hale's announcement that the fee would rise, the market fell") stays.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .reported import Found

_TIME_PREPOSITIONS = frozenset({"after", "before", "following", "since", "until", "till", "ahead", "upon"})
_SHARED = 0.8  # the share of each span the other must cover to be the same words


def _in_time_phrase(cue: Token) -> bool:
    prep = cue.head
    if cue.dep_ != "pobj" or prep.i == cue.i:
        return False
    if prep.lower_ == "of" and prep.head.lower_ == "ahead":  # "ahead of Hale's speech"
        prep = prep.head
    return prep.lower_ in _TIME_PREPOSITIONS


def _same_words(a: tuple[int, int], b: tuple[int, int]) -> bool:
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= _SHARED * max(a[1] - a[0], b[1] - b[0])


def timed_noun_duplicate(doc: Doc, item: Found, items: list[Found]) -> bool:
    """True for a noun cue in a time phrase ("after Hale's announcement") whose words are the words of a verb
    cue before it in the same sentence: the clause is the verb's, the noun only dates it."""
    if item.cue_i < 0 or item.direct or item.attribution:
        return False
    cue = doc[item.cue_i]
    if cue.pos_ != "NOUN" or not _in_time_phrase(cue):
        return False
    sentence = cue.sent
    return any(
        other is not item
        and sentence.start <= other.cue_i < cue.i
        and doc[other.cue_i].pos_ in ("VERB", "AUX")
        and _same_words(other.content, item.content)
        for other in items
    )
