"""The event page's repeated rows written in Python: agreed facts, conflicts, statements by speaker, the
figures table's rows and chart, the timeline and the articles.

An event page renders 50-300 rows; through the template each value was a variable lookup, a filter or
two and an escape, which cost more CPU than reading the event's claims. The markup is the template's,
byte for byte (tests/web/test_event_sections.py renders both ways, with hostile text). The conflicts'
forms carry the page's CSRF token: the `event_conflicts` tag (claims.templatetags.event_sections)
writes them with the token of the page's own template context.
"""

from __future__ import annotations

import html
import unicodedata
from typing import Any

from django.template.defaultfilters import floatformat
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

from claims.models import Claim
from claims.selectors.event_table import (
    AgreedFact,
    Chart,
    Comparison,
    Conflict,
    Row,
    SpeakerStatements,
    TimelineEntry,
)
from claims.templatetags.chart_numbers import one_decimal
from claims.templatetags.dates import claim_date, precise_date_text
from claims.templatetags.page_urls import page_url_text
from claims.templatetags.polarity import polarity_badge_html
from claims.views.claims import value_text


def escape(text: object) -> str:
    """`{{ text }}` under autoescape for text that is not marked safe (what django.utils.html.escape does)."""
    return html.escape(str(text))


def truncated(text: str, length: int) -> str:
    """`{{ text|truncatechars:length }}` before escaping: Django's Truncator, without building one for
    the texts that fit (combining marks only shorten the count, so a short text always fits)."""
    normal = unicodedata.normalize("NFC", text)
    if len(normal) <= length:
        return normal
    return Truncator(text).chars(length)


def _claim_url(pk: int) -> str:
    return escape(page_url_text(pk, "claims:claim-detail"))


def _outlet_name(claim: Claim) -> str:
    outlet = claim.article.outlet
    return escape((outlet.name if outlet is not None else "") or "unknown outlet")


def _published(article: Any) -> str:
    return escape(precise_date_text(article.published_on, article.published_precision))


def _value(claim: Claim) -> str:
    """A date claim by claim_date, any other by value_text (already escaped)."""
    return escape(claim_date(claim)) if claim.kind == "date" else str(value_text(claim))


def agreed_html(facts: list[AgreedFact]) -> SafeString:
    """The "What outlets agree on" section's facts."""
    if not facts:
        return mark_safe('<p class="muted">No fact is yet corroborated by two outlets.</p>\n')
    out = []
    for fact in facts:
        claim = fact.claims[0]
        if claim.kind == "statement":
            speaker = claim.speaker.name if claim.speaker is not None else ""
            name = speaker or claim.speaker_mention or "Unnamed speaker"
            value = (
                f"{escape(name)}: \u201c{escape(truncated(claim.said, 160))}\u201d"
                f"{polarity_badge_html(claim.polarity)}"
            )
        else:
            value = _value(claim)
        disputed = ' <a class="badge disputed" href="#conflicts">disputed by another outlet</a>'
        sources = ", ".join(f'<a href="{_claim_url(c.pk)}">{_outlet_name(c)}</a>' for c in fact.claims)
        out.append(
            f'\n  <div class="agreed{" disputed" if fact.disputed else ""}">\n'
            f'    <p class="agreed-value"><span class="kind k-{escape(claim.kind)}">{escape(fact.label)}</span> '
            f"{value}{disputed if fact.disputed else ''}</p>\n"
            f'    <p class="small muted">Reported by {", ".join(escape(o) for o in fact.outlets)} '
            f"({len(fact.claims)} claims: {sources})</p>\n  </div>\n"
        )
    return mark_safe("".join(out))  # every text above is escaped


def speakers_html(groups: list[SpeakerStatements]) -> SafeString:
    """The "Statements by speaker" section's groups."""
    if not groups:
        return mark_safe('<p class="muted">No statements.</p>\n')
    out = []
    for group in groups:
        name = escape(group.speaker)
        if group.actor_id:
            name = f'<a href="{escape(page_url_text(group.actor_id, "claims:actor-detail"))}">{name}</a>'
        count = len(group.claims)
        items = "".join(
            f'\n    <li><a href="{_claim_url(claim.pk)}">\u201c{escape(truncated(claim.said, 200))}\u201d</a>'
            f"{polarity_badge_html(claim.polarity)}"
            f' <span class="muted small">{_outlet_name(claim)} \u00b7 {_published(claim.article)}</span></li>\n  '
            for claim in group.claims
        )
        out.append(
            f'\n  <h3 class="speaker">{name} <span class="muted small">{count} '
            f"statement{'' if count == 1 else 's'}</span></h3>\n"
            f'  <ul class="statements">{items}</ul>\n'
        )
    return mark_safe("".join(out))  # every text above is escaped


def _capfirst(text: str) -> str:
    return text and text[0].upper() + text[1:]


def figure_rows_html(rows: list[Row]) -> SafeString:
    """The figures table's body rows: one per outlet, a cell per column, each value linked to its claim."""
    out = []
    for row in rows:
        outlet = escape(row.outlet)
        if row.outlet_id:
            outlet = f'<a href="{escape(page_url_text(row.outlet_id, "sources:outlet-detail"))}">{outlet}</a>'
        cells = []
        for column, cell in row.labelled_cells:
            values = []
            for v in cell:
                marks = ""
                if v.corroborated:
                    marks += ' <span class="mark-ok" title="Corroborated">\u2713<span class="visually-hidden"> corroborated</span></span>'
                if v.contradicted:
                    marks += ' <span class="mark-bad" title="Contradicted">\u2717<span class="visually-hidden"> contradicted</span></span>'
                if v.confirmations:
                    marks += f' <span class="conf" title="Independent confirmations">{v.confirmations}</span>'
                values.append(
                    f'<div class="cell-value{" contradicted" if v.contradicted else ""}">'
                    f'<a href="{_claim_url(v.claim.pk)}" title="{escape(v.claim.quote)}">{_value(v.claim)}</a>'
                    f"{marks}</div>"
                )
            shown = "".join(values) or '<span class="muted" aria-label="none">\u2014</span>'
            cells.append(f'<td data-label="{escape(_capfirst(column.label))}">{shown}</td>')
        out.append(f'\n    <tr><th scope="row">{outlet}</th>\n    {"".join(cells)}\n    </tr>\n  ')
    return mark_safe("".join(out))  # every text above is escaped


def _machine_date(entry: TimelineEntry) -> str:
    day = entry.date
    assert day is not None  # the dated timeline only
    if entry.precision == "year":
        return f"{day.year:04d}"
    if entry.precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _entry_text(entry: TimelineEntry, title_length: int) -> str:
    if entry.claim is not None:
        return (
            f'<span class="kind k-date">date</span> {escape(entry.outlet)}: '
            f'<a href="{_claim_url(entry.claim.pk)}">\u201c{escape(truncated(entry.claim.quote, 100))}\u201d</a>'
        )
    title = escape(truncated(entry.title or "(untitled)", title_length))
    url = escape(page_url_text(entry.article_id, "sources:article-detail"))
    return f'{escape(entry.outlet)} published <a href="{url}">{title}</a>'


def timeline_html(entries: list[TimelineEntry]) -> SafeString:
    """The timeline's dated entries, as <li> items."""
    if not entries:
        return mark_safe('<li class="muted">No dated entries.</li>\n')
    out = []
    for entry in entries:
        text = _entry_text(entry, 80)
        newline = "\n    " if entry.claim is not None else ""
        out.append(
            f'\n  <li><time datetime="{_machine_date(entry)}">'
            f"{escape(precise_date_text(entry.date, entry.precision))}</time>\n"
            f"    {text}{newline}</li>\n"
        )
    return mark_safe("".join(out))  # every text above is escaped


def undated_html(entries: list[TimelineEntry]) -> SafeString:
    """The timeline's entries whose date is not known, as <li> items."""
    out = []
    for entry in entries:
        note = escape(claim_date(entry.claim)) if entry.claim is not None else "date not known"
        out.append(f'\n  <li>{_entry_text(entry, 80)} <span class="muted small">{note}</span></li>\n')
    return mark_safe("".join(out))  # every text above is escaped


def articles_html(articles: list[Any]) -> SafeString:
    """The event's articles, as <li> items."""
    if not articles:
        return mark_safe('<li class="muted">No articles.</li>')
    return mark_safe(
        "".join(
            f'<li><a href="{escape(page_url_text(article.pk, "sources:article-detail"))}">'
            f'{escape(article.title or "(untitled)")}</a> <span class="muted small">'
            f"{escape((article.outlet.name if article.outlet is not None else '') or 'unknown outlet')}"
            f" \u00b7 {_published(article)}</span></li>"
            for article in articles
        )
    )  # every text above is escaped


def _side_html(claim: Claim, context: Any) -> str:
    article = claim.article
    outlet = escape(article.outlet.name) if article.outlet is not None else "Unknown outlet"
    kind = escape(claim.kind)
    if context:
        evidence = f'{escape(context.before)}<mark class="k-{kind}">{escape(context.span)}</mark>{escape(context.after)}'
    else:
        evidence = f'<mark class="k-{kind}">{escape(truncated(claim.quote, 240))}</mark>'
    article_url = escape(page_url_text(claim.article_id, "sources:article-detail"))
    return (
        '\n      <div class="side">\n'
        f'        <p class="side-head"><strong>{outlet}</strong> \u00b7 {_published(article)}</p>\n'
        f'        <blockquote class="evidence">{evidence}</blockquote>\n'
        f'        <p class="small muted"><span class="kind k-{kind}">{escape(claim.get_kind_display())}</span> '
        f'{_value(claim)} \u00b7 <a href="{_claim_url(claim.pk)}">claim</a> \u00b7 '
        f'<a href="{article_url}#c{claim.pk}">{escape(truncated(article.title or "(untitled)", 60))}</a></p>\n'
        "      </div>\n    "
    )


def conflicts_html(
    conflicts: list[Conflict], *, can_review: bool, csrf_input: str, next_path: str
) -> SafeString:
    """The "Conflicts" section's articles: both sides with their sentences, the rationale, the link's
    status and, for those who may review links (`can_review`), its confirm / reject form carrying
    `csrf_input` (the page's CSRF field, markup) and `next_path` (the page's own path, to come back)."""
    if not conflicts:
        return mark_safe('<p class="muted">No conflicting claims among this event\'s outlets.</p>\n')
    out = []
    back = escape(next_path)
    for number, conflict in enumerate(conflicts, 1):
        link = conflict.link
        sides = "".join(_side_html(claim, context) for claim, context in conflict.sides)
        confidence = (
            f' <span class="muted small">\u00b7 confidence {floatformat(link.confidence, 2)}</span>'
            if link.confidence is not None
            else ""
        )
        form = ""
        if can_review:
            disabled = " disabled" if link.status == "confirmed" else ""
            form = (
                f'\n      <form method="post" action="{escape(page_url_text(link.pk, "claims:link-review"))}"'
                f' class="inline">{csrf_input}\n'
                f'        <input type="hidden" name="version" value="{link.version}">'
                f'<input type="hidden" name="next" value="{back}#conflicts">\n'
                f'        <button type="submit" name="decision" value="confirm"{disabled}>Confirm conflict</button>\n'
                '        <button type="submit" name="decision" value="reject" class="danger">Reject</button>\n'
                "      </form>\n      "
            )
        out.append(
            f'\n  <article class="conflict" id="link-{link.pk}" aria-label="Conflict {number}">\n'
            f'    <div class="sides">\n    {sides}\n    </div>\n'
            f'    <p class="rationale"><span class="muted">Why they conflict:</span> '
            f"{escape(link.rationale or '(no rationale given)')}{confidence}</p>\n"
            f'    <div class="decide">\n'
            f'      <span class="status status-{escape(link.status)}">{escape(link.get_status_display())}</span>\n'
            f"      {form}\n    </div>\n  </article>\n"
        )
    return mark_safe("".join(out))  # every text above is escaped; csrf_input is the tag's markup


def chart_html(chart: Chart | None) -> SafeString:
    """The figures chart (range bars per outlet) as its heading and SVG figure; "" without a chart."""
    if chart is None:
        return mark_safe("")
    ticks = "".join(
        f'<line x1="{one_decimal(x)}" x2="{one_decimal(x)}" y1="4" y2="{chart.height}" class="grid"/>'
        f'<text x="{one_decimal(x)}" y="{chart.height + 14}" class="tick">{escape(label)}</text>'
        for x, label in chart.ticks
    )
    bars = "".join(
        f'\n  <text x="{chart.label_x}" y="{bar.y + 14}" class="label">{escape(bar.label)}</text>\n'
        f'  <rect x="{one_decimal(bar.x)}" y="{bar.y + 3}" width="{one_decimal(bar.width)}" height="16" rx="2" '
        f'class="bar{" contradicted" if bar.contradicted else ""}"/>\n'
        f'  <text x="{one_decimal(bar.end)}" dx="6" y="{bar.y + 15}" class="value">{escape(bar.value)}</text>\n  '
        for bar in chart.bars
    )
    caption = "; ".join(f"{escape(bar.label)} {escape(bar.value)}" for bar in chart.bars)
    caption = f"Figures: {caption}. " if caption else ""
    title = escape(chart.title)
    return mark_safe(
        f"\n<h3>{escape(_capfirst(chart.title))} by outlet</h3>\n"
        '<figure class="chart" tabindex="0">\n'
        f'<svg viewBox="0 0 {chart.width} {chart.height + 20}" width="100%" role="img" '
        f'aria-label="{title} reported by each outlet, low to high">\n'
        f"  {ticks}\n  {bars}\n</svg>\n"
        f'<figcaption class="muted small">{caption}Each bar runs from the lowest to the highest figure the '
        "outlet gave; red bars are contradicted.</figcaption>\n</figure>\n"
    )  # every text above is escaped


def sections_html(comparison: Comparison, articles: list[Any]) -> dict[str, SafeString]:
    """Each repeated part of the event page, by the name the template shows it under."""
    return {
        "agreed": agreed_html(comparison.agreed),
        "speakers": speakers_html(comparison.speakers),
        "figure_rows": figure_rows_html(comparison.rows),
        "chart": chart_html(comparison.chart),
        "timeline": timeline_html(comparison.timeline),
        "undated": undated_html(comparison.undated),
        "articles": articles_html(articles),
    }
