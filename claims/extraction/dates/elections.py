"""A year that names an election inside another noun's phrase dates the election, not the clause.

"Democrats want access to the inquiry into Russian interference in the 2016 presidential election",
"she was questioned about her role in the 2012 campaign", "his 2016 campaign chairman was convicted":
the year tells which election, and the clause's happening (the wanting, the questioning, the conviction)
is of another time. A reader of basil-dev found such years stored at 0.8 as the date of the clause
(datecal13; an election year taken as the event's date in basil-links-dev too). The year stays a date
where the election is the clause's own time or object: "during the 2016 campaign", "before the 2012
election", "they tried to influence the 2012 election", "Clinton lost the 2016 race", "who was his running mate in the 2000
campaign" (what the clause says he was).
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

_ELECTIONS = {
    "election", "elections", "race", "races", "campaign", "campaigns", "midterm", "midterms", "primary",
    "primaries", "caucus", "caucuses", "cycle", "contest",
}  # fmt: skip
# Prepositions that make the election the time of what they hang on ("statements during the campaign").
_TIME_PREPOSITIONS = {
    "during", "throughout", "before", "after", "since", "until", "till", "following", "ahead", "amid",
    "prior", "by",
}  # fmt: skip
_VERBS = ("VERB", "AUX")
_STEPS = 8


def names_an_election(span: SpacySpan) -> bool:
    """True when the year in `span` names an election ("the 2016 presidential election") whose phrase hangs
    on another noun, not on the clause's verb through a word of time."""
    year = next((t for t in span if t.like_num and len(t.text) == 4), None)
    if year is None or year.head.i < year.i:
        return False
    head = year.head
    if head.lower_ not in _ELECTIONS:
        # "his 2016 campaign chairman", "2016 campaign officials": the election names the role
        between = year.doc[year.i + 1 : head.i]
        named = any(t.lower_ in _ELECTIONS and t.head.i == head.i and t.dep_ == "compound" for t in between)
        return named and head.pos_ == "NOUN" and _not_a_time_noun(head)
    node = head
    for _ in range(_STEPS):
        parent = node.head
        if parent.i == node.i:
            return False
        if node.dep_ == "pobj" and parent.dep_ in ("prep", "agent"):
            if parent.lower_ in _TIME_PREPOSITIONS:
                return False  # "during the 2016 campaign": the time of what it hangs on
            node = parent
            continue
        if parent.pos_ in _VERBS:
            return False  # the election is the clause's own subject, object or time
        if parent.pos_ in ("NOUN", "PROPN") and node.dep_ != "conj":
            if parent.dep_ in ("attr", "oprd"):
                return False  # "who was his running mate in the 2000 campaign": what the clause says he was
            return _not_a_time_noun(parent)
        node = parent
    return False


def _not_a_time_noun(noun: Token) -> bool:
    """A noun the election's phrase hangs on dates nothing by itself ("interference", "role",
    "chairman"), unless it is a word of time ("the weeks before the 2016 election" is left to the rest)."""
    return noun.lower_ not in {
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "eve",
        "season",
        "trail",
    }
