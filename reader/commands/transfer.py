"""Import and export subcommands: ``import`` (read-it-later services, bookmarks, Kabar's own
export) and ``export`` (EPUB, Markdown, HTML, JSON).

``import`` saves every link at once, then fetches the articles with a progress line on a
terminal; its report lists what failed and why, and the rows of the file it could not
read, with their line. Exit status 0 when the file was imported (failed links are data,
kept and shown), 1 when the file could not be read, 130 when interrupted (the links are
saved; ``kabar import --resume`` fetches the rest).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader.commands.output import is_terminal, json_option, print_json, to_jsonable

if TYPE_CHECKING:
    from reader.core.services import Services
    from reader.core.transfer import ImportProgress, ImportReport, SaveOutcome


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parents = [common, json_option()]
    imports = subparsers.add_parser(
        "import",
        parents=parents,
        help="import saved articles from Pocket, Instapaper, wallabag, Omnivore, "
        "browser bookmarks or a Kabar export",
        description="Import an export file. The format is recognised from the content: "
        "Pocket (CSV, zip of CSV parts, or HTML), Instapaper CSV, wallabag JSON, an "
        "Omnivore export zip, browser bookmarks (HTML) or a Kabar JSON export. Every link "
        "is saved with its date, tags and read/starred state; then each article is "
        "fetched and cleaned for offline reading. Importing the same file again adds "
        "nothing twice.",
    )
    imports.add_argument("file", metavar="FILE", nargs="?")
    imports.add_argument(
        "--to",
        metavar="NAME",
        help="the collection for links without tags (default: named after the service)",
    )
    grouping = imports.add_mutually_exclusive_group()
    grouping.add_argument(
        "--one-collection",
        dest="tags_as_collections",
        action="store_false",
        default=None,
        help="put every link in one collection (--to, else named after the service)",
    )
    grouping.add_argument(
        "--tags-as-collections",
        dest="tags_as_collections",
        action="store_true",
        help="each tag or folder becomes a collection (the default setting)",
    )
    imports.add_argument(
        "--no-fetch", action="store_true", help="only save the links; fetch articles later"
    )
    imports.add_argument(
        "--resume",
        action="store_true",
        help="fetch the articles an interrupted import did not reach",
    )
    imports.add_argument(
        "--progress-json",
        action="store_true",
        help='machine-readable progress: JSON lines on stdout ({"saved": ...}, '
        '{"progress": ...}, then {"report": ...}); SIGTERM stops',
    )
    imports.set_defaults(handler=run_import)

    export = subparsers.add_parser(
        "export",
        parents=parents,
        help="export saved articles as an EPUB book, Markdown notes, HTML pages or JSON",
        description="Export the named collections (default: every saved and starred "
        "article). epub: one book, a chapter per article with its pictures. markdown: a "
        "folder of notes with YAML front matter, pictures beside them. html: a folder of "
        "self-contained pages and an index. json: everything Kabar knows about them, "
        "pictures included, for `kabar import` on another machine.",
    )
    export.add_argument("collections", metavar="COLLECTION", nargs="*")
    export.add_argument(
        "--format", required=True, choices=("epub", "markdown", "html", "json"), dest="fmt"
    )
    export.add_argument("-o", "--output", required=True, metavar="PATH", help="file or folder")
    export.add_argument("--title", metavar="TITLE", help="the book's title (EPUB, HTML)")
    export.add_argument(
        "--progress-json",
        action="store_true",
        help='machine-readable progress: JSON lines on stdout, then {"report": ...}',
    )
    export.set_defaults(handler=run_export)


# -- import ---------------------------------------------------------------------------------


class _ImportLine:
    """One self-overwriting progress line on a terminal (stderr)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.width = 0

    def __call__(self, progress: ImportProgress) -> None:
        text = f"Fetching articles: {progress.done}/{progress.total}"
        if progress.failed:
            text += f" ({progress.failed} failed)"
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)

    def end(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


class _JsonLines:
    """Progress as JSON lines on stdout, at most ten a second (the window reads them)."""

    def __init__(self) -> None:
        self.last = 0.0

    def __call__(self, progress: ImportProgress) -> None:
        now = time.monotonic()
        if now - self.last < 0.1 and not progress.finished:
            return
        self.last = now
        json_line({"progress": to_jsonable(progress)})


def json_line(value: object) -> None:
    sys.stdout.write(json.dumps(to_jsonable(value), ensure_ascii=False) + "\n")
    sys.stdout.flush()


def run_import(args: argparse.Namespace, services: Services) -> int:
    from reader.core.transfer import Importer  # noqa: PLC0415

    if not args.file and not args.resume:
        print("kabar: name the file to import, or --resume", file=sys.stderr)
        return 2
    importer: Importer = services.importer()
    cancel = threading.Event()
    window = bool(args.progress_json)
    line = None
    if window:
        progress: Any = _JsonLines()
    elif is_terminal(sys.stderr) and not args.json:
        progress = line = _ImportLine(sys.stderr)
    else:
        progress = None
    previous = signal.signal(signal.SIGTERM, lambda signum, frame: cancel.set())
    try:
        reports = _do_import(args, services, importer, progress, cancel=cancel, window=window)
    except KeyboardInterrupt:
        cancel.set()
        if line:
            line.end()
        print("kabar: import stopped; `kabar import --resume` fetches the rest", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if line:
        line.end()
    if window:
        for report in reports:
            json_line({"report": report})
    elif args.json:
        print_json(reports[0] if args.file and len(reports) == 1 else reports)
    else:
        for report in reports:
            _print_report(report, sys.stdout)
    return 0


def _do_import(
    args: argparse.Namespace,
    services: Services,
    importer: Any,
    progress: Any,
    *,
    cancel: threading.Event,
    window: bool,
) -> list[ImportReport]:
    reports: list[ImportReport] = []
    if args.file:
        path = Path(args.file)
        try:
            with path.open("rb"):
                pass  # read by the importer, streamed where the format allows
        except OSError as error:
            from reader.core.transfer import ImportFormatError  # noqa: PLC0415

            raise ImportFormatError(f"Cannot read {path}: {error.strerror}.") from error

        def saved(outcome: SaveOutcome) -> None:
            if window:
                json_line({"saved": outcome})
            elif not args.json:
                _print_saved(outcome, sys.stdout)

        reports.append(
            importer.import_file(
                path, path.name, to=args.to, tags_as_collections=args.tags_as_collections,
                fetch=not args.no_fetch and not services.offline, on_saved=saved,
                on_progress=progress, cancel=cancel,
            )
        )  # fmt: skip
    if args.resume and not services.offline:
        reports += _resume(importer, progress, cancel)
    return reports


def _resume(importer: Any, progress: Any, cancel: threading.Event) -> list[ImportReport]:
    from reader.core.transfer import SaveOutcome  # noqa: PLC0415

    jobs = importer.pending_jobs()
    if not jobs:
        return []
    started = time.monotonic()
    run = importer.start([job.id for job in jobs], on_progress=progress, cancel=cancel)
    run.wait()
    seconds = time.monotonic() - started
    return [
        importer.report(
            SaveOutcome(
                job_id=job.id,
                file_name=job.file_name,
                format=job.format,
                links=job.links,
                added=0,
                already=0,
                duplicates=0,
                collections=(),
                problems=job.problems,
            ),
            run,
            seconds,
        )
        for job in jobs
    ]


def _print_saved(outcome: SaveOutcome, out: TextIO) -> None:
    from reader.core.transfer.items import LABELS  # noqa: PLC0415

    label = LABELS.get(outcome.format, outcome.format)
    extra = f", {outcome.duplicates} duplicates merged" if outcome.duplicates else ""
    out.write(f"{outcome.file_name}: {label} export, {outcome.links} links{extra}\n")
    out.write(f"  saved {outcome.added} new links")
    if outcome.already:
        out.write(f" ({outcome.already} were imported before)")
    out.write("\n")
    if outcome.collections:
        out.write(f"  in: {', '.join(outcome.collections)}\n")
    out.flush()


def _print_report(report: ImportReport, out: TextIO) -> None:
    if report.problems:
        out.write(f"  {len(report.problems)} rows not imported:\n")
        for problem in report.problems:
            out.write(f"    {problem}\n")
    done = f"  articles: {report.fetched} fetched"
    if report.from_export:
        done += f", {report.from_export} from the exported copy (page gone)"
    if report.failed:
        done += f", {len(report.failed)} failed"
    if report.pending:
        done += f", {report.pending} still to fetch (kabar import --resume)"
    out.write(done + f" in {report.seconds:.1f} s\n")
    for failure in report.failed:
        out.write(f"    {failure.url}\n      {failure.reason}\n")


# -- export ---------------------------------------------------------------------------------


def run_export(args: argparse.Namespace, services: Services) -> int:
    from reader.core.transfer.exporter import Exporter, ExportProgress  # noqa: PLC0415

    output = Path(args.output).expanduser()
    if args.fmt in ("markdown", "html") and output.exists() and not output.is_dir():
        print(f"kabar: {output} is a file; {args.fmt} export writes a folder", file=sys.stderr)
        return 2
    cancel = threading.Event()
    terminal = is_terminal(sys.stderr) and not args.json and not args.progress_json
    last = [0.0]

    def progress(step: ExportProgress) -> None:
        if args.progress_json:
            now = time.monotonic()
            if now - last[0] >= 0.1 or step.finished:
                last[0] = now
                json_line({"progress": step})
        elif terminal:
            sys.stderr.write(f"\rExporting: {step.done}/{step.total}")
            sys.stderr.flush()

    previous = signal.signal(signal.SIGTERM, lambda signum, frame: cancel.set())
    try:
        report = Exporter(services.library).export(
            args.fmt, output, args.collections or None, title=args.title,
            on_progress=progress, cancel=cancel,
        )  # fmt: skip
    except KeyboardInterrupt:
        print("\nkabar: export cancelled; nothing was written", file=sys.stderr)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    if terminal:
        sys.stderr.write("\r" + " " * 40 + "\r")
    if args.progress_json:
        json_line({"report": report})
    elif args.json:
        print_json(report)
    else:
        print(
            f"exported {report.articles} articles and {report.pictures} pictures to"
            f" {report.path} ({report.bytes / 1024 / 1024:.1f} MB) in {report.seconds:.1f} s"
        )
    return 0
