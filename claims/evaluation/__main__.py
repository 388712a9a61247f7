"""`python -m claims.evaluation PATH [--json] [--limit N] [--details]`: score the extraction on a corpus.

Uses `claims.extraction.extract_many` (exit status 2 with a message when it cannot be imported).
Linking, stance and event clustering are not wired here; pass them to `evaluate_corpus` from code.
"""

from __future__ import annotations

import argparse
import json
import sys

from .report import evaluate_corpus, format_table


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; returns the process exit status."""
    parser = argparse.ArgumentParser(prog="python -m claims.evaluation", description=__doc__)
    parser.add_argument("path", help="corpus folder holding gold.json (or the gold.json itself)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
    parser.add_argument("--details", action="store_true", help="list the gold claims missed or wrong")
    args = parser.parse_args(argv)
    try:
        from claims.extraction import extract_many
    except ImportError as exc:
        print(f"cannot import claims.extraction.extract_many: {exc}", file=sys.stderr)
        return 2
    try:
        report = evaluate_corpus(args.path, extract_many=extract_many, limit=args.limit, details=args.details)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    print(json.dumps(report, indent=1, ensure_ascii=False) if args.json else format_table(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
