"""Reported speech found through the dependency parse: "X said (that) ...", "..., X said",
"according to X, ...", "X denied/refuted claims that ...", "X called for ...", "it was reported that ...".

Each candidate is a cue word with the content it governs and the subject that says it; whether a
word is a cue is decided by the core reporting verbs and the learned lexicon (see cues.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .cues import cue_probability, frame_of, is_denial, is_speech_verb

# Below this learned probability a word outside the core list is not taken as a cue.
CUE_THRESHOLD = 0.3
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp"})
_TRIM = frozenset({",", ";", ":", "-", "--", "\u2014", "\u2013", '"', "''", "``", "\u201c", "\u201d"})
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "acomp"})


@dataclass(slots=True)
class Found:
    content: tuple[int, int]  # token range of what was said
    cue: tuple[int, int]  # token range of the cue
    cue_i: int  # the cue's head token (two finds with one cue are one statement)
    subject: Token | None  # head token of the source's words in this sentence
    direct: bool = False
    attribution: bool = False  # "according to X"
    denial: bool = False
    passive: bool = False
    confidence: float = 0.5


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The source of `verb` ("by X" for passives) and whether it was passive; follows conjoined verbs."""
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                for agent in verb.children:
                    if agent.dep_ == "agent":
                        objs = [c for c in agent.children if c.dep_ == "pobj"]
                        if objs:
                            return objs[0], False
                return child, True
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return verb.head, False
            return child, False
    if verb.dep_ == "relcl":
        return verb.head, False
    if verb.dep_ in INHERIT_DEPS and depth < 2 and verb.head is not verb:
        return subject_of(verb.head, depth + 1)
    return None, False


def _trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    return start, end


def _content_of(verb: Token, frame: str) -> tuple[int, int] | None:
    doc = verb.doc
    kids = [c for c in verb.children if c.dep_ == "ccomp"]
    if kids:
        kid = min(kids, key=lambda c: (c.i < verb.i, c.i))
        return _trimmed(doc, kid.left_edge.i, kid.right_edge.i + 1)
    sent = verb.sent
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and verb.left_edge.i > sent.start:
        before = doc[verb.left_edge.i - 1]
        if before.is_punct:
            return _trimmed(doc, sent.start, verb.left_edge.i)
    if frame == "inf":
        kid = next(c for c in verb.children if c.dep_ == "xcomp")
        return _trimmed(doc, kid.left_edge.i, kid.right_edge.i + 1)
    if frame == "obj":
        after = [c for c in verb.children if c.i > verb.i and (c.dep_ in _CONTENT_DEPS or c.dep_ == "prep")]
        objs = [c for c in after if c.dep_ in _CONTENT_DEPS]
        if not objs:
            return None
        first = objs[0]
        last = max((c for c in after if c.i >= first.i), key=lambda c: c.i)
        return _trimmed(doc, first.left_edge.i, last.right_edge.i + 1)
    if frame == "prep":
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i]
        for prep in preps:
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                return _trimmed(doc, objs[0].left_edge.i, prep.right_edge.i + 1)
    return None


def _cue_range(verb: Token, frame: str, content: tuple[int, int]) -> tuple[int, int]:
    start = end = verb.i
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            start, end = min(start, child.i), max(end, child.i)
        if frame == "prep" and child.dep_ == "prep" and child.i == verb.i + 1 and child.i < content[0]:
            end = child.i
    return start, end + 1


def according_to(tok: Token) -> Found | None:
    """"according to X, content" (or "content, according to X")."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    if not objs:
        return None
    sent = tok.sent
    phrase_end = max(tok.right_edge.i, doc[tok.i + 1].right_edge.i) + 1
    if tok.i - sent.start <= 2:  # phrase opens the sentence
        content = _trimmed(doc, phrase_end, sent.end)
    elif phrase_end >= sent.end - 1:
        content = _trimmed(doc, sent.start, tok.i)
    else:
        content = _trimmed(doc, sent.start, sent.end)
    if content[1] - content[0] < 3:
        return None
    return Found(content, (tok.i, tok.i + 2), tok.i, objs[0], attribution=True, confidence=0.8)


def reported_at(tok: Token) -> Found | None:
    """The reported statement whose cue is `tok`, or None when `tok` is not a cue here."""
    if tok.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    frame = frame_of(tok)
    if frame == "none":
        return None
    prob = cue_probability(tok, frame)
    core = is_speech_verb(tok)
    if not (prob >= CUE_THRESHOLD or (core and frame == "clause")):
        return None
    if tok.pos_ == "NOUN":
        return None  # noun cues ("the claim that") carry no reliable source in the parse
    content = _content_of(tok, frame)
    if content is None or content[1] - content[0] < 2:
        return None
    subject, passive = subject_of(tok)
    if subject is None and not core:
        return None
    denial = is_denial(tok)
    conf = 0.9 if core and frame == "clause" else min(0.85, 0.4 + prob / 2)
    return Found(content, _cue_range(tok, frame, content), tok.i, subject, denial=denial, passive=passive,
                 confidence=conf)


def find_reported(doc: Doc, inside_quote: list[bool]) -> list[Found]:
    """Every reported statement in `doc` whose cue is not itself inside a quotation."""
    found: list[Found] = []
    for tok in doc:
        if inside_quote[tok.i]:
            continue
        item = according_to(tok) if tok.lower_ == "according" else reported_at(tok)
        if item is not None:
            found.append(item)
    return found
