"""The storm world of the browser tests: three outlets report one storm; text written for these tests."""

from __future__ import annotations

import datetime as dt

BODY = (
    "\U0001f6a2 HARBOUR - On 12\u00a0March 14 boats were damaged in the storm, the coastguard said.\n\n"
    "The mayor said \u201cthe port stays open\u201d and repairs would take two weeks."
)
OTHER = "SOUTH BAY - At least 14 boats were damaged by Tuesday's storm, according to the coastguard."
THIRD = "COAST - Between 18 and 20 boats were wrecked in the storm on 12 March, fishermen said."


def build_storm_world() -> dict:
    """Three outlets' articles on one storm event, their claims, a suggested and a confirmed link."""
    from claims.models import Claim, ClaimLink, Event
    from sources.models import Outlet
    from sources.services import article_store

    event = Event.objects.create(title="Storm damages boats", date=dt.date(2025, 3, 12), place="Harbour")
    first, second, third = (
        article_store(
            body=body,
            outlet=Outlet.objects.create(name=name, domain=f"{slug}.example"),
            url=f"https://{slug}.example/storm",
            title=title,
            published_on=dt.date(2025, 3, day),
            published_precision="day",
        ).article
        for body, name, slug, title, day in (
            (BODY, "Harbour Times", "harbour", "Storm hits harbour", 13),
            (OTHER, "Bay Courier", "bay", "Boats damaged", 13),
            (THIRD, "Coast Herald", "coast", "Twenty boats hit", 14),
        )
    )
    event.articles.add(first, second, third)

    def claim(article, text, **fields):
        start = article.body.index(text)
        fields.setdefault("confidence", 0.7)
        return Claim.objects.create(
            article=article,
            start=start,
            end=start + len(text),
            quote=text,
            extractor_version="t",
            event=event,
            **fields,
        )

    boats = claim(first, "14 boats", kind="quantity", quantity_low=14, quantity_high=14, unit_class="boats")
    other_boats = claim(
        second,
        "At least 14 boats",
        kind="quantity",
        quantity_low=14,
        quantity_high=14,
        quantity_direction=">",
        unit_class="boats",
    )
    date = claim(first, "12\u00a0March", kind="date", date_value=dt.date(2025, 3, 12), date_precision="day")
    many = claim(
        third,
        "Between 18 and 20 boats",
        kind="quantity",
        quantity_low=18,
        quantity_high=20,
        unit_class="boats",
        confidence=0.95,
    )
    link = ClaimLink.objects.create(
        claim_a=boats,
        claim_b=other_boats,
        relation="corroborates",
        confidence=0.9,
        rationale="both say 14 boats were damaged",
    )
    ClaimLink.objects.create(
        claim_a=boats,
        claim_b=many,
        relation="contradicts",
        confidence=0.6,
        rationale="14 against 18-20 boats",
        status="confirmed",
    )
    return {"article": first, "boats": boats, "date": date, "link": link, "event": event}
