from django.core.management.base import BaseCommand

from claims.services.extraction import articles_extract_pending


class Command(BaseCommand):
    help = "Extract claims from articles still pending (or from the given article ids)."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int)

    def handle(self, *args, article_ids, **options):
        counts = articles_extract_pending(article_ids=article_ids or None)
        self.stdout.write(
            f"Extracted {counts['claims']} claims from {counts['articles']} articles ({counts['failed']} failed)."
        )
