"""A rationale names where each claim was read: the outlet, else (a file imported with no outlet) the
article's title cut short, so an editor knows which article to open; "one outlet" only when neither is
known. Sentences and titles written for these tests."""

from __future__ import annotations

import csv
import datetime as dt

import pytest
from django.core.management import call_command

from claims.extraction.types import DateClaim, QuantityClaim, Span, StatementClaim
from claims.linking.links import suggest_links
from claims.linking.links.text import source_name
from claims.linking.types import LinkableClaim
from claims.models import ClaimLink

FERRY_A = "Harbour chief Lena Brask said the night ferry to Osk had carried 300 pilgrims across the strait."
FERRY_B = "Lena Brask told reporters that the night ferry to Osk had carried 300 pilgrims across the strait."
CONTENT = "the night ferry to Osk had carried 300 pilgrims across the strait"


def _statement(cid: str, article: str, sentence: str, *, outlet=None, title=None) -> LinkableClaim:
    at = sentence.index(CONTENT)
    claim = StatementClaim(at, at + len(CONTENT), CONTENT, "Lena Brask")
    return LinkableClaim(cid, article, outlet, claim, sentence, event_id="e1", sentence_start=0, title=title)


def test_an_article_without_outlet_is_named_by_its_title():
    """Two files without an outlet: the rationale gives each title, the long one cut at a word."""
    links = suggest_links(
        [
            _statement("a", "A", FERRY_A, title="Night ferry carried pilgrims to Osk, harbour chief says"),
            _statement("b", "B", FERRY_B, title="Osk ferry"),
        ]
    )
    [link] = links
    assert "\u2018Night ferry carried pilgrims to Osk, harbour\u2026\u2019" in link.rationale
    assert "\u2018Osk ferry\u2019" in link.rationale
    assert "one outlet" not in link.rationale and "another outlet" not in link.rationale


def test_the_outlet_goes_before_the_title_and_nothing_known_reads_as_before():
    """An outlet, when known, names the article; with neither outlet nor title the old words stay."""
    titled = _statement("a", "A", FERRY_A, outlet="Harbour Gazette", title="Night ferry")
    assert source_name(titled, "one outlet") == "Harbour Gazette"
    bare = _statement("b", "B", FERRY_B)
    assert source_name(bare, "another outlet") == "another outlet"
    [link] = suggest_links([_statement("a", "A", FERRY_A), bare])
    assert "in one outlet and another outlet" in link.rationale


def test_dates_and_counts_name_the_article_by_its_title_too():
    """The date and count rationales use the same names."""
    pub = dt.date(2026, 5, 4)

    def date(cid, article, sentence, words, when, title):
        at = sentence.index(words)
        w = sentence.index(when)
        claim = DateClaim(
            at,
            at + len(words),
            words,
            "2026-05-02",
            "day",
            expression=Span(w, w + len(when), when),
            dated="sailed",
        )
        return LinkableClaim(
            cid, article, None, claim, sentence, event_id="e1", sentence_start=0, published=pub, title=title
        )

    def count(cid, article, sentence, words, title):
        at = sentence.index(words)
        claim = QuantityClaim(at, at + len(words), words, 300, 300, "pilgrim", unit_class="pilgrim")
        return LinkableClaim(
            cid, article, None, claim, sentence, event_id="e1", sentence_start=0, published=pub, title=title
        )

    a = "The night ferry to Osk sailed from Marrowick on 2 May with 300 pilgrims aboard."
    b = "The night ferry to Osk sailed from Marrowick on Saturday, May 2, carrying 300 pilgrims."
    links = suggest_links(
        [
            date("da", "A", a, "sailed from Marrowick on 2 May", "on 2 May", "Ferry sails"),
            date(
                "db",
                "B",
                b,
                "sailed from Marrowick on Saturday, May 2",
                "on Saturday, May 2",
                "Pilgrims cross",
            ),
            count("qa", "A", a, "300 pilgrims", "Ferry sails"),
            count("qb", "B", b, "300 pilgrims", "Pilgrims cross"),
        ]
    )
    assert {link.relation for link in links} == {"corroborates"}
    assert len(links) == 2
    for link in links:
        assert "\u2018Ferry sails\u2019" in link.rationale and "\u2018Pilgrims cross\u2019" in link.rationale


@pytest.mark.django_db
def test_an_import_without_outlets_names_the_articles_by_title(tmp_path):
    """Imported as a user would, with neither an outlet nor a URL to name one: the stored rationale gives
    the titles."""
    path = tmp_path / "reports.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["title", "body"])
        writer.writerow(
            [
                "Harbour chief says night ferry carried pilgrims to Osk",
                FERRY_A + " The crossing took nine hours, she said.",
            ]
        )
        writer.writerow(
            [
                "Osk ferry carried pilgrims",
                FERRY_B + " Brask said the crossing was calm.",
            ]
        )
    with open(tmp_path / "import.log", "w", encoding="utf-8") as log:
        call_command("import_articles", str(path), stdout=log)
    rationales = list(ClaimLink.objects.values_list("rationale", flat=True))
    assert rationales, rationales
    assert any("\u2018Osk ferry carried pilgrims\u2019" in r for r in rationales)
    assert not any("one outlet" in r or "another outlet" in r for r in rationales)
