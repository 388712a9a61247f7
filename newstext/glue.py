"""Sentences a scraper glued together: where the lost space between two sentences belongs.

Scraped news runs paragraphs and sentences together with no space ("the efforts.On Thursday the board",
'"we saw nothing like this."Mr. Doe said'). One set of rules, used twice without touching the stored text:
the extraction's cleaner puts a space at each point in its analysis copy (an offsets map leads back), and
the sentence splitter (`sentences.py`) ends a sentence there.
"""

from __future__ import annotations

import re

# A sentence's last word: two lower-case letters ("levy.", "it."), a figure ("41-3.", "$5.7 billion."),
# a decade ("the 1970s.") or a closing bracket after a word ("Joe [Biden]."). One capital with one
# lower-case letter ("Mr.", "Dr.") and capitals ("U.S.", "D-N.Y.") are not: titles and initials.
_LOWER = "a-z\u00df-\u00f6\u00f8-\u00ff"
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
# (read after the stop, so the pattern starts with the stop itself and the regex engine skips ahead to one)
_STOP_AFTER_WORD = rf"[.!?](?:(?<=[{_LOWER}]{{2}}.)|(?<=[0-9].)|(?<=[0-9]s.)|(?<=[{_LOWER}0-9][)\]].))"
# The next sentence's first word: a capital and a lower-case letter ("The", "On", "McCulloch", "Peña"), an
# acronym standing as a word ("FBI agents"), "A" or "I" as words, an amount ("$1,071,872 to be exact"), or a
# parenthesis opening the writer's next sentence ("his seat.(Hale made"; "Inc.(NYSE" is no sentence end).
_OPENER = rf"(?:[{_UPPER}][{_LOWER}]|\([{_UPPER}][{_LOWER}]|[A-Z]{{2,}}(?=[\s,;:'\u2019])|A(?= )|I(?=[ '\u2019])|[$\u00a3\u20ac\u00a5][0-9])"
_GLUED_STOP = re.compile(rf"{_STOP_AFTER_WORD}(?={_OPENER})")
# An acronym no full stop precedes ends a sentence as a word does ('according to CNN.He called'); initials
# ('U.S.Navy', 'D-N.Y.') keep a stop before their last capital and do not match.
_ACRONYM_STOP = re.compile(rf"[A-Z](?<![A-Za-z.].)[A-Z]+[.!?](?=[{_UPPER}][{_LOWER}]|A(?= )|I(?=[ '\u2019]))")
# A quotation mark glued between a sentence's end and the next word ('Tower."I want', 'this?"His reply',
# 'said.\u201cWe') or the dash that names who said it ('money.\u201d\u2015 Tom Hale').
_GLUED_QUOTE = re.compile(
    r"(?<=[A-Za-z0-9)][.!?,])(?:[\"\u201c\u201d](?=[A-Za-z\u00c0-\u00ff\u2015\u2014\u2013])|[\u2018\u2019](?=[A-Z]))"
)  # a single curly mark only before a capital: "Jr.\u2019s attorney" is a possessive
_OPENING = {"\u201c", "\u2018"}
_CLOSING = {"\u201d", "\u2019"}


def glued_stops(text: str) -> list[int]:
    """Offsets in `text` right after a full stop (or ! ?) glued to the next sentence's first word."""
    return sorted(
        [m.end() for m in _GLUED_STOP.finditer(text)] + [m.end() for m in _ACRONYM_STOP.finditer(text)]
    )


def glued_quotes(text: str) -> list[tuple[int, bool]]:
    """(offset of the mark, whether it opens a quotation) for each quotation mark glued between a sentence's
    end and the next word. A curly mark says which it is; a straight one opens when the quotation marks
    before it in its paragraph leave none open (a curly opening mark, a straight one, the pair a straight
    mark closes: '\u201cI find it wrong," she said."We will' opens at the last mark)."""
    found = []
    for m in _GLUED_QUOTE.finditer(text):
        mark = m.group()
        if mark in _OPENING:
            opens = True
        elif mark in _CLOSING:
            opens = False
        else:
            opens = not _open_before(text, text.rfind("\n", 0, m.start()) + 1, m.start())
        found.append((m.start(), opens))
    return found


def _open_before(text: str, start: int, end: int) -> bool:
    """True when a double quotation opened in text[start:end] is still open at `end`."""
    is_open = False
    for ch in text[start:end]:
        if ch == "\u201c":
            is_open = True
        elif ch == "\u201d":
            is_open = False
        elif ch == '"':
            is_open = not is_open
    return is_open


def glued_sentence_starts(text: str) -> list[tuple[int, int]]:
    """(end of one sentence, start of the next) wherever a scraper glued two sentences: after the stop, or
    around a glued quotation mark after . ! ? (a closing mark ends the first sentence, an opening one starts
    the second). A mark after a comma ('open,"We will') or before a dash is no sentence end."""
    points = {(i, i) for i in glued_stops(text)}
    for i, opens in glued_quotes(text):
        after = text[i + 1 : i + 2]
        if text[i - 1] not in ".!?" or not (after.isupper() or after.isdigit()):
            continue
        points.discard((i, i))
        points.add((i, i) if opens else (i + 1, i + 1))
    return sorted(points)
