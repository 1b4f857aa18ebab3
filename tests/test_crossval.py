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
    return root


def _folds(root, k):
    for n in range(k):
        (root / f"fold{n}" / "model").mkdir(parents=True)
        (root / f"fold{n}" / "model" / "model-last").symlink_to(MODEL_DIR, target_is_directory=True)
    return root


def test_the_folds_split_the_annotated_articles_as_title_training_does(tmp_path):
    shared = _shared(tmp_path / "shared")
    folds = crossval.fold_articles(shared, 2)
    ids = [aid for fold in folds for aid, _ in fold]
    assert sorted(ids) == ["art-1", "art-2", "art-3"]
    assert all(fold for fold in folds)
    from pipeline.works.train import folds as split
    assert [{aid for aid, _ in fold} for fold in folds] == split(ids, 2)


def test_every_article_is_run_with_its_folds_recogniser_and_scored_against_its_gold(tmp_path, monkeypatch):
    import pipeline.nlp
    used = []
    build = pipeline.nlp.build_nlp

    def recording(model, works_model):
        used.append(works_model)
        return build(model, works_model=works_model)

    monkeypatch.setattr(pipeline.nlp, "build_nlp", recording)
    shared = _shared(tmp_path / "shared")
    out = tmp_path / "out"
    folds = _folds(tmp_path / "folds", 2)
    result = crossval.run(shared, folds, out, k=2)
    assert used == [folds / "fold0" / "model" / "model-last", folds / "fold1" / "model" / "model-last"]
    import pandas as pd
    articles = pd.read_parquet(out / "articles.parquet")
    assert sorted(articles.article_id) == ["art-1", "art-2", "art-3"]
    assert set(articles.status) == {"ok"}
    relations = pd.read_parquet(out / "relations.parquet")
    assert ("Owen Marsh", "Harbour Lights") in set(zip(relations.subject, relations.object))
    strict = result["strict"]
    assert strict["work_title"]["tp"] == 3 and strict["work_title"]["fn"] == 0
    assert strict["relations_micro"]["tp"] + strict["relations_micro"]["fn"] == 3


def test_a_missing_fold_recogniser_is_named(tmp_path):
    shared = _shared(tmp_path / "shared")
    folds = _folds(tmp_path / "folds", 1)
    with pytest.raises(SystemExit, match="fold1"):
        crossval.run(shared, folds, tmp_path / "out", k=2)
