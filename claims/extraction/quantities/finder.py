"""Finding quantity claims: one linear pass over the whitespace chunks of the parsed article."""

from __future__ import annotations

from spacy.tokens import Doc

from ..document import ArticleDoc
from ..types import QuantityClaim, Span
from .chunks import Chunk, Expr, make_chunks, read_expr
from .context import (
    clause_span,
    direction_after,
    direction_before,
    is_clock,
    is_date_part,
    is_identifier,
    is_year,
    source_in,
)
from .units import DOLLAR_QUALIFIERS
from .unitread import UnitRead, read_unit

_RANGE_WORDS = {"to", "-", "–", "—", "and", "or", "through"}
_PRONOUN_ONE_BEFORE = {"each", "every", "no", "any", "the", "this", "that", "which", "another", "same", "someone",
                       "anyone", "little", "right", "wrong", "new", "old", "big", "only", "such", "last"}


def find_quantities(adoc: ArticleDoc) -> list[QuantityClaim]:
    """Quantity claims in the article, in document order (offsets into the stored text)."""
    doc: Doc = adoc.doc
    chunks = make_chunks(doc)
    blocked = [(s.start, s.end) for s in adoc.furniture]
    out: list[QuantityClaim] = []
    ci = 0
    while ci < len(chunks):
        ex = read_expr(chunks, ci)
        if ex is None:
            ci += 1
            continue
        claim, nxt = _claim_at(adoc, doc, chunks, ex)
        if claim is not None and not any(a <= claim.number.start < b for a, b in blocked if claim.number):
            out.append(claim)
        ci = max(nxt, ci + 1)
    return out


def _qualify_currency(chunks: list[Chunk], ex: Expr) -> None:
    """"US $58", "C $6", "S $1mil": the letters before a spaced dollar sign name the dollar."""
    if ex.currency == "$" and ex.c0 > 0:
        prev = chunks[ex.c0 - 1]
        q = DOLLAR_QUALIFIERS.get(prev.text) or DOLLAR_QUALIFIERS.get(prev.text + ".")
        if q and chunks[ex.c0].start - prev.end == 1 and not prev.trail:
            ex.currency, ex.c0 = q, ex.c0 - 1


def _read_range(chunks: list[Chunk], ex: Expr, u: UnitRead) -> tuple[Expr, UnitRead] | None:
    """A second amount joined to the first ("15 to 22 miles", "between 5% and 6%", "three or four")."""
    k = ex.c1 if u.c_end == ex.c1 or ex.rest else None
    prev = chunks[ex.c0 - 1].text.lower() if ex.c0 > 0 else ""
    if k is None:
        # "from 4.8 percent to 4.7 percent": a unit may sit between when "from" opens the range
        if prev not in ("from", "between"):
            return None
        k = u.c_end
    if k + 1 >= len(chunks) or chunks[k - 1].trail:
        return None
    word = chunks[k].text.lower()
    if word not in _RANGE_WORDS or (word == "and") != (prev == "between"):
        return None
    if prev == "by" or word == "or" and (ex.digits or ex.rest):
        return None
    other = read_expr(chunks, k + 1)
    if other is None or other.vague or ex.vague or other.low < ex.low and prev != "from":
        return None
    return other, u


def _claim_at(adoc: ArticleDoc, doc: Doc, chunks: list[Chunk], ex: Expr) -> tuple[QuantityClaim | None, int]:
    _qualify_currency(chunks, ex)
    first_tok = chunks[ex.c0].tok_start
    sent = doc[first_tok].sent
    if ex.c0 > 0 and chunks[ex.c0 - 1].text.lower() == "minus" and ex.low >= 0:
        ex.c0 -= 1
        ex.low, ex.high = -ex.high, -ex.low
        first_tok = chunks[ex.c0].tok_start
    u = read_unit(doc, chunks, ex, sent.end)
    end_chunk = max(u.c_end, ex.c1)
    rng = _read_range(chunks, ex, u)
    if rng is not None:
        other, _ = rng
        ou = read_unit(doc, chunks, other, sent.end)
        if ex.currency is None and ou.measure and ou.unit_class and not u.measure:
            u = ou
        elif not u.measure and not u.counted:
            u = ou
        ex = _merge(ex, other)
        end_chunk = max(ou.c_end, other.c1)
        u.t_end = max(u.t_end, ou.t_end)
    if u.unknown_glued or ex.low != ex.high and ex.rest and not u.measure and not u.counted and not ex.vague:
        return None, end_chunk
    if _rejected(doc, chunks, ex, u):
        return None, end_chunk
    direction = direction_before(doc, first_tok, sent.start)
    if ex.rest.startswith(("~", "≈")):
        direction = "~"
    after = direction_after(doc, u.t_end)
    if after:
        direction = after
    last_tok = max(u.t_end, chunks[end_chunk - 1].tok_end) - 1
    a, b = clause_span(doc, first_tok, min(last_tok, sent.end - 1))
    ev = adoc.original(a, b)
    num = adoc.original(chunks[ex.c0].start, chunks[ex.c1 - 1].end)
    src = source_in(sent)
    claim = QuantityClaim(
        start=ev.start, end=ev.end, text=ev.text, low=ex.low, high=ex.high,
        unit=u.unit, unit_class=u.unit_class, counted=u.counted,
        number=Span(num.start, num.end, num.text),
        approximate=ex.vague or direction == "~", direction=direction,
        source=adoc.original(src.start_char, src.end_char).text if src is not None else None,
        confidence=_confidence(ex, u),
    )
    return claim, end_chunk


def _merge(a: Expr, b: Expr) -> Expr:
    low, high = a.low, b.high
    if b.high > 0 and a.high > 0 and a.low * 1000 <= b.low and a.digits and "," not in str(a.low):
        scale = _scale_of(b)
        if scale > 1 and a.low * scale <= b.high:
            low = a.low * scale  # "from 24.2 to 33 billion", "1 to 2 million"
    lo, hi = min(low, high), max(low, high)
    return Expr(a.c0, b.c1, lo, hi, a.digits or b.digits, a.currency or b.currency, b.rest or a.rest,
                a.vague or b.vague)


def _scale_of(e: Expr) -> float:
    for s in (1e12, 1e9, 1e6, 1e3):
        if e.low >= s and (e.low / s) < 1000:
            return s
    return 1.0


def _rejected(doc: Doc, chunks: list[Chunk], ex: Expr, u: UnitRead) -> bool:
    """True when the number is no quantity: a date, year, clock time, name, code, score or pronoun."""
    if is_date_part(chunks, ex.c0, ex.c1) or is_clock(chunks, ex):
        return True
    has_unit = u.measure or u.counted is not None
    if is_year(doc, chunks, ex, has_unit and u.unit_class not in ("year",)):
        return True
    if is_identifier(doc, chunks, ex, u.counted is not None and not u.measure):
        return True
    if ex.digits and ex.low != ex.high and chunks[ex.c0].text.count("-") == 1 and not has_unit \
            and not ex.currency and ex.c1 - ex.c0 == 1:
        return True  # "2-2", "89-89": scores and codes
    if ex.word_one:
        first_tok = chunks[ex.c0].tok_start
        prev = doc[first_tok - 1].lower_ if first_tok > 0 else ""
        if prev in _PRONOUN_ONE_BEFORE or u.counted is None and not u.measure:
            return True
        nxt = doc[first_tok + 1].lower_ if first_tok + 1 < len(doc) else ""
        if nxt in ("another", "and"):
            return True
    return False


def _confidence(ex: Expr, u: UnitRead) -> float:
    conf = 0.85 if ex.digits else 0.75
    if u.unit_class is None:
        conf -= 0.25
    if ex.vague:
        conf -= 0.1
    if ex.word_one:
        conf -= 0.2
    return round(conf, 2)
