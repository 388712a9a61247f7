"""A follow-up links its own articles' claims: in an event that grows, the pairs of older articles are
not scored again (they were when those articles arrived), and the stance model reads each pair once."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim, ClaimLink, Event
from claims.services import linking
from claims.services.linking import StanceMemo, articles_link
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 17)


def report(n: int, ships: str, value: int):
    body = (
        f"{ships} cargo ships docked in Portville harbour on Saturday, the Portville harbour authority "
        "said. Dockworkers unloaded grain at Portville harbour all weekend."
    )
    article = article_store(
        body=body,
        outlet=outlet_get_or_create(name=f"Outlet {n}"),
        url=f"https://{n}.example/ships",
        title="Cargo ships dock in Portville harbour",
        published_on=DAY,
        published_precision="day",
    ).article
    phrase = f"{ships} cargo ships"
    claim = Claim.objects.create(
        article=article,
        kind="quantity",
        start=0,
        end=len(phrase),
        quote=phrase,
        quantity_low=value,
        quantity_high=value,
        unit="ship",
        unit_class="ship",
        extractor_version="t",
    )
    return article, claim


def test_a_new_article_in_an_event_is_linked_without_rescoring_older_pairs():
    """Two older reports were linked, then an editor removed their link; a third report joins the
    event: it gets links of its own, and the older pair is not suggested again by its follow-up."""
    (a, claim_a), (b, claim_b) = report(1, "Three", 3), report(2, "Four", 4)
    articles_link(article_ids=[a.pk, b.pk])
    assert ClaimLink.objects.filter(claim_a=min(claim_a.pk, claim_b.pk)).count() == 1
    ClaimLink.objects.all().delete()
    c, claim_c = report(3, "Five", 5)
    articles_link(article_ids=[c.pk])
    assert Event.objects.count() == 1
    links = list(ClaimLink.objects.values_list("claim_a", "claim_b"))
    assert links and all(claim_c.pk in pair for pair in links)


def test_the_stance_memo_reads_each_pair_once():
    """Pairs asked again (the same statement pair in a later step) are answered from the memo; the model
    reads only pairs it has not seen, each once, and the answers keep the order asked."""
    read: list[tuple[str, str]] = []

    def model(pairs):
        read.extend(pairs)
        return ["agree" if "rose" in text else "unrelated" for _, text in pairs]

    memo = StanceMemo(model)
    first = memo([("prices rose", "Prices rose in May."), ("x", "Nothing here.")])
    again = memo([("x", "Nothing here."), ("prices rose", "Prices rose in May."), ("x", "Nothing here.")])
    assert first == ["agree", "unrelated"] and again == ["unrelated", "agree", "unrelated"]
    assert read == [("prices rose", "Prices rose in May."), ("x", "Nothing here.")]
    assert (memo.asked, memo.scored) == (5, 2)


def test_one_memo_serves_a_whole_follow_up(monkeypatch):
    """articles_link makes one memo for all its steps (across and per event)."""
    made = []
    real = linking._stance_memo

    def counting():
        made.append(1)
        return real()

    monkeypatch.setattr(linking, "_stance_memo", counting)
    (a, _), (b, _) = report(1, "Three", 3), report(2, "Four", 4)
    articles_link(article_ids=[a.pk, b.pk])
    assert made == [1]


def test_claims_of_one_article_share_its_text():
    """The linker reads each article's text once: its claims hold the same string, not a copy each
    (joined per claim row, a 10,000-article follow-up held hundreds of MB of copies)."""
    (a, claim_a), _ = report(1, "Three", 3), report(2, "Four", 4)
    Claim.objects.create(
        article=a,
        kind="quantity",
        start=claim_a.start,
        end=claim_a.end,
        quote=claim_a.quote,
        quantity_low=2,
        quantity_high=3,
        unit="ship",
        unit_class="ship",
        extractor_version="t",
    )
    claims = [c for c in linking._linkable_claims(article_id__in=[a.pk]) if c.article_id == a.pk]
    assert len(claims) == 2
    assert claims[0].article.body == a.body and claims[0].article.body is claims[1].article.body
