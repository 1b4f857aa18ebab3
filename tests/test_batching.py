"""Grouping documents into model batches: bounded by documents and tokens, in order, nothing lost."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pipeline.batching import Batching, batches


def _docs(lengths):
    # Anything with a length stands in for a Doc: `batches` only counts tokens with len().
    return [[i] * n for i, n in enumerate(lengths)]


@given(st.lists(st.integers(0, 60), max_size=40), st.integers(1, 8), st.integers(1, 100))
def test_batches_respect_both_caps_keep_order_and_are_full(lengths, docs, tokens):
    batching = Batching(docs=docs, tokens=tokens)
    items = _docs(lengths)
    groups = list(batches(iter(items), batching))
    assert [doc for group in groups for doc in group] == items
    for group in groups:
        assert 1 <= len(group) <= docs
        assert len(group) == 1 or sum(map(len, group)) <= tokens
    # No batch ends early: the next document would have broken one of the caps.
    for group, following in zip(groups, groups[1:]):
        assert len(group) == docs or sum(map(len, group)) + len(following[0]) > tokens


def test_a_long_document_is_a_batch_of_its_own():
    groups = list(batches(_docs([10, 10, 500, 10, 10]), Batching(docs=32, tokens=100)))
    assert [[len(d) for d in g] for g in groups] == [[10, 10], [500], [10, 10]]
