"""The event page's compiled reads (claims.selectors.event_page) give the models the ORM reads gave: the
same claims in the same order with the same fields loaded (and the same left deferred), their articles,
outlets and speakers, the same links and articles, each in one query."""

from __future__ import annotations

import pytest
from django.db.models import Q
from django.urls import reverse

from claims.models import Claim, ClaimLink, Event
from claims.selectors import event_page
from sources.models import Article
from tests.event_world import build_event_world

pytestmark = pytest.mark.django_db


def _orm_claims(event: Event) -> list[Claim]:
    """The event's claims as the page read them through the ORM before (the reference)."""
    ids = set(
        Claim.objects.filter(Q(event=event) | Q(article__in=event.articles.all())).values_list(
            "id", flat=True
        )
    )
    return list(
        Claim.objects.select_related("article__outlet", "speaker")
        .defer("article__body", "article__original", "article__search_vector", "search_vector")
        .filter(pk__in=ids)
        .exclude(review_status=Claim.ReviewStatus.REJECTED)
        .order_by("article__outlet__name", "article_id", "start", "id")
    )


def _loaded(instance) -> dict | None:
    """The field values an instance holds (what is deferred is absent), without Django's state."""
    if instance is None:
        return None
    return {key: value for key, value in vars(instance).items() if key != "_state"}


def _link(one: Claim, other: Claim, relation: str, **fields) -> ClaimLink:
    first, second = sorted((one, other), key=lambda claim: claim.pk)  # pairs are stored in id order
    return ClaimLink.objects.create(claim_a=first, claim_b=second, relation=relation, **fields)


def _awkward_event() -> Event:
    """An event whose claims come both ways (set on the claim; of one of its articles), with a rejected
    claim and its link, a claim of another event in one of its articles, an article without an outlet
    (and without claims) and a link to a claim outside the event."""
    from sources.services import article_store

    world = build_event_world()
    event = world["event"]
    other_event = Event.objects.create(title="Another event")
    north = world["homes"]["north"]
    elsewhere = Claim.objects.create(
        article=north.article,
        start=north.start,
        end=north.end,
        quote=north.quote,
        kind="quantity",
        quantity_low=41,
        quantity_high=41,
        extractor_version="t",
        event=other_event,
    )
    rejected = Claim.objects.create(
        article=north.article,
        start=north.start,
        end=north.end,
        quote=north.quote,
        kind="quantity",
        quantity_low=39,
        quantity_high=39,
        extractor_version="t",
        event=event,
        review_status=Claim.ReviewStatus.REJECTED,
    )
    _link(rejected, north, "contradicts", rationale="r")
    _link(north, elsewhere, "corroborates", rationale="e")
    outside = Claim.objects.create(
        article=article_store(body="Not this event: 41 homes.", url="https://x.example/1").article,
        start=16,
        end=24,
        quote="41 homes",
        kind="quantity",
        quantity_low=41,
        quantity_high=41,
        extractor_version="t",
    )
    _link(world["homes"]["east"], outside, "contradicts", rationale="o")
    _link(world["homes"]["south"], world["homes"]["east"], "contradicts", status="rejected", rationale="x")
    event.articles.add(article_store(body="No outlet, no claims.", url="https://x.example/2").article)
    return event


def test_event_claims_are_the_orm_models_in_one_query(django_assert_num_queries):
    event = _awkward_event()
    expected = _orm_claims(event)
    with django_assert_num_queries(1):
        claims = event_page.event_claims(event)
    assert [c.pk for c in claims] == [c.pk for c in expected] and len(claims) == 9
    assert Claim.ReviewStatus.REJECTED not in {c.review_status for c in claims}
    with django_assert_num_queries(0):
        for got, want in zip(claims, expected, strict=True):
            assert _loaded(got) == _loaded(want)
            assert got.get_deferred_fields() == want.get_deferred_fields()
            assert _loaded(got.article) == _loaded(want.article)
            assert got.article.get_deferred_fields() == want.article.get_deferred_fields()
            assert _loaded(got.article.outlet) == _loaded(want.article.outlet)
            assert _loaded(got.speaker) == _loaded(want.speaker)
            if got.event_id == event.pk:
                assert got.event is event
    # an article's claims share its one instance
    by_article = {}
    for claim in claims:
        assert by_article.setdefault(claim.article_id, claim.article) is claim.article


def test_event_links_are_the_live_links_among_the_claims_read(django_assert_num_queries):
    event = _awkward_event()
    claims = event_page.event_claims(event)
    ids = [c.pk for c in claims]
    expected = list(
        ClaimLink.objects.filter(claim_a_id__in=ids, claim_b_id__in=ids).exclude(status="rejected")
    )
    with django_assert_num_queries(1):
        links = event_page.event_links(event, claims)
    assert [link.pk for link in links] == [link.pk for link in expected] and len(links) == 3
    fields = ("id", "claim_a_id", "claim_b_id", "relation", "confidence", "rationale", "status", "version")
    assert [[getattr(link, f) for f in fields] for link in links] == [
        [getattr(link, f) for f in fields] for link in expected
    ]
    # a claim left out of the page's claims takes its links with it
    assert {link.pk for link in event_page.event_links(event, claims[:1])} == set()
    assert event_page.event_links(event, []) == []


def test_event_articles_are_the_orm_articles(django_assert_num_queries):
    event = _awkward_event()
    expected = list(
        event.articles.select_related("outlet").defer("body", "original").order_by("published_on", "id")
    )
    with django_assert_num_queries(1):
        articles = event_page.event_articles(event)
    assert [a.pk for a in articles] == [a.pk for a in expected] and len(articles) == 5
    for got, want in zip(articles, expected, strict=True):
        assert _loaded(got) == _loaded(want)
        assert _loaded(got.outlet) == _loaded(want.outlet)
    assert isinstance(articles[0], Article)


def test_event_for_page_and_the_page_of_no_event(reader_client):
    event = build_event_world()["event"]
    assert _loaded(event_page.event_for_page(event.pk)) == _loaded(Event.objects.get(pk=event.pk))
    assert event_page.event_for_page(event.pk + 1000) is None
    assert event_page.event_for_page(2**63) is None  # past the id column: no query that would fail
    for pk in (event.pk + 1000, 2**63):
        assert reader_client.get(reverse("claims:event-detail", args=[pk])).status_code == 404
