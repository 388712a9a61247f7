"""Claims a source rejects, written as a relative clause: "..., a charge Tom Hale rejected",
"an accusation that the harbour board denies", "the allegations, which Farenthold has denied"."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..doccache import verbs
from .cues import is_denial
from .reported import Found, subject_of, trimmed
from .speakers import CLAIM_NOUNS


def _claimed(noun: Token) -> tuple[int, int]:
    """Token range of what the claim noun stands for: the clause it stands beside ("The mayor misused
    funds, a charge ..."), its own "that" clause ("the charge that she lied"), else the noun phrase."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in child.children
        ):
            return trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
    if noun.dep_ in ("appos", "npadvmod"):
        clause = next((a for a in [noun.head, *noun.head.ancestors] if a.pos_ in ("VERB", "AUX")), None)
        if clause is not None and clause.left_edge.i < noun.left_edge.i:
            return trimmed(doc, clause.left_edge.i, noun.left_edge.i)
    relcl = next(c for c in noun.children if c.dep_ == "relcl")
    return trimmed(doc, noun.left_edge.i, relcl.left_edge.i)


def rejected_claim_at(tok: Token) -> Found | None:
    """The denial whose cue is `tok` when `tok` is a relative clause on a claim noun, else None."""
    if tok.dep_ != "relcl" or not is_denial(tok) or tok.head.lemma_.lower() not in CLAIM_NOUNS:
        return None
    noun = tok.head
    subject, passive = subject_of(tok)
    if subject is None or passive or subject.i == noun.i:
        return None
    content = _claimed(noun)
    if content[1] - content[0] < 2 or content[0] <= tok.i < content[1]:
        return None
    return Found(content, (tok.i, tok.i + 1), tok.i, subject, denial=True, confidence=0.6)


def is_rejected_claim(doc: Doc, item: Found) -> bool:
    """True when `item` is a rejection written as a relative clause on a claim noun (the writer's aside,
    never part of another source's words)."""
    return item.denial and item.cue_i >= 0 and rejected_claim_at(doc[item.cue_i]) is not None


def find_rejected(doc: Doc, inside_quote: list[bool], taken: set[int]) -> list[Found]:
    """Every rejected claim in `doc` outside quotations whose cue no other finder took (`taken`)."""
    found = []
    for tok in verbs(doc):  # (the VERB and AUX tokens in order: only a VERB can be the cue)
        if tok.pos_ == "VERB" and not inside_quote[tok.i] and tok.i not in taken:
            item = rejected_claim_at(tok)
            if item is not None:
                found.append(item)
    return found
