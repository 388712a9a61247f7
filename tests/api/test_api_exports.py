"""CSV and JSON exports of claims and links: filters honoured, formulas neutralised, sign-in required."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def body_of(response) -> str:
    """The whole text of a streamed response."""
    assert response.streaming, "exports must stream"
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> list[dict[str, str]]:
    """The CSV download parsed into dicts (header row = keys)."""
    return list(csv.DictReader(io.StringIO(body_of(response).lstrip("\ufeff"))))


@pytest.fixture
def two_kinds(article, make_claim):
    """Two quantity claims and one date claim on the fixture article."""
    return {
        "ships": make_claim(article, "Two cargo ships"),
        "workers": make_claim(article, "About 120 workers", quantity_low=120, quantity_high=120),
        "date": make_claim(article, "2 April", kind="date"),
    }


def test_claim_csv_export_honours_the_kind_filter(reader_client, two_kinds):
    """?kind=quantity exports only quantity claims, with a header row and one row per claim."""
    response = reader_client.get(reverse("claims:claim-export-csv") + "?kind=quantity")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = csv_rows(response)
    assert {row["kind"] for row in rows} == {"quantity"}
    assert sorted(row["quote"] for row in rows) == ["About 120 workers", "Two cargo ships"]
    assert rows[0]["outlet"] == "Harbour Times"


def test_claim_json_export_honours_filters_and_sort(reader_client, two_kinds):
    """The JSON export is a list of objects filtered and ordered like the list page (sort=old)."""
    response = reader_client.get(reverse("claims:claim-export-json") + "?kind=quantity&sort=old")
    data = json.loads(body_of(response))
    assert [item["id"] for item in data] == [two_kinds["ships"].pk, two_kinds["workers"].pk]
    assert data[1]["quantity_low"] == 120
    everything = json.loads(body_of(reader_client.get(reverse("claims:claim-export-json"))))
    assert len(everything) == 3


def test_csv_export_neutralises_formulas(reader_client, store_article, make_claim):
    """Cells starting with = + - @ are prefixed with an apostrophe; negative numbers stay numbers."""
    story = store_article("The sheet showed =SUM(A1:A9) in red, the clerk said.", slug="sheet")
    make_claim(
        story,
        "=SUM(A1:A9) in red",
        kind="statement",
        attribution="@clerk",
        speaker_mention="+clerk",
        speaker_role="-treasurer",
    )
    make_claim(story, "the clerk", quantity_low=-3, quantity_high=-3, counted="-3 clerks")
    rows = {row["kind"]: row for row in csv_rows(reader_client.get(reverse("claims:claim-export-csv")))}
    statement, quantity = rows["statement"], rows["quantity"]
    assert statement["quote"] == "'=SUM(A1:A9) in red"
    assert statement["attribution"] == "'@clerk"
    assert statement["speaker"] == "'+clerk"
    assert statement["speaker_role"] == "'-treasurer"
    assert quantity["counted"] == "'-3 clerks"
    assert quantity["quantity_low"] == "-3.0"


def test_link_export_filters_by_relation_and_claim_filter(reader_client, article, store_article, make_claim):
    """Links export filters by relation and by the claims filter's query (kind)."""
    from claims.models import ClaimLink

    other = store_article("Two cargo ships arrived on 2 April, and 150 workers helped.", slug="other")
    ships, ships2 = make_claim(article, "Two cargo ships"), make_claim(other, "Two cargo ships")
    workers = make_claim(article, "About 120 workers", quantity_low=120, quantity_high=120)
    workers2 = make_claim(other, "150 workers", quantity_low=150, quantity_high=150)
    date, date2 = make_claim(article, "2 April", kind="date"), make_claim(other, "2 April", kind="date")
    for a, b, relation in [
        (ships, ships2, "corroborates"),
        (workers, workers2, "contradicts"),
        (date, date2, "corroborates"),
    ]:
        ClaimLink.objects.create(claim_a=a, claim_b=b, relation=relation, rationale="test")
    url = reverse("claims:link-export-csv")
    rows = csv_rows(reader_client.get(url + "?relation=corroborates"))
    assert {(int(r["claim_a_id"]), int(r["claim_b_id"])) for r in rows} == {
        (ships.pk, ships2.pk),
        (date.pk, date2.pk),
    }
    rows = csv_rows(reader_client.get(url + "?relation=corroborates&kind=date"))
    assert [int(r["claim_a_id"]) for r in rows] == [date.pk]
    data = json.loads(body_of(reader_client.get(reverse("claims:link-export-json") + "?status=confirmed")))
    assert data == []


def test_exports_need_sign_in_and_permission(client, django_user_model, two_kinds):
    """Anonymous users are sent to sign in; a signed-in user without the reader role gets 403."""
    for name in ("claim-export-csv", "claim-export-json", "link-export-csv", "link-export-json"):
        response = client.get(reverse(f"claims:{name}"))
        assert response.status_code == 302
        assert reverse("login") in response["Location"]
    client.force_login(django_user_model.objects.create_user(username="nobody", password="pw-nobody-1"))
    assert client.get(reverse("claims:claim-export-csv")).status_code == 403


def test_claim_list_offers_exports_with_the_current_query(reader_client, two_kinds):
    """The claims list links to the exports with the filters the reader applied."""
    page = reader_client.get(reverse("claims:claim-list") + "?kind=date&q=April").content.decode()
    assert reverse("claims:claim-export-csv") + "?kind=date&amp;q=April" in page
    assert reverse("claims:link-export-json") + "?kind=date&amp;q=April" in page


def test_exports_stream_in_chunks_and_stay_valid(reader_client, two_kinds, monkeypatch):
    """With a chunk of one row the rows are still all there and the JSON array stays well formed."""
    from claims.views import exports

    monkeypatch.setattr(exports, "CHUNK_SIZE", 1)
    data = json.loads(body_of(reader_client.get(reverse("claims:claim-export-json") + "?sort=old")))
    assert [item["id"] for item in data] == sorted(claim.pk for claim in two_kinds.values())
    assert len(csv_rows(reader_client.get(reverse("claims:claim-export-csv")))) == 3


def test_dates_without_a_known_year_are_exported_as_the_text_says_them(reader_client, article, make_claim):
    """A weekday or a day with no known year is exported and served as what it is, never as a precise date."""
    on_saturday = dict(
        date_value=None, date_precision="weekday", date_weekday=5, date_expression="on Saturday"
    )
    make_claim(article, "on Saturday", kind="date", **on_saturday)
    april = dict(
        date_value=None, date_precision="day-no-year", date_month=4, date_day=2, date_expression="on 2 April"
    )
    make_claim(article, "2 April", kind="date", **april)
    rows = {
        row["quote"]: row
        for row in csv_rows(reader_client.get(reverse("claims:claim-export-csv") + "?kind=date"))
    }
    assert rows["on Saturday"]["date_shown"] == "Saturday, date not known"
    assert rows["on Saturday"]["date_value"] == ""
    assert rows["2 April"]["date_shown"] == "2 April, year not known"
    api = reader_client.get("/api/claims/?kind=date").json()
    served = {c["quote"]: c for c in api.get("results", api)}
    assert served["on Saturday"]["date_shown"] == "Saturday, date not known"
    assert (served["2 April"]["date_value"], served["2 April"]["date_month"]) == (None, 4)
