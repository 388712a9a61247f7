"""Acts that the parse gives a verb and an object, shown as "verb + object" and read as statements.

Since a cue whose words are a noun phrase stores the predicate with its verb (`stance.py`), an act the model
takes for a cue reads "Hale: lined the harbour road", "Prosecutors: charged Hale in an indictment", "Norway:
recognized Ruiz as interim president". An editor calls none of these a statement: nothing is said that
could be quoted back to the source. The class boundary, outside a clause frame ("said that ...", "charged
that ..." stay speech; "noticed that ...", "saw that ..." do not):

- verbs of doing, moving or placing, done to a thing or a place ("lined the road", "ambushed Democrats",
  "mustered the votes", "presented a plan", "made the plan available", "used his show to ...");
- sending or handing a thing on ("forwarded the files to the auditor", "leaked the memo"), pressing somebody to
  act ("pressured the mayor to drop the toll");
- legal and official acts ("charged Hale with fraud", "indicted", "recognized Ruiz as president", "appealed the
  ruling", "called an emergency meeting",
  "overrode the veto", "banned travel", "floated new options"), and proclaiming oneself to an office
  ("declared himself interim president"; "declared himself the winner" stays speech);
- verbs of perceiving ("saw something", "spotted the senator", "never found a record of the ferry sailing": what
  the source noticed or looked for; "see the plan as a way to ..." and "find the pitch compelling" are views);
- "referred a reporter to a letter": sending someone elsewhere for the words;
- listing what a thing holds ("the measures include training the pilots", "the bill contains a ban");
- "offered" a thing that is no words ("the states offer rights"; "offered an apology", "offered support"
  stay);
- courtesies and outcomes that say nothing ("thanked the volunteers", "congratulated the winners", "invited
  Hale to the launch", "persuaded the mayor to back away", "pleaded guilty to fraud"), and announcing a step or a candidacy ("announced his run for governor", "announced a halt to the
  sailings", "announced her resignation"): what is announced is the act; "announced that ..." stays speech;
- writing or calling for a purpose that is no words ("the memo she wrote to document the meeting", "called to
  check on the crew"): what the writing was for, not what it said ("wrote to urge the council to ...", "called
  to say that ..." stay);
- what a word, a line or a figure refers to or means ("The larger figure referred to the amount ...", "five
  lines that referred to the warnings", "The term means ..."): the writer's gloss of a text, nobody's words.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import word_set
from .cues import REQUEST_VERBS, SPEECH_VERBS, frame_of, is_speech_verb, predicated, verb_forms

# Verbs of doing, moving, placing or making happen: with an object or an infinitive they report what the
# source did, whatever the attribution model makes of the word.
DOING_VERBS = word_set(
    """
    line fill crowd pack surround gather march rally parade block ambush muster present organize organise
    stage host lead join leave enter storm occupy raid seize arrest detain deport jail free release send
    deploy order impose lift cancel suspend launch install remove deliver distribute collect hire cut
    slash trim expand shut close open reopen build tear print mail
    forward hand ship transfer leak route pressure force compel
    establish devote utilize utilise scrutinize scrutinise experience reach
    """
)
# What one calls that is a gathering or a vote ("called an emergency meeting", "called a snap election"): convening
# it, an act; "called the plan a disgrace", "called for a vote" stay.
CONVENED_NOUNS = word_set(
    """
    meeting meetings session sessions election elections vote votes hearing hearings summit conference
    referendum strike recess caucus assembly
    """
)
# What one appeals that is a decision of a court ("appealed the ruling to the Sixth Circuit"): a legal act;
# "appealed to voters to stay home", "appealed for calm" are requests.
APPEALED_NOUNS = word_set(
    "case cases ruling rulings decision decisions verdict verdicts judgment sentence order"
)
# Legal and official acts: what an authority or a body does by law, vote or office.
OFFICIAL_VERBS = word_set(
    """
    indict recognize recognise override overrule overturn repeal rescind revoke ban bar prohibit outlaw
    restrict require mandate authorize authorise legalize legalise sanction pardon commute float
    enact subpoena sue impeach convict acquit sentence fine certify swear
    """
)
# Verbs of perceiving: what the source saw or found, not anything said.
PERCEIVING_VERBS = word_set("see watch witness notice spot find discover")
# Verbs that list what a thing holds ("the measures include ...", "the bill contains ..."): the writer's account
# of its contents, never anybody's words.
LISTING_VERBS = word_set("include contain comprise feature")
# Verbs of perceiving whose clause, too, is what the source saw, never what it said ("noticed that the boats
# were gone"); "found that ..." and "discovered that ..." report a finding and stay.
SEEING_VERBS = word_set("see watch witness notice spot")
# Light verbs that are an act unless what they make or use is an utterance ("made an argument against", "made
# a promise" stay; "made the plan available", "made strict adherence a key tenet", "used his show to ..."
# are acts).
LIGHT_VERBS = word_set("make use")
UTTERANCE_OBJECTS = word_set(
    """
    argument arguments case claim claims statement statements remark remarks comment comments point points
    promise promises pledge pledges threat threats accusation accusations appeal plea request demand
    demands prediction predictions apology apologies announcement speech assurance assurances admission
    allegation allegations complaint complaints joke jokes reference references mention pitch message
    messages warning warnings ultimatum verdict rebuke response reply answer testimony note address fun
    assessment assessments analysis perspective critique take
    """
)
# What an offer may give that is words or a stance ("offered an apology", "offered no details", "offered
# support"): anything else offered ("rights", "a deal", "incentives") is the offering, an act.
OFFERED_WORDS = UTTERANCE_OBJECTS | word_set(
    """
    detail details explanation explanations account thought thoughts opinion view views advice defense
    defence praise criticism support condolence condolences sympathy thanks congratulations insight
    insights reassurance rebuttal response answer answers words evidence proof comment testimony
    """
)
# Offices one can proclaim oneself to ("declared himself interim president"): an act of taking it.
OFFICE_NOUNS = word_set(
    """
    president leader ruler head king queen emperor premier chancellor governor chief commander regent
    caliph candidate chairman chairwoman chair mayor commissioner
    """
)
# Courtesies and outcomes told as a verb and its object or infinitive: done, nothing said that could be quoted
# back ("thanked the volunteers", "invited Hale to speak", "persuaded the mayor to back away"). "agreed to
# reopen the pier" is a deed too but stays: PolNeAR marks it as an attribution (4 right rows on polnear-dev).
EMPTY_DEED_VERBS = word_set("thank congratulate invite persuade convince")
# What one announces that is a step taken, not words ("announced his run", "announced a halt to the sailings").
ANNOUNCED_STEPS = word_set(
    """
    run bid candidacy campaign challenge resignation retirement departure withdrawal decision halt pause ban
    boycott suspension closure deal agreement
    """
)
# Verbs of writing or calling that may be done for a purpose ("wrote to document the meeting"): with an infinitive
# that is no verb of speech, request or stance, the infinitive is what the act was for, nothing said.
PURPOSED_VERBS = word_set("write call phone email e-mail text telephone")
# Infinitives after such a verb that carry words ("wrote to express concern", "called to congratulate": the
# courtesy is a deed anyway, see EMPTY_DEED_VERBS).
WORDED_INFINITIVES = (
    SPEECH_VERBS
    | REQUEST_VERBS
    | word_set(
        "express voice offer apologize apologise protest object complain clarify correct inform notify alert remind"
    )
)
# Verbs of referring or meaning, and the pieces of text or figures whose reference the writer glosses ("the
# figure referred to", "lines that referred to", "the term means"): nobody speaks through a word or a number.
GLOSS_VERBS = word_set("refer mean denote signify")
TEXT_PIECES = word_set(
    """
    figure figures number numbers total totals term terms word words phrase phrases line lines passage passages
    sentence sentences paragraph paragraphs footnote footnotes name names label labels acronym abbreviation
    headline headlines title titles slogan caption captions
    """
)
_RELATIVE_PRONOUNS = frozenset({"that", "which"})
_GUILT = frozenset({"guilty", "innocent"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves"})


def is_act(tok: Token) -> bool:
    """True for a cue verb that reports what its source did rather than said (see the module docstring):
    a verb of doing, a legal or official act, a perception, a light verb on no utterance, an offer of no
    words, a proclamation of oneself to an office. A clause frame ("charged that", "found that") is speech, but
    for a verb of seeing ("noticed that", `SEEING_VERBS`)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    forms = verb_forms(tok)
    kids = list(tok.children)
    frame = frame_of(tok)
    if forms & PERCEIVING_VERBS and _perceived_scene(tok):
        return True  # "never found a record of the ferry sailing", "saw him leaving the hall"
    if forms & SEEING_VERBS and frame == "clause" and not any(c.dep_ in ("agent", "auxpass") for c in kids):
        return True  # "noticed that the boats were gone", "saw that voters were angry": what the source saw
    if _reflexive_office(tok, forms):
        return True  # "proclaimed himself head of the strike", which the parse may read as a clause
    if _made_plain_unsaid(tok, forms):
        return True  # "made this point clear", "made his views known": what was made clear is not given
    if frame == "clause" or tok.dep_ == "parataxis":
        # ("found that ...", and "finds the pitch compelling", an opinion, stay)
        return False
    if _glossed_text(tok, forms):
        return True  # "The larger figure referred to ...": the writer's gloss of a text or a number
    if _purpose_of_writing(tok, forms, frame):
        return True  # "the memo she wrote to document the meeting": what the writing was for
    if forms & LISTING_VERBS:
        return True  # "The new rules include limiting night sailings": what a thing holds, nobody's words
    objects = [
        c for c in kids if c.dep_ == "dobj" or (c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"))
    ]
    if _proclaims_office(tok, forms, objects):
        return True
    if _empty_deed(tok, forms, frame, objects):
        return True
    if any(o.lemma_.lower() in UTTERANCE_OBJECTS for o in objects):
        return False  # "presented his argument", "made a promise": words given
    if forms & PERCEIVING_VERBS:
        # "saw something", "spotted Stein": not "see the program as a way to ..." (a view) nor a passive
        return (
            frame in ("obj", "inf")
            and not predicated(tok)
            and not any(c.dep_ in ("agent", "auxpass") for c in kids)
        )
    if (
        "call" in forms
        and objects
        and all(o.lemma_.lower() in CONVENED_NOUNS for o in objects)
        and not predicated(tok)
    ):
        return True  # "called an emergency meeting": convening it
    if "appeal" in forms and objects and all(o.lemma_.lower() in APPEALED_NOUNS for o in objects):
        return True  # "appealed the case to the Sixth Circuit": a party's legal act
    if "charge" in forms and objects and any(c.dep_ == "prep" and c.lower_ in ("with", "in") for c in kids):
        return True  # "charged Hale with fraud", "charged Stone in an indictment": the prosecutor's act
    if "refer" in forms and objects:
        return True  # "referred a reporter to a letter": where to look, not what was said
    if forms & LIGHT_VERBS:
        # "made available to every member a presentation", "made X a key tenet", "used his show to organize"
        return not any(o.lower_ == "it" for o in objects) and (bool(objects) or frame == "inf")
    if "offer" in forms and objects:
        return not any(o.lemma_.lower() in OFFERED_WORDS for o in objects)
    if is_speech_verb(tok):
        return False
    # ("seized on the remarks", a prepositional frame, is a reaction)
    return bool(forms & (DOING_VERBS | OFFICIAL_VERBS)) and frame in ("obj", "inf")


# What one makes a thing ("made it clear that ...", "made his views known"): words only with a clause.
_MADE_PLAIN = frozenset({"clear", "plain", "known", "obvious", "evident", "explicit", "public"})
# Nouns that name a stance or a remark without saying what it is ("his position", "this point").
_UNSAID_STANCES = word_set(
    """
    point points position positions view views feeling feelings stance intention intentions intent message
    case opinion opinions thought thoughts displeasure unhappiness frustration objection objections concern
    concerns preference preferences wish wishes priority priorities decision choice plan plans
    """
)
_POINTING_DETS = frozenset({"this", "that", "these", "those"})


def _made_plain_unsaid(tok: Token, forms: frozenset[str]) -> bool:
    """True for "made this point abundantly clear", "made his position plain", "has made his views known"
    with no clause: what was made clear is a word pointing elsewhere (a demonstrative, or a stance noun with
    "this" or a possessive and nothing after it), so no words of the source are given. "made it clear that
    ...", "made his opposition to the toll plain" (what he opposes is said) stay."""
    if "make" not in forms:
        return False
    for adj in tok.children:
        if adj.i < tok.i or (adj.lemma_.lower() not in _MADE_PLAIN and adj.lower_ not in _MADE_PLAIN):
            continue
        if any(c.dep_ in ("ccomp", "advcl", "xcomp") for c in adj.children):
            return False  # "made it clear that ...", "made clear to voters that ..."
        things = [c for c in adj.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < adj.i]
        things += [c for c in tok.children if c.dep_ == "dobj" and c.i < adj.i]
        if len(things) != 1:
            return False
        thing = things[0]
        if thing.lower_ in _POINTING_DETS:
            return True  # "made that plain"
        if thing.lower_ not in _UNSAID_STANCES:
            return False
        if any(c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "appos") for c in thing.children):
            return False  # "his opposition to the toll", "her long-held view that ..."
        dets = [c for c in thing.children if c.dep_ in ("det", "poss")]
        return len(dets) == 1 and (dets[0].lower_ in _POINTING_DETS or dets[0].dep_ == "poss")
    return False


def _empty_deed(tok: Token, forms: frozenset[str], frame: str, objects: list[Token]) -> bool:
    """True outside a clause frame for a courtesy or an outcome ("thanked the volunteers", "invited Hale to
    the launch"), a plea in court ("pleaded guilty to fraud") or a step announced
    ("announced his run for governor", "announced a halt to the sailings")."""
    if forms & EMPTY_DEED_VERBS and frame in ("obj", "inf"):
        return True
    if "plead" in forms and any(c.lower_ in _GUILT for c in tok.children):
        return True
    if "announce" in forms and objects:
        return all(o.lemma_.lower() in ANNOUNCED_STEPS for o in objects)
    return False


def _perceived_scene(tok: Token) -> bool:
    """True for a verb of perceiving whose only clause is a bare participle with no "that", no subject of its own
    before the verb and no tense ("saw him leaving the hall", "never found a record of the ferry sailing", which
    the parse may hang as a clause): a scene seen or looked for, nothing said. "found that ..." and "found the
    ferry had sailed" keep their clause."""
    clauses = [c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.i > tok.i]
    if len(clauses) != 1:
        return False
    kids = list(clauses[0].children)
    if any(c.dep_ == "mark" for c in kids):
        return False
    auxes = [c for c in kids if c.dep_ in ("aux", "auxpass")]
    if clauses[0].tag_ == "VBG":
        return not auxes
    # "a copy of the charter being signed": a passive participle behind "being"
    return len(auxes) == 1 and auxes[0].lower_ == "being"


def _proclaims_office(tok: Token, forms: frozenset[str], objects: list[Token]) -> bool:
    """True for "declared himself interim president", "proclaimed herself leader": taking an office."""
    if not forms & {"declare", "proclaim", "name", "crown", "appoint"}:
        return False
    if _reflexive_office(tok, forms):
        return True
    if not any(o.lower_ in _REFLEXIVES for o in objects):
        return False
    said = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp", "attr")]
    said += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    for obj in objects:
        said += [c for c in obj.children if c.dep_ in ("appos", "npadvmod", "attr")]
    # "proclaimed herself interim president" parsed as a dative and a direct object: the object is the office
    said += [o for o in objects if o.lower_ not in _REFLEXIVES]
    return any(t.lemma_.lower() in OFFICE_NOUNS for s in said for t in s.subtree)


def _reflexive_office(tok: Token, forms: frozenset[str]) -> bool:
    """True for "proclaimed herself interim chair" however the parse hangs the reflexive (subject of a clause,
    compound or dep of the office): the words right after it, up to a preposition or a stop, name an office."""
    if not forms & {"declare", "proclaim", "name", "crown", "appoint"}:
        return False
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in _REFLEXIVES:
        return False
    for t in doc[tok.i + 2 : tok.i + 8]:
        if t.dep_ in ("prep", "punct", "cc", "mark") or t.pos_ in ("VERB", "AUX", "ADP"):
            return False
        if t.lemma_.lower() in OFFICE_NOUNS:
            return True
    return False


def _glossed_text(tok: Token, forms: frozenset[str]) -> bool:
    """True for "refer to", "mean" whose subject is a piece of text or a figure ("The larger figure referred to
    the amount ...", "five lines that referred to the warnings", the antecedent of a relative pronoun): what the
    text denotes, in the writer's words. A person or a body referring to something ("Hale referred to the
    warnings") and a pronoun subject stay."""
    if not forms & GLOSS_VERBS:
        return False
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if not subjects:
        return False
    subject = subjects[0]
    if subject.lower_ in _RELATIVE_PRONOUNS and tok.dep_ == "relcl":
        subject = tok.head
    return subject.lemma_.lower() in TEXT_PIECES or subject.lower_ in TEXT_PIECES


def _purpose_of_writing(tok: Token, forms: frozenset[str], frame: str) -> bool:
    """True for a verb of writing or calling whose only complement is an infinitive of purpose that carries no
    words ("wrote to document the meeting", "called to check on the crew"); "wrote to urge the council to ...",
    "called to say ...", "wrote to express concern" and a request to somebody ("called on the mayor to resign")
    stay."""
    if frame != "inf" or not forms & PURPOSED_VERBS:
        return False
    # "wrote the council to ask ..." has an object; "the memo that she wrote to ..." only its relative pronoun
    if any(c.dep_ in ("dobj", "dative") and c.lower_ not in _RELATIVE_PRONOUNS for c in tok.children):
        return False
    infinitives = [c for c in tok.children if c.dep_ == "xcomp"]
    if len(infinitives) != 1:
        return False
    infinitive = infinitives[0]
    if any(c.dep_ in ("prep", "prt") and c.i < infinitive.i for c in tok.children):
        return False  # "called on the mayor to resign", "wrote to the council to ...": a request to somebody
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return False
    return infinitive.lemma_.lower() not in WORDED_INFINITIVES and infinitive.lower_ not in WORDED_INFINITIVES
