"""Faults the batch job must survive, each reproduced for real (processes, signals, damaged files), then the
rerun compared with a clean run: identical tables, or a clear exit 2."""
from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import psutil
import pytest

from pipeline.cli import main
from pipeline.lock import locked
from pipeline.readers import MAX_ERROR_CHARS
from pipeline.runner import Busy, Options, Settings, run
from pipeline.show import article_html, default_path
from pipeline.tables import MAX_ERROR_TEXT_CHARS
from test_batch import _committed_parts, _free_port
from test_runner import _assert_same_tables, _tables

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Premiere\n\nActress Jane Doe stars in the film Blue Harbour. \"It was a joy,\" she told Variety in 2021.\n"


def _cli(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, **kwargs)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("reference")
    run([corpus], out, Settings(), Options(part_size=2, chunk_size=1))
    return out


# -- 1. a killed multi-worker run locks nobody out ----------------------------------------------------------

@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_killed_two_worker_run_leaves_no_worker_and_no_lock(corpus, reference, tmp_path, sig):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress",
           "--workers", "2", "--part-size", "2", "--chunk-size", "1"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _committed_parts(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert proc.poll() is None and len(workers) >= 2, "the run finished before it could be killed"
    proc.send_signal(sig)
    proc.wait(timeout=60)
    if sig == signal.SIGTERM:
        assert proc.returncode == 128 + signal.SIGTERM
    _, alive = psutil.wait_procs(workers, timeout=15)
    assert alive == []  # the workers died with their run
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr  # not "busy": nothing holds the lock
    _assert_same_tables(out, reference)


def _sleep(started) -> None:
    started.set()
    time.sleep(60)


def test_a_forked_child_does_not_keep_the_lock(tmp_path):
    out = tmp_path / "out"
    fork = multiprocessing.get_context("fork")
    started = fork.Event()
    with locked(out):
        child = fork.Process(target=_sleep, args=(started,))
        child.start()
        assert started.wait(30)  # the child runs (a pool worker would be loading the model)
    try:
        with locked(out):  # the run has ended: its lock is free although its child still lives
            assert child.is_alive()
    finally:
        child.kill()
        child.join()


def test_deleting_the_lock_file_does_not_let_a_second_run_in(inputs, tmp_path):
    out = tmp_path / "out"
    with locked(out):
        (out / ".lock").unlink()
        with pytest.raises(Busy):
            run([inputs], out)
        done = _cli("run", inputs, "--out", out)
    assert done.returncode == 3, done.stderr


# -- 2. names and ids that are not valid Unicode --------------------------------------------------------------

def test_undecodable_file_name_and_lone_surrogate_id_do_not_stop_the_run(inputs, tmp_path):
    with open(os.path.join(os.fsencode(inputs), b"caf\xe9 premiere.txt"), "w", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    record = '{"id": "feed-\\ud800-1", "title": "Premi\\udce8re", "text": "Jane Doe stars in Blue Harbour. \\udc80"}'
    (inputs / "feed.jsonl").write_text(record + "\n", encoding="utf-8")
    out, clean = tmp_path / "out", tmp_path / "clean"
    done = _cli("run", inputs, "--out", out, "--no-progress")
    assert done.returncode == 0, done.stderr
    ids = set(pd.read_parquet(out / "articles.parquet").article_id)
    assert ids == {"etoile", "warhol", "caf\\xe9 premiere", "feed-\\ud800-1"}
    again = _cli("run", inputs, "--out", out, "--no-progress")
    assert again.returncode == 0 and "0 articles ok, 0 failed, 4 unchanged" in again.stdout, again.stderr
    run([inputs], clean)
    _assert_same_tables(out, clean)


# -- 3. a state store deleted, emptied, unreadable or older than the parts ----------------------------------

def _delete(db: Path) -> None:
    for path in db.parent.glob(db.name + "*"):
        path.unlink()


def _truncate(db: Path) -> None:
    db.write_bytes(b"")


def _empty_tables(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM articles")
        conn.execute("DELETE FROM parts")


def _forget_articles(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DELETE FROM articles")


def _garbage(db: Path) -> None:
    db.write_bytes(b"this is not a database" * 100)


@pytest.mark.parametrize("damage", [_delete, _truncate, _empty_tables, _forget_articles, _garbage])
def test_damaged_state_store_is_rebuilt_from_the_parts_without_losing_rows(inputs, tmp_path, damage):
    out = tmp_path / "out"
    (inputs / "gone.txt").write_text(ARTICLE)
    run([inputs], out, options=Options(part_size=1))
    before = _tables(out)
    (inputs / "gone.txt").unlink()  # its rows can only come from the parts now
    damage(out / "state.sqlite")
    done = _cli("run", inputs, "--out", out, "--no-progress")
    assert done.returncode == 0, done.stderr
    after = _tables(out)
    for table, frame in before.items():
        pd.testing.assert_frame_equal(after[table], frame, obj=table)  # no row lost, none doubled
    assert "rebuilding it from the parts" in done.stderr
    assert "gone" in pd.read_csv(out / "articles.csv").article_id.tolist()
    again = _cli("run", inputs, "--out", out, "--no-progress")
    assert "0 articles ok, 0 failed, 2 unchanged" in again.stdout, again.stderr
    assert "rebuilding" not in again.stderr


def test_rebuilt_state_keeps_the_newest_copy_of_an_article(inputs, tmp_path):
    out, clean = tmp_path / "out", tmp_path / "clean"
    run([inputs], out, options=Options(part_size=1))
    old = _part_of(out, "etoile")
    shutil.copytree(out, tmp_path / "copy")
    path = inputs / "etoile.txt"
    path.write_text(path.read_text().replace("Charlotte Gainsbourg", "Charlotte Rampling"))
    run([inputs], out, options=Options(part_size=1))
    # The replaced part left behind, as by a run killed before its clean-up, then the state store lost.
    for table in ("articles", "entities", "mentions", "relations", "quotes", "dates"):
        shutil.copy(tmp_path / "copy" / f"{table}.parquet" / f"{old}.parquet", out / f"{table}.parquet")
    (out / "state.sqlite").unlink()
    summary = run([inputs], out)
    assert summary.repairs.rebuilt
    run([inputs], clean)
    _assert_same_tables(out, clean)


def test_state_store_older_than_the_parts_is_rebuilt(inputs, tmp_path):
    out, clean = tmp_path / "out", tmp_path / "clean"
    run([inputs], out, options=Options(part_size=1))
    shutil.copy(out / "state.sqlite", tmp_path / "backup.sqlite")
    path = inputs / "etoile.txt"
    path.write_text(path.read_text().replace("Charlotte Gainsbourg", "Charlotte Rampling"))
    run([inputs], out, options=Options(part_size=1))
    shutil.copy(tmp_path / "backup.sqlite", out / "state.sqlite")  # a restored backup
    summary = run([inputs], out)
    assert summary.repairs.rebuilt and "newer than the state store" in summary.repairs.rebuilt
    run([inputs], clean)
    _assert_same_tables(out, clean)


# -- 4. a damaged Parquet part --------------------------------------------------------------------------------

def _part_of(out: Path, article_id: str) -> str:
    with sqlite3.connect(out / "state.sqlite") as conn:
        return conn.execute("SELECT part FROM articles WHERE article_id = ?", (article_id,)).fetchone()[0]


def test_truncated_part_is_quarantined_and_its_articles_processed_again(inputs, tmp_path):
    out, clean = tmp_path / "out", tmp_path / "clean"
    run([inputs], out, options=Options(part_size=1))
    damaged = out / "mentions.parquet" / f"{_part_of(out, 'etoile')}.parquet"
    damaged.write_bytes(damaged.read_bytes()[: damaged.stat().st_size // 2])
    done = _cli("run", inputs, "--out", out, "--no-progress")  # nothing new, yet the damage is found
    assert done.returncode == 0, done.stderr
    assert str(damaged) in done.stderr and "quarantine" in done.stderr
    assert "1 articles ok" in done.stdout
    assert len(list((out / "quarantine").rglob("mentions.parquet"))) == 1
    run([inputs], clean)
    _assert_same_tables(out, clean)
    assert _cli("run", inputs, "--out", out, "--no-progress").stdout.startswith("run: 0 articles ok, 0 failed, 2 unchanged")


def test_articles_of_a_damaged_part_whose_input_is_gone_are_reported(inputs, tmp_path):
    out = tmp_path / "out"
    run([inputs], out, options=Options(part_size=1))
    (out / "quotes.parquet" / f"{_part_of(out, 'warhol')}.parquet").write_bytes(b"")
    (inputs / "warhol.txt").unlink()
    done = _cli("run", inputs, "--out", out, "--no-progress")
    assert done.returncode == 1
    assert "warhol: rows lost" in done.stderr
    assert set(pd.read_parquet(out / "articles.parquet").article_id) == {"etoile"}


def test_part_that_fails_to_read_mid_run_is_quarantined_and_the_run_starts_over(inputs, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out, clean = tmp_path / "out", tmp_path / "clean"
    run([inputs], out, options=Options(part_size=1))
    # A readable file with the right row count whose columns cannot take the table's types.
    path = out / "dates.parquet" / f"{_part_of(out, 'etoile')}.parquet"
    rows = pq.read_metadata(path).num_rows
    pq.write_table(pa.table({"article_id": ["etoile"] * rows, "start_char": ["not a number"] * rows}), path)
    warhol = inputs / "warhol.txt"
    warhol.write_text(warhol.read_text() + "\n\nThe show was curated by Jane Doe.")  # exports every part again
    summary = run([inputs], out)
    assert list(summary.repairs.quarantined) == [path.stem]
    run([inputs], clean)
    _assert_same_tables(out, clean)


# -- 5. Dask without workers ---------------------------------------------------------------------------------

def _start(*args, **kwargs) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([str(Path(sys.executable).parent / "dask"), *args], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, **kwargs)


def _stop(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.wait()


def test_dask_scheduler_without_workers_exits_2_and_frees_the_lock(inputs, tmp_path):
    port = _free_port()
    scheduler = _start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    try:
        out = tmp_path / "out"
        started = time.monotonic()
        done = _cli("run", inputs, "--out", out, "--executor", "dask", "--scheduler", f"tcp://127.0.0.1:{port}",
                    "--worker-timeout", "3", "--no-progress", timeout=120)
        assert done.returncode == 2, done.stderr
        assert "no Dask worker joined" in done.stderr
        assert time.monotonic() - started < 60
        with locked(out):
            pass
    finally:
        _stop(scheduler)


def test_dask_run_whose_workers_all_die_exits_2_and_the_next_run_completes(corpus, reference, tmp_path):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    scheduler = _start("scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
    worker = _start("worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1")
    try:
        out = tmp_path / "out"
        cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--no-progress",
               "--executor", "dask", "--scheduler", address, "--part-size", "2", "--chunk-size", "1",
               "--worker-timeout", "3"]
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 180
        while _committed_parts(out) < 1 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the run finished before its worker could be killed"
        _stop(worker)
        _, stderr = proc.communicate(timeout=90)
        assert proc.returncode == 2, stderr
        assert "every Dask worker" in stderr
        worker = _start("worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                        "--host", "127.0.0.1")
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        _assert_same_tables(out, reference)
    finally:
        _stop(worker)
        _stop(scheduler)


# -- 6. symbolic links ---------------------------------------------------------------------------------------

def test_links_out_of_the_input_folder_are_not_followed_unless_asked(inputs, tmp_path, caplog):
    outside = tmp_path / "elsewhere"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text(ARTICLE)
    (outside / "folder" / "story.txt").write_text(ARTICLE)
    os.symlink(outside / "secret.txt", inputs / "secret.txt")
    os.symlink(outside / "folder", inputs / "linked")
    os.symlink(inputs / "etoile.txt", inputs / "alias.txt")  # stays inside: read
    os.symlink(inputs, inputs / "loop")
    out, followed = tmp_path / "out", tmp_path / "followed"
    run([inputs], out)
    assert set(pd.read_parquet(out / "articles.parquet").article_id) == {"etoile", "warhol", "alias"}
    assert "secret.txt: a link to" in caplog.text
    run([inputs], followed, options=Options(follow_symlinks=True))
    assert set(pd.read_parquet(followed / "articles.parquet").article_id) == {
        "etoile", "warhol", "alias", "secret", "linked/story"}
    done = _cli("run", inputs, "--out", tmp_path / "cli", "--follow-symlinks", "--no-progress")
    assert done.returncode == 0 and "5 articles ok" in done.stdout, done.stderr


# -- 7. show: any id, any text -------------------------------------------------------------------------------

def test_show_pages_have_distinct_short_names_for_any_id(tmp_path, capsys):
    ids = ["a/b", "a__b", "a_/b", "a/_b", "x" * 300, "..", "-rf", "caf\\xe9 premiere", "\ue000\uf8ff", "Plain-2024.1"]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("".join(json.dumps({"id": i, "text": ARTICLE}) + "\n" for i in ids))
    out = tmp_path / "out"
    run([folder], out)
    pages = []
    for article_id in ids:
        assert main(["show", "--outputs", str(out), "--", article_id]) == 0
        page = Path(capsys.readouterr().out.strip())
        assert page.parent == out / "show" and len(page.name.encode()) <= 255
        assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        pages.append(page)
    assert len(set(pages)) == len(ids)
    assert default_path(out, "2024/may/x") == out / "show" / "2024__may__x.html"


def test_text_holding_every_private_use_character_renders(capsys):
    text = "".join(chr(c) for c in range(0xE000, 0xF900)) + ' She said: "It was a joy."'
    start = text.index("It was")
    quote = {"start": start, "end": start + 14, "open": '<mark class="quote">', "close": "</mark>"}
    page = article_html(text, [{"start": start, "end": start + 2, "label": "X"}], [quote])
    assert '<mark class="quote">' in page and "\ue000" in page


# -- 8. oversized error messages -----------------------------------------------------------------------------

def test_a_huge_error_message_is_cut_to_a_readable_length(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    big = "x" * 2_000_000
    (folder / "feed.jsonl").write_text("".join(json.dumps({"id": big, "text": ARTICLE}) + "\n" for _ in range(2)))
    out = tmp_path / "out"
    summary = run([folder], out)
    assert summary.failed == 1
    errors = pd.read_parquet(out / "articles.parquet").error.dropna()
    assert len(errors) == 1
    assert errors.iloc[0].startswith("duplicate article id") and len(errors.iloc[0]) < MAX_ERROR_CHARS + 100


def test_an_error_row_keeps_only_the_start_of_a_huge_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text("Jane Doe stars in the film. " * 50_000)  # 1.4 million characters, one line
    out = tmp_path / "out"
    assert run([folder], out).failed == 1
    row = pd.read_parquet(out / "articles.parquet").iloc[0]
    assert row.error.startswith("cannot tokenise")
    assert len(row.text) == MAX_ERROR_TEXT_CHARS and row.n_words == 300_000
