"""Training documents for the work-title recogniser: every occurrence of a gold title marked `WORK_OF_ART`.

An article's gold `works` list names every title in it (see `docs/gold-format.md`), so the tokens outside those
titles are marked outside (`O`): the recogniser learns what is not a title as well as what is. The text is the
cleaned text the pipeline itself reads, so training and use see the same characters.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.util import filter_spans

from ..readers import read_file

LABEL = "WORK_OF_ART"


def read_gold(path: Path) -> dict[str, dict]:
    """Return the gold records of a JSON Lines file by article id."""
    with open(path, encoding="utf-8") as handle:
        return {r["article_id"]: r for r in map(json.loads, filter(str.strip, handle))}


def gold_titles(record: dict) -> list[str]:
    """Return the titles an article's gold names: its `works` list, else the works of its relations."""
    if "works" in record:
        titles = [w["title"] for w in record["works"]]
    else:
        titles = [r.get("work") for kind in ("cast_member", "creator_work", "actor_role") for r in record.get(kind, [])]
    return sorted({t.strip() for t in titles if t and t.strip()}, key=len, reverse=True)


def title_offsets(text: str, titles: Iterable[str]) -> list[tuple[int, int]]:
    """Return the character spans of every whole-word occurrence of `titles` in `text`, longest title first."""
    found: list[tuple[int, int]] = []
    taken = [False] * len(text)
    for title in titles:
        for m in re.finditer(r"(?<!\w)" + re.escape(title) + r"(?!\w)", text):
            if not any(taken[m.start() : m.end()]):
                found.append((m.start(), m.end()))
                taken[m.start() : m.end()] = [True] * (m.end() - m.start())
    return sorted(found)


def article_text(path: Path) -> str:
    """Return the cleaned text the pipeline reads from the article file `path`."""
    article = next(read_file(path, path.stem))
    if not article.ok:
        raise ValueError(f"{path}: {article.error}")
    return article.text


def make_doc(nlp: Language, text: str, titles: Iterable[str], complete: bool = True) -> Doc:
    """Return `text` with every title occurrence as a `WORK_OF_ART` entity and the base model's other entities.

    The recogniser is the base model's NER trained further, so the entities it already finds (people, places,
    organisations, dates) stay as it predicts them, as targets that keep it from forgetting them; where they
    overlap a gold title, or where it calls something a work that the complete gold list does not name, the gold
    list wins. With an incomplete list (`complete=False`: the works of an article's relations, as in Re-DocRED,
    where a title no relation names is still a title) every token outside the listed titles and the base model's
    other entities is missing, not outside. The base model's people and places stay targets: an unlisted title it
    labels a place ("Cast Away" GPE) is then taught as one, but leaving them missing as well cost more (blind titles
    0.753 → 0.699 with one seed: the model lost what tells a title from a name).
    """
    doc = nlp(text)
    titles_found = []
    for start, end in title_offsets(text, titles):
        span = doc.char_span(start, end, label=LABEL, alignment_mode="expand")
        if span is not None:
            titles_found.append(span)
    taken = {i for span in titles_found for i in range(span.start, span.end)}
    others = [e for e in doc.ents if e.label_ != LABEL and not any(i in taken for i in range(e.start, e.end))]
    doc.set_ents(filter_spans(titles_found + others), default="outside" if complete else "missing")
    return doc


def documents(nlp: Language, folder: Path, ids: Iterable[str] | None = None) -> Iterator[tuple[str, Doc]]:
    """Yield (article id, training doc) for the gold articles of `folder` (`texts/` + `gold.jsonl`).

    `nlp` is the base model with only its `ner` enabled (see `make_doc`).
    """
    gold = read_gold(folder / "gold.jsonl")
    for article_id in sorted(gold if ids is None else ids):
        path = folder / "texts" / f"{article_id}.txt"
        if path.exists():
            record = gold[article_id]
            yield article_id, make_doc(nlp, article_text(path), gold_titles(record), complete="works" in record)


def write(docs: Iterable[Doc], path: Path) -> int:
    """Write `docs` to a DocBin file at `path`; return how many."""
    docs = list(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE", "SPACY"], docs=docs).to_disk(path)
    return len(docs)


def swap_titles(doc: Doc, titles: list[list[str]], rng) -> Doc:
    """Return a copy of `doc` with every title replaced by another title's words, drawn from `titles`.

    The recogniser should learn where titles stand (after "starred in", before "star", in quotes), not which
    strings were titles in the training articles: each copy puts other titles in the same places.
    """
    words, spaces, tags = [], [], []
    ents = {e.start: e for e in doc.ents}
    swaps: dict[str, list[str]] = {}  # one replacement per title, so an article stays consistent
    i = 0
    while i < len(doc):
        ent = ents.get(i)
        if ent is not None and ent.label_ == LABEL:
            new = swaps.setdefault(ent.text, rng.choice(titles))
            words += new
            spaces += [True] * (len(new) - 1) + [bool(doc[ent.end - 1].whitespace_)]
            tags += [f"B-{LABEL}"] + [f"I-{LABEL}"] * (len(new) - 1)
            i = ent.end
            continue
        token = doc[i]
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
        # a token of an incomplete list's article stays missing ("" in spaCy's IOB), not outside
        tags.append(f"{token.ent_iob_}-{token.ent_type_}" if token.ent_type_ else "O" if token.ent_iob_ == "O" else None)
        i += 1
    return Doc(doc.vocab, words=words, spaces=spaces, ents=tags)


def augment(docs: list[Doc], copies: int, seed: int = 0, pool: Iterable[tuple[str, ...]] = ()) -> list[Doc]:
    """Return `docs` followed by `copies` title-swapped copies of each (titles drawn from `docs` themselves and from
    `pool`, titles as token texts)."""
    import random

    rng = random.Random(seed)
    titles = sorted({tuple(t.text for t in e) for d in docs for e in d.ents if e.label_ == LABEL} | set(pool))
    if not titles or copies <= 0:
        return list(docs)
    choices = [list(t) for t in titles]
    return list(docs) + [swap_titles(d, choices, rng) for _ in range(copies) for d in docs]
