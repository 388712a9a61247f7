"""Statements whose words are only a noun phrase: a verb of stance, reaction, charge or topic with an object.

"Norway condemned the new quotas", "the widow criticized the mayor's assessment", "the union accuses the
company of breaking the strike", "she tweeted about the contrast": the parse gives the verb an object and no
clause, so what the source said is not on the page. Stored as the object alone ("Norway: the new quotas")
it says nothing an editor can check. One model for all of them:

- a verb of stance or reaction ("condemned", "praised", "defended", "questioned", "voiced their support
  for"): the claim is the predicate with its verb ("condemned the new quotas"), held as a stance
  (polarity "position");
- a verb of charge or blame ("accused X of ...", "blamed X for ..."): the predicate with its verb, asserted
  (the charge is what the source says);
- a verb that only gives a topic ("tweeted about the contrast", "spoke about the strike", "discussed the
  budget"): nothing said is given, so nothing is stored; nor is a passive with nobody saying it ("was
  criticized for his platform", "is often described as the frontrunner"): the writer's account;
- a verb of rejection ("rejected the plan", "dismissed the report as a smear", "disputed the figures"):
  the predicate with its verb, held as a stance (the object alone, denied, reads as if the thing were
  denied, and "the report as a smear" flips); "denied the allegations" stays the object denied;
- any other cue with a bare noun-phrase object ("confirmed the deal", "described the plan as a fraud")
  keeps its polarity, and its words gain the verb.

The span is widened to start at the cue verb, so the stored text is the words shown and stays anchored in
the article. Such claims were found right by PolNeAR's gold more often than an editor reads them, so their
confidence is capped under the 0.9 level (`STANCE_CAP`).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from .cues import DENIAL_VERBS, frame_of, verb_forms
from .naming import names_in_quotes
from .reported import Found, reaction_source

# Verbs and light verbs of stance or reaction: what they govern is what the source holds of a thing.
STANCE_VERBS = word_set(
    """
    criticize criticise condemn denounce decry deplore lament slam blast assail attack rebuke scold chide
    castigate lambaste berate ridicule mock deride disparage fault question challenge doubt
    praise laud hail applaud commend welcome salute celebrate thank congratulate cheer embrace
    defend support back champion favor favour oppose protest resist mourn regret
    voice express reiterate signal rail lash bash
    """
)
# Verbs of charge or blame whose object is who is charged ("accused Hale of lying", "blamed the port for
# the delay"): the charge is asserted.
CHARGE_VERBS = word_set("accuse blame charge fault implicate")
# Verbs of talking or writing whose object or "about"/"on" phrase is only what they were about.
TOPIC_VERBS = word_set(
    """
    talk speak tweet post write blog comment discuss address mention testify chat remark reflect email e-mail
    """
)
# Nouns of stance that a light verb gives ("offered support for", "pledged his continued support for",
# "expressed concern about"): whatever the verb, the source holds it.
STANCE_NOUNS = word_set(
    """
    support backing opposition concern concerns criticism praise condolence condolences sympathy
    approval disapproval objection objections reservation reservations doubt doubts regret outrage anger
    frustration dismay gratitude solidarity
    """
)
# Nouns that only point at a topic ("made reference to his threats", "made a passing mention of the toll").
TOPIC_NOUNS = word_set("reference references mention allusion")
TOPIC_PREPOSITIONS = frozenset({"about", "on", "regarding", "concerning", "over"})
# Prepositions after the object that carry what is said of it ("slammed the budget as a giveaway").
_PREDICATING_PREPS = frozenset({"as", "of", "for", "against"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# "denied the allegations" reads right as the object denied; the other verbs of denial hold a stance on a thing
PLAIN_DENIALS = word_set("deny")
STANCE_CAP = 0.85
NOT_STORED = frozenset({"topic", "unsourced"})


# What only a noun governs: a verb tag on a word with these and nothing of a clause is a plural noun the tagger
# read as a verb ("pushed back on Omani government objections", "objections" tagged VBZ).
_NOUN_ONLY_DEPS = frozenset({"amod", "compound", "det", "poss", "nummod"})
_CLAUSE_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "aux",
        "auxpass",
        "dobj",
        "ccomp",
        "xcomp",
        "mark",
        "neg",
        "advmod",
        "prt",
        "agent",
    }
)


def mistagged_noun(tok: Token) -> bool:
    """True for a word tagged as a verb in a noun's place, the object of a verb or a preposition, that governs
    what only a noun governs (an adjective, a compound, a determiner) and nothing of a clause ("objections" in
    "pushed back on Omani government objections to the ferry plan")."""
    if tok.pos_ not in ("VERB", "AUX") or tok.dep_ not in ("pobj", "dobj") or tok.tag_ == "VBG":
        return False
    deps = {c.dep_ for c in tok.children}
    return bool(deps & _NOUN_ONLY_DEPS) and not deps & _CLAUSE_DEPS


# Verbs that give a thing a name ("what she called the annual parade", "what he described as a bargain").
_NAMING_LEMMAS = word_set("call dub term label brand describe characterize")
_FREE_RELATIVES = frozenset({"what", "whatever"})


def _names_a_thing(doc: Doc, roots: list[Token], start: int) -> bool:
    """True for words that are one free relative on a verb of naming ("what she called the 'annual parade'",
    "what he described as a giveaway"): a noun phrase, the thing and its name, however the parse hangs it."""
    if len(roots) != 1 or roots[0].lemma_.lower() not in _NAMING_LEMMAS or roots[0].pos_ != "VERB":
        return False
    first = doc[start]
    return first.lower_ in _FREE_RELATIVES and first.head.i == roots[0].i and first.dep_ in ("dobj", "oprd")


# Verbs that with "back" or "out" push against what follows ("pushed back on the report", "hit back at the
# union", "lashed out at the council"): a rejection or an attack on a thing, held as a stance.
_PUSHING_VERBS = word_set("push hit fire strike lash")


def hits_back(cue: Token) -> bool:
    """True for a verb of pushing with its particle "back" or "out" and an "on"/"against"/"at" phrase ("pushed
    back against the story", "lashed out at the mayor"): what follows is what the source rejects or attacks."""
    if not verb_forms(cue) & _PUSHING_VERBS or any(c.dep_ == "dobj" for c in cue.children):
        return False  # "pushed back the vote to March": put off, no stance
    kids = list(cue.children)
    return any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("back", "out") and c.i == cue.i + 1 for c in kids
    ) and any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at") for c in kids)


def _verbal(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and not mistagged_noun(tok)


def _nominal(tok: Token) -> bool:
    return tok.pos_ in _NOUN_POS or mistagged_noun(tok)


def content_roots(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens of doc[start:end] whose head lies outside it: the phrases the range is made of."""
    return [t for t in doc[start:end] if not (start <= t.head.i < end) or t.head.i == t.i]


def noun_phrase_kind(doc: Doc, item: Found, start: int, end: int) -> str | None:
    """How a reported statement whose words doc[start:end] are only the noun-phrase object of its cue verb
    reads: "stance", "rejection", "charge", "topic", "unsourced" (a passive with nobody saying it) or "other"; None when the words are more than that (a clause, a quote,
    a content before its cue) or the cue denies (a denial keeps its own handling)."""
    if item.cue_i < 0 or item.attribution or end <= start:
        return None
    cue = doc[item.cue_i]
    if item.direct and not _object_before_quote(doc, cue, start, end):
        return None
    if cue.pos_ == "NOUN" and item.cue_i < start:
        return _noun_cue_kind(doc, cue, start, end)
    if cue.pos_ not in ("VERB", "AUX") or not item.cue_i < start:
        return None
    if item.passive or any(c.dep_ == "auxpass" for c in cue.children) or _reduced_relative(cue):
        return _passive_kind(cue)
    if reaction_source(cue)[0]:
        return (
            None  # "drew criticism from the mayor for ...": the verb is the target's, not the critics' words
        )
    if (
        doc[item.cue_i + 1 : start].text.strip(" ,")
        and not _only_cue_between(doc, item, start)
        and not _only_particles_between(doc, cue, start)
    ):
        return None
    roots = [t for t in content_roots(doc, start, end) if not (t.is_punct or t.is_space)]
    forms = verb_forms(cue)
    if forms & PLAIN_DENIALS or not roots:
        return None
    if _names_a_thing(doc, roots, start):
        # "derided what she called the 'annual parade' as a stunt": the free relative is the verb's object,
        # a thing and the name she gave it; without the verb the words lose what she did with it
        if forms & DENIAL_VERBS:
            return "rejection"
        if forms & CHARGE_VERBS:
            return "charge"
        return "stance" if forms & STANCE_VERBS else "other"
    if forms & DENIAL_VERBS:
        # "rejected the council's plan", "dismissed the report as a smear", "disputed the figures": the object
        # alone ("the report as a smear", denied) flips or loses what was held; the verb carries the stance
        negated = any(c.dep_ == "neg" for c in cue.children)
        if negated or any(_verbal(t) for t in roots) or not any(_nominal(t) for t in roots):
            return None
        return "rejection"
    if any(_verbal(t) for t in roots):
        # "defended keeping the embargo", "talked about taking executive action": a gerund is a noun phrase too
        return _gerund_kind(cue, roots, forms)
    if not any(_nominal(t) for t in roots):
        return None
    head = _object_head(doc, start, end)
    if forms & CHARGE_VERBS:
        return "charge"
    if forms & STANCE_VERBS or hits_back(cue) or (head is not None and head.lemma_.lower() in STANCE_NOUNS):
        return "stance"
    if head is not None and head.lemma_.lower() in TOPIC_NOUNS and not _predicated(cue, start):
        return "topic"
    if forms & TOPIC_VERBS and not _predicated(cue, start) and not any(c.dep_ == "neg" for c in cue.children):
        # ("did not mention the budget" is a refusal, stored as one)
        return "topic"
    return "other"


# Nouns of saying or stance whose "of"/"to" phrase, on its own, is only what they were about ("his stances on
# important issues", "her remarks about the port"): nothing said is given.
TOPIC_CUE_NOUNS = word_set("stance stances position positions view views remark remarks comment comments")
_NOUN_CUE_PREPS = frozenset({"of", "to", "for", "against", "on", "about", "over"})


def _noun_cue_kind(doc: Doc, cue: Token, start: int, end: int) -> str | None:
    """The kind of a noun cue whose words doc[start:end] are only the noun phrase of its preposition ("his
    rejection of the figure", "his embrace of the harbour plan", "their opposition to the toll"): "Hale: the
    figure" says nothing, so the words start at the noun ("rejection of the figure"), held as a stance for a
    noun of stance or reaction and kept as it is otherwise; a noun that only gives a topic ("her stances on
    important issues") is "topic". None when the words are more than a noun phrase (a clause: "his claim
    that the port lost money") or do not follow the noun's own preposition."""
    between = [t for t in doc[cue.i + 1 : start] if not (t.is_punct or t.is_space)]
    if len(between) != 1 or between[0].lower_ not in _NOUN_CUE_PREPS or between[0].head.i != cue.i:
        return None
    roots = [t for t in content_roots(doc, start, end) if not (t.is_punct or t.is_space)]
    if not roots or any(t.pos_ in ("VERB", "AUX") for t in doc[start:end]):
        return None
    if not any(t.pos_ in _NOUN_POS for t in roots):
        return None
    lemma = cue.lemma_.lower()
    if lemma in TOPIC_CUE_NOUNS or cue.lower_ in TOPIC_CUE_NOUNS or lemma in TOPIC_NOUNS:
        return "topic"
    if lemma in STANCE_NOUNS or lemma in STANCE_CUE_NOUNS:
        return "stance"
    return "other"


# Nouns of a stance taken on a thing, beside `STANCE_NOUNS` ("his embrace of", "her rejection of").
STANCE_CUE_NOUNS = word_set(
    """
    embrace rejection endorsement condemnation denunciation defense defence dismissal attack attacks
    criticisms praises
    """
)
_QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "``", "''"})


def _object_before_quote(doc: Doc, cue: Token, start: int, end: int) -> bool:
    """True for words that are the object of a verb of charge, stance, rejection or naming with a quotation after
    it ("accused the agency of being 'corrupt'", "castigated the mayor as 'a disgrace'", "called the deal 'a
    disgrace'"): the words open on the object, not on the quote, so without the verb they lose who is charged
    with what, or that a name was given."""
    if doc[start].text in _QUOTE_MARKS or not any(t.text in _QUOTE_MARKS for t in doc[start:end]):
        return False
    forms = verb_forms(cue)
    if not forms & (CHARGE_VERBS | STANCE_VERBS | (DENIAL_VERBS - PLAIN_DENIALS)) and not names_in_quotes(
        cue
    ):
        # ('called the deal "a disgrace"': what was named and its name, without "called", say nothing)
        return False
    return any(c.dep_ == "dobj" and start <= c.i < end for c in cue.children)


# Passives whose subject still speaks ("was quoted as saying", "was heard telling").
_SPEAKING_PASSIVES = word_set("quote hear overhear record tape film cite")


def _gerund_kind(cue: Token, roots: list[Token], forms: frozenset[str]) -> str | None:
    """The kind of a cue whose words are a gerund phrase: "stance" for a verb of stance ("defended keeping
    the embargo", "favors creating a path"), "topic" for a verb of talking about it ("has talked about taking
    executive action"); None for anything else (an infinitive, a clause)."""
    if not all(
        t.tag_ == "VBG" and t.dep_ in ("xcomp", "pcomp", "dobj") for t in roots if t.pos_ in ("VERB", "AUX")
    ):
        return None
    if forms & STANCE_VERBS:
        return "stance"
    if forms & TOPIC_VERBS and not any(c.dep_ == "neg" for c in cue.children):
        return "topic"
    return None


_BETWEEN_DEPS = frozenset({"prt", "advmod", "prep", "pobj", "npadvmod", "det", "amod", "nummod"})


def _only_particles_between(doc: Doc, cue: Token, start: int) -> bool:
    """True when only the cue's own particles, adverbs and preposition stand between it and the words
    ("pushed back hard on the objections", "came out strongly against the plan")."""
    between = doc[cue.i + 1 : start]
    ids = {t.i for t in between} | {cue.i}
    return all(
        t.is_punct or (t.dep_ in _BETWEEN_DEPS and (t.head.i in ids or t.head.head.i in ids)) for t in between
    )


def _passive_kind(cue: Token) -> str | None:
    """ "unsourced" for a passive cue with no "by" phrase and no clause ("the candidate was criticized for his
    platform", "who is often described as the frontrunner", "was widely criticized within his own party"): nobody
    is named as saying anything, and the words are the writer's account of what the subject drew; None
    otherwise (a clause, "it was revealed that ...", is left to the reported-speech rules)."""
    if any(c.dep_ == "agent" for c in cue.children):
        # "was criticized by the mayor for closing the pier": the mayor's stance or charge, on its target
        forms = verb_forms(cue)
        if forms & CHARGE_VERBS:
            return "agent-charge"
        return "agent-stance" if forms & STANCE_VERBS else None
    if verb_forms(cue) & _SPEAKING_PASSIVES:
        return None
    if any(c.dep_ in ("ccomp", "parataxis") for c in cue.children):
        return None
    return "unsourced"


def _reduced_relative(cue: Token) -> bool:
    """True for a past participle that describes the noun it hangs on ("the sheriff, known for his tough
    stances", "a plan, described as a giveaway"): a passive with its subject outside it."""
    return cue.tag_ == "VBN" and cue.dep_ == "acl"


def _object_head(doc: Doc, start: int, end: int) -> Token | None:
    """The first noun among the phrases doc[start:end] is made of (the object's head), None when there is none."""
    return next((t for t in content_roots(doc, start, end) if _nominal(t)), None)


def _only_cue_between(doc: Doc, item: Found, start: int) -> bool:
    """True when what lies between the cue verb and the words is the rest of the cue ("tweeted about")."""
    return item.cue[0] <= item.cue_i and item.cue[1] >= start


def _predicated(cue: Token, start: int) -> bool:
    """True when the verb says something of its object ("described it as a fraud", "wrote off the
    port as lost")."""
    return any(
        c.dep_ in ("oprd", "xcomp") or (c.dep_ == "prep" and c.lower_ in _PREDICATING_PREPS and c.i > start)
        for c in cue.children
    )


AGENT_KINDS = {"agent-stance": "stance", "agent-charge": "charge"}
_OBJECT_FORMS = {"he": "him", "she": "her", "they": "them", "we": "us", "i": "me", "it": "it", "you": "you"}


def agent_words(doc: Doc, cue: Token, end: int) -> str | None:
    """The words of a passive stance or charge with its agent, turned round to the agent's ("Hale was
    criticized by the mayor for closing the pier": "criticized Hale for closing the pier"); None when the
    target cannot be named from the sentence (a relative pronoun with no noun, a "that" clause)."""
    target = _passive_target(cue)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    if target is None or agent is None:
        return None
    rest = doc[agent.right_edge.i + 1 : end].text.strip(" ,")
    return " ".join(w for w in (cue.text, target, rest) if w)


def _passive_target(cue: Token) -> str | None:
    subjects = [c for c in cue.children if c.dep_ == "nsubjpass"]
    if subjects:
        subject = subjects[0]
        if subject.tag_ in ("WP", "WDT") and cue.dep_ == "relcl":
            noun = cue.head  # "Hale, who was criticized by the mayor"
        elif subject.pos_ == "PRON":
            return _OBJECT_FORMS.get(subject.lower_)
        else:
            return " ".join(t.text for t in subject.subtree) if subject.right_edge.i < cue.i else None
    elif cue.dep_ == "acl" and cue.head.i < cue.i:
        noun = cue.head  # "the plan, criticized by the union as a giveaway"
    else:
        return None
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    return cue.doc[noun.left_edge.i : noun.i + 1].text


# Verbs of commitment whose infinitive is what the source bound themself to ("vowed to close the pier",
# "promised to cut the fares", "threatened to sue"): a vow is said, but "to close the pier" alone drops it.
COMMITTING_VERBS = word_set("vow promise pledge swear threaten")


def commits(doc: Doc, item: Found, start: int) -> bool:
    """True for a reported statement whose words are the infinitive of a verb of commitment right after it
    ("vowed to close the old pier"): the words keep the verb, as a stance's do."""
    if item.direct or item.cue_i < 0 or not start > item.cue_i:
        return False
    cue = doc[item.cue_i]
    if cue.pos_ != "VERB" or frame_of(cue) != "inf" or not verb_forms(cue) & COMMITTING_VERBS:
        return False
    between = doc[item.cue_i + 1 : start]
    return doc[start].lower_ == "to" and all(t.dep_ in ("advmod", "neg") or t.is_space for t in between)
