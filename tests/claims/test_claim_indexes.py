"""Every stored claim is written into every index of claims_claim, so the table carries no index another
one already serves: an index whose columns lead a longer index is a second write per claim for lookups
the longer one answers (migration 0019_claim_indexes)."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.models import Claim
from tests.sources.test_indexes import indexed_columns

pytestmark = pytest.mark.django_db

# unit_class keeps its own index: on PostgreSQL its varchar_pattern_ops twin serves the unit picker's
# prefix match (`selectors.unit_classes`), and Django makes that twin only with db_index
KEPT_PREFIXES = {("unit_class",)}


def test_no_claim_index_is_the_start_of_another():
    indexes = indexed_columns(Claim._meta.db_table)
    plain = {name: cols for name, cols in indexes.items() if not name.endswith("_like")}
    served = {
        name
        for name, cols in plain.items()
        for other, longer in plain.items()
        if other != name and len(longer) > len(cols) and longer[: len(cols)] == cols
    }
    assert {tuple(plain[name]) for name in served} == KEPT_PREFIXES, served


def test_no_pattern_index_but_the_unit_pickers():
    """No query matches a review status or a verdict by LIKE."""
    indexes = indexed_columns(Claim._meta.db_table)
    assert [cols for name, cols in indexes.items() if name.endswith("_like")] in ([], [["unit_class"]])


def test_the_lookups_of_the_dropped_indexes_use_the_longer_ones():
    """An article's, an event's and a speaker's claims, and a review status's, are read through the
    composite index that starts with that column."""
    if connection.vendor != "postgresql":
        pytest.skip("plans are read on PostgreSQL")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")  # an empty table: only the plan's choice of index is read
        for query, index in (
            (Claim.objects.filter(article_id=1).order_by("start"), "claim_article_start_idx"),
            (Claim.objects.filter(event_id=1).order_by("-id"), "claim_event_id_idx"),
            (Claim.objects.filter(speaker_id=1).order_by("-id"), "claim_speaker_id_idx"),
            (Claim.objects.filter(review_status="pending").order_by("-id"), "claim_status_id_idx"),
            (Claim.objects.filter(verdict="false").order_by(), "claim_verdict_idx"),
        ):
            assert index in query.explain(), (index, query.explain())
