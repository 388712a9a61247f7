"""Claims list and claim page, the claim edit form, and the writes made from an article selection."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from claims import selectors
from claims.filters import ClaimFilter
from claims.forms import (
    AnnotationEditForm,
    AnnotationForm,
    ArticleDetailsForm,
    ClaimEditForm,
    ClaimEventForm,
    ClaimFromSelectionForm,
    LinkCreateForm,
    ReviewForm,
    VerdictForm,
    VersionForm,
)
from claims.models import Annotation, Claim, Event
from claims.selectors import claim_page, listing
from claims.selectors.listing import ListedClaim
from claims.services import editing
from claims.services.editing import EditConflict
from claims.templatetags.polarity import polarity_mark_text
from claims.views import claim_rows, claim_sections
from claims.views.answers import form_problem, refused
from claims.views.claim_rows import escape
from claims.views.conflicts import (
    Row,
    choice_labels,
    conflict_answer,
    named,
    removed,
    safe_next,
    shorten,
    shown,
    stored_row,
)
from newstext import humanize
from sources import selectors as source_selectors
from sources.models import Article
from tracker import form_renderer, paging
from tracker.access import ViewAccessMixin, answer, back, can_edit


def value_text(claim: Claim | ListedClaim) -> str:
    """A claim's value written for people ("3.5 million dollars", "about 100 soldiers", "March 2025", the
    speaker of a statement); escaped. templates/claims/value.html shows the same through a template tag.
    (Escaped as format_html would, without its per-argument wrappers: the list writes 50 a page.)"""
    if claim.kind == Claim.Kind.QUANTITY and claim.unit_class == humanize.SHARE_CLASS:
        return mark_safe(
            escape(
                humanize.share(
                    claim.quantity_low,
                    claim.quantity_high,
                    claim.unit,
                    direction=claim.quantity_direction,
                    approximate=claim.quantity_approximate,
                )
            )
        )
    if claim.kind == Claim.Kind.QUANTITY:
        return mark_safe(
            escape(
                humanize.quantity(
                    claim.quantity_low,
                    claim.quantity_high,
                    claim.unit_class or claim.unit,
                    direction=claim.quantity_direction,
                    approximate=claim.quantity_approximate,
                )
            )
        )
    if claim.kind == Claim.Kind.DATE:
        shown = (
            humanize.period(
                claim.date_value, claim.date_precision, claim.date_end_value, claim.date_end_precision
            )
            or claim.date_shown
        )
        approximate = " (approx.)" if claim.date_approximate else ""
        return mark_safe(escape(shown) + approximate)
    speaker = claim.speaker.name if claim.speaker_id and claim.speaker else ""
    return mark_safe(
        escape(speaker or claim.speaker_mention or "unnamed") + polarity_mark_text(claim.polarity)
    )


def list_value_text(claim: ListedClaim) -> str:
    """The claims list's value column: a statement's is what was said (the speaker's words, its speaker
    is in the claim column), every other kind's is its value."""
    if claim.kind == Claim.Kind.STATEMENT:
        said = claim.words or claim.quote
        return mark_safe(f"\u201c{escape(shorten(said, 90))}\u201d{polarity_mark_text(claim.polarity)}")
    return value_text(claim)


def error_text(error: ValidationError) -> str:
    """The messages of a validation error as one sentence."""
    return " ".join(error.messages)


def past_end(asked: str | None, page: paging.Page) -> str:
    """The page number the request asked for when it lies past the list's end (no rows there), else ""."""
    if page.rows or page.number == 1:
        return ""
    return (asked or str(page.number))[:12]


# Filters kept in the URL by links (an actor's or event's page), not typed: their problem in words.
HIDDEN_FILTERS = {
    "speaker": "the speaker",
    "event": "the event",
    "article": "the article",
    "import_batch": "the import job",
}


def filter_problems(form) -> list[str]:
    """The filter form's errors as sentences that name the filter as the page labels it, not its field."""
    problems = []
    for name, errors in form.errors.items():
        if name in HIDDEN_FILTERS:
            problems.append(
                f"The link to {HIDDEN_FILTERS[name]} is not valid; clear the filters and follow it again."
            )
            continue
        field = form.fields.get(name)
        label = (field.label if field else "") or name.replace("_", " ").capitalize()
        for message in errors:
            problems.append(f"{label}: {message}")
    return problems


class ClaimListView(ViewAccessMixin, TemplateView):
    template_name = "claims/claim_list.html"
    permission_required = "claims.view_claim"

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        """The list; 400 (the form with its errors, no rows) when a filter value is invalid."""
        context = self.get_context_data(**kwargs)
        return self.render_to_response(context, status=400 if context["filter"].errors else 200)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        params = self.request.GET
        outlets = source_selectors.outlet_choices()
        # the filters narrow the bare claims, so that the ids' queries join only the tables a filter or
        # the order needs (the list rows' joins to article, outlet, speaker and event made a speaker's
        # ids cost 24 ms instead of 5 at 1M claims); the rows themselves are read as list rows
        # (claims.selectors.listing: the columns a row shows and its link marks)
        filterset = ClaimFilter(params, queryset=Claim.objects.all(), outlets=outlets)
        claims = filterset.qs
        size = paging.narrow(claims, narrowed=filterset.is_narrowed, likely_small=filterset.is_small)
        load = None
        if size.ids is not None:  # a small result: read the page by primary key, in the chosen order
            ids = paging.ids_on_page(size.ids, filterset.ordering, params, Claim)
            queryset = listing.listed().filter(paging.pk_among(ids)).order_by(*claims.query.order_by)
        elif filterset.is_narrowed or filterset.sort_key == "published" or paging.reads_by_offset(params):
            # a large filtered (or joined, or offset) result: the page's ordered ids first (the database
            # sorts and skips bare keys), then the rows by id
            queryset, load = claims, listing.listed_by_id
        else:  # the whole table read from a cursor in an indexed order: one query
            queryset = listing.listed().order_by(*claims.query.order_by)
        page = paging.claim_page(queryset, filterset.ordering, params, load=load)
        rows = claim_rows.prepare(page.rows, list_value_text)
        selected = str(filterset.form["outlet"].value() or "")
        context.update(
            filter_problems=filter_problems(filterset.form) if filterset.is_bound else [],
            outlet_options=claim_rows.options_html(outlets, selected),
            filter=filterset,
            widgets=form_renderer.widgets_html(
                filterset.form, exclude={"outlet"}
            ),  # the menu is written above
            search_note=filterset.search_note,
            page=page,
            claims=rows,
            rows_html=claim_rows.rows_html(rows),
            count=paging.count_seen(size.count, page),
            past_end=past_end(self.request.GET.get("page"), page),
        )
        return context


class ClaimDetailView(ViewAccessMixin, TemplateView):
    template_name = "claims/claim_detail.html"
    permission_required = "claims.view_claim"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        claim = claim_page.claim_for_page(kwargs["pk"])
        if claim is None:
            raise Http404("No such claim.")
        editor = can_edit(self.request.user)
        context.update(
            claim=claim,
            context=selectors.span_context(claim.article.body, claim.start, claim.end),
            links=claim_page.claim_links(claim),
            # the repeated rows and menus written in Python (claim_sections), the template's markup
            history_html=claim_sections.history_html(selectors.object_history(claim)),
            annotations=claim_page.claim_annotations(claim),
            can_edit=editor,
            verdict_sources=claim.verdict_sources.split(),
        )
        if editor:  # the editors' forms and menus: readers see none of them
            event_choices = claim_page.event_choices(claim)
            link_choices = selectors.link_choices(claim)
            context.update(
                verdict_form=VerdictForm(
                    initial={
                        "verdict": claim.verdict,
                        "note": claim.verdict_note,
                        "sources": claim.verdict_sources,
                    }
                ),
                # an empty form: the same markup on every page, rendered once per process
                link_widgets=form_renderer.widgets_html(LinkCreateForm()),
                link_choices=link_choices,
                link_options_html=claim_sections.link_options_html(link_choices),
                event_options_html=claim_sections.event_options_html(event_choices, claim.event_id),
                event_choice_ids={pk for pk, _, _ in event_choices},
            )
        return context


@login_required
@permission_required("claims.change_claim", raise_exception=True)
def claim_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the edit form of a claim's values; POST: save them (the claim becomes 'edited')."""
    claim = selectors.claim_detail().filter(pk=pk).first()
    if claim is None:
        if request.method != "POST":
            raise Http404(f"No claim {pk}.")
        return conflict_answer(
            request, removed(Claim, pk), title=named(Claim, pk), rows=[], back=reverse("claims:claim-list")
        )
    form = ClaimEditForm.for_claim(claim, data=request.POST if request.method == "POST" else None)
    context = {"claim": claim, "form": form, "next": request.GET.get("next", "")}
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            editing.claim_update(
                claim=claim,
                user=request.user,
                changes=form.values(),
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            if conflict.current is None:
                return conflict_answer(
                    request, conflict, title=named(Claim, pk), rows=[], back=reverse("claims:claim-list")
                )
            # Their input stays in the form, now on the stored version: saving again applies it.
            data = request.POST.copy()
            data["version"] = str(claim.version)
            return conflict_answer(
                request,
                conflict,
                title=named(Claim, pk),
                rows=claim_conflict_rows(form, claim),
                back=reverse("claims:claim-detail", args=[claim.pk]),
                template="claims/claim_edit.html",
                context={**context, "form": ClaimEditForm.for_claim(claim, data=data)},
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(request, "Claim saved and marked edited.")
            return back(request, reverse("claims:claim-detail", args=[claim.pk]))
    elif request.method == "POST" and "version" in form.errors:
        status = 400
    return render(request, "claims/claim_edit.html", context, status=status)


def claim_conflict_rows(form: ClaimEditForm, current: Claim) -> list[Row]:
    """The editor's values (a valid form) next to the claim's stored ones, field by field."""
    stored = ClaimEditForm.for_claim(current).initial
    rows = [
        Row(str(form[name].label), shown(form.cleaned_data.get(name)), shown(stored.get(name)))
        for name in form.KIND_FIELDS[current.kind]
    ]
    reviewer = f" by {current.reviewed_by}" if current.reviewed_by_id else ""
    rows.append(Row("Review", "Edited by you", f"{current.get_review_status_display()}{reviewer}"))
    return rows


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def claim_review(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept or reject a claim; answers JSON to the review page's script, else redirects back.

    A claim changed since the page was made is not touched: 409 with who changed it (see conflicts).
    """
    claim = Claim.objects.filter(pk=pk).first()
    form = ReviewForm(request.POST)
    fallback = reverse("claims:claim-detail", args=[pk])
    if claim is None:
        return conflict_answer(
            request,
            removed(Claim, pk),
            title=named(Claim, pk),
            rows=[],
            back=safe_next(request, reverse("claims:review")),
        )
    if not form.is_valid():
        return refused(request, fallback, form_problem(form, "Choose accept or reject."))
    decision = form.cleaned_data["decision"]
    try:
        editing.claim_review(
            claim=claim, user=request.user, decision=decision, expected_version=form.cleaned_data["version"]
        )
    except EditConflict as conflict:
        return claim_review_conflict(request, conflict, decision, fallback)
    messages.success(
        request, f"Claim “{shorten(claim.said, 60)}” {claim.get_review_status_display().lower()}."
    )
    return answer(request, fallback, {"ok": True, "id": claim.pk, "status": claim.review_status})


def claim_review_conflict(
    request: HttpRequest, conflict: EditConflict, decision: str, fallback: str
) -> HttpResponse:
    """409 for a review decision on a claim that changed (or went) since the page was made."""
    claim = stored_row(conflict, Claim)
    if claim is None:
        return conflict_answer(
            request,
            conflict,
            title=named(Claim, conflict.pk),
            rows=[],
            back=safe_next(request, reverse("claims:review")),
        )
    reviewer = f" by {claim.reviewed_by}" if claim.reviewed_by_id else ""
    current = f"{claim.get_review_status_display()}{reviewer}"
    theirs = choice_labels(ReviewForm, "decision")[decision]
    return conflict_answer(
        request,
        conflict,
        title=f"review of {named(Claim, claim.pk)}",
        rows=[Row("Review", theirs, current)],
        back=reverse("claims:claim-detail", args=[claim.pk]),
        again={
            "action": reverse("claims:claim-review", args=[claim.pk]),
            "fields": [
                ("decision", decision),
                ("version", claim.version),
                ("next", safe_next(request, fallback)),
            ],
            "label": f"{theirs} it now",
        },
        payload={"status": claim.review_status},
    )


@login_required
@permission_required("claims.add_claimlink", raise_exception=True)
@require_POST
def link_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Link this claim to another one picked on its page (confirmed at once: an editor made it)."""
    claim = get_object_or_404(Claim, pk=pk)
    form = LinkCreateForm(request.POST)
    fallback = reverse("claims:claim-detail", args=[pk])
    if not form.is_valid():
        return refused(request, fallback, "Choose the other claim and how it relates to this one.", form=form)
    other = Claim.objects.filter(pk=form.cleaned_data["other"]).first()
    try:
        if other is None:
            raise ValidationError("That claim is no longer stored; choose another one.")
        editing.link_create(
            claim=claim,
            other=other,
            relation=form.cleaned_data["relation"],
            rationale=form.cleaned_data["rationale"],
            user=request.user,
        )
    except ValidationError as error:
        return refused(request, fallback, error_text(error))
    messages.success(request, "Link saved.")
    return answer(request, fallback, {"ok": True})


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def claim_event(request: HttpRequest, pk: int) -> HttpResponse:
    """Attach the claim to the event picked on its page, or detach it."""
    claim = get_object_or_404(Claim, pk=pk)
    form = ClaimEventForm(request.POST)
    back_to = reverse("claims:claim-detail", args=[pk])
    if not form.is_valid():
        return refused(request, back_to, "Choose an event, or “No event” to detach the claim.", form=form)
    event_id = form.cleaned_data["event"]
    event = Event.objects.filter(pk=event_id).first() if event_id else None
    if event_id and event is None:
        return refused(request, back_to, "That event is no longer stored; choose another one.")
    try:
        editing.claim_set_event(
            claim=claim, event=event, user=request.user, expected_version=form.cleaned_data["version"]
        )
    except EditConflict as conflict:
        current = stored_row(conflict, Claim)
        return conflict_answer(
            request,
            conflict,
            title=f"event of {named(Claim, pk)}",
            rows=[Row("Event", shown(event), shown(current.event if current is not None else None))],
            back=reverse("claims:claim-detail", args=[pk]),
            again={
                "action": reverse("claims:claim-event", args=[pk]),
                "fields": [("event", event_id or ""), ("version", current.version if current else "")],
                "label": "Attach it now" if event else "Detach it now",
            },
        )
    messages.success(request, f"Claim attached to “{event}”." if event else "Claim detached from its event.")
    return answer(request, back_to, {"ok": True})


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def claim_verdict(request: HttpRequest, pk: int) -> HttpResponse:
    """Give (or clear) the editors' fact-check verdict on the claim, with a note and sources."""
    claim = get_object_or_404(Claim, pk=pk)
    form = VerdictForm(request.POST)
    back_to = reverse("claims:claim-detail", args=[pk])
    if not form.is_valid():
        return refused(request, back_to, form_problem(form, "Choose a verdict."))
    data = form.cleaned_data
    try:
        editing.claim_set_verdict(
            claim=claim,
            user=request.user,
            verdict=data["verdict"],
            note=data["note"],
            sources=data["sources"],
            expected_version=data["version"],
        )
    except ValidationError as error:
        return refused(request, back_to, error_text(error))
    except EditConflict as conflict:
        current = stored_row(conflict, Claim)
        theirs = choice_labels(VerdictForm, "verdict")[data["verdict"]]
        stored = (current.get_verdict_display() or "No verdict") if current is not None else "—"
        return conflict_answer(
            request,
            conflict,
            title=f"verdict on {named(Claim, pk)}",
            rows=[Row("Verdict", theirs, stored)],
            back=back_to,
            again={
                "action": reverse("claims:claim-verdict", args=[pk]),
                "fields": [
                    ("verdict", data["verdict"]),
                    ("note", data["note"]),
                    ("sources", data["sources"]),
                    ("version", current.version if current is not None else ""),
                ],
                "label": "Save the verdict now",
            },
        )
    if claim.verdict:
        messages.success(request, f"Verdict saved: {claim.get_verdict_display()}.")
    else:
        messages.success(request, "Verdict removed; the claim is no longer published as a fact-check.")
    return answer(request, back_to, {"ok": True, "verdict": claim.verdict})


def article_url(article: Article) -> str:
    """The reader page of an article."""
    return reverse("sources:article-detail", args=[article.pk])


@login_required
@permission_required("claims.add_annotation", raise_exception=True)
@require_POST
def annotation_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Save an annotation on the selection sent from the article reader."""
    article = get_object_or_404(Article, pk=pk)
    form = AnnotationForm(request.POST)
    if not form.is_valid():
        return refused(
            request, article_url(article), "The selection was incomplete; select the text again.", form=form
        )
    data = form.cleaned_data
    claim = Claim.objects.filter(pk=data["claim"], article=article).first() if data.get("claim") else None
    try:
        annotation = editing.annotation_create(
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
        return refused(request, article_url(article), error_text(error))
    messages.success(request, f"Annotation saved on “{annotation.quote[:60]}”.")
    return answer(request, article_url(article), {"ok": True, "id": annotation.pk})


@login_required
@permission_required("claims.add_claim", raise_exception=True)
@require_POST
def claim_from_selection(request: HttpRequest, pk: int) -> HttpResponse:
    """Create a claim from the selection sent from the article reader."""
    article = get_object_or_404(Article, pk=pk)
    form = ClaimFromSelectionForm(request.POST)
    if not form.is_valid():
        return refused(
            request, article_url(article), f"The claim was not saved: {form_problem(form)}", form=form
        )
    data = form.cleaned_data
    try:
        claim = editing.claim_create_from_selection(
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
        return refused(request, article_url(article), error_text(error))
    messages.success(request, f"{claim.get_kind_display()} claim created.")
    covering = dict(
        Claim.objects.filter(article=article, start__lt=claim.end, end__gt=claim.start)
        .exclude(pk=claim.pk)
        .values_list("pk", "quote")[:5]
    )
    if covering:
        quotes = ", ".join(f"“{shorten(quote, 50)}”" for quote in covering.values())
        messages.warning(
            request,
            f"The new claim overlaps {'the claim' if len(covering) == 1 else 'the claims'} {quotes}: in the "
            "text its highlight is drawn together with theirs; review them on their claim pages.",
        )
    return answer(request, article_url(article), {"ok": True, "id": claim.pk, "overlaps": list(covering)})


@login_required
@permission_required("claims.change_annotation", raise_exception=True)
def annotation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the edit form of an annotation's note and tags; POST: save them (refused when it changed)."""
    annotation = Annotation.objects.select_related("article", "created_by").filter(pk=pk).first()
    if annotation is None:
        if request.method != "POST":
            raise Http404(f"No annotation {pk}.")
        return conflict_answer(
            request,
            removed(Annotation, pk),
            title=named(Annotation, pk),
            rows=[],
            back=reverse("sources:article-list"),
        )
    form = AnnotationEditForm.for_annotation(
        annotation, data=request.POST if request.method == "POST" else None
    )
    context = {
        "annotation": annotation,
        "form": form,
        "delete_form": VersionForm(initial={"version": annotation.version}),
        "history": selectors.annotation_history(annotation),
    }
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            editing.annotation_update(
                annotation=annotation,
                user=request.user,
                note=form.cleaned_data["note"],
                tags=form.cleaned_data["tags"],
                expected_version=form.cleaned_data["version"],
            )
        except EditConflict as conflict:
            return annotation_conflict(request, conflict, annotation, form=form)
        messages.success(request, "Annotation saved.")
        return back(request, f"{article_url(annotation.article)}#n{annotation.pk}")
    if request.method == "POST" and "version" in form.errors:
        status = 400
    return render(request, "claims/annotation_edit.html", context, status=status)


@login_required
@permission_required("claims.delete_annotation", raise_exception=True)
@require_POST
def annotation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete an annotation, unless it changed since the page was made (then 409 with its current values)."""
    annotation = Annotation.objects.select_related("article").filter(pk=pk).first()
    if annotation is None:
        return conflict_answer(
            request,
            removed(Annotation, pk),
            title=named(Annotation, pk),
            rows=[],
            back=reverse("sources:article-list"),
        )
    form = VersionForm(request.POST)
    if not form.is_valid():
        return refused(request, article_url(annotation.article), form_problem(form))
    try:
        editing.annotation_delete(
            annotation=annotation, user=request.user, expected_version=form.cleaned_data["version"]
        )
    except EditConflict as conflict:
        return annotation_conflict(request, conflict, annotation, form=None)
    messages.success(request, f"Annotation on “{annotation.quote[:60]}” deleted.")
    return answer(request, article_url(annotation.article), {"ok": True, "id": pk})


def annotation_conflict(
    request: HttpRequest, conflict: EditConflict, annotation: Annotation, *, form: AnnotationEditForm | None
) -> HttpResponse:
    """409: the edit page again, the editor's input (or the delete they asked for) next to the stored values."""
    back_url = f"{article_url(annotation.article)}#n{annotation.pk}"
    if conflict.current is None:
        return conflict_answer(
            request, conflict, title=named(Annotation, conflict.pk), rows=[], back=back_url
        )
    stored = AnnotationEditForm.for_annotation(annotation).initial
    if form is not None:  # an edit: their note and tags stay in the form, now on the stored version
        data = request.POST.copy()
        data["version"] = str(annotation.version)
        theirs_tags = ", ".join(editing.tag_names(form.cleaned_data["tags"]))
        rows = [
            Row("Note", shown(form.cleaned_data["note"].strip()), shown(stored["note"])),
            Row("Tags", shown(theirs_tags), shown(stored["tags"])),
        ]
        shown_form = AnnotationEditForm.for_annotation(annotation, data=data)
    else:  # a delete: the form shows the stored values; deleting needs the new version
        rows = [Row("Annotation", "Delete it", "Kept, with the values below")]
        shown_form = AnnotationEditForm.for_annotation(annotation)
    return conflict_answer(
        request,
        conflict,
        title="annotation",
        rows=rows,
        back=back_url,
        template="claims/annotation_edit.html",
        context={
            "annotation": annotation,
            "form": shown_form,
            "delete_form": VersionForm(initial={"version": annotation.version}),
        },
    )


@login_required
@permission_required("claims.change_claim", raise_exception=True)
@require_POST
def article_details(request: HttpRequest, pk: int) -> HttpResponse:
    """POST from the reader: set or correct the article's title, outlet and publication date; its claims
    are re-resolved at once. A change made on an older version of the details is refused (409)."""
    article = get_object_or_404(Article.objects.select_related("outlet").defer("original"), pk=pk)
    form = ArticleDetailsForm.for_article(article, data=request.POST)
    fallback = reverse("sources:article-detail", args=[pk])
    if not form.is_valid():
        return refused(
            request, fallback, f"The article's details were not saved ({form_problem(form)}).", form=form
        )
    data = form.cleaned_data
    try:
        article = editing.article_details_update(
            article=article,
            user=request.user,
            title=data["title"] or "",
            outlet_name=data["outlet"] or "",
            published_on=data["published_on"],
            expected_version=data["edit_version"],
        )
    except editing.ArticleDetailsConflict as conflict:
        return refused(request, fallback, conflict.message, status=409)
    messages.success(request, "Article details saved; its dates were read again.")
    return answer(request, fallback, {"ok": True, "edit_version": article.edit_version})
