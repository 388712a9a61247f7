"""How a write view answers a request it refuses before writing anything (HTTP 400): the problem in the
editor's words, as a message on the page the browser goes back to, or as JSON for the page's script.

A refused edit because someone else changed the row first is a 409 instead: see claims.views.conflicts.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse

from tracker.access import answer


def refused(
    request: HttpRequest, fallback: str, problem: str, *, form: forms.Form | None = None, status: int = 400
) -> HttpResponse:
    """`problem` as an error message and a redirect back (to `next` or `fallback`), or for the page's script
    JSON {"ok": false, "error": problem} with `status`, plus "errors" (field name -> messages) of an
    invalid `form`."""
    messages.error(request, problem)
    payload: dict = {"ok": False, "error": problem}
    if form is not None and form.errors:
        payload["errors"] = form.errors
    return answer(request, fallback, payload, status=status)


def form_problem(form: forms.Form, default: str | None = None) -> str:
    """What is wrong with an invalid form, for an editor: the stale-page message when its hidden `version`
    failed; else `default` when given; else each error after its field's label (never the field's name)."""
    if "version" in form.errors:
        return " ".join(str(error) for error in form.errors["version"])
    if default is not None:
        return default
    parts = []
    for name, errors in form.errors.items():
        text = " ".join(str(error) for error in errors)
        parts.append(f"{form[name].label}: {text}" if name in form.fields else text)
    return "; ".join(parts)
