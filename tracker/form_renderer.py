"""The forms' renderer: Django's stock widget templates written in Python, the same markup byte for byte.

Each widget of a form went through the template engine (an include of `input.html`, then of
`attrs.html`, each variable resolved and escaped on its own): the claims list's filter form, fifteen
widgets and some forty options, cost more CPU per request than the list's fifty rows. The renderer
below writes the markup of the plain templates (inputs, selects and their options, text areas, the
multi-widgets) from the context Django's widgets already build, and hands every other template
(forms, fields, error lists, anything an app overrides) to Django's templates as before.

A template is written in Python only while the engine still resolves its name to the stock file
(Django's or django-filter's): an app that overrides one gets its own template. tests/test_form_renderer.py
renders every widget of the project's forms both ways and compares them.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

import django
import django_filters
from django.forms.renderers import DjangoTemplates
from django.template import TemplateDoesNotExist
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape, strip_spaces_between_tags
from django.utils.safestring import SafeData, mark_safe
from django.utils.timezone import template_localtime  # type: ignore[attr-defined]  # in Django, not in django-stubs

STOCK = {
    "django": Path(django.__file__).parent / "forms" / "templates",
    "django_filters": Path(django_filters.__file__).parent / "templates",
}


def _formatted(value: Any) -> str:
    """`{{ value|stringformat:'s' }}` under autoescape: str(value), escaped unless it was safe."""
    text = str(value)  # what "%s" % value gives (a tuple is made a string first by the filter)
    return text if isinstance(value, SafeData) else escape(text)


def _shown(value: Any) -> str:
    """`{{ value }}` under autoescape: localised (numbers, dates), then escaped unless safe."""
    value = localize(template_localtime(value))
    if not issubclass(type(value), str):
        value = str(value)
    return conditional_escape(value)


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_shown(name)}" if value is True else f' {_shown(name)}="{_formatted(value)}"')
    return "".join(parts)


# Each writer returns what its template renders, up to the file's last newline (a widget inside a
# multi-widget keeps it; the renderer strips the outermost output, as Django's does).


def _input(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input.html (and text, hidden, date, number, checkbox ... which include it)."""
    value = widget["value"]
    shown = f' value="{_formatted(value)}"' if value is not None else ""
    wrapped = "\n" if widget["template_name"] != "django/forms/widgets/input.html" else ""
    return (
        f'<input type="{_shown(widget["type"])}" name="{_shown(widget["name"])}"{shown}'
        f"{_attrs(widget['attrs'])}>\n{wrapped}"
    )


def _option(option: dict[str, Any]) -> str:
    """django/forms/widgets/select_option.html."""
    return f'<option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>{_shown(option["label"])}</option>'


def _select(widget: dict[str, Any]) -> str | None:
    """django/forms/widgets/select.html; None when an option has a template of its own."""
    parts = [f'<select name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_shown(group_name)}">')
        for option in group_choices:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(f"\n  {_option(option)}\n")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _textarea(widget: dict[str, Any]) -> str:
    """django/forms/widgets/textarea.html."""
    value = widget["value"]
    return (
        f'<textarea name="{_shown(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{_shown(value) if value else ''}</textarea>\n"
    )


OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in (
        *("input", "text", "hidden", "date", "datetime", "time", "number"),
        *("email", "url", "password", "search", "tel", "color", "checkbox"),
    )
}


class FastWidgetRenderer(DjangoTemplates):
    """Django's default form renderer, with its plain widget templates written in Python (see above)."""

    def __init__(self) -> None:
        super().__init__()
        self._writers: dict[str, Callable[[dict[str, Any]], str | None] | None] = {}

    def _writer(self, template_name: str) -> Callable[[dict[str, Any]], str | None] | None:
        """The Python writer of `template_name`, or None when it has none or an app overrides the file."""
        if template_name in self._writers:
            return self._writers[template_name]
        writer = self._writer_for(template_name)
        if writer is not None and not self._is_stock(template_name):
            writer = None
        self._writers[template_name] = writer
        return writer

    def _writer_for(self, template_name: str) -> Callable[[dict[str, Any]], str | None] | None:
        if template_name in INPUT_TEMPLATES:
            return _input
        if template_name == "django/forms/widgets/select.html":
            return _select if self._is_stock(OPTION_TEMPLATE) else None
        if template_name == "django/forms/widgets/textarea.html":
            return _textarea
        if template_name in (
            "django/forms/widgets/multiwidget.html",
            "django/forms/widgets/splithiddendatetime.html",
        ):
            return self._multiwidget
        if template_name == "django_filters/widgets/multiwidget.html":
            return self._range
        return None

    def _is_stock(self, template_name: str) -> bool:
        """True when the engine finds `template_name` in Django's or django-filter's own templates."""
        try:
            origin = Path(self.get_template(template_name).origin.name)
        except TemplateDoesNotExist:
            return False
        return any(origin.is_relative_to(root) for root in STOCK.values())

    def _subwidgets(self, widget: dict[str, Any]) -> list[str] | None:
        parts = []
        for sub in widget["subwidgets"]:
            writer = self._writer(sub["template_name"])
            html = (
                writer(sub) if writer is not None and writer not in (self._multiwidget, self._range) else None
            )
            if html is None:
                return None
            parts.append(html)
        return parts

    def _multiwidget(self, widget: dict[str, Any]) -> str | None:
        """django/forms/widgets/multiwidget.html: the subwidgets side by side (in {% spaceless %})."""
        parts = self._subwidgets(widget)
        if parts is None:
            return None
        wrapped = "\n" if widget["template_name"] != "django/forms/widgets/multiwidget.html" else ""
        return strip_spaces_between_tags("".join(parts).strip()) + "\n" + wrapped

    def _range(self, widget: dict[str, Any]) -> str | None:
        """django_filters/widgets/multiwidget.html: the subwidgets with "-" after the first."""
        parts = self._subwidgets(widget)
        if parts is None:
            return None
        return "".join(part + ("-" if index == 0 else "") for index, part in enumerate(parts)) + "\n"

    def render(self, template_name: str, context: dict[str, Any], request=None) -> str:
        writer = self._writer(template_name)
        if writer is not None and set(context) == {"widget"}:
            html = writer(context["widget"])
            if html is not None:
                return mark_safe(html.strip())  # every text in it escaped above
        return super().render(template_name, context, request=request)


# (form class, field name) -> the widget's markup when the form's data has no value for it.
_empty_widgets: dict[tuple[type, str], str] = {}


def widgets_html(form: Any, exclude: Collection[str] = ()) -> dict[str, str]:
    """{field name: its widget's markup}, what `{{ form.<name> }}` renders, for a bound form's fields
    but those in `exclude` (a page that writes them itself).

    A field the data gives no value for renders the same markup on every request (its widget, label
    and attributes belong to the form class; no value, no error): it is rendered once per form class
    and field and kept. The claims list's filter form has fifteen widgets, all but one or two empty
    on most pages. A field with a value, an error, an initial value or disabled is rendered each time.
    """
    shown = {}
    errors = form.errors
    form_class = type(form)
    for name, field in form.fields.items():
        if name in exclude:
            continue
        bound = form[name]
        empty = (
            not field.disabled
            and name not in errors
            and field.widget.value_omitted_from_data(form.data, form.files, bound.html_name)
            # an unbound form shows its initial values (a bound one shows its data)
            and (form.is_bound or form.get_initial_for_field(field, name) is None)
        )
        if not empty:
            shown[name] = str(bound)
            continue
        key = (form_class, name)
        html = _empty_widgets.get(key)
        if html is None:
            html = _empty_widgets[key] = str(bound)
        shown[name] = html
    return shown
