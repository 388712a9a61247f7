"""What the claims list keeps between requests to spare CPU (the filter form's class, the link-mark
conditions) carries no state from one request to the next, and `tracker.paging.pk_among`, the filter a
small filtered result's page is read through (one array parameter on PostgreSQL, `pk__in` elsewhere),
selects exactly the rows of the given ids."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext

from claims.filters import ClaimFilter
from claims.models import Claim, ClaimLink
from claims.selectors import with_link_marks
from sources.models import Outlet
from tests.web.conftest import quote_claim
from tracker.paging import pk_among

pytestmark = pytest.mark.django_db


def test_pk_among_selects_the_given_ids_and_no_others():
    outlets = [Outlet.objects.create(name=f"Among {n}") for n in range(5)]
    wanted = [outlets[4].pk, outlets[1].pk, outlets[2].pk]
    found = Outlet.objects.filter(pk_among(wanted)).order_by("-pk").values_list("pk", flat=True)
    assert list(found) == sorted(wanted, reverse=True)
    with CaptureQueriesContext(connection) as captured:
        assert not list(Outlet.objects.filter(pk_among([])))
    assert not captured.captured_queries  # an empty result is known without asking the database
    missing = max(o.pk for o in outlets) + 1000
    assert list(Outlet.objects.filter(pk_among([missing, outlets[0].pk])).values_list("pk", flat=True)) == [
        outlets[0].pk
    ]


def test_filter_forms_share_their_class_but_not_their_fields_or_values():
    """The form class is made once; each filter set's form still has its own fields and data: the
    outlets one page read do not become the known outlets of the next."""
    kept, fresh = Outlet.objects.create(name="Kept Herald"), Outlet.objects.create(name="Fresh Courier")
    first = ClaimFilter(QueryDict(f"outlet={kept.pk}"), outlets=[(kept.pk, "Kept Herald")])
    second = ClaimFilter(QueryDict(f"outlet={fresh.pk}&kind=date"))
    assert type(first.form) is type(second.form)
    for name, filter_ in first.filters.items():  # each filter set has its own filters
        assert filter_ is not second.filters[name] and filter_.parent is first, name
    assert second.filters["q"].filter.f is second.filters["q"]  # a method finds its own filter set
    assert first.form.fields["outlet"] is not second.form.fields["outlet"]
    assert first.form.is_valid() and first.form.cleaned_data["outlet"] == kept.pk
    assert first.form.cleaned_data["kind"] == ""
    assert second.form.fields["outlet"].known is None  # read from the outlets themselves
    assert second.form.is_valid(), second.form.errors
    assert second.form.cleaned_data["kind"] == "date"
    refused = ClaimFilter(QueryDict(f"outlet={fresh.pk}"), outlets=[(kept.pk, "Kept Herald")])
    assert "outlet" in refused.form.errors


def test_filter_form_fields_are_copied_as_django_copies_them_but_share_their_choices():
    """Each form gets its own fields, widgets, widget choice lists, messages and validators; only a
    choice field's choices are shared, and the form renders and validates as with Django's deep copy."""
    import copy

    data = QueryDict("kind=date&review_status=pending&sort=published&published_after=2025-01-02")
    form, other = ClaimFilter(data).form, ClaimFilter(QueryDict("")).form
    deep = type(form)(data, prefix=form.prefix)
    deep.fields = {name: copy.deepcopy(field) for name, field in type(form).base_fields.items()}
    for name, field in form.fields.items():
        twin, base = other.fields[name], type(form).base_fields[name]
        assert field is not twin and field is not base, name
        assert field.widget is not twin.widget and field.widget.attrs is not twin.widget.attrs, name
        assert field.error_messages is not twin.error_messages and field.validators is not twin.validators
        if hasattr(field.widget, "choices"):
            assert field.widget.choices is not twin.widget.choices, name
    form.fields["kind"].widget.attrs["data-mine"] = "1"
    assert "data-mine" not in other.fields["kind"].widget.attrs
    del form.fields["kind"].widget.attrs["data-mine"]
    assert form.is_valid() and deep.is_valid(), (form.errors, deep.errors)
    assert form.cleaned_data == deep.cleaned_data
    assert str(form) == str(deep)  # every widget, with its choices and the selected values


def test_link_conditions_made_once_still_select_each_query_on_its_own(article):
    """The corroborated / contradicted conditions are made once per process; used in several queries,
    negated and annotated, each query still gets its own rows."""
    came = quote_claim(article, "Two cargo ships")
    left = quote_claim(article, "120 workers", unit_class="workers")
    stayed = quote_claim(article, "2 April", kind="date")
    corroborates, contradicts = ClaimLink.Relation.CORROBORATES, ClaimLink.Relation.CONTRADICTS
    links = ClaimLink.objects  # pairs are stored smaller id first
    links.create(claim_a=came, claim_b=left, relation=corroborates, rationale="same ships")
    rejected = ClaimLink.Status.REJECTED
    links.create(claim_a=left, claim_b=stayed, relation=corroborates, status=rejected, rationale="no")
    links.create(claim_a=came, claim_b=stayed, relation=contradicts, rationale="another day")
    for _ in range(2):
        yes = ClaimFilter(QueryDict("has_corroboration=true"), queryset=Claim.objects.all()).qs
        no = ClaimFilter(QueryDict("has_corroboration=false"), queryset=Claim.objects.all()).qs
        against = ClaimFilter(QueryDict("has_contradiction=true"), queryset=Claim.objects.all()).qs
        marked = {c.pk: (c.corroborated, c.contradicted) for c in with_link_marks(Claim.objects.all())}
        assert {c.pk for c in yes} == {came.pk, left.pk}
        assert {c.pk for c in no} == {stayed.pk}
        assert {c.pk for c in against} == {came.pk, stayed.pk}
        assert marked == {came.pk: (True, True), left.pk: (True, False), stayed.pk: (False, True)}
