"""`python -m pipeline.crossval`: score the whole pipeline on the annotated articles, each read with the title
recogniser that never saw it.

    python -m pipeline.works.train --shared ../shared --cv 5 --work /tmp/work-ner --out /tmp/work-ner/all
    python -m pipeline.crossval --shared ../shared --folds /tmp/work-ner --out /tmp/crossval

(`--out` keeps the model that training fits on every article away from the shipped one, which it would replace.)

The dev and train articles are split as `pipeline.works.train` splits them; each fold's articles run through the
whole pipeline (cleaning, every stage, the output rows) with that fold's recogniser, and the rows of all folds are
scored together against their gold, as `python -m pipeline evaluate` scores a run. On these articles the shipped
recogniser is nearly always right (it trained on them), so a plain run over-states every score that stands on
titles; here titles are about as noisy as on articles nobody annotated. The title filter and the relation scorer
did see these articles, so the relation and speaker scores stay somewhat optimistic: the sealed blind set remains
the measure, this the readable one beside it, whose errors may be studied.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional

from . import DEFAULT_MODEL, __version__
from .batching import Batching
from .evaluate import load_gold, report, score
from .process import _process_batch
from .readers import read_file
from .schema import TABLES, to_arrow

FOLDERS = ("dev", "train")


def fold_articles(shared: Path, k: int) -> list[list[tuple[str, Path]]]:
    """Return, per fold, the (article id, text path) of its annotated articles: `pipeline.works.train`'s split."""
    from .works.train import folds

    paths = {}
    for name in FOLDERS:
        for path in sorted((shared / "data" / name / "texts").glob("*.txt")):
            paths[path.stem] = path
    gold_ids = {g["article_id"] for name in FOLDERS for g in load_gold(shared / "data" / name / "gold.jsonl")}
    ids = sorted(set(paths) & gold_ids)
    return [[(aid, paths[aid]) for aid in sorted(held)] for held in folds(ids, k)]


def check_folds(folds_dir: Path, folds: list[list[tuple[str, Path]]]) -> None:
    """Exit with a message unless `folds_dir` holds exactly one recogniser per fold, each trained without the
    articles of its fold: its held-out texts (`fold<n>/dev.spacy`, written by `pipeline.works.train`) are the fold's
    articles. Another K, another split or another article set would let a recogniser read what it trained on."""
    import spacy
    from spacy.tokens import DocBin

    from .works.corpus import article_text

    train = f"python -m pipeline.works.train --shared SHARED --cv {len(folds)} --work {folds_dir} --out {folds_dir}/all"
    if len(folds) < 2:
        raise SystemExit(f"cross-validation needs 2 folds or more, not {len(folds)}")
    if (folds_dir / f"fold{len(folds)}").exists():
        raise SystemExit(f"{folds_dir} holds more than {len(folds)} folds: give its K with --cv")
    vocab = spacy.blank("en").vocab
    for n, members in enumerate(folds):
        recogniser, held = folds_dir / f"fold{n}" / "model" / "model-last", folds_dir / f"fold{n}" / "dev.spacy"
        if not recogniser.exists() or not held.exists():
            raise SystemExit(f"{recogniser.parent.parent} has no trained recogniser: train the folds with {train}")
        texts = {doc.text for doc in DocBin().from_disk(held).get_docs(vocab)}
        if texts != {article_text(path) for _, path in members}:
            raise SystemExit(f"the recogniser of {recogniser.parent.parent} was not held out from this fold's "
                             f"articles (another K, split or article set): train the folds again with {train}")


def run(shared: Path, folds_dir: Path, out: Path, k: int = 5, model: str = DEFAULT_MODEL) -> dict:
    """Write every fold's rows to `out` (one Parquet file per table) and return the scores against the gold."""
    import pyarrow.parquet as pq

    from .nlp import build_nlp

    folds = fold_articles(shared, k)
    check_folds(folds_dir, folds)
    processed_at = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
    rows: dict[str, list[dict]] = {table: [] for table in TABLES}
    for n, members in enumerate(folds):
        nlp = build_nlp(model, works_model=folds_dir / f"fold{n}" / "model" / "model-last")
        articles = [article for aid, path in members for article in read_file(path, aid)]
        for result in _process_batch(articles, nlp, __version__, processed_at, Batching()):
            rows["articles"].append(result.article)
            for table, found in result.rows.items():
                rows[table].extend(found)
        print(f"fold {n}: {len(articles)} articles", file=sys.stderr, flush=True)
    out.mkdir(parents=True, exist_ok=True)
    for table, found in rows.items():
        pq.write_table(to_arrow(table, found), out / f"{table}.parquet")
    ids = {a["article_id"] for a in rows["articles"]}
    gold = [g for name in FOLDERS for g in load_gold(shared / "data" / name / "gold.jsonl") if g["article_id"] in ids]
    return score(gold, out)


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="folder holding data/dev and data/train")
    parser.add_argument("--folds", type=Path, required=True, help="the --work folder of `pipeline.works.train --cv K`")
    parser.add_argument("--cv", type=int, default=5, help="the K of `pipeline.works.train --cv K`")
    parser.add_argument("--out", type=Path, required=True, help="folder for the rows of every fold and the scores")
    parser.add_argument("--model", default=DEFAULT_MODEL, help="base spaCy model")
    parser.add_argument("--errors", action="store_true", help="also list the strict false positives and misses")
    args = parser.parse_args(argv)
    result = run(args.shared, args.folds, args.out, args.cv, args.model)
    (args.out / "scores.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(report(result, errors=args.errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
