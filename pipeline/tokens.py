"""A document's token attributes as plain Python lists, for stages that look at every token.

Iterating a `Doc` makes a `Token` object per token, and each attribute read (`token.lower_`, `token.head.pos_`)
is a further call; a stage with a few loops over every token of every article spends most of its time there.
`TokenArrays` reads each attribute it is asked for once per document, with one `Doc.to_array`, as strings,
integers or booleans indexed by token position. A stage scans those, and makes `Token` objects only for the few
positions its rules look at closer.

The lists hold what the tokens hold when first read: build a `TokenArrays` inside one component call, after the
components whose annotation it reads (the parser, the tagger, the lemmatizer), never to keep across components.
The lists are kept in the doc's `user_data` for its later `TokenArrays`: the columns that come from a token's
lexeme or its whitespace (text, lower case, the spelling flags), which never change once the doc is tokenised, as
they are; the annotation (tags, parse, lemmas) with the raw values they were made from, so that a later reader,
which reads the raw values again, makes its lists anew only when a component changed them.
"""
from __future__ import annotations

from functools import cached_property
from typing import Callable

import numpy
from spacy.attrs import DEP, HEAD, IS_ALPHA, IS_LOWER, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY, TAG
from spacy.tokens import Doc, Span

from .records import doc_text

# Hash → string for every string a document here has held. A StringStore's hash is a function of the string alone,
# so one table serves every vocabulary; kept across documents, it turns a column of hashes into strings with one
# dictionary lookup per token, and holds no more strings than the vocabularies themselves.
_STRINGS: dict[int, str] = {}

# The doc's `user_data` keys of its lexical columns (name → list, see `TokenArrays._lexical`) and of its annotation
# columns (name → (raw values, list), see `TokenArrays._annotation`).
_LEXICAL = "pipeline.tokens.lexical"
_ANNOTATION = "pipeline.tokens.annotation"


class TokenArrays:
    """Per-token attributes of `doc`, each read on first use: `arrays.lower[i]` is `doc[i].lower_`."""

    def __init__(self, doc: Doc):
        self.doc = doc

    def __len__(self) -> int:
        return len(self.doc)

    @cached_property
    def string(self) -> str:
        """`doc.text` (the document's cached text, see `records.doc_text`)."""
        return doc_text(self.doc)

    def span_text(self, span: Span) -> str:
        """`span.text`, cut from the document's text (`Span.text` makes a Token object per token of the span)."""
        return self.string[span.start_char : span.end_char]

    def _lexical(self, name: str, read: Callable[[], list]) -> list:
        """Return the lexical column `name`: read (`read()`) by the doc's first `TokenArrays` that asks for it, then
        kept on the doc (a token's lexeme and whitespace are fixed once it is tokenised)."""
        columns = self.doc.user_data.setdefault(_LEXICAL, {})
        column = columns.get(name)
        if column is None or len(column) != len(self.doc):
            column = columns[name] = read()
        return column

    def _annotation(self, name: str, attr: int, convert: Callable[[numpy.ndarray], list]) -> list:
        """Return the annotation column `name`: the raw values of `attr` (one `Doc.to_array`), converted (`convert`)
        unless an earlier `TokenArrays` of the doc converted the same raw values (kept on the doc)."""
        if not len(self.doc):
            return []
        raw = self.doc.to_array(attr)
        key = raw.tobytes()
        columns = self.doc.user_data.setdefault(_ANNOTATION, {})
        kept = columns.get(name)
        if kept is not None and kept[0] == key:
            return kept[1]
        column = convert(raw)
        columns[name] = (key, column)
        return column

    def _column(self, attr: int) -> list[int]:
        return self.doc.to_array(attr).tolist() if len(self.doc) else []

    def _strings(self, attr: int) -> list[str]:
        """The attribute's string per token."""
        return self._strings_of(self._column(attr))

    def _strings_of(self, column: list[int]) -> list[str]:
        """The string of each hash of `column`."""
        try:
            return list(map(_STRINGS.__getitem__, column))
        except KeyError:  # strings not seen before: learn them from this document's vocabulary
            strings = self.doc.vocab.strings
            _STRINGS.update((key, strings[key]) for key in set(column) if key not in _STRINGS)
            return list(map(_STRINGS.__getitem__, column))

    @cached_property
    def text(self) -> list[str]:
        """`token.text`"""
        return self._lexical("text", lambda: self._strings(ORTH))

    @cached_property
    def positions(self) -> dict[str, list[int]]:
        """Token text → the positions that write it, in order."""
        positions: dict[str, list[int]] = {}
        for i, text in enumerate(self.text):
            positions.setdefault(text, []).append(i)
        return positions

    @cached_property
    def lower(self) -> list[str]:
        """`token.lower_`"""
        return self._lexical("lower", lambda: self._strings(LOWER))

    def _annotation_strings(self, name: str, attr: int) -> list[str]:
        return self._annotation(name, attr, lambda raw: self._strings_of(raw.tolist()))

    @cached_property
    def lemma(self) -> list[str]:
        """`token.lemma_`"""
        return self._annotation_strings("lemma", LEMMA)

    @cached_property
    def pos(self) -> list[str]:
        """`token.pos_`"""
        return self._annotation_strings("pos", POS)

    @cached_property
    def tag(self) -> list[str]:
        """`token.tag_`"""
        return self._annotation_strings("tag", TAG)

    @cached_property
    def dep(self) -> list[str]:
        """`token.dep_`"""
        return self._annotation_strings("dep", DEP)

    @cached_property
    def head(self) -> list[int]:
        """`token.head.i` (a token without a head is its own)."""
        # (stored relative to the token, as unsigned)
        return self._annotation("head", HEAD, lambda raw: (raw.astype(numpy.int64) + numpy.arange(len(raw))).tolist())

    @cached_property
    def whitespace(self) -> list[bool]:
        """`bool(token.whitespace_)`"""
        return self._lexical("whitespace", lambda: [bool(v) for v in self._column(SPACY)])

    @cached_property
    def sent_start(self) -> list[bool]:
        """`bool(token.is_sent_start)`: True only where a sentence is marked to start."""
        return self._annotation("sent_start", SENT_START, lambda raw: [v == 1 for v in raw.tolist()])

    @cached_property
    def is_alpha(self) -> list[bool]:
        """`token.is_alpha`"""
        return self._lexical("is_alpha", lambda: [bool(v) for v in self._column(IS_ALPHA)])

    @cached_property
    def is_lower(self) -> list[bool]:
        """`token.is_lower`"""
        return self._lexical("is_lower", lambda: [bool(v) for v in self._column(IS_LOWER)])

    @cached_property
    def is_space(self) -> list[bool]:
        """`token.is_space`"""
        return self._lexical("is_space", lambda: [bool(v) for v in self._column(IS_SPACE)])
