"""From stored article text to the analysis text the NLP reads, without losing the way back.

The stored text is what a scraper left: page furniture between paragraphs, no-break spaces, curly
quotes, the odd pair of words glued together. `prepare()` builds an `ArticleDoc` whose `analysis`
has all of that made plain, and whose `offsets` map every analysis character back to the stored
text, so any span an extractor finds in `doc` turns into an exact stored-text span.

Furniture is blanked (replaced by spaces, newlines kept) rather than cut out, so it keeps its place
and the parser sees paragraph breaks where they were.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from spacy.lang.en.stop_words import STOP_WORDS

from .document import ArticleDoc
from .nlp import get_nlp
from .types import Span

# One-for-one character replacements (str.translate keeps offsets unchanged).
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u2028": "\n", "\u2029": "\n", "\r": "\n",
    }
)
# Invisible characters that sit inside words; they are dropped (the only edit that shortens).
_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# Whole lines that are page furniture. Each alternative is a convention of news sites, not of one site.
_FURNITURE_LINE = re.compile(
    r"""^[ \t\u00a0]*(?:
        [-\u2013\u2014\u2022*\[(]*\s*(?:advertisement|advertising|sponsored(?:\s+content)?|ad)\s*[-\u2013\u2014*\])]*
      | story\s+continues\s+(?:below|after)\b.*
      | (?:subscribe|sign\s+up)\b.*\b(?:newsletter|inbox|updates|alerts)\b.*
      | (?:subscribe|sign\s+up|log\s*in|register)(?:\s+(?:now|here|today))?[.!]?
      | listen\s+live | get\s+short\s+url | community\s+standards\w* | discussion | comments?(?:\s*\(\d+\))?
      | (?:read|see|watch)\s+(?:more|also|next)(?:\s*:.*)? | also\s+read(?:\s*:.*)?
      | related(?:\s+(?:articles?|stories|news|content|topics|coverage))?(?:\s*:.*)?
      | more\s+(?:on\s+this\s+story|from\s+\S+)\s*:?.*
      | recommended(?:\s+for\s+you)?:? | trending(?:\s+now)?:?
      | (?:watch|play)\s+video\b.* | video\s*:?\s*\d{1,2}:\d{2}
      | (?:share|tweet|email|print|copy\s+link)(?:\s+(?:this|on|via|article|story)\b.*)?
      | (?:facebook|twitter|whatsapp|linkedin|telegram|reddit|pinterest|email)(?:\s*[|/·,]\s*\w+)*
      | follow\s+(?:us|\S+)\s+on\s+(?:twitter|facebook|instagram|telegram|x|social\s+media)\b.*
      | click\s+here\b.* | skip\s+to\s+(?:main\s+)?content
      | (?:copyright\s*)?©.* | copyright\s+\d{4}\b.* | all\s+rights\s+reserved\.?
      | (?:image|photo|picture|video)\s+(?:caption|copyright|source|credit)\b.*
      | (?:photo|image|caption|file\s+photo)\s*:.*
      | \(?file\s+photo\)?\.?
      | [a-z]{1,4}(?:/[a-z]{1,4})+\s*(?:\([^()\n]{1,60}\))?         # author initials: "aw/se (AP, Reuters)"
    )[ \t\u00a0]*$""",
    re.IGNORECASE | re.MULTILINE | re.VERBOSE,
)
# A line that ends with a photo credit in brackets is a caption: "... March 24 (REUTERS)".
_CAPTION_LINE = re.compile(
    r"^[^\n]*\((?:[^()\n]*\b(?:photo|photograph|image|picture|file|credit)\b[^()\n]*"
    r"|AP|AFP|REUTERS|Reuters|Getty Images|EPA|dpa|Xinhua|AP Photo[^()\n]*)\)[ \t\u00a0]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A page-title bar ("Headline | News | Outlet | 25.03.2019") or a breadcrumb ("News / Russia / Venezuela").
_BAR_LINE = re.compile(r"^[^\n|]*(?:\|[^\n|]*){2,}$|^[^\n/]{1,40}(?:\s/\s[^\n/]{1,40}){2,}$", re.MULTILINE)
# The line after "Watch video 26:06" is the video's title.
_VIDEO_LINE = re.compile(
    r"^[ \t\u00a0]*(?:watch|play)\s+video\b[^\n]*\n(?:[ \t\u00a0]*\n)*([^\n]+)", re.IGNORECASE | re.MULTILINE
)
# A line holding nothing but a page timestamp ("07:45 GMT04 August 2020", "Updated: 25.03.2019 10:12").
_MONTHS = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
_DAYS = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
_TIMESTAMP_LINE = re.compile(
    rf"^[ \t\u00a0]*(?:(?:published|updated|last\s+updated|posted|date)\s*:?\s*)?"
    rf"(?=[^\n]*\d)(?:\d[\d:./-]*|(?:GMT|UTC|[AP]\.?M\.?)\d*|(?:{_MONTHS})\.?|{_DAYS}|[ \t\u00a0,]+)+$",
    re.IGNORECASE | re.MULTILINE,
)
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")

_WORD = re.compile(r"\b[A-Za-z][a-z]{4,}\b")
_CAMEL = re.compile(r"\b([a-z]{2,5})([A-Z][a-z]{2,})\b")
# Short function words that scrapers glue to the word before ("Venezuelain December").
_GLUE_TAILS = ("in", "on", "at", "of", "to", "for", "the", "and", "by", "from", "with", "as", "is", "was")


def furniture_spans(text: str) -> list[Span]:
    """Stored-text spans (whole lines) that are page furniture, in order and not overlapping."""
    found: list[tuple[int, int]] = []
    for rx in (_FURNITURE_LINE, _CAPTION_LINE, _BAR_LINE, _TIMESTAMP_LINE):
        found.extend(m.span() for m in rx.finditer(text) if m.group().strip())
    found.extend(m.span(1) for m in _VIDEO_LINE.finditer(text))
    found.extend(_headline_lists(text))
    found.sort()
    merged: list[tuple[int, int]] = []
    for a, b in found:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    spans = []
    for a, b in merged:
        # Trim the indentation so the span starts and ends on visible characters.
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            spans.append(Span(a, b, text[a:b]))
    return spans


def _headline_lists(text: str) -> Iterator[tuple[int, int]]:
    """Runs of two or more adjacent title-case lines without end punctuation: lists of related headlines."""
    run: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        if not _headline_like(m.group()):
            if len(run) >= 2:
                yield run[0][0], run[-1][1]
            run = []
        elif run and text.count("\n", run[-1][1], m.start()) == 1:
            run.append(m.span())
        else:
            if len(run) >= 2:
                yield run[0][0], run[-1][1]
            run = [m.span()]
    if len(run) >= 2:
        yield run[0][0], run[-1][1]


def _headline_like(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 25
        and not _SENTENCE_END.search(line)
        and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
    )


@functools.cache
def _known_words() -> frozenset[str]:
    """Lower-case English words the shared pipeline's lemmatizer tables know, plus spaCy's stop words."""
    words: set[str] = set(STOP_WORDS)
    try:
        lookups = get_nlp().get_pipe("lemmatizer").lookups
        for pos_words in lookups.get_table("lemma_index").values():
            words.update(pos_words)
        for exceptions in lookups.get_table("lemma_exc").values():
            words.update(exceptions)
    except (KeyError, ValueError):  # a pipeline without lookup tables: fall back to stop words only
        pass
    return frozenset(w for w in words if w.isalpha())


_INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                ("ly", ""), ("er", ""), ("est", ""))


def _is_known(word: str) -> bool:
    known = _known_words()
    w = word.lower()
    if w in known:
        return True
    for suffix, repl in _INFLECTIONS:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and w[: len(w) - len(suffix)] + repl in known:
            return True
    return False


def glued_splits(text: str) -> list[int]:
    """Offsets in `text` where a space belongs inside a glued token ("Venezuelain" -> "Venezuela in").

    Conservative: the token must be unknown to the lexicon, the tail a short function word, and the
    head a known word or (for names) a word the article itself uses on its own.
    """
    words = Counter(m.group() for m in _WORD.finditer(text))
    splits = []
    for token, count in words.items():
        if _is_known(token):
            continue
        for tail in _GLUE_TAILS:
            head = token[: -len(tail)]
            if not token.endswith(tail) or len(head) < 4:
                continue
            standalone = words.get(head, 0) > count or (head[0].isupper() and re.search(rf"\b{head}\b", text))
            if (head[0].islower() and _is_known(head)) or (head[0].isupper() and standalone):
                splits.extend(m.start() + len(head) for m in re.finditer(rf"\b{token}\b", text))
                break
    for m in _CAMEL.finditer(text):
        if m.group(1) in STOP_WORDS and _is_known(m.group(2)):
            splits.append(m.start(2))
    return sorted(set(splits))


def clean(text: str) -> tuple[str, list[int] | None, list[Span]]:
    """The analysis text, its offsets map (None when one-for-one) and the furniture spans of `text`."""
    furniture = furniture_spans(text)
    plain = text.translate(_TRANSLATE)
    if furniture:
        chars = list(plain)
        for span in furniture:
            for i in range(span.start, span.end):
                if chars[i] != "\n":
                    chars[i] = " "
        plain = "".join(chars)
    deletions = [m.start() for m in _INVISIBLE.finditer(plain)]
    insertions = glued_splits(plain)
    if not deletions and not insertions:
        return plain, None, furniture
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
    return "".join(parts), offsets, furniture


def prepare(
    text: str, *, published: dt.date | None = None, title: str | None = None, outlet: str | None = None
) -> ArticleDoc:
    """An ArticleDoc for `text`: cleaned analysis text, offsets map, furniture spans and the spaCy parse."""
    analysis, offsets, furniture = clean(text)
    return ArticleDoc(
        text, analysis, offsets, get_nlp()(analysis),
        published=published, title=title, outlet=outlet, furniture=furniture,
    )


def prepare_many(items: Iterable[str | Mapping]) -> list[ArticleDoc]:
    """ArticleDocs for many articles, parsed in one `nlp.pipe` batch.

    Each item is the stored text or a mapping with "text" and optional "published", "title", "outlet".
    """
    rows = [{"text": item} if isinstance(item, str) else item for item in items]
    cleaned = [clean(row["text"]) for row in rows]
    docs = get_nlp().pipe(analysis for analysis, _, _ in cleaned)
    return [
        ArticleDoc(
            row["text"], analysis, offsets, doc,
            published=row.get("published"), title=row.get("title"), outlet=row.get("outlet"),
            furniture=furniture,
        )
        for row, (analysis, offsets, furniture), doc in zip(rows, cleaned, docs, strict=True)
    ]
