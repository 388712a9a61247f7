"""Cheap text features shared by event grouping and claim linking: terms, names, negation.

Pure string work (no spaCy) so that linking 100,000 articles stays within minutes on one core.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from claims.extraction.quantities.units import COUNT_CLASSES
from newstext import stemming
from newstext.dates import calendar_days

from ..types import LinkableClaim
from .stop_words import ENGLISH_STOP_WORDS

# News boilerplate that says nothing about which happening an article covers.
_NEWS_STOP = frozenset(
    " ".join(
        (
            "said says say told tell according reported report reports news statement mr mrs ms dr new",
            "year years day days week weeks month months time times today yesterday monday tuesday",
            "wednesday thursday friday saturday sunday just like also would could make made people",
            "including does did doing having claim claims earlier",
        )
    ).split()
)
STOP_WORDS = frozenset(ENGLISH_STOP_WORDS) | _NEWS_STOP
_WORD = re.compile("[^\\W\\d_]+(?:['\u2019][^\\W\\d_]+)?|\\d+(?:[.,]\\d+)*")
_NAME = re.compile(
    "(?:[A-Z][\\w\u2019'\\-.]*[a-z][\\w\\-]*|[A-Z]{2,})"
    "(?:\\s+(?:of\\s+|de\\s+|the\\s+)?(?:[A-Z][\\w\u2019'\\-.]*|[A-Z]{2,}))*"
)
# Sentence-initial words that are capitalised only because they start the sentence.
_NAME_STOP = STOP_WORDS | frozenset("but and the a an in on at as if it its this that".split())  # noqa: SIM905


_PLAIN = str.maketrans({"\u00a0": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
_COMBINING = re.compile(r"[\u0300-\u036f]")


def fold(text: str) -> str:
    """`text` with accents removed, curly quotes made straight and no-break spaces made plain."""
    if text.isascii():
        return text
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text.translate(_PLAIN)))


STEM_CHARS = 7


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball stem of `word`, cut to seven letters: past that, English words rarely part ways
    ("technicians"/"technical")."""
    return stemming.stem(word)[:STEM_CHARS]


def terms(text: str) -> list[str]:
    """Stemmed content words of `text` (stop words and bare numbers dropped), in order."""
    return list(_terms(text))


@lru_cache(maxsize=4096)  # several claims of one sentence ask for the same terms in a row
def _terms(text: str) -> tuple[str, ...]:
    return tuple(
        stem(w)
        for w in _WORD.findall(fold(text).lower())
        if len(w) > 1 and w not in STOP_WORDS and not w[0].isdigit()
    )


# One thing under two names: the count nouns the extractor counts under one class ("troops" and
# "soldiers", "vessels" and "ships", "jets" and "planes") and being on a ship ("aboard", "on board").
# Statements compare what they say through these, so "denied that any troops were on board the ships"
# meets "about 100 soldiers were aboard the ships". Words longer than a stem are left out: their cut
# stem is other words' too ("commando" and "commander", "serviceman" and "services").
_SAME_THING = {
    **{
        stem(word): stem(cls)
        for word, cls in COUNT_CLASSES.items()
        if word.isalpha() and len(word) <= STEM_CHARS and stem(word) != stem(cls)
    },
    stem("aboard"): stem("board"),
}


def one_name(words: frozenset[str]) -> frozenset[str]:
    """Stemmed `words` with each word that names a thing another word also names written as one
    (`_SAME_THING`): "troop" as "soldier", "vessel" as "ship", "aboard" as "board"."""
    return frozenset(_SAME_THING.get(w, w) for w in words)


def names(text: str) -> list[str]:
    """Capitalised word runs in `text` ("Sergei Ryabkov", "National Assembly"), lower-cased, in order.

    A stand-in for named entities when the caller has none: sentence-initial function words are dropped
    so "The Russian Embassy" gives "russian embassy".
    """
    return list(_names(text))


@lru_cache(maxsize=4096)  # the claims of one sentence ask for its names, in each linking step of a follow-up
def _names(text: str) -> tuple[str, ...]:
    out = []
    for m in _NAME.finditer(fold(text)):
        words = m.group().split()
        while words and words[0].lower() in _NAME_STOP:
            words = words[1:]
        while words and words[-1].lower() in _NAME_STOP:
            words = words[:-1]
        if words:
            out.append(" ".join(words).lower())
    return tuple(out)


def name_keys(name: str) -> set[str]:
    """Keys that identify a person or body across spellings: the full name and its last word, the
    surname, which a generational suffix does not replace ("Roger J. Stone Jr." is Stone, as "Roger Stone"
    in another outlet; "jr." is every junior's)."""
    words = [w for w in re.split(r"[\s\-,]+", fold(name).lower()) if w and w not in _NAME_STOP]
    if not words:
        return set()
    surname = len(words)
    while surname > 1 and words[surname - 1] in GENERATION_SUFFIXES:
        surname -= 1
    return {" ".join(words), words[surname - 1]}


# the suffixes that tell a son from his father of the same name: not a surname
GENERATION_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})


def generation(name: str) -> tuple[str, str]:
    """(first name and surname, generational suffix) of a person's name, middle names and initials left
    out: ("donald trump", "jr") for "Donald J. Trump Jr.", ("donald trump", "") for "Donald Trump"."""
    words = [w for w in re.split(r"[\s\-,]+", fold(name).lower()) if w and w not in _NAME_STOP]
    suffix: list[str] = []
    while len(words) > 1 and words[-1] in GENERATION_SUFFIXES:
        suffix.insert(0, words.pop().rstrip("."))
    return " ".join(words[:1] + words[-1:] if len(words) > 1 else words), " ".join(suffix)


# Who speaks for someone without being them: a person's office or campaign ("Varga's office", "the
# Brill campaign"), an unnamed spokesman ("a spokeswoman for the harbour board"), and the head of a
# body, who speaks for it ("Ada Brill, president of the Harbour Guild", "Guild chairman Ivo Ryland"). A
# named spokesman's quotes are his own words ("we said yes at once", said the mayor's spokesman Karl
# Oster), and so are a lawyer's, an adviser's or a member's.
_SPOKES = r"spokes(?:wo)?m[ae]n|spokespe(?:rson|ople)|press secretary|representatives?|office|campaign"
_HEADS = (
    r"presidents?|chief executive(?: officer)?|ceo|chair(?:man|woman|person)?|founder|co-founder|head|leader"
)
_VOICE = f"{_SPOKES}|{_HEADS}"
_SPOKES_ROLE = re.compile(rf"\b(?:{_SPOKES})\b", re.I)
_SPEAKS_FOR_OF = re.compile(rf"\b(?:{_VOICE})\s+(?:for|of|at|to)\s+(?P<body>.+)$", re.I)
_SPEAKS_FOR_BEFORE = re.compile(rf"^(?P<body>.+?)(?:['\u2019]s?)?\s+(?:{_VOICE})(?:\s+(?:{_VOICE}))?$", re.I)
_ROLE_DETERMINER = re.compile(r"^(?:the|a|an|his|her|its|their)\s+", re.I)
# a title before a name ("Sen. Ada Brill"): the name without it is the key
_TITLE = re.compile(
    r"^(?:(?:sen|rep|gov|gen|lt|col|dr|mr|mrs|ms|prof|senator|representative|governor|president|secretary|"
    r"speaker|mayor|minister)\.?\s+)+",
    re.I,
)


def speaker_keys(name: str) -> set[str]:
    """`name_keys` of a speaker; for a person's office or campaign ("Varga's office", "the Varga
    campaign") the whole name only: its last word is every office's."""
    if _office_of(name):
        return {_whole_key(name)} - {""}
    return name_keys(name)


def office_keys(name: str | None) -> set[str]:
    """Keys of the person whose office or campaign a speaker is ("Varga's office", "the Varga campaign":
    Varga), else none."""
    body = _office_of(name) if name else None
    return name_keys(body) if body else set()


def _office_of(name: str) -> str | None:
    m = _SPEAKS_FOR_BEFORE.match(fold(name).strip())
    return m["body"] if m and _own_name(m["body"]) else None


def voice_keys(role: str | None, named: bool = False) -> set[str]:
    """Keys of the person or body a speaker's role says the speaker speaks for ("spokeswoman for the
    Guild", "president of centrist group Harbour Watch", "Guild chairman", "Varga's press secretary"), or
    none; for a `named` speaker, only a head's role counts (a named spokesman's quotes are his own words).
    Only the capitalised names in that part of the role count: "head of a local charity" names none."""
    if not role:
        return set()
    role = _ROLE_DETERMINER.sub("", fold(role).strip())
    for pattern in (_SPEAKS_FOR_OF, _SPEAKS_FOR_BEFORE):
        m = pattern.search(role)
        if m:
            if named and _SPOKES_ROLE.search(role[: m.start("body")] + role[m.end("body") :]):
                return set()
            # the whole name only: a body's last word ("Fund" of "Save the Harbour Fund") is
            # another body's too; a surname alone ("spokesman for Varga") is a whole name
            keys = {_whole_key(_TITLE.sub("", f"{name} ")) for name in names(m["body"])} - {""}
            if keys:
                return keys
    return set()


def _whole_key(name: str) -> str:
    """The key of a whole name (`name_keys`' longest), "" when it has none."""
    return max(name_keys(name), key=len, default="")


def _own_name(text: str) -> bool:
    """True when `text` is a name (capitalised words), not a role ("Varga" or "the Brill", not "a
    senior")."""
    text = _ROLE_DETERMINER.sub("", text.strip())
    return bool(text) and all(w[:1].isupper() for w in text.split())


def overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """|a & b| / min(|a|, |b|): how much of the shorter set the longer one covers."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def date_mentions(text: str) -> list[str]:
    """Calendar days written in `text`, as "MM-DD" plus "YYYY-MM-DD" when the year is given.

    Two reports of one happening tend to name the same day ("on March 24", "24.03.2019"), whatever
    their wording, so the days work as shared terms for event grouping.
    """
    out = []
    for day in calendar_days(text):
        out.append(f"{day.month:02d}-{day.day:02d}")
        if day.year is not None:
            out.append(f"{day.year}-{day.month:02d}-{day.day:02d}")
    return out


TITLE_CHARS = 45  # a title cut to this many characters (at a word) still tells an editor which article


def source_name(item: LinkableClaim, fallback: str) -> str:
    """How a rationale names where a claim was read: its outlet; else its article's title, cut short, in
    quotes (an imported file with no outlet: "in 'Deputy minister reveals why...' and DW" points an
    editor to the article, "in one outlet and another outlet" to none); else `fallback`."""
    if item.outlet:
        return item.outlet
    title = " ".join(fold(item.title or "").split())
    if not title:
        return fallback
    if len(title) > TITLE_CHARS:
        cut = title.rfind(" ", 0, TITLE_CHARS)
        title = title[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS].rstrip(",;:-\u2013\u2014 ") + "\u2026"
    return f"\u2018{title}\u2019"
