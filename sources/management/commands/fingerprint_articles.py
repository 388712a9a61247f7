"""`manage.py fingerprint_articles`: store the near-duplicate signature and band keys of the current
articles that have none (those stored before near-duplicates were checked) or one of an older
SIGNATURE_VERSION (computed another way: never compared with the current ones), so new imports are
compared with them too. Safe to run again: it only fills what is missing or outdated."""

from __future__ import annotations

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q

from newstext.nearduplicates import SIGNATURE_VERSION
from sources.importing.nearduplicates import fingerprints_store
from sources.models import Article, ArticleBand, ArticleFingerprint


class Command(BaseCommand):
    help = "Store the near-duplicate signatures of current articles that have none or an outdated one."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--batch-size", type=int, default=500)

    def handle(self, *args, **options) -> None:
        done = 0
        missing = Article.objects.filter(
            Q(fingerprint__isnull=True) | Q(fingerprint__version__lt=SIGNATURE_VERSION), is_current=True
        ).order_by("pk")
        while True:
            articles = list(missing.only("id", "body")[: options["batch_size"]])
            if not articles:
                break
            with transaction.atomic():
                ids = [a.pk for a in articles]
                # an outdated signature's rows go first: one signature, and one row per key, per article
                ArticleBand.objects.filter(article_id__in=ids).delete()
                ArticleFingerprint.objects.filter(article_id__in=ids).delete()
                fingerprints_store(articles)
            done += len(articles)
        self.stdout.write(f"fingerprinted {done} article(s)")
