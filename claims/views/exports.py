"""CSV and JSON exports of claims and links, honouring the list filters, streamed in chunks.

Rows are read with QuerySet.iterator(chunk_size=...) and written as they come, so an export of the
whole table never holds it in memory. Text cells that a spreadsheet would read as a formula are
neutralised (CSV injection): they get a leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from django.contrib.auth.decorators import login_required, permission_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils import timezone

from claims import selectors
from claims.api.filters import LinkFilter, links_for_claims
from claims.filters import ClaimFilter
from claims.models import Claim, ClaimLink

CHUNK_SIZE = 2000
# A cell starting with one of these is run as a formula by spreadsheet programs (OWASP's list:
# tab and carriage return can hide a formula behind whitespace).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Column = tuple[str, Callable[[Any], Any]]


def safe_cell(value: Any) -> Any:
    """`value` for a CSV cell: text starting like a formula gets a leading apostrophe; None becomes ""."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _outlet(article) -> str:
    return article.outlet.name if article.outlet_id else ""


CLAIM_COLUMNS: list[Column] = [
    ("id", lambda c: c.pk),
    ("kind", lambda c: c.kind),
    ("quote", lambda c: c.quote),
    ("words", lambda c: c.words),  # a statement's own words when the quote holds its attribution
    ("review_status", lambda c: c.review_status),
    ("confidence", lambda c: c.confidence),
    ("quantity_low", lambda c: c.quantity_low),
    ("quantity_high", lambda c: c.quantity_high),
    ("quantity_approximate", lambda c: c.quantity_approximate),
    ("quantity_direction", lambda c: c.quantity_direction),
    ("unit", lambda c: c.unit),
    ("unit_class", lambda c: c.unit_class),
    ("counted", lambda c: c.counted),
    ("date_value", lambda c: c.date_value),
    ("date_precision", lambda c: c.date_precision),
    ("date_end_value", lambda c: c.date_end_value),  # a period's last end ("between June 2011 and July 2012")
    ("date_end_precision", lambda c: c.date_end_precision),
    ("date_expression", lambda c: c.date_expression),
    ("date_shown", lambda c: c.date_shown if c.kind == "date" else ""),
    ("speaker_id", lambda c: c.speaker_id),
    ("speaker", lambda c: c.speaker.name if c.speaker_id else c.speaker_mention),
    ("speaker_role", lambda c: c.speaker_role),
    ("direct", lambda c: c.direct),
    ("polarity", lambda c: c.polarity),
    ("attribution", lambda c: c.attribution),
    ("event_id", lambda c: c.event_id),
    ("event", lambda c: c.event.title if c.event_id else ""),
    ("article_id", lambda c: c.article_id),
    ("article_title", lambda c: c.article.title),
    ("article_url", lambda c: c.article.url),
    ("outlet", lambda c: _outlet(c.article)),
    ("published_on", lambda c: c.article.published_on),
    ("start", lambda c: c.start),
    ("end", lambda c: c.end),
    ("origin", lambda c: c.origin),
]

LINK_COLUMNS: list[Column] = [
    ("id", lambda link: link.pk),
    ("relation", lambda link: link.relation),
    ("status", lambda link: link.status),
    ("origin", lambda link: link.origin),
    ("confidence", lambda link: link.confidence),
    ("rationale", lambda link: link.rationale),
    ("claim_a_id", lambda link: link.claim_a_id),
    ("claim_a_quote", lambda link: link.claim_a.quote),
    ("claim_a_outlet", lambda link: _outlet(link.claim_a.article)),
    ("claim_b_id", lambda link: link.claim_b_id),
    ("claim_b_quote", lambda link: link.claim_b.quote),
    ("claim_b_outlet", lambda link: _outlet(link.claim_b.article)),
    ("created_at", lambda link: link.created_at),
    ("reviewed_at", lambda link: link.reviewed_at),
]


def export_claims(data) -> QuerySet[Claim]:
    """The claims the list page would show for the query `data`, in its order, without article texts."""
    return ClaimFilter(data, queryset=selectors.claim_list()).qs


def export_links(data) -> QuerySet[ClaimLink]:
    """Links filtered by relation/status/origin/claim and by the claims filter in `data`, oldest first."""
    heavy = ("article__body", "article__original", "article__search_vector", "search_vector")
    links = ClaimLink.objects.select_related("claim_a__article__outlet", "claim_b__article__outlet").defer(
        *(f"{side}__{name}" for side in ("claim_a", "claim_b") for name in heavy)
    )
    links = LinkFilter(data, queryset=links).qs
    return links_for_claims(links, data).order_by("id")


class _Echo:
    """A file-like object whose write returns the text, so csv.writer can feed a generator."""

    def write(self, value: str) -> str:
        return value


def csv_stream(rows: Iterable[Any], columns: list[Column]) -> Iterator[str]:
    """CSV lines: a header, then one neutralised row per object, produced lazily."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([name for name, _ in columns])  # BOM: spreadsheets then read UTF-8
    for row in rows:
        yield writer.writerow([safe_cell(get(row)) for _, get in columns])


def json_stream(rows: Iterable[Any], columns: list[Column]) -> Iterator[str]:
    """A JSON array of one object per row, produced lazily."""
    encoder = DjangoJSONEncoder(ensure_ascii=False)
    yield "["
    separator = "\n"
    for row in rows:
        yield separator + encoder.encode({name: get(row) for name, get in columns})
        separator = ",\n"
    yield "\n]\n"


def streamed(queryset: QuerySet, columns: list[Column], fmt: str, stem: str) -> StreamingHttpResponse:
    """A streaming download of `queryset` as CSV or JSON, named `<stem>-<UTC timestamp>.<fmt>`."""
    rows = queryset.iterator(chunk_size=CHUNK_SIZE)
    if fmt == "csv":
        body, content_type = csv_stream(rows, columns), "text/csv; charset=utf-8"
    else:
        body, content_type = json_stream(rows, columns), "application/json; charset=utf-8"
    response = StreamingHttpResponse(body, content_type=content_type)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="{stem}-{stamp}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def invalid_filters(filterset) -> HttpResponse | None:
    """A plain-text 400 naming each invalid filter value (checked before the download starts), else None."""
    if filterset.is_valid():
        return None
    lines = [f"{name}: {' '.join(errors)}" for name, errors in filterset.errors.items()]
    return HttpResponseBadRequest(
        "Invalid filter values; nothing was exported.\n" + "\n".join(lines) + "\n",
        content_type="text/plain; charset=utf-8",
    )


@login_required
@permission_required("claims.view_claim", raise_exception=True)
def claim_export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """The claims matching the list filters in the query string, as a CSV or JSON download."""
    if refused := invalid_filters(ClaimFilter(request.GET, queryset=Claim.objects.none())):
        return refused
    return streamed(export_claims(request.GET), CLAIM_COLUMNS, fmt, "claims")


@login_required
@permission_required("claims.view_claimlink", raise_exception=True)
def link_export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    """Links filtered by relation/status/origin and the claims filter, as a CSV or JSON download."""
    for filterset in (ClaimFilter, LinkFilter):
        if refused := invalid_filters(filterset(request.GET, queryset=filterset._meta.model.objects.none())):
            return refused
    return streamed(export_links(request.GET), LINK_COLUMNS, fmt, "claim-links")
