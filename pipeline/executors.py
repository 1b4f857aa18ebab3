"""Where `process_batch` runs: in this process, in a local process pool, or on a Dask cluster.

Every executor yields the results of each chunk in input order and keeps only a few chunks in flight,
so memory stays flat however many articles a run has.
"""
from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Iterable, Iterator

from .batching import Batching
from .process import Result, failed_batch, get_nlp, process_batch

log = logging.getLogger(__name__)


class NoWorkers(RuntimeError):
    """The Dask cluster has had no worker for longer than the run may wait."""


class Serial:
    """Runs every chunk in this process."""

    def __init__(self, model: str):
        self.model = model

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None

    def map(self, chunks: Iterable[list], version: str, processed_at: str, batching: Batching) -> Iterator[list[Result]]:
        for chunk in chunks:
            yield process_batch(chunk, self.model, version, processed_at, batching)


class _Windowed:
    """Submits chunks with at most `window` in flight and yields their results in submission order.

    A chunk whose task fails (a worker process died, the cluster lost it) becomes error rows for its
    articles, and the other chunks in flight are submitted again.
    """

    window = 2

    def _submit(self, chunk, version, processed_at, batching):
        raise NotImplementedError

    def _restart(self) -> None:
        """Make the executor usable again after a task failed."""

    def _result(self, future):
        return future.result()

    def map(self, chunks: Iterable[list], version: str, processed_at: str, batching: Batching) -> Iterator[list[Result]]:
        args = (version, processed_at, batching)
        pending: deque = deque()

        def next_result() -> list[Result]:
            chunk, future = pending.popleft()
            try:
                return self._result(future)
            except NoWorkers:
                raise
            except Exception as exc:
                log.error("a worker failed on %d articles: %s", len(chunk), exc)
                self._restart()
                for i, (other, _) in enumerate(pending):
                    pending[i] = (other, self._submit(other, *args))
                return failed_batch(chunk, version, processed_at, f"worker failed: {type(exc).__name__}: {exc}")

        for chunk in chunks:
            pending.append((chunk, self._submit(chunk, *args)))
            if len(pending) >= self.window:
                yield next_result()
        while pending:
            yield next_result()


class LocalPool(_Windowed):
    """A pool of `workers` processes, each loading the model once."""

    def __init__(self, model: str, workers: int):
        self.model = model
        self.workers = workers
        self.window = 2 * workers
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        # Forked from this process (Linux's default before Python 3.14, where it becomes forkserver): the
        # workers' parent is then the run itself, whose death they must share.
        context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=context, initializer=_start_worker,
                                   initargs=(self.model, os.getpid()))

    def _restart(self) -> None:
        # A pool whose worker died refuses all further work.
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def __enter__(self):
        return self

    def __exit__(self, exc_type, *exc):
        if exc_type is not None:
            # Interrupted (SIGTERM, Ctrl-C, an error): stop the workers now rather than after their chunks.
            for process in list((getattr(self.pool, "_processes", None) or {}).values()):
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, chunk, version, processed_at, batching):
        return self.pool.submit(process_batch, chunk, self.model, version, processed_at, batching)


_PR_SET_PDEATHSIG = 1


def _start_worker(model: str, parent: int) -> None:
    """Set up a pool worker: die with the run that started it, then build the pipeline."""
    if sys.platform.startswith("linux"):
        # The kernel sends SIGKILL to this worker when its parent dies, even of SIGKILL.
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the line above took effect
            os._exit(1)
    get_nlp(model)


class CancelRaceFilter(logging.Filter):
    """Drop the traceback the Dask client logs when Ctrl-C lands before one of its calls has started.

    `distributed.utils.sync` then schedules a cancel callback that reads a variable not yet assigned, and
    tornado logs the NameError; the run is stopping anyway and says "interrupted". Every other record passes.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not (isinstance(exc, NameError) and "sync.<locals>.cancel" in record.getMessage())


def _drop_half_built_future_errors(hook):
    """Return an unraisable-exception hook that drops the AttributeError of a half-built Dask `Future`, else calls `hook`.

    Ctrl-C can land while the client is still constructing a Future; when the run unwinds, that object's
    `__del__` reads attributes never set and Python prints "Exception ignored in ... Future.__del__" with a
    traceback. The run is stopping anyway and says "interrupted". Every other unraisable exception reaches `hook`.
    """

    def unraisable(args) -> None:
        where = args.object
        if (args.exc_type is AttributeError and getattr(where, "__qualname__", "") == "Future.__del__"
                and getattr(where, "__module__", "").startswith("distributed.")
                and (getattr(args.exc_value, "name", None) or "").startswith("_")):
            return  # a private attribute its constructor never set
        hook(args)

    unraisable.drops_half_built_futures = True
    return unraisable


class DaskExecutor(_Windowed):
    """Runs chunks on a Dask distributed cluster: the one at `scheduler`, else a LocalCluster of `workers`.

    Each Dask worker process builds the pipeline once (`process.get_nlp` caches it per process), so the
    `pipeline` package and the spaCy model must be installed on the workers.
    """

    def __init__(self, model: str, workers: int, scheduler: str | None, worker_timeout: float = 60.0):
        from dask.distributed import Client, LocalCluster

        tornado_log = logging.getLogger("tornado.application")
        if not any(isinstance(f, CancelRaceFilter) for f in tornado_log.filters):
            tornado_log.addFilter(CancelRaceFilter())
        if not getattr(sys.unraisablehook, "drops_half_built_futures", False):
            sys.unraisablehook = _drop_half_built_future_errors(sys.unraisablehook)
        self.model = model
        self.cluster = None
        self.worker_timeout = worker_timeout
        if scheduler:
            try:
                self.client = Client(scheduler, timeout=worker_timeout)
            except OSError as exc:
                raise RuntimeError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
            try:
                self.client.wait_for_workers(1, timeout=worker_timeout)
            except TimeoutError:
                self.client.close()
                raise NoWorkers(f"no Dask worker joined {scheduler} within {worker_timeout:g} s; start workers "
                                f"(dask worker {scheduler}) or raise --worker-timeout") from None
            _check_workers(self.client, model)
        else:
            with _without_ctrl_c():
                # ":0": the scheduler's HTTP server (started even without a dashboard) takes a free port, instead
                # of warning on stderr when another cluster holds the default 8787.
                self.cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                            dashboard_address=":0")
            self.client = Client(self.cluster)
        n = max(1, len(self.client.scheduler_info().get("workers", {})) or workers)
        self.window = 2 * n
        log.info("dask: %s with %d workers", self.client.scheduler.address, n)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def _result(self, future):
        """Wait for `future`; raise NoWorkers once the cluster has had no worker for `worker_timeout` seconds."""
        from dask.distributed import wait

        alone_since = None
        while True:
            try:
                wait([future], timeout=1)
            except TimeoutError:
                pass
            if future.done():
                return future.result()
            if self.client.nthreads():
                alone_since = None
            elif alone_since is None:
                alone_since = time.monotonic()
            elif time.monotonic() - alone_since > self.worker_timeout:
                raise NoWorkers(f"every Dask worker of {self.client.scheduler.address} has been gone for "
                                f"{self.worker_timeout:g} s; the articles not yet committed are processed by "
                                "the next run")

    def _submit(self, chunk, version, processed_at, batching):
        # pure=False: the same chunk may be resubmitted by a later run and must run again.
        return self.client.submit(process_batch, chunk, self.model, version, processed_at, batching, pure=False)


@contextmanager
def _without_ctrl_c() -> Iterator[None]:
    """Start processes that ignore Ctrl-C (SIGINT), which the terminal sends to the run's whole process group.

    The run stops them itself when interrupted; left to handle it, each Dask worker prints a traceback.
    """
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def make_executor(options, model: str):
    """Return the executor `options` asks for (`executor`, `workers`, `scheduler`)."""
    if options.executor == "dask":
        return DaskExecutor(model, max(1, options.workers), options.scheduler, options.worker_timeout)
    if options.workers > 1:
        return LocalPool(model, options.workers)
    return Serial(model)


def _worker_versions(model: str) -> tuple[str, str]:
    """Return this process's pipeline version and the installed version of `model`."""
    from importlib import metadata

    from . import __version__

    try:
        return __version__, metadata.version(model)
    except metadata.PackageNotFoundError:
        return __version__, "missing"


def _check_workers(client, model: str) -> None:
    """Raise RuntimeError unless every Dask worker runs this pipeline version with the same model installed."""
    expected = _worker_versions(model)
    found = client.run(_worker_versions, model)
    wrong = {address: v for address, v in found.items() if tuple(v) != expected}
    if wrong:
        raise RuntimeError(
            f"Dask workers must run pipeline {expected[0]} with {model} {expected[1]}; these do not: {wrong}"
        )
