"""Statement rules: one statement reported by two outlets corroborates; an assertion and its denial
contradict. An optional stance function (agree/disagree/discuss/unrelated) refines the verdict."""

from __future__ import annotations

from collections.abc import Sequence

from ..types import StanceFn
from .blocking import KeyWeights, candidate_pairs
from .features import ClaimFeatures
from .text import fold, readable, terms

Scored = tuple[int, int, str, float, str]

SAME_SPEAKER_MIN = 0.25  # content similarity enough when the same person or body is reported
OTHER_SPEAKER_MIN = 0.25  # different or unnamed speakers: as similar ...
OTHER_SPEAKER_SHARED = 3  # ... and at least this many shared words
MIN_WORDS = 3  # "the Rose Garden" is a fragment, not a statement to check against another
FAR_APART_MIN = 0.5  # reports published over a month apart must say nearly the same thing
FAR_APART_DAYS = 30
SHORT_SHARE = 0.8  # a short content inside a long one weighs a little less than a full match


def statement_links(feats: Sequence[ClaimFeatures], stance: StanceFn | None = None) -> list[Scored]:
    """Scored (i, j, relation, confidence, rationale) for statements that repeat or deny each other."""
    weights = KeyWeights(_keys(f) for f in feats)
    pairs = candidate_pairs(feats, _block_keys, min_shared=2)
    out: list[Scored] = []
    for i, j in sorted(pairs):
        a, b = feats[i], feats[j]
        if min(len(_keys(a)), len(_keys(b))) < MIN_WORDS:
            continue
        sim = similarity(weights, _keys(a), _keys(b))
        same_speaker = bool(a.speaker & b.speaker)
        if _far_apart(a, b) and sim < FAR_APART_MIN:
            continue
        if same_speaker and sim < SAME_SPEAKER_MIN:
            continue
        if not same_speaker and (sim < OTHER_SPEAKER_MIN or len(_keys(a) & _keys(b)) < OTHER_SPEAKER_SHARED):
            continue
        shared = _keys(a) & _keys(b)
        relation = "contradicts" if _denies(a, shared) != _denies(b, shared) else "corroborates"
        conf = min(0.9, 0.3 + 0.6 * sim + (0.1 if same_speaker else 0.0))
        if stance is not None:
            verdict = _stance(stance, a, b)
            if verdict == "unrelated":
                continue
            if verdict in ("agree", "disagree"):
                judged = "corroborates" if verdict == "agree" else "contradicts"
                conf = min(0.95, conf + 0.1) if judged == relation else conf * 0.8
                relation = judged
        out.append((i, j, relation, round(conf, 3), _line(a, b, relation, same_speaker)))
    return out


def _far_apart(a: ClaimFeatures, b: ClaimFeatures) -> bool:
    """True when both articles are dated and more than FAR_APART_DAYS apart."""
    pa, pb = a.item.published, b.item.published
    return pa is not None and pb is not None and abs((pa - pb).days) > FAR_APART_DAYS


def similarity(weights: KeyWeights, a: frozenset[str], b: frozenset[str]) -> float:
    """How alike two contents are: IDF cosine, or a discounted share of the shorter one when a short
    content ("claims about a boost in Russia's presence") lies inside a long one."""
    return max(weights.cosine(a, b), SHORT_SHARE * weights.overlap(a, b))


def _denies(f: ClaimFeatures, shared: frozenset[str]) -> bool:
    """Whether `f` denies what the two statements share (most shared words inside a negation's scope)."""
    words = shared & f.content
    if not words:
        return f.denied
    return len(words & f.negated) * 2 >= len(words)


def _keys(f: ClaimFeatures) -> frozenset[str]:
    """What is said: the content words, less the speaker's own name when the span includes it."""
    claim = f.item.claim
    name = claim.speaker or ""  # type: ignore[union-attr]
    if name and fold(name).lower() in fold(claim.text).lower():
        return f.content - frozenset(terms(name))
    return f.content


def _block_keys(f: ClaimFeatures) -> list:
    # a shared speaker counts as one shared key, so the same speaker plus one rare word qualifies
    return [("w", k) for k in _keys(f)] + [("s", k) for k in f.speaker]


def _stance(stance: StanceFn, a: ClaimFeatures, b: ClaimFeatures) -> str:
    """Stance of each claim towards the other's sentence; a disagreement either way wins."""
    one = stance(a.item.claim.text, b.item.sentence)
    two = stance(b.item.claim.text, a.item.sentence)
    labels = {one, two}
    for label in ("disagree", "agree", "discuss"):
        if label in labels:
            return label
    return "unrelated"


def _line(a: ClaimFeatures, b: ClaimFeatures, relation: str, same_speaker: bool) -> str:
    who_a = a.item.claim.speaker or "unnamed source"  # type: ignore[union-attr]
    who_b = b.item.claim.speaker or "unnamed source"  # type: ignore[union-attr]
    common = readable(_keys(a) & _keys(b), a.item.claim.text, b.item.claim.text)
    shared = _keys(a) & _keys(b)
    if relation == "contradicts":
        return f"{who_a} {_verb(a, shared, 1)} / {who_b} {_verb(b, shared, 1)}: {common}"
    who = who_a if same_speaker else f"{who_a} and {who_b}"
    return f"{who} both {_verb(a, shared, 2)}: {common}"


def _verb(f: ClaimFeatures, shared: frozenset[str], person: int) -> str:
    if _denies(f, shared):
        return "denies" if person == 1 else "deny"
    return "says" if person == 1 else "say"
