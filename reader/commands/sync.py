"""Sync subcommands: ``account`` (list, add, remove), ``sync`` and ``mark``.

``kabar account add URL --user NAME --password-stdin`` finds the server's Google Reader
API from its home page or API address and logs in; the password is read once and never
kept or printed. ``--app-id ID --app-key-stdin`` gives the application pair Inoreader
wants on every request: the id is shown with the account, the key is kept like the
login token and never printed. ``kabar sync`` runs one two-way sync (``kabar refresh``
also syncs first when an account exists). ``kabar mark URL`` changes an article's read
or starred mark, with or without an account (with one, the change is queued for the next
sync).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import TYPE_CHECKING, Any, TextIO

from reader.commands.output import is_terminal, json_option, print_json, to_jsonable
from reader.core.urls import typed_address

if TYPE_CHECKING:
    from reader.core.services import Services
    from reader.core.sync import Account


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]

    account = subparsers.add_parser(
        "account",
        parents=parents,
        help="the feed-reader server Kabar syncs with (FreshRSS, Miniflux, Inoreader…)",
        description="list: the account and its last sync. add URL --user NAME "
        "--password-stdin: find the server's Google Reader API (URL: its home page or API "
        "address), log in and keep the login token (in the system keyring when there is one, "
        "else in a file only you can read; the password is not kept). Inoreader also wants "
        "its application pair: --app-id ID --app-key-stdin. remove NAME: forget "
        "the account (the library keeps everything).",
    )
    account.add_argument("action", nargs="?", choices=("list", "add", "remove"), default="list")
    account.add_argument("target", metavar="URL|NAME", nargs="?")
    account.add_argument("--user", metavar="NAME", help="user name on the server (add)")
    account.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (add; else Kabar asks on a terminal)",
    )
    account.add_argument(
        "--app-id",
        metavar="ID",
        help="the application id a server such as Inoreader wants with every request (add)",
    )
    account.add_argument(
        "--app-key-stdin",
        action="store_true",
        help="read the AppKey that goes with --app-id from standard input (add; after the "
        "password's line when both come that way; else Kabar asks on a terminal, and an "
        "empty answer keeps the key already kept for this account)",
    )
    account.set_defaults(handler=run_account)

    sync = subparsers.add_parser(
        "sync",
        parents=parents,
        help="sync subscriptions, read/starred marks and collections with the server",
    )
    sync.set_defaults(handler=run_sync)

    mark = subparsers.add_parser(
        "mark",
        parents=parents,
        help="mark an article read or unread, starred or not",
    )
    mark.add_argument("url", metavar="URL", type=typed_address)
    read = mark.add_mutually_exclusive_group()
    read.add_argument("--read", dest="read", action="store_const", const=True)
    read.add_argument("--unread", dest="read", action="store_const", const=False)
    star = mark.add_mutually_exclusive_group()
    star.add_argument("--star", dest="star", action="store_const", const=True)
    star.add_argument("--unstar", dest="star", action="store_const", const=False)
    mark.set_defaults(handler=run_mark, read=None, star=None)


def _when(value: object) -> str:
    from datetime import datetime  # noqa: PLC0415

    return value.strftime("%Y-%m-%d %H:%M UTC") if isinstance(value, datetime) else "never"


def _account_lines(account: Account) -> list[str]:
    where = "the system keyring" if account.token_store == "keyring" else "a private file"
    lines = [
        f"{account.name}",
        f"      server {account.server}",
        f"      last sync {_when(account.synced_at)}; login kept in {where}",
    ]
    if account.app_id:
        lines.append(f"      application id {account.app_id} (its key kept with the login)")
    if account.pending_changes:
        lines.append(f"      {account.pending_changes} changes waiting for the next sync")
    if account.last_error:
        lines.append(f"      last error {_when(account.last_error_at)}: {account.last_error}")
    return lines


def _password(args: argparse.Namespace) -> str:
    from reader.core.errors import SyncError  # noqa: PLC0415

    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if is_terminal(sys.stdin):
        return getpass.getpass("Password: ")
    raise SyncError("Give the password with --password-stdin (it is never taken as an argument).")


def _app_key(args: argparse.Namespace) -> str | None:
    """The AppKey for ``--app-id`` (None: keep the one already kept, if any)."""
    from reader.core.errors import SyncError  # noqa: PLC0415

    if args.app_key_stdin:
        if not args.app_id:
            raise SyncError("--app-key-stdin goes with --app-id ID.")
        return sys.stdin.readline().rstrip("\r\n") or None
    if args.app_id and is_terminal(sys.stdin):
        return getpass.getpass("AppKey (Enter keeps the one kept): ") or None
    return None


def run_account(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import SyncError  # noqa: PLC0415

    sync = services.sync
    if args.action == "add":
        if not args.target or not args.user:
            raise SyncError("account add needs the server's address and --user NAME.")
        password = _password(args)
        app_key = _app_key(args)
        account = sync.add_account(
            typed_address(args.target) or args.target, args.user, password,
            app_id=args.app_id, app_key=app_key,
        )  # fmt: skip
        del password, app_key
        if args.json:
            print_json(to_jsonable(account))
        else:
            where = "system keyring" if account.token_store == "keyring" else "private file"
            print(f"added: {account.name} ({account.server}); login kept in the {where}")
            print("Run 'kabar sync' (or refresh) to sync now.")
        return 0
    if args.action == "remove":
        account = sync.remove_account(args.target)
        if args.json:
            print_json({"removed": to_jsonable(account)})
        else:
            print(f"removed: {account.name} (the library keeps everything it has)")
        return 0
    found = sync.accounts()
    if args.json:
        print_json(to_jsonable(found))
        return 0
    if not found:
        print("No account. Add one with: kabar account add URL --user NAME --password-stdin")
    for account in found:
        print("\n".join(_account_lines(account)))
    return 0


class _SyncLine:
    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.width))
        self.width = len(text)
        self.stream.flush()

    def end(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def run_sync(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import Offline  # noqa: PLC0415

    if services.offline:
        raise Offline("", "Kabar is working offline; nothing was synced.")
    line = _SyncLine(sys.stderr) if is_terminal(sys.stderr) and not args.json else None
    try:
        report = services.sync.sync(on_progress=line)
    finally:
        if line:
            line.end()
    if args.json:
        print_json(to_jsonable(report))
    else:
        print(report.summary())
    return 0


def run_mark(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import ReaderError  # noqa: PLC0415

    if args.read is None and args.star is None:
        raise ReaderError("Say what to mark: --read, --unread, --star or --unstar.")
    library = services.library
    state = library.state(args.url)
    if args.read is not None:
        state = library.set_read(args.url, args.read)
    if args.star is not None:
        state = library.set_starred(args.url, args.star)
    if args.json:
        print_json(to_jsonable(state))
    else:
        marks = ("read" if state.read else "unread") + (", starred" if state.starred else "")
        print(f"{state.url}: {marks}")
    return 0
