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
    from ..relations.candidates import CHARACTER_VERBS, DocView, _character_spans

    cues = _cue_words(CHARACTER_VERBS)
    works = [e for e in doc.ents if e.label_ == LABEL
             and any(t.lower_ in cues for t in doc[max(0, e.start - _REACH) : e.start]) or e.label_ == LABEL
             and e.end + 2 < len(doc) and doc[e.end + 1].lower_ == "played" and doc[e.end + 2].lower_ == "by"]
    if not works:
        return doc
    view = DocView(doc)
    sentences = sorted({view.sent_of[w.start] for w in works})
    roles = {(span.start, span.end) for k in sentences for span, _, _, certain in _character_spans(view, view.sents[k])
             if certain}
    dropped = [w for w in works if (w.start, w.end) in roles]
    if dropped:
        doc.set_ents([], missing=dropped, default="unmodified")
    return doc


def _cue_words(verbs: dict) -> frozenset:
    return frozenset(verbs) | {"as", "role", "part", "character", "portrayal"}
