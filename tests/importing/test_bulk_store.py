"""The chunk writer's bulk path: on PostgreSQL COPY of the articles and of their history rows, in the
binary format (sources.importing.pgcopy; the text format and INSERT ... SELECT where a value is not
encoded), on SQLite the ORM's bulk_create_with_history. Both must store the same
rows: every byte of the text, one '+' history row per article, the search vector on PostgreSQL, and
nothing of a chunk whose write failed. Run on both: `env -u DATABASE_URL pytest ...` and
`DATABASE_URL=postgres://... pytest ...`."""

from __future__ import annotations

import json
from unittest import mock

import pytest
from django.db import ProgrammingError, connection

from sources.importing import pgcopy
from sources.importing.service import import_job_create, import_job_resume, import_job_run
from sources.models import Article, ImportBatch
from sources.services import article_store

from .conftest import article_rows, body, csv_bytes

pytestmark = pytest.mark.django_db


def run(path, **options) -> ImportBatch:
    batch = import_job_create(paths=[path], extract=False, **options)
    return import_job_run(batch_id=batch.pk)


def test_awkward_text_is_stored_byte_for_byte(tmp_path):
    """Tabs, backslashes, carriage returns, quotes and non-Latin letters (what COPY's text format must
    escape) come back exactly as they were in the file."""
    awkward = (
        "KYIV - Prices\trose 3\\4 of a point, the bank said.\r\n\r\n"
        'A "quoted" line, a back\\slash \\N and \\t written out, Ünïcödé and Кириллица.'
    )
    rows = [
        {
            "url": "https://awkward.example/1",
            "title": "Tab\there \\ slash",
            "outlet": "Awkward",
            "published": "2025-03-17",
            "body": awkward,
        },
        *article_rows(2),
    ]
    path = tmp_path / "awkward.csv"
    path.write_bytes(csv_bytes(rows))
    batch = run(path)
    assert (batch.status, batch.rows_created) == ("done", 3)
    stored = Article.objects.get(url="https://awkward.example/1")
    # the CSV reader keeps \r\n inside a quoted field as written
    assert stored.body.replace("\r\n", "\n") == awkward.replace("\r\n", "\n")
    assert stored.title == "Tab\there \\ slash"
    assert stored.outlet.name == "Awkward"
    assert str(stored.published_on) == "2025-03-17"
    assert (stored.version, stored.is_current, stored.extraction_status) == (1, True, "pending")
    assert stored.created_at is not None and stored.updated_at is not None


def test_each_new_article_gets_one_history_row(tmp_path):
    """One '+' history row per new article, with the article's own fields and no user or reason (as
    simple_history's bulk_create_with_history writes them); a second import of the same file adds none."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(5)))
    batch = run(path, batch_size=2)
    assert batch.rows_created == 5
    history = Article.history.model.objects.filter(import_batch_id=batch.pk)
    assert history.count() == 5
    for article in Article.objects.filter(import_batch=batch):
        row = history.get(id=article.pk)
        assert (row.history_type, row.history_user_id, row.history_change_reason) == ("+", None, None)
        assert (row.url, row.title, row.outlet_id, row.version) == (
            article.url,
            article.title,
            article.outlet_id,
            1,
        )
    run(path)
    assert Article.history.model.objects.count() == 5


def test_new_version_through_the_bulk_path(tmp_path):
    """A changed text at a known URL: the old row retired, the new one version 2 pointing back to it,
    each with its history rows."""
    rows = article_rows(2)
    first, second = tmp_path / "v1.csv", tmp_path / "v2.csv"
    first.write_bytes(csv_bytes(rows))
    run(first)
    rows[0] = {**rows[0], "body": body(0, workers=999)}
    second.write_bytes(csv_bytes(rows))
    batch = run(second)
    assert (batch.rows_versioned, batch.rows_skipped) == (1, 1)
    new = Article.objects.get(url=rows[0]["url"], is_current=True)
    assert new.version == 2 and new.previous_version.is_current is False
    assert Article.history.model.objects.filter(id=new.pk, history_type="+").count() == 1


def test_a_failed_chunk_leaves_nothing_half_written(tmp_path):
    """The history insert of the second chunk fails: that chunk's articles are rolled back with it (no
    article without its history row), the first chunk stays, and a resume stores the rest."""
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(article_rows(5)))
    batch = import_job_create(paths=[path], extract=False, batch_size=2)
    calls = {"n": 0}
    if connection.vendor == "postgresql":
        real = pgcopy._history_binary

        def failing(*args, **kwargs):
            calls["n"] += 1
            names, rows = real(*args, **kwargs)
            return ([*names[:-1], "no_such_column"], rows) if calls["n"] == 2 else (names, rows)

        patch = mock.patch.object(pgcopy, "_history_binary", failing)
        expected: type[Exception] = ProgrammingError
    else:
        from simple_history.manager import HistoryManager

        real_create = HistoryManager.bulk_history_create

        def failing(self, objs, **kwargs):
            calls["n"] += 1
            if calls["n"] == 2:
                raise RuntimeError("history insert failed")
            return real_create(self, objs, **kwargs)

        patch = mock.patch.object(HistoryManager, "bulk_history_create", failing)
        expected = RuntimeError
    with patch, pytest.raises(expected):
        import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert (batch.status, batch.committed_rows) == ("failed", 2)
    assert Article.objects.count() == 2
    assert Article.history.model.objects.count() == 2
    import_job_resume(batch=batch)
    batch.refresh_from_db()
    assert (batch.status, batch.rows_created) == ("done", 5)
    assert Article.objects.count() == Article.history.model.objects.count() == 5


def test_a_malformed_file_stores_nothing(tmp_path):
    """A JSON file cut off half-way and a CSV row without a body: the job fails naming the problem and
    not one article (or history row) is stored, whichever writer would have run."""
    broken = tmp_path / "broken.json"
    broken.write_text(
        '[{"title": "Ship docks", "body": "Two ships docked on Saturday."}, {"title": "cut', "utf-8"
    )
    batch = run(broken)
    assert batch.status == "failed"
    assert batch.message
    rows = article_rows(3)
    rows[1] = {**rows[1], "body": ""}
    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes(rows))
    batch = run(bad)
    assert batch.status == "failed" and batch.rows_failed == 1
    assert Article.objects.count() == 0
    assert Article.history.model.objects.count() == 0


def test_search_vector_matches_the_trigger(tmp_path):
    """PostgreSQL: an imported article's search vector is the one the trigger gives a saved article,
    and a search finds it."""
    if connection.vendor != "postgresql":
        pytest.skip("the search vector exists on PostgreSQL only")
    text = "HARBOURTON - Dockworkers unloaded forty containers of lemons, the port authority said."
    path = tmp_path / "a.csv"
    path.write_bytes(
        csv_bytes([{"url": "https://a.example/1", "title": "Lemons arrive", "outlet": "A", "body": text}])
    )
    run(path)
    saved = article_store(body=text, url="https://b.example/1", title="Lemons arrive").article
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT url, search_vector::text FROM sources_article WHERE url IN (%s, %s) ORDER BY url",
            ["https://a.example/1", saved.url],
        )
        (_, imported), (_, triggered) = cursor.fetchall()
        cursor.execute(
            "SELECT url FROM sources_article WHERE search_vector @@ plainto_tsquery('english', 'lemon containers')"
        )
        found = {url for (url,) in cursor.fetchall()}
    assert imported and imported == triggered
    assert found == {"https://a.example/1", saved.url}


def test_copy_value_escapes():
    """COPY's text format: NULL, booleans, JSON and the four characters that need a backslash."""
    assert pgcopy.copy_value(None) == "\\N"
    assert (pgcopy.copy_value(True), pgcopy.copy_value(False)) == ("t", "f")
    assert pgcopy.copy_value("a\tb\nc\rd\\e") == "a\\tb\\nc\\rd\\\\e"
    # JSON escapes the tab itself; COPY then doubles that backslash
    assert pgcopy.copy_value([{"k": "x\ty"}]) == '[{"k": "x\\\\ty"}]'


def test_a_url_stored_meanwhile_sends_the_chunk_row_by_row(tmp_path):
    """Another writer stores one of the chunk's URLs between the lookup and the bulk insert: the insert
    fails on the unique current URL, the whole chunk rolls back (that write with it, in this one
    connection), and the chunk is stored again row by row: every row once, each with one history row."""
    from sources.importing import store

    path = tmp_path / "a.csv"
    rows = article_rows(4)
    path.write_bytes(csv_bytes(rows))
    real = store.articles_insert
    calls = {"n": 0}

    def racing(articles):
        calls["n"] += 1
        if calls["n"] == 1:
            article_store(body="A different text, stored by someone else.", url=rows[0]["url"])
        return real(articles)

    with mock.patch.object(store, "articles_insert", racing):
        batch = run(path)
    assert calls["n"] == 1  # the second attempt went row by row, not through the bulk insert
    assert (batch.status, batch.rows_created) == ("done", 4)
    assert Article.objects.count() == 4
    for article in Article.objects.all():
        assert Article.history.model.objects.filter(id=article.pk).count() == 1


def test_band_rows_stored_as_computed_whatever_their_sign(tmp_path):
    """The band rows go in through COPY's binary format on PostgreSQL (numpy builds the big-endian
    bytes) and multi-row INSERTs on SQLite: both store exactly the (key, article) rows computed, keys of
    either sign and near the ends of the 64-bit range included, one row per key of each article."""
    import numpy as np

    from sources.importing import nearduplicates
    from sources.models import ArticleBand

    articles = [Article.objects.create(url=f"https://bands.example/{n}", body=body(n)) for n in range(3)]
    keys = np.array(
        [
            [-(2**63), 2**63 - 1, -1, 0, 1, *range(27)],
            [*(-(10**18) - k for k in range(31)), 2**62],
            [7] * 16 + [-7] * 16,  # repeated keys: one row each
        ],
        dtype=np.int64,
    )
    flat, owners = nearduplicates._band_arrays([a.pk for a in articles], keys)
    with connection.cursor():
        if connection.vendor == "postgresql":
            nearduplicates._copy_binary(ArticleBand, ["key", "article"], [flat, owners])
        else:
            nearduplicates._insert(
                ArticleBand, ["key", "article"], nearduplicates._band_rows([a.pk for a in articles], keys)
            )
    expected = {(int(k), a.pk) for a, row in zip(articles, keys.tolist(), strict=True) for k in row}
    stored = set(ArticleBand.objects.values_list("key", "article_id"))
    assert stored == expected
    assert ArticleBand.objects.filter(article=articles[2]).count() == 2


@pytest.mark.django_db(transaction=True)  # the test's own transaction must end inside it
def test_the_band_lookup_turns_jit_off_for_its_own_transaction_only():
    """PostgreSQL: the band lookup's nested loop is estimated far over jit_above_cost, and compiling it
    cost more CPU than running it; the lookup sets jit off for its transaction (the chunk's), and the
    setting does not outlive that transaction."""
    from django.db import transaction

    from sources.importing import nearduplicates

    if connection.vendor != "postgresql":
        pytest.skip("JIT is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        (default,) = cursor.fetchone()
        with transaction.atomic():
            assert nearduplicates._bucket_heads([1, 2, 3]).as_dict() == {}
            cursor.execute("SHOW jit")
            assert cursor.fetchone() == ("off",)
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == (default,)


def test_copy_rows_column_by_column_are_copy_value_of_each_value():
    """The COPY text is built column by column (a shared value converted once, strings escaped in one
    pass): the same text as copy_value of every value, row by row, for awkward strings, shared
    defaults, choices, dates, empty and filled JSON and missing values."""
    import datetime as dt

    shared = "same for all"
    articles = [
        Article(
            pk=n,
            url=f"https://rows.example/{n}",
            title=["Tab\there", "back\\slash", "line\r\nend", "plain"][n],
            body=body(n),
            byline=shared,
            published_on=dt.date(2025, 3, n + 1) if n % 2 else None,
            notes=[{"start": 0, "end": 4, "kind": "correction", "retracted": []}] if n == 2 else [],
        )
        for n in range(4)
    ]
    fields = pgcopy._article_columns()
    expected = "".join(
        "\t".join(pgcopy.copy_value(getattr(a, f.attname)) for f in fields) + "\n" for a in articles
    )
    assert pgcopy._rows(articles, fields).getvalue() == expected
    assert pgcopy.copy_value([]) == "[]" and pgcopy.copy_value({}) == "{}"


def test_a_record_as_dict_is_what_asdict_gave_and_a_copy_of_its_conflicts():
    """The job's records file and a held near-duplicate keep a record as a dict: the same dict as
    dataclasses.asdict, and changing it (its date conflicts included) leaves the record alone."""
    from dataclasses import asdict

    from sources.importing.records import ArticleRecord

    record = ArticleRecord(
        row=7,
        body=body(7),
        title="Ships dock",
        url="https://records.example/7",
        published_on="2025-03-17",
        published_precision="day",
        published_conflicts=[{"value": "2025-03-16", "source": "dateline"}],
    )
    values = record.as_dict()
    assert values == asdict(record)
    values["published_conflicts"][0]["value"] = "changed"
    values["title"] = "changed"
    assert record.published_conflicts == [{"value": "2025-03-16", "source": "dateline"}]
    assert record.title == "Ships dock"
    assert ArticleRecord(**record.as_dict()) == record


def stored_rows(articles: list[Article]) -> list[tuple[dict, dict]]:
    """Each article's stored row and its history row, as JSON, less what differs between two inserts of
    the same values (ids, URL, times)."""
    differ = {"id", "url", "created_at", "updated_at", "history_id", "history_date"}
    found = []
    with connection.cursor() as cursor:
        for article in articles:
            cursor.execute("SELECT row_to_json(a)::text FROM sources_article a WHERE id = %s", [article.pk])
            row = json.loads(cursor.fetchone()[0])
            cursor.execute(
                "SELECT row_to_json(h)::text FROM sources_historicalarticle h WHERE id = %s", [article.pk]
            )
            history = json.loads(cursor.fetchone()[0])
            found.append(
                (
                    {k: v for k, v in row.items() if k not in differ},
                    {k: v for k, v in history.items() if k not in differ},
                )
            )
    return found


def varied_articles(tag: str) -> list[Article]:
    """Articles with awkward text, dates or none, filled and empty JSON, a shared and a varying value."""
    import datetime as dt

    return [
        Article(
            url=f"https://{tag}.example/{n}",
            title=["Tab\there", "back\\slash \\N", "line\r\nend", "Ünïcödé Кириллица"][n],
            body=body(n) + ["", "\\.\n", "\r\n\t", " 'quoted' \"words\""][n],
            byline="Same byline",
            content_hash=f"{n}" * 64,
            published_on=dt.date(1999, 12, 31 - n) if n % 2 else None,
            published_precision="day" if n % 2 else "unknown",
            notes=[{"start": 0, "end": 4, "kind": "correction", "retracted": ["a\tb"]}] if n == 2 else [],
            published_conflicts=[{"date": "2025-03-01", "source": "dateline"}] if n == 1 else [],
        )
        for n in range(4)
    ]


def test_the_binary_copy_stores_what_the_text_copy_stores():
    """PostgreSQL: the articles and their history rows written through COPY's binary format are the
    rows its text format and INSERT ... SELECT write for the same values (awkward text, dates before
    2000 and none, JSON, the vector the trigger computes), and the binary format is the one used."""
    if connection.vendor != "postgresql":
        pytest.skip("COPY is PostgreSQL's")
    binary, text = varied_articles("binary"), varied_articles("text")
    sent: list[str] = []
    real = pgcopy._history_binary

    def recording(*args, **kwargs):
        found = real(*args, **kwargs)
        sent.append("binary" if found is not None else "text")
        return found

    with mock.patch.object(pgcopy, "_history_binary", recording):
        pgcopy.articles_insert_copy(binary)
    with mock.patch.object(pgcopy, "_binary_columns", lambda *args: None):
        pgcopy.articles_insert_copy(text)
    assert sent == ["binary"]
    assert stored_rows(binary) == stored_rows(text)
    assert [a.title for a in Article.objects.filter(pk__in=[a.pk for a in binary]).order_by("pk")] == [
        a.title for a in varied_articles("again")
    ]


def test_binary_columns_refuse_what_they_do_not_encode():
    """A naive time, a vector in text form or an unknown column type is not guessed at: the chunk goes
    in COPY's text format instead."""
    import datetime as dt

    with pytest.raises(pgcopy.BinaryUnsupported):
        pgcopy.binary_column([dt.datetime(2025, 3, 1, 12, 0)], "timestamp with time zone")
    with pytest.raises(pgcopy.BinaryUnsupported):
        pgcopy.binary_column(["'quay':1A", None], "tsvector")
    with pytest.raises(pgcopy.BinaryUnsupported):
        pgcopy.binary_column([1], "numeric")
    assert pgcopy.binary_column([None, None], "text") == [b"\xff\xff\xff\xff"] * 2
    assert pgcopy.binary_column(["a\tb", "Ü"], "text") == [
        b"\x00\x00\x00\x03a\tb",
        b"\x00\x00\x00\x02\xc3\x9c",
    ]
    assert pgcopy.binary_column([dt.date(2000, 1, 2)], "date") == [b"\x00\x00\x00\x04\x00\x00\x00\x01"]


def test_a_record_line_reads_back_as_the_record_and_old_lines_still_read():
    """The job's records file holds each record as one line, the list of its values (as_line); from_line
    gives back the same record, and reads the object lines of files written before (a job stopped
    before an upgrade and resumed after it)."""
    import json

    from sources.importing.records import ArticleRecord

    records = [
        ArticleRecord(row=2, body=body(2)),
        ArticleRecord(
            row=9,
            file="wire/feed.csv",
            body="Line one \\ with a backslash\n\u201cQuoted\u201d \u00e9t\u00e9 \u4e2d\u6587\ttab",
            title="Cranes \u2014 idle",
            url="https://records.example/9",
            outlet="Harbour Gazette",
            outlet_domain="records.example",
            byline="A. Writer",
            published_on="2025-03-17",
            published_precision="day",
            published_source="dateline",
            published_conflicts=[{"value": "2025-03-16", "source": "metadata"}],
            language="de",
            original="<p>page</p>",
        ),
    ]
    for record in records:
        line = record.as_line()
        assert line.endswith("\n") and line.count("\n") == 1  # one line per record, whatever the text
        assert isinstance(json.loads(line), list)
        assert ArticleRecord.from_line(line) == record
        assert ArticleRecord.from_line(json.dumps(record.as_dict(), ensure_ascii=False) + "\n") == record
