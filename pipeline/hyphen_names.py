"""One head for a hyphenated person's name the tokenizer split ("Penrose-Hythe", "Osei-Lamb", "Zeta-Jones").

The tokenizer splits a hyphenated word into its parts and the hyphen, and the parser, which rarely saw such names,
often hangs each part on the verb on its own: in "Mr Penrose-Hythe said the series would be filmed", "Penrose" is
an adverbial, "-" and "Hythe" are two subjects. Stages that ask what a name does (is it the subject of "said"?)
read the name's head, so they missed the speaker. This component, run right after the parser, makes the last part
the head with the most argument-like relation the parts were given (a subject before an object before the rest),
and hangs the other parts on it, as the parser does for "Mr Smith". Only names the model tagged a person are
joined (a title or a label, "The X-Factor", "Roc-A-Fella", keeps its parse); names the parser already built as
one phrase, and sentences it rooted inside the name, are left as they are. A person's name the model ended or began
at the hyphen ("Osei" of "Osei-Lamb") is stretched over the whole word first.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from .records import doc_text

# Two or more capitalised parts joined by hyphens, with no space: "Penrose-Hythe", "Jean-Pierre", "Osei-Lamb".
_HYPHENATED = re.compile(r"(?<![\w-])[A-Z][\w'’]*(?:-[A-Z][\w'’]*)+(?![\w-])")
# Relations a name takes, the first the most telling of what the name does in its sentence.
_PRIORITY = ("nsubj", "nsubjpass", "dobj", "pobj", "dative", "appos", "attr", "poss", "conj", "compound")


@Language.component("hyphenated_names")
def hyphenated_names(doc: Doc) -> Doc:
    for match in _HYPHENATED.finditer(doc_text(doc)):
        span = doc.char_span(match.start(), match.end())
        if span is None or len(span) < 2 or not any(t.ent_type_ == "PERSON" for t in span) \
                or any(t.ent_type_ not in {"PERSON", ""} for t in span):
            continue
        _whole_name(doc, span)
        _one_head(span)
    return doc


def _whole_name(doc: Doc, span) -> None:
    """Stretch a person's name the model ended or began at a hyphen ("Osei" of "Winifred Osei-Lamb") over the
    whole hyphenated word."""
    names = [e for e in doc.ents if e.label_ == "PERSON" and e.start < span.end and e.end > span.start]
    start, end = min([span.start] + [e.start for e in names]), max([span.end] + [e.end for e in names])
    if len(names) != 1 or (names[0].start, names[0].end) != (start, end):
        doc.set_ents([Span(doc, start, end, label="PERSON")], default="unmodified")


def _one_head(span) -> None:
    """Make the span's last part its one head, with the relation and head of its most argument-like part."""
    inside = {t.i for t in span}
    outer = [t for t in span if t.head.i not in inside or t.head.i == t.i]
    last = span[-1]
    if len(outer) < 2 or any(t.head.i == t.i for t in outer):
        return  # one phrase already, or the sentence's root is a part of the name
    best = min(outer, key=lambda t: (_PRIORITY.index(t.dep_) if t.dep_ in _PRIORITY else len(_PRIORITY), -t.i))
    head, dep = best.head, best.dep_
    if head.i in {t.i for t in last.subtree}:
        return  # the parse hangs the verb below the name: leave it
    last.head, last.dep_ = head, dep
    for t in span[:-1]:
        if t.head.i not in inside or t.head.i == t.i:
            t.head, t.dep_ = last, "punct" if t.is_punct else "compound"
