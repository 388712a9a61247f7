"""`manage.py evaluate`: import a gold corpus into a throwaway database as a user would, then score it.

The import runs in a subprocess (`manage.py evaluate_worker`) whose DATABASE_URL names a fresh
database, never the configured one:
- SQLite (the default): a file in a temporary folder, copied from a migrated template kept under
  `data/evaluate-templates/` and named by a hash of every migration file and of requirements.txt, so
  a template is built once (one `migrate`) and again whenever a migration changes;
- PostgreSQL (when DATABASE_URL is PostgreSQL): a database `<name>_evaluate_<pid>_<random>` on the
  same server, created from a migrated template database (built the same way, named by the same
  hash) and dropped afterwards.
The subprocess also gets its own MEDIA_ROOT (the import job's files) and no Celery broker (work runs
in-process). It imports with `import_articles` (reading, storing, extraction, events, links) and
writes the stored rows as JSON; `claims.evaluation.report.score_import` scores them. Only the stance
pairs are scored on the stance model directly, in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings

from claims.evaluation.gold import load_corpus
from claims.evaluation.inputs import write_import_inputs
from claims.evaluation.report import limit_corpus, score_import

BASE_DIR = Path(settings.BASE_DIR)
MANAGE = BASE_DIR / "manage.py"


class EvaluationError(Exception):
    """The throwaway import could not be run (the message says why)."""


def schema_key(base: Path = BASE_DIR) -> str:
    """A hash of every migration file and of the pinned requirements: a template is valid while it holds."""
    digest = hashlib.sha256()
    files = [*sorted(base.glob("*/migrations/*.py")), base / "requirements.txt"]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(base)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _worker(args: list[str], *, database_url: str, database_name: str, media: Path) -> None:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        TRACKER_EVALUATE_DATABASE=database_name,
        MEDIA_ROOT=str(media),
        CELERY_BROKER_URL="",
    )
    result = subprocess.run(
        [sys.executable, str(MANAGE), "evaluate_worker", *args],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        tail = "\n".join((result.stderr or result.stdout).strip().splitlines()[-15:])
        raise EvaluationError(f"the evaluation's import failed (exit {result.returncode}):\n{tail}")


def _sqlite_template(work: Path) -> Path:
    folder = BASE_DIR / "data" / "evaluate-templates"
    folder.mkdir(parents=True, exist_ok=True)
    template = folder / f"schema-{schema_key()}.sqlite3"
    if not template.exists():
        building = work / "template.sqlite3"
        _worker(
            ["--migrate"],
            database_url=f"sqlite:///{building}",
            database_name=str(building),
            media=work / "media",
        )
        shutil.copyfile(building, folder / f".{template.name}.{os.getpid()}")
        os.replace(folder / f".{template.name}.{os.getpid()}", template)
        for old in folder.glob("schema-*.sqlite3"):
            if old != template:
                old.unlink(missing_ok=True)
    return template


@contextmanager
def _sqlite_database(work: Path):
    template = _sqlite_template(work)
    target = work / "evaluate.sqlite3"
    shutil.copyfile(template, target)
    yield f"sqlite:///{target}", str(target)


def _pg_admin(dbname: str):
    import psycopg2

    db = settings.DATABASES["default"]
    connection = psycopg2.connect(
        dbname=dbname,
        user=db.get("USER") or None,
        password=db.get("PASSWORD") or None,
        host=db.get("HOST") or None,
        port=db.get("PORT") or None,
    )
    connection.autocommit = True
    return connection


def _pg_build_template(cursor, template: str, configured: str, url_for, work: Path) -> None:
    """Migrate a new database and rename it to `template`; drop the templates of older migration states."""
    import psycopg2.errors

    building = f"{template}_b{secrets.token_hex(2)}"[:63]
    cursor.execute(f'CREATE DATABASE "{building}"')
    try:
        _worker(["--migrate"], database_url=url_for(building), database_name=building, media=work / "media")
        cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{template}"')
    except psycopg2.errors.DuplicateDatabase:  # another run built it meanwhile
        cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
        return
    except Exception:
        cursor.execute(f'DROP DATABASE IF EXISTS "{building}"')
        raise
    cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [f"{configured}_evaltpl_%"])
    for (old,) in cursor.fetchall():
        if old != template and len(old) == len(template):  # not another run's database being built
            cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')


def _pg_create_from(cursor, name: str, template: str, attempts: int = 5) -> None:
    """CREATE DATABASE name TEMPLATE template, waiting while another run is copying the template."""
    import psycopg2.errors

    for attempt in range(attempts):
        try:
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
            return
        except psycopg2.errors.ObjectInUse:
            if attempt == attempts - 1:
                raise
            time.sleep(1 + attempt)


@contextmanager
def _postgres_database(work: Path):
    db = settings.DATABASES["default"]
    configured = str(db["NAME"])
    parts = urlsplit(os.environ.get("DATABASE_URL", ""))
    template = f"{configured}_evaltpl_{schema_key()}"[:63]
    name = f"{configured}_evaluate_{os.getpid()}_{secrets.token_hex(3)}"[:63]

    def url_for(dbname: str) -> str:
        return urlunsplit((parts.scheme, parts.netloc, f"/{dbname}", parts.query, parts.fragment))

    admin = _pg_admin("postgres")
    try:
        with admin.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
            if cursor.fetchone() is None:
                _pg_build_template(cursor, template, configured, url_for, work)
            _pg_create_from(cursor, name, template)
        try:
            yield url_for(name), name
        finally:
            with admin.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        admin.close()


def throwaway_database(work: Path):
    """A context manager giving (DATABASE_URL, database name) of a fresh, migrated database."""
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return _postgres_database(work)
    return _sqlite_database(work)


def needs_import(corpus) -> bool:
    """False when nothing the import stores would be scored: no claims, links, events or article files."""
    return bool(
        corpus.claims
        or corpus.links
        or corpus.not_links
        or corpus.events
        or any(not article.inline for article in corpus.articles.values())
    )


def _cpu_seconds() -> float:
    """User and system CPU time of this process and of its finished subprocesses (the import)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _stance_many():
    from claims.linking.stance import StanceModel

    model = StanceModel.load()
    return model.predict_many if model is not None else None


def evaluate(
    path: str | Path,
    *,
    limit: int | None = None,
    details: bool = False,
    dump_to: str | Path | None = None,
    from_dump: str | Path | None = None,
    say=None,
) -> dict[str, Any]:
    """The report of importing the corpus at `path` into a throwaway database (see the module docstring).

    `dump_to` keeps the stored rows as JSON; `from_dump` scores such a file again without importing;
    `say(message)`, when given, hears what is being done.
    Raises ValueError for a corpus that cannot be read, EvaluationError when the import fails.
    """
    started = time.perf_counter()
    cpu_started = _cpu_seconds()
    corpus = load_corpus(path)
    if limit is not None:
        corpus = limit_corpus(corpus, limit)
    timing: dict[str, float] = {}
    if from_dump is not None:
        dump = json.loads(Path(from_dump).read_text(encoding="utf-8"))
    elif not needs_import(corpus):
        dump = {}  # only stance pairs (FNC-1): nothing stored would be scored
    else:
        with tempfile.TemporaryDirectory(prefix="tracker-evaluate-") as tmp:
            work = Path(tmp)
            paths = write_import_inputs(corpus, work)
            if say:
                kind = (
                    "PostgreSQL"
                    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql")
                    else "SQLite"
                )
                say(
                    f"importing {len(corpus.articles)} articles of {corpus.name} into a throwaway {kind} database"
                )
            step = time.perf_counter()
            with throwaway_database(work) as (url, name):
                timing["database"] = round(time.perf_counter() - step, 2)
                step = time.perf_counter()
                out = work / "stored.json"
                if paths:
                    _worker(
                        ["--out", str(out), *map(str, paths)],
                        database_url=url,
                        database_name=name,
                        media=work / "media",
                    )
                    dump = json.loads(out.read_text(encoding="utf-8"))
                else:
                    dump = {}
                timing["import_subprocess"] = round(time.perf_counter() - step, 2)
        if dump_to is not None:
            Path(dump_to).write_text(json.dumps(dump, ensure_ascii=False), encoding="utf-8")
    for name, seconds in (dump.get("timing") or {}).items():
        timing[f"worker_{name}"] = seconds
    step = time.perf_counter()
    stance_many = _stance_many() if corpus.stance_pairs else None
    report = score_import(corpus, dump, stance_many=stance_many, details=details)
    timing["scoring"] = round(time.perf_counter() - step, 2)
    if from_dump is None and not needs_import(corpus):
        report["imported"] = {"skipped": "nothing stored would be scored (only stance pairs)"}
    report["seconds"] = round(time.perf_counter() - started, 2)
    timing["cpu"] = round(_cpu_seconds() - cpu_started, 2)
    report["timing"] = timing
    return report
