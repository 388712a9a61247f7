"""A span must lie inside its article's text and quote it, on every way of writing claims and
annotations, on SQLite (checked in the models' writes) and on PostgreSQL (a django-pgtrigger trigger)."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, connection, transaction

from claims.models import Annotation, Claim

pytestmark = pytest.mark.django_db


def unsaved(article, start: int, end: int, quote: str | None = None) -> Claim:
    return Claim(
        article=article,
        kind="statement",
        start=start,
        end=end,
        quote=article.body[start:end] if quote is None else quote,
        extractor_version="test",
    )


def test_bulk_create_with_one_span_past_the_text_stores_nothing(article):
    """Extraction stores claims in bulk: one claim past the end of the text refuses the whole batch."""
    n = len(article.body)
    good = unsaved(article, 0, 9)
    past = unsaved(article, n - 2, n + 3, quote="abcde")  # the right length, past the end
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.bulk_create([good, past])
    assert not Claim.objects.exists()
    assert len(Claim.objects.bulk_create([unsaved(article, 0, 9), unsaved(article, 10, 27)])) == 2


def test_bulk_create_with_a_quote_not_at_its_offsets_is_refused(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.bulk_create([unsaved(article, 0, 4, quote=article.body[1:5])])
    assert not Claim.objects.exists()


def test_queryset_update_that_moves_a_span_off_its_quote_is_undone(article):
    claim = stored(article, 0, 9)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(start=1, end=10)
    claim.refresh_from_db()
    assert (claim.start, claim.end) == (0, 9)


def test_bulk_update_of_spans_is_checked(article):
    """Re-extraction moves stored claims with bulk_update: a moved span must still quote the text."""
    claims = Claim.objects.bulk_create([unsaved(article, 0, 9), unsaved(article, 10, 27)])
    claims[0].start, claims[0].end, claims[0].quote = 1, 10, article.body[1:10]  # right
    claims[1].start, claims[1].end = 11, 28  # the old quote at new offsets: wrong
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.bulk_update(claims, ["start", "end", "quote"])
    assert sorted(Claim.objects.values_list("start", flat=True)) == [0, 10]
    Claim.objects.bulk_update(claims[:1], ["start", "end", "quote"])
    assert sorted(Claim.objects.values_list("start", flat=True)) == [1, 10]


def test_saving_an_annotation_moved_off_its_quote_is_refused(article, editor):
    note = Annotation.objects.create(
        article=article, start=0, end=9, quote=article.body[:9], created_by=editor
    )
    note.start, note.end = 2, 11
    with pytest.raises(IntegrityError), transaction.atomic():
        note.save(update_fields=["start", "end"])
    note.refresh_from_db()
    assert (note.start, note.end) == (0, 9)


def test_the_rule_needs_no_trigger_rebuilt_around_migrate(article):
    """SQLite: no trigger names the tables (Django's table rebuilds stay free); PostgreSQL: the
    migrations installed the trigger, which refuses even raw SQL."""
    claim = stored(article, 0, 9)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            assert cursor.fetchall() == []
            return
        with pytest.raises(IntegrityError), transaction.atomic():
            cursor.execute('UPDATE claims_claim SET start = 1, "end" = 10 WHERE id = %s', [claim.pk])
    claim.refresh_from_db()
    assert (claim.start, claim.end) == (0, 9)


def stored(article, start: int, end: int) -> Claim:
    claim = unsaved(article, start, end)
    claim.save()
    return claim
