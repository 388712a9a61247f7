"""limit/offset paging for the API without a COUNT query: one LIMIT n+1 query tells whether there is more."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.request import Request
from rest_framework.response import Response

MAX_OFFSET = 10_000


class UncountedLimitOffset(LimitOffsetPagination):
    """limit/offset pages (default 50, at most 200) without a COUNT query; offsets stop at MAX_OFFSET."""

    default_limit = 50
    max_limit = 200

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list[Any]:
        """The rows of the requested page (one query asking for one row more than the page)."""
        self.request = request
        self.limit = self.get_limit(request)
        self.offset = self.get_offset(request)
        if self.offset > MAX_OFFSET:
            raise NotFound(f"Offsets past {MAX_OFFSET} are not served; narrow the filters instead.")
        rows = list(queryset[self.offset : self.offset + self.limit + 1])
        self.has_more = len(rows) > self.limit
        # What the base class's link builders read as the total: enough to tell whether a next page exists.
        self.count = self.offset + len(rows)
        return rows[: self.limit]

    def get_next_link(self) -> str | None:
        """The next page's URL, None on the last page."""
        if not self.has_more or self.offset + self.limit > MAX_OFFSET:
            return None
        return super().get_next_link()

    def get_paginated_response(self, data: list[Any]) -> Response:
        """The page: next/previous links and the results (no total count)."""
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        """The OpenAPI shape of a page."""
        link = {"type": "string", "nullable": True, "format": "uri"}
        return {
            "type": "object",
            "required": ["results"],
            "properties": {"next": link, "previous": link, "results": schema},
        }
