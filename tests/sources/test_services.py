"""article_store: duplicates change nothing, a changed text becomes a new version."""

import datetime as dt

import pytest

from sources.models import Article
from sources.services import StoreOutcome, article_store, outlet_get_or_create

pytestmark = pytest.mark.django_db


def test_same_text_twice_is_a_duplicate(outlet):
    first = article_store(body="Text one.", outlet=outlet, url="https://x.example/1")
    again = article_store(body="Text one.", outlet=outlet, url="https://x.example/1")
    assert first.outcome == StoreOutcome.CREATED and again.outcome == StoreOutcome.DUPLICATE
    assert again.article.pk == first.article.pk and Article.objects.count() == 1


def test_changed_text_for_same_url_becomes_a_new_version(outlet):
    first = article_store(body="Two ships.", outlet=outlet, url="https://x.example/1").article
    second = article_store(body="Three ships.", outlet=outlet, url="https://x.example/1")
    assert second.outcome == StoreOutcome.NEW_VERSION
    first.refresh_from_db()
    assert first.body == "Two ships." and not first.is_current
    assert (
        second.article.version == 2 and second.article.previous_version == first and second.article.is_current
    )


def test_without_url_duplicates_are_found_by_content_hash():
    article_store(body="Same words.")
    assert article_store(body="Same words.").outcome == StoreOutcome.DUPLICATE
    assert Article.objects.count() == 1


def test_no_date_means_unknown_precision():
    article = article_store(body="Undated.", published_precision="day").article
    assert article.published_on is None and article.published_precision == "unknown"
    dated = article_store(
        body="Dated.", published_on=dt.date(2025, 3, 1), published_precision="month"
    ).article
    assert dated.published_precision == "month"


def test_bad_input_is_refused_with_a_message():
    with pytest.raises(ValueError, match="body"):
        article_store(body="   ")
    with pytest.raises(ValueError, match="name"):
        outlet_get_or_create(name=" ")
    assert Article.objects.count() == 0


def test_annotations_follow_a_new_version_of_the_text(outlet, editor):
    """An editor's note on a passage moves to the new version when the passage is still there."""
    from claims.models import Annotation

    old = article_store(
        body="Two ships docked. The mayor said hello.", outlet=outlet, url="https://x.example/v"
    ).article
    start = old.body.index("The mayor")
    Annotation.objects.create(
        article=old,
        start=start,
        end=start + 9,
        quote="The mayor",
        prefix="docked. ",
        suffix=" said",
        created_by=editor,
    )
    new = article_store(
        body="Three ships docked on Sunday. The mayor said hello.", outlet=outlet, url="https://x.example/v"
    ).article
    moved = Annotation.objects.get(quote="The mayor", orphaned=False)
    assert moved.article == new and new.body[moved.start : moved.end] == "The mayor"
