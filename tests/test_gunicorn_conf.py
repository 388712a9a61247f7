"""gunicorn.conf.py, which gunicorn reads from the working directory, sets only settings gunicorn knows
(a misspelt one is silently ignored there) and preloads the app so that the workers share it."""

import runpy
from pathlib import Path

from gunicorn.config import KNOWN_SETTINGS

CONF = Path(__file__).resolve().parent.parent / "gunicorn.conf.py"


def test_the_server_settings_are_gunicorns_own_and_preload_the_app():
    settings = {k: v for k, v in runpy.run_path(str(CONF)).items() if not k.startswith("__")}
    assert set(settings) <= {setting.name for setting in KNOWN_SETTINGS}
    assert settings["preload_app"] is True
