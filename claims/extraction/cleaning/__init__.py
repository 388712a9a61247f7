"""From stored article text to the analysis text the NLP reads, without losing the way back.

The stored text is what a scraper left: page furniture between paragraphs, no-break spaces, curly
quotes, the odd pair of words glued together. `prepare()` builds an `ArticleDoc` whose `analysis`
has all of that made plain, and whose `offsets` map every analysis character back to the stored
text, so any span an extractor finds in `doc` turns into an exact stored-text span.

Furniture, the article's own headline line and what a correction retracts are blanked (replaced by
spaces, newlines kept) rather than cut out, so they keep their place and the parser sees paragraph
breaks where they were: a headline is not a statement, and a retracted fact is no claim.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from newstext.chars import plain_chars
from newstext.furniture import furniture_spans, is_caption
from newstext.header import headline_span
from newstext.notes import Note, find_notes

from ..document import ArticleDoc, as_date
from ..nlp import parse_many
from ..types import ArticleInput, Span
from .glue import glued_splits, quote_glue_splits, sentence_glue_splits

__all__ = ["clean", "furniture_spans", "glued_splits", "is_caption", "plain_chars", "prepare", "prepare_many"]

# Invisible characters that sit inside words; they are dropped (the only edit that shortens).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")


def clean(text: str, *, title: str | None = None) -> tuple[str, list[int] | None, list[Span]]:
    """The analysis text, its offsets map (None when one-for-one) and the furniture spans of `text`.

    Furniture, the headline line at the top (`title`'s line when given) and what corrections retract
    are blanked.
    """
    analysis, offsets, furniture, _, _ = _clean(text, title)
    return analysis, offsets, furniture


def _clean(text: str, title: str | None) -> tuple[str, list[int] | None, list[Span], Span | None, list[Note]]:
    furniture = furniture_spans(text)
    headline = headline_span(text, title=title)
    notes = find_notes(text)
    blanked = [*furniture, *([headline] if headline else []), *(r for note in notes for r in note.retracted)]
    plain = plain_chars(text)
    if blanked:
        chars = list(plain)
        for span in blanked:
            for i in range(span.start, span.end):
                if chars[i] != "\n":
                    chars[i] = " "
        plain = "".join(chars)
    deletions = [m.start() for m in _INVISIBLE.finditer(plain)]
    insertions = sorted(
        set(glued_splits(plain)) | set(quote_glue_splits(text)) | set(sentence_glue_splits(plain))
    )
    if not deletions and not insertions:
        return plain, None, furniture, headline, notes
    edits = sorted([(i, "del") for i in deletions] + [(i, "ins") for i in insertions])
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for i, kind in edits:
        parts.append(plain[pos:i])
        offsets.extend(range(pos, i))
        if kind == "ins":
            parts.append(" ")
            offsets.append(i)  # the inserted space maps onto the character after it
            pos = i
        else:
            pos = i + 1
    parts.append(plain[pos:])
    offsets.extend(range(pos, len(plain)))
    return "".join(parts), offsets, furniture, headline, notes


def prepare(
    text: str, *, published: dt.date | str | None = None, title: str | None = None, outlet: str | None = None
) -> ArticleDoc:
    """An ArticleDoc for `text`: cleaned analysis text, offsets map, furniture spans and the spaCy parse."""
    analysis, offsets, furniture, headline, notes = _clean(text, title)
    return ArticleDoc(
        text,
        analysis,
        offsets,
        next(parse_many([analysis])),
        published=as_date(published),
        title=title,
        outlet=outlet,
        furniture=furniture,
        headline=headline,
        notes=notes,
    )


def prepare_many(items: Iterable[str | ArticleInput]) -> list[ArticleDoc]:
    """ArticleDocs for many articles, parsed in one `nlp.pipe` batch.

    Each item is the stored text or a mapping with "text" and optional "published", "title", "outlet".
    """
    rows = [ArticleInput(text=item) if isinstance(item, str) else item for item in items]
    cleaned = [_clean(row["text"], row.get("title")) for row in rows]
    docs = parse_many(analysis for analysis, *_ in cleaned)
    return [
        ArticleDoc(
            row["text"],
            analysis,
            offsets,
            doc,
            published=as_date(row.get("published")),
            title=row.get("title"),
            outlet=row.get("outlet"),
            furniture=furniture,
            headline=headline,
            notes=notes,
        )
        for row, (analysis, offsets, furniture, headline, notes), doc in zip(rows, cleaned, docs, strict=True)
    ]
