"""Fixtures for the web workspace tests: signed-in clients per role and a small world of claims."""

from __future__ import annotations

import datetime as dt

import pytest


@pytest.fixture
def editor_client(client, editor):
    """A test client signed in as an editor."""
    client.force_login(editor)
    return client


@pytest.fixture
def reader_client(client, reader):
    """A test client signed in as a reader."""
    client.force_login(reader)
    return client


def quote_claim(article, text: str, kind: str = "quantity", **fields):
    """A stored claim on the first occurrence of `text` in the article body."""
    from claims.models import Claim

    start = article.body.index(text)
    defaults = {"extractor_version": "test", "confidence": 0.5}
    if kind == "quantity":
        defaults.update(quantity_low=2, quantity_high=2, unit_class="ships")
    if kind == "date":
        defaults.update(date_value=dt.date(2025, 4, 2), date_precision="day")
    defaults.update(fields)
    return Claim.objects.create(
        article=article, kind=kind, start=start, end=start + len(text), quote=text, **defaults
    )


@pytest.fixture
def make_world(db):
    """A factory: `make_world(n)` stores n articles over three outlets, with claims, an event and links."""

    def build(n: int = 5) -> dict:
        from claims.models import Actor, ClaimLink, Event
        from sources.models import Outlet
        from sources.services import article_store

        outlets = [
            Outlet.objects.get_or_create(
                name=name, defaults={"domain": f"{name.lower().replace(' ', '')}.example"}
            )[0]
            for name in ("North Post", "South Wire", "East Daily")
        ]
        event = Event.objects.create(
            title="Ferry collision in the bay", date=dt.date(2025, 3, 15), place="Bayport"
        )
        speaker = Actor.objects.create(name="Mara Lind", kind="person")
        claims = []
        for i in range(n):
            outlet = outlets[i % 3]
            body = (
                f"BAYPORT - {10 + i % 2} people were injured when two ferries collided on 15 March, "
                f"officials said.\n\nHarbour master Mara Lind said the crews were safe. Report {i}."
            )
            article = article_store(
                body=body,
                outlet=outlet,
                url=f"https://{outlet.domain}/ferry-{i}",
                title=f"Ferry crash report {i}",
                published_on=dt.date(2025, 3, 16) + dt.timedelta(days=i % 4),
                published_precision="day",
            ).article
            event.articles.add(article)
            q = quote_claim(
                article,
                f"{10 + i % 2} people were injured",
                quantity_low=10 + i % 2,
                quantity_high=10 + i % 2,
                unit_class="injured",
                event=event,
                confidence=0.6 + (i % 4) / 10,
            )
            d = quote_claim(article, "15 March", kind="date", date_value=dt.date(2025, 3, 15), event=event)
            s = quote_claim(
                article,
                "the crews were safe",
                kind="statement",
                speaker=speaker,
                speaker_role="Harbour master",
                speaker_mention="Mara Lind",
                event=event,
            )
            claims.append((q, d, s))
        links = []
        pairs = [(claims[i][0], claims[i + 1][0]) for i in range(n - 1)]
        pairs += [(claims[i][0], claims[i + 2][0]) for i in range(n - 2)]
        for qa, qb in pairs:
            relation = "corroborates" if qa.quantity_low == qb.quantity_low else "contradicts"
            a, b = sorted((qa, qb), key=lambda c: c.pk)
            links.append(
                ClaimLink.objects.create(
                    claim_a=a,
                    claim_b=b,
                    relation=relation,
                    confidence=0.8,
                    rationale="same figure for the same event",
                )
            )
        return {"outlets": outlets, "event": event, "speaker": speaker, "claims": claims, "links": links}

    return build


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """A cheap password hasher: these tests sign users in, they do not test hashing."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
