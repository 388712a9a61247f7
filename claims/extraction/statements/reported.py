"""Reported speech found through the dependency parse: "X said (that) ...", "..., X said",
"according to X, ...", "X denied/refuted claims that ...", "X called for ...", "it was reported that ...".

Each candidate is a cue word with the content it governs and the subject that says it; whether a
word is a cue is decided by the core reporting verbs and the learned lexicon (see cues.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Span, Token

from ..actors import word_set
from ..doccache import column, person_entities, token_texts
from . import attribution_model
from .acts import LISTING_VERBS, is_act
from .cues import (
    CLAUSE_SPEECH_VERBS,
    INTENTION_VERBS,
    PUBLISHED_NOUNS,
    PUBLISHING_VERBS,
    SPEECH_VERBS,
    clause_made_head,
    cue_probability,
    deliberates,
    frame_of,
    is_deed,
    is_denial,
    is_evidence,
    is_hypothetical,
    is_imperative,
    is_intention,
    is_legal_charge,
    is_likely_deed,
    is_naming,
    is_question,
    is_refusal,
    is_requested,
    is_seeming,
    is_silent_document,
    is_speculation,
    is_speech_verb,
    is_wish,
    known_lemma,
    only_meant,
    points_elsewhere,
    unmarked_clause,
    verb_forms,
)
from .edges import (
    TELLING_VERBS,
    first_time_clause,
    relays_quote_before,
    reporter_participle_end,
    set_off_participle,
    told_clause,
    trailing_attribution,
    writer_concession_end,
)
from .naming import called_what, naming_end
from .quotes import QUOTE_MARKS, WORK_NOUNS, title_cased
from .resolve import (
    AGENT_ROLES,
    AUTHOR_VERBS,
    PEOPLE_NOUNS,
    RELATIVE_PRONOUNS,
    SHOWING_VERBS,
    described_actor,
    medium_speaker,
    named_member,
    recorded_speaker,
    relative_clause_subject,
)
from .speakers import PERSON_ROLES, is_given_name
from .trailing_source import apposed_name

# Below this learned probability a word outside the core list is not taken as a cue (tuned for F1 on
# PolNeAR's training split); core reporting verbs need less, and none when the lexicon never saw them.
CUE_THRESHOLD = 0.3
CORE_THRESHOLD = 0.15
UNSEEN_THRESHOLD = 0.6  # the model's bar for a verb the learned lexicon never saw as a cue
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "pcomp"})
_TRIM = frozenset({",", ";", ":", "-", "--", "\u2014", "\u2013", '"', "''", "``", "\u201c", "\u201d"})
# Prepositions after "verb + object" that carry what is said of the object ("described it as a disaster",
# "accused him of lying", "defended himself against the charge").
_CHARGE_PREPS = frozenset({"as", "of", "against", "for", "about", "over", "regarding", "concerning"})
_CONTENT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "oprd", "attr", "acomp"})
_SAID_CLAUSE_DEPS = frozenset({"advcl", "ccomp", "csubj", "punct"})
# What one declines to do that is itself speaking ("declined to comment", "refused to say").
REFUSED_SPEECH = SPEECH_VERBS | frozenset(
    {"comment", "elaborate", "discuss", "specify", "name", "identify", "detail", "speculate", "talk", "speak"}
)
# Nouns for what others say, which a denial takes as its object ("denied reports that ...").
HEARSAY_NOUNS = word_set(
    """
    claim report allegation accusation suggestion rumor rumour speculation charge assertion
    reports claims allegations accusations suggestions rumors rumours charges assertions
    """
)
# ... and the nouns of others' words or thoughts a denial rejects ("rejected criticism that ...", "dismissed
# the notion that ..."): what is denied is their clause, and the noun, with whose it is, is the writer's frame.
DENIED_NOUNS = HEARSAY_NOUNS | word_set(
    """
    criticism criticisms notion idea concern concerns fear fears warning warnings complaint complaints
    theory theories suggestion contention argument arguments characterization characterizations
    """
)

# "X drew/faced/sparked criticism (from Y)": X is what is criticised or praised, never who speaks; the
# speaker is the "from" phrase, and without one nobody the sentence names.
TARGET_VERBS = word_set("draw attract receive earn face garner win get provoke spark prompt invite trigger")
REACTION_NOUNS = word_set(
    """
    criticism fire praise condemnation rebuke complaint complaints outrage backlash scorn ridicule
    applause accusation accusations protest protests censure objection objections criticisms rebukes
    condemnations ire derision plaudits
    """
)


def reaction_source(verb: Token) -> tuple[bool, Token | None]:
    """(True, source) when `verb` is a target drawing others' words ("drew sharp criticism from the
    mayor": the mayor); (False, None) for every other verb."""
    if verb.lemma_.lower() not in TARGET_VERBS:
        return False, None
    nouns = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in REACTION_NOUNS]
    if not nouns:
        return False, None
    for holder in (nouns[0], verb):
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs:
                    return True, objs[0]
    return True, None


@dataclass(slots=True)
class Found:
    """A statement candidate in token offsets, before its speaker is resolved."""

    content: tuple[int, int]  # token range of what was said
    cue: tuple[int, int]  # token range of the cue
    cue_i: int  # the cue's head token (two finds with one cue are one statement)
    subject: Token | None  # head token of the source's words in this sentence
    direct: bool = False
    attribution: bool = False  # "according to X"
    denial: bool = False
    refused: bool = False  # "declined to comment", "did not say": the source withheld or did not say it
    passive: bool = False
    confidence: float = 0.5
    judged: bool = False  # a cue word's candidate, which the statement model keeps or drops
    label: tuple[int, int] | None = None  # a transcript turn: the token range of its speaker's label
    # What a record or a sign shows ("The records show that ..."): evidence, nobody's words; kept until the
    # cues inside it are known to be part of it ("emails suggest the campaign knew about ..."), then dropped.
    evidence: bool = False
    # A title-case headline's verb ("Hale Calls Ruiz 'A Disgrace'"): the parse's frame there is a guess, so the
    # floor for a verb that takes no clause does not apply.
    headline: bool = False


def _distance(a: Token, b: Token) -> tuple[bool, int]:
    lo, hi = sorted((a.i, b.i))
    texts = token_texts(a.doc)  # (a token's trailing white space is one space at most, never a line break)
    crosses = any("\n" in texts[i] for i in range(lo, hi))
    return crosses, hi - lo


def subject_of(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    """The source of `verb` ("by X" for passives) and whether it was passive; follows conjoined verbs."""
    if depth == 0:
        reporter = reporting_clause_before(verb)
        if reporter is not None:
            return reporter, False
    found, passive = _parsed_subject(verb, depth)
    if (
        depth == 0
        and found is not None
        and _opening_medium(found)
        and verb.i > 0
        and verb.doc[verb.i - 1].text == ","
    ):
        # "On this week's episode of the show, candidate Ana Ruiz, a teacher, said ...": the parse took the
        # show for the subject; who speaks is the person named before the cue.
        named = described_before(verb, verb.i - 1)
        if named is not None:
            return named, False
    lost = None
    if depth == 0:
        lost = (
            relative_clause_subject(verb, found)
            or named_member(verb, found)
            or medium_speaker(verb, found)
            or recorded_speaker(verb)
            or _holder_of_contents(verb, found)
            or _sender_of_message(verb, found)
        )
    return (lost, False) if lost is not None else (found, passive)


def _holder_of_contents(verb: Token, found: Token | None) -> Token | None:
    """The subject of a listing verb whose object a participle cue hangs on ("The audit contains a passage
    accusing the union of ...": the audit accuses, not the passage); None otherwise."""
    if found is None or verb.dep_ != "acl" or found.i != verb.head.i or found.dep_ != "dobj":
        return None
    if not verb_forms(found.head) & LISTING_VERBS:
        return None
    subjects = [c for c in found.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return subjects[0] if subjects else None


# Verbs of sending a message to somebody ("sent a memo to the crews warning them ...").
_SENDING_VERBS = frozenset(
    {"send", "write", "mail", "email", "e-mail", "address", "forward", "circulate", "deliver"}
)


def _sender_of_message(verb: Token, found: Token | None) -> Token | None:
    """The sender when a participle cue after a message sent to somebody is parsed with the addressees as its
    subject ("The lawyer sent a memo to board members warning them not to ...": the lawyer warns, not the
    members); None otherwise."""
    if found is None or verb.tag_ != "VBG":
        return None
    doc = verb.doc
    if verb.dep_ == "acl" and found.i == verb.head.i and found.dep_ == "pobj" and found.head.lower_ == "to":
        # "sent an e-mail to officials warning them": the participle hung on the addressees
        sending = found.head.head
    elif (
        found.dep_ == "nsubj"
        and found.head.i == verb.i
        and (doc[found.left_edge.i].lower_ == "to" or doc[max(found.left_edge.i - 1, 0)].lower_ == "to")
    ):
        sending = verb.head  # "sent a memo to board members warning": the parse took "to" for a verb's
    else:
        return None
    while sending.pos_ == "NOUN" and sending.dep_ in ("dobj", "pobj"):
        sending = sending.head  # "to" hung on the memo itself
    if sending.pos_ != "VERB" or sending.lemma_.lower() not in _SENDING_VERBS or sending.i > verb.i:
        return None
    senders = [c for c in sending.children if c.dep_ == "nsubj"]
    return senders[0] if senders else None


_HAS_CONTRACTED = frozenset({"'s", "\u2019s"})


def _perfect_read_as_passive(verb: Token, subject: Token) -> bool:
    """True for "he's said he believes ...", which the parse reads as a passive ("'s" as "is"): a reporting verb
    with a clause, a person's pronoun or name as subject and the contracted "has" is the present perfect."""
    return (
        subject.lower_ not in ("it", "this", "that", "which", "what")
        and subject.pos_ in ("PRON", "PROPN")
        and is_speech_verb(verb)
        and any(c.dep_ == "auxpass" and c.lower_ in _HAS_CONTRACTED for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


def shows_someone_speaking(tok: Token) -> bool:
    """True for a verb that shows or plays a recording of somebody speaking ("The ad shows Ruiz saying",
    "uses footage of Hale asking"): a reporting participle after it in its phrase."""
    if tok.lemma_.lower() not in SHOWING_VERBS | {"use", "feature"}:
        return False
    later = [t for t in tok.subtree if t.i > tok.i]
    return any(t.tag_ == "VBG" and is_speech_verb(t) for t in later[:12])


_REPORT_REACH = 4  # tokens from the comma back to the reporting verb ("Hale said on Thursday, adding")


def reporting_clause_before(verb: Token) -> Token | None:
    """The subject of the reporting clause a participle cue follows ('"...," Hale said, going on to say that
    ...', "she said, adding that ..."), which the parse may hang on a later clause with another subject;
    None when the participle has its own subject or follows no ", X said"."""
    part = verb.head if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in GOING_ON_VERBS else verb
    if part.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in part.children):
        return None
    doc = verb.doc
    comma = part.left_edge.i - 1
    if comma <= 0 or doc[comma].text != ",":
        return None
    for j in range(comma - 1, max(part.sent.start - 1, comma - 1 - _REPORT_REACH), -1):
        if is_speech_verb(doc[j]) and not is_question(doc[j]):
            subjects = [c for c in doc[j].children if c.dep_ == "nsubj"]
            return subjects[0] if subjects else adjacent_subject(doc[j])
    return None


# Occasions of speech, never its speaker when the verb has another subject.
_OCCASION_NOUNS = word_set("interview statement speech appearance briefing conference hearing")


def _parsed_subject(verb: Token, depth: int = 0) -> tuple[Token | None, bool]:
    # A parse that runs a headline into the next paragraph can give a verb two subjects: the nearest
    # one in the verb's own paragraph is the real one.
    subjects = sorted((c for c in verb.children if c.dep_ in SUBJECT_DEPS), key=lambda c: _distance(c, verb))
    if len(subjects) > 1 and subjects[0].lemma_.lower() in _OCCASION_NOUNS and subjects[0].dep_ == "nsubj":
        # "Hale, who in an Oct. 12 interview with Dover Radio claimed ...": the parse may make the occasion a
        # second subject, nearer the verb; whoever it names ("who", "Hale") speaks, the interview is when
        subjects = [*subjects[1:], subjects[0]]
    if subjects:
        child = subjects[0]
        stolen = _object_taken_for_subject(child)
        if stolen is not None:  # "the council mishandled the inquiry and Democrats accused ...": Democrats
            return stolen, False
        if child.dep_ == "nsubjpass":
            for agent in verb.children:
                if agent.dep_ == "agent":
                    objs = [c for c in agent.children if c.dep_ == "pobj"]
                    if objs:
                        return objs[0], False
            if _perfect_read_as_passive(verb, child):
                return child, False
            return child, True
        if child.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            publisher = publisher_of(verb.head) if depth < 2 else None
            if publisher is not None:  # "issued statements that said ...": the issuer says it
                found = subject_of(publisher, depth + 1)
                if found[0] is not None and not found[1]:
                    return found
            return described_actor(verb.head, child), False
        return child, False
    if verb.tag_ == "VBN":
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            objs = [c for c in agent.children if c.dep_ == "pobj"]
            if objs:  # "When pressed by Holt about how ...": Holt asks
                return objs[0], False
    listed = verb.head
    if (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and depth < 2
        and listed.dep_ == "conj"
        and listed.pos_ == "NOUN"
        and listed.head.pos_ == "VERB"
        and verb.doc[verb.left_edge.i - 1].text == ","
    ):
        # "called for a show of hands, and then a second count, declaring ...": a noun the parse joined to a
        # verb is a second object of it, and the participle after it is the clause's, not the count's
        found = subject_of(listed.head, depth + 1)
        if found[0] is not None:
            return found
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
        publisher = publisher_of(verb.head) if verb.dep_ == "acl" and depth < 2 else None
        if publisher is not None:
            # "Hale released a statement saying ...", "Ruiz signed a letter urging ...": whoever put the
            # statement out says what it says, not the statement
            found = subject_of(publisher, depth + 1)
            if found[0] is not None and not found[1]:
                return found
        return verb.head, False  # "an architect, who said ..."; "a sign saying ..."
    head = verb.head
    outer = participle_controller(verb) or _reporter_of_participle(verb, depth)
    if outer is not None:
        # "Hale defended not paying a builder who said he was stiffed, saying ...": Hale says it, not the builder
        return outer, False
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "after announcing his support, Rubio ...": the participle's subject is Rubio's
    # "All this has led the columnist Ana Ruiz to fear ...": Ruiz fears, not "all this"
    caused = _caused_to(verb)
    if caused is not None:
        return caused, False
    if verb.dep_ in INHERIT_DEPS and depth < 2 and head is not verb and head.pos_ in ("VERB", "AUX"):
        found = subject_of(head, depth + 1)
        if found[0] is not None:
            return found
    return (
        sequel_subject(verb)
        or aside_participle_subject(verb)
        or listed_subject(verb)
        or adjacent_subject(verb)
    ), False


def _object_taken_for_subject(subject: Token) -> Token | None:
    """The source joined to a thing the parse made the cue's subject together with it, when that thing is the
    object of the verb right before ("... the council mishandled the inquiry and Democrats accused the mayor":
    the parse reads "the inquiry and Democrats" as who accused): the last of the joined sources, a person, a
    body or a group of people; None otherwise."""
    conjs = [c for c in subject.children if c.dep_ == "conj"]
    if not conjs or subject.dep_ != "nsubj" or subject.pos_ != "NOUN" or subject.ent_type_:
        return None
    if subject.lemma_.lower() in PERSON_ROLES or subject.left_edge.i == 0:
        return None
    before = subject.doc[subject.left_edge.i - 1]
    if before.pos_ != "VERB" or any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in before.children):
        return None
    last = conjs[-1]
    if last.ent_type_ in ("PERSON", "NORP", "ORG", "GPE") or last.lemma_.lower() in PERSON_ROLES:
        return last
    return None


# Verbs that make their object do what the infinitive after it says ("led her to fear", "prompted him to say",
# "forced the mayor to admit"): the object, not the subject, is the infinitive's doer.
CAUSING_VERBS = word_set("lead prompt cause force drive spur move compel inspire provoke")


def _caused_to(verb: Token) -> Token | None:
    """The object of a causing verb whose infinitive `verb` is ("All this has led the columnist Ana Ruiz to fear
    ...", "The vote prompted Hale to say ..."): who does what the infinitive says; None otherwise, and for a
    pronoun object of no person ("led it to")."""
    head = verb.head
    if verb.dep_ not in ("xcomp", "ccomp") or head is verb or head.pos_ != "VERB":
        return None
    if head.lemma_.lower() not in CAUSING_VERBS or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < verb.i]
    if not objects or objects[0].lower_ in ("it", "this", "that", "which"):
        return None
    named = [
        c
        for c in objects[0].children
        if c.dep_ == "appos" and (c.ent_type_ == "PERSON" or c.pos_ == "PROPN") and c.i > objects[0].i
    ]
    if named and not any(t.is_punct for t in verb.doc[objects[0].i : named[0].i]):
        return named[0]  # "the Dover columnist Ana Ruiz": Ruiz, her description the role
    return objects[0]


def aside_participle_subject(verb: Token) -> Token | None:
    """The subject of a participle aside set off by commas between a source and its finite cue, which the parse
    takes for the cue's clause and gives the source ("Sen. Ana Ruiz (D-Maine), noting the size of the fleet,
    said, '...'", "Hale, pointing to the budget, said ..."): the aside describes the speaker, so its subject
    is the cue's; None when the cue has a subject of its own (the caller asks only then), or no such aside
    ends right before it."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    # the parse hangs the aside on the cue as its clause, or makes the aside the root and the cue its sequel
    near = [c for c in verb.children if c.dep_ in ("ccomp", "advcl")]
    if verb.dep_ in ("parataxis", "conj", "advcl", "ccomp") and verb.head.i < verb.i:
        near.append(verb.head)
    for aside in near:
        if aside.i > verb.i or aside.tag_ != "VBG" or doc[aside.i - 1].text != ",":
            continue
        ends = max(t.i for t in aside.subtree if t.i < verb.i)
        if ends not in (verb.i - 2, verb.i - 1):
            continue  # the aside must end at the comma before the cue
        subjects = [c for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i - 1]
        if subjects and subjects[0].pos_ in ("PROPN", "NOUN", "PRON") and subjects[0].sent == verb.sent:
            return subjects[0]
    return None


_INVERTING_VERBS = frozenset({"say", "tell", "add", "write", "note", "explain", "insist", "ask", "reply"})


def listed_subject(verb: Token) -> Token | None:
    """The subject of the narrated clause a subjectless finite cue follows after a comma, when the parse made
    that clause the cue's complement ('Hale further described the mayor as "reckless," criticized her budget
    and said ...', a list of what one subject did): that clause's named subject, never the noun after the cue
    ("her" of "her budget"); None when the clause before is quoted (a quotation's '"...," said her lawyer'),
    subordinate ("when ..."), has no subject, or opens after the sentence's start."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < 2 or verb.lemma_.lower() in _INVERTING_VERBS:
        return None  # "Hale will win, said his lawyer": a verb of saying after its clause is inverted
    objects = [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if not objects or objects[0].pos_ == "PROPN" or objects[0].ent_type_ == "PERSON":
        return None  # an act on a thing follows ("criticized her budget"), not a name that may be the source
    doc = verb.doc
    # (the parse makes the clause before the cue's complement, or an adverbial clause of it)
    before = [
        c
        for c in verb.children
        if c.dep_ in ("ccomp", "advcl") and c.i < verb.i and not any(m.dep_ == "mark" for m in c.children)
    ]
    if not before or doc[verb.i - 1].text not in (",", *QUOTE_MARKS):
        return None
    clause = before[0]
    if clause.pos_ not in ("VERB", "AUX"):
        return None  # "lawmakers, ..., co-chairs of the caucus, assailed": a noun the parse made a clause
    first = clause.left_edge.i
    if first != verb.sent.start or any(t.text in QUOTE_MARKS for t in doc[first : clause.i]):
        return None
    subjects = [c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i]
    if not subjects or subjects[0].tag_ in ("WP", "WDT") or not subjects[0].is_alpha:
        return None
    return subjects[0]


_WH_TAGS = frozenset({"WP", "WDT", "WRB"})
# Words that open a relative clause on a noun or a place ("who said", "- where the team played -"); not "when"
# or "as", whose clause a participle after it may well modify ("when he named them, calling ...").
_RELATIVE_OPENERS = frozenset({"who", "whom", "whose", "which", "where"})
_SET_OFF = frozenset({",", "-", "--", "\u2014", "\u2013"})


def _subordinate(clause: Token) -> bool:
    """True for a relative clause ("a builder who said ...", "- where the team played -") or a clause set off
    by dashes: a clause inside the sentence, which a participle set off after it does not modify."""
    if clause.dep_ == "relcl" or _between_dashes(clause):
        return True
    return clause.dep_ == "advcl" and any(
        c.lower_ in _RELATIVE_OPENERS and c.i < clause.i and c.i == clause.left_edge.i
        for c in clause.children
    )


def participle_controller(verb: Token) -> Token | None:
    """The subject of the clause a subjectless participle cue modifies when the parse hangs it on the verb of
    a relative or wh- clause before it ("Hale was defensive about not paying a builder who said he was
    stiffed, saying, ..."; "Protesters marched past the stadium - where the team played - while chanting,
    ..."): the participle goes with the sentence's own clause, so its speaker is that clause's subject, never
    the relative clause's; None for any other cue."""
    head = verb.head
    if (
        verb.tag_ != "VBG"
        or verb.dep_ != "advcl"
        or head.pos_ not in ("VERB", "AUX")
        or any(c.dep_ in SUBJECT_DEPS for c in verb.children)
        or not _subordinate(head)
        or verb.left_edge.i == 0
        or verb.doc[verb.left_edge.i - 1].text not in _SET_OFF
    ):
        return None  # "who went on a tear declaring ...": a participle inside the relative clause is its own
    for anc in head.ancestors:
        if anc.pos_ not in ("VERB", "AUX") or _subordinate(anc):
            continue
        subjects = [c for c in anc.children if c.dep_ == "nsubj" and c.tag_ not in _WH_TAGS]
        if subjects:
            return subjects[0]
        if anc.dep_ not in INHERIT_DEPS:
            return None
    return None


def _reporter_of_participle(verb: Token, depth: int) -> Token | None:
    """The subject of the reporting verb whose reported clause a subjectless participle set off by a comma or
    a dash is hung in by the parse ("Grant also wrote the guards knew to expect trouble, saying, '...'", "...
    -- despite earlier saying ..."): the participle goes with the reporting clause, so its speaker is the
    reporter, never the reported clause's subject (the guards); None for any other cue."""
    if depth >= 2 or verb.tag_ != "VBG" or any(c.dep_ == "mark" for c in verb.children):
        return None  # (not "while reporting ...": a time of the clause's own)
    clause = verb.head
    while clause.dep_ != "ccomp" and clause.head.i != clause.i:
        clause = clause.head
    reporter = clause.head
    if clause.dep_ != "ccomp" or reporter.i > clause.i or not is_speech_verb(reporter):
        return None
    if set_off_participle(verb, clause) is None:
        return None
    found, passive = subject_of(reporter, depth + 1)
    return found if found is not None and not passive else None


def publisher_of(thing: Token) -> Token | None:
    """The verb that put out `thing`, a statement, post, letter or picture it is the object of ("released a
    statement", "signed a letter", "posted a video"); None otherwise."""
    verb = thing.head
    if (
        thing.dep_ != "dobj"
        or thing.lemma_.lower() not in PUBLISHED_NOUNS
        or verb.pos_ not in ("VERB", "AUX")
    ):
        return None
    return verb if verb_forms(verb) & (PUBLISHING_VERBS | AUTHOR_VERBS) else None


# Nouns a relative clause on a cue describes the manner of ("the way he talks about it"): narration.
MANNER_NOUNS = frozenset({"way", "manner", "tone"})
_SEQUEL_REACH = 6  # tokens from the comma back to the verb before it ("Hale paused for a moment, then")


def sequel_subject(verb: Token) -> Token | None:
    """The subject of the verb before ", then" that a subjectless cue follows ("He paused, then added:",
    "Ruiz smiled, then said"), which the parse hangs anywhere (an unlabelled dependent, or the first verb
    as the cue's clause); None when the cue does not follow ", then"."""
    doc = verb.doc
    then = verb.i - 1
    if then < 2 or doc[then].lower_ != "then" or doc[then - 1].text != ",":
        return None
    for j in range(then - 2, max(verb.sent.start - 1, then - 2 - _SEQUEL_REACH), -1):
        if doc[j].pos_ in ("VERB", "AUX"):
            subjects = [c for c in doc[j].children if c.dep_ in ("nsubj", "csubj")]
            if subjects:
                return subjects[0]
    # "Hale offered the man a job as harbour master, then said ...": the verb whose phrase ends at the comma
    for anc in doc[then - 2].ancestors:
        if anc.i >= then - 1 or anc.i < verb.sent.start:
            break
        if anc.pos_ in ("VERB", "AUX") and anc.right_edge.i == then - 2:
            subjects = [c for c in anc.children if c.dep_ in ("nsubj", "csubj") and c.i < anc.i]
            if subjects:
                return subjects[0]
    return None


def adjacent_subject(verb: Token) -> Token | None:
    """A noun standing right before ("X said") or after ("said X") a finite cue the parse left subjectless."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and (doc[i].dep_ in ("aux", "advmod", "neg") or doc[i].tag_ == "RB"):
        i -= 1
    if i >= 0 and doc[i].pos_ in ("PROPN", "NOUN", "PRON") and doc[i].sent == verb.sent:
        return doc[i]
    if i >= 0 and doc[i].text == ",":
        named = speaker_after_quote(doc, i)
        if named is not None:
            return named
        name = doc[i - 1] if i > 0 else None
        if name is not None and name.dep_ == "appos" and name.ent_type_ in ("PERSON", "ORG"):
            return name  # "In a statement, the mayor's lawyer, Alan Morrow, said": the parse lost the subject
        described = described_before(verb, i)
        if described is not None:
            return described
        opener = name_opening_before(verb, i)
        if opener is not None:
            return opener
    j = verb.i + 1
    if j + 1 >= len(doc) or doc[j].ent_type_ in ("DATE", "TIME"):
        return None  # "said Thursday morning": when, not who
    inverted = source_after_quote_cue(verb)
    if inverted is not None:
        return inverted
    if _opens_clause(doc, verb, j):
        return None  # "said the city faces ...": the subject of what was said, not who said it
    if doc[j].pos_ in ("PROPN", "PRON") or (doc[j].pos_ == "DET" and doc[j + 1].pos_ in ("NOUN", "PROPN")):
        k = j
        while (
            k + 1 < len(doc)
            and doc[k + 1].pos_ in ("PROPN", "NOUN")
            and doc[k + 1].dep_ in ("compound", "nsubj")
        ):
            k += 1
        if doc[k].dep_ in ("compound",) and k + 1 < len(doc):
            k += 1
        return doc[k] if doc[k].pos_ in ("PROPN", "NOUN", "PRON") else None
    return None


# Words of a source named after its cue: a title, a description ("retired neurosurgeon", "ranking Democrat"), a name.
_NAME_RUN_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PART"})
_NAME_RUN_REACH = 8


def source_after_quote_cue(verb: Token) -> Token | None:
    """The source named right after a cue that follows a quotation's closing mark ('"...," said retired
    neurosurgeon Tom Hale, asked about ...', '"...," said Ana Ruiz, a fellow at ...'), which the parse may give
    to a later verb or leave as an object: after the mark, the words after "said" are who said it, never the
    subject of what was said. The last proper noun of that run (else its last noun); None when the cue does not
    follow a closing mark or no name follows it."""
    doc = verb.doc
    i = verb.i - 1
    if i < 1 or doc[i].text not in QUOTE_CLOSERS or doc[i - 1].text not in (",", "?", "!", "\u2014", "--"):
        return None
    if doc[verb.i + 1].pos_ == "PRON" and doc[verb.i + 1].lower_ in PERSONAL_PRONOUNS:
        return doc[verb.i + 1]
    run: list[Token] = []
    for tok in doc[verb.i + 1 : verb.i + 1 + _NAME_RUN_REACH]:
        if tok.ent_type_ in ("DATE", "TIME") and not run:
            return None
        described = (
            tok.tag_ in ("VBN", "VBG") and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN")
        )
        if tok.pos_ not in _NAME_RUN_POS and not described:
            if tok.pos_ in ("VERB", "AUX"):
                return None  # '"...," said the candidate could win': the run is what was said, its subject
            break
        if tok.pos_ == "PART" and tok.tag_ != "POS":
            break
        run.append(tok)
    owners = [k for k, t in enumerate(run) if t.tag_ == "POS"]
    if owners:
        run = run[owners[-1] + 1 :]  # "said Tom Hale's spokeswoman": the spokeswoman speaks
    names = [t for t in run if t.pos_ == "PROPN"]
    if names:
        head = names[-1].head
        if head.i > names[-1].i and head.pos_ == "NOUN" and head.i - verb.i <= 2 * _NAME_RUN_REACH:
            return head  # "tweeted the Harbour, Kell, chapter of the union": a place names the chapter
        return names[-1]
    nouns = [t for t in run if t.pos_ == "NOUN"]
    return nouns[-1] if nouns else None


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})  # the pronouns that can stand for a source
_ASIDE_DASHES = frozenset({"--", "-", "\u2014", "\u2013"})


def _between_dashes(clause: Token) -> bool:
    """True for a clause set off by dashes on both sides ("-- currently, 66 years old --")."""
    doc = clause.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    return (
        first > 0
        and last + 1 < len(doc)
        and doc[first - 1].text in _ASIDE_DASHES
        and doc[last + 1].text in _ASIDE_DASHES
    )


def _gerund_subject(verb: Token, kid: Token) -> Token | None:
    """A gerund phrase the parse hangs on the cue that is the subject of the clause after it, set off from
    the clause by a dash ("suggested raising the age -- currently 66 -- would be on the table"); None
    otherwise."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ not in ("xcomp", "dobj", "csubj") or child.tag_ != "VBG":
            continue
        if not verb.i < child.i < kid.left_edge.i:
            continue
        after = child.right_edge.i + 1
        if doc[child.right_edge.i].text in _ASIDE_DASHES:
            after = child.right_edge.i  # the parse may hang the dash on the gerund itself
        if after < len(doc) and doc[after].text in _ASIDE_DASHES and after < kid.i:
            return child
    return None


def _opens_clause(doc: Doc, verb: Token, j: int) -> bool:
    """True when the noun phrase starting at token `j`, right after the cue, is the subject of a finite verb
    after it ("said the city faces bigger problems"): what was said, not who said it."""
    end = min(len(doc), j + 6)
    for tok in doc[j:end]:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i and tok.head.i != verb.i:
            return tok.head.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD")
                for c in tok.head.children
            )
        if tok.is_punct or tok.pos_ in ("VERB", "AUX"):
            return False
    return False


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What a program or a medium is called when a sentence opens on it ("On this week's episode of ...").
SHOW_WORDS = word_set("episode podcast show program programme edition segment broadcast interview video")


def _opening_medium(subject: Token) -> bool:
    """True for a subject that is a show or medium in the sentence's opening phrase ("On this week's episode
    of the podcast, ..."), which the parse took for the subject."""
    first = subject.left_edge.i
    doc = subject.doc
    return (
        subject.lemma_.lower() in SHOW_WORDS
        and first > 0
        and doc[first - 1].lower_ in ("on", "in", "during", "at")
        and doc[first - 1].i == subject.sent.start
    )


_DESCRIBED_REACH = 30  # tokens from a name to the comma before its subjectless cue


def described_before(verb: Token, comma: int) -> Token | None:
    """The person named before a description that runs up to a subjectless cue ("Rep. Tom Hale, D-Md., one
    of the nine members to vote against it, said"; "candidate Ana Ruiz, a law professor at Dover, said"),
    which the parse hangs on a verb inside the description or on an opening phrase: the last person whose
    name is followed by a comma, with no finite verb and no line break between it and the cue. None when
    there is none."""
    doc = verb.doc
    sent = verb.sent
    named = [
        e
        for e in person_entities(doc)
        if sent.start <= e.start and e.end < comma and comma - e.end <= _DESCRIBED_REACH
    ]
    if not named:
        return None
    ent = named[-1]  # the name nearest the cue: "..., the leader, Chuck Schumer of New York, said"
    between = doc[ent.end : comma]
    if doc[ent.end].text not in (",", "of", "from") or any(
        t.tag_ in _FINITE or "\n" in t.text or "\n" in t.whitespace_ for t in between
    ):
        return None
    if any(t.text in ('"', "\u201c", "\u201d") for t in between):
        return None
    return ent.root


_OPENER_WORDS = 6  # words of a name opening its paragraph or sentence ("Sen. Ana Ruiz")


def name_opening_before(verb: Token, comma: int) -> Token | None:
    """The name that opens the cue's paragraph or sentence, set off by a comma before an aside that runs up to
    the subjectless cue ("Tom Hale, in the wake of a new poll showing his standing down to 14 percent, told
    the Gazette on Sunday that ..."), when the parse hangs the name on the paragraph before (a quote with no
    line between) or the description's own noun takes the entity tag: a run of proper nouns right after a line
    break or a sentence's end, then a comma, and no finite verb, quote mark or line break from it to the cue."""
    doc = verb.doc
    start = comma
    while start > 0 and not (
        "\n" in doc[start - 1].text
        or "\n" in doc[start - 1].whitespace_
        or doc[start - 1].text in (".", "!", "?")
    ):
        start -= 1
        if comma - start > _DESCRIBED_REACH:
            return None
    end = start
    while end < comma and doc[end].pos_ == "PROPN" and end - start < _OPENER_WORDS:
        end += 1
    if end == start or end >= comma or doc[end].text != ",":
        return None
    between = doc[end + 1 : comma]
    if any(
        t.tag_ in _FINITE or t.text in QUOTE_MARKS or "\n" in t.text or "\n" in t.whitespace_ for t in between
    ):
        return None
    return doc[end - 1]


QUOTE_CLOSERS = frozenset({'"', "''", "\u201d"})
_AFTER_QUOTE_REACH = 15  # tokens from the closing quote mark to the comma before the cue


def speaker_after_quote(doc: Doc, comma: int) -> Token | None:
    """The name between a closing quote mark and ", said" ('"...," Flynn, a top aide, said'), which the
    parse may hang on the quote's last noun: the first name there, None when there is none."""
    for k in range(comma - 1, max(-1, comma - _AFTER_QUOTE_REACH), -1):
        if doc[k].text in QUOTE_CLOSERS:
            names = [t for t in doc[k + 1 : comma] if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
            if not names:
                return None
            head = names[0]
            while head.i + 1 < comma and doc[head.i + 1].pos_ == "PROPN" and doc[head.i + 1].head.i != head.i:
                head = doc[head.i + 1]  # "Jane Doe": the last word of the name is its head
            return head
        if doc[k].is_sent_start or "\n" in doc[k].text:
            return None
    return None


def trimmed(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """The token range without commas, colons, dashes, quotation marks or spaces at either end; one that
    ends inside a word the tokenizer split at its hyphen ("to re" of "to re-open the library") runs on to
    the end of that word and of the phrase it heads."""
    end = _past_split_word(doc, start, end)
    while start < end and (doc[start].text in _TRIM or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _TRIM or doc[end - 1].is_space):
        end -= 1
    return start, end


_HYPHENS = frozenset({"-", "\u2010", "\u2011"})


def _past_split_word(doc: Doc, start: int, end: int) -> int:
    """`end`, or past the rest of a hyphenated word the range [start, end) stops inside ("re" + "-" +
    "open"), with what that rest governs, within its sentence."""
    while (
        start < end < len(doc) - 1
        and doc[end].text in _HYPHENS
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end - 1].is_alpha
        and doc[end + 1].is_alpha
    ):
        rest = doc[end + 1]
        end = max(end + 2, min(rest.right_edge.i + 1, rest.sent.end))
    return end


# Objects that stand for words given elsewhere in the text ("said just that", "said as much", "said so").
_ANAPHORIC_OBJECTS = frozenset({"that", "this", "it", "so", "much"})


def _says_words_given_elsewhere(verb: Token) -> bool:
    """True when the cue's object after it is a pronoun that stands for words the text gives elsewhere,
    ending the clause ("In a reply on Monday, Ana Ruiz said just that."): the words are not in this
    sentence, and a clause before the cue is the writer's, not the source's."""
    doc = verb.doc
    for child in verb.children:
        # ("as much" may be parsed as the subject after the verb; "said this:" gives the words after it)
        if (
            child.i > verb.i
            and child.lower_ in _ANAPHORIC_OBJECTS
            and child.dep_ != "ccomp"
            and child.right_edge.i == child.i  # not "said much about how ..."
        ):
            after = child.i + 1
            if after >= len(doc) or doc[after].is_space or doc[after].text in _CLAUSE_ENDS:
                return True
            if doc[after].lower_ in _PLACING_AFTER_PRONOUN and doc[after].dep_ == "prep":
                return True  # "indicated as much in an email", "said so on Twitter"
    return False


_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ","})
# Prepositions that place a pronoun's words in a medium or a time ("said so in an interview"); "said much
# about the plan" gives a topic instead.
_PLACING_AFTER_PRONOUN = frozenset({"in", "on", "at", "during", "to", "via", "through", "after", "before"})


def _made_plain_adjective(verb: Token, kid: Token) -> bool:
    """True for the bare "clear" of "made clear that ..." that the parse takes for a clause of its own."""
    return (
        verb.lemma_.lower() == "make"
        and kid.pos_ == "ADJ"
        and kid.lower_ in ("clear", "plain")
        and kid.i > verb.i
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kid.children)
    )


def _content_of(verb: Token, frame: str) -> tuple[int, int] | None:
    doc = verb.doc
    if _says_words_given_elsewhere(verb):
        return None
    # A clause before the cue and a colon ("We have been here before: Hale declared war") is what the
    # sentence announces, not the source's words.
    kids = [c for c in verb.children if c.dep_ == "ccomp" and not _colon_between(c, verb)]
    # "While he acknowledged the fares were high, Hale noted ...": a clause before the cue that the parse made the
    # head of another cue is that cue's words, not this one's
    kids = [
        c
        for c in kids
        if not (
            c.i < verb.i and any(g.dep_ == "advcl" and clause_made_head(g) is not None for g in c.children)
        )
    ]
    turned = clause_made_head(verb) if not kids else None
    if turned is not None:
        # "While he acknowledged funding was a major reason ..., Ham noted": the parse made the words the head
        return trimmed(doc, verb.i + 1, turned.right_edge.i + 1)
    unmarked = unmarked_clause(verb) if not kids else None
    if unmarked is not None:
        # "Hale said after the meeting he would not sign": the parse hung the clause on the cue as an adverbial
        # one; what was said starts at its subject, the time phrase before it is the writer's setting
        subject = next(c for c in unmarked.children if c.dep_ in ("nsubj", "nsubjpass"))
        return trimmed(doc, subject.left_edge.i, unmarked.right_edge.i + 1)
    if listed_subject(verb) is not None:
        # 'Hale described the mayor as "reckless," criticized her budget': the clause before is what Hale
        # did first, not what the cue reports
        kids = [c for c in kids if c.i > verb.i]
    # '"We will see," Hale said as he left, the Gazette's reporter tweeted': who relays the sentence is no
    # part of what was said.
    kids = [c for c in kids if not (c.i > verb.i and trailing_attribution(c))]
    # "raising the age -- currently 66 -- would be on the table": an aside between dashes is no clause
    asides = [c for c in kids if c.i > verb.i and _between_dashes(c)]
    if asides and len(asides) < len(kids):
        kids = [c for c in kids if c not in asides]
    # "The ferry will sail on Monday, Hale said, adding ...\n\n'...,' Hale continued": a parse that runs on
    # past a paragraph break may hang the next paragraph's clause on the cue too; the clause in the cue's own
    # paragraph is what was said.
    own = [c for c in kids if not _distance(c, verb)[0]]
    if own and len(own) < len(kids):
        kids = own
    own_subject = any(c.dep_ in SUBJECT_DEPS and c.i < verb.i for c in verb.children)
    source = source_after_quote_cue(verb) if verb.tag_ in _FINITE and not own_subject else None
    if source is not None:
        # '"...," said Tom Hale, asked about ...': a clause the parse builds on the source named after the
        # cue is the writer's, not what was said
        kids = [c for c in kids if not (c.i > verb.i and c.left_edge.i <= source.i)]
    made_clear = [c for c in kids if _made_plain_adjective(verb, c)]
    if made_clear and len(made_clear) < len(kids):
        # "made clear that the union will not accept cuts": the parse hangs "clear" and the clause side by side
        kids = [c for c in kids if c not in made_clear]
    if kids:
        kid = min(kids, key=lambda c: (c.i < verb.i, c.i))
        start = kid.left_edge.i
        if kid.i > verb.i:
            # A clause after the cue starts after it and after whom it was told ("told Vieira that ..."),
            # whatever the parse hangs on its left edge ('On "Today", Trump told Vieira that ...').
            objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and verb.i < c.i < kid.i]
            kid_subject = max(objects, key=lambda c: c.i) if objects else None
            if kid_subject is not None and _subject_of_clause(kid_subject, kid):
                # "said voters were angry", "warned the bill could cause chaos": a clause the parse left
                # without a subject has it in the noun right before it, which is what was said, not whom to.
                objects = [c for c in objects if c.i < kid_subject.i]
                start = min(start, kid_subject.left_edge.i)
            told = [c.right_edge.i for c in objects]
            # 'said, according to the Gazette, that ...': the relaying phrase is no part of what was said.
            relays = [
                c.right_edge.i for c in kid.children if c.lower_ == "according" and verb.i < c.i < kid.i
            ]
            start = max(start, verb.i + 1, *(i + 1 for i in told), *(i + 1 for i in relays))
            start = _setting_before_subject(kid, start)
            lost = _gerund_subject(verb, kid)
            if lost is not None:
                # "suggested raising the age -- now 66 -- would be on the table": the gerund the parse
                # hung on the cue is the clause's subject, and the aside between dashes is no clause
                start = lost.left_edge.i
        else:
            start = clause_start(doc, start, kid.i)  # "... the mayor said; most would help, analysts say"
            start = after_opener(doc, start, kid.right_edge.i + 1)  # 'In a statement, "...," the family said'
        if start > kid.right_edge.i:
            return None
        end = kid.right_edge.i + 1
        if kid.i > verb.i:
            # "wrote the guards knew to expect trouble, saying, ...": the participle is the reporter's, no
            # part of the reported clause
            end = reporter_participle_end(kid, start, end)
        if kid.i > verb.i:
            # "made it clear that ...": the words are the clause the expletive "it" stands for
            start, end = _extraposed_clause(kid) or (start, end)
        if kid.i > verb.i and _bare_modal(kid):
            # "insisting that he'd rather Congress approve it": the parse may split one clause into a bare
            # modal ("he'd") and the clause beside it ("rather Congress approve it"); the words run on to it.
            # (not across a comma: "as the president said he would, Senate Democrats will ...")
            later = [
                c
                for c in kids
                if c.i > kid.i and c.left_edge.i == end and not doc[end - 1 : end + 1].text.count(",")
            ]
            if later:
                end = later[0].right_edge.i + 1
        if kid.i > verb.i:
            # "told them that accusations that she misled the board were false": the parse may take the subject
            # for a clause of its own ("accusations" as a verb) and hang the predicate on the cue as a second
            # clause without a subject, right after the first; the words run on to the predicate.
            predicate = [
                c
                for c in kids
                if c.i > kid.i
                and c.left_edge.i == end
                and c.pos_ in ("VERB", "AUX")
                and not is_speech_verb(c)  # "... and Democrats | accused the GOP": a second source's turn
                and not any(g.dep_ in _CLAUSE_SUBJECTS for g in c.children)
                and doc[end - 1].text not in _TRIM
                and not (doc[end].is_punct or doc[end].is_space)
            ]
            if predicate:
                end = predicate[0].right_edge.i + 1
        return trimmed(doc, start, end)
    sent = verb.sent
    if verb.dep_ in ("parataxis", "ccomp") and verb.head.i != verb.i:
        words = [t.i for t in verb.subtree if not t.is_punct]
        left, right = min(words), max(words)
        rest = [t for t in doc[right + 1 : sent.end] if not (t.is_punct or t.is_space)]
        # ("... -- though, when asked, Hale declined to say whether ...": a clause its own "though" or "because"
        # opens is subordinate, no attribution of the words before it)
        subordinate = any(
            c.i == left and (c.dep_ == "mark" or c.lower_ in ("though", "although")) for c in verb.children
        )
        if (
            left > sent.start
            and not rest
            and not subordinate
            and doc[left - 1].is_punct
            and doc[left - 1].text not in (":", ";")
        ):
            # (after a colon the clause is what the sentence announces: "Here we are again: Hale declared war")
            start = after_opener(doc, clause_start(doc, sent.start, left), left)
            if start >= left or not any(t.pos_ in ("VERB", "AUX") for t in doc[start:left]):
                return None
            return trimmed(doc, start, left)  # "Content, X said."
        if left > sent.start and doc[left - 1].text == "," and rest and doc[right + 1].text == ",":
            # "Content, X said, more content.", within the clauses a semicolon bounds
            return trimmed(doc, clause_start(doc, sent.start, left), clause_end(doc, right + 1, sent.end))
        if not any(c.dep_ in _CONTENT_DEPS or c.dep_ == "prep" for c in verb.children):
            # A bare "X said," whose parse hangs the clause before it on the cue ("To see the harbour,
            # Judge Morrow said, one should ..."): that clause is what was said, not who said it.
            own = [c for c in verb.children if c.dep_ not in _SAID_CLAUSE_DEPS and not c.is_punct]
            left = min([verb.i, *(c.left_edge.i for c in own)])
            right = max([verb.i, *(c.right_edge.i for c in own)])
            rest = [t for t in doc[right + 1 : sent.end] if not (t.is_punct or t.is_space)]
            if left > sent.start and doc[left - 1].text == "," and rest and doc[right + 1].text == ",":
                return trimmed(doc, clause_start(doc, sent.start, left), clause_end(doc, right + 1, sent.end))
    if frame == "inf":
        kid = next(c for c in verb.children if c.dep_ == "xcomp")
        return trimmed(doc, kid.left_edge.i, kid.right_edge.i + 1)
    framed = framed_clause(verb)
    if framed is not None and frame in ("obj", "prep"):
        # "told the Gazette in an interview that ...": the setting and the addressee are the writer's frame
        return trimmed(doc, *framed)
    if frame == "obj":
        after = [c for c in verb.children if c.i > verb.i and (c.dep_ in _CONTENT_DEPS or c.dep_ == "prep")]
        objs = [c for c in after if c.dep_ in _CONTENT_DEPS]
        if not objs:
            return None
        first = objs[0]
        summed = _summary_after_phrase(verb, first)
        if summed is not None:
            # "pointed to the strike as an example of ..., a key factor in the vote": the writer's summary
            return trimmed(doc, *summed)
        clause = told_clause(verb, first) if first.dep_ == "dobj" else None
        if clause is not None:  # "told the students he understands ...": the students are no content
            return trimmed(doc, *clause)
        predicated = any(
            c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _CHARGE_PREPS) for c in after
        )
        if first.dep_ == "dobj" and points_elsewhere(first) and not predicated:
            # "made the comments at a rally", "posted it": the words are given elsewhere (but "described
            # it as a disaster", "accused him of lying" say something of it)
            return None
        last = max((c for c in after if c.i >= first.i), key=lambda c: c.i)
        announced = _after_announcing_colon(first, last.right_edge.i + 1)
        if announced is not None:
            # "acknowledged another reason: He did not want to wait ...": the object announces the words
            return trimmed(doc, *announced)
        return trimmed(doc, first.left_edge.i, last.right_edge.i + 1)
    if frame == "prep":
        placed = first_time_clause(verb)
        if placed is not None:
            return trimmed(doc, *placed)
        preps = [c for c in verb.children if c.dep_ == "prep" and c.i > verb.i and not places_words(verb, c)]
        for prep in preps:
            objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
            if objs:
                addressed = _clause_after_addressee(prep, objs[0])
                if addressed is not None:
                    return trimmed(doc, *addressed)
                return trimmed(doc, objs[0].left_edge.i, prep.right_edge.i + 1)
    return None


_ADDRESSEE_PREPS = frozenset({"to", "with"})


def _summary_after_phrase(verb: Token, obj: Token) -> tuple[int, int] | None:
    """What a verb's prepositional phrase holds when the parse took the writer's summary set off after it by a
    comma for the verb's object ("The board pointed to the strike as an example of rising anger, a key factor in
    the vote": the strike ..., not "a key factor in the vote"): the phrase's object up to the comma. Only for an
    indefinite noun phrase right after the comma that closes a phrase of the verb. None otherwise."""
    doc = verb.doc
    comma = obj.left_edge.i - 1
    if obj.dep_ != "dobj" or comma <= verb.i or doc[comma].text != ",":
        return None
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children):
        return None
    preps = [c for c in verb.children if c.dep_ == "prep" and verb.i < c.i < comma]
    if not preps or preps[0].i != verb.i + 1 or preps[-1].right_edge.i != comma - 1:
        return None
    objs = [c for c in preps[0].children if c.dep_ in ("pobj", "pcomp")]
    if not objs:
        return None
    return objs[0].left_edge.i, comma


# Prepositions of a phrase that says when the words were given ("said after the meeting he would ...").
SETTING_PREPS = frozenset({"after", "before", "during", "following"})


def _setting_before_subject(clause: Token, start: int) -> int:
    """Where the words start when a clause with no "that" opens with a phrase of when they were given, which the
    parse hung on the clause ("Hale said after the meeting he would not sign", "said during a rally she would
    run"): at the clause's subject, the phrase being the writer's setting of the cue. `start` otherwise."""
    if any(c.dep_ == "mark" for c in clause.children):
        return start  # "said that after the meeting he would ...": inside the words
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < clause.i), None)
    if subject is None:
        return start
    lead = [c for c in clause.children if c.i < subject.i]
    if not lead or lead[0].left_edge.i != start:
        return start
    if not all(c.dep_ == "prep" and c.lower_ in SETTING_PREPS for c in lead):
        return start
    if any(t.is_punct or t.is_space for t in clause.doc[start : subject.left_edge.i]):
        return start  # "said before the vote, when ...": no plain phrase
    return subject.left_edge.i


def _extraposed_clause(kid: Token) -> tuple[int, int] | None:
    """The "that" clause an expletive "it" stands for in a predicate after a cue ("made it clear that the ferry
    would sail": "it clear" is the frame, the clause the words); None for any other predicate."""
    if kid.pos_ != "ADJ":
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "it" for c in kid.children) and not _made_plain_adjective(
        kid.head, kid
    ):
        return None  # ("made clear that ...", with no "it", is the same frame)
    for clause in kid.children:
        if clause.dep_ in ("ccomp", "advcl") and clause.i > kid.i:
            that = kid.doc[clause.left_edge.i]
            # "made it clear that part of the toll pays ...": right after the adjective, "that" opens the clause
            # though the parse may take it for the determiner of the clause's subject
            if that.lower_ == "that" and (
                that.dep_ == "mark" or (that.dep_ == "det" and that.i == kid.i + 1)
            ):
                return that.i, clause.right_edge.i + 1
    return None


def _after_announcing_colon(obj: Token, end: int) -> tuple[int, int] | None:
    """The words after a colon that closes the cue's object ("acknowledged another reason: He did not want to
    wait ..."): the object only announces them; None when no colon follows the object's own words or no verb
    follows the colon."""
    colon = obj.i + 1
    doc = obj.doc
    if colon >= end - 2 or doc[colon].text != ":" or any(t.i > obj.i for t in obj.lefts):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[colon + 1 : end]):
        return None
    return colon + 1, end


def _bare_modal(clause: Token) -> bool:
    """True for a clause that is only a subject and a modal ("he'd", "they would"): half of a clause."""
    return (clause.tag_ == "MD" or clause.pos_ == "AUX") and all(
        c.dep_ in ("nsubj", "mark", "neg") for c in clause.children
    )


def _clause_after_addressee(prep: Token, obj: Token) -> tuple[int, int] | None:
    """The "that" clause the parse hung on the person a cue's "to" phrase names ("noted to another
    reporter that her brother had died", "explained to them that ..."): what was said, the addressee
    being no part of it; None for another phrase ("pointed to the fact that ...": the fact is the topic)."""
    if prep.lower_ not in _ADDRESSEE_PREPS:
        return None
    person = obj.pos_ == "PRON" or obj.ent_type_ == "PERSON" or obj.lemma_.lower() in PERSON_ROLES
    if not person:
        return None
    for clause in obj.children:
        if clause.i > obj.i and clause.dep_ in ("acl", "relcl", "ccomp") and clause.pos_ in ("VERB", "AUX"):
            first = obj.doc[clause.left_edge.i]
            # ("that" may be parsed as a relative pronoun: "explained to the students that her brother had
            # died"; after a person told something, it opens what was told)
            own_end = max([obj.i, *(t.i for c in obj.children if c.i != clause.i for t in c.subtree)])
            if first.lower_ == "that" and first.i == own_end + 1:
                return first.i, clause.right_edge.i + 1
    return None


_FRAME_DEPS = frozenset({"dobj", "dative", "prep", "npadvmod"})
_CLAUSE_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_GAPLESS_DEPS = frozenset({"xcomp", "ccomp", "dobj", "attr", "acomp", "oprd"})


def framed_clause(verb: Token) -> tuple[int, int] | None:
    """Token range of a "that" clause the parse hung on a noun of the cue's setting or addressee instead of
    on the cue ("told reporters on the harbour pier that ...", "announced Thursday on the council floor that
    ...", "told the Gazette in an interview that ..."): what was said starts at "that", and the place, time,
    medium and person before it are the writer's frame. The clause opens with the complementizer "that" and
    has a subject of its own (in "a plan that the council approved", "that" is the relative pronoun, the
    object); the noun it hangs on is in a phrase that places the words, a time, or whom they were told.
    None when the cue is no reporting verb or no such clause follows it."""
    if not (is_speech_verb(verb) or verb.lemma_.lower() in TELLING_VERBS):
        return None
    for child in verb.children:
        if child.i < verb.i or child.dep_ not in _FRAME_DEPS:
            continue
        # "on the Senate floor": "on" gives a topic as often ("commented on reports that ..."), whose clause the
        # parse hangs on the noun as its complement (acl); a clause of the cue's it reads as a relative clause
        placing_on = child.dep_ == "prep" and child.lower_ == "on"
        if child.dep_ == "prep" and not placing_on and not places_words(verb, child):
            continue  # "spoke of the fear that ...": the topic, no frame
        if child.dep_ == "prep" and verb.lemma_.lower() in ANSWER_VERBS:
            continue  # "responding to her belief that ...": what is answered
        if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() not in TELLING_VERBS:
            continue  # "announced a plan that the council ...": what was announced
        nouns = [c for c in child.children if c.dep_ == "pobj"] if child.dep_ == "prep" else [child]
        if child.dep_ == "prep":
            # "said in one of a series of messages that ...": the clause hangs on the last noun
            nouns += _of_nouns(nouns)
        # the noun itself, or a relative clause of the frame on it ("in an interview that aired on Sunday")
        holders = nouns + [c for n in nouns for c in n.children if _frame_relative(c)]
        for clause in (c for h in holders for c in h.children):
            if clause.dep_ not in ("relcl", "acl", "ccomp") or not _clause_head(clause):
                continue
            if placing_on and clause.dep_ != "relcl" and not places_words(verb, child):
                continue
            that = clause.doc[clause.left_edge.i]
            if that.lower_ != "that":
                continue
            own = [c for c in clause.children if c.i > that.i]
            if not (that.dep_ == "mark" and that.head.i == clause.i) and not (
                # "that" read as an object although its verb has one of its own ("on the floor that Hale planned
                # to sign the bill", "that" read as the object of "sign"), or of an adjective, which takes none
                # ("in the early hours that Hale was 'reckless'"): no gap, so no relative clause
                child.dep_ == "prep"
                and that.dep_ == "dobj"
                and (
                    that.head.pos_ == "ADJ"
                    or any(c.dep_ in _GAPLESS_DEPS and c.i != that.i for c in that.head.children)
                )
            ):
                continue
            if any(c.dep_ in _CLAUSE_SUBJECTS for c in own):
                return that.i, clause.right_edge.i + 1
    return None


def _of_nouns(nouns: list[Token]) -> list[Token]:
    """The nouns of the "of" phrases hung on `nouns`, and on theirs ("one of a series of messages")."""
    found: list[Token] = []
    todo = list(nouns)
    while todo and len(found) < 4:
        noun = todo.pop()
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i > noun.i:
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                found += objs
                todo += objs
    return found


def _clause_head(clause: Token) -> bool:
    """True for the head of a clause: a verb, or an adjective the parse made the head of its own copula and
    subject ("that the fares were 'unfair'", "unfair" heading "were" and "fares")."""
    if clause.pos_ in ("VERB", "AUX"):
        return True
    return (
        clause.pos_ == "ADJ"
        and any(c.dep_ in ("aux", "cop") and c.lemma_ == "be" for c in clause.children)
        and any(c.dep_ in _CLAUSE_SUBJECTS for c in clause.children)
    )


def _frame_relative(verb: Token) -> bool:
    """True for the verb of a relative clause on a noun of the frame ("in an interview that aired on Sunday")."""
    return verb.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children)


# Verbs that only carry the speech verb they govern on ("went on to say", "proceeded to argue").
GOING_ON_VERBS = word_set("go proceed")
# Prepositions that say where, when or through what words were given ("said in a phone interview", "saying
# during the debate", "spoke at the rally"), never what was said.
PLACING_PREPS = frozenset(
    {"during", "into", "after", "before", "throughout", "since", "until", "near", "inside"}
)
# ... and, after a reporting verb, where it was said ("said in an interview", "spoke at the rally"); after
# other verbs they often hold the target ("balked at the plan", "persisted in arguments that ...").
SPEECH_PLACING_PREPS = frozenset({"in", "at", "from", "outside"})
# Verbs of talking, whose "to"/"with" phrase is whom they talked to ("spoke to reporters").
TALK_VERBS = word_set("speak talk chat")
# Verbs of answering, whose "to" phrase is what was answered ("responded to the controversy", "reacted to
# Fox's attacks"), not the answer.
ANSWER_VERBS = word_set("respond reply react")


def _subject_of_clause(noun: Token, clause: Token) -> bool:
    """True when the object `noun` of a cue is the subject the parse took from the clause after it: the clause
    has none of its own and starts right after the noun's phrase, no mark between ("said voters were
    angry"; not 'asked Tom Hale, "Is it safe?"')."""
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "expl" for c in clause.children):
        return False
    between = noun.doc[noun.right_edge.i + 1 : clause.left_edge.i]
    return clause.left_edge.i > noun.right_edge.i and not any(t.is_punct or t.is_space for t in between)


# What one writes or sends to somebody: left unanswered, no words of the one who got it.
CORRESPONDENCE_NOUNS = word_set(
    "message messages letter letters email emails e-mail e-mails text texts call calls note notes invitation invitations"
)


def _correspondence_unanswered(verb: Token, prep: Token) -> bool:
    """True for a negated verb of answering whose object is a letter, a message or a call and whose sentence asks
    for no comment ("Hale didn't respond to either message", "did not reply to the letters from the union"): a
    non-action in the story, not a source withholding words from the press ("did not respond to messages seeking
    comment", "did not respond to questions about ..." stay refusals)."""
    if not any(c.dep_ == "neg" for c in verb.children):
        return False
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if not objs or not all(
        o.lemma_.lower() in CORRESPONDENCE_NOUNS or o.lower_ in CORRESPONDENCE_NOUNS for o in objs
    ):
        return False
    if any(t.lower_ in ("comment", "comments") for t in verb.sent):
        return False
    # the story's own letters ("either message", "the letters from the union", "his texts"), not "a message" or
    # "messages" a reporter left
    return all(
        any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in _KNOWN_DETS) for c in o.children)
        or any(c.dep_ == "prep" and c.lower_ == "from" for c in o.children)
        for o in objs
    )


_KNOWN_DETS = frozenset({"either", "neither", "both", "the", "these", "those", "that", "this", "each", "any"})


def places_words(verb: Token, prep: Token) -> bool:
    """True when the preposition `prep` of the cue `verb` places the words in a time, place or medium, or
    names whom they were told or what they answer, instead of giving their content; "spoke on Monday" and
    "spoke for an hour" too, but not "spoke on trade" or "called for a vote"."""
    word = prep.lower_
    if word in PLACING_PREPS:
        return True
    talk = verb.lemma_.lower() in TALK_VERBS
    if word in SPEECH_PLACING_PREPS and (is_speech_verb(verb) or talk):
        return True  # "said in an interview", "spoke at the rally" ("commented on the plan" is its topic)
    if word in ("to", "with") and talk:
        return True
    if verb.lemma_.lower() in ANSWER_VERBS and word == "to" and _correspondence_unanswered(verb, prep):
        return True  # "Hale didn't respond to either message": letters left unanswered, no refusal to comment
    if verb.lemma_.lower() in ANSWER_VERBS and not any(c.dep_ == "neg" for c in verb.children):
        # ("did not respond to requests for comment" stays a refusal to speak)
        if word == "to":
            return True
        # "responded by saying that ...": the answer is the participle's, a cue of its own
        return word == "by" and any(c.dep_ == "pcomp" and is_speech_verb(c) for c in prep.children)
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    if word in ("for", "at") and objs and objs[0].lemma_.lower() in ("time", "moment"):
        return True  # "conceded for the first time that ...", "said at one point"
    return word in ("on", "for") and bool(objs) and objs[0].ent_type_ in ("DATE", "TIME")


def clause_start(doc: Doc, start: int, cue: int) -> int:
    """`start`, or the token after the last semicolon between it and the attribution at `cue` when the
    clauses before that semicolon have an attribution of their own ("the mayor said the board should act;
    most bills would help the port, analysts say"): the analysts' words are the clause they close, not the
    mayor's statement before it."""
    marks = [t.i for t in doc[start:cue] if t.text == ";"]
    if not marks or not _attributed(doc[start : marks[-1]]):
        return start
    return marks[-1] + 1


def clause_end(doc: Doc, after: int, end: int) -> int:
    """`end`, or the first semicolon from `after` on when the clauses after it have an attribution of their
    own (as `clause_start`, the other way)."""
    mark = next((t.i for t in doc[after:end] if t.text == ";"), end)
    return mark if mark < end and _attributed(doc[mark:end]) else end


def _attributed(words: Span) -> bool:
    return any(is_speech_verb(t) or t.lower_ == "according" for t in words)


_SEMICOLON_LINKS = frozenset({"however", "but", "yet", "still", "meanwhile", "though"})


def _colon_between(clause: Token, verb: Token) -> bool:
    """True when a colon ends the clause before the cue's subject ("... before: Hale declared")."""
    if clause.i > verb.i:
        return False
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and c.i > clause.i]
    first = subjects[0].left_edge.i if subjects else verb.i
    # ('... this finding: "27 companies reported ..."': an opening quote mark after the colon changes nothing;
    # "Hale has not tipped his hand; however, he's maintained that ...": a semicolon ends the clause too)
    before = [t for t in verb.doc[clause.i : first] if not t.is_space and t.text not in QUOTE_MARKS]
    if before and before[-1].text == ":":
        return True
    linked = list(before)
    while len(linked) > 1 and (linked[-1].text == "," or linked[-1].lower_ in _SEMICOLON_LINKS):
        linked.pop()
    return len(linked) < len(before) and linked[-1].text == ";"


def after_opener(doc: Doc, start: int, end: int) -> int:
    """`start`, or the token after an opening phrase that only places the words ('In a statement, "We are
    saddened," the family said'; 'In his 2002 book, "Make the Port Pay," Hale ...'): a prepositional
    phrase up to its comma."""
    first = doc[start]
    if first.dep_ != "prep" or first.right_edge.i + 1 >= end or doc[first.right_edge.i + 1].text != ",":
        return start
    rest = doc[first.right_edge.i + 2 : end]
    if not len(rest) or rest[0].text not in QUOTE_MARKS:
        return start
    if doc[first.right_edge.i].lower_ in WORK_NOUNS and title_cased(rest[1:]):
        return (
            end  # the quote is the work's title ("In his book, "Make the Port Pay," ..."): nothing was said
        )
    return first.right_edge.i + 2


def _cue_range(verb: Token, frame: str, content: tuple[int, int]) -> tuple[int, int]:
    start = end = verb.i
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg", "prt") and abs(child.i - verb.i) <= 3:
            start, end = min(start, child.i), max(end, child.i)
        if frame == "prep" and child.dep_ == "prep" and child.i == verb.i + 1 and content[0] == child.i + 1:
            end = child.i  # "called for", "spoke about": the preposition whose object is the content
    return start, end + 1


def according_to(tok: Token) -> Found | None:
    """ "according to X, content" (or "content, according to X")."""
    doc = tok.doc
    if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    objs = [c for c in doc[tok.i + 1].children if c.dep_ == "pobj"]
    if not objs:
        return None
    if _relays_a_speaker(tok) or relays_quote_before(tok) or doc[tok.i - 1].pos_ in ("VERB", "AUX"):
        # ('"We lost," Hale said, according to aides': the aides relay Hale's words; "calculated according
        # to a formula": a manner, nobody's words)
        return None
    sent = tok.sent
    # A parse that runs the sentence into the next paragraph must not carry the phrase into the words
    # ("..., according to one senator.\n\nMr. Hale ...": the phrase closes its sentence).
    sent_start, sent_end = paragraph_bounds(doc, tok.i, sent.start, sent.end)
    phrase_end = max(tok.right_edge.i, doc[tok.i + 1].right_edge.i) + 1
    phrase_end = min(phrase_end, sent_end)
    source = objs[0]
    if tok.i - sent_start > 2:
        # "..., according to the committee's senior member, Rep. Ana Ruiz of Maine.": the name after the title is
        # the source and closes the phrase, though the parse may hang it on the sentence's verb
        name, name_end = apposed_name(source, phrase_end, sent_end)
        if name is not None:
            # the description stays the source where the name is its apposition: the speaker's resolution
            # takes the name and keeps the description as the role ("a council spokeswoman, Ana Ruiz")
            source = source if name.head.i == source.i and name.dep_ == "appos" else name
            phrase_end = name_end
    if tok.i - sent_start <= 2:  # phrase opens the sentence
        content = trimmed(doc, phrase_end, sent_end)
        if content[1] - content[0] < 3:
            # The parse took the clause for part of the phrase ("According to Tom Hale, the move reeks of
            # fear": "reeks" read as a noun in apposition to the name): the phrase ends at the name's comma.
            opened = _opening_phrase_end(doc, objs[0], sent_end)
            content = trimmed(doc, opened, sent_end) if opened is not None else content
    elif not any(t.is_alpha or t.is_digit for t in doc[phrase_end:sent_end]) or _new_clause(doc, phrase_end):
        # "X, according to Y, and Z": the reporter's own clause after the phrase is no part of Y's words
        content = trimmed(doc, clause_start(doc, sent_start, tok.i), tok.i)
    else:
        content = trimmed(doc, clause_start(doc, sent_start, tok.i), clause_end(doc, phrase_end, sent_end))
    if content[1] - content[0] < 3:
        return None
    described = objs[0].pos_ == "NOUN" and objs[0].lemma_.lower() in PERSON_ROLES | AGENT_ROLES | PEOPLE_NOUNS
    named = _name_opening(doc, content) if tok.i - sent_start <= 2 and described else None
    if named is not None:
        # "According to the city's attorney, William Becker, the pier will close": the parse left the name in
        # apposition to the role out of the phrase; it is the source, and the words start after it
        name_end, after = named
        return Found(
            trimmed(doc, after, content[1]),
            (tok.i, tok.i + 2),
            tok.i,
            doc[name_end - 1],
            attribution=True,
            confidence=0.8,
            judged=True,
            label=(objs[0].left_edge.i, name_end),
        )
    return Found(content, (tok.i, tok.i + 2), tok.i, source, attribution=True, confidence=0.8, judged=True)


_NAME_WORDS_MAX = 4


def _name_opening(doc: Doc, content: tuple[int, int]) -> tuple[int, int] | None:
    """(end of the name, start of the words after its comma) when the words an opening "According to ROLE,"
    gives open with a person's name set off by commas ("William Becker, the pier will close ..."), which the
    parse did not take into the phrase; None otherwise."""
    start, end = content
    i = start
    while i < end and i - start < _NAME_WORDS_MAX and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        i += 1
    if i == start or i >= end or doc[i].text != ",":
        return None
    name = doc[start:i]
    if name[-1].dep_ in ("nsubj", "nsubjpass"):
        return None  # "According to the report, Peter Grant, the mayor, misled ...": the clause's own subject
    if not (all(t.ent_type_ == "PERSON" for t in name) or (len(name) >= 2 and is_given_name(name[0].text))):
        return None
    if sum(1 for t in doc[i + 1 : end] if t.is_alpha) < 3:
        return None
    return i, i + 1


_APPOSITION_REACH = 8  # tokens of a title set off by commas after a name ("Ana Ruiz, the council treasurer,")


def _opening_phrase_end(doc: Doc, name: Token, sent_end: int) -> int | None:
    """The token after the comma that closes an opening "According to X," whose clause the parse swallowed:
    the first comma after the name, or the next one when a title in apposition lies between ("According to
    Ana Ruiz, the council treasurer, the toll ..."); None when no comma follows the name."""
    commas = [t.i for t in doc[name.i + 1 : sent_end] if t.text == ","]
    if not commas:
        return None
    if len(commas) > 1:
        between = doc[commas[0] + 1 : commas[1]]
        rest = [t for t in doc[commas[1] + 1 : sent_end] if t.is_alpha]
        titled = any(t.dep_ == "appos" and t.head.i == name.i for t in between)
        short = len(between) <= _APPOSITION_REACH and not any(t.pos_ in ("VERB", "AUX") for t in between)
        if titled and short and len(rest) >= 3:
            return commas[1] + 1
    return commas[0] + 1


_CLAUSE_JOINS = frozenset({"and", "but", "while", "so", "although", "though", "whereas"})


def _new_clause(doc: Doc, i: int) -> bool:
    """True when a comma and a conjunction at token `i` open a clause of their own with its own subject
    (", and the storm will last", ", but Hale said"): what follows a closing "according to" phrase is the
    reporter's, not the source's."""
    if i + 1 >= len(doc) or doc[i].text != "," or doc[i + 1].lower_ not in _CLAUSE_JOINS:
        return False
    rest = doc[i + 2 : doc[i].sent.end]
    return any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in rest)


def paragraph_bounds(doc: Doc, i: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) cut to the paragraph of token `i`: after the last line break before it, up to the
    first line break after it."""
    for j in range(i - 1, start - 1, -1):
        if (doc[j].is_space and "\n" in doc[j].text) or "\n" in doc[j].whitespace_:
            start = j + 1
            break
    for j in range(i, end):
        if doc[j].is_space and "\n" in doc[j].text:
            return start, j
        if "\n" in doc[j].whitespace_:
            return start, j + 1
    return start, end


def _relays_a_speaker(tok: Token) -> bool:
    """True when "according to X" sits inside a clause whose reporting verb has its own subject ("The
    minister, according to the Gazette, said ...", "Hale said, according to Reuters, that ..."): X only
    relays what that subject said, and the verb's own statement names the speaker."""
    verb = tok.head
    # 'said, according to X, that ...'; a phrase closing the clause ('X said ..., according to Y') is read
    # as Y's report of the whole sentence, as PolNeAR annotates it.
    if verb.dep_ == "ccomp" and verb.head.i < tok.i < verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not is_speech_verb(verb):
        return False
    if tok.i > verb.i and not any(c.dep_ == "ccomp" and c.i > tok.i for c in verb.children):
        return False  # after what was said: Y's report of the sentence
    return any(c.dep_ == "nsubj" and c.i < tok.i for c in verb.children)


def _clip_to_paragraph(cue: Token, content: tuple[int, int]) -> tuple[int, int]:
    """Content cut back to the cue's paragraph (a parse may run from a headline into the body) and,
    for a cue inside parentheses, to those parentheses (an aside never reaches the quote before it)."""
    doc = cue.doc
    texts = token_texts(doc)
    start, end = content
    depth = 0
    for i in range(cue.i - 1, start - 1, -1):
        if texts[i] in (")", "]"):
            depth += 1
        elif texts[i] in ("(", "["):
            if depth == 0:
                start = i + 1
                break
            depth -= 1
    for i in range(min(start, cue.i), max(end, cue.i + 1)):
        # (a token's trailing white space is one space at most: a line break is a space token of its own)
        breaks = "\n" in texts[i] and doc[i].is_space
        if breaks and i < cue.i:
            start = max(start, i + 1)
        elif breaks and i >= cue.i:
            end = min(end, i + 1)
            break
    return trimmed(doc, start, end)


def tail_attribution_clause(verb: Token) -> tuple[int, int] | None:
    """The clause before an attribution that closes its sentence when the parse gave the cue no clause ("The
    promise appeals to voters who want a return to an era when ..., said Ana Ruiz, a demographer at the
    university."; "..., Hale said."): the sentence from its start (or its last attributed semicolon) to the comma
    before the attribution; None for any other cue or shape."""
    if verb.tag_ not in _FINITE or not is_speech_verb(verb) or is_question(verb):
        return None
    doc, sent = verb.doc, verb.sent
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    named_after = [c for c in subjects if c.i > verb.i]
    named_before = [c for c in subjects if c.i < verb.i and c.right_edge.i == verb.i - 1]
    if named_after and doc[verb.i - 1].text == ",":
        comma, last = verb.i - 1, max(c.right_edge.i for c in named_after)
    elif named_before and doc[named_before[-1].left_edge.i - 1].text == ",":
        comma, last = named_before[-1].left_edge.i - 1, verb.i
    else:
        return None
    if any(not (t.is_punct or t.is_space) for t in doc[last + 1 : sent.end]):
        return None
    start = clause_start(doc, sent.start, comma)
    words = doc[start:comma]
    if len(words) < 4 or words[0].text in QUOTE_MARKS or not any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    if any("\n" in t.text for t in words):
        return None
    return trimmed(doc, start, comma)


def reported_at(tok: Token) -> Found | None:
    """The reported statement whose cue is `tok`, or None when `tok` is not a cue here."""
    # Noun cues ("the claim that") carry no reliable source in the parse, so only verbs are read.
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    frame = frame_of(tok)
    called = called_what(tok)
    naming = called is not None  # "called Trump a liar": the shape decides, not the cue model
    if naming and frame == "none":
        frame = "obj"  # the object parsed as a second predicate ("called Trump a liar", both oprd)
    tail = tail_attribution_clause(tok) if frame == "none" else None
    if tail is not None:
        frame = "clause"
    if frame == "none" or _says_the_subject(tok):
        return None
    core = is_speech_verb(tok)
    if naming:
        prob = max(cue_probability(tok, frame), CUE_THRESHOLD)
    elif not core and attribution_model.available():
        # Outside the core reporting verbs the trained model decides, reading the parse around the word.
        prob = attribution_model.attribution_probability(tok)
        # A verb never marked as a cue in training ("repaired", "painted") is judged on the parse alone:
        # it must look far more like one.
        if prob < attribution_model.candidate_bar(known_lemma(tok), UNSEEN_THRESHOLD):
            return None
    else:
        prob = cue_probability(tok, frame)
        if core and (frame == "clause" or not known_lemma(tok)):
            prob = max(prob, CUE_THRESHOLD)
        if prob < (CORE_THRESHOLD if core else CUE_THRESHOLD):
            return None
    if is_imperative(tok):
        return None  # "Don't expect him to fade quietly": the writer speaks to the reader
    if is_naming(tok):
        return None  # "The bill, known as the Harbor Act, ...": a name, not a statement
    if is_intention(tok):
        return None  # "plans to close the bridge": what somebody means to do, not what they said
    if is_seeming(tok):
        return None  # "His refusal seemed to confirm the fears": the writer's impression, nobody spoke
    if deliberates(tok):
        return None  # "began hearing evidence to determine whether ...": an inquiry, nothing said
    if is_deed(tok) or is_likely_deed(tok) or is_act(tok):
        return (
            None  # "signed a bill", "will negotiate a plan": what somebody did or may do, not what they said
        )
    if shows_someone_speaking(tok):
        return None  # "The ad shows Ruiz saying ...": Ruiz speaks, on the participle; the ad says nothing
    if tok.lemma_.lower() in GOING_ON_VERBS and any(c.dep_ == "xcomp" for c in tok.children):
        return None  # "going on to say that ...": the cue is "say", whose subject is the one going on
    if is_requested(tok):
        return None  # "urged the board to deny the reports": the board has denied nothing
    if is_hypothetical(tok) or is_speculation(tok):
        return None  # "if she denied it", "whether Hale knew that", "hopes voters say": nothing was said
    if is_wish(tok) or only_meant(tok):
        return None  # "Democrats want a short-term bill", "gathered to express support": wished or meant, not said
    refused = refused_speech(tok)
    if refused is None:
        return None  # "refused to step down": a refusal to act, not to speak
    subject, passive = subject_of(tok)
    if subject is None and core:
        subject = _source_named_as_object(tok)
    reaction, source = reaction_source(tok)
    if reaction:
        subject, passive = source, False
    if tok.dep_ == "relcl" and tok.head.lemma_.lower() in MANNER_NOUNS:
        return None  # "the way he speaks about his service": how somebody talks, said by nobody here
    if (subject is None or passive) and not core:
        return None  # "An airplane is seen at ...": a passive non-speech verb has no source
    if subject is not None and subject.lower_ in ("'s", "\u2019s", "us") and tok.head.lemma_.lower() == "let":
        return None  # "Let's say you think ...": a supposition the writer makes, nobody's statement
    if anonymity_request(tok):
        return None  # "who asked not to be named": the terms of speaking, not anything said
    if is_question(tok) and (passive or _bare_participle(tok)):
        return None  # "Asked whether ..., X said": the question put to X is not X's statement
    if told_to_subject(tok):
        return None  # "she said when told the poll results": what she was told is nobody's statement of hers
    if is_legal_charge(tok):
        return None  # "was charged with fraud": a prosecutor's charge, no statement of the charged
    content = tail or _content_of(tok, frame)
    if content is None:
        return None
    if called is not None:
        if not content[0] > tok.i:
            return None  # a clause before the verb is not what it calls anybody ("For that - he called her weak")
        content = trimmed(tok.doc, content[0], naming_end(called, content[1]))
    denial = is_denial(tok)
    if denial and frame == "obj":
        content = denied_content(tok) or content  # "denied reports that X": X is what is denied
    content = _clip_to_paragraph(tok, content)
    # "said the rule applied to two lines, though it did not name them", "vowed to open up the rules, even
    # though those rules are in fact the state's": the writer's note on the words is no part of them
    content = (content[0], writer_concession_end(tok.doc, content[0], content[1]))
    if content[1] - content[0] < 2:
        return None
    if not _set_off_before(tok, content, subject):
        return None  # "The port has been mired in a crisis since March when Hale proclaimed ...": narration
    conf = 0.9 if core and frame == "clause" else round(min(0.85, 0.4 + prob / 2), 3)
    return Found(
        content,
        _cue_range(tok, frame, content),
        tok.i,
        subject,
        denial=denial,
        refused=refused or negated(tok),
        passive=passive,
        confidence=conf,
        # "drew criticism from X" is the rule's; so is what a statement its source put out says ("issued a
        # statement calling the test a violation"), which the model, reading the participle alone, misses
        judged=not reaction and not naming and not (tok.dep_ == "acl" and publisher_of(tok.head) is not None),
        # "The records show that ...", "signs urging Hale to resign": evidence, nobody's words
        # "The statement does not deny that ...": the writer's reading of what a document leaves out
        evidence=subject is not None
        and not passive
        and (is_evidence(tok, subject) or is_silent_document(subject, negated(tok))),
    )


_FINITE_SAYING = frozenset({"VBD", "VBZ", "VBP"})


def _source_named_as_object(verb: Token) -> Token | None:
    """The source of a finite reporting verb set off after its words and followed by who spoke, which the parse took
    for the verb's object ("He had a say in the port's deals, said a former spokesman for the authority, Tom Hale,
    ..."): the noun right after the verb, or the name in apposition to it. None unless the verb follows a comma,
    has the clause before it and no subject of its own."""
    doc = verb.doc
    if verb.tag_ not in _FINITE_SAYING or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if not any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.left_edge.i != verb.i + 1 or obj.pos_ not in ("NOUN", "PROPN"):
        return None
    named = next((c for c in obj.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    return named or obj


def _set_off_before(tok: Token, content: tuple[int, int], subject: Token | None) -> bool:
    """False for reported words before their cue with nothing setting the attribution off: an attribution after
    what it reports follows a comma, a dash, a colon or a closing quotation mark (", the mayor said"); words that
    run straight into the cue's subject ("The port has been stuck in a dispute since March when the union
    leader proclaimed herself ...") are the writer's narration the parse hung on a later verb."""
    if content[1] > tok.i or subject is None or subject.i > tok.i:
        return (
            True  # (an inverted "... the economy said Ryan Sweet" has its verb to mark where the words end)
        )
    doc = tok.doc
    stop = tok.i
    first = min((t.i for t in subject.subtree if not t.is_punct), default=tok.i)
    if content[1] <= first < tok.i:
        stop = first  # (the parse may hang the words' closing comma and mark on the subject)
    if any(t.is_punct or t.is_space for t in doc[content[1] : stop]):
        return True
    return doc[content[1] - 1].is_punct  # the words' own closing mark or comma ends them


ANONYMITY_VERBS = word_set("name identify quote")
ANONYMITY_NOUNS = word_set("anonymity")


def anonymity_request(tok: Token) -> bool:
    """True for a source asking not to be named ("asked not to be identified", "requested anonymity")."""
    if tok.lemma_.lower() not in ("ask", "request", "demand", "insist"):
        return False
    for child in tok.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in ANONYMITY_NOUNS:
            return True
        if child.dep_ == "xcomp" and child.lemma_.lower() in ANONYMITY_VERBS:
            return any(g.dep_ == "neg" for g in child.children)
    return False


# Verbs whose reduced passive gives the subject words or things to react to ("when told the poll results",
# "Told of the ruling, Hale said", "when shown the photo").
TOLD_VERBS = word_set("tell inform show remind brief notify")
_WHEN_WORDS = frozenset({"when", "once", "after", "upon", "if", "before", "while"})


def told_to_subject(tok: Token) -> bool:
    """True for a subjectless passive participle of telling or showing in an adverbial or relative clause
    ("When told about the vote, Hale said ...", '"Is that so," she said when told the poll results', "Hale, when
    shown the photo, said"), the tagger's past tense after "when" included: the subject is told, and what
    follows is what they reacted to, not what they said."""
    if tok.lemma_.lower() not in TOLD_VERBS or tok.dep_ not in ("advcl", "relcl", "acl"):
        return False
    kids = list(tok.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in kids):
        return False
    if any(c.dep_ == "auxpass" and c.lower_ != "being" for c in kids):
        return False
    if tok.tag_ == "VBN":
        return True
    return tok.tag_ == "VBD" and any(c.lower_ in _WHEN_WORDS and c.i < tok.i for c in kids)


def _bare_participle(tok: Token) -> bool:
    # "Asked about the planes, Zakharova said": a participle with no auxiliary is passive in sense.
    return tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


# Verbs whose gerund is speech held back ("stopped short of saying that ...", "refrained from saying", "avoided
# saying"): the words after them were not said.
HOLDING_BACK_VERBS = word_set("refrain avoid stop")
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "no-one"})


def negated(tok: Token) -> bool:
    """True when the cue itself is negated ("did not say", "has never mentioned"), shares the negation of the
    verb it is joined to by "or"/"nor" ("did not apologize or acknowledge that ..."), follows a "nor" ("gave
    no reason, nor did she acknowledge that ...") or a "neither", has a subject that names
    nobody ("Nobody at the council has said that ...", "No official has confirmed ...", "Neither Hale nor Ruiz
    has acknowledged ..."), is speech held back ("stopped short of saying that ...") or left undone ("failed to explain ...", "has yet
    to say whether ..."): the source did not say
    the words, so they are stored refused, never as what the source asserted."""
    if any(c.dep_ == "neg" or (c.dep_ == "preconj" and c.lower_ == "neither") for c in tok.children):
        return True  # "did not say", "neither confirmed nor ..."
    if tok.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "nor" and tok.head.i < c.i < tok.i for c in tok.head.children
    ):
        return True  # "offered no reason, nor did she acknowledge that ...": "nor" negates its own clause
    if tok.dep_ == "conj" and tok.head.pos_ in ("VERB", "AUX"):
        own = any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in tok.children)
        joined_by = {c.lower_ for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i}
        if not own and joined_by & {"or", "nor"} and any(c.dep_ == "neg" for c in tok.head.children):
            return True
    for subject in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
        if subject.lower_ in NEGATIVE_SUBJECTS or (
            subject.lower_ == "no" and subject.nbor(1).lower_ == "one"
        ):
            return True
        if any(c.dep_ == "det" and c.lower_ in ("no", "neither") for c in subject.children):
            return True
    if tok.dep_ == "xcomp" and _left_undone(tok.head):
        return True  # "failed to explain the law", "has yet to say whether ...": not said (so far)
    if tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.dep_ == "prep":
        holder = tok.head.head
        if holder.pos_ == "VERB" and verb_forms(holder) & HOLDING_BACK_VERBS:
            # "stopped short of saying": "stop" only with its "short"
            return holder.lemma_.lower() != "stop" or any(c.lower_ == "short" for c in holder.children)
    return False


# Verbs whose infinitive is left undone: "failed to explain the law", "neglected to mention the fee".
UNDONE_VERBS = word_set("fail neglect omit")


def _left_undone(verb: Token) -> bool:
    """True for a verb that says its infinitive was not done: "failed to", "neglected to", "has yet to"."""
    if verb.lemma_.lower() in UNDONE_VERBS:
        return True
    return verb.lemma_.lower() in ("have", "be") and any(
        c.lower_ == "yet" and c.dep_ == "advmod" and c.i < verb.i + 3 for c in verb.children
    )


def refused_speech(tok: Token) -> bool | None:
    """For "declined"/"refused": True when what is refused is speech, None when it is an action.

    False for every other word.
    """
    if not is_refusal(tok):
        return False
    kids = [c for c in tok.children if c.dep_ == "xcomp"]
    if not kids:
        return True  # "declined comment", "refused questions"
    return True if kids[0].lemma_.lower() in REFUSED_SPEECH else None


def denied_content(verb: Token) -> tuple[int, int] | None:
    """What a denial denies when its object is others' words: the clause of "reports that ..."."""
    doc = verb.doc
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.lemma_.lower() not in DENIED_NOUNS and obj.lower_ not in DENIED_NOUNS:
            continue
        for child in obj.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and any(g.dep_ == "mark" for g in child.children):
                return trimmed(doc, child.left_edge.i, child.right_edge.i + 1)
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in ("about", "of", "that"):
                objs = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return trimmed(doc, objs[0].left_edge.i, objs[0].right_edge.i + 1)
    return None


def hearsay_at(tok: Token) -> Found | None:
    """ "claims that ...", "reports that ...", "speculation that ...": what others say, source unnamed.

    The words belong to whoever makes the claim: the possessor or the "by" phrase when there is one
    ("Trump's claim that", "allegations by the company that"), else an unnamed source, never the person
    the claim is about. A denied claim ("denied reports that ...") is left to its denial.
    """
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in HEARSAY_NOUNS:
        return None
    if tok.dep_ == "dobj" and is_denial(tok.head):
        return None
    clause = next(
        (
            c
            for c in tok.children
            if c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    content = _clip_to_paragraph(tok, trimmed(tok.doc, clause.left_edge.i, clause.right_edge.i + 1))
    if content[1] - content[0] < 3:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    for prep in tok.children:
        if source is None and prep.dep_ == "prep" and prep.lower_ in ("by", "from"):
            source = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if source is None and tok.dep_ == "ROOT":
        # "But Trump claims that ...", parsed as the noun "Trump claims" heading the sentence: the verb
        # of a named source, who says it.
        name = tok.i > 0 and doc_name(tok.doc[tok.i - 1])
        if name and tok.doc[tok.i - 1].head.i == tok.i:
            return Found(content, (tok.i, tok.i + 1), tok.i, tok.doc[tok.i - 1], confidence=0.9)
    return Found(content, (tok.i, tok.i + 1), tok.i, source, confidence=0.5)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


def _says_the_subject(tok: Token) -> bool:
    """True for "Everything the mayor says is a lie", "Whatever Hale says is news": what was said is the
    subject of the verb after the cue, which the parse hangs on the cue as a clause with no subject of
    its own. The sentence speaks about the words; it reports none of them."""
    kids = [c for c in tok.children if c.dep_ == "ccomp" and c.i == tok.i + 1]
    return (
        bool(kids)
        and kids[0].pos_ in ("AUX", "VERB")
        and not any(c.dep_ in _SUBJECTS for c in kids[0].children)
    )


def doc_name(tok: Token) -> bool:
    """True for a word of a person's or body's name ("Trump", "Pentagon")."""
    return tok.dep_ == "compound" and (
        tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or tok.pos_ == "PROPN"
    )


def find_reported(doc: Doc, inside_quote: list[bool], paras: list[int]) -> list[Found]:
    """Every reported statement in `doc` whose cue is not itself inside a quotation."""
    found: list[Found] = []
    if len(doc):
        head = headline_statement(doc, paras)
        if head is not None:
            found.append(head)
    # Only a verb, a noun or "according" can be a cue (reported_at, hearsay_at and noun_cue_at return None
    # for any other part of speech): the columns skip the rest without building their Tokens, and a noun is
    # asked only the noun rules (hearsay_at, noun_cue_at), a verb only the verb rules (the others return None).
    according = doc.vocab.strings["according"]
    for i, (pos, lower) in enumerate(zip(column(doc, "POS"), column(doc, "LOWER"), strict=True)):
        if inside_quote[i] or (pos not in _CUE_POS and lower != according):
            continue
        tok = doc[i]
        if lower == according:
            item = according_to(tok)
        elif pos == NOUN:
            item = hearsay_at(tok) or noun_cue_at(tok)
        else:
            item = block_after_colon(tok, paras) or reported_at(tok)
        if item is not None:
            found.append(item)
    return found


_CUE_POS = frozenset({VERB, AUX, NOUN})
# Reporting verbs that introduce a passage set off as a paragraph of its own after a colon ("The governor added:").
BLOCK_VERBS = CLAUSE_SPEECH_VERBS | word_set("continue")
BLOCK_FRAME_WORDS = 8  # tokens between the verb and its colon: where or when ("wrote on his blog Monday:")
QUOTE_OPENERS = frozenset({'"', "\u201c", "\u2018", "'", "''", "``"})


def block_after_colon(tok: Token, paras: list[int]) -> Found | None:
    """The paragraph a reporting verb introduces with a colon that closes its own paragraph ("The governor
    added:" then the governor's words as a paragraph without quotation marks, as columns and transcripts set
    out a long passage): that paragraph is what was said, the source the verb's subject. Only the next
    paragraph (where the passage ends is not marked), only when it opens with no quotation mark (a quote after
    the colon is the quote pass's) and the words between the verb and the colon say where or when ("wrote on
    his blog Monday:"), not a clause of their own."""
    if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in BLOCK_VERBS:
        return None
    doc = tok.doc
    para = paras[tok.i]
    end = tok.i + 1
    # (the rest of the paragraph is read from the Doc's columns: a Token is built only for the few words that
    # can stand before a colon)
    texts, spaces = token_texts(doc), column(doc, "IS_SPACE")
    while end < len(doc) and paras[end] == para and not (spaces[end] and "\n" in texts[end]):
        end += 1
    kept = [i for i in range(tok.i + 1, end) if not spaces[i]]
    if not kept or texts[kept[-1]] != ":" or len(kept) - 1 > BLOCK_FRAME_WORDS:
        return None
    words = [doc[i] for i in kept]
    if any(t.pos_ in ("VERB", "AUX") or t.text in (":", ";", '"') for t in words[:-1]):
        return None  # "added that the plan has failed:" is a clause of its own
    start = next((t.i for t in doc[end:] if not t.is_space), None)
    if start is None or paras[start] != para + 1 or doc[start].text in QUOTE_OPENERS:
        return None
    stop = start
    while (
        stop < len(doc)
        and paras[stop] == paras[start]
        and not (doc[stop].is_space and "\n" in doc[stop].text)
    ):
        stop += 1
    content = trimmed(doc, start, stop)
    if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 4 or negated(tok):
        return None
    subject, passive = subject_of(tok)
    if subject is None or passive:
        return None
    return Found(content, (tok.i, tok.i + 1), tok.i, subject, confidence=0.9)


def headline_statement(doc: Doc, paras: list[int]) -> Found | None:
    """The headline convention "Speaker: what they said" in the article's first line."""
    # (the paragraph ids are read first: a Token is built only for the first paragraph's words)
    first = [doc[i] for i in range(len(doc)) if paras[i] == paras[0] and not doc[i].is_space]
    colon = next((t for t in first[:7] if t.text == ":"), None)
    if colon is None or colon.i == first[0].i:
        return headline_says(first) or headline_verb(first)
    source = [t for t in first if t.i < colon.i]
    on = next((k for k, t in enumerate(source) if t.lower_ == "on"), None)
    if on and all(t.pos_ == "PROPN" for t in source[:on]):
        source = source[:on]  # "Hale on Raising the Tolls: ...": the name before "on" speaks, of that topic
    if not any(t.pos_ in ("PROPN", "NOUN") for t in source) or any(t.pos_ == "VERB" for t in source):
        return None
    if len(source) == 1 and source[0].is_upper and not source[0].ent_type_:
        return None  # a kicker label ("BREAKING:", "EXCLUSIVE:"), not a source
    content = trimmed(doc, colon.i + 1, first[-1].i + 1)
    if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 3:
        return None
    return Found(content, (colon.i, colon.i + 1), colon.i, source[-1], confidence=0.6, judged=True)


HEADLINE_SAYS = word_set("says say said warns warn claims claim insists insist argues argue admits admit")
HEADLINE_SOURCE_WORDS = 7  # "Former White House Doctor", "Sen. Lindsey Graham": a source, not a clause


def headline_says(first: list[Token]) -> Found | None:
    """The headline convention "What was said, Source Says." in the article's first line, which the parser
    reads badly in title case ("Ferry Plan Unclear, Experts Say")."""
    words = [t for t in first if not t.is_punct]
    if len(words) < 5 or words[-1].lower_ not in HEADLINE_SAYS:
        return None
    verb = words[-1]
    comma = next((t for t in reversed(first) if t.text == "," and t.i < verb.i), None)
    if comma is None or not 1 <= verb.i - comma.i - 1 <= HEADLINE_SOURCE_WORDS:
        return None
    source = first[first.index(comma) + 1 : first.index(verb)]
    if any(t.lower_ in ("that", "who", "which", "and") or t.is_punct for t in source):
        return None
    doc = verb.doc
    content = trimmed(doc, first[0].i, comma.i)
    if sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < 3:
        return None
    return Found(content, (verb.i, verb.i + 1), verb.i, source[-1], confidence=0.6)


# Verbs of a title-case headline "Source Verbs What": after these the rest of the line is what was said ("Hale
# Claims Ruiz Most Qualified Ever"); with these the verb is part of it ("Hale Calls Ruiz 'A Disgrace'", "Hale Vows
# To Close The Pier", "Mayor Tells Guest The Fares Are Fair": the addressee or the name called stays with its verb).
HEADLINE_CLAUSE_VERBS = word_set("says claims insists argues warns admits predicts suggests concedes denies")
HEADLINE_VERB_PHRASES = word_set("calls tells vows urges pledges promises demands")
# Words that make a headline's opening no source ("Why Hale Says ...", "How", "What"), or a source a clause.
HEADLINE_NOT_SOURCE = word_set(
    "why how what who when where whether if to as after before while and or but not no"
)
HEADLINE_VERB_SOURCE_WORDS = 5


def headline_verb(first: list[Token]) -> Found | None:
    """The title-case headline "Source Verbs What" ("Tom Hale Calls Ana Ruiz 'A Disgrace' Over Pier Remarks",
    "Railing Against Ruiz, Hale Vows To Close The Pier", "Hale Claims Ruiz Most Qualified Ever"), which the parser
    reads badly in title case: a name of at most five capitalised words (after a comma that closes an opening
    phrase), a present-tense reporting verb, and at least three words after it. Only in a title-cased line (a
    headline in sentence case is parsed as any sentence), never after "Why", "How", "To" and the like."""
    words = [t for t in first if t.is_alpha]
    if len(words) < 5 or sum(1 for t in words if t.text[0].isupper()) < 0.8 * len(words):
        return None
    verb = next(
        (t for t in first[1:9] if t.lower_ in HEADLINE_CLAUSE_VERBS or t.lower_ in HEADLINE_VERB_PHRASES),
        None,
    )
    if verb is None or verb.ent_type_:
        return None  # ("Tom Hale Calls" read as one name: the source is not known)
    k = first.index(verb)
    comma = max((j for j in range(k) if first[j].text == ","), default=-1)
    source = first[comma + 1 : k]
    if not 1 <= len(source) <= HEADLINE_VERB_SOURCE_WORDS or any(
        t.lower_ in HEADLINE_NOT_SOURCE or not (t.text[0].isupper() or t.lower_ in ("'s", "\u2019s", "."))
        for t in source
    ):
        return None
    if any(t.lower_ in HEADLINE_NOT_SOURCE for t in first[: comma + 1][:1]):
        return None  # "How Hale, A Sailor, Says ...": the line is about what was said
    doc = verb.doc
    start = verb.i + 1 if verb.lower_ in HEADLINE_CLAUSE_VERBS else verb.i
    end = first[-1].i + 1
    while end > start and doc[end - 1].text in (".", "!", ",", ";", "\u2026", "...", ":"):
        end -= 1  # the headline's closing stop (a closing quotation mark stays)
    content = trimmed(doc, start, end)
    if sum(1 for t in doc[verb.i + 1 : content[1]] if t.is_alpha) < 3:
        return None
    return Found(
        content,
        (verb.i, verb.i + 1),
        verb.i,
        source[-1],
        denial=verb.lower_ == "denies",
        confidence=0.6,
        headline=True,
    )


# Nouns that name an intention or an attempt ("his plan to", "her bid for"): what somebody means to do,
# not anything said, as with the verbs of intention.
INTENTION_NOUNS = word_set(
    """
    plan plans effort efforts attempt attempts bid bids goal goals aim aims intention intentions desire
    eagerness determination strategy campaign push drive decision order orders refusal refusals
    willingness unwillingness reluctance readiness
    """
)
NOUN_CUE_PREPS = frozenset({"of", "about", "on", "for", "against", "over", "to", "with"})
# Where posts and remarks are put ("his posts on his account", "comments on her page"), never their topic.
CHANNEL_NOUNS = word_set(
    """
    account accounts page pages feed feeds site sites website websites channel channels platform platforms
    blog blogs timeline profile profiles podcast podcasts twitter facebook instagram youtube
    """
)
NOUN_CUE_BAR = 0.02  # the learned lexicon's P(cue | noun, frame) below which a noun is not a candidate


def noun_cue_at(tok: Token) -> Found | None:
    """ "Clinton's criticism of the deal", "his comments about the strike", "the mayor's view that ...":
    a noun the lexicon knows as a cue, whose holder is its possessor (or a "from"/"by" phrase) and whose
    content is what it governs. Only a candidate: the statement model decides (see attribution_model).
    """
    if tok.pos_ != "NOUN" or not attribution_model.judged():
        return None
    lemma = tok.lemma_.lower()
    if lemma in INTENTION_NOUNS or lemma in INTENTION_VERBS or not known_lemma(tok):
        return None
    if tok.dep_ == "dobj" and tok.head.pos_ in ("VERB", "AUX"):
        # "voiced their support for", "rejected claims by the company that": the verb that takes the
        # noun is the cue (a light verb, a denial) and the noun part of what it governs.
        return None
    if cue_probability(tok) < NOUN_CUE_BAR:
        return None
    source = next((c for c in tok.children if c.dep_ == "poss"), None)
    content = None
    for child in tok.children:
        if child.i < tok.i:
            continue
        if child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX"):
            if child.dep_ == "relcl" and not any(g.dep_ == "mark" for g in child.children):
                continue  # "the comments he made": a relative clause says nothing of the content
            content = content or (child.left_edge.i, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in ("by", "from") and source is None:
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "prep" and child.lower_ in NOUN_CUE_PREPS and content is None:
            objs = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
            if objs and objs[0].lemma_.lower() in CHANNEL_NOUNS:
                continue  # "his posts on his personal account": where the words went, not what they say
            if objs:
                content = (objs[0].left_edge.i, objs[0].right_edge.i + 1)
    if content is None:
        return None
    content = _clip_to_paragraph(tok, trimmed(tok.doc, *content))
    if content[1] - content[0] < 2:
        return None
    return Found(content, (tok.i, tok.i + 1), tok.i, source, confidence=0.4, judged=True)
