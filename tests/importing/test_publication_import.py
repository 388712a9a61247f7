"""Publication dates through the import: header candidates are evidence weighed with the text, the
conflicts stay visible to the editor, and an article nothing anchors in time gets no invented years."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from claims.models import Claim
from claims.services.extraction import article_extract_claims
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article
from tests.accounts import role

pytestmark = pytest.mark.django_db

TITLE_BAR = (
    " date 2021-05-02  Cranes idle at Portville | News | Harbour Times | 10.05.2021\n\nNews\n\n"
    "Cranes idle at Portville\n\n"
    "A crane stands idle at Portville on May 8 (REUTERS)\n\n"
    "Dock workers walked out on Saturday, the union said.\n\n"
    "The port signed its last wage deal in January, officials said.\n"
)
STAMPED = (
    "09:10 GMT 11 October 2023\n\n"
    "The ferry will leave Portville for Northhaven on 14 July, the operator said in a statement.\n\n"
    "Repairs to its engines began in May, and a crew of twelve was hired on Monday.\n"
)


def _import(tmp_path, name: str, text: str) -> Article:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    batch = import_job_create(paths=[path], extract=True)
    assert import_job_run(batch_id=batch.pk).status == "done"
    return Article.objects.get(title__isnull=False, body__contains=text.strip().splitlines()[-1][:30])


def _dates(article: Article) -> dict[str, Claim]:
    return {c.date_expression: c for c in Claim.objects.filter(article=article, kind="date")}


def test_title_bar_dates_are_weighed_with_the_caption_and_the_conflict_is_kept(tmp_path):
    """Of the two title-bar dates, 2 May comes before the photo of 8 May: 10 May is the date, and 2 May
    stays listed for the editor (the extraction used to empty the list)."""
    article = _import(tmp_path, "cranes.txt", TITLE_BAR)
    assert (article.published_on, article.published_source) == (dt.date(2021, 5, 10), "header")
    assert {c["date"] for c in article.published_conflicts} == {"2021-05-02"}
    dates = _dates(article)
    assert dates["on Saturday"].date_value == dt.date(2021, 5, 8)
    assert (dates["in January"].date_value, dates["in January"].date_precision) == (
        dt.date(2021, 1, 1),
        "month",
    )


def test_a_contradicted_page_stamp_is_not_the_date_and_lends_no_year(tmp_path):
    """The stamp of October is after the ferry 'will leave' on 14 July: no publication date is stored,
    the stamp is kept as a conflict, and no date claim gets a year; the reader says what is not known."""
    article = _import(tmp_path, "ferry.txt", STAMPED)
    assert article.published_on is None and article.published_source == "none"
    assert [c["date"] for c in article.published_conflicts] == ["2023-10-11"]
    dates = _dates(article)
    assert set(dates) >= {"on 14 July", "in May", "on Monday"}
    assert all(c.date_value is None for c in dates.values())
    assert (
        dates["on 14 July"].date_precision,
        dates["on 14 July"].date_month,
        dates["on 14 July"].date_day,
    ) == (
        "day-no-year",
        7,
        14,
    )
    assert (dates["on Monday"].date_precision, dates["on Monday"].date_weekday) == ("weekday", 0)
    user = get_user_model().objects.create_user("reader1", password="pw-reader-1")
    user.groups.add(role("reader"))
    client = Client()
    client.force_login(user)
    page = client.get(f"/articles/{article.pk}/").content.decode()
    assert "14 July, year not known" in page and "May, year not known" in page
    assert "Monday, date not known" in page
    assert "3 dates in this article cannot be placed without its publication date" in page
    assert "2023-07" not in page and "2023-05" not in page


# A page stamp the article's own past events come after: the ferry sank on 9 March, so a page stamped
# 3 March 2022 was not published that day.
SANK = (
    "Published 3 March 2022\n\n"
    "Ferry sinks off Northhaven\n\n"
    "The ferry Gull sank off Northhaven on 9 March, the coastguard said on Friday.\n\n"
    "All forty passengers were brought ashore by fishing boats, the harbour master said.\n"
)

# Two title-bar dates nothing in the body tells apart.
TIED = (
    " date 2021-05-02  Ships dock in Portville | News | Harbour Times | 04.05.2021\n\n"
    "Ships dock in Portville\n\n"
    "Two cargo ships docked at Portville, the port said.\n\n"
    "About 120 workers unloaded them over two days, officials said.\n"
)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("cranes.txt", TITLE_BAR, (dt.date(2021, 5, 10), "header")),  # the import used to store none
        ("gull.txt", SANK, (None, "none")),  # the import used to store 3 March
        ("tied.txt", TIED, (dt.date(2021, 5, 2), "header")),
        (
            "ferry.txt",
            STAMPED,
            (None, "none"),
        ),  # "will leave ... on 14 July": the import stored 11 October  # the extraction used to swap it for 4 May
    ],
)
def test_import_without_extraction_stores_the_date_the_extraction_infers(tmp_path, name, text, expected):
    """`import_articles --no-extract` weighs the header dates with the caption and the body as the
    extraction does (one function, newstext.publication); extracting later keeps that date."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    call_command("import_articles", str(path), "--no-extract")
    article = Article.objects.get()
    assert not Claim.objects.filter(article=article).exists()
    assert (article.published_on, article.published_source) == expected
    stored_conflicts = {c["date"] for c in article.published_conflicts}
    assert stored_conflicts  # the other candidate stays visible to the editor
    article_extract_claims(article=article)
    article.refresh_from_db()
    assert Claim.objects.filter(article=article).exists()
    assert (article.published_on, article.published_source) == expected
    assert {c["date"] for c in article.published_conflicts} == stored_conflicts
