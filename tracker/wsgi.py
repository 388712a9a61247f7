"""WSGI entry point (gunicorn tracker.wsgi; `manage.py runserver` loads it too)."""

import gc
import os

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
application = get_wsgi_application()

from django.conf import settings  # noqa: E402  (after the application has set Django up)

try:
    settings.SECRET_KEY  # noqa: B018  (Django refuses an empty key with a bare "must not be empty")
except ImproperlyConfigured:
    # Serving needs the key (sessions, CSRF): stop at start, with what to do, not at the first request.
    raise ImproperlyConfigured(settings.MISSING_KEY_MESSAGE) from None

# The URL configuration and with it every view module, loaded now rather than by each worker's first
# request: with gunicorn's preload (gunicorn.conf.py) they are loaded once, before the workers fork,
# and frozen below with the rest.
from django.urls import get_resolver  # noqa: E402

get_resolver().url_patterns  # noqa: B018  (the property imports the URL modules and their views)

# What the application loaded (Django, the apps, numpy and scikit-learn for the linking tasks: some
# 220,000 objects) lives as long as the process, yet Python's full garbage collection walked all of it
# again every few hundred requests: 110-170 ms of CPU in the middle of one request (measured under load;
# the load test saw single requests take 150-200 ms of CPU). Frozen, those objects are left out of every
# collection, which then sees only what requests make. Nothing is freed that could have been: these
# objects are referenced by the modules that made them.
gc.collect()
gc.freeze()
