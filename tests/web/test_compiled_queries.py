"""tracker.compiled: a queryset compiled once gives, for every later value, the rows the queryset gives."""

from __future__ import annotations

import datetime as dt

import pytest

from claims.models import Claim, Event
from tracker.compiled import CompiledQuery

pytestmark = pytest.mark.django_db


def test_compiled_rows_are_the_querysets_for_each_value(make_world):
    """Ids and strings swapped into one compiled statement: each call's rows equal the ORM's, in order."""
    make_world(3)

    def build(article_id: int, kind: str):
        return (
            Claim.objects.filter(article_id=article_id, kind=kind)
            .order_by("-id")
            .values_list("id", "quote", "article__outlet__name")
        )

    compiled = CompiledQuery(build, article_id=int, kind=str)
    pairs = set(Claim.objects.values_list("article_id", "kind"))
    assert len(pairs) > 3
    for article_id, kind in sorted(pairs):
        assert compiled.rows(article_id=article_id, kind=kind) == list(build(article_id, kind))
    assert compiled.rows(article_id=-5, kind="quantity") == []


def test_values_come_back_as_python_values_not_database_text():
    """Dates and booleans go through the fields' converters (SQLite stores dates as text)."""
    event = Event.objects.create(title="Harbour <fire> & smoke", date=dt.date(2025, 3, 7))
    compiled = CompiledQuery(
        lambda pk: Event.objects.filter(pk=pk).values_list("title", "date", "date_precision"), pk=int
    )
    [(title, date, _)] = compiled.rows(pk=event.pk)
    assert title == "Harbour <fire> & smoke" and date == dt.date(2025, 3, 7)


def test_a_value_the_builder_does_not_pass_as_a_parameter_is_refused():
    """A builder that drops a value (or writes it into the SQL text) cannot be reused: it says so."""
    compiled = CompiledQuery(lambda pk, kind: Claim.objects.filter(pk=pk).values_list("id"), pk=int, kind=str)
    with pytest.raises(ValueError, match="kind"):
        compiled.rows(pk=1, kind="date")
    with pytest.raises(TypeError):
        CompiledQuery(lambda pk: Claim.objects.filter(pk=pk).values_list("id"), pk=int).rows(id=1)
    with pytest.raises(TypeError):
        CompiledQuery(lambda day: Claim.objects.filter(date_value=day).values_list("id"), day=dt.date).rows(
            day=dt.date(2025, 1, 1)
        )
