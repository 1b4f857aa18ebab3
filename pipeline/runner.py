"""The batch job: find new or changed articles, process them, and commit their rows to the output folder.

Safe to run from cron at any time: a lock keeps runs from overlapping, unchanged articles are skipped
before the spaCy model is even loaded, a changed article replaces its rows, and a killed run leaves the
committed tables intact for the next run to complete.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import signal
import threading
import time
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from importlib import metadata
from pathlib import Path
from typing import Iterable, Iterator, Optional, Sequence

from . import DEFAULT_MODEL, __version__
from .batching import Batching
from .lock import Busy, locked  # noqa: F401 (Busy is part of this module's interface)
from .progress import make_progress
from .readers import DEFAULT_MAX_BYTES, Article, Source, clip_error, discover, scan
from .schema import TABLE_NAMES, to_arrow
from .store import DamagedPart, Repairs, Store

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).parent / "data"
MODELS_DIR = Path(__file__).parent / "models"

EXIT_OK = 0
EXIT_ARTICLES_FAILED = 1
EXIT_USAGE = 2
EXIT_BUSY = 3
EXIT_UNEXPECTED = 4
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command whose reader went away


@dataclass(frozen=True)
class Settings:
    """Everything that changes what the pipeline extracts; a change reprocesses every article."""

    model: str = DEFAULT_MODEL
    published: Optional[str] = None
    max_bytes: int = DEFAULT_MAX_BYTES

    def fingerprint(self) -> str:
        """Return a hash of the settings, the model's version, the rule data files and the shipped trained models."""
        try:
            model_version = metadata.version(self.model)
        except metadata.PackageNotFoundError:
            model_version = "unknown"
        digest = hashlib.sha256()
        # the switch that adds TIMEX3 present/past/future references changes the dates table
        references = os.environ.get("PIPELINE_TIMEX_REFERENCES", "") == "1"
        # and the switch that gives every label but titles to the base model's NER changes the entities
        base_ner = os.environ.get("PIPELINE_BASE_NER", "") == "1"
        digest.update(json.dumps([self.model, model_version, self.published, self.max_bytes, references]
                                 + ([True] if base_ner else [])).encode())
        for path in sorted([*DATA_DIR.rglob("*"), *MODELS_DIR.rglob("*")]):
            if path.is_file():
                digest.update(path.name.encode())
                digest.update(path.read_bytes())
        return digest.hexdigest()[:16]


@dataclass(frozen=True)
class Options:
    """How a run goes about its work (none of these changes the extracted facts)."""

    full: bool = False
    retry_errors: bool = False
    prune: bool = False
    workers: int = 1
    executor: str = "local"
    scheduler: Optional[str] = None
    csv: bool = True
    batch_size: int = Batching.docs  # documents per model batch
    batch_tokens: int = Batching.tokens  # tokens per model batch: bounds the model's working memory
    chunk_size: int = 64  # articles per task handed to a worker
    part_size: int = 500  # articles per Parquet part written (and committed) at once
    compact_below: int = 200  # parts with fewer articles are merged once there are many of them
    max_parts: int = 32
    progress: str = "off"  # bar (a terminal) | log (a line per chunk and at least every 30 s) | off
    wait: bool = False
    follow_symlinks: bool = False  # read links leading out of the input folders
    worker_timeout: float = 60.0  # seconds a Dask run waits for a worker before giving up


@dataclass
class Summary:
    """What a run did: article counts, facts written per table, failures and duration."""

    processed: int = 0
    failed: int = 0
    skipped: int = 0
    pruned: int = 0
    facts: dict = field(default_factory=lambda: {t: 0 for t in TABLE_NAMES if t != "articles"})
    seconds: float = 0.0
    failures: list = field(default_factory=list)
    repairs: Repairs = field(default_factory=Repairs)
    lost: list = field(default_factory=list)  # articles of a damaged part whose input is gone

    def line(self) -> str:
        """Return the run's one summary line: article counts, rows added per table, duration."""
        # Rows added, not table sizes: a run with nothing new adds nothing to tables that may be full.
        added = ("new rows: " + ", ".join(f"{n} {t}" for t, n in self.facts.items())) if self.processed else "no new rows"
        return (
            f"run: {self.processed - self.failed} articles ok, {self.failed} failed, {self.skipped} unchanged, "
            f"{self.pruned} pruned; {added}; {self.seconds:.1f} s"
        )

    @property
    def exit_code(self) -> int:
        return EXIT_ARTICLES_FAILED if self.failed or self.lost else EXIT_OK


@contextmanager
def _exit_on_sigterm() -> Iterator[None]:
    """Turn SIGTERM into SystemExit(143), so a terminated run unwinds: workers stopped, lock released."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum, _frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def find_sources(inputs: Sequence[Path | str], max_bytes: int, follow_symlinks: bool = False) -> Iterator[Source]:
    """Yield every article source in `inputs`; a repeated article id becomes an error source."""
    seen: dict[str, str] = {}
    for path, article_id in discover(inputs, follow_symlinks):
        for source in scan(path, article_id, max_bytes):
            if source.article_id in seen:
                first = seen[source.article_id]
                article = Article(source.article_id, source.source, sha256=source.sha256,
                                  error=f"duplicate article id {source.article_id!r}: also read from {first}")
                log.warning(clip_error(article.error))
                # The first source keeps the id; this one is reported, not stored.
                yield Source(f"{source.article_id}@{source.source}", source.source, source.sha256,
                             lambda article=article: replace(article, article_id=f"{article.article_id}@{article.source}"))
                continue
            seen[source.article_id] = source.source
            yield source


def run(inputs: Sequence[Path | str], out: Path | str, settings: Settings = Settings(),
        options: Options = Options()) -> Summary:
    """Process the new and changed articles in `inputs` into the tables in `out`; return what was done."""
    started = time.perf_counter()
    out = Path(out)
    repairs = Repairs()
    with _exit_on_sigterm():
        while True:
            try:
                summary = _run(inputs, out, settings, options, repairs)
                break
            except DamagedPart as exc:
                # A part that passed the checks at start failed to read: set it aside and start over; what
                # this attempt committed is kept, and the part's articles are processed again.
                with locked(out, options.wait), Store(out) as store:
                    if exc.part not in store.live_parts():
                        raise
                    store.quarantine(exc.part, str(exc), repairs)
    summary.seconds = time.perf_counter() - started
    return summary


def _run(inputs: Sequence[Path | str], out: Path, settings: Settings, options: Options, repairs: Repairs) -> Summary:
    with locked(out, options.wait), Store(out) as store:
        found = store.recover()
        repairs.rebuilt = repairs.rebuilt or found.rebuilt
        repairs.quarantined.update(found.quarantined)
        summary = Summary(repairs=repairs)
        fingerprint = settings.fingerprint()
        known = store.known()
        todo: list[Source] = []
        seen: set[str] = set()
        for source in find_sources(inputs, settings.max_bytes, options.follow_symlinks):
            seen.add(source.article_id)
            state = known.get(source.article_id)
            unchanged = (
                state is not None
                and state.sha256 == source.sha256
                and state.version == __version__
                and state.settings == fingerprint
            )
            retry = options.retry_errors and state is not None and state.status == "error"
            if unchanged and not options.full and not retry:
                summary.skipped += 1
            else:
                todo.append(source)
        summary.lost = sorted({a for _, ids in repairs.quarantined.values() for a in ids} - seen)
        for article_id in summary.lost:
            log.error("%s: rows lost: its part was damaged and its input is gone", article_id)
        # Articles sharing an old part are replaced together, so a full rerun rewrites each old part once.
        todo.sort(key=lambda s: (known[s.article_id].part or "" if s.article_id in known else "", s.article_id))
        gone = sorted(set(known) - seen) if options.prune else []
        changed = bool(todo or gone)
        if todo:
            _process(store, todo, settings, options, fingerprint, summary)
        if gone:
            _remove(store, gone)
            summary.pruned = len(gone)
        if changed:
            _compact(store, options)
        if options.csv and (store.csv_stale() or not all((out / f"{t}.csv").exists() for t in TABLE_NAMES)):
            store.export_csv()
        elif not options.csv and store.csv_stale():
            # CSVs this run does not regenerate would silently disagree with the Parquet tables.
            for table in TABLE_NAMES:
                (out / f"{table}.csv").unlink(missing_ok=True)
    return summary


def _load(sources: Iterable[Source], published: Optional[str]) -> Iterator[Article]:
    for source in sources:
        article = source.load()
        if published and not article.published and article.ok:
            article = replace(article, published=published)
        yield article


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _process(store: Store, todo: list[Source], settings: Settings, options: Options, fingerprint: str,
             summary: Summary) -> None:
    from .executors import make_executor

    processed_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    # Small runs still spread over every worker: at least four chunks per worker when there is enough work.
    chunk_size = max(1, min(options.chunk_size, -(-len(todo) // (4 * options.workers))))
    chunks = _chunks(_load(todo, settings.published), chunk_size)
    batch = _Batch()
    with make_progress(len(todo), options.progress) as progress, make_executor(options, settings.model) as executor:
        for results in executor.map(chunks, __version__, processed_at, Batching(options.batch_size, options.batch_tokens)):
            batch.add(results, summary)
            progress.update(len(results))
            if len(batch.states) >= options.part_size:
                batch.commit(store, fingerprint)
                batch = _Batch()
    if batch.states:
        batch.commit(store, fingerprint)


class _Batch:
    """Results waiting to be committed as one part, held as Arrow tables (far smaller than row dicts)."""

    def __init__(self):
        self.tables: dict[str, list] = defaultdict(list)
        self.states: list[tuple] = []

    def add(self, results: list, summary: Summary) -> None:
        rows: dict[str, list[dict]] = defaultdict(list)
        for result in results:
            a = result.article
            rows["articles"].append(a)
            for table, table_rows in result.rows.items():
                rows[table].extend(table_rows)
                summary.facts[table] += len(table_rows)
            self.states.append((a["article_id"], a["source"], a["sha256"], a["pipeline_version"], a["status"],
                                a["processed_at"]))
            summary.processed += 1
            if not result.ok:
                summary.failed += 1
                summary.failures.append((a["article_id"], a["error"]))
                log.debug("%s: %s", a["article_id"], a["error"])
        for table in TABLE_NAMES:
            self.tables[table].append(to_arrow(table, rows.get(table, [])))

    def commit(self, store: Store, fingerprint: str) -> None:
        """Write the batch as a new part, drop the replaced articles' older rows, and record it all."""
        import pyarrow as pa

        part = store.new_part_name()
        store.write_part(part, {table: pa.concat_tables(parts) for table, parts in self.tables.items()})
        replaced = _rewrite_parts(store, {s[0] for s in self.states})
        states = [(aid, source, sha, version, fingerprint, status, part, at)
                  for aid, source, sha, version, status, at in self.states]
        store.commit({part: len(states), **replaced.new_parts}, replaced.dropped, states, moves=replaced.moves)


@dataclass
class _Rewrite:
    new_parts: dict = field(default_factory=dict)
    dropped: list = field(default_factory=list)
    moves: list = field(default_factory=list)


def _rewrite_parts(store: Store, article_ids: set[str]) -> _Rewrite:
    """Write copies of the parts that hold rows of `article_ids`, without those rows."""
    rewrite = _Rewrite()
    by_part: dict[str, set[str]] = defaultdict(set)
    for article_id, part in store.parts_of(article_ids).items():
        by_part[part].add(article_id)
    for old, ids in sorted(by_part.items()):
        new, kept = store.rewrite_without(old, ids)
        rewrite.dropped.append(old)
        if kept:
            rewrite.new_parts[new] = kept
            rewrite.moves.append((new, old))
        else:
            store.delete_part_files(new)
    return rewrite


def _remove(store: Store, article_ids: list[str]) -> None:
    replaced = _rewrite_parts(store, set(article_ids))
    store.commit(replaced.new_parts, replaced.dropped, [], moves=replaced.moves, removed=article_ids)


def _compact(store: Store, options: Options) -> None:
    """Merge small parts once there are more than `max_parts`, so reads stay fast as runs accumulate."""
    small = store.small_parts(options.compact_below)
    if len(store.live_parts()) <= options.max_parts or len(small) < 2:
        return
    new, kept = store.merge(small)
    store.commit({new: kept}, small, [], moves=[(new, old) for old in small])
