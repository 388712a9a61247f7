"""Short forms of English given names ("Dick" for Richard, "Bill" for William), so that two names of one
person in an article ("Richard Blumenthal", "Dick Blumenthal") are one speaker.

Our own small table of the forms US and British news write most, not a full list: a pair joins two
mentions only when their surnames already agree, and a short form shared by several given names
("Chris": Christopher, Christine, Christina) agrees with each of them but never makes two of those
formal names agree with each other.
"""

from __future__ import annotations

import functools

# formal given name: its usual short forms
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "abraham": ("abe",),
    "albert": ("al", "bert"),
    "alexander": ("alex", "sandy"),
    "alexandra": ("alex", "sandra", "sandy"),
    "alfred": ("al", "alf", "fred"),
    "andrew": ("andy", "drew"),
    "anthony": ("tony",),
    "barbara": ("barb", "barbie"),
    "benjamin": ("ben", "benny"),
    "bernard": ("bernie",),
    "catherine": ("cathy", "kate", "katie", "cat"),
    "charles": ("charlie", "chuck", "chas"),
    "christine": ("chris", "chrissy"),
    "christina": ("chris", "tina"),
    "christopher": ("chris", "kit"),
    "cynthia": ("cindy",),
    "daniel": ("dan", "danny"),
    "david": ("dave", "davey"),
    "deborah": ("debbie", "deb"),
    "donald": ("don", "donnie"),
    "douglas": ("doug",),
    "edward": ("ed", "eddie", "ted", "ned"),
    "elizabeth": ("liz", "beth", "betsy", "betty", "lizzie", "eliza"),
    "eugene": ("gene",),
    "frances": ("fran",),
    "francis": ("frank",),
    "frederick": ("fred", "freddie"),
    "gerald": ("gerry", "jerry"),
    "gregory": ("greg",),
    "harold": ("harry", "hal"),
    "henry": ("hank", "harry"),
    "herbert": ("herb",),
    "jacob": ("jake",),
    "james": ("jim", "jimmy", "jamie"),
    "jeffrey": ("jeff",),
    "jennifer": ("jen", "jenny"),
    "jerome": ("jerry",),
    "john": ("jack", "johnny"),
    "jonathan": ("jon",),
    "joseph": ("joe", "joey"),
    "joshua": ("josh",),
    "katherine": ("kathy", "kate", "katie", "kat"),
    "kathleen": ("kathy", "kate"),
    "kenneth": ("ken", "kenny"),
    "lawrence": ("larry",),
    "leonard": ("len", "lenny"),
    "margaret": ("maggie", "meg", "peggy", "marge"),
    "matthew": ("matt",),
    "michael": ("mike", "mikey", "mick"),
    "mitchell": ("mitch",),
    "nathaniel": ("nate", "nat"),
    "nicholas": ("nick", "nicky"),
    "patricia": ("pat", "patty", "trish"),
    "patrick": ("pat", "paddy"),
    "peter": ("pete",),
    "philip": ("phil",),
    "raymond": ("ray",),
    "rebecca": ("becky", "becca"),
    "richard": ("dick", "rick", "rich", "ricky", "richie"),
    "robert": ("bob", "bobby", "rob", "robbie", "bert"),
    "ronald": ("ron", "ronnie"),
    "samuel": ("sam", "sammy"),
    "stephen": ("steve",),
    "steven": ("steve",),
    "susan": ("sue", "susie"),
    "theodore": ("ted", "teddy", "theo"),
    "thomas": ("tom", "tommy"),
    "timothy": ("tim",),
    "victoria": ("vicky", "tori"),
    "vincent": ("vince", "vinny"),
    "walter": ("walt", "wally"),
    "william": ("bill", "billy", "will", "willie", "liam"),
}


@functools.cache
def _pairs() -> frozenset[tuple[str, str]]:
    from .actors import translit_key  # the index compares first names by this key

    pairs = set()
    for formal, shorts in SHORT_FORMS.items():
        for short in shorts:
            a, b = translit_key(formal), translit_key(short)
            pairs.update({(a, b), (b, a)})
    return frozenset(pairs)


def same_given_name(a: str, b: str) -> bool:
    """True when the first-name keys `a` and `b` (`translit_key` forms) are a formal name and one of its
    short forms ("richard" and "dick"); False for two formal names or two short forms."""
    return (a, b) in _pairs()


def formal_of(first: str) -> str | None:
    """The formal given name of a short form when it has only one ("Dick" -> "Richard"), else None."""
    word = first.lower().strip(".")
    found = [formal for formal, shorts in SHORT_FORMS.items() if word in shorts]
    return found[0] if len(found) == 1 else None
