"""Source subcommands: ``add``, ``sources``, ``refresh``, ``headlines``, ``opml``, and the
small ones that manage the list (``remove``, ``rename``, ``move``, ``folders``, ``starter``).

Every command that prints data takes ``--json`` (dates ISO 8601 UTC). ``refresh``
shows one progress line on a terminal and is quiet otherwise; its summary goes
to stdout and each failing source to stderr. Exit status: 0 when the command
did its job (a refresh in which some sources failed still exits 0: the
failures are data, shown and stored), 1 on an error, 2 when ``add`` needs a
choice (``--pick N``), 130 when interrupted.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.commands.output import is_terminal, json_option, print_json, to_jsonable
from reader.core.urls import typed_address

if TYPE_CHECKING:
    from reader.core.models import FeedCandidate, Headline, RefreshProgress, Source
    from reader.core.refresh import Refresher
    from reader.core.services import Services


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]

    add = subparsers.add_parser(
        "add",
        parents=parents,
        help="subscribe to a feed, or to a site (its feed is found for you)",
        description="Add a source from a feed address (RSS, Atom, JSON Feed, news sitemap) "
        "or a site address. When a site offers several feeds they are listed; choose one "
        "with --pick N (on a terminal Kabar asks).",
    )
    add.add_argument("url", metavar="URL", type=typed_address)
    add.add_argument("--folder", metavar="NAME", help='folder ("Berita" or "Berita/Daerah")')
    add.add_argument("--pick", type=int, metavar="N", help="which of several feeds (1-based)")
    add.add_argument("--title", metavar="TITLE", help="your own name for the source")
    add.add_argument(
        "--allow-private",
        action="store_true",
        help="let this source's items, pictures and redirects reach loopback and "
        "local-network addresses (off by default: a feed must not make Kabar fetch "
        "127.0.0.1 or your router)",
    )
    add.set_defaults(handler=run_add)

    listing = subparsers.add_parser(
        "sources",
        parents=parents,
        help="list sources with their state (last success, last error)",
    )
    listing.add_argument("--folder", metavar="NAME", help="only this folder (and subfolders)")
    listing.set_defaults(handler=run_sources)

    refresh = subparsers.add_parser(
        "refresh",
        parents=parents,
        help="fetch new headlines and their full articles for offline reading",
        description="Refresh every source (or the ones named by number, address or title): "
        "new items are fetched in full, with their pictures, into the library.",
    )
    refresh.add_argument("sources", metavar="SOURCE", nargs="*")
    refresh.add_argument(
        "--due", action="store_true", help="only sources whose refresh interval has passed"
    )
    refresh.add_argument(
        "--progress-json",
        action="store_true",
        help="machine-readable progress: one JSON object per line on stdout "
        '({"progress": ...} lines, then {"report": ...}); SIGTERM cancels',
    )
    refresh.set_defaults(handler=run_refresh)

    headlines = subparsers.add_parser(
        "headlines",
        parents=parents,
        help="list the newest items of all sources, or of one",
    )
    headlines.add_argument("source", metavar="SOURCE", nargs="?")
    headlines.add_argument("--folder", metavar="NAME")
    headlines.add_argument("--limit", type=int, default=50, metavar="N")
    headlines.add_argument("--each", action="store_true", help="every article, not each story once")
    headlines.set_defaults(handler=run_headlines)

    opml = subparsers.add_parser(
        "opml",
        parents=parents,
        help="import or export the source list as OPML",
        description="import FILE: subscribe to every feed in an OPML file (from any reader), "
        "keeping folders. export FILE: write all sources as OPML 2.0 ('-' for stdout).",
    )
    opml.add_argument("action", choices=("import", "export"))
    opml.add_argument("file", metavar="FILE")
    opml.add_argument("--folder", metavar="NAME", help="import: put everything under NAME")
    opml.set_defaults(handler=run_opml)

    remove = subparsers.add_parser(
        "remove", parents=parents, help="unsubscribe from a source (saved articles stay)"
    )
    remove.add_argument("source", metavar="SOURCE")
    remove.set_defaults(handler=run_remove)

    rename = subparsers.add_parser("rename", parents=parents, help="rename a source")
    rename.add_argument("source", metavar="SOURCE")
    rename.add_argument("title", metavar="TITLE")
    rename.set_defaults(handler=run_rename)

    move = subparsers.add_parser(
        "move", parents=parents, help="move a source to a folder ('/' for the top level)"
    )
    move.add_argument("source", metavar="SOURCE")
    move.add_argument("folder", metavar="FOLDER")
    move.set_defaults(handler=run_move)

    folders = subparsers.add_parser(
        "folders", parents=parents, help="list folders, or create, rename, delete one"
    )
    folders.add_argument(
        "action", nargs="?", choices=("list", "create", "rename", "delete"), default="list"
    )
    folders.add_argument("folder", metavar="FOLDER", nargs="?")
    folders.add_argument("name", metavar="NEW_NAME", nargs="?")
    folders.set_defaults(handler=run_folders)

    starter = subparsers.add_parser(
        "starter",
        parents=parents,
        help="list the bundled starter sources, or subscribe to some by language",
    )
    starter.add_argument("languages", metavar="LANG", nargs="*", help="e.g. id en")
    starter.set_defaults(handler=run_starter)


# -- output helpers ---------------------------------------------------------------------


def _when(value: datetime | None) -> str:
    """A moment in this computer's time (stored times are UTC)."""
    return value.astimezone().strftime("%Y-%m-%d %H:%M") if value else "never"


def _source_lines(source: Source) -> list[str]:
    folder = "/".join(source.folder)
    head = f"{source.id:>4}  {source.title}" + (f"  [{folder}]" if folder else "")
    state = {
        "new": "not refreshed yet",
        "ok": f"ok, {source.entries} items",
        "failing": f"failing ({source.failures}x)",
        "waiting": f"waiting until {_when(source.retry_after_until)}",
        "gone": "gone (410): no longer polled",
    }[source.status]
    lines = [
        head,
        f"      {source.url}",
        f"      {state}; last success {_when(source.last_success_at)}",
    ]
    if source.last_error:
        lines.append(f"      last error {_when(source.last_error_at)}: {source.last_error}")
    if source.refused_line:
        lines.append(f"      {source.refused_line}")
    if source.allow_private:
        lines.append("      private addresses allowed")
    return lines


def _headline_line(item: Headline) -> str:
    marks = ("*" if item.starred else " ") + (" " if item.read else "•")
    offline = "" if item.in_library else "  (headline only)"
    more = item.story_outlets - 1
    outlets = f"  (+{more} outlet{'s' if more > 1 else ''})" if more > 0 else ""
    return (
        f"{marks} {_when(item.sort_at)}  {item.title or '(untitled)'}"
        + (f" — {item.outlet}" if item.outlet else "")
        + f"{outlets}\n      {item.url}{offline}"
    )


def _candidates(candidates: tuple[FeedCandidate, ...], out: TextIO) -> None:
    for number, candidate in enumerate(candidates, 1):
        kind = candidate.kind or "feed"
        print(f"{number:>3}. {candidate.title}  ({kind}, {candidate.via})", file=out)
        print(f"     {candidate.url}", file=out)


def _ask(count: int) -> int | None:
    try:
        answer = input(f"Choose a feed [1-{count}], or Enter to cancel: ").strip()
    except EOFError:
        return None
    return int(answer) if answer.isdigit() and 1 <= int(answer) <= count else None


# -- handlers ----------------------------------------------------------------------------


def run_add(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import NotAFeed  # noqa: PLC0415
    from reader.core.sources import subscribe  # noqa: PLC0415

    sources = services.sources
    try:
        source = subscribe(
            sources, services.fetcher, args.url, folder=args.folder, pick=args.pick,
            title=args.title, allow_private=args.allow_private,
        )  # fmt: skip
    except NotAFeed as choice:
        if not choice.candidates:
            raise
        interactive = not args.json and is_terminal(sys.stdin) and is_terminal(sys.stdout)
        if interactive:
            _candidates(choice.candidates, sys.stdout)
            pick = _ask(len(choice.candidates))
            if pick is None:
                print("kabar: nothing added", file=sys.stderr)
                return 2
            source = subscribe(
                sources, services.fetcher, args.url, folder=args.folder, pick=pick,
                title=args.title, allow_private=args.allow_private,
            )  # fmt: skip
        else:
            if args.json:
                print_json({"choose": to_jsonable(list(choice.candidates))})
            else:
                print(f"{args.url} offers {len(choice.candidates)} feeds:")
                _candidates(choice.candidates, sys.stdout)
            print("kabar: several feeds; choose one with --pick N", file=sys.stderr)
            return 2
    if args.json:
        print_json(to_jsonable(source))
    else:
        print(f"added: {source.title}")
        print(f"  {source.url} ({source.kind or 'feed'}, {source.entries} items)")
    return 0


def run_sources(args: argparse.Namespace, services: Services) -> int:
    found = services.sources.all(args.folder)
    if args.json:
        print_json(to_jsonable(found))
        return 0
    if not found:
        print("No sources yet. Add one with: kabar add URL (or kabar starter id)")
        return 0
    for source in found:
        print("\n".join(_source_lines(source)))
    return 0


def sync_first(
    services: Services,
    on_progress: Callable[[RefreshProgress], None] | None,
    cancel: threading.Event,
) -> tuple[frozenset[int], str | None, bool]:
    """Sync with the reader's server before a refresh, when an account exists.

    Returns the sources the server reads (the refresh fetches only their articles), the
    sync's summary or error, and whether it failed. A failed sync never stops the
    refresh: the feeds are then fetched by Kabar itself, as without an account.
    """
    from reader.core.errors import Cancelled, ReaderError  # noqa: PLC0415
    from reader.core.models import RefreshProgress  # noqa: PLC0415

    sync = services.sync
    if sync.account() is None:
        return frozenset(), None, False

    def progress(text: str) -> None:
        if on_progress is not None:
            on_progress(RefreshProgress(sources_total=0, sync=text))

    try:
        report = sync.sync(on_progress=progress, cancel=cancel)
    except Cancelled:
        return frozenset(), None, False
    except ReaderError as error:
        return frozenset(), str(error), True
    return frozenset(sync.synced_sources()), report.summary(), False


class _ProgressLine:
    """One self-overwriting status line on a terminal (stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, progress: RefreshProgress) -> None:
        if progress.sync:
            self._show(progress.sync)
            return
        text = f"Refreshing: {progress.sources_done}/{progress.sources_total} sources"
        if progress.articles_total:
            text += f", {progress.articles_done}/{progress.articles_total} articles"
        if progress.articles_failed:
            text += f" ({progress.articles_failed} failed)"
        self._show(text)

    def _show(self, text: str) -> None:
        padded = text.ljust(self.width)
        self.width = len(text)
        self.stream.write("\r" + padded)
        self.stream.flush()

    def end(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def run_refresh(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import Offline  # noqa: PLC0415

    if services.offline:
        raise Offline("", "Kabar is working offline; nothing was refreshed.")
    refresher = services.refresher()
    cancel = threading.Event()
    if args.progress_json:
        return _refresh_for_a_window(args, services, refresher, cancel)
    line = _ProgressLine(sys.stderr) if is_terminal(sys.stderr) and not args.json else None
    try:
        synced, sync_line, sync_failed = sync_first(services, line, cancel)
    except KeyboardInterrupt:
        if line:
            line.end()
        print("kabar: refresh cancelled", file=sys.stderr)
        return 130
    run = refresher.start(
        args.sources or None, force=not args.due, on_progress=line, cancel=cancel, synced=synced
    )
    try:
        report = run.wait()
    except KeyboardInterrupt:
        run.cancel()
        run.wait()
        if line:
            line.end()
        print("kabar: refresh cancelled", file=sys.stderr)
        return 130
    if line:
        line.end()
    report = replace(report, sync=sync_line, sync_failed=sync_failed)
    if sync_line and not args.json:
        print(sync_line if not sync_failed else f"kabar: sync: {sync_line}",
              file=sys.stderr if sync_failed else sys.stdout)  # fmt: skip
    if args.json:
        print_json(to_jsonable(report))
        return 0
    statuses: dict[str, int] = {}
    for outcome in report.outcomes:
        statuses[outcome.status] = statuses.get(outcome.status, 0) + 1
        if outcome.error and outcome.status == "failed":
            print(f"kabar: {outcome.title}: {outcome.error}", file=sys.stderr)
    summary = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    print(
        f"{len(report.outcomes)} sources ({summary or 'none'}); {report.new_entries} new items;"
        f" {report.articles_fetched} articles fetched"
        + (f", {report.articles_failed} failed" if report.articles_failed else "")
        + f" in {report.seconds:.1f} s"
    )
    return 0


class _JsonProgress:
    """Progress as JSON lines on stdout, at most ten a second (the window reads them)."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, progress: RefreshProgress) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and not progress.finished and not progress.sync:
            return
        self.last = now
        _json_line({"progress": to_jsonable(progress)})


def _json_line(value: object) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def _refresh_for_a_window(
    args: argparse.Namespace, services: Services, refresher: Refresher, cancel: threading.Event
) -> int:
    """The refresh the window runs in a separate process (its own interpreter lock),
    with the sync first when an account exists.

    SIGTERM cancels it cleanly: work in flight stops, what was stored stays (a sync
    cut short applies nothing; the next one completes it).
    """
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: cancel.set())
    try:
        progress = _JsonProgress()
        synced, sync_line, sync_failed = sync_first(services, progress, cancel)
        run = refresher.start(
            args.sources or None, force=not args.due, on_progress=progress, cancel=cancel,
            synced=synced,
        )  # fmt: skip
        report = replace(run.wait(), sync=sync_line, sync_failed=sync_failed)
    finally:
        signal.signal(signal.SIGTERM, previous)
    _json_line({"report": to_jsonable(report)})
    return 0


def run_headlines(args: argparse.Namespace, services: Services) -> int:
    items = services.sources.headlines(
        args.source, folder=args.folder, limit=max(1, args.limit), by_story=not args.each
    )
    if args.json:
        print_json(to_jsonable(items))
        return 0
    if not items:
        print("No headlines yet. Run: kabar refresh")
    for item in items:
        print(_headline_line(item))
    return 0


def run_opml(args: argparse.Namespace, services: Services) -> int:
    from reader.core.feeds import parse_opml  # noqa: PLC0415

    sources = services.sources
    if args.action == "export":
        data = sources.export_opml()
        if args.file == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            Path(args.file).write_bytes(data)
            if args.json:
                print_json({"file": args.file, "sources": len(sources.all())})
            else:
                print(f"exported {len(sources.all())} sources to {args.file}")
        return 0
    path = Path(args.file)
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else path.read_bytes()
    except OSError as error:
        print(f"kabar: cannot read {args.file}: {error.strerror or error}", file=sys.stderr)
        return 1
    document = parse_opml(data, path.name)
    result = sources.import_opml(document, folder=args.folder)
    if args.json:
        print_json(to_jsonable(result))
    else:
        print(
            f"imported {len(result.added)} of {document.outlines} outlines"
            f" ({result.existing} already there, {result.skipped} skipped: no feed address,"
            " not http(s), or listed twice)"
        )
        if document.truncated:
            print("kabar: the file lists more feeds than Kabar imports at once", file=sys.stderr)
    return 0


def run_remove(args: argparse.Namespace, services: Services) -> int:
    source = services.sources.get(args.source)
    entries = services.sources.delete(source.id)
    if args.json:
        print_json({"removed": to_jsonable(source), "entries": entries})
    else:
        print(f"removed: {source.title} ({entries} headlines; saved articles stay)")
    return 0


def run_rename(args: argparse.Namespace, services: Services) -> int:
    source = services.sources.rename(args.source, args.title)
    if args.json:
        print_json(to_jsonable(source))
    else:
        print(f"renamed: {source.title}")
    return 0


def run_move(args: argparse.Namespace, services: Services) -> int:
    folder = None if args.folder.strip() in ("", "/") else args.folder
    source = services.sources.move(args.source, folder)
    if args.json:
        print_json(to_jsonable(source))
    else:
        print(f"moved: {source.title} → {'/'.join(source.folder) or 'top level'}")
    return 0


def run_folders(args: argparse.Namespace, services: Services) -> int:
    from reader.core.errors import SourceError  # noqa: PLC0415

    sources = services.sources
    if args.action != "list" and not args.folder:
        raise SourceError(f"folders {args.action} needs a FOLDER.")
    if args.action == "create":
        path = [p for p in args.folder.split("/") if p.strip()]
        folder = sources.create_folder(path[-1], path[:-1] or None)
        if args.json:
            print_json(to_jsonable(folder))
        else:
            print(f"created: {'/'.join(folder.path)}")
        return 0
    if args.action == "rename":
        if not args.name:
            raise SourceError("folders rename needs FOLDER and NEW_NAME.")
        folder = sources.rename_folder(args.folder, args.name)
        if args.json:
            print_json(to_jsonable(folder))
        else:
            print(f"renamed: {'/'.join(folder.path)}")
        return 0
    if args.action == "delete":
        moved = sources.delete_folder(args.folder)
        if args.json:
            print_json({"deleted": args.folder, "sources_moved_up": moved})
        else:
            print(f"deleted: {args.folder} ({moved} sources moved up)")
        return 0
    folders = sources.folders()
    if args.json:
        print_json(to_jsonable(folders))
    else:
        for folder in folders:
            print(f"{folder.id:>4}  {'/'.join(folder.path)}")
    return 0


def run_starter(args: argparse.Namespace, services: Services) -> int:
    sources = services.sources
    if not args.languages:
        sets = sources.starter_sets()
        if args.json:
            print_json(to_jsonable(sets))
        else:
            for group in sets:
                print(f"{group.language}: {group.label} ({len(group.feeds)} sources)")
                for feed in group.feeds:
                    print(f"      {feed.title}  {feed.url}")
        return 0
    result = sources.add_starter(args.languages)
    if args.json:
        print_json(to_jsonable(result))
    else:
        print(f"added {len(result.added)} starter sources ({result.existing} already there)")
    return 0
