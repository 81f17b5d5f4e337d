"""TaskRunner: results come back on the GUI thread, superseded ones are dropped."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QCoreApplication, QThread
from pytestqt.qtbot import QtBot

from reader.ui.workers import TaskRunner


@pytest.fixture
def runner(qtbot: QtBot):  # type: ignore[no-untyped-def]
    tasks = TaskRunner(net_threads=2)
    yield tasks
    tasks.shutdown(timeout=2)


def test_result_is_delivered_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[tuple[str, bool]] = []

    def work(cancel: threading.Event) -> str:
        return threading.current_thread().name

    def done(name: str) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        seen.append((name, QThread.currentThread() is app.thread()))

    with qtbot.waitSignal(runner.task_finished, timeout=3000):
        runner.submit(work, on_done=done)
    assert seen and seen[0][0].startswith("kabar-net")
    assert seen[0][1], "on_done ran off the GUI thread"


def test_errors_reach_the_error_callback(qtbot: QtBot, runner: TaskRunner) -> None:
    errors: list[BaseException] = []

    def work(cancel: threading.Event) -> None:
        raise ValueError("broken page")

    with qtbot.waitSignal(runner.task_finished, timeout=3000):
        runner.submit(work, on_error=errors.append)
    assert [str(e) for e in errors] == ["broken page"]


def test_a_newer_task_under_the_same_key_wins(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    started = threading.Event()
    delivered: list[str] = []
    seen_cancel: list[bool] = []

    def slow(cancel: threading.Event) -> str:
        started.set()
        release.wait(5)
        seen_cancel.append(cancel.is_set())
        return "old article"

    def fast(cancel: threading.Event) -> str:
        return "new article"

    first = runner.submit(slow, on_done=delivered.append, key="article")
    assert started.wait(3)
    with qtbot.waitSignal(runner.task_finished, timeout=3000):
        runner.submit(fast, on_done=delivered.append, key="article")
    release.set()
    qtbot.waitUntil(lambda: first.finished, timeout=3000)
    assert delivered == ["new article"]
    assert seen_cancel == [True]


def test_shutdown_does_not_wait_for_stuck_work(qtbot: QtBot) -> None:
    runner = TaskRunner(net_threads=1)
    started = threading.Event()
    never = threading.Event()

    def stuck(cancel: threading.Event) -> None:
        started.set()
        never.wait(30)

    runner.submit(stuck)
    assert started.wait(3)
    assert runner.shutdown(timeout=0.2) is False
    never.set()


def test_progress_reports_coalesce_to_the_newest(qtbot: QtBot, runner: TaskRunner) -> None:
    seen: list[int] = []
    reported = threading.Event()

    def work(token):  # type: ignore[no-untyped-def]
        for step in range(1000):
            token.report(step)
        reported.set()
        return "done"

    runner.submit(work, on_progress=seen.append)
    # The GUI thread is busy (not running its event loop) while the task reports
    # a thousand steps: when it gets back, it shows the newest once.
    assert reported.wait(5)
    with qtbot.waitSignal(runner.task_finished, timeout=3000):
        pass
    assert seen == [999]
