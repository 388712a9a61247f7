"""A quote run that its attribution interrupts, imported and stored (branch stmt10e): the claim keeps the
whole run as its span (quote == body[start:end], so the page highlights it), stores the speaker's words
alone, and every reader of the claim (the claim page, the claims list, exports, the linker) sees those
words, never "he said, smiling at the crowd." (a run with a cue of its own, "before adding", is two
statements since branch stmt12e, as PolNeAR marks it)."""

import datetime as dt
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim
from claims.services.editing import claim_review, claim_update
from claims.services.linking import extracted_from_claim
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

BODY = (
    "Portville's ferry company has been losing money for three years.\n\n"
    '"I may sell the ferry company next spring," the harbour commissioner Tom Hale said on Monday, '
    'smiling at the crowd. "If the island council agrees to the price."\n\n'
    'Mayor Dora Kell said: "The ferry will keep running all winter."'
)
WORDS = "I may sell the ferry company next spring ... If the island council agrees to the price."


@pytest.fixture
def stored():
    article = article_store(
        body=BODY,
        outlet=outlet_get_or_create(name="Harbour Times"),
        url="https://harbour-times.example/ferry",
        title="Ferry company may be sold",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article
    call_command("extract_claims")
    return article


def _run(article) -> Claim:
    return Claim.objects.get(article=article, kind="statement", quote__contains="ferry company next")


def test_the_stored_claim_keeps_the_run_as_its_span_and_the_speakers_words_apart(stored):
    claim = _run(stored)
    assert claim.quote == BODY[claim.start : claim.end] and "smiling at the crowd" in claim.quote
    assert claim.words == WORDS and claim.said == WORDS
    assert claim.speaker is not None and claim.speaker.name == "Tom Hale"
    plain = Claim.objects.get(article=stored, kind="statement", quote__contains="keep running")
    assert plain.words == "" and plain.said == plain.quote


def test_the_claim_page_and_the_list_show_the_speakers_words(client, reader, stored):
    claim = _run(stored)
    client.force_login(reader)
    page = client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    assert f"\u201c{WORDS}\u201d" in page  # the words, quoted as the speaker's
    assert "<title>Claim \u201cI may sell the ferry company" in page
    listing = client.get(reverse("claims:claim-list") + "?kind=statement").text
    assert "I may sell the ferry company next spring ..." in listing
    assert "said on Monday, smiling" not in listing


def test_the_export_carries_the_words_and_the_linker_reads_them(client, reader, stored):
    claim = _run(stored)
    client.force_login(reader)
    response = client.get(reverse("claims:claim-export-json") + "?kind=statement")
    rows = json.loads(b"".join(response.streaming_content))
    row = next(r for r in rows if r["id"] == claim.pk)
    assert row["words"] == WORDS and "smiling at the crowd" in row["quote"]
    assert extracted_from_claim(claim).text == WORDS


def test_a_rerun_refreshes_pending_words_and_keeps_a_reviewed_claims(stored, editor):
    claim = _run(stored)
    Claim.objects.filter(pk=claim.pk).update(words="")  # stored by an extractor before the words
    call_command("extract_claims", str(stored.pk))
    claim.refresh_from_db()
    assert claim.words == WORDS  # the same row, refreshed in place
    claim_review(claim=claim, user=editor, decision="accept")
    Claim.objects.filter(pk=claim.pk).update(words="I may sell it")  # as an editor left it
    call_command("extract_claims", str(stored.pk))
    assert Claim.objects.get(pk=claim.pk).words == "I may sell it"
    assert Claim.objects.filter(article=stored, quote=claim.quote).count() == 1


def test_a_statement_edited_into_another_kind_loses_its_words(stored, editor):
    claim = _run(stored)
    claim_update(
        claim=claim, user=editor, changes={"kind": "quantity", "quantity_low": 1.0, "quantity_high": 1.0}
    )
    claim.refresh_from_db()
    assert claim.words == "" and claim.said == claim.quote
