"""A body given by a definite description the article resolved earlier ("the service announced" after "the
Harbor Parks Service", "that committee said" after "the House Ethics Committee", "the agency said" after "the
Coastal Water Authority"): the most recent named body whose name's head noun is the description's, or, for a
description that names a kind ("the agency", "the panel"), the body named last when its head is of that kind.
Two compatible bodies named together, or a body of another kind named in between, leave the source unnamed."""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..actors import word_set
from .speakers import (
    ArticleActors,
    Speaker,
    _role_keys,
    names_outlet,
    roles_fit,
    speaker_kind_of_words,
    unglued,
)

# The description's head -> the heads of the names it may stand for besides its own ("the agency" for "the
# Wildlife Service"); a description of its own kind only ("the service") needs its word as the name's head.
_KINDS: dict[str, frozenset[str]] = {
    "agency": word_set("service administration agency bureau commission authority board department office"),
    "panel": word_set("committee subcommittee commission panel board"),
    "service": frozenset(),
    "committee": word_set("subcommittee"),
    "subcommittee": frozenset(),
    "commission": frozenset(),
    "conference": frozenset(),
    "bureau": frozenset(),
    "authority": frozenset(),
    "board": frozenset(),
    "institute": frozenset(),
}
DESCRIBED_BODY_HEADS = frozenset(_KINDS)
_REACH = 300  # tokens back to the body's name: a few paragraphs
_NAME_BREAKS = frozenset({"of", "on", "for", "in"})


def _name_head(words: list[str]) -> str:
    """The head noun of a body's name: the word before "of"/"on"/"for" ("Conference of Catholic Bishops"), else
    the last word ("House Ethics Committee")."""
    for i, word in enumerate(words):
        if i and word in _NAME_BREAKS:
            return words[i - 1]
    return words[-1] if words else ""


def body_name_start(ent: Span) -> int:
    """Where a body's name starts, with the words before the entity the parse hangs on its head word ("the
    U.S. Fish and Wildlife Service", whose entity may be only "Wildlife Service"), without "the"."""
    doc = ent.doc
    root = ent.root
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        joined = prev.lower_ in ("and", "&") or (prev.pos_ == "PROPN" and prev.text[:1].isupper())
        within = root.left_edge.i <= prev.i and prev.ent_type_ != "PERSON"
        if not (joined and within and root in prev.ancestors):
            break
        start -= 1
    while start < ent.end - 1 and doc[start].lower_ in ("the", "and", "&"):
        start += 1
    return start


def _body_name(ent: Span) -> str:
    text = unglued(ent.doc[body_name_start(ent) : ent.end].text).strip()
    for suffix in ("'s", "\u2019s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def _compatible(words: list[str], head: str, kinds: frozenset[str]) -> bool:
    name_head = _name_head(words)
    return name_head == head or name_head in kinds


def _fitting(
    subject: Token, first: int, kinds: frozenset[str], actors: ArticleActors
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The bodies named before the description headed by `subject` (its phrase from token `first`), as
    (token, sentence start, name) in the article's order, and those of them the description fits."""
    doc = subject.doc
    head = subject.lemma_.lower()
    # "the House committee", "the ethics committee": the name must carry the description's words too
    marks = {
        t.lower_
        for t in doc[first : subject.i]
        if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.dep_ != "poss" and t.lower_ not in ("the", "that", "this")
    }
    # the bodies named before: proper-name ORG entities ("Commuters" read as a body is none), and the bodies
    # that spoke, whatever the entity ("the state Fish and Game Service said", read as a title)
    named: list[tuple[int, int, str]] = [
        (e.end - 1, e.sent.start, _body_name(e))
        for e in doc.ents
        if e.label_ == "ORG"
        and e.end <= first
        and e.start >= first - _REACH
        and any(t.pos_ == "PROPN" for t in e)
    ]
    named += [
        (pos, doc[pos].sent.start, sp.name)
        for pos, sp in actors.recent_speakers
        if first - _REACH <= pos < first and sp.name and sp.kind in ("organisation", "government")
    ]
    named.sort()
    fits = [
        (pos, sent, name)
        for pos, sent, name in named
        if name and marks <= set(name.lower().split()) and _compatible(name.lower().split(), head, kinds)
    ]
    return named, fits


def _same_body(one: str, other: str) -> bool:
    """True for two forms of one body's name ("State Department", "U.S. State Department")."""
    a, b = set(one.lower().split()), set(other.lower().split())
    return a <= b or b <= a


def _rivals(fits: list[tuple[int, int, str]]) -> bool:
    """True when the latest fitting body has another of a different name in its sentence."""
    _, sent, name = fits[-1]
    return any(not _same_body(other, name) and other_sent == sent for _, other_sent, other in fits[:-1])


def competing_bodies(subject: Token, first: int, actors: ArticleActors) -> bool:
    """True when two bodies named with the description's head noun were named together last ("the Justice
    Department and the State Department ... The department said"): either of them may be meant."""
    _, fits = _fitting(subject, first, frozenset(), actors)
    return bool(fits) and _rivals(fits)


def body_by_description(subject: Token, first: int, actors: ArticleActors) -> Speaker | None:
    """The named body the definite description headed by `subject` (its phrase starting at token `first`)
    stands for, or None when the article named none that fits or two that compete."""
    head = subject.lemma_.lower()
    kinds = _KINDS.get(head)
    if kinds is None:
        return None
    named, fits = _fitting(subject, first, kinds, actors)
    if not fits:
        return None
    name = fits[-1][2]
    if _name_head(name.lower().split()) != head and not _same_body(name, named[-1][2]):
        return None  # "the agency" is the body named last, when that is one of its kind
    if _rivals(fits):
        return None  # "the Parks Service and the Water Service objected": either of them
    if names_outlet(name, actors.outlet) or actors.index.resolve(name) is not None:
        return None
    return Speaker(name, speaker_kind_of_words(name.split(), "ORG"))


def rival_holder(subject: Token, found: Speaker, words: list[str], actors: ArticleActors) -> bool:
    """True when the person a description ("the senator") was resolved to by the role the article gave them
    has a rival: somebody else of a fitting role named in the same sentence as them last ("Sen. Ana Ruiz and
    Sen. Maria Lopez toured the plant"), so that either may be meant."""
    if found.name is None:
        return False
    keys = _role_keys(" ".join(words))
    target = actors.index.resolve(found.name) or found.name
    if not any(roles_fit(keys, one) for one in actors.role_sets.get(target, [])):
        return False  # resolved as whoever spoke last, not by the role: no rival by role
    before = [m for m in actors.mentions if m.pos < subject.i]
    own = [m for m in before if (actors.index.resolve(m.actor) or m.actor) == target]
    if not own:
        return False
    sentence = own[-1].sentence
    for mention in before:
        other = actors.index.resolve(mention.actor) or mention.actor
        if mention.sentence != sentence or other == target:
            continue
        if any(roles_fit(keys, one) for one in actors.role_sets.get(other, [])):
            return True
    return False
