"""Train the stance model on an FNC-1 style corpus, report held-out figures, write the model.

    python -m devtools.training.stance --corpus /work/shared/corpus/fnc1-train --out DIR [--seed 0]

The validation split holds out ~20% of the *topics*: article bodies and headlines are joined by their
related pairs, each connected group is one story, and whole stories go to validation. So validation
bodies are unseen and so are the headlines written about them (no training pair uses them), like the
competition's test set with its new topics. After reporting, the shipped model is refitted on all
pairs with the same settings (``--no-refit`` keeps the model trained on the training split).

One split is noisy (a few dozen disagree pairs), so to compare settings use several:

    python -m devtools.training.stance --corpus /work/shared/corpus/fnc1-train --seeds 0 1 2 3 4

trains one model per split seed (no refit, nothing written) and prints each split's figures and
their mean and standard deviation.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Protocol

import numpy as np
from threadpoolctl import threadpool_limits

from claims.linking.stance import text as tx
from claims.linking.stance.boosting import BoostedTrees
from claims.linking.stance.features import EXTRA_BLOCKS, Encode, FeatureBuilder, feature_names
from claims.linking.stance.metrics import LABELS, report
from claims.linking.stance.model import StanceModel
from claims.linking.stance.tfidf import TfidfIndex

VAL_FRACTION = 0.2
# LightGBM settings of the two stages, chosen on the topic splits (see the README's stance section).
STAGE1 = {"num_leaves": 31, "learning_rate": 0.1, "min_data_in_leaf": 20, "lambda_l2": 1.0}
# The stance stage draws each split's threshold at random (extra_trees) and each tree from half the
# columns (feature_fraction): a threshold fitted exactly to the training stories' values, or a tree
# leaning on the one column a few stories happen to separate on, does not carry over to a new topic.
STAGE2 = {
    "num_leaves": 15,
    "learning_rate": 0.08,
    "min_data_in_leaf": 20,
    "lambda_l2": 1.0,
    "extra_trees": True,
    "feature_fraction": 0.5,
}
ROUNDS1 = 150
ROUNDS2 = 150
# Disagree is ~10x rarer than discuss; full inverse-frequency weights over-predict it, so the
# class weights are inverse frequency raised to this power.
CLASS_WEIGHT_POWER = 0.5
# Disagree's class weight is then multiplied by this (--disagree-boost; 1 leaves it as it is).
DISAGREE_BOOST = 1.0
# The texts with one column per cue word (claim_w_*, body_w_*): --no-cue-words blanks both at training,
# --no-body-cue-words only the body's.
CUE_WORD_SIDES = ("claim", "body")
# Where --cache keeps encoder vectors between runs (never in the repository).
ENCODER_CACHE = Path("/tmp/stance-encoder-cache.npz")

Pair = tuple[str, str, str]  # claim, article key, label


class Predictor(Protocol):
    """Anything that labels (claim, article text) pairs, like :class:`StanceModel`."""

    def predict_many(self, pairs: Sequence[tuple[str, str]]) -> list[str]: ...


# Trains a predictor on the pairs at the given rows: (texts, pairs, rows, seed) -> predictor.
Builder = Callable[[dict[str, str], Sequence[Pair], Sequence[int], int], Predictor]


def load_corpus(corpus: Path) -> tuple[dict[str, str], list[Pair]]:
    """Return the article texts by key and the (claim, article key, label) stance pairs."""
    gold = json.loads((corpus / "gold.json").read_text(encoding="utf-8"))
    texts = {}
    for key, art in gold["articles"].items():
        body = art.get("text")
        texts[key] = body if body is not None else (corpus / key).read_text(encoding="utf-8")
    pairs = [(p["claim"], p["article"], p["label"]) for p in gold["stance_pairs"]]
    return texts, pairs


def story_of(pairs: Sequence[Pair]) -> dict[str, str]:
    """Return the story (related component) of every headline ("h:" + text) and body ("b:" + key)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for claim, art, label in pairs:
        find("h:" + claim), find("b:" + art)
        if label != "unrelated":
            parent[find("h:" + claim)] = find("b:" + art)
    return {x: find(x) for x in list(parent)}


def topic_split(
    pairs: Sequence[Pair], seed: int, fraction: float = VAL_FRACTION
) -> tuple[list[int], list[int]]:
    """Return (train, validation) pair indices with whole stories (related components) held out."""
    story = story_of(pairs)
    find = story.__getitem__
    comps = sorted({find("b:" + a) for _, a, _ in pairs})
    bodies_in: dict[str, set[str]] = {}
    for _, a, _ in pairs:
        bodies_in.setdefault(find("b:" + a), set()).add(a)
    random.Random(seed).shuffle(comps)
    total = sum(len(v) for v in bodies_in.values())
    val_comps: set[str] = set()
    held = 0
    for c in comps:
        if held >= fraction * total:
            break
        val_comps.add(c)
        held += len(bodies_in[c])
    train, val = [], []
    for i, (claim, art, _) in enumerate(pairs):
        if find("b:" + art) in val_comps:
            val.append(i)
        elif find("h:" + claim) not in val_comps:  # a held-out story's headline is never trained on
            train.append(i)
    return train, val


def fit_index(texts: dict[str, str], claims: Sequence[str]) -> TfidfIndex:
    """Return a TF-IDF index fitted on the content words of the given bodies and claims."""
    docs = [tx.content(tx.tokens(t)) for t in texts.values()]
    docs += [tx.content(tx.tokens(c)) for c in sorted(set(claims))]
    return TfidfIndex.fit(docs, min_df=2, max_terms=30_000)


def class_weights(labels: np.ndarray, power: float) -> np.ndarray:
    """Return per-sample weights proportional to (1 / class frequency) ** power, mean 1."""
    values, counts = np.unique(labels, return_counts=True)
    w = {v: (len(labels) / c) ** power for v, c in zip(values, counts, strict=True)}
    out = np.array([w[v] for v in labels])
    return out / out.mean()


def without_cue_words(
    x: np.ndarray, names: Sequence[str], sides: Sequence[str] = CUE_WORD_SIDES
) -> np.ndarray:
    """Return ``x`` with the one-column-per-cue-word counts of ``sides`` (``claim_w_*``, ``body_w_*``)
    blanked.

    A blank column is one value throughout, so the trees never split on it: the model reads the cue
    groups (refuting, negating, hedging words counted together), not which word of a group a story
    happens to use ("dismissed" in one story's agreeing bodies).
    """
    prefixes = tuple(f"{side}_w_" for side in sides)
    out = x.copy()
    out[:, [i for i, n in enumerate(names) if n.startswith(prefixes)]] = 0.0
    return out


def blanked_sides(cue_words: bool = True, body_cue_words: bool = True) -> tuple[str, ...]:
    """Return the sides (of :data:`CUE_WORD_SIDES`) whose per-cue-word columns training blanks."""
    return () if cue_words and body_cue_words else ("body",) if cue_words else CUE_WORD_SIDES


def fit_stages(
    x: np.ndarray, labels: Sequence[str], seed: int, disagree_boost: float = DISAGREE_BOOST
) -> tuple[BoostedTrees, BoostedTrees]:
    """Return (related-vs-unrelated, agree/disagree/discuss) boosted trees fitted on ``x``."""
    y = np.array(labels)
    related = y != "unrelated"
    t1 = BoostedTrees.fit(x, related.astype(int), STAGE1, ROUNDS1, seed=seed)
    y2 = np.array([LABELS.index(v) for v in y[related]])
    weights = class_weights(y2, CLASS_WEIGHT_POWER)
    weights = weights * np.where(y2 == LABELS.index("disagree"), disagree_boost, 1.0)
    t2 = BoostedTrees.fit(x[related], y2, STAGE2, ROUNDS2, weight=weights, seed=seed)
    return t1, t2


class CachedEncoder:
    """The sentence encoder with a memory of what it encoded (and a file of it, when given one).

    FNC-1 has about 1,700 bodies and 1,650 headlines: every split asks for mostly the same sentences.
    """

    def __init__(self, encode: Encode, path: Path | None = None) -> None:
        self.encode = encode
        self.path = path
        self.vectors: dict[bytes, np.ndarray] = {}
        if path is not None and path.exists():
            with np.load(path, allow_pickle=False) as saved:
                self.vectors = dict(zip(map(bytes, saved["keys"]), saved["vectors"], strict=True))

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha1(text.encode()).digest()

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        todo = list(dict.fromkeys(t for t in texts if self.key(t) not in self.vectors))
        if todo:
            for text, vector in zip(todo, self.encode(todo), strict=True):
                self.vectors[self.key(text)] = np.asarray(vector, dtype=np.float32)
            if self.path is not None:
                keys = np.array(list(self.vectors), dtype="S20")
                np.savez(self.path, keys=keys, vectors=np.array(list(self.vectors.values())))
        return np.array([self.vectors[self.key(t)] for t in texts], dtype=np.float32).reshape(-1, 384)


def build(
    texts: dict[str, str],
    pairs: Sequence[Pair],
    rows: Sequence[int],
    seed: int,
    extras: Sequence[str] = (),
    encode: Encode | None = None,
    disagree_boost: float = DISAGREE_BOOST,
    cue_words: bool = True,
    body_cue_words: bool = True,
) -> StanceModel:
    """Return a StanceModel trained on the pairs at ``rows`` (with the feature blocks ``extras``;
    without the per-cue-word columns unless ``cue_words``, without the body's unless ``body_cue_words``)."""
    used = {pairs[i][1] for i in rows}
    index = fit_index({k: texts[k] for k in sorted(used)}, [pairs[i][0] for i in rows])
    builder = FeatureBuilder(index, extras=extras, encode=encode)
    x = builder.matrix([(pairs[i][0], texts[pairs[i][1]]) for i in rows])
    blank = blanked_sides(cue_words, body_cue_words)
    if blank:
        x = without_cue_words(x, feature_names(extras), blank)
    t1, t2 = fit_stages(x, [pairs[i][2] for i in rows], seed, disagree_boost)
    return StanceModel(index, t1, t2, extras, encode, disagree_boost=disagree_boost)


def split_figures(
    texts: dict[str, str], pairs: Sequence[Pair], seed: int, builder: Builder | None = None
) -> dict[str, object]:
    """Return the validation figures of a model built on the training side of split ``seed``."""
    start = time.time()
    train, val = topic_split(pairs, seed)
    model = (builder or build)(texts, pairs, train, seed)
    gold = [pairs[i][2] for i in val]
    pred = model.predict_many([(pairs[i][0], texts[pairs[i][1]]) for i in val])
    figures = report(gold, pred)
    figures["seed"] = seed
    figures["train_pairs"] = len(train)
    figures["disagree_pairs"] = gold.count("disagree")
    figures["seconds"] = round(time.time() - start, 1)
    return figures


def _figure(value: object) -> float:
    if isinstance(value, int | float):
        return float(value)
    raise TypeError(f"not a figure: {value!r}")


def flat(figures: dict[str, object]) -> dict[str, float]:
    """Return the headline numbers of a :func:`report` result as one flat mapping."""
    out = {k: _figure(figures[k]) for k in ("fnc_score_pct", "accuracy", "macro_f1")}
    f1 = figures["f1"]
    if not isinstance(f1, dict):
        raise TypeError(f"per-label F1 is not a mapping: {f1!r}")
    out |= {f"f1_{k}": _figure(v) for k, v in f1.items()}
    return out


def summarise(runs: Sequence[dict[str, object]]) -> dict[str, dict[str, float]]:
    """Return the mean and (sample) standard deviation of each flat figure over ``runs``."""
    rows = [flat(r) for r in runs]
    out = {}
    for key in rows[0]:
        values = np.array([r[key] for r in rows])
        sd = float(values.std(ddof=1)) if len(values) > 1 else 0.0
        out[key] = {"mean": round(float(values.mean()), 4), "sd": round(sd, 4)}
    return out


def print_runs(runs: Sequence[dict[str, object]]) -> None:
    """Print one line per split and the mean +- sd line (figures as in :func:`flat`)."""
    keys = list(flat(runs[0]))
    print("seed  " + " ".join(f"{k:>14}" for k in keys) + "  disagree_pairs  seconds")
    for r in runs:
        row = flat(r)
        print(
            f"{r['seed']:>4}  "
            + " ".join(f"{row[k]:>14.4f}" for k in keys)
            + f"  {r['disagree_pairs']:>14}  {r['seconds']:>7}"
        )
    summary = summarise(runs)
    print("mean  " + " ".join(f"{summary[k]['mean']:>14.4f}" for k in keys))
    print("sd    " + " ".join(f"{summary[k]['sd']:>14.4f}" for k in keys))
    print(json.dumps({"seeds": [r["seed"] for r in runs], "summary": summary}))


def main(argv: Sequence[str] | None = None) -> int:
    """Train, print validation figures, write the model; return the process exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--out", type=Path, help="model directory (required unless --seeds)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--no-refit", action="store_true", help="ship the model trained on the split only")
    ap.add_argument("--extras", nargs="*", default=[], choices=EXTRA_BLOCKS, help="optional feature blocks")
    ap.add_argument("--disagree-boost", type=float, default=DISAGREE_BOOST)
    ap.add_argument(
        "--no-cue-words", action="store_true", help="train without the per-cue-word columns (groups only)"
    )
    ap.add_argument(
        "--no-body-cue-words",
        action="store_true",
        help="train without the body's per-cue-word columns (the claim's and the groups stay)",
    )
    ap.add_argument(
        "--cache", action="store_true", help=f"keep encoder vectors in {ENCODER_CACHE} between runs"
    )
    ap.add_argument(
        "--seeds",
        type=int,
        nargs="+",
        help="only report: train on each of these topic splits and print per-split figures, mean, sd",
    )
    args = ap.parse_args(argv)
    if args.seeds is None and args.out is None:
        ap.error("--out is required unless --seeds is given")
    encode = None
    if "encoder" in args.extras:
        from claims.linking import encoder

        encode = CachedEncoder(encoder.encode, ENCODER_CACHE if args.cache else None)
    args.builder = partial(
        build,
        extras=args.extras,
        encode=encode,
        disagree_boost=args.disagree_boost,
        cue_words=not args.no_cue_words,
        body_cue_words=not args.no_body_cue_words,
    )
    # One core: the machine is shared, and OpenMP threads contending for it only slow the fit down.
    with threadpool_limits(1):
        if args.seeds is not None:
            texts, pairs = load_corpus(args.corpus)
            runs = []
            for seed in args.seeds:
                runs.append(split_figures(texts, pairs, seed, args.builder))
                print(f"split {seed} done in {runs[-1]['seconds']} s", flush=True)
            print_runs(runs)
            return 0
        return _run(args, argv)


def _run(args: argparse.Namespace, argv: Sequence[str] | None) -> int:
    start = time.time()
    texts, pairs = load_corpus(args.corpus)
    train, val = topic_split(pairs, args.seed)
    model = args.builder(texts, pairs, train, args.seed)
    gold = [pairs[i][2] for i in val]
    pred = model.predict_many([(pairs[i][0], texts[pairs[i][1]]) for i in val])
    figures = report(gold, pred)
    print(
        f"train pairs {len(train)}, validation pairs {len(val)} "
        f"({len({pairs[i][1] for i in val})} unseen bodies)"
    )
    print(json.dumps({k: v for k, v in figures.items() if k != "confusion"}))
    print("confusion (rows gold, columns predicted):", " ".join(LABELS))
    confusion = figures["confusion"]
    if not isinstance(confusion, list):
        raise TypeError(f"the confusion is not a list of rows: {confusion!r}")
    for label, row in zip(LABELS, confusion, strict=True):
        print(f"  {label:>9} {row}")
    if not args.no_refit:
        model = args.builder(texts, pairs, list(range(len(pairs))), args.seed)
    info = {
        "command": "python -m devtools.training.stance " + " ".join(sys.argv[1:] if argv is None else argv),
        "corpus": args.corpus.name,
        "seed": args.seed,
        "trained_on": "all pairs" if not args.no_refit else "training split",
        "split": f"topics (related components) held out, fraction {VAL_FRACTION}",
        "stage1": {**STAGE1, "rounds": ROUNDS1},
        "stage2": {**STAGE2, "rounds": ROUNDS2},
        "class_weight_power": CLASS_WEIGHT_POWER,
        **({"disagree_boost": args.disagree_boost} if args.disagree_boost != 1.0 else {}),
        **({"extras": args.extras} if args.extras else {}),
        **({"cue_word_columns": "blanked"} if args.no_cue_words else {}),
        **({"body_cue_word_columns": "blanked"} if args.no_body_cue_words and not args.no_cue_words else {}),
        "n_features": len(feature_names(args.extras)),
        "validation": figures,
        "train_seconds": round(time.time() - start, 1),
    }
    model.save(args.out, info)
    print(f"model written to {args.out} in {info['train_seconds']} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
