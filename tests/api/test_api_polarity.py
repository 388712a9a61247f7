"""A statement's polarity goes out with it, and filters, in the CSV and JSON exports and the API: the
claims list's ?polarity= means the same in all three."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.urls import reverse

from tests.polarity_world import SAID, said_five_ways

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(editor):
    return said_five_ways(editor)


def streamed(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff")


@pytest.mark.parametrize("polarity", sorted(SAID))
def test_the_api_filters_claims_by_polarity_and_gives_it(reader_client, world, polarity):
    response = reader_client.get("/api/claims/", {"polarity": polarity})
    assert response.status_code == 200
    results = response.json()["results"]
    assert [(c["id"], c["polarity"], c["kind"]) for c in results] == [
        (world["statements"][polarity].pk, polarity, "statement")
    ]


def test_the_api_refuses_an_unknown_polarity(reader_client, world):
    assert reader_client.get("/api/claims/", {"polarity": "doubted"}).status_code == 400


def test_the_exports_carry_and_filter_by_polarity(reader_client, world):
    """Every statement with its polarity in the CSV; ?polarity=question exports the question alone, in
    CSV as in JSON."""
    rows = list(csv.DictReader(io.StringIO(streamed(reader_client.get(reverse("claims:claim-export-csv"))))))
    by_quote = {row["quote"]: row["polarity"] for row in rows if row["kind"] == "statement"}
    assert by_quote == {said: polarity for polarity, said in SAID.items()}
    asked = reader_client.get(reverse("claims:claim-export-csv"), {"polarity": "question"})
    [row] = csv.DictReader(io.StringIO(streamed(asked)))
    assert (row["quote"], row["polarity"]) == (SAID["question"], "question")
    data = json.loads(
        streamed(reader_client.get(reverse("claims:claim-export-json"), {"polarity": "position"}))
    )
    claims = data["claims"] if isinstance(data, dict) else data
    assert [(c["quote"], c["polarity"]) for c in claims] == [(SAID["position"], "position")]
