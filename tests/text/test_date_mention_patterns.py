"""The date patterns written so the regex engine can skip to where they may start (a literal or a digit first,
the character before it checked after it) find exactly what their plain forms find."""

from __future__ import annotations

import random
import re

from newstext import date_mentions

# The plain forms the module's patterns were rewritten from.
_PLAIN = {
    "day_word": r"(?P<w>[Yy]esterday|[Tt]omorrow|today|[Tt]onight|[Ll]ast\s+night|[Tt]his\s+(?:morning|afternoon|evening))\b(?!-)",
    "later_that": r"(?P<rel>[Ll]ater|[Ee]arlier)\s+that\s+(?:day|morning|afternoon|evening|night)\b",
    "slashed": rf"(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/{date_mentions.YEAR}",
    "days_month": (
        rf"(?<![\w.,:/-])(?P<d>\d\d?)(?P<o1>st|nd|rd|th)?\s*[-\u2013\u2014]\s*(?P<d2>\d\d?)(?:st|nd|rd|th)?\s+"
        rf"(?:of\s+)?{date_mentions.MON}(?:,?\s+{date_mentions.YEAR})?(?![\w-])"
    ),
    "years": r"(?<![\w.,:/$\u00a3\u20ac-])(?P<y>(?:1[6-9]|20)\d\d)[-\u2013](?P<y2>(?:1[6-9]|20)\d\d|\d\d)(?![\w%-]|[.,]\d)",
}


def _fast() -> dict[str, re.Pattern[str]]:
    cores = {core.pattern: core for _, core, _, _ in date_mentions._COMPILED}
    day_word = next(c for k, c, _, _ in date_mentions._COMPILED if k == "day_word")
    later = next(c for c in cores.values() if c.pattern.startswith("(?P<rel>Later"))
    slashed = next(c for k, c, _, _ in date_mentions._COMPILED if k == "slashed")
    return {
        "day_word": day_word,
        "later_that": later,
        "slashed": slashed,
        "days_month": date_mentions._DAYS_MONTH,
        "years": date_mentions._YEARS,
    }


_PIECES = [
    "yesterday",
    "Yesterday",
    "YESTERDAY",
    "today",
    "Today",
    "tonight",
    "Tonight",
    "last night",
    "Last  night",
    "this morning",
    "This afternoon",
    "this evening",
    "later that day",
    "Later that night",
    "earlier that evening",
    "3-9 March",
    "x3-9 March",
    "3rd-9th of March 2026",
    "12 - 14 June, 2019",
    "2014-2016",
    "a2014-15",
    "$1999-00",
    "\u00a32010-11",
    "1939-45",
    "12/3/2019",
    "1/2/2018",
    "123/4/2019",
    ".3-9 March",
    "-2014-15",
    "on 4/5/1999",
    "yesterday-",
    "todays",
    "Tonight's",
    "Thursday",
    "the day",
    "Sept. 28-Oct. 2",
    "2020\u20132021",
    "in 1650-1700",
]


def _matches(rx: re.Pattern[str], text: str) -> list[object]:
    return [(m.span(), m.groupdict(), [m.span(g) for g in m.groupdict()]) for m in rx.finditer(text)]


def test_the_fast_patterns_match_what_the_plain_ones_match() -> None:
    rng = random.Random(14)
    texts = [" ".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5))) for _ in range(3000)]
    alphabet = "0123456789 -\u2013/.,:$\u00a3\u20acaA_ThtodayLlater"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(3000)]
    texts += [
        "He said yesterday that the vote of 3-9 March was moved; later that day the 2014-15 budget passed.",
        "Tonight, on 12/3/2019 and not 123/4/2019, the 1999-00 season ended (a.2014-15 is not one).",
    ]
    fast = _fast()
    for name, plain in _PLAIN.items():
        rx = re.compile(plain)
        assert rx.pattern != fast[name].pattern
        for text in texts:
            assert _matches(fast[name], text) == _matches(rx, text), (name, text)


def test_the_fast_patterns_still_find_dates() -> None:
    found = date_mentions.find_mentions("Yesterday the board met; 3-9 March 2026 was set, as in 2014-2016.")
    assert [(m.kind, m.start) for m in found][:1] == [("day_word", 0)]
    assert any(m.kind == "year" and m.year == 2016 for m in found)
