"""Offsets in a stored article body carried over to the gold text it was imported from.

An import may store a body that differs from the file it read: furniture and headline lines dropped,
lines joined into paragraphs, "\\r\\n" made "\\n". Gold offsets count characters of the file, stored
offsets characters of the body. `OffsetMap` aligns the two texts word by word (whitespace-separated
tokens, difflib's longest matching blocks) and maps a stored position inside a token that is also in
the gold text to the same character of that gold token. Equal texts and a body that is one slice of
the gold text are mapped directly.
"""

from __future__ import annotations

import bisect
import difflib
import re

_TOKEN = re.compile(r"\S+")


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for m in _TOKEN.finditer(text):
        words.append(m.group())
        starts.append(m.start())
    return words, starts


class OffsetMap:
    """Maps positions of `stored` to positions of `gold` (see the module docstring)."""

    def __init__(self, stored: str, gold: str) -> None:
        self._shift: int | None = None
        if stored == gold:
            self._shift = 0
            return
        at = gold.find(stored) if stored else -1
        if at >= 0:
            self._shift = at
            return
        s_words, self._s_starts = _tokens(stored)
        g_words, g_starts = _tokens(gold)
        self._s_words = s_words
        # stored token index -> gold token start (only tokens in matching blocks)
        self._to_gold: dict[int, int] = {}
        matcher = difflib.SequenceMatcher(None, s_words, g_words, autojunk=False)
        for a, b, size in matcher.get_matching_blocks():
            for i in range(size):
                self._to_gold[a + i] = g_starts[b + i]

    def position(self, pos: int) -> int | None:
        """The gold position of stored character `pos`, or None when its word is not in the gold text."""
        if self._shift is not None:
            return pos + self._shift
        i = bisect.bisect_right(self._s_starts, pos) - 1
        if i < 0 or i not in self._to_gold:
            return None
        inside = pos - self._s_starts[i]
        if inside >= len(self._s_words[i]):
            return None  # whitespace after the word
        return self._to_gold[i] + inside

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The gold span of stored [start, end), or None when either end cannot be placed.

        Leading and trailing whitespace of the stored span is skipped; an end placed before its
        start (words reordered) is refused.
        """
        if end <= start:
            return None
        first = self.position(start)
        last = self.position(end - 1)
        if self._shift is None:
            # an end that falls on whitespace or an unmatched word: walk inwards to a placed character
            probe = start
            while first is None and probe < end - 1:
                probe += 1
                first = self.position(probe)
            probe = end - 1
            while last is None and probe > start:
                probe -= 1
                last = self.position(probe)
        if first is None or last is None or last < first:
            return None
        return first, last + 1
