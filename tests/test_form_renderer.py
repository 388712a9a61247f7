"""The form renderer writes Django's stock widget templates in Python: the markup must be the templates'."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils.safestring import mark_safe

from claims import forms as claim_forms
from claims.filters import ClaimFilter
from claims.views.check import ClaimCheckForm
from sources.import_views import ImportForm
from tracker.form_renderer import FastWidgetRenderer

HOSTILE = '<b>"it\'s" & co</b>'


class EveryWidgetForm(forms.Form):
    """One field per widget the renderer writes, with the attribute shapes the templates branch on."""

    text = forms.CharField(
        widget=forms.TextInput(attrs={"placeholder": HOSTILE, "required": True, "off": False})
    )
    hidden = forms.CharField(widget=forms.HiddenInput)
    number = forms.IntegerField()
    decimal = forms.DecimalField()
    email = forms.EmailField()
    url = forms.URLField()
    password = forms.CharField(widget=forms.PasswordInput(render_value=True))
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    when = forms.DateTimeField()
    flag = forms.BooleanField(required=False)
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}))
    choice = forms.ChoiceField(choices=[("", "Any"), ("a", "A & B"), (HOSTILE, HOSTILE), (3, 3), (1.5, 1.5)])
    grouped = forms.ChoiceField(choices=[("Ships", [("ship", "ship"), ("boat", "<boat>")]), ("none", "None")])
    many = forms.MultipleChoiceField(choices=[("x", "X"), ("y", "Y")], required=False)
    dated = forms.ChoiceField(choices=[(dt.date(2025, 3, 1), dt.date(2025, 3, 1)), ("", "—")], required=False)
    split = forms.SplitDateTimeField(required=False)
    hidden_split = forms.SplitDateTimeField(required=False, widget=forms.SplitHiddenDateTimeWidget)
    hiddens = forms.MultipleChoiceField(
        choices=[("1", "1"), ("2", "2")], required=False, widget=forms.MultipleHiddenInput
    )


VALUES = {
    "text": HOSTILE,
    "hidden": mark_safe("<i>safe</i>"),
    "number": "12",
    "decimal": "1.50",
    "email": "a@b.example",
    "url": "javascript:alert(1)",
    "password": "p<w>",
    "date": "2025-03-01",
    "when": "2025-03-01 10:00",
    "flag": "on",
    "note": HOSTILE + "\nline",
    "choice": HOSTILE,
    "grouped": "boat",
    "many": ["x", "y"],
    "dated": "2025-03-01",
    "split_0": "2025-03-01",
    "split_1": "10:00",
    "hidden_split_0": "2025-03-01",
    "hidden_split_1": "<x>",
    "hiddens": ["1", "2"],
}


def project_forms() -> list[forms.Form]:
    """Every form of the project's pages, unbound and bound to values that try the escaping."""
    made: list[forms.Form] = [EveryWidgetForm(), EveryWidgetForm(VALUES)]
    classes = [
        getattr(claim_forms, name)
        for name in dir(claim_forms)
        if isinstance(getattr(claim_forms, name), type)
        and issubclass(getattr(claim_forms, name), forms.Form)
        and getattr(claim_forms, name).__module__ == claim_forms.__name__
    ]
    classes += [ClaimCheckForm, ImportForm]
    for form_class in classes:
        made.append(form_class())
        made.append(form_class(dict.fromkeys(form_class.base_fields, HOSTILE)))
    for data in (
        None,
        {"q": HOSTILE, "kind": "quantity", "sort": "old", "published_after": "2025-01-01"},
        {"unit_class": HOSTILE, "speaker_name": HOSTILE, "has_corroboration": "true", "event": "x<"},
    ):
        made.append(ClaimFilter(data).form)
    return made


def rendered(form: forms.Form, renderer) -> list[str]:
    form.renderer = renderer
    return [str(form[name]) for name in form.fields]


@pytest.mark.django_db
def test_every_widget_of_every_form_renders_as_the_templates_do():
    """Each field of each form gives the same HTML from the Python writers as from Django's templates."""
    stock, fast = DjangoTemplates(), FastWidgetRenderer()
    compared = 0
    for form in project_forms():
        assert rendered(form, fast) == rendered(form, stock), type(form).__name__
        compared += len(form.fields)
    assert compared > 100
    # and the writers were used, not the templates they stand for
    assert len([w for w in fast._writers.values() if w is not None]) >= 6


def test_the_project_uses_the_renderer():
    """Settings name it, so every form without a renderer of its own gets it."""
    assert isinstance(get_default_renderer(), FastWidgetRenderer)


def test_an_overridden_widget_template_is_left_to_the_engine(tmp_path):
    """A widget template an app overrides is rendered from that file, never from the Python copy."""
    override = tmp_path / "django" / "forms" / "widgets"
    override.mkdir(parents=True)
    (override / "text.html").write_text('<input class="ours" name="{{ widget.name }}">')

    class Overridden(FastWidgetRenderer):
        @property
        def engine(self):
            return self.backend(
                {
                    "APP_DIRS": False,
                    "DIRS": [tmp_path, *DjangoTemplates().engine.dirs],
                    "NAME": "t",
                    "OPTIONS": {},
                }
            )

    class OneField(forms.Form):
        name = forms.CharField()
        note = forms.CharField(widget=forms.Textarea)

    form = OneField(renderer=Overridden())
    assert str(form["name"]) == '<input class="ours" name="name">'
    assert str(form["note"]).startswith('<textarea name="note"')


@pytest.mark.django_db
def test_kept_empty_widgets_are_what_the_form_renders():
    """The claims list's widgets (tracker.form_renderer.widgets_html) are each what `{{ form.<name> }}`
    renders, request after request: the empty ones kept from an earlier request, a typed value (escaped)
    or an invalid one (with its error) rendered for its own request, never kept for the next."""
    from urllib.parse import urlencode

    from django.http import QueryDict

    from claims.models import Claim
    from tracker.form_renderer import widgets_html

    requests = [
        "",
        urlencode({"q": HOSTILE, "kind": "date", "published_after": "2025-03-01"}),
        "kind=nonsense&speaker=-1&event_date_before=2025-13-45",
        "unit_class=ship&sort=old",
        "",
    ]
    for query in requests:
        form = ClaimFilter(QueryDict(query), queryset=Claim.objects.none()).form
        shown = widgets_html(form, exclude={"outlet"})
        assert set(shown) == set(form.fields) - {"outlet"}
        for name, html in shown.items():
            assert html == str(form[name]), (query, name)
    form = ClaimFilter(QueryDict(urlencode({"q": HOSTILE})), queryset=Claim.objects.none()).form
    assert "&lt;b&gt;&quot;it&#x27;s&quot; &amp; co&lt;/b&gt;" in widgets_html(form)["q"]
    assert 'value=""' not in widgets_html(ClaimFilter(QueryDict(""), queryset=Claim.objects.none()).form)["q"]
