"""Facts: one decision per (relation, subject, object), learned from what all of its candidates say together.

An article often names a pair many times, and discourse links add weak candidates for nearly every pair
(the topic work, "the film", "he"). Taking the single best candidate's probability rewards pairs for merely
having many chances. The fact scorer looks at the whole group instead: the best and second-best candidate
probabilities, how many candidates and sentences back the pair, whether any of them sits inside one sentence,
which source found the best one, and how central the two sides are to the article (mention counts, the topic
work, the most mentioned person). It is a small logistic regression per relation, trained on out-of-fold
candidate probabilities (`pipeline.relations.train`), so it learns how far those probabilities can be trusted on
articles the candidate scorer never saw.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Optional

import numpy

from .candidates import Candidate, DocView, title_text, topic_work
from .constructions import stated_facts

SOURCES = ("sentence", "modifier", "character-cue", "played-by", "parens", "reference", "pronoun", "nominal",
           "topic", "protagonist")
IN_SENTENCE = {"sentence", "modifier", "character-cue", "played-by", "parens"}
FEATURES = ["bias", "p_max", "p_second", "p_any", "n_candidates", "n_sentences", "in_sentence", "first_sentence",
            "subject_mentions", "subject_is_lead", "subject_org", "object_mentions", "object_is_topic", "stated"] + \
           [f"best={s}" for s in SOURCES]


@dataclass(frozen=True)
class Info:
    """What the fact scorer keeps of one candidate besides its probability."""

    source: str
    sent: int
    subject_mentions: int
    subject_is_lead: bool
    subject_org: bool
    object_mentions: int
    object_is_topic: bool
    stated: tuple = ()  # the (relation, credit) pairs certain constructions state of the pair (`constructions.py`)


class Context:
    """Per-document counts the candidate infos read (computed once per document)."""

    def __init__(self, view: DocView):
        self.view = view
        self.people = Counter(e.kb_id_ for e in view.subjects)
        persons = [(n, eid) for eid, n in self.people.items() if eid.startswith("person:")]
        self.lead = max(persons)[1] if persons else None
        self.titles = Counter(title_text(w).lower() for w in view.works)
        self.topic = (topic_work(view) or "").lower()

    def info(self, cand: Candidate) -> Info:
        title = cand.object_text.lower()
        return Info(_base_source(cand.source), cand.sent, self.people.get(cand.subject_id, 0),
                    cand.subject_id == self.lead, cand.subject_label == "ORG", self.titles.get(title, 0),
                    bool(self.topic) and title == self.topic, stated_facts(self.view, cand))


def _base_source(source: str) -> str:
    """"topic+pronoun" → "topic": the link that reached the object decides."""
    return source.split("+", 1)[0]


def _logit(p: float) -> float:
    p = min(max(p, 1e-4), 1 - 1e-4)
    return math.log(p / (1 - p)) / 4.0


def stated_by(relation: str, members: list[tuple[Info, float]]) -> Optional[tuple]:
    """Return the (relation, credit) of a certain construction among the fact's candidates, if one states it."""
    return next((fact for i, _ in members for fact in i.stated if fact[0] == relation), None)


def vector(members: list[tuple[Info, float]], relation: str = "") -> list[float]:
    """Return the fact features (in `FEATURES` order) of one fact's candidates (info, probability)."""
    probs = sorted((p for _, p in members), reverse=True)
    best = max(members, key=lambda m: m[1])[0]
    first = members[0][0]
    any_p = 1.0 - math.prod(1.0 - p for p in probs)
    out = [1.0, _logit(probs[0]), _logit(probs[1]) if len(probs) > 1 else _logit(0.0), _logit(any_p),
           math.log1p(len(probs)) / 2, math.log1p(len({i.sent for i, _ in members})) / 2,
           float(any(i.source in IN_SENTENCE for i, _ in members)), float(min(i.sent for i, _ in members) <= 1),
           min(first.subject_mentions, 10) / 10, float(first.subject_is_lead), float(first.subject_org),
           min(first.object_mentions, 10) / 10, float(first.object_is_topic),
           float(stated_by(relation, members) is not None)]
    out += [float(best.source == s) for s in SOURCES]
    return out


EXCLUSIVE = ("cast_member", "creator_work")  # a person is rarely both in a work and its maker (2% of annotated pairs)


def exclusive(accepted: dict[tuple, float], thresholds: dict[str, float], stated: frozenset = frozenset()) -> set:
    """Return the keys (article or None, relation, subject, object) of `accepted` {key: probability} to drop: when a
    pair is accepted both as cast member and as maker, the relation whose probability clears its threshold by less
    goes, unless a certain construction states it ("X wrote, directed and starred in W" keeps both)."""
    drop = set()
    for key, p in accepted.items():
        head, relation, tail = key[:-3], key[-3], key[-2:]
        if relation not in EXCLUSIVE:
            continue
        other = head + (EXCLUSIVE[1 - EXCLUSIVE.index(relation)],) + tail
        q = accepted.get(other)
        if q is not None and key not in stated and p - thresholds[relation] < q - thresholds[other[-3]]:
            drop.add(key)
    return drop


STATED_CONFIDENCE = 0.9  # a fact a certain construction states is kept, with at least this confidence


class FactScorer:
    """Per relation: weights over `FEATURES`, an intercept-free logistic regression (the bias is a feature)."""

    def __init__(self, spec: dict):
        self.features: list[str] = spec["features"]
        if self.features != FEATURES:
            raise ValueError("the relation model's fact features differ from this version's: retrain it "
                             "(python -m pipeline.relations.train)")
        self.weights = {r: numpy.asarray(w, dtype=numpy.float64) for r, w in spec["weights"].items()}
        self.thresholds: dict[str, float] = spec["thresholds"]

    def probability(self, relation: str, members: list[tuple[Info, float]]) -> Optional[float]:
        weights = self.weights.get(relation)
        if weights is None:
            return None
        z = float(numpy.dot(weights, vector(members, relation)))
        p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
        return max(p, STATED_CONFIDENCE) if stated_by(relation, members) else p


def spec(weights: dict[str, list[float]], thresholds: dict[str, float]) -> dict:
    return {"features": FEATURES, "weights": {r: [round(float(x), 5) for x in w] for r, w in weights.items()},
            "thresholds": {r: round(float(t), 3) for r, t in thresholds.items()}}
