"""The output folder's lock: one writer at a time, and never a lock that outlives its run.

The lock is an `flock` on the output folder itself, so deleting `DIR/.lock` (which only records the holder's
pid for the "busy" message) cannot let a second run in. The kernel releases an `flock` when the last
descriptor of it is closed, which is why no other process may keep a copy of the descriptor: it is opened
close-on-exec (no program started by the run inherits it) and closed in every process forked from the run
(pool workers), so a killed run's lock is gone the moment the run is, whatever became of its workers.
"""
from __future__ import annotations

import errno
import fcntl
import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

PID_FILE = ".lock"

# Descriptors of the locks this process holds; a forked child closes its copies at once.
_held: set[int] = set()


class Busy(Exception):
    """Another run holds the output folder's lock."""


def _close_in_child() -> None:
    # Closing the copy (never LOCK_UN, which would release the parent's lock) drops the child's hold.
    for fd in _held:
        try:
            os.close(fd)
        except OSError:
            pass
    _held.clear()


os.register_at_fork(after_in_child=_close_in_child)


def _holder(out: Path) -> str:
    try:
        return (out / PID_FILE).read_text().strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def locked(out: Path, wait: bool = False) -> Iterator[None]:
    """Hold the output folder's lock for the duration of the block; raise Busy if another run holds it."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    _held.add(fd)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            raise Busy(f"another run (pid {_holder(out)}) is writing to {out}; try again later or pass --wait") from None
        (out / PID_FILE).write_text(str(os.getpid()))
        yield
    finally:
        _held.discard(fd)
        os.close(fd)
