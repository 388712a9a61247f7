"""A follow-up links its own articles' claims: in an event that grows, the pairs of older articles are
not scored again (they were when those articles arrived), and the stance model reads each pair once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.extraction.types import StatementClaim
from claims.linking.context import sentence_around
from claims.models import Actor, Claim, ClaimLink, Event
from claims.services import linking
from claims.services.linking import StanceMemo, articles_link
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 17)


def report(n: int, ships: str, value: int):
    body = (
        f"{ships} cargo ships docked in Portville harbour on Saturday, the Portville harbour authority "
        "said. Dockworkers unloaded grain at Portville harbour all weekend."
    )
    article = article_store(
        body=body,
        outlet=outlet_get_or_create(name=f"Outlet {n}"),
        url=f"https://{n}.example/ships",
        title="Cargo ships dock in Portville harbour",
        published_on=DAY,
        published_precision="day",
    ).article
    phrase = f"{ships} cargo ships"
    claim = Claim.objects.create(
        article=article,
        kind="quantity",
        start=0,
        end=len(phrase),
        quote=phrase,
        quantity_low=value,
        quantity_high=value,
        unit="ship",
        unit_class="ship",
        extractor_version="t",
    )
    return article, claim


def test_a_new_article_in_an_event_is_linked_without_rescoring_older_pairs():
    """Two older reports were linked, then an editor removed their link; a third report joins the
    event: it gets links of its own, and the older pair is not suggested again by its follow-up."""
    (a, claim_a), (b, claim_b) = report(1, "Three", 3), report(2, "Four", 4)
    articles_link(article_ids=[a.pk, b.pk])
    assert ClaimLink.objects.filter(claim_a=min(claim_a.pk, claim_b.pk)).count() == 1
    ClaimLink.objects.all().delete()
    c, claim_c = report(3, "Five", 5)
    articles_link(article_ids=[c.pk])
    assert Event.objects.count() == 1
    links = list(ClaimLink.objects.values_list("claim_a", "claim_b"))
    assert links and all(claim_c.pk in pair for pair in links)


def test_the_stance_memo_reads_each_pair_once():
    """Pairs asked again (the same statement pair in a later step) are answered from the memo; the model
    reads only pairs it has not seen, each once, and the answers keep the order asked."""
    read: list[tuple[str, str]] = []

    def model(pairs):
        read.extend(pairs)
        return ["agree" if "rose" in text else "unrelated" for _, text in pairs]

    memo = StanceMemo(model)
    first = memo([("prices rose", "Prices rose in May."), ("x", "Nothing here.")])
    again = memo([("x", "Nothing here."), ("prices rose", "Prices rose in May."), ("x", "Nothing here.")])
    assert first == ["agree", "unrelated"] and again == ["unrelated", "agree", "unrelated"]
    assert read == [("prices rose", "Prices rose in May."), ("x", "Nothing here.")]
    assert (memo.asked, memo.scored) == (5, 2)


def test_the_stance_memo_keeps_no_text_and_tells_close_pairs_apart():
    """The memo remembers digests, not the texts of the pairs (their sentences are dropped with their
    step); pairs whose texts differ only in where claim and sentence meet get labels of their own."""
    memo = StanceMemo(lambda pairs: [f"{claim}|{text}" for claim, text in pairs])
    pairs = [("ab", "c"), ("a", "bc"), ("ab", "c")]
    assert memo(pairs) == ["ab|c", "a|bc", "ab|c"] and memo.scored == 2
    assert all(isinstance(key, bytes) and len(key) == 16 for key in memo.labels)


def test_one_memo_serves_a_whole_follow_up(monkeypatch):
    """articles_link makes one memo for all its steps (across and per event)."""
    made = []
    real = linking._stance_memo

    def counting():
        made.append(1)
        return real()

    monkeypatch.setattr(linking, "_stance_memo", counting)
    (a, _), (b, _) = report(1, "Three", 3), report(2, "Four", 4)
    articles_link(article_ids=[a.pk, b.pk])
    assert made == [1]


def _claims_of(article, count: int) -> None:
    """`count` more claims on `article`: a quantity, a date and statements with a speaker in turn."""
    speaker = Actor.objects.create(name=f"Harbour master {article.pk}")
    for i in range(count):
        kind = ("quantity", "date", "statement")[i % 3]
        Claim.objects.create(
            article=article,
            kind=kind,
            start=i * 9,
            end=i * 9 + 12,
            quote=article.body[i * 9 : i * 9 + 12],
            quantity_low=2 if kind == "quantity" else None,
            quantity_high=3 if kind == "quantity" else None,
            unit="ship" if kind == "quantity" else "",
            date_value=DAY if kind == "date" else None,
            date_precision="day" if kind == "date" else "",
            date_expression="on Saturday" if kind == "date" else "",
            speaker=speaker if kind == "statement" else None,
            polarity="denied" if i % 2 else "asserted",
            extractor_version="t",
        )


def test_the_linkers_claims_are_those_of_the_stored_claims():
    """The linker's claims, read as plain columns with each article's text read once, say what the
    stored claims say: kind, values, speaker, sentence, outlet, date, event, in the claims' order (built
    from whole model instances with their article, outlet and speaker, they held hundreds of MB)."""
    (a, _), (b, _) = report(1, "Three", 3), report(2, "Four", 4)
    _claims_of(a, 6)
    _claims_of(b, 4)
    Claim.objects.filter(article=b, kind="date").update(review_status=Claim.ReviewStatus.REJECTED)
    events = {a.pk: 7, b.pk: None}
    got = linking._linkable_claims(event_of=events.get, article_id__in=[a.pk, b.pk])
    stored = list(
        Claim.objects.filter(article__in=[a, b])
        .exclude(review_status=Claim.ReviewStatus.REJECTED)
        .select_related("article__outlet", "speaker")
    )
    assert [c.id for c in got] == [c.pk for c in stored]
    for mine, claim in zip(got, stored, strict=True):
        assert mine.claim == linking.extracted_from_claim(claim)
        assert (mine.sentence_start, mine.sentence) == sentence_around(
            claim.article.body, claim.start, claim.end
        )
        assert (mine.article_id, mine.outlet, mine.published, mine.event_id) == (
            claim.article_id,
            claim.article.outlet.name,
            claim.article.published_on,
            events[claim.article_id],
        )
    speakers = {c.claim.speaker for c in got if isinstance(c.claim, StatementClaim)}
    assert speakers == {f"Harbour master {a.pk}", f"Harbour master {b.pk}"}


def test_reading_the_linkers_claims_takes_the_same_queries_for_more_articles(django_assert_max_num_queries):
    """No query per claim or per article (a speaker, an outlet or a text fetched one by one): the
    count stays that of two articles for twelve."""
    reports = [report(n, "Three", 3)[0] for n in range(12)]
    for article in reports:
        _claims_of(article, 3)
    with CaptureQueriesContext(connection) as two:
        linking._linkable_claims(event_of=lambda _: None, article_id__in=[r.pk for r in reports[:2]])
    with django_assert_max_num_queries(len(two)):
        got = linking._linkable_claims(event_of=lambda _: None, article_id__in=[r.pk for r in reports])
    assert len(got) == 12 * 4


def test_an_article_placed_while_its_claims_are_read_is_read_then(monkeypatch):
    """Another worker may place an article in the event between reading the event's articles and
    reading their claims: its claims are still linked, with its own text and outlet."""
    (a, _), (b, _) = report(1, "Three", 3), report(2, "Four", 4)
    read = linking._articles_read
    calls = []

    def first_misses_b(ids):
        calls.append(list(ids))
        return read([i for i in calls[-1] if len(calls) > 1 or i != b.pk])

    monkeypatch.setattr(linking, "_articles_read", first_misses_b)
    got = linking._linkable_claims(event_of=lambda _: None, article_id__in=[a.pk, b.pk])
    assert calls[1:] == [[b.pk]]
    assert sorted((c.article_id, c.outlet) for c in got) == [(a.pk, "Outlet 1"), (b.pk, "Outlet 2")]
