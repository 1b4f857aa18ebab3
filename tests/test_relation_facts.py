"""Fact scorer: one decision per (relation, subject, object) from all of its candidates, and the training that
reads each article's titles from the title model that never saw it."""
import json

import pytest

from pipeline.relations.facts import FEATURES, FactScorer, Info, exclusive, spec, vector
from pipeline.relations.train import title_fold_models
from pipeline.works.train import folds


def _info(source="sentence", sent=3, subject_mentions=2, lead=False, org=False, object_mentions=1, topic=False):
    return Info(source, sent, subject_mentions, lead, org, object_mentions, topic)


def _scorer(**weights):
    w = [weights.get(name, 0.0) for name in FEATURES]
    return FactScorer(spec({"cast_member": w}, {"cast_member": 0.5}))


def test_vector_has_one_value_per_feature_and_names_the_best_source():
    members = [(_info("topic", sent=5), 0.2), (_info("sentence", sent=1), 0.7)]
    values = dict(zip(FEATURES, vector(members)))
    assert len(vector(members)) == len(FEATURES)
    assert values["best=sentence"] == 1.0 and values["best=topic"] == 0.0
    assert values["in_sentence"] == 1.0
    assert values["first_sentence"] == 1.0
    assert values["p_max"] > values["p_second"]


def test_discourse_only_facts_are_marked_as_such():
    values = dict(zip(FEATURES, vector([(_info("pronoun", sent=4), 0.4), (_info("topic", sent=6), 0.3)])))
    assert values["in_sentence"] == 0.0
    assert values["best=pronoun"] == 1.0


@pytest.mark.parametrize("weight", [2.0, -2.0])
def test_probability_follows_the_sign_of_a_weight(weight):
    scorer = _scorer(p_max=weight)
    low = scorer.probability("cast_member", [(_info(), 0.1)])
    high = scorer.probability("cast_member", [(_info(), 0.9)])
    assert (high > low) == (weight > 0)
    assert 0.0 < low < 1.0 and 0.0 < high < 1.0


def test_more_backing_sentences_raise_a_fact_when_the_weight_says_so():
    scorer = _scorer(n_sentences=3.0)
    one = scorer.probability("cast_member", [(_info(sent=1), 0.5)])
    three = scorer.probability("cast_member", [(_info(sent=k), 0.5) for k in (1, 4, 7)])
    assert three > one


THRESHOLDS = {"actor_role": 0.3, "cast_member": 0.3, "creator_work": 0.2}


@pytest.mark.parametrize("cast, maker, dropped", [
    (0.9, 0.3, "creator_work"),  # cast clears its threshold by 0.6, maker by 0.1
    (0.35, 0.8, "cast_member"),
    (0.5, 0.45, "cast_member"),  # margins 0.2 and 0.25: the thresholds, not the raw probabilities, decide
])
def test_a_pair_accepted_as_cast_and_maker_keeps_the_likelier(cast, maker, dropped):
    accepted = {("a1", "cast_member", "jo", "w"): cast, ("a1", "creator_work", "jo", "w"): maker}
    assert exclusive(accepted, THRESHOLDS) == {("a1", dropped, "jo", "w")}


def test_cast_and_maker_of_different_pairs_or_articles_do_not_compete():
    accepted = {("a1", "cast_member", "jo", "w"): 0.9, ("a2", "creator_work", "jo", "w"): 0.9,
                ("a1", "creator_work", "jo", "v"): 0.9, ("a1", "actor_role", "jo", "w"): 0.9}
    assert exclusive(accepted, THRESHOLDS) == set()


def test_a_stated_relation_survives_beside_a_likelier_one():
    accepted = {("cast_member", "jo", "w"): 0.4, ("creator_work", "jo", "w"): 0.95}
    assert exclusive(accepted, THRESHOLDS, frozenset({("cast_member", "jo", "w")})) == set()
    assert exclusive(accepted, THRESHOLDS) == {("cast_member", "jo", "w")}


def test_a_relation_without_weights_is_not_decided():
    assert _scorer(p_max=1.0).probability("creator_work", [(_info(), 0.9)]) is None


def _shared(tmp_path, n_dev=4, n_train=6):
    for name, n in (("dev", n_dev), ("train", n_train)):
        folder = tmp_path / "data" / name
        (folder / "texts").mkdir(parents=True)
        lines = []
        for k in range(n):
            aid = f"{name}-{k}"
            (folder / "texts" / f"{aid}.txt").write_text("Title\n\nText.\n", encoding="utf-8")
            lines.append(json.dumps({"article_id": aid}))
        (folder / "gold.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path / "data"


def test_each_article_gets_the_title_model_that_left_it_out(tmp_path):
    data = _shared(tmp_path)
    work = tmp_path / "cv"
    for n in range(3):
        (work / f"fold{n}" / "model" / "model-last").mkdir(parents=True)
    mapping = title_fold_models(work, [data / "dev", data / "train", tmp_path / "redocred"])
    ids = sorted(mapping)
    assert len(ids) == 10
    for n, held in enumerate(folds(ids, 3)):
        assert {a for a in ids if mapping[a].parts[-3] == f"fold{n}"} == held


def test_a_folder_without_fold_models_is_refused(tmp_path):
    data = _shared(tmp_path)
    with pytest.raises(SystemExit):
        title_fold_models(tmp_path / "empty", [data / "dev"])
