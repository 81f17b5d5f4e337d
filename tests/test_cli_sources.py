"""``kabar add / sources / refresh / headlines / opml`` against the test web.

Most commands run in-process through ``reader.app.main`` (the same argument
parsing, handlers, exit codes and output; a process start costs ~0.6 s each);
the terminal progress line and offline mode run as real processes.
"""

from __future__ import annotations

import io
import json
import os
import pty
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

from reader.app import main
from tests.web.server import TestWeb

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "opml"


@dataclass
class Result:
    returncode: int
    stdout: str
    stderr: str


def kabar(data: Path, *args: str) -> Result:
    """Run ``kabar --data-dir DATA ARGS`` in this process and capture what it prints."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    err = io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(["--data-dir", str(data), *args])
    out.flush()
    buffer = out.buffer
    assert isinstance(buffer, io.BytesIO)
    return Result(code, buffer.getvalue().decode("utf-8"), err.getvalue())


def kabar_process(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=REPO,
    )


def test_add_refresh_headlines_and_sources(web: TestWeb, tmp_path: Path) -> None:
    feed = web.feed_urls("harbor")[0]
    added = kabar(tmp_path, "add", feed, "--folder", "World/English", "--json")
    assert added.returncode == 0, added.stderr
    source = json.loads(added.stdout)
    assert source["title"] == "The Daily Harbor" and source["folder"] == ["World", "English"]
    assert source["kind"] == "atom" and source["entries"] > 0

    refreshed = kabar(tmp_path, "refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "1 sources (1 not-modified)" in refreshed.stdout
    assert f"{source['entries']} articles fetched" in refreshed.stdout
    assert "Refreshing" not in refreshed.stderr, "no progress line when not on a terminal"

    listed = kabar(tmp_path, "headlines", "--json", "--limit", "3")
    assert listed.returncode == 0, listed.stderr
    items = json.loads(listed.stdout)
    assert len(items) == 3 and all(i["in_library"] for i in items)
    assert all(isinstance(i["story"], int) and i["story_size"] >= 1 for i in items)
    assert items[0]["outlet"] == "The Daily Harbor"
    assert items[0]["sort_at"] >= items[1]["sort_at"]
    one = kabar(tmp_path, "headlines", "The Daily Harbor")
    assert one.returncode == 0 and items[0]["title"] in one.stdout

    sources = kabar(tmp_path, "sources", "--json")
    [state] = json.loads(sources.stdout)
    assert state["status"] == "ok" and state["last_success_at"] and state["last_error"] is None
    text = kabar(tmp_path, "sources")
    assert "The Daily Harbor  [World/English]" in text.stdout and "last success" in text.stdout

    offline = kabar(tmp_path, "read", items[0]["url"], "--offline", "--json")
    assert offline.returncode == 0, "refreshed articles read offline"


def test_add_a_site_with_several_feeds_needs_a_pick(web: TestWeb, tmp_path: Path) -> None:
    home = web.outlets["warta"].home
    asked = kabar(tmp_path, "add", home)
    assert asked.returncode == 2
    assert "--pick" in asked.stderr and "1. " in asked.stdout and "2. " in asked.stdout
    as_json = kabar(tmp_path, "add", home, "--json")
    assert as_json.returncode == 2
    assert [c["kind"] for c in json.loads(as_json.stdout)["choose"]][:2] == ["rss", "json"]
    picked = kabar(tmp_path, "add", home, "--pick", "2")
    assert picked.returncode == 0, picked.stderr
    assert picked.stdout.startswith("added: ")
    again = kabar(tmp_path, "add", home, "--pick", "2")
    assert again.returncode == 1 and "Already subscribed" in again.stderr


def test_refresh_reports_failing_sources_and_keeps_going(web: TestWeb, tmp_path: Path) -> None:
    assert kabar(tmp_path, "add", web.feed_urls("warta")[0]).returncode == 0
    # A source that fails from the start (added by address without reading it).
    opml = tmp_path / "list.opml"
    broken = web.fault_url("server_error")
    opml.write_text(
        f'<opml version="2.0"><body><outline text="Broken" xmlUrl="{broken}"/></body></opml>'
    )
    assert kabar(tmp_path, "opml", "import", str(opml)).returncode == 0
    result = kabar(tmp_path, "refresh", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    statuses = sorted(o["status"] for o in report["outcomes"])
    assert statuses == ["failed", "not-modified"]
    text = kabar(tmp_path, "refresh")
    assert "Broken: The server at" in text.stderr and "(500)" in text.stderr
    listed = json.loads(kabar(tmp_path, "sources", "--json").stdout)
    broken = next(s for s in listed if s["title"] == "Broken")
    assert broken["status"] == "failing" and "500" in broken["last_error"]


def test_refresh_shows_a_progress_line_on_a_terminal(web: TestWeb, tmp_path: Path) -> None:
    assert kabar(tmp_path, "add", web.feed_urls("harbor")[0]).returncode == 0
    main, child = pty.openpty()
    try:
        process = subprocess.Popen(
            [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "refresh"],
            stdout=subprocess.PIPE,
            stderr=child,
            cwd=REPO,
        )
        os.close(child)
        stdout, _ = process.communicate(timeout=120)
        chunks = []
        while True:
            try:
                data = os.read(main, 65536)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(main)
    terminal = b"".join(chunks).decode()
    assert process.returncode == 0
    assert "\rRefreshing: 0/1 sources" in terminal and "1/1 sources" in terminal
    assert "articles" in terminal
    assert b"sources" in stdout


def test_opml_import_and_export_round_trip(web: TestWeb, tmp_path: Path) -> None:
    data = tmp_path / "data"
    imported = kabar(data, "opml", "import", str(DATA / "netnewswire.opml"), "--json")
    assert imported.returncode == 0, imported.stderr
    assert len(json.loads(imported.stdout)["added"]) == 3
    again = kabar(data, "opml", "import", str(DATA / "netnewswire.opml"))
    assert again.stdout.strip() == (
        "imported 0 of 3 outlines (3 already there, 0 skipped: no feed address, not http(s),"
        " or listed twice)"
    )
    out = tmp_path / "out.opml"
    exported = kabar(data, "opml", "export", str(out))
    assert exported.returncode == 0 and "exported 3 sources" in exported.stdout
    fresh = tmp_path / "fresh"
    assert kabar(fresh, "opml", "import", str(out)).returncode == 0
    folders = sorted(
        tuple(s["folder"]) for s in json.loads(kabar(fresh, "sources", "--json").stdout)
    )
    assert folders == [(), ("Dunia",), ("Dunia", "Asia")]
    to_stdout = kabar(data, "opml", "export", "-")
    assert to_stdout.stdout.startswith("<?xml") and "Al Jazeera" in to_stdout.stdout


def test_opml_import_of_a_broken_file_is_one_clear_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.opml"
    bad.write_text("this is not a subscription list")
    result = kabar(tmp_path, "opml", "import", str(bad))
    assert result.returncode == 1
    assert result.stderr.strip() == "kabar: bad.opml lists no feeds."
    missing = kabar(tmp_path, "opml", "import", str(tmp_path / "nope.opml"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr


def test_refresh_offline_touches_nothing(web: TestWeb, tmp_path: Path) -> None:
    # Sources on the test web only: a regression must show up as a hit, not reach real hosts.
    feeds = [*web.feed_urls(), *(web.generated_feed_url(n) for n in range(3))]
    outlines = "".join(
        f'<outline text="Feed {n}" type="rss" xmlUrl="{url}"/>' for n, url in enumerate(feeds)
    )
    opml = tmp_path / "test-web.opml"
    opml.write_text(f'<?xml version="1.0"?><opml version="1.1"><body>{outlines}</body></opml>')
    data = tmp_path / "data"
    assert kabar(data, "--offline", "opml", "import", str(opml)).returncode == 0
    before = {url: web.hits(url) for url in feeds}
    result = kabar_process(data, "--offline", "refresh")
    assert result.returncode == 1 and "offline" in result.stderr
    assert {url: web.hits(url) for url in feeds} == before
    listed = json.loads(kabar(data, "sources", "--json").stdout)
    assert len(listed) >= 10 and all(s["status"] == "new" for s in listed)


def test_manage_sources_and_folders(web: TestWeb, tmp_path: Path) -> None:
    assert kabar(tmp_path, "add", web.feed_urls("harbor")[0], "--folder", "A").returncode == 0
    assert kabar(tmp_path, "folders", "create", "B/C").returncode == 0
    moved = kabar(tmp_path, "move", "The Daily Harbor", "B/C", "--json")
    assert json.loads(moved.stdout)["folder"] == ["B", "C"]
    renamed = kabar(tmp_path, "rename", "1", "Harbour", "--json")
    assert json.loads(renamed.stdout)["title"] == "Harbour"
    folders = kabar(tmp_path, "folders", "--json")
    assert [f["path"] for f in json.loads(folders.stdout)] == [["A"], ["B"], ["B", "C"]]
    assert kabar(tmp_path, "folders", "delete", "B").returncode == 0
    [source] = json.loads(kabar(tmp_path, "sources", "--json").stdout)
    assert source["folder"] == [] and source["title"] == "Harbour"
    removed = kabar(tmp_path, "remove", "Harbour")
    assert removed.returncode == 0 and "saved articles stay" in removed.stdout
    unknown = kabar(tmp_path, "remove", "Harbour")
    assert unknown.returncode == 1 and "no source" in unknown.stderr


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """``kabar headlines | head``: the reader of the output went away; no error, no traceback."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "headlines"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=REPO,
    )
    assert proc.stdout is not None and proc.stderr is not None
    with proc.stderr:
        proc.stdout.close()  # before it prints anything: every write meets a closed pipe
        errors = proc.stderr.read().decode()
    assert proc.wait(120) == 0
    assert errors == ""


def test_times_are_this_computers_with_the_pages_clock_beside(tmp_path: Path) -> None:
    from reader.commands.read import format_date

    env = {**os.environ, "TZ": "UTC"}
    code = (
        "from reader.commands.read import format_date;"
        "print(format_date('2026-03-16T23:10:00+07:00'));"
        "print(format_date('2026-03-16T16:10:00+00:00'));"
        "print(format_date('2026-03-16'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=REPO, check=True
    ).stdout.splitlines()
    assert out == [
        "16 March 2026, 16:10 (23:10 UTC+07:00 on the page)",
        "16 March 2026, 16:10",
        "16 March 2026",
    ]
    assert format_date("not a date") == "not a date"
