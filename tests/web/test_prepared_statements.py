"""Statements prepared once per PostgreSQL connection (tracker.prepared) give the rows the plain SQL
gives, survive a rollback and a reconnection, and never prepare one name twice; elsewhere the SQL is
sent as it is. The user read with permissions (tracker.auth) goes through it."""

from __future__ import annotations

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.accounts import role
from tracker import prepared
from tracker.auth import ModelBackendOneRead, _user_with_permissions_sql

pytestmark = pytest.mark.django_db

SQL = "SELECT %s + 1, %s || '!'"
on_postgresql = pytest.mark.skipif(connection.vendor != "postgresql", reason="PREPARE is PostgreSQL's")


def run(name: str, sql: str, params: list) -> tuple[str, list]:
    with prepared.statement(connection, name, sql, params) as (text, values), connection.cursor() as cursor:
        cursor.execute(text, values)
        rows = cursor.fetchall()
    return text, rows


def test_rows_are_the_plain_statements_whatever_the_database():
    with connection.cursor() as cursor:
        cursor.execute(SQL, [41, "hello"])
        expected = cursor.fetchall()
    for value, word in ((41, "hello"), (41, "hello"), (1, "it's 100% <b>")):
        _, rows = run("test_add_one", SQL, [value, word])
        assert [tuple(r) for r in rows] == [(value + 1, word + "!")]
    assert [tuple(r) for r in expected] == [(42, "hello!")]


def test_elsewhere_the_sql_is_sent_as_it_is():
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL prepares")
    text, _ = run("test_plain", SQL, [1, "a"])
    assert text == SQL


@on_postgresql
@pytest.mark.django_db(transaction=True)  # outside a test's transaction, to close the connection
def test_prepared_once_per_connection_then_run_by_name():
    first, _ = run("test_once", SQL, [1, "a"])
    second, rows = run("test_once", SQL, [2, "b"])
    assert first.startswith("PREPARE test_once_") and "$1 + 1, $2 || '!'" in first
    assert second.startswith("EXECUTE test_once_") and [tuple(r) for r in rows] == [(3, "b!")]
    with pytest.raises(RuntimeError), transaction.atomic():  # a rollback keeps the prepared plan
        run("test_once", SQL, [3, "c"])
        raise RuntimeError
    assert run("test_once", SQL, [4, "d"])[0] == second
    connection.close()  # a new connection holds no statement: prepared again
    assert run("test_once", SQL, [5, "e"])[0].startswith("PREPARE")


@on_postgresql
def test_a_failed_first_run_prepares_under_a_new_name_next_time():
    with (
        pytest.raises(ZeroDivisionError),
        prepared.statement(connection, "test_fail", SQL, [1, "a"]) as (
            text,
            values,
        ),
    ):
        with connection.cursor() as cursor:
            cursor.execute(text, values)  # PREPARE done on the server...
        raise ZeroDivisionError  # ...but the block failed: not counted as prepared
    again, rows = run("test_fail", SQL, [1, "a"])  # the same name again would be an error
    assert again.startswith("PREPARE") and again.split()[1] != text.split()[1]
    assert [tuple(r) for r in rows] == [(2, "a!")]


@on_postgresql
def test_the_user_read_is_prepared_and_gives_the_same_user(django_user_model):
    user = django_user_model.objects.create_user(username="prep", password="pw-prep-123")
    user.groups.add(role("editor"))
    backend = ModelBackendOneRead()
    with CaptureQueriesContext(connection) as captured:
        loaded = [backend.get_user(user.pk) for _ in range(3)]
    statements = [q["sql"] for q in captured.captured_queries]
    assert len(statements) == 3 and statements[0].startswith("PREPARE")
    assert all(s.startswith("EXECUTE tracker_user_permissions_") for s in statements[1:])
    assert all(u.pk == user.pk and u.username == "prep" for u in loaded)
    assert loaded[0].get_all_permissions() == loaded[2].get_all_permissions() != set()
    assert backend.get_user(2**31) is None and backend.get_user(-(2**31) - 1) is None  # out of range


def test_the_user_statement_names_its_columns():
    """Not u.*: a prepared plan whose table gained a column would fail until the connection closed."""
    sql = _user_with_permissions_sql(connection.vendor)
    assert "u.*" not in sql and sql.count("%s") == 1 and sql.count("%") == 1
