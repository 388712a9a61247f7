"""A body given by a definite description the article resolved earlier ("the service announced" after "the
Harbor Parks Service", "that committee said" after "the House Ethics Committee", "the agency said" after "the
Coastal Water Authority"): the most recent named body whose name's head noun is the description's, or, for a
description that names a kind ("the agency", "the panel"), the body named last when its head is of that kind.
Two compatible bodies named together, or a body of another kind named in between, leave the source unnamed.

A person called by an epithet ("the 43-year-old", "the Florida Republican", "the billionaire"): the most recent
person the article gave that age, party, state or standing (`person_by_epithet`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..actors import word_set
from ..doccache import entities, person_entities
from .speakers import (
    US_STATES,
    ArticleActors,
    Speaker,
    _role_keys,
    gender_of_words,
    names_outlet,
    roles_fit,
    speaker_kind_of_words,
    unglued,
)

# The description's head -> the heads of the names it may stand for besides its own ("the agency" for "the
# Wildlife Service"); a description of its own kind only ("the service") needs its word as the name's head.
_KINDS: dict[str, frozenset[str]] = {
    "agency": word_set("service administration agency bureau commission authority board department office"),
    "panel": word_set("committee subcommittee commission panel board"),
    "service": frozenset(),
    "committee": word_set("subcommittee"),
    "subcommittee": frozenset(),
    "commission": frozenset(),
    "conference": frozenset(),
    "bureau": frozenset(),
    "authority": frozenset(),
    "board": frozenset(),
    "institute": frozenset(),
}
DESCRIBED_BODY_HEADS = frozenset(_KINDS)
_REACH = 300  # tokens back to the body's name: a few paragraphs
_NAME_BREAKS = frozenset({"of", "on", "for", "in"})


def _name_head(words: list[str]) -> str:
    """The head noun of a body's name: the word before "of"/"on"/"for" ("Conference of Catholic Bishops"), else
    the last word ("House Ethics Committee")."""
    for i, word in enumerate(words):
        if i and word in _NAME_BREAKS:
            return words[i - 1]
    return words[-1] if words else ""


def body_name_start(ent: Span) -> int:
    """Where a body's name starts, with the words before the entity the parse hangs on its head word ("the
    U.S. Fish and Wildlife Service", whose entity may be only "Wildlife Service"), without "the"."""
    doc = ent.doc
    root = ent.root
    start = ent.start
    while start > 0:
        prev = doc[start - 1]
        joined = prev.lower_ in ("and", "&") or (prev.pos_ == "PROPN" and prev.text[:1].isupper())
        within = root.left_edge.i <= prev.i and prev.ent_type_ != "PERSON"
        if not (joined and within and root in prev.ancestors):
            break
        start -= 1
    while start < ent.end - 1 and doc[start].lower_ in ("the", "and", "&"):
        start += 1
    return start


def _body_name(ent: Span) -> str:
    text = unglued(ent.doc[body_name_start(ent) : ent.end].text).strip()
    for suffix in ("'s", "\u2019s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)].strip()
    return text


def _compatible(words: list[str], head: str, kinds: frozenset[str]) -> bool:
    name_head = _name_head(words)
    return name_head == head or name_head in kinds


def _fitting(
    subject: Token, first: int, kinds: frozenset[str], actors: ArticleActors
) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    """The bodies named before the description headed by `subject` (its phrase from token `first`), as
    (token, sentence start, name) in the article's order, and those of them the description fits."""
    doc = subject.doc
    head = subject.lemma_.lower()
    # "the House committee", "the ethics committee": the name must carry the description's words too
    marks = {
        t.lower_
        for t in doc[first : subject.i]
        if t.pos_ in ("PROPN", "NOUN", "ADJ") and t.dep_ != "poss" and t.lower_ not in ("the", "that", "this")
    }
    # the bodies named before: proper-name ORG entities ("Commuters" read as a body is none), and the bodies
    # that spoke, whatever the entity ("the state Fish and Game Service said", read as a title)
    named: list[tuple[int, int, str]] = [
        (e.end - 1, e.sent.start, _body_name(e))
        for e in entities(doc)
        if e.label_ == "ORG"
        and e.end <= first
        and e.start >= first - _REACH
        and any(t.pos_ == "PROPN" for t in e)
    ]
    named += [
        (pos, doc[pos].sent.start, sp.name)
        for pos, sp in actors.recent_speakers
        if first - _REACH <= pos < first and sp.name and sp.kind in ("organisation", "government")
    ]
    named.sort()
    fits = [
        (pos, sent, name)
        for pos, sent, name in named
        if name and marks <= set(name.lower().split()) and _compatible(name.lower().split(), head, kinds)
    ]
    return named, fits


def _same_body(one: str, other: str) -> bool:
    """True for two forms of one body's name ("State Department", "U.S. State Department")."""
    a, b = set(one.lower().split()), set(other.lower().split())
    return a <= b or b <= a


def _rivals(fits: list[tuple[int, int, str]]) -> bool:
    """True when the latest fitting body has another of a different name in its sentence."""
    _, sent, name = fits[-1]
    return any(not _same_body(other, name) and other_sent == sent for _, other_sent, other in fits[:-1])


def competing_bodies(subject: Token, first: int, actors: ArticleActors) -> bool:
    """True when two bodies named with the description's head noun were named together last ("the Justice
    Department and the State Department ... The department said"): either of them may be meant."""
    _, fits = _fitting(subject, first, frozenset(), actors)
    return bool(fits) and _rivals(fits)


def body_by_description(subject: Token, first: int, actors: ArticleActors) -> Speaker | None:
    """The named body the definite description headed by `subject` (its phrase starting at token `first`)
    stands for, or None when the article named none that fits or two that compete."""
    head = subject.lemma_.lower()
    kinds = _KINDS.get(head)
    if kinds is None:
        return None
    named, fits = _fitting(subject, first, kinds, actors)
    if not fits:
        return None
    name = fits[-1][2]
    if _name_head(name.lower().split()) != head and not _same_body(name, named[-1][2]):
        return None  # "the agency" is the body named last, when that is one of its kind
    if _rivals(fits):
        return None  # "the Parks Service and the Water Service objected": either of them
    if names_outlet(name, actors.outlet) or actors.index.resolve(name) is not None:
        return None
    return Speaker(name, speaker_kind_of_words(name.split(), "ORG"))


def rival_holder(subject: Token, found: Speaker, words: list[str], actors: ArticleActors) -> bool:
    """True when the person a description ("the senator") was resolved to by the role the article gave them
    has a rival: somebody else of a fitting role named in the same sentence as them last ("Sen. Ana Ruiz and
    Sen. Maria Lopez toured the plant"), so that either may be meant."""
    if found.name is None:
        return False
    keys = _role_keys(" ".join(words))
    target = actors.index.resolve(found.name) or found.name
    if not any(roles_fit(keys, one) for one in actors.role_sets.get(target, [])):
        return False  # resolved as whoever spoke last, not by the role: no rival by role
    before = [m for m in actors.mentions if m.pos < subject.i]
    own = [m for m in before if (actors.index.resolve(m.actor) or m.actor) == target]
    if not own:
        return False
    sentence = own[-1].sentence
    for mention in before:
        other = actors.index.resolve(mention.actor) or mention.actor
        if mention.sentence != sentence or other == target:
            continue
        if any(roles_fit(keys, one) for one in actors.role_sets.get(other, [])):
            return True
    return False


# --- People by epithet ("the 43-year-old", "the Vermont senator", "the GOP front-runner", "the billionaire") ---

# Nouns that describe a person by trade or standing, beyond the office titles of PERSON_ROLES.
STANDING_WORDS = word_set(
    """
    billionaire millionaire mogul tycoon magnate heir heiress philanthropist entrepreneur developer
    actress actor singer rapper musician comedian celebrity star host anchor athlete player quarterback
    hopeful frontrunner runner incumbent challenger contender newcomer freshman nominee candidate
    conservative liberal progressive libertarian populist independent pastor preacher priest bishop rabbi
    imam novelist filmmaker chairman chairwoman chair congressman congresswoman senator governor
    mayor lawmaker legislator republican democrat
    """
)
# Words for one standing: whoever runs for an office ("the GOP front-runner" after "GOP hopeful Tom Hale").
_SAME_STANDING = dict.fromkeys(("hopef", "runne", "front", "candi", "nomin", "conte", "chall"), "candi")
_PARTIES = {
    "republican": "repub",
    "gop": "repub",
    "democrat": "democ",
    "democratic": "democ",
    "independent": "indep",
}
_TAG_PARTIES = {"r": "repub", "d": "democ", "i": "indep"}
# Offices one person rarely holds together: "the senator" is nobody the article calls governor.
_EXCLUSIVE = frozenset({"senat", "gover", "mayor", "repre", "presi", "judge", "sheri"})
# States as newspapers shorten them, to the stems a role's words give ("Fla." -> "flori").
_STATE_SHORT = {
    "ala": "alaba",
    "ariz": "arizo",
    "ark": "arkan",
    "calif": "calif",
    "colo": "color",
    "conn": "conne",
    "del": "delaw",
    "fla": "flori",
    "ga": "georg",
    "ill": "illin",
    "ind": "india",
    "kan": "kansa",
    "kans": "kansa",
    "ky": "kentu",
    "la": "louis",
    "md": "maryl",
    "mass": "massa",
    "mich": "michi",
    "minn": "minne",
    "miss": "missi",
    "mo": "misso",
    "mont": "monta",
    "neb": "nebra",
    "nev": "nevad",
    "nh": "newha",
    "nj": "newje",
    "nm": "newme",
    "ny": "newyo",
    "nc": "north",
    "nd": "north",
    "okla": "oklah",
    "ore": "orego",
    "pa": "penns",
    "ri": "rhode",
    "sc": "south",
    "sd": "south",
    "tenn": "tenne",
    "tex": "texas",
    "vt": "vermo",
    "va": "virgi",
    "wash": "washi",
    "wva": "westv",
    "wis": "wisco",
    "wisc": "wisco",
    "wyo": "wyomi",
}
_AGES = re.compile(r"\b(\d{1,3})\s*-\s*year\s*-\s*old\b")
_TAG = re.compile(r"^\(?\s*([RDI])\s*[-\u2013]\s*([A-Za-z. ]+?)\s*\)?$")
_ROLE_BREAKS = frozenset({"of", "for", "at", "in", "from", "with", "who", "and", "on", "to", ","})
_LEAD_VERBS = word_set("lead chair head run")
_EPITHET_REACH = 150  # tokens from the last speaker's words to an epithet no one was given


@dataclass
class _Traits:
    """What the article said of one person: the stems of every role word, the head nouns of the roles,
    party, state and age."""

    words: set[str] = field(default_factory=set)
    heads: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    states: set[str] = field(default_factory=set)
    ages: set[str] = field(default_factory=set)
    former: bool = False  # a role the article gave is a past one ("Former GOP candidate Rick Santorum")


def _state_stem(text: str) -> str | None:
    word = re.sub(r"[\s.\-]", "", text).lower()
    if word in _STATE_SHORT:
        return _STATE_SHORT[word]
    return word[:5] if word in US_STATES else None


def _role_head(role: str) -> str | None:
    """The head noun of a role as the article gives it: the word before "of"/"for"/a comma ("Republican of
    Kentucky" -> republican, "senior adviser to the mayor" -> adviser), else the last word ("Sen.")."""
    words = [w.strip(".,'\u2019\"()").lower() for w in role.replace(",", " , ").split()]
    words = [w.removesuffix("'s") for w in words if w]
    for i, word in enumerate(words):
        if i and word in _ROLE_BREAKS:
            return words[i - 1]
    return words[-1] if words else None


def _traits_of(actors: ArticleActors, doc: Doc) -> dict[str, _Traits]:
    """Each person's traits from their mentions: the roles the article gave them, a party tag "(R-Fla.)", an
    age ", 43," or "43-year-old" beside the name, "of Nevada" after it, the party of "Republican of Kentucky"."""
    key = f"epithet_traits:{id(actors)}"
    cached = doc.user_data.get(key)
    if cached is not None and cached[0] is actors:  # the actors kept with it, so their id names no other
        known: dict[str, _Traits] = cached[1]
        return known
    found: dict[str, _Traits] = {}
    ents = {e.start: e for e in person_entities(doc)}
    for mention in actors.mentions:
        actor = actors.index.resolve(mention.actor) or mention.actor
        traits = found.setdefault(actor, _Traits())
        for role in actors.role_sets.get(actor, []):
            traits.words |= {k for k in role if not k.startswith("~")}
            traits.former = traits.former or "~former" in role
        text = actors.role_text.get(actor)
        for role_words in (text,) if text else ():
            head = _role_head(role_words)
            if head:
                traits.heads |= {k for k in _role_keys(head) if not k.startswith("~")}
        ent = ents.get(mention.pos)
        if ent is None:
            continue
        before = list(doc[max(0, ent.start - 4) : ent.start])
        after = doc[ent.end : min(len(doc), ent.end + 12)]
        while any(t.is_punct or "\n" in t.whitespace_ for t in before):
            before = before[1:]  # the title words right before the name, no further than a comma
        if before and before[-1].pos_ in ("NOUN", "PROPN"):
            traits.heads |= {k for k in _role_keys(before[-1].lower_.rstrip(".")) if not k.startswith("~")}
        traits.heads |= {_SAME_STANDING[k] for k in traits.heads if k in _SAME_STANDING}
        for tok in before:
            word = tok.lower_.rstrip(".")
            state = _state_stem(word) if word in US_STATES else None
            if state:
                traits.states.add(state)  # "California Rep. Ed Royce"
            if word in _PARTIES:
                traits.parties.add(_PARTIES[word])  # "Republican Sen. Tom Hale"
        # what stands right after the name, up to its closing comma or bracket
        tail: list[Token] = []
        for tok in after:
            if tok.text in (")", ".", ";") or (tok.text == "," and tail) or "\n" in tok.whitespace_:
                break
            if tok.text not in ("(", ","):
                tail.append(tok)
        tail_text = "".join(t.text_with_ws for t in tail).strip()
        close = _AGES.search(doc[max(0, ent.start - 6) : ent.start].text + " ")
        ages = _AGES.findall(tail_text) + (
            [close[1]] if close and close.end() >= len(close.string) - 1 else []
        )
        traits.ages.update(ages)  # "Quill, a 43-year-old lawyer,", "the 43-year-old Marta Quill"
        if tail and tail[0].like_num and len(tail) == 1 and tail[0].text.isdigit():
            traits.ages.add(tail[0].text)  # "Marta Quill, 43,"
        tag = _TAG.match(tail_text)
        if tag:
            traits.parties.add(_TAG_PARTIES[tag[1].lower()])
            state = _state_stem(tag[2])
            if state:
                traits.states.add(state)
        if tail and tail[0].lower_ == "of" and len(tail) <= 3:
            state = _state_stem(" ".join(t.text for t in tail[1:]))
            if state:
                traits.states.add(state)  # "Senator Harry Reid of Nevada"
        lead = next((t for t in after if t.lower_ == "who"), None)
        verb = lead.head if lead is not None and lead.dep_ == "nsubj" else None
        if lead is not None and verb is not None and verb.lemma_.lower() in _LEAD_VERBS and verb.i > lead.i:
            # "Rep. Jane Roe, who leads the committee,": the committee's chairman
            traits.heads |= {"chair", "leade", "head"}
            traits.words |= {k for t in verb.children if t.dep_ == "dobj" for k in _role_keys(t.lower_)}
        traits.parties |= {p for w, p in _PARTIES.items() if w[:5] in traits.words}
    doc.user_data[key] = (actors, found)
    return found


# Heads of epithets for somebody in politics, and the role heads that make somebody so (stems).
_POLITICAL = frozenset(
    {
        "senat",
        "gover",
        "mayor",
        "repre",
        "congr",
        "lawma",
        "legis",
        "chair",
        "nomin",
        "candi",
        "hopef",
        "runne",
        "front",
        "incum",
        "chall",
        "conte",
        "repub",
        "democ",
        "indep",
        "fresh",
        "conse",
        "liber",
        "progr",
        "popul",
        "leade",
        "speak",
    }
)


@dataclass
class _Wanted:
    """What an epithet says of the person: its head noun's stem and the attributes it names."""

    head: str | None
    ages: set[str]
    parties: set[str]
    states: set[str]
    others: set[str]  # a nationality or a body's name ("the Mexican-born journalist", "the F.B.I. director")
    former: bool
    gender: str | None


def _wanted(subject: Token, words: list[Token]) -> _Wanted | None:
    """The attributes an epithet headed by `subject` (its words `words`, no article) names; None when it is
    no person's epithet (a plural, a document, an office of no one in particular)."""
    lower = [t.lower_.rstrip(".") for t in words if not t.is_punct]
    text = " ".join(t.text for t in words)
    ages = set(_AGES.findall(text))
    head_word = subject.lower_.rstrip(".")
    if ages and head_word == "old":
        head = None  # "the 43-year-old"
    elif head_word in _PARTIES:
        head = None  # "the Florida Republican": the party says it
    elif head_word in STANDING_WORDS:
        head = next(iter(k for k in _role_keys(head_word) if not k.startswith("~")), None)
        head = _SAME_STANDING.get(head or "", head)
    else:
        return None
    parties = {_PARTIES[w] for w in lower if w in _PARTIES}
    states: set[str] = set()
    others: set[str] = set()
    for k, tok in enumerate(words):
        word = tok.lower_.rstrip(".")
        pair = word + (words[k + 1].lower_ if k + 1 < len(words) else "")
        if pair in US_STATES:
            states.add(_state_stem(pair) or pair[:5])
        elif word in US_STATES and (k == 0 or (words[k - 1].lower_ + word) not in US_STATES):
            states.add(_state_stem(word) or word[:5])
        elif (
            tok.i != subject.i
            and word not in _PARTIES
            and word not in US_STATES
            and (tok.ent_type_ in ("NORP", "ORG") or (tok.pos_ == "PROPN" and tok.text[:1].isupper()))
        ):
            others |= {k for k in _role_keys(word) if not k.startswith("~")}
    for prep in subject.children:
        if prep.dep_ == "prep" and prep.i > subject.i:  # "the top Republican on the Harbor Committee"
            others |= {
                k
                for t in prep.subtree
                if t.pos_ == "PROPN" and t.text[:1].isupper()
                for k in _role_keys(t.lower_)
                if not k.startswith("~")
            }
    return _Wanted(
        head,
        ages,
        parties,
        states,
        others,
        "~former" in _role_keys(" ".join(lower)),
        gender_of_words(lower),
    )


def _given(want: _Wanted, traits: _Traits) -> bool:
    """True when the article gave the person every attribute the epithet names."""
    if (want.head is not None and want.head not in traits.heads) or want.former != traits.former:
        return False
    if not (want.ages <= traits.ages and want.parties <= traits.parties):
        return False
    return want.states <= traits.states | traits.words and want.others <= traits.words


def _contradicted(want: _Wanted, traits: _Traits) -> bool:
    """True when what the article said of the person rules the epithet out: another age, party or state, an
    office no one holds with theirs ("the senator" for a governor), or a trade for somebody known otherwise."""
    if (want.ages and traits.ages and not want.ages & traits.ages) or (
        want.parties and traits.parties and not want.parties <= traits.parties
    ):
        return True
    if want.states and traits.states and not want.states <= traits.states:
        return True
    if want.head is None:
        # "the Florida Republican": somebody in politics, if the article said what they are
        return bool(traits.heads) and not (traits.heads & _POLITICAL or traits.parties)
    if want.head in traits.heads or not traits.heads:
        return False
    if want.head in _EXCLUSIVE and traits.heads & _EXCLUSIVE:
        return True
    # "the committee chairman" for "Rep. Tom Hale": a lawmaker may be one; "the billionaire" for an aide is not
    return not (want.head in _POLITICAL and (traits.heads & _POLITICAL or traits.parties))


def _paragraph_end(doc: Doc, at: int, paragraphs: int) -> int:
    """The character offset where the `paragraphs`-th paragraph from the one holding character `at` ends."""
    text = doc.text  # spaCy joins every token anew on each access: read it once
    end = at
    for _ in range(paragraphs):
        found = text.find("\n", end)
        if found < 0:
            return len(text)
        end = found
        while end < len(text) and text[end].isspace():
            end += 1
    return end


def _named_after(
    subject: Token,
    want: _Wanted,
    traits: dict[str, _Traits],
    actors: ArticleActors,
    actor_of: Callable[[str], str],
    fits_gender: Callable[[str], bool],
) -> Speaker | None:
    """The person an epithet the article gave nobody before stands for when it names them right after, as
    news writing does ("the Senate's top Democrat said ...", then "Senator Ana Ruiz of Ohio, the Senate majority
    leader and a Democrat, said"): the one person made a subject in the rest of its paragraph or the next whom
    the article gave every attribute the epithet names, when no person spoke just before. Nobody when two fit."""
    doc = subject.doc
    if any(
        sp.kind == "person" and 0 < subject.i - pos <= _EPITHET_REACH for pos, sp in actors.recent_speakers
    ):
        return None  # "The Democratic senator also said" after a senator's words: no one named later
    end = _paragraph_end(doc, subject.idx, 2)
    after = [m for m in actors.mentions if m.pos > subject.i and doc[m.pos].idx < end]
    fits = {
        actor_of(m.actor)
        for m in after
        if _given(want, traits.get(actor_of(m.actor), _Traits())) and fits_gender(actor_of(m.actor))
    }
    if len(fits) != 1:
        return None
    actor = next(iter(fits))
    if not any(m.subject and actor_of(m.actor) == actor for m in after):
        return None  # only mentioned, not the one the article goes on to give the words of
    found = actors._speaker_of(actor)
    return Speaker(found.name, "person", found.role, found.gender)


def person_by_epithet(
    subject: Token, words: list[Token], actors: ArticleActors, given_only: bool = False
) -> Speaker | None:
    """The person an epithet ("the 43-year-old", "the Vermont senator", "the GOP front-runner", "the
    billionaire") stands for: the most recent person the article gave what it names (age, party, state,
    nationality, trade or office), or, for a trade or office alone, the one person who has it. When the article
    gave it to nobody, the person who spoke last, if nobody else was made a subject since and nothing known of
    them rules it out. None for no one or two of them named together."""
    want = _wanted(subject, words)
    if want is None:
        return None
    doc = subject.doc
    traits = _traits_of(actors, doc)
    before = [m for m in actors.mentions if m.pos < subject.i]

    def actor_of(name: str) -> str:
        return actors.index.resolve(name) or name

    def fits_gender(actor: str) -> bool:
        have = actors.gender.get(actor) or actors.name_gender.get(actor)
        return want.gender is None or have in (None, want.gender)

    given = [
        m
        for m in before
        if _given(want, traits.get(actor_of(m.actor), _Traits())) and fits_gender(actor_of(m.actor))
    ]
    typed = bool(want.ages or want.parties or want.states or want.others)
    if given_only and not typed:
        return None
    if given:
        latest = given[-1]
        if typed:
            rivals = {actor_of(m.actor) for m in given if m.sentence == latest.sentence}
        else:
            rivals = {actor_of(m.actor) for m in given}  # "the billionaire": the one the article calls so
        if len(rivals) > 1:
            return None
        found = actors._speaker_of(latest.actor)
        return Speaker(found.name, "person", found.role, found.gender)
    if typed:
        named_after = _named_after(subject, want, traits, actors, actor_of, fits_gender)
        if named_after is not None:
            return named_after
    if want.others or want.former or given_only:
        return None  # "the F.B.I. director", "the former governor": only somebody the article called so
    people = [(pos, sp) for pos, sp in actors.recent_speakers if sp.kind == "person" and sp.name]
    if not people:
        return None
    spoke, last = people[-1]
    if subject.i - spoke > _EPITHET_REACH:
        return None
    actor = actor_of(last.name or "")
    if any(m.subject and spoke < m.pos and actor_of(m.actor) != actor for m in before):
        return None  # somebody else was made the subject since
    if _contradicted(want, traits.get(actor, _Traits())) or not fits_gender(actor):
        return None
    return Speaker(last.name, "person", last.role, last.gender)
