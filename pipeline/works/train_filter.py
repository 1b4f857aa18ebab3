"""Training of the title filter (`filter.py`) on out-of-fold candidates: each fold's recogniser proposes the
titles of the articles it never saw, so the filter learns from the mistakes the recogniser makes on new text.

Called by `python -m pipeline.works.train` after cross-validation; `python -m pipeline.works.train_filter
--folds WORK` trains it again from the fold models a previous training left in its working folder.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from .. import DEFAULT_MODEL, __version__
from . import filter as title_filter
from .recognizer import LABEL

THRESHOLDS = [round(t, 2) for t in np.arange(0.2, 0.81, 0.05)]


def out_of_fold_rows(items: list, fold_sets: list[set[str]], fold_models: list[Path], base: str) -> list[tuple]:
    """Return (article id, features, label, n gold titles) rows from each fold model on its held-out articles."""
    from ..evaluate import norm
    from ..nlp import build_nlp
    from ..readers import read_file
    from .corpus import read_gold

    rows = []
    for held, model in zip(fold_sets, fold_models):
        nlp = build_nlp(base, works_model=model, title_filter=False)
        test = [item for item in items if item[0] in held]
        texts = [(next(read_file(folder / "texts" / f"{aid}.txt", aid)).text, (aid, folder)) for aid, folder, _ in test]
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n in ("entity_resolver", "entertainment_dates", "quote_attribution", "relation_extraction")]):
            for doc, (aid, folder) in nlp.pipe(texts, as_tuples=True):
                gold = {norm(w["title"]) for w in read_gold(folder / "gold.jsonl")[aid].get("works", [])} - {""}
                for feats, label, _ in title_filter.rows([(doc, gold)], norm):
                    rows.append((aid, feats, label, len(gold)))
    return rows


def _fit(rows: list[tuple], c: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    x = vec.fit_transform([r[1] for r in rows])
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False).fit(x, [r[2] for r in rows])
    return vec, model


def cross_validate(rows: list[tuple], c: float, k: int = 5) -> dict[float, dict]:
    """Return, per threshold, title P/R/F1 of the filtered candidates under `k`-fold CV grouped by article."""
    from sklearn.model_selection import GroupKFold

    groups = [r[0] for r in rows]
    probs = np.zeros(len(rows))
    for train, test in GroupKFold(n_splits=k).split(rows, groups=groups):
        vec, model = _fit([rows[i] for i in train], c)
        probs[test] = model.predict_proba(vec.transform([rows[i][1] for i in test]))[:, 1]
    n_gold = sum({r[0]: r[3] for r in rows}.values())
    out = {}
    for t in [0.0] + THRESHOLDS:
        keep = probs >= t
        tp = int(sum(1 for i in range(len(rows)) if keep[i] and rows[i][2]))
        fp = int(sum(1 for i in range(len(rows)) if keep[i] and not rows[i][2]))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / n_gold if n_gold else 0.0
        out[t] = {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, "tp": tp, "fp": fp}
    return out


def train(rows: list[tuple], out: Path = title_filter.MODEL, c: float = 1.0) -> dict:
    """Fit the filter on `rows`, pick the threshold by cross-validation, write it to `out`; return its scores."""
    scores = cross_validate(rows, c)
    threshold = max(THRESHOLDS, key=lambda t: scores[t]["f1"])
    vec, model = _fit(rows, c)
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), model.coef_[0]) if abs(w) > 1e-4}
    info = {"version": __version__, "threshold": threshold, "C": c, "candidates": len(rows),
            "cv5_unfiltered": scores[0.0], "cv5_filtered": scores[threshold], "weights": weights}
    out.write_text(json.dumps(info, indent=1, ensure_ascii=False, sort_keys=False) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    from .train import folds, load_corpus

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--base", default=DEFAULT_MODEL)
    parser.add_argument("--folds", type=Path, required=True, help="working folder of a training run with fold models")
    parser.add_argument("--k", type=int, default=5)
    parser.add_argument("--out", type=Path, default=title_filter.MODEL)
    args = parser.parse_args(argv)
    items = load_corpus(args.shared, args.base)
    fold_sets = folds([aid for aid, _, _ in items], args.k)
    models = [args.folds / f"fold{n}" / "model" / "model-last" for n in range(args.k)]
    info = train(out_of_fold_rows(items, fold_sets, models, args.base), args.out)
    print(json.dumps({k: v for k, v in info.items() if k != "weights"}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
