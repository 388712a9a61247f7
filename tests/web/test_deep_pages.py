"""Deep pages of the claims list: an editor walks a large filtered result to its end by "Next" links."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape
from urllib.parse import urljoin

import pytest
from django.urls import reverse
from django.utils.html import escape

from claims.models import Claim
from sources.services import article_store

pytestmark = pytest.mark.django_db(transaction=False)

NEXT = re.compile(r'<a href="([^"]+)" rel="next">')
PREVIOUS = re.compile(r'<a href="([^"]+)" rel="prev">')


def follow(found: re.Match) -> str:
    """The URL a pager link points to, as the browser resolves it against the claims list."""
    return urljoin(reverse("claims:claim-list"), unescape(found.group(1)))


def build_result(matching: int, other: int) -> set[int]:
    """`matching` quantity claims (confidence and article date with ties and gaps) among `other` dates."""
    articles = []
    for i in range(24):
        undated = i % 6 == 5
        articles.append(
            article_store(
                body=f"Report {i}: 12 boats reached the quay on 3 May, the port said.",
                url=f"https://deep.example/{i}",
                title=f"Quay report {i}",
                published_on=None if undated else dt.date(2025, 5, 1) + dt.timedelta(days=i % 4),
                published_precision="unknown" if undated else "day",
            ).article
        )
    text, date_text = "12 boats", "3 May"
    claims = []
    for i in range(matching + other):
        article = articles[i % len(articles)]
        if i < matching:
            start = article.body.index(text)
            claims.append(
                Claim(
                    article=article,
                    kind="quantity",
                    start=start,
                    end=start + len(text),
                    quote=text,
                    quantity_low=12,
                    quantity_high=12,
                    unit_class="vessels",
                    extractor_version="test",
                    confidence=None if i % 7 == 0 else (i % 5) / 4,  # many ties, some unknown
                )
            )
        else:
            start = article.body.index(date_text)
            claims.append(
                Claim(
                    article=article,
                    kind="date",
                    start=start,
                    end=start + len(date_text),
                    quote=date_text,
                    date_value=dt.date(2025, 5, 3),
                    date_precision="day",
                    extractor_version="test",
                    confidence=0.5,
                )
            )
    created = Claim.objects.bulk_create(claims, batch_size=500)
    return {c.pk for c in created if c.kind == "quantity"}


def listed(response) -> list[int]:
    return [claim.pk for claim in response.context["claims"]]


def walk(client, params: dict) -> tuple[list[list[int]], object]:
    """Follow "Next" from the first page until there is none; the ids of each page and the last response."""
    response = client.get(reverse("claims:claim-list"), params)
    pages = []
    for _ in range(500):
        assert response.status_code == 200
        pages.append(listed(response))
        found = NEXT.search(response.text)
        if not found:
            return pages, response
        response = client.get(follow(found))
    raise AssertionError("the pager never ended")


@pytest.mark.parametrize("sort", ["new", "confidence", "low_confidence", "published", "old"])
def test_every_filtered_claim_is_reached_once_by_following_next(editor_client, sort):
    """2,130 matching claims (past the old 40-page stop): every one seen once, in the list's order."""
    expected = build_result(2130, 300)
    pages, last = walk(editor_client, {"kind": "quantity", "unit_class": "vessels", "sort": sort})
    seen = [pk for page in pages for pk in page]
    assert len(seen) == len(expected) and set(seen) == expected
    assert len(pages) == 43 and all(len(page) == 50 for page in pages[:-1])
    ordered = list(
        Claim.objects.filter(pk__in=expected)
        .order_by(*dict(sort_orders())[sort])
        .values_list("pk", flat=True)
    )
    assert seen == ordered
    # The last page says where it is, honestly: not past the count, no stop sign.
    assert "Page 43" in last.text and "Showing claims 2101 to 2130." in last.text
    assert "Lists stop here" not in last.text
    # And "Previous" walks back over the same pages.
    response = last
    for page in reversed(pages[:-1]):
        found = PREVIOUS.search(response.text)
        assert found, "no previous link"
        response = editor_client.get(follow(found))
        assert listed(response) == page
    assert not PREVIOUS.search(response.text) and "Page 1" in response.text


def sort_orders():
    from claims.filters import SORTS

    return {key: ordering for key, (_, ordering) in SORTS.items()}.items()


def test_a_small_result_walks_by_cursor_too(reader_client):
    """Under the exact-count cap (the page read by primary key) the walk is the same, counted exactly."""
    expected = build_result(120, 40)
    pages, last = walk(reader_client, {"kind": "quantity", "sort": "confidence"})
    assert [len(p) for p in pages] == [50, 50, 20]
    assert {pk for page in pages for pk in page} == expected
    assert "120 claims match" in last.text and "Showing claims 101 to 120." in last.text


def test_a_hand_edited_cursor_gives_the_first_page(reader_client):
    """A cursor that is not one (typed, truncated) is not an error: the list starts again."""
    build_result(60, 0)
    url = reverse("claims:claim-list")
    first = listed(reader_client.get(url))
    for junk in ("xyz", "W10", "WyJhIl0", "WzEsMiwzXQ", "W3RydWVd", "WzFlOTld", "!!"):
        response = reader_client.get(url, {"after": junk, "page": 7})
        assert response.status_code == 200 and listed(response) == first and "Page 7" not in response.text


def test_an_old_numbered_link_continues_by_cursor(reader_client):
    """`?page=3` (a bookmark from before cursors) shows page 3, and its Next follows on from it."""
    expected = build_result(260, 0)
    url = reverse("claims:claim-list")
    third = reader_client.get(url, {"page": 3})
    assert "Page 3" in third.text
    fourth = reader_client.get(follow(NEXT.search(third.text)))
    everything = list(Claim.objects.filter(pk__in=expected).order_by("-id").values_list("pk", flat=True))
    assert listed(third) == everything[100:150] and listed(fourth) == everything[150:200]


def test_speaker_name_finds_names_and_aliases_anywhere_in_them(reader_client, make_world):
    """`?speaker_name=` lists the claims of actors whose name or any alias contains the typed name."""
    from claims.models import Actor, ActorAlias

    world = make_world(3)
    other = Actor.objects.create(name="Viktor Sand", kind="person")
    ActorAlias.objects.create(actor=world["speaker"], name="Marja Lindqvist")
    ActorAlias.objects.create(actor=other, name="Wiktor Sand")
    stated = Claim.objects.filter(kind="statement")
    Claim.objects.filter(pk=stated.first().pk).update(speaker=other)
    url = reverse("claims:claim-list")
    by_alias = set(listed(reader_client.get(url, {"speaker_name": "marj"})))
    assert by_alias == set(Claim.objects.filter(speaker=world["speaker"]).values_list("pk", flat=True))
    assert listed(reader_client.get(url, {"speaker_name": "wikt"})) == [stated.first().pk]
    assert listed(reader_client.get(url, {"speaker_name": "Viktor S"})) == [stated.first().pk]
    assert listed(reader_client.get(url, {"speaker_name": "sand"})) == [stated.first().pk]  # a family name
    assert listed(reader_client.get(url, {"speaker_name": "lindq"})) != []
    assert listed(reader_client.get(url, {"speaker_name": "zzq"})) == []


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "quantity", "quantity_low": 12, "quantity_high": 12, "unit_class": "vessels"},
        {
            "kind": "quantity",
            "quantity_low": 2.5,
            "quantity_high": 3.125,
            "unit": "tonnes",
            "quantity_approximate": True,
        },
        {
            "kind": "quantity",
            "quantity_low": 40,
            "quantity_high": 40,
            "quantity_direction": ">",
            "unit": "<b>",
        },
        {"kind": "date", "date_value": dt.date(2025, 5, 3), "date_precision": "day"},
        {
            "kind": "date",
            "date_value": dt.date(2025, 5, 1),
            "date_precision": "month",
            "date_approximate": True,
        },
        {"kind": "date", "date_value": dt.date(2025, 1, 1), "date_precision": "year"},
        {"kind": "statement", "speaker_mention": "the port's <chief>", "polarity": "denied"},
        {"kind": "statement"},
    ],
)
def test_the_list_shows_each_value_as_the_claim_page_does(reader_client, fields):
    """The list's value column (made in Python) is the text of templates/claims/value.html, escaped alike."""
    from django.template.loader import render_to_string

    build_result(1, 0)
    blank = {"quantity_low": None, "quantity_high": None, "unit_class": "", "unit": ""}
    blank.update(quantity_direction="", quantity_approximate=False, date_value=None, date_precision="")
    Claim.objects.update(**{**blank, **fields})
    claim = Claim.objects.select_related("speaker").get()
    listed = reader_client.get(reverse("claims:claim-list")).context["claims"][0]
    shown = render_to_string("claims/value.html", {"claim": claim}).rstrip("\n")
    if claim.kind == "statement":  # the list shows what was said, its claim column who said it
        assert str(listed.value_text).startswith("\u201c") and escape(claim.quote[:20]) in listed.value_text
        speaker = (claim.speaker.name if claim.speaker else "") or claim.speaker_mention or "Unnamed speaker"
        assert listed.short_quote == speaker
    else:
        assert str(listed.value_text) == shown


def test_the_outlet_choice_stays_selected_and_outlet_names_are_escaped(reader_client, make_world):
    """Filtering by an outlet keeps it chosen in the form; every outlet is offered, its name escaped."""
    from sources.models import Outlet

    world = make_world(3)
    odd = Outlet.objects.create(name="<Harbour & Co>", domain="harbour.example")
    chosen = world["outlets"][1]
    text = reader_client.get(reverse("claims:claim-list"), {"outlet": chosen.pk}).text
    assert f'<option value="{chosen.pk}" selected>{chosen.name}</option>' in text
    assert f'<option value="{odd.pk}">&lt;Harbour &amp; Co&gt;</option>' in text


@pytest.mark.parametrize("ordering", [("-id",), ("id",)])
def test_a_small_results_page_is_read_from_its_window_of_ids(ordering, django_assert_max_num_queries):
    """`paging.ids_on_page` cuts a small result's ids to those its page can show: every page (first,
    after and before each row's cursor, numbered, past the end, hand-edited) is the page read over all
    the ids, and its rows' query carries at most 51 of them."""
    from claims.selectors import listing
    from tracker import paging
    from tracker.paging import encode_cursor

    ids = sorted(build_result(130, 20))
    every = sorted(ids, reverse=ordering == ("-id",))
    cursors = [encode_cursor([pk]) for pk in [every[0] - 1, *every, every[-1] + 7]]
    params = [{}, {"after": "junk"}, {"before": "W3RydWVd"}, {"page": "x"}]
    params += [{"page": str(n)} for n in range(1, 6)] + [{"page": "2", "after": "", "before": ""}]
    params += [{"after": c, "page": "3"} for c in cursors] + [{"before": c, "page": "4"} for c in cursors]

    def page(among: list[int], asked: dict) -> tuple:
        rows = listing.listed().filter(paging.pk_among(among)).order_by(*ordering)
        read = paging.claim_page(rows, ordering, asked)
        return ([row.pk for row in read.rows], read.number, read.has_next, read.has_previous, read.capped,
                read.next_cursor, read.previous_cursor)  # fmt: skip

    shuffled = ids[::2] + ids[1::2]  # the ids come in no particular order
    for asked in params:
        window = paging.ids_on_page(shuffled, ordering, asked, Claim)
        assert len(window) <= 51 or paging.reads_by_offset(asked), asked
        assert page(window, asked) == page(shuffled, asked), asked
    assert paging.ids_on_page(shuffled, ("-confidence", "-id"), {}, Claim) == shuffled  # other orders: all
