"""Template tag that gives the claim page its ClaimReview JSON-LD, escaped for a <script> data block."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from claims.views.claimreview import claim_review_for_request, is_reviewed, script_safe_json

register = template.Library()


@register.simple_tag(takes_context=True)
def claimreview_jsonld(context: template.Context, claim) -> SafeString | str:
    """The claim's ClaimReview as script-safe JSON, or "" when the claim is not reviewed (or no request)."""
    request = context.get("request")
    if claim is None or request is None or not is_reviewed(claim):
        return ""
    return script_safe_json(claim_review_for_request(request, claim))
