"""`title_filter`: keeps the work titles a small learned model believes, drops the rest.

Candidates are the distinct strings labelled `WORK_OF_ART` in a document (by the recogniser, the rules and the
corrections); `features` describes each from all its occurrences (the words around them, quotation marks, cue
nouns, sentence position, capitalisation, the parse); a logistic regression trained on out-of-fold candidates
(`python -m pipeline.works.train_filter`) scores them, and a candidate below the threshold chosen by
cross-validation loses its label. The model is a JSON file of weights (`pipeline/models/title_filter.json`).
"""
from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..entities import load_json
from ..records import doc_text

LABEL = "WORK_OF_ART"
MODEL = Path(__file__).resolve().parent.parent / "models" / "title_filter.json"
_QUOTES = set("'\"‘’“”")


def _cues() -> tuple[set[str], set[str]]:
    cues = load_json("work_cues.json")
    return set(cues["cue_nouns_after"]) | set(cues["cue_nouns_before"]), set(load_json("title_corrections.json")["screen_roles"])


CUE_NOUNS, ROLES = _cues()


def candidates(doc: Doc) -> dict[str, list[Span]]:
    """Return the document's work-labelled spans grouped by their text."""
    groups: dict[str, list[Span]] = {}
    for ent in doc.ents:
        if ent.label_ == LABEL:
            groups.setdefault(ent.text, []).append(ent)
    return groups


def features(doc: Doc, text: str, spans: list[Span]) -> dict[str, float]:
    """Return the features of one candidate title: `text` and its labelled occurrences `spans`."""
    full = doc_text(doc)
    f: dict[str, float] = {"bias": 1.0}
    words = text.split()
    f["n_words=" + str(min(len(words), 5))] = 1.0
    f["log_occurrences"] = math.log1p(len(re.findall(r"(?<!\w)" + re.escape(text) + r"(?!\w)", full)))
    f["log_labelled"] = math.log1p(len(spans))
    f["starts_the"] = float(words[0].lower() == "the")
    f["has_digit"] = float(any(c.isdigit() for c in text))
    f["all_title_case"] = float(all(w[:1].isupper() or not w[:1].isalpha() for w in words))
    f["has_lower_word"] = float(any(w[:1].islower() for w in words))
    f["ends_s"] = float(words[-1].endswith("s"))
    f["first_tag=" + spans[0][0].tag_] = 1.0
    f["last_tag=" + spans[0][-1].tag_] = 1.0
    first_para = full.find("\n")
    for span in spans:
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        quoted = before is not None and after is not None and before.text[-1:] in _QUOTES and after.text[:1] in _QUOTES
        f["quoted"] = max(f.get("quoted", 0.0), float(quoted))
        f["in_headline"] = max(f.get("in_headline", 0.0), float(first_para > 0 and span.end_char <= first_para))
        f["sentence_start"] = max(f.get("sentence_start", 0.0), float(span[0].is_sent_start))
        if before is not None:
            f["prev=" + before.lower_] = 1.0
            f["prev_cue"] = max(f.get("prev_cue", 0.0), float(before.lower_ in CUE_NOUNS))
            if span.start > 1:
                f["prev2=" + doc[span.start - 2].lower_] = 1.0
        if after is not None:
            f["next=" + after.lower_] = 1.0
            f["next_cue"] = max(f.get("next_cue", 0.0), float(after.lower_ in CUE_NOUNS))
            f["next_role"] = max(f.get("next_role", 0.0), float(after.lower_ in ROLES))
        root = span.root
        f["dep=" + root.dep_] = 1.0
        f["head=" + root.head.lemma_.lower()] = 1.0
    return f


def load_model(path: Path = MODEL) -> dict:
    """Return the filter model: `weights` by feature name, `threshold`, and how it was trained."""
    return json.loads(path.read_text(encoding="utf-8"))


def probability(model: dict, feats: dict[str, float]) -> float:
    """Return the model's probability that a candidate with `feats` is a work title."""
    weights = model["weights"]
    z = sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


@Language.factory("title_filter", default_config={"model_path": None})
def make_title_filter(nlp: Language, name: str, model_path: str | None) -> "TitleFilter":
    return TitleFilter(load_model(Path(model_path) if model_path else MODEL))


class TitleFilter:
    """Drops the `WORK_OF_ART` label from candidates the model scores below its threshold."""

    def __init__(self, model: dict):
        self.model = model
        self.threshold = model["threshold"]

    def rejected(self, doc: Doc) -> set[str]:
        return {text for text, spans in candidates(doc).items()
                if probability(self.model, features(doc, text, spans)) < self.threshold}

    def __call__(self, doc: Doc) -> Doc:
        drop = self.rejected(doc)
        if drop:
            doc.ents = [e for e in doc.ents if not (e.label_ == LABEL and e.text in drop)]
        return doc


def rows(docs: Iterable[tuple[Doc, set[str]]], norm) -> Iterable[tuple[dict, int, str]]:
    """Yield (features, label, title) for every candidate of `docs` given each doc's normalised gold titles."""
    for doc, gold in docs:
        for text, spans in candidates(doc).items():
            yield features(doc, text, spans), int(norm(text) in gold), text
