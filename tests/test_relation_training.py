"""Relation training: the committed script runs end to end on a tiny corpus it is given, and reproduces its scores."""
import json
import subprocess
import sys

from conftest import ROOT, make_doc

from pipeline.relations.component import RelationExtractor
from pipeline.relations.facts import FEATURES
from pipeline.relations.model import RelationModel
from pipeline.relations.train import train

# (actor, director, film): short articles written for this test, one construction per sentence.
FILMS = [
    ("Tom Hanks", "Steven Spielberg", "Big Harbour"), ("Meryl Streep", "Ridley Scott", "Silver Lake"),
    ("Brad Pitt", "James Cameron", "Night Train"), ("Kate Winslet", "Sofia Coppola", "Blue Valley"),
    ("George Clooney", "Martin Scorsese", "Cold River"), ("Julia Roberts", "Danny Boyle", "Red Desert"),
    ("Hugh Grant", "Ken Loach", "Green Street"), ("Emma Thompson", "Mike Leigh", "Stone Bridge"),
]


def _corpus(folder):
    (folder / "texts").mkdir(parents=True)
    gold = []
    for k, (actor, director, film) in enumerate(FILMS):
        article = f"tiny-{k}"
        (folder / "texts" / f"{article}.txt").write_text(
            f"New film opens\n\n{actor} stars in the film {film}. The film {film} was directed by {director}. "
            f"Critics in London liked it.\n", encoding="utf-8")
        gold.append({"article_id": article, "actor_role": [], "cast_member": [{"actor": actor, "work": film}],
                     "creator_work": [{"person": director, "work": film, "credit": "director"}]})
    (folder / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return folder


def test_training_runs_end_to_end_and_reproduces_its_scores(tmp_path, nlp):
    corpus = _corpus(tmp_path / "tiny")
    out = tmp_path / "model.json"
    subprocess.run([sys.executable, "-m", "pipeline.relations.train", str(corpus), "--out", str(out), "--folds", "2"],
                   check=True, cwd=ROOT, capture_output=True)
    spec = json.loads(out.read_text(encoding="utf-8"))
    assert spec["cv"]["news"]["relations_micro"]["tp"] > 0
    assert set(spec["heads"]) == {"work"}  # the corpus has no characters

    again = train([corpus], tmp_path / "again.json", folds=2, nlp=nlp)
    assert again["cv"] == spec["cv"]
    assert (tmp_path / "again.json").read_text(encoding="utf-8") == out.read_text(encoding="utf-8")

    extractor = RelationExtractor(RelationModel.load(out))
    doc = make_doc(nlp, "Tom Hanks stars in the film Big Harbour. The film Big Harbour was directed by Ken Loach.")
    extractor(doc)
    facts = {(r.relation, r.subject, r.object) for r in doc._.relations}
    assert ("cast_member", "Tom Hanks", "Big Harbour") in facts
    assert ("creator_work", "Ken Loach", "Big Harbour") in facts


def test_thresholds_can_be_chosen_on_the_articles_run_with_noisier_titles(tmp_path, nlp):
    from pipeline.relations.train import build_examples

    corpus = _corpus(tmp_path / "tiny")
    noisy_corpus = _corpus(tmp_path / "noisy" / "tiny")  # the same articles, half with their titles unrecognisable
    for k, (_, _, film) in enumerate(FILMS[::2]):
        path = noisy_corpus / "texts" / f"tiny-{2 * k}.txt"
        path.write_text(path.read_text(encoding="utf-8").replace(film, film.lower()), encoding="utf-8")
    noisy = build_examples([noisy_corpus], nlp=nlp)
    spec = train([corpus], tmp_path / "model.json", folds=2, nlp=nlp, noisy=noisy)
    assert spec["thresholds_on_fold_titles"]
    clean_cv, noisy_cv = spec["cv"]["news"]["relations_micro"], spec["cv"]["news_fold_titles"]["relations_micro"]
    assert 0 < noisy_cv["tp"] < clean_cv["tp"]  # facts about unrecognised titles are lost, and counted as misses
    assert noisy_cv["fn"] > clean_cv["fn"]
    assert not train([corpus], tmp_path / "plain.json", folds=2, nlp=nlp)["thresholds_on_fold_titles"]


def test_shipped_model_records_how_it_was_chosen():
    spec = RelationModel.load().spec
    assert spec["cv"]["news"]["relations_micro"]["f1"] > 0
    for head in spec["heads"].values():
        assert set(head["thresholds"]) == set(head["outputs"])
        assert len(head["weights"]) == len(head["features"]) * len(head["outputs"])
    facts = spec["facts"]
    assert facts["features"] == FEATURES
    assert set(facts["thresholds"]) == set(facts["weights"]) == {"actor_role", "cast_member", "creator_work"}
    assert all(len(w) == len(FEATURES) for w in facts["weights"].values())
    assert "best_candidate_only" in spec["cv"]


def test_thresholds_on_a_flat_curve_take_the_most_precise():
    """Of thresholds whose F1 is within the tolerance of the best, the highest is chosen."""
    from pipeline.relations.train import choose_thresholds, gold_facts

    # 20 true facts at 0.9, one true fact at 0.15 and one false at 0.2: F1 is 0.977 up to 0.14, 0.952 up to 0.2,
    # then 0.976 (the false fact and the weak true one both left out) up to 0.9.
    people = [f"actor {k}" for k in range(21)]
    golds = {"a": gold_facts({"cast_member": [{"actor": p, "work": "big harbour"} for p in people]})}
    facts = {("a", "cast_member", p, "big harbour"): (0.9, None) for p in people[:20]}
    facts[("a", "cast_member", people[20], "big harbour")] = (0.15, None)
    facts[("a", "cast_member", "someone else", "big harbour")] = (0.2, None)
    assert choose_thresholds(facts, golds, {"a"}, tolerance=0.0)["cast_member"] == 0.14
    assert choose_thresholds(facts, golds, {"a"})["cast_member"] == 0.9
