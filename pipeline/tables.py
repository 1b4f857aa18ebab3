"""Turns processed articles into rows of the output tables defined in `pipeline.schema`."""
from __future__ import annotations

from collections import Counter
from dataclasses import fields
from functools import lru_cache

from spacy.tokens import Doc

from .readers import Article, clip_error
from .schema import columns

# An article that failed has no facts pointing into its text: keep enough of it to recognise the article.
MAX_ERROR_TEXT_CHARS = 10_000


def article_row(article: Article, version: str, processed_at: str, error: str | None = None) -> dict:
    """Return the `articles` row of `article`; `error` overrides the reader's own."""
    error = error or article.error
    error = clip_error(error) if error else None
    text = article.text[:MAX_ERROR_TEXT_CHARS] if error else article.text
    return {
        "article_id": article.article_id,
        "source": article.source,
        "title": article.title,
        "published": article.published,
        "text": text if text else None,
        "sha256": article.sha256,
        "n_words": len(article.text.split()) if article.text else 0,
        "status": "error" if error else "ok",
        "error": error,
        "pipeline_version": version,
        "processed_at": processed_at,
    }


@lru_cache(maxsize=None)
def _shared_fields(table: str, record_type: type) -> tuple[str, ...]:
    """The fields of `record_type` that are columns of `table`."""
    keep = set(columns(table))
    return tuple(f.name for f in fields(record_type) if f.name in keep)


def _records(article_id: str, table: str, records) -> list[dict]:
    # The records are flat (text, numbers, flags), so reading the fields directly equals `dataclasses.asdict`.
    rows = []
    for record in records or []:
        row = {name: getattr(record, name) for name in _shared_fields(table, type(record))}
        row["article_id"] = article_id
        rows.append(row)
    return rows


def doc_rows(article_id: str, doc: Doc) -> dict[str, list[dict]]:
    """Return the fact rows of one processed article, keyed by table name (without `articles`)."""
    counts = Counter(m.entity_id for m in doc._.mentions or [])
    rows = {
        "entities": [
            {"article_id": article_id, "entity_id": e.entity_id, "name": e.name, "label": e.label,
             "n_mentions": counts[e.entity_id]}
            for e in doc._.entities or []
        ],
        "mentions": _records(article_id, "mentions", doc._.mentions),
        "relations": _records(article_id, "relations", doc._.relations),
        "quotes": _records(article_id, "quotes", doc._.quotes),
        "dates": _records(article_id, "dates", doc._.dates),
    }
    return rows
