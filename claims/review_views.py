"""The review queue: pending claims and suggested links one after another, and bulk accept."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView

from sources.models import Outlet

from . import editorial, selectors
from .access import ViewAccessMixin, answer, editor_post
from .forms import BulkAcceptForm, LinkReviewForm
from .models import Claim, ClaimLink

QUEUE_SIZE = 25


class ReviewQueueView(ViewAccessMixin, TemplateView):
    """Pending claims, most (or least) confident first; filters by kind and outlet live in the URL."""

    template_name = "claims/review_queue.html"
    permission_required = "claims.change_claim"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        kind = params.get("kind", "") if params.get("kind", "") in Claim.Kind.values else ""
        outlet = params.get("outlet", "")
        outlet_id = int(outlet) if outlet.isdigit() else None
        lowest_first = params.get("order") == "low"
        queue = selectors.review_claims(kind=kind, outlet_id=outlet_id, lowest_first=lowest_first)
        page = selectors.page_of(queue, params.get("page"), per_page=QUEUE_SIZE)
        context.update(
            tab="claims",
            page=page,
            items=page.rows,
            kind=kind,
            outlet_id=outlet_id,
            lowest_first=lowest_first,
            kinds=Claim.Kind.choices,
            outlets=Outlet.objects.only("id", "name").order_by("name"),
            pending=selectors.count_of(queue, narrowed=True),
            bulk_form=BulkAcceptForm(initial={"kind": kind}),
        )
        return context


class LinkQueueView(ViewAccessMixin, TemplateView):
    """Suggested links, most confident first."""

    template_name = "claims/review_links.html"
    permission_required = "claims.change_claimlink"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        queue = selectors.review_links()
        page = selectors.page_of(queue, self.request.GET.get("page"), per_page=QUEUE_SIZE)
        context.update(
            tab="links", page=page, items=page.rows, pending=selectors.count_of(queue, narrowed=True)
        )
        return context


@editor_post("claims.change_claim")
def bulk_accept(request: HttpRequest) -> HttpResponse:
    """Accept every pending claim at or above the confidence threshold (of one kind, optionally)."""
    form = BulkAcceptForm(request.POST)
    fallback = reverse("claims:review")
    if not form.is_valid():
        messages.error(request, "Give a confidence threshold between 0 and 1.")
        return answer(request, fallback, {"ok": False, "errors": form.errors}, status=400)
    try:
        accepted = editorial.bulk_accept(
            user=request.user, threshold=form.cleaned_data["threshold"], kind=form.cleaned_data["kind"] or ""
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return answer(request, fallback, {"ok": False}, status=400)
    messages.success(
        request,
        f"Accepted {accepted} claim{'s' if accepted != 1 else ''} "
        f"with confidence ≥ {form.cleaned_data['threshold']:.2f}.",
    )
    return answer(request, fallback, {"ok": True, "accepted": accepted})


@editor_post("claims.change_claimlink")
def link_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm (optionally with another relation) or reject a suggested link."""
    link = get_object_or_404(ClaimLink, pk=pk)
    form = LinkReviewForm(request.POST)
    fallback = reverse("claims:review-links")
    if not form.is_valid():
        messages.error(request, "Choose confirm or reject.")
        return answer(request, fallback, {"ok": False}, status=400)
    editorial.link_review(
        link=link,
        user=request.user,
        decision=form.cleaned_data["decision"],
        relation=form.cleaned_data["relation"] or None,
    )
    messages.success(
        request,
        f"Link {link.pk} {link.get_status_display().lower()} ({link.get_relation_display().lower()}).",
    )
    return answer(
        request, fallback, {"ok": True, "id": link.pk, "status": link.status, "relation": link.relation}
    )
