"""The unit of work every executor runs: a batch of articles in, table rows out.

The same function runs in the main process, in a local process pool and on Dask workers; each process
builds the spaCy pipeline once and keeps it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Optional

from .readers import Article
from .tables import article_row, doc_rows

log = logging.getLogger(__name__)

_NLP = {}


@dataclass(frozen=True)
class Result:
    """The rows of one article: its `articles` row and its fact rows by table."""

    article: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.article["status"] == "ok"


def get_nlp(model: str):
    """Return the pipeline for `model`, built once per process."""
    if model not in _NLP:
        from .nlp import build_nlp

        _NLP[model] = build_nlp(model)
    return _NLP[model]


def process_batch(articles: list[Article], model: str, version: str, processed_at: str,
                  batch_size: int = 32) -> list[Result]:
    """Return one `Result` per article, in input order; a failure costs only its own article."""
    nlp = get_nlp(model)
    failures: dict[str, str] = {}

    def on_error(name, _proc, docs, exc):
        for doc in docs:
            failures[doc._.article_id] = f"stage {name} failed: {type(exc).__name__}: {exc}"
        log.warning("stage %s failed on %s: %s", name, [d._.article_id for d in docs], exc)

    # Our components (plain Python) report failures here; the doc is then dropped from the stream.
    nlp.default_error_handler = on_error
    docs = []
    for article in articles:
        if not article.ok:
            continue
        try:
            doc = nlp.make_doc(article.text)
        except ValueError as exc:  # e.g. longer than nlp.max_length
            failures[article.article_id] = f"cannot tokenise: {exc}".split("\n")[0]
            continue
        doc._.article_id = article.article_id
        doc._.published = article.published
        doc._.title = article.title
        docs.append(doc)
    done = {doc._.article_id: doc for doc in nlp.pipe(docs, batch_size=batch_size)}
    results = []
    for article in articles:
        doc: Optional[object] = done.get(article.article_id)
        if article.ok and doc is not None and article.article_id not in failures:
            row = article_row(article, version, processed_at)
            results.append(Result(row, doc_rows(article.article_id, doc)))
        else:
            error = failures.get(article.article_id, "processing failed") if article.ok else None
            results.append(Result(article_row(article, version, processed_at, error)))
    return results
