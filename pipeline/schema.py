"""The output tables: their names, columns and Arrow types. Every writer and reader uses this module.

The column names are a contract with users: columns may be added, never renamed.
"""
from __future__ import annotations

import sys

import pyarrow as pa

TABLES: dict[str, pa.Schema] = {
    "articles": pa.schema(
        [
            ("article_id", pa.string()),
            ("source", pa.string()),
            ("title", pa.string()),
            ("published", pa.string()),
            ("text", pa.string()),
            ("sha256", pa.string()),
            ("n_words", pa.int64()),
            ("status", pa.string()),
            ("error", pa.string()),
            ("pipeline_version", pa.string()),
            ("processed_at", pa.string()),
        ]
    ),
    "entities": pa.schema(
        [
            ("article_id", pa.string()),
            ("entity_id", pa.string()),
            ("name", pa.string()),
            ("label", pa.string()),
            ("n_mentions", pa.int64()),
        ]
    ),
    "mentions": pa.schema(
        [
            ("article_id", pa.string()),
            ("entity_id", pa.string()),
            ("text", pa.string()),
            ("label", pa.string()),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("sentence", pa.string()),
            ("kind", pa.string()),
            ("ner_label", pa.string()),
        ]
    ),
    "relations": pa.schema(
        [
            ("article_id", pa.string()),
            ("relation", pa.string()),
            ("subject", pa.string()),
            ("object", pa.string()),
            ("work", pa.string()),
            ("credit", pa.string()),
            ("evidence", pa.string()),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("rule", pa.string()),
            ("confidence", pa.float64()),
            ("subject_id", pa.string()),
        ]
    ),
    "quotes": pa.schema(
        [
            ("article_id", pa.string()),
            ("quote_id", pa.string()),
            ("text", pa.string()),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("speaker", pa.string()),
            ("speaker_text", pa.string()),
            ("cue", pa.string()),
            ("outlet", pa.string()),
            ("method", pa.string()),
            ("confidence", pa.float64()),
            ("speaker_id", pa.string()),
            ("evidence", pa.string()),
            ("rule", pa.string()),
        ]
    ),
    "dates": pa.schema(
        [
            ("article_id", pa.string()),
            ("text", pa.string()),
            ("start_char", pa.int64()),
            ("end_char", pa.int64()),
            ("type", pa.string()),
            ("value", pa.string()),
            ("start", pa.string()),
            ("end", pa.string()),
            ("granularity", pa.string()),
            ("mod", pa.string()),
            ("quant", pa.string()),
            ("freq", pa.string()),
            ("relative", pa.bool_()),
            ("anchor", pa.string()),
            ("evidence", pa.string()),
            ("rule", pa.string()),
        ]
    ),
}

TABLE_NAMES = tuple(TABLES)

# Rows of every table are ordered by these columns, so two runs over the same input give equal files.
SORT_KEYS: dict[str, list[str]] = {
    "articles": ["article_id"],
    "entities": ["article_id", "entity_id"],
    "mentions": ["article_id", "start_char", "end_char"],
    "relations": ["article_id", "start_char", "relation", "subject", "object"],
    "quotes": ["article_id", "start_char"],
    "dates": ["article_id", "start_char"],
}


def columns(table: str) -> list[str]:
    """Return the column names of `table` in schema order."""
    return TABLES[table].names


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Return `rows` as an Arrow table with the schema of `table` (typed even when empty)."""
    schema = TABLES[table]
    data = {name: [row.get(name) for row in rows] for name in schema.names}
    return pa.Table.from_pydict(data, schema=schema)


_PANDAS_CHECKED = False


def without_pandas() -> None:
    """Keep pyarrow from importing pandas (about 50 MB resident) in a process that never uses it.

    pyarrow asks once per process whether pandas is importable, to recognise pandas objects, and imports it
    to find out as soon as an array is built from Python values (`pa.array`, compute functions given Python
    scalars). The batch job builds its tables from lists only, so where pandas is not loaded yet that first
    question is answered "no". pyarrow tries the import again whenever pandas is really needed
    (`Table.to_pandas`), so code that uses pandas later in the same process still works.
    """
    global _PANDAS_CHECKED
    if _PANDAS_CHECKED:
        return
    _PANDAS_CHECKED = True
    if "pandas" in sys.modules:
        return
    blocker = _NoPandas()
    sys.meta_path.insert(0, blocker)
    try:
        pa.array([], type=pa.int64())
    finally:
        sys.meta_path.remove(blocker)


class _NoPandas:
    """An import finder under which `import pandas` fails, as if pandas were not installed."""

    @staticmethod
    def find_spec(name, path=None, target=None):
        if name == "pandas":
            raise ModuleNotFoundError("pandas is not needed here", name=name)
        return None
