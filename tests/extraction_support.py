"""Helpers shared by the extraction tests and the fuzz tests."""

from __future__ import annotations

import contextlib
import dataclasses
import logging

from claims.extraction.types import Span


@contextlib.contextmanager
def messages_logged(level: int = logging.ERROR, logger: str = "claims.extraction"):
    """Collects the messages of records at `level` or above logged under `logger` while the block runs."""
    messages: list[str] = []
    handler = logging.Handler(level)
    handler.emit = lambda record: messages.append(record.getMessage())
    log = logging.getLogger(logger)
    log.addHandler(handler)
    try:
        yield messages
    finally:
        log.removeHandler(handler)


def claim_spans(claim) -> list[Span]:
    """The claim's own span and every span inside it (speaker, cue, content ...)."""
    inner = [getattr(claim, f.name) for f in dataclasses.fields(claim)]
    return [Span(claim.start, claim.end, claim.text), *(s for s in inner if isinstance(s, Span))]
