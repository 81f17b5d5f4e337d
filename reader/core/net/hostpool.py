"""A thread pool that never lets one host's backlog occupy every worker.

Tasks are queued per key (a host). A task is handed to a worker only while
fewer than ``per_key`` tasks of its key are running, and keys take turns, so
500 queued articles from one slow site cannot block the few from another
(head-of-line blocking). The request-level limits of
:class:`reader.core.net.limits.RequestLimiter` still apply inside the tasks.

Exceptions escaping a task are passed to ``on_error``; the pool carries on.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict, deque
from collections.abc import Callable

log = logging.getLogger(__name__)

Task = Callable[[], None]


class HostPool:
    """``workers`` threads; at most ``per_key`` running tasks per key; round-robin keys."""

    def __init__(
        self,
        workers: int,
        per_key: int,
        *,
        name: str = "kabar-pool",
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self.workers = workers
        self.per_key = per_key
        self.name = name
        self.on_error = on_error
        self._lock = threading.Condition()
        self._queues: OrderedDict[str, deque[Task]] = OrderedDict()
        self._running: dict[str, int] = {}
        self._ready: deque[tuple[str, Task]] = deque()
        self._pending = 0
        self._closed = False
        self._threads: list[threading.Thread] = []

    # -- submitting ------------------------------------------------------------------------
    def submit(self, key: str, task: Task) -> None:
        with self._lock:
            if self._closed:
                return
            self._queues.setdefault(key, deque()).append(task)
            self._pending += 1
            self._schedule()
            self._grow()

    def _schedule(self) -> None:
        """Move runnable tasks (key under its limit) to the ready queue, keys in turn."""
        progressed = True
        while progressed:
            progressed = False
            for key in list(self._queues):
                queue = self._queues[key]
                if self._running.get(key, 0) >= self.per_key:
                    continue
                self._ready.append((key, queue.popleft()))
                self._running[key] = self._running.get(key, 0) + 1
                self._queues.move_to_end(key)  # the next round starts with another key
                if not queue:
                    del self._queues[key]
                progressed = True
        self._lock.notify_all()

    def _grow(self) -> None:
        while len(self._threads) < min(self.workers, self._pending):
            thread = threading.Thread(
                target=self._work, name=f"{self.name}-{len(self._threads)}", daemon=True
            )
            self._threads.append(thread)
            thread.start()

    # -- working ---------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._ready and not self._closed:
                    self._lock.wait()
                if not self._ready:
                    return
                key, task = self._ready.popleft()
            try:
                task()
            except BaseException as error:  # a task's failure must not kill the worker
                if self.on_error is not None:
                    self.on_error(error)
                else:
                    log.exception("task failed in %s", self.name)
            finally:
                with self._lock:
                    self._running[key] -= 1
                    if not self._running[key]:
                        del self._running[key]
                    self._pending -= 1
                    self._schedule()

    # -- ending ------------------------------------------------------------------------------
    def drop_queued(self) -> int:
        """Forget every task not yet started (cancel); returns how many were dropped."""
        with self._lock:
            dropped = sum(len(q) for q in self._queues.values()) + len(self._ready)
            for key, _ in self._ready:
                self._running[key] -= 1
                if not self._running[key]:
                    del self._running[key]
            self._queues.clear()
            self._ready.clear()
            self._pending -= dropped
            self._lock.notify_all()
            return dropped

    def join(self, timeout: float | None = None) -> bool:
        """Wait until every submitted task has finished; True if it did in time."""
        with self._lock:
            return self._lock.wait_for(lambda: self._pending == 0, timeout)

    def close(self) -> None:
        """Stop the workers once idle (queued tasks are dropped) and join them."""
        self.drop_queued()
        with self._lock:
            self._closed = True
            self._lock.notify_all()
        for thread in self._threads:
            if thread is not threading.current_thread():
                thread.join()
