"""Characters made plain without moving an offset: odd spaces, curly quotes, odd line breaks."""

from __future__ import annotations

import re

# One-for-one character replacements (offsets unchanged), as a str.translate table.
_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t"
_TRANSLATE = str.maketrans(
    {
        **dict.fromkeys(_SPACES, " "),
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2028": "\n",
        "\u2029": "\n",
        "\r": "\n",
    }
)
_ODD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _TRANSLATE) + "]")


def plain_chars(text: str) -> str:
    """`text` with odd spaces made plain and curly quotes straight; same length, same offsets."""
    # re.sub touches only the characters to change; str.translate with a dict looks up every one.
    return _ODD_CHARS.sub(_replace_char, text)


def _replace_char(m: re.Match[str]) -> str:
    return _TRANSLATE[ord(m.group())]
