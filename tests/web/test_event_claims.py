"""The event page reads its claims without joining the events table, and still knows their event."""

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
