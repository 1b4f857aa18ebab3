"""How a run reports its progress: a bar at a terminal, log lines when its output goes to a file.

A job run by cron or systemd has no terminal; its log gets a line after every chunk of articles and at least
every 30 seconds (also while the model loads or a slow chunk runs): articles done out of the total, the rate
and the time left at that rate.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from typing import Callable

log = logging.getLogger("pipeline.progress")

HEARTBEAT_SECONDS = 30.0


def make_progress(total: int, mode: str):
    """Return a progress reporter for `total` articles (a context manager with `update(n)`).

    `mode` is `bar` (tqdm on stderr), `log` (`LogProgress`) or `off`.
    """
    if mode == "log":
        return LogProgress(total)
    from tqdm import tqdm

    return tqdm(total=total, unit="article", disable=mode != "bar", file=sys.stderr)


def _duration(seconds: float) -> str:
    seconds = int(round(seconds))
    hours, rest = divmod(seconds, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}"


class LogProgress:
    """Logs `done/total articles (pct), rate, ETA` on every `update` and after `every` seconds without one."""

    def __init__(self, total: int, every: float = HEARTBEAT_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.total = total
        self.done = 0
        self.every = every
        self.clock = clock
        self.started = self.last = clock()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._heartbeat, name="progress", daemon=True)

    def __enter__(self) -> "LogProgress":
        log.info("%d articles to process", self.total)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def update(self, n: int) -> None:
        with self._lock:
            self.done += n
            self._report()

    def line(self) -> str:
        """Return the progress as one line: done/total, percentage, rate and time left."""
        elapsed = self.clock() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        share = self.done / self.total if self.total else 1.0
        if self.done >= self.total:
            left = "done"
        elif rate > 0:
            left = f"ETA {_duration((self.total - self.done) / rate)}"
        else:
            left = "ETA unknown (starting)"
        return (f"{self.done}/{self.total} articles ({share:.0%}), {rate:.1f} articles/s, "
                f"{_duration(elapsed)} elapsed, {left}")

    def _report(self) -> None:
        log.info("%s", self.line())
        self.last = self.clock()

    def _heartbeat(self) -> None:
        while not self._stop.wait(min(1.0, self.every)):
            with self._lock:
                if self.clock() - self.last >= self.every:
                    self._report()
