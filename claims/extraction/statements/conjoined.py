"""A second reporting verb the parse hangs inside the first statement: "China said it was opposed to the test
and warned the city to refrain", "Hale said he would order a review and warned against hackers".

The parse joins "warned" to the reported clause's verb ("was", "would order"), so the first statement's span
runs on into the second, and the second, taken for words inside the first, is dropped as nested. When the
reported clause's subject is a pronoun (the speaker again: "it", "he"), the second verb has no subject of
its own and "and" joins them, the second verb is the same source speaking again: the first statement ends
before "and" and the second is the source's own. A named subject ("Merrill says Machado promised ... and
said ...") may be the one speaking the second time, so that is left as it is, unless the reported clause's
verb has a modal the second verb cannot share ("said the country would leave ... and suggested that ...":
"would suggested" is no English, so "suggested" goes with "said"). A verb that says what its object is
("... and called it a common problem") speaks as a reporting verb does.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .cues import is_speech_verb, predicated
from .reported import Found, trimmed

# Pronouns that, as the subject of the reported clause, are the source itself speaking of itself.
_SELF_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})
# Verbs that say what their object is by naming it ("called it a common problem", "described the plan as a fraud").
NAMING_VERBS = frozenset({"call", "describe", "label", "dub", "brand", "term", "characterize"})


def _speaks(tok: Token) -> bool:
    """True for a reporting verb, or a verb of naming that says what its object is ("called it a fraud")."""
    if is_speech_verb(tok):
        return True
    return (
        tok.lemma_.lower() in NAMING_VERBS and any(c.dep_ == "dobj" for c in tok.children) and predicated(tok)
    )


def _unshared_modal(head: Token, tok: Token) -> bool:
    """True when the reported clause's verb `head` has a modal that the finite second verb `tok` cannot share
    ("would leave ... and suggested"): the second verb is joined to the cue, not to the clause."""
    return tok.tag_ in ("VBD", "VBZ") and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


def _second_cue(doc: Doc, outer: Found, tok: Token) -> Token | None:
    """The "and" before `tok` when `tok` is the source's second reporting verb inside `outer`'s content."""
    if not (tok.dep_ == "conj" and tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ") and _speaks(tok)):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    head = tok.head
    if not (outer.content[0] <= head.i < tok.i) or head.head.i != outer.cue_i:
        return (
            None  # only the reported clause's own verb ("said it was ... and warned"), not one nested deeper
        )
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) != 1:
        return None
    if not _unshared_modal(head, tok) and (
        subjects[0].dep_ != "nsubj" or subjects[0].lower_ not in _SELF_PRONOUNS
    ):
        return None
    before = tok.i - 1
    while before > head.i and doc[before].pos_ == "ADV":
        before -= 1
    return doc[before] if doc[before].lower_ == "and" and doc[before].head.i == head.i else None


def split_conjoined(doc: Doc, items: list[Found]) -> list[Found]:
    """`items` with each source's second reporting verb split off its first statement (see the module)."""
    by_cue = {i.cue_i: i for i in items if not i.direct}
    for outer in items:
        if outer.subject is None or outer.passive or not is_speech_verb(doc[outer.cue_i]):
            continue
        if not outer.content[0] > outer.cue_i:
            continue  # the clause after the cue only ("said it was ... and warned ...")
        for tok in doc[outer.content[0] : outer.content[1]]:
            inner = by_cue.get(tok.i)
            if inner is None or inner is outer:
                continue
            conj = _second_cue(doc, outer, tok)
            if conj is None:
                continue
            outer.content = trimmed(doc, outer.content[0], conj.i)
            inner.subject, inner.passive = outer.subject, False
            break
    return items
