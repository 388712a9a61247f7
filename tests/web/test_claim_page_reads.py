"""The claim page's reads compiled once per process (claims.selectors.claim_page) give what the ORM's
querysets gave: the same history, annotations, link and event choices, and the page escapes them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from claims import selectors
from claims.models import Annotation, Claim, ClaimLink, Event
from claims.selectors import claim_page
from sources.models import Article, Outlet
from sources.services import article_store
from tests.web.conftest import quote_claim

pytestmark = pytest.mark.django_db

HOSTILE = '<script>alert("x")</script> & "quoted" \'single\''


def test_history_records_are_the_orms_records(make_world):
    """Each record's fields, type, date and user name, newest first, as claim.history gives them;
    limited to the newest `limit`."""
    world = make_world(1)
    claim = world["claims"][0][0]
    user = get_user_model().objects.create_user("hist<b>ory</b>", password="x")
    for low in (3, 4, 5):
        claim.quantity_low = claim.quantity_high = low
        claim._history_user = user if low != 4 else None
        claim.save()
    records = claim_page.history_records(claim, 3)
    orm = list(claim.history.select_related("history_user").order_by("-history_date", "-history_id")[:3])
    assert len(records) == 3 and len(orm) == 3
    for record, expected in zip(records, orm, strict=True):
        for field in Claim.history.model._meta.concrete_fields:
            if field.name != "history_user":
                assert getattr(record, field.attname) == getattr(expected, field.attname), field.name
        assert record.history_user == (expected.history_user.username if expected.history_user else None)
    changes = selectors.object_history(claim)
    assert [c.who for c in changes[:3]] == ["hist<b>ory</b>", "system", "hist<b>ory</b>"]
    assert changes[0].kind == "changed"
    assert [(old, new) for _, old, new in changes[0].fields] == [(4.0, 5.0), (4.0, 5.0)]


def test_event_choices_are_the_pickers_events(make_world):
    """Three columns of the same events, in the same order, for a claim with and without an event."""
    world = make_world(2)
    claim = world["claims"][0][0]
    older = Event.objects.create(title="Old harbour fire", date=dt.date(2020, 1, 2))
    older.articles.add(claim.article)
    for i in range(14):
        Event.objects.create(title=f"Later {i}")
    for case in (claim, world["claims"][1][2]):
        expected = [(e.pk, e.title, e.date) for e in selectors.event_candidates(case)]
        assert claim_page.event_choices(case) == expected and len(expected) == selectors.PICK_LIMIT


def test_link_choices_with_and_without_an_event(make_world):
    """The compiled choices are the ranked candidates, for a claim on an event and for one on none."""
    world = make_world(4)
    on_event = world["claims"][0][0]
    loose = quote_claim(world["claims"][1][0].article, world["claims"][1][0].quote)
    assert loose.event_id is None and on_event.event_id
    for claim in (on_event, loose):
        expected = [(c.pk, selectors.pick_label(c)) for c in selectors.link_candidates(claim)]
        assert expected and selectors.link_choices(claim) == expected


def test_the_claim_page_escapes_what_its_compiled_reads_bring(editor_client, editor, make_world):
    """Link cards (other claim's outlet, quote, rationale, reviewer), annotations, history users and
    event choices show hostile text as text."""
    world = make_world(1)
    claim = world["claims"][0][0]
    bad_outlet = Outlet.objects.create(name=f"Outlet {HOSTILE}", domain="bad.example")
    other_article = article_store(
        body=f"Some 2 ships {HOSTILE} docked, the port said.",
        outlet=bad_outlet,
        url="https://bad.example/a",
        title="t",
        published_on=dt.date(2025, 3, 1),
        published_precision="day",
    ).article
    other = quote_claim(other_article, f"Some 2 ships {HOSTILE}")
    reviewer = get_user_model().objects.create_user(f"rev{HOSTILE}"[:150], password="x")
    ClaimLink.objects.create(
        claim_a=claim,
        claim_b=other,
        relation="corroborates",
        confidence=0.9,
        rationale=f"why {HOSTILE}",
        status="confirmed",
        reviewed_by=reviewer,
    )
    Annotation.objects.create(
        article=claim.article,
        claim=claim,
        start=claim.start,
        end=claim.end,
        quote=claim.quote,
        note=f"note {HOSTILE}",
        created_by=editor,
    )
    event = Event.objects.create(title=f"Event {HOSTILE}")
    event.articles.add(claim.article)
    text = editor_client.get(reverse("claims:claim-detail", args=[claim.pk])).text
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quoted&quot; &#x27;single&#x27;"
    assert "<script>alert" not in text
    for shown in (
        f"Outlet {escaped}",
        f"why {escaped}",
        f"rev{escaped}",
        f"note {escaped}",
        f"Event {escaped}",
    ):
        assert shown in text, shown
    assert f'<option value="{event.pk}">Event {escaped}</option>' in text


def test_the_claim_for_its_page_is_claim_detail_with_the_same_related_rows(make_world, editor):
    """Every field of the claim and of each related row select_related loads (article with its text,
    outlet, speaker, event, reviewer, creator), also when a relation is empty; no query once read."""
    world = make_world(2)
    with_all = world["claims"][0][2]  # a statement: speaker, event
    Claim.objects.filter(pk=with_all.pk).update(reviewed_by=editor, created_by=editor)
    bare = quote_claim(world["claims"][1][0].article, world["claims"][1][0].quote)
    Article.objects.filter(pk=bare.article_id).update(outlet=None)
    for pk in (with_all.pk, bare.pk):
        expected = selectors.claim_detail().get(pk=pk)
        claim = claim_page.claim_for_page(pk)
        assert claim is not None
        for name in ("", "article", "article__outlet", "speaker", "event", "reviewed_by", "created_by"):
            want, got = expected, claim
            for step in name.split("__") if name else []:
                want, got = getattr(want, step), getattr(got, step)
            if want is None:
                assert got is None, name
                continue
            for field in type(want)._meta.concrete_fields:
                if field.attname not in want.get_deferred_fields():
                    assert getattr(got, field.attname) == getattr(want, field.attname), (name, field.name)
    assert claim_page.claim_for_page(10**12) is None and claim_page.claim_for_page(2**70) is None
