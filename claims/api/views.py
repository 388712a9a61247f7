"""The read-only JSON API: articles, claims, links and events (list + detail), signed-in readers and up.

Lists are paged by limit/offset without a COUNT (one LIMIT n+1 query tells whether there is more),
with a cap on `limit` and on how deep `offset` may go; every queryset selects its related rows up front.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import permissions, viewsets
from rest_framework.request import Request

from claims import selectors
from claims.filters import ClaimFilter
from claims.models import Claim, ClaimLink, Event
from sources.models import Article

from . import serializers
from .filters import ArticleFilter, EventFilter, LinkFilter
from .pagination import UncountedLimitOffset


class ReaderPermission(permissions.BasePermission):
    """Signed in and holding the model's view permission (readers, editors, admins).

    Write methods are not refused here: the viewsets have no write handlers, so they answer 405.
    """

    def has_permission(self, request: Request, view: Any) -> bool:
        """True for a user who may view the view's model."""
        user = request.user
        if not (user and user.is_authenticated):
            return False
        meta = view.queryset.model._meta
        return user.has_perm(f"{meta.app_label}.view_{meta.model_name}")


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    permission_classes = [ReaderPermission]
    pagination_class = UncountedLimitOffset
    filter_backends = [DjangoFilterBackend]


class ArticleViewSet(ReadOnlyViewSet):
    """Articles (current and older versions), newest first; the detail includes the text."""

    queryset = Article.objects.select_related("outlet").order_by("-id")
    filterset_class = ArticleFilter

    def get_queryset(self) -> QuerySet[Article]:
        """Articles with their outlet; the list leaves the texts in the database."""
        queryset = super().get_queryset()
        if self.action == "list":
            return queryset.defer("body", "original")
        return queryset.defer("original")

    def get_serializer_class(self) -> type:
        """The detail serializer (with the text) for one article, the short one for lists."""
        if self.action == "retrieve":
            return serializers.ArticleDetailSerializer
        return serializers.ArticleSerializer


class ClaimViewSet(ReadOnlyViewSet):
    """Claims, filtered exactly like the claims list page (same query parameters and sort orders)."""

    queryset = selectors.claim_list()
    serializer_class = serializers.ClaimSerializer
    filterset_class = ClaimFilter

    def get_queryset(self) -> QuerySet[Claim]:
        """Claims with article, outlet, speaker and event joined in (a fresh queryset per request)."""
        return selectors.claim_list()


class LinkViewSet(ReadOnlyViewSet):
    """Links between claims, newest first, filtered by relation, status, origin or a claim."""

    queryset = ClaimLink.objects.order_by("-id")
    serializer_class = serializers.ClaimLinkSerializer
    filterset_class = LinkFilter


class EventViewSet(ReadOnlyViewSet):
    """Events with the ids of their articles."""

    queryset = Event.objects.prefetch_related(
        Prefetch("articles", queryset=Article.objects.only("id"))
    ).order_by("-date", "-id")
    serializer_class = serializers.EventSerializer
    filterset_class = EventFilter
