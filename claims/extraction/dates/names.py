"""Days that are part of a name, not the date of anything the sentence tells.

"Kristen Breitweiser, co-chair of September 11th Advocates, criticized ..." names an organisation; "the
9/11 Commission", "the September 11th Fund", "the Sept. 11 Memorial and Museum" name a body, a fund, a
place; "the 17 February Brigade", "May 15 Square" an armed group, a place. A date claim there would date
the clause's happening (the criticism) to the day in the name, which a reader of basil-dev found wrong at
confidence 0.95 (and 0.85 for the brigade, datecal13). "The post-Sept. 11 law" describes the law by the
period after the day: the law is not of that day either. "The Sept. 11 attacks", "Sept. 11 victims"
(lower-case) stay: they name the attacks, which happened on that day.
"""

from __future__ import annotations

import re

# Capitalised heads of the names a day can begin: organisations, funds, bodies, places, laws, reports.
_NAME_HEAD = re.compile(
    r"(?:st|nd|rd|th)?\s+(?:[A-Z][\w'\u2019]*\s+){0,2}?"
    r"(?:Advocates|Commission|Committee|Fund|Foundation|Memorial|Museum|Coalition|Movement|Families|"
    r"Act|Accords?|Agreement|Declaration|Group|Project|Society|Association|Alliance|Council|Network|"
    r"Report|Initiative|Institute|Center|Centre|Trust|Campaign|Federation|Union|Party|"
    # armed groups and places named after a day ("the 17 February Brigade", "May 15 Square")
    r"Brigades?|Battalions?|Regiment|Martyrs|Army|Front|Revolution|Square|Street|Stadium|Bridge)\b"
)
_DESCRIBES_A_PERIOD = re.compile(r"\b(?i:post|pre)[-\u2010\u2011]\s*$")


def in_a_name(text: str, start: int, end: int) -> bool:
    """True when the day written at text[start:end] begins a name ("September 11th Advocates", "the 9/11
    Commission") or describes a period after or before it ("post-Sept. 11"), so it dates nothing."""
    if _DESCRIBES_A_PERIOD.search(text, max(0, start - 6), start):
        return True
    return _NAME_HEAD.match(text, end) is not None


# A year that names the election a pursuit aims at: "a potential 2016 run", "to announce a 2016 White House
# bid", "the 2016 Republican presidential nomination", "the front-runner for 2016", "a platform ahead of
# 2020". Only capitalised words and words of elections stand between the year and the pursuit.
_PURSUIT = r"(?:bid|run|race|campaign|candidacy|nomination|candidate|contender|hopeful|ticket|cycle)s?"
_OCCASION_AFTER = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:[A-Z][\w'\u2019.-]*|presidential|gubernatorial|senate|congressional|mayoral|"
    r"re-?election|potential|possible|likely|general|party|primary|election)\s+){0,3}?" + _PURSUIT + r"\b"
)
_OCCASION_BEFORE = re.compile(
    r"\b(?:(?i:front-?runner|frontrunner|candidate|contender|hopeful|bid|run|campaign|nomination)s?\s+"
    r"(?:for|in)|ahead\s+of)\s+(?:the\s+)?$"
)
_YEAR = re.compile(r"\b\d{4}\b")


def names_an_occasion(text: str, start: int, end: int) -> bool:
    """True when the year written in text[start:end] names the election a pursuit aims at (a bid, a run, a
    nomination, a front-runner for it, a platform ahead of it) rather than the time of a happening."""
    year = _YEAR.search(text, start, end)
    if year is None:
        return False
    return (
        _OCCASION_AFTER.match(text, year.end()) is not None
        or _OCCASION_BEFORE.search(text, max(0, year.start() - 40), year.start()) is not None
    )
