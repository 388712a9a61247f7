"""`make bench`: how the tracker's cost grows with its work (extraction, import, linking, pages, memory)."""

from __future__ import annotations

import json
import resource
import sys
import time

from django.core.management.base import BaseCommand

from devtools.benchmarks import parts

PARTS = ["extract", "import", "link", "pages"]


class Command(BaseCommand):
    help = "Benchmark extraction, import, linking and pages on a separate benchmark database; --json for one object."

    def add_arguments(self, parser):
        parser.add_argument(
            "--articles", type=int, default=1000, help="articles for the import and linking parts"
        )
        parser.add_argument(
            "--claims", type=int, default=1_000_000, help="claims in the database for the page part"
        )
        parser.add_argument(
            "--extract-articles", type=int, default=300, help="articles for the extraction part"
        )
        parser.add_argument(
            "--parts", default=",".join(PARTS), help=f"comma-separated subset of {','.join(PARTS)}"
        )
        parser.add_argument("--quick", action="store_true", help="every part small: under a minute")
        parser.add_argument("--keepdb", action="store_true", help="reuse the populated benchmark database")
        parser.add_argument(
            "--http",
            action="store_true",
            help="pages part: time the pages once more through gunicorn over HTTP (PostgreSQL only)",
        )
        parser.add_argument(
            "--pages-role",
            choices=["superuser", "reader", "editor"],
            default="superuser",
            help="pages part: the account the pages are timed for (readers and editors check permissions)",
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
        parser.add_argument(
            "--workers",
            type=int,
            default=0,
            help="the import part also runs the follow-up on 1 and on N Celery worker processes (PostgreSQL)",
        )
        parser.add_argument(
            "--broker", default="redis://127.0.0.1:6379/13", help="the broker of the --workers run"
        )

    def handle(self, *args, **options):
        if options["quick"]:
            options.update(articles=200, claims=3000, extract_articles=40)
        chosen = [p.strip() for p in options["parts"].split(",") if p.strip()]
        unknown = set(chosen) - set(PARTS)
        if unknown:
            raise SystemExit(f"Unknown parts: {', '.join(sorted(unknown))}; choose from {', '.join(PARTS)}")
        log = (lambda msg: print(msg, file=sys.stderr)) if options["json"] else self.stdout.write
        started = time.perf_counter()
        report = {"database": parts.use_benchmark_database(keepdb=options["keepdb"])}
        if "extract" in chosen:
            log("extraction ...")
            report.update(parts.extraction(options["extract_articles"]))
        if "import" in chosen:
            log("import ...")
            report.update(
                parts.importing(options["articles"], workers=options["workers"], broker=options["broker"])
            )
        if "link" in chosen:
            log("linking ...")
            report.update(parts.linking(options["articles"]))
        if "pages" in chosen:
            log("pages (populating the benchmark database) ...")
            report.update(
                parts.pages(options["claims"], progress=log, http=options["http"], role=options["pages_role"])
            )
        report["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        report["seconds"] = round(time.perf_counter() - started, 1)
        if options["json"]:
            self.stdout.write(json.dumps(report))
        else:
            self.stdout.write(json.dumps(report, indent=2))
