"""`{% event_conflicts comparison can_review %}`: the event page's conflicts (claims.views.event_sections)
with the CSRF field and the page's path from the template's own context, so that the page's forms carry
one token, as `{% csrf_token %}` wrote it in each."""

from __future__ import annotations

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.safestring import SafeString

from claims.selectors.event_table import Comparison

register = template.Library()


@register.simple_tag(takes_context=True)
def event_conflicts(context: template.Context, comparison: Comparison, can_review: bool) -> SafeString:
    """The conflicts section's markup (see claims.views.event_sections.conflicts_html)."""
    from claims.views.event_sections import conflicts_html

    needed = bool(can_review and comparison.conflicts)
    return conflicts_html(
        comparison.conflicts,
        can_review=bool(can_review),
        csrf_input=CsrfTokenNode().render(context) if needed else "",
        next_path=context["request"].get_full_path() if needed else "",
    )
