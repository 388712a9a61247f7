"""Search-as-you-type choices for forms, as small JSON answers read by static/js/picker.js.

`?what=claim&for=<claim id>&q=...` (claims to link to, same event first), `what=event` (events to
attach to, the claim's article's events first), `what=speaker` and `what=unit` (filter suggestions).
Every answer is bounded (selectors.PICK_LIMIT rows).
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required, permission_required
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from claims import selectors
from claims.models import Claim
from tracker.ids import parse_id

MAX_QUERY = 200


@login_required
@permission_required("claims.view_claim", raise_exception=True)
@require_GET
def pick(request: HttpRequest) -> JsonResponse:
    """Choices for one picker: [{"value", "label"}], best first."""
    what, text = request.GET.get("what", ""), request.GET.get("q", "")[:MAX_QUERY]
    if what == "speaker":
        return JsonResponse({"results": [{"value": n, "label": n} for n in selectors.speaker_names(text)]})
    if what == "unit":
        return JsonResponse({"results": [{"value": u, "label": u} for u in selectors.unit_classes(text)]})
    if not what:
        return JsonResponse({"results": []})
    if what not in ("claim", "event"):
        return JsonResponse({"error": "Ask for what=claim, event, speaker or unit."}, status=400)
    claim_id = parse_id(request.GET.get("for", ""))
    if claim_id is None:
        return JsonResponse({"error": "Name the claim the choice is for (for=<id>)."}, status=400)
    claim = get_object_or_404(Claim.objects.select_related("article"), pk=claim_id)
    if what == "claim":
        rows = [
            {"value": c.pk, "label": selectors.pick_label(c)} for c in selectors.link_candidates(claim, text)
        ]
    else:
        rows = [
            {"value": e.pk, "label": f"{e.title}{f' ({e.date:%-d %b %Y})' if e.date else ''}"}
            for e in selectors.event_candidates(claim, text)
        ]
    return JsonResponse({"results": rows})
