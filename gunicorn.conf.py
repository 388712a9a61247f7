"""gunicorn's settings for this app, read from the working directory (`gunicorn tracker.wsgi`); the
command line overrides them (the load test gives its own bind, workers and logs).

preload_app: the application (Django, the apps, every view; tracker/wsgi.py) is loaded once in the
master and the workers fork from it, sharing those pages and the collections frozen there. Measured
with 4 workers on this machine (load 12, the load test's PostgreSQL database, each worker having
served a page): PSS of master and workers 331 -> 143 MB in all, 4.7 -> 1.2 CPU s and 22 -> 5 s until
the first page is served (main before the lazy imports of tests/web/test_worker_imports.py: 659 MB,
11 CPU s, 54 s).
"""

preload_app = True
