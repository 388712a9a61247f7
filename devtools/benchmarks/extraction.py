"""How much the extraction costs on top of the spaCy parse it is built on.

`measure()` runs, in this process and on the same texts, spaCy alone (`nlp.pipe`) and the full
extraction (`extract_many`, which parses once and then runs every extractor). The pipeline's budget
is to keep at least 80% of spaCy's words per second. Run it as
`python -m devtools.benchmarks.extraction [--limit N] FILE...` (plain-text articles, or a corpus
gold.json) to print the figures as JSON.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TypedDict

from claims.extraction.nlp import get_nlp
from claims.extraction.pipeline import extract_many


class Rate(TypedDict):
    seconds: float
    words_per_second: float


class Throughput(TypedDict):
    """What `measure` finds: spaCy alone, the full extraction, and extraction's share of spaCy's rate."""

    texts: int
    words: int
    spacy: Rate
    extraction: Rate
    ratio: float


def measure(texts: list[str], repeats: int = 2) -> Throughput:
    """Words, seconds and words/s for spaCy alone and for the full extraction, and their ratio.

    Both are warmed up first (model and lookup tables loaded), then timed `repeats` times in
    alternation; the best time of each counts, since on a shared machine noise only ever adds time.
    """
    nlp = get_nlp()
    list(nlp.pipe(texts[:1]))
    extract_many(texts[:1])
    words = sum(len(text.split()) for text in texts)
    spacy_seconds = extraction_seconds = float("inf")
    for _ in range(max(1, repeats)):
        started = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        spacy_seconds = min(spacy_seconds, time.perf_counter() - started)
        started = time.perf_counter()
        extract_many(texts)
        extraction_seconds = min(extraction_seconds, time.perf_counter() - started)
    spacy_rate = words / spacy_seconds if spacy_seconds else float("inf")
    extraction_rate = words / extraction_seconds if extraction_seconds else float("inf")
    return {
        "texts": len(texts),
        "words": words,
        "spacy": {"seconds": round(spacy_seconds, 3), "words_per_second": round(spacy_rate, 1)},
        "extraction": {
            "seconds": round(extraction_seconds, 3),
            "words_per_second": round(extraction_rate, 1),
        },
        "ratio": round(extraction_rate / spacy_rate, 3) if spacy_rate else 0.0,
    }


def read_texts(paths: list[str], limit: int | None = None) -> list[str]:
    """Article texts from plain-text files, or from a corpus `gold.json` (its "text" fields, else the
    files named by its article keys beside it)."""
    texts = []
    for path in map(Path, paths):
        if path.name == "gold.json":
            articles = json.loads(path.read_text(encoding="utf-8"))["articles"]
            for key, article in articles.items():
                texts.append(article.get("text") or (path.parent / key).read_text(encoding="utf-8"))
        else:
            texts.append(path.read_text(encoding="utf-8"))
    return texts[:limit] if limit else texts


def main(argv: list[str]) -> None:
    """Print `measure()` as JSON over text files or corpus gold.json files (`--limit N` articles at most)."""
    limit = None
    if "--limit" in argv:
        i = argv.index("--limit")
        limit, argv = int(argv[i + 1]), argv[:i] + argv[i + 2 :]
    print(json.dumps(measure(read_texts(argv, limit)), indent=2))


if __name__ == "__main__":
    main(sys.argv[1:])
