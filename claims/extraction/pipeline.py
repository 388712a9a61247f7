"""The extraction pipeline: one parse per article, every extractor on the same ArticleDoc.

`extract()` cleans the stored text, parses it once, runs the quantity, date and statement
extractors on that one parse, drops what falls inside page furniture, checks every span against the
stored text, and returns the claims in text order with the publication date they were read against.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable, Iterable, Sequence

from newstext.notes import Note

from .cleaning import prepare, prepare_many
from .dates import date_claims
from .document import ArticleDoc, as_date
from .quantities import find_quantities
from .statements import find_statements
from .types import ArticleInput, Claim, DateClaim, Extraction, Span

# stmt-rules, link-rules and stmt-model all change the output on 2026.12.5: the lead sets the merged value
EXTRACTOR_VERSION = "2026.12.18"

log = logging.getLogger(__name__)


def _span_ok(text: str, span: Span | None) -> bool:
    return span is None or (
        0 <= span.start < span.end <= len(text) and text[span.start : span.end] == span.text
    )


def _valid(text: str, claim: Claim) -> bool:
    """True when the claim's span is inside `text` and quotes it exactly; bad inner spans are dropped."""
    if not (0 <= claim.start < claim.end <= len(text) and text[claim.start : claim.end] == claim.text):
        return False
    for f in dataclasses.fields(claim):
        value = getattr(claim, f.name)
        if isinstance(value, Span) and not _span_ok(text, value):
            setattr(claim, f.name, None)
    claim.confidence = min(1.0, max(0.0, float(claim.confidence)))
    return True


def _run(finder: Callable[[ArticleDoc], Sequence[Claim]], adoc: ArticleDoc) -> list[Claim]:
    """The finder's claims; a finder that fails is logged as an error and yields none, so one broken
    extractor does not stop an import (the tests check that nothing is logged)."""
    try:
        return list(finder(adoc))
    except Exception:
        log.exception("%s failed on an article of %d characters", finder.__name__, len(adoc.text))
        return []


def _in_furniture(claim: Claim, furniture: list[Span]) -> bool:
    return any(f.start <= claim.start and claim.end <= f.end for f in furniture)


_STAMP_EDGES = " \t\n.,:;-\u2013\u2014()[]*"


def _note_stamp(claim: Claim, notes: list[Note], text: str) -> bool:
    """True for a date that is all a correction or editor's note says besides its label ("Correction:
    December 1, 2010"): the day of the note, not a happening of the story."""
    if not isinstance(claim, DateClaim):
        return False
    for note in notes:
        if not (note.span.start <= claim.start and claim.end <= note.span.end):
            continue
        kept, at = [], note.span.start
        for part in sorted(note.retracted, key=lambda r: r.start):
            kept.append(text[at : max(at, part.start)])
            at = max(at, part.end)
        kept.append(text[at : note.span.end])
        words = claim.expression.text if claim.expression is not None else claim.text
        return "".join(kept).strip(_STAMP_EDGES) == words.strip(_STAMP_EDGES)
    return False


def extract_doc(adoc: ArticleDoc) -> Extraction:
    """The Extraction for an already prepared article (claims sorted by start, furniture removed)."""
    dates, publication = date_claims(adoc)
    if adoc.published is None and publication.value is not None:
        adoc.published = publication.value  # later extractors may want the article's own date
    found: list[Claim] = [*_run(find_quantities, adoc), *dates, *_run(find_statements, adoc)]
    claims = []
    headline = [adoc.headline] if adoc.headline else []
    retracted = [r for note in adoc.notes for r in note.retracted]  # what corrections say was wrong
    for claim in found:
        if not _valid(adoc.text, claim):
            log.warning("dropped %s claim with a span outside the text: %r", claim.kind, claim)
        elif not (
            _in_furniture(claim, adoc.furniture)
            or _in_furniture(claim, headline)
            or any(r.start < claim.end and claim.start < r.end for r in retracted)
            or _note_stamp(claim, adoc.notes, adoc.text)
        ):
            claims.append(claim)
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    return Extraction(claims, publication, EXTRACTOR_VERSION, list(adoc.furniture), list(adoc.notes))


def extract(
    text: str,
    *,
    published: dt.date | str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    candidates: Iterable[tuple[object, str]] = (),
) -> Extraction:
    """Claims found in one article's stored text, with its publication date and the extractor version.

    `published` is a date the metadata or an editor gave (it wins); `candidates` are (date, source)
    publication-date candidates found outside the text (the header lines an import took off), weighed
    with the text's own evidence. `url` is accepted for the importer's convenience; nothing reads it yet.
    """
    adoc = prepare(text or "", published=as_date(published), title=title, outlet=outlet)
    adoc.candidates = _candidates(candidates)
    return extract_doc(adoc)


def _candidates(pairs: Iterable[tuple[object, str]] | None) -> list[tuple[dt.date, str]]:
    found = []
    for value, source in pairs or ():
        date = as_date(value)
        if date is not None:
            found.append((date, str(source)))
    return found


def extract_many(items: Iterable[str | ArticleInput]) -> list[Extraction]:
    """Extractions for many articles, parsed in one batch; items are texts or dicts of `extract`'s kwargs."""
    rows = []
    for item in items:
        row = ArticleInput(text=item) if isinstance(item, str) else item.copy()
        row["text"] = row.get("text") or ""
        row["published"] = as_date(row.get("published"))
        rows.append(row)
    adocs = prepare_many(rows)
    for adoc, row in zip(adocs, rows, strict=True):
        adoc.candidates = _candidates(row.get("candidates"))
    return [extract_doc(adoc) for adoc in adocs]
