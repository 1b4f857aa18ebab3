"""The batch job under stress: killed mid-run, several workers, Dask (LocalCluster and a real scheduler)."""
from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.runner import Options, Settings, run
from test_runner import _assert_same_tables

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    """The tables of an uninterrupted single-process run."""
    out = tmp_path_factory.mktemp("reference")
    run([corpus], out, Settings(), Options(part_size=5, chunk_size=2))
    return out


def _committed_parts(out: Path) -> int:
    db = out / "state.sqlite"
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return conn.execute("SELECT count(*) FROM parts").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_killed_run_is_completed_by_the_next_run(corpus, reference, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress",
           "--part-size", "5", "--chunk-size", "2"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _committed_parts(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    import pandas as pd

    partial = pd.read_parquet(out / "articles.parquet")
    assert 0 < len(partial) < 20  # readable, and only part of the work was committed
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "unchanged" in done.stdout
    _assert_same_tables(out, reference)


def test_two_workers_give_the_same_tables(corpus, reference, tmp_path):
    out = tmp_path / "out"
    summary = run([corpus], out, Settings(), Options(workers=2, part_size=5, chunk_size=2))
    assert summary.processed == 20
    _assert_same_tables(out, reference)


def test_dask_local_cluster_gives_the_same_tables(corpus, reference, tmp_path):
    out = tmp_path / "out"
    summary = run([corpus], out, Settings(), Options(executor="dask", workers=1, part_size=5, chunk_size=2))
    assert summary.processed == 20
    _assert_same_tables(out, reference)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_dask_scheduler_by_address_gives_the_same_tables(corpus, reference, tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    bin_dir = Path(sys.executable).parent
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    scheduler = subprocess.Popen([str(bin_dir / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port),
                                  "--no-dashboard"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([str(bin_dir / "dask"), "worker", address, "--nworkers", "1", "--nthreads", "1",
                               "--no-dashboard", "--host", "127.0.0.1"], env=env, cwd=ROOT,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        from dask.distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
        out = tmp_path / "out"
        cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress",
               "--executor", "dask", "--scheduler", address, "--part-size", "5", "--chunk-size", "2"]
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "20 articles ok" in done.stdout
        _assert_same_tables(out, reference)
    finally:
        for proc in (worker, scheduler):
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_batching_does_not_change_the_tables(corpus, reference, tmp_path):
    # Model batches of every shape, down to one document each, give the same facts as the default batches.
    out = tmp_path / "out"
    summary = run([corpus], out, Settings(), Options(part_size=5, chunk_size=20, batch_size=3, batch_tokens=400))
    assert summary.processed == 20
    _assert_same_tables(out, reference)
