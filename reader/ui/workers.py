"""The only place in the UI that knows about threads.

Widgets and the controller hand work to :class:`TaskRunner`; it runs the work
on a background *lane* (a small pool of daemon threads) and delivers the
result or the error back on the GUI thread through one queued Qt signal.

Every task has an identity. Tasks submitted under the same ``key`` supersede
each other: only the newest one's outcome is delivered, so a slow article that
finishes after the user has clicked elsewhere is silently dropped. Each task
receives a cancel token (:class:`threading.Event`) that the core checks
between steps; superseding or shutting down sets it.

Lanes use daemon threads so that quitting never waits for a stuck network
read: :meth:`TaskRunner.shutdown` cancels everything, waits a bounded time for
the lanes to drain, and lets the process exit.
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from reader.core.errors import Cancelled

log = logging.getLogger(__name__)

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]
OnProgress = Callable[[Any], None]


class TaskToken(threading.Event):
    """A task's cancel flag, which can also report progress to the GUI thread.

    It *is* a :class:`threading.Event`, so core functions take it as their
    ``cancel`` argument unchanged; ``report(payload)`` may be called from any
    thread and reaches the task's ``on_progress`` on the GUI thread.
    """

    def __init__(self) -> None:
        super().__init__()
        self._sink: Callable[[Any], None] | None = None

    def report(self, payload: Any) -> None:
        sink = self._sink
        if sink is not None and not self.is_set():
            sink(payload)


Work = Callable[[TaskToken], Any]


@dataclass(eq=False)
class TaskHandle:
    """Identity of one submitted task; ``cancel()`` is safe from the GUI thread."""

    task_id: int
    key: str | None
    generation: int
    token: TaskToken = field(default_factory=TaskToken)
    finished: bool = False
    on_progress: OnProgress | None = None

    def cancel(self) -> None:
        self.token.set()

    @property
    def cancelled(self) -> bool:
        return self.token.is_set()


@dataclass(eq=False)
class _Job:
    handle: TaskHandle
    work: Work
    on_done: OnDone | None
    on_error: OnError | None


class _Lane:
    """A fixed number of daemon worker threads fed by one queue."""

    def __init__(self, name: str, threads: int, run: Callable[[_Job], None]) -> None:
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._run = run
        self._threads = [
            threading.Thread(target=self._loop, name=f"kabar-{name}-{i}", daemon=True)
            for i in range(threads)
        ]
        for thread in self._threads:
            thread.start()

    def put(self, job: _Job) -> None:
        self._queue.put(job)

    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run(job)

    def stop(self, deadline: float) -> bool:
        """Ask the threads to finish; True if all did before ``deadline``."""
        for _ in self._threads:
            self._queue.put(None)
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(t.is_alive() for t in self._threads)


class TaskRunner(QObject):
    """Runs core work off the GUI thread and brings outcomes back to it.

    Lanes: ``"net"`` for anything that may touch the network (several
    threads), ``"io"`` for library reads and writes (one thread, so the GUI
    never waits on disk and writes stay ordered).
    """

    #: Emitted on the GUI thread after a task's callbacks ran (tests wait on it).
    task_finished = Signal(int)
    _deliver = Signal(object)
    _progress = Signal(object)

    def __init__(self, *, net_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._generations: dict[str, int] = {}
        self._live: dict[int, TaskHandle] = {}
        self._closed = False
        self._latest: dict[int, Any] = {}
        self._progress_lock = threading.Lock()
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._lanes = {
            "net": _Lane("net", net_threads, self._execute),
            "io": _Lane("io", 1, self._execute),
        }

    # ----------------------------------------------------------- submitting

    def submit(
        self,
        work: Work,
        *,
        on_done: OnDone | None = None,
        on_error: OnError | None = None,
        on_progress: OnProgress | None = None,
        key: str | None = None,
        lane: str = "net",
    ) -> TaskHandle:
        """Run ``work(token)`` in the background.

        With a ``key``, any earlier unfinished task under that key is
        cancelled and its outcome will be dropped. ``token.report(x)`` from the
        work reaches ``on_progress(x)`` on the GUI thread while the task is current.
        """
        if self._closed:
            raise RuntimeError("TaskRunner is shut down")
        generation = 0
        if key is not None:
            self.cancel(key)
            generation = self._generations[key]
        handle = TaskHandle(next(self._ids), key, generation, on_progress=on_progress)
        if on_progress is not None:
            handle.token._sink = lambda payload: self._emit_progress(handle, payload)
        self._live[handle.task_id] = handle
        self._lanes[lane].put(_Job(handle, work, on_done, on_error))
        return handle

    def cancel(self, key: str) -> None:
        """Cancel and forget whatever is running under ``key``."""
        self._generations[key] = self._generations.get(key, 0) + 1
        for handle in list(self._live.values()):
            if handle.key == key:
                handle.cancel()

    def is_current(self, handle: TaskHandle) -> bool:
        if handle.cancelled:
            return False
        return handle.key is None or self._generations.get(handle.key) == handle.generation

    @property
    def pending(self) -> int:
        return len(self._live)

    # ----------------------------------------------------------- running

    def _execute(self, job: _Job) -> None:
        """Runs on a lane thread."""
        outcome: tuple[bool, Any]
        if job.handle.cancelled:
            outcome = (False, Cancelled())
        else:
            try:
                outcome = (True, job.work(job.handle.token))
            except BaseException as exc:  # delivered to the GUI thread, never lost
                outcome = (False, exc)
        if not self._closed:
            self._deliver.emit((job, outcome))

    def _emit_progress(self, handle: TaskHandle, payload: Any) -> None:
        """Runs on a lane thread (or any thread the work started).

        Reports coalesce: only the newest payload is kept, and at most one
        delivery per task waits in the GUI thread's queue, so a chatty task
        (thousands of progress steps) costs the GUI a handful of updates.
        """
        if self._closed:
            return
        with self._progress_lock:
            pending = handle.task_id in self._latest
            self._latest[handle.task_id] = payload
        if not pending:
            self._progress.emit(handle)

    @Slot(object)
    def _on_progress(self, handle: TaskHandle) -> None:
        with self._progress_lock:
            payload = self._latest.pop(handle.task_id, None)
        if self._closed or handle.finished or not self.is_current(handle):
            return
        if handle.on_progress is not None:
            handle.on_progress(payload)

    @Slot(object)
    def _on_deliver(self, payload: tuple[_Job, tuple[bool, Any]]) -> None:
        """Runs on the GUI thread."""
        job, (ok, value) = payload
        handle = job.handle
        handle.finished = True
        self._live.pop(handle.task_id, None)
        if self._closed:
            return
        if self.is_current(handle) and not isinstance(value, Cancelled):
            callback = job.on_done if ok else job.on_error
            if callback is not None:
                callback(value)
            elif not ok:
                log.error("background task failed", exc_info=value)
        self.task_finished.emit(handle.task_id)

    # ----------------------------------------------------------- shutting down

    def cancel_all(self) -> None:
        """Set every task's cancel token (their results will be dropped)."""
        for handle in self._live.values():
            handle.cancel()

    def shutdown(self, timeout: float = 1.5) -> bool:
        """Cancel every task and wait up to ``timeout`` seconds for the lanes.

        Returns True when every worker thread ended in time; stragglers are
        daemon threads blocked in a network read and do not delay exit.
        """
        if self._closed:
            return True
        self.cancel_all()
        self._closed = True
        deadline = time.monotonic() + timeout
        # The io lane goes last so pending library writes get the longest time.
        clean = self._lanes["net"].stop(deadline)
        clean = self._lanes["io"].stop(deadline + 0.5) and clean
        if not clean:
            log.warning("quitting with background work still blocked in the network")
        return clean
