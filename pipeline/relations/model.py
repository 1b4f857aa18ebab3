"""Model: logistic regressions over binary features, stored as JSON (feature names, weights, thresholds).

The shipped file `pipeline/data/relation_model.json` holds, per candidate kind, the feature vocabulary and one weight column per
output: `work` pairs have binary outputs `cast_member` and `creator_work` and a multinomial `credit` head (director,
writer, producer, creator, composer, performer); `role` pairs have `actor_role`. Scoring a document is one sparse
sum of weight rows (numpy), so the scorer costs little beside the parser. `pipeline.relations.train` writes the file.
"""
from __future__ import annotations

import json
from itertools import chain, repeat
from pathlib import Path
from typing import Optional

import numpy

from .facts import FactScorer

MODEL_FILE = Path(__file__).parent.parent / "data" / "relation_model.json"


class Head:
    """One kind's vocabulary and weights: `scores(features)` returns a (candidates × outputs) array of probabilities."""

    def __init__(self, spec: dict):
        self.vocab: dict[str, int] = {name: i for i, name in enumerate(spec["features"])}
        self.outputs: list[str] = spec["outputs"]
        self.binary = numpy.asarray(spec["weights"], dtype=numpy.float64).reshape(len(self.vocab), len(self.outputs))
        self.intercepts = numpy.asarray(spec["intercepts"], dtype=numpy.float64)
        self.thresholds: dict[str, float] = spec["thresholds"]
        self.classes: list[str] = spec.get("classes", [])
        # Source → the features the vocabulary holds conjoined with it ("src=topic|dist=far": "dist=far"), as
        # `Featurizer` conjoins them (never "bias" nor a "src=" feature).
        conjoined: dict[str, set[str]] = {}
        for name in self.vocab:
            source, bar, feature = name.partition("|")
            if source.startswith("src=") and bar and feature != "bias" and not feature.startswith("src="):
                conjoined.setdefault(source[len("src="):], set()).add(feature)
        self.conjoined = {source: frozenset(features) for source, features in conjoined.items()}
        if self.classes:
            self.multi = numpy.asarray(spec["class_weights"], dtype=numpy.float64).reshape(len(self.vocab), len(self.classes))
            self.multi_intercepts = numpy.asarray(spec["class_intercepts"], dtype=numpy.float64)

    def _rows(self, features: list[list[str]]) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Return (candidate, vocabulary column) of every known feature, candidate by candidate, in feature order."""
        names = list(chain.from_iterable(features))
        cols = numpy.fromiter(map(self.vocab.get, names, repeat(-1)), dtype=numpy.intp, count=len(names))
        rows = numpy.repeat(numpy.arange(len(features), dtype=numpy.intp), [len(f) for f in features])
        known = cols >= 0
        return rows[known], cols[known]

    def scores(self, features: list[list[str]]) -> tuple[numpy.ndarray, Optional[numpy.ndarray]]:
        """Return the outputs' probabilities and, with a class head, the class probabilities (rows = candidates)."""
        n = len(features)
        rows, cols = self._rows(features)
        logits = _sums(self.intercepts, rows, self.binary[cols], n)
        probs = 1.0 / (1.0 + numpy.exp(-logits))
        if not self.classes:
            return probs, None
        class_logits = _sums(self.multi_intercepts, rows, self.multi[cols], n)
        class_logits -= class_logits.max(axis=1, keepdims=True) if n else 0
        exp = numpy.exp(class_logits)
        return probs, exp / exp.sum(axis=1, keepdims=True)


def _sums(intercepts: numpy.ndarray, rows: numpy.ndarray, weights: numpy.ndarray, n: int) -> numpy.ndarray:
    """Return the (n × outputs) logits: per row, its intercept plus its weight rows (`weights[k]` for `rows[k]`).

    Each logit is summed in the order the features come, intercept first, as `numpy.add.at` onto the tiled
    intercepts sums it, so the probabilities are the same to the last bit; `numpy.bincount` adds its weights
    in order, one output at a time, at a fraction of `add.at`'s cost.
    """
    at = numpy.concatenate([numpy.arange(n, dtype=numpy.intp), rows])
    logits = numpy.empty((n, len(intercepts)), dtype=numpy.float64)
    for j, intercept in enumerate(intercepts):
        logits[:, j] = numpy.bincount(at, weights=numpy.concatenate([numpy.full(n, intercept), weights[:, j]]),
                                      minlength=n)
    return logits


class RelationModel:
    """The shipped scorer: a `Head` per candidate kind, and the version that names it in every row's `rule`."""

    def __init__(self, spec: dict):
        self.version: str = spec["version"]
        self.heads = {kind: Head(head) for kind, head in spec["heads"].items()}
        self.facts: Optional[FactScorer] = FactScorer(spec["facts"]) if spec.get("facts") else None
        self.spec = spec

    @classmethod
    def load(cls, path: Path | str = MODEL_FILE) -> "RelationModel":
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))


def head_spec(features: list[str], outputs: list[str], weights, intercepts, thresholds: dict[str, float],
              classes: Optional[list[str]] = None, class_weights=None, class_intercepts=None) -> dict:
    """Return a head as JSON-ready data, dropping features whose weights are all zero (rounded to 5 decimals)."""
    weights = numpy.round(numpy.asarray(weights, dtype=float).reshape(len(features), len(outputs)), 5)
    keep = numpy.abs(weights).sum(axis=1) > 0
    if classes:
        class_weights = numpy.round(numpy.asarray(class_weights, dtype=float).reshape(len(features), len(classes)), 5)
        keep |= numpy.abs(class_weights).sum(axis=1) > 0
    spec = {
        "features": [f for f, k in zip(features, keep) if k],
        "outputs": outputs,
        "weights": weights[keep].ravel().tolist(),
        "intercepts": numpy.round(numpy.asarray(intercepts, dtype=float), 5).tolist(),
        "thresholds": {k: round(float(v), 3) for k, v in thresholds.items()},
    }
    if classes:
        spec.update(classes=classes, class_weights=class_weights[keep].ravel().tolist(),
                    class_intercepts=numpy.round(numpy.asarray(class_intercepts, dtype=float), 5).tolist())
    return spec
