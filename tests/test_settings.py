"""Settings come from the environment: DATABASE_URL, SECRET_KEY, DEBUG and the deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "x" * 60 + "-not-a-real-secret-but-long-and-random-enough-1234567890",
    "ALLOWED_HOSTS": "tracker.example",
    "DATABASE_URL": "postgres://tracker:pw@db.example:5433/tracker",
}


def run_python(code: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


SHOW_DB = (
    "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; django.setup();"
    "from django.conf import settings; d = settings.DATABASES['default'];"
    "print(d['ENGINE'], d['NAME'], d.get('HOST', ''), d.get('PORT', ''))"
)


def test_default_database_is_a_sqlite_file():
    out = run_python(SHOW_DB, {})
    assert out.returncode == 0, out.stderr
    engine, name, *_ = out.stdout.split()
    assert engine == "django.db.backends.sqlite3" and name.endswith(".sqlite3")


def test_database_url_selects_postgresql():
    out = run_python(SHOW_DB, {"DATABASE_URL": "postgres://u:p@db.example:5433/claims"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["django.db.backends.postgresql", "claims", "db.example", "5433"]


START_SERVER = "import os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; import tracker.wsgi; print('served')"


def test_secret_key_is_required_when_debug_is_off():
    """Serving (the WSGI application gunicorn and runserver load) stops at start without the key."""
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    out = run_python(START_SERVER, env)
    assert out.returncode != 0 and "SECRET_KEY must be set" in out.stderr
    assert "served" not in out.stdout


SHOW_DEBUG = (
    "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; django.setup();"
    "from django.conf import settings; print(settings.DEBUG)"
)


def test_debug_is_off_when_the_variable_is_unset():
    assert run_python(SHOW_DEBUG, {}).stdout.split() == ["False"]
    assert run_python(SHOW_DEBUG, {"DEBUG": "1"}).stdout.split() == ["True"]


def test_without_debug_or_key_serving_stops_but_keyless_commands_run(tmp_path):
    """Local use with nothing set: the server refuses to start, saying what to set, while a command that
    needs no key (here `manage.py check` and `migrate` on a fresh SQLite file) runs."""
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'local.sqlite3'}"}
    out = run_python(START_SERVER, env)
    assert out.returncode != 0 and "SECRET_KEY must be set" in out.stderr and "DEBUG=1" in out.stderr
    for command in (["check"], ["migrate", "--noinput"]):
        base = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "DATABASE_URL"}}
        done = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=REPO,
            env={**base, **env, "DJANGO_SETTINGS_MODULE": "tracker.settings"},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stdout + done.stderr


def test_check_deploy_is_clean_with_production_variables():
    out = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        # a production environment, not the test run's (the browser tests allow async-unsafe calls)
        env={**{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stdout + out.stderr


FROZEN_AFTER_START = (
    "import gc, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'tracker.settings'; import tracker.wsgi;"
    "frozen = gc.get_freeze_count(); print(frozen, len(gc.get_objects()))"
)


def test_the_served_application_is_left_out_of_garbage_collections():
    """The objects loaded with the application are frozen: a full collection in the middle of a request
    walked all of them (over 100 ms of CPU), now it sees only what came after."""
    out = run_python(FROZEN_AFTER_START, {**PRODUCTION, "DATABASE_URL": ""})
    assert out.returncode == 0, out.stderr
    frozen, still_tracked = (int(n) for n in out.stdout.split())
    assert frozen > 50_000 and still_tracked < frozen / 10
