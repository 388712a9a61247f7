"""Extracting an article again: editors' decisions on its pending claims survive the re-run."""

import dataclasses
import datetime as dt

import pytest
from django.core.management import call_command

from claims.extraction import extract
from claims.models import Claim, ClaimLink
from claims.services.editing import annotation_create, link_review
from claims.services.extraction import article_store_extraction
from claims.services.linking import articles_link
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 17)
BODIES = {
    "Harbour Times": "Three cargo ships docked in Portville harbour on Saturday, the harbour authority said.",
    "Coast Radio": "Four cargo ships docked in Portville harbour on Saturday, the harbour authority said.",
}


@pytest.fixture
def reports():
    out = []
    for n, (name, body) in enumerate(BODIES.items()):
        out.append(
            article_store(
                body=body,
                outlet=outlet_get_or_create(name=name),
                url=f"https://{n}.example/ships",
                title="Cargo ships dock in Portville harbour",
                published_on=DAY,
                published_precision="day",
            ).article
        )
    call_command("extract_claims")
    articles_link()
    return out


def ship_count(article) -> Claim:
    return Claim.objects.get(article=article, kind="quantity", unit_class="ship")


def test_a_rerun_keeps_the_same_claims_and_a_rejected_link_stays_rejected(reports, editor):
    a, b = reports
    link = ClaimLink.objects.get(claim_a__article=a, claim_b__article=b, relation="contradicts")
    link_review(link=link, user=editor, decision="reject")
    before = dict(Claim.objects.filter(article=a).values_list("pk", "version"))
    links_before = set(ClaimLink.objects.values_list("pk", "claim_a", "claim_b", "status"))

    call_command("extract_claims", str(a.pk), str(b.pk))
    articles_link()

    after = dict(Claim.objects.filter(article=a).values_list("pk", "version"))
    assert after.keys() == before.keys()  # the same rows, refreshed ...
    assert all(after[pk] == before[pk] + 1 for pk in before)  # ... so open forms on them go stale
    link.refresh_from_db()
    assert link.status == "rejected" and link.reviewed_by == editor
    assert set(ClaimLink.objects.values_list("pk", "claim_a", "claim_b", "status")) == links_before


def test_a_claim_the_extractor_no_longer_finds_goes_unless_an_editor_worked_on_it(reports, editor):
    a, b = reports
    ships = ship_count(a)
    link = ClaimLink.objects.get(claim_a=ships, claim_b=ship_count(b))
    link_review(link=link, user=editor, decision="confirm")
    date = Claim.objects.get(article=a, kind="date")
    note = annotation_create(
        article=a,
        user=editor,
        start=date.start,
        end=date.end,
        quote=date.quote,
        note="which Saturday?",
        claim=date,
    )
    statement = Claim.objects.filter(article=a, kind="statement").first()

    # a newer extractor that finds none of the article's claims
    found = extract(text=a.body, published=DAY)
    article_store_extraction(article=a, extraction=dataclasses.replace(found, claims=[]))

    left = set(Claim.objects.filter(article=a).values_list("pk", flat=True))
    assert ships.pk in left and date.pk in left  # a confirmed link and an annotation keep them
    assert statement is None or statement.pk not in left  # nobody touched the statement
    link.refresh_from_db()
    assert link.status == "confirmed"
    note.refresh_from_db()
    assert note.claim_id == date.pk
