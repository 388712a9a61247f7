"""A re-implementation of the FNC-1 organisers' baseline, to calibrate our figures against it.

    python -m devtools.training.stance_baseline --corpus /work/shared/corpus/fnc1-train --seeds 0 1 2 3 4

The organisers' baseline (which scored 75.2% of the maximum FNC score on the competition test set)
is one gradient-boosted classifier over four labels on 44 hand features per headline/body pair:

* word overlap: Jaccard index of the headline's and the body's word sets;
* refuting words: one indicator per refuting word (fake, fraud, hoax, ...) present in the headline;
* polarity: the parity of the number of refuting words in the headline and in the body;
* hand counts: headline words (with and without stop words), character n-grams (2, 4, 8, 16) and word
  n-grams (2 to 6) of the headline found in the body, in its first 255 characters and, for character
  n-grams, its first 100.

This module follows that public description with our own tokeniser (``text.tokens``' crude stemmer
stands in for a WordNet lemmatiser) and is scored on the same story-disjoint splits as the real
model (:func:`devtools.training.stance.split_figures`). It is for comparison only: nothing ships.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.ensemble import GradientBoostingClassifier
from threadpoolctl import threadpool_limits

from claims.linking.stance import text as tx
from devtools.training.stance import Pair, load_corpus, print_runs, split_figures

REFUTING = tx._words(
    "fake fraud hoax false deny denies not despite nope doubt doubts bogus debunk pranks retract"
)
CHAR_SIZES = (2, 4, 8, 16)
WORD_SIZES = (2, 3, 4, 5, 6)
EARLY = 255  # characters of the body that count as its start
FIRST = 100
N_ESTIMATORS = 200  # the organisers' setting; depth 3 and learning rate 0.1 are scikit-learn's defaults
_WORD_RE = re.compile(r"\w+")
_REFUTING_STEMS = tuple(tx.stem(w) for w in REFUTING)


def clean(text: str) -> str:
    """Return ``text`` lower-cased with only its word characters, single-spaced."""
    return " ".join(_WORD_RE.findall(text.lower()))


def _hits(grams: Sequence[str], where: Sequence[str | set[str]]) -> list[float]:
    """Return how many ``grams`` occur in each of ``where`` (texts, or sets of their substrings)."""
    return [float(sum(g in w for g in grams)) for w in where]


def feature_names() -> list[str]:
    """Return the names of the 44 baseline feature columns, in order."""
    names = ["word_jaccard"]
    names += [f"head_has_{w}" for w in REFUTING]
    names += ["head_refuting_parity", "body_refuting_parity"]
    names += ["head_words_in_body", "head_words_in_start", "head_content_in_body", "head_content_in_start"]
    for n in CHAR_SIZES:
        names += [f"char{n}_in_body", f"char{n}_in_start", f"char{n}_in_first"]
    for n in WORD_SIZES:
        names += [f"word{n}_in_body", f"word{n}_in_start"]
    return names


def _parity(stems: Sequence[str]) -> float:
    return float(sum(t in _REFUTING_STEMS for t in stems) % 2)


class _Body:
    """What a body contributes to every pair it is in: stems, parity, text and character n-grams."""

    def __init__(self, body: str) -> None:
        stems = tx.tokens(body)
        self.stems = set(stems)
        self.parity = _parity(stems)
        self.text = clean(body)
        self.early = self.text[:EARLY]
        self.first = self.text[:FIRST]
        # The n-character substrings of the body, its start and its first characters, as sets, so
        # each headline n-gram costs one lookup instead of a scan of the body.
        self.chars = {
            n: [{t[i : i + n] for i in range(len(t) - n + 1)} for t in (self.text, self.early, self.first)]
            for n in CHAR_SIZES
        }


def features(headline: str, body: str | _Body) -> np.ndarray:
    """Return the baseline feature row of one headline/body pair."""
    b = body if isinstance(body, _Body) else _Body(body)
    h_stems = tx.tokens(headline)
    hs = set(h_stems)
    union = hs | b.stems
    row = [len(hs & b.stems) / len(union) if union else 0.0]
    row += [float(w in hs) for w in _REFUTING_STEMS]
    row += [_parity(h_stems), b.parity]
    h_words = clean(headline).split()
    h_content = [w for w in h_words if w not in tx.STOPWORDS]
    for words in (h_words, h_content):
        row += _hits(words, (b.text, b.early))
    joined = " ".join(h_content)
    for n in CHAR_SIZES:
        row += _hits([joined[i : i + n] for i in range(len(joined) - n + 1)], b.chars[n])
    for n in WORD_SIZES:
        grams = [" ".join(h_words[i : i + n]) for i in range(len(h_words) - n + 1)]
        row += _hits(grams, (b.text, b.early))
    return np.array(row)


def matrix(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """Return the feature matrix, one row per (headline, body text) pair (bodies analysed once)."""
    out = np.zeros((len(pairs), len(feature_names())))
    by_body: dict[str, list[int]] = {}
    for i, (_, body) in enumerate(pairs):
        by_body.setdefault(body, []).append(i)
    for body, rows in by_body.items():
        b = _Body(body)
        for i in rows:
            out[i] = features(pairs[i][0], b)
    return out


class BaselineModel:
    """The fitted baseline classifier; labels pairs like :class:`StanceModel`."""

    def __init__(self, classifier: GradientBoostingClassifier) -> None:
        self.classifier = classifier

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]:
        """Return one label per (claim, article text) pair."""
        return [str(v) for v in self.classifier.predict(matrix(pairs))]


def build(texts: dict[str, str], pairs: Sequence[Pair], rows: Sequence[int], seed: int) -> BaselineModel:
    """Return the baseline trained on the pairs at ``rows`` (a train.Builder)."""
    x = matrix([(pairs[i][0], texts[pairs[i][1]]) for i in rows])
    clf = GradientBoostingClassifier(n_estimators=N_ESTIMATORS, random_state=seed)
    clf.fit(x, np.array([pairs[i][2] for i in rows]))
    return BaselineModel(clf)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the baseline's figures on each topic split; return the process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0])
    args = ap.parse_args(argv)
    with threadpool_limits(1):
        texts, pairs = load_corpus(args.corpus)
        runs = []
        for seed in args.seeds:
            runs.append(split_figures(texts, pairs, seed, build))
            print(f"split {seed} done in {runs[-1]['seconds']} s", flush=True)
        print_runs(runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
