"""Database sessions (Django's `db` engine) whose read on every request is one plain statement.

Every signed-in page reads its session before anything else. Django's engine builds that read through
the ORM (`Session.objects.get(session_key=..., expire_date__gt=now)`), which cost about as much CPU as
the rest of the sign-in check; the statement here is written once per database and asks for the same
row. Writes (sign-in, sign-out, a changed session) stay Django's.
"""

from __future__ import annotations

from functools import cache

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


@cache
def _read_sql(table: str, key_column: str, data_column: str, expiry_column: str, quote) -> str:
    return (
        f"SELECT {quote(data_column)} FROM {quote(table)} "
        f"WHERE {quote(key_column)} = %s AND {quote(expiry_column)} > %s"
    )


class SessionStore(db.SessionStore):
    """Django's database session store, reading a session by its key with one prepared statement."""

    def _get_session_from_db(self):
        model = self.model
        connection = connections[router.db_for_read(model)]
        meta = model._meta
        sql = _read_sql(
            meta.db_table,
            meta.get_field("session_key").column,
            meta.get_field("session_data").column,
            meta.get_field("expire_date").column,
            connection.ops.quote_name,
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:  # unknown or expired, as Django's store: a fresh session key on the next save
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])
