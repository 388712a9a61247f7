"""The claims list's table rows, written in Python: one string per row instead of 50 rows of template nodes.

At 1M claims the list's SQL takes a few milliseconds; the template loop (twenty variable lookups and
filters per row, each escaped on its own) cost as much again. The markup is the one the template had;
tests/web/test_claim_rows.py renders rows both ways and compares them.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable
from typing import Any

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from claims.models import Claim
from claims.templatetags.dates import precise_date_text
from claims.views.conflicts import shorten


def escape(text: object) -> str:
    """`text` escaped for HTML, as django.utils.html.escape does (the same `html.escape`), without its
    lazy-string wrapper and SafeString: some 800 calls a page, the wrapper cost as much as the escaping."""
    return html.escape(str(text))


KIND_LABELS = dict(Claim.Kind.choices)
STATUS_LABELS = dict(Claim.ReviewStatus.choices)


def url_maker(name: str) -> Callable[[int], str]:
    """A function giving the URL of `name` for an id, reversing the route once (not once per row)."""
    marker = 2_147_483_647
    pattern = reverse(name, args=[marker]).replace(str(marker), "{}")
    return pattern.format


def prepare(
    rows: Iterable[Claim], marks: dict[int, set[str]], value_text: Callable[[Claim], str]
) -> list[Any]:
    """The rows with what their table row shows set on them (links, short texts, link marks, value):
    claims still (the page's context and tests read them as claims), with display attributes added."""
    claim_url, article_url, outlet_url, event_url = (
        url_maker(name)
        for name in (
            "claims:claim-detail",
            "sources:article-detail",
            "sources:outlet-detail",
            "claims:event-detail",
        )
    )
    prepared: list[Any] = []
    row: Any
    for row in rows:
        claim = row
        article = claim.article
        if hasattr(claim, "corroborated"):  # read with the row (selectors.with_link_marks)
            claim.link_relations = {
                relation
                for relation, present in (
                    ("corroborates", claim.corroborated),
                    ("contradicts", claim.contradicted),
                )
                if present
            }
        else:
            claim.link_relations = marks.get(claim.pk, set())
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


def row_html(claim: Any) -> str:
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
    return (
        f'<tr><td><span class="kind k-{escape(claim.kind)}">{escape(KIND_LABELS.get(claim.kind, claim.kind))}'
        f"</span></td>"
        f'<td title="{escape(claim.quote)}"><a href="{claim.url}">{escape(claim.short_quote)}</a></td>'
        f'<td title="{claim.value_text}">{claim.value_text}</td>'
        f'<td title="{outlet_name} \u00b7 {title}">{outlet} \u00b7 '
        f'<a href="{claim.article_url}">{escape(claim.short_title) or "(untitled)"}</a>{published}</td>'
        f"<td>{event}</td><td>{marks}</td>"
        f'<td><span class="status s-{escape(claim.review_status)}">'
        f"{escape(STATUS_LABELS.get(claim.review_status, claim.review_status))}</span></td></tr>"
    )


def rows_html(claims: Iterable[Any]) -> SafeString:
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
