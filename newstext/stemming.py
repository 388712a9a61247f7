"""Word stems, so that "increase", "increased" and "increasing" meet.

One maintained stemmer (Snowball's English, "Porter2", through `snowballstemmer`) rather than suffix
rules of our own: its rules have decades of use behind them and cover what hand-written ones miss
("denies"/"denied"/"deny", "studies"/"study"). `crude_stem` is the hand-written stemmer the shipped
stance model's vocabulary was built with; it stays only until that model is retrained with `stem`.
"""

from __future__ import annotations

import threading
from functools import lru_cache

import snowballstemmer

# A Snowball stemmer object keeps the word it works on in its own fields, so one object must not be
# used by two threads at once; the cache in front of it makes the lock rarely taken.
_ENGLISH = snowballstemmer.stemmer("english")
_LOCK = threading.Lock()


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball English stem of `word`, lower-cased, a possessive "'s" dropped first."""
    w = word.lower().replace("\u2019", "'")
    if w.endswith("'s"):
        w = w[:-2]
    with _LOCK:
        stemmed: str = _ENGLISH.stemWord(w)
    return stemmed


@lru_cache(maxsize=200_000)
def crude_stem(word: str) -> str:
    """The hand-written stem the shipped stance vocabulary uses: plural, -ing, -ed and -ly removed."""
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("sses"):
        return word[:-2]
    if word.endswith("ing") and len(word) > 5:
        return word[:-3]
    if word.endswith("ed") and len(word) > 4:
        return word[:-2] if not word.endswith("eed") else word[:-1]
    if word.endswith("ly") and len(word) > 5:
        return word[:-2]
    if word.endswith("es") and len(word) > 4 and word[-3] in "sxz":
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
