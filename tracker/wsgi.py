"""WSGI entry point (gunicorn tracker.wsgi; `manage.py runserver` loads it too)."""

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
