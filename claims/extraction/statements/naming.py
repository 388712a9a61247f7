"""Name-calling: "Cruz called Trump a pathological liar", "Japan branded North Korea an outlaw nation".

To call somebody or something a name is to say what they are: the speaker says that Trump is a liar. The
parse reads the object and the name in several ways (an object and a predicate, two predicates, an object
and an "as" phrase), and the learned cue model, which sees "call" mostly as a phone call, a meeting called
or "call for", rates these low; so the shape decides: a verb of naming, active, with what it names and
what it calls it. Not a naming: "call for", "call on", "call out" (a particle or a preposition right after
the verb), a participle that names a thing ("a website called Real News"), a passive ("was called a
liar": by whom is not said), and a proper name as what it is called ("a group that calls itself Asawitri
Media", "he called his opponent Senator Cruz"): a name given, no claim made; and a naming only supposed
("critics would call them messianic", "you can call it what you want").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import word_set
from .speakers import PERSON_ROLES

NAMING_VERBS = word_set("call brand label dub term")
_QUOTES = frozenset({'"', "``", "''", "\u201c", "\u201d"})
# Subjects that are a share of those polled ("32% call themselves conservative"): a poll's finding.
_SHARE_WORDS = word_set("more most half majority plurality percent share fewer")


def _quoted(tok: Token) -> bool:
    """True when a quotation mark opens or closes the phrase of `tok` ('an "outlaw nation"')."""
    doc = tok.doc
    first, last = tok.left_edge.i, tok.right_edge.i
    return any(t.text in _QUOTES for t in doc[max(0, first - 1) : min(len(doc), last + 2)])


def called_what(tok: Token) -> Token | None:
    """The head of what a naming verb `tok` calls its object ("a pathological liar" of "called Trump a
    pathological liar"); None when `tok` is no such naming (see the module)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in NAMING_VERBS:
        return None
    kids = list(tok.children)
    if any(c.dep_ in ("auxpass", "nsubjpass", "prt") for c in kids):
        return None
    if tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids):
        return None  # "a website called Real News", "the resort, now called Doral"
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].dep_ == "prep" and tok.doc[tok.i + 1].head.i == tok.i:
        return None  # "called for a vote", "called on the board", "called into question"
    after = [c for c in kids if c.i > tok.i]
    named = [c for c in after if c.dep_ in ("dobj", "oprd")]
    predicate = next((c for c in after if c.dep_ == "oprd" and named and c.i > named[0].i), None)
    if predicate is None:
        quoted = [c for c in named[1:] if c.dep_ == "dobj" and _quoted(c)]
        predicate = quoted[-1] if quoted else None
    if predicate is None and named:
        preps = [c for c in after if c.dep_ == "prep" and c.lower_ == "as" and c.i > named[0].i]
        objs = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        predicate = objs[0] if objs else None
    if predicate is None or predicate.pos_ == "PROPN":
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in kids) or tok.tag_ == "VB":
        return None  # "critics would call them messianic", "it's easy to call it unpatriotic": nobody has
    subjects = [c for c in kids if c.dep_ == "nsubj"]
    if subjects:
        subject = subjects[0]
        if subject.lower_ == "you":
            return None  # the writer to the reader
        if subject.pos_ == "NUM" or "%" in subject.text or subject.lemma_.lower() in _SHARE_WORDS:
            return None  # a share of those polled
        if subject.lower_ in _RELATIVES and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES for c in kids):
            return None  # "voters who called themselves very conservative": the writer's description
    elif not actor_word(_participle_subject(tok)):
        return None  # "his remarks, calling the government strong": a thing names nothing
    return predicate


_RELATIVES = frozenset({"who", "that", "which"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
_PERSONAL = frozenset({"he", "she", "they", "we", "i", "who"})
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def names_in_quotes(tok: Token) -> bool:
    """True for a naming verb whose name is in quotation marks after its object, whichever way the parse hangs
    the name ('called the deal "a disgrace"', 'called this "an extraordinary blockade"', where the quoted name
    may come out as an apposition or as the object itself): active, and no "call for", "call on" or "a website
    called ...". The quote's span starts at the object, and the verb is what makes it a name."""
    if called_what(tok) is not None:
        return True
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in NAMING_VERBS:
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("auxpass", "nsubjpass", "prt") for c in kids) or (
        tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in kids)
    ):
        return False
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "prep" and doc[tok.i + 1].head.i == tok.i:
        return False
    return any(c.dep_ == "dobj" and c.i > tok.i and _quoted(c) for c in kids)


def _participle_subject(tok: Token) -> Token | None:
    """The subject of the clause a subjectless participle hangs on ("Hale attacked the mayor, calling her a
    liar": Hale)."""
    head = tok.head
    for _ in range(3):
        if head.i == tok.i or head.pos_ not in ("VERB", "AUX"):
            return None
        subjects = [c for c in head.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if head.head.i == head.i:
            return None
        head = head.head
    return None


def actor_word(tok: Token | None) -> bool:
    """True for a word that can name somebody who speaks: a name, a personal pronoun, a person's role."""
    if tok is None:
        return False
    if tok.pos_ == "PROPN" or tok.ent_type_ in _ACTOR_ENTS:
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in _PERSONAL
    return tok.lemma_.lower() in PERSON_ROLES or tok.lemma_.lower() in ("critic", "opponent", "supporter")


def naming_end(predicate: Token, end: int) -> int:
    """`end`, or the start of a finite verb the parse conjoined to what a naming verb calls its object ('called
    it "shameful" and called on leaders to resist': the second verb is another act, not the name)."""
    for child in predicate.children:
        if child.dep_ == "conj" and child.tag_ in ("VBD", "VBZ", "VBP") and predicate.i < child.i < end:
            cut = child.left_edge.i
            while cut > predicate.i + 1 and predicate.doc[cut - 1].dep_ in ("cc", "punct"):
                cut -= 1
            end = min(end, cut)
    return end
