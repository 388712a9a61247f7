"""Actor names: normalisation and matching of the same person or body across articles.

Pure Python. `normalize_name` gives the comparable form of a name (no accents, case, punctuation or
honorifics); `ActorIndex` holds known actors and resolves a new mention to one of them, accepting
accents, common transliteration variants, surname-only mentions and a one-letter misspelling of a
surname when the first name or the role agrees, but never joining two different people.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from rapidfuzz.distance import Levenshtein

from .nicknames import same_given_name


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set (keeps long word lists readable)."""
    return frozenset(text.split())


HONORIFICS = word_set(
    """
    mr mrs ms miss mx dr prof sir dame lord lady rev fr sen rep gov gen col capt lt sgt maj adm
    president minister senator governor mayor ambassador general
    """
)
_LEADING = frozenset({"the"})
# Generational suffixes: "Donald Trump Jr." is not Donald Trump, and his surname is "trump", not "jr".
NAME_SUFFIXES = word_set("jr sr ii iii iv")
_KIN_SUFFIXES = word_set("jr sr")  # a father and son both in the news; numerals mostly a formal full name
_STOP_ROLE = word_set("the of a an and in for to s")
_PERSON_KINDS = frozenset({"person"})


def strip_accents(text: str) -> str:
    """`text` with combining accents removed ("Nicolás" -> "Nicolas")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# The patterns of `normalize_name` and `translit_key`, compiled once (not looked up in re's cache per call).
_POSSESSIVE_S = re.compile(r"['\u2019]s\b")
_INITIAL_DOT = re.compile(r"(?<=\b[a-z])\.(?=[a-z]\.)")
_NOT_WORD = re.compile(r"[^\w\s-]")
_WORD_BREAKS = re.compile(r"[\s_-]+")
_YE_START = re.compile(r"^ye")
_Y_END = re.compile(r"(iy|yy|ij|ii|y)$")
_EY = re.compile(r"(ey|ei)(?=[^aeiou]|$)")
_DOUBLED = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Comparable form of a name: lower case, no accents, punctuation, possessive, article or honorific.

    "Mr. Nicolás Maduro's" -> "nicolas maduro"; "the U.S. State Department" -> "us state department".
    """
    text = strip_accents(name).lower()
    text = _POSSESSIVE_S.sub("", text)
    text = _INITIAL_DOT.sub("", text)  # "u.s." -> "us."
    text = _NOT_WORD.sub(" ", text)
    words = [w for w in _WORD_BREAKS.split(text) if w]
    while words and words[0] in _LEADING:
        words.pop(0)
    while len(words) > 1 and words[0] in HONORIFICS:
        words.pop(0)
    return " ".join(words)


# A surname's particle glued by an apostrophe ("O'Neill", "D'Souza", "O\u2019Rourke"), which `normalize_name`
# splits into an initial and a surname: inside the index the particle stays on the surname, so "O'Neill" alone
# is "Terry O'Neill" and never a person with the initial O.
PARTICLE = re.compile(r"\b([OD])['\u2019](?=[A-Z])")


@functools.lru_cache(maxsize=65536)
def index_form(name: str) -> str:
    """`name` normalised as the index compares it: `normalize_name` with a surname's particle kept on it."""
    return normalize_name(PARTICLE.sub(r"\1", name))


@functools.lru_cache(maxsize=65536)
def translit_key(word: str) -> str:
    """A spelling key that joins common romanisation variants of one name word.

    "sergey"/"sergei", "zakharova"/"zaharova", "yuriy"/"yuri", "yevgeny"/"evgeni" share a key.
    """
    w = word.lower()
    w = w.replace("kh", "h").replace("ph", "f").replace("ck", "k").replace("w", "v")
    w = _YE_START.sub("e", w)
    w = _Y_END.sub("i", w)
    w = _EY.sub("ei", w)
    w = _DOUBLED.sub(r"\1", w)  # doubled letters: "Abbas"/"Abas"
    return w


def _role_words(role: str | None) -> set[str]:
    if not role:
        return set()
    words = set(normalize_name(role).split()) - _STOP_ROLE
    # "Russia's" and "Russian" should agree: compare on a short stem.
    return {w[:5] for w in words}


@dataclass(slots=True)
class Actor:
    id: str
    name: str
    kind: str = "person"
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)

    def names(self) -> list[str]:
        """Every normalised form under which this actor is known."""
        return [n for n in (index_form(x) for x in [self.name, *self.aliases]) if n]


class ActorIndex:
    """Known actors (id, canonical name, kind, aliases, roles) and resolution of new mentions to them.

    `loose_surnames=True` is for one article's own mentions: there a surname one edit away from a
    single known surname is taken as a misspelling even without a first name or role to confirm it.
    """

    def __init__(self, loose_surnames: bool = False) -> None:
        self.loose_surnames = loose_surnames
        self._actors: dict[str, Actor] = {}
        self._exact: dict[str, set[str]] = {}
        # surname key -> {actor id: [(first-name keys, suffix) of each known form]}, for person matching
        self._surnames: dict[str, dict[str, list[tuple[list[str], str]]]] = {}

    def __len__(self) -> int:
        return len(self._actors)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def actor(self, actor_id: str) -> Actor:
        """The stored actor with this id."""
        return self._actors[actor_id]

    def add(
        self,
        actor_id: str,
        name: str,
        kind: str = "person",
        aliases: tuple[str, ...] | list[str] = (),
        role: str | None = None,
    ) -> Actor:
        """Register (or extend) an actor; returns the stored Actor."""
        actor = self._actors.get(actor_id)
        if actor is None:
            actor = self._actors[actor_id] = Actor(actor_id, name, kind)
        for alias in aliases:
            if alias not in actor.aliases and alias != actor.name:
                actor.aliases.append(alias)
        if role and role not in actor.roles:
            actor.roles.append(role)
        for norm in actor.names():
            keys = [translit_key(w) for w in norm.split()]
            self._exact.setdefault(norm, set()).add(actor_id)
            self._exact.setdefault(" ".join(keys), set()).add(actor_id)
            if actor.kind in _PERSON_KINDS:
                bare, suffix = _person_keys(norm.split())
                forms = self._surnames.setdefault(bare[-1], {}).setdefault(actor_id, [])
                if (bare[:-1], suffix) not in forms:
                    forms.append((bare[:-1], suffix))
        return actor

    def resolve_or_add(self, name: str, kind: str = "person", role: str | None = None) -> str:
        """Id of the known actor `name` refers to; when none fits, a new actor (id = its normalised name).

        A fuller spelling of a known person ("Maria Zakharova" after "Zakharova") becomes the canonical
        name, so that the index keeps the fullest form it has seen.
        """
        found = self.resolve(name, role)
        if found is None:
            actor_id = normalize_name(name) or name
            while actor_id in self._actors:  # a different actor already holds that id
                actor_id += "+"
            self.add(actor_id, name, kind, role=role)
            return actor_id
        actor = self._actors[found]
        if len(normalize_name(name).split()) > len(normalize_name(actor.name).split()):
            actor.aliases.append(actor.name)
            actor.name = name
        self.add(found, actor.name, actor.kind, [name], role)
        return found

    def people_ending(self, words: list[str]) -> list[str]:
        """Ids of the people whose name, in index form, ends with `words` after at least one given name
        ("townsend saunders" -> "Yvette Townsend-Saunders")."""
        size = len(words)
        return [
            actor.id
            for actor in self._actors.values()
            if actor.kind in _PERSON_KINDS
            and any(len(form.split()) > size and form.split()[-size:] == words for form in actor.names())
        ]

    def add_alias(self, actor_id: str, alias: str) -> None:
        """Remember another spelling under which `actor_id` was seen."""
        actor = self._actors[actor_id]
        self.add(actor_id, actor.name, actor.kind, [alias])

    def resolve(self, name: str, role: str | None = None) -> str | None:
        """Id of the known actor `name` refers to, or None when none (or more than one) fits."""
        norm = index_form(name)
        if not norm:
            return None
        words = norm.split()
        for key in (norm, " ".join(translit_key(w) for w in words)):
            ids = self._exact.get(key)
            if ids and len(ids) == 1:
                return next(iter(ids))
            if ids:
                return self._by_role(ids, role)
        found = self._match_person(words, role)
        if found is not None:
            return found
        bare = name.split()
        while len(bare) > 1 and bare[0].lower().rstrip(".") in HONORIFICS:
            bare.pop(0)
        if len(bare) == 1 and "-" in bare[0] and len(words) > 1:
            # a hyphenated surname alone ("Townsend-Saunders", "Mr. Campa-Najjar"), which the words compare as a
            # given name and a surname: the one person known in full by it ("Yvette Townsend-Saunders")
            people = self.people_ending(words)
            if len(people) == 1:
                return people[0]
        return self._match_body(words, [a for a in self._actors.values() if a.kind not in _PERSON_KINDS])

    def _by_role(self, ids: set[str], role: str | None) -> str | None:
        wanted = _role_words(role)
        if not wanted:
            return None
        fits = [i for i in ids if any(wanted & _role_words(r) for r in self._actors[i].roles)]
        return fits[0] if len(fits) == 1 else None

    def namesakes(self, name: str) -> list[str]:
        """Ids of the known people whose surname `name` bears and whose first name and suffix do not rule them
        out, in the order they became known: two or more for a bare "Mr. Conway" in an article naming George
        and Kellyanne Conway, which only the mention's own context can tell apart."""
        words = index_form(name).split()
        if not words:
            return []
        bare, suffix = _person_keys(words)
        return [
            i
            for i, forms in self._surnames.get(bare[-1], {}).items()
            if all(_forms_agree(bare[:-1], suffix, f) for f in forms)
        ]

    def _match_person(self, words: list[str], role: str | None) -> str | None:
        bare, suffix = _person_keys(words)
        surname, firsts = bare[-1], bare[:-1]
        # Every first name the actor is known by must agree, not just one of its forms: the surname alone
        # ("Obama") agrees with anyone, and through it "Michelle Obama" would join "Barack Obama", in
        # whichever order the articles happened to name them.
        same = {
            i
            for i, forms in self._surnames.get(surname, {}).items()
            if all(_forms_agree(firsts, suffix, f) for f in forms)
        }
        near: set[str] = set()
        if not same and len(surname) >= 5:
            for k_surname, by_actor in self._surnames.items():
                if abs(len(k_surname) - len(surname)) > 1 or Levenshtein.distance(k_surname, surname) != 1:
                    continue
                for actor_id, forms in by_actor.items():
                    # a misspelt surname needs the first name as written ("Sergei Tyabkov"), never a short form or
                    # an initial on top of it: "Jack Levin" is no misspelt "John Lewis"
                    if all(_forms_agree(firsts, suffix, f) for f in forms) and any(
                        (firsts and f and f[0] == firsts[0])
                        or self.loose_surnames
                        or self._role_fits(self._actors[actor_id], role)
                        for f, _ in forms
                    ):
                        near.add(actor_id)
        for ids in (same, near):
            if len(ids) == 1:
                return next(iter(ids))
            if len(ids) > 1:
                return self._by_role(ids, role)
        return None

    def _role_fits(self, actor: Actor, role: str | None) -> bool:
        wanted = _role_words(role)
        return bool(wanted) and any(len(wanted & _role_words(r)) >= min(2, len(wanted)) for r in actor.roles)

    def _match_body(self, words: list[str], bodies: list[Actor]) -> str | None:
        # "State Department" within "US State Department": one name's words inside the other's, the
        # shorter holding the longer's head word, so that "United States" is not "United States
        # Citizenship and Immigration Services", whose head is "services".
        if len(words) < 2:
            return None
        mine = set(words)
        ids = set()
        for a in bodies:
            for known in a.names():
                theirs = known.split()
                if len(theirs) < 2:
                    continue
                if (mine <= set(theirs) and _head_word(theirs) in mine) or (
                    set(theirs) <= mine and _head_word(words) in theirs
                ):
                    ids.add(a.id)
        return next(iter(ids)) if len(ids) == 1 else None


_NAME_PREPOSITIONS = frozenset({"of", "in", "for", "on", "at"})


def _head_word(words: list[str]) -> str:
    """The head of a body's normalised name: its last word before a preposition ("embassy" of "russian
    embassy in venezuela", "services" of "united states citizenship and immigration services")."""
    for i, word in enumerate(words):
        if word in _NAME_PREPOSITIONS and i > 0:
            return words[i - 1]
    return words[-1]


def _person_keys(words: list[str]) -> tuple[list[str], str]:
    """(spelling keys of a person's normalised name words without a generational suffix, that suffix or "")
    ("donald trump jr" -> (["donald", "trump"], "jr")): the surname is the last key, never the suffix."""
    suffix = ""
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        suffix, words = words[-1], words[:-1]
    return [translit_key(w) for w in words], suffix


def _forms_agree(firsts: list[str], suffix: str, form: tuple[list[str], str]) -> bool:
    """True when a mention's first names and suffix fit a known form of a person with the same surname. The
    suffixes must be equal, except that a surname alone ("Trump", "Mr. Trump") may be either "Donald Trump"
    or "Donald Trump Jr.", and a name without a numeral is the one with it ("Robert Mueller" is "Robert S.
    Mueller III", who is rarely in the news beside a II): "Donald Trump" is never "Donald Trump Jr.", whose
    father often is, nor "Trump Jr." Donald Trump."""
    known_firsts, known_suffix = form
    if suffix != known_suffix and (suffix or (firsts and known_suffix in _KIN_SUFFIXES)):
        return False
    return _firsts_agree(firsts, known_firsts)


def _firsts_agree(a: list[str], b: list[str]) -> bool:
    """First names agree when either is absent, equal (after transliteration), a short form of the other
    ("Dick", "Richard") or an initial of the other."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if x == y or same_given_name(x, y):  # "Dick" and "Richard": one given name
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return False
