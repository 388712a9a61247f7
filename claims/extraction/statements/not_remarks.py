"""What is told in the shape of a statement but is nobody's remark (issue 14's strict read, branch stmt16a).

- "has said little about the timetable", "said nothing about it": the writer's account of what was *not* said;
  its words ("little about the timetable") are no remark of anybody's.
- A cue that only describes the class of people something is for, in a restrictive relative clause ("funds for
  candidates who reject large donations"): nobody is reported saying anything.
- A happening as the source ("The press conference underscored how far apart they are and suggested the standoff
  could end", "the vote showed that ...", branch stmt16d): a meeting, a vote or a hearing says nothing; what it
  "shows" or "suggests" is the writer's reading of it, and the parse gives it a verb of somebody in it.
- A cue that only describes which things are meant, on a noun taken by "any", "no" or "every" ("would not back
  any measure that calls for a toll", branch stmt16d): no such measure is reported saying anything.

"She appeared to suggest that ..." stays a statement (session 12's reading of words given, and PolNeAR's): tried
here as the writer's reading and left out, since it undid that decision and cost two PolNeAR attributions. A
poll's finding ("a poll found that 61 percent ...") stays the pollster's statement: tried here as no remark, it
cost polnear-dev 20 attributions (F1 0.7684 -> 0.7614), where PolNeAR marks polls as sources.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors import word_set
from .reported import Found

# what a speech verb's object is when the writer says how little was said ("said little about")
SCANT_OBJECTS = word_set("little nothing")
SCANT_VERBS = word_set("say speak reveal disclose offer")


def scant_speech(doc: Doc, item: Found) -> bool:
    """True for "has said little about X", "said nothing about X": the words stored would be the object
    "little"/"nothing" and its topic, the writer's account of what was not said. "said nothing unusual
    happened" (a clause whose subject is "nothing") is a remark and stays."""
    if item.direct or item.cue_i < 0:
        return False
    cue: Token = doc[item.cue_i]
    if cue.lemma_.lower() not in SCANT_VERBS:
        return False
    start = item.content[0]
    return any(
        c.dep_ == "dobj" and c.lower_ in SCANT_OBJECTS and c.i == start and c.i > cue.i for c in cue.children
    )


# the words a relative clause opens on when its subject is the noun it describes ("candidates who reject ...")
RELATIVE_PRONOUNS = word_set("who that which whom")
# determiners that make a noun stand for whatever fits the relative clause, no particular one ("any measure that")
QUANTIFYING_DETERMINERS = word_set("any no every")


def described_by_relative(doc: Doc, item: Found) -> bool:
    """True for a cue that only describes the class of people a plan or a rule is for, in a restrictive relative
    clause ("matching funds for candidates who reject large donations": a generic plural after a preposition,
    with no determiner and no comma before the clause, whose verb takes no clause). Nobody is reported saying
    anything. So for a noun any thing that fits the clause stands for ("not signing off on any measure that calls
    for a toll": "any", "no" or "every" as its determiner). "critics who say that the fare is too high" (a
    clause) and "condemnation from Democrats, who called it ..." (a comma: the Democrats spoke) stay."""
    if item.direct or item.cue_i < 0:
        return False
    cue: Token = doc[item.cue_i]
    if cue.dep_ != "relcl" or any(c.dep_ in ("ccomp", "xcomp", "mark") for c in cue.children):
        return False
    head = cue.head
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if not subjects or subjects[0].lower_ not in RELATIVE_PRONOUNS or subjects[0].i != head.i + 1:
        return False  # a comma or other words between: an aside about a source who speaks
    if any(c.dep_ == "det" and c.lower_ in QUANTIFYING_DETERMINERS for c in head.children):
        return True
    return (
        head.tag_ in ("NNS", "NNPS")
        and head.dep_ == "pobj"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in head.children)
    )


# Happenings that cannot speak: gatherings, votes and contests ("the press conference", "the House vote"). A
# "conference" or a "caucus" alone is often a body that speaks ("the bishops' conference responded that ..."):
# only a press or news conference is a happening.
EVENT_NOUNS = word_set(
    """
    meeting session election vote hearing summit referendum primary debate rally ceremony
    """
)
HELD_CONFERENCES = word_set("press news")


def event_as_source(item: Found) -> bool:
    """True for a statement whose source is a happening ("The press conference ... suggested the standoff could
    end", "the vote showed that ..."): nobody said it. A quote stays (its speaker is sought elsewhere), and so
    do people at or of the happening ("people at the meeting said": the subject is "people")."""
    subject = item.subject
    if item.direct or subject is None or subject.pos_ != "NOUN":
        return False
    if subject.lemma_.lower() == "conference":
        return any(c.dep_ == "compound" and c.lower_ in HELD_CONFERENCES for c in subject.children)
    return subject.lemma_.lower() in EVENT_NOUNS or subject.lower_ in EVENT_NOUNS
