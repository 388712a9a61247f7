"""A span of text: character offsets into the text exactly as stored (end exclusive) and its quote."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str
