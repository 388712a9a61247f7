"""The claims list's reads at scale: indexes and statistics on PostgreSQL, estimates trusted only where
they are, page rows read by id after their keys, the table estimate reused (issue 17)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import selectors
from claims.filters import ClaimFilter
from claims.models import Actor, Claim
from tracker import paging

pytestmark = pytest.mark.django_db
postgresql_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL indexes, statistics and estimates"
)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def plan(sql: str, params=()) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")  # a tiny table: ask whether the index can serve
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@postgresql_only
def test_speaker_names_are_matched_anywhere_through_trigram_indexes():
    """`LIKE '%viktor%'` on actor and alias names can use the trigram GIN indexes (no b-tree can)."""
    Actor.objects.create(name="Viktor Orlan", normalized_name="viktor orlan", kind="person")
    sql, params = Actor.objects.filter(normalized_name__contains="iktor").values("id").query.sql_with_params()
    assert "actor_name_trgm" in plan(sql, params)
    assert "alias_name_trgm" in plan(
        "SELECT id FROM claims_actoralias WHERE normalized_name LIKE '%%iktor%%'"
    )


@postgresql_only
def test_kind_status_and_unit_have_extended_statistics():
    """The planner knows a unit class implies its kind (dependencies) instead of multiplying them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT stxkind FROM pg_statistic_ext WHERE stxname = 'claim_kind_status_unit_stats'")
        (kinds,) = cursor.fetchone()
    assert "f" in kinds and "m" in kinds  # functional dependencies and most-common values


@pytest.mark.parametrize(
    ("estimate", "reads_ids"), [(paging.ESTIMATE_TRUSTED_ABOVE + 1, False), (3000, True)]
)
def test_a_filtered_count_is_estimated_only_well_above_the_id_cap(monkeypatch, estimate, reads_ids):
    """Above ESTIMATE_TRUSTED_ABOVE the planner's figure is shown and no id is read; below it the ids
    are read (up to the cap), so a result the planner overestimates is still counted exactly."""
    monkeypatch.setattr(paging, "planned_rows", lambda sql, params: estimate)
    filterset = ClaimFilter({"kind": "quantity"}, queryset=selectors.claim_list())
    with CaptureQueriesContext(connection) as captured:
        size = paging.narrow(filterset.qs, narrowed=True)
    assert (size.ids is not None) == reads_ids and len(captured) == int(reads_ids)
    assert size.count.exact == reads_ids and (reads_ids or size.count.value == estimate)


@pytest.mark.parametrize("estimate", [paging.ESTIMATE_TRUSTED_ABOVE + 1, 3000])
def test_a_likely_small_filter_reads_its_ids_in_one_statement(monkeypatch, make_world, estimate):
    """An outlet's (or speaker's) ids are read first, with no estimate planned: one statement when
    they are at most ID_CAP; past the cap the estimate is planned then and the count is the one the
    estimate-first path gives (the planner's figure above ESTIMATE_TRUSTED_ABOVE, else capped)."""
    world = make_world(6)  # over three outlets
    outlet = world["outlets"][0].pk
    mine = sorted(c.pk for trio in world["claims"] for c in trio if c.article.outlet_id == outlet)
    planned = []
    monkeypatch.setattr(paging, "planned_rows", lambda sql, params: planned.append(sql) or estimate)
    filterset = ClaimFilter({"outlet": str(outlet)}, queryset=Claim.objects.all())
    assert filterset.is_small and not ClaimFilter({"kind": "quantity"}, queryset=Claim.objects.all()).is_small
    with CaptureQueriesContext(connection) as captured:
        small = paging.narrow(filterset.qs, narrowed=True, likely_small=True)
    assert len(captured) == 1 and not planned
    assert small.count == paging.Count(len(mine), exact=True, capped=False) and sorted(small.ids) == mine
    monkeypatch.setattr(paging, "ID_CAP", len(mine) - 1)
    large = paging.narrow(filterset.qs, narrowed=True, likely_small=True)
    planned_first = paging.narrow(filterset.qs, narrowed=True)
    assert len(planned) == 2 and large == planned_first and large.ids is None
    assert large.count.value == (estimate if estimate > paging.ESTIMATE_TRUSTED_ABOVE else len(mine))


@postgresql_only
def test_a_large_table_estimate_is_read_once_a_minute(monkeypatch):
    """The unfiltered list's estimate is reused from the process cache (one round trip fewer a page)."""
    monkeypatch.setattr(paging, "ID_CAP", 10)
    with connection.cursor() as cursor:  # what ANALYZE would have left for a big table
        cursor.execute("UPDATE pg_class SET reltuples = 5000 WHERE oid = 'claims_claim'::regclass")
    assert paging.table_estimate(Claim) == 5000
    with CaptureQueriesContext(connection) as captured:
        assert paging.table_estimate(Claim) == 5000
    assert len(captured) == 0


def test_a_page_read_by_keys_then_rows_skips_a_row_gone_in_between(make_world):
    """With `load`, the page's keys come first and the rows by id; a row deleted between the two reads
    is left out and the cursor is the last shown row's."""
    world = make_world(3)
    ordering = ("-id",)
    everything = Claim.objects.all()
    first = paging.keyset_page(everything, ordering, per_page=4)
    gone = first.rows[1].pk

    def load(ids):
        return {c.pk: c for c in Claim.objects.filter(pk__in=ids).exclude(pk=gone)}

    page = paging.keyset_page(everything, ordering, per_page=4, load=load)
    assert [c.pk for c in page.rows] == [c.pk for c in first.rows if c.pk != gone]
    assert page.has_next and page.next_cursor == paging.encode_cursor([page.rows[-1].pk])
    following = paging.keyset_page(everything, ordering, after=page.next_cursor, per_page=4, load=load)
    assert following.rows[0].pk < page.rows[-1].pk
    assert len(world["claims"]) == 3


def test_offset_pages_and_filtered_pages_read_keys_first(reader_client, make_world, monkeypatch):
    """A numbered page past the first, on a result above the id cap, reads its keys with OFFSET and then
    its 50 rows by id, with their link marks in the same read (no per-row or separate marks query)."""
    make_world(40)  # 120 claims
    monkeypatch.setattr(paging, "ID_CAP", 10)
    with CaptureQueriesContext(connection) as captured:
        response = reader_client.get(reverse("claims:claim-list"), {"page": 2})
    assert response.status_code == 200 and len(response.context["claims"]) == 50
    sql = [q["sql"] for q in captured.captured_queries]
    assert any("OFFSET 50" in q and "claims_claimlink" not in q for q in sql)
    rows = [q for q in sql if '"claims_claim"."quote"' in q]
    assert len(rows) == 1 and "claims_claimlink" in rows[0]  # the marks come with the rows
    assert not any(q.startswith('SELECT "claims_claimlink"') for q in sql)


@postgresql_only
def test_a_limited_querys_estimate_is_of_the_rows_before_its_limit():
    """narrow() plans the ids' query it then runs (LIMIT ID_CAP + 1): the estimate it weighs is the
    rows under that limit, not the limit itself (which would never exceed ESTIMATE_TRUSTED_ABOVE)."""
    rows = "SELECT g FROM generate_series(1, %s) AS g"
    assert paging.planned_rows(rows + " LIMIT 2001", [50_000]) == 50_000
    assert paging.planned_rows(rows, [50_000]) == 50_000
    assert paging.planned_rows(rows + " LIMIT 2001", [300]) == 300
