"""An article published "in March 2025" (month precision) shows as "March 2025" on every page that names
its date, never as "1 Mar 2025" or "1 March 2025"; a year-precision one as the year alone."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse


@pytest.mark.parametrize(("precision", "shown"), [("month", "March 2025"), ("year", "2025")])
def test_an_imprecise_publication_date_is_shown_at_its_precision(editor_client, make_world, precision, shown):
    from claims.models import ClaimLink
    from sources.models import Article

    world = make_world(3)
    link = ClaimLink.objects.select_related("claim_a__article").first()
    claim = link.claim_a
    Article.objects.filter(pk=claim.article_id).update(
        published_on=dt.date(2025, 3, 1) if precision == "month" else dt.date(2025, 1, 1),
        published_precision=precision,
    )
    ClaimLink.objects.filter(pk=link.pk).update(status="suggested")
    pages = {
        "claim": reverse("claims:claim-detail", args=[claim.pk]),
        "claims list": reverse("claims:claim-list"),
        "links queue": reverse("claims:review-links"),
        "reader": reverse("sources:article-detail", args=[claim.article_id]),
        "outlet": reverse("sources:outlet-detail", args=[claim.article.outlet_id]),
        "articles": reverse("sources:article-list"),
    }
    if claim.speaker_id:
        pages["actor"] = reverse("claims:actor-detail", args=[claim.speaker_id])
    wrong = ("1 Mar 2025", "1 March 2025", "1 Jan 2025", "1 January 2025")
    for name, url in pages.items():
        page = editor_client.get(url).content.decode()
        assert shown in page, name
        assert not [w for w in wrong if w in page], name
    assert world["event"]  # the world's other articles keep their day dates
