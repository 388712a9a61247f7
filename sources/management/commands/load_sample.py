from django.core.management.base import BaseCommand

from sources.sample import sample_corpus_load


class Command(BaseCommand):
    help = "Load the project's fictional sample corpus (outlets and articles). Safe to run again."

    def handle(self, *args, **options):
        counts = sample_corpus_load()
        self.stdout.write(
            f"Sample corpus: {counts['created']} created, {counts['new_version']} new versions, "
            f"{counts['duplicate']} already present."
        )
