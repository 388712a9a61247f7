"""The outlet menu's choices come from the process cache while the outlets are unchanged, and a new,
renamed or deleted outlet shows at once (the cache key is the outlets' fingerprint, not a timer)."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from sources.models import Outlet
from sources.selectors import outlet_choices

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_unchanged_outlets_are_read_from_the_cache(django_assert_num_queries):
    """The second read is one small fingerprint query, not the outlet rows."""
    Outlet.objects.create(name="Bay Herald", domain="bayherald.example")
    Outlet.objects.create(name="Atoll Times", domain="atoll.example")
    with django_assert_num_queries(2):
        first = outlet_choices()
    with django_assert_num_queries(1):
        assert outlet_choices() == first
    assert [name for _, name in first] == ["Atoll Times", "Bay Herald"]


def test_new_renamed_and_deleted_outlets_show_at_once(reader_client):
    """The claims list's outlet menu follows every change to the outlets, on the next page load."""
    herald = Outlet.objects.create(name="Bay Herald", domain="bayherald.example")
    url = reverse("claims:claim-list")
    assert ">Bay Herald</option>" in reader_client.get(url).text
    Outlet.objects.create(name="Reef Courier", domain="reef.example")
    assert ">Reef Courier</option>" in reader_client.get(url).text
    herald.name = "Bay Herald & Star"
    herald.save()
    text = reader_client.get(url).text
    assert ">Bay Herald &amp; Star</option>" in text and ">Bay Herald</option>" not in text
    herald.delete()
    text = reader_client.get(url).text
    assert "Bay Herald" not in text and ">Reef Courier</option>" in text


def test_the_outlet_filter_is_checked_against_the_menu_without_a_query_of_its_own(reader_client, make_world):
    """Filtering by an outlet reads no outlet row beyond the menu's fingerprint (it was one more round
    trip per page); an outlet that does not exist, or one deleted since the menu was read, is still a
    form error (400) that selects nothing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    world = make_world(4)
    url = reverse("claims:claim-list")
    outlet = world["claims"][0][0].article.outlet
    reader_client.get(url, {"outlet": outlet.pk})  # the choices cached
    with CaptureQueriesContext(connection) as captured:
        page = reader_client.get(url, {"outlet": outlet.pk})
    assert page.status_code == 200 and page.context["claims"]
    assert {claim.article.outlet_id for claim in page.context["claims"]} == {outlet.pk}
    outlet_reads = [
        q["sql"] for q in captured.captured_queries if re.search(r'FROM "?sources_outlet\b', q["sql"])
    ]
    assert len(outlet_reads) == 1 and "COUNT(*)" in outlet_reads[0]  # the fingerprint only
    gone = Outlet.objects.create(name="Gone Gazette", domain="gone.example")
    gone_id = gone.pk
    gone.delete()
    for missing in (gone_id, gone_id + 1000):
        page = reader_client.get(url, {"outlet": missing})
        assert page.status_code == 400 and "Select a valid choice" in page.text and not page.context["claims"]
