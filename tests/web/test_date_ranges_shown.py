"""A written period is one date claim, shown as people write it ("3-9 March 2026") on the claim page, the
claims list, the reader, the API and the exports; an editor can set or clear its end."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

BODY = (
    "Dock workers in the port of Perrin struck on March 3-9, the union said. The Arlow museum was shut "
    "between June 2011 and July 2012 for repairs, its director, Ilse Varga, said."
)


@pytest.fixture
def periods(outlet):
    from claims.models import Claim
    from sources.services import article_store

    article = article_store(
        body=BODY,
        outlet=outlet,
        url="https://harbour-times.example/strike",
        title="Perrin dock strike ends",
        published_on=dt.date(2026, 3, 20),
        published_precision="day",
    ).article
    call_command("extract_claims")
    dates = list(Claim.objects.filter(article=article, kind="date").order_by("start"))
    return article, dates


def test_the_extracted_periods_are_stored_with_their_ends(periods):
    _, dates = periods
    assert [(c.date_value, c.date_precision, c.date_end_value, c.date_end_precision) for c in dates] == [
        (dt.date(2026, 3, 3), "day", dt.date(2026, 3, 9), "day"),
        (dt.date(2011, 6, 1), "month", dt.date(2012, 7, 1), "month"),
    ]
    assert [c.date_shown for c in dates] == ["3-9 March 2026", "June 2011 - July 2012"]


def test_the_pages_show_the_period(editor_client, periods):
    article, dates = periods
    strike, _ = dates
    page = editor_client.get(reverse("claims:claim-detail", args=[strike.pk])).content.decode()
    assert "3-9 March 2026" in page
    listing = editor_client.get(reverse("claims:claim-list") + "?kind=date").content.decode()
    assert "3-9 March 2026" in listing and "June 2011 - July 2012" in listing
    reader = editor_client.get(reverse("sources:article-detail", args=[article.pk])).content.decode()
    assert "3-9 March 2026" in reader


def test_the_api_and_the_exports_give_both_ends(editor_client, periods):
    _, (strike, _) = periods
    data = editor_client.get(reverse("api:claim-detail", args=[strike.pk])).json()
    assert (data["date_value"], data["date_end_value"], data["date_end_precision"]) == (
        "2026-03-03",
        "2026-03-09",
        "day",
    )
    assert data["date_shown"] == "3-9 March 2026"
    response = editor_client.get(reverse("claims:claim-export-csv") + "?kind=date")
    text = b"".join(response.streaming_content).decode()
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}
    row = rows[str(strike.pk)]
    assert (row["date_end_value"], row["date_end_precision"], row["date_shown"]) == (
        "2026-03-09",
        "day",
        "3-9 March 2026",
    )


def test_an_editor_sets_and_clears_a_periods_end(editor_client, periods):
    _, (strike, _) = periods
    url = reverse("claims:claim-edit", args=[strike.pk])
    form = {"kind": "date", "date_value": "2026-03-03", "date_precision": "day", "version": strike.version}
    bad = editor_client.post(url, {**form, "date_end_value": "2026-03-01"})
    assert "cannot end before it starts" in bad.content.decode()
    editor_client.post(url, {**form, "date_end_value": "2026-03-12"})
    strike.refresh_from_db()
    assert (strike.date_end_value, strike.date_end_precision) == (dt.date(2026, 3, 12), "day")
    editor_client.post(url, {**form, "version": strike.version})
    strike.refresh_from_db()
    assert (strike.date_end_value, strike.date_end_precision, strike.date_shown) == (None, "", "2026-03-03")


def test_an_editor_marks_a_period_from_a_selection(editor_client, periods):
    """The reader's new-claim form takes a period's end ("Until"); its precision is the start's."""
    from claims.models import Claim

    article, _ = periods
    words = "between June 2011 and July 2012"
    start = article.body.index(words)
    data = {
        "start": start,
        "end": start + len(words),
        "quote": words,
        "prefix": article.body[max(0, start - 32) : start],
        "suffix": article.body[start + len(words) : start + len(words) + 32],
        "kind": "date",
        "date_value": "2011-06-01",
        "date_precision": "month",
        "date_end_value": "2012-07-01",
    }
    page = editor_client.get(reverse("sources:article-detail", args=[article.pk])).content.decode()
    assert 'name="date_end_value"' in page
    response = editor_client.post(reverse("claims:claim-from-selection", args=[article.pk]), data)
    assert response.status_code == 302
    claim = Claim.objects.get(article=article, origin="editor")
    assert (claim.date_end_value, claim.date_end_precision) == (dt.date(2012, 7, 1), "month")
    assert claim.date_shown == "June 2011 - July 2012"
