"""Requests for comment left unanswered: "The campaign did not immediately respond to requests for comment",
"Mayor Ruiz did not return calls seeking comment". Like "declined to comment", the source withheld its words
(stored with polarity "refused"); the verb of answering alone says nothing (see reported.ANSWER_VERBS), so
these are read from what went unanswered: a request, a call, a message.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from ..doccache import verbs
from .reported import Found, subject_of, trimmed

_ANSWERING = word_set("respond reply return answer")
# What a reporter sends for a comment.
REQUEST_NOUNS = word_set(
    """
    request requests call calls message messages email emails e-mail e-mails inquiry inquiries query queries
    voicemail voicemails
    """
)
_CUE_DEPS = frozenset({"aux", "neg", "advmod"})


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _request(tok: Token) -> Token | None:
    """The request `tok` leaves unanswered: the object of "return" or of "respond to", "reply to"."""
    if tok.lemma_.lower() in ("return", "answer"):
        objects = [c for c in tok.children if c.dep_ == "dobj"]
    else:
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    found = [o for o in objects if o.lemma_.lower() in REQUEST_NOUNS or o.lower_ in REQUEST_NOUNS]
    return found[0] if found else None


def _for_comment(tok: Token, request: Token) -> bool:
    """True when the request is a reporter's: "comment" is asked for in the sentence, or calls or messages
    went unreturned ("did not return calls"); not "did not respond to queries seeking to confirm their
    address"."""
    if any(t.lower_ in ("comment", "comments") for t in tok.sent):
        return True
    return tok.lemma_.lower() == "return" and request.lemma_.lower() not in ("request", "inquiry", "query")


def unanswered_at(tok: Token) -> Found | None:
    """The refused statement of "did not respond to requests for comment" with cue `tok`, else None."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in _ANSWERING or not _negated(tok):
        return None
    request = _request(tok)
    if request is None or not _for_comment(tok, request):
        return None
    subject, passive = subject_of(tok)
    if subject is None or passive:
        return None
    doc = tok.doc
    start = (
        request.head.i
        if request.head.dep_ == "prep" and request.head.head.i == tok.i
        else request.left_edge.i
    )
    content = trimmed(doc, start, request.right_edge.i + 1)
    cue = [tok.i, *(c.i for c in tok.children if c.dep_ in _CUE_DEPS and subject.i < c.i < tok.i)]
    return Found(content, (min(cue), tok.i + 1), tok.i, subject, refused=True, confidence=0.8)


def with_unanswered(doc: Doc, inside_quote: list[bool], reported: list[Found]) -> list[Found]:
    """`reported` with the unanswered requests for comment outside quotations, each in place of what the
    parse hung on the same verb."""
    # (only a verb can be the cue: the Doc's verbs, in order, rather than every token)
    found = [f for tok in verbs(doc) if not inside_quote[tok.i] and (f := unanswered_at(tok)) is not None]
    if not found:
        return reported
    cues = {f.cue_i for f in found}
    return [r for r in reported if r.cue_i not in cues] + found
