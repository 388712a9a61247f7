"""Learn the reporting-cue lexicon (cue_lexicon.json) from a corpus annotated with attribution cues.

The artefact is a table of counts: for each word lemma and the frame it appears in (does it govern a
clause, an infinitive, an object...), how often annotators marked it as the cue of an attribution
and how often it occurs at all. `cues.cue_probability` turns that into P(cue | lemma, frame). It was
built from PolNeAR's training split (gold.json format 1, statements with "cue" spans):

    python -m devtools.training.cues ../shared/corpus/polnear-train/gold.json [OUT]

Only lemmas seen as a cue at least three times are kept, so the file stays a few kilobytes and names no
person, place or article.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from spacy.tokens import Doc, Token

from claims.extraction.statements.cues import LEXICON_PATH, frame_of
from claims.extraction.statements.quotes import find_quotes, paragraph_ids

_KEPT_POS = frozenset({"VERB", "AUX", "NOUN", "ADJ"})
_CLEAN = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\xa0": " "})


def _cue_heads(doc: Doc, spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that head each gold cue span (their head lies outside the span)."""
    heads: set[int] = set()
    for start, end in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        words = [t for t in span if not t.is_punct] or list(span)
        inner = [t for t in words if not (span.start <= t.head.i < span.end) or t.head.i == t.i]
        heads.add((inner or words)[0].i)
    return heads


def _key(tok: Token) -> str:
    return f"{tok.lemma_.lower()}/{tok.pos_}"


def count_cues(pairs: Iterable[tuple[Doc, list[tuple[int, int]]]]) -> dict[str, dict[str, list[int]]]:
    """{lemma/POS: {frame: [times marked as cue, times seen]}} over (parsed doc, gold cue spans)."""
    seen: Counter[tuple[str, str]] = Counter()
    cued: Counter[tuple[str, str]] = Counter()
    for doc, spans in pairs:
        heads = _cue_heads(doc, spans)
        # The extractor never looks for cues inside quotations, so neither does the count.
        inside = [False] * len(doc)
        for quote in find_quotes(doc, paragraph_ids(doc)):
            inside[quote.start : quote.end] = [True] * (quote.end - quote.start)
        for tok in doc:
            # Only common words are kept: no names (proper nouns), pronouns or punctuation.
            if inside[tok.i] or tok.pos_ not in _KEPT_POS:
                continue
            item = (_key(tok), frame_of(tok))
            seen[item] += 1
            if tok.i in heads:
                cued[item] += 1
    totals: Counter[str] = Counter()
    for (key, _frame), n in cued.items():
        totals[key] += n
    table: dict[str, dict[str, list[int]]] = {}
    for (key, frame), n in seen.items():
        if totals[key] >= 3:
            table.setdefault(key, {})[frame] = [cued[(key, frame)], n]
    return table


def main(gold_path: str, out_path: str | Path = LEXICON_PATH) -> None:
    """Parse the corpus at `gold_path` and write the lexicon to `out_path` (by default the shipped one)."""
    from claims.extraction.nlp import get_nlp

    gold = json.loads(Path(gold_path).read_text())
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in gold["claims"]:
        if claim.get("kind") == "statement" and claim.get("cue"):
            spans.setdefault(claim["article"], []).append((claim["cue"]["start"], claim["cue"]["end"]))
    keys = list(gold["articles"])
    texts = (gold["articles"][k]["text"].translate(_CLEAN) for k in keys)
    docs = get_nlp().pipe(texts, batch_size=20)
    table = count_cues((doc, spans.get(k, [])) for k, doc in zip(keys, docs, strict=True))
    Path(out_path).write_text(json.dumps(table, sort_keys=True, separators=(",", ":")))


if __name__ == "__main__":
    main(*sys.argv[1:3])
