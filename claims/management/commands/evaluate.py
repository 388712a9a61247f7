"""`python manage.py evaluate PATH [--json]`: import a gold corpus as a user would and score what is stored."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError

from claims.evaluation.report import format_table
from claims.evaluation_import import EvaluationError, evaluate


class Command(BaseCommand):
    requires_system_checks = []  # the checks import every view; the work below needs none of them
    help = (
        "Import PATH (files beside gold.json, or a CSV of its inline texts) into a throwaway database "
        "through the app's import, extraction and linking, then score the stored metadata, claims, "
        "links and events (and the stance pairs on the stance model)."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="a folder holding gold.json (format of shared/corpus/README.md)")
        parser.add_argument("--json", action="store_true", help="print one JSON object")
        parser.add_argument(
            "--limit", type=int, default=None, help="import and score only the first N articles"
        )
        parser.add_argument("--details", action="store_true", help="list the gold claims missed or wrong")
        parser.add_argument("--dump", metavar="FILE", help="also write the stored rows as JSON to FILE")
        parser.add_argument(
            "--from-dump", metavar="FILE", help="score stored rows written by --dump again, without importing"
        )

    def handle(self, *args, path, **options):
        try:
            report = evaluate(
                path,
                limit=options["limit"],
                details=options["details"],
                dump_to=options["dump"],
                from_dump=options["from_dump"],
            )
        except (ValueError, EvaluationError) as error:
            raise CommandError(str(error)) from error
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            self.stdout.write(format_table(report))
