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

from .cues import is_position, is_speech_verb
from .edges import speaks
from .naming import actor_word
from .reported import Found, trimmed
from .resolve import BODY_WORDS
from .speakers import BODY_HEADS, DOCUMENT_WORDS, GOVERNMENT_WORDS, OUTLET_WORDS

# Pronouns that, as the subject of the reported clause, are the source itself speaking of itself.
_SELF_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


def _unshared_modal(head: Token, tok: Token) -> bool:
    """True when the reported clause's verb `head` has a modal that the finite second verb `tok` cannot share
    ("would leave ... and suggested"): the second verb is joined to the cue, not to the clause."""
    return tok.tag_ in ("VBD", "VBZ") and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)


# Nouns for bodies, offices, outlets and papers: things that say something ("the board denied it").
_SPEAKING_THINGS = BODY_WORDS | BODY_HEADS | GOVERNMENT_WORDS | OUTLET_WORDS | DOCUMENT_WORDS


def _mute(subject: Token) -> bool:
    """True for a subject that cannot be the one speaking: a common noun in the singular that names no
    person, body, office, outlet or paper ("the meeting", "the cover", "the account"); "residents" or "the
    company" may well speak."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or actor_word(subject):
        return False
    if subject.lemma_.lower() in _SPEAKING_THINGS:
        return False
    return not any(t.ent_type_ or t.pos_ == "PROPN" for t in subject.subtree)


# Verbs of a plan or a wish that take an infinitive ("... and plans to keep it"): only a person or a body plans.
_PLANNING_VERBS = frozenset(
    {"plan", "intend", "want", "hope", "decide", "aim", "seek", "vow", "pledge", "wish"}
)


def _intends(tok: Token) -> bool:
    """True for a verb of planning or wishing with its infinitive ("and plan to vote on it")."""
    return tok.lemma_.lower() in _PLANNING_VERBS and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in tok.children
    )


def _form(verb: Token) -> str:
    """The tag of the word that carries the verb's tense: its first auxiliary ("has called": VBZ), or itself."""
    return next((c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i), verb.tag_)


def _disagrees(subject: Token, tok: Token) -> bool:
    """True when the finite verb `tok` cannot agree with `subject` in number ("the fights over the ceiling hurt
    confidence ... and has called for ...": "fights has called" is no English, so "has called" goes with the
    source)."""
    form = _form(tok)
    if subject.tag_ in ("NNS", "NNPS"):
        return form == "VBZ"
    return subject.tag_ in ("NN", "NNP") and form == "VBP"


def _finite(tok: Token) -> bool:
    """True for a finite verb ("warned") or a perfect with its own "has"/"had" ("has denied")."""
    if tok.tag_ in ("VBD", "VBZ"):
        return True
    return tok.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i < tok.i for c in tok.children
    )


def _second_cue(doc: Doc, outer: Found, tok: Token) -> tuple[Token, bool] | None:
    """The "and" before `tok` when `tok` is the source's second verb inside `outer`'s content: a reporting
    verb the reported clause's subject cannot share, or any verb that cannot agree with that subject."""
    if not (tok.dep_ == "conj" and tok.pos_ == "VERB" and (_finite(tok) or tok.tag_ == "VBP")):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children):
        return None
    head = tok.head
    if not (outer.content[0] <= head.i < tok.i) or head.head.i != outer.cue_i:
        return (
            None  # only the reported clause's own verb ("said it was ... and warned"), not one nested deeper
        )
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # whether the verb cannot go with the clause's subject at all (a thing, a number, a form it cannot share)
    certain = True
    if not subjects:
        # "argues that fights over the ceiling merely shake ..., and ... has called for": with the subject lost
        # to the parse, the two verbs' forms still tell that they have no subject in common
        if {_form(head), _form(tok)} != {"VBP", "VBZ"}:
            return None
    elif len(subjects) > 1:
        return None
    else:
        subject = subjects[0]
        certain = _disagrees(subject, tok) or ((speaks(tok) or _intends(tok)) and _mute(subject))
        unshared = _unshared_modal(head, tok)
        own = subject.dep_ == "nsubj" and subject.lower_ in _SELF_PRONOUNS
        if not (certain or (speaks(tok) and (unshared or own))):
            return None
    if tok.tag_ == "VBP" and not certain:
        return None  # ("said the rules protect crews and keep fares low": a plural subject shares "keep")
    before = min(tok.i, tok.left_edge.i) - 1
    while before > head.i and (doc[before].pos_ == "ADV" or doc[before].dep_ == "aux"):
        before -= 1
    return (doc[before], certain) if doc[before].lower_ == "and" and doc[before].head.i == head.i else None


def split_conjoined(doc: Doc, items: list[Found]) -> list[Found]:
    """`items` with each source's second reporting verb split off its first statement (see the module)."""
    by_cue = {i.cue_i: i for i in items if not i.direct}
    for outer in items:
        if outer.subject is None or outer.passive:
            continue
        if not (is_speech_verb(doc[outer.cue_i]) or is_position(doc[outer.cue_i])):
            continue  # ("believe that the plan is popular and plan to vote": a belief's words end at "and" too)
        if not outer.content[0] > outer.cue_i:
            continue  # the clause after the cue only ("said it was ... and warned ...")
        for tok in doc[outer.content[0] : outer.content[1]]:
            inner = by_cue.get(tok.i)
            if inner is outer:
                continue
            found = _second_cue(doc, outer, tok)
            if found is None:
                continue
            conj, certain = found
            if inner is None and not certain:
                continue  # "said they learned of it ... and disclosed it": without a cue of its own, theirs too
            outer.content = trimmed(doc, outer.content[0], conj.i)
            if inner is not None:
                inner.subject, inner.passive = outer.subject, False
            break
    return items
