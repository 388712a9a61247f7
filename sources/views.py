"""The lists of articles and outlets; every page needs sign-in. (The reader and an outlet's page show
claims' data: claims.views.articles.)"""

from __future__ import annotations

from django.views.generic import TemplateView

from tracker import paging, search
from tracker.access import ViewAccessMixin

from . import selectors


class ArticleListView(ViewAccessMixin, TemplateView):
    template_name = "sources/article_list.html"
    permission_required = "sources.view_article"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        # NUL read as a space: PostgreSQL refuses it in a string (a 500 before)
        q = " ".join(self.request.GET.get("q", "").replace("\x00", " ").split())[:200]
        rows = selectors.article_search(q) if q else selectors.article_rows()
        page = paging.page_of(rows, self.request.GET.get("page"))
        note = search.fallback_note(q) if q and not search.indexable(q) else ""
        context.update(page=page, articles=page.rows, q=q, search_note=note)
        return context


class OutletListView(ViewAccessMixin, TemplateView):
    template_name = "sources/outlet_list.html"
    permission_required = "sources.view_outlet"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        page = paging.page_of(selectors.outlet_list(), self.request.GET.get("page"))
        counts = selectors.article_counts([outlet.pk for outlet in page.rows])
        for outlet in page.rows:
            outlet.article_count = counts.get(outlet.pk, 0)
        context.update(page=page, outlets=page.rows)
        return context
