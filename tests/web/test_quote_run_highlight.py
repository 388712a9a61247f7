"""The article page marks a quote run that its attribution interrupts by the speaker's parts, not the
whole run: the writer's "said Tom Hale, the mayor," between them is not shown as said (branch stmt12d).
Sentences written for the test."""

import pytest
from django.urls import reverse

from claims.models import Claim
from newstext.pieces import word_pieces
from sources.selectors import article_segments
from sources.services import article_store

pytestmark = pytest.mark.django_db

BODY = (
    "The harbour reopened on Monday.\n\n"
    '"We lost two weeks of trade," said Tom Hale, the mayor. "The pier is safe now."\n\n'
    '"Ships can dock again," Hale added.'
)


def _statement(article, start, end, words=""):
    return Claim.objects.create(
        article=article,
        kind="statement",
        start=start,
        end=end,
        quote=article.body[start:end],
        words=words,
        direct=True,
        extractor_version="t",
    )


def _run(outlet):
    article = article_store(body=BODY, outlet=outlet, title="Harbour reopens").article
    start = BODY.index("We lost")
    end = BODY.index("safe now.") + len("safe now.")
    claim = _statement(article, start, end, "We lost two weeks of trade ... The pier is safe now.")
    return article, claim


def test_the_page_marks_the_parts_of_an_interrupted_quote_and_not_the_attribution(client, reader, outlet):
    article, claim = _run(outlet)
    client.force_login(reader)
    page = client.get(reverse("sources:article-detail", args=[article.pk])).text
    marked = [seg.text for seg in article_segments(article) if claim.pk in seg.claim_ids]
    assert marked == ["We lost two weeks of trade", "The pier is safe now."]
    assert f'data-claims="{claim.pk}">We lost two weeks of trade</mark>' in page
    assert f'data-claims="{claim.pk}">The pier is safe now.</mark>' in page
    between = [seg for seg in article_segments(article) if "said Tom Hale" in seg.text]
    assert between and all(claim.pk not in seg.claim_ids for seg in between)  # the writer's words


def test_a_single_quote_and_edited_words_keep_the_whole_span(outlet):
    article = article_store(body=BODY, outlet=outlet, title="Harbour reopens").article
    start = BODY.index("Ships can")
    whole = _statement(article, start, start + len("Ships can dock again"))
    start = BODY.index("We lost")
    edited = _statement(article, start, BODY.index("safe now.") + 9, "We lost trade ... The pier is fine.")
    segments = article_segments(article)
    assert [s.text for s in segments if whole.pk in s.claim_ids] == ["Ships can dock again"]
    # words no longer found in the span (an editor changed them): the whole span, as before
    assert "".join(s.text for s in segments if edited.pk in s.claim_ids) == BODY[start : edited.end]


def test_parts_are_found_across_paragraph_marks_and_spaces():
    span = 'The ferry  will sail," she said.\n\n"It is booked\n\n"until June.'
    pieces = word_pieces(span, "The ferry will sail ... It is booked until June.")
    assert [span[a:b] for a, b in pieces] == ["The ferry  will sail", 'It is booked\n\n"until June.']
    assert word_pieces(span, "The ferry will sail") is None  # one part: the span is the words
    assert word_pieces(span, "") is None
