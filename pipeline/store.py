"""The output folder: Parquet dataset tables, their CSV exports, and the SQLite state store.

Layout of DIR:
- `<table>.parquet/part-NNNNNN.parquet` — one part per write; `pandas.read_parquet(DIR/<table>.parquet)` reads a table.
- `<table>.csv` — regenerated from the Parquet parts after each run that changed something.
- `state.sqlite` — each article's content hash, pipeline version, settings hash and the part holding its
  rows; the manifest of live parts; whether the CSV exports are behind the Parquet tables.

Crash safety: a new part is written to `<table>.parquet/.staging/` (hidden from Parquet readers) under a
temporary name, fsynced and renamed; the state store then registers it in one transaction, and only after
that is it moved into place and are the parts it replaces deleted. `recover()`, run by the next writer,
finishes those moves for registered parts and deletes everything unregistered, so the next run starts from
exactly the committed tables.

Damage: `recover()` first checks that the state store describes the parts on disk. A state store that is
missing, emptied, unreadable or older than the parts is rebuilt from the parts (their `articles` rows carry
each article's id, source, hash and status), never used to delete them. A part that cannot be read (missing
or truncated file) is moved to `DIR/quarantine/` and its articles forgotten, so that the run processes
them again from their inputs.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .schema import SORT_KEYS, TABLE_NAMES, TABLES

log = logging.getLogger(__name__)

STATE_FILE = "state.sqlite"
QUARANTINE_DIR = "quarantine"
_PART_NAME = re.compile(r"part-(\d+)")
_SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    article_id TEXT PRIMARY KEY, source TEXT, sha256 TEXT, version TEXT, settings TEXT,
    status TEXT, part TEXT, processed_at TEXT
);
CREATE TABLE IF NOT EXISTS parts (name TEXT PRIMARY KEY, n_articles INTEGER);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
"""
# Characters that make a spreadsheet read a cell as a formula (OWASP CSV injection guidance).
_FORMULA_PATTERN = r"^[=+\-@\t\r]"


@dataclass(frozen=True)
class Known:
    """What the state store remembers of one article."""

    sha256: str
    version: str
    settings: str
    status: str
    part: Optional[str]


class DamagedPart(Exception):
    """A part of the tables cannot be read (missing, truncated or corrupt file)."""

    def __init__(self, part: str, path: Path, reason: str):
        super().__init__(f"cannot read {path}: {reason}")
        self.part = part


@dataclass
class Repairs:
    """What `Store.recover` had to repair: a rebuilt state store, quarantined parts and their articles."""

    rebuilt: Optional[str] = None  # why the state store was rebuilt
    quarantined: dict = field(default_factory=dict)  # part -> (reason, article ids it held)


def fsync_dir(path: Path) -> None:
    """Flush a folder's entries to disk, so that a rename in it survives a power loss."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write) -> None:
    """Write a file through `write(tmp_path)`, fsync it and rename it over `path`."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        write(tmp)
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()
    fsync_dir(path.parent)


class Store:
    """The tables and state of one output folder. Use as a context manager."""

    def __init__(self, root: Path | str):
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.unreadable_state: Optional[str] = None
        try:
            self.db = self._connect()
        except sqlite3.DatabaseError as exc:
            # Not a database any more: keep it aside for inspection; `recover` rebuilds the state from the parts.
            aside = self.root / f"{STATE_FILE}.damaged-{_now()}"
            os.replace(self.root / STATE_FILE, aside)
            for suffix in ("-wal", "-shm"):
                (self.root / f"{STATE_FILE}{suffix}").unlink(missing_ok=True)
            self.unreadable_state = f"{STATE_FILE} could not be read ({exc}); it was moved to {aside.name}"
            self.db = self._connect()
        for table in TABLE_NAMES:
            self.table_dir(table).mkdir(exist_ok=True)

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.root / STATE_FILE, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")
            db.executescript(_SCHEMA)
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.db.close()

    # -- state -------------------------------------------------------------------------------------

    def known(self) -> dict[str, Known]:
        """Return what the store remembers of every processed article, by article id."""
        rows = self.db.execute("SELECT article_id, sha256, version, settings, status, part FROM articles")
        return {r[0]: Known(*r[1:]) for r in rows}

    def live_parts(self) -> set[str]:
        """Return the names of the parts the manifest lists."""
        return {r[0] for r in self.db.execute("SELECT name FROM parts")}

    def table_dir(self, table: str) -> Path:
        return self.root / f"{table}.parquet"

    def part_path(self, table: str, part: str) -> Path:
        """Return where a published part of `table` lives."""
        return self.table_dir(table) / f"{part}.parquet"

    def staged_path(self, table: str, part: str) -> Path:
        """Return where a part of `table` waits until the state store has registered it."""
        return self.table_dir(table) / ".staging" / f"{part}.parquet"

    def csv_stale(self) -> bool:
        """Return True when the CSV exports may be behind the Parquet tables."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'csv_stale'").fetchone()
        return row is None or row[0] == "1"

    def new_part_name(self) -> str:
        """Return an unused part name; names increase, so parts sort in write order."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'next_part'").fetchone()
        number = int(row[0]) if row else 0
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('next_part', ?)", (str(number + 1),))
        return f"part-{number:06d}"

    def recover(self) -> Repairs:
        """Bring the folder back to its committed tables; return what had to be repaired on the way.

        Rebuilds the state store from the parts when it does not describe them, quarantines the parts that
        cannot be read, and deletes the part files the manifest does not list (left by a killed run) and stray
        temporary files. Only a writer holding the output folder's lock may call this.
        """
        repairs = Repairs()
        reason = self.unreadable_state or self._state_mismatch()
        if reason:
            log.warning("the state store does not describe the tables (%s): rebuilding it from the parts", reason)
            repairs.rebuilt = reason
            self._rebuild(repairs)
        live = self.live_parts()
        for table in TABLE_NAMES:
            staging = self.table_dir(table) / ".staging"
            if staging.is_dir():
                for path in staging.iterdir():
                    if path.suffix == ".parquet" and path.stem in live:
                        os.replace(path, self.part_path(table, path.stem))
                    else:
                        path.unlink()
            for path in self.table_dir(table).iterdir():
                if path.is_file() and (path.name.startswith(".") or path.stem not in live):
                    path.unlink()
        for path in self.root.glob(".*.tmp-*"):
            path.unlink()
        for part in sorted(live):
            problem = self._part_problem(part)
            if problem:
                self.quarantine(part, problem, repairs)
        return repairs

    def _on_disk(self) -> set[str]:
        """Return the names of the published part files in any table folder."""
        return {p.stem for t in TABLE_NAMES for p in self.table_dir(t).glob("part-*.parquet")}

    def _next_part_number(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'next_part'").fetchone()
        return int(row[0]) if row else 0

    def _state_mismatch(self) -> Optional[str]:
        """Return why the state store does not describe the published parts, or None when it does."""
        on_disk = self._on_disk()
        if not on_disk:
            return None
        live = self.live_parts()
        if not live:
            return f"{len(on_disk)} parts on disk but none registered (state store missing or emptied)"
        # Names increase, so an unregistered part numbered at or above the counter is newer than the state.
        newer = [p for p in on_disk - live if _part_number(p) >= self._next_part_number()]
        if newer:
            return f"parts newer than the state store: {', '.join(sorted(newer)[:5])}"
        listed = self.db.execute("SELECT coalesce(sum(n_articles), 0) FROM parts").fetchone()[0]
        known = self.db.execute("SELECT count(*) FROM articles WHERE part IN (SELECT name FROM parts)").fetchone()[0]
        if listed != known:
            return f"the parts hold {listed} articles, the state store knows {known}"
        return None

    def _part_problem(self, part: str, articles: Optional[int] = None) -> Optional[str]:
        """Return why `part` cannot be read (a table's file missing, truncated or not Parquet), or None."""
        if articles is None:
            row = self.db.execute("SELECT n_articles FROM parts WHERE name = ?", (part,)).fetchone()
            articles = row[0] if row else None
        for table in TABLE_NAMES:
            path = self.part_path(table, part)
            try:
                problem = _parquet_problem(path)
                if problem is None and table == "articles":
                    rows = pq.read_metadata(path).num_rows
                    if articles is not None and rows != articles:
                        problem = f"it holds {rows} articles, {articles} were written"
            except PermissionError:
                raise  # not damage: the user must fix the permissions
            except FileNotFoundError:
                problem = "the file is missing"
            except (pa.ArrowException, OSError) as exc:
                problem = str(exc)
            if problem:
                return f"{path}: {problem}"
        return None

    def quarantine(self, part: str, reason: str, repairs: Repairs, ids: Optional[list[str]] = None) -> None:
        """Move the files of a damaged part to `DIR/quarantine/` and forget it and its articles (`ids`, by
        default those the state store places in it)."""
        if ids is None:
            ids = [r[0] for r in self.db.execute("SELECT article_id FROM articles WHERE part = ?", (part,))]
        target = self.root / QUARANTINE_DIR / f"{_now()}-{part}"
        target.mkdir(parents=True, exist_ok=True)
        for table in TABLE_NAMES:
            path = self.part_path(table, part)
            if path.exists():
                os.replace(path, target / f"{table}.parquet")
        with self._transaction():
            self.db.execute("DELETE FROM parts WHERE name = ?", (part,))
            self.db.execute("DELETE FROM articles WHERE part = ?", (part,))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('csv_stale', '1')")
        log.warning("part %s is damaged (%s): moved to %s; its %d articles will be processed again",
                    part, reason, target, len(ids))
        repairs.quarantined[part] = (reason, ids)

    def _rebuild(self, repairs: Repairs) -> None:
        """Register every readable part on disk again; where two parts hold an article, the newer one wins.

        The settings each article was processed with are not in the parts, so they are recorded as unknown:
        articles whose input still exists are processed again (giving the same rows), the others keep theirs.
        """
        on_disk = sorted(self._on_disk(), key=_part_number)
        next_number = max([self._next_part_number(), *(_part_number(p) + 1 for p in on_disk)])
        with self._transaction():
            self.db.execute("DELETE FROM parts")
            self.db.execute("DELETE FROM articles")
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('next_part', ?)", (str(next_number),))
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('csv_stale', '1')")
        for table in TABLE_NAMES:
            staging = self.table_dir(table) / ".staging"
            if staging.is_dir():
                for path in staging.iterdir():
                    path.unlink()
        held: dict[str, list[tuple]] = {}
        for part in on_disk:
            problem = self._part_problem(part, articles=None)
            if problem is None:
                try:
                    rows = self.read_part("articles", part).select(
                        ["article_id", "source", "sha256", "pipeline_version", "status", "processed_at"]).to_pylist()
                except DamagedPart as exc:
                    problem = str(exc)
            if problem:
                try:  # the articles of the part, when only another table is damaged
                    ids = self.read_part("articles", part)["article_id"].to_pylist()
                except DamagedPart:
                    ids = []
                self.quarantine(part, problem, repairs, ids)
                continue
            held[part] = [(r["article_id"], r["source"], r["sha256"], r["pipeline_version"], "", r["status"], part,
                           r["processed_at"]) for r in rows]
        winner = {row[0]: part for part, rows in held.items() for row in rows}  # parts in write order
        for part, (reason, ids) in repairs.quarantined.items():
            repairs.quarantined[part] = (reason, [i for i in ids if i not in winner])
        with self._transaction():
            self.db.executemany("INSERT INTO parts VALUES (?, ?)", [(p, len(rows)) for p, rows in held.items()])
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                [row for part, rows in held.items() for row in rows if winner[row[0]] == part])
        # An older copy of an article (left by a run killed between commit and clean-up) is dropped from its part.
        for part, rows in held.items():
            stale = {row[0] for row in rows if winner[row[0]] != part}
            if not stale:
                continue
            new, kept = self.rewrite_without(part, stale)
            if kept:
                self.commit({new: kept}, [part], [], moves=[(new, part)])
            else:
                self.delete_part_files(new)
                self.commit({}, [part], [])
        log.warning("state store rebuilt from %d parts holding %d articles", len(held), len(winner))

    # -- writing -----------------------------------------------------------------------------------

    def write_part(self, part: str, tables: dict[str, pa.Table]) -> None:
        """Write one part: a Parquet file per table (typed, possibly empty), each atomically."""
        for table in TABLE_NAMES:
            self._stage(table, part, _sorted(table, tables.get(table, TABLES[table].empty_table())))

    def _stage(self, table: str, part: str, data: pa.Table) -> None:
        path = self.staged_path(table, part)
        path.parent.mkdir(exist_ok=True)
        atomic_write(path, lambda tmp: pq.write_table(data, tmp))
        _give_back_memory()

    def read_part(self, table: str, part: str) -> pa.Table:
        """Return the rows of a published part of `table`, in the table's current schema.

        One file read with `ParquetFile`, not `pq.read_table` (whose dataset layer imports pandas); a column the
        part predates comes back as nulls. Read in this thread: a part is small, and memory that Arrow's
        reader threads allocate stays with those threads (tens of MB after a few dozen parts).
        """
        schema = TABLES[table]
        path = self.part_path(table, part)
        try:
            with pq.ParquetFile(path, pre_buffer=False) as handle:
                data = handle.read(use_threads=False)
            arrays = [
                data[field.name].cast(field.type) if field.name in data.column_names else pa.nulls(len(data), field.type)
                for field in schema
            ]
        except PermissionError:
            raise  # not damage: the user must fix the permissions
        except (pa.ArrowException, OSError) as exc:
            raise DamagedPart(part, path, str(exc)) from exc
        return pa.Table.from_arrays(arrays, schema=schema)

    def commit(
        self,
        new_parts: dict[str, int],
        dropped_parts: Iterable[str],
        articles: Iterable[tuple],
        moves: Iterable[tuple[str, str]] = (),
        removed: Iterable[str] = (),
    ) -> None:
        """Record, in one transaction, the parts written and dropped and the articles they now hold.

        `articles` holds `(article_id, source, sha256, version, settings, status, part, processed_at)`;
        `moves` holds `(new_part, old_part)` for articles whose rows were copied to a new part.
        """
        dropped = list(dropped_parts)
        with self._transaction():
            self.db.executemany("INSERT OR REPLACE INTO parts VALUES (?, ?)", new_parts.items())
            self.db.executemany("DELETE FROM parts WHERE name = ?", [(p,) for p in dropped])
            self.db.executemany("UPDATE articles SET part = ? WHERE part = ?", list(moves))
            self.db.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articles)
            self.db.executemany("DELETE FROM articles WHERE article_id = ?", [(a,) for a in removed])
            self.db.execute("INSERT OR REPLACE INTO meta VALUES ('csv_stale', '1')")
        for table in TABLE_NAMES:
            for part in new_parts:
                os.replace(self.staged_path(table, part), self.part_path(table, part))
            fsync_dir(self.table_dir(table))
        for part in dropped:
            self.delete_part_files(part)

    def delete_part_files(self, part: str) -> None:
        """Delete the files of `part`, published or staged, in every table."""
        for table in TABLE_NAMES:
            self.part_path(table, part).unlink(missing_ok=True)
            self.staged_path(table, part).unlink(missing_ok=True)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def parts_of(self, article_ids: Iterable[str]) -> dict[str, str]:
        """Return the live part holding the rows of each of `article_ids` that has one."""
        ids = list(article_ids)
        found = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            query = f"SELECT article_id, part FROM articles WHERE article_id IN ({marks}) AND part IN (SELECT name FROM parts)"
            found.update(self.db.execute(query, chunk).fetchall())
        return found

    def small_parts(self, below: int) -> list[str]:
        """Return the live parts holding fewer than `below` articles, oldest first."""
        rows = self.db.execute("SELECT name FROM parts WHERE n_articles < ? ORDER BY name", (below,))
        return [r[0] for r in rows]

    def rewrite_without(self, part: str, article_ids: set[str]) -> tuple[str, int]:
        """Write a copy of `part` without the rows of `article_ids`; return (new part name, articles kept)."""
        drop = pa.array(sorted(article_ids), pa.string())
        new = self.new_part_name()
        kept = 0
        for table in TABLE_NAMES:
            data = self.read_part(table, part)
            data = data.filter(pc.invert(pc.is_in(data["article_id"], value_set=drop)))
            if table == "articles":
                kept = data.num_rows
            self._stage(table, new, data)
        return new, kept

    def merge(self, parts: list[str]) -> tuple[str, int]:
        """Write one part holding the rows of all `parts`; return (new part name, articles in it)."""
        new = self.new_part_name()
        kept = 0
        for table in TABLE_NAMES:
            data = _sorted(table, pa.concat_tables([self.read_part(table, p) for p in parts]))
            if table == "articles":
                kept = data.num_rows
            self._stage(table, new, data)
        return new, kept

    # -- reading and export ------------------------------------------------------------------------

    def export_csv(self, tables: Iterable[str] = TABLE_NAMES) -> None:
        """Regenerate `<table>.csv` from the Parquet parts, part by part, with formula-like cells neutralised."""
        parts = sorted(self.live_parts())
        for table in tables:
            def write(tmp, table=table):
                with pa_csv.CSVWriter(str(tmp), TABLES[table]) as writer:
                    for part in parts:
                        writer.write_table(neutralise_formulas(self.read_part(table, part)))
                        _give_back_memory()

            atomic_write(self.root / f"{table}.csv", write)
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('csv_stale', '0')")


def _parquet_problem(path: Path) -> Optional[str]:
    """Return why `path` is not a whole Parquet file (too short, or its footer is cut off), or None.

    Reads 8 bytes: a Parquet file ends with its footer's length and the magic bytes `PAR1`, which a truncated
    file has lost.
    """
    with open(path, "rb") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size < 12:
            return f"truncated ({size} bytes)"
        handle.seek(size - 8)
        tail = handle.read(8)
    footer = int.from_bytes(tail[:4], "little")
    if tail[4:] != b"PAR1" or footer + 12 > size:
        return "truncated or not Parquet (no footer at its end)"
    return None


def _part_number(part: str) -> int:
    match = _PART_NAME.fullmatch(part)
    return int(match.group(1)) if match else -1


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S.%fZ")


def _give_back_memory() -> None:
    """Return the memory Arrow's allocator keeps after a part is written or read.

    Its default allocator (mimalloc) holds freed memory for reuse; a batch process that writes a part now and
    then would otherwise keep the peak of every write on top of the model's memory for the rest of the run.
    """
    pa.default_memory_pool().release_unused()


def neutralise_formulas(data: pa.Table) -> pa.Table:
    """Return `data` with every text cell a spreadsheet would run as a formula prefixed with `'`."""
    # Typed scalars: for a bare Python string pyarrow would infer the type, and that imports pandas.
    quote, empty = pa.scalar("'", pa.string()), pa.scalar("", pa.string())
    for i, field in enumerate(data.schema):
        if pa.types.is_string(field.type):
            column = data.column(i)
            risky = pc.match_substring_regex(column, _FORMULA_PATTERN)
            safe = pc.if_else(risky, pc.binary_join_element_wise(quote, column, empty), column)
            data = data.set_column(i, field, safe)
    return data


def _sorted(table: str, data: pa.Table) -> pa.Table:
    if data.num_rows == 0:
        return data
    return data.sort_by([(key, "ascending") for key in SORT_KEYS[table]])
