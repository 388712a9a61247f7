"""Every page runs a bounded number of SQL queries, whatever the amount of data (no per-row queries)."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

# page name -> the most queries it may run (session, user and permissions included).
BOUNDS = {
    # the outlet menu is one fingerprint query, plus its rows when the outlets changed since cached
    "claim-list": 10,
    "claim-list-filtered": 11,  # PostgreSQL adds one EXPLAIN for the estimate
    "claim-list-polarity": 11,  # a statement filter: no join, the same budget as any filter
    # + the picker choices: claims to link to, events to attach to (the article's, then the newest);
    # the links with their other claims (one UNION ALL of the two sides: the one query joining both
    # sides of each link to their articles took 10 ms to plan at 1M claims, ranking every event 38 ms)
    "claim-detail": 12,
    "article-detail": 10,
    "event-detail": 12,
    "outlet-detail": 9,
    "actor-detail": 9,
    "review": 9,
    "review-links": 8,
    "lists": 8,
}


def urls(world) -> dict[str, list[str]]:
    claim = world["claims"][0][0]
    return {
        "claim-list": [reverse("claims:claim-list")],
        "claim-list-filtered": [
            reverse("claims:claim-list")
            + f"?kind=quantity&outlet={world['outlets'][0].pk}&has_corroboration=true"
            "&published_after=2025-01-01&q=injured&speaker_name=&sort=published"
        ],
        "claim-list-polarity": [
            reverse("claims:claim-list") + "?polarity=asserted",
            reverse("claims:claim-list") + "?polarity=denied&sort=published",
        ],
        "claim-detail": [reverse("claims:claim-detail", args=[claim.pk])],
        "article-detail": [reverse("sources:article-detail", args=[claim.article_id])],
        "event-detail": [reverse("claims:event-detail", args=[world["event"].pk])],
        "outlet-detail": [reverse("sources:outlet-detail", args=[world["outlets"][0].pk])],
        "actor-detail": [reverse("claims:actor-detail", args=[world["speaker"].pk])],
        "review": [reverse("claims:review")],
        "review-links": [reverse("claims:review-links")],
        "lists": [
            reverse("claims:event-list"),
            reverse("claims:actor-list"),
            reverse("sources:outlet-list"),
            reverse("sources:article-list"),
        ],
    }


@pytest.mark.parametrize("size", [5, 50])
def test_pages_run_the_same_bounded_number_of_queries_at_5_and_50_rows(
    editor_client, editor, make_world, django_assert_max_num_queries, size
):
    """With 5 or 50 articles (15 or 150 claims, links, annotations) each page stays under its bound."""
    from claims.models import Annotation

    world = make_world(size)
    for _, _, statement in world["claims"][:size]:
        Annotation.objects.create(
            article=statement.article,
            start=statement.start,
            end=statement.end,
            quote=statement.quote,
            note="n",
            created_by=editor,
        )
    for name, page_urls in urls(world).items():
        for url in page_urls:
            with django_assert_max_num_queries(BOUNDS[name], info=f"{name} with {size} articles"):
                response = editor_client.get(url)
            assert response.status_code == 200, url
