"""Character names the title recogniser took for works: "voiced the villain Captain Grizzle in Tugboat Tails",
"plays Detective Wren Calloway on the drama", "her breakout role as Mama Lucille in Sugar Street".

A name that a verb of playing, "as" after a casting word or a performer, "the role of" or "played by" introduces
is a character (the relations stage reads the same constructions, `relations.candidates`): its title label is
dropped, so that it is neither listed as a work nor paired as one. The name stays in the text for `actor_role`,
which reads characters whatever their label.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

LABEL = "WORK_OF_ART"
# How far before a title a role cue can stand ("plays the gruff, foul-mouthed villain X").
_REACH = 8


@Language.component("character_names")
def character_names(doc: Doc) -> Doc:
    """Drop the title label of names written as characters."""
    from ..relations.candidates import AS_HEADS, CHARACTER_VERBS, ROLE_OF_NOUNS, DocView, character_spans

    works = [e for e in doc.ents if e.label_ == LABEL and (
        any(_cue(doc, i, CHARACTER_VERBS, AS_HEADS, ROLE_OF_NOUNS) for i in range(max(0, e.start - _REACH), e.start))
        or e.end + 2 < len(doc) and doc[e.end + 1].lower_ == "played" and doc[e.end + 2].lower_ == "by")]
    if not works:
        return doc  # (the whole view is built only for the few documents with a title after a role cue)
    view = DocView(doc)
    sentences = sorted({view.sent_of[w.start] for w in works})
    roles = {(span.start, span.end) for k in sentences for span, _, _, certain in character_spans(view, view.sents[k])
             if certain}
    dropped = [w for w in works if (w.start, w.end) in roles]
    if dropped:
        doc.set_ents([], missing=dropped, default="unmodified")
    return doc


def _cue(doc: Doc, i: int, verbs: dict, as_heads: frozenset, role_nouns: frozenset) -> bool:
    """True when token `i` may open a role: a verb of playing, "as" after a casting word or a name, or a role noun
    before "of" (the test `relations.candidates.character_cue` then makes exact)."""
    word = doc[i].lower_
    if word in verbs:
        return True
    if word == "as":
        return i > 0 and (doc[i - 1].lower_ in as_heads or doc[i - 1].ent_type_ == "PERSON")
    return word in role_nouns and i + 1 < len(doc) and doc[i + 1].lower_ == "of"
