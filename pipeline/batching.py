"""How documents are grouped into the model's batches (kept free of spaCy so the runner can import it cheaply)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator


@dataclass(frozen=True)
class Batching:
    """How documents are grouped into the model's batches: at most `docs` documents and `tokens` tokens each.

    The model's working memory grows with the tokens of the batch it is running (about 15 kB a token for
    `en_core_web_sm`), so a count of documents alone lets one long article inflate its whole batch. With a
    token cap, memory is bounded by the cap or the longest single document, however long the run; the
    extracted facts do not depend on either setting.
    """

    docs: int = 32
    tokens: int = 12000


def batches(docs: Iterable, batching: Batching) -> Iterator[list]:
    """Group `docs` in order: a new batch starts when `docs` or `tokens` would be exceeded (a longer doc goes alone)."""
    batch: list = []
    tokens = 0
    for doc in docs:
        if batch and (len(batch) == batching.docs or tokens + len(doc) > batching.tokens):
            yield batch
            batch, tokens = [], 0
        batch.append(doc)
        tokens += len(doc)
    if batch:
        yield batch
