"""The unit of work every executor runs: a batch of articles in, table rows out.

The same function runs in the main process, in a local process pool and on Dask workers; each process
builds the spaCy pipeline once and keeps it.
"""
from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from .batching import Batching, batches
from .readers import Article
from .tables import article_row, doc_rows

log = logging.getLogger(__name__)

_NLP = {}
_LOCK = threading.Lock()


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
                  batching: Batching = Batching()) -> list[Result]:
    """Return one `Result` per article, in input order; a failure costs only its own article."""
    # One batch at a time per process: the error handler below is shared by the cached pipeline, and a
    # Dask worker may run several tasks in threads.
    with _LOCK:
        return _process_batch(articles, get_nlp(model), version, processed_at, batching)


def _process_batch(articles: list[Article], nlp, version: str, processed_at: str, batching: Batching) -> list[Result]:
    failures: dict[str, str] = {}

    def on_error(name, _proc, docs, exc):
        for doc in docs:
            failures[doc._.article_id] = f"stage {name} failed: {type(exc).__name__}: {exc}"
        log.warning("stage %s failed on %s: %s", name, [d._.article_id for d in docs], exc)

    # Our components (plain Python) report failures here; the doc is then dropped from the stream.
    nlp.default_error_handler = on_error
    def make(article: Article):
        doc = nlp.make_doc(article.text)
        doc._.text = article.text  # the tokenizer keeps the text verbatim: spares the stages rebuilding it
        doc._.article_id = article.article_id
        doc._.published = article.published
        doc._.title = article.title
        return doc

    def stream():
        for article in articles:
            if not article.ok:
                continue
            try:
                yield make(article)
            except ValueError as exc:  # e.g. longer than nlp.max_length
                failures[article.article_id] = f"cannot tokenise: {exc}".split("\n")[0]

    # Each document becomes table rows as it leaves `nlp.pipe` and is then dropped: only the documents of the
    # batch in flight are held, however large the chunk.
    rows: dict[str, dict] = {}

    def collect(doc) -> None:
        article_id = doc._.article_id
        if article_id in failures:
            return
        try:
            rows[article_id] = doc_rows(article_id, doc)
        except Exception as exc:
            failures[article_id] = f"cannot build table rows: {type(exc).__name__}: {exc}"

    try:
        for batch in batches(stream(), batching):
            for doc in nlp.pipe(batch, batch_size=len(batch)):
                collect(doc)
    except Exception:
        # spaCy's own components raise through `nlp.pipe`: redo the rest one fresh document at a time.
        for article in articles:
            if article.ok and article.article_id not in rows and article.article_id not in failures:
                try:
                    collect(nlp(make(article)))
                except Exception as exc:
                    failures[article.article_id] = f"processing failed: {type(exc).__name__}: {exc}"
    results = []
    for article in articles:
        if article.ok and article.article_id in rows and article.article_id not in failures:
            results.append(Result(article_row(article, version, processed_at), rows[article.article_id]))
            continue
        error = failures.get(article.article_id, "processing failed") if article.ok else None
        results.append(Result(article_row(article, version, processed_at, error)))
    return results


def failed_batch(articles: list[Article], version: str, processed_at: str, error: str) -> list[Result]:
    """Return error results for every article of a batch whose worker died."""
    return [Result(article_row(a, version, processed_at, a.error or error)) for a in articles]
