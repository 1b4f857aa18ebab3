"""Failures that must cost one article, not the batch: crashes between steps, raising components, dead workers."""
from __future__ import annotations

import subprocess
import sys
from concurrent.futures import Future
from pathlib import Path

import pandas as pd
import pytest

from pipeline import process
from pipeline.executors import _Windowed
from pipeline.readers import Article
from pipeline.runner import Options, locked, run
from pipeline.store import Store
from test_runner import _assert_same_tables

ROOT = Path(__file__).resolve().parent.parent


class Crash(BaseException):
    """Stands for the process being killed at this point."""


def test_crash_before_commit_leaves_the_committed_tables_visible(inputs, tmp_path, monkeypatch):
    out, clean = tmp_path / "out", tmp_path / "clean"
    run([inputs], out)
    before = pd.read_parquet(out / "entities.parquet")
    path = inputs / "etoile.txt"
    path.write_text(path.read_text().replace("Charlotte Gainsbourg", "Charlotte Rampling"))

    def killed(*args, **kwargs):
        raise Crash()

    monkeypatch.setattr(Store, "commit", killed)
    with pytest.raises(Crash):
        run([inputs], out)
    monkeypatch.undo()
    # The new part is written but not registered: readers still see exactly the old tables.
    pd.testing.assert_frame_equal(pd.read_parquet(out / "entities.parquet"), before)
    run([inputs], out)
    run([inputs], clean)
    _assert_same_tables(out, clean)


def test_crash_during_csv_export_is_repaired_by_the_next_run(inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    run([inputs], out)
    path = inputs / "warhol.txt"
    path.write_text(path.read_text() + "\n\nThe exhibit was curated by Jane Doe, who said it was a great honour to do.")

    def killed(self, *args, **kwargs):
        raise Crash()

    monkeypatch.setattr(Store, "export_csv", killed)
    with pytest.raises(Crash):
        run([inputs], out)
    monkeypatch.undo()
    summary = run([inputs], out)
    assert summary.processed == 0  # nothing left to process, yet the CSVs are brought up to date
    csv = pd.read_csv(out / "articles.csv").set_index("article_id")
    assert "curated by Jane Doe" in csv.loc["warhol", "text"]


class _Proxy:
    """A pipeline whose batch processing raises like a failing spaCy component, on one poisoned article."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.default_error_handler = None

    def make_doc(self, text):
        return self.nlp.make_doc(text)

    def pipe(self, docs, **kwargs):
        docs = list(docs)
        if any("POISON" in d.text for d in docs):
            raise ValueError("[E000] a spaCy component failed")
        return self.nlp.pipe(docs, **kwargs)

    def __call__(self, doc):
        if "POISON" in doc.text:
            raise ValueError("[E000] a spaCy component failed")
        return self.nlp(doc)


def test_a_raising_spacy_component_costs_one_article(nlp, monkeypatch):
    monkeypatch.setattr(process, "get_nlp", lambda model: _Proxy(nlp))
    articles = [Article("good", "x", text="Jane Doe stars in the film Blue Harbour."),
                Article("bad", "y", text="POISON text here."),
                Article("unread", "z", error="empty file")]
    results = process.process_batch(articles, "model", "v", "now")
    by_id = {r.article["article_id"]: r for r in results}
    assert by_id["good"].ok and by_id["good"].rows["entities"]
    assert by_id["bad"].article["error"].startswith("processing failed: ValueError")
    assert by_id["unread"].article["error"] == "empty file"


class _FlakyExecutor(_Windowed):
    """Fails the first task it is given, as a pool whose worker died would."""

    def __init__(self):
        self.failed = False
        self.restarts = 0

    def _restart(self):
        self.restarts += 1

    def _submit(self, chunk, version, processed_at, batch_size):
        future = Future()
        if not self.failed:
            self.failed = True
            future.set_exception(RuntimeError("worker died"))
        else:
            future.set_result([process.Result({"article_id": a.article_id, "status": "ok"}) for a in chunk])
        return future


def test_a_dead_worker_costs_its_chunk_and_the_rest_go_on():
    chunks = [[Article(f"a{i}", "s", text="x")] for i in range(4)]
    executor = _FlakyExecutor()
    results = [r for batch in executor.map(chunks, "v", "now", 8) for r in batch]
    assert [r.article["article_id"] for r in results] == ["a0", "a1", "a2", "a3"]
    assert results[0].article["error"] == "worker failed: RuntimeError: worker died"
    assert all(r.ok for r in results[1:])
    assert executor.restarts == 1


def test_errors_are_retried_on_request(inputs, tmp_path):
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert run([inputs], out).failed == 1
    assert run([inputs], out).processed == 0
    assert run([inputs], out, options=Options(retry_errors=True)).processed == 1


def _cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd)


def test_cron_command_line_runs(inputs, tmp_path):
    done = _cli("run", str(inputs), "--out", str(tmp_path / "out"), "--no-progress", "-v")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("run: 2 articles ok, 0 failed, 0 unchanged, 0 pruned; new rows: ")
    # One summary line, on one stream: -v adds no second wording of it.
    assert len(done.stdout.splitlines()) == 1
    assert "articles ok" not in done.stderr and "processed" not in done.stderr


def test_cli_exit_code_when_another_run_holds_the_lock(inputs, tmp_path):
    out = tmp_path / "out"
    with locked(out):
        done = _cli("run", str(inputs), "--out", str(out))
    assert done.returncode == 3
    assert "another run" in done.stderr


def test_cli_exit_code_on_an_unexpected_error(inputs, tmp_path):
    out = tmp_path / "out"
    code = ("import errno, sys; from pipeline.store import Store; from pipeline.cli import main\n"
            "def full(self, *args): raise OSError(errno.ENOSPC, 'No space left on device')\n"
            "Store.export_csv = full\n"
            f"sys.exit(main(['run', {str(inputs)!r}, '--out', {str(out)!r}, '--no-progress']))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 4
    assert done.stderr.startswith("error: ")
    assert "Traceback" not in done.stderr
