"""The review queue: pending claims and suggested links one after another, and bulk accept."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from claims import selectors
from claims.forms import BulkAcceptForm, LinkReviewForm
from claims.models import Claim, ClaimLink, Event
from claims.services import editing
from claims.services.editing import EditConflict
from claims.views.answers import form_problem, refused
from claims.views.claim_rows import escape, options_html
from claims.views.conflicts import Row, choice_labels, conflict_answer, named, removed, safe_next, stored_row
from claims.views.queue_items import claim_items_html, link_items_html
from sources import selectors as source_selectors
from tracker import paging
from tracker.access import ViewAccessMixin, answer
from tracker.ids import parse_id

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
        outlet_id = parse_id(outlet)
        lowest_first = params.get("order") == "low"
        queue = selectors.review_claims(kind=kind, outlet_id=outlet_id, lowest_first=lowest_first)
        page = paging.page_of(queue, params.get("page"), per_page=QUEUE_SIZE)
        sentences = selectors.sentences_of(page.rows)
        for claim in page.rows:
            claim.sentence = sentences.get(claim.pk)
        items_html = claim_items_html(
            page.rows,
            sentences=sentences,
            here=self.request.get_full_path(),
            csrf_token=get_token(self.request),
        )
        context.update(
            tab="claims",
            page=page,
            items=page.rows,
            items_html=items_html,
            kind=kind,
            outlet_id=outlet_id,
            lowest_first=lowest_first,
            kinds=Claim.Kind.choices,
            outlet_options=outlet_options(outlet_id),
            pending=paging.count_of(queue, narrowed=True),
            bulk_form=BulkAcceptForm(initial={"kind": kind}),
            bulk_undo=self.request.session.get("bulk_undo"),
        )
        return context


def outlet_options(selected: int | None) -> SafeString:
    """The outlet menu's <option>s, by name, the `selected` outlet's marked: from the process's cached
    outlet choices, written once while they are unchanged (714 outlets at 1M claims: the template's loop
    over them cost more CPU than the rest of the queue page)."""
    return options_html(source_selectors.outlet_choices(), str(selected) if selected else "")


EVENT_CHOICES = 200  # the newest events offered by the link queue's event menu
_written_events: tuple[list[tuple[int, str]], str] = ([], "")


def event_options(selected: int | None) -> SafeString:
    """The link queue's event menu: the EVENT_CHOICES newest events by title (case folded), each title cut
    to 60 characters as `truncatechars` cuts it, the `selected` event's marked. The options are written
    again only when the events read differ from the last request's."""
    global _written_events
    rows = sorted(
        Event.objects.order_by("-id").values_list("id", "title")[:EVENT_CHOICES], key=lambda e: e[1].lower()
    )
    written, options = _written_events
    if rows != written:
        options = "".join(
            f'<option value="{pk}">{escape(Truncator(title).chars(60))}</option>' for pk, title in rows
        )
        _written_events = (rows, options)
    if selected:  # ids are unique and titles escaped: only that option's tag matches
        tag = f'<option value="{selected}">'
        options = options.replace(tag, f"{tag[:-1]} selected>", 1)
    return mark_safe(options)


def confidence_floor(text: str) -> float | None:
    """A confidence floor from the URL (0 to 1), None when absent or not a number in range."""
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if 0 <= value <= 1 else None


class LinkQueueView(ViewAccessMixin, TemplateView):
    """Suggested links, most confident first."""

    template_name = "claims/review_links.html"
    permission_required = "claims.change_claimlink"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        relation = params.get("relation", "")
        relation = relation if relation in ClaimLink.Relation.values else ""
        event_id, outlet_id = parse_id(params.get("event", "")), parse_id(params.get("outlet", ""))
        min_confidence = confidence_floor(params.get("confidence", ""))
        queue = selectors.review_links(
            relation=relation, event_id=event_id, outlet_id=outlet_id, min_confidence=min_confidence
        )
        page = paging.page_of(queue, params.get("page"), per_page=QUEUE_SIZE)
        page.rows = selectors.with_link_sides(page.rows)
        items_html = link_items_html(
            page.rows, here=self.request.get_full_path(), csrf_token=get_token(self.request)
        )
        context.update(
            tab="links",
            page=page,
            items=page.rows,
            items_html=items_html,
            pending=paging.count_of(queue, narrowed=True),
            relations=ClaimLink.Relation.choices,
            relation=relation,
            event_id=event_id,
            outlet_id=outlet_id,
            confidence=params.get("confidence", "") if min_confidence is not None else "",
            event_options=event_options(event_id),
            outlet_options=outlet_options(outlet_id),
            narrowed=bool(relation or event_id or outlet_id or min_confidence is not None),
        )
        return context


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def bulk_accept(request: HttpRequest) -> HttpResponse:
    """Accept every pending claim at or above the confidence threshold (of one kind, optionally).

    The first post shows how many claims it would accept and asks to confirm; the confirmed post
    accepts them as one batch, and the message that says so carries a button that undoes the batch.
    """
    form = BulkAcceptForm(request.POST)
    fallback = reverse("claims:review")
    if not form.is_valid():
        return refused(request, fallback, "Give a confidence threshold between 0 and 1.", form=form)
    threshold, kind = form.cleaned_data["threshold"], form.cleaned_data["kind"] or ""
    if request.POST.get("confirmed") != "yes":
        matching = Claim.objects.filter(review_status=Claim.ReviewStatus.PENDING, confidence__gte=threshold)
        if kind:
            matching = matching.filter(kind=kind)
        count = paging.count_of(matching, narrowed=True, cap=editing.BULK_LIMIT)
        kind_label = dict(Claim.Kind.choices).get(kind, "")
        return render(
            request,
            "claims/bulk_accept_confirm.html",
            {"form": form, "threshold": threshold, "kind": kind, "kind_label": kind_label, "count": count},
        )
    try:
        accepted = editing.bulk_accept(user=request.user, threshold=threshold, kind=kind)
    except ValidationError as error:
        return refused(request, fallback, " ".join(error.messages))
    messages.success(
        request,
        f"Accepted {accepted.count} claim{'s' if accepted.count != 1 else ''} with confidence ≥ {threshold:.2f}.",
    )
    if accepted.count:
        request.session["bulk_undo"] = {"batch": accepted.batch, "count": accepted.count}
    return answer(request, fallback, {"ok": True, "accepted": accepted.count, "batch": accepted.batch})


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def bulk_accept_undo(request: HttpRequest) -> HttpResponse:
    """Undo a bulk accept as one step (claims changed since keep their new state)."""
    fallback = reverse("claims:review")
    batch = request.POST.get("batch", "")[:32]
    try:
        undone = editing.bulk_accept_undo(user=request.user, batch=batch)
    except ValidationError as error:
        return refused(request, fallback, " ".join(error.messages))
    if request.session.get("bulk_undo", {}).get("batch") == batch:
        del request.session["bulk_undo"]
    kept = f" {undone.kept} changed since then and kept as they are." if undone.kept else ""
    messages.success(
        request,
        f"Undone: {undone.restored} claim{'s' if undone.restored != 1 else ''} back to pending.{kept}",
    )
    return answer(request, fallback, {"ok": True, "restored": undone.restored, "kept": undone.kept})


@login_required
@permission_required("claims.change_claimlink", raise_exception=True)
@require_POST
def link_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm (optionally with another relation) or reject a suggested link.

    A link changed since the page was made is not touched: 409 with who changed it (see conflicts).
    """
    link = ClaimLink.objects.filter(pk=pk).first()
    form = LinkReviewForm(request.POST)
    fallback = reverse("claims:review-links")
    if link is None:
        return conflict_answer(
            request,
            removed(ClaimLink, pk),
            title=named(ClaimLink, pk),
            rows=[],
            back=safe_next(request, fallback),
        )
    if not form.is_valid():
        return refused(request, fallback, form_problem(form, "Choose confirm or reject."))
    decision, relation = form.cleaned_data["decision"], form.cleaned_data["relation"]
    try:
        editing.link_review(
            link=link,
            user=request.user,
            decision=decision,
            relation=relation or None,
            expected_version=form.cleaned_data["version"],
        )
    except EditConflict as conflict:
        return link_review_conflict(request, conflict, decision, relation, fallback)
    messages.success(
        request,
        f"Link {link.get_status_display().lower()} ({link.get_relation_display().lower()}).",
    )
    return answer(
        request, fallback, {"ok": True, "id": link.pk, "status": link.status, "relation": link.relation}
    )


def link_review_conflict(
    request: HttpRequest, conflict: EditConflict, decision: str, relation: str, fallback: str
) -> HttpResponse:
    """409 for a decision on a link that changed since the page was made: theirs next to the stored one."""
    link = stored_row(conflict, ClaimLink)
    back = safe_next(request, fallback)
    if link is None:
        return conflict_answer(request, conflict, title=named(ClaimLink, conflict.pk), rows=[], back=back)
    decisions = choice_labels(LinkReviewForm, "decision")
    reviewer = f" by {link.reviewed_by}" if link.reviewed_by_id else ""
    rows = [
        Row("Decision", decisions[decision], f"{link.get_status_display()}{reviewer}"),
        Row(
            "Relation",
            ClaimLink.Relation(relation).label if relation else "as suggested",
            link.get_relation_display(),
        ),
    ]
    return conflict_answer(
        request,
        conflict,
        title=f"review of the {named(ClaimLink, link.pk)}",
        rows=rows,
        back=back,
        again={
            "action": reverse("claims:link-review", args=[link.pk]),
            "fields": [
                ("decision", decision),
                ("relation", relation),
                ("version", link.version),
                ("next", back),
            ],
            "label": f"{decisions[decision]} it now",
        },
        payload={"status": link.status, "relation": link.relation},
    )
