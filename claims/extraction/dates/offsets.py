"""A written date that an offset counts from is not the date of the clause's happening.

"The correspondence, which began weeks before the Nov. 8, 2016, election": the beginning was not on 8
November, it was some weeks earlier. "Two days after the vote on Tuesday, he resigned", "she quit days
after Nov. 2", "in the run-up to the March 3 primary", "in the years since the 2008 crash": the day
written is the anchor the clause is placed against, not when it happened. A reader of basil-dev found such
an anchor stored at 0.95 as the date of the beginning (wrong). What is stored instead:

- a counted offset ("two days after", "a week before", "the day after") is dated by `context.offset_claim`
  from the anchor, which stays an anchor but is no claim of its own;
- "the eve of" a day is the day before it, exactly;
- a vague offset ("weeks before", "days after", "in the months leading up to", "the run-up to") says no
  day, month or year an editor could rely on: nothing is stored.

Hours, minutes and moments keep the day ("moments before Wednesday's vote" is Wednesday). A date whose
own verb sits inside the offset's complement ("two days after he resigned on Tuesday") dates that verb
and stays.
"""

from __future__ import annotations

import re

# The offset's words, ending where the words between it and the date begin.
_OFFSET = re.compile(
    r"\b(?:(?i:days?|weeks?|months?|years?|decades?)\s+(?i:before|after|ahead\s+of|prior\s+to|following|"
    r"leading\s+up\s+to|since)|(?P<eve>(?i:eve))\s+of|(?i:run|lead)[-\u2010\s]up\s+to)\s+"
)
# Between the offset and the date: at most four words of a noun phrase, no punctuation ("the vote on").
_BETWEEN = re.compile(r"(?:[\w.'\u2019-]+\s+){0,4}?")
# Words of the date expression's own that lead into it ("after Nov. 2", "on Tuesday").
_OWN_LEAD = re.compile(r"(?i:(?:late|early)\s+on|on|since|until|till|by|from|in|before|after|during|of)\s+")
_REACH = 80

EVE = "eve"
ANCHOR = "anchor"


def counted_from(text: str, start: int, verb_start: int) -> str | None:
    """How the date written at `start` is an offset's anchor: `EVE` for "the eve of" it, `ANCHOR` for any
    other offset counted from it ("weeks before", "two days after the vote on"), None when it is not one or
    when its own verb (`verb_start`) lies between the offset and the date (it dates that verb)."""
    lead = _OWN_LEAD.match(text, start)
    core = lead.end() if lead else start
    window = max(0, core - _REACH)
    for offset in _OFFSET.finditer(text, window, core):
        between = _BETWEEN.fullmatch(text, offset.end(), core)
        if between is None:
            continue
        if offset.end() <= verb_start < core:
            return None  # "two days after he resigned on Tuesday": Tuesday dates the resigning
        return EVE if offset.group("eve") else ANCHOR
    return None


def eve_start(text: str, start: int) -> int:
    """Where "the eve of" (or "eve of") before the date at `start` begins, for the claim's expression."""
    window = max(0, start - _REACH)
    found = list(re.finditer(r"\b(?:(?i:on)\s+)?(?i:the)\s+(?i:eve)\s+of\b", text[window:start]))
    return window + found[-1].start() if found else start
