"""`manage.py fault_drill [--articles 3000] [--restart-postgres]`: break a running import on purpose.

Runs imports in real Celery workers (PostgreSQL and Redis needed), kills the worker with kill -9 half
way, then its pool process alone, then ends the worker's database sessions (pg_terminate_backend), and
with --restart-postgres restarts the PostgreSQL server half way through a fourth import; prints rows in, duplicates, the job's state and the time to recover for each.
--restart-postgres disturbs everything else using that server: never run it on a shared machine
without warning the others. Not a test: a drill (see devtools/benchmarks/faults.py).
"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from devtools.benchmarks.faults import Drill


class Command(BaseCommand):
    help = "Kill a Celery worker (and optionally restart PostgreSQL) in the middle of an import; report."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--articles", type=int, default=3000, help="articles per import")
        parser.add_argument("--batch-size", type=int, default=50, help="rows per committed chunk")
        parser.add_argument("--pause", type=float, default=0.05, help="seconds after each chunk (slows it)")
        parser.add_argument("--lease", type=float, default=5, help="IMPORT_JOB_LEASE for the drill's workers")
        parser.add_argument("--visibility", type=int, default=10, help="CELERY_VISIBILITY_TIMEOUT for them")
        parser.add_argument("--broker", default="redis://127.0.0.1:6379/14")
        parser.add_argument(
            "--restart-postgres", action="store_true", help="also restart PostgreSQL during an import"
        )
        parser.add_argument("--keep", action="store_true", help="keep the drill's articles and jobs")

    def handle(self, *args, **options) -> None:
        if connection.vendor != "postgresql":
            raise CommandError("the drill needs PostgreSQL (workers in other processes): set DATABASE_URL")
        drill = Drill(
            articles=options["articles"],
            batch_size=options["batch_size"],
            pause=options["pause"],
            lease=options["lease"],
            visibility=options["visibility"],
            broker=options["broker"],
            out=self.stdout.write,
        )
        self.stdout.write(
            f"{options['articles']} articles per import, chunks of {options['batch_size']}, "
            f"lease {options['lease']} s, visibility timeout {options['visibility']} s; logs in {drill.log}"
        )
        try:
            drill.kill_worker()
            drill.kill_pool_process()
            drill.database_outage(restart=False)
            if options["restart_postgres"]:
                drill.database_outage(restart=True)
        finally:
            drill.stop_workers()
            if not options["keep"]:
                drill.clean_up()
