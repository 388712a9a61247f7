"""The claims list as an editor reads it: values for people, contains-match speakers with suggestions,
an honest pager past the end, and filter errors in words."""

import re

import pytest
from django.urls import reverse

from claims.models import Actor, Claim

pytestmark = pytest.mark.django_db


def rows(response) -> list[str]:
    """The text of each row of the claims table, tags stripped."""
    body = response.text.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", row)).strip() for row in body.split("</tr>")[:-1]]


def test_values_are_written_for_people_and_statements_show_what_was_said(reader_client, make_world):
    world = make_world(1)
    quantity = world["claims"][0][0]
    Claim.objects.filter(pk=quantity.pk).update(
        quantity_low=3_500_000, quantity_high=3_500_000, unit_class="dollar", quantity_approximate=True
    )
    page = reader_client.get(reverse("claims:claim-list"))
    text = " | ".join(rows(page))
    assert "about 3.5 million dollars" in text and "3500000" not in text
    statement_row = next(row for row in rows(page) if row.startswith("Statement"))
    assert "Mara Lind" in statement_row and "\u201cthe crews were safe\u201d" in statement_row
    # the claim page shows the same value
    assert (
        "about 3.5 million dollars"
        in reader_client.get(reverse("claims:claim-detail", args=[quantity.pk])).text
    )


def test_speaker_filter_matches_inside_the_name_and_suggests_names(reader_client, make_world):
    make_world(2)
    Actor.objects.create(name="Lars Marsk", kind="person")
    url = reverse("claims:claim-list")
    found = reader_client.get(url, {"speaker_name": "Lind"})
    assert len(found.context["claims"]) == 2 and all(
        c.speaker.name == "Mara Lind" for c in found.context["claims"]
    )
    page = reader_client.get(url)
    assert 'list="speaker-names"' in page.text and 'list="unit-classes"' in page.text
    pick = reverse("claims:pick")
    speakers = reader_client.get(pick, {"what": "speaker", "q": "marsk"}).json()["results"]
    assert [row["value"] for row in speakers] == ["Lars Marsk"]
    units = reader_client.get(pick, {"what": "unit", "q": "inj"}).json()["results"]
    assert [row["value"] for row in units] == ["injured"]


def test_a_page_past_the_end_says_so_and_leads_back(reader_client, make_world):
    make_world(2)
    page = reader_client.get(reverse("claims:claim-list"), {"page": "99999"})
    assert page.status_code == 200
    assert "There is no page 99999" in page.text
    assert "Page 40" not in page.text and "Showing claims" not in page.text and "« Previous" not in page.text
    assert re.search(r'<a href="[^"]*"[^>]*>(Go to the first page|« First page)</a>', page.text)


def test_filter_errors_name_the_filter_as_the_page_labels_it(reader_client, make_world):
    make_world(1)
    page = reader_client.get(reverse("claims:claim-list"), {"kind": "planet", "event": "-4"})
    assert page.status_code == 400
    problems = page.text.split('class="error"', 1)[1].split("</div>", 1)[0]
    assert "<li>Kind: " in problems and "planet" in problems, problems
    assert "The link to the event is not valid" in page.text
    assert "review_status" not in page.text.split('class="error"', 1)[1].split("</div>", 1)[0]
    assert '<ul class="errorlist' not in page.text
