"""What PostgreSQL's word index can search for, shared by both apps' search boxes (no app's models).

`websearch_to_tsquery('english', ...)` drops stop words ("the", "between", "of") and punctuation: a
search made only of them is an empty query, which matches nothing. The searches then fall back to a
plain substring match, and the page says so.
"""

from __future__ import annotations

from functools import lru_cache

from django.db import connection

SEARCH_CONFIG = "english"


def indexable(text: str) -> bool:
    """True when `text` keeps at least one word in the word index's query (always on SQLite, whose
    search is a substring match anyway)."""
    if connection.vendor != "postgresql" or not text.strip():
        return True
    return _keeps_a_word(text.strip())


@lru_cache(maxsize=2048)
def _keeps_a_word(text: str) -> bool:
    # The answer depends only on the text and the configuration: one round trip per distinct search.
    with connection.cursor() as cursor:
        cursor.execute("SELECT numnode(websearch_to_tsquery(%s::regconfig, %s))", [SEARCH_CONFIG, text])
        return cursor.fetchone()[0] > 0


def plain_words(text: str) -> str:
    """The search as plain text for a substring match: web-search quotes dropped, spaces collapsed."""
    return " ".join(text.replace('"', " ").split())


def fallback_note(text: str) -> str:
    """What a page says when it searched `text` as a substring because the word index keeps none of it."""
    return (
        f"\u201c{plain_words(text)}\u201d has only words too common for the word index (like "
        "\u201cthe\u201d or \u201cbetween\u201d); showing those whose text contains it as typed."
    )
