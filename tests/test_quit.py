"""Closing Kabar by signal quits cleanly: exit status 0 within a couple of seconds."""

from __future__ import annotations

import os
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def start_kabar(data_dir: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KABAR_DATA_DIR": str(data_dir)}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", "-v"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
    )


def wait_for_line(proc: subprocess.Popen[str], needle: str, timeout: float) -> None:
    assert proc.stderr is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stderr, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if selector.select(deadline - time.monotonic()):
            line = proc.stderr.readline()
            if needle in line:
                return
            if not line:
                break
    raise AssertionError(f"Kabar never printed {needle!r}")


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_signal_quits_with_status_zero(tmp_path: Path, sig: signal.Signals) -> None:
    with start_kabar(tmp_path) as proc:
        try:
            wait_for_line(proc, "window shown", timeout=30)
            sent = time.monotonic()
            proc.send_signal(sig)
            status = proc.wait(timeout=10)
            took = time.monotonic() - sent
        finally:
            proc.kill()
    assert status == 0
    assert took < 8, f"quitting took {took:.1f} s"  # liveness: a stuck lane would hold it for good
    assert (tmp_path / "window.ini").exists(), "window state was not saved on the way out"


def test_a_second_launch_brings_the_running_window_forward(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KABAR_DATA_DIR": str(tmp_path)}
    with start_kabar(tmp_path) as first:
        try:
            wait_for_line(first, "window shown", timeout=30)
            second = subprocess.run(
                [sys.executable, "-m", "reader"],
                capture_output=True,
                text=True,
                timeout=60,
                env=env,
                check=False,
            )
            assert second.returncode == 1
            assert "already running" in second.stderr
            assert "brought forward" in second.stderr
            assert first.poll() is None, "the first window must keep running"
            first.send_signal(signal.SIGTERM)
            assert first.wait(timeout=10) == 0
        finally:
            first.kill()
