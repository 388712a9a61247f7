"""The event page counts independent confirmations with claims.linking.confirmation's rule."""

from __future__ import annotations

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimLink

pytestmark = pytest.mark.django_db


def corroborate(a: Claim, b: Claim) -> None:
    a, b = sorted((a, b), key=lambda c: c.pk)
    ClaimLink.objects.update_or_create(
        claim_a=a, claim_b=b, defaults={"relation": "corroborates", "rationale": "same"}
    )


def confirmations(client, world) -> dict[int, int]:
    response = client.get(reverse("claims:event-detail", args=[world["event"].pk]))
    assert response.status_code == 200
    return {pk: v.confirmations for pk, v in response.context["comparison"].values.items()}


def test_an_outlet_citing_another_outlet_of_the_event_is_not_independent(reader_client, make_world):
    """East Daily's count 'according to South Wire' and South Wire's own report are one origin."""
    world = make_world(6)
    counts = [q for q, _, _ in world["claims"]]  # outlets: North Post, South Wire, East Daily, ...
    assert counts[2].article.outlet.name == "East Daily" and counts[4].article.outlet.name == "South Wire"
    Claim.objects.filter(pk=counts[2].pk).update(attribution="according to South Wire")
    corroborate(counts[0], counts[2])
    corroborate(counts[0], counts[4])
    assert confirmations(reader_client, world)[counts[0].pk] == 1
    Claim.objects.filter(pk=counts[2].pk).update(attribution="")  # now three independent outlets
    assert confirmations(reader_client, world)[counts[0].pk] == 2


def test_outlets_quoting_one_speaker_confirm_nothing_new(reader_client, make_world):
    """Three outlets carrying the harbour master's own words are her word once, not three sources."""
    world = make_world(6)
    statements = [s for _, _, s in world["claims"]]
    corroborate(statements[0], statements[1])
    corroborate(statements[0], statements[2])
    found = confirmations(reader_client, world)
    assert found[statements[0].pk] == 0 and found[statements[1].pk] == 0
