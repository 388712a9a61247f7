"""`{{ x|one_decimal }}`: a chart coordinate as `{{ x|floatformat:1 }}` writes it ("132.5", "7.0").

The event page's chart writes 20-40 coordinates; floatformat goes through locale formatting for each
(about 40 µs apiece), and an SVG coordinate needs none: the same rounding (half up, on the number as
written) without it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.template.defaultfilters import floatformat

register = template.Library()

_TENTH = Decimal("0.1")


@register.filter
def one_decimal(value: float) -> str:
    """The number rounded half up to one decimal, as floatformat:1 gives it in English locales."""
    try:
        text = str(Decimal(repr(float(value))).quantize(_TENTH, rounding=ROUND_HALF_UP))
    except (TypeError, ValueError, InvalidOperation):
        return floatformat(value, 1)
    return "0.0" if text == "-0.0" else text
