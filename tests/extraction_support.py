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


def said(claims) -> list[tuple[str | None, str | None, bool, str]]:
    """Speaker, speaker mention, quoted or not and text of each claim: what an assertion message shows."""
    return [
        (c.speaker, c.speaker_mention.text if c.speaker_mention else None, c.direct, c.text) for c in claims
    ]


def one_with_text(claims, words: str):
    """The one claim whose text holds `words`."""
    found = [c for c in claims if words in c.text]
    assert len(found) == 1, said(claims)
    return found[0]


def none_with_text(claims, words: str) -> None:
    """No claim's text holds `words`."""
    assert not [c for c in claims if words in c.text], said(claims)
