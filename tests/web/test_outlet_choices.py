"""The outlet menu's choices come from the process cache while the outlets are unchanged, and a new,
renamed or deleted outlet shows at once (the cache key is the outlets' fingerprint, not a timer)."""

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
