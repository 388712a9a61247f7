"""Reading numbers: digits with their glued prefixes and suffixes, number words, scales and vague amounts.

Everything here works on the text of one whitespace-delimited chunk (or one lower-cased word), so the
finder can read "US$2.5bn", "PS8.1bn", "256GB", "65-year-old" and "twenty-five" the same way whether the
tokenizer split them or not.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALE_WORDS = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
# Glued or abbreviated scales ("2.5bn", "AUD1.5m", "S$1mil", "8 B people"); "m" only reads as million
# after a currency, elsewhere it is the metre (the finder decides).
SCALE_ABBR = {
    "k": 1e3,
    "K": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "M": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mio": 1e6,
    "million": 1e6,
    "b": 1e9,
    "B": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "tr": 1e12,
    "T": 1e12,
    "trillion": 1e12,
    "hundred": 100.0,
}
# Vague amounts: "dozens" is 24-199 (more than two dozen, fewer than hundreds); the plural of a scale
# covers two of that scale up to just under the next one.
VAGUE_WORDS = {
    "dozens": (24.0, 199.0),
    "scores": (40.0, 199.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
    "trillions": (2e12, 999e12),
}
# "tens of thousands": ten to a hundred of the scale.
TENS_OF = {"thousands": 1e3, "millions": 1e6, "billions": 1e9}
FRACTION_DENOM = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
UNICODE_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}

# Currency written before the amount. "PS" and "Y=" are how "£" and "¥" come out of many news feeds
# converted to ASCII; "PS" only counts when the amount has decimals, separators or a scale ("PS2.7m"),
# so "PS5" (the console) is not money.
CURRENCY_PREFIX = (
    r"US\s?\$|\$\s?US|AU?\$|\$A|C\$|CA\$|S\s?\$|HK\$|NZ\$|R\$|\$|£|€|¥|₹|₽|₩|Y=|RM|Rs\.?\s?|PS|"
    r"USD\s?|EUR\s?|GBP\s?|AUD\s?|CAD\s?|JPY\s?|CNY\s?|INR\s?|CHF\s?|SGD\s?"
)
NUMBER_CHUNK = re.compile(
    rf"^(?P<pre>{CURRENCY_PREFIX})?(?P<sign>[-\u2212\u2013~≈+]|minus-?|sub-)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<rest>.*)$"
)
ORDINAL_REST = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
TIME_CHUNK = re.compile(r"^\d{1,2}:\d{2}|^\d{1,2}(?:[.]\d{2})?\s*[ap]\.?m\.?$", re.I)
CLOCK_REST = re.compile(r"^(?:[ap]\.?m\.?|gmt|bst|utc|h\d\d)$", re.I)
PHONE_CHUNK = re.compile(r"^\+?\(?\d{2,4}\)?(?:[-.\s]\d{2,4}){2,}$")
FRACTION_CHUNK = re.compile(r"^(\d{1,3})\s?[/\u2044](\d{1,3})$")
SCALE_REST = re.compile(
    r"^(?P<scale>k|K|mn|mln|mil|mio|m|M|bn|bln|b|B|tn|trn|tr|T)(?![a-zA-Z])(?P<after>.*)$"
)
HYPHEN_NUMBER_REST = re.compile(r"^(?:[-\u2013]|-to-)(?P<num>\d+(?:\.\d+)?)(?P<after>.*)$")
WORD_HYPHEN = re.compile(
    r"^(?P<tens>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?P<unit>[a-z]+)$"
)


_HAS_DIGIT = re.compile(r"[0-9\u00bc-\u00be\u2153\u2154]")
WORD_STARTS = set(UNITS_WORDS) | set(TENS_WORDS) | set(VAGUE_WORDS) | {"a", "an", "tens", "half", "hundred"}


@functools.lru_cache(maxsize=65536)  # asked of every chunk: most words come again ("the", "said")
def may_start_number(text: str) -> bool:
    """Cheap test: can a number expression start at this chunk (a digit, a number word, "a"/"an")?"""
    return bool(_HAS_DIGIT.search(text)) or text.lower().partition("-")[0] in WORD_STARTS


@dataclass(slots=True)
class Atom:
    """One chunk read as (part of) a number."""

    value: float
    digits: bool  # written in digits
    currency: str | None = None  # prefix as written ("US$", "PS")
    scale: float = 1.0  # glued scale ("bn")
    rest: str = ""  # what follows the number in the same chunk ("GB", "-year-old", "%")
    high: float | None = None  # glued hyphen range "14-18"
    vague: bool = False
    negative: bool = False
    kind: str = "number"  # "number", "scale", "fraction", "vague", "tens"
    plus: float = 0.0  # a scale's number glued after it: "hundred-eighteen" is a hundred, plus 18


MAX_DIGITS_VALUE = 1e18  # larger digit strings are not read as numbers


def parse_digits(num: str) -> float:
    """The value of a digit string such as "1,200" or "2.5"."""
    return float(num.replace(",", ""))


def read_chunk(text: str) -> Atom | None:
    """The number a chunk of text states, or None (times, ordinals, phone numbers, codes are None)."""
    if not text:
        return None
    ch = text[0]
    if ch.isdigit() or ch in "$£€¥₹₽₩-\u2212\u2013~≈+.URCSAHNPYGEJIM½¼¾⅓⅔m" or text.startswith("sub-"):
        if TIME_CHUNK.match(text) or PHONE_CHUNK.match(text):
            return None
        if text in UNICODE_FRACTIONS:
            return Atom(UNICODE_FRACTIONS[text], True, kind="fraction")
        frac = FRACTION_CHUNK.match(text)
        if frac:
            den = int(frac.group(2))
            return Atom(int(frac.group(1)) / den, True, kind="fraction") if den else None
        m = NUMBER_CHUNK.match(text)
        if m:
            return _digit_atom(m)
    return read_word(text.lower())


def _digit_atom(m: re.Match[str]) -> Atom | None:
    pre, sign, num, rest = m.group("pre"), m.group("sign"), m.group("num"), m.group("rest")
    if ORDINAL_REST.match(rest) or CLOCK_REST.match(rest):
        return None
    if rest[:1] in (":", "/") and rest[1:2].isdigit():
        return None  # clock times, dates, codes such as 24/7
    if rest[:1] == "." and rest[1:2].isdigit():
        return None  # version numbers and dotted dates
    atom = Atom(parse_digits(num), True, rest=rest)
    if not atom.value < MAX_DIGITS_VALUE:
        return None  # a run of hundreds of digits is a code, not a quantity (and would overflow to inf)
    if pre:
        pre = pre.strip()
        if pre == "PS" and not (rest or "." in num or "," in num):
            return None
        atom.currency = pre
    if sign:
        if sign in ("~", "≈", "sub-"):
            atom.rest = {"sub-": "<"}.get(sign, sign) + atom.rest  # read as "about" / "under" by the finder
        elif sign != "+":
            atom.negative = True
            atom.value = -atom.value
    sm = SCALE_REST.match(atom.rest)
    if sm and (pre or sm.group("scale") not in ("m", "b", "T")):
        atom.scale = SCALE_ABBR[sm.group("scale")]
        atom.rest = sm.group("after")
    hm = HYPHEN_NUMBER_REST.match(atom.rest)
    if hm and not atom.negative:
        atom.high = parse_digits(hm.group("num"))
        atom.rest = hm.group("after")
        if not atom.high < MAX_DIGITS_VALUE:
            return None
    return atom


def read_word(word: str) -> Atom | None:
    """The number a single lower-case word states ("two", "twenty-five", "million", "dozens")."""
    if word in UNITS_WORDS:
        return Atom(float(UNITS_WORDS[word]), False)
    if word in TENS_WORDS:
        return Atom(float(TENS_WORDS[word]), False)
    if word in SCALE_WORDS:
        return Atom(SCALE_WORDS[word], False, kind="scale")
    if word == "dozen":
        return Atom(12.0, False, kind="scale")
    if word in FRACTION_DENOM:
        return Atom(1.0 / FRACTION_DENOM[word], False, kind="denominator")
    if word in VAGUE_WORDS:
        low, high = VAGUE_WORDS[word]
        return Atom(low, False, high=high, vague=True, kind="vague")
    if word == "tens":
        return Atom(10.0, False, kind="tens")
    m = WORD_HYPHEN.match(word)
    if m and m.group("unit") in UNITS_WORDS and UNITS_WORDS[m.group("unit")] < 10:
        return Atom(float(TENS_WORDS[m.group("tens")] + UNITS_WORDS[m.group("unit")]), False)
    if "-" in word:
        # "two-thirds", "five-year" (the unit part is read by the finder), "minus-130"
        head, _, tail = word.partition("-")
        if head in SCALE_WORDS and tail.isalpha():
            after = read_word(tail)
            if head == "hundred" and after is not None and after.kind == "number" and not after.rest:
                return Atom(100.0, False, kind="scale", plus=after.value)  # "one hundred-eighteen visits"
            return Atom(SCALE_WORDS[head], False, kind="scale", rest="-" + tail)  # "billion-mile"
        if head in UNITS_WORDS or head in TENS_WORDS:
            val = float(UNITS_WORDS.get(head, TENS_WORDS.get(head, 0)))
            if tail in FRACTION_DENOM:
                return Atom(val / FRACTION_DENOM[tail], False, kind="fraction")
            if tail in SCALE_WORDS:
                return Atom(val * SCALE_WORDS[tail], False)  # "one-hundred"
            if tail == "dozen":
                return Atom(val * 12, False)  # "two-dozen executive actions"
            return Atom(val, False, rest="-" + tail)
    return None
