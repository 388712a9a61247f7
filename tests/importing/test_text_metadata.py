"""Files imported with no metadata: the title and outlet found in the text are stored on the article,
a long headline stays out of the body and out of the claims, and a correction is marked, not extracted.

The pages are our own fiction, shaped like scraped news pages.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse

from claims.models import Claim
from sources.models import Article, Outlet

from .conftest import csv_bytes

pytestmark = pytest.mark.django_db

LONG_HEADLINE = (
    "Harbour authority says two cargo ships carrying grain will dock in Portville before the storm "
    "reaches the northern coast"
)
BODY = (
    "PORTVILLE - Two cargo ships are due in Portville on Thursday, the harbour authority said.\n\n"
    "\u201cWe will open the northern quay for them,\u201d said spokeswoman Ana Ruiz. About 120 workers "
    "will unload them over two days."
)


def import_page(tmp_path, name: str, text: str, *options: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), *options)
    return Article.objects.select_related("outlet").get()


def test_long_headline_is_the_title_and_no_claim(tmp_path):
    """A 19-word headline is stored as the title, left out of the body, and never extracted as a statement."""
    article = import_page(tmp_path, "ships.txt", f"{LONG_HEADLINE}\n\n{BODY}\n")
    assert article.title == LONG_HEADLINE
    assert article.body.startswith("PORTVILLE - Two cargo ships")
    assert "Harbour authority says" not in article.body
    quotes = list(Claim.objects.values_list("quote", flat=True))
    assert quotes and not any("Harbour authority says" in q for q in quotes)


def test_outlet_named_by_its_furniture_is_stored(tmp_path):
    """ "X's website can also be accessed at ..." names the outlet; a source quoted in the prose does not."""
    page = (
        f"Ships dock in Portville\n\n{BODY}\n\nMeridian Wire reported the quay was ready, officials said.\n\n"
        "Coastline Daily\u2019s website can also be accessed at the following alternate addresses:\n\n"
        "Coastline Daily News App\n"
    )
    article = import_page(tmp_path, "ships.txt", page, "--no-extract")
    assert article.title == "Ships dock in Portville"
    assert article.outlet is not None and article.outlet.name == "Coastline Daily"


def test_outlet_and_date_on_one_bar_are_stored(tmp_path):
    """A .txt page opening "Outlet Name | 5 March 2019" stores that outlet, that date and the headline
    below the bar as the title."""
    page = f"Coastline Daily | 5 March 2019\nShips dock in Portville\n\n{BODY}\n"
    article = import_page(tmp_path, "ships.txt", page, "--no-extract")
    assert article.outlet is not None and article.outlet.name == "Coastline Daily"
    assert (article.title, str(article.published_on)) == ("Ships dock in Portville", "2019-03-05")
    assert "Coastline Daily" not in article.body


def test_outlet_already_known_is_recognised(tmp_path):
    """A closing line that names a stored outlet ("Meridian Wire News App") gives that outlet, not a new one."""
    known = Outlet.objects.create(name="Meridian Wire", domain="meridian-wire.example")
    article = import_page(
        tmp_path,
        "ships.txt",
        f"Ships dock in Portville\n\n{BODY}\n\nMeridian Wire News App\n",
        "--no-extract",
    )
    assert article.outlet == known
    assert Outlet.objects.count() == 1


def test_outlet_option_wins_over_the_text(tmp_path):
    """--outlet names the outlet even when the page's furniture names another."""
    page = f"Ships dock in Portville\n\n{BODY}\n\n\u00a9 2025 Coastline Daily. All rights reserved.\n"
    article = import_page(tmp_path, "ships.txt", page, "--no-extract", "--outlet", "Desk")
    assert article.outlet.name == "Desk"


def test_url_domain_gives_the_known_outlet(tmp_path, outlet):
    """A row with a URL and no outlet column belongs to the stored outlet of that domain."""
    path = tmp_path / "rows.csv"
    path.write_bytes(
        csv_bytes([{"url": "https://www.harbour-times.example/ships", "title": "Ships dock", "body": BODY}])
    )
    call_command("import_articles", str(path), "--no-extract")
    assert Article.objects.get().outlet == outlet


def test_correction_is_marked_and_its_retracted_fact_not_extracted(tmp_path, client, reader):
    """A correction stays in the text with its span and kind; the 200 it retracts is no claim; the page says so."""
    page = (
        f"Ships dock in Portville\n\n{BODY}\n\n"
        "Correction: An earlier version of this article said 200 workers would unload the ships. "
        "The port has three cranes, not five.\n"
    )
    article = import_page(tmp_path, "ships.txt", page)
    [note] = article.notes
    assert note["kind"] == "correction"
    assert article.body[note["start"] : note["end"]].startswith("Correction: An earlier version")
    quotes = list(Claim.objects.filter(kind="quantity").values_list("quote", flat=True))
    assert any("120 workers" in q for q in quotes)
    assert not any("200" in q or "five" in q for q in quotes)
    retracted = [article.body[a:b] for a, b in note["retracted"]]
    assert any("200 workers" in r for r in retracted) and "not five." in retracted
    assert not any("three cranes" in r for r in retracted)  # what the correction says is right is kept
    client.force_login(reader)
    page = client.get(reverse("sources:article-detail", args=[article.pk])).content.decode()
    assert "This article carries a correction" in page
    assert 'class="k-note' in page


def test_page_url_in_the_text_gives_url_and_known_outlet(tmp_path, outlet):
    """A scraped page that starts with its own address is stored with that URL and the outlet of its domain."""
    page = f"https://www.harbour-times.example/ships\n\nShips dock in Portville\n\n{BODY}\n"
    article = import_page(tmp_path, "ships.txt", page, "--no-extract")
    assert article.url == "https://www.harbour-times.example/ships"
    assert article.outlet == outlet
    assert "https://" not in article.body


def test_labelled_source_line_at_the_end_gives_the_url(tmp_path):
    """ "Source: https://..." closing a page is its address, not article text; an unknown domain names the outlet."""
    page = f"Ships dock in Portville\n\n{BODY}\n\nSource: https://coastline-daily.example/2025/ships\n"
    article = import_page(tmp_path, "ships.txt", page, "--no-extract")
    assert article.url == "https://coastline-daily.example/2025/ships"
    assert article.outlet.domain == "coastline-daily.example"
    assert "Source:" not in article.body


def test_two_names_for_one_domain_in_one_file_are_one_outlet(tmp_path):
    """Rows naming "Harbour Times" and "HT" with the same domain store one outlet (the domain is unique)."""
    path = tmp_path / "rows.csv"
    rows = [
        {
            "url": f"https://harbour-times.example/{i}",
            "title": f"Ship {i}",
            "outlet": name,
            "domain": "harbour-times.example",
            "body": f"{BODY} Ship {i}.",
        }
        for i, name in enumerate(["Harbour Times", "HT"])
    ]
    path.write_bytes(csv_bytes(rows))
    call_command("import_articles", str(path), "--no-extract")
    assert Outlet.objects.count() == 1
    assert {a.outlet.name for a in Article.objects.select_related("outlet")} == {"Harbour Times"}


def test_a_syndicated_story_keeps_the_outlet_its_row_names(tmp_path, outlet):
    """A row whose outlet column names the agency keeps it, though its URL is on a stored outlet's domain."""
    path = tmp_path / "rows.csv"
    path.write_bytes(
        csv_bytes(
            [
                {
                    "url": "https://harbour-times.example/wire/1",
                    "title": "Ships",
                    "outlet": "Coast Wire",
                    "body": BODY,
                }
            ]
        )
    )
    call_command("import_articles", str(path), "--no-extract")
    assert Article.objects.select_related("outlet").get().outlet.name == "Coast Wire"


def test_correction_is_marked_at_import_without_extraction(tmp_path, client, reader):
    """`import_articles --no-extract` still records a correction (span, kind, retracted part); the page shows it."""
    page = (
        f"Ships dock in Portville\n\n{BODY}\n\n"
        "Correction: An earlier version of this article said 200 workers would unload the ships.\n"
    )
    article = import_page(tmp_path, "ships.txt", page, "--no-extract")
    assert not Claim.objects.exists()
    [note] = article.notes
    assert note["kind"] == "correction"
    assert article.body[note["start"] : note["end"]].startswith("Correction: An earlier version")
    assert any("200 workers" in article.body[a:b] for a, b in note["retracted"])
    client.force_login(reader)
    page = client.get(reverse("sources:article-detail", args=[article.pk])).content.decode()
    assert "This article carries a correction" in page


def test_editor_note_in_a_csv_row_is_marked_without_extraction(tmp_path):
    """A CSV row's body with an editor's note gets its note at import, through the bulk path too."""
    path = tmp_path / "rows.csv"
    body = f"{BODY}\n\nEditor's note: Ana Ruiz is a cousin of one of our reporters."
    rows = [{"title": f"Ships dock {n}", "outlet": "Desk", "body": f"{body} ({n})"} for n in range(3)]
    path.write_bytes(csv_bytes(rows))
    call_command("import_articles", str(path), "--no-extract")
    assert Article.objects.count() == 3
    for article in Article.objects.all():
        [note] = article.notes
        assert note["kind"] == "editor_note"
        assert article.body[note["start"] : note["end"]].startswith("Editor's note:")
