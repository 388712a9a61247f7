"""Views of a parsed Doc that spaCy rebuilds on every access, read once per Doc.

`doc.ents` builds a new tuple of new Spans each time it is read (and `doc.text`, `doc.sents`,
`token.sent` likewise rebuild what they return), so an extractor that asks for them inside a loop pays
for the whole document on every turn. The views here are built on the first request and kept in the
Doc's own `user_data`, so they live exactly as long as the Doc and never outlive or cross it. They hold
only for a Doc whose entities are not changed after parsing (the pipeline never changes them).

`fast_sentences` gives a parsed Doc spaCy's own hooks for `token.sent` and `span.sent`: spaCy finds a
token's sentence by walking the sentence starts from the token both ways (and first asks the Doc whether
it has sentence starts at all, through slicing helpers written in Python), about 12 microseconds a
call, asked some ten thousand times per 40 articles. The hooks read the sentence bounds of every token
from one `doc.to_array("SENT_START")` and return the same Span spaCy would.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

_ENTS = "doccache:ents"
_TABLES = "doccache:tables"
_SPAN_TABLES = "doccache:span_tables"
_PEOPLE = "doccache:people"
_COLUMNS = "doccache:columns"
_VERBS = "doccache:verbs"
_SENTENCES = "doccache:sentences"


def entities(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read once per Doc."""
    ents: tuple[Span, ...] | None = doc.user_data.get(_ENTS)
    if ents is None:
        ents = doc.user_data[_ENTS] = tuple(doc.ents)
    return ents


def person_entities(doc: Doc) -> tuple[Span, ...]:
    """The PERSON entities of `doc`, in order, read once per Doc."""
    found: tuple[Span, ...] | None = doc.user_data.get(_PEOPLE)
    if found is None:
        found = doc.user_data[_PEOPLE] = tuple(e for e in entities(doc) if e.label_ == "PERSON")
    return found


def token_table(doc: Doc, name: str) -> dict[int, Any]:
    """The Doc's own dict called `name`, empty at first: a memo of a per-token reading (token index -> what
    was read), for a function of the parse alone that the extractors ask about one token many times."""
    tables: dict[str, dict[int, Any]] = doc.user_data.setdefault(_TABLES, {})
    return tables.setdefault(name, {})


def span_table(doc: Doc, name: str) -> dict[tuple[int, int], Any]:
    """As `token_table`, for a reading of a token range ((start, end) -> what was read)."""
    tables: dict[str, dict[tuple[int, int], Any]] = doc.user_data.setdefault(_SPAN_TABLES, {})
    return tables.setdefault(name, {})


def column(doc: Doc, attr: str) -> list[int]:
    """One token attribute of the whole Doc as a list of ints ("POS" gives `spacy.symbols` ids, "LOWER" string
    hashes), read once per Doc with `doc.to_array`: a loop over every token tests these without building a
    Token and reading its attributes one by one."""
    columns: dict[str, list[int]] = doc.user_data.setdefault(_COLUMNS, {})
    found = columns.get(attr)
    if found is None:
        found = columns[attr] = doc.to_array(attr).tolist() if len(doc) else []
    return found


def verbs(doc: Doc) -> tuple[Token, ...]:
    """The tokens tagged VERB or AUX, in order, read once per Doc: the candidates of every test that only a
    verb can pass (an "as" aside's cue, a verb-first attribution)."""
    found: tuple[Token, ...] | None = doc.user_data.get(_VERBS)
    if found is None:
        found = doc.user_data[_VERBS] = tuple(
            doc[i] for i, pos in enumerate(column(doc, "POS")) if pos in (VERB, AUX)
        )
    return found


def _sentence_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    """For every token, the first token of its sentence and one past its last, read once per Doc exactly as
    spaCy's `Span.sent` reads them: back to the nearest sentence start at or before the token (else the
    Doc's first token), on to the next sentence start after it (else the Doc's end)."""
    bounds: tuple[list[int], list[int]] | None = doc.user_data.get(_SENTENCES)
    if bounds is None:
        starts = doc.to_array("SENT_START") == 1
        n = len(starts)
        at = np.arange(n)
        # the last start at or before each token; the first start after it (n where none follows)
        firsts = np.maximum.accumulate(np.where(starts, at, 0)) if n else at
        following = np.minimum.accumulate(np.where(starts, at, n)[::-1])[::-1]
        ends = np.append(following[1:], n) if n else at
        bounds = doc.user_data[_SENTENCES] = (firsts.tolist(), ends.tolist())
    return bounds


def _token_sentence(token: Token) -> Span:
    doc = token.doc
    firsts, ends = _sentence_bounds(doc)
    return Span(doc, firsts[token.i], ends[token.i])


def _span_sentence(span: Span) -> Span:
    # spaCy reads a span's sentence from its first token (an empty span at the Doc's end: the last sentence)
    doc = span.doc
    firsts, ends = _sentence_bounds(doc)
    i = min(span.start, len(doc) - 1)
    return Span(doc, firsts[i], ends[i] if span.start < len(doc) else len(doc))


def fast_sentences(doc: Doc) -> Doc:
    """`doc`, its `token.sent` and `span.sent` answered from sentence bounds read once (see above); a Doc
    without sentence starts (empty) is left as it is, so spaCy raises for it as before."""
    if len(doc) and doc.has_annotation("SENT_START"):
        doc.user_token_hooks["sent"] = _token_sentence
        doc.user_span_hooks["sent"] = _span_sentence
    return doc


_TEXTS = "doccache:texts"


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, in order, read once per Doc: a scan that tests only the words ("(", ",", a line
    break) reads `token_texts(doc)[i]` for `doc[i].text` without building the Token."""
    found: list[str] | None = doc.user_data.get(_TEXTS)
    if found is None:
        found = doc.user_data[_TEXTS] = [t.text for t in doc]
    return found
