"""Where Kabar keeps its data: the only module that asks platformdirs.

Order of precedence: an explicit ``--data-dir``, then ``$KABAR_DATA_DIR``, then
the platform's user data directory for "Kabar" (``~/.local/share/Kabar`` on
Linux). Everything the user has — library, images, backups, settings, user
site rules — lives under that one directory, so moving or backing it up is
copying one folder.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_DATA_DIR = "KABAR_DATA_DIR"
APP_DIR_NAME = "Kabar"


@dataclass(frozen=True, slots=True)
class DataPaths:
    """Named locations inside the data directory."""

    root: Path

    @property
    def library(self) -> Path:
        return self.root / "library.sqlite3"

    @property
    def images(self) -> Path:
        return self.root / "images"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def settings(self) -> Path:
        return self.root / "settings.json"

    @property
    def user_rules(self) -> Path:
        return self.root / "site-rules.toml"

    @property
    def accounts(self) -> Path:
        """Sync login tokens when no system keyring works (files only the user can read)."""
        return self.root / "accounts"

    @property
    def lock(self) -> Path:
        return self.root / "kabar.lock"


def default_data_dir() -> Path:
    import platformdirs  # noqa: PLC0415 (only when neither --data-dir nor the variable is set)

    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False, roaming=True))


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> DataPaths:
    """Pick the data directory (explicit > environment > platform default)."""
    if explicit:
        root = Path(explicit)
    elif os.environ.get(ENV_DATA_DIR):
        root = Path(os.environ[ENV_DATA_DIR])
    else:
        root = default_data_dir()
    return DataPaths(root.expanduser().absolute())
