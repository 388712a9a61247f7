"""No raw ids: the claim page offers claims and events to choose (same event first), the JSON picker
finds more as the editor types, and the chosen one is what gets linked or attached."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimLink, Event

pytestmark = pytest.mark.django_db


def test_the_claim_page_offers_claims_and_events_by_name_not_by_id(editor_client, make_world):
    world = make_world(4)
    claim = world["claims"][0][0]
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert "Other claim id" not in page.text and "Event id" not in page.text
    offered = [pk for pk, _ in page.context["link_choices"]]
    assert offered and all(Claim.objects.get(pk=pk).article_id != claim.article_id for pk in offered)
    # same event and same kind first
    first = Claim.objects.get(pk=offered[0])
    assert first.event_id == claim.event_id and first.kind == claim.kind
    assert "South Wire \u00b7 Ferry crash report 1" in page.text
    assert f'<option value="{world["event"].pk}" selected>Ferry collision in the bay' in page.text


def test_the_picker_finds_claims_and_events_as_the_editor_types(editor_client, make_world):
    world = make_world(3)
    claim = world["claims"][0][0]
    elsewhere = Event.objects.create(title="Dock strike in the north")
    pick = reverse("claims:pick")
    claims = editor_client.get(pick, {"what": "claim", "for": claim.pk, "q": "crews"}).json()["results"]
    found = Claim.objects.filter(pk__in=[row["value"] for row in claims])
    assert (
        found
        and {c.kind for c in found} == {"statement"}
        and claim.article_id not in {c.article_id for c in found}
    )
    events = editor_client.get(pick, {"what": "event", "for": claim.pk, "q": "dock"}).json()["results"]
    assert [row["value"] for row in events] == [elsewhere.pk]
    everything = editor_client.get(pick, {"what": "event", "for": claim.pk}).json()["results"]
    assert everything[0]["value"] == world["event"].pk  # the claim's article's event first
    assert editor_client.get(pick, {"what": "claim"}).status_code == 400
    assert editor_client.get(pick, {"what": "nothing"}).status_code == 400


def test_linking_and_attaching_with_the_chosen_values(editor_client, make_world):
    world = make_world(3)
    claim, other = world["claims"][0][0], world["claims"][2][1]
    elsewhere = Event.objects.create(title="Dock strike in the north")
    editor_client.post(
        reverse("claims:link-create", args=[claim.pk]), {"other": other.pk, "relation": "corroborates"}
    )
    assert ClaimLink.objects.filter(
        relation="corroborates", claim_a__in=[claim, other], claim_b__in=[claim, other]
    ).exists()
    claim.refresh_from_db()
    editor_client.post(
        reverse("claims:claim-event", args=[claim.pk]), {"event": elsewhere.pk, "version": claim.version}
    )
    claim.refresh_from_db()
    assert claim.event_id == elsewhere.pk
    page = editor_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert f'<option value="{elsewhere.pk}" selected>Dock strike in the north' in page.text


def test_readers_get_no_picker_forms_and_anonymous_no_choices(reader_client, make_world):
    from django.test import Client

    claim = make_world(2)["claims"][0][0]
    page = reader_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    assert "Link to another claim" not in page.text
    answer = Client().get(reverse("claims:pick"), {"what": "speaker", "q": "mara"})
    assert answer.status_code in (302, 403)


def test_event_choices_put_the_articles_events_first_then_the_newest_in_one_query(
    make_world, django_assert_num_queries
):
    """The article's own events lead even when old, the newest fill up to the limit, none twice."""
    from claims import selectors

    world = make_world(2)
    claim = world["claims"][0][0]
    old_own = Event.objects.create(title="Harbour fire of last spring")
    old_own.articles.add(claim.article)
    newer = [Event.objects.create(title=f"Later event {i}") for i in range(5)]
    newer[-1].articles.add(claim.article)  # the article's and among the newest: listed once, first
    with django_assert_num_queries(1):
        offered = selectors.event_candidates(claim, limit=4)
    own = sorted(Event.objects.filter(articles=claim.article), key=lambda e: -e.pk)
    assert [e.pk for e in offered[: len(own)]] == [e.pk for e in own]
    assert len(offered) == 4 and len({e.pk for e in offered}) == 4
    rest = [e.pk for e in Event.objects.exclude(pk__in=[e.pk for e in own]).order_by("-id")]
    assert [e.pk for e in offered[len(own) :]] == rest[: 4 - len(own)]
    with django_assert_num_queries(1):
        assert [e.pk for e in selectors.event_candidates(claim, text="harbour fire")] == [old_own.pk]


def test_the_claim_pages_link_choices_are_the_pickers_claims_and_labels(make_world):
    """The claim page reads its choices as plain columns: same claims, same order, same labels, an
    article without an outlet included."""
    from claims import selectors
    from sources.models import Article

    world = make_world(4)
    claim = world["claims"][0][0]
    other = world["claims"][1][0]
    Article.objects.filter(pk=other.article_id).update(outlet=None)
    expected = [(c.pk, selectors.pick_label(c)) for c in selectors.link_candidates(claim)]
    assert expected and any("unknown outlet" in label for _, label in expected)
    assert selectors.link_choices(claim) == expected


def test_a_pick_label_shortens_a_long_quote_and_names_an_unknown_outlet():
    from claims.selectors import pick_label_text

    label = pick_label_text(None, "Storm report", "The river rose " * 10)
    assert label.startswith("unknown outlet \u00b7 Storm report: \u201cThe river rose")
    assert label.endswith("\u2026\u201d") and len(label) < 140
