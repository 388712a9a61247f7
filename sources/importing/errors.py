"""What can go wrong in an import: a whole file refused, or one row with a field-level message."""

from __future__ import annotations

from dataclasses import dataclass


class ImportRefused(Exception):
    """A file (or the whole upload) that cannot be imported at all; the message says why, for a person."""

    def __init__(self, message: str, *, file: str = "") -> None:
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

    def as_dict(self) -> dict[str, object]:
        """The error as a JSON-ready dict (the shape ImportBatch.errors stores)."""
        return {"row": self.row, "field": self.field, "message": self.message, "file": self.file}
