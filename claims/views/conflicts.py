"""How the web workspace answers an edit refused because someone else changed the row first (HTTP 409).

The service raises claims.services.editing.EditConflict and writes nothing; the views here show its message,
the editor's input next to the stored values, and a form to save again on the current version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from django import forms
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

from claims.models import Annotation, Claim, ClaimLink
from claims.services.editing import EditConflict, Versioned
from tracker.access import wants_json

STATUS = 409


@dataclass(frozen=True, slots=True)
class Row:
    """One value as the editor sent it and as it is stored now."""

    label: str
    theirs: str
    current: str

    @property
    def differs(self) -> bool:
        return self.theirs != self.current


def shown(value) -> str:
    """A value as the conflict table shows it: yes/no, whole numbers without .0, a dash for nothing."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def removed(model: type[Versioned], pk: int) -> EditConflict:
    """The conflict for a row that was removed after the page was made; 404 for an id never stored."""
    if not model.history.filter(id=pk).exists():
        raise Http404(f"No {model._meta.verbose_name} {pk}.")
    return EditConflict(obj=model(pk=pk), expected=None, current=None)


def named(model: type[Versioned], pk: int) -> str:
    """A row as the editor knows it, for a conflict page's title: claim “its quote”, annotation on “its
    quote”, link between “one quote” and “the other”; a removed row by the last values stored (its history)."""
    record = model.history.filter(id=pk).order_by("-history_id").first()
    if record is None:
        return f"this {model._meta.verbose_name}"
    if model is ClaimLink:
        quotes = dict(
            Claim.objects.filter(pk__in=[record.claim_a_id, record.claim_b_id]).values_list("pk", "quote")
        )
        first, second = (shorten(quotes.get(i, "")) for i in (record.claim_a_id, record.claim_b_id))
        return f"link between “{first}” and “{second}”"
    noun = "annotation on" if model is Annotation else "claim"
    return f"{noun} “{shorten(record.quote)}”"


def shorten(text: str, limit: int = 60) -> str:
    """`text` cut to `limit` characters at most, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def stored_row[M: (Claim, ClaimLink, Annotation)](conflict: EditConflict, model: type[M]) -> M | None:
    """The row stored now (None when removed), known to be a `model`: an edit conflicts on its own row only."""
    current = conflict.current
    assert current is None or isinstance(current, model), type(current)
    return current


def choice_labels(form: type[forms.Form], name: str) -> dict[str, str]:
    """value -> label of the choice field `name` of `form` (Django keeps a ChoiceField's choices as pairs)."""
    field = form.base_fields[name]
    assert isinstance(field, forms.ChoiceField), type(field)
    return dict(cast(list[tuple[str, str]], field.choices))


def safe_next(request: HttpRequest, fallback: str) -> str:
    """The form's `next` address when it stays on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return fallback


def conflict_answer(
    request: HttpRequest,
    conflict: EditConflict,
    *,
    title: str,
    rows: list[Row],
    back: str,
    again: dict | None = None,
    payload: dict | None = None,
    template: str = "claims/conflict.html",
    context: dict | None = None,
) -> HttpResponse:
    """409, the one place it is rendered: JSON for the page's script, else `template` (by default the
    conflict page with the message, both values and `again`; an edit page passes its own template and
    `context`, its form with the editor's input, and shows the conflict above it).

    `again` is a form to send the editor's decision once more on the current version:
    {"action": url, "fields": [(name, value)], "label": button text}.
    """
    if wants_json(request):
        body = {"ok": False, "conflict": True, "error": conflict.summary, "id": conflict.pk}
        if conflict.current is not None:
            body["version"] = conflict.current.version
        body.update(payload or {})
        return JsonResponse(body, status=STATUS)
    shown_context = {
        "title": title,
        "conflict": conflict,
        "rows": rows,
        "again": again if conflict.current is not None else None,
        "back": back,
        **(context or {}),
    }
    return render(request, template, shown_context, status=STATUS)
