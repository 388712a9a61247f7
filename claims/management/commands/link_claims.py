from django.core.management.base import BaseCommand

from claims.services.linking import articles_link


class Command(BaseCommand):
    help = "Place articles not yet in an event into events and suggest links between their claims."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int)

    def handle(self, *args, article_ids, **options):
        counts = articles_link(article_ids=article_ids or None)
        self.stdout.write(
            f"Placed {counts['articles']} articles in {counts['events']} events; suggested {counts['links']} links."
        )
