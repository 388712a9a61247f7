"""Primary keys as they arrive from outside (query strings, task messages): whole numbers in range."""

from __future__ import annotations

MAX_ID = 2**63 - 1  # the largest key a bigint (PostgreSQL) or INTEGER (SQLite) column holds


def parse_id(text: object) -> int | None:
    """`text` as a primary key (digits only, 1 to MAX_ID), else None: never a value the database refuses."""
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None
