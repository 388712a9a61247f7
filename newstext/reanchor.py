"""Finding an annotated quote again in a changed text (pure Python, no Django).

Exact quote with its prefix and suffix first, then the quote alone (the occurrence whose context
agrees best, nearest the old place), then a fuzzy match of the quote; None when nothing is close.
"""

from __future__ import annotations

from rapidfuzz import fuzz

FUZZY_MIN_SCORE = 85.0


def occurrences(text: str, needle: str) -> list[int]:
    """Every start offset of `needle` in `text` (overlapping ones included)."""
    found, at = [], text.find(needle)
    while at >= 0 and needle:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def common_start(a: str, b: str) -> int:
    """How many leading characters `a` and `b` share."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def context_agreement(text: str, start: int, end: int, prefix: str, suffix: str) -> int:
    """How many characters of `prefix` (from its end) and `suffix` (from its start) agree around the span."""
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return common_start(before[::-1], prefix[::-1]) + common_start(after, suffix)


def locate(quote: str, prefix: str, suffix: str, text: str, hint: int = 0) -> tuple[int, int, bool] | None:
    """(start, end, exact) of `quote` in `text`; exact is False for a fuzzy match; None when not found."""
    if not quote:
        return None
    whole = occurrences(text, prefix + quote + suffix) if (prefix or suffix) else []
    if whole:
        start = min(whole, key=lambda at: abs(at + len(prefix) - hint)) + len(prefix)
        return start, start + len(quote), True
    alone = occurrences(text, quote)
    if alone:
        start = max(
            alone,
            key=lambda at: (context_agreement(text, at, at + len(quote), prefix, suffix), -abs(at - hint)),
        )
        return start, start + len(quote), True
    if len(quote) < 4:
        return None  # a fuzzy match of a very short quote is as likely wrong as right
    alignment = fuzz.partial_ratio_alignment(quote, text, score_cutoff=FUZZY_MIN_SCORE)
    if alignment is None or alignment.dest_end <= alignment.dest_start:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    # Trim white space the alignment may take in at the edges.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end, False) if end > start else None
