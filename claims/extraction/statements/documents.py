"""Documents as sources: the maker a sentence names for a letter, a poll or a report, and records nobody made.

"The letter released by the faculty at Northfield College said ..." is the faculty's statement: the speaker
resolves through the participle (resolve.py), and the source's words shown for it are the maker's ("the
faculty at Northfield College"), not "The letter". "According to records, the port lost money" names nobody:
records that no maker stands behind are evidence, as `cues.is_evidence` rules for "records show", not a
statement anybody made.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors import word_set
from .cues import RECORD_NOUNS
from .reported import Found
from .speakers import DOCUMENT_WORDS

# What a body makes and puts its name to ("a poll by ...", "an analysis from ...").
MADE_WORDS = (
    DOCUMENT_WORDS
    | RECORD_NOUNS
    | word_set("poll survey study analysis audit tally count petition memo review examination")
)
MAKING_VERBS = word_set("release publish issue compile circulate post produce sign send write draft conduct")
MAKER_PREPS = frozenset({"by", "from"})


def _by_phrase(holder: Token) -> Token | None:
    for prep in holder.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in MAKER_PREPS:
            objs = [c for c in prep.children if c.dep_ == "pobj"]
            if objs and objs[0].lemma_.lower() not in MADE_WORDS:
                return objs[0]
    return None


def maker_of(subject: Token) -> Token | None:
    """The maker the sentence names for the document `subject` ("the letter released by the faculty", "a poll
    from Harbour University", "a report by the ministry"): the head of its "by"/"from" phrase, on the noun or
    on a participle of making; None when `subject` is no document or names no maker."""
    if subject.lemma_.lower() not in MADE_WORDS and subject.lower_ not in MADE_WORDS:
        return None
    holders = [subject] + [
        c
        for c in subject.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in MAKING_VERBS
    ]
    for holder in holders:
        maker = _by_phrase(holder)
        if maker is not None:
            return maker
    return None


def unsourced_record(item: Found) -> bool:
    """True for "according to records" (documents, data, emails ...) with no maker, no owner and nothing else
    said of whose they are: evidence, which the writer cites, not anybody's statement."""
    subject = item.subject
    if not item.attribution or subject is None:
        return False
    if subject.lemma_.lower() not in RECORD_NOUNS and subject.lower_ not in RECORD_NOUNS:
        return False
    if subject.lemma_.lower() in ("indictment", "transcript"):
        return False  # the charging body's, the speaker's (resolve.py finds them)
    owned = any(
        c.dep_ in ("poss", "compound", "prep", "acl", "relcl") and c.i != subject.i for c in subject.children
    )
    return not owned


# What the writer (or nobody named) did to find something out: "An examination of his remarks shows ...".
INQUIRY_NOUNS = word_set(
    "examination review analysis look check search investigation inquiry reading tally count"
)
FINDING_VERBS = word_set("show suggest indicate reveal find confirm demonstrate prove")


def unmade_finding(item: Found, cue: Token) -> bool:
    """True for an inquiry that names nobody who made it, as the source of what it shows ("An examination of his
    remarks shows that ...", "a review of the records found ..."): the writer's own finding, narration, not a
    statement. One with a maker ("an analysis by the Tax Policy Center", "a Harbour Trust review", "the
    committee's review") is the maker's, and stays."""
    subject = item.subject
    if subject is None or item.passive or item.direct:
        return False
    if subject.lemma_.lower() not in INQUIRY_NOUNS or not ({cue.lemma_.lower(), cue.lower_} & FINDING_VERBS):
        return False
    if maker_of(subject) is not None or _by_phrase(subject) is not None:
        return False
    if any(c.dep_ == "det" and c.lower_ in ("the", "that", "this", "its", "their") for c in subject.children):
        return False  # "That review showed": one the article told of before, and whoever made it is there
    return not any(
        c.dep_ == "poss"
        or (c.dep_ == "compound" and c.pos_ == "PROPN")
        or c.ent_type_ in ("ORG", "PERSON", "GPE")
        for c in subject.children
    )
