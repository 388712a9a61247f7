"""Near-duplicates through the import: the job holds, skips, merges or keeps them; the job page lists
them and takes the editor's choice; the admin preview lists them and the confirmation applies the
choice; the command reports them. Files under tests/importing/data/near_duplicates/, written for these
tests (a wire story as a .txt file with its header, then a CSV with the same story again)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import numpy as np
import pytest
from django.core.management import call_command
from django.urls import reverse

from newstext.nearduplicates import SIGNATURE_VERSION, band_keys, signature
from sources.importing import nearduplicates
from sources.importing.service import import_job_create, import_job_run
from sources.models import Article, ArticleBand, ArticleFingerprint, ImportBatch, NearDuplicate

from .conftest import csv_bytes
from .near_duplicate_texts import CORRECTION, HEADER, OTHER_OUTLET_STORY, WIRE_STORY, with_new_intro

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "near_duplicates"
STORY_FILE = DATA / "port-veldan-terminal.txt"
ROWS_FILE = DATA / "wire-rows.csv"
CSV_FORMAT = "0"


def run(paths, **options) -> ImportBatch:
    batch = import_job_create(paths=paths, extract=False, **options)
    return import_job_run(batch_id=batch.pk)


def upload(path: Path) -> io.BytesIO:
    handle = io.BytesIO(path.read_bytes())
    handle.name = path.name
    return handle


def stored_story() -> Article:
    """The wire story imported once as a file (its header line gives title, outlet and date)."""
    batch = run([STORY_FILE])
    assert batch.rows_created == 1
    return Article.objects.get(import_batch=batch)


def test_every_stored_version_gets_a_signature_and_band_keys(tmp_path):
    """The import stores a signature and 32 band keys per new article, found again by the same text."""
    article = stored_story()
    assert ArticleFingerprint.objects.filter(article=article).exists()
    assert ArticleBand.objects.filter(article=article).count() == 32


def test_job_holds_near_duplicates_for_the_editor_by_default_on_upload(admin_client):
    """Upload the file, then the CSV with the same story twice over (a correction appended; another
    intro): the job page lists both rows with both titles, outlets and the similarity, and stores only
    the other outlet's own story. The editor merges one and skips the other: the stored article gets
    a new version keeping its title, the skipped row is stored nowhere."""
    admin_client.post(reverse("imports:new"), {"files": [upload(STORY_FILE)], "outlet": "Coastal Wire"})
    stored = Article.objects.get()
    response = admin_client.post(reverse("imports:new"), {"files": [upload(ROWS_FILE)]})
    batch = ImportBatch.objects.latest("created_at")
    assert response["Location"] == reverse("imports:detail", args=[batch.pk])
    assert (batch.status, batch.rows_created, batch.options["near_duplicates"]) == ("done", 1, "ask")
    assert Article.objects.count() == 2  # the stored story and the other outlet's

    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert "Near-duplicates" in page and "2 waiting for your choice" in page
    assert "Crane collapse shuts Port Veldan terminal" in page and "Harbour Daily" in page
    assert "Detours as Port Veldan terminal stays shut" in page and "Bay Evening Post" in page
    assert stored.title in page and "Coastal Wire" in page
    assert re.search(r">(8\d|9\d)%</td>", page) and re.search(r">(6\d|7\d|8\d)%</td>", page)
    held = {item.title: item for item in NearDuplicate.objects.filter(batch=batch)}
    assert {item.match_id for item in held.values()} == {stored.pk}
    assert all(item.decision == "pending" and item.record for item in held.values())

    merge = held["Crane collapse shuts Port Veldan terminal"]
    skip = held["Detours as Port Veldan terminal stays shut"]
    response = admin_client.post(
        reverse("imports:near-duplicates", args=[batch.pk]),
        {f"choice-{merge.pk}": "merge", f"choice-{skip.pk}": "skip"},
        follow=True,
    )
    page = response.content.decode()
    assert (
        "1 merged, 1 skipped" in page and "Merged as a new version" in page and "Skipped the new one" in page
    )
    stored.refresh_from_db()
    version = Article.objects.get(previous_version=stored)
    assert not stored.is_current and version.is_current and version.version == stored.version + 1
    assert version.title == stored.title and version.outlet == stored.outlet  # the stored article's
    assert CORRECTION.strip()[:40] in version.body and version.import_batch == batch
    assert version.url == "https://harbour-daily.example/2026/05/13/terminal-closed"  # the stored had none
    assert not Article.objects.filter(title__startswith="Detours").exists()
    assert ArticleFingerprint.objects.filter(article=version).exists()
    merge.refresh_from_db()
    skip.refresh_from_db()
    assert (merge.decision, merge.article, merge.record) == ("merge", version, {})
    assert (skip.decision, skip.article, skip.decided_by.username) == ("skip", None, "admin")
    batch.refresh_from_db()
    assert (batch.rows_versioned, batch.rows_skipped) == (1, 1)
    # A decided row is not decided twice.
    response = admin_client.post(
        reverse("imports:near-duplicates", args=[batch.pk]), {f"choice-{skip.pk}": "keep"}, follow=True
    )
    assert "decided already" in response.content.decode()
    assert not Article.objects.filter(title__startswith="Detours").exists()


def test_keep_stores_the_held_row_as_its_own_article(admin_client):
    """Keep both: the held row becomes an article of its own, linked from the job page."""
    stored = stored_story()
    batch = run([ROWS_FILE], near_duplicates="ask")
    item = NearDuplicate.objects.get(batch=batch, title="Crane collapse shuts Port Veldan terminal")
    admin_client.post(reverse("imports:near-duplicates", args=[batch.pk]), {f"choice-{item.pk}": "keep"})
    item.refresh_from_db()
    assert item.decision == "keep" and item.article.title == "Crane collapse shuts Port Veldan terminal"
    assert item.article.pk != stored.pk and item.article.is_current and stored.is_current
    page = admin_client.get(reverse("imports:detail", args=[batch.pk])).content.decode()
    assert reverse("sources:article-detail", args=[item.article.pk]) in page


def test_merge_keeps_the_editors_corrections_of_the_stored_article():
    """A merged row becomes the next version; the title and date an editor corrected stay."""
    stored = stored_story()
    Article.objects.filter(pk=stored.pk).update(title="Edited: terminal shut", published_source="editor")
    batch = run([ROWS_FILE], near_duplicates="merge")
    merged = NearDuplicate.objects.get(batch=batch, row=2).article  # the CSV's first row (line 2)
    assert merged.title == "Edited: terminal shut" and merged.published_source == "editor"
    assert merged.previous_version_id == stored.pk and merged.version == 2
    # The third row nearly duplicates the story too: it goes on the version the first row made.
    third = NearDuplicate.objects.get(batch=batch, row=4).article
    assert third.previous_version_id == merged.pk and third.version == 3 and third.is_current
    assert third.title == "Edited: terminal shut"
    assert batch.rows_versioned == 2 and batch.rows_created == 1  # the other outlet's story


@pytest.mark.parametrize(("policy", "created", "skipped"), [("keep", 3, 0), ("skip", 1, 2)])
def test_the_jobs_default_choice_decides_at_once(policy, created, skipped):
    """keep stores both and lists them, skip stores neither; nothing waits for a decision."""
    stored_story()
    batch = run([ROWS_FILE], near_duplicates=policy)
    assert (batch.rows_created, batch.rows_skipped) == (created, skipped)
    assert set(NearDuplicate.objects.filter(batch=batch).values_list("decision", flat=True)) == {policy}


def test_rows_of_one_file_are_compared_with_each_other(tmp_path):
    """Nothing stored yet: the third and fourth rows nearly duplicate the first row of the same chunk
    (rows are numbered by line, the header being line 1)."""
    rows = [
        {"url": "https://a.example/1", "title": "Wire", "outlet": "A", "body": WIRE_STORY},
        {"url": "https://b.example/2", "title": "Other", "outlet": "B", "body": OTHER_OUTLET_STORY},
        {"url": "https://c.example/3", "title": "Headed", "outlet": "C", "body": HEADER + WIRE_STORY},
        {"url": "https://d.example/4", "title": "Intro", "outlet": "D", "body": with_new_intro()},
    ]
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(rows))
    batch = run([path], near_duplicates="ask")
    first = Article.objects.get(url="https://a.example/1")
    assert batch.rows_created == 2
    assert list(NearDuplicate.objects.filter(batch=batch).values_list("row", "match_id", "decision")) == [
        (4, first.pk, "pending"),
        (5, first.pk, "pending"),
    ]


def test_merge_of_two_rows_of_one_file_makes_versions_in_order(tmp_path):
    """With "merge", the later rows of one file become versions of the first row's article."""
    rows = [
        {"url": "https://a.example/1", "title": "Wire", "body": WIRE_STORY},
        {"url": "https://c.example/3", "title": "Headed", "body": HEADER + WIRE_STORY},
    ]
    path = tmp_path / "rows.csv"
    path.write_bytes(csv_bytes(rows))
    batch = run([path], near_duplicates="merge")
    assert (batch.rows_created, batch.rows_versioned) == (1, 1)
    latest = Article.objects.get(is_current=True)
    assert latest.version == 2 and latest.url == "https://a.example/1" and latest.body.startswith(HEADER[:20])


def test_command_reports_near_duplicates_and_takes_the_default_choice(capsys):
    """import_articles --near-duplicates skip: the output names each row, the stored article, the
    similarity and what was done."""
    stored_story()
    out = io.StringIO()
    call_command("import_articles", str(ROWS_FILE), "--no-extract", "--near-duplicates", "skip", stdout=out)
    text = out.getvalue()
    assert "near-duplicates: 2" in text
    assert re.search(
        r"wire-rows\.csv row 2 'Crane collapse shuts Port Veldan terminal' ~ article \d+ .*\(\d+%\): skipped the new one",
        text,
    )
    assert Article.objects.count() == 2


def test_admin_preview_lists_near_duplicates_and_confirm_applies_the_choices(admin_client):
    """The admin import's preview lists each near-duplicate row with the stored article and the
    similarity, and a choice; confirming with merge for one row and skip for another does just that."""
    stored = stored_story()
    url = reverse("admin:sources_article_import")
    response = admin_client.post(
        url, {"format": CSV_FORMAT, "import_file": upload(ROWS_FILE), "resource": "0"}
    )
    page = response.content.decode()
    assert "2 rows nearly duplicate an article" in page
    assert 'name="near-1"' in page and 'name="near-3"' in page and 'name="near-2"' not in page
    assert stored.title in page and "Crane collapse shuts Port Veldan terminal" in page
    confirm = response.context["confirm_form"].initial
    response = admin_client.post(
        reverse("admin:sources_article_process_import"),
        {**confirm, "near-1": "merge", "near-3": "skip"},
    )
    assert response.status_code == 302
    stored.refresh_from_db()
    version = Article.objects.get(previous_version=stored)
    assert not stored.is_current and CORRECTION.strip()[:40] in version.body
    assert not Article.objects.filter(title__startswith="Detours").exists()
    assert Article.objects.filter(title="Crane topples onto ship at Port Veldan").exists()
    batch = ImportBatch.objects.get(source="admin")
    assert dict(NearDuplicate.objects.filter(batch=batch).values_list("row", "decision")) == {
        1: "merge",
        3: "skip",
    }


def test_admin_preview_flags_two_rows_of_one_file(admin_client, tmp_path):
    """Nothing stored: the preview names the earlier row a row nearly duplicates."""
    path = tmp_path / "two.csv"
    path.write_bytes(
        csv_bytes(
            [{"title": "Wire", "body": WIRE_STORY}, {"title": "Again", "body": WIRE_STORY + CORRECTION}]
        )
    )
    response = admin_client.post(
        reverse("admin:sources_article_import"),
        {"format": CSV_FORMAT, "import_file": upload(path), "resource": "0"},
    )
    page = response.content.decode()
    assert "1 row nearly duplicates an article" in page and "row 1 of this file" in page


def test_articles_stored_before_are_fingerprinted_by_the_command():
    """An article stored without a signature (before this check existed) is filled in by
    fingerprint_articles, and a later import then finds it."""
    stored = stored_story()
    ArticleFingerprint.objects.all().delete()
    ArticleBand.objects.all().delete()
    out = io.StringIO()
    call_command("fingerprint_articles", stdout=out)
    assert "fingerprinted 1 article(s)" in out.getvalue()
    assert ArticleBand.objects.filter(article=stored).count() == 32
    call_command("fingerprint_articles", stdout=out)
    assert "fingerprinted 0 article(s)" in out.getvalue()
    batch = run([ROWS_FILE], near_duplicates="skip")
    assert batch.rows_skipped == 2


def test_signatures_of_an_older_version_are_recomputed_not_compared():
    """A signature stored by an older SIGNATURE_VERSION (other hashes: its values and band keys mean
    nothing to the current ones) is never a candidate; fingerprint_articles replaces it and its band
    rows with the current version's, and a later import then finds the article."""
    stored = stored_story()
    fingerprint = ArticleFingerprint.objects.get(article=stored)
    assert fingerprint.version == SIGNATURE_VERSION
    ArticleFingerprint.objects.filter(article=stored).update(version=SIGNATURE_VERSION - 1)
    assert nearduplicates.stored_matches([signature(HEADER + WIRE_STORY)]) == [None]
    stale_key = 12345  # a band row of the old version, unknown to the current one
    ArticleBand.objects.create(article=stored, key=stale_key)
    out = io.StringIO()
    call_command("fingerprint_articles", stdout=out)
    assert "fingerprinted 1 article(s)" in out.getvalue()
    assert ArticleFingerprint.objects.get(article=stored).version == SIGNATURE_VERSION
    keys = set(ArticleBand.objects.filter(article=stored).values_list("key", flat=True))
    assert keys == set(band_keys(signature(stored.body)))
    match = nearduplicates.stored_matches([signature(HEADER + WIRE_STORY)])[0]
    assert match is not None and match.article_id == stored.pk


def test_band_rows_keep_one_row_per_key_and_follow_a_deleted_article():
    """Two bands of one signature with the same key (a chance of 2**-64) store one row, not a failed
    chunk (the key and article are the primary key); deleting the article deletes its rows, though the
    table has no foreign-key constraint in the database."""
    stored = stored_story()
    keys = np.arange(32, dtype=np.int64).reshape(1, 32)
    keys[0, 5] = keys[0, 9]
    assert nearduplicates._band_rows([stored.pk], keys) == [
        (int(k), stored.pk) for k in dict.fromkeys(keys[0].tolist())
    ]
    assert ArticleBand.objects.filter(article=stored).count() == 32
    stored.delete()
    assert not ArticleBand.objects.filter(article_id=stored.pk).exists()


def test_job_page_queries_stay_bounded(admin_client, django_assert_max_num_queries):
    """The job page with near-duplicates listed costs a fixed number of queries, however many rows."""
    stored_story()
    batch = run([ROWS_FILE], near_duplicates="ask")
    with django_assert_max_num_queries(14):
        response = admin_client.get(reverse("imports:detail", args=[batch.pk]))
    assert response.content.decode().count("data-near-duplicate=") == 2


def test_a_decision_that_stores_an_article_has_it_extracted():
    """A job that extracts claims: the article a "keep" stores after the job finished is extracted too
    (the job's extraction and linking run again for what is new), and the job ends done."""
    from sources.importing.decisions import near_duplicate_decide

    stored_story()
    batch = import_job_create(paths=[ROWS_FILE], extract=True, near_duplicates="ask")
    batch = import_job_run(batch_id=batch.pk)
    batch.refresh_from_db()
    assert batch.status == "done"
    item = NearDuplicate.objects.get(batch=batch, title="Crane collapse shuts Port Veldan terminal")
    near_duplicate_decide(item=item, decision="keep")
    item.refresh_from_db()
    item.article.refresh_from_db()
    batch.refresh_from_db()
    assert item.article.extraction_status == "done" and item.article.claims.exists()
    assert batch.status == "done" and batch.rows_created == 2


def filler_story(number: int) -> str:
    """A story of its own (no 5-word run in common with the wire story), for a crowd of stored texts."""
    words = " ".join(f"item{number}x{i}" for i in range(60))
    return f"Council notice {number} lists the week's road closures and library hours: {words}."


def test_a_crowded_band_bucket_does_not_hide_the_true_duplicate(tmp_path, monkeypatch):
    """Many older stored texts share all but one of an incoming story's band keys (template-built stories
    do: a common band says little). The lookup reads at most ROWS_PER_KEY rows per key (the oldest), so
    the crowd cannot use up the rows of the other keys: the story it repeats, stored after the crowd and
    sharing only the one uncrowded key, is still found, and the import skips the row."""
    monkeypatch.setattr(nearduplicates, "ROWS_PER_KEY", 4)
    crowd = [
        Article.objects.create(url=f"https://crowd.example/{i}", body=filler_story(i)) for i in range(20)
    ]
    nearduplicates.fingerprints_store(crowd)
    story = stored_story()
    incoming = HEADER + WIRE_STORY + CORRECTION
    keys = band_keys(signature(incoming))
    shared = sorted(set(keys) & set(ArticleBand.objects.filter(article=story).values_list("key", flat=True)))
    assert shared, "the story and its corrected copy share a band key"
    uncrowded = shared[-1]  # the last key asked: an overall LIMIT runs out before it
    ArticleBand.objects.bulk_create(
        ArticleBand(article=a, key=key) for a in crowd for key in set(keys) if key != uncrowded
    )
    story_keys = list(ArticleBand.objects.filter(article=story).values_list("key", flat=True))
    ArticleBand.objects.filter(article=story).delete()  # the story's rows written after the crowd's
    ArticleBand.objects.bulk_create(ArticleBand(article=story, key=key) for key in story_keys)
    heads = nearduplicates._bucket_heads(sorted(set(keys))).as_dict()
    assert heads[uncrowded] == [story.pk]
    oldest = sorted(a.pk for a in crowd)[:4]
    assert all(heads[key] == oldest for key in set(keys) - {uncrowded})

    match = nearduplicates.stored_matches([signature(incoming)])[0]
    assert match is not None and match.article_id == story.pk and match.similarity >= 0.5
    path = tmp_path / "copy.csv"
    path.write_bytes(
        csv_bytes([{"url": "https://e.example/5", "title": "Copy", "outlet": "E", "body": incoming}])
    )
    batch = run([path], near_duplicates="skip")
    assert (batch.rows_created, batch.rows_skipped) == (0, 1)


@pytest.mark.parametrize("first_id", [1, 2**55], ids=["packed-sort", "ids-too-large-to-pack"])
def test_candidates_counted_for_the_whole_chunk_are_those_counted_text_by_text(first_id):
    """_most_shared ranks every text's candidates in array operations over the chunk: the same ids as
    counting each text's buckets one by one (the CANDIDATES found under the most of its keys, ties to
    the smaller id), with crowded buckets, keys asked twice by one text, and texts finding nothing;
    whether (text, count, id) fit in one int64 and are ranked by plain sorts or ids are too large
    for that and lexsort ranks them."""
    from collections import Counter
    from itertools import chain

    rng = np.random.default_rng(17)
    keys = rng.integers(0, 60, size=(40, 32), dtype=np.int64) - 30  # keys of either sign, many shared
    keys[3] = 1000  # a text whose keys find nothing
    by_key = {
        int(key): sorted((first_id + rng.choice(500, size=int(rng.integers(1, 40)), replace=False)).tolist())
        for key in range(-30, 30, 2)  # half the keys have a bucket
    }
    packed = nearduplicates._packed_ranking(
        np.zeros(1, dtype=np.int64), np.array([first_id], dtype=np.int64), len(keys), keys.shape[1]
    )
    assert (packed is None) == (first_id > 2**40)  # the case named is the one tested

    def one_by_one(row: list[int]) -> list[int]:
        shared = Counter(chain.from_iterable(by_key[key] for key in row if key in by_key))
        return sorted(sorted(shared, key=lambda i: (-shared[i], i))[: nearduplicates.CANDIDATES])

    texts, ids = nearduplicates._most_shared(keys, nearduplicates.Buckets.from_dict(by_key))
    for text, row in enumerate(keys.tolist()):
        assert ids[texts == text].tolist() == one_by_one(row), text
    assert not (texts == 3).any()
    assert any(len(one_by_one(row)) == nearduplicates.CANDIDATES for row in keys.tolist())  # some cut


def test_candidates_signatures_come_back_in_id_order_current_versions_only():
    """_current_signatures reads the candidates' signatures as one (ids x PERMUTATIONS) matrix in id
    order (on PostgreSQL packed into one row): each row is that article's stored signature, a version
    no longer current and a signature of another SIGNATURE_VERSION are left out, and asking for none
    found gives empty arrays of the right shape."""
    from newstext.nearduplicates import PERMUTATIONS, signature_bytes

    articles = [
        Article.objects.create(title=f"Ferry {n}", body=f"The ferry number {n} left the quay at dawn.")
        for n in range(4)
    ]
    values = [signature(f"A text of my own about ferry {n} and its crew of {n + 3}.") for n in range(4)]
    for article, row in zip(articles, values, strict=True):
        ArticleFingerprint.objects.create(
            article=article, signature=signature_bytes(row), version=SIGNATURE_VERSION
        )
    Article.objects.filter(pk=articles[1].pk).update(is_current=False)
    ArticleFingerprint.objects.filter(article=articles[2]).update(version=SIGNATURE_VERSION - 1)

    known, matrix = nearduplicates._current_signatures([a.pk for a in reversed(articles)])

    assert known.tolist() == [articles[0].pk, articles[3].pk]
    assert matrix.shape == (2, PERMUTATIONS)
    assert (matrix[0] == values[0]).all() and (matrix[1] == values[3]).all()
    none_known, empty = nearduplicates._current_signatures([articles[1].pk])
    assert none_known.tolist() == [] and empty.shape == (0, PERMUTATIONS)


def test_a_band_lookup_read_in_any_order_gives_the_same_buckets():
    """The band lookup's statement sends keys, sizes and ids without sorting them in the database:
    _ordered_buckets keeps them as read when the keys ascend and each key's ids ascend, and otherwise
    (keys in another order, a key's ids out of order) builds the same buckets as the ordered read."""
    keys = np.array([5, 9, 40], dtype=np.int64)
    sizes = np.array([2, 1, 3], dtype=np.int64)
    ids = np.array([3, 8, 2, 1, 4, 7], dtype=np.int64)
    expected = {5: [3, 8], 9: [2], 40: [1, 4, 7]}
    as_read = nearduplicates._ordered_buckets(keys, sizes, ids)
    assert as_read.as_dict() == expected
    assert as_read.ids is ids  # nothing sorted when nothing needs it
    # the keys in another order, their ids with them
    shuffled = nearduplicates._ordered_buckets(
        np.array([40, 5, 9], dtype=np.int64),
        np.array([3, 2, 1], dtype=np.int64),
        np.array([1, 4, 7, 3, 8, 2], dtype=np.int64),
    )
    assert shuffled.as_dict() == expected
    assert shuffled.keys.tolist() == [5, 9, 40]
    # one key's ids out of order (the next key's first id being smaller is not)
    swapped = nearduplicates._ordered_buckets(keys, sizes, np.array([8, 3, 2, 7, 1, 4], dtype=np.int64))
    assert swapped.as_dict() == expected
    assert nearduplicates._ordered_buckets(*(np.empty(0, dtype=np.int64),) * 3).as_dict() == {}
