"""The claims FilterSet: facets, full-text search and sort orders, shared by the web list, export and API.

Every filter maps to an indexed column (see claims.models.Claim.Meta.indexes) or a bounded join, and
every sort order ends on the unique id so pages are stable. Search uses the stored, GIN-indexed
search vector on PostgreSQL and a plain icontains on SQLite.
"""

from __future__ import annotations

import copy
import functools

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet

from sources.selectors import outlet_choices
from tracker import search
from tracker.ids import MAX_ID

from .extraction.actors import normalize_name
from .models import Actor, ActorAlias, Claim, ClaimLink

# key -> (label, ordering); the last field is always the unique key.
SORTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "new": ("Newest first", ("-id",)),
    "old": ("Oldest first", ("id",)),
    "published": ("Article date, newest", ("-article__published_on", "-id")),
    "confidence": ("Confidence, highest", ("-confidence", "-id")),
    "low_confidence": ("Confidence, lowest", ("confidence", "id")),
}
DEFAULT_SORT = "new"
# Filters that usually select at most a couple of thousand claims, even at 1M (see ClaimFilter.is_small).
# Not a speaker's name: a common first name matches many speakers (three of the bench's four names
# select 6,000-13,000 of 1M claims), where reading 2,001 ids before the estimate costs more than it saves.
SMALL_FILTERS = ("outlet", "speaker", "event", "article")
YES_NO_ANY = [("", "Any"), ("true", "Yes"), ("false", "No")]


@functools.cache
def links_exist(relation: str) -> Exists:
    """An EXISTS over the claim's non-rejected links with `relation`, from either side of the pair.

    One EXISTS with the OR inside lets PostgreSQL probe both link indexes per claim (a BitmapOr);
    two OR-ed EXISTS would make it hash the whole links table on every request. Made once per process
    (every list page used two): a query resolves a copy of it, never the expression itself.
    """
    live = ClaimLink.objects.filter(relation=relation).exclude(status=ClaimLink.Status.REJECTED)
    return Exists(live.filter(Q(claim_a=OuterRef("pk")) | Q(claim_b=OuterRef("pk"))))


def search_claims(queryset: QuerySet[Claim], text: str) -> QuerySet[Claim]:
    """`queryset` narrowed to claims matching `text`: web-search syntax on PostgreSQL, substring on SQLite.

    A PostgreSQL search of stop words only ("the", "between") is an empty query there, which matched
    nothing: it is a substring match too (`search.indexable`).
    """
    text = text.strip()
    if not text:
        return queryset
    if connection.vendor == "postgresql" and search.indexable(text):
        return queryset.filter(
            search_vector=SearchQuery(text, config=search.SEARCH_CONFIG, search_type="websearch")
        )
    text = search.plain_words(text) if connection.vendor == "postgresql" else text
    if not text:
        return queryset.none()
    return queryset.filter(
        Q(quote__icontains=text) | Q(speaker_mention__icontains=text) | Q(attribution__icontains=text)
    )


class IdFilter(django_filters.NumberFilter):
    """A filter on a primary key: a whole number from 1 to the largest key a column holds. Anything else
    (99999999999999999999999, -1, 1.5) is a form error, never a value sent to the database (where it
    overflowed SQLite's INTEGER and PostgreSQL's bigint)."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", MAX_ID)
        super().__init__(*args, **kwargs)

    def get_max_validator(self):
        return None  # the field's own max_value bounds it


class OutletIdField(forms.IntegerField):
    """An outlet's id, checked against the outlets of the filter menu (`known`, set by the page that
    has read them) instead of a query of its own; read from `outlet_choices` when no page set them."""

    default_error_messages = {
        "invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]
    }
    known: set[int] | None = None

    def validate(self, value) -> None:
        super().validate(value)
        if value is None:
            return
        known = self.known if self.known is not None else {pk for pk, _ in outlet_choices()}
        if value not in known:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class OutletFilter(IdFilter):
    field_class = OutletIdField


class FilterCopies(dict):
    """A FilterSet's `base_filters` whose copy for each filter set is one shallow copy per filter:
    django-filter deep-copied every filter (their widgets, choices and arguments) on every request, though
    a filter set only sets its own `model` and `parent` on them. A filter with a `method` gets a method
    proxy of its own, which finds the method on its own filter set."""

    def __deepcopy__(self, memo: dict) -> dict:
        copies = {}
        for name, original in self.items():
            made = copies[name] = copy.copy(original)
            if made.method is not None:
                made.method = made.method  # replaces the proxy bound to `original`
        return copies


class FieldCopies(dict):
    """A form class's `base_fields` whose copy for each form is Django's, except that a choice field
    shares its choices instead of deep-copying them: the filter form's copy of its seventeen fields went
    mostly into copying the choices' lists and pairs (some 150 `deepcopy` calls a request), which no
    form changes. Each form still gets its own fields, widgets (with their own choices list), error
    messages and validators, as `Field.__deepcopy__` makes them."""

    def __deepcopy__(self, memo: dict) -> dict:
        copies = {}
        for name, field in self.items():
            if isinstance(field, forms.ChoiceField):  # Field.__deepcopy__, without ChoiceField's own
                copies[name] = forms.Field.__deepcopy__(field, memo)
            else:
                copies[name] = copy.deepcopy(field, memo)
        return copies


class StrictFilterSet(django_filters.FilterSet):
    """A FilterSet that selects nothing while any filter value is invalid, instead of silently leaving
    that filter out (and showing everything). Pages answer 400 with the form's errors, the API 400."""

    @property
    def qs(self) -> QuerySet:
        if self.is_bound and not self.is_valid():
            return self.queryset.none()
        return super().qs


class DateInput(forms.DateInput):
    input_type = "date"


def labelled_date_range(label: str) -> django_filters.widgets.DateRangeWidget:
    """A from/to pair of date inputs, each with its own accessible name ("Published from", "... to"):
    the fieldset's legend names the pair, but a screen reader announces each input alone."""
    widget = django_filters.widgets.DateRangeWidget(attrs={"type": "date"})
    for sub, end in zip(widget.widgets, ("from", "to"), strict=True):
        sub.attrs["aria-label"] = f"{label} {end}"
    return widget


class ClaimFilter(StrictFilterSet):
    q = django_filters.CharFilter(method="filter_search", label="Search")
    kind = django_filters.ChoiceFilter(choices=Claim.Kind.choices, empty_label="Any kind", label="Kind")
    review_status = django_filters.ChoiceFilter(
        choices=Claim.ReviewStatus.choices, label="Review", empty_label="Any status"
    )
    verdict = django_filters.ChoiceFilter(
        choices=[("some", "Any verdict"), ("none", "No verdict"), *Claim.Verdict.choices],
        method="filter_verdict",
        label="Verdict",
        empty_label="With or without",
    )
    polarity = django_filters.ChoiceFilter(
        choices=Claim.Polarity.choices,
        method="filter_polarity",
        label="Polarity",
        empty_label="Any polarity",
    )
    outlet = OutletFilter(field_name="article__outlet_id", label="Outlet")
    speaker = IdFilter(field_name="speaker_id", widget=forms.HiddenInput)
    speaker_name = django_filters.CharFilter(
        method="filter_speaker_name",
        label="Speaker",
        widget=forms.TextInput(
            attrs={"list": "speaker-names", "autocomplete": "off", "data-picker": "speaker"}
        ),
    )
    unit_class = django_filters.CharFilter(
        field_name="unit_class",
        label="Unit class",
        widget=forms.TextInput(attrs={"list": "unit-classes", "autocomplete": "off", "data-picker": "unit"}),
    )
    event = IdFilter(field_name="event_id", widget=forms.HiddenInput)
    article = IdFilter(field_name="article_id", widget=forms.HiddenInput)
    import_batch = IdFilter(field_name="article__import_batch_id", widget=forms.HiddenInput)
    event_date = django_filters.DateFromToRangeFilter(
        field_name="event__date",
        label="Event date",
        widget=labelled_date_range("Event date"),
    )
    published = django_filters.DateFromToRangeFilter(
        field_name="article__published_on",
        label="Published",
        widget=labelled_date_range("Published"),
    )
    has_corroboration = django_filters.BooleanFilter(
        method="filter_corroborated", label="Corroborated", widget=forms.Select(choices=YES_NO_ANY)
    )
    has_contradiction = django_filters.BooleanFilter(
        method="filter_contradicted", label="Contradicted", widget=forms.Select(choices=YES_NO_ANY)
    )
    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (label, _) in SORTS.items()],
        method="filter_sort",
        empty_label=None,
        label="Sort",
    )

    class Meta:
        model = Claim
        fields: list[str] = []

    def __init__(self, data=None, *args, outlets: list[tuple[int, str]] | None = None, **kwargs) -> None:
        """`outlets`: the (id, name) choices of the outlet menu when the caller has read them (the
        outlet filter is checked against them, with no query of its own)."""
        # An unknown sort order is not a filter that selects rows: the default order, as it always was.
        if data is not None and data.get("sort") not in (None, "", *SORTS):
            data = data.copy()
            data.pop("sort")
        super().__init__(data, *args, **kwargs)
        self.outlets = outlets

    def get_form_class(self):
        """The filter form's class, made once per process: django-filter built the class and its
        seventeen fields (with their widgets) again on every request, though they never change; each form
        still gets its own copies of the fields, as every Django form does (see `FieldCopies`)."""
        made = type(self).__dict__.get("_form_class")
        if made is None:
            made = super().get_form_class()
            made.base_fields = FieldCopies(made.base_fields)
            type(self)._form_class = made
        return made

    @property
    def form(self):
        made = not hasattr(self, "_form")
        form = super().form
        if made and self.outlets is not None:
            form.fields["outlet"].known = {pk for pk, _ in self.outlets}
        return form

    def filter_search(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Claims matching the search text."""
        return search_claims(queryset, value)

    def filter_verdict(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Claims with the verdict `value`; "some": with any verdict, "none": without one."""
        if value == "some":
            return queryset.exclude(verdict="")
        if value == "none":
            return queryset.filter(verdict="")
        return queryset.filter(verdict=value)

    def filter_polarity(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Statements with the polarity `value` (asserted, denied, refused, asked, held): only statements
        have one, though every claim stores "asserted"."""
        return queryset.filter(kind=Claim.Kind.STATEMENT, polarity=value)

    def filter_speaker_name(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """Claims by speakers whose normalised name, or an alias, contains the typed name ("Marsk" finds
        "Lars Marsk")."""
        key = normalize_name(value)
        if not key:
            return queryset
        # A UNION of two lookups on the actor tables (thousands of rows, not the claims); an OR across
        # the alias join made PostgreSQL read every actor for each claim (57 ms at 1M claims).
        actors = (
            Actor.objects.filter(normalized_name__contains=key)
            .values("id")
            .union(ActorAlias.objects.filter(normalized_name__contains=key).values("actor_id"))
        )
        return queryset.filter(speaker_id__in=actors)

    def filter_corroborated(
        self, queryset: QuerySet[Claim], name: str, value: bool | None
    ) -> QuerySet[Claim]:
        """Claims with (or without) a live corroborating link."""
        if value is None:
            return queryset
        condition = links_exist(ClaimLink.Relation.CORROBORATES)
        return queryset.filter(condition if value else ~condition)

    def filter_contradicted(
        self, queryset: QuerySet[Claim], name: str, value: bool | None
    ) -> QuerySet[Claim]:
        """Claims with (or without) a live contradicting link."""
        if value is None:
            return queryset
        condition = links_exist(ClaimLink.Relation.CONTRADICTS)
        return queryset.filter(condition if value else ~condition)

    def filter_sort(self, queryset: QuerySet[Claim], name: str, value: str) -> QuerySet[Claim]:
        """The queryset in the chosen order (applied again in `qs` so the default applies too)."""
        return queryset

    @property
    def search_note(self) -> str:
        """What the page says when its search ran as a substring match (stop words only), else ""."""
        text = (self.form.cleaned_data.get("q") or "") if self.form.is_valid() else ""
        return search.fallback_note(text) if text.strip() and not search.indexable(text) else ""

    @property
    def sort_key(self) -> str:
        """The valid sort key the request asked for, else the default."""
        data = self.form.cleaned_data if self.form.is_valid() else {}
        key = data.get("sort") or DEFAULT_SORT
        return key if key in SORTS else DEFAULT_SORT

    @property
    def ordering(self) -> tuple[str, ...]:
        """The chosen stable order as ORM ordering terms, ending on the unique id."""
        return SORTS[self.sort_key][1]

    @property
    def qs(self) -> QuerySet[Claim]:
        """The filtered claims in the chosen stable order."""
        return super().qs.order_by(*SORTS[self.sort_key][1])

    @property
    def is_small(self) -> bool:
        """True when a filter that usually selects few claims (one outlet, speaker, event or article) is
        in use: the list reads their ids before any estimate (`paging.narrow`)."""
        if not self.form.is_valid():
            return False
        data = self.form.cleaned_data
        return any(data.get(key) not in (None, "") for key in SMALL_FILTERS)

    @property
    def is_narrowed(self) -> bool:
        """True when any filter other than the sort order is in use (the count must then be exact/capped)."""
        if not self.form.is_valid():
            return False
        return any(
            value not in (None, "", [], slice(None, None))
            for key, value in self.form.cleaned_data.items()
            if key != "sort"
        )


ClaimFilter.base_filters = FilterCopies(ClaimFilter.base_filters)
