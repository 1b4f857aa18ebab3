"""Relations: who plays whom (`actor_role`), who is in what (`cast_member`), who made what (`creator_work`).

A small learned stage, in the order the data flows:
- `candidates`: every (performer or maker, work) pair of a sentence, discourse links across sentences, and
  (performer, character) pairs;
- `features`: what the scorer knows of each pair (dependency path, cue lemmas, words between, ...);
- `model`: logistic regressions stored as JSON in `pipeline/data/relation_model.json`;
- `component`: the spaCy factory `relation_extraction` that writes `doc._.relations`;
- `train`: rebuilds the model file from annotated articles (`python -m pipeline.relations.train`).
"""
from .component import RelationExtractor, make_relation_extraction  # noqa: F401  (registers the factory)
