"""Sentence vectors through the database: each statement is encoded once by the linking service, stored,
read back on later runs, encoded again only when its text changes; with the encoder off (or its model
not installed) linking still runs, on words alone."""

import datetime as dt

import numpy as np
import pytest

from claims.linking import encoder
from claims.models import Claim, ClaimLink, ClaimVector
from claims.services.linking import articles_link
from claims.services.vectors import StatementText, claims_vectors
from sources.services import article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2025, 3, 17)
needs_model = pytest.mark.skipif(
    not encoder.available(), reason="the sentence encoder's packages are not installed"
)


@pytest.fixture(autouse=True)
def encoder_on(settings):
    """The encoder is off by default (settings.SENTENCE_ENCODER); these tests are about it switched on."""
    settings.SENTENCE_ENCODER = True


def statement(outlet: str, url: str, body: str, words: str) -> Claim:
    article = article_store(
        body=body,
        outlet=outlet_get_or_create(name=outlet),
        url=url,
        title="The Marrowick mayor and the audit",
        published_on=DAY,
        published_precision="day",
    ).article
    start = body.index(words)
    return Claim.objects.create(
        article=article,
        kind="statement",
        start=start,
        end=start + len(words),
        quote=words,
        extractor_version="t",
    )


@pytest.fixture
def paraphrases():
    a = statement(
        "Harbour Times",
        "https://a.example/1",
        "Council staff said the Marrowick mayor resigned after the audit.",
        "the Marrowick mayor resigned after the audit",
    )
    b = statement(
        "Coast Radio",
        "https://b.example/1",
        "Aides confirmed that Marrowick's mayor stepped down when auditors reported.",
        "Marrowick's mayor stepped down when auditors reported",
    )
    return a, b


@pytest.fixture
def encoded(monkeypatch):
    """The texts the real encoder is asked to encode, call by call."""
    calls: list[list[str]] = []
    real = encoder.encode

    def spy(texts, **kw):
        calls.append(list(texts))
        return real(texts, **kw)

    monkeypatch.setattr(encoder, "encode", spy)
    return calls


@needs_model
def test_statements_are_encoded_once_and_the_stored_vectors_reused(paraphrases, encoded):
    a, b = paraphrases
    articles_link()
    assert sorted(t for call in encoded for t in call) == sorted([a.quote, b.quote])
    assert set(ClaimVector.objects.values_list("claim_id", flat=True)) == {a.pk, b.pk}
    # the paraphrase shares two words: the vectors found it
    assert ClaimLink.objects.filter(claim_a=min(a.pk, b.pk), claim_b=max(a.pk, b.pk)).exists()

    encoded.clear()
    articles_link(article_ids=[a.article_id, b.article_id])  # a second run reads the stored vectors
    assert encoded == []

    shorter = "Marrowick's mayor stepped down"  # an editor narrows the span
    Claim.objects.filter(pk=b.pk).update(quote=shorter, end=b.start + len(shorter))
    vectors = claims_vectors(claims=list(Claim.objects.all()))
    assert encoded == [[shorter]]  # only the changed claim again
    assert set(vectors) == {a.pk, b.pk} and ClaimVector.objects.count() == 2


def test_with_the_encoder_off_linking_runs_on_words_alone(paraphrases, settings, encoded):
    settings.SENTENCE_ENCODER = False
    assert articles_link()["articles"] == 2
    assert encoded == [] and not ClaimVector.objects.exists()
    assert claims_vectors(claims=list(Claim.objects.all())) == {}


def test_a_missing_model_leaves_linking_on_words_alone(paraphrases, monkeypatch):
    monkeypatch.setattr(
        encoder, "available", lambda: False
    )  # as when requirements-model.txt is not installed
    assert articles_link()["articles"] == 2
    assert not ClaimVector.objects.exists()


@needs_model
def test_a_follow_up_encodes_its_own_statements_not_its_neighbours_first(paraphrases, settings, encoded):
    a, b = paraphrases
    settings.SENTENCE_ENCODER = False
    articles_link(article_ids=[a.article_id])  # stored before the encoder was installed
    settings.SENTENCE_ENCODER = True
    articles_link(article_ids=[b.article_id])
    # the step with the 2,000 nearby articles encodes only the new article's statements; the event's own
    # step (a handful of articles) fills in the rest
    assert encoded[0] == [b.quote]
    assert [a.quote] in encoded[1:]
    assert ClaimVector.objects.count() == 2


@needs_model
def test_a_text_is_encoded_once_whichever_claims_say_it(encoded):
    """Two outlets quoting one remark word for word: one text encoded, both claims' vectors stored; a
    later claim with that text takes the stored vector, and the encoder is not called."""
    words = "the harbour will stay closed until the inquiry reports"
    body = f"The port authority said {words}."
    a = statement("Harbour Times", "https://a.example/2", body, words)
    b = statement(
        "Coast Radio", "https://b.example/2", body.replace("The port authority", "Port officials"), words
    )
    vectors = claims_vectors(claims=[a, b])
    assert encoded == [[words]]
    assert set(vectors) == {a.pk, b.pk} and np.array_equal(vectors[a.pk], vectors[b.pk])
    assert ClaimVector.objects.count() == 2
    c = statement("Dunmere Post", "https://c.example/2", body, words)
    encoded.clear()
    assert set(claims_vectors(claims=[a, c])) == {a.pk, c.pk}
    assert encoded == [] and ClaimVector.objects.count() == 3
    # only the claims asked for are given a vector: a neighbour not encoded before stays without one
    d = statement("Kestrel News", "https://d.example/2", body, words)
    e = statement(
        "Kestrel News",
        "https://d.example/3",
        body.replace("The port authority", "The sea port authority"),
        words,
    )
    assert set(claims_vectors(claims=[a, d, e], encode={d.pk})) == {a.pk, d.pk}
    assert encoded == []


@needs_model
def test_plain_rows_get_the_vectors_their_claims_get(encoded):
    """The linker hands `claims_vectors` plain rows (key, kind, the claim's words), not Claims: the same
    vectors are encoded and stored as for the Claims, from the speaker's words where the claim has them."""
    words = "the ferry timetable will return in spring"
    said = "the ferry timetable will return"
    a = statement("Harbour Times", "https://a.example/4", f"The operator said {words}.", words)
    a.words = said
    a.save()
    b = statement("Coast Radio", "https://b.example/4", f"Its manager said {words}.", words)
    rows = [StatementText(c.pk, c.kind, c.said) for c in (a, b)]
    from_rows = claims_vectors(claims=rows)
    assert encoded == [[said, words]]
    ClaimVector.objects.all().delete()
    encoded.clear()
    from_claims = claims_vectors(claims=[a, b])
    assert encoded == [[said, words]]
    assert set(from_rows) == {a.pk, b.pk}
    assert all(np.array_equal(from_rows[pk], from_claims[pk]) for pk in from_rows)
