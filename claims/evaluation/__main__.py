"""`python -m claims.evaluation CORPUS DUMP [--json] [--details]`: score stored rows again, without Django.

DUMP is the JSON that `manage.py evaluate CORPUS --dump DUMP` wrote (the rows the app stored when it
imported the corpus into its throwaway database). Stance pairs are not scored here (they need the model).
"""

from __future__ import annotations

import argparse
import json
import sys

from .gold import load_corpus
from .report import format_table, score_import


def main(argv: list[str] | None = None) -> int:
    """Score the dump; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m claims.evaluation", description=__doc__)
    parser.add_argument("path", help="corpus folder holding gold.json (or the gold.json itself)")
    parser.add_argument("dump", help="stored rows written by `manage.py evaluate PATH --dump FILE`")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--details", action="store_true", help="list the gold claims missed or wrong")
    args = parser.parse_args(argv)
    try:
        corpus = load_corpus(args.path)
        with open(args.dump, encoding="utf-8") as handle:
            dump = json.load(handle)
        report = score_import(corpus, dump, details=args.details)
    except (ValueError, OSError) as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
