"""`manage.py fingerprint_articles`: store the near-duplicate signature and band keys of the current
articles that have none (those stored before near-duplicates were checked), so new imports are
compared with them too. Safe to run again: it only fills what is missing."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction

from sources.importing.nearduplicates import fingerprints_store
from sources.models import Article


class Command(BaseCommand):
    help = "Store the near-duplicate signatures of current articles that have none."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options) -> None:
        done = 0
        missing = Article.objects.filter(is_current=True, fingerprint__isnull=True).order_by("pk")
        while True:
            articles = list(missing.only("id", "body")[: options["batch_size"]])
            if not articles:
                break
            with transaction.atomic():
                fingerprints_store(articles)
            done += len(articles)
        self.stdout.write(f"fingerprinted {done} article(s)")
