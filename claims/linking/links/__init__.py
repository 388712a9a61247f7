"""Suggest corroborate / contradict links between claims of different articles (and, rarely, a date an
article counts back, "18 years ago", against the year it writes out for the same happening).

Candidates come from blocking (same event and unit class for quantities, shared rare words and names
for dates and statements, the same speaker), never from all pairs. Rejected pairs and links an editor
already made are never suggested again; each claim keeps only its strongest few suggestions, plus one
into an outlet's article it has none into yet. A count an article repeats is linked once, and a
statement is not linked when its sentences only repeat counts already linked (unless one named speaker
says both: who said it is not in the count's link), state counts linked as a conflict, or date what
they tell to different times.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Hashable, Iterable

from claims.extraction.types import DateClaim, QuantityClaim, StatementClaim

from ..collector import fewer_collections
from ..types import ClaimId, ExistingLink, LinkableClaim, LinkSuggestion, Relation, StanceFn, StanceManyFn
from .dates import counted_back_links, date_links, other_meetings, tells
from .features import ClaimFeatures, DayOf, Key, features
from .lift import agree_lift
from .quantities import other_time, quantity_links, with_implied_units
from .quantities import rationale as quantity_rationale
from .statements import RUN_JOIN, same_remark, statement_links
from .text import terms

__all__ = ["suggest_links"]


def suggest_links(
    claims: Iterable[LinkableClaim],
    *,
    rejected: Collection[frozenset[ClaimId]] = frozenset(),
    existing: Iterable[ExistingLink | frozenset[ClaimId]] = (),
    stance: StanceFn | None = None,
    stance_many: StanceManyFn | None = None,
    per_claim: int = 3,
    focus: Collection[ClaimId] | None = None,
) -> list[LinkSuggestion]:
    """Link suggestions, strongest first, at most `per_claim` per claim (and EXTRA_ARTICLES more, each
    into an article the claim has no suggestion into yet).

    `rejected` holds claim-id pairs an editor turned down; `existing` the links (or bare pairs) an editor
    made: neither pair is suggested again, whatever the relation, and existing links count towards each
    claim's quota (a run after new articles arrive does not give an old claim three more).
    `stance(claim_text, other_text)` may return "agree"/"disagree"/"discuss"/"unrelated" to refine
    statement links; `stance_many(pairs)`, one label per (claim_text, other_text) pair, does the same in
    one batch and is preferred when given. With `focus` (claim ids), only pairs with at least one of
    those claims are scored: the others are context (their words weigh terms, their links fill quotas).
    """
    items = list(claims)
    if len(items) < BIG_RUN:
        return _suggest(items, rejected, existing, stance, stance_many, per_claim, focus)
    # A whole corpus makes millions of small objects that live to the end: collect them less often.
    with fewer_collections():
        return _suggest(items, rejected, existing, stance, stance_many, per_claim, focus)


BIG_RUN = 20_000  # claims from which one run tunes the garbage collector


def _suggest(
    items: list[LinkableClaim],
    rejected: Collection[frozenset[ClaimId]],
    existing: Iterable[ExistingLink | frozenset[ClaimId]],
    stance: StanceFn | None,
    stance_many: StanceManyFn | None,
    per_claim: int,
    focus: Collection[ClaimId] | None,
) -> list[LinkSuggestion]:
    blocked = {frozenset(p) for p in rejected}
    existing = list(existing)
    existing_pairs = [e.pair if isinstance(e, ExistingLink) else frozenset(e) for e in existing]
    blocked |= set(existing_pairs)
    by_kind: dict[type, list[ClaimFeatures]] = defaultdict(list)
    items = with_implied_units(items)
    for item in items:
        by_kind[type(item.claim)].append(features(item))

    scored: list[tuple[ClaimFeatures, ClaimFeatures, Relation, float, str]] = []
    quantities, dates, statements = by_kind[QuantityClaim], by_kind[DateClaim], by_kind[StatementClaim]
    day_of = _sentence_dates(dates)
    # a count is compared by when it happened, not when someone spoke of it
    for i, j, rel, conf, why in quantity_links(quantities, _sentence_dates(dates, happenings=True)):
        scored.append((quantities[i], quantities[j], rel, conf, why))
    for i, j, rel, conf, why in [*date_links(dates), *counted_back_links(dates)]:
        scored.append((dates[i], dates[j], rel, conf, why))
    for i, j, rel, conf, why in statement_links(
        statements,
        stance,
        stance_many=stance_many,
        focus=None if focus is None else {n for n, f in enumerate(statements) if f.item.id in focus},
        agree_lifts=agree_lift(dates),
    ):
        scored.append((statements[i], statements[j], rel, conf, why))
    if focus is not None:
        scored = [s for s in scored if s[0].item.id in focus or s[1].item.id in focus]

    # counts and dates first: a statement that only reports a count already linked adds nothing
    # among equals, overlapping duplicates of one statement are linked through their fullest members:
    # a named speaker, then the longer span
    scored.sort(
        key=lambda s: (
            _is_statement(s[0]),
            -s[3],
            _fullness(s[0], s[1]),
            str(s[0].item.id),
            str(s[1].item.id),
        )
    )
    group = _span_groups(items)
    shown = repeated_counts(quantities, day_of)
    counts_in: dict[Key, set[Key]] = defaultdict(set)  # sentence -> repeat groups of the counts it states
    for f in quantities:
        group[f.item.id] = ("repeat", shown[f.item.id].item.id)
        if f.item.sentence_start is not None:
            counts_in[_sentence(f)].add(group[f.item.id])
    used: dict[object, int] = defaultdict(int)
    reached: dict[object, set[Hashable]] = defaultdict(set)  # claim id -> articles it has a suggestion into
    article_of = {item.id: item.article_id for item in items}
    for pair in existing_pairs:  # links made on an earlier run take their share of the quota
        if len(pair) == 2:
            x, y = pair
            for me, other in ((x, y), (y, x)):
                used[me] += 1
                if other in article_of:
                    reached[me].add(article_of[other])
    linked_groups: dict[frozenset[Key], str] = {}
    list_links: set[frozenset[Key]] = set()  # count pairs linked as one list under two nouns
    agreed: dict[Key, list[ClaimFeatures]] = defaultdict(list)  # who corroborates each claim, through what
    # a run after an earlier one keeps its rules: one link per pair of facts, one confirmation of a
    # date per article, counted with the links that run stored
    feature_of = {f.item.id: f for fs in by_kind.values() for f in fs}
    for link in existing:
        if not isinstance(link, ExistingLink) or not {link.a_id, link.b_id} <= feature_of.keys():
            continue
        a, b = feature_of[link.a_id], feature_of[link.b_id]
        if a.item.id in shown and b.item.id in shown:
            a, b = shown[a.item.id], shown[b.item.id]
        linked_groups.setdefault(frozenset((group[a.item.id], group[b.item.id])), link.relation)
        if link.relation == "corroborates":
            agreed[_confirmer(a, b)].append(b)
            agreed[_confirmer(b, a)].append(a)
    out = []
    for a, b, rel, conf, why in scored:
        # a count the article repeats is linked once, through its most telling mention
        if a.item.id in shown and (shown[a.item.id] is not a or shown[b.item.id] is not b):
            a, b = shown[a.item.id], shown[b.item.id]
            why = quantity_rationale(a, b, rel, day_of)
        ida, idb = a.item.id, b.item.id
        pair = frozenset((ida, idb))
        groups = frozenset((group[ida], group[idb]))
        if (
            pair in blocked
            or groups in linked_groups
            or not (_room(used, reached, a, b, per_claim) and _room(used, reached, b, a, per_claim))
        ):
            continue
        if rel == "corroborates" and (_opposite_moves(a, b) or _opposite_sides(a, b) or _other_rounds(a, b)):
            continue  # an arrival and a departure are two happenings, backing and challenging two sides
        if rel == "corroborates" and (_confirmed(agreed, a, b) or _confirmed(agreed, b, a)):
            continue  # one date is confirmed by an article once per happening, through its best match
        if _is_statement(a) and (
            # "landed on 24 June" and "landed on Saturday" in March: two landings (but one speaker's
            # same words are one remark, whatever else the two sentences date)
            (other_time(a, b, day_of) and not same_remark(a, b))
            # the counts the two sentences state, linked already, say it: the same relation adds
            # nothing, and sentences whose counts conflict ("carried 12 tonnes" / "about 35 tonnes")
            # do not agree however many words they share. But one named speaker's remark giving the
            # count ("Brandt predicted she could win 40 votes" / "'she can win 40 votes,' Brandt
            # said") is a remark of his as well as a count: who said it is not in the count's link
            or any(
                _said_by_counts(linked_groups.get(frozenset((x, y))), rel, a, b)
                for x in counts_in.get(_sentence(a), ())
                for y in counts_in.get(_sentence(b), ())
                # two counts of one list under two nouns ("four promises: ..." / "four pledges - ...")
                # agree on the count; the items listed are what the statements say
                if frozenset((x, y)) not in list_links
            )
        ):
            continue
        blocked.add(pair)
        linked_groups[groups] = rel
        if not _is_statement(a) and _unit_class(a) != _unit_class(b):
            list_links.add(groups)  # quantities of two unit classes meet only as one list (same_list)
        used[ida] += 1
        used[idb] += 1
        reached[ida].add(b.item.article_id)
        reached[idb].add(a.item.article_id)
        if rel == "corroborates":
            agreed[_confirmer(a, b)].append(b)
            agreed[_confirmer(b, a)].append(a)
        out.append(LinkSuggestion(ida, idb, rel, conf, why))
    out.sort(key=lambda s: -s.confidence)
    return out


def _confirmer(f: ClaimFeatures, other: ClaimFeatures) -> Key:
    """Who confirms claim `f` through `other`: for a date, the other article (one day it states twice is
    one confirmation, given through its best match); else the other claim itself (an article may quote two
    people saying the same; a count it repeats is handled by `repeated_counts`, which keeps other times
    apart)."""
    if not isinstance(other.item.claim, DateClaim):  # counts: see repeated_counts
        return (f.item.id, other.item.id)
    return (f.item.id, other.item.article_id)


def _confirmed(agreed: dict[Key, list[ClaimFeatures]], f: ClaimFeatures, other: ClaimFeatures) -> bool:
    """True when `other`'s article (or `other` itself) already confirms `f` through a claim of the same
    happening: a date an article gives for two happenings of one day ("Ortiz met with Lindqvist on
    Wednesday" / "Ortiz also met Wednesday with Tom Brack"), both in the other article's one sentence
    ("met on Wednesday with Lindqvist and three other candidates"), confirms it once for each."""
    return any(
        not (isinstance(other.item.claim, DateClaim) and other_meetings(other, given))
        for given in agreed.get(_confirmer(f, other), ())
    )


EXTRA_ARTICLES = 1  # past its quota, a claim may still reach this many articles it has no link into


def _room(
    used: dict[object, int],
    reached: dict[object, set[Hashable]],
    f: ClaimFeatures,
    other: ClaimFeatures,
    per_claim: int,
) -> bool:
    """Whether claim `f` may take one more suggestion, to `other`.

    A claim keeps its `per_claim` strongest suggestions; beyond those, only one into an article it has
    none into yet (up to EXTRA_ARTICLES more): an editor wants every outlet that says the same, more
    than a third match in an outlet already shown.
    """
    n = used[f.item.id]
    quota = per_claim * _remarks(f)
    if n < quota:
        return True
    return n < quota + EXTRA_ARTICLES and other.item.article_id not in reached[f.item.id]


MAX_REMARKS = 3  # a quote run's sentences that each earn a quota of their own
REMARK_WORDS = 4  # words a sentence of a quote needs to be a remark ("Like a boy." is not)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019]*\s*(?=[\"'\u201c\u2018]?[A-Z])")


def _remarks(f: ClaimFeatures) -> int:
    """How many remarks a claim holds, for its quota: a quote run of several sentences, each of which
    another outlet may give alone ("The investigation is a vendetta. He asserts his innocence. He will be
    vindicated."), holds one per sentence of REMARK_WORDS words or more, at most MAX_REMARKS; a count, a
    date or a one-sentence statement holds one."""
    if not _is_statement(f):
        return 1
    sentences: list[str] = []
    for piece in _SENTENCE_END.split(f.item.claim.text.replace(RUN_JOIN, ". ")):
        if sentences and _ABBREVIATION.search(sentences[-1]):
            sentences[-1] += " " + piece  # "Mr. Obama", "the U.S. Attorney": no sentence ends there
        else:
            sentences.append(piece)
    return max(1, min(MAX_REMARKS, sum(len(s.split()) >= REMARK_WORDS for s in sentences)))


_ABBREVIATION = re.compile(r"(?:\b[A-Z][a-z]{0,3}|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")


def _fullness(a: ClaimFeatures, b: ClaimFeatures) -> tuple[int, int]:
    """Sort key, fuller pairs first: named speakers, then characters of the two claims."""
    named = sum(bool(getattr(f.item.claim, "speaker", None)) for f in (a, b))
    return -named, -len(a.item.claim.text) - len(b.item.claim.text)


# Which way people or things move: an arrival and a departure never report one happening.
_ARRIVING = re.compile(
    r"\b(?:arriv\w*|land(?:s|ed|ing)?|touch(?:ed|es)? down|reach(?:ed|es)?|deploy\w*|dispatch\w* to|"
    r"(?:sent|sending|send|flown|flew) (?:to|into)|came to|come to|brought|"
    # being there is the arrival's side: "specialists are in Venezuela" is not their being sent home
    r"(?:is|are|was|were|remain\w*|stay\w*)\s+(?:already\s+|still\s+|now\s+)?in\s+"
    r"(?!talks\b|favou?r\b|charge\b|line\b|place\b|touch\b|need\b|danger\b|power\b|doubt\b)[\w'-])",
    re.I,
)
_LEAVING = re.compile(
    r"\b(?:leav\w*|left|depart\w*|withdr[ae]w\w*|pull(?:ed|ing|s)? out|evacuat\w*|"
    r"(?:send\w*|sent|br(?:ought|ing\w*)|fl(?:y|ew|ying)|go(?:ing|es)?|went|return\w*)(?:\s+[\w'-]+){0,6}?\s+"
    r"(?:back\s+home|home|back))\b",
    re.I,
)


def _move(f: ClaimFeatures) -> str | None:
    """ "arrive" or "leave" when the claim (a statement's own words, else its sentence) tells of movement
    one way only, else None."""
    text = f.item.claim.text if _is_statement(f) else f.item.sentence
    leaving = bool(_LEAVING.search(text))
    arriving = bool(_ARRIVING.search(_LEAVING.sub(" ", text)))
    if leaving == arriving:
        return None
    return "leave" if leaving else "arrive"


def _other_rounds(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two arrivals (or presences), one told by an article of a later round ("those who had
    arrived at the beginning of the year left and a new team came") and one by an article with no such
    words: the new team's landing is not the first team's."""
    return a.item.later_round != b.item.later_round and _move(a) == "arrive" and _move(b) == "arrive"


def _opposite_moves(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    ma, mb = _move(a), _move(b)
    return ma is not None and mb is not None and ma != mb


# Which side a statement takes towards someone: backing them or challenging them.
_BACKING = re.compile(
    r"\b(?:support(?:s|ed|ing|ers?)?|back(?:s|ed|ing|ers?)|recogni[sz](?:e|es|ed|ing)|endors\w*|"
    r"st(?:and|ands|anding|ood) (?:by|with|behind)|loyal\w*|allies|ally)\b",
    re.I,
)
_CHALLENGING = re.compile(
    r"\b(?:challeng\w*|oppos(?:e|es|ed|ing)|against|overthrow\w*|toppl\w*|oust\w*|coup|usurp\w*|"
    r"undermin\w*|condemn\w*|denounc\w*|defy\w*|defie[sd]|defiance)\b",
    re.I,
)


def _side(f: ClaimFeatures) -> str | None:
    """ "back" or "challenge" when a statement's own words take one side towards someone only."""
    text = f.item.claim.text
    backing, challenging = bool(_BACKING.search(text)), bool(_CHALLENGING.search(text))
    if backing == challenging:
        return None
    return "back" if backing else "challenge"


def _opposite_sides(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True for two statements, one backing and one challenging (Guaido challenging Maduro / countries
    voicing their support for Maduro): opposite sides, never one fact however many words they share."""
    if not (_is_statement(a) and _is_statement(b)):
        return False
    sa, sb = _side(a), _side(b)
    return sa is not None and sb is not None and sa != sb


def _said_by_counts(counts: str | None, rel: str, a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """Whether the link `counts` between counts the two statements' sentences state already says what
    linking the statements with `rel` would: a conflict of the counts always does (their sentences do
    not agree however many words they share), an equal relation does unless one named speaker says both
    (his remark giving the count is a remark of his as well as a count)."""
    if counts == "contradicts":
        return True
    return counts == rel and not (rel == "corroborates" and a.speaker & b.speaker)


def _unit_class(f: ClaimFeatures) -> str | None:
    """A count's unit class, lower-cased; None for a date or a statement."""
    claim = f.item.claim
    return (claim.unit_class or "").lower() if isinstance(claim, QuantityClaim) else None


def _sentence(f: ClaimFeatures) -> Key:
    return (f.item.article_id, f.item.sentence_start)


def _is_statement(f: ClaimFeatures) -> bool:
    return isinstance(f.item.claim, StatementClaim)


_HEDGED = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|unverified|unconfirmed|rumou?r\w*|speculat\w*|reports?)\b", re.I
)


def repeated_counts(quantities: list[ClaimFeatures], day_of: DayOf) -> dict[object, ClaimFeatures]:
    """Claim id -> the mention that stands for it among the article's repeats of one count.

    News repeats its key count in the headline, the lead and the body ("two planes ... landed"); those
    mentions are one fact to link, not several. Counts of one article with the same value and unit class
    form a group unless their sentences date them to different times ("two bombers in December" is
    another delivery). The group is shown by its firmest mention: not hedged ("reportedly", "unverified
    reports"), then the most specific counted phrase ("Russian air force planes" over "planes").
    """
    by_article: dict[object, list[ClaimFeatures]] = defaultdict(list)
    for f in quantities:
        by_article[f.item.article_id].append(f)
    out: dict[object, ClaimFeatures] = {}
    for feats in by_article.values():
        groups: list[list[ClaimFeatures]] = []
        for f in sorted(feats, key=lambda f: f.item.claim.start):
            home = next((g for g in groups if all(_same_count(f, m, day_of) for m in g)), None)
            if home is None:
                groups.append([f])
            else:
                home.append(f)
        together: dict[Key, int] = defaultdict(int)  # figures of one unit class per sentence
        for f in feats:
            together[_sentence_class(f)] += 1
        for g in groups:
            best = min(g, key=lambda f: _firmness(f, together[_sentence_class(f)])) if len(g) > 1 else g[0]
            out.update((m.item.id, best) for m in g)
    return out


def _same_count(a: ClaimFeatures, b: ClaimFeatures, day_of: DayOf) -> bool:
    ca, cb = a.item.claim, b.item.claim
    assert isinstance(ca, QuantityClaim) and isinstance(cb, QuantityClaim)
    return (
        bool(ca.unit_class)
        and (ca.unit_class or "").lower() == (cb.unit_class or "").lower()
        and (a.low, a.high) == (b.low, b.high)
        and not other_time(a, b, day_of)
    )


def _firmness(f: ClaimFeatures, figures: int) -> Key:
    """Sort key, firmest mention first: not hedged; the point of its sentence rather than a part of a sum
    it states ("it provided $1.375 billion for 55 miles of fencing" over "combined with $1.375 billion
    ..., he would have about $8 billion in all": `figures` counts its sentence's figures of its unit
    class); the most specific counted phrase; the first."""
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    hedged = bool(_HEDGED.search(f.item.sentence))
    return (hedged, figures > 1, -len(terms(claim.counted or claim.unit or "")), claim.start)


def _sentence_class(f: ClaimFeatures) -> Key:
    claim = f.item.claim
    assert isinstance(claim, QuantityClaim)
    return (f.item.sentence_start, (claim.unit_class or "").lower())


def _span_groups(items: list[LinkableClaim]) -> dict[object, Key]:
    """Claim id -> group of claims of one kind whose spans overlap in one article.

    Extractors may return the same statement or count twice with different spans; one suggestion per
    pair of groups is enough for an editor.
    """
    out: dict[object, Key] = {}
    by_article: dict[Key, list[LinkableClaim]] = defaultdict(list)
    for item in items:
        by_article[(item.article_id, item.claim.kind)].append(item)
    for key, claims in by_article.items():
        claims.sort(key=lambda c: (c.claim.start, c.claim.end))
        n, end = -1, -1
        for c in claims:
            if c.claim.start >= end:
                n += 1
            end = max(end, c.claim.end)
            out[c.id] = (*key, n)
    return out


def _sentence_dates(dates: list[ClaimFeatures], happenings: bool = False) -> dict[Key, tuple[str, ...]]:
    """(article id, sentence start) -> date values stated in that sentence (those with a known year); with
    `happenings`, less those that only date a telling ("the department said late Monday that it had
    received 55,000 pages" dates the saying, not when the pages came)."""
    out: dict[Key, list[str]] = defaultdict(list)
    for f in dates:
        if (
            f.item.sentence_start is not None
            and not f.date.value.startswith("X")
            and not (happenings and tells(f))
        ):
            out[(f.item.article_id, f.item.sentence_start)].append(f.date.value)
            if f.date.end_value:  # a period ("between June and July 2016"): its last end is stated too
                out[(f.item.article_id, f.item.sentence_start)].append(f.date.end_value)
    return {k: tuple(v) for k, v in out.items()}
