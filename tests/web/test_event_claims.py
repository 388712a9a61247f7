"""The event and claim pages read their claims without joining what they do not show (the events
table), and what they show costs no further query."""

import pytest
from django.db.models import Q

from claims.models import ClaimLink
from claims.selectors import event_page

pytestmark = pytest.mark.django_db


def test_event_claims_carry_their_event_and_outlet_without_more_queries(
    make_world, django_assert_num_queries
):
    world = make_world(3)
    event = world["event"]
    with django_assert_num_queries(1):  # the ids are a subquery of the claims' statement
        claims = event_page.event_claims(event)
    assert any(claim.event_id == event.pk for claim in claims)
    with django_assert_num_queries(0):
        for claim in claims:
            if claim.event_id == event.pk:
                assert claim.event is event
            assert claim.article.outlet is None or claim.article.outlet.name
            assert claim.speaker is None or claim.speaker.name


def test_a_claims_links_carry_the_other_claims_outlet_and_speaker_in_one_query(
    django_assert_num_queries,
):
    """The claim page's linked claims: the links with the other claims and what the cards show, read
    in one statement (both sides of the pair), nothing more when the cards are written."""
    from claims.selectors.claim_page import claim_links
    from claims.views.claims import value_text
    from tests.event_world import build_event_world

    world = build_event_world()
    north = world["homes"]["north"]
    stored = ClaimLink.objects.filter(Q(claim_a=north) | Q(claim_b=north))
    expected = {
        link.pk: (link.relation, link.status, link.rationale, value_text(link.claim_b))
        for link in stored.select_related("claim_b")
    }
    with django_assert_num_queries(1):
        links = claim_links(north)
    assert {item.other.pk for item in links} == {world["homes"]["south"].pk, world["homes"]["east"].pk}
    with django_assert_num_queries(0):
        assert {item.outlet_name for item in links} == {"South Wire", "East Daily"}
        assert all(item.other.speaker is None and item.reviewer is None for item in links)
        shown = {
            item.link.pk: (item.link.relation, item.link.status, item.link.rationale, value_text(item.other))
            for item in links
        }
    assert shown == expected
