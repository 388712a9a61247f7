"""One speaker's five statements, one of each polarity, stored as an import stores them: through the
extraction service (`article_store_extraction`, pending review) and placed in an event through the editing
service. Sentences written for these tests."""

from __future__ import annotations

import datetime as dt

from claims.extraction.types import Extraction, PublicationDate, Span, StatementClaim
from claims.models import Claim, Event
from claims.services import editing
from claims.services.extraction import article_store_extraction
from sources.services import article_store, outlet_get_or_create

SPEAKER = "Ilse Varga"
BODY = (
    "KELL - Ilse Varga said the dredger would reach Kell harbour in June. "
    "Ilse Varga denied that the dredger had run aground off Kell. "
    "Ilse Varga declined to say whether the dredger was insured. "
    "Ilse Varga asked whether the dredger could pass under the Kell bridge. "
    "Ilse Varga believes that the dredger is too large for the Kell channel. "
    "About 40 workers waited on the quay."
)
# polarity -> what was said (the statement's span), each in its own sentence of BODY
SAID = {
    "asserted": "the dredger would reach Kell harbour in June",
    "denied": "that the dredger had run aground off Kell",
    "refused": "whether the dredger was insured",
    "question": "whether the dredger could pass under the Kell bridge",
    "position": "that the dredger is too large for the Kell channel",
}
# polarity -> what the pages write for it (claims.templatetags.polarity)
WORDS = {"denied": "denies", "refused": "does not say", "question": "asks", "position": "stance"}


def _statement(polarity: str) -> StatementClaim:
    start = BODY.index(SAID[polarity])
    mention = BODY.rindex(SPEAKER, 0, start)
    return StatementClaim(
        start,
        start + len(SAID[polarity]),
        SAID[polarity],
        SPEAKER,
        speaker_mention=Span(mention, mention + len(SPEAKER), SPEAKER),
        speaker_kind="person",
        polarity=polarity,
        confidence=0.7,
    )


def said_five_ways(editor) -> dict:
    """The article, its event and its statements by polarity (pending, in the event), and a pending
    quantity claim (which stores "asserted" too, but is no statement)."""
    article = article_store(
        body=BODY,
        outlet=outlet_get_or_create(name="Kell Courier"),
        url="https://courier.example/dredger",
        title="The dredger and the bridge",
        published_on=dt.date(2025, 5, 2),
        published_precision="day",
    ).article
    extraction = Extraction(
        claims=[_statement(polarity) for polarity in SAID],
        publication=PublicationDate(dt.date(2025, 5, 2), "day", "metadata"),
        extractor_version="test",
    )
    assert article_store_extraction(article=article, extraction=extraction) == len(SAID)
    event = editing.event_create(user=editor, title="A dredger for Kell", date=dt.date(2025, 5, 1))
    statements = {}
    for claim in Claim.objects.filter(article=article, kind=Claim.Kind.STATEMENT):
        statements[claim.polarity] = editing.claim_set_event(claim=claim, event=event, user=editor)
    assert sorted(statements) == sorted(SAID)
    start = BODY.index("About 40 workers")
    workers = Claim.objects.create(
        article=article,
        kind=Claim.Kind.QUANTITY,
        start=start,
        end=start + len("About 40 workers"),
        quote="About 40 workers",
        quantity_low=40,
        quantity_high=40,
        unit_class="workers",
        extractor_version="test",
    )
    return {
        "article": article,
        "event": Event.objects.get(pk=event.pk),
        "statements": statements,
        "workers": workers,
    }
