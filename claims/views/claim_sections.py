"""The claim page's repeated markup written in Python: its history rows and the editors' menus of
claims to link to and events to attach to.

Each row through the template was a dozen variable lookups, filters (`date`, `default`,
`truncatechars`) and escapes; with the page's other loops, its template cost more CPU than its reads.
The markup is the template's, byte for byte (tests/web/test_claim_sections.py renders the former
loops beside these, with hostile text).
"""

from __future__ import annotations

import datetime as dt
import html

from django.template.defaultfilters import date as date_filter
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # in Django, not in django-stubs

from claims.selectors import Change


def escape(text: object) -> str:
    """`{{ text }}` under autoescape for text not marked safe (what django.utils.html.escape does)."""
    return html.escape(str(text))


def _changed(value: object) -> str:
    """`{{ value|default:"—"|truncatechars:60 }}`: a false value as a dash, the text cut at 60."""
    from claims.views.event_sections import truncated  # it imports claims.views.claims, which imports this

    return escape(truncated(str(value or "\u2014"), 60))


def history_html(history: list[Change]) -> SafeString:
    """The history table's rows: when, who, and what changed (field, old and new value)."""
    if not history:
        return mark_safe('\n    <tr><td colspan="3">No recorded history.</td></tr>\n  ')
    parts = []
    for change in history:
        when = escape(date_filter(template_localtime(change.when), "j M Y H:i"))
        fields = "".join(
            f'<div class="small"><strong>{escape(name)}</strong>: {_changed(old)} \u2192 {_changed(new)}</div>'
            for name, old, new in change.fields
        )
        parts.append(
            f"\n    <tr><td>{when}</td><td>{escape(change.who)}</td>\n"
            f"      <td>{escape(change.kind)}{fields}</td></tr>\n  "
        )
    return mark_safe("".join(parts))


def link_options_html(choices: list[tuple[int, str]]) -> SafeString:
    """The "Other claim" menu's options, or the one saying there is none to offer."""
    if not choices:
        return mark_safe('<option value="">No claims of other articles to offer: search for one</option>')
    return mark_safe("".join(f'<option value="{pk}">{escape(label)}</option>' for pk, label in choices))


def event_options_html(choices: list[tuple[int, str, dt.date | None]], selected: int | None) -> SafeString:
    """The "Event" menu's options after "No event" and the claim's own event: title and date, the
    claim's event selected."""
    parts = []
    for pk, title, date in choices:
        chosen = " selected" if pk == selected else ""
        shown = f" ({escape(date_filter(date, 'j M Y'))})" if date else ""
        parts.append(f'<option value="{pk}"{chosen}>{escape(title)}{shown}</option>')
    return mark_safe("".join(parts))
