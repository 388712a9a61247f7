"""A period's last end on the stored claim: the database refuses one before its start, a re-run of the
extraction keeps an editor's period, and migration 0020 adds the end to claims stored before it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from claims.models import Claim
from claims.services.editing import claim_update
from sources.services import article_store

BODY = "The Velmora harbour festival ran from March 3 to March 9, its organisers said on Monday."


@pytest.fixture
def festival(outlet):
    article = article_store(
        body=BODY,
        outlet=outlet,
        url="https://harbour-times.example/festival",
        title="Velmora festival closes",
        published_on=dt.date(2026, 3, 20),
        published_precision="day",
    ).article
    call_command("extract_claims")
    return article


def period_of(article) -> Claim:
    return Claim.objects.get(article=article, kind="date", date_end_value__isnull=False)


@pytest.mark.django_db
def test_an_end_before_the_start_is_refused(festival):
    claim = period_of(festival)
    Claim.objects.filter(pk=claim.pk).update(date_end_value=dt.date(2026, 3, 9), date_end_precision="day")
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(date_end_value=dt.date(2026, 3, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(date_end_precision="")


@pytest.mark.django_db
def test_a_rerun_refreshes_a_pending_period_and_keeps_an_edited_one(festival, editor):
    claim = period_of(festival)
    assert (claim.date_value, claim.date_end_value) == (dt.date(2026, 3, 3), dt.date(2026, 3, 9))
    version = claim.version
    call_command("extract_claims", str(festival.pk))
    refreshed = period_of(festival)
    assert refreshed.pk == claim.pk and refreshed.version == version + 1  # the same row, refreshed

    claim_update(claim=refreshed, user=editor, changes={"date_end_value": dt.date(2026, 3, 10)})
    call_command("extract_claims", str(festival.pk))
    kept = Claim.objects.filter(article=festival, kind="date", start=claim.start, end=claim.end)
    assert [(c.date_end_value, c.review_status) for c in kept] == [(dt.date(2026, 3, 10), "edited")]


@pytest.mark.django_db(transaction=True)
def test_migration_0020_adds_no_end_to_the_dates_stored_before_it(festival):
    single = Claim.objects.filter(article=festival, kind="date", date_end_value__isnull=True).first()
    assert single is not None
    executor = MigrationExecutor(connection)
    executor.migrate([("claims", "0019_claim_indexes")])
    executor.loader.build_graph()
    old = executor.loader.project_state(("claims", "0019_claim_indexes")).apps.get_model("claims", "Claim")
    assert "date_end_value" not in {f.name for f in old._meta.get_fields()}
    assert old.objects.filter(pk=single.pk, kind="date").exists()
    executor = MigrationExecutor(connection)
    executor.migrate([("claims", "0020_date_ranges")])
    single.refresh_from_db()
    assert (single.date_end_value, single.date_end_precision) == (None, "")
