"""Run a refresh in its own process and follow its progress.

A refresh of hundreds of sources parses feeds and extracts thousands of
articles. In the window's process that Python work would compete with the GUI
thread for the interpreter lock and stall painting (measured by
``benchmarks/ui.py``). So the window runs ``kabar refresh --progress-json``
as a child process: it writes to the same library (SQLite in WAL mode lets
the window keep reading and writing meanwhile), reports progress as JSON lines,
and stops cleanly on SIGTERM. A hostile feed or page that blows up memory takes
down the child, never the window.

This runs inside a :class:`~reader.ui.workers.TaskRunner` task (a worker
thread); it only spawns and reads a process.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

from reader.core.errors import Cancelled, ReaderError
from reader.core.models import RefreshProgress, RefreshReport, SourceOutcome

#: How long a cancelled child gets to stop before it is killed.
STOP_GRACE_SECONDS = 5.0


def refresh_command(data_dir: Path, sources: Sequence[int] | None, *, force: bool) -> list[str]:
    """The command line of the refresh child (also right in a frozen build)."""
    frozen = getattr(sys, "frozen", False)
    base = [sys.executable] if frozen else [sys.executable, "-m", "reader"]
    command = [*base, "--data-dir", str(data_dir), "refresh", "--progress-json"]
    if not force and not sources:
        command.append("--due")
    command.extend(str(source) for source in sources or ())
    return command


def run_refresh(
    command: list[str],
    cancel: threading.Event,
    on_progress: Callable[[RefreshProgress], None],
) -> RefreshReport:
    """Start the child, pass its progress on, return its report (or raise)."""
    report: RefreshReport | None = None

    def message(value: dict[str, object]) -> None:
        nonlocal report
        if "progress" in value:
            on_progress(_progress(value["progress"]))
        elif "report" in value:
            report = _report(value["report"])

    errors, returncode = follow_child(command, cancel, message)
    if report is None:
        detail = errors[-1].removeprefix("kabar: ") if errors else f"exit {returncode}"
        raise ReaderError(f"The refresh stopped: {detail}")
    return report


def follow_child(
    command: list[str],
    cancel: threading.Event,
    on_message: Callable[[dict[str, object]], None],
) -> tuple[list[str], int | None]:
    """Run a ``kabar … --progress-json`` child, handing each JSON line to ``on_message``.

    Returns the child's log lines and exit status. ``cancel`` stops it (SIGTERM, then
    kill after a grace period) and raises :class:`Cancelled`. Refresh, import and
    export run this way, so their Python work never competes with the window's.
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("QT_QPA_PLATFORM", None)
    # The child's log goes to a file, not a pipe nobody drains while it runs.
    with (
        tempfile.TemporaryFile("w+", encoding="utf-8") as log,
        subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=log, text=True, env=env
        ) as process,
    ):
        assert process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            try:
                while True:
                    if cancel.is_set():
                        _stop(process)
                        raise Cancelled()
                    if not selector.select(timeout=0.2):
                        continue
                    line = process.stdout.readline()
                    if not line:
                        break
                    message = _parse(line)
                    if message:
                        on_message(message)
                process.wait(STOP_GRACE_SECONDS)
            finally:
                if process.poll() is None:
                    process.kill()
                    process.wait()
        log.seek(0)
        errors = log.read().strip().splitlines()
    return errors, process.returncode


def kabar_command(data_dir: Path, *arguments: str) -> list[str]:
    """``kabar --data-dir DIR ARGUMENTS…`` as a child process (also in a frozen build)."""
    frozen = getattr(sys, "frozen", False)
    base = [sys.executable] if frozen else [sys.executable, "-m", "reader"]
    return [*base, "--data-dir", str(data_dir), *arguments]


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is not None:
        return
    if os.name == "posix":
        process.send_signal(signal.SIGTERM)
    else:
        process.terminate()
    try:
        process.wait(STOP_GRACE_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()


def _parse(line: str) -> dict[str, object]:
    try:
        value = json.loads(line)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _progress(data: object) -> RefreshProgress:
    fields = data if isinstance(data, dict) else {}
    known = {name: fields[name] for name in RefreshProgress.__dataclass_fields__ if name in fields}
    return RefreshProgress(**known)


def _report(data: object) -> RefreshReport:
    fields = data if isinstance(data, dict) else {}
    outcomes = tuple(
        SourceOutcome(
            source_id=int(item.get("source_id", 0)),
            title=str(item.get("title", "")),
            status=item.get("status", "failed"),
            new_entries=int(item.get("new_entries", 0)),
            error=item.get("error"),
        )
        for item in fields.get("outcomes", ())
        if isinstance(item, dict)
    )
    return RefreshReport(
        outcomes=outcomes,
        new_entries=int(fields.get("new_entries", 0)),
        articles_fetched=int(fields.get("articles_fetched", 0)),
        articles_failed=int(fields.get("articles_failed", 0)),
        cancelled=bool(fields.get("cancelled", False)),
        seconds=float(fields.get("seconds", 0.0)),
        sync=str(fields["sync"]) if fields.get("sync") else None,
        sync_failed=bool(fields.get("sync_failed", False)),
    )
