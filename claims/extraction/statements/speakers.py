"""Who is speaking: the article's named actors, and resolution of pronouns and descriptions to them.

The article's own mentions are gathered first (every PERSON, ORG, GPE and NORP entity), so that a
surname, a transliteration or a misspelling resolves to the fullest name the article uses. A pronoun
("she") goes to the most recent compatible speaker; a description ("the spokeswoman", "the Russian
official") to the most recent named person whose role words or gender fit.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors import NAME_SUFFIXES, ActorIndex, index_form, normalize_name, word_set
from ..doccache import column, entities, span_table
from ..nicknames import formal_of

FEMALE = frozenset({"she", "her", "hers", "herself"})
MALE = frozenset({"he", "him", "his", "himself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "we", "us"})
FEMALE_WORDS = word_set(
    """
    spokeswoman chairwoman congresswoman businesswoman woman mrs ms miss madam mother wife daughter
    sister queen actress princess grandmother girl lady
    """
)
MALE_WORDS = word_set("mr sir king father husband son brother prince grandfather boy")
COURTESY_TITLES = word_set("mr mrs ms miss mx messrs mme mlle")
# Heads of descriptions that stand for a person mentioned earlier ("the diplomat said").
PERSON_ROLES = word_set(
    """
    official spokesman spokeswoman spokesperson diplomat minister president leader senator governor
    chancellor secretary ambassador adviser advisor director chief head candidate nominee lawmaker
    congressman congresswoman representative mayor premier envoy general commander officer analyst
    expert lawyer attorney prosecutor judge businessman businesswoman executive chairman chairwoman
    founder author professor researcher economist writer reporter journalist manager coach king queen
    prince pope activist politician democrat republican speaker deputy chairperson ceo man woman veteran
    witness student teacher doctor owner investor strategist aide negotiator sheriff commissioner treasurer
    councilman councilwoman legislator assemblyman assemblywoman comptroller justice
    """
)
# Descriptions vague enough to stand for whoever spoke last ("the official said").
GENERIC_ROLES = word_set(
    "official spokesman spokeswoman spokesperson diplomat representative politician leader man woman"
)
# Heads of descriptions that stand for a body or a document.
DOCUMENT_WORDS = word_set("statement report release communique communiqué letter note document")
# What others say, as nouns ("a charge Tom Hale rejected"): never anyone's role.
CLAIM_NOUNS = word_set("claim charge allegation accusation report rumor rumour suggestion assertion")
GOVERNMENT_WORDS = word_set(
    """
    government ministry department kremlin administration cabinet embassy parliament congress senate
    council presidency office military army police
    """
)
OUTLET_WORDS = word_set(
    """
    news agency newspaper times post journal tv television radio broadcaster press channel network
    magazine tribune herald gazette telegraph guardian reuters afp ap bbc cnn
    wire register chronicle courier observer dispatch bulletin examiner inquirer sentinel monitor
    insider digest daily weekly mirror newswire sputnik tass xinhua interfax ria rt upi dpa efe
    politico axios bloomberg
    """
)
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
# Title words written before a name inside one entity ("Spokesperson Marie Harf", "Deputy Minister X").
_TITLE_WORDS = PERSON_ROLES | word_set("vice foreign prime state defense defence interior acting former")


def name_words(name: str) -> list[str]:
    """The lower-case words of a name, split also at hyphens and inner capitals ("HuffPost" -> huff, post;
    "Union-Tribune" -> union, tribune)."""
    return [w.lower() for part in _NAME_BREAKS.split(name) for w in _CAMEL.split(part) if w]


_NAME_BREAKS = re.compile(r"[\s\-\u2013]+")


def names_outlet(name: str, outlet: str | None = None) -> bool:
    """True when `name` names a news outlet: the article's own outlet, or a name ending in a word outlets
    are called by ("Meridian Wire", "Harbour Gazette", "HuffPost", "RT"). Such a name is never a person."""
    if outlet and normalize_name(name) and normalize_name(name) == normalize_name(outlet):
        return True
    words = name_words(name.strip(" .,'\u2019"))
    # the possessive off the last word ("Times's"), never its own final "s" ("Times", "News", "Reuters")
    return bool(words) and re.sub(r"['\u2019]s?$", "", words[-1].strip(".")).strip(".") in OUTLET_WORDS


# Words that describe a person before the name, never part of it: offices and their short forms, parties,
# trades, and what makes a title past or to come ("Democrat Elijah Cummings", "Historian Alan Brinkley", "Chair
# Ana Ruiz", "Republican presidential candidate Tom Hale", "Former Gov. Ana Ruiz", "GOP Sen. Ana Ruiz").
_OFFICE_WORDS = _TITLE_WORDS | word_set(
    "sen rep gov gen col capt lt sgt maj adm atty supt cmdr sec pres amb cmsr majority minority press"
)
DESCRIPTOR_WORDS = _OFFICE_WORDS | word_set(
    """
    rev msgr democrat democratic dem republican gop independent libertarian conservative liberal progressive socialist
    labour tory
    former ex then onetime late acting interim incoming outgoing retired longtime top senior freshman
    presidential vice-presidential gubernatorial congressional mayoral senatorial
    candidate hopeful contender challenger incumbent frontrunner front-runner nominee
    chair historian economist pollster consultant columnist commentator host anchor correspondent editor
    publisher producer filmmaker director actor actress singer comedian billionaire developer entrepreneur
    banker scientist physician surgeon nurse pastor reverend rabbi imam bishop archbishop cardinal activist
    organizer advocate lobbyist philanthropist donor mogul tycoon cofounder co-founder detective trooper agent
    inspector alderman delegate whip majority minority press attorney lawyer
    """
)
# Lower-case words inside a person's name ("Bill de Blasio", "Vincent van Gogh").
_NAME_PARTICLES = word_set("de van von da del della der la le bin al el di du dos")
# Last words of a place's name: "Prince William County" is a county, not Prince William.
_PLACE_HEADS = word_set("county city state province district township parish island islands")
_NATIONALITY = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i)$")  # "Russian", "Chinese", "British", "Israeli"


def _descriptor_length(word: str) -> int:
    """1 for a word that describes a person before their name ("Gov.", "Democrat", "ex-governor"), else 0."""
    low = word.lower().strip(".,")
    if low in DESCRIPTOR_WORDS:
        return 1
    parts = [p for p in low.split("-") if p]
    return int(len(parts) > 1 and all(p in DESCRIPTOR_WORDS for p in parts))


def _modifier_length(words: list[str], i: int) -> int:
    """How many words from `i` name a state or a nation inside a descriptor ("Ohio Republican", "New York
    Gov.", "Russian President"); 0 when none. Such a word counts only when a descriptor word follows it."""
    for n in (2, 1):
        chunk = words[i : i + n]
        if len(chunk) == n and all(w[:1].isupper() for w in chunk) and is_state_tag(" ".join(chunk)):
            return n
    if words[i : i + 2] == ["White", "House"]:
        return 2
    word = words[i].strip(".,")
    if word in ("U.S.", "US", "House", "Senate", "State"):
        return 1
    return int(bool(_NATIONALITY.match(word)) and not is_given_name(word))


@functools.lru_cache(maxsize=65536)  # a pure function of the words, asked again at every mention
def descriptor_split(name: str, person: bool = False) -> tuple[str, str] | None:
    """(the person's name, the descriptor before it) for a name written with the words that describe the person
    ("Historian Alan Brinkley" -> ("Alan Brinkley", "Historian"); "Former Gov. Ana Ruiz" -> ("Ana Ruiz",
    "Former Gov."); "Ohio Republican Ana Ruiz" -> ("Ana Ruiz", "Ohio Republican")); None when `name` is no
    such thing. The name left must be two or three capitalised words (lower-case particles and a "Jr." aside),
    so that a surname that is also a title ("Judge Reinhold", "King") is never cut to a bare surname, and no
    body's or place's name ("Republican National Committee", "Democratic Party", "Prince William County").
    Unless `person` (the NER or the parse already took it for a person), a descriptor beyond an office's title
    needs a given name after it ("Independent Women's Forum" is no person)."""
    words = name.split()
    i = end = 0
    described: list[str] = []
    while i < len(words):
        if _descriptor_length(words[i]):
            described.append(words[i].lower().strip(".,"))
            i += 1
            end = i
            continue
        step = _modifier_length(words, i)
        if not step:
            break
        i += step
    rest = words[end:]
    core = [w for w in rest if w.lower().strip(".,") not in NAME_SUFFIXES and not _initial(w)]
    if not end or not 2 <= len(core) <= 3:
        return None
    if not rest[0][:1].isupper() or not rest[-1][:1].isupper():
        return None
    if not all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in rest):
        return None
    lower = {w.lower().strip(".,'\u2019") for w in rest}
    if lower & (GOVERNMENT_WORDS | OUTLET_WORDS | BODY_HEADS | _PLACE_HEADS):
        return None  # "Republican National Committee" is a body, not a Republican called National Committee
    if any(w.endswith(("'s", "\u2019s", "'", "\u2019")) for w in rest):
        return None  # "Senate Majority Leader's Office": whose, no name
    titles_only = all(w in _OFFICE_WORDS for w in described)
    if not (person or titles_only or is_given_name(rest[0]) or _initial(rest[0])):
        return None
    return " ".join(rest), " ".join(words[:end])


def descriptor_and_surname(name: str) -> tuple[str, str] | None:
    """(surname, descriptor) for descriptor words then one capitalised word ("Bishop Okafor", "Former Gov.
    Hale"); None otherwise. Whether the word is a surname of somebody known is the caller's to ask."""
    words = name.split()
    end = 0
    while end < len(words) - 1 and _descriptor_length(words[end]):
        end += 1
    if not end or end != len(words) - 1 or not words[-1][:1].isupper():
        return None
    return words[-1], " ".join(words[:end])


def _initial(word: str) -> bool:
    """True for an initial ("J.", "A.B.")."""
    return bool(_INITIALS.fullmatch(word))


_INITIALS = re.compile(r"(?:[A-Z]\.)+")


def join_role(descriptor: str, role: str | None) -> str:
    """The role of a person named with `descriptor` before the name and given `role` elsewhere: the descriptor
    when the role is empty or says nothing more ("Historian" beside "historian"), else both ("Historian, a
    professor at Harbour College" -> "Historian, professor at Harbour College")."""
    if not role:
        return descriptor
    have = {w.lower().strip(".,") for w in role.split()}
    if {w.lower().strip(".,") for w in descriptor.split()} <= have:
        return role
    if {w.lower().strip(".,") for w in descriptor.split()} >= have:
        return descriptor
    return f"{descriptor}, {role}"


# Last words of a body's name: "Republican National Committee", "Harbour Workers Union".
BODY_HEADS = word_set(
    """
    committee party council association union group commission foundation institute center centre league
    board agency bureau corporation company coalition alliance caucus network court society fund club
    """
)


_POSSESSIVE = re.compile(r"^(?P<owner>.+?)(?:'s|\u2019s|s'|s\u2019)\s+(?P<name>\S.*)$")


def owned_person(name: str) -> tuple[str, str] | None:
    """("Adam Sharp", "Twitter") for an entity that is a body's possessive and a person's name of two or three
    capitalised words ("Twitter's Adam Sharp"); None otherwise (a title, "Harbour's Chief Officer", or a
    thing, "Trump's Wall")."""
    found = _POSSESSIVE.match(name)
    if found is None:
        return None
    owner, rest = found["owner"].strip(), found["name"].split()
    if not 2 <= len(rest) <= 3 or not all(w[:1].isupper() and w[1:2].islower() for w in rest):
        return None
    lower = {w.lower().strip(".,") for w in rest}
    if lower & (GOVERNMENT_WORDS | OUTLET_WORDS | _TITLE_WORDS | CLAIM_NOUNS | DOCUMENT_WORDS):
        return None
    if not is_given_name(rest[0]):
        return None  # a person's name opens with a given name: "Trump's Border Wall" is none
    return " ".join(rest), owner


@dataclass(slots=True)
class Speaker:
    name: str | None  # canonical name, None when unnamed or unresolved
    kind: str  # person / organisation / government / outlet / unnamed
    role: str | None = None
    gender: str | None = None


@dataclass(slots=True)
class _Mention:
    pos: int  # token index
    actor: str  # actor id in the article index
    subject: bool = False  # the subject of its sentence ("Mayor Pete Buttigieg ... called for")
    sentence: int = 0  # the token index its sentence starts at


@dataclass
class ArticleActors:
    """The article's named actors and the running state needed to resolve later references."""

    index: ActorIndex = field(default_factory=lambda: ActorIndex(loose_surnames=True))
    mentions: list[_Mention] = field(default_factory=list)
    gender: dict[str, str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)
    role_sets: dict[str, list[set[str]]] = field(default_factory=dict)  # each role's keys on its own
    role_text: dict[str, str] = field(default_factory=dict)  # the first role the article gives
    name_gender: dict[str, str] = field(default_factory=dict)  # from the first name, when nothing else says
    recent_speakers: list[tuple[int, Speaker]] = field(default_factory=list)
    last_unnamed: tuple[int, Speaker] | None = None  # the latest unnamed single person who spoke
    outlet: str | None = None  # the article's own outlet, never a person
    first_named: dict[str, int] = field(default_factory=dict)  # token of a person's first full name
    surname_first: dict[str, int] = field(default_factory=dict)  # token of a surname's first mention
    last_cue: int = -1  # token of the latest cue whose speaker was resolved, named or not
    said: list[tuple[int, int]] = field(default_factory=list)  # token ranges of the sources' words so far
    quoted: list[bool] = field(default_factory=list)  # per token: inside a quotation (a speaker's words)
    # (token, words) of each definite description of a person that is the subject of a main clause outside
    # quotation marks ("The former governor is a triathlete"): whom a pronoun after it may stand for
    described_subjects: list[tuple[int, list[str]]] = field(default_factory=list)

    @classmethod
    def from_doc(cls, doc: Doc, outlet: str | None = None, quoted: list[bool] | None = None) -> ArticleActors:
        """Index every named person and body in `doc`, keeping the fullest form of each person's name.
        A PERSON entity that names an outlet ("Meridian Wire") is no person; a body entity that is a
        title and a name ("Spokesperson Marie Harf") is one. A subject inside a quote (`quoted`, per token)
        is the speaker's words, not the narration's: 'Hale said, "Ruiz was right." He added' is Hale."""
        self = cls()
        self.outlet = outlet
        self.quoted = list(quoted or [])
        ents = entities(doc)
        people = []  # (entity, its clean name): each name is cleaned once, the passes below all read it
        for e in ents:
            if e.label_ != "PERSON" or names_outlet(cleaned := clean_name(e), outlet):
                continue
            ent = given_name_joined(hyphen_joined(e))
            people.append((ent, cleaned if ent is e else clean_name(ent)))
        # Longest names first, so "Maduro" joins "Nicolas Maduro" rather than founding its own actor (and
        # "Bishop Okafor" the "Bishop Daniel Okafor" the NER took for a body).
        named = []
        person_names = []  # each person entity's name without its title or owner
        for ent, cleaned in people:
            titled = descriptor_split(cleaned, person=True) or owned_person(cleaned)
            person_names.append(titled[0] if titled else cleaned)
            named.append((cleaned, person_names[-1], ent))
        bodies = [(e, clean_name(e)) for e in ents if e.label_ in ("ORG", "GPE", "NORP")]
        for ent, cleaned in bodies:
            titled = descriptor_split(cleaned)
            if titled:
                named.append((cleaned, titled[0], ent))
        for _, name, ent in sorted(named, key=lambda n: -len(n[0].split())):
            self._add_person(name, ent)
        for (ent, _), name in sorted(zip(people, person_names, strict=True), key=lambda p: p[0][0].start):
            actor = self.index.resolve(name) if len(index_form(name).split()) > 1 else None
            if actor is not None:
                self.first_named.setdefault(actor, ent.start)
            surname = _surname(name)
            if surname:
                self.surname_first.setdefault(surname, ent.start)
        # The roles the article gives each person it names in full, wherever it gives them: a title before a
        # surname alone is checked against them all ("President Hale" before "the first lady, Ana Hale" is not
        # she), not only against those given before it.
        learned: set[int] = set()
        for ent, cleaned in people:
            full = self.index.resolve(cleaned) if len(index_form(cleaned).split()) > 1 else None
            if full is not None and self.index.actor(full).kind == "person":
                self._learn_role(full, ent)
                learned.add(ent.start)
        others = [(e, cleaned) for e, cleaned in bodies if len(e) <= 2]
        for ent, cleaned in sorted([*people, *others], key=lambda p: p[0].start):
            actor = self.resolve_name(cleaned, role_of(ent), courtesy_gender(ent))
            if actor is None or (ent.label_ != "PERSON" and self.index.actor(actor).kind != "person"):
                continue
            main_subject = ent.root.dep_ in ("nsubj", "nsubjpass") and (
                _main_clause(ent.root.head) or _opening_clause(ent.root.head, _titled_start(ent))
            )
            # the name set off after a main clause's subject is that subject ("One of them, Senator Maria Vance,
            # is among ...": Vance is whom a "she" after stands for)
            main_subject = main_subject or _apposed_to_main_subject(ent)
            main_subject = main_subject and not (quoted and quoted[ent.start])
            self.mentions.append(_Mention(ent.start, actor, main_subject, ent.sent.start))
            if ent.start not in learned:
                self._learn_role(actor, ent)
        # A surname the tagger left untagged as a main clause's subject ("Hale later left the meeting") is
        # that named person's mention when it is the surname of one the article named ("Peter Hale").
        tagged = {i for e in ents for i in range(e.start, e.end)}
        # Both passes below read only a subject: the dependency column picks those without building every Token.
        subject_deps = (doc.vocab.strings["nsubj"], doc.vocab.strings["nsubjpass"])
        subjects = [doc[i] for i, dep in enumerate(column(doc, "DEP")) if dep in subject_deps]
        for tok in subjects:
            if (
                tok.i in tagged
                or tok.pos_ != "PROPN"
                or tok.dep_ not in ("nsubj", "nsubjpass")
                or not tok.text[:1].isupper()
                or (quoted and quoted[tok.i])
                or not _main_clause(tok.head)
                or any(c.dep_ in ("compound", "poss", "conj") for c in tok.children)
            ):
                continue
            actor = self.resolve_name(tok.text)
            if (
                actor is not None
                and self.index.actor(actor).kind == "person"
                and _surname(actor) == _surname(tok.text)
            ):
                self.mentions.append(_Mention(tok.i, actor, True, tok.sent.start))
        self.mentions.sort(key=lambda m: m.pos)
        self.described_subjects = [
            (tok.i, words)
            for tok in subjects
            if (words := _described_subject(tok)) is not None and not (quoted and quoted[tok.i])
        ]
        return self

    def _add_person(self, name: str, ent: Span) -> None:
        if not name:
            return
        split = descriptor_and_surname(name)
        if (
            split is not None
            and self.index.resolve(name) is None
            and self.index.resolve(split[0]) is not None
        ):
            name = split[0]  # "Bishop Okafor" after "Bishop Daniel Okafor": the one person, no other
        if len(index_form(name).split()) == 1 and any(
            _kin_named(self.index.actor(a).name) for a in self.index.namesakes(name)
        ):
            return  # "Trump" beside Donald Trump Jr.: told apart at each mention, never merged with him
        actor = self.index.resolve(name)
        if actor is None:
            self.index.add(name, name, "person")
            actor = name
        else:
            self.index.add_alias(actor, name)
            known = self.index.actor(actor)
            if formal_of(known.name.split()[0]) == name.split()[0].lower() and len(name.split()) > 1:
                known.name = (
                    name  # "Dick Blumenthal" then "Richard Blumenthal": one person, by the formal name
                )
        gender = gender_of_first_name(name) if len(name.split()) > 1 else None  # "Warren" is a surname
        if gender:
            self.name_gender.setdefault(actor, gender)

    def _learn_role(self, actor: str, ent: Span) -> None:
        role = role_of(ent)
        if role:
            self.roles.setdefault(actor, set()).update(_role_keys(_served_cut(role)))
            self.role_sets.setdefault(actor, []).append(_role_keys(_served_cut(role)))
            self.role_text.setdefault(actor, role)
            # the role's own words, not whom it serves: "lawyer for Mrs. Ruiz" is no woman
            gender = gender_of_words(_served_cut(role).lower().split())
            if gender:
                self.gender.setdefault(actor, gender)
        prev = ent.doc[ent.start - 1] if ent.start else None
        title = prev.lower_.rstrip(".") if prev is not None else ""
        if title in _ROLE_SYNONYMS or title in PERSON_ROLES:  # "Rep. Blake Farenthold (R-Texas)"
            # the title word with the markers of the words before it ("Vice President Pence": still vice)
            before = ent.doc[max(0, prev.i - 3) : prev.i].text
            keys = _role_keys(title) | _markers(_role_keys(before))
            self.roles.setdefault(actor, set()).update(keys)
            self.role_sets.setdefault(actor, []).append(keys)
        if prev is not None and prev.lower_.rstrip(".") in MALE_WORDS | FEMALE_WORDS:
            self.gender.setdefault(actor, gender_of_words([prev.lower_.rstrip(".")]) or "")

    def _title_misfits(self, actor: str, role: str) -> bool:
        """True when a title before a surname cannot be the one person of that surname the article named in
        full, whom it gave only as somebody's relative ("President Obama" beside "the first lady, Michelle
        Obama"; "Senator Hale" beside "his wife, Ana Hale"): her role is a family one and none fits the title."""
        sets = self.role_sets.get(actor) or []
        text = self.role_text.get(actor)
        keys = _role_keys(_served_cut(role))
        if (
            not sets
            or not text
            or not keys
            or not _KIN_ROLE_WORDS & {w.strip(",.").lower() for w in text.split()}
        ):
            return False
        return not any(roles_fit(keys, one) for one in sets)

    def _shared_surname(self, name: str) -> bool:
        """True when a surname alone may stand for more than one person the article names in full, or for a
        "Jr." or "Sr." whom a surname alone names only in an article about him."""
        found = self.index.namesakes(name)
        return len(found) > 1 or any(_kin_named(self.index.actor(a).name) for a in found)

    def resolve_name(self, name: str, role: str | None = None, gender: str | None = None) -> str | None:
        """The actor id a mention of `name` stands for. A surname alone that several people the article names
        in full share ("Mr. Conway" beside George and Kellyanne Conway, "Mr. Trump" beside Donald Trump and
        Donald Trump Jr.) is the one whose title (`role`) fits, else whose gender fits the courtesy title
        (`gender`: "Mr." is no Kellyanne); between a "Jr." and his namesake, the one the article named first,
        who is what it is about (a "Jr." only in an article about him). Nothing else tells two namesakes apart:
        the index's own answer then. None when no one fits."""
        if len(index_form(name).split()) != 1 or not self._shared_surname(name):
            actor = self.index.resolve(name, role)
            if (
                actor is not None
                and gender
                and len(index_form(name).split()) == 1
                and self.name_gender.get(actor) not in (None, gender)
            ):
                # "Mr. Obama" where the article names only "the first lady, Michelle Obama" in full: somebody
                # else of that surname, never the one whose first name the courtesy title contradicts
                return None
            # the title may come as the role or inside the name itself ("President Obama", no role given)
            titled = role or (split[1] if (split := descriptor_and_surname(name)) else None)
            if (
                actor is not None
                and titled
                and len(index_form(name).split()) == 1
                and self._title_misfits(actor, titled)
            ):
                return None  # "President Obama" where the article names only "the first lady, Michelle Obama"
            return actor
        keys = _role_keys(_served_cut(role)) if role else set()

        def titled(actor: str) -> bool:
            return bool(keys) and any(roles_fit(keys, one) for one in self.role_sets.get(actor, []))

        first = self.surname_first.get(_surname(name))
        found = [
            a
            for a in self.index.namesakes(name)
            # "Mr. Trump" is Donald Trump Jr. only where the article names him before any other Trump, and
            # "President Trump" only if he is known as president
            if not _kin_named(self.index.actor(a).name)
            or (self.first_named.get(a) == first and (not keys or titled(a)))
        ]
        fitting = [a for a in found if titled(a)]
        if len(fitting) == 1:
            return fitting[0]
        if role and len(role.split()) == 1:
            # "President Obama" once the surname alone is an actor of its own: never the first lady named in full
            # (a title only: "Mr. Conway, a vocal critic" is not told apart from a husband by his description)
            found = [a for a in found if not self._title_misfits(a, role)]
        if gender:
            known = [a for a in found if self._gender_known(a) == gender]
            if len(known) == 1:
                return known[0]
            found = [a for a in found if self._gender_known(a) in (None, gender)]
        # a word glued before a full name (a headline's "Rip Donald Trump") makes no person to prefer, nor does
        # the surname alone the article also used as a name of its own
        found = [a for a in found if not _glued_before_name(self.index.actor(a).name)] or found
        found = [a for a in found if len(normalize_name(self.index.actor(a).name).split()) > 1] or found
        if len(found) <= 1:
            return found[0] if found else None
        if not any(_kin_named(self.index.actor(a).name) for a in found):
            return self.index.resolve(name, role)  # nothing tells two namesakes apart: no guess
        return min(found, key=lambda a: self.first_named.get(a, len(self.first_named) + 10**9))

    def person(self, name: str, role: str | None = None, gender: str | None = None) -> Speaker:
        """The person `name` as the article names them most fully (`gender` from a courtesy title before the
        name, which tells apart two people of one surname)."""
        described = descriptor_split(name, person=True) or self._titled_surname(name, role, gender)
        if described is not None:  # "Historian Alan Brinkley": Alan Brinkley, a historian
            name, role = described[0], join_role(described[1], role)
        actor = self.resolve_name(name, role, gender)
        if actor is None:
            self.index.add(name, name, "person", role=role)
            actor = name
        elif _fuller_name(name, self.index.actor(actor).name):
            # "Rahm Emanuel, the mayor, said" where the NER tagged only a later "Mr. Emanuel": the person is
            # known by the fullest name the article gives, the shorter form kept as an alias
            known = self.index.actor(actor)
            shorter, known.name = known.name, name
            self.index.add(actor, name, known.kind, [shorter])
        role = role or self.role_text.get(actor)
        return Speaker(self.index.actor(actor).name, "person", role, self.gender.get(actor) or None)

    def _titled_surname(self, name: str, role: str | None, gender: str | None) -> tuple[str, str] | None:
        """(surname, descriptor) for a descriptor and a surname ("Bishop Okafor") that the article knows only by
        the surname, as someone it named in full ("Bishop Daniel Okafor", indexed as Daniel Okafor); None
        otherwise: a title that is also a name ("Judge Reinhold") stays as written when nobody else fits."""
        split = descriptor_and_surname(name)
        if split is None or self.resolve_name(name, role, gender) is not None:
            return None
        if self.resolve_name(split[0], join_role(split[1], role), gender) is None:
            return None
        return split

    def remember(
        self, pos: int, speaker: Speaker, indefinite: bool = False, words: tuple[int, int] | None = None
    ) -> None:
        """Record that `speaker` spoke at token `pos` (pronouns and descriptions look back at this);
        `indefinite` for a source introduced as nobody known ("a senior official"), whom a pronoun after
        can stand for (a definite "the official" the article failed to resolve is somebody named); `words`,
        the token range of what they said, whose subjects are theirs to tell of, not the narration's."""
        self.last_cue = pos
        if words is not None:
            self.said.append(words)
        if speaker.name is not None:
            self.recent_speakers.append((pos, speaker))
        elif speaker.kind == "unnamed" and indefinite and _one_person(speaker.role):
            self.last_unnamed = (pos, speaker)

    def role_holder(
        self, pos: int, role: str, principal: str, kin: bool = False, later: bool = False
    ) -> Speaker | None:
        """The person the article named before `pos` with the agent's `role` ("lawyer", "spokesman") who is
        not `principal` ("Mr. Hale's lawyer, Ana Ruiz," then "His lawyer said": Ruiz); None for none or
        several. A relative (`kin`: "his father") must be given as the principal's: "Hale's father, Peter
        Hale," or "his father, Peter Hale," is Hale's, "Ruiz's father, Juan Ruiz," nobody else's. With
        `later`, the person named after `pos` instead ("Hale's lawyer said ..." before "Hale's lawyer, Ana
        Ruiz, said"), who must be given as the principal's too."""
        keys = _role_keys(role)
        principal_actor = self.index.resolve(principal) or principal

        def whose(actor: str) -> bool:
            if not kin and not later:
                return True
            owner = _role_owner(self.role_text.get(actor, ""))
            if owner is None:
                return False
            if owner.lower() in MALE | FEMALE | {"their"}:
                return True
            # "Hale's father, Peter Hale,": a surname the father shares resolves to neither Hale alone
            return (self.index.resolve(owner) or owner) == principal_actor or (
                len(normalize_name(owner).split()) == 1 and _surname(owner) == _surname(principal_actor)
            )

        found = {
            self.index.resolve(m.actor) or m.actor
            for m in self.mentions
            if (m.pos > pos if later else m.pos < pos)
            and any(roles_fit(keys, one) for one in self.role_sets.get(m.actor, []))
            and whose(m.actor)
        }
        found.discard(principal_actor)
        return self._speaker_of(found.pop()) if len(found) == 1 else None

    def unnamed_antecedent(self, pos: int, pronoun: str) -> Speaker | None:
        """The unnamed person a pronoun at `pos` stands for: the one who spoke last, a few sentences back, when
        no named speaker or named subject came since and the gender fits ("A senior official said ... He
        added", "The chief justice also asked ... After all, he said"); None otherwise."""
        if self.last_unnamed is None:
            return None
        spoke, speaker = self.last_unnamed
        if not 0 < pos - spoke <= _UNNAMED_REACH:
            return None
        if any(spoke < at < pos for at, _ in self.recent_speakers):
            return None
        if any(spoke < m.pos < pos and m.subject for m in self.mentions):
            return None
        want = "f" if pronoun in FEMALE else "m" if pronoun in MALE else None
        have = gender_of_words(_role_head_words(speaker.role))  # "spokeswoman for Mr. Hale": a woman
        return speaker if want is not None and have in (None, want) else None

    def unnamed_described(self, pos: int, head: str) -> Speaker | None:
        """The unnamed source a definite description at `pos` whose head noun is `head` stands for, when that
        source spoke last of the unnamed, a few sentences back, and its role has that head ("A spokesperson for
        Tom Hale said ... The spokesperson added": "spokesperson for Tom Hale", not a bare "spokesperson");
        None otherwise."""
        if self.last_unnamed is None:
            return None
        spoke, speaker = self.last_unnamed
        if not 0 < pos - spoke <= _UNNAMED_REACH or not speaker.role:
            return None
        before = _role_head_words(speaker.role)
        return speaker if before and before[-1] == head else None

    def by_pronoun(self, pos: int, pronoun: str, clause_end: int | None = None) -> Speaker | None:
        """The most recent speaker or person before `pos` that the pronoun can stand for; never a person
        its own clause names after it, up to `clause_end` ("he made a plea to Mr. Hale", "she said Ruiz
        lied": not Hale, not Ruiz)."""
        want = "f" if pronoun in FEMALE else "m" if pronoun in MALE else None
        barred = {m.actor for m in self.mentions if clause_end is not None and pos < m.pos < clause_end}

        def fits(name: str | None) -> bool:
            return self._gender_fits(name, want) and (self.index.resolve(name or "") or name) not in barred

        for spoke, sp in reversed(self.recent_speakers):
            if sp.kind == "person" and fits(sp.name):
                # A person made the subject of a sentence since then is nearer ("Mayor Pete Buttigieg
                # also called for ... And in an interview, he said").
                # (not one inside what a source said: "According to Hale, Grant misled the council. He
                # added" is Hale)
                later = [
                    m
                    for m in self.mentions
                    if spoke < m.pos < pos and m.subject and not any(a <= m.pos < b for a, b in self.said)
                ]
                # A description of a person as such a subject is that person ("The former governor is a
                # triathlete. He released"), and the nearest subject who fits decides, the last speaker too
                # ("Hale said ... Grant objected. Hale then left. He said": Hale).
                subjects = [(m.pos, self._speaker_of(m.actor)) for m in later]
                for at, words in self.described_subjects:
                    if spoke < at < pos and not any(a <= at < b for a, b in self.said):
                        found = self.by_description(at, words)
                        if found is not None:
                            subjects.append((at, found))
                for _, found in sorted(subjects, key=lambda one: -one[0]):
                    if fits(found.name):
                        if found.name != sp.name:
                            return found
                        break
                other = self._other_participant(spoke, pos, want)
                if other is not None and other.name != sp.name and fits(other.name):
                    return other
                return sp
        before = [m for m in self.mentions if m.pos < pos and fits(m.actor)]
        if not before:
            return None
        # Nobody has spoken yet: the nearest sentence naming someone who fits, its subject before the
        # others ("Paul Grant visited Tom Hale on Friday. He said": Grant).
        near = [m for m in before if m.sentence == before[-1].sentence]
        # a person known to fit before one who only might ("Draft ... depicted efforts by spokeswoman Victoria
        # Nuland ... she argued": the NER's "Draft" is nobody), the subject first
        near.sort(key=lambda m: (want is not None and self._gender_known(m.actor) != want, not m.subject))
        return self._speaker_of(near[0].actor)

    def _other_participant(self, spoke: int, pos: int, want: str | None) -> Speaker | None:
        """The person the pronoun at `pos` shifts to in the sentence right before it, after the last speaker
        spoke: when that sentence's subject is a person the pronoun cannot stand for, the other person it
        names who fits ("Karen Miller met Peter Vance on Tuesday. He said": Vance); None otherwise."""
        if want is None:
            return None
        earlier = [m for m in self.mentions if spoke < m.pos < pos]
        if not earlier:
            return None
        last = [m for m in earlier if m.sentence == earlier[-1].sentence]
        subjects = [m for m in last if m.subject]
        if not subjects or any(self._gender_fits(m.actor, want) for m in subjects):
            return None
        fits = [m for m in last if not m.subject and self._gender_fits(m.actor, want)]
        if not fits or len({self.index.resolve(m.actor) or m.actor for m in fits}) > 1:
            return None  # two who fit: no telling which
        have = self.gender.get(self.index.resolve(fits[0].actor) or fits[0].actor) or self.name_gender.get(
            self.index.resolve(fits[0].actor) or fits[0].actor
        )
        return self._speaker_of(fits[0].actor) if have == want else None

    def president(self) -> str | None:
        """The name of the one person the article calls president now ("President Obama"; not "Vice President
        Pence" nor "former President Bush"), None when it names none or several."""
        holders = {
            self.index.actor(actor).name
            for actor, title in self.role_text.items()
            if title in ("President", "U.S. President", "US President") and actor in self.index
        }
        return holders.pop() if len(holders) == 1 else None

    def latest_speaker(self) -> Speaker | None:
        """The person who spoke last, if a named person did."""
        people = [sp for _, sp in self.recent_speakers if sp.kind == "person" and sp.name]
        return people[-1] if people else None

    def by_description(self, pos: int, words: list[str]) -> Speaker | None:
        """The earlier named person a description like "the Russian official" refers to.

        A person whose role in the article shares a word with the description wins; a generic
        description ("the official", "the spokesman") may also stand for the latest person speaking.
        """
        keys = _role_keys(" ".join(words))
        want = gender_of_words(words)
        generic = bool(words) and words[-1].lower() in GENERIC_ROLES
        party = _role_keys(words[-1]) & PARTY_KEYS if words else set()
        candidates: list[str] = [
            sp.name for _, sp in reversed(self.recent_speakers) if sp.kind == "person" and sp.name
        ]
        candidates += [m.actor for m in reversed(self.mentions) if m.pos < pos]
        fallback: str | None = None
        for actor_name in candidates:
            actor = self.index.resolve(actor_name) or actor_name
            if not self._gender_fits(actor, want):
                continue
            have = self.roles.get(actor, set())
            if party and not party & have:
                continue  # "the Senate's top Democrat" is a Democrat, whatever else fits
            if any(roles_fit(keys, one) for one in self.role_sets.get(actor, [])):
                return self._speaker_of(actor)  # one role the article gives fits ("former agent" is no marker
                # on "Rep. Grimm")
            # "the former official" is not whoever spoke last, unless a former one; "the woman" is somebody
            # known to be a woman
            known = want is None or self._gender_known(actor) == want
            now = any(_markers(keys) <= _markers(one) for one in self.role_sets.get(actor) or [set()])
            if generic and fallback is None and now and known:
                fallback = actor
        return self._speaker_of(fallback) if fallback else None

    def _speaker_of(self, actor: str) -> Speaker:
        actor = self.index.resolve(actor) or actor
        name = self.index.actor(actor).name if actor in self.index else actor
        return Speaker(name, "person", self.role_text.get(actor), self.gender.get(actor) or None)

    def _gender_known(self, name: str) -> str | None:
        actor = self.index.resolve(name) or name
        return self.gender.get(actor) or self.name_gender.get(actor)

    def _gender_fits(self, name: str | None, want: str | None) -> bool:
        if want is None or name is None:
            return True
        actor = self.index.resolve(name) or name
        have = self.gender.get(actor) or self.name_gender.get(actor)
        return not have or have == want

    def learn_gender(self, name: str, pronoun: str) -> None:
        """A pronoun resolved to `name` tells that actor's gender for later pronouns."""
        want = "f" if pronoun in FEMALE else "m" if pronoun in MALE else None
        actor = self.index.resolve(name) or name
        if want:
            self.gender.setdefault(actor, want)


# Roles that tell whose relative somebody is, never an office: a title before the surname is somebody else's.
_KIN_ROLE_WORDS = word_set("lady wife husband widow widower mother father daughter son sister brother spouse")


def _role_owner(role: str) -> str | None:
    """Whose a role is by its own words: the possessor opening it ("Hale's father" -> "Hale", "His father" ->
    "His", "the mayor's wife" -> None: a description names nobody by itself); None without one."""
    words = role.split()
    owner: list[str] = []
    for word in words:
        possessor = word[:-2] if word.endswith(("'s", "\u2019s")) else None
        if word.lower() in MALE | FEMALE | {"their"}:
            return word
        if possessor is not None:
            owner.append(possessor)
            return " ".join(owner) if owner[0][:1].isupper() else None
        owner.append(word)
    return None


def _surname(name: str) -> str:
    """The surname of a person's name, normalised, without "Jr." or "III" ("" for none)."""
    words = index_form(name).split()
    if len(words) > 1 and words[-1] in NAME_SUFFIXES:
        words = words[:-1]
    return words[-1] if words else ""


def _glued_before_name(name: str) -> bool:
    """True for a name of three or more words whose second word, not its first, is a given name ("Rip Donald
    Trump" from a headline "Black Lawmakers Rip Donald Trump")."""
    words = name.split()
    return len(words) >= 3 and is_given_name(words[1]) and not is_given_name(words[0])


def _kin_named(name: str) -> bool:
    """True for a name with "Jr." or "Sr.": a son or father whose namesake is often in the same news."""
    words = normalize_name(name).split()
    return len(words) > 1 and words[-1] in NAME_SUFFIXES and words[-1] in ("jr", "sr")


def courtesy_gender(ent: Span) -> str | None:
    """ "m" or "f" from the courtesy title before or opening a person's name ("Mr. Conway", "Ms. Conway");
    None without one."""
    doc = ent.doc
    words = [t for t in (doc[ent.start - 1] if ent.start else None, doc[ent.start]) if t is not None]
    titles = [t.lower_.rstrip(".") for t in words if t.lower_.rstrip(".") in COURTESY_TITLES]
    return gender_of_words(titles) if titles else None


_UNNAMED_REACH = 60  # tokens from an unnamed speaker's cue to a pronoun that stands for them


def _role_head_words(role: str | None) -> list[str]:
    """The lower-case words of a role before whom or what it serves ("spokesperson for Tom Hale" -> spokesperson;
    "senior administration official" as it is)."""
    return re.split(r"\b(?:for|of|to|at|in|with)\b", (role or "").lower(), maxsplit=1)[0].split()


def _one_person(role: str | None) -> bool:
    """True for the role of one unnamed person ("senior administration official", "chief justice", "spokesperson
    for Tom Hale"), not a group ("officials", "Finland, Sweden and Estonia") or no role at all."""
    words = _role_head_words(role)
    return bool(words) and words[-1] in PERSON_ROLES and not any(w in ("and", "&") or "," in w for w in words)


def _titled_start(ent: Span) -> int:
    """The first token of a name with the title the tagger left out of it ("Sen." of "Sen. Mazie Hirono"): the
    proper nouns right before the entity that hang on its head."""
    start = ent.start
    while start > ent.sent.start and (
        ent.doc[start - 1].pos_ == "PROPN"
        and ent.doc[start - 1].dep_ == "compound"
        and ent.doc[start - 1].head.i == ent.root.i
    ):
        start -= 1
    return start


def _described_subject(tok: Token) -> list[str] | None:
    """The words of a definite description of one person ("the former New Mexico governor") when `tok` heads
    it as the subject of a main clause, None otherwise."""
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.tag_ != "NN" or tok.lower_ not in PERSON_ROLES:
        return None
    if tok.ent_type_ or not _main_clause(tok.head):
        return None
    words = [t for t in tok.subtree if t.i <= tok.i]
    if not words or words[0].lower_ != "the" or any(t.tag_ == "POS" or t.dep_ == "poss" for t in words):
        return None  # "the mayor's spokesman" is somebody else's agent
    return [t.lower_ for t in words[1:]]


def _main_clause(verb: Token) -> bool:
    """True for the root of a sentence or a clause joined to it ("The bridge stays shut, and Mayor Tom Hale
    also visited ...", which the parse may join to the sentence before)."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _opening_clause(verb: Token, start: int) -> bool:
    """True for the verb of a clause a subject opens its sentence with, which the parse hung on a later verb
    with no conjunction to make it subordinate ("Hale tweeted Tuesday he's not sure", "tweeted" read as an
    adverbial clause of "'s"): the sentence's main clause, whose subject a pronoun after it may well be."""
    sent = verb.sent
    first = next((t.i for t in sent if not (t.is_space or t.is_punct)), sent.start)
    return (
        start == first
        and verb.dep_ in ("advcl", "ccomp")
        and verb.i < verb.head.i
        and verb.head.dep_ == "ROOT"
        and not any(c.dep_ == "mark" or c.tag_ in ("WRB", "WDT", "WP") for c in verb.children)
    )


@functools.cache
def _first_names() -> tuple[frozenset[str], frozenset[str]]:
    """(female, male) given names from Faker's American and British English person providers (their
    lists of common given names: maintained, MIT-licensed)."""
    from faker.providers.person.en_GB import Provider as British
    from faker.providers.person.en_US import Provider as American

    female = {n.lower() for p in (American, British) for n in p.first_names_female}
    male = {n.lower() for p in (American, British) for n in p.first_names_male}
    return frozenset(female), frozenset(male)


def is_given_name(word: str) -> bool:
    """True when `word` is a given name of either gender in the name lists ("Adam", "Jordan")."""
    female, male = _first_names()
    return word.lower().strip(".,") in female | male


def gender_of_first_name(name: str) -> str | None:
    """ "f" or "m" when the first word of `name` is a given name the lists give to one gender only
    ("Meredith Vieira" -> "f"); None for a name given to both (Terry, Jordan, Robin), an unknown name
    or an initial."""
    first = name.split()[0].lower().strip(".,") if name.split() else ""
    if len(first) < 2:
        return None
    female, male = _first_names()
    if first in female and first not in male:
        return "f"
    if first in male and first not in female:
        return "m"
    return None


def gender_of_words(words: list[str]) -> str | None:
    """ "f" or "m" when a word of `words` marks gender ("spokeswoman", "Mrs"), else None."""
    lower = {w.lower().rstrip(".") for w in words}
    if lower & FEMALE_WORDS:
        return "f"
    if lower & MALE_WORDS:
        return "m"
    return None


# Titles written short or in other words: "Rep. Farenthold" is "the congressman", "Sen. King" "the senator".
_ROLE_SYNONYMS = {
    **dict.fromkeys(("rep", "representative", "congressman", "congresswoman", "congressmen"), "repre"),
    **dict.fromkeys(("sen", "senator"), "senat"),
    **dict.fromkeys(("gov", "governor"), "gover"),
    **dict.fromkeys(("atty", "attorney"), "attor"),
    **dict.fromkeys(("sec", "secretary"), "secre"),
    **dict.fromkeys(("spokesman", "spokeswoman", "spokesperson"), "spoke"),
}


# Words that make a title another office or a past one: "Vice President Pence" is not "the president", and
# "the former official" is nobody who holds an office now. Kept in a role's keys as markers ("~vice").
_OFFICE_MARKERS = {
    **dict.fromkeys(("vice", "deputy", "assistant", "lieutenant", "lt", "under"), "~vice"),
    **dict.fromkeys(("former", "ex", "onetime", "erstwhile"), "~former"),
}


def _role_keys(text: str) -> set[str]:
    # Five-letter stems so "Russia's" matches "Russian" and "ministry" matches "minister".
    words = [w for w in normalize_name(text).replace("-", " ").split() if w not in ("the", "and", "for")]
    markers = {_OFFICE_MARKERS[w] for w in words if w in _OFFICE_MARKERS}
    words = [w for w in words if w not in _OFFICE_MARKERS]
    return markers | {_ROLE_SYNONYMS.get(w, w[:5]) for w in words if len(w) > 2 or w in _ROLE_SYNONYMS}


PARTY_KEYS = frozenset({"democ", "repub", "indep", "conse", "liber", "labou", "tory"})


def _markers(keys: set[str]) -> set[str]:
    return {k for k in keys if k.startswith("~")}


def roles_fit(wanted: set[str], have: set[str]) -> bool:
    """True when a description's role keys (`wanted`) fit a person's (`have`): a word in common, and the
    same office markers ("the president" is not "Vice President Pence", nor "the former governor" Gov. Hale)."""
    return bool((wanted - _markers(wanted)) & have) and _markers(wanted) == _markers(have)


def _served_cut(role: str) -> str:
    """A role without whom it serves: "spokeswoman for Speaker Paul Ryan" is a spokeswoman, not a speaker;
    "the president's counselor" a counselor, not a president (a place stays: "Russia's foreign minister"); and "a lawyer and the husband of Ana Ruiz,
    the mayor's aide" ends before the comma that describes someone else."""
    for word in (" for ", " to ", ", "):
        role = role.split(word, 1)[0]
    return " ".join(w for w in role.split() if _possessor(w) not in PERSON_ROLES)


def _possessor(word: str) -> str:
    """The lower-case owner of a possessive word ("president's" -> "president"), "" for no possessive."""
    for suffix in ("'s", "\u2019s"):
        if word.endswith(suffix):
            return word[: -len(suffix)].lower()
    return ""


def hyphen_joined(ent: Span) -> Span:
    """`ent` stretched over the halves of a hyphenated name it cut ("Mr. Campa-Najjar", where the NER took
    only "Campa"): proper nouns joined to it by a hyphen with no space."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        if doc[end].whitespace_ or doc[end + 1].pos_ != "PROPN" or not doc[end + 1].text[:1].isupper():
            break
        end += 2
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
        if (
            doc[start - 1].whitespace_
            or doc[start - 2].pos_ != "PROPN"
            or not doc[start - 2].text[:1].isupper()
        ):
            break
        start -= 2
    return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)


# Ranks and titles written before a surname that no list of given names holds ("Captain Johnson").
_RANKS = word_set(
    "captain lieutenant sergeant major colonel admiral corporal private detective inspector superintendent "
    "marshal trooper constable chief"
)


def _given_word(word: str) -> bool:
    """True for a word that may be a given name before a surname: in the lists of given names, and no courtesy
    title, rank, role or descriptor ("Captain", "Justice", "Historian")."""
    lower = word.lower().rstrip(".")
    if (
        lower in COURTESY_TITLES | PERSON_ROLES | DESCRIPTOR_WORDS | _RANKS
        or lower.rstrip("s") in DESCRIPTOR_WORDS
    ):
        return False
    return is_given_name(lower)


def _apposed_to_main_subject(ent: Span) -> bool:
    """True for a person's name in apposition, set off by a comma, to the subject of a main clause that names
    nobody itself ("One of them, Senator Maria Vance of Dover, is among ...", "The new chair, Ana Ruiz, said")."""
    root = ent.root
    subject = root.head
    if root.dep_ != "appos" or subject.i >= root.i or subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if subject.ent_type_ == "PERSON" or not any(t.text == "," for t in ent.doc[subject.i : ent.start]):
        return False
    return _main_clause(subject.head)


def _fuller_name(name: str, known: str) -> bool:
    """True when `name` is `known` with a given name before it ("Rahm Emanuel" for "Emanuel"): the same surname,
    one more word at most two, no descriptor or title among them, and no "Jr."/"Sr." on either."""
    words, short = index_form(name).split(), index_form(known).split()
    if len(short) != 1 or len(words) not in (2, 3) or words[-1] != short[-1]:
        return False
    if any(w.rstrip(".") in NAME_SUFFIXES for w in (*words, *short)):
        return False
    first = name.split()[0].lower().rstrip(".")
    if first in COURTESY_TITLES | PERSON_ROLES | DESCRIPTOR_WORDS | _RANKS | _TITLE_WORDS:
        return False  # "Captain Johnson", "Justice Alito": a title, no given name
    return descriptor_split(name, person=True) is None and all(w[:1].isupper() for w in name.split())


def given_name_joined(ent: Span) -> Span:
    """`ent` stretched over the given name the NER left out of a lone surname ("Rahm Emanuel, the mayor, said",
    tagged only "Emanuel"): one untagged, capitalised proper noun joined to it as a compound, at the start of
    the name (no proper noun or capitalised word before it, so no title run "House Speaker ...") and neither a
    courtesy title, a role nor a descriptor ("Historian", "Republican")."""
    doc = ent.doc
    if len(ent) != 1 or ent.start == 0:
        return ent
    given = doc[ent.start - 1]
    if (
        given.ent_type_
        or given.pos_ != "PROPN"
        or given.dep_ != "compound"
        or given.head.i != ent.start
        or not given.is_alpha
        or not given.text[:1].isupper()
        or given.text.isupper()
        or len(given) < 3
        or given.whitespace_ != " "
    ):
        return ent
    before = doc[given.i - 1] if given.i > 0 else None
    if before is not None and (before.pos_ == "PROPN" or (before.is_alpha and before.text[:1].isupper())):
        return ent
    if not _given_word(given.text) or descriptor_split(f"{given.text} {ent.text}", person=True) is not None:
        return ent
    return Span(doc, given.i, ent.end, label=ent.label_)


def clean_name(ent: Span) -> str:
    """A person entity's name as written, without possessive, surrounding punctuation or odd spaces."""
    words = [t for t in ent if not (t.is_space or (t.is_punct and t.text not in ("-", ".")))]
    while words and words[-1].lower_ in ("'s", "'", "\u2019s", "\u2019"):
        words.pop()
    while len(words) > 1 and _sentence_opener(words[0]):
        words.pop(0)  # "Following Romney's news conference": the NER took the sentence's first word in
    if not words:
        return ""
    text = unglued(" ".join(ent.doc[words[0].i : words[-1].i + 1].text.split())).strip(" .,")
    if text.endswith((" Jr", " Sr")):
        text += "."  # "Donald Trump Jr.": the stop is the abbreviation's, not the sentence's
    return text if normalize_name(text) else ""


_GLUED_SENTENCE = re.compile(r"(?<=[A-Za-z])[.:](?=[A-Z][a-z])")


def unglued(name: str) -> str:
    """A name without the next sentence a scraper glued to it ("CNN.He" -> "CNN", "night.Christie")."""
    return _GLUED_SENTENCE.split(name, 1)[0]


# Tags of words that open a sentence and are no part of a name: a participle, a verb, a preposition, an adverb.
_OPENER_TAGS = frozenset({"VBG", "VBN", "VBD", "VBZ", "VB", "IN", "RB", "WRB", "DT", "PRP"})


# Words that join a sentence to the one before and are nobody's given name, whatever the tagger makes of them
# ("steps.Plus Obama is nominating": the NER's "Plus Obama").
_CONNECTIVES = word_set("plus also still yet meanwhile besides moreover furthermore however but and so then")


def _sentence_opener(tok: Token) -> bool:
    """True for a word capitalised only because it opens its sentence or paragraph ("Following", "After",
    "Asked"): the tagger reads it as no noun, and nothing but punctuation or a line break stands before it."""
    if tok.tag_ not in _OPENER_TAGS and tok.text.lower() not in _CONNECTIVES:
        return False
    if tok.i == 0 or tok.is_sent_start:
        return True
    before = tok.doc[tok.i - 1]
    return "\n" in before.text or "\n" in before.whitespace_ or before.text in (".", '"', "\u201c", "(")


def role_of(ent: Span) -> str | None:
    """The role the article gives a named entity: an apposition or the title words before the name (a function
    of the parse and the entity's tokens alone, read once per entity: the speakers' index asks again)."""
    table = span_table(ent.doc, "role_of")
    key = (ent.start, ent.end)
    if key not in table:
        table[key] = _role_of(ent)
    found: str | None = table[key]
    return found


def _role_of(ent: Span) -> str | None:
    role = _role_words_of(ent)
    if not role:
        return None
    # A parse that strays over a paragraph break or into a clause ("when ...") gives no role.
    role = role.split("\n")[-1].strip(" ,")
    while role.split(" ", 1)[0].lower() in ("whose", "who", "which", "its", "their"):
        role = role.split(" ", 1)[1] if " " in role else ""  # "whose leader, Juan Guaido": the leader
    role = " ".join(
        role.replace('"', " ").replace("\u201c", " ").replace("\u201d", " ").split()
    )  # 'the "Today" show host'
    # "Mr." or "Ms." before a name is a courtesy, not a role ("Mr. Trump", "Ms. Townsend").
    while role.split(" ", 1)[0].lower().rstrip(".") in COURTESY_TITLES:
        role = role.split(" ", 1)[1].strip(" ,") if " " in role else ""
    first = role.split(" ", 1)[0].lower()
    if first in ("when", "while", "as", "after", "before", "because", "if", "since", "and", "but"):
        return None
    for suffix in ("'s", "\u2019s"):  # "Harbourline's Peter Vance": the role is Harbourline
        role = role.removesuffix(suffix)
    return role or None


def phrase_end(noun: Token) -> int:
    """The last token of `noun`'s phrase without a relative clause in it ("a group in Dover that has long
    opposed the pier" ends at "Dover"): the words that describe, not what it did or said."""
    end = noun.i
    for tok in noun.subtree:
        clause = any(a.dep_ == "relcl" for a in _ancestors_to(tok, noun))
        if tok.i > end and not clause and not (tok.is_punct or tok.is_space):
            end = tok.i
    return end


def _ancestors_to(tok: Token, top: Token) -> list[Token]:
    """`tok` and its heads up to (not including) `top`."""
    path = []
    while tok.i != top.i and tok.head.i != tok.i:
        path.append(tok)
        tok = tok.head
    return path


def _role_words_of(ent: Span) -> str | None:
    doc = ent.doc
    head = ent.root
    party: str | None = None
    for child in head.children:
        if child.dep_ == "appos" and child.i >= ent.end:
            if child.ent_type_ == "PERSON":
                continue  # "Vice President Ana Ruiz and her adviser, Tom Hale": another person, no role
            last = phrase_end(child)  # "a group that has opposed the pier": the group, not what it did
            words = [t for t in child.subtree if t.i <= last and (not t.is_punct or t.text in ("'", "'s"))]
            if words and words[0].lower_ in ("both", "all", "each"):
                continue  # "Speaker Tom Hale and Ana Ruiz, both Republicans,": the pair's party, no role
            if words and words[0].dep_ == "det":
                words = words[1:]
            if not any(t.pos_ in ("NOUN", "PROPN") for t in words):
                continue  # "John Smith, 45,": an age is not a role
            if words and words[-1].i - words[0].i < 15:
                text = doc[words[0].i : words[-1].i + 1].text
                if PARTY_TAG.match(text):
                    party = text  # "Rep. Tom Hale, R-Texas,": the title before the name says more
                    continue
                if is_state_tag(text):
                    continue  # "Sen. Ana Ruiz (Ohio)", "Speaker Tom Hale (D-Calif.)": where from, not a role
                return text
    left_role = _left_role(ent)
    if left_role or party is None or len(party) <= 2:
        return left_role  # a bare "R" or "D" says too little to be a role
    return party


# A party and state tag after a name: "R-Texas", "D-N.Y.", "(R-S.C.)", "I-Vt.".
PARTY_TAG = re.compile(r"^\(?[RDI]\s*[-\u2013]?\s*(?:[A-Z][A-Za-z.]*\s?)*\)?$")

# The states a lawmaker's tag names, in full and as newspapers shorten them ("Calif.", "N.Y.", "Wash.").
US_STATES = word_set(
    """
    alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada newhampshire newjersey newmexico newyork
    northcarolina northdakota ohio oklahoma oregon pennsylvania rhodeisland southcarolina southdakota
    tennessee texas utah vermont virginia washington westvirginia wisconsin wyoming dc
    ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo mont neb
    nev nh nj nm ny nc nd okla ore pa ri sc sd tenn tex vt va wash wva wis wisc wyo
    """
)
# Postal codes count only in capitals ("R-TX"): "IN", "OR" and "ME" are words too.
US_POSTAL = word_set(
    """
    AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC
    ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC
    """
)


@functools.lru_cache(maxsize=65536)
def is_state_tag(text: str) -> bool:
    """True when `text` only names a US state, bare or in a party tag: "Texas", "(Ohio)", "Calif.",
    "D-Calif.", "R-TX". A lawmaker's state says where they are from; it is never their role."""
    words = text.strip(" ()[],")
    words = re.sub(r"^[RDI]\s*[-\u2013]\s*", "", words)
    if words in US_POSTAL:
        return True
    return re.sub(r"[\s.\-]", "", words).lower() in US_STATES


def _names_no_role(noun: Token) -> bool:
    """True for a proper noun that is a name, not a description a person could be given as their role: a brand,
    place or work ("You Tube", "Dover", "Facebook"), not a title ("Senator", "Chairman") or a party or nation's
    member ("Republican", "Venezuelan")."""
    if noun.pos_ != "PROPN" or noun.ent_type_ == "NORP":
        return False
    word = noun.lower_.rstrip(".")
    return not (_descriptor_length(noun.text) or word in PERSON_ROLES or word.rstrip("s") in PERSON_ROLES)


def _role_noun(noun: Token) -> bool:
    """True for a common noun that is a person's office, trade or standing ("mayor", "lawyer", "attorney")."""
    word = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (word in PERSON_ROLES or bool(_descriptor_length(word)))


def _left_role(ent: Span) -> str | None:
    doc = ent.doc
    head = ent.root
    # "Russian Foreign Ministry spokeswoman Maria Zakharova": compound/amod words to the left.
    left = [t for t in head.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
    if left and not any(
        t.pos_ in ("NOUN", "PROPN") for t in doc[min(t.left_edge.i for t in left) : ent.start]
    ):
        left = []  # "A more congenial Rick Santorum": how he seemed, no role
    if left:
        first = min(t.left_edge.i for t in left)
        for t in doc[first : ent.start]:
            if t.lower_ in ("and", "or", "&"):
                first = t.i + 1  # "Senate President Ana Ruiz and House Speaker Tom Hale": Hale's is the last
        words = doc[first : ent.start]
        text = words.text.strip(" ,")
        if words and words[0].dep_ == "det":
            text = doc[first + 1 : ent.start].text.strip(" ,")
        return text or None
    if head.dep_ == "appos" and head.head.i < ent.start and head.head.lemma_.lower() not in CLAIM_NOUNS:
        role_head = head.head
        if _names_no_role(role_head):
            # "the mayor of Dover, Ana Ruiz,": the description the place's name ends; "found on You Tube,
            # Hale,": a brand's, a place's or a work's name after a verb is none
            prep = role_head.head
            holder = prep.head
            if not (role_head.dep_ == "pobj" and prep.dep_ == "prep" and _role_noun(holder)):
                return None  # "the sale of our house in Dover, Ana Ruiz": no role either
            role_head = holder
        words = [t for t in role_head.subtree if t.i < ent.start and not t.is_punct]
        if words and words[0].dep_ == "det":
            words = words[1:]
        if words:
            return doc[words[0].i : words[-1].i + 1].text
    return None


def speaker_kind_of_words(words: list[str], label: str | None) -> str:
    """Kind of a named body from its entity label and words: "government", "outlet" or "organisation"."""
    lower = {w for word in words for w in name_words(word)}
    if lower & OUTLET_WORDS:
        return "outlet"
    if label in ("GPE", "NORP") or lower & GOVERNMENT_WORDS:
        return "government"
    return "organisation"
