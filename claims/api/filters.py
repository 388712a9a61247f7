"""FilterSets for the API's articles, links and events (claims reuse claims.filters.ClaimFilter as is)."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet

from claims.filters import ClaimFilter, IdFilter, StrictFilterSet
from claims.models import Claim, ClaimLink, Event
from sources.models import Article, Outlet


class ArticleFilter(StrictFilterSet):
    outlet = django_filters.ModelChoiceFilter(queryset=Outlet.objects.only("id", "name"))
    published = django_filters.DateFromToRangeFilter(field_name="published_on")
    is_current = django_filters.BooleanFilter()
    extraction_status = django_filters.ChoiceFilter(choices=Article.ExtractionStatus.choices)

    class Meta:
        model = Article
        fields: list[str] = []


class EventFilter(StrictFilterSet):
    date = django_filters.DateFromToRangeFilter()
    origin = django_filters.ChoiceFilter(choices=Event.Origin.choices)
    article = IdFilter(field_name="articles__id", distinct=True)

    class Meta:
        model = Event
        fields: list[str] = []


class LinkFilter(StrictFilterSet):
    """Links by relation, status and origin, and by a claim on either side."""

    relation = django_filters.ChoiceFilter(choices=ClaimLink.Relation.choices)
    status = django_filters.ChoiceFilter(choices=ClaimLink.Status.choices)
    origin = django_filters.ChoiceFilter(choices=ClaimLink.Origin.choices)
    claim = IdFilter(method="filter_claim", label="Claim on either side")

    class Meta:
        model = ClaimLink
        fields: list[str] = []

    def filter_claim(
        self, queryset: QuerySet[ClaimLink], name: str, value: int | None
    ) -> QuerySet[ClaimLink]:
        """Links that have claim `value` on either side."""
        if value is None:
            return queryset
        return queryset.filter(Q(claim_a_id=value) | Q(claim_b_id=value))


def links_for_claims(queryset: QuerySet[ClaimLink], data) -> QuerySet[ClaimLink]:
    """`queryset` narrowed to links touching a claim that the claims filter in `data` selects.

    Only applied when the claims filter narrows anything (an unfiltered claim set selects every
    link); the claim sub-select has no ORDER BY so the database can plan it as a semi-join.
    """
    claims = ClaimFilter(data, queryset=Claim.objects.all())
    if not claims.is_valid():
        return queryset.none()  # an invalid claims filter selects no claim, so no link
    if not claims.is_narrowed:
        return queryset
    ids = claims.qs.order_by().values("pk")
    return queryset.filter(Q(claim_a__in=ids) | Q(claim_b__in=ids))
