"""Linking through the database: events for new articles, suggestions stored once, rejections respected."""

import datetime as dt

import pytest

from claims.models import Claim, ClaimLink, Event
from claims.services import linking
from claims.services.linking import articles_link, event_suggest_links
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 17)


def store(outlet_name: str, url: str, title: str, body: str, day=DAY):
    outlet = outlet_get_or_create(name=outlet_name)
    return article_store(
        body=body, outlet=outlet, url=url, title=title, published_on=day, published_precision="day"
    ).article


def quantity(article, phrase: str, value: float, unit: str) -> Claim:
    start = article.body.index(phrase)
    return Claim.objects.create(
        article=article,
        kind="quantity",
        start=start,
        end=start + len(phrase),
        quote=phrase,
        quantity_low=value,
        quantity_high=value,
        unit=unit,
        unit_class=unit,
        extractor_version="t",
    )


@pytest.fixture
def two_reports():
    a = store(
        "Harbour Times",
        "https://a.example/1",
        "Three cargo ships dock in Portville harbour",
        "Three cargo ships docked in Portville harbour on Saturday, the Portville harbour authority said.",
    )
    b = store(
        "Coast Radio",
        "https://b.example/1",
        "Cargo ships dock in Portville harbour",
        "Four cargo ships docked in Portville harbour on Saturday, according to the Portville harbour authority.",
    )
    quantity(a, "Three cargo ships", 3, "ship")
    quantity(b, "Four cargo ships", 4, "ship")
    return a, b


def test_reports_of_one_happening_share_an_event_and_get_a_link(two_reports):
    a, b = two_reports
    counts = articles_link()
    assert counts["articles"] == 2 and counts["events"] == 1
    event = Event.objects.get()
    assert set(event.articles.all()) == {a, b}
    assert set(Claim.objects.values_list("event", flat=True)) == {event.pk}
    link = ClaimLink.objects.get()
    assert link.relation == "contradicts" and link.origin == "suggested" and link.status == "suggested"
    assert link.rationale and 0 <= link.confidence <= 1


def test_an_unrelated_later_article_starts_its_own_event(two_reports):
    articles_link()
    store(
        "City Post",
        "https://c.example/1",
        "Council approves library budget",
        "The city council approved a new library budget on Monday after a long debate.",
        DAY + dt.timedelta(days=40),
    )
    counts = articles_link()
    assert counts == {"articles": 1, "events": 1, "links": 0}
    assert Event.objects.count() == 2


def test_a_plan_made_before_another_worker_placed_the_story_is_made_again(two_reports, monkeypatch):
    """Workers plan events outside the write transaction; when another worker places a report of the
    same story between the plan and the write, the plan is made again: one event, not two."""
    a, b = two_reports
    plan = linking._event_plan
    others: list[dict] = []
    plans = []

    def plan_then_another_worker(*, articles):
        made = plan(articles=articles)
        plans.append(made)
        if len(plans) == 1:  # after the first plan only: the other worker's own plan runs as it is
            others.append(articles_link(article_ids=[b.pk]))
        return made

    monkeypatch.setattr(linking, "_event_plan", plan_then_another_worker)
    assert articles_link(article_ids=[a.pk])["events"] == 1
    assert others == [{"articles": 1, "events": 1, "links": 0}]
    assert len(plans) == 3  # this worker's, the other's, then this one's again under the lock
    event = Event.objects.get()
    assert set(event.articles.all()) == {a, b}
    assert ClaimLink.objects.count() == 1


def test_a_rejected_suggestion_never_comes_back(two_reports):
    articles_link()
    link = ClaimLink.objects.get()
    link.status = "rejected"
    link.save()
    assert event_suggest_links(event=Event.objects.get()) == 0
    assert ClaimLink.objects.get().status == "rejected"


def test_an_editor_link_is_not_overwritten(two_reports):
    _a, _b = two_reports
    first, second = sorted(Claim.objects.all(), key=lambda c: c.pk)
    ClaimLink.objects.create(
        claim_a=first, claim_b=second, relation="corroborates", origin="editor", status="confirmed"
    )
    articles_link()
    link = ClaimLink.objects.get()
    assert (link.relation, link.origin, link.status) == ("corroborates", "editor", "confirmed")


def statement(article, content: str, speaker: str) -> Claim:
    from claims.services.extraction import ActorResolver

    start = article.body.index(content)
    actor = ActorResolver().actor_for(name=speaker, kind="person", role=None, article=article)
    return Claim.objects.create(
        article=article,
        kind="statement",
        start=start,
        end=start + len(content),
        quote=content,
        speaker=actor,
        extractor_version="t",
    )


def test_one_statement_reported_in_two_events_is_linked_across_them(editor):
    """A minister's denial reported on the day and again twelve days later (two events, too far apart
    for one) is one statement: the link is suggested, once, and a rejection holds."""
    from claims.services.editing import link_review

    denial = "Dresnia does not intend to increase its troop presence in Kallia"
    a = store(
        "Harbour Times",
        "https://a.example/denial",
        "Dresnian troops land in Kallia",
        f"Minister Ivo Ryland said {denial}. Two planes landed in Kallia on Saturday.",
    )
    b = store(
        "Coast Radio",
        "https://b.example/talks",
        "Kallia talks open in Tarvos",
        f"Talks opened in Tarvos. Ivo Ryland repeated that {denial}, his office said.",
        day=DAY + dt.timedelta(days=12),
    )
    first = statement(a, denial, "Ivo Ryland")
    second = statement(b, denial, "Ivo Ryland")
    articles_link()
    assert set(a.events.all()).isdisjoint(b.events.all())
    link = ClaimLink.objects.get(claim_a=first, claim_b=second)
    assert link.relation == "corroborates" and link.status == "suggested" and "Ivo Ryland" in link.rationale

    link_review(link=link, user=editor, decision="reject")
    articles_link(article_ids=[a.pk, b.pk])
    assert ClaimLink.objects.filter(claim_a=first, claim_b=second).values_list("status", flat=True).get() == (
        "rejected"
    )
    assert ClaimLink.objects.count() == 1


def test_linking_across_events_goes_in_bounded_steps(monkeypatch):
    """Each step links a bounded number of new articles in its own transaction and reports progress;
    the articles of later steps are context for earlier ones and are linked in their turn."""
    import claims.services.linking as service

    monkeypatch.setattr(service, "ACROSS_CHUNK", 1)
    denial = "Dresnia does not intend to increase its troop presence in Kallia"
    a = store("Harbour Times", "https://a.example/d", "Dresnian troops land", f"Ivo Ryland said {denial}.")
    b = store(
        "Coast Radio",
        "https://b.example/d",
        "Kallia talks open in Tarvos",
        f"Talks opened in Tarvos. Ivo Ryland repeated that {denial}.",
        day=DAY + dt.timedelta(days=12),
    )
    first, second = statement(a, denial, "Ivo Ryland"), statement(b, denial, "Ivo Ryland")
    steps = []
    articles_link(progress=lambda stage, done, total: steps.append((stage, done, total)))
    assert [s for s in steps if s[0] == "across"] == [("across", 0, 2), ("across", 1, 2)]
    assert ClaimLink.objects.filter(claim_a=first, claim_b=second).count() == 1


def test_the_app_links_one_day_written_two_ways_by_what_the_dates_date():
    """Extracted and stored as an import does: 'passed both chambers on Thursday' and 'passed the harbour
    bill on 13 March' date one passage (the verb each date dates is stored with it) and are linked."""
    from claims.services.extraction import article_extract_claims

    day = dt.date(2025, 3, 14)
    a = store(
        "Harbour Times",
        "https://a.example/passed",
        "Portville harbour bill clears the council",
        "The harbour package, negotiated for weeks by a committee, passed both chambers on Thursday. "
        "Portville harbour workers welcomed the vote.",
        day=day,
    )
    b = store(
        "Coast Radio",
        "https://b.example/passed",
        "Portville council passes harbour bill",
        "Councillors passed a funding measure on 13 March, ending a long dispute over the harbour.",
        day=day,
    )
    for article in (a, b):
        article_extract_claims(article=article)
    dates = Claim.objects.filter(kind="date", date_value=dt.date(2025, 3, 13))
    assert {c.date_dated for c in dates} == {"passed"}
    articles_link()
    linked = ClaimLink.objects.filter(claim_a__in=dates, claim_b__in=dates, relation="corroborates").first()
    assert linked is not None and "2025-03-13" in linked.rationale


def _history_of(event: Event) -> list[tuple[str, list[int]]]:
    """(history type, article ids the event held) of each history row of `event`, oldest first."""
    return [
        (row.history_type, sorted(row.articles.values_list("article_id", flat=True)))
        for row in event.history.order_by("history_date", "history_id")
    ]


def test_placing_a_plan_in_bulk_leaves_the_history_one_save_at_a_time_leaves():
    """The plan is stored in a few statements, and its history is what Event.objects.create and
    event.articles.add write group by group: a "+" row for a new event, then a "~" row per group
    with the articles its event holds at that point; an article placed meanwhile keeps its event."""
    day = [
        store(f"Outlet {n}", f"https://p.example/{n}", f"Report {n}", f"Report number {n}.") for n in range(7)
    ]
    a1, a2, a3, a4, a5, a6, a7 = day
    claim = quantity(a2, "Report number", 2, "report")
    old = Event.objects.create(title="Old story")
    old.articles.add(a1)
    elsewhere = Event.objects.create(title="Elsewhere")
    elsewhere.articles.add(a6)
    deleted = Event.objects.create(title="Gone")
    deleted_id = deleted.pk
    deleted.delete()
    version = claim.version

    placed = linking._place([([a2, a3], old.pk), ([a4, a6], None), ([a5], old.pk), ([a7], deleted_id)])

    assert {pk: e.pk for pk, e in placed.items()} == {a2.pk: old.pk, a3.pk: old.pk, a5.pk: old.pk} | {
        a4.pk: placed[a4.pk].pk,
        a7.pk: placed[a7.pk].pk,
    }
    assert a6.pk not in placed and list(a6.events.all()) == [elsewhere]
    assert _history_of(old) == [
        ("+", []),
        ("~", [a1.pk]),
        ("~", sorted([a1.pk, a2.pk, a3.pk])),
        ("~", sorted([a1.pk, a2.pk, a3.pk, a5.pk])),
    ]
    new, again = placed[a4.pk], placed[a7.pk]
    assert new.title == "Report 3" and again.title == "Report 6" and again.pk != deleted_id
    assert _history_of(new) == [("+", []), ("~", [a4.pk])]
    assert _history_of(again) == [("+", []), ("~", [a7.pk])]
    assert sorted(old.articles.values_list("pk", flat=True)) == sorted([a1.pk, a2.pk, a3.pk, a5.pk])
    claim.refresh_from_db()
    assert claim.event_id == old.pk and claim.version == version + 1
    rows = Event.history.model.articles.model.objects.filter(history__id=old.pk, article_id=a2.pk)
    through = Event.articles.through.objects.get(event=old, article=a2)
    assert set(rows.values_list("id", "event_id")) == {(through.pk, old.pk)}


def _stories() -> list[int]:
    """Three small stories, two outlets each, every pair of reports giving a different count."""
    ids = []
    for n, (place, thing, unit, counts) in enumerate(
        [
            ("Portville harbour", "cargo ships docked in", "ship", (3, 4)),
            ("Millbrook fairground", "tractors paraded through", "tractor", (12, 15)),
            ("Eastwick reservoir", "swans nested beside", "swan", (7, 9)),
        ]
    ):
        for outlet, count in zip(("Harbour Times", "Coast Radio"), counts, strict=True):
            phrase = f"{count} {thing.split()[0]}"
            article = store(
                outlet,
                f"https://{outlet.split()[0].lower()}.example/{n}",
                f"{thing.split()[0].capitalize()} at {place}",
                f"{phrase} {' '.join(thing.split()[1:])} {place} on Saturday, the {place} wardens said.",
            )
            quantity(article, phrase, count, unit)
            ids.append(article.pk)
    return ids


def _a_second_event_for(events: list[Event]) -> None:
    """An editor adds the first report of the first story to the second event, with a claim of its own
    that only that event's step can link (counts link only inside an event)."""
    article = events[0].articles.order_by("pk")[0]
    article.body += " Later 14 tractors paraded through Millbrook fairground."
    article.save(update_fields=["body"])
    events[1].articles.add(article)  # as claim_set_event does
    quantity(article, "14 tractors", 14, "tractor")


def _links() -> set[tuple]:
    return set(ClaimLink.objects.values_list("claim_a", "claim_b", "relation", "confidence", "rationale"))


def test_events_linked_in_one_step_get_the_links_each_gets_in_a_step_of_its_own(monkeypatch):
    """Small events are linked several to a step (their claims read in one query, their links written in
    one transaction, a progress call still made for each), and get exactly the links a step per event
    gives them, also where an editor added an article to a second event."""
    ids = _stories()
    articles_link()
    events = sorted(Event.objects.all(), key=lambda e: e.pk)
    assert len(events) == 3
    _a_second_event_for(events)
    each = [s for e in events for s in linking._event_suggestions(event=e, articles=set(ids))]
    assert linking._events_suggestions(events=events, stance=None, articles=set(ids)) == each
    assert sum(14 in {c.quantity_low for c in Claim.objects.filter(pk__in=[s.a_id, s.b_id])} for s in each)
    reads = []
    real_read = linking._linkable_claims
    monkeypatch.setattr(linking, "_linkable_claims", lambda **kw: reads.append(1) or real_read(**kw))

    def link_again(**settings) -> tuple[set[tuple], list[tuple]]:
        ClaimLink.objects.all().delete()
        for name, value in settings.items():
            monkeypatch.setattr(linking, name, value)
        reads.clear()
        steps: list[tuple] = []
        articles_link(article_ids=ids, progress=lambda *step: steps.append(step))
        return _links(), [step for step in steps if step[0] == "links"]

    alone, alone_steps = link_again(GROUP_EVENTS=1)
    assert len(reads) == 1 + 3  # the step across, then one per event
    together, together_steps = link_again(GROUP_EVENTS=50)
    assert len(reads) == 1 + 1
    assert together == alone and len({(a, b) for a, b, *_ in alone}) >= 4
    assert together_steps == alone_steps == [("links", n, 3) for n in range(3)]
    _, _ = link_again(GROUP_ARTICLES=5)  # the first two events (2 + 3 articles), then the third
    assert len(reads) == 1 + 2 and _links() == alone
