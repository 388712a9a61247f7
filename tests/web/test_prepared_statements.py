"""Hand-written statements prepared once per PostgreSQL connection (tracker.prepared) give the rows the
plain SQL gives, survive a rollback, are prepared again on a new connection and not at all when
PREPARED_STATEMENTS is off; elsewhere the SQL is sent as it is. The user read (tracker.auth) uses it."""

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
    text, values = prepared.statement(connection, name, sql, params)
    with connection.cursor() as cursor:
        cursor.execute(text, values)
        return text, [tuple(row) for row in cursor.fetchall()]


def held(name: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name = %s", [name])
        return cursor.fetchone()[0]


def test_rows_are_the_plain_statements_whatever_the_database():
    with connection.cursor() as cursor:
        cursor.execute(SQL, [41, "hello"])
        assert [tuple(r) for r in cursor.fetchall()] == [(42, "hello!")]
    for value, word in ((41, "hello"), (41, "hello"), (1, "it's 100% <b>")):
        assert run("test_add_one", SQL, [value, word])[1] == [(value + 1, word + "!")]


def test_elsewhere_or_when_off_the_sql_is_sent_as_it_is(settings):
    if connection.vendor == "postgresql":
        settings.PREPARED_STATEMENTS = False
    assert run("test_plain", SQL, [1, "a"]) == (SQL, [(2, "a!")])
    if connection.vendor == "postgresql":
        assert held("test_plain") == 0


@on_postgresql
@pytest.mark.django_db(transaction=True)  # outside a test's transaction, to close the connection
def test_prepared_once_per_connection_then_run_by_name():
    with CaptureQueriesContext(connection) as captured:
        first = run("test_once", SQL, [1, "a"])
        second = run("test_once", SQL, [2, "b"])
    assert first == ("EXECUTE test_once(%s, %s)", [(2, "a!")]) and second[1] == [(3, "b!")]
    assert [q["sql"] for q in captured.captured_queries] == [
        "EXECUTE test_once(1, 'a')",
        "EXECUTE test_once(2, 'b')",
    ]
    assert held("test_once") == 1
    with pytest.raises(RuntimeError), transaction.atomic():  # a rollback keeps the prepared plan
        run("test_once", SQL, [3, "c"])
        raise RuntimeError
    assert run("test_once", SQL, [4, "d"])[1] == [(5, "d!")]
    connection.close()  # a new connection holds no statement: prepared again
    assert held("test_once") == 0
    assert run("test_once", SQL, [5, "e"])[1] == [(6, "e!")] and held("test_once") == 1


@on_postgresql
def test_the_user_read_is_prepared_and_gives_the_same_user(django_user_model):
    user = django_user_model.objects.create_user(username="prep", password="pw-prep-123")
    user.groups.add(role("editor"))
    backend = ModelBackendOneRead()
    with CaptureQueriesContext(connection) as captured:
        loaded = [backend.get_user(user.pk) for _ in range(3)]
    statements = [q["sql"] for q in captured.captured_queries]
    assert statements == [f"EXECUTE tracker_user_permissions({user.pk})"] * 3
    assert all(u.pk == user.pk and u.username == "prep" for u in loaded)
    assert loaded[0].get_all_permissions() == loaded[2].get_all_permissions() != set()
    assert backend.get_user(2**31) is None and backend.get_user(-(2**31) - 1) is None  # out of range


def test_the_user_statement_names_its_columns():
    """Not u.*: a prepared plan whose table gained a column would fail until the connection closed."""
    sql = _user_with_permissions_sql(connection.vendor)
    assert "u.*" not in sql and sql.count("%s") == 1 and sql.count("%") == 1
