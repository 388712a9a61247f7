"""The event and claim pages read their claims without joining what they do not show (the events
table), and what they show costs no further query."""

import pytest

from claims import selectors

pytestmark = pytest.mark.django_db


def test_event_claims_carry_their_event_and_outlet_without_more_queries(
    make_world, django_assert_num_queries
):
    world = make_world(3)
    event = world["event"]
    with django_assert_num_queries(2):  # the ids, then the claims
        claims = selectors.event_claims(event)
    assert any(claim.event_id == event.pk for claim in claims)
    with django_assert_num_queries(0):
        for claim in claims:
            if claim.event_id == event.pk:
                assert claim.event is event
            assert claim.article.outlet is None or claim.article.outlet.name
            assert claim.speaker is None or claim.speaker.name


def test_a_claims_links_carry_the_other_claims_outlet_and_speaker_in_two_queries(
    django_assert_num_queries,
):
    """The claim page's linked claims: the links, then the other claims with what the cards show."""
    from tests.event_world import build_event_world

    world = build_event_world()
    north = world["homes"]["north"]
    with django_assert_num_queries(2):
        links = selectors.claim_links(north)
    assert {item.other.pk for item in links} == {world["homes"]["south"].pk, world["homes"]["east"].pk}
    with django_assert_num_queries(0):
        assert {item.other.article.outlet.name for item in links} == {"South Wire", "East Daily"}
        assert all(item.other.speaker is None for item in links)
