"""The glued-stop patterns written so the regex engine can skip ahead to a stop or a capital (the characters
before it checked after it) find exactly what their plain forms find, and the furniture finder's bar lines are
still found where a text has them."""

from __future__ import annotations

import random
import re

from newstext import glue
from newstext.furniture import furniture_spans

_L, _U = glue._LOWER, glue._UPPER
# The plain forms the module's patterns were rewritten from.
_PLAIN_STOP = re.compile(
    rf"(?:(?<=[{_L}]{{2}})|(?<=[0-9])|(?<=[0-9]s)|(?<=[{_L}0-9][)\]]))[.!?](?={glue._OPENER})"
)
_PLAIN_ACRONYM = re.compile(rf"(?<![A-Za-z.])[A-Z]{{2,}}[.!?](?=[{_U}][{_L}]|A(?= )|I(?=[ '\u2019]))")

_PIECES = [
    "it.On",
    "levy.The",
    "41-3.Hale",
    "the 1970s.We",
    "Joe [Biden].He",
    "Mr.Doe",
    "U.S.Navy",
    "to CNN.He",
    "the FBI.A man",
    "NATO.I ",
    "his seat.(Hale",
    "Inc.(NYSE",
    "exact.$5",
    "Pe\u00f1a.\u00c9l",
    "ab.FBI agents",
    "A.B.C.The",
    ".AB.Cd",
    "aAB.Cd",
    "D-N.Y.Then",
    "why?The",
    "now!It",
]


def test_the_fast_patterns_match_what_the_plain_ones_match() -> None:
    rng = random.Random(16)
    texts = [
        rng.choice(["", " ", "x", ".", "\n"]).join(rng.sample(_PIECES, rng.randint(1, 4)))
        for _ in range(3000)
    ]
    alphabet = "aZb9s).!?]( \nABCDI\u00df$\u00a3Th"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    for plain, fast in ((_PLAIN_STOP, glue._GLUED_STOP), (_PLAIN_ACRONYM, glue._ACRONYM_STOP)):
        assert plain.pattern != fast.pattern
        for text in texts:
            assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_glued_stops_still_found() -> None:
    text = "The levy rose.On Monday the FBI.He said so to CNN.Then Mr.Doe left the U.S.Navy."
    assert [text[i - 1 : i + 2] for i in glue.glued_stops(text)] == [".On", ".He", ".Th"]


def test_bar_lines_are_furniture_only_where_the_text_has_bars() -> None:
    barred = "Home | World | Politics\nThe council met on Monday.\nNews / Sport / Weather\n"
    spans = [barred[s.start : s.end] for s in furniture_spans(barred)]
    assert spans == ["Home | World | Politics", "News / Sport / Weather"]
    plain = "The council met on Monday | and voted.\nIt was 2/3 of them.\n"
    assert furniture_spans(plain) == []
