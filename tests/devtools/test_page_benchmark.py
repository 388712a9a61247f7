"""`make bench`'s page part names every page the scale targets cover, each answered and its queries
counted, beside the bare list query it is compared with."""

from __future__ import annotations

import pytest

from devtools.benchmarks.pages import measure_pages
from devtools.benchmarks.populate import populate

pytestmark = pytest.mark.django_db

PAGES = {
    "claims_list",
    "claims_list_filtered",
    "claims_list_outlet",
    "claims_list_published_range",
    "claims_list_corroborated",
    "claims_list_speaker_name",
    "claims_list_search",
    "claims_list_page_2_to_20",
    "claims_list_page_40",
    "claims_list_deep_page",
    "claims_list_filter_last_page",
    "claim_page",
    "article_page",
    "event_page",
}


def test_every_page_is_named_timed_and_its_queries_counted():
    """On a small synthetic corpus every page answers 200 (measure_pages raises otherwise) and runs at
    least the session and page queries."""
    populate(120, seed=5)
    report = measure_pages(samples=3)
    pages = report["pages"]
    assert PAGES | {"bare_list_query"} <= set(pages)
    for name in PAGES:
        assert pages[name]["p95_ms"] >= pages[name]["p50_ms"] > 0, name
        assert 0 < pages[name]["cpu_ms"] <= pages[name]["p50_ms"] + 1, name  # CPU is part of the wall time
        assert 3 <= pages[name]["queries"] <= 14, (name, pages[name]["queries"])
    assert "pages_http" not in report


@pytest.mark.django_db(
    transaction=True
)  # gunicorn reads committed rows; roles come back by tests.accounts.role
def test_pages_are_timed_once_more_through_gunicorn_over_http():
    """`bench --http`: the same URLs served by gunicorn with production settings to a signed-in HTTP
    client (the sign-in form, its CSRF token and Secure cookies over 127.0.0.1), each answered 200."""
    from django.db import connection

    from devtools.benchmarks.pages_http import measure_pages_http

    if connection.vendor != "postgresql":
        pytest.skip("gunicorn serves PostgreSQL only (the load test's rule)")
    populate(10, seed=3)
    results = measure_pages_http({"claims_list": ["/claims/"] * 3, "claims_search": ["/claims/?q=ships"] * 3})
    assert set(results) == {"claims_list", "claims_search"}
    assert all(r["p95_ms"] >= r["p50_ms"] > 0 for r in results.values())


def test_pages_can_be_timed_for_a_reader_or_an_editor():
    """`bench --pages-role reader`: the account holds the group's permissions and nothing more, so the
    pages check permissions as the load test's users' do (the superuser's checks read none)."""
    from devtools.benchmarks.pages import bench_user

    reader, editor, root = bench_user("reader"), bench_user("editor"), bench_user("superuser")
    assert not reader.is_superuser and reader.has_perm("claims.view_claim")
    assert not reader.has_perm("claims.change_claim") and editor.has_perm("claims.change_claim")
    assert root.is_superuser and bench_user("reader") == reader
