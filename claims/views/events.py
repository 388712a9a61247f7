"""Events and actors: browsable lists, the event comparison page and an actor's statements."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import TemplateView

from claims import selectors
from claims.forms import EventForm
from claims.models import Claim, Event
from claims.selectors import event_page
from claims.selectors.event_table import event_comparison
from claims.services import editing
from claims.views import event_sections
from tracker import paging
from tracker.access import ViewAccessMixin, can_edit


def counts_by(queryset, key: str, ids: list[int]) -> dict[int, int]:
    """{id: number of rows} of `queryset` grouped by `key` over the given ids (one query)."""
    if not ids:
        return {}
    rows = queryset.filter(**{f"{key}__in": ids}).order_by().values(key).annotate(n=Count("pk"))
    return {row[key]: row["n"] for row in rows}


class EventListView(ViewAccessMixin, TemplateView):
    template_name = "claims/event_list.html"
    permission_required = "claims.view_event"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = paging.page_of(selectors.event_list(), self.request.GET.get("page"))
        ids = [event.pk for event in page.rows]
        articles = counts_by(Event.articles.through.objects, "event_id", ids)
        claims = counts_by(Claim.objects, "event_id", ids)
        for event in page.rows:
            event.article_count, event.claim_count = articles.get(event.pk, 0), claims.get(event.pk, 0)
        context.update(page=page, events=page.rows, can_edit=can_edit(self.request.user), form=EventForm())
        return context


class EventDetailView(ViewAccessMixin, TemplateView):
    template_name = "claims/event_detail.html"
    permission_required = "claims.view_event"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        event = event_page.event_for_page(kwargs["pk"])
        if event is None:
            raise Http404("No Event matches the given query.")
        comparison = event_comparison(event)
        articles = event_page.event_articles(event)
        context.update(
            event=event,
            comparison=comparison,
            can_review=self.request.user.has_perm("claims.change_claimlink"),
            articles=articles,
            sections=event_sections.sections_html(comparison, articles),
        )
        return context


@login_required
@permission_required("claims.add_event", raise_exception=True)
def event_create(request: HttpRequest) -> HttpResponse:
    """GET: the new-event form; POST: create the event and go to its page."""
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            event = editing.event_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            messages.success(request, "Event created.")
            return redirect("claims:event-detail", pk=event.pk)
    return render(request, "claims/event_form.html", {"form": form})


class ActorListView(ViewAccessMixin, TemplateView):
    template_name = "claims/actor_list.html"
    permission_required = "claims.view_actor"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        search = self.request.GET.get("q", "").strip()
        page = paging.page_of(selectors.actor_list(search), self.request.GET.get("page"))
        context.update(page=page, actors=page.rows, q=search)
        return context


class ActorDetailView(ViewAccessMixin, TemplateView):
    template_name = "claims/actor_detail.html"
    permission_required = "claims.view_actor"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        actor = get_object_or_404(selectors.actor_detail(), pk=kwargs["pk"])
        statements = selectors.claims_with_sources().filter(speaker=actor).order_by("-id")
        page = paging.page_of(statements, self.request.GET.get("page"))
        context.update(
            actor=actor, page=page, statements=page.rows, count=paging.count_of(statements, narrowed=True)
        )
        return context
