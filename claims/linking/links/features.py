"""Per-claim features the link rules compare: context terms, names, speaker keys, polarity, range."""

from __future__ import annotations

import math
import re
from collections.abc import Hashable
from dataclasses import dataclass

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from ..types import LinkableClaim
from .text import fold, name_keys, names, office_keys, one_name, speaker_keys, terms, voice_keys

# Reporting verbs that deny what follows ("refuted claims that ...", "said it was untrue that ..."): the
# content is denied. "Dispute"
# is the verb only before what is disputed ("disputed the account", "dispute that"), not the noun ("Tomas
# Reed said the towns back Varga in the harbour dispute" denies nothing).
DENIAL_CUES = re.compile(
    r"\b(den(?:y|ied|ies|ying)|refut\w*|reject\w*|dismiss\w*|rebuff\w*|disput(?:ed|ing)|"
    r"disputes?(?=\s+(?:that|the|claims?|reports?|allegations?|accounts?|this|it|any|his|her|their)\b)|debunk\w*|"
    r"contradict\w*|rul(?:ed|es|ing) out|"
    # a verdict on what follows: "said it was untrue that soldiers were aboard", "no truth to reports that"
    r"(?:untrue|false|baseless|unfounded|groundless|fabricated|incorrect|wrong)(?=\s+(?:to\s+say\s+)?that\b)|"
    r"no\s+truth\s+(?:to|in)\b)\b",
    re.I,
)
_NEGATION = re.compile(
    r"\b(not|no|never|none|neither|nor|cannot|without|nothing|nobody|no one)\b|n['\u2019]t\b",
    re.I,
)
# A negation of knowing ("had not known about", "was not aware", "don't know if") denies no fact: the
# words after it are still what others may report.
_NOT_A_DENIAL = re.compile(
    r"\s+(?:(?:been|be|have|had|even|yet|fully|really|immediately)\s+)?"
    r"(?:know|knew|known|knowing|aware|sure|certain|recall|remember|understand)\b",
    re.I,
)
# A negation reaches to the end of its clause: "not A, but B" denies A and asserts B;
# "no presence in the West even as America is present in the East" denies only the first clause. A
# condition is not denied: "will not return to work until the pay freeze is lifted" says the strike goes
# on until it is, as "the strike will continue until the freeze is lifted" does. Nor is a relative clause:
# "cannot afford a commissioner whose record was reckless" denies the hiring, not the record.
_SCOPE_END = re.compile(
    r"[,;:.!?]|\s(?:but|while|whereas|although|though|even as|even though|because|unlike|until|unless|"
    r"who|whose|which)\s",
    re.I,
)

# a sentence (article id, offset), a claim's span group, a confirmer: plain keys compared for equality
Key = tuple[Hashable, ...]
# (article id, sentence start) -> the date values stated in that sentence
DayOf = dict[Key, tuple[str, ...]]


@dataclass(slots=True)
class ClaimFeatures:
    item: LinkableClaim
    content: frozenset[str]  # stemmed content words of the claim text
    context: frozenset[str]  # content words of the whole sentence
    names: frozenset[str]  # capitalised names in the sentence
    speaker: frozenset[str]  # keys of the speaker's name (full and last word), empty when unnamed
    source: frozenset[str]  # keys of the upstream source ("according to X"), empty when none
    denied: bool  # the claim as a whole is denied ("refuted claims about ...", "does not intend to ...")
    negated: frozenset[str] = frozenset()  # content words inside a negation's scope
    low: float = 0.0
    high: float = 0.0
    # statements: one remark reported by three or more outlets, chained through same-words pairs (set by
    # statement_links): its members are one remark two by two, whatever each outlet frames around it
    remark: int | None = None
    # a denial from outside the words of words that carry their own negation ("denied that the line will
    # not open"): the words under that inner negation, which the denial turns into what the speaker says
    turned: frozenset[str] | None = None
    # statements: keys of the person or body the speaker speaks for: by their role ("spokeswoman for the
    # Guild", "president of Harbour Watch") or as an office ("Varga's office"); empty when none
    voice: frozenset[str] = frozenset()

    # The rules of each kind only see claims of that kind (suggest_links groups them by type): these
    # accessors state that invariant once and give the checker the narrowed claim.
    @property
    def quantity(self) -> QuantityClaim:
        """The claim, known to be a quantity claim."""
        claim = self.item.claim
        assert isinstance(claim, QuantityClaim), type(claim)
        return claim

    @property
    def date(self) -> DateClaim:
        """The claim, known to be a date claim."""
        claim = self.item.claim
        assert isinstance(claim, DateClaim), type(claim)
        return claim

    @property
    def statement(self) -> StatementClaim:
        """The claim, known to be a statement claim."""
        claim = self.item.claim
        assert isinstance(claim, StatementClaim), type(claim)
        return claim


def features(item: LinkableClaim) -> ClaimFeatures:
    """The features of one claim, computed once per suggest_links call."""
    claim = item.claim
    text = claim.text or item.sentence
    speaker: set[str] = set()
    source: set[str] = set()
    denied = False
    negated: frozenset[str] = frozenset()
    turned: frozenset[str] | None = None
    low = high = 0.0
    voice: frozenset[str] = frozenset()
    if isinstance(claim, StatementClaim):
        speaker = speaker_keys(claim.speaker) if claim.speaker else set()
        voice = frozenset(voice_keys(claim.role, named=bool(claim.speaker)) | office_keys(claim.speaker))
        source = name_keys(claim.attribution) if claim.attribution else set()
        # what a statement says, each thing under one name ("troops" as "soldiers"): see one_name
        negated = one_name(negated_terms(text, item.sentence, claim.polarity == "denied"))
        content = one_name(frozenset(terms(text)))
        denied = bool(content) and len(negated & content) * 2 >= len(content)
        # only a denial verb turns the content's own negation: the extractor's "denied" alone is often
        # that negation itself ("said the line will not open")
        if content and denial_cued(text, item.sentence):
            own = one_name(scoped_negations(text)) & content
            if own:  # a denial of a negation asserts what the negation denied, and denies the rest
                turned, negated = own, content - own
                denied = len(own) * 2 < len(content)
    else:
        content = frozenset(terms(dated_clause(claim) if isinstance(claim, DateClaim) else text))
        if isinstance(claim, QuantityClaim):
            source = name_keys(claim.source) if claim.source else set()
            low, high = quantity_range(claim)
    return ClaimFeatures(
        item=item,
        content=content,
        context=frozenset(terms(item.sentence)) | frozenset(terms(text)),
        names=frozenset(names(item.sentence)),
        speaker=frozenset(speaker),
        source=frozenset(source),
        denied=denied,
        negated=negated,
        turned=turned,
        voice=voice,
        low=low,
        high=high,
    )


# A relative clause after the date words tells another happening: "the governor on Tuesday pledged aid
# for the town, where Sunday's storm damaged 40 boats" dates the pledge, not the damage.
_RELATIVE_CLAUSE = re.compile(r"[,;(\u2014\u2013]\s*(?:where|which|who|whose|whom|when)\b", re.I)


def dated_clause(claim: DateClaim) -> str:
    """The words of the clause the date dates: the claim's text up to a relative clause that follows its
    date words (a relative clause holding the date words, "the ships, which docked on 15 March", is kept
    whole with what it hangs on)."""
    text = claim.text
    # located by its words: a stored claim keeps the date words' text, not their offsets
    when = claim.expression.text if claim.expression else ""
    at = text.find(when) if when else -1
    if at < 0:
        return text
    m = _RELATIVE_CLAUSE.search(text, at + len(when))
    return text[: m.start()] if m else text


def quantity_range(claim: QuantityClaim) -> tuple[float, float]:
    """The interval a quantity claim allows: "more than 40" is [40, 80], "fewer than 10" [5, 10].

    A bound in the news is written near the figure it bounds: "more than $60,000" is not the same fact as
    "$250,000", nor "anything less than $5.7 billion" as "$1.375 billion" (BOUND_REACH).
    """
    low, high = min(claim.low, claim.high), max(claim.low, claim.high)
    if claim.direction == ">":
        high = high * BOUND_REACH if high > 0 else math.inf
    elif claim.direction == "<":
        low = low / BOUND_REACH if low > 0 else 0.0
    elif (claim.direction == "~" or claim.approximate) and low == high:
        # "about 100": news rounding allows roughly ten percent either way
        low, high = low * 0.9, high * 1.1
    return low, high


BOUND_REACH = 2.0  # how far beyond its figure a bound ("more than", "fewer than") reaches


def negated_terms(content: str, sentence: str, denied_by_extractor: bool = False) -> frozenset[str]:
    """Content words of `content` that its sentence denies.

    All of them after a denial verb ("refuted claims about a boost in ..."), or when the extractor marked
    the claim denied and the content itself has no negation; otherwise the words from each negation to
    the end of its clause ("... and not to boost its presence" denies only "boost its presence").
    """
    if denial_cued(content, sentence):
        return frozenset(terms(fold(content)))
    scoped = scoped_negations(content)
    if not scoped and denied_by_extractor and not _NEGATION.search(fold(content)):
        return frozenset(terms(fold(content)))
    return scoped


def denial_cued(content: str, sentence: str) -> bool:
    """True when a denial verb stands just before the content in its sentence or opens the content
    ("refuted claims that ...", "denied that ...")."""
    content_f, sentence_f = fold(content), fold(sentence)
    at = sentence_f.find(content_f[:40]) if content_f else -1
    before = sentence_f[max(0, at - 60) : at] if at > 0 else ""
    if DENIAL_CUES.search(before):
        return True
    # a cue inside the content denies what follows it: after a clause with its own negation ("that the
    # levy plan was not altered and dismissing what she called inaccurate press stories") it turns no negation
    cue = DENIAL_CUES.search(content_f[:80])
    return cue is not None and not _NEGATION.search(content_f[: cue.start()])


def scoped_negations(content: str) -> frozenset[str]:
    """The words of `content` from each of its own negations to the end of that clause (a negation of
    knowing denies nothing)."""
    content_f = fold(content)
    scoped: list[str] = []
    condition = _CONDITION.match(content_f)
    for m in _NEGATION.finditer(content_f):
        if _NOT_A_DENIAL.match(content_f, m.end()):
            continue  # "had not known about the messages": no fact denied
        end = _SCOPE_END.search(content_f, m.end())
        scope = content_f[m.end() : end.start() if end else len(content_f)]
        scoped.extend(terms(scope))
        if condition and m.start() > condition.end() and _BACK_REFERENCE.match(scope):
            scoped.extend(terms(condition["condition"]))  # "if X, I don't support that" denies X
    return frozenset(scoped)


# "If the harbour toll is a tax under another label, then we cannot back that": what the negated verb's
# pronoun stands for is the condition, which is denied with it ("we will not back a toll that is a tax
# under another label"). A condition whose main clause has no such pronoun ("if it rains, the ferry will not
# sail") keeps its words asserted.
_CONDITION = re.compile(r"^\W*if\s+(?P<condition>[^,;:.!?]+),", re.I)
_BACK_REFERENCE = re.compile(r"^\s*(?:[\w'-]+\s+){0,2}?(?:that|it|this|them|those)\b", re.I)


def is_denial(content: str, sentence: str) -> bool:
    """True when the sentence denies most of the content (see negated_terms)."""
    words = frozenset(terms(content))
    return bool(words) and len(negated_terms(content, sentence) & words) * 2 >= len(words)


def value_interval(value: str) -> tuple[str, str]:
    """(first, last) day an ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD" value can mean, as ISO strings."""
    parts = value.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-01-01", f"{parts[0]}-12-31"
    if len(parts) == 2:
        return f"{value}-01", f"{value}-31"
    return value, value


def date_interval(claim: DateClaim) -> tuple[str, str]:
    """(first, last) day the claimed value can mean, as ISO strings that compare in order; a period
    ("between June 2011 and July 2012") runs from its first end's first day to its last end's last."""
    first, last = value_interval(claim.value)
    if claim.end_value:
        last = max(last, value_interval(claim.end_value)[1])
    return first, last


def one_day(claim: DateClaim) -> bool:
    """True for a date of one day: day precision and not a period ("March 3-9" is seven days)."""
    return claim.precision == "day" and not claim.end_value
