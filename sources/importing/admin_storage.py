"""Where the admin import keeps an upload between its preview and its confirmation.

django-import-export writes every admin upload to a temporary file before the dry run and reads it
again when the import is confirmed. By default that is the system /tmp, and nothing removes the file
of a preview that was refused for errors or never confirmed. Here it is a folder under MEDIA_ROOT
(`imports/admin-previews/`), files are named by a random hex only (a confirm form naming anything else
is refused, so a forged name can never read or delete another file), a refused preview's file is
deleted at once and unconfirmed ones after IMPORT_PREVIEW_MAX_AGE seconds.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from import_export.tmp_storages import MediaStorage

PREVIEW_FOLDER = "imports/admin-previews"
_NAME = re.compile(r"[0-9a-f]{32}")


class PreviewStorage(MediaStorage):
    """import-export's temporary storage, under MEDIA_ROOT/imports/admin-previews."""

    def __init__(self, **kwargs) -> None:
        name = kwargs.get("name")
        if name is not None and not _NAME.fullmatch(str(name)):
            raise SuspiciousFileOperation("not an admin import preview")
        kwargs["MEDIA_FOLDER"] = PREVIEW_FOLDER
        super().__init__(**kwargs)

    def remove(self) -> None:
        if self.name and self._storage.exists(self.get_full_path()):
            super().remove()


def preview_folder() -> Path:
    return Path(settings.MEDIA_ROOT) / PREVIEW_FOLDER


def preview_discard(name: str | None) -> None:
    """Delete one preview's file (a valid name only; nothing when there is none)."""
    if name and _NAME.fullmatch(name):
        (preview_folder() / name).unlink(missing_ok=True)


def previews_sweep(max_age: float | None = None) -> int:
    """Delete previews older than `max_age` seconds (IMPORT_PREVIEW_MAX_AGE, default an hour): never
    confirmed. Returns how many were deleted."""
    age = float(getattr(settings, "IMPORT_PREVIEW_MAX_AGE", 3600) if max_age is None else max_age)
    folder = preview_folder()
    if not folder.is_dir():
        return 0
    cutoff = time.time() - age
    deleted = 0
    for path in folder.iterdir():
        try:
            if _NAME.fullmatch(path.name) and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                deleted += 1
        except FileNotFoundError:  # another request deleted it meanwhile
            continue
    return deleted
