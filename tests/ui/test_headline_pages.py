"""The headline list loads pages in the background: a failed page must not leave it
stuck "loading", and a page of a query the reader has left must not appear."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.qtbot import QtBot

from reader.core.errors import StoreBusy
from reader.ui.headlines import HeadlineModel, Row
from reader.ui.workers import TaskRunner


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    made = TaskRunner(net_threads=1)
    yield made
    made.shutdown()


def row(n: int) -> Row:
    return Row(f"https://example.org/{n}", f"Headline {n}", "Outlet", datetime.now(UTC))


def test_a_failed_page_is_reported_and_the_next_query_still_loads(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    model = HeadlineModel(runner)

    def broken(after: Row | None, offset: int, limit: int) -> Sequence[Row]:
        raise StoreBusy("The library is busy.")

    with qtbot.waitSignal(model.page_failed) as failed:
        model.set_loader(broken)
    assert isinstance(failed.args[0], StoreBusy)
    assert model.rowCount() == 0 and not model.canFetchMore(QModelIndex())

    with qtbot.waitSignal(model.page_loaded):
        model.set_loader(lambda after, offset, limit: [row(1), row(2)])
    assert [model.row_at(i).url for i in range(model.rowCount())] == [  # type: ignore[union-attr]
        "https://example.org/1",
        "https://example.org/2",
    ]


def test_a_page_of_a_left_query_never_appears(qtbot: QtBot, runner: TaskRunner) -> None:
    model = HeadlineModel(runner)
    release = threading.Event()
    started = threading.Event()

    def slow(after: Row | None, offset: int, limit: int) -> Sequence[Row]:
        started.set()
        release.wait(10)
        return [row(99)]

    model.set_loader(slow)
    assert started.wait(10)
    model.set_loader(None)  # the reader left the view (e.g. cleared the search)
    release.set()
    qtbot.waitUntil(lambda: runner.pending == 0)
    assert model.rowCount() == 0
