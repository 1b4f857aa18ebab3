"""Component: the spaCy factory `relation_extraction`, filling `doc._.relations` with `Relation` records.

Candidates are scored by the shipped model; a pair becomes a row when its probability reaches the threshold
cross-validation chose for its relation. `rule` names the candidate source and the model version
(`sentence@relations-0.1.0`: `relations-` and the package version it was trained with); `confidence` is the
model's probability; `evidence` is the candidate's sentence.
"""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..records import Relation
from ..evaluate import norm
from .candidates import Candidate, DocView, coordinated_titles, generate
from .facts import Context, exclusive, stated_by
from .features import Featurizer
from .model import MODEL_FILE, RelationModel

log = logging.getLogger(__name__)


@Language.factory("relation_extraction", default_config={"model_file": None})
def make_relation_extraction(nlp: Language, name: str, model_file: Optional[str]) -> "RelationExtractor":
    return RelationExtractor(RelationModel.load(model_file or MODEL_FILE))


class RelationExtractor:
    """Scores every candidate pair of a document; never raises (a broken document yields no relations)."""

    def __init__(self, model: RelationModel):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        try:
            view, candidates = generate(doc)
            doc._.relations = self.relations(view, candidates)
        except Exception:
            log.exception("relation extraction failed on %s", doc._.article_id)
            doc._.relations = []
        return doc

    def score(self, view: DocView, candidates: list[Candidate]) -> list[dict[str, float]]:
        """Return, per candidate, the probability of each relation (and `credit:<name>` for each credit)."""
        featurizer = Featurizer(view)
        out: list[dict[str, float]] = [{} for _ in candidates]
        for kind, head in self.model.heads.items():
            idx = [i for i, c in enumerate(candidates) if c.kind == kind]
            if not idx:
                continue
            probs, classes = head.scores([featurizer(candidates[i], head.conjoined) for i in idx])
            for row, i in enumerate(idx):
                out[i] = {name: float(probs[row, j]) for j, name in enumerate(head.outputs)}
                if classes is not None:
                    out[i].update({f"credit:{c}": float(classes[row, j]) for j, c in enumerate(head.classes)})
        return out

    def relations(self, view: DocView, candidates: list[Candidate]) -> list[Relation]:
        scored = self.score(view, candidates)
        if self.model.facts is None:
            decided = [(cand, probs, relation, probs[relation]) for cand, probs in zip(candidates, scored)
                       for relation in self.model.heads[cand.kind].outputs
                       if probs[relation] >= self.model.heads[cand.kind].thresholds[relation]]
        else:
            decided = self.decide_facts(view, candidates, scored)
        rows = []
        for cand, probs, relation, p in decided:
            rows.extend(self.rows(view, cand, probs, relation, p))
        return finalise(rows)

    def decide_facts(self, view: DocView, candidates: list[Candidate], scored: list[dict[str, float]]):
        """Return (best candidate, its probabilities, relation, fact probability) for each fact the fact scorer
        accepts; a fact is a (relation, subject, object) and gathers all of its candidates."""
        context = Context(view)
        groups: dict[tuple, list] = {}
        at: dict[tuple, tuple] = {}  # (relation, subject entity, object tokens) → its fact, for list members
        normed: dict[str, str] = {}  # the same names and titles recur across a document's candidates
        for cand, probs in zip(candidates, scored):
            info = context.info(cand)
            for name in (cand.subject_name, cand.object_text):
                if name not in normed:
                    normed[name] = norm(name)
            for relation in self.model.heads[cand.kind].outputs:
                key = (relation, normed[cand.subject_name], normed[cand.object_text])
                if not key[1] or not key[2]:
                    continue
                at.setdefault((relation, cand.subject_id, cand.object), key)
                group = groups.setdefault(key, [[], cand, probs])
                group[0].append((info, probs[relation]))
                if probs[relation] > group[2][relation]:
                    group[1], group[2] = cand, probs
        facts = self.model.facts
        accepted = {}
        for key, (members, _, _) in groups.items():
            p = facts.probability(key[0], members)
            if p is not None and p >= facts.thresholds[key[0]]:
                accepted[key] = p
        stated = frozenset(k for k in accepted if stated_by(k[0], groups[k][0]))
        dropped = exclusive(accepted, facts.thresholds, stated)
        accepted = {k: p for k, p in accepted.items() if k not in dropped}
        copied = self.extend_to_lists(view, groups, accepted, at)
        out = []
        for key, p in accepted.items():
            _, cand, _ = groups[key]
            members, _, probs = groups[copied.get(key, key)]  # a list member takes the credits of the fact it copies
            certain = {f"credit:{credit}" for info, _ in members for relation, credit in info.stated
                       if relation == key[0] and credit}
            if certain:  # the construction's verbs give the credits ("directed by" → director)
                probs = {**probs, **{k: float(k in certain) for k in probs if k.startswith("credit:")}}
            out.append((cand, probs, key[0], p))
        return out

    @staticmethod
    def extend_to_lists(view: DocView, groups: dict, accepted: dict, at: dict) -> dict[tuple, tuple]:
        """Give the titles coordinated with an accepted fact's title, in its sentence, the same fact: the members of
        a list share the words that govern it ("X has starred in Tootsie, Hook and Meet the Fockers"). A member's
        fact keeps its own candidate (its evidence and offsets) and takes the probability of the fact it copies;
        return {member's fact: the fact it copies} for the facts it added or raised."""
        copied = {}
        for key, p in sorted(accepted.items(), key=lambda kv: -kv[1]):
            _, cand, _ = groups[key]
            if cand.kind != "work" or cand.source != "sentence" or cand.object is None \
                    or not _verb_between(view, cand.subject[1], cand.object[0]):
                continue  # only a list a verb governs: "X starred in A and B", not "X's A or B", "A and B director X"
            for title in coordinated_titles(view, *cand.object):
                other = at.get((key[0], cand.subject_id, (title.start, title.end)))
                if other is not None and other not in copied and accepted.get(other, 0.0) < p:
                    accepted[other] = p
                    copied[other] = copied.get(key, key)
        return copied

    def rows(self, view: DocView, cand: Candidate, probs: dict[str, float], relation: str, p: float) -> list[Relation]:
        """Return the rows one accepted (candidate, relation) gives, with confidence `p`."""
        version = self.model.version
        sent = view.sents[cand.sent]
        base = dict(subject=cand.subject_name, subject_id=cand.subject_id,
                    evidence=view.text[sent.start_char:sent.end_char],  # the sentence's text, not rebuilt per row
                    start_char=sent.start_char, end_char=sent.end_char, rule=f"{cand.source}@{version}")
        rows = []
        if relation == "actor_role":
            rows.append(Relation("actor_role", object=cand.object_text, work=cand.work, credit=None,
                                 confidence=round(p, 4), **base))
        elif relation == "creator_work":
            for credit in credits(probs):
                rows.append(Relation("creator_work", object=cand.object_text, work=None, credit=credit,
                                     confidence=round(p, 4), **base))
        else:
            rows.append(Relation(relation, object=cand.object_text, work=None, credit=None,
                                 confidence=round(p, 4), **base))
        return rows


def _verb_between(view: DocView, start: int, end: int) -> bool:
    """True when a verb stands between tokens `start` and `end` (a subject written before the title it governs)."""
    return start <= end and any(view.pos[i] in ("VERB", "AUX") for i in range(start, end))


def credits(probs: dict[str, float]) -> list[str]:
    """Return the credits of a creator pair: the likeliest, and a second one nearly as likely ("writer-director")."""
    ranked = sorted(((p, k.split(":", 1)[1]) for k, p in probs.items() if k.startswith("credit:")), reverse=True)
    if not ranked:
        return [None]
    chosen = [ranked[0][1]]
    if len(ranked) > 1 and ranked[1][0] >= 0.35:
        chosen.append(ranked[1][1])
    return chosen


def finalise(relations: list[Relation]) -> list[Relation]:
    """Return one row per fact (the most confident), with the cast rows actor_role implies, in text order."""
    implied = [replace(r, relation="cast_member", object=r.work, work=None, rule=f"{r.rule}+implied")
               for r in relations if r.relation == "actor_role" and r.work]
    characters = {r.object for r in relations if r.relation == "actor_role"}
    roles = {(r.subject_id, r.object) for r in relations if r.relation == "actor_role"}
    best: dict[tuple, Relation] = {}
    for row in relations + implied:
        if row.subject in characters or (row.relation != "actor_role" and row.object == row.subject):
            continue  # a name used as a character in this article is not also a performer or author
        if row.relation == "creator_work" and (row.subject_id, row.object) in roles:
            continue  # "playing Horatio to Derek Jacobi's Hamlet": Hamlet is Jacobi's role, not his work
        key = (row.relation, row.subject_id, row.object, row.credit)
        if key not in best or (row.confidence, row.work is not None) > (best[key].confidence, best[key].work is not None):
            best[key] = row
    return sorted(best.values(), key=lambda r: (r.start_char, r.relation, r.subject, r.object))
