"""Command line: `python -m pipeline run|evaluate|show ...` (see `--help` of each command)."""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import logging
import math
import os
import re
import sys
from pathlib import Path

from . import __version__, preflight
from .runner import (EXIT_BROKEN_PIPE, EXIT_BUSY, EXIT_INTERRUPTED, EXIT_UNEXPECTED, EXIT_USAGE, Busy, Options,
                     Settings, run)
from .schema import without_pandas

DESCRIPTION = """Turn entertainment news articles into fact tables: entities, who plays whom, who is in what,
who made what, who said what, and when. Exit codes: 0 all ok; 1 some articles of this run failed (see the
`articles` table, status = error); 2 usage or setup error; 3 another run holds the output folder;
4 unexpected error (e.g. disk full, permission denied); 130 interrupted (Ctrl-C); 141 output closed early
(e.g. `| head`); 143 stopped by SIGTERM."""


def _common() -> argparse.ArgumentParser:
    """Return the options every command takes."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-v", "--verbose", action="count", default=0, help="log more (-v info, -vv debug)")
    return common


def _run_parser(sub) -> None:
    p = sub.add_parser(
        "run",
        parents=[_common()],
        help="process new and changed articles into the output tables",
        description="Process the new and changed articles under INPUT into the tables in --out. "
        "Unchanged articles (same content, pipeline version and settings) are skipped.",
    )
    p.add_argument("inputs", nargs="*", type=Path, default=[Path("raw")], metavar="INPUT",
                   help="files or folders (read recursively) of .txt, .html/.htm and .jsonl articles (default: raw/)")
    p.add_argument("--out", type=Path, default=Path("outputs"), help="output folder (default: outputs/)")
    p.add_argument("--model", default=Settings.model,
                   help="installed spaCy pipeline to use, e.g. en_core_web_md (default: %(default)s)")
    p.add_argument("--published", metavar="YYYY-MM-DD",
                   help="publication date for articles whose input gives none (anchors relative dates)")
    p.add_argument("--format", choices=["both", "parquet"], default="both",
                   help="'both': Parquet datasets and CSV exports; 'parquet': skip the CSV exports (Parquet is "
                   "always written: it is the incremental store) (default: both)")
    p.add_argument("--full", action="store_true", help="reprocess every article, changed or not")
    p.add_argument("--retry-errors", action="store_true",
                   help="also reprocess unchanged articles whose last attempt failed")
    p.add_argument("--prune", action="store_true", help="remove the rows of articles whose input is gone")
    p.add_argument("--workers", type=int, default=1, help="processes to use (default: 1)")
    p.add_argument("--executor", choices=["local", "dask"], default="local",
                   help="'dask' runs on a Dask distributed cluster (default: local)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a LocalCluster of --workers)")
    p.add_argument("--max-mb", type=float, default=Settings.max_bytes / 1e6,
                   help="inputs larger than this many megabytes are reported as errors (default: %(default)s)")
    p.add_argument("--batch-size", type=int, default=Options.batch_size,
                   help="documents per spaCy nlp.pipe batch (default: %(default)s)")
    p.add_argument("--batch-tokens", type=int, default=Options.batch_tokens,
                   help="tokens per spaCy nlp.pipe batch, which bounds the model's memory; a longer article "
                        "is a batch of its own (default: %(default)s)")
    p.add_argument("--chunk-size", type=int, default=Options.chunk_size,
                   help="articles per task handed to a worker (default: %(default)s)")
    p.add_argument("--part-size", type=int, default=Options.part_size,
                   help="articles per Parquet part; each part is committed on its own (default: %(default)s)")
    p.add_argument("--wait", action="store_true", help="wait for a concurrent run to finish instead of exiting")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="read symbolic links that lead out of the input folders (default: skip them)")
    p.add_argument("--worker-timeout", type=float, default=Options.worker_timeout, metavar="SECONDS",
                   help="stop with exit code 2 when a Dask run has had no worker for this long (default: %(default)s)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress report: neither the bar (at a terminal) nor the progress log lines (otherwise)")
    p.set_defaults(func=_cmd_run)


def _usage_problem(args) -> str | None:
    """Return one line saying what to change when the options of `run` cannot work, before anything is created."""
    if args.published and not _is_iso_date(args.published):
        return f"--published {args.published!r} is not a date: give it as YYYY-MM-DD, e.g. 2024-05-01"
    for name in ("workers", "batch_size", "batch_tokens", "chunk_size", "part_size"):
        if getattr(args, name) < 1:
            return f"--{name.replace('_', '-')} must be at least 1"
    if not (math.isfinite(args.max_mb) and args.max_mb > 0):
        return f"--max-mb must be a positive number of megabytes, e.g. 10 (got {args.max_mb})"
    if not (math.isfinite(args.worker_timeout) and args.worker_timeout > 0):
        return f"--worker-timeout must be a positive number of seconds, e.g. 60 (got {args.worker_timeout})"
    if args.scheduler and args.executor != "dask":
        return "--scheduler needs --executor dask (add it, or drop --scheduler to run on this machine)"
    return (preflight.check_inputs(args.inputs) or preflight.check_out(args.out) or preflight.check_readers()
            or preflight.check_model(args.model)
            or (preflight.check_scheduler(args.scheduler) if args.scheduler else None))


def _is_iso_date(text: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _cmd_run(args) -> int:
    problem = _usage_problem(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings(model=args.model, published=args.published, max_bytes=int(args.max_mb * 1e6))
    # A bar for a person at a terminal; log lines for a job whose output goes to a file.
    progress = "off" if args.no_progress else "bar" if sys.stderr.isatty() else "log"
    options = Options(full=args.full, prune=args.prune, retry_errors=args.retry_errors, workers=args.workers, executor=args.executor,
                      scheduler=args.scheduler, csv=args.format != "parquet", batch_size=args.batch_size,
                      batch_tokens=args.batch_tokens, chunk_size=args.chunk_size, part_size=args.part_size,
                      progress=progress, wait=args.wait, follow_symlinks=args.follow_symlinks,
                      worker_timeout=args.worker_timeout)
    # A run builds its tables from Python lists and never needs pandas: keep pyarrow from loading it (~50 MB).
    without_pandas()
    try:
        summary = run(args.inputs, args.out, settings, options)
    except Busy as exc:
        print(f"busy: {exc}", file=sys.stderr)
        return EXIT_BUSY
    except (FileNotFoundError, RuntimeError, preflight.SetupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for article_id, error in summary.failures:
        print(f"failed: {article_id}: {error}", file=sys.stderr)
    print(summary.line(), flush=True)
    return summary.exit_code


def _lazy(module: str):
    """Return a handler that imports `pipeline.<module>` only when its command runs (keeps start-up fast)."""
    return lambda args: importlib.import_module(f"pipeline.{module}").main(args)


def _evaluate_parser(sub) -> None:
    p = sub.add_parser(
        "evaluate",
        parents=[_common()],
        help="score output tables against gold facts",
        description="Score the tables in --outputs against gold facts (JSON Lines, see docs/gold-format.md): "
        "precision, recall and F1 per fact type, strict and lenient, then each false positive and miss.",
    )
    p.add_argument("gold", type=Path, metavar="GOLD.jsonl", help="gold facts, one article per line")
    p.add_argument("--outputs", type=Path, default=Path("outputs"), help="folder of a run's tables (default: outputs/)")
    p.add_argument("--json", action="store_true", help="print one JSON object with keys strict and lenient")
    p.add_argument("--no-errors", action="store_true", help="print the scores only, not the false positives and misses")
    p.add_argument("--floors", type=Path, metavar="FLOORS.json",
                   help="exit with 1 if a strict F1 (or accuracy) falls below its floor in this JSON file")
    p.set_defaults(func=_lazy("evaluate"))


def _show_parser(sub) -> None:
    p = sub.add_parser(
        "show",
        parents=[_common()],
        help="write an HTML page to review one article's extracted facts",
        description="Write one self-contained HTML page for ARTICLE_ID from the tables in --outputs: the "
        "article text with entities highlighted and quotes marked and linked to their speakers, and the "
        "quotes, relations, dates and entities found, beside their evidence. Prints the page's path.",
    )
    p.add_argument("article_id", metavar="ARTICLE_ID", help="id of the article (the article_id column of the articles table)")
    p.add_argument("--outputs", type=Path, default=Path("outputs"),
                   help="output folder of a `run` holding the tables (default: outputs/)")
    p.add_argument("--html", type=Path, metavar="FILE",
                   help="page to write (default: OUTPUTS/show/<article id, '/' replaced by '__'>.html)")
    p.set_defaults(func=_lazy("show"))


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line saying what is wrong, with exit code 2."""

    def error(self, message):
        self.exit(EXIT_USAGE, f"error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m pipeline", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    _run_parser(sub)
    _evaluate_parser(sub)
    _show_parser(sub)
    return parser


def _configure_logging(verbose: int) -> None:
    level = [logging.WARNING, logging.INFO, logging.DEBUG][min(verbose, 2)]
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # Progress lines are for unattended runs: shown whenever a run writes them, -v or not.
    logging.getLogger("pipeline.progress").setLevel(logging.INFO)
    if not verbose:
        # Dask logs tens of INFO lines per cluster start, warnings when a run stops mid-task, and on a loaded
        # machine an ERROR with a traceback when a worker's heartbeat finds the scheduler already closed at
        # shutdown, here and in every worker process it spawns (which read this variable); they belong to -v. A
        # task's own failure still reaches the run as an exception and is reported as the run's error.
        os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "critical")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else 0
    _configure_logging(args.verbose)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        # Committed parts stay; a run's unfinished work is found and done by the next run.
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`| head`): nothing to report to it. Point stdout at /dev/null
        # so that the interpreter's final flush does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a scheduled job needs a one-line reason and a distinct code, not a traceback
        logging.getLogger("pipeline").debug("unexpected error", exc_info=True)
        print(f"error: {type(exc).__name__}: {exc} (run with -vv for the traceback)", file=sys.stderr)
        return EXIT_UNEXPECTED
