"""A small event written for the event page's tests: three outlets, one agreed figure, one conflict,
statements by two speakers, and dates at day, month and year precision and not known at all."""

from __future__ import annotations

import datetime as dt

NORTH = "RIVERTON - Flood water reached 40 homes on Friday, the fire service said. Mayor Ada Quill said the dam held."
SOUTH = "RIVERTON - Some 40 homes were flooded, firefighters said. The levee was built in 2016."
EAST = "RIVERTON - Water entered 75 homes, residents said. Mayor Ada Quill said the dam held firm."
# A long unbroken address in a statement: the page must wrap it, not widen.
WEST = (
    "RIVERTON - Engineer Tom Brae said the pumps failed twice, "
    "riverton.example/reports/flood-pumps-failure-2025-03-07-full-technical-annex-final-version."
)


def build_event_world(copy: int = 0):
    """The event, its claims by name, and the conflict link (suggested); `copy` > 0 makes another set
    of outlets and articles ("North Ledger 2"), for pages that must not grow with the data."""
    suffix = f" {copy}" if copy else ""
    from claims.models import Actor, Claim, ClaimLink, Event
    from sources.models import Outlet
    from sources.services import article_store

    outlets = [
        Outlet.objects.create(name=name + suffix, domain=f"{name.split()[0].lower()}{copy}.example")
        for name in ("North Ledger", "South Wire", "East Daily", "West Gazette")
    ]
    event = Event.objects.create(
        title="River floods Riverton", date=dt.date(2025, 3, 1), date_precision="month"
    )
    dates = [
        (dt.date(2025, 3, 7), "day"),
        (dt.date(2025, 3, 1), "month"),
        (dt.date(2025, 3, 8), "day"),
        (None, "unknown"),
    ]
    articles = []
    for outlet, body, (published, precision), n in zip(
        outlets, (NORTH, SOUTH, EAST, WEST), dates, range(4), strict=True
    ):
        article = article_store(
            body=body,
            outlet=outlet,
            url=f"https://{outlet.domain}/flood-{n}",
            title=f"Flood in Riverton ({outlet.name})",
            published_on=published,
            published_precision=precision,
        ).article
        articles.append(article)
    event.articles.add(*articles)
    mayor, _ = Actor.objects.get_or_create(name="Ada Quill")

    def claim(article, text, **fields):
        start = article.body.index(text)
        return Claim.objects.create(
            article=article,
            start=start,
            end=start + len(text),
            quote=text,
            extractor_version="t",
            event=event,
            confidence=0.8,
            **fields,
        )

    north, south, east, west = articles
    homes = {
        "north": claim(
            north, "40 homes", kind="quantity", quantity_low=40, quantity_high=40, unit_class="homes"
        ),
        "south": claim(
            south,
            "Some 40 homes",
            kind="quantity",
            quantity_low=40,
            quantity_high=40,
            quantity_approximate=True,
            unit_class="homes",
        ),
        "east": claim(
            east, "75 homes", kind="quantity", quantity_low=75, quantity_high=75, unit_class="homes"
        ),
    }
    built = claim(south, "in 2016", kind="date", date_value=dt.date(2016, 1, 1), date_precision="year")
    friday = claim(north, "on Friday", kind="date", date_precision="weekday", date_weekday=4)
    said = claim(north, "the dam held", kind="statement", speaker=mayor, speaker_mention="Mayor Ada Quill")
    said_again = claim(
        east, "the dam held firm", kind="statement", speaker=mayor, speaker_mention="Mayor Ada Quill"
    )
    pumps = claim(
        west, WEST[WEST.index("the pumps") :], kind="statement", speaker_mention="Engineer Tom Brae"
    )
    ClaimLink.objects.create(
        claim_a=homes["north"],
        claim_b=homes["south"],
        relation="corroborates",
        confidence=0.9,
        rationale="both report 40 homes flooded",
    )
    conflict = ClaimLink.objects.create(
        claim_a=homes["north"],
        claim_b=homes["east"],
        relation="contradicts",
        confidence=0.7,
        rationale="40 homes against 75 homes",
    )
    return {
        "event": event,
        "homes": homes,
        "built": built,
        "friday": friday,
        "said": said,
        "said_again": said_again,
        "pumps": pumps,
        "conflict": conflict,
        "articles": articles,
    }
