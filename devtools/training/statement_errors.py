"""List the statements the extractor stores that match no gold statement, or match one wrongly.

    python -m devtools.training.statement_errors ../shared/corpus/polnear-dev [--out FILE] [--all]

Extracts the corpus as the calibration does (`extract_many` on the texts, calibrated confidences),
matches it one-to-one to the gold (the evaluation's own matching) and prints, per stored statement
that is not right, its article, confidence, cue, speaker and span, with the gold statements its span
overlaps (their speaker and cue), so that the errors can be read and sorted by cause. `--out` writes
the same rows as JSON lines; `--all` also lists the right ones (marked "ok").
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from claims.evaluation.claims import match_claims
from claims.evaluation.gold import load_corpus
from claims.extraction import extract_many
from claims.extraction.types import Span, StatementClaim


def _span(span: Span | None) -> str | None:
    return None if span is None else span.text


def rows_for(corpus_path: str, include_right: bool = False) -> list[dict[str, Any]]:
    """One dict per stored statement that is wrong or unmatched (every one with `include_right`)."""
    corpus = load_corpus(corpus_path)
    keys = list(corpus.articles)
    extracted = {
        k: e.claims for k, e in zip(keys, extract_many([corpus.articles[k].text for k in keys]), strict=True)
    }
    verdict = {(m.article, m.index): (m.gold_id, m.right) for m in match_claims(corpus, extracted)}
    golds = [g for g in corpus.claims if g.kind == "statement"]
    matched_gold = {gold_id for gold_id, _ in verdict.values()}
    rows = []
    for key in keys:
        text = corpus.articles[key].text
        for index, claim in enumerate(extracted[key]):
            if not isinstance(claim, StatementClaim):
                continue
            gold_id, right = verdict.get((key, index), (None, False))
            if right and not include_right:
                continue
            near = [
                {
                    "id": g.id,
                    "speaker": g.speaker,
                    "mention": g.speaker_mention.text if g.speaker_mention else None,
                    "cue": (g.raw.get("cue") or {}).get("text"),
                    "evidence": (g.evidence or "")[:160],
                    "taken": g.id in matched_gold and g.id != gold_id,
                }
                for g in golds
                if g.article == key
                and g.start is not None
                and g.end is not None  # set with start (load_corpus clears both or neither)
                and g.start < claim.end
                and claim.start < g.end
            ]
            sentence_start = max(text.rfind("\n", 0, claim.start), text.rfind(". ", 0, claim.start)) + 1
            rows.append(
                {
                    "verdict": "ok" if right else ("wrong" if gold_id else "unmatched"),
                    "article": key,
                    "confidence": round(claim.confidence, 3),
                    "direct": claim.direct,
                    "polarity": claim.polarity,
                    "speaker": claim.speaker,
                    "mention": _span(claim.speaker_mention),
                    "cue": _span(claim.cue),
                    "text": claim.text[:200],
                    "context": text[max(0, min(sentence_start, claim.start - 200)) : claim.end + 60],
                    "gold_id": gold_id,
                    "near": near,
                }
            )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("--out")
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    rows = rows_for(args.corpus, include_right=args.all)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    for row in rows:
        print(
            f"[{row['verdict']}] {row['article']} {row['confidence']:.2f} "
            f"{'Q' if row['direct'] else 'R'} {row['polarity']} cue={row['cue']!r} "
            f"speaker={row['speaker']!r} ({row['mention']!r})"
        )
        print(f"   text: {row['text']!r}")
        for g in row["near"]:
            print(
                f"   gold {g['id']}: {g['speaker']!r} ({g['mention']!r}) cue={g['cue']!r} taken={g['taken']}"
            )


if __name__ == "__main__":
    main()
