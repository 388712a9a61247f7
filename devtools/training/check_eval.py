"""Measure *Check a claim* on stories the model never saw: the precision of its Agree group.

    python -m devtools.training.check_eval --corpus ../shared/corpus/fnc1-train --seed 0 \
        [--model DIR] [--candidates 200] [--json]

Holds out the stories of topic split ``seed`` (as ``train --seed`` does), trains on the rest (or loads
``--model``, which must be a ``train --no-refit --seed`` model of the same split), then does what the
page does for every held-out headline: the held-out bodies that contain the claim's longest words
(the SQLite search of claims.selectors.claim_check: most of those words first) are the candidates, at most
``--candidates`` of them, and :func:`claims.linking.check.check_claim` groups them.

A body's gold stance towards a headline is FNC-1's where the pair is annotated; a body of another story
(another related component) is unrelated; a body of the same story never paired with the headline has
no gold and is left out of the figures. Reported: per group (agree, disagree, discuss) the gold labels
of what it holds; the Agree group's precision (gold agree over everything in it with a gold label) and
recall (over the gold agree pairs the search found); unrelated bodies placed under agree or disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from threadpoolctl import threadpool_limits

from claims.linking.check import SHOWN, Candidate, check_claim, search_terms
from claims.linking.stance.features import EXTRA_BLOCKS
from claims.linking.stance.model import StanceModel
from devtools.training.stance import (
    DISAGREE_BOOST,
    ENCODER_CACHE,
    CachedEncoder,
    build,
    load_corpus,
    story_of,
    topic_split,
)

SEARCH_TERMS = 6  # as claims.selectors.claim_check.SQLITE_TERMS: the longest words of the claim


def candidates_for(claim: str, bodies: dict[str, str], limit: int) -> list[str]:
    """Keys of the bodies containing most of the claim's longest words (at least one), best first."""
    words = search_terms(claim)[:SEARCH_TERMS]
    found = []
    for key, text in bodies.items():
        n = sum(1 for w in words if w in text)
        if n:
            found.append((-n, key))
    found.sort()
    return [key for _, key in found[:limit]]


def evaluate(
    texts: dict[str, str],
    pairs: Sequence[tuple[str, str, str]],
    seed: int,
    model: StanceModel,
    limit: int = 200,
) -> dict[str, object]:
    """Return the Check-a-claim figures on the held-out stories of split ``seed``."""
    _, val = topic_split(pairs, seed)
    story = story_of(pairs)
    gold = {(pairs[i][0], pairs[i][1]): pairs[i][2] for i in val}
    keys = sorted({pairs[i][1] for i in val})
    held_out = {story["b:" + k] for k in keys}
    # the held-out stories' own headlines (a headline of a training story was seen in training)
    claims = sorted({pairs[i][0] for i in val if story["h:" + pairs[i][0]] in held_out})
    lowered = {k: texts[k].lower() for k in keys}
    held: dict[str, Counter[str]] = {label: Counter() for label in SHOWN}
    gold_agree_found = agree_right = unrelated_shown = checked = 0
    for claim in claims:
        found = candidates_for(claim, lowered, limit)
        checked += len(found)
        gold_agree_found += sum(1 for k in found if gold.get((claim, k)) == "agree")
        result = check_claim(model, claim, [Candidate(k, texts[k]) for k in found])
        for label, matches in result.groups.items():
            for m in matches:
                key = str(m.candidate.id)  # a body id, given to Candidate above
                truth = gold.get((claim, key))
                if truth is None:
                    truth = "unrelated" if story["b:" + key] != story["h:" + claim] else "unknown"
                held[label][truth] += 1
                if label == "agree" and truth == "agree":
                    agree_right += 1
                if label in ("agree", "disagree") and truth == "unrelated":
                    unrelated_shown += 1
    judged_agree = sum(v for k, v in held["agree"].items() if k != "unknown")
    return {
        "seed": seed,
        "claims": len(claims),
        "bodies": len(keys),
        "pairs_checked": checked,
        "groups": {label: dict(sorted(c.items())) for label, c in held.items()},
        "agree_precision": round(agree_right / judged_agree, 4) if judged_agree else None,
        "agree_recall": round(agree_right / gold_agree_found, 4) if gold_agree_found else None,
        "unrelated_under_agree_or_disagree": unrelated_shown,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model", type=Path, help="a `train --no-refit --seed SEED` model of the same split")
    ap.add_argument("--candidates", type=int, default=200, help="articles checked per claim, as the page")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--extras", nargs="*", default=[], choices=EXTRA_BLOCKS, help="as train's, without --model"
    )
    ap.add_argument(
        "--disagree-boost", type=float, default=DISAGREE_BOOST, help="as train's, without --model"
    )
    ap.add_argument("--no-cue-words", action="store_true", help="as train's, without --model")
    ap.add_argument("--no-body-cue-words", action="store_true", help="as train's, without --model")
    ap.add_argument("--cache", action="store_true", help=f"keep encoder vectors in {ENCODER_CACHE}")
    args = ap.parse_args(argv)
    start = time.time()
    texts, pairs = load_corpus(args.corpus)
    with threadpool_limits(1):
        if args.model is not None:
            info = json.loads((args.model / "training.json").read_text(encoding="utf-8"))
            if info.get("trained_on") != "training split" or info.get("seed") != args.seed:
                print(f"{args.model} is not a --no-refit model of split {args.seed}", file=sys.stderr)
                return 2
            model = StanceModel.load(args.model)
        else:
            train, _ = topic_split(pairs, args.seed)
            encode = None
            if "encoder" in args.extras:
                from claims.linking import encoder

                encode = CachedEncoder(encoder.encode, ENCODER_CACHE if args.cache else None)
            model = build(
                texts,
                pairs,
                train,
                args.seed,
                args.extras,
                encode,
                args.disagree_boost,
                cue_words=not args.no_cue_words,
                body_cue_words=not args.no_body_cue_words,
            )
        figures = evaluate(texts, pairs, args.seed, model, args.candidates)
    figures["seconds"] = round(time.time() - start, 1)
    if args.json:
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
