"""The event chart's coordinates written without floatformat are what floatformat:1 wrote."""

from __future__ import annotations

import random

from django.template.defaultfilters import floatformat
from django.utils import translation

from claims.templatetags.chart_numbers import one_decimal


def test_one_decimal_is_floatformat_one():
    rng = random.Random(7)
    values = [0, 0.0, 3, 7.0, 0.05, 0.15, 0.25, 2.45, 132.45, 999.95, 1234.56, -0.04, 410.0]
    values += [rng.uniform(0, 600) for _ in range(2000)] + [rng.randint(0, 600) / 20 for _ in range(500)]
    with translation.override("en-gb"):
        for value in values:
            assert one_decimal(value) == floatformat(value, 1), value


def test_one_decimal_leaves_what_is_not_a_number_to_floatformat():
    assert one_decimal("") == floatformat("", 1)
    assert one_decimal(None) == floatformat(None, 1)
