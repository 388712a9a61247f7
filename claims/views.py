"""Claims list and claim page, the claim edit form, and the writes made from an article selection."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.html import format_html_join
from django.views.generic import TemplateView

from sources.models import Article, Outlet

from . import editorial, selectors
from .access import ViewAccessMixin, answer, back, can_edit, editor_post
from .filters import ClaimFilter
from .forms import (
    AnnotationForm,
    ClaimEditForm,
    ClaimEventForm,
    ClaimFromSelectionForm,
    LinkCreateForm,
    ReviewForm,
)
from .models import Claim, Event


def url_maker(name: str) -> Callable[[int], str]:
    """A function giving the URL of `name` for an id, reversing the route once (not once per row)."""
    marker = 2_147_483_647
    pattern = reverse(name, args=[marker]).replace(str(marker), "{}")
    return pattern.format


def shorten(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters, with an ellipsis when cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def error_text(error: ValidationError) -> str:
    """The messages of a validation error as one sentence."""
    return " ".join(error.messages)


class ClaimListView(ViewAccessMixin, TemplateView):
    template_name = "claims/claim_list.html"
    permission_required = "claims.view_claim"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        filterset = ClaimFilter(self.request.GET, queryset=selectors.claim_list())
        queryset = filterset.qs
        size = selectors.narrow(queryset, narrowed=filterset.is_narrowed)
        if size.ids is not None:  # a small result: read the page by primary key, in the chosen order
            queryset = selectors.claim_list().filter(pk__in=size.ids).order_by(*queryset.query.order_by)
        page = selectors.page_of(queryset, self.request.GET.get("page"))
        marks = selectors.link_marks([claim.pk for claim in page.rows])
        # The rows' links and short texts are made here: 50 rows x 5 {% url %} and truncatechars
        # in the template cost more than the page's SQL.
        claim_url, article_url, outlet_url, event_url = (
            url_maker(name)
            for name in (
                "claims:claim-detail",
                "sources:article-detail",
                "sources:outlet-detail",
                "claims:event-detail",
            )
        )
        for claim in page.rows:
            article = claim.article
            claim.link_relations = marks.get(claim.pk, set())
            claim.url, claim.short_quote = claim_url(claim.pk), shorten(claim.quote, 140)
            claim.article_url, claim.short_title = article_url(article.pk), shorten(article.title, 50)
            claim.outlet_url = outlet_url(article.outlet_id) if article.outlet_id else ""
            claim.event_url = event_url(claim.event_id) if claim.event_id else ""
        selected = str(filterset.form["outlet"].value() or "")
        context.update(
            outlet_options=format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                (
                    (o.pk, " selected" if str(o.pk) == selected else "", o.name)
                    for o in Outlet.objects.only("id", "name")
                ),
            ),
            filter=filterset,
            page=page,
            claims=page.rows,
            count=size.count,
        )
        return context


class ClaimDetailView(ViewAccessMixin, TemplateView):
    template_name = "claims/claim_detail.html"
    permission_required = "claims.view_claim"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        claim = get_object_or_404(selectors.claim_detail(), pk=kwargs["pk"])
        context.update(
            claim=claim,
            context=selectors.span_context(claim.article.body, claim.start, claim.end),
            links=selectors.claim_links(claim),
            history=selectors.object_history(claim),
            annotations=list(claim.annotations.select_related("created_by").order_by("start", "id")[:50]),
            can_edit=can_edit(self.request.user),
            link_form=LinkCreateForm(),
            event_form=ClaimEventForm(initial={"event": claim.event_id}),
        )
        return context


def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the edit form of a claim's values; POST: save them (the claim becomes 'edited')."""
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not can_edit(request.user):
        raise PermissionDenied("Only editors can edit claims.")
    claim = get_object_or_404(selectors.claim_detail(), pk=pk)
    form = ClaimEditForm.for_claim(claim, data=request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            editorial.claim_update(claim=claim, user=request.user, changes=form.values())
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, "Claim saved and marked edited.")
            return back(request, reverse("claims:claim-detail", args=[claim.pk]))
    return render(
        request, "claims/claim_edit.html", {"claim": claim, "form": form, "next": request.GET.get("next", "")}
    )


@editor_post("claims.change_claim")
def claim_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or reject a claim; answers JSON to the review page's script, else redirects back."""
    claim = get_object_or_404(Claim, pk=pk)
    form = ReviewForm(request.POST)
    fallback = reverse("claims:claim-detail", args=[pk])
    if not form.is_valid():
        messages.error(request, "Choose accept or reject.")
        return answer(request, fallback, {"ok": False, "error": "Choose accept or reject."}, status=400)
    editorial.claim_review(claim=claim, user=request.user, decision=form.cleaned_data["decision"])
    messages.success(request, f"Claim {claim.pk} {claim.get_review_status_display().lower()}.")
    return answer(request, fallback, {"ok": True, "id": claim.pk, "status": claim.review_status})


@editor_post("claims.add_claimlink")
def link_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Link this claim to another one by id (confirmed at once: an editor made it)."""
    claim = get_object_or_404(Claim, pk=pk)
    form = LinkCreateForm(request.POST)
    fallback = reverse("claims:claim-detail", args=[pk])
    if form.is_valid():
        other = Claim.objects.filter(pk=form.cleaned_data["other"]).first()
        try:
            if other is None:
                raise ValidationError("There is no claim with that id.")
            editorial.link_create(
                claim=claim,
                other=other,
                relation=form.cleaned_data["relation"],
                rationale=form.cleaned_data["rationale"],
                user=request.user,
            )
            messages.success(request, "Link saved.")
        except ValidationError as error:
            messages.error(request, error_text(error))
    else:
        messages.error(request, "Give the other claim's id and a relation.")
    return answer(request, fallback, {"ok": True})


@editor_post("claims.change_claim")
def claim_event(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the claim to an event by id, or detach it."""
    claim = get_object_or_404(Claim, pk=pk)
    form = ClaimEventForm(request.POST)
    if form.is_valid():
        event_id = form.cleaned_data["event"]
        event = get_object_or_404(Event, pk=event_id) if event_id else None
        editorial.claim_set_event(claim=claim, event=event, user=request.user)
        messages.success(
            request, f"Claim attached to “{event}”." if event else "Claim detached from its event."
        )
    return answer(request, reverse("claims:claim-detail", args=[pk]), {"ok": form.is_valid()})


def article_url(article: Article) -> str:
    """The reader page of an article."""
    return reverse("sources:article-detail", args=[article.pk])


@editor_post("claims.add_annotation")
def annotation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Save an annotation on the selection sent from the article reader."""
    article = get_object_or_404(Article, pk=pk)
    form = AnnotationForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The selection was incomplete; select the text again.")
        return answer(request, article_url(article), {"ok": False, "errors": form.errors}, status=400)
    data = form.cleaned_data
    claim = Claim.objects.filter(pk=data["claim"], article=article).first() if data.get("claim") else None
    try:
        annotation = editorial.annotation_create(
            article=article,
            user=request.user,
            start=data["start"],
            end=data["end"],
            quote=data["quote"],
            prefix=data["prefix"],
            suffix=data["suffix"],
            note=data["note"],
            tags=data["tags"],
            claim=claim,
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return answer(request, article_url(article), {"ok": False, "error": error_text(error)}, status=400)
    messages.success(request, f"Annotation saved on “{annotation.quote[:60]}”.")
    return answer(request, article_url(article), {"ok": True, "id": annotation.pk})


@editor_post("claims.add_claim")
def claim_from_selection(request: HttpRequest, pk: int) -> HttpResponse:
    """Create a claim from the selection sent from the article reader."""
    article = get_object_or_404(Article, pk=pk)
    form = ClaimFromSelectionForm(request.POST)
    if not form.is_valid():
        problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items())
        messages.error(request, f"The claim was not saved: {problems}")
        return answer(request, article_url(article), {"ok": False, "errors": form.errors}, status=400)
    data = form.cleaned_data
    try:
        claim = editorial.claim_create_from_selection(
            article=article,
            user=request.user,
            start=data["start"],
            end=data["end"],
            quote=data["quote"],
            prefix=data["prefix"],
            suffix=data["suffix"],
            kind=data["kind"],
            values=form.values(),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
        return answer(request, article_url(article), {"ok": False, "error": error_text(error)}, status=400)
    messages.success(request, f"{claim.get_kind_display()} claim created.")
    return answer(request, article_url(article), {"ok": True, "id": claim.pk})
