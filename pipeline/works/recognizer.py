"""Adds the trained work-title recogniser to a spaCy pipeline.

The recogniser is the default base model's NER trained further on annotated titles (see `corpus`), so with that
base model it simply takes the place of `ner`: titles come at no extra cost. With any other base model (md, lg,
trf) it runs as an extra component `work_ner` and keeps only its titles, which that model's own NER then
predicts around, as it does around the entity ruler's spans.

Either way it runs before the parser, and `title_sentences` tells the parser that no sentence starts inside a
title: otherwise "Hallelujah I Love Her So" or "Jonathan Strange and Mr Norrell" is cut in two by a sentence
boundary, and an entity never crosses one.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

from spacy import util
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..names import speaks
from ..records import doc_text
from ..tokens import TokenArrays

LABEL = "WORK_OF_ART"
# PIPELINE_BASE_NER=1: the base model's NER labels everything but titles (see `add_work_recognizer`).
BASE_NER_ENV = "PIPELINE_BASE_NER"
# The shipped model: a spaCy pipeline folder holding one `ner` component, plus `training.json` (its scores).
MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "work_ner"


def model_info(path: Path = MODEL_DIR) -> dict:
    """Return the shipped model's meta (`meta.json`): name, version, the base model it was trained from."""
    return json.loads((path / "meta.json").read_text(encoding="utf-8"))


def add_work_recognizer(nlp: Language, path: Path = MODEL_DIR, replace: Optional[bool] = None) -> str:
    """Put the recogniser at `path` into `nlp`; return how ("replaced ner" or "added work_ner").

    With the base model it was trained from, the recogniser by default takes the place of that model's NER (one
    NER pass). `replace=False` (or the environment variable PIPELINE_BASE_NER=1 when `replace` is None) runs it
    as its own component instead and leaves every other label to the base model's NER, which predicts around its
    titles: slower by a whole NER pass, but the recogniser's own people, places and organisations drift from the
    base model's on text unlike its training articles ("Jeremy Irons" ORG, "Kenya" PERSON), and those names are
    the speakers and the makers.
    """
    if replace is None:
        replace = os.environ.get(BASE_NER_ENV, "") != "1"
    if not (path / "ner").is_dir():
        raise RuntimeError(f"work-title model not found at {path} (reinstall the package or run python -m pipeline.works.train)")
    base = model_info(path).get("base_model", {})
    same_base = base.get("name") == f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}" and base.get("version") == nlp.meta.get("version")
    if same_base and replace:
        nlp.remove_pipe("ner")
        _add_trained_ner(nlp, path, "ner")
        nlp.add_pipe("title_sentences", after="ner")
        return "replaced ner"
    _add_trained_ner(nlp, path, "work_ner")
    nlp.add_pipe("only_work_titles", after="work_ner")
    nlp.add_pipe("title_sentences", after="only_work_titles")
    if "ner" in nlp.pipe_names:
        nlp.add_pipe("no_new_titles", after="ner")
    return "added work_ner"


def _add_trained_ner(nlp: Language, path: Path, name: str) -> None:
    """Add the recogniser's `ner` component to `nlp` as `name`, before the parser, with the weights saved at `path`.

    The component is built from the saved config and reads its own folder, as `spacy.load(path)` would build and
    read it; loading the whole folder as a pipeline would also build a tokenizer and a vocabulary, only to take the
    component out of it.
    """
    config = util.load_config(path / "config.cfg", interpolate=True)["components"]["ner"]
    nlp.add_pipe("ner", name=name, config={k: v for k, v in config.items() if k != "factory"}, before="parser")
    nlp.get_pipe(name).from_disk(path / "ner", exclude=["vocab"])


PRESET = "preset_titles"


@Language.component("only_work_titles")
def only_work_titles(doc: Doc) -> Doc:
    """Keep the recogniser's titles as preset entities and leave every other token for the next NER."""
    titles = [e for e in doc.ents if e.label_ == LABEL]
    doc.set_ents(titles, default="missing")
    doc.spans[PRESET] = titles
    return doc


@Language.component("no_new_titles")
def no_new_titles(doc: Doc) -> Doc:
    """Drop the titles the base model's NER added around the preset ones: the recogniser and the title rules
    decide what is a work (the base model finds about one title in eight, and labels much else a work)."""
    preset = {(s.start, s.end) for s in doc.spans.get(PRESET, [])}
    preset |= {(s.start, s.end) for s in doc.spans.get("work_rules", [])}
    dropped = [e for e in doc.ents if e.label_ == LABEL and (e.start, e.end) not in preset]
    if dropped:
        # A name that reports is a person, whatever the base model made of it ("Streep told Vogue").
        reporting = [speaks(e) for e in dropped]
        people = [Span(doc, e.start, e.end, label="PERSON") for e, r in zip(dropped, reporting) if r]
        kept = [e for e in doc.ents if e not in dropped] + people
        doc.set_ents(kept, outside=[e for e, r in zip(dropped, reporting) if not r], default="unmodified")
    return doc


@Language.component("title_sentences")
def title_sentences(doc: Doc) -> Doc:
    """Cut titles at a line break, then mark every token inside a title after its first as not starting a sentence
    and every token after a blank line as starting one (the parser respects both)."""
    cut = [(ent, _within_line(ent)) for ent in doc.ents if ent.label_ == LABEL]
    cut = [(ent, kept) for ent, kept in cut if kept is not ent]
    if cut:
        # What a cut leaves is unannotated: the next NER, if any, labels it ("Lopez" after the break).
        left = [i for ent, kept in cut for i in range(ent.start, ent.end) if kept is None or not kept.start <= i < kept.end]
        doc.set_ents([kept for _, kept in cut if kept is not None], missing=[doc[i : i + 1] for i in left],
                     default="unmodified")
    for ent in doc.ents:
        if ent.label_ == LABEL:
            for token in ent[1:]:
                token.is_sent_start = False
    paragraph_sentences(doc)
    return doc


def paragraph_sentences(doc: Doc) -> None:
    """Start a sentence after every blank line and after the headline: neither a headline nor a paragraph runs on
    into the next one.

    Left to itself the parser often reads the headline and the first sentence as one ("Levy tipped for prize⏎⏎
    Novelist Andrea Levy is favourite …"), or gives a paragraph's closing quote mark to the next paragraph; both
    spoil the parse of the sentence that follows.
    """
    tokens = TokenArrays(doc)
    starts = [i + 1 for i, (space, text) in enumerate(zip(tokens.is_space[:-1], tokens.text))
              if space and text.count("\n") >= 2]
    # The headline the reader found ends at its line break even when no blank line follows it.
    title = doc._.title if Doc.has_extension("title") else None
    if title and doc_text(doc).startswith(title + "\n"):
        after = next((t for t in doc if t.idx >= len(title)), None)
        if after is not None and after.is_space and after.text.count("\n") == 1 and after.i + 1 < len(doc):
            starts.insert(0, after.i + 1)
    for i in starts:
        doc[i].is_sent_start = True
        # A preset start makes the small parser often cut again after the first word ("Novelist | Andrea Levy
        # is …", "Johnny | Depp, whose …"): a paragraph's first word is not a sentence of its own.
        if i + 1 < len(doc) and not doc[i + 1].is_space and doc[i].is_alpha:
            doc[i + 1].is_sent_start = False
        # The closing quote mark or bracket that ends a paragraph ends its last sentence.
        before = doc[i - 2] if i >= 2 else None
        if before is not None and (before.is_quote or before.is_right_punct) and before.i > 0:
            before.is_sent_start = False
    if starts:
        # Nor does a sentence start inside a name.
        for ent in doc.ents:
            for token in ent[1:]:
                if token.is_sent_start is None:
                    token.is_sent_start = False


def _within_line(ent: Span) -> Optional[Span]:
    """Return `ent` without line breaks at its start and up to the next one ("Sideways" of "Sideways⏎⏎Road").

    A title never runs over a headline's end or a paragraph break; left whole, it would also keep the parser from
    starting a sentence after the break. None when nothing is left.
    """
    start = ent.start
    while start < ent.end and "\n" in ent.doc[start].text:
        start += 1
    end = next((t.i for t in ent.doc[start : ent.end] if "\n" in t.text), ent.end)
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_) if end > start else None
