"""The claims list's table rows, written in Python: one string per row instead of 50 rows of template nodes.

At 1M claims the list's SQL takes a few milliseconds; the template loop (twenty variable lookups and
filters per row, each escaped on its own) cost as much again. The markup is the one the template had;
tests/web/test_claim_rows.py renders rows both ways and compares them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable

from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim
from claims.selectors.listing import ListedClaim
from claims.templatetags.dates import precise_date_text
from claims.templatetags.page_urls import page_url_maker
from claims.views.conflicts import shorten


def escape(text: object) -> str:
    """`text` escaped for HTML, as django.utils.html.escape does (the same `html.escape`), without its
    lazy-string wrapper and SafeString: some 800 calls a page, the wrapper cost as much as the escaping."""
    return html.escape(str(text))


KIND_LABELS = dict(Claim.Kind.choices)
STATUS_LABELS = dict(Claim.ReviewStatus.choices)


def kind_cell(kind: str) -> str:
    """The kind column's label for `kind` (any stored text, escaped)."""
    return f'<span class="kind k-{escape(kind)}">{escape(KIND_LABELS.get(kind, kind))}</span>'


def status_cell(status: str) -> str:
    """The review column's label for `status` (any stored text, escaped)."""
    return f'<span class="status s-{escape(status)}">{escape(STATUS_LABELS.get(status, status))}</span>'


# The cells of the known kinds and statuses, written once (a stored value outside them is written each time).
KIND_CELLS = {kind: kind_cell(kind) for kind in KIND_LABELS}
STATUS_CELLS = {status: status_cell(status) for status in STATUS_LABELS}


def prepare(rows: Iterable[ListedClaim], value_text: Callable[[ListedClaim], str]) -> list[ListedClaim]:
    """The rows (claims.selectors.listing) with what their table row shows set on them: links, short
    texts, link marks, value."""
    claim_url, article_url, outlet_url, event_url = (
        page_url_maker(name)
        for name in (
            "claims:claim-detail",
            "sources:article-detail",
            "sources:outlet-detail",
            "claims:event-detail",
        )
    )
    prepared = []
    for claim in rows:
        article = claim.article
        claim.link_relations = {
            relation
            for relation, present in (
                ("corroborates", claim.corroborated),
                ("contradicts", claim.contradicted),
            )
            if present
        }
        claim.url, claim.short_quote = claim_url(claim.pk), shorten(claim.quote, 140)
        if claim.kind == Claim.Kind.STATEMENT:  # who said it; what they said is the value column
            speaker = claim.speaker.name if claim.speaker_id and claim.speaker else ""
            claim.short_quote = shorten(speaker or claim.speaker_mention or "Unnamed speaker", 80)
        claim.article_url, claim.short_title = article_url(article.pk), shorten(article.title, 50)
        claim.outlet_url = outlet_url(article.outlet_id) if article.outlet_id else ""
        claim.event_url = event_url(claim.event_id) if claim.event_id else ""
        claim.value_text = value_text(claim)
        prepared.append(claim)
    return prepared


def row_html(claim: ListedClaim) -> str:
    """One prepared claim (see `prepare`) as its <tr>; every text escaped, `value_text` already is."""
    article = claim.article
    outlet_name = escape(article.outlet.name) if article.outlet_id and article.outlet else ""
    title = escape(article.title)
    outlet = f'<a href="{claim.outlet_url}">{outlet_name}</a>' if claim.outlet_url else "\u2014"
    published = (
        f' <span class="muted small">{precise_date_text(article.published_on, article.published_precision)}</span>'
        if article.published_on
        else ""
    )
    if claim.event_url:
        event_title = claim.event.title if claim.event else ""
        event = f'<a href="{claim.event_url}" title="{escape(event_title)}">{escape(shorten(event_title, 50))}</a>'
    else:
        event = '<span class="muted">\u2014</span>'
    marks = ""
    if "corroborates" in claim.link_relations:
        marks += '<span class="mark-ok" title="Corroborated">\u2713</span>'
    if "contradicts" in claim.link_relations:
        marks += '<span class="mark-bad" title="Contradicted">\u2717</span>'
    kind, status = claim.kind, claim.review_status
    return (
        f"<tr><td>{KIND_CELLS.get(kind) or kind_cell(kind)}</td>"
        f'<td title="{escape(claim.words or claim.quote)}"><a href="{claim.url}">{escape(claim.short_quote)}</a></td>'
        f'<td title="{claim.value_text}">{claim.value_text}</td>'
        f'<td title="{outlet_name} \u00b7 {title}">{outlet} \u00b7 '
        f'<a href="{claim.article_url}">{escape(claim.short_title) or "(untitled)"}</a>{published}</td>'
        f"<td>{event}</td><td>{marks}</td>"
        f"<td>{STATUS_CELLS.get(status) or status_cell(status)}</td></tr>"
    )


def rows_html(claims: Iterable[ListedClaim]) -> SafeString:
    """The table body's rows of prepared claims, in order."""
    return mark_safe("\n".join(row_html(claim) for claim in claims))  # every part is escaped in row_html


# The outlet menu's options as last written, with the choices they were written from: the choices
# (714 outlets at 1M claims) change rarely, and writing them cost more CPU than comparing them.
_written_options: tuple[list[tuple[int, str]], str] = ([], "")


def options_html(choices: Iterable[tuple[int, str]], selected: str) -> SafeString:
    """<option> elements for (id, name) choices, the one whose id is `selected` marked so; names escaped."""
    global _written_options
    choices = list(choices)
    written, options = _written_options
    if choices != written:  # every name is escaped here
        options = "".join(f'<option value="{pk}">{escape(name)}</option>' for pk, name in choices)
        _written_options = (choices, options)
    if selected:  # ids are unique and names escaped (no "<" in them): only that option's tag matches
        tag = f'<option value="{escape(selected)}">'
        options = options.replace(tag, f"{tag[:-1]} selected>", 1)
    return mark_safe(options)
