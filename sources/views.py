from django.views.generic import DetailView, ListView

from . import selectors


class ArticleListView(ListView):
    template_name = "sources/article_list.html"
    context_object_name = "articles"
    paginate_by = 50

    def get_queryset(self):
        return selectors.article_list()


class ArticleDetailView(DetailView):
    template_name = "sources/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return selectors.article_list()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["segments"] = selectors.article_segments(self.object)
        return context
