"""Who may see and change what in the web workspace: every page needs sign-in, every write a permission.

Anonymous users are sent to sign in; a signed-in user without the permission gets 403. Readers hold
the view permissions, editors also add/change/delete (groups from migration claims/0003_roles).

One idiom, Django's own: a page class takes ViewAccessMixin (LoginRequiredMixin + PermissionRequiredMixin);
a function view is decorated, outermost first, with login_required, then
permission_required(..., raise_exception=True) (or staff_permission_required), then require_POST when it
only writes. So: anonymous -> the sign-in page, no permission -> 403, a GET to a write -> 405.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.decorators import user_passes_test
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


def staff_permission_required(permission: str, message: str) -> Callable:
    """Django's user_passes_test for staff holding `permission`: others get 403 (PermissionDenied with
    `message`), as permission_required(raise_exception=True) answers; put login_required outside it."""

    def check(user) -> bool:
        if user.is_staff and user.has_perm(permission):
            return True
        raise PermissionDenied(f"{message} {missing_for(user, permission)}")

    return user_passes_test(check)


def missing_for(user, permission: str) -> str:
    """What the user lacks for a staff-only page, in words an administrator can act on (the editor role
    alone is not enough: these pages need "Staff status" and the permission itself)."""
    from django.contrib.auth.models import Permission

    app_label, codename = permission.split(".", 1)
    perm = Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()
    label = f"“{perm.name}”" if perm else permission
    lacking = []
    if not user.is_staff:
        lacking.append("“Staff status”")
    if not user.has_perm(permission):
        lacking.append(f"the permission {label}")
    return f"Your account lacks {' and '.join(lacking)}: ask an administrator to add it to your user."


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
