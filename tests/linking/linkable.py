"""The linker's input as the app builds it from a stored claim, for the tests that write sentences:
one claim of `article` (its outlet "outlet-<article>"), found in `sentence`, which starts at `sentence_start`
of the article (its first sentence unless told)."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import Claim
from claims.linking.types import LinkableClaim


def linkable(
    cid: str,
    article: str,
    claim: Claim,
    sentence: str,
    *,
    event_id: str = "e1",
    published: dt.date | None = None,
    sentence_start: int = 0,
) -> LinkableClaim:
    return LinkableClaim(
        cid,
        article,
        f"outlet-{article}",
        claim,
        sentence,
        event_id=event_id,
        sentence_start=sentence_start,
        published=published,
    )
