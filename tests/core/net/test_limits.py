"""The building blocks of refresh concurrency: request slots and per-host task queues.

Synchronised with events only: tasks block on events the test releases.
"""

from __future__ import annotations

import threading
import time

import pytest

from reader.core.errors import Cancelled
from reader.core.net.hostpool import HostPool
from reader.core.net.limits import RequestLimiter, host_key


def test_host_key_is_host_and_port_without_www() -> None:
    assert host_key("https://www.Detik.com/berita") == "detik.com"
    assert host_key("http://127.0.0.1:8701/rss") == "127.0.0.1:8701"
    assert host_key("http://127.0.0.1:8702/rss") != host_key("http://127.0.0.1:8701/rss")


def test_a_busy_host_does_not_hold_every_worker() -> None:
    """Head-of-line: host A's backlog waits in its queue; host B still runs."""
    pool = HostPool(workers=3, per_key=1)
    release_a = threading.Event()
    b_ran = threading.Event()
    started_a = threading.Event()
    ran: list[str] = []
    lock = threading.Lock()

    def slow_a() -> None:
        started_a.set()
        release_a.wait(10)
        with lock:
            ran.append("a")

    def quick_b() -> None:
        with lock:
            ran.append("b")
        b_ran.set()

    for _ in range(5):
        pool.submit("a", slow_a)
    assert started_a.wait(5)
    pool.submit("b", quick_b)
    assert b_ran.wait(5), "host B's task ran while host A's first task was still running"
    release_a.set()
    assert pool.join(10)
    pool.close()
    assert ran.count("a") == 5 and ran.index("b") == 0


def test_dropped_tasks_never_run_and_join_returns() -> None:
    pool = HostPool(workers=1, per_key=1)
    gate = threading.Event()
    started = threading.Event()
    ran: list[int] = []

    def first() -> None:
        started.set()
        gate.wait(10)
        ran.append(0)

    pool.submit("x", first)
    for n in range(1, 10):
        pool.submit("x", lambda n=n: ran.append(n))  # type: ignore[misc]
    assert started.wait(5)
    assert pool.drop_queued() == 9
    gate.set()
    assert pool.join(5)
    pool.close()
    assert ran == [0]


def test_a_failing_task_is_reported_and_the_pool_goes_on() -> None:
    errors: list[BaseException] = []
    pool = HostPool(workers=2, per_key=2, on_error=errors.append)
    done = threading.Event()

    def boom() -> None:
        raise ValueError("task bug")

    pool.submit("k", boom)
    pool.submit("k", done.set)
    assert done.wait(5) and pool.join(5)
    pool.close()
    assert [str(e) for e in errors] == ["task bug"]


def test_slots_per_lane_and_per_host() -> None:
    limiter = RequestLimiter({"feed": 3, "article": 1}, per_host=2)
    with limiter.slot("http://a.example/1", "feed"), limiter.slot("http://a.example/2", "feed"):
        blocked = threading.Event()
        entered = threading.Event()

        def third_on_a() -> None:
            blocked.set()
            with limiter.slot("http://a.example/3", "feed"):
                entered.set()

        waiter = threading.Thread(target=third_on_a)
        waiter.start()
        assert blocked.wait(5)
        with limiter.slot("http://b.example/1", "feed"):  # another host is not blocked
            assert not entered.is_set()
    waiter.join(5)
    assert entered.is_set()
    assert limiter.peak_host["a.example"] == 2 and limiter.peak_lane["feed"] == 3


def _blocked_in_wait(limiter: RequestLimiter) -> int:
    """Threads parked in the limiter's condition variable (CPython's Condition._waiters)."""
    cond = limiter._cond
    with cond:
        return len(cond._waiters)  # type: ignore[attr-defined]


def test_cancel_wakes_every_waiter_at_once() -> None:
    limiter = RequestLimiter({"article": 1}, per_host=1)
    outcomes: list[str] = []

    def wait_for_slot() -> None:
        try:
            with limiter.slot("http://a.example/x", "article"):
                outcomes.append("got")
        except Cancelled:
            outcomes.append("cancelled")

    with limiter.slot("http://a.example/held", "article"):
        threads = [threading.Thread(target=wait_for_slot, daemon=True) for _ in range(3)]
        for thread in threads:
            thread.start()
        # Cancel only once all three are really blocked waiting for the held slot.
        parked = threading.Event()
        deadline = time.monotonic() + 5
        while _blocked_in_wait(limiter) < 3 and time.monotonic() < deadline:
            parked.wait(0.001)  # poll the limiter's state, like qtbot.waitUntil
        assert _blocked_in_wait(limiter) == 3
        limiter.cancel()
        for thread in threads:
            thread.join(5)
        # Still holding the slot: only cancel() can have woken them.
        assert not any(thread.is_alive() for thread in threads)
        assert outcomes == ["cancelled"] * 3
    with pytest.raises(Cancelled), limiter.slot("http://b.example/", "article"):
        pass
