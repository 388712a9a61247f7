"""A parsed batch of articles is stored in one transaction with a few queries, not a few per article,
and one bad article still fails alone."""

import dataclasses
import datetime as dt

import pytest
from django.db import IntegrityError, connection
from django.test.utils import CaptureQueriesContext

from claims.extraction import extract
from claims.models import Actor, ActorAlias, ActorRole, Claim, ClaimLink
from claims.models.rows import insert_rows, update_rows
from claims.services.extraction import (
    ActorResolver,
    actor_for_speaker,
    article_store_extraction,
    articles_extract_pending,
    articles_store_extractions,
)
from sources.models import Article
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 4, 2)


def _texts(n: int) -> list[str]:
    return [
        f"Harbour master Ilse Marrow said {n + 3} trawlers left Dunmere on Tuesday. "
        f"Marrow, the harbour master, said the quay would reopen in May. "
        f'"We expect {n + 10} boats back by June," Marrow said.'
        for n in range(n)
    ]


def _articles(n: int) -> list[Article]:
    outlet = outlet_get_or_create(name="Dunmere Post")
    return [
        article_store(
            body=text,
            outlet=outlet,
            url=f"https://post.example/{i}",
            title=f"Trawlers leave Dunmere ({i})",
            published_on=DAY,
            published_precision="day",
        ).article
        for i, text in enumerate(_texts(n))
    ]


def test_a_batch_stores_what_one_by_one_stores():
    """The same claims, speakers and roles whether the articles are stored in one batch or one by one."""
    articles = _articles(4)
    found = [extract(a.body, published=a.published_on) for a in articles]
    one_by_one = [
        article_store_extraction(article=a, extraction=f) for a, f in zip(articles, found, strict=True)
    ]
    rows = sorted(Claim.objects.values_list("article_id", "kind", "start", "end", "speaker__name"))
    Claim.objects.all().delete()
    Actor.objects.all().delete()
    ActorResolver.forget()
    assert articles_store_extractions(items=list(zip(articles, found, strict=True))) == one_by_one
    assert sorted(Claim.objects.values_list("article_id", "kind", "start", "end", "speaker__name")) == rows
    # one speaker named in every statement of every article: one actor, one role row
    assert Actor.objects.filter(name="Ilse Marrow").count() == 1
    assert ActorRole.objects.filter(actor__name="Ilse Marrow").count() == 1
    assert set(Article.objects.values_list("extraction_status", flat=True)) == {"done"}


def test_a_batch_costs_a_few_queries_not_a_few_per_article():
    articles = _articles(12)
    found = [extract(a.body, published=a.published_on) for a in articles]
    article_store_extraction(article=articles[0], extraction=found[0])  # the speaker and role exist
    with CaptureQueriesContext(connection) as one:
        article_store_extraction(article=articles[1], extraction=found[1])
    with CaptureQueriesContext(connection) as ten:
        articles_store_extractions(items=list(zip(articles[2:], found[2:], strict=True)))
    # the articles' rows and their history rows too are one query each for the whole batch
    assert len(ten) <= len(one) + 2, [q["sql"][:80] for q in ten.captured_queries]
    updates = [q["sql"] for q in ten.captured_queries if q["sql"].startswith('UPDATE "sources_article"')]
    assert len(updates) == 1


def test_a_batch_records_each_article_as_its_own_save_would():
    """Each article of a batch gets what the extraction tells of it and one history record, with the
    fields, type, user and reason a save of that article records (`article.history` shows it)."""
    articles = _articles(3)
    found = [extract(a.body, published=a.published_on) for a in articles]
    before = {a.pk: a.history.count() for a in articles}
    articles_store_extractions(items=list(zip(articles, found, strict=True)))
    for article in articles:
        stored = Article.objects.get(pk=article.pk)
        assert stored.extraction_status == "done" and stored.extracted_at is not None
        assert stored.updated_at >= stored.extracted_at
        assert article.history.count() == before[article.pk] + 1
        record = article.history.order_by("-history_id").first()
        assert (record.history_type, record.history_user, record.history_change_reason) == ("~", None, None)
        assert (record.extractor_version, record.content_hash) == (
            found[0].extractor_version,
            stored.content_hash,
        )
        # what a save of the article records now, against what the batch recorded
        stored.save()
        again = article.history.order_by("-history_id").first()
        skip = {"history_id", "history_date", "history_type"}
        fields = [f.attname for f in type(record)._meta.concrete_fields if f.attname not in skip]
        assert [getattr(record, f) for f in fields] == [getattr(again, f) for f in fields]


def test_one_bad_article_fails_alone(monkeypatch):
    """A batch that cannot be stored whole is stored article by article: the bad one is recorded as
    failed, the others are stored."""
    articles = _articles(3)
    real = extract

    def extract_many(inputs):
        out = [real(**i) for i in inputs]
        # the second article's first claim points outside its text: the span rule refuses it
        claim = out[1].claims[0]
        out[1].claims[0] = dataclasses.replace(claim, start=5000, end=5010)
        return out

    monkeypatch.setattr("claims.services.extraction.extract_many", extract_many)
    counts = articles_extract_pending(article_ids=[a.pk for a in articles])
    assert (counts["articles"], counts["failed"]) == (2, 1)
    status = dict(Article.objects.values_list("pk", "extraction_status"))
    assert [status[a.pk] for a in articles] == ["done", "failed", "done"]
    assert not Claim.objects.filter(article=articles[1]).exists()
    assert Claim.objects.filter(article=articles[2]).exists()


def test_insert_rows_writes_what_bulk_create_writes_and_keeps_the_span_rule():
    (article,) = _articles(1)
    found = extract(article.body, published=article.published_on)
    article_store_extraction(article=article, extraction=found)
    stored = list(Claim.objects.filter(article=article).order_by("pk"))
    copies = [
        Claim(**{f.attname: getattr(c, f.attname) for f in Claim._meta.concrete_fields if not f.primary_key})
        for c in stored
    ]
    Claim.objects.insert_rows(copies)
    assert all(c.pk is not None and not c._state.adding for c in copies)
    assert len({c.pk for c in copies} | {c.pk for c in stored}) == 2 * len(stored)
    skip = {"id", "created_at", "updated_at", "search_vector"}

    def values(claims):
        rows = Claim.objects.filter(pk__in=[c.pk for c in claims]).order_by("pk").values()
        return [{k: v for k, v in row.items() if k not in skip} for row in rows]

    assert values(copies) == values(stored)
    wrong = Claim(article=article, kind="statement", start=0, end=9, quote="not there", extractor_version="t")
    with pytest.raises(IntegrityError):
        Claim.objects.insert_rows([wrong])
    assert not Claim.objects.filter(quote="not there").exists()


def test_insert_rows_can_skip_the_rows_a_unique_constraint_refuses():
    """A linking step stores its suggestions this way: a pair stored meanwhile (another worker, an
    earlier step) is left as it is, the others are stored."""
    articles = _articles(2)
    for article in articles:
        article_store_extraction(article=article, extraction=extract(article.body, published=DAY))
    a, b, c = Claim.objects.filter(kind="statement").order_by("pk")[:3]
    ClaimLink.objects.create(
        claim_a=a, claim_b=b, relation="corroborates", status="rejected", rationale="first"
    )
    rows = [
        ClaimLink(claim_a=a, claim_b=b, relation="corroborates", confidence=0.9, rationale="again"),
        ClaimLink(claim_a=a, claim_b=c, relation="corroborates", confidence=0.8, rationale="new"),
    ]
    insert_rows(ClaimLink, rows, using="default", ignore_conflicts=True)
    stored = dict(ClaimLink.objects.values_list("claim_b_id", "status"))
    assert stored == {b.pk: "rejected", c.pk: "suggested"}
    assert ClaimLink.objects.get(claim_b=c).rationale == "new"


def test_update_rows_writes_what_bulk_update_writes():
    """Dates (and none), JSON lists, text and timestamps, each row its own values, other rows untouched
    (one UPDATE ... FROM VALUES on PostgreSQL, bulk_update elsewhere)."""
    first, second, third = _articles(3)
    first.published_on, first.published_precision = None, "unknown"
    first.published_conflicts = [{"date": "2025-04-01", "source": "header"}]
    second.published_on, second.notes = dt.date(2024, 12, 31), [{"kind": "correction", "text": "x"}]
    second.extraction_error, second.extracted_at = 'it\'s "quoted"', dt.datetime(2025, 4, 2, 9, tzinfo=dt.UTC)
    third.published_on = dt.date(1999, 1, 1)  # changed on the object, not written
    fields = [
        "published_on",
        "published_precision",
        "published_conflicts",
        "notes",
        "extraction_error",
        "extracted_at",
    ]
    update_rows(Article, [first, second], fields, using="default")
    rows = {a.pk: a for a in Article.objects.filter(pk__in=[first.pk, second.pk, third.pk])}
    for article in (first, second):
        assert [getattr(rows[article.pk], f) for f in fields] == [getattr(article, f) for f in fields]
    assert rows[third.pk].published_on == DAY


SPEAKERS = [
    ("Harbour master", "Ilse Marrow"),
    ("Port engineer", "Tomas Quill"),
    ("Fisheries inspector", "Orla Penhallow"),
    ("Coastguard commander", "Bram Ostley"),
]


def _speaking_articles() -> list[Article]:
    """One article per speaker, each naming them with their role; the last names the first speaker
    again, spelt with one letter off."""
    outlet = outlet_get_or_create(name="Dunmere Post")
    texts = [
        f"{role} {name} said {n + 3} trawlers left Dunmere on Tuesday. "
        f'"We expect {n + 10} boats back by June," {name.split()[-1]} said.'
        for n, (role, name) in enumerate(SPEAKERS)
    ]
    texts.append("Harbour master Ilse Marow said 9 trawlers stayed in Dunmere on Wednesday.")
    return [
        article_store(
            body=text,
            outlet=outlet,
            url=f"https://post.example/speakers/{i}",
            title=f"Dunmere quay ({i})",
            published_on=DAY,
            published_precision="day",
        ).article
        for i, text in enumerate(texts)
    ]


def test_a_batch_writes_its_speakers_roles_and_spellings_in_one_statement_each():
    """Every new role and new spelling of a batch is stored, with the article that first gave it, by one
    insert per table for the whole batch (a get_or_create each cost four statements)."""
    articles = _speaking_articles()
    found = [extract(a.body, published=a.published_on) for a in articles]
    with CaptureQueriesContext(connection) as queries:
        articles_store_extractions(items=list(zip(articles, found, strict=True)))
    roles = {
        (r.actor.name, r.title.lower(), r.first_seen_in_id) for r in ActorRole.objects.select_related("actor")
    }
    assert roles == {(name, role.lower(), a.pk) for (role, name), a in zip(SPEAKERS, articles, strict=False)}
    assert list(ActorAlias.objects.values_list("actor__name", "name")) == [("Ilse Marrow", "Ilse Marow")]
    inserts = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert sum('"claims_actorrole"' in sql for sql in inserts) == 1, inserts
    assert sum('"claims_actoralias"' in sql for sql in inserts) == 1, inserts


def test_a_role_or_spelling_already_stored_is_left_as_it_is():
    """A role or spelling another article (or worker) stored first keeps its row: the batch neither
    fails on the unique constraint nor rewrites who first gave it."""
    articles = _speaking_articles()
    found = [extract(a.body, published=a.published_on) for a in articles]
    marrow = Actor.objects.create(name="Ilse Marrow", kind=Actor.Kind.PERSON)
    earlier = articles[3]
    ActorRole.objects.create(actor=marrow, title="Harbour master", first_seen_in=earlier)
    ActorAlias.objects.create(actor=marrow, name="Ilse Marow")
    ActorResolver.forget()
    resolver = ActorResolver()
    # another worker stores the second speaker's role after this process read the roles
    quill = Actor.objects.create(name="Tomas Quill", kind=Actor.Kind.PERSON)
    ActorRole.objects.create(actor=quill, title="Port engineer", first_seen_in=earlier)

    articles_store_extractions(items=list(zip(articles, found, strict=True)), resolver=resolver)

    assert ActorRole.objects.filter(actor=marrow).get().first_seen_in_id == earlier.pk
    assert ActorRole.objects.filter(actor=quill).get().first_seen_in_id == earlier.pk
    assert ActorAlias.objects.filter(actor=marrow).count() == 1
    assert ActorRole.objects.count() == len(SPEAKERS)


def test_one_speaker_resolved_alone_is_stored_at_once(article):
    """Outside a batch (an editor's claim), a new role is written by the call itself."""
    actor = actor_for_speaker(name="Petra Lindqvist", role="Lock keeper", article=article)
    assert list(actor.roles.values_list("title", "first_seen_in_id")) == [("Lock keeper", article.pk)]
