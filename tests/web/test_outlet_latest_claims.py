"""The outlet page's latest claims, chosen by id before their joins (claims.selectors.latest_outlet_claims),
are the rows and order the single joined query gave, with article, outlet and speaker loaded."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import selectors
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db


def _old_query(outlet_id: int, limit: int) -> list:
    return list(selectors.claims_with_sources().filter(article__outlet=outlet_id).order_by("-id")[:limit])


def test_latest_claims_are_the_joined_querys_rows(make_world):
    """An outlet with more claims than the limit, and a claim added later to its oldest article (so
    the highest ids are not all on the newest articles): same ids, same order, relations loaded."""
    world = make_world(40)
    outlet = world["outlets"][0]
    oldest_article = world["claims"][0][0].article
    late = quote_claim(oldest_article, "officials said", kind="statement", speaker=world["speaker"])
    other = quote_claim(world["claims"][1][0].article, "officials said", kind="statement")  # another outlet
    for limit in (30, 5, 1000):
        expected = _old_query(outlet.pk, limit)
        got = list(selectors.latest_outlet_claims(outlet.pk, limit))
        assert [c.pk for c in got] == [c.pk for c in expected]
        assert got[0].pk == late.pk and other.pk not in {c.pk for c in got}
    assert len(expected) == 14 * 3 + 1 and len(_old_query(outlet.pk, 30)) == 30
    with CaptureQueriesContext(connection) as queries:
        rows = list(selectors.latest_outlet_claims(outlet.pk, 30))
        seen = [(c.article.title, c.article.outlet.name, c.speaker.name if c.speaker else None) for c in rows]
    assert len(queries) == 1
    assert seen == [
        (c.article.title, c.article.outlet.name, c.speaker.name if c.speaker else None)
        for c in _old_query(outlet.pk, 30)
    ]


def test_outlet_without_claims_has_none(make_world):
    from sources.models import Outlet

    make_world(3)
    empty = Outlet.objects.create(name="Quiet Herald", domain="quiet.example")
    assert list(selectors.latest_outlet_claims(empty.pk, 30)) == []


def test_outlet_page_lists_the_latest_claims(reader_client, make_world):
    """The page shows the 30 latest claims, newest first, and the count of all of them."""
    world = make_world(40)
    outlet = world["outlets"][0]
    response = reader_client.get(reverse("sources:outlet-detail", args=[outlet.pk]))
    assert [c.pk for c in response.context["claims"]] == [c.pk for c in _old_query(outlet.pk, 30)]
    text = response.text
    positions = [text.index(f'href="/claims/{c.pk}/"') for c in _old_query(outlet.pk, 30)]
    assert positions == sorted(positions)
    assert f'Latest claims <span class="muted small">({14 * 3})</span>' in text
