"""Forms of the editors' workspace; they validate input, the services in claims.services.editing write."""

from __future__ import annotations

from django import forms

from .models import Claim, ClaimLink

VERSION_ERROR = "This form has no valid version number; reload the page and make your change again."


def version_field(required: bool = True) -> forms.IntegerField:
    """The hidden version the form was made from (optimistic concurrency; see claims.services.editing)."""
    return forms.IntegerField(
        required=required,
        min_value=1,
        max_value=2_147_483_647,
        widget=forms.HiddenInput,
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value", "max_digits"), VERSION_ERROR
        ),
    )


class SelectionForm(forms.Form):
    """A text selection in an article: code-point offsets into the stored body, the quote and its context."""

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    quote = forms.CharField(strip=False, widget=forms.HiddenInput)
    # a field named like Form.prefix: the form metaclass moves it into base_fields, django-stubs cannot tell
    prefix = forms.CharField(strip=False, required=False, max_length=64, widget=forms.HiddenInput)  # type: ignore[assignment]
    suffix = forms.CharField(strip=False, required=False, max_length=64, widget=forms.HiddenInput)


class AnnotationForm(SelectionForm):
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))
    tags = forms.CharField(required=False, max_length=500, help_text="Comma-separated.")
    claim = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)


class ClaimValuesForm(forms.Form):
    """The kind-specific values of a claim, for a new claim from a selection or an edit."""

    kind = forms.ChoiceField(choices=Claim.Kind.choices)
    quantity_low = forms.FloatField(required=False, label="Value (low)")
    quantity_high = forms.FloatField(required=False, label="Value (high)")
    quantity_approximate = forms.BooleanField(required=False, label="Approximate")
    unit = forms.CharField(required=False, max_length=100)
    unit_class = forms.CharField(required=False, max_length=50)
    counted = forms.CharField(required=False, max_length=300)
    date_value = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    # An editor gives a calendar date; the precisions of a date whose year is not known are the extractor's.
    date_precision = forms.ChoiceField(
        required=False,
        choices=[
            ("", "—"),
            *((v, label) for v, label in Claim.DatePrecision.choices if v in ("day", "month", "year")),
        ],
    )
    # A period ("between June 2011 and July 2012"): its last end; empty for a single date.
    date_end_value = forms.DateField(
        required=False, label="Until (a period's end)", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_end_precision = forms.ChoiceField(
        required=False,
        label="Its precision",
        choices=[
            ("", "—"),
            *((v, label) for v, label in Claim.DatePrecision.choices if v in ("day", "month", "year")),
        ],
    )
    speaker_name = forms.CharField(required=False, max_length=200, label="Speaker")
    speaker_role = forms.CharField(required=False, max_length=300, label="Role")
    direct = forms.BooleanField(required=False, label="Direct quote")
    polarity = forms.ChoiceField(required=False, choices=Claim.Polarity.choices)

    KIND_FIELDS = {
        "quantity": [
            "quantity_low",
            "quantity_high",
            "quantity_approximate",
            "unit",
            "unit_class",
            "counted",
        ],
        "date": ["date_value", "date_precision", "date_end_value", "date_end_precision"],
        "statement": ["speaker_name", "speaker_role", "direct", "polarity"],
    }

    def clean(self) -> dict:
        """The cleaned data, checked for the values the chosen kind needs."""
        super().clean()
        data = self.cleaned_data
        kind = data.get("kind")
        if kind == "quantity" and data.get("quantity_low") is None:
            self.add_error("quantity_low", "A quantity claim needs a value.")
        low, high = data.get("quantity_low"), data.get("quantity_high")
        if kind == "quantity" and low is not None and high is not None and high < low:
            self.add_error("quantity_high", "The high value is below the low one.")
        if kind == "date":
            if not data.get("date_value"):
                self.add_error("date_value", "A date claim needs a date.")
            if not data.get("date_precision"):
                data["date_precision"] = "day"
            start, end = data.get("date_value"), data.get("date_end_value")
            if end is None:
                data["date_end_precision"] = ""
            else:
                data["date_end_precision"] = data.get("date_end_precision") or data["date_precision"]
                if start is not None and end < start:
                    self.add_error("date_end_value", "A period cannot end before it starts.")
        return data

    def values(self) -> dict:
        """The cleaned values that belong to the chosen kind (to pass to the services)."""
        kind = self.cleaned_data["kind"]
        values = {name: self.cleaned_data.get(name) for name in self.KIND_FIELDS[kind]}
        if kind == "quantity" and values.get("quantity_high") is None:
            values["quantity_high"] = values.get("quantity_low")  # one number: low == high
        if kind == "statement" and not values.get("polarity"):
            values["polarity"] = Claim.Polarity.ASSERTED
        for name in ("unit", "unit_class", "counted", "speaker_role"):
            if name in values and values[name] is None:
                values[name] = ""
        return values


class ClaimFromSelectionForm(SelectionForm, ClaimValuesForm):
    pass


class ClaimEditForm(ClaimValuesForm):
    """Edit a claim's values; the kind is fixed (a different kind is a different claim)."""

    kind = forms.ChoiceField(choices=Claim.Kind.choices, widget=forms.HiddenInput)
    version = version_field()

    @classmethod
    def for_claim(cls, claim: Claim, data=None) -> ClaimEditForm:
        """The form bound to `data`, or filled with the claim's current values."""
        initial = {
            name: getattr(claim, name)
            for fields in cls.KIND_FIELDS.values()
            for name in fields
            if name != "speaker_name"
        }
        initial.update(
            kind=claim.kind,
            speaker_name=claim.speaker.name if claim.speaker else "",
            version=claim.version,
        )
        return cls(data=data, initial=initial)


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", "Accept"), ("reject", "Reject")])
    version = version_field()


class VerdictForm(forms.Form):
    """The editors' fact-check verdict on a claim: a rating, why, and the sources checked."""

    verdict = forms.ChoiceField(
        required=False, choices=[("", "No verdict"), *Claim.Verdict.choices], label="Verdict"
    )
    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Why")
    sources = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "placeholder": "https://…"}),
        label="Sources",
        help_text="The sources checked, one web address per line.",
    )
    version = version_field()


class LinkReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("confirm", "Confirm"), ("reject", "Reject")])
    relation = forms.ChoiceField(required=False, choices=[("", "as suggested"), *ClaimLink.Relation.choices])
    version = version_field()


class AnnotationEditForm(forms.Form):
    """An annotation's note and tags (its span stays; a different span is a different annotation)."""

    note = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 4}))
    tags = forms.CharField(required=False, max_length=500, help_text="Comma-separated.")
    version = version_field()

    @classmethod
    def for_annotation(cls, annotation, data=None) -> AnnotationEditForm:
        """The form bound to `data`, or filled with the annotation's current note and tags."""
        initial = {
            "note": annotation.note,
            "tags": ", ".join(tag.name for tag in annotation.tags.all()),
            "version": annotation.version,
        }
        return cls(data=data, initial=initial)


class VersionForm(forms.Form):
    """Only the version the page was made from (a delete)."""

    version = version_field()


class LinkCreateForm(forms.Form):
    other = forms.IntegerField(min_value=1, label="Other claim")
    relation = forms.ChoiceField(choices=ClaimLink.Relation.choices)
    rationale = forms.CharField(required=False, max_length=300)


class BulkAcceptForm(forms.Form):
    threshold = forms.FloatField(min_value=0, max_value=1, initial=0.9, label="Confidence at least")
    kind = forms.ChoiceField(required=False, choices=[("", "Any kind"), *Claim.Kind.choices])


class EventForm(forms.Form):
    title = forms.CharField(max_length=300)
    date = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    place = forms.CharField(required=False, max_length=200)
    summary = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ClaimEventForm(forms.Form):
    event = forms.IntegerField(required=False, min_value=1, label="Event", help_text="Empty to detach.")
    version = version_field(required=False)


class ArticleDetailsForm(forms.Form):
    """An article's title, outlet and publication date as an editor sets or corrects them in the reader."""

    title = forms.CharField(max_length=500, required=False)
    outlet = forms.CharField(max_length=200, required=False, label="Outlet")
    published_on = forms.DateField(
        required=False,
        label="Published",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leave empty to let the text decide.",
    )
    edit_version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

    @classmethod
    def for_article(cls, article, data=None) -> ArticleDetailsForm:
        initial = {
            "title": article.title,
            "outlet": article.outlet.name if article.outlet_id else "",
            "published_on": article.published_on if article.published_source == "editor" else None,
            "edit_version": article.edit_version,
        }
        return cls(data=data, initial=initial, prefix="details")
