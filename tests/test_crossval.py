"""The whole-pipeline cross-validation: each annotated article runs with its fold's recogniser, all are scored."""
import json

import pytest

from pipeline import crossval
from pipeline.works.recognizer import MODEL_DIR

ARTICLES = {
    "dev": {
        "art-1": ("Harbour Lights wins again\n\nThe drama \"Harbour Lights\" was directed by Owen Marsh. "
                  "\"It was a joy,\" Marsh said on Monday.",
                  {"creator_work": [{"person": "Owen Marsh", "work": "Harbour Lights", "credit": "director"}],
                   "works": [{"title": "Harbour Lights", "type": "series"}]}),
    },
    "train": {
        "art-2": ("Red Ledger opens\n\nAnn Lowe stars in the film \"Red Ledger\", which opens on Friday.",
                  {"cast_member": [{"actor": "Ann Lowe", "work": "Red Ledger"}],
                   "works": [{"title": "Red Ledger", "type": "film"}]}),
        "art-3": ("Salt Roads returns\n\nThe series \"Salt Roads\", created by Tom Reed, returns in May.",
                  {"creator_work": [{"person": "Tom Reed", "work": "Salt Roads", "credit": "creator"}],
                   "works": [{"title": "Salt Roads", "type": "series"}]}),
    },
}


def _shared(root):
    for folder, articles in ARTICLES.items():
        texts = root / "data" / folder / "texts"
        texts.mkdir(parents=True)
        lines = []
        for aid, (text, gold) in articles.items():
            (texts / f"{aid}.txt").write_text(text, encoding="utf-8")
            lines.append(json.dumps({"article_id": aid, "actor_role": [], "cast_member": [], "creator_work": [],
                                     "quotes": [], "dates": [], **gold}))
        (root / "data" / folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # A text nobody annotated and a gold record without its text are no articles of the cross-validation.
    (root / "data" / "train" / "texts" / "unannotated.txt").write_text("Nothing to see here.", encoding="utf-8")
    with open(root / "data" / "dev" / "gold.jsonl", "a", encoding="utf-8") as handle:
        handle.write(json.dumps({"article_id": "textless", "works": []}) + "\n")
    return root


def _folds(root, shared, k, held_out=None):
    """Fold recognisers as `pipeline.works.train --cv k --work root` leaves them (the shipped model standing in for
    each), with the texts each was held out from (`held_out`: other folds' articles, to fake a wrong split)."""
    import spacy
    from spacy.tokens import DocBin

    from pipeline.works.corpus import article_text

    nlp = spacy.blank("en")
    for n, members in enumerate(held_out or crossval.fold_articles(shared, k)):
        (root / f"fold{n}" / "model").mkdir(parents=True)
        (root / f"fold{n}" / "model" / "model-last").symlink_to(MODEL_DIR, target_is_directory=True)
        DocBin(docs=[nlp.make_doc(article_text(path)) for _, path in members]).to_disk(root / f"fold{n}" / "dev.spacy")
    return root


def test_the_folds_split_the_annotated_articles_as_title_training_does(tmp_path):
    shared = _shared(tmp_path / "shared")
    folds = crossval.fold_articles(shared, 2)
    ids = [aid for fold in folds for aid, _ in fold]
    assert sorted(ids) == ["art-1", "art-2", "art-3"]  # not "unannotated" (no gold), nor "textless" (no text)
    assert all(fold for fold in folds)
    from pipeline.works.train import folds as split
    assert [{aid for aid, _ in fold} for fold in folds] == split(ids, 2)


def test_every_article_is_run_with_its_folds_recogniser_and_scored_against_its_gold(tmp_path, monkeypatch):
    import pipeline.nlp
    from pipeline.works.train import folds as split
    built, read = [], []
    build, process = pipeline.nlp.build_nlp, crossval._process_batch

    def recording_build(model, works_model):
        built.append(works_model)
        return build(model, works_model=works_model)

    def recording_process(articles, nlp, *args):
        read.append((built[-1], {a.article_id for a in articles}))
        return process(articles, nlp, *args)

    monkeypatch.setattr(pipeline.nlp, "build_nlp", recording_build)
    monkeypatch.setattr(crossval, "_process_batch", recording_process)
    shared = _shared(tmp_path / "shared")
    out = tmp_path / "out"
    folds = _folds(tmp_path / "folds", shared, 2)
    result = crossval.run(shared, folds, out, k=2)
    held = split(["art-1", "art-2", "art-3"], 2)
    assert read == [(folds / f"fold{n}" / "model" / "model-last", held[n]) for n in range(2)]
    import pandas as pd
    articles = pd.read_parquet(out / "articles.parquet")
    assert sorted(articles.article_id) == ["art-1", "art-2", "art-3"]
    assert set(articles.status) == {"ok"} and articles.processed_at.str.len().min() > 0
    relations = pd.read_parquet(out / "relations.parquet")
    assert ("Owen Marsh", "Harbour Lights") in set(zip(relations.subject, relations.object))
    strict = result["strict"]
    assert strict["work_title"]["tp"] == 3 and strict["work_title"]["fn"] == 0
    assert strict["relations_micro"]["tp"] + strict["relations_micro"]["fn"] == 3


def test_a_missing_fold_recogniser_is_named_before_any_fold_runs(tmp_path, monkeypatch):
    shared = _shared(tmp_path / "shared")
    folds = _folds(tmp_path / "folds", shared, 2)
    import shutil
    shutil.rmtree(folds / "fold1")
    monkeypatch.setattr(crossval, "_process_batch", lambda *a: pytest.fail("a fold ran"))
    with pytest.raises(SystemExit, match="fold1"):
        crossval.run(shared, folds, tmp_path / "out", k=2)


def test_folds_of_another_k_or_split_are_refused(tmp_path):
    shared = _shared(tmp_path / "shared")
    three = _folds(tmp_path / "three", shared, 3)
    with pytest.raises(SystemExit, match="more than 2 folds"):
        crossval.run(shared, three, tmp_path / "out", k=2)
    swapped = _folds(tmp_path / "swapped", shared, 2, held_out=list(reversed(crossval.fold_articles(shared, 2))))
    with pytest.raises(SystemExit, match="not held out"):
        crossval.run(shared, swapped, tmp_path / "out", k=2)
    with pytest.raises(SystemExit, match="2 folds or more"):
        crossval.run(shared, swapped, tmp_path / "out", k=1)
