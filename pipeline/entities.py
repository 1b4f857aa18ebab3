"""Entities: entertainment rules on top of spaCy's NER, and document-level entity resolution.

Two components:
- `work_titles` (before `ner`): title-case spans after or before cue nouns ("the film Serenity",
  "ballet drama Étoile", "the Wonder Woman movie") and short quoted title-case spans ('Friends') become
  `WORK_OF_ART`; `ner` then predicts around them.
- `entity_resolver` (after `ner`): links every mention to one entity named by its most complete form
  ("Gainsbourg" → Charlotte Gainsbourg), decides each entity's label across all its mentions, marks every
  later occurrence of a known work title, and stores `doc._.entities` / `doc._.mentions`. Resolved
  spans are written back to `doc.ents` with `kb_id_` set to the entity id.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_right
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .names import (COMPANY_NOUNS, couple_styled, without_post_nominals, FIRST_NAME_GENDER, FIRST_NAMES, NAME_SUFFIXES, NICKNAME_MARKS, ORG_WORDS, PERSON_ROLES, SHOW_HEADS, acronym, canonical_name, join_labels, mend_split_names, musical_acts, reporting_form, captioned,
                    same_given_name, speaking_names, speaking_organisations, surname, trim_name, unglue_headline,
                    untagged_people, nicknamed_people, completed_surnames, speakers_titled, speaks, RULE_SPANS)
from .records import Entity, Mention, doc_text
from .tokens import TokenArrays

DATA = Path(__file__).parent / "data"
# Lower-case words a title-case run read backwards from a cue noun may hold ("the Lord of the Rings trilogy").
_BACKWARD_INNER = frozenset({"of", "the", "a", "an", "in", "on", "at", "to", "for", "with", "from"})
# A day or a month after a preposition other than "of" ends a title ("the show Trading Places on Monday", "the album
# X in May"; "Born on the Fourth of July" goes on).
CALENDAR_WORDS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "january", "february", "march", "april", "may", "june", "july", "august", "september",
                            "october", "november", "december"})

# Labels that name things; numeric labels (DATE, CARDINAL, MONEY, ...) are not entities here.
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_YEARISH = re.compile(r"(?:'|’)?\d{2,4}(?:s|'s|’s)?")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_QUOTED_TITLE = re.compile(r"(?<![\w'’])(['‘\"“])([^'‘’\"“”\n]{1,60}?)(['’\"”])(?![\w'’])")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NUMBER_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY"}


def load_json(name: str) -> dict:
    """Return the parsed JSON data file `name` from `pipeline/data/`."""
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


_AWARDS = [name for name in load_json("title_corrections.json")["award_names"] if " " in name]
AWARD_NAMES = frozenset(_AWARDS) | {name.split()[-1] for name in _AWARDS if name.endswith("s")}
# One-word award names ("Oscar", "Tony") and the words after them that make a person of the award's winner or
# nominee ("the Oscar winner", "Emmy Nominee Jon Park", "a Tony-winning actress"): the award, never the person.
_ONE_WORD_AWARDS = frozenset(name for name in load_json("title_corrections.json")["award_names"] if " " not in name)
_AWARD_ROLES = {"winner", "winners", "nominee", "nominees", "winning", "laureate", "hopeful", "hopefuls", "contender"}


def _without_described_roles(spans: list[Span]) -> list[Span]:
    """Return `spans` without the "names" that end in a role noun right before a person's name: a title-case
    headline's description of the person ("Esperanza Star Mia Delacroix Is Engaged", "Cedar Falls Actress Mia Tran"),
    which the model tags a person, and whose first word would then make every "Esperanza" of the body that person."""
    starts = {s.start: s for s in spans}
    return [s for s in spans if not (
        s.label_ == "PERSON" and len(s) >= 2 and s[-1].lower_ in PERSON_ROLES and s[-1].text[:1].isupper()
        and (after := starts.get(s.end)) is not None and after.label_ == "PERSON")]


def _award_before_role(span: Span) -> bool:
    """True for a one-word award name before a winner's or nominee's noun ("The Oscar winner, 56,")."""
    doc = span.doc
    if len(span) != 1 or span.text not in _ONE_WORD_AWARDS or span.end >= len(doc):
        return False
    after = doc[span.end]
    if after.text in {"-", "–"} and span.end + 1 < len(doc):
        after = doc[span.end + 1]
    return after.lower_ in _AWARD_ROLES


# Words before a name that are not part of it ("Mr Neeson", "DJ Pete Mitchell").
HONORIFICS = frozenset(load_json("names.json")["honorifics"])


def slug(text: str) -> str:
    """Return `text` lower-cased, accents stripped, with runs of other characters as single hyphens."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


@lru_cache(maxsize=8192)
def entity_id(label: str, name: str) -> str:
    """Return the id of an entity: stable across articles, derived from its label and normalised name."""
    return f"{label.lower()}:{slug(name)}"


def strip_possessive(text: str) -> str:
    """Return `text` without a trailing possessive `'s`."""
    return _POSSESSIVE.sub("", text) if text.endswith(("'s", "’s")) else text


def name_words(text: str) -> list[str]:
    """Return the words of a name without honorifics or a possessive (`Mr Neeson's` → [`Neeson`])."""
    words = without_post_nominals(strip_possessive(text).replace(".", " ").split())
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    if len(words) > 2 and any(_quoted(w) for w in words[1:-1]):
        # A nickname inside a name is written in one way: "Bobby 'Bear' Castillo" is 'Bobby "Bear" Castillo'.
        words = [words[0]] + [f'"{w[1:-1]}"' if _quoted(w) else w for w in words[1:-1]] + [words[-1]]
    return words


def _quoted(word: str) -> bool:
    """True for a word in quotation marks (a nickname inside a name: 'Bobby "Bear" Castillo')."""
    return len(word) > 2 and word[0] in NICKNAME_MARKS and word[-1] in NICKNAME_MARKS


@Language.factory("work_titles", default_config={"cues_file": "work_cues.json"})
def make_work_titles(nlp: Language, name: str, cues_file: str) -> "WorkTitles":
    return WorkTitles(nlp, load_json(cues_file))


class WorkTitles:
    """Marks work titles found next to cue nouns, in short quotes or dated by a year in brackets ("Frenzy (1972)")
    as `WORK_OF_ART` entities."""

    def __init__(self, nlp: Language, cues: dict):
        self.after = set(cues["cue_nouns_after"])
        self.before = set(cues["cue_nouns_before"])
        self.inner = set(cues["title_inner"])
        self.not_titles = set(cues["not_titles"])
        self.openers = set(cues["title_openers_before_cue"])
        self.other_senses = set(cues["cue_nouns_other_senses"])

    def _cues(self, doc: Doc) -> list[tuple[str, int]]:
        """Return (kind, token) for every cue noun written in lower case (or in capitals, as the list writes "EP"), in text order; a noun that is both kinds
        ("film": "the film X", "the X film") comes first as CUE_AFTER; and (YEAR_AFTER, i) for every four-digit
        year in brackets, `i` being the opening bracket ("Harbour Lines (1972)")."""
        tokens = TokenArrays(doc)
        texts = tokens.text
        found = []
        for i, (word, lower) in enumerate(zip(tokens.lower, tokens.is_lower)):
            # (a cue noun the list writes in capitals is written so: "her debut EP, Ferryhill,")
            if lower and word in self.after or texts[i] in self.after and texts[i].isupper() and len(texts[i]) > 1:
                found.append(("CUE_AFTER", i))
            if lower and word in self.before:
                found.append(("CUE_BEFORE", i))
            if word == "(" and i + 2 < len(texts) and texts[i + 2] == ")" and len(texts[i + 1]) == 4 \
                    and texts[i + 1].isdigit():
                found.append(("YEAR_AFTER", i))
        return found

    def _capitalised(self, token) -> bool:
        text = token.text
        return (text[:1].isupper() or text[:1].isdigit() and token.i > 0) and text not in {"I"}

    def _run_forward(self, doc: Doc, i: int) -> Optional[Span]:
        """Return the title-case run starting at token `i`, allowing inner function words."""
        end = i
        j = i
        while j < len(doc):
            tok = doc[j]
            if j > i and tok.is_sent_start:
                break
            if self._capitalised(tok) and not tok.ent_type_ in {"DATE", "CARDINAL"}:
                j += 1
                end = j
            elif j > i and (tok.lower_ in self.inner or tok.text in self.inner) and self._continues(doc, j):
                j += 1
            else:
                break
        if end == i or not doc[i].text[:1].isupper():
            return None
        # "Fahrenheit 9/11 and Mel Gibson's The Passion" is two titles: a run never joins across "and" into a possessive.
        joins = [t.i for t in doc[i:end] if t.lower_ in {"and", "&"}]
        if joins and any(t.text in {"'s", "’s"} for t in doc[joins[0] : end]):
            end = joins[0]
        return doc[i:end]

    def _continues(self, doc: Doc, j: int) -> bool:
        """True when the title goes on after the inner word at `j`: a capitalised word follows ("Lost in
        Translation"), or an article and one after "of" ("Shape of the Moon"). A number follows only a possessive or
        a colon ("Ocean's 11"), never a preposition ("American Bandstand from 1956")."""
        if j + 1 >= len(doc):
            return False
        after = doc[j + 1]
        if _before_a_person(doc, j):
            return False  # "the war drama Allied with Marion Cotillard": the rule cannot tell (see `__call__`)
        if doc[j].lower_ == "of" and after.lower_ in {"the", "a", "an"} and j + 2 < len(doc):
            return doc[j + 2].text[:1].isupper()
        return after.text[:1].isupper() and after.text != "I" and (after.lower_ not in CALENDAR_WORDS or doc[j].lower_ == "of") \
            or after.text[:1].isdigit() and doc[j].text in {"'s", "’s", ":", "-"}

    def _run_backward(self, doc: Doc, k: int) -> Optional[Span]:
        """Return the title-case run ending just before token `k`, after `the` or a possessive; the run may hold
        lower-case prepositions and articles between its capitalised words ("the Lord of the Rings trilogy"), never
        "and" ("the Tom Cruise and Nicole Kidman film" is two names). Of the runs that start after an opener, the
        longest."""
        best = None
        j = k - 1
        while j >= 0 and (j == k - 1 or not doc[j + 1].is_sent_start):
            tok = doc[j]
            if self._capitalised(tok):
                if j > 0 and doc[j - 1].lower_ in self.openers:
                    best = j
            elif not (tok.is_lower and tok.lower_ in _BACKWARD_INNER and j < k - 1):
                break
            j -= 1
        return doc[best:k] if best is not None else None

    def _run_before_year(self, doc: Doc, paren: int) -> Optional[Span]:
        """Return the title-case run right before "(1999)" at `paren`: "Anti-Oedipus (1972)", "Alfred Hitchcock's
        Frenzy (1972)" (the part after a possessive). A year in brackets after a name dates a work; a person's
        dates are a range ("(1907–1989)") or say "born"."""
        close = paren + 2
        if close >= len(doc) or doc[close].text != ")" or not _YEAR.fullmatch(doc[paren + 1].text):
            return None
        start = paren
        while start > 0 and not doc[start].is_sent_start:
            if self._capitalised(doc[start - 1]) and not doc[start - 1].is_punct:
                start -= 1
                continue
            if doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and start - 2 >= 0 \
                    and not doc[start - 2].whitespace_ and self._capitalised(doc[start - 2]):
                start -= 2  # "Slaughterhouse-Five"
                continue
            # Lower-case title words between capitalised ones ("The Princess and the Frog").
            k = start - 1
            while k > 0 and doc[k].lower_ in self.inner and doc[k].is_lower and not doc[k].is_sent_start:
                k -= 1
            if k == start - 1 or not self._capitalised(doc[k]) or doc[k].is_punct:
                break
            start = k
        owners = [t.i for t in doc[start:paren] if t.text in {"'s", "’s"}]
        if owners:
            start = owners[-1] + 1
        while start < paren and doc[start].lower_ in self.inner and doc[start].is_lower:
            start += 1
        if start >= paren or not doc[start].text[:1].isupper():
            return None
        return doc[start:paren]

    def _acceptable(self, span: Span) -> bool:
        words = [t.text for t in span if t.text not in self.inner]
        # "the 1970s TV series": decades and years with only generic words around them name no work.
        if not words or all(w in self.not_titles or w.lower() in self.after or _YEARISH.fullmatch(w) for w in words):
            return False
        if span.text in self.not_titles or _ISO_DATE.match(span.text):
            return False
        # A run that is a known organisation (from the entity ruler) is a network or studio, not a title.
        return not any(t.ent_type_ and t.ent_type_ != "WORK_OF_ART" for t in span)

    def _quoted_titles(self, doc: Doc) -> list[Span]:
        spans = []
        text = doc_text(doc)
        for m in _QUOTED_TITLE.finditer(text):
            inner = m.group(2).strip()
            if inner[-1:] in {",", "."} and m.group(3) in "\"”" and len(inner.split()) >= 2 \
                    and not (inner.endswith(".") and _speech_before(text, m.start())):
                # American punctuation: 'starred in "13 Reasons Why," which …', '… and "Velvet Static."' (one word
                # so quoted is more often a scare quote: 'was "Amazing," and'; nor what someone says: 'she said:
                # "Thank You All."')
                inner = inner[:-1].rstrip()
            words = inner.split()
            if not 1 <= len(words) <= 6 or inner[-1:] in ".,!?;":
                continue
            ending = m.group(2).strip()[len(inner):]  # the comma or full stop inside the closing mark
            if len(words) >= 4 and captioned(text[max(0, m.start() - 60) : m.start()], ending + text[m.end() : m.end() + 40]):
                continue  # a caption in title case ("She captioned the photo 'Happy Anniversary To My Best Friend'")
            major = [w for w in words if w.lower() not in self.inner]
            if major and all(w[:1].isupper() or w[:1].isdigit() for w in major) and inner not in self.not_titles:
                span = doc.char_span(m.start(2), m.start(2) + len(inner), label="quoted")
                if span is not None:
                    spans.append(span)
        return spans

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for kind, start in self._cues(doc):
            if kind == "CUE_AFTER" and start + 2 < len(doc) and doc[start + 1].text == "," and _determined(doc, start):
                # Apposition: "her new album, Blue Lines, went ..." (the run must close with the apposition);
                # not "head of drama, Claire Booth,", where the noun names a field, not a work.
                span, rule = self._run_forward(doc, start + 2), "cue_apposition"
                if span is not None and (span.end < len(doc) and doc[span.end].text not in {",", ".", ";"}):
                    span = None
                if span is not None and span[0].lower_ in FIRST_NAMES and _after_noun_and_preposition(doc, start):
                    span = None  # "His co-star in the series, Gwen Tolley, said": the co-star's name
                if span is not None and _company_noun_before(doc, start):
                    span = None  # "The studio behind the series, Ironbark Pictures,": the studio's name
            elif kind == "CUE_AFTER" and start + 1 < len(doc) and not (start > 0 and doc[start - 1].lower_ == "of"
                                                                        and not _determined(doc, start)):
                # (not "BBC head of comedy Jonathan Ardley", where the bare noun after "of" names a field)
                span, rule = self._run_forward(doc, start + 1), "cue_after"
                if span is not None and doc[start].lower_ in self.other_senses and _names_a_person(span):
                    span = None  # "the romance Jennifer Hale described", "the quiz Tom Hardy hosted"
            elif kind == "CUE_BEFORE":
                span, rule = self._run_backward(doc, start), "cue_before"
            elif kind == "YEAR_AFTER":
                span, rule = self._run_before_year(doc, start), "year_after"
            else:
                span = None
            if span is not None and span.end < len(doc) and _before_a_person(doc, span.end):
                # "his war drama Allied with Marion Cotillard", but "the documentary Living with Michael Jackson":
                # whether the name is the title's is the recogniser's to say, not this rule's.
                span = None
            if span is not None and self._acceptable(span):
                found.append(Span(doc, span.start, span.end, label=rule))
        found.extend(self._quoted_titles(doc))
        if found:
            # A number the model found inside a quoted title is the title's ("13 Reasons Why").
            quoted = [s for s in found if s.label_ == "quoted"]
            existing = [e for e in doc.ents if not (e.label_ in _NUMBER_LABELS and any(
                q.start <= e.start and e.end <= q.end for q in quoted))]
            taken = {i for ent in existing for i in range(ent.start, ent.end)}
            new = [s for s in filter_spans(found) if not any(i in taken for i in range(s.start, s.end))]
            # The rule behind each title stays on the doc (`work_rules`) for the title filter to weigh.
            add_rule_spans(doc, new)
            doc.set_ents(filter_spans(existing + [Span(doc, s.start, s.end, label="WORK_OF_ART") for s in new]))
        return doc


def _names_a_person(span: Span) -> bool:
    """True for two to four capitalised words with a known first name among the first two ("Jennifer Hale",
    "Detective Ray Moss")."""
    return 2 <= len(span) <= 4 and all(t.is_alpha and t.is_title for t in span) \
        and any(t.lower_ in FIRST_NAMES for t in span[:2])


def _speech_before(text: str, start: int) -> bool:
    """True when the quotation opening at `start` follows a colon, a sentence's end or a reporting verb and a comma
    ('simply writing, "Happy Holidays."'): what someone says or writes, not a title the sentence names."""
    before = text[max(0, start - 40) : start].rstrip()
    if not before or before[-1] in ":.!?\n":
        return True
    words = re.findall(r"[A-Za-z]+", before)
    if before[-1] != "," or not words:
        return False
    return reporting_form(words[-1].lower())


# Title words that join a title to a maker or a partner ("Allied with Marion Cotillard", "Vera Drake by Mike Leigh").
_PARTNER_WORDS = frozenset({"with", "by", "and", "&", "from", "for", "to"})


def _before_a_person(doc: Doc, j: int) -> bool:
    """True when token `j` is a word that joins a title to a partner or a maker and a person's name follows it (a
    known first name and a capitalised word): "Allied with Marion Cotillard", "Vera Drake by Mike Leigh"."""
    return doc[j].lower_ in _PARTNER_WORDS and j + 2 < len(doc) and doc[j + 1].lower_ in FIRST_NAMES \
        and doc[j + 1].text[:1].isupper() and doc[j + 2].text[:1].isupper() and doc[j + 2].is_alpha


def add_rule_spans(doc: Doc, spans: list[Span]) -> None:
    """Add `spans` (labelled with the rule that found each title) to the doc's `work_rules` span group."""
    if spans:
        group = list(doc.spans[RULE_SPANS]) if RULE_SPANS in doc.spans else []
        doc.spans[RULE_SPANS] = group + spans


_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "whose", "this", "that", "'s", "’s"}


def _before_noun_phrase(doc: Doc, i: int) -> int:
    """Return the index of the word before the noun phrase the noun at `i` ends (its determiner, modifiers and
    compounds, at most four words back)."""
    j = i - 1
    while j > 0 and doc[j].tag_ in {"DT", "PRP$", "JJ", "CD", "NN", "NNP", "POS", "HYPH"} and i - j <= 4:
        j -= 1
    return j


def _after_noun_and_preposition(doc: Doc, i: int) -> bool:
    """True when the noun phrase of the noun at `i` follows a preposition that follows a person's role noun
    ("co-star in the series", "the director of the film"): an apposition after it may describe that person (not
    "the premiere of his new thriller, Hollis Creek")."""
    j = _before_noun_phrase(doc, i)
    return j > 0 and doc[j].tag_ == "IN" and doc[j - 1].lower_ in PERSON_ROLES


def _company_noun_before(doc: Doc, i: int) -> bool:
    """True when the noun phrase of the noun at `i` follows a preposition, or a verb of a relative clause, that
    follows a company noun ("the studio behind the series", "the network that aired the show", "the label which
    released the album"): an apposition after it names the company."""
    j = _before_noun_phrase(doc, i)
    if j > 0 and doc[j].tag_.startswith("VB") and doc[j - 1].lower_ in {"that", "which"}:
        j -= 1
    elif not (j > 0 and doc[j].tag_ == "IN"):
        return False
    return doc[j - 1].lower_ in COMPANY_NOUNS


def _determined(doc: Doc, i: int) -> bool:
    """True when the noun at `i` opens with a determiner or possessive within three words ("her new album", "whose
    2019 debut album")."""
    for token in reversed(doc[max(0, i - 3) : i]):
        if token.lower_ in _DETERMINERS:
            return True
        if _YEAR.fullmatch(token.text):
            continue
        if not (token.is_alpha and (token.is_lower or token.text[:1].isupper())) or token.lower_ in {"of", "in", "for", "on", "at", "to", "and"}:
            return False
    return False


@dataclass
class _Cluster:
    mentions: list[Span] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # each mention's text
    labels: Counter = field(default_factory=Counter)
    fixed_label: Optional[str] = None
    full_name: Optional[str] = None  # a name no mention writes whole ("Grant Whitlock" of "Grant and Bea Whitlock")

    def name(self) -> str:
        forms = [" ".join(name_words(text)) for text in self.texts]
        best = max(range(len(forms)), key=lambda k: (len(forms[k].split()), len(forms[k]), len(self.texts[k]), -k))
        if self.full_name and len(self.full_name.split()) > len(forms[best].split()):
            return self.full_name
        return canonical_name(self.texts[best], forms[best])


# The span group of the organisations found speaking (`names.speaking_organisations`), read by the clustering.
SPEAKING_ORGANISATIONS = "speaking_organisations"


@Language.factory("entity_resolver", default_config={"patterns_file": "entity_patterns.jsonl"})
def make_entity_resolver(nlp: Language, name: str, patterns_file: str) -> "EntityResolver":
    return EntityResolver(load_gazetteer(patterns_file))


def load_gazetteer(patterns_file: str = "entity_patterns.jsonl") -> dict[str, str]:
    """Return the known names of the entity rules' patterns file (outlets, broadcasters, studios, …) → label."""
    with open(DATA / patterns_file, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {row["pattern"]: row["label"] for row in rows}


class EntityResolver:
    """Links mentions to document-level entities and decides their labels across mentions."""

    def __init__(self, gazetteer: dict[str, str]):
        self.gazetteer = gazetteer

    def _candidates(self, doc: Doc, text: str, ents: tuple[Span, ...], tokens: TokenArrays) -> list[Span]:
        """`ents`: the doc's entities; `tokens`: its token arrays."""
        texts, sent_starts = tokens.text, tokens.sent_start
        spans = []
        for ent in ents:
            if ent.label_ not in NAME_LABELS:
                continue
            # An entity never runs across a sentence end ("Malcolm X. Attallah Shabazz" is two people).
            end = next((i for i in range(ent.start + 1, ent.end) if sent_starts[i]), ent.end)
            # Drop the possessive clitic so "Whedon's" is the mention "Whedon".
            while end > ent.start + 1 and texts[end - 1] in {"'s", "’s", "'", "’", "."}:
                end -= 1
            inner = next((i for i in range(ent.start + 2, end - 1) if texts[i] in {"'s", "’s", "'", "’"}), None)
            if ent.label_ == "PERSON" and inner is not None and texts[inner + 1][:1].isupper():
                # "Mike Nichols' Closer" tagged as one person: the owner is the person, the rest a work title.
                spans.append(Span(doc, ent.start, inner, label="PERSON"))
                spans.append(Span(doc, inner + 1, end, label="WORK_OF_ART"))
                continue
            span = trim_name(Span(doc, ent.start, end, label=ent.label_))
            if span is None or len(span) == 1 and self._is_heading(span, text):
                continue
            spans.append(span)
        spans = _without_described_roles(nicknamed_people(doc, unglue_headline(spans, text), text))
        spans = join_labels(mend_split_names(doc, spans), name_words, set(self.gazetteer), tokens)
        added = untagged_people(doc, spans, name_words, tokens)
        added += [s for s in musical_acts(doc, spans + added, [e for e in ents if e.label_ not in NAME_LABELS], tokens)
                  if not any(a.start < s.end and s.start < a.end for a in added)]
        speaking = [s for s in speaking_organisations(doc, spans, tokens)
                    if not any(a.start < s.end and s.start < a.end for a in added)]
        added += speaking
        # An organisation shown speaking once is one at every mention, whatever the model called the others ("A
        # Northlight spokesman said" beside "Northlight" tagged a place three times).
        doc.spans[SPEAKING_ORGANISATIONS] = speaking
        added += [s for s in speaking_names(doc, spans, tokens)
                  if not any(a.start < s.end and s.start < a.end for a in added)]
        completed = completed_surnames(doc, spans + added)
        added = [a for a in added if not any(c.start < a.end and a.start < c.end for c in completed)] + completed
        written = tokens.span_text
        spans = speakers_titled(spans, {written(s) for s in added if s.label_ == "PERSON" and len(s) == 1},
                                set(self.gazetteer))
        # An award of two words and its plural last word alone ("the Golden Globes red carpet", "the Globes") name
        # an award, never the person or band a repair made of them.
        spans = [Span(doc, s.start, s.end, label="EVENT")
                 if (written(s) in AWARD_NAMES or _award_before_role(s)) and s.label_ in {"PERSON", "ORG", "NORP", "GPE"}
                 else s for s in spans]
        added = [s for s in added if written(s) not in AWARD_NAMES and not _award_before_role(s)]
        if added:
            added = unglue_headline(added, text)  # a headline name found untagged runs on into its verb as well
            added = [s for s in added if not _award_before_role(s)]
            covered = {i for s in added for i in range(s.start, s.end)}
            spans = [s for s in spans if not any(i in covered for i in range(s.start, s.end))] + added
        return spans

    @staticmethod
    def _is_heading(span: Span, text: str) -> bool:
        """Section headings such as "Cast" or "Plot" on a line of their own are not names."""
        line_start = text.rfind("\n", 0, span.start_char) + 1
        line_end = text.find("\n", span.end_char)
        line_end = len(text) if line_end < 0 else line_end
        return not text[line_start : span.start_char].strip() and not text[span.end_char : line_end].strip()

    def _add_work_mentions(self, doc: Doc, text: str, spans: list[Span], tokens: TokenArrays) -> list[Span]:
        """Return `spans` plus every other occurrence of a work title already found in the article."""
        written = tokens.span_text
        votes: dict[str, Counter] = {}
        for s in spans:
            votes.setdefault(written(s), Counter())[s.label_] += 1
        # One label per title across the article: a string the model calls a work less often than something
        # else ("Ray" the film once, the person three times) keeps the majority label everywhere.
        majority = {text: max(c, key=lambda label: (c[label], label == "WORK_OF_ART")) for text, c in votes.items()}
        # A title an article defines ("X (Y) is a 1930 Indian silent film") is a title wherever it is written.
        majority.update({written(s): "WORK_OF_ART" for s in doc.spans.get(RULE_SPANS, []) if s.label_ == "definition"})
        # So is one set off in apposition to a kind noun ("her third album, Castle Wharf,"), however often the model
        # calls it a person elsewhere, unless it opens with a known first name or the article has it speak.
        # (Not after "of": "the director of the film, Vinod Pande,", where the name is the director's.)
        apposed = {written(s) for s in doc.spans.get(RULE_SPANS, []) if s.label_ == "cue_apposition"
                   and s[0].lower_ not in FIRST_NAMES
                   and not (s.start >= 2 and doc[s.start - 2].dep_ == "pobj" and doc[s.start - 2].head.lower_ == "of")}
        if apposed:
            apposed -= {written(s) for s in spans if written(s) in apposed and s.label_ != "WORK_OF_ART" and speaks(s)}
            majority.update(dict.fromkeys(apposed, "WORK_OF_ART"))
        titles = {t for t, label in majority.items() if label == "WORK_OF_ART" and len(t) > 2}
        spans = [Span(s.doc, s.start, s.end, label=majority[written(s)])
                 if s.label_ == "WORK_OF_ART" and written(s) not in titles else s for s in spans]
        if not titles:
            return spans
        taken = {i for s in spans for i in range(s.start, s.end)}
        added = []
        for start, end in _written_whole(text, sorted(titles, key=len, reverse=True)):
            span = doc.char_span(start, end, label="WORK_OF_ART")
            if span is not None and not any(i in taken for i in range(span.start, span.end)):
                added.append(span)
        # A title found by a rule wins over the model's label for the same string, also when the model took a
        # lower-case article into its span ("the Sunset Boulevard actress" FAC beside the drama Sunset Boulevard).
        relabelled = []
        lower = tokens.lower
        for s in spans:
            if len(s) > 1 and lower[s.start] in ("the", "a", "an") and written(s[1:]) in titles \
                    and (s[0].is_lower or s.end < len(doc) and doc[s.end].is_lower and doc[s.end].pos_ == "NOUN"):
                # also "The Summer Storm actress, 27," beside "the drama Summer Storm": the description's article
                s = Span(doc, s.start + 1, s.end, label="WORK_OF_ART")
            elif written(s) in titles:
                s = Span(doc, s.start, s.end, label="WORK_OF_ART")
            relabelled.append(s)
        return relabelled + added

    def _cluster(self, spans: list[Span], article: str, organisations: set[str] = frozenset()) -> list[_Cluster]:
        clusters: dict[str, _Cluster] = {}
        order: list[str] = []

        def cluster_for(key: str) -> _Cluster:
            if key not in clusters:
                clusters[key] = _Cluster()
                order.append(key)
            return clusters[key]

        # Each mention with its text and its name's words, read once (`Span.text` makes a Token per token).
        texts = [article[span.start_char : span.end_char] for span in spans]
        mentions = [(span, written, name_words(written)) for span, written in zip(spans, texts)]
        # Full personal names (two or more words) anchor person clusters.
        full_names: dict[str, list[str]] = {}
        related: dict[str, bool] = {}
        for span, written, words in mentions:
            if span.label_ == "PERSON" and len(words) >= 2 and written not in self.gazetteer:
                full_names.setdefault(" ".join(words), words)
                name = " ".join(words)
                related[name] = related.get(name, True) and _relative_of(span)
        related_to = {name for name, only in related.items() if only}
        # A first name coordinated before a full name shares its surname ("Grant and Bea Whitlock": Grant Whitlock).
        shared = _shared_surnames(spans)
        for name, words in shared.items():
            full_names.setdefault(name, words)
        # A programme named after its host ("The Late Hour with Gil Parrish", "The Dana Cole Show"): the host's full
        # name, for a later "Parrish said" (the programme stays one title).
        hosts = {name: words for span, written, words in mentions if span.label_ == "WORK_OF_ART"
                 for name, words in [_host_of(words)] if name and name not in full_names}
        full_names.update(hosts)
        # Shorter full names that are part of a longer one ("Sherman-Palladino" inside "Amy Sherman-Palladino").
        # Not a venue's or a company's name a person's label mistook ("the Johnny Carson Theater").
        anchors = {n: w for n, w in full_names.items()
                   if not any(n != o and _contains(o_w, w) and o_w[-1].lower() not in ORG_WORDS for o, o_w in full_names.items())}
        # The surname of a shorter full name that one longer name holds ("Kim Kardashian" in "Kim Kardashian West"):
        # "Kardashian" alone is that person, though the longer name ends otherwise.
        inner_surnames: dict[str, set[str]] = {}
        for n, w in full_names.items():
            holders = [a for a, a_w in anchors.items() if n != a and _contains(a_w, w) and a_w[-1].lower() not in ORG_WORDS]
            if n not in anchors and len(holders) == 1:
                inner_surnames.setdefault(surname(w), set()).add(holders[0])
        # An organisation's initials are the organisation ("the Royal Academy of Dance (RAD)", then "the RAD"),
        # when one name in the article abbreviates so.
        long_forms: dict[str, set[str]] = {}
        for span, _, words in mentions:
            short = acronym(words) if span.label_ == "ORG" else None
            if short is not None:
                long_forms.setdefault(short, set()).add(" ".join(words))
        names = {" ".join(words) for _, _, words in mentions}
        long_forms = {short: forms for short, forms in long_forms.items() if short in names and len(forms) == 1}
        abbreviated = {form for forms in long_forms.values() for form in forms}
        # An organisation's longer names by their words, for a later mention by one of them ("the American Film
        # Institute" … "the Institute said"; "Walt Disney" … "Disney").
        org_names: dict[str, set[str]] = {}
        for span, written, words in mentions:
            if span.label_ in {"ORG", "FAC"} and len(words) >= 2 and written not in self.gazetteer:
                for word in words:
                    if word[:1].isupper() and len(word) > 2:
                        org_names.setdefault(word, set()).add(" ".join(words))

        aliases = nicknames(mentions, anchors, article)
        for span, written, words in mentions:
            text = " ".join(words)
            if span.label_ != "PERSON" and (len(long_forms.get(text, ())) == 1 or text in abbreviated):
                cluster = cluster_for("name:" + (text if text in abbreviated else next(iter(long_forms[text]))))
                cluster.fixed_label = cluster.fixed_label or self.gazetteer.get(strip_possessive(written))
            elif written in self.gazetteer or strip_possessive(written) in self.gazetteer:
                cluster = cluster_for("org:" + strip_possessive(written))
                cluster.fixed_label = self.gazetteer.get(written) or self.gazetteer.get(strip_possessive(written))
            elif span.label_ != "PERSON" and strip_possessive(written) in organisations:
                # (see `_candidates`: shown speaking), one of the article's longer names if it starts only one ("a
                # Vantage spokesperson" is Vantage Network's)
                longer = [n for n in org_names.get(text, ()) if n.startswith(text + " ")]
                cluster = cluster_for("name:" + (longer[0] if len(longer) == 1 else text))
                cluster.fixed_label = "ORG"
            elif span.label_ == "WORK_OF_ART":
                cluster = cluster_for("work:" + written)
                cluster.fixed_label = "WORK_OF_ART"
            elif span.label_ == "ORG" and len(words) == 1 and len(org_names.get(text, ())) == 1 \
                    and next(iter(org_names[text])) != text:
                cluster = cluster_for("name:" + next(iter(org_names[text])))
            else:
                anchor = _person_anchor(words, anchors, span, article, inner_surnames, related_to, aliases)
                if anchor is not None:
                    cluster = cluster_for("person:" + anchor)
                    cluster.fixed_label = "PERSON"
                    if anchor in shared or anchor in hosts:
                        cluster.full_name = anchor
                else:
                    cluster = cluster_for("name:" + text)
            cluster.mentions.append(span)
            cluster.texts.append(written)
            cluster.labels[span.label_] += 1
        return [clusters[k] for k in order]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        ents = doc.ents  # (each read of `doc.ents` makes its spans anew)
        tokens = TokenArrays(doc)
        # What NER (the model and the entertainment rules) said, to tell which labels resolution corrected.
        ner_labels = {i: ent.label_ for ent in ents for i in range(ent.start, ent.end)}
        spans = self._add_work_mentions(doc, text, self._candidates(doc, text, ents, tokens), tokens)
        spans = _with_coordinated_first_names(_couples_split(spans))
        spans.sort(key=lambda s: s.start)
        entities: dict[str, Entity] = {}
        mentions: list[Mention] = []
        resolved: list[Span] = []
        sentences = list(doc.sents)
        starts = [sent.start for sent in sentences]
        # A sentence's text is its characters in `text` (Span.text would rebuild it token by token per mention).
        sentence_texts = [text[sent.start_char : sent.end_char].strip() for sent in sentences]
        speaking = {text[s.start_char : s.end_char] for s in doc.spans.get(SPEAKING_ORGANISATIONS, [])}
        for cluster in self._cluster(spans, text, speaking):
            label = cluster.fixed_label or _vote(cluster.labels)
            name = cluster.name() if label == "PERSON" else _longest_text(cluster)
            eid = entity_id(label, name)
            entities.setdefault(eid, Entity(eid, name, label))
            full = len(name.split())
            for span, written in zip(cluster.mentions, cluster.texts):
                kind = "name" if label != "PERSON" or len(name_words(written)) >= full else "partial"
                sentence = sentence_texts[bisect_right(starts, span.start) - 1]
                mentions.append(Mention(eid, written, label, span.start_char, span.end_char, sentence, kind,
                                        ner_labels.get(span.start)))
                resolved.append(Span(doc, span.start, span.end, label=label, kb_id=eid))
        # A date or number inside a name ("Maroon 5", "50 Cent") gives way to the name.
        named = {i for s in resolved if s.label_ in ("PERSON", "ORG") for i in range(s.start, s.end)}
        others = [e for e in ents if e.label_ not in NAME_LABELS and not any(i in named for i in range(e.start, e.end))]
        doc.set_ents(filter_spans(resolved + others))  # (the `doc.ents` setter would copy every span first)
        mentions.sort(key=lambda m: (m.start_char, m.end_char))
        doc._.entities = list(entities.values())
        doc._.mentions = mentions
        return doc


def _written_whole(text: str, words: list[str]) -> list[tuple[int, int]]:
    r"""Return the (start, end) of what `re.finditer(r"(?<!\w)(?:" + "|".join(map(re.escape, words)) + r")(?!\w)",
    text)` finds, without compiling a pattern per article: left to right and not overlapping, where one of `words`
    is written as a whole (no word character, `str.isalnum()` or "_", on either side), the first of them in their
    order at each place."""
    first: dict[int, int] = {}  # where one of the words is written whole → the end of the first such word
    for word in words:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if not (start and _word_char(text[start - 1])) and not (end < len(text) and _word_char(text[end])):
                first.setdefault(start, end)
            start = text.find(word, start + 1)
    found, reached = [], 0
    for start in sorted(first):
        if start >= reached:
            found.append((start, first[start]))
            reached = first[start]
    return found


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _coordinated_first_name(span: Span) -> Optional[int]:
    """Return the token of a first name written alone before "and" and the full name `span` ("Grant and Bea
    Whitlock", "David and Victoria Beckham"): a known first name, not the end of a longer name ("Tom Cruise and
    Katie Holmes"); else None."""
    doc, i = span.doc, span.start
    if span.label_ != "PERSON" or i < 2 or doc[i - 1].lower_ != "and" or len(name_words(span.text)) < 2:
        return None
    first = doc[i - 2]
    if not (first.is_alpha and first.is_title and first.lower_ in FIRST_NAMES) \
            or i > 2 and doc[i - 3].is_alpha and doc[i - 3].text[:1].isupper() and not doc[i - 3].is_sent_start:
        return None
    return i - 2


def _shared_surnames(spans: list[Span]) -> dict[str, list[str]]:
    """Return {full name: its words} for first names written alone before "and" and a full name, which share its
    surname (see `_coordinated_first_name`: "Grant and Bea Whitlock" gives Grant Whitlock)."""
    found: dict[str, list[str]] = {}
    for span in spans:
        first = _coordinated_first_name(span)
        if first is None or any(s.start <= first < s.end and s.end - s.start > 1 for s in spans):
            continue
        name = [span.doc[first].text] + name_words(span.text)[1:]
        found.setdefault(" ".join(name), name)
    return found


def _with_coordinated_first_names(spans: list[Span]) -> list[Span]:
    """Return `spans` with a PERSON span for an untagged first name before "and" and a full name ("David and
    Victoria Beckham" when only "Victoria Beckham" was found)."""
    taken = {i for s in spans for i in range(s.start, s.end)}
    added = []
    for span in spans:
        first = _coordinated_first_name(span)
        if first is not None and first not in taken:
            added.append(Span(span.doc, first, first + 1, label="PERSON"))
    return spans + added


def _couples_split(spans: list[Span]) -> list[Span]:
    """Return `spans` with one span of two first names and a surname split in two people ("Grant and Bea Whitlock"
    taken as one name or title: "Grant" and "Bea Whitlock")."""
    out = []
    for span in spans:
        words = list(span) if span.label_ in ("PERSON", "WORK_OF_ART", "ORG") and len(span) >= 4 else []
        if words and words[1].lower_ == "and" \
                and words[0].is_title and words[0].lower_ in FIRST_NAMES and words[2].is_title \
                and words[2].lower_ in FIRST_NAMES and all(t.is_alpha and t.is_title for t in words[3:]):
            doc = span.doc
            out += [Span(doc, span.start, span.start + 1, label="PERSON"), Span(doc, span.start + 2, span.end, label="PERSON")]
        else:
            out.append(span)
    return out


def _contains(longer: list[str], shorter: list[str]) -> bool:
    """True when the words of `shorter` appear in order at the end or start of `longer`, or are its first and last
    words ("Donald Trump" in "Donald J Trump"), whatever their case ("Den Hamer" opening a sentence)."""
    n = len(shorter)
    if n >= len(longer):
        return False
    longer, shorter = [w.casefold() for w in longer], [w.casefold() for w in shorter]
    return longer[-n:] == shorter or longer[:n] == shorter \
        or n == 2 and longer[0] == shorter[0] and longer[-1] == shorter[-1]


# What introduces a person's nickname after the full name ("Marcus Odiaka, known to everyone as Lefty,", "nicknamed
# 'Moose'", "better known as Bear"): the nickname is the capitalised word after it.
_NICKNAME_AFTER = re.compile(
    r"[,(\s—–-]*(?:(?:who\s+is\s+|who's\s+)?(?:better\s+|widely\s+|affectionately\s+|universally\s+)?known"
    r"(?:\s+to(?:\s+\w+){1,6}?)?\s+as|nicknamed|dubbed|aka|a\.k\.a\.)\s+[\"“'‘]?([A-Z][\w'-]+)[\"”'’]?(?![\w-])")
def nicknames(mentions: list[tuple[Span, str, list[str]]], anchors: dict[str, list[str]], article: str) -> dict[str, str]:
    """Return nickname → the full name it stands for: a quoted word inside a full name ('Bobby "Bear" Castillo' →
    Bear), or one introduced right after it ("Marcus Odiaka — known to nearly everyone as Lefty —"); a nickname two
    people would share is left out."""
    found: dict[str, set[str]] = {}
    for span, written, words in mentions:
        name = " ".join(words)
        if span.label_ != "PERSON" or name not in anchors:
            continue
        for word in written.split()[1:-1]:
            if _quoted(word):
                found.setdefault(word.strip(NICKNAME_MARKS), set()).add(name)
        m = _NICKNAME_AFTER.match(article, span.end_char, min(len(article), span.end_char + 90))
        if m is not None and m.group(1) not in words:
            found.setdefault(m.group(1), set()).add(name)
    return {nick: next(iter(names)) for nick, names in found.items() if len(names) == 1}


def _host_of(words: list[str]) -> tuple[Optional[str], list[str]]:
    """Return the name of the host a programme's title names, with its words: a known first name and a capitalised
    surname after "with" at the title's end ("The Late Hour with Gil Parrish"), or before "Show" or "Live" ("The
    Dana Cole Show"); else (None, [])."""
    if len(words) >= 4 and words[-3].lower() == "with":
        name = words[-2:]
    elif len(words) >= 3 and words[-1] in SHOW_HEADS - {"Chronicles", "Diaries", "Podcast"}:
        name = words[-3:-1]
    else:
        return None, []
    if name[0].lower() in FIRST_NAMES and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in name):
        return " ".join(name), name
    return None, []


def _person_anchor(words: list[str], anchors: dict[str, list[str]], span: Span, article: str,
                   inner_surnames: Optional[dict[str, set[str]]] = None,
                   related_to: Optional[set[str]] = None, aliases: Optional[dict[str, str]] = None) -> Optional[str]:
    """Return the full name a (possibly partial) person mention refers to, or None when unknown or ambiguous.
    `inner_surnames`: surname → the longer names that hold a shorter full name ending with it; `related_to`: the
    full names written only as whom a relative is related to ("the brother of Simon Cowell"); `aliases`: nickname →
    full name (see `nicknames`)."""
    text = " ".join(words)
    if text in anchors:
        return text
    key = _fold(text)
    folded = [n for n in anchors if _fold(n) == key]
    if len(folded) == 1:
        return folded[0]  # "Beyonce" for "Beyoncé"
    if len(words) >= 2:
        found = [n for n, w in anchors.items() if _contains(w, words)]
        return found[0] if len(found) == 1 else None
    word = words[0] if words else ""
    if not word[:1].isupper() or word.lower() in NAME_SUFFIXES:
        return None
    # A surname in capitals is a transcript's speaker label ("WALLACE" for Chris Wallace); a particle's case varies
    # between mentions ("diCaprio", "DiCaprio").
    same = [n for n, w in anchors.items()
            if surname(w) == word or len(word) > 2 and surname(w).casefold() == word.casefold()]
    if same:
        # With a holder of the word as a maiden or middle name ("Kim Kardashian West" beside "Khloe Kardashian").
        same += [n for n, w in anchors.items() if len(w) >= 3 and word in w[1:-1] and n not in same
                 and all(x[:1].isupper() for x in w)]
    if len(same) == 1:
        return same[0]
    if len(same) > 1:
        # An honorific gives the sex: "Mrs Hale" is Victoria Hale, not her husband David Hale.
        sex = _honorific_sex(span, article)
        if sex is not None:
            matching = [n for n in same if FIRST_NAME_GENDER.get(anchors[n][0].lower()) == sex]
            if len(matching) == 1:
                return matching[0]
        # A full name written only inside quotations ("Welcome to the world, Milo James Garrow") is not who the
        # narrative's surname means when another holder of it is named in the narrative.
        narrated = [n for n in same if _named_in_narrative(n, article)]
        if len(narrated) == 1:
            return narrated[0]
        same = narrated or same
        # Only one holder named yet: "Hallie Brandt … Brandt wrote" before her sister Tessa Brandt is introduced.
        earlier = [n for n in same if 0 <= article.find(n) < span.start_char]
        if len(earlier) == 1:
            return earlier[0]
        # A surname refers back: one introduced only after it is not who it means ("Kardashian laughed" before
        # Kourtney Kardashian is named, with Kim and Khloe named already).
        same = earlier or same
        # Family members who share a surname: the article calls all but one of them by first name ("Nora also
        # weighed in"), and the surname alone is the one it does not ("Price later thanked fans" is Liam Price).
        unfamiliar = [n for n in same if not _first_name_alone(anchors[n], article)]
        if len(unfamiliar) == 1:
            return unfamiliar[0]
        # Else the surname is the article's subject, the first named ("Kim Tran has a message …" before "Her
        # mother, Linh Tran, made a cameo"), unless that one is only named as whom a relative is related to ("the
        # brother of Simon Cowell", "Simon Cowell's brother": the brother is written about).
        pool = unfamiliar or same
        pool = [n for n in pool if n not in (related_to or ())] or pool
        return min(pool, key=lambda n: article.find(n))
    if aliases and word in aliases:
        return aliases[word]  # 'Bobby "Bear" Castillo' … "Bear told the crowd"
    inner = (inner_surnames or {}).get(word, set())
    if len(inner) == 1:
        return next(iter(inner))
    # A maiden or middle name kept inside a longer name ("Kardashian" for Kim Kardashian West), when one person
    # of the article holds the word there and none has it as a first name or surname.
    held = [n for n, w in anchors.items() if len(w) >= 3 and word in w[1:-1] and all(x[:1].isupper() for x in w)]
    if len(held) == 1 and word.lower() not in FIRST_NAMES and not any(w[0] == word for w in anchors.values()):
        return held[0]
    # A part of a hyphenated surname, then a first name ("her husband Daniel"), then a person's familiar form of
    # it ("Jen" for Jennifer Aniston, "Angie" for Angelina Jolie).
    for candidates in (
        [n for n, w in anchors.items() if word in surname(w).split("-")],
        [n for n, w in anchors.items() if w[0] == word],
        [n for n, w in anchors.items() if span.label_ == "PERSON" and same_given_name(w[0], word)],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            return _nearest(candidates, span, article)
    return None


# Nouns of a person's tie to another ("brother", "wife", "agent", "mom"): `quote_cues.json`, `title_corrections.json`.
RELATIONAL_ROLES = frozenset(load_json("quote_cues.json")["relational_roles"]) \
    | frozenset(load_json("title_corrections.json")["kin_nouns"])


# The sex an honorific gives ("Mrs" f, "Sir" m): the honorifics among the gendered words of `quote_cues.json`.
_HONORIFIC_SEX = {word: sex for sex, words in load_json("quote_cues.json")["gender"].items() for word in words
                  if word in HONORIFICS}


def _honorific_sex(span: Span, article: str) -> Optional[str]:
    """Return the sex an honorific before or opening a surname's mention gives ("Mrs Hale", "Mr. Dunn"), else None."""
    if couple_styled(article, span.start_char):
        return None
    words = span.text.replace(".", " ").split()
    before = article[max(0, span.start_char - 8) : span.start_char].replace(".", " ").split()
    word = words[0] if len(words) > 1 else (before[-1] if before else "")
    return _HONORIFIC_SEX.get(word.lower())


def _relative_of(span: Span) -> bool:
    """True for a name written as whom a relative is related to: "the brother of Simon Cowell", "Simon Cowell's
    brother"."""
    root, doc = span.root, span.doc
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return root.head.head.lemma_.lower() in RELATIONAL_ROLES
    after = span.end + 1 if span.end < len(doc) and doc[span.end].text in ("'s", "’s") else None
    if after is not None and after < len(doc) and doc[after].lower_ in RELATIONAL_ROLES:
        return True  # "Kylie Vance's Mom Kris Vance Reveals …", however a headline parses
    return root.dep_ == "poss" and root.head.lemma_.lower() in RELATIONAL_ROLES


@lru_cache(maxsize=8192)
def _fold(name: str) -> str:
    """Return `name` without its accents, case-folded ("Beyoncé" → "beyonce")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def _first_name_alone(words: list[str], text: str) -> bool:
    """True when the narrative of `text` writes the first of a full name's `words` without the rest after it
    ("Nora also weighed in" for Nora Price); not inside a quotation, where friends say "I have known Liam"."""
    if len(words) < 2:
        return False
    rest = re.escape(" ".join(words[1:]))
    # Not "Dana and Rob Beckwith": a first name coordinated before another that shares the surname.
    pattern = r"(?<![\w'’])" + re.escape(words[0]) + r"(?![\w'’-])(?!\s+" + rest + r")" \
        + r"(?!\s+(?:and|&)\s+[A-Z][\w'’-]*\s+" + rest + r"\b)"
    return any(not _quoted_at(text, m.start()) for m in re.finditer(pattern, text))


def _named_in_narrative(name: str, text: str) -> bool:
    """True when `name` occurs in `text` outside double quotation marks."""
    return any(not _quoted_at(text, m.start()) for m in re.finditer(re.escape(name), text))


def _quoted_at(text: str, pos: int) -> bool:
    """True when `pos` stands inside double quotation marks of its paragraph (straight marks counted, curly ones
    matched)."""
    paragraph = text[text.rfind("\n", 0, pos) + 1 : pos]
    return paragraph.count('"') % 2 == 1 or paragraph.count("“") > paragraph.count("”")


def _nearest(names: list[str], span: Span, text: str) -> Optional[str]:
    """Return the name whose mention stands closest before `span` (else closest after) in `text`."""
    best, best_key = None, None
    for name in names:
        before = text.rfind(name, 0, span.start_char)
        after = text.find(name, span.end_char)
        key = (0, span.start_char - before) if before >= 0 else (1, after if after >= 0 else len(text))
        if best_key is None or key < best_key:
            best, best_key = name, key
    return best


def _vote(labels: Counter) -> str:
    """Return the most frequent label, PERSON winning ties (the small model under-tags people)."""
    top = max(labels.values())
    winners = [label for label, n in labels.items() if n == top]
    return "PERSON" if "PERSON" in winners else winners[0]


def _longest_text(cluster: _Cluster) -> str:
    return max((strip_possessive(text) for text in cluster.texts), key=len)


def entity_at(doc: Doc, start_char: int, end_char: int) -> Optional[Entity]:
    """Return the entity of the mention overlapping `[start_char, end_char)`, or None."""
    by_id = {e.entity_id: e for e in doc._.entities or []}
    for mention in doc._.mentions or []:
        if mention.start_char < end_char and start_char < mention.end_char:
            return by_id.get(mention.entity_id)
    return None
