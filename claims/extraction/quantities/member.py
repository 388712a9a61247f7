"""The word "one" where it picks out a member or a thing rather than counting: "one of the organizers",
"according to one official", "One city official told reporters", "one reason", "One clause would ...; the
other would ...". An editor reads these as who or what, never as a figure of 1; a count of one is said
with a word that weighs the number ("only one senator", "at least one challenger", "just one area")."""

from __future__ import annotations

import itertools

from spacy.tokens import Doc, Token

from ..cleaning.glue import is_known_word
from ..statements.cues import SPEECH_VERBS
from ..statements.speakers import PERSON_ROLES

# Words before "one" that make it a count.
_FOCUS = frozenset(("only", "exactly", "than", "least", "most", "single", "sole"))
# Outside "one of ...", these weigh the number too: "just one area", "even one life", "carry just one device".
_FOCUS_SINGLE = _FOCUS | {"just", "even", "merely", "barely", "mere"}
# What "one of the X" is in the clause when it names a member: "Hale, one of the organizers," (appos), "it
# is one of the reasons" (attr), "One of the guards said" (subject).
_MEMBER_DEPS = frozenset(("appos", "attr", "nsubj", "nsubjpass"))
# Words before "one (of) X" that introduce a source or a membership ("according to one official", "asked by
# one of his aides", "seen as one of the leading opponents", "like one of those agencies") or place what is
# told ("In one exchange, Stone wrote", "At one Atlanta location, the line looped").
_INTRODUCERS = frozenset(("by", "as", "like", "in", "at", "on"))
# People a "one X" stands for when X speaks ("one official said", "One federal source told Fox News").
_SOURCES = PERSON_ROLES | frozenset(
    (
        *("source", "person", "user", "blogger", "member", "insider", "resident", "voter", "supporter"),
        *("critic", "observer", "participant", "friend", "colleague", "staffer", "employee", "donor"),
        *("operative", "ally", "attendee", "protester", "agent", "worker", "organizer", "organiser"),
    )
)
# Verbs whose object "one X" is the person spoken to ("told one reporter", "asked one official").
_TOLD = frozenset(("tell", "ask"))
_TIME_WORDS = frozenset(("second", "minute", "hour", "day", "night", "week", "month", "year", "decade"))
# Nouns of discourse: "one reason", "One thing is certain", "There was one problem": a way of pointing to
# something, never a tally.
_DISCOURSE_NOUNS = frozenset(
    (
        *("reason", "thing", "problem", "concern", "question", "issue", "example", "factor", "explanation"),
        *("advantage", "drawback", "lesson", "purpose", "idea", "strain", "pretense", "pretence", "theory"),
        *("possibility", "aspect", "sign", "complaint", "criticism", "fear", "worry", "challenge", "point"),
    )
)


def one_names_a_member(doc: Doc, one: int, noun: int | None) -> bool:
    """True when the bare word "one" at token `one` (with `noun`, the token of what it would count) picks
    out a member or a thing rather than counting it. A superlative group ("one of the largest dinosaurs")
    is left a count, as the quantity annotations we are measured against (NewsQuant) mark it."""
    if doc[one].is_quote and one + 1 < len(doc) and doc[one + 1].lower_ == "one":
        one += 1  # the number's first token is the quotation mark it opens with ('called it "one more cost')
    sent = doc[one].sent
    before = [t.lower_ for t in doc[max(sent.start, one - 2) : one]]
    partitive = one + 1 < sent.end and doc[one + 1].lower_ == "of"
    if before and before[-1] == "even" and _under_if(doc, one):
        return True  # "If there's even one life that can be saved, ...": a condition, no count anyone made
    if not partitive and _spelled_out_after_colon(doc, one, noun):
        return True  # "There's only one way out: open the gates", "he has only one interest: the truth"
    if (before and before[-1] in (_FOCUS if partitive else _FOCUS_SINGLE)) or before[-2:] == ["all", "but"]:
        return False  # "only one senator", "all but one"
    if partitive and _superlative_group(doc, one):
        return False
    if noun is None and one + 1 < sent.end and doc[one + 1].pos_ == "NOUN":
        noun = one + 1  # a unit of time or measure has no counted-noun token: "On one day"
    lasting = noun is not None and doc[noun].lemma_.lower() in _TIME_WORDS  # "In one day the port lost"
    if before[-2:] == ["according", "to"] or (before and before[-1] in _INTRODUCERS and not lasting):
        return True
    if partitive:
        return doc[one].dep_ in _MEMBER_DEPS or _member_named_after(doc, one)
    if noun is None or noun <= one:
        return False
    head = doc[noun]
    if head.lemma_.lower() in _DISCOURSE_NOUNS or head.lower_ in _DISCOURSE_NOUNS:
        return True
    if one + 1 < noun and doc[one + 1].lower_ == "more" and head.dep_ in ("attr", "oprd"):
        return True  # "called it one more cost", "is one more example": what it is, not how many
    if (
        head.dep_ in ("dobj", "dative")
        and head.head.lemma_.lower() in _TOLD
        and head.lemma_.lower() in _SOURCES
    ):
        return True  # "he told one reporter": whom he told
    if _speaks(head) or _named_in_apposition(head):
        return True
    return _one_of_a_pair(doc, one, noun)


_NOT_SUPERLATIVE = frozenset(("earnest", "interest", "forest"))


def _looks_superlative(word: str) -> bool:
    """True for an adjective + "est" the lexicon knows the adjective of ("realest", "largest", "biggest",
    "earliest"); nouns that merely end so ("protest", "harvest", "arrest") have no such stem."""
    if not word.endswith("est") or word in _NOT_SUPERLATIVE:
        return False
    stem = word[:-3]
    candidates = [stem, stem + "e"] if len(stem) >= 4 else []
    if len(stem) >= 4 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])  # "biggest"
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")  # "earliest"
    return any(is_known_word(c) for c in candidates)


def _superlative_group(doc: Doc, one: int) -> bool:
    """True for "one of the most gifted players", "one of the largest", "one of his earliest supporters"."""
    sent_end = doc[one].sent.end
    for t in doc[one + 2 : min(sent_end, one + 9)]:
        if t.tag_ in ("JJS", "RBS") or t.lower_ in ("most", "least", "best", "worst"):
            return True
        if t.dep_ in ("amod", "compound") and _looks_superlative(t.lower_):
            return True  # "one of the realest conversations": a superlative the tagger read as a noun
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj":
            break
    return False


def _speaks(noun: Token) -> bool:
    """True when a person "one X" is the subject of a verb of speech ("One city official told reporters",
    "said one official briefed on the matter")."""
    if noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.lemma_.lower() not in SPEECH_VERBS:
        return False
    return noun.lemma_.lower() in _SOURCES or noun.ent_type_ == "NORP"


def _named_in_apposition(noun: Token) -> bool:
    """True for "One Democrat, Representative Tom Hale," and "Hale, one member of the board": the one is
    named, so it is a person, not a count."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return True
    return any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in noun.children)


def _under_if(doc: Doc, one: int) -> bool:
    """True when "one" stands in a clause opened by "if" or "unless" ("If even one ferry sinks"): the
    words before it in its sentence hold the conjunction and no clause break ("," ";") after it."""
    for t in reversed(doc[doc[one].sent.start : one]):
        if t.text in (",", ";", ":"):
            return False
        if t.lower_ in ("if", "unless"):
            return True
    return False


def _spelled_out_after_colon(doc: Doc, one: int, noun: int | None) -> bool:
    """True when "one X" stands right before a colon that says what the one X is ("There's only one way
    out: open the gates", "He has only one interest: a fair inquiry"): the words point to a thing and
    stress it, "only" or not; they count nothing a reader would check."""
    if noun is None or noun <= one or doc[noun].lemma_.lower() in _TIME_WORDS:
        return False
    end = noun + 1
    if end < len(doc) and doc[end].pos_ in ("ADP", "ADV", "PART") and doc[end].dep_ in ("prt", "advmod"):
        end += 1  # "one way out:"
    return end < len(doc) and doc[end].text == ":"


def _member_named_after(doc: Doc, one: int) -> bool:
    """True for "along with one of the mayor's deputy chiefs of staff, Ana Ruiz," and "one of his aides,
    Tom Hale": the member is named right after the group, so "one" says who, not how many. The parse may
    hang the name on "one" or elsewhere; a comma, a name and a comma, "and" or the sentence's end after
    the group read the same."""
    group = [t for t in doc[one + 1].children if t.dep_ == "pobj"]
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in doc[one].children) or (
        group and _named_in_apposition(group[0])
    ):
        return True
    end = doc[one + 1].right_edge.i + 1
    sent_end = doc[one].sent.end
    if end >= sent_end or doc[end].text != ",":
        return False
    j = end + 1
    while j < sent_end and doc[j].pos_ == "PROPN":
        j += 1
    return j > end + 1 and (j >= sent_end or doc[j].text in (",", ".", ";") or doc[j].lower_ == "and")


def _one_of_a_pair(doc: Doc, one: int, noun: int) -> bool:
    """True when "the other" follows later in the sentence, or the next sentence opens with "The other" or
    "Another" and the same noun ("One clause would raise the fee ...; the other would cut it", "On one day
    they marched. Another day they sat."): one of two or more already in view."""
    sent = doc[one].sent
    words = [t.lower_ for t in doc[noun + 1 : sent.end]]
    if any(a == "the" and b == "other" for a, b in itertools.pairwise(words)):
        return True
    if any(t.lower_ == "another" and t.pos_ == "PRON" for t in doc[noun + 1 : sent.end]):
        return True  # "when one country invades another"
    if sent.end >= len(doc):
        return False
    nxt = doc[sent.end].sent
    opening = [t for t in nxt[:3] if not t.is_punct]
    if len(opening) >= 2 and opening[0].lower_ == "the" and opening[1].lower_ == "other":
        return True
    lemma = doc[noun].lemma_.lower()
    return len(opening) >= 2 and opening[0].lower_ == "another" and opening[1].lemma_.lower() == lemma
