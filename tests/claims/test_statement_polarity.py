"""Statements stored from an article keep what the speaker did with the words: said, denied, refused."""

import datetime as dt

import pytest
from django.core.management import call_command

from claims.models import Claim
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

BODY = (
    "Marta Olsen, the union leader, said the strike would go on until May. "
    "The Portville ministry denied reports that it had cut the harbour budget. "
    "Jon Berg, the port director, declined to say whether the cranes would be repaired. "
    "The council plans to close the old bridge next spring."
)


def test_extracted_statements_store_denials_and_refusals_and_leave_out_intentions():
    """An article stored and extracted as an import does: each statement with its polarity, no plans."""
    article = article_store(
        body=BODY,
        outlet=outlet_get_or_create(name="Portville Herald"),
        url="https://herald.example/strike",
        title="Strike goes on",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article
    call_command("extract_claims")

    stored = {c.quote: c for c in Claim.objects.filter(article=article, kind="statement")}
    by_speaker = {c.speaker_mention: c.polarity for c in stored.values()}
    assert by_speaker["Marta Olsen, the union leader"] == "asserted"
    assert by_speaker["The Portville ministry"] == "denied"
    assert stored["that it had cut the harbour budget"].polarity == "denied"
    assert by_speaker["Jon Berg, the port director"] == "refused"
    assert not any("bridge" in quote for quote in stored)


def test_a_question_is_stored_as_a_question_and_shown_as_one(client, reader):
    """An imported article's question is stored with polarity "question" and its page says so; the
    question put to someone ("When asked whether ...") is not stored as theirs."""
    article = article_store(
        body=(
            "Mayor Dora Kell asked whether the ferry would run in January. "
            'When asked whether the boats were safe, Jon Berg said, "We tested every boat twice this year."'
        ),
        outlet=outlet_get_or_create(name="Portville Herald"),
        url="https://herald.example/ferry",
        title="Ferry questions",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article
    call_command("extract_claims")

    stored = Claim.objects.filter(article=article, kind="statement")
    assert sorted((c.speaker_mention, c.polarity) for c in stored) == [
        ("Jon Berg", "asserted"),
        ("Mayor Dora Kell", "question"),
    ]
    question = stored.get(polarity="question")
    client.force_login(reader)
    page = client.get(f"/claims/{question.pk}/")
    assert page.status_code == 200 and "asked (a question)" in page.content.decode()


def test_a_belief_is_stored_as_held_and_shown_as_one(client, reader):
    """An imported article's belief ("believes that ...") is stored with polarity "position", its page says
    it is held, not said, and the claims list marks it; a statement beside it stays asserted."""
    article = article_store(
        body=(
            "Senator Tom Hale believes that the ferry fee is too high. "
            "Mayor Dora Kell said the ferry would run in January."
        ),
        outlet=outlet_get_or_create(name="Portville Herald"),
        url="https://herald.example/ferry-fee",
        title="Ferry fee",
        published_on=dt.date(2025, 3, 17),
        published_precision="day",
    ).article
    call_command("extract_claims")

    stored = Claim.objects.filter(article=article, kind="statement")
    assert sorted((c.quote, c.polarity) for c in stored) == [
        ("that the ferry fee is too high", "position"),
        ("the ferry would run in January", "asserted"),
    ]
    held = stored.get(polarity="position")
    client.force_login(reader)
    page = client.get(f"/claims/{held.pk}/").content.decode()
    assert "a stance (a belief, wish or reaction)" in page
    listing = client.get("/claims/?kind=statement").content.decode()
    assert "(stance)" in listing
