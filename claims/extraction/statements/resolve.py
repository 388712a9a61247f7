"""From the subject words of a cue to a Speaker: named person or body, pronoun, description, unnamed."""

from __future__ import annotations

import re
from itertools import pairwise

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..actors import normalize_name, word_set
from ..doccache import column, entities, person_entities, token_table, token_texts
from .cues import is_speech_verb
from .described import (
    DESCRIBED_BODY_HEADS,
    STANDING_WORDS,
    body_by_description,
    body_name_start,
    competing_bodies,
    person_by_epithet,
    rival_holder,
)
from .speakers import (
    BODY_HEADS,
    CLAIM_NOUNS,
    COURTESY_TITLES,
    DESCRIPTOR_WORDS,
    DOCUMENT_WORDS,
    FEMALE,
    GENERIC_ROLES,
    GOVERNMENT_WORDS,
    MALE,
    PERSON_ROLES,
    PLURAL_PRONOUNS,
    ArticleActors,
    Speaker,
    clean_name,
    courtesy_gender,
    descriptor_and_surname,
    descriptor_split,
    hyphen_joined,
    is_given_name,
    join_role,
    names_outlet,
    owned_person,
    phrase_end,
    role_of,
    speaker_kind_of_words,
    unglued,
)

# "npadvmod": a time phrase the parse hangs on the source ("Hale this week also said"), no part of its name.
_MENTION_SKIP = frozenset({"relcl", "acl", "punct", "cc", "advcl", "prep", "npadvmod"})
_DEFINITE = frozenset({"the", "this", "that"})
# Titles newsrooms write as initials ("the A.G.", "the D.A."), by their normalised form.
TITLE_SHORT_FORMS = {"ag": "attorney general", "da": "district attorney", "dg": "director general"}
_NAME_PREPS = frozenset(
    {"of", "in", "at", "for", "from"}
)  # "the embassy in Caracas", "president of the NAACP"


def mention_range(subject: Token) -> tuple[int, int]:
    """Token range of the words naming the source: the subject without its relative clause (a function
    of the parse alone, read once per token: the resolvers ask for one subject's range many times)."""
    table = token_table(subject.doc, "mention_range")
    found: tuple[int, int] | None = table.get(subject.i)
    if found is None:
        found = table[subject.i] = _mention_range(subject)
    return found


def _mention_range(subject: Token) -> tuple[int, int]:
    start, end = subject.left_edge.i, subject.i
    for child in subject.children:
        if child.i < subject.i:
            start = min(start, child.left_edge.i)
        elif child.dep_ == "appos":
            end = max(end, phrase_end(child))  # "Harbour Watch, a group that has opposed ...": no clause
        elif child.dep_ not in _MENTION_SKIP or (child.dep_ == "prep" and child.lower_ in _NAME_PREPS):
            end = max(end, child.right_edge.i)
    doc = subject.doc
    texts = token_texts(doc)
    # A phrase the parse hangs before the name across a comma ("... the Gazette's podcast, council candidate
    # Ana Ruiz"): the mention starts after it.
    commas = [i for i in range(start, subject.i) if texts[i] == ","]
    if commas and not any(doc[i].pos_ in ("VERB", "AUX") for i in range(commas[-1], subject.i)):
        start = commas[-1] + 1
    # A parse that runs across paragraphs ("Jane Doe, the spokeswoman\n\nMedia reports said") is cut back.
    # (a token's trailing white space is one space at most: a line break is a space token of its own)
    for i in range(start, subject.i):
        if "\n" in texts[i]:
            start = i + 1
    for i in range(subject.i, end):
        if "\n" in texts[i] and doc[i].is_space:
            end = i
            break
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start, end + 1


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def described_actor(noun: Token, relative: Token) -> Token:
    """The named actor a described subject of a relative clause stands for ("Harbour Watch, a group in Dover
    that has opposed ...", "Ana Ruiz, a former mayor and teacher who has argued ...", and "Tom Hale, a
    candidate in Maryland's 3rd District, who said ...", where the parse hangs "who" on the district): the
    name the description is in apposition to; `noun` itself when it describes no name."""
    head = noun
    if noun.ent_type_ == "PERSON" or (noun.pos_ == "PROPN" and noun.ent_type_ not in _PLACES):
        return noun  # "Another leading Dem, Sen. Kristen Gillibrand, who": the name is the source already
    person = person_before_who(relative)
    if person is not None and noun.lemma_.lower() not in PERSON_ROLES and not _apposed(noun, person):
        return person  # "drew the ire of Justice Ana Ruiz who said": Ruiz, never "the ire"
    if relative.lower_ == "who" and head.dep_ == "pobj" and head.ent_type_ != "PERSON":
        prep = head.head  # "who" is a person's, never a district's
        if prep.dep_ == "prep" and prep.head.pos_ == "NOUN":
            head = prep.head
    while head.dep_ == "conj" and head.head.pos_ == "NOUN" and head.head.i < head.i:
        head = head.head  # "a former governor and preacher who": the first of the nouns
    owner = head.head
    if head.dep_ == "appos" and owner.i < head.i and (owner.pos_ == "PROPN" or owner.ent_type_ in _NAMED):
        return owner
    return noun


def _apposed(noun: Token, person: Token) -> bool:
    """True when `noun` and the name `person` are one phrase ("his wife, Laura, who"; "Laura, his wife,")."""
    return any(t.head.i == noun.i or noun.head.i == t.i for t in _entity_of(person) or [person])


def person_before_who(relative: Token) -> Token | None:
    """The person's name right before "who" (a comma between allowed): the head of that PERSON entity, which
    the parse may not have made the relative clause's antecedent ("the anger of Mayor Ana Ruiz who said");
    None for another relative word or when no person's name stands there."""
    if relative.lower_ != "who" or relative.i == 0:
        return None
    doc = relative.doc
    before = doc[relative.i - 1]
    if before.text == "," and before.i > 0:
        before = doc[before.i - 1]
    if before.ent_type_ != "PERSON":
        return None
    ent = _entity_of(before)
    return ent.root if ent is not None else None


_NAMED = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PLACES = frozenset({"GPE", "LOC", "FAC"})
RELATIVE_WORDS = frozenset({"who", "which"})
_RELATIVE_REACH = 40  # tokens back from the cue to the relative pronoun


def relative_clause_subject(verb: Token, found: Token | None) -> Token | None:
    """The named subject the parse lost behind a relative clause ("Chris Christie, who is insistent he is
    not a candidate, said ..."; "Trump, who would have to ..., said"): the noun before ", who", when
    the cue follows the clause's closing comma and the subject found (if any) lies inside the clause.
    None when the sentence has no such shape."""
    doc = verb.doc
    if verb.i < 4 or doc[verb.i - 1].text != ",":
        return None
    start = max(verb.sent.start, verb.i - _RELATIVE_REACH)
    for i in range(verb.i - 2, start + 1, -1):
        if _ends_clause(doc[i]):
            # A paragraph break or a full stop the parse ran over: a ", which" before it belongs to the
            # sentence before ('... according to the minutes, which call it "Site 4."\n\nHale's lawyer,
            # Ana Ruiz, said'), not to the subject of this cue.
            return None
        if doc[i].lower_ in RELATIVE_WORDS and doc[i - 1].text == ",":
            noun = doc[i - 2]
            if noun.pos_ not in ("PROPN", "NOUN") or (found is not None and not i < found.i < verb.i):
                return None
            clause = doc[i].head
            if found is not None and found.head.i not in {t.i for t in clause.subtree}:
                # "Hale blamed his wife, who ran the campaign, ... and he feigned ignorance, saying": the
                # subject found is another clause's, after the relative clause closed, not inside it
                return None
            return noun
    return None


def named_member(verb: Token, found: Token | None) -> Token | None:
    """The person the sentence names as one of the group whose relative clause holds the cue ("Tom Hale was
    among the councillors who called on the mayor to ...", "Ana Ruiz is one of those who said ..."): the
    subject of "was among" / "is one of", who did what the group did; None for any other shape. The group
    itself ("those Republicans who") is no source the reader can check when the sentence names the member."""
    if found is None or verb.dep_ != "relcl" or not (found.tag_ in ("WP", "WDT") or found.i == verb.head.i):
        return None  # (the parse gives the relative pronoun or the group it stands for)
    group = verb.head
    prep = group.head
    if group.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "among":
        copula = prep.head
    elif prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ == "attr":
        copula = prep.head.head
    else:
        return None
    if copula.lemma_.lower() != "be" or copula.i > prep.i:
        return None
    subjects = [c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i]
    if not subjects or not (subjects[0].pos_ == "PROPN" or subjects[0].lower_ in ("he", "she")):
        return None
    return subjects[0]


def _ends_clause(tok: Token) -> bool:
    """True for a token that closes a sentence or a paragraph: a line break, or a full stop, question or
    exclamation mark (inside a quote too: 'as "Group 4."')."""
    return "\n" in tok.text or "\n" in tok.whitespace_ or tok.text in (".", "!", "?")


GROUP_ROLE_MAX = 120  # characters of several names kept as the role of the group they speak as


def _joins_people(doc: Doc, mention: tuple[int, int]) -> bool:
    """True when the source's words join two people's names with "and", whatever the parse made of them
    ("Senate President Ana Ruiz and House Speaker Tom Hale said", parsed as one name with a long title)."""
    people = [e for e in person_entities(doc) if mention[0] <= e.start and e.end <= mention[1]]
    if len(people) < 2:
        return False
    between = doc[people[0].end : people[1].start]
    return any(t.lower_ in ("and", "&") for t in between) and not any(t.text == "," for t in between)


def _entity_of(tok: Token) -> Span | None:
    if not tok.ent_type_:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return hyphen_joined(Span(doc, start, end, label=tok.ent_type_))


# Entity labels of amounts, dates and times: "two of the people", "the 43-year-old", "Monday" name nobody.
COUNTED_LABELS = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "PERCENT", "MONEY"})


def corrected_subject(subject: Token, actors: ArticleActors) -> Token:
    """The word that names the source where the parse made a dateline or a date the subject: the name after
    "WASHINGTON —" ("WASHINGTON — President Tom Hale on Tuesday said"), the person before a date
    ("Long on Monday also denied", the surname read as an adverb); `subject` itself otherwise."""
    return past_dateline(subject) or _before_date(subject, actors) or subject


DATELINE_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "--", "-"})


def past_dateline(subject: Token) -> Token | None:
    """The head of the words after a dateline's dash when the parse made the dateline ("WASHINGTON",
    "HARTFORD, Conn.") the subject; None when `subject` is no dateline."""
    doc = subject.doc
    if not (subject.is_alpha and subject.text.isupper() and len(subject) >= 3):
        return None
    first = subject.i
    while first > 0 and not ("\n" in doc[first - 1].text or "\n" in doc[first - 1].whitespace_):
        first -= 1
    if subject.i - first > 2:
        return None
    dash = next((t for t in doc[subject.i + 1 : subject.i + 6] if t.text in DATELINE_DASHES), None)
    if dash is None or dash.i + 1 >= len(doc) or any(t.is_sent_start for t in doc[subject.i + 1 : dash.i]):
        return None
    for tok in doc[dash.i + 1 : dash.i + 16]:
        if tok.pos_ in ("VERB", "AUX") or tok.is_sent_start:
            break
        if tok.ent_type_ == "PERSON":  # "HARTFORD, Conn. — Attorney General and candidate Ana Ruiz is"
            ent = _entity_of(tok)
            return ent.root if ent is not None else tok
    head = doc[dash.i + 1]
    while (
        head.dep_ in ("compound", "amod", "det", "nmod", "poss", "nummod")
        and dash.i < head.head.i <= head.i + 6
    ):
        head = head.head
    return head if head.pos_ in ("PROPN", "NOUN", "PRON") else None


def _before_date(date: Token, actors: ArticleActors) -> Token | None:
    """The person right before a date the parse made the subject ("Long on Monday also denied", the surname
    read as an adverb): a capitalised word before "on"/"this" that is a person the article names; None
    when `date` is no date or no such person stands before it."""
    if date.ent_type_ not in ("DATE", "TIME") or date.pos_ != "PROPN":
        return None
    doc = date.doc
    first = date.left_edge.i
    if date.head.dep_ == "prep" and date.head.i < date.i:
        first = date.head.i
    before = doc[first - 1] if first > 0 else None
    if before is None or not (before.text[:1].isupper() and before.is_alpha):
        return None
    actor = actors.resolve_name(before.text)
    return before if actor is not None and actors.index.actor(actor).kind == "person" else None


def _named_body(doc: Doc, ent: Span, subject: Token, mention: tuple[int, int]) -> str:
    # Keep "in Venezuela" of "the Russian Embassy in Venezuela": part of the body's name.
    start, end = body_name_start(ent), ent.end  # "the U.S. Fish and Wildlife Service", not "Wildlife Service"
    for child in subject.children:
        if child.dep_ == "prep" and child.i == end and child.lower_ in ("in", "of", "for"):
            end = min(mention[1], child.right_edge.i + 1)
    text = unglued(doc[start:end].text)
    for suffix in ("'s", "\u2019s", "'"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text.strip()


def _attached_person(subject: Token, mention: tuple[int, int]) -> Span | None:
    """A PERSON entity inside the subject phrase that is joined to its head word (apposition, compound), or a
    person's name set off in apposition after a description that the NER left untagged ("a council
    spokeswoman, Ana Ruiz,")."""
    for child in subject.children:
        joined = child.dep_ in ("appos", "compound") and mention[0] <= child.i < mention[1]
        if joined and child.ent_type_ == "PERSON":
            return _entity_of(child)
    return _apposed_name(subject, mention) or _name_after_place(subject, mention)


_PLACE_PREPS = frozenset({"in", "at", "from", "with"})


def _name_after_place(subject: Token, mention: tuple[int, int]) -> Span | None:
    """The person's name set off after the place or body a singular description works in, which the parse hangs
    on that noun ("A spokesman in Hale's Dover office, Peter Walsh,"): an office is never a person, so the name
    is the spokesman's; None when the noun is a person's description ("the attorney in Dover, Ana Ruiz" is the
    attorney) or no PERSON name closes the source's words."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lemma_.lower() not in PERSON_ROLES:
        return None
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in _PLACE_PREPS or prep.i < subject.i:
            continue
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            if place.lemma_.lower() in PERSON_ROLES or place.ent_type_ == "PERSON" or place.tag_ != "NN":
                continue
            for name in place.children:
                if name.dep_ != "appos" or name.ent_type_ != "PERSON" or name.i >= mention[1]:
                    continue
                if name.doc[name.left_edge.i - 1].text != "," or any(c.dep_ == "conj" for c in name.children):
                    continue
                ent = _entity_of(name)
                if ent is not None and ent.start > place.i:
                    return ent
    return None


# prepositions that name where a described person works: "a lawyer with Dane & Holt", "an analyst at Kestrel"
_EMPLOYER_PREPS = frozenset({"with", "at"})


def _name_after_employer(subject: Token, mention: tuple[int, int]) -> Span | None:
    """The person's name that closes a description ending on where the person works, which the parse hangs on
    the firm ("A former harbour official, now a lawyer with Dane & Holt, Petra Vosk, said"): a person's name is
    never in apposition to a firm, so it names the one described. The description is the subject or a
    description apposed to it ("now a lawyer with ..."); the name is proper nouns after a comma, opening with a
    given name or tagged as a person, and closes the source's words. None for a plural subject ("Lawyers with
    Dane & Holt, Petra Vosk and ...") or an owner's name ("a spokesman for the mayor, Ana Ruiz": `for`, not
    where one works)."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NN" or subject.lemma_.lower() not in PERSON_ROLES:
        return None
    doc = subject.doc
    described = [subject] + [
        c
        for c in subject.children
        if c.dep_ == "appos" and c.pos_ == "NOUN" and c.lemma_.lower() in PERSON_ROLES
    ]
    for holder in described:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in _EMPLOYER_PREPS or prep.i < holder.i:
                continue
            for firm in (c for c in prep.children if c.dep_ == "pobj" and c.pos_ == "PROPN"):
                for name in (c for c in firm.subtree if c.dep_ == "appos" and c.head.i >= firm.i):
                    start = name.left_edge.i
                    if name.pos_ != "PROPN" or start <= firm.i or doc[start - 1].text != ",":
                        continue
                    run = doc[start : name.i + 1]
                    closes = name.i + 1 >= mention[1] or (
                        name.i + 2 == mention[1] and doc[name.i + 1].is_punct
                    )
                    if (
                        closes
                        and 1 < len(run) <= _NAME_RUN_MAX
                        and all(t.pos_ == "PROPN" for t in run)
                        and (is_given_name(run[0].text) or name.ent_type_ == "PERSON")
                        and not any(c.dep_ == "conj" for c in name.children)
                    ):
                        return Span(doc, start, name.i + 1, label="PERSON")
    return None


_NAME_RUN_MAX = 4  # words of a person's name: "Loretta E. Lynch", "Mary Beth Ann Smith"


def _apposed_name(subject: Token, mention: tuple[int, int]) -> Span | None:
    """The person's name a description's apposition gives after a comma, when the NER tagged it as no one
    ("A spokesman in Hale's office, Peter Walsh,", "One of its members, Darius Monroe,", "according to a
    council spokeswoman, Ana Ruiz"): proper nouns only, opening with a given name, that close the source's
    words; None for a body's or a place's name ("the agency, Harbour Trust"), a name that is no apposition of
    the description's own head (the owner's: "spokesmen for the attorney in Brooklyn, Loretta Lynch") or a
    subject that is itself a name."""
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return None
    if subject.tag_ in ("NNS", "NNPS"):
        return None  # "Two other lawmakers, Rep. Ana Ruiz and Rep. Tom Hale": several, no one of them
    doc = subject.doc
    for child in subject.children:
        if child.dep_ != "appos" or child.i <= subject.i or child.pos_ != "PROPN":
            continue
        if any(c.dep_ == "conj" for c in child.children):
            continue  # "a pair of lawmakers, Vern Buchanan and Ana Ruiz": two names
        start = child.left_edge.i
        if not (mention[0] < start and child.i < mention[1]) or doc[start - 1].text != ",":
            continue
        run = doc[start : child.i + 1]
        if not 2 <= len(run) <= _NAME_RUN_MAX or any(
            t.pos_ != "PROPN" or not t.text[:1].isupper() or t.ent_type_ in _NOT_PEOPLE for t in run
        ):
            continue
        if not is_given_name(run[0].text):
            continue
        return hyphen_joined(Span(doc, run.start, run.end, label="PERSON"))
    return None


_NOT_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC", "DATE", "TIME"})


_INDEFINITE = frozenset({"a", "an", "another", "one"})
_ARTICLES = frozenset({"a", "an", "the"})
_OWNER_PREPS = frozenset({"for", "to", "of"})


def _name_after_owner(subject: Token) -> Span | None:
    """The person named in apposition after a role and its named owner ("A spokesman for Mr. Hale, Tom
    Reed, said", "an aide to Governor Ruiz, Peter Walsh,"), which the parse hangs on the owner: the role's
    holder, since one person's name is never in apposition to another's. None for an owner that is a
    description ("an aide to the mayor, Peter Walsh": Walsh may be the mayor) or an apposition that is no
    person's name."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() not in PERSON_ROLES:
        return None
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in _OWNER_PREPS or prep.i < subject.i:
            continue
        for owner in prep.children:
            if owner.dep_ != "pobj" or owner.ent_type_ not in ("PERSON", "ORG") or owner.pos_ != "PROPN":
                continue
            for name in owner.children:
                comma = name.doc[name.left_edge.i - 1] if name.left_edge.i > 0 else None
                if (
                    name.dep_ == "appos"
                    and name.ent_type_ == "PERSON"
                    and comma is not None
                    and comma.text == ","
                ):
                    ent = _entity_of(name)
                    if ent is not None and ent.label_ == "PERSON" and ent.start > owner.i:
                        return ent
    return None


# People who speak for another: "a Kaine spokesman", "his aide" is never Kaine nor whoever "his" is.
AGENT_ROLES = word_set(
    """
    spokesman spokeswoman spokesperson spokesmen spokeswomen aide adviser advisor staffer assistant
    lawyer attorney strategist surrogate
    """
)


# People named by whose relative they are: "his father tweeted", "Hale's wife said" is never Hale.
KIN_ROLES = word_set(
    """
    father mother son daughter wife husband brother sister parent parents uncle aunt cousin nephew niece
    grandfather grandmother grandson granddaughter stepfather stepmother stepson stepdaughter widow widower
    fiance fiancee fiancé fiancée girlfriend boyfriend sons daughters brothers sisters children
    """
)


def relation_of(subject: Token) -> str | None:
    """ "for" for an agent's role ("spokesman"), "of" for a relative's ("father"); None for neither."""
    words = {subject.lower_, subject.lemma_.lower()}
    if words & AGENT_ROLES:
        return "for"
    return "of" if words & KIN_ROLES else None


def _principal(subject: Token, mention: tuple[int, int], actors: ArticleActors) -> str | None:
    """Whom an unnamed agent speaks for, or whose relative speaks, by the name, pronoun or description
    before the role ("A Kaine spokesman told", "two Kaine aides said", "Kaine's spokesman", "his spokesman
    said", "his father tweeted", "the senator's spokeswoman"): that person's name as the article gives it
    (the tagger may read "Kaine" there as a body, so a person the article names counts by name; a
    description is the person it stands for, else itself, "the senator"); None when the role word is no
    agent's or relative's, or the speaker is named ("Kaine spokesman Mike Smith", "Kaine's lawyer, Mike
    Smith,")."""
    if subject.pos_ != "NOUN" or relation_of(subject) is None:
        return None
    doc = subject.doc
    if any(t.ent_type_ == "PERSON" for t in doc[subject.i + 1 : mention[1]]) or _apposed_name(
        subject, mention
    ):
        return None  # the agent's own name follows
    for child in subject.children:
        if child.i > subject.i or child.dep_ not in ("compound", "poss"):
            continue
        if child.dep_ == "poss" and child.lower_ in MALE | FEMALE:
            owner = actors.by_pronoun(child.i, child.lower_)
            return owner.name if owner is not None and owner.name else None
        if child.dep_ == "poss" and child.pos_ == "NOUN" and not child.ent_type_:
            # "the senator's spokeswoman", "the mayor's wife": whom the description stands for, never the
            # speaker; the description itself when the article names nobody in that role
            described = [t for t in doc[child.left_edge.i : child.i + 1] if t.dep_ not in ("det", "case")]
            if child.lemma_.lower() in PERSON_ROLES:
                found = actors.by_description(child.i, [t.lower_ for t in described])
                if found is not None and found.name:
                    return found.name
            return bare_name(" ".join(["the", *(t.text for t in described)])) or None
        ent = _entity_of(child)
        if ent is None or child.pos_ != "PROPN":
            continue
        name = clean_name(ent)
        actor = actors.resolve_name(name, None, courtesy_gender(ent)) if name else None
        if actor is not None and actors.index.actor(actor).kind == "person":
            return actors.index.actor(actor).name
        if ent.label_ == "PERSON" and name:  # a person the article names only here
            return name
    return None


# Last words of a body named by whose it is: "the U.S. Attorney's Office", "the Manhattan District Attorney's
# Office", "Hale's campaign committee" is no "Office" or "Committee" alone.
_OWNED_BODY_HEADS = GOVERNMENT_WORDS | BODY_HEADS | word_set("bureau division unit service")
_OWNED_BODY_REACH = 10  # tokens of the possessor's name before the body's head


def owned_body_start(subject: Token) -> int:
    """The first token of a body's name that a proper possessor opens ("the Southern District of California's
    U.S. Attorney's Office", "the Justice Department's Office"): the start of the possessor's own proper
    name, so the speaker is never the head word alone; `subject.i` for any other subject."""
    if subject.pos_ != "PROPN" or subject.lower_ not in _OWNED_BODY_HEADS:
        return subject.i
    doc = subject.doc
    owners = [c for c in subject.children if c.dep_ == "poss" and c.i < subject.i and c.pos_ == "PROPN"]
    if not owners:
        return subject.i
    first = owners[0].left_edge.i
    words = doc[first : subject.i]
    if subject.i - first > _OWNED_BODY_REACH or any(
        not (t.pos_ in ("PROPN", "PART", "ADP", "DET", "PUNCT") and (t.pos_ != "PUNCT" or t.text == "."))
        or "\n" in t.whitespace_
        for t in words
    ):
        return subject.i
    while first < subject.i and doc[first].pos_ == "DET":
        first += 1
    return first


def _indefinite(subject: Token) -> bool:
    """True for a subject with an indefinite article ("Another leading Dem, Sen. Tom Hale"): a name takes
    none, so the word the NER took for a person is a description, and the name is in apposition to it."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE and c.i < subject.i for c in subject.children)


def _title_of_person(subject: Token, mention: tuple[int, int]) -> Span | None:
    """The person a capitalised title with an "of" phrase ends in ("Secretary of the Interior Ryan Zinke",
    "Secretary of State Mike Pompeo"), or a bare lower-case title whose "of" or "for" phrase ends in a place's
    or body's name right before the person's ("former state attorney for the Northern District Joseph Marlowe",
    which the parse may read as one phrase, the name its object); None when a title stands before the name, as
    in "the spokesman of President Putin", whose speaker is the spokesman, or a bare title's object is the
    person ("spokesman for Tom Hale")."""
    capitalised = subject.text[:1].isupper() and subject.lower_ in PERSON_ROLES | {"secretary"}
    bare = (
        subject.lower_ in PERSON_ROLES
        and subject.tag_ == "NN"
        and not any(c.dep_ in ("det", "poss") for c in subject.children)
    )
    if not capitalised and not bare:
        return None
    preps = ("of",) if capitalised else ("of", "for")
    doc = subject.doc
    last = doc[mention[1] - 1]
    if last.ent_type_ != "PERSON" or not any(
        p.dep_ == "prep" and p.lower_ in preps for p in subject.children
    ):
        return None
    person = _entity_of(last)
    if person is None or person.start <= subject.i or person.end != mention[1]:
        return None
    before = doc[person.start - 1]
    if (
        before.lower_.rstrip(".") in PERSON_ROLES
        or before.lower_ in ("the", "'s", "\u2019s")
        or before.is_punct
    ):
        return None
    if not capitalised and (
        before.pos_ != "PROPN"
        or before.ent_type_ == "PERSON"
        or not before.text[:1].isupper()
        or before.lower_.rstrip(".") in COURTESY_TITLES
    ):
        return None  # "spokesman for Tom Hale", "lawyer for Mr. Tom Hale": the name is whom the title serves
    return person


def _person_after_title(subject: Token, mention: tuple[int, int]) -> Span | None:
    """The person a body's name and a title before their name end the source's words in ("The National
    Organization for Women President Terry O'Neill", which the parse heads with "Organization"): the office
    holder speaks, not the body; None when the words end in no person's name right after a title word."""
    doc = subject.doc
    last = doc[mention[1] - 1]
    if last.ent_type_ != "PERSON":
        return None
    person = _entity_of(last)
    if person is None or person.end != mention[1] or person.start <= subject.i or person.start < 1:
        return None
    title = doc[person.start - 1].lower_.rstrip(".")
    between = doc[subject.i + 1 : person.start - 1]
    if title not in PERSON_ROLES or any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
        return None
    return person


# Labels the NER gives a lone surname it misreads, which no speaker's name ever truly carries.
_MISREAD_LABELS = ("EVENT", "LAW", "LANGUAGE")


def _looks_personal(ent: Span, role: str | None, actors: ArticleActors) -> bool:
    """An entity the NER did not call PERSON that is one: a known person's name, or given a person's role.
    A name the NER took for an event, a law or a language ("Pelosi had called ..." tagged as an event) is a
    person only when the article named that person before."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "PRODUCT", "WORK_OF_ART", "FAC", "LOC", *_MISREAD_LABELS):
        return False
    name = clean_name(ent)
    actor = actors.resolve_name(name)
    split = descriptor_and_surname(name)
    if actor is None and split is not None:  # "Bishop Okafor" after "Bishop Daniel Okafor": Daniel Okafor
        actor = actors.resolve_name(split[0], split[1])
    if actor is not None and actors.index.actor(actor).kind == "person":
        return True
    if ent.label_ in _MISREAD_LABELS:
        return False
    # the role's head noun comes before its first preposition: "the vice president of the party"
    words = (role or "").lower().replace(",", " ").split()
    for k, w in enumerate(words):
        if w in ("of", "at", "for", "in", "to", "with", "from", "on"):
            words = words[:k]
            break
    return bool(words) and words[-1] in PERSON_ROLES and 2 <= len(name.split()) <= 3


# Where words were said, not who said them ("In a video announcing his resignation, Hale said ...").
MEDIUM_WORDS = word_set(
    """
    video interview statement speech tweet post letter message broadcast appearance op-ed conference
    briefing rally hearing address
    """
)


def medium_speaker(verb: Token, subject: Token | None) -> Token | None:
    """The speaker of a participle hung on a medium ("In a video announcing his resignation, Mr. Hale
    continued ...", "she said at a news conference announcing that ..."): the subject of the clause the
    medium's phrase belongs to; None otherwise."""
    if subject is None or verb.dep_ != "acl" or subject.i != verb.head.i:
        return None
    if subject.lemma_.lower() not in MEDIUM_WORDS or subject.dep_ != "pobj":
        return None
    clause = next((a for a in subject.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if clause is None:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj"), None)


RECORDING_NOUNS = word_set("footage video clip recording audio tape film image images photo picture pictures")
SHOWING_VERBS = word_set("show feature depict capture catch hear see film record play air")


def recorded_speaker(verb: Token) -> Token | None:
    """The person a recording shows speaking, where the parse hangs the participle on the clause around
    it ("The ad uses footage of Ana Ruiz asking, ...", "The clip shows Hale saying ..."): the noun right
    before the participle, when it is what the footage is of or what is shown; None otherwise."""
    if verb.tag_ not in ("VBG", "VB") or verb.i == 0 or any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    shown = verb.doc[verb.i - 1]
    if shown.pos_ not in ("PROPN", "NOUN", "PRON") or shown.head.i == verb.i:
        return None
    place = shown.head
    if shown.dep_ == "pobj" and place.lower_ in ("at", "in", "on", "during") and place.i > 0:
        # "video of him at a 2008 event saying ...": where the footage was taken is not who speaks in it
        before = verb.doc[place.i - 1]
        if before.dep_ == "pobj" and before.head.lower_ == "of":
            shown = before
    if shown.dep_ == "pobj" and shown.head.lower_ == "of":
        return shown if shown.head.head.lemma_.lower() in RECORDING_NOUNS else None
    if shown.dep_ == "dobj" and shown.head.lemma_.lower() in SHOWING_VERBS:
        return shown
    return None


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})


def claim_holder(subject: Token) -> Token:
    """The person a claim noun names as its holder ("a charge Tom Hale rejected" parsed with "charge" as
    the subject and "Tom Hale" hanging from it), else `subject` itself."""
    if subject.lemma_.lower() not in CLAIM_NOUNS:
        return subject
    for child in subject.children:
        if child.dep_ in ("appos", "compound") and child.ent_type_ == "PERSON" and child.i > subject.i:
            return child
    return subject


def resolve_subject(subject: Token, actors: ArticleActors, previous: Speaker | None) -> Speaker:
    """The Speaker the subject `subject` stands for, resolved through the article's actors."""
    doc = subject.doc
    lower = bare_word(subject.lower_)
    if not lower:
        return Speaker(None, "unnamed")  # a quote mark or a number is nobody
    if lower in FEMALE | MALE:
        unnamed = actors.unnamed_antecedent(subject.i, lower)
        if unnamed is not None:  # "A senior official said ... He added": that official, no earlier name
            return Speaker(None, "unnamed", unnamed.role)
        # whom its own clause names after it the pronoun cannot stand for ("he made a plea to Mr. Hale")
        found = actors.by_pronoun(subject.i, lower, _own_clause_end(subject))
        if found is not None:
            actors.learn_gender(found.name or "", lower)
            return Speaker(found.name, "person", found.role, found.gender)
        return Speaker(None, "person")
    if subject.pos_ == "PRON" or lower in PLURAL_PRONOUNS | {"i", "it"}:
        # "it and the groups appealed": several sources, not it alone
        several = any(c.dep_ == "conj" for c in subject.children)
        body = body_subject_before(subject, actors) if lower == "it" and not several else None
        if body is not None:  # "When a national outlet, Slate magazine, produced ..., it said": Slate
            return body
        if lower == "it" and previous is not None and previous.kind not in ("person", "joint"):
            return previous
        if (
            lower == "they"
            and previous is not None
            and (previous.kind in ("unnamed", "joint") or previous.name == previous.role)
            and _names_several(previous)
        ):
            return previous  # "Mr. Udall and Mr. Wyden released a statement ... '...,' they said": the pair
        group = plural_antecedent(subject) if lower == "they" else None
        if group is not None and any(c.dep_ == "conj" for c in group.children):
            # "State lawmakers and Gov. Ana Ruiz have defended the law. They note": those sources together
            together = resolve_subject(group, actors, None)
            if together.name is not None or together.role is not None:
                return together
            given = " ".join(doc[slice(*mention_range(group))].text.split()).strip(" ,;-\u2014\u2013")
            if given and len(given) <= GROUP_ROLE_MAX:
                return Speaker(None, "unnamed", given)
        elif group is not None:  # "House Republicans have argued ... They add that": those Republicans
            return Speaker(None, "unnamed", description_role(group, list(doc[slice(*mention_range(group))])))
        return Speaker(None, "unnamed")
    mention = mention_range(subject)
    named = [c for c in subject.children if c.dep_ == "conj" and (c.ent_type_ or c.pos_ == "PROPN")]
    if (named and (subject.ent_type_ or subject.pos_ == "PROPN")) or _joins_people(doc, mention):
        # several speakers together have no one name: unnamed, with the names as given for their role
        # ("Finland, Sweden and Estonia support ...")
        # ("Senators Hale and Ruiz, two critics of the plan, ...": the names, not the description after them)
        described = [
            c.left_edge.i
            for t in (subject, *named)
            for c in t.children
            if c.dep_ == "appos"
            and c.i > t.i
            and c.pos_ != "PROPN"  # ("attorneys Rudy Giuliani and ...": names)
        ]
        names_end = min([mention[1], *described])
        given = doc[mention[0] : names_end].text.strip(" ,;-\u2014\u2013")
        bodies = _named_bodies(subject, given, described)
        if bodies is not None:
            # "France, Germany and Britain said": the countries together are who spoke, and they are named
            name = given[4:] if given[:4].lower() == "the " else given
            return Speaker(name, bodies, given)
        joint = _joint_people(doc, subject, (mention[0], names_end), actors)
        if joint is not None:  # "Speaker Ana Ruiz and Senator Tom Hale said": both of them, by name
            return joint
        apposed = _apposed_people(doc, subject, mention, actors)
        if apposed is not None:  # "the mayor's lawyers Tom Okafor and Jay Lund said": the two lawyers
            return apposed
        return Speaker(None, "unnamed", given if len(given) <= GROUP_ROLE_MAX else None)
    ent = _entity_of(subject)
    if ent is not None and ent.label_ in COUNTED_LABELS:
        if ent.label_ in ("DATE", "TIME") and subject.pos_ == "PROPN":
            return Speaker(None, "unnamed")  # "Monday" says nothing
        ent = None  # "two of the people", "the 43-year-old": a count or an age is no name
    principal = _principal(subject, mention, actors)
    if principal is not None:  # "a Kaine spokesman told", "his aide said": the aide speaks, not Kaine
        plural = subject.tag_ in ("NNS", "NNPS")
        relation = relation_of(subject)
        holder = (
            None
            if plural
            else actors.role_holder(subject.i, subject.lemma_.lower(), principal, kin=relation == "of")
            or actors.role_holder(
                subject.i, subject.lemma_.lower(), principal, kin=relation == "of", later=True
            )
        )
        if holder is not None:  # "His lawyer said" after "Mr. Hunter's lawyer, Gregory Vega,": Vega
            return holder
        return Speaker(None, "unnamed", f"{subject.lower_} {relation} {principal}")
    named_after = _name_after_owner(subject)
    if named_after is not None:  # "A spokesman for Mr. Hale, Tom Reed, said": Reed speaks for Hale
        held = bare_name(doc[mention[0] + (doc[mention[0]].lower_ in _ARTICLES) : named_after.start].text)
        return actors.person(clean_name(named_after), held or None)
    if ent is not None and ent.label_ in _BODY_LABELS:
        office = _person_after_title(subject, mention)
        if office is not None:  # "The National Organization for Women President Terry O'Neill said": O'Neill
            first = mention[0] + (doc[mention[0]].lower_ == "the")
            return actors.person(clean_name(office), bare_name(doc[first : office.start].text) or None)
    if ent is None or ent.label_ != "PERSON" or _indefinite(subject):
        title_span = _title_of_person(subject, mention)
        if title_span is not None:  # "Secretary of the Interior Ryan Zinke": the title is the role
            first = mention[0] + (doc[mention[0]].lower_ == "the")
            return actors.person(
                clean_name(title_span), bare_name(doc[first : title_span.start].text) or None
            )
        # "acting President Nicolas Maduro": the title heads the phrase, the name hangs from it.
        placed = _name_after_place(subject, mention) or _name_after_employer(subject, mention)
        if placed is not None and ent is None:  # "A spokesman in Hale's office, Peter Walsh,": the whole role
            first = mention[0] + (doc[mention[0]].lower_ in _ARTICLES)
            return actors.person(clean_name(placed), bare_name(doc[first : placed.start].text) or None)
        ent = _attached_person(subject, mention) or ent
    short = TITLE_SHORT_FORMS.get(normalize_name(subject.text))
    if short is not None and mention[0] < subject.i and doc[mention[0]].lower_ in _DEFINITE:
        # "The A.G. said" after "Attorney General Richard Blumenthal": the holder of the title named earlier.
        found = actors.by_description(subject.i, short.split())
        if found is not None:
            return Speaker(found.name, "person", found.role or short, found.gender)
        return Speaker(None, "unnamed", short)
    if ent is None and subject.pos_ == "PROPN" and subject.lower_ in PERSON_ROLES:
        return _described(subject, mention, actors, previous)  # "Deputy Foreign Minister reveals ..."
    if ent is None and (subject.pos_ == "PROPN" or _misread_name(subject, actors)):
        # The NER missed the name ("Tyabkov said"): a proper-noun subject resolved as the article's actor.
        # The proper nouns right before the subject, no further than a comma ("Police, Police said").
        first = owned_body_start(subject)
        while first > subject.left_edge.i and first > subject.i - 2 and doc[first - 1].pos_ == "PROPN":
            first -= 1
        name = bare_name(doc[first : subject.i + 1].text)
        if first < subject.i - 2:  # "U.S. Attorney's Office": its initials' stops are the name's
            name = unglued(" ".join(doc[first : subject.i + 1].text.split())).strip(" ,;:\"'\u201c\u201d")
        if not name:
            return Speaker(None, "unnamed")
        kind = speaker_kind_of_words(name.split(), None)
        if names_outlet(name, actors.outlet):
            # "The Times reported" untagged after "The New York Times": that paper, as for a tagged short form
            return Speaker(fuller_outlet(Span(doc, first, subject.i + 1, label="ORG")) or name, "outlet")
        if actors.resolve_name(name) is not None or kind == "organisation":
            # An unrecognised proper name that says something is most often a person's surname.
            role = described_before(subject, first, name)
            return actors.person(name, role, courtesy_gender(doc[first : subject.i + 1]))
        return Speaker(name, kind)
    if ent is not None:
        role = role_of(ent)
        name = clean_name(ent)
        if name and names_outlet(name, actors.outlet):
            fuller = fuller_outlet(ent)  # "The Journal" after "The Wall Street Journal" is that paper
            return Speaker(fuller or _named_body(doc, ent, subject, mention) or name, "outlet", role)
        titled = descriptor_split(name, person=ent.label_ == "PERSON") if name else None
        if titled is not None:  # "Spokesperson Marie Harf", as a PERSON or a body entity
            return actors.person(titled[0], join_role(titled[1], role))
        owned = owned_person(name) if name else None
        if owned is not None:  # "Twitter's Adam Sharp", which the NER may read as one work or body
            return actors.person(owned[0], role or owned[1])
        if name and (ent.label_ == "PERSON" or _looks_personal(ent, role, actors)):
            return actors.person(name, role, courtesy_gender(ent))
        if ent.label_ == "NORP" and subject.tag_ in ("NNPS", "NNS"):
            # "fellow Republicans", "many Venezuelans": people of a party or a nation, no body of it.
            return Speaker(None, "unnamed", description_role(subject, list(doc[mention[0] : mention[1]])))
        if ent.label_ == "NORP" and any(c.dep_ in ("det", "poss", "amod") for c in subject.children):
            # "The Florida Republican", "the Senate's top Democrat": one member described, no government.
            return _described(subject, mention, actors, previous)
        name = _named_body(doc, ent, subject, mention)
        words = doc[mention[0] : mention[1]].text.split()
        return Speaker(name or None, speaker_kind_of_words(words, ent.label_), role)
    return _described(subject, mention, actors, previous)


_CLAUSE_STOPS = frozenset({'"', "\u201c", "\u201d", "``", "''", ";", ":"})


_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})


def _named_bodies(subject: Token, given: str, described: list[int]) -> str | None:
    """The kind of speaker several named countries or bodies make together ("France, Germany and Britain",
    "the European Union and Japan"): "government" when all are places, "organisation" otherwise; None when
    any of them is a person or no name (people together are no one actor), or the names are described."""
    members = [subject, *subject.conjuncts]
    if described or len(given) > GROUP_ROLE_MAX or len(members) < 2:
        return None
    labels = {m.ent_type_ for m in members}
    if not labels <= {"GPE", "ORG"} or any(m.pos_ != "PROPN" for m in members):
        return None
    phrase = subject.doc[subject.left_edge.i : subject.right_edge.i + 1]
    if any(t.lower_ in ("or", "nor") for t in phrase):
        return None  # "France or Germany": either, not both
    if any(
        not (
            t.is_punct
            or t.lower_ in ("and", "&", "the")
            or (t.ent_type_ in ("GPE", "ORG") and t.pos_ == "PROPN")
        )
        for t in phrase
    ):
        return None  # "Russia, China, Cuba among others", "Norway, Denmark and other states": more than the names
    return "government" if labels == {"GPE"} else "organisation"


def _names_several(speaker: Speaker) -> bool:
    """True for people named together ("Mr. Udall and Mr. Wyden", as a joint speaker or as an unnamed source's
    role)."""
    if speaker.kind == "joint":
        return True
    words = (speaker.role or "").split()
    return " and " in f" {speaker.role} " and sum(w[:1].isupper() for w in words) >= 2


# Lower-case words that may stand beside the names of people who speak together: their titles and how they are
# joined ("state Senate President Pro Tem Ana Ruiz and House Speaker Tom Hale, both Republicans").
_JOINT_WORDS = frozenset({"and", "&", "of", "the", "both", "state", "'s", "\u2019s"})


def _joint_people(doc: Doc, subject: Token, span: tuple[int, int], actors: ArticleActors) -> Speaker | None:
    """People named together as one source ("Ms. Ruiz and Mr. Hale", "House Speaker Ana Ruiz and Senate Leader
    Tom Hale", "Ms. Ruiz, Ms. Lund and Ms. Vega"): a joint speaker named for them all, each by the fullest name
    the article gives them ("Ana Ruiz and Tom Hale"), with their titles as the role. None when anything but
    names, titles and what joins them is in the words ("Tom Hale and the unions", "people including Ana Ruiz
    and Tom Hale", "Hale or Ruiz"), when a member is a body or a place, or fewer than two people are named."""
    members = [m for m in (subject, *subject.conjuncts) if span[0] <= m.i < span[1]]
    spans = [_member_name(m, actors) for m in members]
    people = [one for one in spans if one is not None]
    if len(members) < 2 or len(people) < len(spans):
        # "Senate President Ana Ruiz and House Speaker Tom Hale", parsed as one name with a long title, or with
        # "Speaker" as the second member and the name beside it: the person entities in the words
        people = [e for e in doc.ents if e.label_ == "PERSON" and span[0] <= e.start and e.end <= span[1]]
    if len(people) < 2:
        return None
    inside = {i for e in people for i in range(e.start, e.end)}
    titled = False
    for tok in doc[span[0] : span[1]]:
        if tok.i in inside or tok.is_punct or tok.lower_ in _JOINT_WORDS:
            continue
        if tok.lower_ in ("or", "nor"):
            return None
        word = tok.lower_.rstrip(".")
        if tok.text[:1].isupper() or word in DESCRIPTOR_WORDS or word.rstrip("s") in DESCRIPTOR_WORDS:
            titled = titled or word not in COURTESY_TITLES
            continue
        return None
    between = [doc[a.end : b.start] for a, b in pairwise(people)]
    if not all(any(t.lower_ in ("and", "&") or t.text == "," for t in gap) for gap in between):
        return None  # "Ana Ruiz Tom Hale": one name the NER split, no two people
    names: list[str] = []
    for one in people:
        name = actors.person(clean_name(one), None, courtesy_gender(doc[one.start - 1 : one.end])).name
        if not name or name in names:
            return None
        names.append(name)
    joint = f"{', '.join(names[:-1])} and {names[-1]}"
    # the last name and what belongs to it ("of New York", "(D-N.Y.)"), not ", both Republicans"
    end = people[-1].end
    while end < span[1] and doc[end].text != ",":
        end += 1
    given = doc[span[0] : end].text.strip(" ,;-\u2014\u2013")
    given += ")" * (given.count("(") - given.count(")"))  # "... Tom Hale (D-N.Y.": the parenthesis closed
    return Speaker(joint, "joint", given if titled and len(given) <= GROUP_ROLE_MAX else None)


def _apposed_people(
    doc: Doc, subject: Token, mention: tuple[int, int], actors: ArticleActors
) -> Speaker | None:
    """People named together right after a plural description of them, without commas ("the mayor's personal
    lawyers Tom Okafor and Jay Lund said in a joint statement", the parse hanging the first name on the noun
    and the second on the first): the joint speaker of those names, the description as its role. None when
    the description is no plural noun or the names are no two people."""
    if subject.pos_ != "NOUN" or subject.tag_ != "NNS":
        return None
    first = next(
        (c for c in subject.children if c.dep_ == "appos" and c.i > subject.i and c.ent_type_ == "PERSON"),
        None,
    )
    if first is None or not any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in first.children):
        return None
    people = [e for e in person_entities(doc) if first.left_edge.i <= e.start and e.end <= mention[1]]
    if len(people) < 2 or any(t.text == "," for t in doc[subject.i : people[0].start]):
        return None
    joint = _joint_people(doc, first, (people[0].start, people[-1].end), actors)
    if joint is None:
        return None
    role = doc[mention[0] : people[0].start].text.strip(" ,;-\u2014\u2013")
    return Speaker(joint.name, "joint", role if len(role) <= GROUP_ROLE_MAX else None)


def _member_name(member: Token, actors: ArticleActors) -> Span | None:
    """The name of one of several people named together: its person entity, or the proper nouns it ends when the
    NER missed it ("Ana Ruiz", "Ms. Ruiz" without the title) and they name a person: one the article named, or
    a given name and a surname. None for a body, a place or a word that names nobody known."""
    doc = member.doc
    ent = _entity_of(member)
    if ent is not None:
        return ent if ent.label_ == "PERSON" else None
    if member.pos_ != "PROPN":
        return None
    start = member.i
    while start > member.left_edge.i and doc[start - 1].pos_ == "PROPN" and not doc[start - 1].ent_type_:
        if doc[start - 1].lower_.rstrip(".") in COURTESY_TITLES:
            break
        start -= 1
    # "Speaker Ana Ruiz": Ana Ruiz, the title left
    for first in range(max(start, member.i - 2), member.i + 1):
        name = doc[first : member.i + 1]
        if len(name) > 1 and is_given_name(name[0].text):
            return name
        known = actors.resolve_name(clean_name(name))
        if known is not None and actors.index.actor(known).kind == "person":
            return name
    return None


def fuller_outlet(ent: Span) -> str | None:
    """The one fuller name the article gave before an outlet's one-word short form ("The Journal" after
    "The Wall Street Journal", "the Times" after "The New York Times"); None when it gave none, or two
    that end in that word ("the Times" beside The New York Times and the Financial Times)."""
    name = clean_name(ent)
    if len(name.split()) != 1:
        return None
    found = {
        " ".join(clean_name(e).split())
        for e in entities(ent.doc)
        if e.end <= ent.start
        and e.label_ in ("ORG", "WORK_OF_ART", "PERSON", "GPE")
        and len(clean_name(e).split()) > 1
        and clean_name(e).split()[-1].lower() == name.lower()
    }
    found = {f.removeprefix("The ").removeprefix("the ") for f in found}
    return found.pop() if len(found) == 1 else None


def body_subject_before(pronoun: Token, actors: ArticleActors) -> Speaker | None:
    """The named body "it" stands for when one is the subject of a clause between the last cue and the pronoun,
    in its sentence or the one before ("The Harbour Weekly reported ... When a national outlet, Slate magazine,
    produced a profile ..., it said": Slate, not the Weekly that spoke last; "Harbour Freight cut 200 jobs. It
    said"): the latest such subject outside quotation marks, or a name in apposition to it; never a person.
    None when no body is."""
    doc = pronoun.doc
    sent = pronoun.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    start = max(start, actors.last_cue + 1) if actors.last_cue < pronoun.i else start
    for tok in reversed(doc[start : pronoun.i]):
        if tok.dep_ not in ("nsubj", "nsubjpass") or tok.pos_ == "PRON":
            continue
        if tok.i < len(actors.quoted) and actors.quoted[tok.i]:
            continue  # a subject inside a quotation is the quoted speaker's words, not the narration's
        for head in (tok, *(c for c in tok.children if c.dep_ == "appos")):
            names = [
                t
                for t in doc[head.left_edge.i : head.i + 1]
                if t.ent_type_ in _BODY_LABELS and t.ent_iob_ == "B"
            ]
            if not names or any(t.ent_type_ == "PERSON" for t in doc[head.left_edge.i : head.i + 1]):
                continue
            ent = _entity_of(names[-1])
            if ent is None or ent.end < head.i or ent.label_ not in _BODY_LABELS:
                continue
            name = clean_name(ent)
            if not name or actors.resolve_name(name) is not None:
                continue  # a person the NER read as a body
            words = [*name.split(), head.text]  # "Slate magazine": an outlet by its head noun
            kind = "outlet" if names_outlet(name, actors.outlet) else speaker_kind_of_words(words, ent.label_)
            return Speaker(_named_body(doc, ent, ent.root, (ent.start, ent.end)) or name, kind)
        return None  # the latest subject names no body: "it" is not reached past it
    return None


def _own_clause_end(pronoun: Token) -> int | None:
    """One past the last token of the clause a subject pronoun governs, within its sentence and paragraph
    and before any quotation (whose names are the speaker's words, not the narration's); None for a pronoun
    that is no subject."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    doc = pronoun.doc
    end = min(pronoun.head.right_edge.i + 1, pronoun.sent.end)
    for i in range(pronoun.i + 1, end):
        tok = doc[i]
        if tok.text in _CLAUSE_STOPS or "\n" in tok.text or "\n" in tok.whitespace_:
            return i
    return end


def _misread_name(subject: Token, actors: ArticleActors) -> bool:
    """True for a capitalised subject the tagger took for a verb or a common noun ("Trump this week also
    said", "Trump" read as the verb or the card): no verb is the subject of a cue, and a common noun that
    is the surname of someone the article names is that person."""
    if not subject.text[:1].isupper() or not subject.is_alpha:
        return False
    if subject.pos_ in ("VERB", "AUX") and subject.dep_ == "nsubj":
        return True
    if subject.pos_ not in ("NOUN", "ADV", "ADJ"):  # "Long on Monday denied": a surname read as an adverb
        return False
    found = actors.resolve_name(subject.text)
    return found is not None and actors.index.actor(found).kind == "person"


# Plural nouns for people that "they" stands for ("Critics say ... They add"), and for bodies of people ("Advocacy
# groups said ... They accused").
PEOPLE_NOUNS = PERSON_ROLES | word_set(
    """
    critic supporter opponent resident voter member lawmaker activist advocate protester worker expert
    economist scientist researcher conservative liberal democrat republican citizen parent official
    group organization staffer scholar family leader
    """
)


def _people_group(group: Token) -> bool:
    """True for a plural subject that names people without naming anyone ("House Republicans", "critics",
    "advocacy groups"), or several sources joined ("state lawmakers and Gov. Ana Ruiz"); False for a pronoun,
    a name, or no group of people ("the rules", "fishermen" aside)."""
    if any(c.dep_ == "conj" for c in group.children):
        return group.pos_ in ("NOUN", "PROPN") and group.dep_ in ("nsubj", "nsubjpass")
    if group.tag_ not in ("NNS", "NNPS") or group.ent_type_ in ("PERSON", "ORG", "GPE"):
        return False
    if any(c.dep_ == "appos" for c in group.children):
        return False
    lemma = group.lemma_.lower()
    return group.ent_type_ == "NORP" or lemma in PEOPLE_NOUNS or lemma.endswith(("man", "woman"))


def _opens_its_clause(pronoun: Token) -> bool:
    """True when no subject, name or quotation comes before `pronoun` in its sentence: it opens the sentence or
    follows only connectives and adverbials ("But they", "In particular, they", "Even so, they")."""
    for tok in pronoun.doc[pronoun.sent.start : pronoun.i]:
        if tok.dep_ in ("nsubj", "nsubjpass", "expl") or tok.ent_type_ or tok.text in _CLAUSE_STOPS:
            return False
        if tok.pos_ in ("NOUN", "PROPN", "PRON", "VERB", "AUX", "NUM"):
            return False
    return True


def plural_antecedent(pronoun: Token) -> Token | None:
    """The group a subject "they" stands for. Within its sentence, the plural subject of a clause it is part of
    ("House Republicans began repealing the law, which they have long said lacks ..."); else, when "they" opens
    its sentence (after connectives at most: "But they", "In particular, they"), the plural subject of the
    sentence before, through a "they" opening that one too ("Democrats criticized the plan. They were incensed.
    And they said"). None when that subject is a pronoun that leads nowhere, names someone alone, or is no
    group of people; the nearest subject decides, so a singular one in between ("Hale said voters would leave
    if they ...") is never skipped."""
    doc = pronoun.doc
    sent = pronoun.sent
    head = pronoun.head
    while head.i != head.head.i and head.i >= sent.start:
        head = head.head
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < pronoun.i]
        if subjects:
            found = subjects[0]
            return found if found.pos_ != "PRON" and _people_group(found) else None
    if sent.start == 0 or not _opens_its_clause(pronoun):
        return None
    for _ in range(3):
        before = doc[sent.start - 1].sent
        subjects = [t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            return None
        group = subjects[0]
        if group.lower_ == "they" and before.start > 0:
            sent = before  # "They were incensed": the group that sentence's "they" stands for
            continue
        return group if _people_group(group) else None
    return None


def described_before(subject: Token, first: int, name: str) -> str | None:
    """The whole descriptor of a person whose name the NER missed (the proper nouns from `first` to `subject`,
    `name`), when it begins before those proper nouns ("Economist Ana Ruiz", a common noun then the name;
    "Former Gov. Ana Ruiz", "Ohio Republican Ana Ruiz", where the name taken opens with "Gov" or "Republican"):
    the descriptor words from the phrase's start, as written, without an article; None otherwise
    (`ArticleActors.person` cuts a descriptor inside `name` itself)."""
    doc = subject.doc
    start = subject.left_edge.i + (subject.left_edge.dep_ == "det")
    if start >= first or not name:
        return None
    if any((t.is_punct and t.text != ".") or "\n" in t.whitespace_ for t in doc[start:first]):
        return None
    whole = descriptor_split(" ".join(doc[start : subject.i + 1].text.split()), person=True)
    return whole[1] if whole is not None else None


def bare_word(word: str) -> str:
    """`word` without the digits, quote marks or punctuation glued to it ("2he" -> "he")."""
    return word.strip("0123456789\"'`\u201c\u201d\u2018\u2019.,;:()[]-\u2013\u2014*\u2022")


def bare_name(text: str) -> str:
    """A name as written, without glued quote marks or punctuation; "" when nothing of a name is left."""
    words = [bare_word(w) for w in text.split()]
    name = " ".join(w for w in words if w)
    return name if any(ch.isalpha() for ch in name) else ""


# Words that open a clause or a count, not a role ("whose leader", "At least two carriers").
_NOT_ROLE_DEPS = frozenset(
    {"det", "predet", "nummod", "quantmod", "advmod", "poss", "case", "punct", "cc", "prep"}
)
_NOT_ROLE_WORDS = frozenset(
    {"when", "while", "whose", "which", "who", "as", "after", "before", "if", "since", "and", "but", "least"}
) | frozenset(  # how many, not who: "Several local fishermen" are local fishermen
    {"several", "some", "many", "most", "few", "numerous", "various", "multiple", "all", "both", "more"}
)


COUNT_WORDS = frozenset({"one", "some", "several", "many", "most", "few", "none", "each", "all", "both"})


# Plural nouns for people joined into one group ("faculty members and priests"), beyond "they"'s.
_JOINED_PEOPLE = (
    PEOPLE_NOUNS | GENERIC_ROLES | word_set("priest administrator nurse ally physician employee organizer")
)


def _bare_plurals(subject: Token) -> bool:
    """True for plural nouns for people joined with no article or owner of their own ("professors and
    administrators", "faculty members and priests"): one group of people, whose role is all of them (never
    "interviews and discussions", which are no people)."""
    joined = [subject, *(c for c in subject.children if c.dep_ == "conj")]
    return all(
        t.tag_ == "NNS"
        and not t.ent_type_
        and t.lemma_.lower() in _JOINED_PEOPLE
        and not any(c.dep_ in ("det", "poss") for c in t.children)
        for t in joined
    )


def _group_of(subject: Token) -> bool:
    """True for "a group of N nurses": the group is the people its "of" phrase names, so they are its role."""
    return subject.lemma_.lower() == "group" and any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and o.tag_ == "NNS" for o in p.children)
        for p in subject.children
    )


def description_role(subject: Token, words: list[Token]) -> str | None:
    """The role words of an unnamed source: the head noun and its modifiers, no article, count or clause.

    None for a document ("a statement", "a letter") or when nothing but a pronoun is left.
    """
    if subject.lemma_.lower() in DOCUMENT_WORDS or (
        any(c.dep_ == "conj" for c in subject.children) and not _bare_plurals(subject)
    ):
        return None  # a document is nobody's role; several sources together have no one role
    if subject.like_num or subject.lower_ in COUNT_WORDS or _group_of(subject):
        # "two of the people", "one of his aides": the people, the aides; "the two" has no role
        group = [o for p in subject.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
        if not group:
            return None
        return description_role(group[0], [t for t in words if t.i in {w.i for w in group[0].subtree}])
    start = 0
    for k, tok in enumerate(words):
        if tok.i >= subject.i:
            break
        if tok.dep_ in _NOT_ROLE_DEPS or tok.lower_ in _NOT_ROLE_WORDS or tok.like_num or tok.is_punct:
            start = k + 1
    kept = words[start:]
    while kept and kept[-1].dep_ == "case":  # "An inspector general's report": the inspector general
        kept = kept[:-1]
    if not kept or all(t.pos_ == "PRON" for t in kept):
        return None
    doc = subject.doc
    return bare_name(doc[kept[0].i : kept[-1].i + 1].text) or None


AUTHOR_VERBS = word_set("deliver give write send sign issue release publish post make pen draft tweet")


def _author(subject: Token) -> Token | None:
    """Whom a relative clause on a speech or document names as its author ("a speech Mrs. Clinton delivered",
    "a letter the mayor wrote"): the clause's subject when it is a name or a description, else None."""
    for clause in subject.children:
        if clause.dep_ != "relcl" or clause.lemma_.lower() not in AUTHOR_VERBS:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
        if subjects and subjects[0].tag_ not in ("WP", "WDT") and subjects[0].lower_ != "that":
            return subjects[0]
    return None


def _document_source(subject: Token, actors: ArticleActors, previous: Speaker | None) -> Speaker | None:
    """Who issued a document that "said" something: "a statement from the ministry" -> the ministry; "a
    speech Mrs. Clinton delivered" -> Clinton."""
    author = _author(subject) or _named_owner(subject)
    if author is not None:
        found = resolve_subject(author, actors, previous)
        if found.name is not None or found.role is not None:
            return found
    # "figures released by the port authority", "a report published by the ministry": through the participle.
    holders = [subject, *_published(subject)]
    for prep in (p for h in holders for p in h.children):
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("from", "by", "of", "in"):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() not in DOCUMENT_WORDS:
                found = resolve_subject(objs[0], actors, previous)
                if prep.lower_ == "in" and found.kind != "outlet":
                    continue  # "a report in The Guardian" is the paper's; "a letter in May" nobody's
                if found.name is not None or found.role is not None:
                    return found
    return None


# Findings a body makes and names as its own ("a Monmouth University poll", "a Harbour Trust survey").
FINDING_WORDS = word_set("poll survey study analysis audit tally count")
# A charge sheet, whose words are those of whoever brought the charges.
CHARGING_WORDS = word_set("indictment")
CHARGING_VERBS = word_set("indict charge")
_CHARGING_REACH = 2000  # tokens: who brought the charges is told once, anywhere before


def charging_body(document: Token) -> Token | None:
    """Who brought the indictment `document` refers to, as the article says before it: the "by" phrase of
    the indictment ("a 48-page indictment released by the Justice Department") or of "indicted" ("was
    indicted by a federal grand jury"), or the subject of "indicted"/"charged ... in an indictment" ("A grand
    jury indicted the couple"); the latest such mention before `document`, None when there is none."""
    doc = document.doc
    for tok in reversed(doc[max(0, document.i - _CHARGING_REACH) : document.i + 1]):
        lemma = tok.lemma_.lower()
        if lemma in CHARGING_WORDS and tok.pos_ == "NOUN":
            for participle in _published(tok) + [
                c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
            ]:
                for agent in (c for c in participle.children if c.dep_ == "agent"):
                    objs = [c for c in agent.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0]
            continue
        if tok.pos_ != "VERB" or lemma not in CHARGING_VERBS:
            continue
        if lemma == "charge" and not any(
            c.dep_ == "prep" and any(g.lemma_.lower() in CHARGING_WORDS for g in c.children)
            for c in tok.children
        ):
            continue  # "charged with fraud" says who was charged, not by whom
        for agent in (c for c in tok.children if c.dep_ == "agent"):
            objs = [c for c in agent.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        if subjects and subjects[0].pos_ != "PRON":
            return subjects[0]
    return None


# What carries somebody's words as they spoke them ("excerpts from his speech", "a transcript of her remarks").
EXCERPT_WORDS = word_set("excerpt transcript text copy extract")
SPOKEN_WORDS = word_set("speech remark testimony address interview statement comment")


def _speaker_of_excerpt(subject: Token) -> Token | None:
    """Whose spoken words an excerpt or a transcript gives ("excerpts from his speech provided by his
    campaign", "a transcript of Hale's remarks"): the speech's possessor or author; None otherwise."""
    if subject.lemma_.lower() not in EXCERPT_WORDS:
        return None
    for prep in subject.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for speech in (c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in SPOKEN_WORDS):
            owner = _named_owner(speech) or _author(speech)
            if owner is not None:
                return owner
    return None


def work_maker(noun: Token) -> Token | None:
    """Who made a work that is no person ("a count by the Dover Gazette", "a poll from Monmouth University",
    "a study by Jane Doe"): the named object of its "by" or "from" phrase; None when the noun is a person or
    a body itself, or names nobody that way."""
    if noun.lemma_.lower() in PERSON_ROLES | BODY_WORDS | GOVERNMENT_WORDS or noun.ent_type_:
        return None
    for prep in noun.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("by", "from"):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and (objs[0].ent_type_ in _NAMED or objs[0].pos_ == "PROPN"):
                return objs[0]
    return None


def _named_owner(document: Token) -> Token | None:
    """Whose a document is by its own words: a possessor ("Taylor's letter", "his statement") or a name
    written before it ("the Georgetown University letter", "a Washington Post report"); None otherwise."""
    for child in document.children:
        if child.dep_ == "poss" and child.i < document.i and child.lower_ not in ("its", "their", "our"):
            return child
    # A proper name the tagger also reads as an entity ("Media reports said" is no body called Media).
    named = [
        c
        for c in document.children
        if c.dep_ == "compound"
        and c.i < document.i
        and c.pos_ == "PROPN"
        and c.ent_type_ in ("ORG", "PERSON", "GPE")
    ]
    return max(named, key=lambda c: c.i) if named else None


_ANTECEDENT_REACH = 400  # tokens back to the document "the letter" refers to: a few paragraphs


def document_antecedent(subject: Token) -> tuple[bool, Token | None]:
    """(found, issuer) for "the letter", "the report": whether the article mentioned such a document
    before, and who issued it there ("... sent a letter to Pence", "said in a statement", "The Atlantic
    first reported that ...": the subject of the verb that sent, wrote or said it, or its own possessor,
    author or "from"/"by" phrase); issuer None when the earlier mention names nobody."""
    doc = subject.doc
    lemma = subject.lemma_.lower()
    for tok in reversed(doc[max(0, subject.i - _ANTECEDENT_REACH) : subject.i]):
        if tok.lemma_.lower() != lemma:
            continue
        if tok.pos_ == "VERB":  # "The Atlantic first reported that ...", then "according to the report"
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            return True, subjects[0] if subjects else None
        if tok.pos_ != "NOUN":
            continue
        own = _author(tok) or _named_owner(tok)
        if own is not None:
            return True, own
        for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("from", "by")):
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs:  # "the statement from Grimm's attorney, William McGinley": McGinley
                named = [c for c in objs[0].children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
                return True, (named or objs)[0]
        for participle in _signing_participles(tok):
            for agent in (c for c in participle.children if c.dep_ == "agent" or c.lower_ == "by"):
                objs = [c for c in agent.children if c.dep_ == "pobj"]
                if objs:
                    return True, objs[0]
        verb = tok.head
        if tok.dep_ == "pobj" and verb.dep_ == "prep" and verb.lower_ in ("in", "through"):
            verb = verb.head  # "said in a statement", "told the board in a letter"
        elif _addressee_apposed(tok):
            # "sent Hale, the mayor, a letter": the parse hangs the letter on its addressee
            tok, verb = verb, verb.head
        elif any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in tok.children):
            continue  # "The statement said ..." again: the one it refers to is further back
        elif tok.dep_ not in ("dobj", "nsubjpass"):
            return True, None
        if verb.pos_ in ("VERB", "AUX") and (verb.lemma_.lower() in AUTHOR_VERBS or is_speech_verb(verb)):
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            return True, subjects[0] if subjects else None
        return True, None
    return False, None


def _addressee_apposed(document: Token) -> bool:
    """True for a document the parse set in apposition to the object of the verb that sent it ("has sent
    Hale, D-Ore., a letter"): it is that verb's object too."""
    head = document.head
    return document.dep_ == "appos" and head.dep_ in ("dobj", "dative") and head.head.i < head.i


def document_sender(document: Token) -> Token | None:
    """Who sent, wrote or issued the document this mention names, in its own clause: the subject of the verb
    whose object it is ("The nurses sent the governor a letter urging ...", "has sent Hale, D-Ore., a letter
    saying ..."); None when no verb of writing or sending governs it, or the verb has no subject."""
    if document.dep_ == "dobj" or _addressee_apposed(document):
        verb = document.head if document.dep_ == "dobj" else document.head.head
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in AUTHOR_VERBS:
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]
            if subjects and subjects[0].lemma_.lower() not in DOCUMENT_WORDS:
                return subjects[0]
    return None


PUBLISH_VERBS = frozenset(
    {"release", "publish", "issue", "compile", "circulate", "post", "produce", "sign", "send"}
)


def _signing_participles(document: Token) -> list[Token]:
    """The participles that may say who put out or signed `document`: those on it ("a letter released by
    ..."), the ones joined to them ("a memo published Monday and signed by ..."), and a subjectless one
    the parse joined to the verb of the document's own clause instead ("arrived in a memo published Monday
    and signed by 40 nurses")."""
    found = _published(document)
    found += [c for p in found for c in p.children if c.dep_ == "conj" and c.tag_ == "VBN"]
    clause = document.head
    while clause.dep_ in ("prep", "pobj") and clause.head.i != clause.i:
        clause = clause.head
    for c in clause.children:
        if (
            c.dep_ == "conj"
            and c.tag_ == "VBN"
            and c.i > document.i
            and c.lemma_.lower() in PUBLISH_VERBS | AUTHOR_VERBS
            and not any(g.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for g in c.children)
        ):
            found.append(c)
    return found


def _published(subject: Token) -> list[Token]:
    """The participles that say who put out what the subject names ("figures released by ...")."""
    return [c for c in subject.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in PUBLISH_VERBS]


# Descriptions many people answer to, so an earlier indefinite one ("a senior official") is who "the official"
# is; a title that one person holds ("the president", "the governor") is not among them.
UNNAMED_ROLES = GENERIC_ROLES | word_set("aide adviser advisor lawmaker source analyst expert")
# Documents that people do not issue in their own name.
REPORT_WORDS = word_set("report communique communiqué document")
_INDEFINITE = frozenset({"a", "an", "another", "one"})


def unnamed_antecedent(subject: Token) -> bool:
    """True when "the official" (`subject`) refers back to an unnamed source: the nearest earlier noun of the
    same word, within a few paragraphs, is indefinite ("a senior administration official said", "one of the
    officials", "A spokesperson for Grassley") and names nobody (no "spokeswoman Jane Doe", no "Mr. Hale,
    an official of ..."). Such a description is that unnamed person, not whichever named one spoke last."""
    doc = subject.doc
    lemma = subject.lemma_.lower()
    for tok in reversed(doc[max(0, subject.i - _ANTECEDENT_REACH) : subject.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        if _names_a_person(tok):
            return False
        dets = {c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")}
        if dets & _INDEFINITE:
            return True
        head = tok.head  # "one of the officials"
        if (
            tok.dep_ == "pobj"
            and head.lower_ == "of"
            and (head.head.lower_ in _INDEFINITE or head.head.like_num)
        ):
            return True
        if dets & _DEFINITE:
            continue  # "according to the official" refers back itself: whom it stands for is further back
        return False
    return False


def _names_a_person(noun: Token) -> bool:
    """True when the description `noun` is joined to a person's name ("spokeswoman Jane Doe", "Jane Doe, a
    spokeswoman", "a spokesman, Tom Hale")."""
    if noun.ent_type_ == "PERSON" or (noun.dep_ in ("compound", "appos") and noun.head.ent_type_ == "PERSON"):
        return True
    return any(c.dep_ in ("appos", "compound") and c.ent_type_ == "PERSON" for c in noun.children)


# Heads of descriptions that stand for a company or another body the article named ("the company said").
# "group" and "union" are left out: "the group" is as often a group of voters as a named body.
BODY_WORDS = word_set(
    """
    company firm corporation conglomerate retailer manufacturer maker carrier airline bank lender insurer
    operator utility startup organization organisation association charity federation foundation
    """
)
_BODY_REACH = 150  # tokens back to the body's name: a few sentences


def _latest_body(doc: Doc, subject: Token, actors: ArticleActors) -> Speaker | None:
    """The body named last before `subject` (an ORG entity that is no person, outlet or government):
    one whose name has the description's words ("the Harbour bank") first, else, for a bare description
    ("the company"), the last body named."""
    head = subject.lower_
    marks = {t.lower_ for t in subject.lefts if t.pos_ in ("PROPN", "ADJ", "NOUN") and t.dep_ != "poss"}
    ents = [e for e in entities(doc) if e.end <= subject.i and e.start >= subject.i - _BODY_REACH]
    orgs = [e for e in reversed(ents) if e.label_ == "ORG"]
    words = [{t.lower_ for t in e} for e in orgs]
    named = [e for e, w in zip(orgs, words, strict=True) if head in w and marks <= w]
    last = [orgs[0]] if orgs and not marks else []
    for ent in named[:1] or last:
        name = clean_name(ent)
        if not name or names_outlet(name, actors.outlet) or actors.index.resolve(name) is not None:
            return None
        if speaker_kind_of_words(name.split(), ent.label_) == "organisation":
            return Speaker(_named_body(doc, ent, ent.root, (ent.start, ent.end)) or name, "organisation")
    return None


# A generic noun for a body of a kind ("the company", "the tech giant", "the paper") -> the kind of the body
# that spoke it may stand for when the article named no body by that noun.
SPOKEN_BODY_WORDS: dict[str, str] = {
    **dict.fromkeys(BODY_WORDS | word_set("giant"), "organisation"),
    **dict.fromkeys(word_set("newspaper paper magazine network broadcaster"), "outlet"),
}
_QUOTE_OPEN = frozenset({'"', "\u201c", "``"})
_QUOTE_CLOSE = frozenset({'"', "\u201d", "''"})


def _body_that_spoke(subject: Token, actors: ArticleActors, kind: str) -> Speaker | None:
    """The body of `kind` that spoke last, within a few sentences of `subject`, when nobody but people spoke
    since and no other body's name stands between outside quotes ('Twitter said ... "...," the tech giant
    said'); None when none did or another may be meant ("A Facebook executive ..., but the company")."""
    found: tuple[int, Speaker] | None = None
    for spoke, sp in reversed(actors.recent_speakers):
        if spoke >= subject.i:
            continue
        if subject.i - spoke > _BODY_REACH:
            return None
        if sp.kind == kind:
            found = (spoke, sp)
            break
        if sp.kind != "person":
            return None  # another body spoke since
    if found is None or not found[1].name:
        return None
    spoke, speaker = found
    own = {w.lower() for w in (speaker.name or "").split()}
    doc = subject.doc
    quoted = False
    for tok in doc[spoke + 1 : subject.i]:
        if any(start <= tok.i < end for start, end in actors.said):
            continue  # what the body and others said: "The Journal reported that AARP ... according to the paper"
        if tok.text in _QUOTE_OPEN and not quoted:
            quoted = True
            continue
        if tok.text in _QUOTE_CLOSE and quoted:
            quoted = False
            continue
        if (
            quoted
            or tok.lower_ in own
            or tok.ent_type_ in ("PERSON", "DATE", "TIME", "GPE", "NORP", "CARDINAL")
        ):
            continue
        if tok.ent_type_ == "ORG" or (tok.pos_ == "PROPN" and tok.text[:1].isupper()):
            return None  # another name between: "A Facebook executive apologized ..., but the company"
    return speaker


# Descriptions of a body or an outlet the article may give with its name ("the hunting group Safari Club",
# "BigGovernment.com, a conservative website"); "the group" then stands for it, not for any group of people.
INTRODUCED_BODY_WORDS = word_set(
    """
    group site website blog outlet network company firm organization organisation association charity
    foundation coalition campaign union lobby nonprofit newspaper paper magazine project
    """
)


def _described_as(noun: Token, head: str) -> bool:
    lower = noun.lower_
    return noun.tag_ in ("NN", "NNP") and (
        noun.lemma_.lower() == head
        or (head == "site" and lower == "website")
        or (head == "group" and lower in _GROUP_SYNONYMS)  # "an angling organization" is "the group"
    )


_GROUP_SYNONYMS = frozenset({"organization", "organisation"})
_DESCRIPTION_TAGS = frozenset(get_string_id(tag) for tag in ("NN", "NNP"))  # `_described_as` reads no other


def _a_domain(tok: Token) -> bool:
    """True for a web address written as a name ("BigGovernment.com", "Harbourwatch.org")."""
    return bool(tok.like_url) or bool(re.fullmatch(r"[A-Za-z][\w-]*\.(com|org|net|co\.uk|news)", tok.text))


def _name_run(doc: Doc, start: int, step: int) -> Span | None:
    """The proper nouns from `start` on (forward for `step` 1, backward for -1): a body's name."""
    end = start
    while (
        0 <= end < len(doc)
        and (doc[end].pos_ == "PROPN" or _a_domain(doc[end]))
        and doc[end].text[:1].isupper()
    ):
        end += step
    if end == start:
        return None
    return doc[start:end] if step > 0 else doc[end + 1 : start + 1]


def _introduced_body(subject: Token, actors: ArticleActors) -> Speaker | None:
    """The body a definite description ("the group", "the site") stands for when the article named one with
    that very description shortly before: "the hunting group Safari Club International", "the website
    BigGovernment.com", "Safari Club International, a hunting group,". The latest such wins; a person's
    name is never a body, and None when the article introduced none so."""
    doc = subject.doc
    head = subject.lemma_.lower()
    first = mention_range(subject)[0]
    tags = column(doc, "TAG")  # (only a singular noun can be the description: no Token built for the rest)
    for i in range(subject.i - 1, max(0, subject.i - _INTRODUCED_REACH) - 1, -1):
        if i >= first or tags[i] not in _DESCRIPTION_TAGS:
            continue
        noun = doc[i]
        if not _described_as(noun, head):
            continue
        after = noun.i + 1 + (noun.i + 1 < len(doc) and doc[noun.i + 1].text == ",")
        name = _name_run(doc, after, 1) if noun.i + 1 < len(doc) else None
        if (
            name is None
            and noun.dep_ == "appos"
            and noun.head.i < noun.i
            and (noun.head.pos_ == "PROPN" or _a_domain(noun.head))
        ):
            name = _name_run(doc, noun.head.i, -1)  # "Safari Club International, a hunting group,"
        if name is None:
            continue
        if any(t.ent_type_ == "PERSON" for t in name):
            return None
        if noun.i < subject.i - _BODY_REACH and not _named_again(name, subject.i):
            continue  # introduced long before and not named since: the description may be anyone's by now
        text = bare_name(name.text)
        if not text or actors.index.resolve(text) is not None:
            return None
        if names_outlet(text, actors.outlet) or head in _OUTLET_DESCRIPTIONS:
            return Speaker(text, "outlet")
        return Speaker(text, speaker_kind_of_words(text.split(), name.root.ent_type_ or None))
    return None


# Tokens back to a body introduced with a description ("Safari Club International, a hunting group,") that was
# named again shortly before "the group" ("the Safari Club sent out a call ..."): a long article's few pages.
_INTRODUCED_REACH = 800


def _named_again(name: Span, pos: int) -> bool:
    """True when the body named `name` is named again (its first two words, or its one word) in the few sentences
    before `pos` (`_BODY_REACH` tokens), after its introduction."""
    doc = name.doc
    words = [t.lower_ for t in name if not t.is_punct][:2]
    if not words:
        return False
    start = max(name.end, pos - _BODY_REACH)
    return any(
        [t.lower_ for t in doc[i : i + len(words)]] == words for i in range(start, pos - len(words) + 1)
    )


_OUTLET_DESCRIPTIONS = frozenset(
    {"site", "website", "blog", "outlet", "network", "newspaper", "paper", "magazine"}
)


# The last word of a public body's name that "the agency" may stand for.
_AGENCY_HEADS = word_set("service administration agency bureau commission office authority board department")


def _apposed_body(
    subject: Token, mention: tuple[int, int], actors: ArticleActors
) -> tuple[Speaker, int] | None:
    """The body a description of one ("An advocacy group, the Coalition for Safe Harbors,", "the ratings
    agency, Harbour Ratings,") names in apposition after a comma, within the source's words: that body, so
    its name is not dropped into the role, with the index of the comma before the name; None when the
    description is no body's, the apposition is no proper name, or it is a person's."""
    head = subject.lemma_.lower()
    if subject.tag_ not in ("NN", "NNP") or head not in INTRODUCED_BODY_WORDS | BODY_WORDS | _AGENCY_HEADS:
        return None
    doc = subject.doc
    for child in subject.children:
        if child.dep_ != "appos" or child.i <= subject.i or child.i >= mention[1] or child.pos_ != "PROPN":
            continue
        first = child.left_edge.i
        if doc[first].lower_ == "the":
            first += 1
        if doc[child.left_edge.i - 1].text != "," or child.ent_type_ in ("PERSON", "GPE", "NORP", "DATE"):
            continue
        run = doc[first : child.right_edge.i + 1]
        if any(t.ent_type_ == "PERSON" or t.is_punct for t in run) or not run.text[:1].isupper():
            continue
        if is_given_name(run[0].text) and len(run) <= 3:
            continue  # "a group member, Ana Ruiz": a person the NER missed
        text = bare_name(run.text)
        if not text or actors.resolve_name(text) is not None:
            continue
        comma = child.left_edge.i - 1
        if names_outlet(text, actors.outlet):
            return Speaker(text, "outlet"), comma
        return Speaker(text, speaker_kind_of_words(text.split(), child.ent_type_ or "ORG")), comma
    return None


# Bodies a person owns, named after them ("Hale's campaign", "the senator's office", "Hale's legal team", "the
# mayor's administration"): the campaign or administration by the owner's surname ("Hale campaign", as "Obama
# administration"), an office, team or staff as the article gives it ("Hale's office").
_OWNED_NOUNS = word_set("campaign administration office team staff")
_OWNED_PLAIN = frozenset({"campaign", "administration"})
_NAME_SUFFIXES = frozenset({"jr.", "jr", "sr.", "sr", "ii", "iii", "iv"})


def _owner_of(noun: Token, actors: ArticleActors) -> str | None:
    """The person whose body `noun` is by its possessive ("Hale's", "his", "the senator's"): their name as the
    article knows them; None for no possessive, a body's or a place's ("Ohio's office"), or nobody found."""
    doc = noun.doc
    for child in noun.children:
        if child.dep_ != "poss" or child.i > noun.i:
            continue
        if child.lower_ in MALE | FEMALE:
            owner = actors.by_pronoun(child.i, child.lower_)
            return owner.name if owner is not None and owner.kind == "person" and owner.name else None
        if child.pos_ == "NOUN" and not child.ent_type_ and child.lemma_.lower() in PERSON_ROLES:
            described = [t for t in doc[child.left_edge.i : child.i + 1] if t.dep_ not in ("det", "case")]
            found = actors.by_description(child.i, [t.lower_ for t in described])
            return found.name if found is not None and found.kind == "person" and found.name else None
        if child.pos_ != "PROPN":
            return None
        ent = _entity_of(child)
        # the possessor's proper nouns ("Gov. Ana Ruiz's"), which the NER may miss or read as a body
        first = child.i
        while first > child.left_edge.i and doc[first - 1].pos_ == "PROPN":
            first -= 1
        span = ent if ent is not None and ent.end <= noun.i else doc[first : child.i + 1]
        name = clean_name(span)
        titled = descriptor_split(name, person=True) if name else None
        if titled is not None:
            name = titled[0]
        actor = actors.resolve_name(name, None, courtesy_gender(span)) if name else None
        if actor is not None and actors.index.actor(actor).kind == "person":
            return actors.index.actor(actor).name
        person = titled is not None or (ent is not None and ent.label_ == "PERSON")
        return name if person and name else None  # "Gov. Ana Ruiz's", named here first
    return None


def _owned_name(owner: str, noun: Token) -> str:
    """ "Hale campaign", "Hale's legal team": the body's name by its owner's surname and its own words."""
    words = owner.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _NAME_SUFFIXES:
        words.pop()
    surname = words[-1].rstrip(",")
    head = " ".join(
        t.lower_
        for t in noun.doc[noun.left_edge.i : noun.i + 1]
        if t.i > noun.i - 3 and t.dep_ in ("amod", "compound")
    )
    body = f"{head} {noun.lower_}".strip()
    return f"{surname} {body}" if noun.lemma_.lower() in _OWNED_PLAIN and not head else f"{surname}'s {body}"


def _owned_body(subject: Token, actors: ArticleActors) -> Speaker | None:
    """ "Hale's campaign said", "the senator's office said": the body named after its owner; None otherwise."""
    if (
        subject.pos_ != "NOUN"
        or subject.lemma_.lower() not in _OWNED_NOUNS
        or subject.tag_ in ("NNS", "NNPS")
    ):
        return None
    owner = _owner_of(subject, actors)
    if owner is None:
        return None
    name = _owned_name(owner, subject)
    return Speaker(name, speaker_kind_of_words([subject.lower_], None))


def _sole_owned_body(subject: Token, actors: ArticleActors) -> Speaker | None:
    """ "The campaign said" after "Hale's campaign" was named: that body, when the article named no other body of
    that noun before (another owner's, "the Lund campaign", or one it could not tell whose); None otherwise."""
    head = subject.lemma_.lower()
    found: set[str] = set()
    for tok in subject.doc[: subject.i]:
        if tok.lemma_.lower() != head or tok.pos_ != "NOUN" or tok.tag_ in ("NNS", "NNPS"):
            continue
        if any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children):
            return None  # "the Lund campaign": a campaign this rule does not name
        if not any(c.dep_ == "poss" for c in tok.children):
            continue
        owner = _owner_of(tok, actors)
        if owner is None:
            return None
        found.add(_owned_name(owner, tok))
    if len(found) != 1:
        return None
    return Speaker(found.pop(), speaker_kind_of_words([subject.lower_], None))


def _an_age(words: list[Token]) -> bool:
    """True for a description by age alone: "the 43-year-old", "the 70-year-old senator" is not."""
    lower = [t.lower_ for t in words if not t.is_punct]
    return len(lower) >= 3 and lower[-2:] == ["year", "old"] and words[0].lower_ in _DEFINITE


def _served_in_full(subject: Token, role: str | None, actors: ArticleActors) -> str | None:
    """`role` with whom an agent serves named as the article names them most fully ("spokesperson for Hale",
    "spokeswoman for Mr. Hale" -> "spokesperson for Tom Hale", as "a Hale spokesman" is "spokesman for Tom
    Hale"): for an agent's role ending in "for" or "to" and a person's name alone; `role` as it is otherwise."""
    if not role or subject.lemma_.lower() not in PERSON_ROLES:
        return role
    prep = next(
        (c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("for", "to") and c.i > subject.i),
        None,
    )
    if prep is None:
        return role
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs or objs[0].pos_ != "PROPN":
        return role
    name = [t for t in objs[0].subtree if not t.is_punct]
    if not all(t.pos_ == "PROPN" for t in name):
        return role  # "the mayor of Dover", "Hale and Ruiz": no one person's name alone
    written = bare_name(" ".join(t.text for t in name))
    actor = actors.resolve_name(written)
    if actor is None or actors.index.actor(actor).kind != "person":
        return role
    if len(normalize_name(actors.index.actor(actor).name).split()) <= len(normalize_name(written).split()):
        return role  # no fuller name known: "lawyer for Mrs. Clinton" keeps its courtesy title
    cut = role.lower().rfind(f" {prep.lower_} ")
    return f"{role[:cut]} {prep.lower_} {actors.index.actor(actor).name}" if cut > 0 else role


def _described(
    subject: Token, mention: tuple[int, int], actors: ArticleActors, previous: Speaker | None
) -> Speaker:
    doc = subject.doc
    words = list(doc[mention[0] : mention[1]])
    if (
        subject.lower_ == "old"
        and words
        and words[0].like_num
        and words[0].i
        and doc[words[0].i - 1].lower_ in _DEFINITE
    ):
        words = [doc[words[0].i - 1], *words]  # "the 43-year-old", the article hung elsewhere by the parse
    definite = bool(words) and (words[0].lower_ in _DEFINITE or words[0].dep_ == "poss")
    role_words = words[1:] if definite else words
    role = _served_in_full(subject, description_role(subject, role_words), actors)
    head = subject.lemma_.lower()
    plural = subject.tag_ in ("NNS", "NNPS")
    named = _apposed_body(subject, mention, actors)
    if named is not None:  # "An advocacy group, the Coalition for Safe Harbors, said": the coalition
        apposed, before = named
        return Speaker(
            apposed.name, apposed.kind, description_role(subject, [t for t in role_words if t.i < before])
        )
    owned = _owned_body(subject, actors)
    if owned is not None:  # "Hale's campaign disputed ...": the Hale campaign, not an unnamed "campaign"
        return Speaker(owned.name, owned.kind, role)
    if definite and not plural and words[0].lower_ == "the" and head in _OWNED_NOUNS:
        sole = _sole_owned_body(subject, actors)
        if sole is not None:  # "the campaign said" after "Hale's campaign" was named, and no other campaign
            return Speaker(sole.name, sole.kind, role)
    speaker = _speaker_of_excerpt(subject)
    if speaker is not None:  # "according to excerpts from his speech": his words
        source = resolve_subject(speaker, actors, previous)
        if source.name is not None:
            return source
    if head in FINDING_WORDS:
        # "A Monmouth University poll found": the pollster's finding
        owner = _named_owner(subject)
        if owner is not None:
            source = resolve_subject(owner, actors, previous)
            # a joint poll ("an NBC News/Wall Street Journal poll") is two bodies', none of them alone
            if source.name is not None and "/" not in source.name and " and " not in source.name:
                return source
    if head in CHARGING_WORDS:
        # "the indictment says": whoever brought it, as the article tells ("a grand jury indicted Hale",
        # "an indictment released by the Justice Department"), not a document speaking for itself
        bringer = _named_owner(subject) or charging_body(subject)  # "the prosecutors' indictment"
        if bringer is not None:
            source = resolve_subject(bringer, actors, previous)
            if source.name is not None or source.role is not None:
                return source
    if head not in DOCUMENT_WORDS and _published(subject):
        issuer = _document_source(subject, actors, previous)  # "figures released by the port authority"
        if issuer is not None:
            return issuer
    if head in MEDIUM_WORDS and head not in DOCUMENT_WORDS and _author(subject) is not None:
        issuer = _document_source(subject, actors, previous)  # "according to a speech Clinton delivered"
        if issuer is not None:
            return issuer
    maker = work_maker(subject) if head not in DOCUMENT_WORDS else None
    if maker is not None:  # "according to a count by the Dover Gazette": the Gazette's count
        made_by = resolve_subject(maker, actors, previous)
        if made_by.name is not None:
            return made_by
    if head in DOCUMENT_WORDS:
        issuer = _document_source(subject, actors, previous)
        if issuer is not None:
            return issuer
        sender = document_sender(subject)
        if sender is not None:  # "The nurses sent the governor a letter urging ...": the nurses
            by_sender = resolve_subject(sender, actors, previous)
            if by_sender.name is not None or by_sender.role is not None:
                return by_sender
        if definite and not plural:
            # "the letter said" after "the executives sent a letter to Pence": whoever issued that one, not
            # whoever spoke last (who is often whom it was sent to)
            mentioned, sender = document_antecedent(subject)
            if sender is not None and sender.lemma_.lower() not in DOCUMENT_WORDS:
                return resolve_subject(sender, actors, previous)
            # "the statement said" is the last source's; "the reports" are many; and a report is an outlet's
            # or an office's, never the last person who spoke ('the report said' after a lawyer's words).
            if (
                not mentioned
                and previous is not None
                and (head not in REPORT_WORDS or previous.kind != "person")
            ):
                return Speaker(previous.name, previous.kind, previous.role)
        return Speaker(None, "unnamed")  # "a letter sent to members said": an honest unnamed source
    comma = next((t.i for t in role_words if t.i > subject.i and t.text == ","), None)
    epithet = [t for t in role_words if comma is None or t.i < comma]
    if definite and not plural and _an_age(words):
        # "the 43-year-old said": the person the article gave that age, else the person whose words the article
        # is giving, named before
        aged = person_by_epithet(subject, epithet, actors)
        if aged is not None:
            return Speaker(aged.name, "person", aged.role, aged.gender)
        latest = actors.latest_speaker()
        if latest is not None:
            return latest
    if definite and not plural and head in PERSON_ROLES:
        if head in UNNAMED_ROLES and unnamed_antecedent(subject):
            # "A senior official said ... The official added": nobody named ("the president" is a title), and
            # whom that source speaks for stays in its role ("A spokesperson for Tom Hale ... The spokesperson")
            earlier = actors.unnamed_described(subject.i, head)
            return Speaker(None, "unnamed", earlier.role if earlier is not None else role)
        # "The governor, a Republican, said": the description is "governor"; what stands in apposition to
        # it says more of whoever it is, and no person the article has not said so much of is ruled out
        if head not in UNNAMED_ROLES:
            # "the presumptive Republican presidential nominee": whom the article gave that party and standing,
            # before anyone who only shares a word ("President Obama")
            found = person_by_epithet(subject, epithet, actors, given_only=True)
            if found is not None:
                return Speaker(found.name, "person", found.role or role, found.gender)
        comma = next((t.i for t in role_words if t.i > subject.i and t.text == ","), None)
        described = [t.lower_ for t in role_words if comma is None or t.i < comma]
        found = actors.by_description(subject.i, described)
        if found is not None and rival_holder(subject, found, described, actors):
            return Speaker(None, "unnamed", role)  # "Sen. Ruiz and Sen. Lopez toured ...": either senator
        if found is not None:
            return Speaker(found.name, "person", found.role or role, found.gender)
        if head not in UNNAMED_ROLES:
            # "the Florida Republican", "the GOP nominee": whom the article gave the party, state or office
            found = person_by_epithet(subject, epithet, actors)
            if found is not None:
                return Speaker(found.name, "person", found.role or role, found.gender)
    if definite and not plural and head in STANDING_WORDS and head not in PERSON_ROLES:
        # "the billionaire wrote", "the actress said": the person the article called so
        found = person_by_epithet(subject, epithet, actors)
        if found is not None:
            return Speaker(found.name, "person", found.role or role, found.gender)
    if definite and not plural and head in INTRODUCED_BODY_WORDS:
        # "The website Harbourwatch.org published ... The site said": the body the article itself called so
        introduced = _introduced_body(subject, actors)
        if introduced is not None:
            return Speaker(introduced.name, introduced.kind, role)
    if definite and not plural and head in BODY_WORDS:
        # "the company said" after "Harbour Freight Ltd. opened ...": the latest named body of its kind.
        body = _latest_body(doc, subject, actors)
        if body is not None:
            return Speaker(body.name, body.kind, role)
    if definite and not plural and head in SPOKEN_BODY_WORDS:
        # "the tech giant said" after "Twitter said ...": the company that spoke just before, none named since
        spoke_last = _body_that_spoke(subject, actors, SPOKEN_BODY_WORDS[head])
        if spoke_last is not None:
            return Speaker(spoke_last.name, spoke_last.kind, role)
    if definite and not plural and head in DESCRIBED_BODY_HEADS:
        # "the service announced" after "the Harbor Parks Service": the latest body of that name or kind
        body = body_by_description(subject, mention[0], actors)
        if body is not None:
            return Speaker(body.name, body.kind, role)
    if definite and not plural and head == "agency":
        # "the agency said" after "The U.S. Fish and Wildlife Service said": the public body that spoke last
        for spoke, sp in reversed(actors.recent_speakers):
            if subject.i - spoke > _BODY_REACH:
                break
            if sp.kind != "person" and sp.name and sp.name.split()[-1].lower() in _AGENCY_HEADS:
                return Speaker(sp.name, sp.kind, role)
    if definite and not plural and head in GOVERNMENT_WORDS:
        if competing_bodies(subject, mention[0], actors):
            return Speaker(None, "government", role)  # "the Justice and the State Department": either
        for _, sp in reversed(actors.recent_speakers):
            if sp.kind != "person" and sp.name and head in sp.name.lower():
                return Speaker(sp.name, sp.kind, role)
        # "the ministry" after "the Russian Foreign Ministry" was named: the latest body with that word.
        for ent in reversed([e for e in entities(doc) if e.end <= subject.i and e.label_ in ("ORG", "GPE")]):
            if head in ent.text.lower().split():
                name = _named_body(doc, ent, ent.root, (ent.start, ent.end))
                return Speaker(name or None, "government", role)
        president = actors.president() if head == "administration" else None
        if president is not None:  # "the administration" is the president's whom the article names
            return Speaker(f"{president.split()[-1]} administration", "government", role)
        return Speaker(None, "government", role)
    return Speaker(None, "unnamed", role)
