"""Check a claim against articles: the stance of each towards it, grouped, with the sentence that matches.

Pure Python (no Django): the caller finds the candidate articles (claims.selectors.claim_check does it from the
database's search) and this module classifies every (claim, article) pair in one stance-model batch.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .context import sentence_spans
from .stance import text as tx

if TYPE_CHECKING:  # the model (lightgbm, scikit-learn) is loaded by the check that runs it
    from .stance import StanceModel

MIN_WORDS = 3  # content words a claim needs before it can be checked
MAX_CHARS = 600  # one or two sentences, not an article
MAX_TERMS = 12  # search words handed to the database
# The stance model learnt FNC-1, where an unrelated body is a random one from another story: sharing a
# few names is enough to look related there. A check's candidates all share the claim's words (the search
# found them), so the page asks more of them, measured as the share of the claim's words an article
# uses, each weighted by its rarity (the model's idf) and by how few of the candidates use it (a city
# named in every candidate says nothing about which one states the claim):
COVER_RELATED = 0.5  # the whole article must use this share of it, or it is unrelated
COVER_STATED = 0.3  # agree needs one sentence carrying this share of it ...
AGREE_SHARE = 0.7  # ... and the model's agree at this share of agree + disagree + discuss,
AGREE_SHARE_AFFIRMED = 0.6  # or at this share in an article that affirms ("confirmed", "officials")
HEDGES_AFFIRMED = 1  # and uses at most this many distinct hedging words ("reportedly", "claims"),
STATED_IN_FULL = 0.9  # or, where one sentence carries this share of the claim and neither hedges,
AGREE_SHARE_STATED = 0.5  # negates, refutes nor asks, in an article hedging as little, at this share.
AFFIRM = frozenset(tx.AFFIRM)
HEDGE = frozenset(tx.HEDGE)
QUALIFIERS = HEDGE | frozenset(tx.NEGATION) | frozenset(tx.REFUTE)
# Chosen on split 0 of fnc1-train (`python -m devtools.training.check_eval`) for an Agree group right
# at least 85 times in 100; split 1 confirms it. FNC-1 calls a restatement credited to someone else
# ("..., a monitoring group said") discuss, and so does the model: such an article stays under discuss
# unless it states the claim in full in a plain sentence of its own.
SHOWN = ("agree", "disagree", "discuss")
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article to check the claim against."""

    id: Hashable
    text: str
    title: str = ""
    outlet: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Match:
    """One article's stance towards the claim and the sentence of it closest to the claim."""

    candidate: Candidate
    label: str
    probability: float  # of `label`
    sentence: str
    sentence_start: int  # offset of `sentence` in the candidate's text


@dataclass(slots=True)
class CheckResult:
    claim: str
    groups: dict[str, list[Match]] = field(default_factory=dict)  # agree / disagree / discuss, best first
    unrelated: int = 0
    checked: int = 0


def claim_problem(claim: str) -> str | None:
    """Why `claim` cannot be checked (empty, too short, too long), or None when it can."""
    text = claim.strip()
    if not text:
        return "Type a claim to check: one sentence, such as a headline or a quote."
    if len(text) > MAX_CHARS:
        return f"That is longer than a claim: keep it to one or two sentences ({MAX_CHARS} characters)."
    if len(search_terms(text)) < MIN_WORDS:
        return f"The claim is too short to check: give at least {MIN_WORDS} words that say what happened."
    return None


def search_terms(claim: str, limit: int = MAX_TERMS) -> list[str]:
    """The claim's content words as written (lower case, no stop words, each once), rarest-looking first.

    Longer words come first: they are usually the names and specific words a search should hinge on.
    """
    seen: dict[str, None] = {}
    for word in _WORD.findall(claim.lower().replace("\u2019", "'")):
        if len(word) > 1 and word not in tx.STOPWORDS and tx.stem(word) not in tx.STOP_STEMS:
            seen.setdefault(word, None)
    words = sorted(seen, key=lambda w: -len(w))
    return words[:limit]


class Coverage:
    """How much of a claim each candidate text uses, its words weighted by rarity in the model's idf
    and among the candidates (document frequency over them, smoothed)."""

    def __init__(self, model: StanceModel, claim: str, texts: Sequence[str]) -> None:
        self.words = set(tx.content(tx.tokens(claim)))
        self.bags, self.affirms, self.hedges = [], [], []
        for text in texts:
            toks = set(tx.tokens(text))
            self.bags.append(self.words & toks)
            self.affirms.append(len(AFFIRM & toks))
            self.hedges.append(len(HEDGE & toks))
        n = len(texts)
        df = {w: sum(1 for b in self.bags if w in b) for w in self.words}
        self.weight = {w: model.index.weight(w) * (math.log((1 + n) / (1 + df[w])) + 1.0) for w in self.words}
        self.total = math.fsum(self.weight.values()) or 1.0

    def share(self, words: set[str]) -> float:
        """The weighted share of the claim's words among ``words``."""
        return math.fsum(self.weight[w] for w in self.words & words) / self.total

    def best_sentence(self, text: str) -> tuple[float, int, int]:
        """(share, start, end) of the sentence of ``text`` carrying the largest share of the claim."""
        best = (0.0, 0, 0)
        for start, end in sentence_spans(text):
            share = self.share(set(tx.tokens(text[start:end])))
            if share > best[0]:
                best = (share, start, end)
        if best[0] == 0.0:
            spans = sentence_spans(text)
            return (0.0, *(spans[0] if spans else (0, len(text))))
        return best


def best_sentence(model: StanceModel, claim: str, text: str) -> tuple[int, str]:
    """(offset, sentence) of `text` sharing the most of the claim's words, weighted by rarity."""
    _, start, end = Coverage(model, claim, [text]).best_sentence(text)
    return start, text[start:end]


def page_label(
    label: str,
    row: Sequence[float],
    labels: Sequence[str],
    cover: float,
    stated: float,
    affirmed: bool = False,
    plain: bool = False,
) -> str:
    """The model's label for one candidate, held to what the page shows (see COVER_RELATED).

    ``plain``: the sentence carrying most of the claim neither hedges, negates, refutes nor asks, and the
    article hedges at most HEDGES_AFFIRMED times; with ``stated`` at STATED_IN_FULL it states the claim.
    """
    if label not in SHOWN:
        return label
    if cover < COVER_RELATED:
        return "unrelated"
    if label == "agree":
        share = row[labels.index("agree")] / (sum(row[labels.index(k)] for k in SHOWN) or 1.0)
        if plain and stated >= STATED_IN_FULL:
            needed = AGREE_SHARE_STATED
        else:
            needed = AGREE_SHARE_AFFIRMED if affirmed else AGREE_SHARE
        if stated < COVER_STATED or share < needed:
            return "discuss"
    return label


def check_claim(model: StanceModel, claim: str, candidates: Sequence[Candidate]) -> CheckResult:
    """Classify every candidate's stance towards `claim` in one batch and group the related ones.

    The model's label is then held to the page's stricter reading (:func:`page_label`). Each group
    (agree, disagree, discuss) is ordered by the probability of its label, highest first.
    """
    from .stance.model import decide

    claim = " ".join(claim.split())
    result = CheckResult(claim, {label: [] for label in SHOWN}, checked=len(candidates))
    if not candidates:
        return result
    probs = model.proba_matrix([(claim, c.text) for c in candidates])
    coverage = Coverage(model, claim, [c.text for c in candidates])
    for i, (candidate, label, row) in enumerate(zip(candidates, decide(probs), probs, strict=True)):
        cover = coverage.share(coverage.bags[i])
        if label not in SHOWN or cover < COVER_RELATED:  # unrelated: no need to read its sentences
            result.unrelated += 1
            continue
        stated, start, end = coverage.best_sentence(candidate.text)
        sentence = candidate.text[start:end]
        affirmed = coverage.affirms[i] > 0 and coverage.hedges[i] <= HEDGES_AFFIRMED
        plain = (
            coverage.hedges[i] <= HEDGES_AFFIRMED
            and "?" not in sentence
            and not QUALIFIERS & set(tx.tokens(sentence))
        )
        label = page_label(label, row, model.labels, cover, stated, affirmed, plain)
        if label not in SHOWN:
            result.unrelated += 1
            continue
        p = float(row[model.labels.index(label)])
        result.groups[label].append(Match(candidate, label, p, sentence, start))
    for matches in result.groups.values():
        matches.sort(key=lambda m: (-m.probability, str(m.candidate.id)))
    return result
