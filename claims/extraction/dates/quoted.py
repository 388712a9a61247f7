"""The day a quotation's "today", "yesterday" or "tonight" names: its speaker's day, not the page's.

A quote may be reported days, even years, after it was said ("'Already did that earlier today,' he
replied" to a message the article dates Oct. 3, 2016). Its day word counts from the day of the telling
when the article gives one: a date of the telling in the quote's own sentence ("'We voted today,' she
said on Friday"), else the last dated telling just before it (a message, a statement, an exchange). With
none, the publication day stays the reference, at lower confidence (`QUOTED_DAY_TRUST`).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from newstext.date_resolve import Resolved, said_on
from newstext.date_vocabulary import Mention

# A quoted day word read against the publication day because the article dates no telling: the quote may
# have been said days before it was printed.
QUOTED_DAY_TRUST = 0.7
_TELLING_TRUST = 0.9  # a day counted from the telling's date is a little less sure than that date
_TELLING_REACH = 400  # characters back to the telling a quote's day counts from ("offsets" use the same)
_KNOWN_YEAR = ("day", "month", "year")

_SPEECH_VERBS = {
    "say", "tell", "reply", "respond", "write", "tweet", "post", "message", "email", "announce", "add",
    "urge", "ask", "answer", "claim", "declare", "state", "insist", "explain", "testify", "speak",
}  # fmt: skip
_SPEECH_NOUNS = {
    "message", "statement", "interview", "exchange", "email", "e-mail", "letter", "tweet", "post", "reply",
    "response", "speech", "remark", "remarks", "briefing", "conference", "call", "testimony", "address",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Telling:
    """A dated act of telling (not inside a quotation) a quote's day word may count from."""

    start: int  # the date expression, analysis offsets
    sentence: int  # start of its sentence
    resolved: Resolved
    confidence: float


def quoted(text: str, at: int) -> bool:
    """True when `at` lies inside a quotation of its paragraph (an open quote mark not yet closed)."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    return line.count("\u201c") > line.count("\u201d") or line.count('"') % 2 == 1


def dates_a_telling(span: SpacySpan, verb: Token) -> bool:
    """True when the date dates an act of telling: its verb is one ("said on Monday"), or a noun of
    telling it qualifies or that is the clause's subject ("an October 2016 exchange", "the last message
    ... was in July")."""
    if verb.lemma_.lower() in _SPEECH_VERBS:
        return True
    root = span.root
    if root.head.lemma_.lower() in _SPEECH_NOUNS and not span.start <= root.head.i < span.end:
        return True
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in _SPEECH_NOUNS for c in verb.children)


_REPLY_VERBS = {"reply", "respond", "answer", "retort"}


def _own_cue(span: SpacySpan, text: str) -> str | None:
    """How the quote's own sentence tells it, outside the quotation marks: "reply" for an answer ("he
    replied", "said in response", "wrote back"), "tell" for any other verb of telling, None for none (the
    quote goes on from an earlier sentence)."""
    cue = None
    for tok in span.sent:
        if quoted(text, tok.idx):
            continue
        lemma = tok.lemma_.lower()
        if lemma in _REPLY_VERBS or (lemma == "response" and tok.head.lower_ == "in"):
            return "reply"
        if lemma in _SPEECH_VERBS and tok.pos_ in ("VERB", "AUX"):
            cue = "tell" if not any(c.lower_ == "back" for c in tok.children) else "reply"
    return cue


def telling_for(m: Mention, span: SpacySpan, tellings: list[Telling], text: str) -> Telling | None:
    """The telling the quoted day word `m` counts from: one dated in its own sentence; else, when the quote
    answers an earlier telling ("he replied") or goes on from one (no verb of telling of its own), the last
    dated telling before it within reach; None when there is none, or when the quote's own telling is
    another, undated one ("'We are proud today,' the minister said")."""
    sentence = span.sent.start_char
    own = [t for t in tellings if t.sentence == sentence]
    if own:
        return own[0]
    if _own_cue(span, text) == "tell":
        return None
    before = [t for t in tellings if t.start < m.start and m.start - t.start <= _TELLING_REACH]
    return before[-1] if before else None


def telling_value(m: Mention, telling: Telling) -> tuple[Resolved, float] | None:
    """What the quoted day word says, counted from the telling, and its confidence; None when the
    telling's year is not known."""
    if telling.resolved.precision not in _KNOWN_YEAR:
        return None
    resolved = said_on(m, telling.resolved)
    return (resolved, telling.confidence * _TELLING_TRUST) if resolved is not None else None
