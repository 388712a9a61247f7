"""Check a claim against articles: the stance of each towards it, grouped, with the sentence that matches.

Pure Python (no Django): the caller finds the candidate articles (claims.claim_check does it from the
database's search) and this module classifies every (claim, article) pair in one stance-model batch.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field

from .context import sentence_spans
from .stance import StanceModel
from .stance import text as tx
from .stance.model import decide

MIN_WORDS = 3  # content words a claim needs before it can be checked
MAX_CHARS = 600  # one or two sentences, not an article
MAX_TERMS = 12  # search words handed to the database
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


def best_sentence(model: StanceModel, claim: str, text: str) -> tuple[int, str]:
    """(offset, sentence) of `text` sharing the most of the claim's words, weighted by rarity."""
    wanted = set(tx.content(tx.tokens(claim)))
    best, best_score = None, 0.0
    for start, end in sentence_spans(text):
        shared = wanted & set(tx.tokens(text[start:end]))
        score = sum(model.index.weight(t) for t in shared)
        if score > best_score:
            best, best_score = (start, end), score
    if best is None:
        spans = sentence_spans(text)
        best = spans[0] if spans else (0, len(text))
    return best[0], text[best[0] : best[1]]


def check_claim(model: StanceModel, claim: str, candidates: Sequence[Candidate]) -> CheckResult:
    """Classify every candidate's stance towards `claim` in one batch and group the related ones.

    Each group (agree, disagree, discuss) is ordered by the probability of its label, highest first.
    """
    claim = " ".join(claim.split())
    result = CheckResult(claim, {label: [] for label in SHOWN}, checked=len(candidates))
    if not candidates:
        return result
    probs = model.proba_matrix([(claim, c.text) for c in candidates])
    for candidate, label, row in zip(candidates, decide(probs), probs, strict=True):
        if label not in SHOWN:
            result.unrelated += 1
            continue
        start, sentence = best_sentence(model, claim, candidate.text)
        p = float(row[model.labels.index(label)])
        result.groups[label].append(Match(candidate, label, p, sentence, start))
    for matches in result.groups.values():
        matches.sort(key=lambda m: (-m.probability, str(m.candidate.id)))
    return result
