"""A "today" that means nowadays ("people today want", "in today's world"): no date of anything.

A "today" dates a happening of the day the words were written or said ("the council released the
budget today", "is scheduled to speak later today"). It means the present age when it describes a
noun ("the region today is", "a fact of village life today"), qualifies a kind of people or the world
of the time ("today's workers", "in today's world"), or stands in a comparison of then and now ("it is
harder to get into the country today than ever"). Those are not the publication date.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from .attach import direction

# Nouns of a whole age: "in the world today", "life today", "our country today", "today's economy".
_AGE_NOUNS = {
    "world", "country", "nation", "society", "life", "age", "era", "culture", "economy", "politics",
    "america", "generation", "climate", "environment", "marketplace",
}  # fmt: skip
# Plural nouns of happenings: "today's talks", "today's primaries" are that day's.
_HAPPENINGS = {
    "talks", "protests", "elections", "primaries", "hearings", "votes", "meetings", "rallies", "attacks",
    "strikes", "games", "events", "results", "proceedings", "negotiations", "caucuses", "debates", "races",
    "matches", "announcements", "remarks", "comments", "statements", "speeches", "charges", "arrests",
}  # fmt: skip
_NOUNS = ("NOUN", "PROPN", "PRON")
_COMPARISON_WINDOW = 12  # tokens after "today" in which a "than" makes it the "now" of a comparison


def means_nowadays(span: SpacySpan, verb: Token) -> bool:
    """True when the "today" of `span` (dated verb `verb`) means the present age, not a day."""
    doc, sent = span.doc, span.sent
    today = span[0]
    after = doc[today.i + 1] if today.i + 1 < len(doc) else None
    if today.dep_ == "poss" or (after is not None and after.tag_ == "POS"):
        head = today.head if today.dep_ == "poss" else after.head if after is not None else today
        if head.pos_ not in ("NOUN", "PROPN") or head.i <= today.i:
            return False
        return head.lower_ in _AGE_NOUNS or (head.tag_ in ("NNS", "NNPS") and head.lower_ not in _HAPPENINGS)
    before = doc[today.i - 1] if today.i > sent.start else None
    if before is not None and before.lower_ == "than":
        return True  # "fewer jobs than today": the base of a comparison
    tense = direction(verb)
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if tense < 0 or any(a.lemma_ == "have" for a in aux):
        return False  # a past or a perfect tells what was done that day ("has said today")
    if any(t.lower_ == "than" for t in doc[today.i + 1 : min(sent.end, today.i + _COMPARISON_WINDOW)]):
        return True  # "harder to get into our country today than ever": now against then
    if tense > 0 or before is None or before.pos_ not in _NOUNS:
        return False
    if verb.i > today.i and verb.tag_ != "VBG" and not any(a.tag_ == "VBG" for a in aux):
        return True  # "people today want", "the region today is": between a noun and its present verb
    return before.lower_ in _AGE_NOUNS  # "a fact of village life today", "in the world today"
