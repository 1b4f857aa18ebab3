"""Candidates for the title filter: the distinct titles an article's recogniser and rules labelled a work.

A candidate is one title text with every place the article writes it: the spans labelled `WORK_OF_ART` (by the
recogniser, a rule or a correction) and the other occurrences of the same words, labelled otherwise or not at
all. The filter decides once per title and article, as entity resolution gives a title one label per article.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from spacy.tokens import Doc, Span

from ..records import doc_text

LABEL = "WORK_OF_ART"
_CLITICS = {"'s", "’s", "'", "’", "."}


@dataclass
class Candidate:
    """One title text of an article: its work-labelled spans, every occurrence of its words standing alone, and
    the longer names that hold its words ("Ray" in "Ray Charles")."""

    text: str
    spans: list[Span] = field(default_factory=list)
    occurrences: list[Span] = field(default_factory=list)
    inside: list[Span] = field(default_factory=list)


def title_text(span: Span) -> str:
    """Return the text of a work span without a closing possessive or full stop ("Shrek's" → "Shrek")."""
    end = span.end
    while end > span.start + 1 and span.doc[end - 1].text in _CLITICS:
        end -= 1
    return span.doc[span.start : end].text


def work_candidates(doc: Doc, ents: Sequence[Span] | None = None) -> list[Candidate]:
    """Return the article's candidates, in order of first mention (`ents`: the doc's entities, when the caller has
    read them)."""
    ents = doc.ents if ents is None else ents
    by_text: dict[str, Candidate] = {}
    for ent in ents:
        if ent.label_ == LABEL:
            text = title_text(ent)
            if text.strip():
                by_text.setdefault(text, Candidate(text)).spans.append(ent)
    if not by_text:
        return []
    text = doc_text(doc)
    entity_of = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    for candidate in by_text.values():
        for start, end in whole_words(text, candidate.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            longer = _longer_name(span, entity_of)
            if longer is None:
                candidate.occurrences.append(span)
            else:
                candidate.inside.append(longer)
    return list(by_text.values())


def whole_words(text: str, words: str) -> list[tuple[int, int]]:
    r"""Return the (start, end) of every occurrence of `words` in `text` not inside a longer word, left to right and
    not overlapping: what `re.finditer(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text)` finds, without compiling a
    pattern per title (a word character is what `\w` matches: `str.isalnum()` or "_")."""
    if not words:
        raise ValueError("no words to find")
    found = []
    size, start = len(words), text.find(words)
    while start >= 0:
        end = start + size
        if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
            found.append((start, end))
            start = text.find(words, end)
        else:
            start = text.find(words, start + 1)
    return found


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _longer_name(span: Span, entity_of: dict[int, Span]) -> Span | None:
    """Return the longer name `span` is part of: an entity reaching past it, or a run of capitalised words."""
    doc = span.doc
    ent = entity_of.get(span.start)
    if ent is not None and ent.start == span.start and all(t.text in _CLITICS for t in doc[span.end : ent.end]):
        return None  # the entity itself, maybe with a possessive
    for i in (span.start, span.end - 1):
        ent = entity_of.get(i)
        if ent is not None and (ent.start < span.start or ent.end > span.end):
            return ent
    start, end = span.start, span.end
    while start > 0 and _name_word(doc[start - 1]) and not doc[start].is_sent_start:
        start -= 1
    while end < len(doc) and _name_word(doc[end]) and not doc[end].is_sent_start:
        end += 1
    return doc[start:end] if (start, end) != (span.start, span.end) else None


def _name_word(token) -> bool:
    return token.is_alpha and token.text[:1].isupper()
