"""Who may see and change what in the web workspace: every page needs sign-in, every write a permission.

Anonymous users are sent to sign in; a signed-in user without the permission gets 403. Readers hold
the view permissions, editors also add/change/delete (groups from migration claims/0003_roles).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

EDIT_PERMISSION = "claims.change_claim"


class ViewAccessMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """A page that needs sign-in and the view permission in `permission_required`."""


def can_edit(user) -> bool:
    """True when the user may annotate, review and edit claims."""
    return user.is_authenticated and user.has_perm(EDIT_PERMISSION)


def editor_post(*permissions: str) -> Callable:
    """Decorate a view that only accepts POST from a signed-in user holding every one of `permissions`."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            if not request.user.has_perms(permissions or (EDIT_PERMISSION,)):
                raise PermissionDenied("Only editors can do this.")
            if request.method != "POST":
                return HttpResponse("Use POST.", status=405, headers={"Allow": "POST"})
            return view(request, *args, **kwargs)

        return wrapped

    return decorate


def wants_json(request: HttpRequest) -> bool:
    """True when the page's script asked for a JSON answer instead of a redirect."""
    return "application/json" in request.headers.get("Accept", "")


def back(request: HttpRequest, fallback: str) -> HttpResponseRedirect:
    """A redirect to the form's safe `next` address, else to `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect(fallback)


def answer(request: HttpRequest, fallback: str, payload: dict, status: int = 200) -> HttpResponse:
    """JSON for the page's script, else a redirect back (messages carry the outcome)."""
    if wants_json(request):
        return JsonResponse(payload, status=status)
    return back(request, fallback)
