from django.views.generic import DetailView, ListView

from . import selectors


class ClaimListView(ListView):
    template_name = "claims/claim_list.html"
    context_object_name = "claims"
    paginate_by = 50

    def get_queryset(self):
        return selectors.claim_list()


class ClaimDetailView(DetailView):
    template_name = "claims/claim_detail.html"
    context_object_name = "claim"

    def get_queryset(self):
        return selectors.claim_list()
