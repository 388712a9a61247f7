"""`make loadtest`: concurrent users against gunicorn on PostgreSQL, on this machine only."""

from __future__ import annotations

import json
import sys

from django.core.management.base import BaseCommand, CommandError

from devtools.benchmarks.load import runner


class Command(BaseCommand):
    help = (
        "Load-test the app: gunicorn on a separate <db>_load PostgreSQL database, locust users signing in, "
        "browsing, searching and reviewing; prints req/s and p50/p95/p99 per endpoint group. "
        "Exits non-zero on any server error (5xx)."
    )

    def add_arguments(self, parser):
        defaults = runner.Options()
        parser.add_argument("--host", default=defaults.host, help="127.0.0.1 or localhost (nothing else)")
        parser.add_argument("--users", type=int, default=defaults.users, help="concurrent users")
        parser.add_argument(
            "--spawn-rate", type=float, default=defaults.spawn_rate, help="users started per s"
        )
        parser.add_argument(
            "--run-time", default=defaults.run_time, help="how long the measured phase lasts, e.g. 60s or 5m"
        )
        parser.add_argument(
            "--warmup",
            default=defaults.warmup,
            help="how long users run after all have signed in, before the measured phase (0s: none)",
        )
        parser.add_argument("--workers", type=int, default=defaults.workers, help="gunicorn workers")
        parser.add_argument(
            "--threads", type=int, default=defaults.threads, help="threads per worker (>1: gthread)"
        )
        parser.add_argument(
            "--claims", type=int, default=defaults.claims, help="claims in the load database (7 per article)"
        )
        parser.add_argument("--keepdb", action="store_true", help="reuse the populated load database")
        parser.add_argument(
            "--database",
            choices=["load", "bench"],
            default=defaults.database,
            help="which copy: <name>_load (filled to --claims), or <name>_bench, the page benchmark's "
            "(with --keepdb --claims 1000000: the 1M-claim database `bench --parts pages` filled)",
        )
        parser.add_argument(
            "--editor-share", type=float, default=defaults.editor_share, help="fraction of users who review"
        )
        parser.add_argument(
            "--wait", default=defaults.wait, help="think time between actions: MIN,MAX seconds"
        )
        parser.add_argument("--out", default="", help="folder for locust's stats and the server logs")
        parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")

    def handle(self, *args, **options):
        opts = runner.Options(**{k: options[k] for k in runner.Options.__dataclass_fields__ if k in options})
        log = (lambda msg: print(msg, file=sys.stderr)) if options["json"] else self.stdout.write
        try:
            report = runner.run(opts, log)
        except runner.LoadTestError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(report) if options["json"] else runner.format_report(report))
        if not runner.passed(report):
            raise CommandError(
                f"server errors: {report['server']['server_errors_5xx']} responses 5xx, "
                f"{report['server']['worker_timeouts']} worker timeouts, "
                f"{report['server']['tracebacks']} tracebacks (see {report['output_dir']}/server.log)"
            )
