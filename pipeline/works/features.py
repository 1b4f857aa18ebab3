"""Features of a title candidate: the evidence, over all its mentions in the article, that it names a work.

Each candidate gets a set of binary feature names: how often and how it is mentioned (count, quotes, headline),
the rule that found it, the words around its mentions (a cue noun before, "star"/"creator" and a person after, a
possessive owner before, a reporting verb after, a role noun or honorific before), its shape (length, case of
inner words, digits), what else the recogniser called the same words, and whether it looks like a person's name
(a known first name, a person's surname elsewhere in the article). The scorer (`scorer.py`) weighs them.
"""
from __future__ import annotations

from typing import Sequence

from spacy.tokens import Doc, Span

from ..entities import HONORIFICS, load_json
from ..names import FIRST_NAMES, SPEECH_VERBS
from ..records import doc_text
from .candidates import LABEL, Candidate

_CUES = load_json("work_cues.json")
CUE_AFTER = frozenset(_CUES["cue_nouns_after"])
CUE_BEFORE = frozenset(_CUES["cue_nouns_before"])
INNER = frozenset(_CUES["title_inner"])
# Nouns for a work's parts and people that a title modifies ("the Gilmore Girls revival", "the Lost cast").
WORK_PARTS = frozenset(_CUES["work_part_nouns"])
_CORRECTIONS = load_json("title_corrections.json")
SCREEN_ROLES = frozenset(_CORRECTIONS["screen_roles"])
_QUOTE_CUES = load_json("quote_cues.json")
PERSON_ROLES = frozenset(_QUOTE_CUES["person_roles"]) | SCREEN_ROLES
# Nouns before the name of a band or an outlet ("the band Keane", "the magazine Heat").
GROUP_NOUNS = frozenset(_QUOTE_CUES["group_nouns"]) | frozenset(_QUOTE_CUES["outlet_nouns"])
QUOTE_MARKS = set("'‘’\"“”")
PERSON_OR_PLACE = {"PERSON", "GPE", "LOC", "FAC", "NORP"}
# The words of the relations stage that tie a person to a work ("starred in", "directed", "recorded"), by kind.
CREDIT_CUES = {word: kind for kind, words in load_json("relation_words.json")["cues"].items() for word in words}


def _bucket(n: int, top: int) -> str:
    return str(n) if n < top else f"{top}+"


def _person_words(doc: Doc, ents: Sequence[Span] | None = None) -> tuple[set[str], set[str]]:
    """Return the surnames and first names of the multi-word PERSON entities of `doc` (`ents`: its entities, when
    the caller has read them)."""
    last, first = set(), set()
    for ent in doc.ents if ents is None else ents:
        if ent.label_ != "PERSON":
            continue
        words = [t.text for t in ent if t.text not in {"'s", "’s"}]
        if len(words) >= 2:
            last.add(words[-1])
            first.add(words[0])
    return last, first


def _word_before(doc: Doc, i: int):
    """Return the token before `i` skipping quotation marks (None at the start)."""
    i -= 1
    while i >= 0 and all(c in QUOTE_MARKS for c in doc[i].text):
        i -= 1
    return doc[i] if i >= 0 else None


def _word_after(doc: Doc, i: int):
    """Return the token at or after `i` skipping quotation marks (None at the end)."""
    while i < len(doc) and all(c in QUOTE_MARKS for c in doc[i].text):
        i += 1
    return doc[i] if i < len(doc) else None


def _context(span: Span, doc: Doc, feats: set[str]) -> None:
    """Add the features of the words around one mention."""
    text = doc_text(doc)
    start, end = span.start_char, span.end_char
    quoted = start > 0 and end < len(text) and text[start - 1] in QUOTE_MARKS and text[end] in QUOTE_MARKS
    before = _word_before(doc, span.start) if quoted else (doc[span.start - 1] if span.start > 0 else None)
    after = _word_after(doc, span.end) if quoted else (doc[span.end] if span.end < len(doc) else None)
    if quoted:
        feats.add("quoted")
    if before is not None:
        if before.is_lower and before.lower_ in CUE_AFTER:
            feats.add("after_cue_noun")
            if quoted:
                feats.add("quoted_after_cue_noun")
        elif before.text in {"'s", "’s", "'", "’"}:
            feats.add("after_possessive")
        elif before.lower_ in HONORIFICS or before.lower_.rstrip(".") in HONORIFICS:
            feats.add("after_honorific")
        elif before.is_lower and before.lower_ in PERSON_ROLES:
            feats.add("after_role_noun")
        elif before.is_lower and before.lower_ in GROUP_NOUNS:
            feats.add("after_group_noun")
        elif before.is_lower and before.is_alpha:
            feats.add(f"prev={before.lemma_.lower()}")
        elif before.is_punct:
            feats.add(f"prev_punct={before.text}")
        if before.ent_type_ == "PERSON":
            feats.add("after_person")
    else:
        feats.add("at_start")
    if after is not None:
        if after.is_lower and after.lower_ in CUE_BEFORE:
            feats.add("before_cue_noun")
        if after.is_lower and after.lower_ in WORK_PARTS:
            feats.add("before_work_part")
        if after.is_lower and after.lower_ in SCREEN_ROLES:
            feats.add("before_screen_role")
            nxt = doc[after.i + 1] if after.i + 1 < len(doc) else None
            if nxt is not None and nxt.ent_type_ == "PERSON":
                feats.add("before_screen_role_person")
        elif after.lemma_.lower() in SPEECH_VERBS and after.pos_ == "VERB":
            feats.add("before_speech_verb")
        elif after.text in {"'s", "’s"}:
            feats.add("before_possessive")
        elif after.is_lower and after.is_alpha:
            feats.add(f"next={after.lemma_.lower()}")
        elif after.is_punct:
            feats.add(f"next_punct={after.text}")
        if after.ent_type_ == "PERSON":
            feats.add("before_person")
    root = span.root
    feats.add(f"dep={root.dep_}")
    if root.head.is_lower and root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "appos"):
        feats.add(f"dep={root.dep_}|head={root.head.lemma_.lower()}")
    governor = root.head
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.is_lower:
        # The word the preposition hangs on: "starred in X" (a work), "lives in X" (a place).
        governor = root.head.head
        feats.add(f"governed_by={governor.lemma_.lower()}|{root.head.lower_}")
    if governor is not root and governor.lemma_.lower() in CREDIT_CUES:
        feats.add(f"credit_cue={CREDIT_CUES[governor.lemma_.lower()]}")
    if root.dep_ == "conj" or any(t.dep_ == "conj" for t in root.children):
        others = [t for t in [root.head, *root.children] if t.dep_ == "conj" or t is root.head]
        for other in others:
            if other.ent_type_:
                feats.add(f"conj_with={other.ent_type_}")
    if span.sent.start == span.start:
        feats.add("sentence_start")
    headline_end = text.find("\n")
    if headline_end < 0 or span.start_char < headline_end:
        feats.add("in_headline")


def features(candidate: Candidate, doc: Doc, rules: dict[tuple[int, int], set[str]],
             person_words: tuple[set[str], set[str]] | None = None) -> list[str]:
    """Return the feature names of `candidate` in `doc`; `rules` maps a span's token offsets to the rules that
    found a title there; `person_words` (see `_person_words`) is computed once per doc when given."""
    last, first = person_words if person_words is not None else _person_words(doc)
    feats = {"bias"}
    words = candidate.text.split()
    feats.add(f"words={_bucket(len(words), 5)}")
    feats.add(f"labelled={_bucket(len(candidate.spans), 3)}")
    feats.add(f"mentions={_bucket(len(candidate.occurrences), 4)}")
    labels = set()  # what the other mentions of the words are: unlabelled, another label, inside another entity
    for occ in candidate.occurrences:
        label = occ[0].ent_type_ if occ[0].ent_iob_ == "B" and occ[-1].ent_type_ == occ[0].ent_type_ else ""
        outer = {t.ent_type_ for t in occ if t.ent_type_}
        if not outer:
            labels.add("none")
        elif label and label != LABEL:
            labels.add(label)
        elif LABEL not in outer:
            labels.add("inside_" + sorted(outer)[0])
    for longer in candidate.inside:
        feats.add(f"in_longer_name={longer.label_ or 'none'}")
    for label in labels:
        feats.add(f"also={label}")
    if any(label in PERSON_OR_PLACE for label in labels):
        feats.add("also_person_or_place")
    for span in candidate.spans:
        for rule in rules.get((span.start, span.end), ()):
            feats.add(f"rule={rule}")
        _context(span, doc, feats)
    if not any(f.startswith("rule=") for f in feats):
        feats.add("rule=model")
    for occ in candidate.occurrences:
        if occ[0].ent_type_ != LABEL:
            _context(occ, doc, feats)
    major = [w for w in words if w.lower() not in INNER]
    if major and all(w[:1].isupper() for w in major):
        feats.add("title_case")
    if any(w.islower() and w not in INNER for w in words[1:]):
        feats.add("lower_content_word")
    if any(w in INNER for w in words[1:]):
        feats.add("inner_function_word")
    if any(c.isdigit() for c in candidate.text):
        feats.add("digit")
    if len(candidate.text) > 3 and candidate.text.isupper():
        feats.add("all_caps")
    if words[0].lower() in {"the", "a", "an"}:
        feats.add("starts_with_article")
    if any(c in candidate.text for c in ":!?,"):
        feats.add("punctuation")
    if words[0].lower() in FIRST_NAMES and len(words) <= 3 and all(w[:1].isupper() for w in words):
        feats.add("first_name_first")
    if len(words) == 1 and words[0] in last:
        feats.add("a_persons_surname")
    if len(words) == 1 and words[0] in first:
        feats.add("a_persons_first_name")
    if len(words) >= 2 and words[-1] in last and words[0] in first:
        feats.add("a_persons_name")
    if all(t.pos_ == "PROPN" for s in candidate.spans[:1] for t in s):
        feats.add("all_propn")
    return sorted(feats)


def rule_index(doc: Doc) -> dict[tuple[int, int], set[str]]:
    """Return {(start, end): the rules that found a title there} from the doc's `work_rules` span group."""
    index: dict[tuple[int, int], set[str]] = {}
    for span in doc.spans.get("work_rules", []):
        index.setdefault((span.start, span.end), set()).add(span.label_)
    return index
