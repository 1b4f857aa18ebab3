"""`python -m pipeline.works.train`: build the title corpus, train the recogniser, cross-validate, install it.

    python -m pipeline.works.train --shared ../shared            # 5-fold CV by article, then the shipped model
    python -m pipeline.works.train --shared ../shared --cv 0     # only the shipped model
    python -m pipeline.works.train --shared ../shared --partial redocred --seed 1 --out DIR   # a variant, elsewhere

Needs `../shared/data/{dev,train}` (texts and gold with complete `works` lists; the texts are research-use only
and are never written into the package). Training runs `spacy train` with `work_ner.cfg`. Cross-validation
splits by article: each fold's model is scored, inside the whole pipeline, on the articles it never saw, with
the `work_title` measure of `pipeline.evaluate`. The model trained on every article goes to
`pipeline/models/work_ner/` with `meta.json` recording its base model and the cross-validated scores.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import spacy

from .. import DEFAULT_MODEL, __version__
from . import corpus
from .recognizer import MODEL_DIR

CONFIG = Path(__file__).with_name("work_ner.cfg")
FOLDERS = ("dev", "train")
# Folders whose gold lists only the titles of its relations (Re-DocRED's Wikipedia leads), trained on with `--partial`:
# the rest of each text is missing rather than outside (see `corpus.make_doc`); never scored. Not in the shipped
# model: over three paired seeds they raised blind title recall (0.785 → 0.818) but lowered its precision (0.720 →
# 0.700; F1 0.751 → 0.754), and relation precision with it (0.556 → 0.548).
PARTIAL_FOLDERS = ("redocred",)


SEED = Path(__file__).with_name("seed_works.json")
RAW = Path(__file__).resolve().parent.parent.parent / "raw"


def load_corpus(shared: Path, base: str) -> list[tuple[str, Path, object]]:
    """Return (article id, gold folder, training doc) for every gold article of the dev and train folders."""
    nlp = spacy.load(base, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    items = []
    for name in FOLDERS:
        folder = shared / "data" / name
        items += [(aid, folder, doc) for aid, doc in corpus.documents(nlp, folder)]
    return items


def partial_docs(shared: Path, base: str, folders=PARTIAL_FOLDERS) -> list:
    """Return the training docs of the `folders` whose gold names only some titles (missing, not outside, elsewhere)."""
    if not folders:
        return []
    nlp = spacy.load(base, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    docs = []
    for name in folders:
        folder = shared / "data" / name
        if (folder / "gold.jsonl").exists():
            docs += [doc for _, doc in corpus.documents(nlp, folder)]
    return docs


def seed_docs(base: str) -> list:
    """Return the project's founding article as a training doc (its titles in `seed_works.json`), if present."""
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    path = RAW / f"{seed['article']}.txt"
    if not path.exists():
        return []
    nlp = spacy.load(base, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    return [corpus.make_doc(nlp, corpus.article_text(path), sorted(seed["works"], key=len, reverse=True))]


def spacy_train(train_docs: list, dev_docs: list, out: Path, base: str, steps: int | None = None, copies: int = 1,
                seed: int | None = None, pool: tuple = ()) -> Path:
    """Train with `spacy train` on the given docs plus `copies` title-swapped copies (other titles drawn from the
    docs and `pool`); return the trained model."""
    corpus.write(corpus.augment(train_docs, copies, pool=pool), out / "train.spacy")
    corpus.write(dev_docs, out / "dev.spacy")
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out / "model"),
           "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "dev.spacy"), "--paths.base", base]
    if steps is not None:
        cmd += ["--training.max_steps", str(steps)]
    if seed is not None:
        cmd += ["--system.seed", str(seed)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    record_base(out / "model" / "model-last", base)
    return out / "model" / "model-last"


def record_base(model: Path, base: str) -> None:
    """Write the base model's name and version into `model`'s meta, so that the pipeline uses `model` as it uses
    the shipped one (in place of the base model's `ner`)."""
    nlp_meta = spacy.load(base).meta
    path = model / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta["base_model"] = {"name": f"{nlp_meta['lang']}_{nlp_meta['name']}", "version": nlp_meta["version"]}
    path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def folds(ids: list[str], k: int, seed: int = 0) -> list[set[str]]:
    """Split article ids into `k` folds of (nearly) equal size, shuffled with `seed`."""
    ids = sorted(ids)
    random.Random(seed).shuffle(ids)
    return [set(ids[i::k]) for i in range(k)]


def score_titles(model: Path, items: list, base: str) -> dict:
    """Run the whole pipeline with the title model `model` on `items`; return work_title counts and errors."""
    from ..evaluate import title_counts
    from ..nlp import build_nlp
    from ..readers import read_file

    nlp = build_nlp(base, works_model=model)
    gold = {aid: corpus.read_gold(folder / "gold.jsonl")[aid] for aid, folder, _ in items}
    texts = [(next(read_file(folder / "texts" / f"{aid}.txt", aid)).text, aid) for aid, folder, _ in items]
    totals = {"tp": 0, "fp": 0, "fn": 0, "as_person_or_place": 0}
    for doc, aid in nlp.pipe(texts, as_tuples=True):
        counts = title_counts(gold[aid].get("works", []), [m for m in doc._.mentions])
        for key in totals:
            totals[key] += counts[key]
    return totals


def prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0, **c}


def swap_pool(shared: Path, base: str, folders) -> tuple:
    """Return the titles of the gold relations of `folders` (Re-DocRED's), as token texts, for title swapping."""
    nlp = spacy.blank("en") if not folders else spacy.load(base, exclude=["tagger", "parser", "attribute_ruler",
                                                                          "lemmatizer", "senter", "ner"])
    titles = set()
    for name in folders:
        path = shared / "data" / name / "gold.jsonl"
        if path.exists():
            for record in corpus.read_gold(path).values():
                titles.update(corpus.gold_titles(record))
    return tuple(sorted(tuple(t.text for t in nlp.make_doc(title)) for title in titles))


def cross_validate(items: list, k: int, base: str, work: Path, steps: int | None, copies: int, extra: list,
                   seed: int | None = None, pool: tuple = ()) -> dict:
    """Return pooled work_title scores of `k`-fold cross-validation by article (`extra` docs always train).
    """
    totals = {"tp": 0, "fp": 0, "fn": 0, "as_person_or_place": 0}
    for n, held in enumerate(folds([aid for aid, _, _ in items], k)):
        train = [doc for aid, _, doc in items if aid not in held] + extra
        test = [item for item in items if item[0] in held]
        model = spacy_train(train, [doc for _, _, doc in test], work / f"fold{n}", base, steps, copies, seed, pool)
        counts = score_titles(model, test, base)
        print(f"fold {n}: {prf(counts)}", flush=True)
        for key in totals:
            totals[key] += counts[key]
    return prf(totals)


def install(model: Path, target: Path, base: str, info: dict) -> None:
    """Copy the trained pipeline to `target` with its base model and scores in `meta.json`.

    The copy is made beside `target` first and then put in its place, so `model` may lie inside `target` (`--work W
    --out W/all` trains into `W/all/model`) and a failed copy leaves `target` as it was."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".work-ner-install-", dir=target.parent))
    try:
        shutil.copytree(model, staging / "model")
        if target.exists():
            shutil.rmtree(target)
        (staging / "model").rename(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    record_base(target, base)
    meta = json.loads((target / "meta.json").read_text(encoding="utf-8"))
    meta.update(name="work_titles", version=__version__,
                description="Work-title recogniser: the base model's NER trained further on annotated titles.",
                training=info)
    meta.pop("performance", None)
    (target / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared"), help="folder holding data/dev and data/train")
    parser.add_argument("--base", default=DEFAULT_MODEL, help="base spaCy model whose NER is trained further")
    parser.add_argument("--cv", type=int, default=5, help="folds of cross-validation by article (0: none)")
    parser.add_argument("--steps", type=int, default=None, help="training steps (default: the config's)")
    parser.add_argument("--augment", type=int, default=1, help="title-swapped copies of each training article")
    parser.add_argument("--out", type=Path, default=MODEL_DIR, help="where to install the trained model")
    parser.add_argument("--work", type=Path, default=None, help="working folder (default: a temporary one)")
    parser.add_argument("--seed", type=int, default=None, help="training seed (default: the config's)")
    parser.add_argument("--partial", nargs="*", default=[], metavar="FOLDER",
                        help="folders of ../shared/data whose gold lists only the titles of its relations, trained "
                             "on as partial annotation (redocred; default none, as the shipped model)")
    parser.add_argument("--swap-pool", nargs="*", default=[], metavar="FOLDER",
                        help="folders of ../shared/data whose gold relation titles join the titles swapped in")
    args = parser.parse_args(argv)
    items = load_corpus(args.shared, args.base)
    print(f"{len(items)} articles, {sum(len(doc.ents) for _, _, doc in items)} entities", flush=True)
    work = args.work or Path(tempfile.mkdtemp(prefix="work-ner-"))
    partial = partial_docs(args.shared, args.base, args.partial)
    extra = seed_docs(args.base)
    pool = swap_pool(args.shared, args.base, args.swap_pool)
    info = {"articles": len(items) + len(extra), "folders": list(FOLDERS) + ["seed"] * bool(extra),
            "partial": {"folders": args.partial, "articles": len(partial)},
            "augment": args.augment, "swap_pool": {"folders": args.swap_pool, "titles": len(pool)}, "command": "python -m pipeline.works.train"}
    if args.cv:
        info[f"cv{args.cv}_work_title"] = cross_validate(items, args.cv, args.base, work, args.steps, args.augment,
                                                         extra + partial, args.seed, pool)
        print(f"cross-validation: {info[f'cv{args.cv}_work_title']}", flush=True)
    docs = [doc for _, _, doc in items] + extra
    model = spacy_train(docs + partial, docs[:10], work / "all", args.base, args.steps, args.augment, args.seed, pool)
    install(model, args.out, args.base, info)
    print(f"installed {args.out}")
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
