"""Where the login token goes: the system keyring when one works, else a private file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked

from reader.core.paths import resolve_data_dir
from reader.core.services import Services
from reader.core.sync import SyncService, TokenStore
from tests.sync.recorded import RecordedServer
from tests.sync.test_recorded import miniflux_routes


class MemoryKeyring(KeyringBackend):
    """A keyring backend keeping secrets in memory (the desktop's keyring is not here)."""

    # Below every real backend: keyring registers each subclass it sees, and this one must
    # never become the process' default keyring (other tests expect none to work here).
    priority = -1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("the keyring is locked")


def test_a_working_keyring_holds_the_token_and_no_file_does(tmp_path: Path) -> None:
    backend = MemoryKeyring()
    tokens = TokenStore(tmp_path / "accounts", backend=backend)
    assert tokens.save("alice@example.org", "tok-1") == "keyring"
    assert list(backend.secrets.values()) == ["tok-1"]
    assert not (tmp_path / "accounts").exists()
    assert tokens.load("alice@example.org", "keyring") == "tok-1"
    tokens.delete("alice@example.org")
    assert backend.secrets == {}


def test_a_locked_keyring_falls_back_to_a_private_file(tmp_path: Path) -> None:
    tokens = TokenStore(tmp_path / "accounts", backend=LockedKeyring())
    assert tokens.save("alice@example.org", "tok-2") == "file"
    files = list((tmp_path / "accounts").iterdir())
    assert [stat.S_IMODE(f.stat().st_mode) for f in files] == [0o600]
    assert tokens.load("alice@example.org", "file") == "tok-2"


def test_the_account_says_where_its_login_is_kept(tmp_path: Path) -> None:
    server = RecordedServer(miniflux_routes([]))  # type: ignore[arg-type]
    core = Services(paths=resolve_data_dir(tmp_path / "kabar"))
    try:
        backend = MemoryKeyring()
        sync = SyncService(
            core.library, core.sources, core.fetcher,
            TokenStore(core.paths.accounts, backend=backend),
        )  # fmt: skip
        account = sync.add_account(server.base, "alice", "pw")
        assert account.token_store == "keyring"
        assert "recorded-token-123" in backend.secrets.values()
        assert sync.sync().new_items == 3  # the token is read back from the keyring
        sync.remove_account()
        assert backend.secrets == {}
    finally:
        core.close()
        server.stop()


def test_no_keyring_module_means_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "keyring", None)  # as if keyring were not installed
    tokens = TokenStore(tmp_path / "accounts")
    assert tokens.save("bob@example.org", "tok-3") == "file"
