"""Where an account's login token is kept: the system keyring, else a private file.

The password is never kept: it is used once to log in, and the server's token
(``Auth``) is what Kabar keeps. The system keyring (``keyring``: Secret Service,
KWallet, macOS Keychain, Windows Credential Locker) is used when one works; on a
machine without one (a bare server, a session without a keyring daemon) the
token goes to ``accounts/<name>.token`` in the data folder, readable by the user
only (folder 0700, file 0600), written atomically. Which of the two holds a
token is recorded with the account and shown by ``kabar account``.

An application key a server wants beside the login (Inoreader's ``AppKey``) is a
secret of the same kind and is kept the same way, as a second entry of the account
(:data:`APP_KEY`).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Literal

log = logging.getLogger(__name__)

SERVICE = "org.kabar.Kabar"
Where = Literal["keyring", "file"]
#: Suffix of the entry holding an account's application key (``name`` + this).
APP_KEY = " AppKey"


def _default_backend() -> Any | None:
    """The system keyring if one really works here, else None."""
    try:
        import keyring  # noqa: PLC0415 (only account and sync commands pay for it)
        from keyring.backends import fail  # noqa: PLC0415
    except Exception:  # not installed, or a broken backend raising on import
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


class TokenStore:
    """Keeps tokens for accounts in ``folder`` (the data folder's ``accounts``)."""

    def __init__(self, folder: Path, *, backend: Any | None = None, keyring: bool = True) -> None:
        self.folder = folder
        self._backend = backend
        self._probe = keyring and backend is None

    def backend(self) -> Any | None:
        if self._probe:
            self._backend = _default_backend()
            self._probe = False
        return self._backend

    def _file(self, account: str) -> Path:
        digest = hashlib.sha256(account.encode("utf-8")).hexdigest()[:16]
        return self.folder / f"{digest}.token"

    def save(self, account: str, token: str) -> Where:
        """Keep ``token`` for ``account``; returns where it went."""
        backend = self.backend()
        if backend is not None:
            try:
                backend.set_password(SERVICE, account, token)
            except Exception as error:  # locked, refused, no daemon after all
                log.info("system keyring unavailable (%s); keeping the token in a file",
                         type(error).__name__)  # fmt: skip
            else:
                with contextlib.suppress(OSError):
                    self._file(account).unlink()
                return "keyring"
        self._write_private(self._file(account), token)
        return "file"

    def load(self, account: str, where: Where) -> str | None:
        if where == "keyring":
            backend = self.backend()
            if backend is None:
                return None
            try:
                value = backend.get_password(SERVICE, account)
            except Exception:
                return None
            return value if isinstance(value, str) and value else None
        try:
            return self._file(account).read_text("utf-8").strip() or None
        except OSError:
            return None

    def delete(self, account: str) -> None:
        """Forget the account's token and its application key, wherever they are."""
        for entry in (account, account + APP_KEY):
            self._forget(entry)

    def save_app_key(self, account: str, key: str) -> Where:
        return self.save(account + APP_KEY, key)

    def load_app_key(self, account: str, where: Where) -> str | None:
        """The application key kept for ``account`` (where its token is, else the other)."""
        other: Where = "file" if where == "keyring" else "keyring"
        return self.load(account + APP_KEY, where) or self.load(account + APP_KEY, other)

    def delete_app_key(self, account: str) -> None:
        self._forget(account + APP_KEY)

    def _forget(self, entry: str) -> None:
        """Remove ``entry`` from the keyring and its file, wherever it is."""
        backend = self.backend()
        if backend is not None:
            with contextlib.suppress(Exception):
                backend.delete_password(SERVICE, entry)
        with contextlib.suppress(OSError):
            self._file(entry).unlink()

    def _write_private(self, path: Path, text: str) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            path.parent.chmod(0o700)
        temporary = path.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, text.encode("utf-8"))
            os.fsync(fd)
        finally:
            os.close(fd)
        temporary.chmod(0o600)
        temporary.replace(path)
