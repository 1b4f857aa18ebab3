"""The title scorer: a logistic regression over candidate features, stored as JSON, and the `work_filter` component.

`pipeline/data/title_filter.json` holds the feature weights, the intercept, the threshold chosen by
cross-validation by article, and the features that accept a title whatever the score (rules that are certain, such
as a quoted title after a cue noun). `pipeline.works.train_filter` writes it.

`work_filter` runs after the title corrections and before entity resolution: a title scored below the threshold is
not a work in that article. Its spans take the label the recogniser gave the same words elsewhere in the article,
else PERSON when the words are a person's name there (a first name, a surname of a named person), else no label.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..names import captioned
from ..records import doc_text
from .candidates import LABEL, Candidate, work_candidates
from .features import _person_words, features, rule_index

MODEL_FILE = Path(__file__).parent.parent / "data" / "title_filter.json"
_PERSON_LIKE = {"first_name_first", "a_persons_surname", "a_persons_first_name", "a_persons_name", "after_honorific"}


class TitleScorer:
    """Scores candidates: `probability(features)` and `accepts(features)`."""

    def __init__(self, spec: dict):
        self.weights: dict[str, float] = spec["weights"]
        self.intercept: float = spec["intercept"]
        self.threshold: float = spec["threshold"]
        self.always: frozenset[str] = frozenset(spec.get("always_accept", []))
        self.spec = spec

    @classmethod
    def load(cls, path: Path | str = MODEL_FILE) -> "TitleScorer":
        with open(path, encoding="utf-8") as handle:
            return cls(json.load(handle))

    def probability(self, feats: list[str]) -> float:
        z = self.intercept + sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-z))

    def accepts(self, feats: list[str]) -> bool:
        return bool(self.always.intersection(feats)) or self.probability(feats) >= self.threshold


@Language.factory("work_filter", default_config={"model_file": str(MODEL_FILE)})
def make_work_filter(nlp: Language, name: str, model_file: str) -> "WorkFilter":
    return WorkFilter(TitleScorer.load(model_file))


class WorkFilter:
    """Takes the work label off the titles the scorer rejects, per title and article."""

    def __init__(self, scorer: TitleScorer):
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        ents = doc.ents  # read once (each read of `doc.ents` makes its spans anew)
        candidates = work_candidates(doc, ents)
        if not candidates:
            return doc
        rules, people = rule_index(doc), _person_words(doc, ents)
        text = doc_text(doc)
        rejected = [(c, f) for c in candidates for f in [features(c, doc, rules, people)]
                    if not self.scorer.accepts(f) or headline_only(c, text) and not _CUED.intersection(f)
                    or first_name_only(f) or all(_in_caption(s, text) for s in c.spans)]
        if rejected:
            doc.set_ents(relabel(doc, rejected, ents))
        return doc


# A cue noun beside a title ("The film Gravity tops the chart", "the Wonder Woman movie"): a title even when only
# the headline writes it.
_CUED = frozenset({"after_cue_noun", "before_cue_noun", "quoted_after_cue_noun", "before_work_part"})


# Where a work stands: quotation marks, a cue noun or a part noun beside it, a screen role after it, an owner's
# possessive before it, a preposition or a relation's verb governing it ("won for Ray", "starred in Alfie").
_WORK_CONTEXT = frozenset({"quoted", "after_cue_noun", "before_cue_noun", "quoted_after_cue_noun", "before_work_part",
                           "before_screen_role", "after_possessive", "prev=in", "prev=for", "prev=on", "prev=of"})


_MARKS = "\"“”″＂"


def _in_caption(span: Span, text: str) -> bool:
    """True when `span` lies inside double-quoted words of four or more that someone posted ("She captioned the
    photo 'Happy Anniversary To My Best Friend'", '"…," she wrote'): a caption in title case, not a title."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    opening = max(text.rfind(m, line_start, span.start_char) for m in _MARKS)
    closing = min((i for i in (text.find(m, span.end_char, line_end) for m in _MARKS) if i >= 0), default=-1)
    if opening < 0 or closing < 0:
        return False
    inner = text[opening + 1 : closing]
    words = inner.strip(" ,.").split()
    return len(words) >= 4 and captioned(text[line_start:opening], inner[len(inner.rstrip(" ,.!")):] + text[closing + 1 : closing + 40])


def first_name_only(feats: list[str]) -> bool:
    """True for a one-word title that is the first name of a person of the article and stands nowhere a work does
    ("Kayla" beside "Kayla Brightwater", "Tobias wrote"): celebrity news calls people by their first names, while a
    film named so is written where a work stands ("Jamie Foxx won for Ray", "the film Alfie")."""
    return "a_persons_first_name" in feats and not any(
        f in _WORK_CONTEXT or f.startswith(("credit_cue=", "rule=cue", "governed_by=")) for f in feats)


def headline_only(candidate: Candidate, text: str) -> bool:
    """True for a title written only in the headline, never in the body. A headline names again what its body
    reports, and a title-case headline proposes phrases the body never calls a work ("Rihanna Opens Up About Her
    Fashion Line", "Jennifer Aniston: The Objectification of Women in Media is …"): over the 200 annotated
    articles, cross-validated, none of the 3 headline-only candidates was a title. One with a cue noun beside it
    is kept (see `_CUED`)."""
    headline_end = text.find("\n")
    return headline_end > 0 and candidate.text not in text[headline_end:]


def relabel(doc: Doc, rejected: list[tuple[Candidate, list[str]]], ents: Sequence[Span] | None = None) -> list[Span]:
    """Return the doc's entities (`ents`, when the caller has read them) with the rejected candidates' work spans
    relabelled or dropped."""
    drop = {(s.start, s.end) for c, _ in rejected for s in c.spans}
    new = []
    for candidate, feats in rejected:
        label = _other_label(candidate) or ("PERSON" if _PERSON_LIKE.intersection(feats) else None)
        if label is not None:
            new += [Span(doc, s.start, s.end, label=label) for s in candidate.spans]
    kept = [e for e in (doc.ents if ents is None else ents) if (e.start, e.end) not in drop]
    return filter_spans(kept + new)


def _other_label(candidate: Candidate) -> str | None:
    """Return the label the recogniser gave most often to other mentions of the same words, if any."""
    votes: dict[str, int] = {}
    for occ in candidate.occurrences:
        label = occ[0].ent_type_
        if label and label != LABEL and occ[0].ent_iob_ == "B" and all(t.ent_type_ == label for t in occ):
            votes[label] = votes.get(label, 0) + 1
    return max(votes, key=votes.get) if votes else None
