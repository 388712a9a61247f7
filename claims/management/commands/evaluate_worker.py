"""`manage.py evaluate_worker`: the half of `manage.py evaluate` that runs in a throwaway database.

`evaluate` starts it in a subprocess with DATABASE_URL set to a fresh database and
TRACKER_EVALUATE_DATABASE naming that same database; it refuses to run on any other. It migrates
(with --migrate), imports the given paths with `import_articles` (the user's import: reading,
storing, extraction, events and links), and writes every stored row the scorer reads to --out as
JSON. Not meant to be run by hand.
"""

from __future__ import annotations

import io
import json
import os
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from claims.models import Claim, ClaimLink, Event
from sources.models import Article

CLAIM_FIELDS = (
    "id",
    "article_id",
    "kind",
    "start",
    "end",
    "confidence",
    "quantity_low",
    "quantity_high",
    "unit",
    "unit_class",
    "date_value",
    "date_precision",
    "date_end_value",  # a period's last end ("between June 2011 and July 2012"), None for one date
    "date_end_precision",
    "date_month",
    "date_day",
    "date_weekday",
    "date_expression",
    "speaker__name",
    "speaker_role",  # an unnamed source's description ("father of Tom Hale"), which the claim page shows
    "speaker_mention_start",
    "speaker_mention_end",
    "direct",
    "words",
    # what the page shows beside the value and the words, so a read of the dump judges what an editor sees
    "polarity",
    "quantity_direction",
    "quantity_approximate",
    "date_approximate",
)


def _year_not_known(row: dict) -> str | None:
    """A date whose year is not known as EDTF writes it ("XXXX-01-23", "XXXX-01"; "XXXX-XX-XX" for a
    weekday or a relative date), so the scorer compares the parts the text gave; None for other kinds."""
    if row["kind"] != Claim.Kind.DATE:
        return None
    month = f"{row['date_month']:02d}" if row.get("date_month") else "XX"
    if row["date_precision"] == Claim.DatePrecision.MONTH_NO_YEAR:
        return f"XXXX-{month}"
    day = f"{row['date_day']:02d}" if row.get("date_day") else "XX"
    return f"XXXX-{month}-{day}"


def dump_stored() -> dict:
    """Every current article, claim, link (not rejected) and event as JSON-ready rows."""
    articles = [
        {
            "id": a.pk,
            "url": a.url,
            "title": a.title,
            "outlet": a.outlet.name if a.outlet else None,
            "published_on": a.published_on.isoformat() if a.published_on else None,
            "published_precision": a.published_precision,
            "body": a.body,
            "original": a.original,
        }
        for a in Article.objects.filter(is_current=True).select_related("outlet").order_by("pk")
    ]
    claims = []
    for row in Claim.objects.filter(article__is_current=True).order_by("pk").values(*CLAIM_FIELDS):
        row["article"] = row.pop("article_id")
        row["speaker"] = row.pop("speaker__name")
        row["date_value"] = row["date_value"].isoformat() if row["date_value"] else _year_not_known(row)
        row["date_end_value"] = row["date_end_value"].isoformat() if row["date_end_value"] else None
        claims.append(row)
    # confidence and rationale too: what the review queue ranks by and shows, to study with the dump
    links = [
        {"a": a, "b": b, "relation": relation, "status": status, "confidence": conf, "rationale": why}
        for a, b, relation, status, conf, why in ClaimLink.objects.exclude(status=ClaimLink.Status.REJECTED)
        .order_by("pk")
        .values_list("claim_a_id", "claim_b_id", "relation", "status", "confidence", "rationale")
    ]
    events: dict[int, list[int]] = {}
    for event_id, article_id in Event.articles.through.objects.order_by("event_id", "article_id").values_list(
        "event_id", "article_id"
    ):
        events.setdefault(event_id, []).append(article_id)
    return {
        "articles": articles,
        "claims": claims,
        "links": links,
        "events": [{"id": k, "articles": v} for k, v in events.items()],
    }


class Command(BaseCommand):
    requires_system_checks = []  # the checks import every view; the work below needs none of them
    help = "Internal to `evaluate`: migrate, import and dump the stored rows of a throwaway database."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*")
        parser.add_argument("--out", help="where to write the JSON dump")
        parser.add_argument("--migrate", action="store_true", help="migrate the database first")

    def handle(self, *args, paths, out, migrate, **options):
        expected = os.environ.get("TRACKER_EVALUATE_DATABASE")
        name = str(settings.DATABASES["default"]["NAME"])
        if not expected or expected != name:
            raise CommandError(
                f"refusing to run on database {name!r}: not the evaluation's throwaway database"
            )
        timing = {}
        started = time.perf_counter()
        if migrate:
            call_command("migrate", verbosity=0, interactive=False)
            if connection.vendor == "sqlite":  # the file is copied as a template: nothing may stay in the WAL
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
            timing["migrate"] = round(time.perf_counter() - started, 2)
        if not paths:
            return
        started = time.perf_counter()
        log = io.StringIO()
        # --skip-invalid: a row the import refuses is an article not stored (scored as missing), as a
        # user importing the rest would have it, not the end of the evaluation
        call_command("import_articles", *paths, "--skip-invalid", stdout=log, stderr=io.StringIO())
        timing["import"] = round(time.perf_counter() - started, 2)
        started = time.perf_counter()
        dump = dump_stored()
        dump["import_log"] = log.getvalue().strip().splitlines()[:40]
        timing["dump"] = round(time.perf_counter() - started, 2)
        dump["timing"] = timing
        with open(out, "w", encoding="utf-8") as handle:
            json.dump(dump, handle, ensure_ascii=False)
