"""One settings module for every environment, driven by environment variables.

Defaults give the embedded setup (SQLite file, tasks on a background thread of the web process) with
DEBUG off; `make demo`, `make run` and the tests' settings (tests/settings.py) turn DEBUG on. Production
sets SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL through psycopg2).
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    """The boolean value of environment variable `name` ("1", "true", "yes", "on" are true)."""
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# Off unless asked for: a debug page shows settings and source to whoever raises an error.
DEBUG = env_bool("DEBUG", False)


def development_secret_key(path: Path) -> str:
    """A random key kept in `path` (made on first use): DEBUG mode only, so no key is ever written here."""
    from django.core.management.utils import get_random_secret_key

    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{path.name}.{os.getpid()}")
        draft.write_text(get_random_secret_key())
        draft.chmod(0o600)
        try:
            os.link(draft, path)  # atomic: of processes starting together, one key wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


# Secrets come from the environment only. With DEBUG on, a random development key is made once in
# data/dev-secret-key. With DEBUG off and no SECRET_KEY, serving fails at start (tracker.wsgi) and so does
# anything that reads the key, while commands that need none (migrate, evaluate, extract_claims,
# import_articles) still run for local use.
MISSING_KEY_MESSAGE = (
    "SECRET_KEY must be set in the environment when DEBUG is off "
    "(or run with DEBUG=1 for local development, as `make demo` and `make run` do)."
)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = development_secret_key(BASE_DIR / "data" / "dev-secret-key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if not DEBUG else "*")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_filters",
    "simple_history",
    "import_export",
    "rest_framework",
    "drf_spectacular",
    "pgtrigger",
    "sources",
    "claims",
    "axes",
]
# Benchmarks, the load test and the fault drill (devtools/): only when asked for (`make bench`,
# `make loadtest` and the tests' settings set DEVTOOLS=1).
if env_bool("DEVTOOLS", False):
    INSTALLED_APPS.append("devtools")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "tracker.middleware.PlainNotFoundMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # last, as django-axes asks: turns a locked-out sign-in into the lockout page
    "axes.middleware.AxesMiddleware",
]

# Request timings (tracker.middleware.RequestTimingMiddleware), off unless asked for: REQUEST_TIMING=1 adds a
# Server-Timing header (app, CPU and database milliseconds) to every response (the load test's server sets it);
# SLOW_REQUEST_MS=N logs each request that took N ms or more (logger "tracker.requests") with the same figures.
REQUEST_TIMING = env_bool("REQUEST_TIMING", False)
SLOW_REQUEST_MS = float(os.environ.get("SLOW_REQUEST_MS", "0"))
if REQUEST_TIMING or SLOW_REQUEST_MS:
    MIDDLEWARE.insert(0, "tracker.middleware.RequestTimingMiddleware")

ROOT_URLCONF = "tracker.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

# Django's form renderer with the plain widget templates written in Python (same markup; see the module).
FORM_RENDERER = "tracker.form_renderer.FastWidgetRenderer"

WSGI_APPLICATION = "tracker.wsgi.application"

# SQLite file by default (the embedded setup); DATABASE_URL=postgres://... selects PostgreSQL.
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'data' / 'tracker.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(DATABASE_URL, conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")))
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # WAL lets readers go on while a write (an import, an extraction) is under way; a writer that finds
    # the database locked waits up to SQLITE_BUSY_TIMEOUT seconds (sqlite3's busy timeout) instead of
    # failing with "database is locked" (a sign-in while a background import writes a chunk).
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": float(os.environ.get("SQLITE_BUSY_TIMEOUT", "20")),
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# tracker.compiled prepares its statements on PostgreSQL (once per connection): 0 behind a PgBouncer in
# transaction mode, where a prepared statement does not follow the client from one transaction to the next.
PREPARED_STATEMENTS = env_bool("PREPARED_STATEMENTS", True)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "data" / "media"))

# Sign-in throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username from one
# address, that pair is refused for AXES_COOLOFF_MINUTES, even with the right password. The axes backend
# comes first and only checks the lockout; ModelBackend (tracker.auth's) does the authenticating. Every
# authenticate() must then pass the request (LoginView, the admin and DRF's basic auth do; tests use
# force_login). Sessions signed in under Django's own ModelBackend path are asked to sign in once more.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend reading the user's permissions with the user (one query, not three)
    "tracker.auth.ModelBackendOneRead",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# The client address is REMOTE_ADDR only: X-Forwarded-For can be written by the client and would let it
# dodge the lockout. Behind a reverse proxy every client has the proxy's address, so the lock is then
# in effect per username.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# Django's database sessions, read with one plain statement instead of an ORM query (tracker/sessions.py).
SESSION_ENGINE = "tracker.sessions"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "sources:article-list"
LOGOUT_REDIRECT_URL = "sources:article-list"

# Background work: named tasks (tracker.tasks). Without a broker they run in the web process on one
# background thread after the request's transaction commits; with CELERY_BROKER_URL set they go to
# Celery workers. TASKS_SYNCHRONOUS runs in-process tasks at once, in the caller (the tests' settings).
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
TASKS_RUN_IN_PROCESS = not CELERY_BROKER_URL
TASKS_SYNCHRONOUS = env_bool("TASKS_SYNCHRONOUS", False)

# Bulk import budget (sources.importing.files.Limits), the same for every format and every way in (job
# uploads, import_articles, the admin): one file; one article's text (and its page); what the whole
# import unpacks to (plain files, zip members, the parts of an XLSX); the compression ratio and the
# number of members of any archive (zip or XLSX).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(2 * 1024**3)))
IMPORT_MAX_DOCUMENT_BYTES = int(os.environ.get("IMPORT_MAX_DOCUMENT_BYTES", str(20 * 1024**2)))
IMPORT_ZIP_MAX_TOTAL_BYTES = int(os.environ.get("IMPORT_ZIP_MAX_TOTAL_BYTES", str(2 * 1024**3)))
IMPORT_ZIP_MAX_RATIO = int(os.environ.get("IMPORT_ZIP_MAX_RATIO", "100"))
IMPORT_ZIP_MAX_MEMBERS = int(os.environ.get("IMPORT_ZIP_MAX_MEMBERS", "20000"))
IMPORT_BATCH_SIZE = int(os.environ.get("IMPORT_BATCH_SIZE", "500"))
# Admin import previews (sources.importing.admin_storage) never confirmed are deleted after this many seconds.
IMPORT_PREVIEW_MAX_AGE = float(os.environ.get("IMPORT_PREVIEW_MAX_AGE", "3600"))
# Working files of import jobs that stopped without finishing (failed, cancelled, silent) are deleted after this.
IMPORT_JOB_FILES_MAX_AGE = float(os.environ.get("IMPORT_JOB_FILES_MAX_AGE", str(7 * 86400)))
# The sentence encoder (claims.linking.encoder) gives the linker paraphrase candidates and a meaning
# signal. Off unless asked: on the dev corpora it changes no link and costs more CPU per article than
# the extraction (README "Linking"); 1 turns it on when its model packages are installed.
SENTENCE_ENCODER = env_bool("SENTENCE_ENCODER", False)
# Per-article extraction budget (claims.services.extraction): a longer text is not parsed, an article giving more
# claims has none stored; either is marked failed with the reason on the article and its import job.
EXTRACT_MAX_CHARS = int(os.environ.get("EXTRACT_MAX_CHARS", "200000"))
EXTRACT_MAX_CLAIMS = int(os.environ.get("EXTRACT_MAX_CLAIMS", "2000"))
# Faults (sources.importing.service): a RUNNING job not heard from for IMPORT_JOB_LEASE seconds counts as
# stopped (its worker died) and may be resumed; a lost database connection is retried
# IMPORT_DB_RETRIES times, waiting IMPORT_DB_RETRY_DELAY seconds, doubled each time, before the job
# fails with "resume to continue".
IMPORT_JOB_LEASE = float(os.environ.get("IMPORT_JOB_LEASE", "120"))
# A job that kills its worker this many times in a row at the same place fails instead of looping.
IMPORT_MAX_TAKEOVERS = int(os.environ.get("IMPORT_MAX_TAKEOVERS", "3"))
IMPORT_DB_RETRIES = int(os.environ.get("IMPORT_DB_RETRIES", "5"))
IMPORT_DB_RETRY_DELAY = float(os.environ.get("IMPORT_DB_RETRY_DELAY", "1"))

# Production hardening, on whenever DEBUG is off.
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
# The reader and review scripts send the token from the form's hidden input, never from the cookie.
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Scripts and styles only from our own static files: no inline script, no CDN.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# The read-only JSON API (claims.api): session or basic auth, JSON only (paging: claims.api.pagination).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Claim tracker API",
    "DESCRIPTION": "Read-only access to articles, claims, claim links and events.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "ClaimOriginEnum": "claims.models.Claim.Origin",
        "SuggestionOriginEnum": "claims.models.ClaimLink.Origin",
    },
}
# The organisation named as author of the published ClaimReview JSON-LD.
CLAIMREVIEW_PUBLISHER = os.environ.get("CLAIMREVIEW_PUBLISHER", "Claim tracker")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"require_debug_false": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "mail_admins": {
            "level": "ERROR",
            "filters": ["require_debug_false"],
            "class": "django.utils.log.AdminEmailHandler",
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Django's own config gives "django" a console handler (when DEBUG) that its records then pass
    # through again on the way up to root: every 403 traceback printed twice. The root handler prints them.
    "loggers": {
        "django": {"handlers": ["mail_admins"], "propagate": True},
        # slow requests (SLOW_REQUEST_MS) are reported whatever LOG_LEVEL is
        "tracker.requests": {"level": "WARNING"},
    },
}
