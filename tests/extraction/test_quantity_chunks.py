"""The quantity finder's chunks: the document's white-space-separated words with outer punctuation stripped,
found from an array of code points and `str.split`, are what a search for `\\S+` gives."""

from __future__ import annotations

import random
import re
import sys

import numpy as np
from spacy.attrs import IDX

from claims.extraction.nlp import parse_many
from claims.extraction.quantities import chunks as chunk_module
from claims.extraction.quantities.chunks import Chunk, make_chunks


def _plain_chunks(doc, text: str) -> list[Chunk]:
    """The chunks as a search for `\\S+` and a stripped match each give them (the plain definition)."""
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    if not spans:
        return []
    starts = doc.to_array(IDX).astype(np.int64)
    bounds = np.array(spans, dtype=np.int64)
    first = np.maximum(np.searchsorted(starts, bounds[:, 0], side="right") - 1, 0).tolist()
    last = np.searchsorted(starts, bounds[:, 1], side="left").tolist()
    out = []
    for (start, end), t0, t1 in zip(spans, first, last, strict=True):
        raw = text[start:end]
        lm = chunk_module._LEAD.match(raw)
        a = lm.end() if lm else 0
        tm = chunk_module._TRAIL.search(raw, a)
        b = tm.start() if tm else len(raw)
        out.append(
            Chunk(
                t0,
                t1,
                start + a,
                start + b,
                raw[a:b],
                a > 0,
                b < len(raw),
                raw[b:] in ('"', "\u201d", "'", "\u2019"),
            )
        )
    return out


def test_no_white_space_above_the_table() -> None:
    assert not any(chr(c).isspace() for c in range(0x3001, sys.maxunicode + 1))


def test_chunks_are_the_plain_search_for_words() -> None:
    rng = random.Random(16)
    pieces = [
        "The",
        "port",
        "handled",
        "PS2.7m",
        "($5.6\u201d",
        "billion),",
        "\u201c40",
        "ships,\u201d",
        "said",
        "Hale.",
        "12,000",
        "tonnes;",
        "'96-3'",
        "half",
        "a",
        "dozen",
        "--",
        "\u2014",
        "[sic]",
        "caf\u00e9",
        "\u00bd",
        "x\u0301",
    ]
    spaces = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2009", "\u3000", "\u2028", "\x1c", "\x85"]
    texts = [
        "",
        "   ",
        "Ships: 40.",
        "The port handled 12,000 tonnes\u00a0in March, up 4%.",
        "  leading and trailing  ",
    ]
    for _ in range(150):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 25))]
        texts.append("".join(w + rng.choice(spaces) for w in words).strip(rng.choice(["", " ", "\n"])))
    for text, doc in zip(texts, parse_many(texts), strict=True):
        assert make_chunks(doc, text) == _plain_chunks(doc, text), text
