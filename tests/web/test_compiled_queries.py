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


def test_constants_with_percent_signs_and_a_value_used_twice(make_world, settings):
    """SQL text with escaped percent signs (a LIKE on another column: '%%' || ... || '%%'), constants
    the builder writes, and one value used in two places give the queryset's rows: prepared on
    PostgreSQL, and with preparing turned off."""
    from django.db.models import F

    world = make_world(3)

    def build(article_id: int):
        return (
            Claim.objects.filter(article_id=article_id, quote__contains=F("unit_class"), kind="quantity")
            .order_by()
            .union(Claim.objects.filter(article_id=article_id, kind="statement").order_by(), all=True)
            .order_by("id")
            .values_list("id", "quote")
        )

    compiled = CompiledQuery(build, article_id=int)
    assert "%%" in compiled.sql()
    articles = {c.article_id for row in world["claims"] for c in row}
    for prepared in (True, False, True):
        settings.PREPARED_STATEMENTS = prepared
        for article_id in articles:
            rows = compiled.rows(article_id=article_id)
            assert rows == list(build(article_id)) and len(rows) >= 2


@pytest.mark.django_db(transaction=True)
def test_prepared_statements_outlive_a_rollback_and_follow_a_new_connection(make_world):
    """PostgreSQL: a statement prepared in a transaction that rolls back is still there; a new
    connection prepares it again; the query log shows the statement's own executions only."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "postgresql":
        pytest.skip("server-side prepared statements are PostgreSQL's")
    make_world(2)
    compiled = CompiledQuery(lambda pk: Claim.objects.filter(pk=pk).values_list("id", "quote"), pk=int)
    pks = list(Claim.objects.order_by("id").values_list("id", flat=True))
    with pytest.raises(RuntimeError), transaction.atomic():
        assert compiled.rows(pk=pks[0]) == [(pks[0], Claim.objects.get(pk=pks[0]).quote)]
        raise RuntimeError("roll back")
    with CaptureQueriesContext(connection) as queries:
        assert [row[0] for row in compiled.rows(pk=pks[1])] == [pks[1]]
    assert [q["sql"].split("(")[0] for q in queries.captured_queries] == [
        f"EXECUTE {compiled._get('default').name}"
    ]
    connection.close()
    with CaptureQueriesContext(connection) as queries:
        assert [row[0] for row in compiled.rows(pk=pks[2])] == [pks[2]]
    assert len(queries.captured_queries) == 1
