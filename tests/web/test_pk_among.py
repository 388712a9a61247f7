"""`tracker.paging.pk_among`, the filter a small filtered result's page is read through (one array
parameter on PostgreSQL, `pk__in` elsewhere), selects exactly the rows of the given ids."""

from __future__ import annotations

import pytest

from sources.models import Outlet
from tracker.paging import pk_among

pytestmark = pytest.mark.django_db


def test_pk_among_selects_the_given_ids_and_no_others():
    outlets = [Outlet.objects.create(name=f"Among {n}") for n in range(5)]
    wanted = [outlets[4].pk, outlets[1].pk, outlets[2].pk]
    found = Outlet.objects.filter(pk_among(wanted)).order_by("-pk").values_list("pk", flat=True)
    assert list(found) == sorted(wanted, reverse=True)
    assert not Outlet.objects.filter(pk_among([])).exists()
    missing = max(o.pk for o in outlets) + 1000
    assert list(Outlet.objects.filter(pk_among([missing, outlets[0].pk])).values_list("pk", flat=True)) == [
        outlets[0].pk
    ]
