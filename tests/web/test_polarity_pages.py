"""Every page that shows a statement says what its speaker did with the words, in the same words: the
claims list, the claim page, the article page, the person's page, the event page, both review queues
and the outlet page mark a denial, a refusal, a question and a held belief, and leave an asserted
statement unmarked; the claims list filters by polarity."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimLink
from tests.polarity_world import SAID, WORDS, said_five_ways

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(editor):
    return said_five_ways(editor)


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return html.unescape(response.content.decode())


def badges(text: str) -> list[str]:
    """The polarity badges of a page, in order."""
    marker = '<span class="badge polarity">'
    return [part.partition("</span>")[0] for part in text.split(marker)[1:]]


def test_the_persons_page_badges_each_polarity_after_its_quote(editor_client, world):
    """Not only "denies": the actor's statements say "does not say", "asks", "stance"."""
    actor = world["statements"]["asserted"].speaker
    text = page(editor_client, reverse("claims:actor-detail", args=[actor.pk]))
    for said in SAID.values():
        assert f"\u201c{said}\u201d" in text
    assert sorted(badges(text)) == sorted(WORDS.values())
    for polarity, word in WORDS.items():
        assert f'\u201c{SAID[polarity]}\u201d</a> <span class="badge polarity">{word}</span>' in text


def test_the_event_page_badges_each_statement_by_its_speaker(editor_client, world):
    text = page(editor_client, reverse("claims:event-detail", args=[world["event"].pk]))
    speakers = text.partition('id="speakers"')[2].partition("</section>")[0]
    assert "5 statements" in speakers
    for polarity, word in WORDS.items():
        assert f'\u201c{SAID[polarity]}\u201d</a> <span class="badge polarity">{word}</span>' in speakers
    asserted = speakers.partition(f"\u201c{SAID['asserted']}\u201d</a>")[2].partition("</li>")[0]
    assert "badge" not in asserted


def test_the_claims_list_marks_each_polarity_after_the_quote(editor_client, world):
    text = page(editor_client, reverse("claims:claim-list") + "?kind=statement")
    for polarity, word in WORDS.items():
        assert f"\u201c{SAID[polarity]}\u201d ({word})" in text
    assert f"\u201c{SAID['asserted']}\u201d<" in text  # nothing after an asserted statement


def test_the_article_page_and_the_claim_pages_mark_each_polarity(editor_client, world):
    article = page(editor_client, reverse("sources:article-detail", args=[world["article"].pk]))
    index = article.partition('<ol class="claim-index">')[2].partition("</ol>")[0]
    for word in WORDS.values():
        assert f"Ilse Varga ({word})" in index
    for polarity, claim in world["statements"].items():
        text = page(editor_client, reverse("claims:claim-detail", args=[claim.pk]))
        value = text.partition("<dt>Value</dt><dd>")[2].partition("</dd>")[0]
        assert value == f"Ilse Varga ({WORDS[polarity]})" if polarity in WORDS else value == "Ilse Varga"


def test_the_review_queues_mark_each_polarity(editor_client, world):
    """The pending statements in the claims queue, and both sides of a suggested link in the links queue."""
    text = page(editor_client, reverse("claims:review") + "?kind=statement")
    values = [part.partition("\n")[0] for part in text.split('<p class="q-value">')[1:]]
    assert sorted(values) == sorted(["Ilse Varga", *(f"Ilse Varga ({word})" for word in WORDS.values())])
    statements = world["statements"]
    ClaimLink.objects.create(
        claim_a=statements["question"],
        claim_b=statements["position"],
        relation=ClaimLink.Relation.CORROBORATES,
        confidence=0.6,
        rationale="Ilse Varga (Kell Courier) asks \u2026 / Ilse Varga (Kell Courier) holds \u2026",
    )
    links = page(editor_client, reverse("claims:review-links"))
    assert "Ilse Varga (asks)" in links and "Ilse Varga (stance)" in links


def test_the_outlet_page_marks_each_polarity(editor_client, world):
    text = page(editor_client, reverse("sources:outlet-detail", args=[world["article"].outlet_id]))
    for word in WORDS.values():
        assert f"Ilse Varga ({word})" in text


@pytest.mark.parametrize("polarity", sorted(SAID))
def test_the_claims_list_filters_statements_by_polarity(editor_client, world, polarity):
    """?polarity= keeps the statements of that polarity only: no other statement, and no quantity (which
    stores "asserted" but is no statement)."""
    response = editor_client.get(reverse("claims:claim-list"), {"polarity": polarity})
    assert response.status_code == 200
    assert [claim.pk for claim in response.context["claims"]] == [world["statements"][polarity].pk]
    text = html.unescape(response.content.decode())
    assert "About 40 workers" not in text
    assert f'<option value="{polarity}" selected>' in text


def test_the_polarity_menu_offers_every_polarity_and_refuses_an_unknown_one(editor_client, world):
    text = page(editor_client, reverse("claims:claim-list"))
    menu = text.partition('name="polarity"')[2].partition("</select>")[0]
    for label in ("Any polarity", "Asserted", "Denied", "Refused or not said", "Asked (a question)"):
        assert label in menu
    assert "A stance (a belief, wish or reaction)" in menu
    response = editor_client.get(reverse("claims:claim-list"), {"polarity": "doubted"})
    assert response.status_code == 400 and "Polarity:" in response.content.decode()


def test_the_claim_pages_link_menu_marks_each_polarity(editor_client, world):
    """An editor linking a claim of another article sees which offered statement is asked, held, ..."""
    from sources.services import article_store

    body = "Ilse Varga said the dredger reached Kell harbour on 3 June."
    other = article_store(
        body=body, outlet=world["article"].outlet, url="https://courier.example/dredger-2", title="Dredger in"
    ).article
    said = "the dredger reached Kell harbour on 3 June"
    claim = Claim.objects.create(
        article=other,
        kind="statement",
        start=body.index(said),
        end=body.index(said) + len(said),
        quote=said,
        event=world["event"],
        extractor_version="test",
    )
    text = page(editor_client, reverse("claims:claim-detail", args=[claim.pk]))
    menu = text.partition('id="id_link_other"')[2].partition("</select>")[0]
    for polarity, word in WORDS.items():
        assert f"\u201c{SAID[polarity]}\u201d ({word})</option>" in menu
    assert f"\u201c{SAID['asserted']}\u201d</option>" in menu
