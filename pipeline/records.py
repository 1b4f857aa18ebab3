"""Typed fact records and the `Doc._` extensions every stage reads and writes.

Each stage of the pipeline is a spaCy component that stores its findings on the `Doc`
as lists of these records; `pipeline.tables` turns them into table rows. Offsets are
character offsets into `doc.text`, which is the article's cleaned text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc


@dataclass(frozen=True)
class Entity:
    """One real-world thing the article talks about, named by its most complete form."""

    entity_id: str
    name: str
    label: str


@dataclass(frozen=True)
class Mention:
    """A stretch of text that refers to an entity (a name, a surname, a pronoun)."""

    entity_id: str
    text: str
    label: str
    start_char: int
    end_char: int
    sentence: str
    kind: str = "name"  # name | partial | pronoun | nominal
    ner_label: Optional[str] = None  # the label NER gave before resolution; None when resolution found the mention


@dataclass(frozen=True)
class Quote:
    quote_id: str
    text: str
    start_char: int
    end_char: int
    speaker: Optional[str]
    speaker_id: Optional[str]
    speaker_text: Optional[str]
    cue: Optional[str]
    outlet: Optional[str]
    method: str  # explicit | pronoun | continuation | role-noun | unresolved
    confidence: float
    evidence: str
    rule: str


@dataclass(frozen=True)
class Relation:
    relation: str  # actor_role | cast_member | creator_work
    subject: str
    object: str
    work: Optional[str]
    credit: Optional[str]
    evidence: str
    start_char: int
    end_char: int
    rule: str
    confidence: float
    subject_id: Optional[str] = None


@dataclass(frozen=True)
class DateMention:
    text: str
    start_char: int
    end_char: int
    type: str  # TIMEX3 type: DATE | TIME | DURATION | SET
    value: Optional[str]  # TIMEX3: 1992, 2004-04-19, 198X, 1989-Q3, PRESENT_REF, 1998-02-11T22:00, P3Y, P1W, XXXX-WXX-1
    start: Optional[str]  # ISO date, first day of the interval
    end: Optional[str]  # ISO date, last day of the interval
    granularity: Optional[str]  # time | day | week | month | quarter | half | season | year | decade | century | duration units
    mod: Optional[str]  # EARLY | MID | LATE, or a duration's APPROX | MORE_THAN | LESS_THAN | ...
    quant: Optional[str]  # SET quantifier: EVERY | EACH
    freq: Optional[str]  # SET frequency: 2X for "twice a week"
    relative: bool
    anchor: Optional[str]  # ISO date the relative expression was resolved against
    evidence: str
    rule: str


def register_extensions() -> None:
    """Register the `Doc._` attributes the stages share (idempotent)."""
    defaults = {
        "article_id": None,
        "published": None,  # ISO date string of the publication date, the anchor for relative dates
        "title": None,
        "text": None,  # the cached `doc.text`: see `doc_text`
        "entities": None,  # list[Entity]
        "mentions": None,  # list[Mention]
        "quotes": None,  # list[Quote]
        "relations": None,  # list[Relation]
        "dates": None,  # list[DateMention]
    }
    for name, default in defaults.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def doc_text(doc: Doc) -> str:
    """Return `doc.text`, built once per document and kept in `doc._.text`.

    spaCy joins every token's text on each access of `doc.text` (about half a millisecond for a news article);
    the stages read the text many times. A cached text of the wrong length (not this doc's) is rebuilt.
    """
    text = doc._.text
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc._.text = doc.text
    return text


register_extensions()
