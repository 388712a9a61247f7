"""Time the stance model on FNC-1 pairs: CPU seconds to score the first N pairs, one thread.

    python -m devtools.benchmarks.stance --corpus ../shared/corpus/fnc1-train [--pairs 25000] \
        [--model DIR ...]

Each model (the shipped one when none is given) is loaded, then scores the pairs from an empty
feature cache; the models take turns ``--rounds`` times, so a loaded machine weighs on each alike.
Prints one JSON line per model: CPU seconds per round and the best.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

from threadpoolctl import threadpool_limits

from claims.linking.stance import StanceModel
from devtools.training.stance import load_corpus


def main(argv: Sequence[str] | None = None) -> int:
    """Score the pairs with each model in turn and print the CPU seconds; return the exit code."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--pairs", type=int, default=25_000)
    ap.add_argument("--model", type=Path, nargs="*", default=[], help="model directories (default: shipped)")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    texts, pairs = load_corpus(args.corpus)
    asked = [(claim, texts[key]) for claim, key, _ in pairs[: args.pairs]]
    paths: list[Path | None] = list(args.model) or [None]
    seconds: dict[str, list[float]] = {str(p or "shipped"): [] for p in paths}
    with threadpool_limits(1):
        for _ in range(args.rounds):
            for path in paths:
                model = StanceModel.load(path).fresh()  # an empty feature cache each round
                began = time.process_time()
                model.predict_many(asked)
                seconds[str(path or "shipped")].append(round(time.process_time() - began, 2))
    for name, runs in seconds.items():
        print(json.dumps({"model": name, "pairs": len(asked), "cpu_s": runs, "best_cpu_s": min(runs)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
