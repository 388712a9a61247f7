"""What the pages show: claims list filters and counts, claim page, event comparison, outlet, actor."""

import pytest
from django.urls import reverse

from claims.models import Claim, ClaimLink

pytestmark = pytest.mark.django_db


def listed(response) -> list[int]:
    """The claim ids listed on a claims page, in order."""
    return [claim.pk for claim in response.context["claims"]]


def test_claims_list_filters_live_in_the_url(reader_client, make_world):
    """Each facet narrows the list, and the filter state round-trips through the query string."""
    world = make_world(6)
    url = reverse("claims:claim-list")
    assert set(listed(reader_client.get(url, {"kind": "date"}))) == set(
        Claim.objects.filter(kind="date").values_list("pk", flat=True)
    )
    outlet = world["outlets"][1]
    by_outlet = listed(reader_client.get(url, {"outlet": outlet.pk}))
    assert by_outlet and all(Claim.objects.get(pk=pk).article.outlet == outlet for pk in by_outlet)
    assert len(listed(reader_client.get(url, {"speaker_name": "mara"}))) == 6
    assert len(listed(reader_client.get(url, {"speaker": world["speaker"].pk}))) == 6
    assert len(listed(reader_client.get(url, {"unit_class": "injured"}))) == 6
    assert len(listed(reader_client.get(url, {"event": world["event"].pk}))) == 18
    late = listed(reader_client.get(url, {"published_after": "2025-03-18"}))
    assert late and all(Claim.objects.get(pk=pk).article.published_on.day >= 18 for pk in late)
    assert listed(reader_client.get(url, {"event_date_before": "2025-03-01"})) == []
    response = reader_client.get(url, {"q": "crews", "review_status": "pending"})
    assert len(listed(response)) == 6 and 'value="crews"' in response.text


def test_corroboration_and_contradiction_facets(reader_client, make_world):
    """has_corroboration / has_contradiction follow the live (not rejected) links."""
    world = make_world(4)
    url = reverse("claims:claim-list")
    corroborated = set(listed(reader_client.get(url, {"has_corroboration": "true"})))
    expected = {
        c
        for link in ClaimLink.objects.filter(relation="corroborates")
        for c in (link.claim_a_id, link.claim_b_id)
    }
    assert corroborated == expected and expected
    link = world["links"][0]  # a contradiction between claims 0 and 1
    ClaimLink.objects.filter(pk=link.pk).update(status="rejected")
    contradicted = set(listed(reader_client.get(url, {"has_contradiction": "true"})))
    first, second = world["claims"][0][0], world["claims"][1][0]
    assert first.pk not in contradicted  # its only contradiction was rejected
    assert second.pk in contradicted  # still contradicted by claim 2
    not_contradicted = set(listed(reader_client.get(url, {"has_contradiction": "false", "kind": "date"})))
    assert len(not_contradicted) == 4


def test_sorting_is_stable_and_pages_do_not_overlap(reader_client, make_world):
    """Sorted by confidence (many ties), two pages hold different claims and end on the unique id."""
    make_world(40)  # 120 claims: three pages of 50
    url = reverse("claims:claim-list")
    first = listed(reader_client.get(url, {"sort": "confidence"}))
    second_page = reader_client.get(url, {"sort": "confidence", "page": 2})
    second = listed(second_page)
    assert len(first) == 50 and len(second) == 50 and not set(first) & set(second)
    assert "sort=confidence" in second_page.text and "page=3" in second_page.text  # filters kept in the pager
    assert "120 claims" in reader_client.get(url).text


def test_count_is_capped(reader_client, make_world, monkeypatch):
    """Past the cap the page says 'more than', not an exact number (no COUNT over the whole table)."""
    from tracker import paging

    make_world(4)
    monkeypatch.setattr(paging, "ID_CAP", 3)
    response = reader_client.get(reverse("claims:claim-list"), {"kind": "quantity"})
    assert "More than 3 claims match" in response.text


def test_claim_page_shows_context_links_and_history(reader_client, make_world):
    """The claim is shown inside its sentence, with its links, speaker, event and history."""
    world = make_world(3)
    claim = world["claims"][1][2]  # the statement
    response = reader_client.get(reverse("claims:claim-detail", args=[claim.pk]))
    text = response.text
    assert '<mark class="k-statement">the crews were safe</mark>' in text
    assert "Harbour master Mara Lind said " in text  # its sentence around it
    assert "Mara Lind" in text and "Harbour master" in text and "Ferry collision in the bay" in text
    quantity = world["claims"][0][0]  # contradicted by claim 1, corroborated by claim 2
    text = reader_client.get(reverse("claims:claim-detail", args=[quantity.pk])).text
    assert "Contradicts" in text and "Corroborates" in text and "same figure for the same event" in text
    assert "created" in text  # history


def test_event_page_compares_outlets_with_marks_counts_and_chart(reader_client, make_world):
    """The comparison table has a row per outlet, the injured column with ✓/✗ marks, and an SVG chart;
    statements are read by speaker, not squeezed into a table column."""
    world = make_world(6)
    response = reader_client.get(reverse("claims:event-detail", args=[world["event"].pk]))
    text = response.text
    comparison = response.context["comparison"]
    assert [row.outlet for row in comparison.rows] == ["East Daily", "North Post", "South Wire"]
    assert [c.label for c in comparison.columns] == ["injured", "Dates"]
    assert [s.speaker for s in comparison.speakers] == ["Mara Lind"]
    assert "✓" in text and "✗" in text and "<svg" in text and "Timeline" in text
    confirmations = {v.claim.pk: v.confirmations for v in comparison.values.values()}
    first = world["claims"][0][0]  # corroborated by claim 2 of another outlet
    assert confirmations[first.pk] == 1


def test_independent_confirmations_count_one_upstream_source_once(reader_client, make_world):
    """Two outlets repeating one named agency count as one independent confirmation."""
    world = make_world(6)
    claims = [c for c, _, _ in world["claims"]]
    Claim.objects.filter(pk__in=[claims[2].pk, claims[4].pk]).update(attribution="according to Reuters")
    for other in (claims[2], claims[4]):
        a, b = sorted((claims[0], other), key=lambda c: c.pk)
        ClaimLink.objects.get_or_create(
            claim_a=a, claim_b=b, defaults={"relation": "corroborates", "rationale": "same"}
        )
    response = reader_client.get(reverse("claims:event-detail", args=[world["event"].pk]))
    assert response.context["comparison"].values[claims[0].pk].confirmations == 1


def test_outlet_and_actor_pages(reader_client, make_world):
    """An outlet page lists its articles and claims; an actor page lists statements with roles."""
    world = make_world(6)
    outlet = world["outlets"][0]
    text = reader_client.get(reverse("sources:outlet-detail", args=[outlet.pk])).text
    assert (
        "Ferry crash report 0" in text
        and "Ferry crash report 3" in text
        and "Ferry crash report 1" not in text
    )
    text = reader_client.get(reverse("claims:actor-detail", args=[world["speaker"].pk])).text
    assert text.count("the crews were safe") == 6 and "Harbour master" in text
    assert "Mara Lind" in reader_client.get(reverse("claims:actor-list"), {"q": "mar"}).text
    assert "Ferry collision" in reader_client.get(reverse("claims:event-list")).text
    assert "South Wire" in reader_client.get(reverse("sources:outlet-list")).text


def test_reader_page_highlights_claims_and_annotations(reader_client, make_world, editor):
    """The article text is cut into pieces carrying offsets; claim pieces are marked by kind."""
    from claims.models import Annotation

    claim = make_world(1)["claims"][0][0]
    article = claim.article
    Annotation.objects.create(
        article=article, start=0, end=7, quote=article.body[:7], note="dateline", created_by=editor
    )
    text = reader_client.get(reverse("sources:article-detail", args=[article.pk])).text
    assert f'<mark class="k-quantity " data-o="{claim.start}" data-claims="{claim.pk}">' in text
    assert 'class="k-annotation " data-o="0"' in text and "dateline" in text
