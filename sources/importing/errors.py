"""What can go wrong in an import: a whole file refused, or one row with a field-level message."""

from __future__ import annotations

import re
from dataclasses import dataclass

# NUL (PostgreSQL text and JSON cannot hold it) and lone surrogates (not encodable; JSON "\ud800" makes
# them): never stored, and shown as U+FFFD when a message quotes them.
UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` with NUL and lone surrogates replaced by U+FFFD, safe to write to a file or the database."""
    return UNSTORABLE.sub("\ufffd", text)


class ImportRefused(Exception):
    """A file (or the whole upload) that cannot be imported at all; the message says why, for a person."""

    def __init__(self, message: str, *, file: str = "") -> None:
        message, file = storable(message), storable(file)
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        return f"{self.file}: {self.message}" if self.file else self.message


@dataclass(frozen=True, slots=True)
class RowError:
    """One problem with one row (1-based, as a spreadsheet numbers it) of one file."""

    row: int
    field: str
    message: str
    file: str = ""

    def __post_init__(self) -> None:
        # Messages quote the file's own text (a bad URL, a member name): keep them writable.
        object.__setattr__(self, "message", storable(self.message))
        object.__setattr__(self, "file", storable(self.file))

    def as_dict(self) -> dict[str, object]:
        """The error as a JSON-ready dict (the shape ImportBatch.errors stores)."""
        return {"row": self.row, "field": self.field, "message": self.message, "file": self.file}
