"""Settings for the test run: the development settings (DEBUG on, as `make demo` runs) with in-process
background tasks run at once, in the caller, so a test sees their result when enqueue returns.

DEBUG and DEVTOOLS are set in the environment, so processes the tests start (Celery workers, manage.py) load the same
development settings; pytest-django itself runs each test with DEBUG off, as production does.
"""

import os

os.environ.setdefault("DEBUG", "1")
# The development tools (benchmarks, load test, fault drill) are installed for their tests.
os.environ.setdefault("DEVTOOLS", "1")

from tracker.settings import *  # noqa: F403

TASKS_SYNCHRONOUS = True
