"""The article reader (text, claims, annotations, versions), its annotation history, and an outlet's
page with its claims: pages of sources' rows whose content is claims' data, so they live here."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from claims import selectors
from claims.forms import ArticleDetailsForm, ClaimFromSelectionForm
from claims.models import Annotation, Claim
from claims.selectors import article_page
from claims.views import article_sections
from sources import selectors as source_selectors
from sources.models import Article, Outlet
from tracker import form_renderer, paging
from tracker.access import ViewAccessMixin, can_edit


def web_link(url: str) -> str:
    """`url` when it is an http(s) address, safe to offer as a link; else "" (javascript:, data: and the rest)."""
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return ""
    return url if scheme in ("http", "https") else ""


class ArticleDetailView(ViewAccessMixin, TemplateView):
    template_name = "sources/article_detail.html"
    permission_required = "sources.view_article"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # each read compiled once per process, the repeated markup written in Python (article_sections)
        article = article_page.article_for_page(kwargs["pk"])
        if article is None:
            raise Http404("No Article matches the given query.")
        claims = article_page.article_claims(article)
        notes = article_page.article_notes(article)
        orphans = []
        if article.url and article.version > 1:
            orphans = list(
                Annotation.objects.filter(
                    article__url=article.url, article__version__lt=article.version, orphaned=True
                )
                .select_related("created_by", "article")
                .defer("article__body", "article__original")
                .order_by("-article__version", "start")[:100]
            )
        editor = can_edit(self.request.user)
        context.update(
            article=article,
            original_url=web_link(article.url),
            body_html=article_sections.body_html(
                source_selectors.article_segments(article, claims=claims, annotations=notes)
            ),
            claims=claims,
            claims_html=article_sections.claim_index_html(claims),
            claim_kinds=Claim.Kind.choices,
            annotations=notes,
            annotations_html=article_sections.notes_html(notes, can_edit=editor),
            orphans=orphans,
            versions=article_page.article_versions(article),
            events=article_page.article_events(article),
            can_edit=editor,
            dates_waiting=sum(
                1 for c in claims if c.kind == Claim.Kind.DATE and c.date_value is None and c.date_precision
            ),
        )
        if editor:
            context.update(
                claim_options_html=article_sections.claim_options_html(claims),
                # the selection panel's empty form: the same markup on every page, rendered once
                claim_widgets=form_renderer.widgets_html(ClaimFromSelectionForm()),
                details_form=ArticleDetailsForm.for_article(article),
            )
        return context


class ArticleAnnotationHistoryView(ViewAccessMixin, TemplateView):
    """Every change to the article's annotations, newest first, with who made it: the desk is shared
    (any editor may change or delete any annotation), so this is where to see who did."""

    template_name = "sources/annotation_history.html"
    permission_required = "sources.view_article"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        article = get_object_or_404(Article.objects.only("id", "title", "version"), pk=kwargs["pk"])
        context.update(article=article, history=selectors.article_annotation_history(article))
        return context


class OutletDetailView(ViewAccessMixin, TemplateView):
    template_name = "sources/outlet_detail.html"
    permission_required = "sources.view_outlet"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        outlet = get_object_or_404(Outlet, pk=kwargs["pk"])
        articles = source_selectors.article_rows().filter(outlet=outlet)
        page = paging.page_of(articles, self.request.GET.get("page"), per_page=25)
        claims = selectors.claims_with_sources().filter(article__outlet=outlet)
        context.update(
            outlet=outlet,
            page=page,
            articles=page.rows,
            article_count=paging.count_of(articles, narrowed=True),
            claims=list(selectors.latest_outlet_claims(outlet.pk, 30)),
            claim_count=paging.count_of(claims, narrowed=True),
        )
        return context
