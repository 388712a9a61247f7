"""The "check a claim against the corpus" page: a claim sentence in, articles that agree, disagree or
discuss it out (claims.selectors.claim_check finds and classifies them)."""

from __future__ import annotations

from django import forms
from django.views.generic import TemplateView

from claims.linking.check import MAX_CHARS, claim_problem
from claims.selectors.claim_check import CANDIDATES, claim_check
from sources.models import Outlet
from tracker.access import ViewAccessMixin

GROUP_TITLES = (
    ("agree", "Agree"),
    ("disagree", "Disagree"),
    ("discuss", "Discuss without taking a side"),
)


class ClaimCheckForm(forms.Form):
    claim = forms.CharField(
        max_length=MAX_CHARS,
        widget=forms.Textarea(
            attrs={"rows": 2, "placeholder": "A claim sentence, e.g. a headline or a quote"}
        ),
    )
    outlet = forms.ModelChoiceField(
        queryset=Outlet.objects.only("id", "name").order_by("name"), required=False, empty_label="Any outlet"
    )
    published_from = forms.DateField(
        required=False, label="Published from", widget=forms.DateInput(attrs={"type": "date"})
    )
    published_to = forms.DateField(required=False, label="to", widget=forms.DateInput(attrs={"type": "date"}))

    def clean_claim(self) -> str:
        claim = " ".join(self.cleaned_data["claim"].split())
        problem = claim_problem(claim)
        if problem:
            raise forms.ValidationError(problem)
        return claim

    def clean(self) -> dict:
        super().clean()
        data = self.cleaned_data
        start, end = data.get("published_from"), data.get("published_to")
        if start and end and start > end:
            self.add_error("published_to", "The end of the date range is before its start.")
        return data


class ClaimCheckView(ViewAccessMixin, TemplateView):
    template_name = "claims/claim_check.html"
    permission_required = "claims.view_claim"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        asked = "claim" in self.request.GET
        form = ClaimCheckForm(self.request.GET if asked else None)
        result = None
        if asked and form.is_valid():
            data = form.cleaned_data
            result = claim_check(
                data["claim"],
                outlet=data["outlet"],
                published_from=data["published_from"],
                published_to=data["published_to"],
            )
        groups = [(key, title, result.groups[key]) for key, title in GROUP_TITLES] if result else []
        context.update(form=form, result=result, groups=groups, limit=CANDIDATES)
        return context
