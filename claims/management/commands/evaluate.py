"""`python manage.py evaluate PATH [--json]`: import a gold corpus as a user would and score what is stored."""

from __future__ import annotations

import json
import os
import sys

from django.core.management.base import BaseCommand, CommandError

from claims.evaluation.report import format_table
from claims.management.evaluation_import import EvaluationError, evaluate


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
                say=self.stderr.write if options["verbosity"] > 0 else None,
            )
        except (ValueError, EvaluationError) as error:
            raise CommandError(str(error)) from error
        age = _process_age()
        if age is not None:  # run as `manage.py evaluate`: the whole run counts the process's own start
            startup = round(max(0.0, age - report["seconds"]), 2)
            report["timing"] = {"startup": startup, **report["timing"]}
            report["seconds"] = round(max(age, report["seconds"]), 2)
        if options["json"]:
            self.stdout.write(json.dumps(report, ensure_ascii=False))
        else:
            self.stdout.write(format_table(report))


def _process_age() -> float | None:
    """Seconds from this process's start to now when it runs `manage.py evaluate` (Linux), else None."""
    if len(sys.argv) < 2 or sys.argv[1] != "evaluate":
        return None
    try:
        with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as handle:
            started_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None
    return round(max(0.0, uptime - started_ticks / os.sysconf("SC_CLK_TCK")), 2)
