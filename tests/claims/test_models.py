"""Claims, links and annotations: integrity rules hold in the database, not only in Python."""

import pytest
from django.db import IntegrityError, transaction

from claims.models import Annotation, Claim, ClaimLink

pytestmark = pytest.mark.django_db


def quantity(article, start, end, **overrides) -> Claim:
    fields = dict(
        article=article,
        kind="quantity",
        start=start,
        end=end,
        quote=article.body[start:end],
        quantity_low=2,
        quantity_high=2,
        unit="ships",
        unit_class="ship",
        extractor_version="test",
    )
    fields.update(overrides)
    return Claim.objects.create(**fields)


def test_valid_claim_is_stored(article):
    claim = quantity(article, 10, 27)
    claim.refresh_from_db()
    assert claim.quote == article.body[10:27]


def test_span_outside_the_article_text_is_refused(article):
    """The database trigger rejects a span that runs past the end of the body."""
    end = len(article.body) + 5
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.create(
            article=article,
            kind="statement",
            start=end - 5 - 3,
            end=end,
            quote="x" * 8,
            extractor_version="t",
        )


def test_quote_must_equal_the_spanned_text(article):
    """A quote of the right length that is not the text at those offsets is refused."""
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 0, 4, quote="XXXX")


def test_quote_length_must_match_span(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 0, 4, quote=article.body[0:6])


def test_low_must_not_exceed_high(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 10, 27, quantity_low=5, quantity_high=3)


def test_quantity_claim_needs_a_value(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 10, 27, quantity_low=None, quantity_high=None)


def test_extracted_claim_needs_extractor_version_but_editor_claim_does_not(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 10, 27, extractor_version="")
    assert quantity(article, 10, 27, extractor_version="", origin="editor").pk


def test_confidence_between_zero_and_one(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        quantity(article, 10, 27, confidence=1.5)


def test_link_to_itself_and_duplicate_pairs_are_refused(article):
    a = quantity(article, 10, 27)
    b = quantity(article, 30, 40)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(claim_a=a, claim_b=a, relation="corroborates", origin="editor")
    ClaimLink.objects.create(claim_a=a, claim_b=b, relation="corroborates", origin="editor")
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(claim_a=a, claim_b=b, relation="contradicts", origin="editor")


def test_link_pairs_are_stored_in_order_so_reversed_duplicates_cannot_exist(article):
    a = quantity(article, 10, 27)
    b = quantity(article, 30, 40)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(claim_a=b, claim_b=a, relation="corroborates", origin="editor")


def test_suggested_link_needs_a_rationale(article):
    a = quantity(article, 10, 27)
    b = quantity(article, 30, 40)
    with pytest.raises(IntegrityError), transaction.atomic():
        ClaimLink.objects.create(
            claim_a=a, claim_b=b, relation="corroborates", origin="suggested", rationale=""
        )


def test_annotation_span_must_quote_the_text(article, editor):
    Annotation.objects.create(article=article, start=0, end=9, quote=article.body[:9], created_by=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.create(article=article, start=0, end=9, quote="123456789", created_by=editor)
    with pytest.raises(IntegrityError), transaction.atomic():
        Annotation.objects.create(
            article=article, start=len(article.body), end=len(article.body) + 2, quote="ab", created_by=editor
        )


def test_history_records_who_changed_a_claim(article, editor):
    """Every editorial change is kept with its author (django-simple-history)."""
    claim = quantity(article, 10, 27)
    claim._history_user = editor
    claim.review_status = "accepted"
    claim.save()
    latest = claim.history.latest()
    assert latest.review_status == "accepted" and latest.history_user == editor
    assert claim.history.count() == 2
