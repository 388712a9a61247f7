"""`python manage.py evaluate PATH [--json]`: score the tracker on a gold corpus it has never seen."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from claims.evaluation.report import evaluate_corpus, format_table
from claims.evaluation.system import system_callables


class Command(BaseCommand):
    help = "Run extraction, linking, stance and event grouping on PATH/gold.json and print the scores."

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder holding gold.json (format of shared/corpus/README.md)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument("--limit", type=int, default=None, help="score only the first N articles")
        parser.add_argument("--details", action="store_true", help="list the gold claims missed or wrong")

    def handle(self, *args, path, **options):
        try:
            report = evaluate_corpus(
                path, limit=options["limit"], details=options["details"], **system_callables()
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            self.stdout.write(format_table(report))
