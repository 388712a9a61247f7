"""Views of a parsed Doc that spaCy rebuilds on every access, read once per Doc.

`doc.ents` builds a new tuple of new Spans each time it is read (and `doc.text`, `doc.sents`,
`token.sent` likewise rebuild what they return), so an extractor that asks for them inside a loop pays
for the whole document on every turn. The views here are built on the first request and kept in the
Doc's own `user_data`, so they live exactly as long as the Doc and never outlive or cross it. They hold
only for a Doc whose entities are not changed after parsing (the pipeline never changes them).
"""

from __future__ import annotations

from typing import Any

from spacy.symbols import AUX, VERB
from spacy.tokens import Doc, Span, Token

_ENTS = "doccache:ents"
_TABLES = "doccache:tables"
_PEOPLE = "doccache:people"
_COLUMNS = "doccache:columns"
_VERBS = "doccache:verbs"


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
