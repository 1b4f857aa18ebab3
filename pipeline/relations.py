"""Relations: who plays whom (`actor_role`), who is in what (`cast_member`), who made what (`creator_work`).

One component, `relation_extraction`, runs last. It classes every token by what it can stand for in a
relation (a person, a band, a work, an untagged title-case run, a pronoun), runs the token patterns of
`data/relation_patterns.json` over the document with a spaCy `Matcher`, and reads each match's named slots
(`subject`, `object`, `work`, `credit`, `cue`) to build `Relation` records. Patterns are data: each one names
its relation, default credit, confidence and which pattern tokens fill which slot.
"""
from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Optional

import numpy
from spacy.attrs import ENT_TYPE, IDX, IS_LOWER, LEMMA, LENGTH, LIKE_NUM, LOWER, NORM, POS, SENT_START, SPACY
from spacy.language import Language
from spacy.parts_of_speech import IDS as _POS_IDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .entities import DATA, load_json, strip_possessive
from .records import Entity, Relation, doc_text

log = logging.getLogger(__name__)

if not Token.has_extension("rel_cls"):
    # What a token can stand for in a relation pattern: PERSON, ORG, OUTLET, WORK, TITLE, NAME, PLACE, PRON,
    # NOMINAL ("the actor", "the 62-year-old": resolved to the article's protagonist), SEP, PAREN or "".
    Token.set_extension("rel_cls", default="")
if not Token.has_extension("rel_desc"):
    # A modifier between a determiner and a noun ("critically acclaimed", "Bush-baiting", "1996", "specially-written").
    Token.set_extension("rel_desc", default=False)
# Every value `rel_cls` takes.
CLASSES = ("", "PERSON", "ORG", "OUTLET", "WORK", "TITLE", "NAME", "PLACE", "PRON", "NOMINAL", "SEP", "PAREN", "ELISION")
_DESC_POS = {"ADJ", "NOUN", "ADV", "VERB", "NUM", "PROPN"}
_DESC_POS_IDS = frozenset(_POS_IDS[p] for p in _DESC_POS)
_NOUN, _PROPN = _POS_IDS["NOUN"], _POS_IDS["PROPN"]
_ARRAY_ATTRS = [IDX, LENGTH, LOWER, LEMMA, SPACY, IS_LOWER, POS, ENT_TYPE, SENT_START, LIKE_NUM]


class _Tokens:
    """The token attributes the classification and matching read, as plain lists (one `Doc.to_array` call).

    Reading them through `Token` objects (and `token._.` through spaCy's `Underscore`) costs a Python object per
    token and access; these lists are built once per doc and shared by `_classify` and `_match`.
    """

    __slots__ = ("idx", "text", "lower", "lemma", "space", "is_lower", "pos", "ent", "sent_start", "like_num", "cls",
                 "desc")

    def __init__(self, doc: Doc, text: str):
        rows = doc.to_array(_ARRAY_ATTRS).tolist() if len(doc) else []
        strings = doc.vocab.strings
        self.idx = [r[0] for r in rows]
        self.text = [text[r[0] : r[0] + r[1]] for r in rows]
        self.lower = [strings[r[2]] for r in rows]
        self.lemma = [strings[r[3]] for r in rows]
        self.space = [r[4] for r in rows]  # 1 when the token has trailing whitespace
        self.is_lower = [r[5] for r in rows]
        self.pos = [r[6] for r in rows]
        self.ent = [strings[r[7]] if r[7] else "" for r in rows]
        self.sent_start = [r[8] == 1 for r in rows]  # Token.is_sent_start is True exactly when sent_start == 1
        self.like_num = [r[9] for r in rows]
        self.cls = [""] * len(rows)
        self.desc = [False] * len(rows)

    def write(self, doc: Doc) -> None:
        """Store the classes and descriptor marks as `token._.rel_cls` / `token._.rel_desc` (the Matcher reads them)."""
        user_data = doc.user_data
        for i, value in enumerate(self.cls):
            if value:
                user_data[("._.", "rel_cls", self.idx[i], None)] = value
        for i, value in enumerate(self.desc):
            if value:
                user_data[("._.", "rel_desc", self.idx[i], None)] = True
_HONORIFIC_GENDER = {"Mr": "m", "Mr.": "m", "Sir": "m", "Lord": "m", "Ms": "f", "Ms.": "f", "Mrs": "f", "Mrs.": "f",
                     "Miss": "f", "Dame": "f", "Lady": "f"}
_LEADING_YEAR = re.compile(r"^(?:1[89]|20)\d\d(?:'s|’s) ")
_NOMINAL_AGE = re.compile(r"\b[Tt]he (?:\d+|[a-z]+(?:-[a-z]+)?)-year-old\b")

_NUMERIC = {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"}
# Places and peoples are never works, except where the small model mislabels a title ("Melancholia" as GPE).
_PLACES = {"GPE", "LOC", "NORP", "LANGUAGE"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Entity types the small model gives to the last word of a title ("Boys Don't Cry" → Cry/PRODUCT); a title run goes on through them.
_MISC_NAMES = {"PRODUCT", "EVENT", "FAC", "LAW"}
_POSSESSIVES = {"'s", "’s", "'", "’"}
_POSSESSIVE_TITLE = re.compile(r"\b[A-Z][\w-]*(?:'s|’s) [A-Z0-9][\w-]*(?: [A-Z0-9][\w-]*)*")


@dataclass(frozen=True)
class _Pattern:
    name: str
    relation: str  # actor_role | cast_member | creator_work | profile (decided by the subject's role nouns)
    credit: Optional[str]
    confidence: float
    slots: tuple[Optional[str], ...]  # slot name of each pattern element, None for context elements
    work: Optional[str]  # "topic" when the work is the article's main work rather than a slot
    clause_subject: bool = False  # with no subject slot filled, the subject of the `verb` slot's clause
    work_list: bool = False  # the works are the title list that follows the match ("films including A, B and C")


@dataclass(frozen=True)
class _Subject:
    entity: Entity
    pronoun: bool
    person: bool  # a person, even where the model labelled the name ORG


@Language.factory(
    "relation_extraction",
    default_config={"patterns_file": "relation_patterns.json", "cues_file": "work_cues.json",
                    "gazetteer_file": "entity_patterns.jsonl"},
)
def make_relation_extraction(nlp: Language, name: str, patterns_file: str, cues_file: str,
                             gazetteer_file: str) -> "RelationExtractor":
    with open(DATA / gazetteer_file, encoding="utf-8") as handle:
        outlets = {json.loads(line)["pattern"] for line in handle if line.strip()}
    return RelationExtractor(nlp, load_json(patterns_file), load_json(cues_file), outlets)


class RelationExtractor:
    """Fills `doc._.relations` from the data-driven token patterns; never raises on a bad match."""

    def __init__(self, nlp: Language, spec: dict, cues: dict, outlets: set[str]):
        self.credits: dict[str, str] = spec["credits"]
        self.pronouns: dict[str, str] = spec["pronouns"]
        self.separators = set(spec["list_separators"])
        self.series_nouns = set(spec["series_nouns"])
        self.min_confidence: float = spec["min_confidence"]
        self.penalties: dict[str, float] = spec["penalties"]
        self.profile_defaults: dict[str, str] = spec["profile_defaults"]
        self.org_credits = set(spec["org_credits"])
        self.inner = (set(cues["title_inner"]) | set(spec["title_inner"])) - set(spec["title_breaks"])
        self.not_titles = set(cues["not_titles"]) | set(spec["not_titles"])
        self.outlets = outlets
        names = load_json("first_names.json")
        self.gender = {**{n: "f" for n in names["f"]}, **{n: "m" for n in names["m"]}}
        self.fragments: dict[str, list[dict]] = spec["fragments"]
        self.nominals: dict[str, str] = spec["nominal_nouns"]
        self.list_cues: dict[str, str] = spec["list_cues"]
        self.age_nouns = set(spec["age_nouns"])
        self.matcher = Matcher(nlp.vocab)
        self.norm_codes = {c: (nlp.vocab.strings.add(_class_norm(c, False)), nlp.vocab.strings.add(_class_norm(c, True)))
                           for c in CLASSES}
        self.patterns: dict[str, _Pattern] = {}
        self.windows: dict[str, list[tuple]] = {}
        self.token_patterns: dict[str, list[dict]] = {}
        for entry in spec["patterns"] + spec["role_patterns"]:
            for i, extra in enumerate([[]] + entry.get("variants", [])):
                elements = self._expand(entry["pattern"] + extra)
                key = entry["name"] if i == 0 else f"{entry['name']}#{i}"
                self.patterns[key] = _Pattern(
                    entry["name"], entry.get("relation", "role"), entry.get("credit"), entry.get("confidence", 1.0),
                    tuple(element.get("slot") for element in elements), entry.get("work"),
                    entry.get("clause_subject", False), entry.get("work_list", False),
                )
                tokens = [{k: v for k, v in e.items() if k != "slot"} for e in elements]
                # Added without a filter: `_match` collects the raw matches of the windows that can hold a match and
                # applies spaCy's LONGEST filter itself, as one `greedy="LONGEST"` call over the whole doc would.
                self.token_patterns[key] = tokens  # as written, with the custom-attribute tests
                self.matcher.add(key, [[_native(e) for e in tokens]])
                self.windows[key] = [_window_element(e) for e in tokens]
        self.anchor_values: dict[str, set[str]] = defaultdict(set)
        for elements in self.windows.values():
            for low, _high, tests in elements:
                for name, values, negate in tests:
                    if low >= 1 and not negate:
                        self.anchor_values[name] |= values

    def _match(self, doc: Doc, tokens: Optional[_Tokens] = None) -> list[tuple[int, int, int, list[int]]]:
        """Return what `greedy="LONGEST"` matching of every pattern over `doc` with alignments returns, faster.

        The matcher's cost is patterns x tokens, and most tokens are far from any match. Every match holds a token
        of each of its pattern's required elements, so for each pattern the window around each token that can fill
        its rarest required element (the anchor), as far as the neighbouring elements can reach (judged on the
        class, word, lower-case form and lemma tests, a superset of the pattern's), holds all its matches. The
        matcher runs over each group of touching windows (plus one token, so a match ending at the group's end is
        reported as it is over the doc) in text order; the raw matches come in the order a whole-doc run reports
        them, and the LONGEST filter and the alignments are then the matcher's own.
        """
        n = len(doc)
        if tokens is None:
            user_data = doc.user_data
            cls, desc, lower, orth, lemma = [], [], [], [], []
            for t in doc:
                cls.append(user_data.get(("._.", "rel_cls", t.idx, None), ""))
                desc.append(user_data.get(("._.", "rel_desc", t.idx, None), False))
                lower.append(t.lower_)
                orth.append(t.text)
                lemma.append(t.lemma_)
        else:
            cls, desc, lower, orth, lemma = tokens.cls, tokens.desc, tokens.lower, tokens.text, tokens.lemma
        features = {"cls": cls, "LOWER": lower, "ORTH": orth, "LEMMA": lemma}
        # Positions of the values a pattern may anchor on (most tokens hold none of them).
        index: dict[str, dict[str, list[int]]] = {}
        for name, values in features.items():
            positions = index[name] = defaultdict(list)
            wanted = self.anchor_values.get(name, ())
            for i, value in enumerate(values):
                if value in wanted:
                    positions[value].append(i)
        counts: dict[tuple, int] = {}
        spans: list[tuple[int, int]] = []
        for elements in self.windows.values():
            anchor, best, fewest = None, None, n + 1
            for k, (low, _high, tests) in enumerate(elements):
                if low < 1:
                    continue
                for name, values, negate in tests:
                    if not negate:
                        count = counts.get((name, values))
                        if count is None:
                            count = counts[(name, values)] = sum(len(index[name].get(v, ())) for v in values)
                        if count < fewest:
                            anchor, best, fewest = k, (name, values), count
            if anchor is None:  # no required word or class to anchor on: the whole doc
                spans.append((0, n))
                continue
            hits = sorted(i for v in best[1] for i in index[best[0]].get(v, ()))
            low, high, tests = elements[anchor]
            around = (0, high - 1, tests)
            before = elements[:anchor] + [around]
            after = [around] + elements[anchor + 1:]
            for a in hits:
                if not _fits(features, tests, a):
                    continue
                starts = _reach(features, before, a, -1, n)
                ends = _reach(features, after, a + 1, 1, n) if starts else None
                if starts and ends:
                    spans.append((min(starts), max(ends)))
        groups: list[list[int]] = []
        for start, end in sorted(spans):
            if groups and start <= groups[-1][1]:
                groups[-1][1] = max(groups[-1][1], end)
            else:
                groups.append([start, end])
        raw = []
        # The patterns read each token's class and descriptor mark as its NORM (see `_native`): set for the
        # matching, then restored.
        codes = self.norm_codes
        if not set(cls) <= codes.keys():
            raise ValueError(f"token classes outside CLASSES: {set(cls) - codes.keys()}")
        saved = doc.to_array([NORM])
        doc.from_array([NORM], numpy.array([codes[c][bool(d)] for c, d in zip(cls, desc)], dtype=saved.dtype))
        try:
            if not groups:
                self.matcher(doc[0:0], with_alignments=True)  # the matcher's annotation checks, as over the whole doc
            for start, end in groups:
                for key, m_start, m_end, alignment in self.matcher(doc[start : min(end + 1, n)], with_alignments=True):
                    if m_end + start <= end:
                        raw.append((key, m_start + start, m_end + start, alignment))
        finally:
            doc.from_array([NORM], saved)
        by_key: dict[int, list] = {}
        for key, start, end, alignment in raw:
            by_key.setdefault(key, []).append((start, end, alignment))
        matched = bytearray(n)
        out = []
        for key, pairs in by_key.items():
            matched[:] = bytes(n)
            for start, end, alignment in sorted(pairs, key=lambda x: (x[1] - x[0], -x[0]), reverse=True):
                if matched.find(1, start, end) == -1:
                    out.append((key, start, end, alignment))
                    matched[start:end] = b"\x01" * (end - start)
        return out

    def _expand(self, elements: list[dict]) -> list[dict]:
        """Return `elements` with every {"use": FRAGMENT, "slot": S} replaced by the fragment's elements in slot S."""
        out = []
        for element in elements:
            if "use" not in element:
                out.append(element)
                continue
            inners = self._expand(self.fragments[element["use"]])
            for inner in inners:
                if "OP" in element and len(inners) == 1:
                    inner = {**inner, "OP": element["OP"]}  # {"use": "POSS", "OP": "?"}: an optional one-token fragment
                out.append({**inner, "slot": element["slot"]} if "slot" in element else inner)
        return out

    def __call__(self, doc: Doc) -> Doc:
        relations: list[Relation] = []
        try:
            text = doc_text(doc)
            titled = list(self._repeated_possessive_titles(doc, text))
            tokens = _Tokens(doc, text)
            spans = self._classify(doc, text, titled, tokens)
            matches = self._match(doc, tokens)
        except Exception:  # a broken document yields no relations rather than a failed article
            log.exception("relation extraction failed on %s", doc._.article_id)
            doc._.relations = []
            return doc
        by_id = {e.entity_id: e for e in doc._.entities or []}
        topic = self._topic_work(doc, titled, text)
        profiles = self._profiles(doc, matches, spans, by_id)
        for match_id, start, end, alignment in matches:
            pattern = self.patterns[doc.vocab.strings[match_id]]
            if pattern.relation == "role" or _crosses_sentence(doc, start, end):
                continue
            try:
                relations.extend(self._relations(doc, pattern, start, end, alignment, spans, by_id, topic, profiles,
                                                 titled))
            except Exception:  # degrade per match: one odd parse must not cost the article's other facts
                log.exception("pattern %s failed on %s", pattern.name, doc._.article_id)
        doc._.relations = self._finalise(relations)
        return doc

    # -- token classes -------------------------------------------------------------------------------

    def _classify(self, doc: Doc, text: Optional[str] = None, titled: Optional[list[Span]] = None,
                  tokens: Optional[_Tokens] = None) -> dict[int, Span]:
        """Set `token._.rel_cls` and return the span (entity or title run) each classed token belongs to.

        The classes are kept in `tokens.cls` (a plain list, also what `_match` reads) and written to the tokens once.
        """
        full_text = doc_text(doc) if text is None else text
        tok = _Tokens(doc, full_text) if tokens is None else tokens
        words, lower, cls = tok.text, tok.lower, tok.cls
        n = len(words)
        spans: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ in _NUMERIC:
                continue
            text = strip_possessive(ent.text)
            if text in self.not_titles:
                # An award or honorific the model tagged as a name ("Oscar-winning director ...") stands for nothing.
                continue
            if ent.label_ == "PERSON":
                cls_ = "PERSON"
            elif ent.label_ == "WORK_OF_ART":
                cls_ = "WORK"
            elif ent.label_ == "ORG" and len(ent) > 1 and lower[ent.start] in self.gender:
                # The small model often tags people as ORG; a known given name says otherwise.
                cls_ = "PERSON"
            elif ent.label_ == "ORG":
                cls_ = "OUTLET" if text in self.outlets else "ORG"
            else:
                cls_ = "PLACE" if ent.label_ in _PLACES else "NAME"
            end = ent.end
            while end > ent.start + 1 and words[end - 1] in _POSSESSIVES:
                end -= 1
            inner = next((i for i in range(ent.start + 1, end - 1) if words[i] in _POSSESSIVES), None)
            if inner is not None and cls_ in {"PERSON", "ORG"}:
                # NER sometimes swallows the work after a possessive ("Mike Nichols' Closer"): split it off.
                owner = self._entity_named(doc, doc[ent.start : inner].text)
                parts = [(Span(doc, ent.start, inner, label=ent.label_, kb_id=owner), cls_ if owner else ""),
                         (Span(doc, inner + 1, end, label=""), "TITLE")]
            else:
                parts = [(Span(doc, ent.start, end, label=ent.label_, kb_id=ent.kb_id_), cls_)]
            for span, span_cls in parts:
                for i in range(span.start, span.end):
                    cls[i] = span_cls
                    spans[i] = span
        for run in self._repeated_possessive_titles(doc, full_text) if titled is None else titled:
            for i in range(run.start, run.end):
                cls[i] = "TITLE"
                spans[i] = run
        once: dict[str, int] = defaultdict(int)
        person_at: dict[int, Span] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                once[ent.kb_id_ or ent.text] += 1
                person_at[ent.start] = ent
        for run in self._title_runs(doc, tok):
            person = person_at.get(run.end)
            if person is not None and len(person) == 1 and tok.space[run.end - 1] \
                    and once[person.kb_id_ or person.text] <= 1 \
                    and lower[run.end - 1] not in self.nominals and not tok.sent_start[run.start]:
                # "Amazing Grace", "Hey Jude": a one-word "name" the article never uses again ends the title.
                run = doc[run.start : run.end + 1]
            for i in range(run.start, run.end):
                cls[i] = "TITLE"
                spans[i] = run
        for i in range(n):
            if cls[i]:
                continue
            if words[i] in {"'", "’"} and i > 0 and not words[i - 1][-1:].lower() in {"s", "z", "x"}:
                # "Blazin' Squad": a bare apostrophe after a word not ending in s is an elision, not a possessive.
                cls[i] = "ELISION"
            elif lower[i] in self.pronouns:
                cls[i] = "PRON"
            elif lower[i] in self.separators:
                cls[i] = "SEP"
        self._mark_descriptors(doc, tok)
        self._mark_nominals(doc, full_text, tok)
        for o in range(n):
            if words[o] != "(":
                continue
            close = next((k for k in range(o + 1, min(o + 12, n)) if words[k] == ")"), None)
            if close is not None:
                # A short aside inside a list ("Luke Kirby (returning from ...)") does not end the list.
                for k in range(o, close + 1):
                    if cls[k] in {"", "SEP"}:
                        cls[k] = "PAREN"
        tok.write(doc)
        return spans

    @staticmethod
    def _mark_descriptors(doc: Doc, tokens: Optional[_Tokens] = None) -> None:
        """Mark the tokens that may modify a noun between a determiner and it (the DESC fragment)."""
        tok = _Tokens(doc, doc_text(doc)) if tokens is None else tokens
        words, space, is_lower, pos, ent, sent_start, like_num = (tok.text, tok.space, tok.is_lower, tok.pos, tok.ent,
                                                                  tok.sent_start, tok.like_num)
        desc = tok.desc
        n = len(words)
        for i in range(n):
            glued = not space[i] and i + 1 < n
            if is_lower[i] and pos[i] in _DESC_POS_IDS:
                desc[i] = True
            elif words[i] == "-" and glued and i > 0 and not space[i - 1] and is_lower[i + 1]:
                desc[i] = True  # inside a hyphenated compound ("specially-written")
            elif is_lower[i] and i > 1 and words[i - 1] == "-" and desc[i - 1]:
                desc[i] = True  # the tail of a hyphenated compound ("spin-off")
            elif i > 1 and words[i - 1] == "-" and not space[i - 1] \
                    and is_lower[i - 2] and not space[i - 2] and i + 1 < n and is_lower[i + 1]:
                desc[i - 1] = True  # "anti-Bush documentary": a lower-case prefix on a name
                desc[i] = True
            elif glued and words[i + 1] == "-" and words[i][:1].isupper() and i + 2 < n and is_lower[i + 2]:
                desc[i] = True  # "Bush-baiting", "Oscar-nominated": a capitalised compound modifier
            elif ent[i] in {"DATE", "TIME"} and words[i][:1].isupper() and not sent_start[i] \
                    and i + 1 < n and is_lower[i + 1]:
                desc[i] = True  # "Saturday night entertainment show"
            elif like_num[i] and ent[i] in {"DATE", "CARDINAL", ""} and not sent_start[i]:
                desc[i] = True  # "the 1996 single ..."
        if tokens is None:
            tok.write(doc)

    def _mark_nominals(self, doc: Doc, text: Optional[str] = None, tokens: Optional[_Tokens] = None) -> None:
        """Class "the actor", "the singer", "the 62-year-old" as NOMINAL: a definite description of a person."""
        text = doc_text(doc) if text is None else text
        if tokens is None:
            tok = _Tokens(doc, text)
            tok.cls = [t._.rel_cls for t in doc]
        else:
            tok = tokens
        lower, cls = tok.lower, tok.cls
        n = len(cls)
        for i in range(n):
            if cls[i] or lower[i] not in self.nominals or tok.pos[i] != _NOUN:
                continue
            if not any(c.dep_ == "det" and c.lower_ == "the" for c in doc[i].children):
                continue
            if i + 1 < n and cls[i + 1] in {"PERSON", "ORG"}:
                continue  # "the actor Tom Hanks" names its person
            cls[i] = "NOMINAL"
        for m in _NOMINAL_AGE.finditer(text):
            span = doc.char_span(m.start(), m.end())
            if span is not None and not cls[span.end - 1]:
                nxt = span.end if span.end < n else None
                # "the 62-year-old actor Tom Hanks", "the 62-year-old singer": the age only modifies a noun.
                if nxt is None or (cls[nxt] not in {"PERSON", "ORG"} and lower[nxt] not in self.nominals
                                   and lower[nxt] not in self.age_nouns):
                    cls[span.end - 1] = "NOMINAL"
        if tokens is None:
            tok.write(doc)

    @staticmethod
    def _entity_named(doc: Doc, text: str) -> str:
        """Return the id of the article entity whose name is or ends with `text`, else ""."""
        found = [e.entity_id for e in doc._.entities or [] if e.name == text or e.name.endswith(" " + text)]
        return found[0] if len(found) == 1 else ""

    @staticmethod
    def _repeated_possessive_titles(doc: Doc, text: Optional[str] = None) -> Iterable[Span]:
        """Yield "Ocean's Twelve"-style titles: a possessive title-case phrase the article uses twice or more."""
        found = defaultdict(list)
        for m in _POSSESSIVE_TITLE.finditer(doc_text(doc) if text is None else text):
            found[m.group(0)].append(m)
        for matches in found.values():
            spans = [doc.char_span(m.start(), m.end()) for m in matches]
            if len(spans) > 1 and all(span is not None and not any(t.ent_type_ == "PERSON" for t in span) for span in spans):
                yield from spans

    def _title_runs(self, doc: Doc, tokens: Optional[_Tokens] = None) -> Iterable[Span]:
        """Yield title-case runs of untagged tokens ("My Way", "Stairway to Heaven") that may be work titles."""
        tok = _Tokens(doc, doc_text(doc)) if tokens is None else tokens
        words, lower, ent, sent_start, pos = tok.text, tok.lower, tok.ent, tok.sent_start, tok.pos
        n = len(words)

        def title_token(k: int) -> bool:  # `_title_token` over the lists
            w = words[k]
            return ent[k] == "" and (w[:1].isupper() or w[:1].isdigit()) and w != "I"

        i = 0
        while i < n:
            # A run starts with a capital letter: a leading year ("1946's ...") or a common sentence opener is no title.
            if not title_token(i) or not words[i][:1].isupper() or (sent_start[i] and pos[i] != _PROPN):
                i += 1
                continue
            end = j = i + 1
            while j < n and not sent_start[j]:
                if title_token(j) or (ent[j] in _MISC_NAMES and words[j][:1].isupper()):
                    j += 1
                    end = j
                elif lower[j] in self.inner and ent[j] == "":
                    j += 1
                else:
                    break
            if not all(words[k] in self.not_titles for k in range(i, end) if lower[k] not in self.inner):
                yield doc[i:end]
            i = max(end, i + 1)

    @staticmethod
    def _title_token(token: Token) -> bool:
        return token.ent_type_ == "" and (token.text[:1].isupper() or token.text[:1].isdigit()) and token.text != "I"

    # -- context: topic work, role profiles, pronouns -----------------------------------------------

    @staticmethod
    def _topic_work(doc: Doc, titled: Iterable[Span] = (), text: Optional[str] = None) -> Optional[Span]:
        """Return the article's main work: the first work title of its first two paragraphs (headline, lead).

        `titled` adds untagged titles known otherwise (a possessive title the article repeats: "Ocean's Twelve").
        """
        text = doc_text(doc) if text is None else text
        paragraphs = [m for m in re.finditer(r"\S(?:.|\n(?!\s*\n))*", text)][:2]
        lead_end = paragraphs[-1].end() if paragraphs else len(text)
        works = sorted([e for e in doc.ents if e.label_ == "WORK_OF_ART"] + list(titled), key=lambda s: s.start)
        return next((e for e in works if e.end_char <= lead_end), None)

    def _profiles(self, doc, matches, spans, by_id) -> dict[str, set[str]]:
        """Return, per entity id, the credits its role nouns give it ("director Spike Lee" → {director})."""
        profiles: dict[str, set[str]] = defaultdict(set)
        for match_id, start, end, alignment in matches:
            pattern = self.patterns[doc.vocab.strings[match_id]]
            if pattern.relation != "role":
                continue
            slots = self._slots(doc, pattern, start, alignment, spans)
            credit = self._credit(slots.get("credit", [])) or pattern.credit
            for span in slots.get("subject", []):
                if span.kb_id_ in by_id and credit:
                    profiles[span.kb_id_].add(credit)
        return profiles

    def _resolve_pronoun(self, token: Token, by_id: dict[str, Entity]) -> Optional[Entity]:
        """Return the person a he/she/his/her refers to, or None when no compatible person is near.

        A subject name earlier in the same sentence wins; otherwise the compatible person mentioned most
        often so far in this or the previous paragraph (news keeps pronouns for the story's protagonist).
        """
        want = self.pronouns[token.lower_]
        doc = token.doc
        text = doc_text(doc)
        window_start = text.rfind("\n\n", 0, text.rfind("\n\n", 0, token.idx))
        counts: dict[str, int] = defaultdict(int)
        latest: dict[str, int] = {}
        for ent in doc.ents:
            if ent.end > token.i:
                break
            entity = by_id.get(ent.kb_id_)
            if ent.label_ != "PERSON" or entity is None:
                continue
            # An honorific in the mention says more than the given name ("Ms Stone" for a "Joss").
            gender = _HONORIFIC_GENDER.get(ent[0].text) or self.gender.get(entity.name.split()[0].lower())
            if gender and gender != want:
                continue
            if ent.root.dep_ in _SUBJECT_DEPS and not _crosses_sentence(doc, ent.start, token.i + 1):
                return entity
            # Salience: a mention as a clause subject weighs more than one in an object or a by-phrase.
            counts[entity.entity_id] += 2 if ent.root.dep_ in _SUBJECT_DEPS else 1
            if ent.start_char >= window_start:
                latest[entity.entity_id] = ent.start
        if not counts:
            return None
        # The article's first-named person is its protagonist: it wins ties with people named in passing.
        lead = next((e.kb_id_ for e in doc.ents if e.label_ == "PERSON" and e.kb_id_ in by_id), None)
        # Only a sentence-opening pronoun ("He then wrote ...") goes back to the protagonist; one inside a
        # sentence ("actress Okonedo, chosen for her performance") stays with the people named nearby.
        opener = token.i == token.sent.start
        if opener and lead in counts:
            latest.setdefault(lead, -1)
        if not latest:
            return None
        best = max(latest, key=lambda eid: (counts[eid], opener and eid == lead, latest[eid]))
        return by_id[best]

    def _resolve_nominal(self, token: Token, by_id: dict[str, Entity]) -> Optional[Entity]:
        """Return the person "the actor" / "the 62-year-old" stands for: the article's most mentioned person so far.

        News uses such descriptions for its protagonist; a role noun with a gender ("actress") must agree.
        """
        want = self.nominals.get(token.lower_, "")
        counts: dict[str, int] = defaultdict(int)
        first: dict[str, int] = {}
        for ent in token.doc.ents:
            if ent.end > token.i:
                break
            entity = by_id.get(ent.kb_id_)
            if ent.label_ != "PERSON" or entity is None or ent[0]._.rel_cls != "PERSON":
                continue
            gender = self.gender.get(entity.name.split()[0].lower())
            if want and gender and gender != want:
                continue
            counts[entity.entity_id] += 1
            first.setdefault(entity.entity_id, ent.start)
        if not counts:
            return None
        ranked = sorted(counts, key=lambda eid: (-counts[eid], first[eid]))
        if len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]] and counts[ranked[0]] < 2:
            return None  # no protagonist yet
        return by_id[ranked[0]]

    def _clause_subject(self, verb: Token, spans) -> list:
        """Return the subject item of `verb`'s clause, climbing participle and conjoined clauses to their head verb."""
        token = verb
        for _ in range(4):
            subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
            if subjects:
                subject = subjects[0]
                if subject.lower_ in {"who", "that"} and token.dep_ == "relcl":
                    subject = token.head
                if subject._.rel_cls in {"PRON", "NOMINAL"}:
                    return [subject]
                span = spans.get(subject.i)
                return [span] if span is not None and subject._.rel_cls == "PERSON" else []
            if token.dep_ not in {"advcl", "xcomp", "conj", "relcl", "acl"} or token.head is token:
                return []
            token = token.head
        return []

    def _work_list(self, doc: Doc, i: int) -> list[str]:
        """Return the titles listed from token `i` ("A, B: The C and D"), whatever their entity labels.

        A title is a run of capitalised words, digits and glue ("'s", ":", "/", inner "of the"); items are
        separated by commas and "and"/"or". A name the article uses for a person elsewhere is no title.
        """
        persons: dict[str, int] = defaultdict(int)
        person_ids: dict[int, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and ent.kb_id_:
                persons[ent.kb_id_] += 1
                person_ids.update({t.i: ent.kb_id_ for t in ent})
        titles: list[str] = []
        sent_end = doc[i].sent.end if i < len(doc) else i
        while i < sent_end and len(titles) < 10:
            start = i
            while i < sent_end:
                t = doc[i]
                if (t.text[:1].isupper() or t.text[:1].isdigit()) and t.text not in {"I"}:
                    i += 1
                elif t.text in {":", "'s", "’s", "/", "-"} and i > start and i + 1 < sent_end \
                        and doc[i + 1].text[:1].isalnum() and doc[i + 1].text[:1].upper() == doc[i + 1].text[:1]:
                    i += 1
                elif t.lower_ in self.inner and t.is_lower and t.lower_ not in {"and", "or", "&"} and i > start:
                    j = i
                    while j < sent_end and doc[j].is_lower and doc[j].lower_ in self.inner and doc[j].lower_ not in {"and", "or"}:
                        j += 1
                    if j == i or j >= sent_end or not doc[j].text[:1].isupper():
                        break
                    i = j  # "Return of the Mack"
                else:
                    break
            if i == start:
                break
            span = doc[start:i]
            text = _LEADING_YEAR.sub("", span.text.rstrip(".").strip())  # "1989's Shirley Valentine"
            ent_ids = {t.ent_type_ == "PERSON" and t._.rel_cls == "PERSON" and person_ids.get(t.i) for t in span}
            if any(persons.get(eid, 0) > 1 for eid in ent_ids) or text in self.not_titles:
                break
            titles.append(text)
            if i < sent_end and doc[i].text == "," and i + 1 < sent_end and doc[i + 1].lower_ in {"and", "or"}:
                i += 1
            if i < sent_end and doc[i].lower_ in {",", "and", "or", "&"} and i + 1 < sent_end \
                    and doc[i + 1].text[:1].isupper():
                i += 1
                continue
            break
        return titles

    # -- building relations -------------------------------------------------------------------------

    def _slots(self, doc: Doc, pattern: _Pattern, start: int, alignment: list[int], spans) -> dict[str, list]:
        """Return each slot's spans (entities or runs, in order), or pronoun tokens for a subject slot."""
        slots: dict[str, list] = defaultdict(list)
        for offset, element in enumerate(alignment):
            name = pattern.slots[element]
            if name is None:
                continue
            token = doc[start + offset]
            if name in {"credit", "cue", "verb"}:
                item = token
            else:
                item = spans.get(token.i, token if token._.rel_cls in {"PRON", "NOMINAL"} else None)
            if item is not None and (not slots[name] or slots[name][-1] is not item):
                slots[name].append(item)
        return slots

    def _credit(self, tokens: list) -> Optional[str]:
        for token in tokens:
            for key in (token.lower_, token.lemma_.lower()):
                if key in self.credits:
                    return self.credits[key]
        return None

    def _subjects(self, items: list, by_id: dict[str, Entity]) -> list[_Subject]:
        """Return the entities of a subject slot; a pronoun hides the names before it (they are not its verb's)."""
        pronouns = [i for i, item in enumerate(items) if isinstance(item, Token)]
        if pronouns:
            items = items[pronouns[-1]:]
        found = []
        for item in items:
            if isinstance(item, Token):
                if item._.rel_cls == "NOMINAL":
                    entity = self._resolve_nominal(item, by_id)
                else:
                    entity = self._resolve_pronoun(item, by_id)
                if entity is not None:
                    found.append(_Subject(entity, True, True))
            elif item.label_ in {"PERSON", "ORG"} and item.kb_id_ in by_id and item.text not in self.not_titles:
                found.append(_Subject(by_id[item.kb_id_], False, item[0]._.rel_cls == "PERSON"))
        return found

    def _title(self, item) -> Optional[str]:
        """Return the title a work or character span names, as written, without quotes."""
        if isinstance(item, Token):
            return None
        if item.start > 0 and item.doc[item.start - 1].text == "-" and not item.doc[item.start - 1].whitespace_:
            return None  # "post-Busted": a name inside a hyphenated modifier is no title
        if item.end < len(item.doc) and item.doc[item.end].lower_ in self.series_nouns:
            item = item.doc[item.start : item.end + 1]
        text = strip_possessive(item.text).strip(" '\"‘’“”")
        return text if text and text not in self.not_titles else None

    def _relations(self, doc, pattern, start, end, alignment, spans, by_id, topic, profiles,
                   titled=()) -> list[Relation]:
        slots = self._slots(doc, pattern, start, alignment, spans)
        subject_items = slots.get("subject", [])
        if not subject_items and pattern.clause_subject and slots.get("verb"):
            subject_items = self._clause_subject(slots["verb"][0], spans)
        subjects = self._subjects(subject_items, by_id)
        works = [self._title(s) for s in slots.get("work", []) if self._title(s)]
        if pattern.work_list and not works:
            works = self._work_list(doc, end)
        confidence = pattern.confidence
        if pattern.work and not works:
            implicit = topic if pattern.work == "topic" else _previous_work(doc, start, titled)
            if implicit is None:
                return []
            works = [implicit.text]
            confidence *= self.penalties["implicit_work"]
        if any(not isinstance(s, Token) and s.label_ != "WORK_OF_ART" for s in slots.get("work", [])):
            confidence *= self.penalties["untagged_work"]
        span = doc[start:end]
        sentence = span.sent
        base = dict(evidence=sentence.text.strip(), start_char=span.start_char, end_char=span.end_char,
                    rule=pattern.name)
        credit = self._credit(slots.get("credit", [])) or pattern.credit
        out = []
        for subject in subjects:
            conf = confidence * (self.penalties["pronoun"] if subject.pronoun else 1.0)
            relation, row_credit = pattern.relation, credit
            if relation == "list":
                relation, row_credit = self._by_list_cue(profiles.get(subject.entity.entity_id, set()),
                                                         slots.get("cue", []), subject.person)
                if relation is None:
                    continue
            if relation == "profile":
                relation, row_credit, conf = self._by_profile(profiles.get(subject.entity.entity_id, set()),
                                                              slots.get("cue", []), conf, len(subjects),
                                                              subject.person)
            if relation == "creator_work" and subject.entity.label not in {"PERSON", "ORG"}:
                continue
            if relation == "creator_work" and not subject.person and row_credit not in self.org_credits:
                # Organisations make works only as bands (performer, composer); a studio producing a show is no credit.
                continue
            if relation in {"cast_member", "actor_role"} and not subject.person:
                continue
            if relation == "actor_role":
                for obj in slots.get("object", []):
                    character = self._title(obj)
                    if character and character != subject.entity.name:
                        for work in works or [None]:
                            out.append(Relation("actor_role", subject.entity.name, character, work, None,
                                                subject_id=subject.entity.entity_id, confidence=round(conf, 3), **base))
                continue
            for work in works:
                out.append(Relation(relation, subject.entity.name, work, None,
                                    row_credit if relation == "creator_work" else None,
                                    subject_id=subject.entity.entity_id, confidence=round(conf, 3), **base))
        return out

    def _by_list_cue(self, profile: set[str], cues: list, person: bool) -> tuple[Optional[str], Optional[str]]:
        """Decide the relation of "X, whose films include ...": the cue noun's kind, unless X is known as a maker."""
        kind = next((self.list_cues[c.lower_] for c in cues if c.lower_ in self.list_cues), None)
        if kind == "cast_member":
            makers = sorted(profile - {"cast", "performer"})
            if makers and "cast" not in profile:
                return "creator_work", makers[0]
            return ("cast_member", None) if person else (None, None)
        if kind:
            return "creator_work", kind
        return None, None

    def _by_profile(self, profile: set[str], cues: list, confidence: float,
                    n_subjects: int = 1, person: bool = True) -> tuple[str, Optional[str], float]:
        """Decide cast or creator for "X's Z" from X's role nouns, else from the work's cue noun.

        Without role nouns, several people owning one screen work ("X and Y's comedy Z") are its stars.
        """
        credits = sorted(profile - {"cast"})
        if "cast" in profile and not credits:
            return "cast_member", None, confidence
        if credits:
            return "creator_work", credits[0], confidence
        cue_credits = {self.profile_defaults.get(c.lemma_.lower()) or self.profile_defaults.get(c.lower_) for c in cues}
        if n_subjects > 1 and cue_credits & {"director", "creator"}:
            return "cast_member", None, confidence * self.penalties["profile_from_cue"]
        for cue in cues:
            default = self.profile_defaults.get(cue.lemma_.lower()) or self.profile_defaults.get(cue.lower_)
            if default:
                return "creator_work", default, confidence * self.penalties["profile_from_cue"]
        # An organisation owning a work with no cue ("AC/DC's Highway to Hell") is a band: studios and networks
        # come with their cue nouns or are outlets.
        unknown = self.profile_defaults["_unknown" if person else "_unknown_org"]
        return "creator_work", unknown, confidence * self.penalties["profile_unknown"]

    def _finalise(self, relations: list[Relation]) -> list[Relation]:
        """Return the confident rows, with the cast rows actor_role implies, one row per fact, in text order."""
        characters = {r.object for r in relations if r.relation == "actor_role"}
        implied = [
            replace(r, relation="cast_member", object=r.work, work=None, rule=f"{r.rule}+implied")
            for r in relations if r.relation == "actor_role" and r.work
        ]
        roles = {(r.subject_id, r.object) for r in relations if r.relation == "actor_role"}
        best: dict[tuple, Relation] = {}
        for row in relations + implied:
            # A name used as a character in this article is not also a performer or author.
            if row.confidence < self.min_confidence or row.subject in characters:
                continue
            if row.relation != "actor_role" and row.object == row.subject:
                continue
            if row.relation == "creator_work" and (row.subject_id, row.object) in roles:
                continue  # "playing Horatio to Derek Jacobi's Hamlet": Hamlet is Jacobi's role, not his work
            key = (row.relation, row.subject_id, row.object, row.credit)
            # Prefer the most confident row, and among equals the one that names the work.
            if key not in best or (row.confidence, row.work is not None) > (best[key].confidence, best[key].work is not None):
                best[key] = row
        return sorted(best.values(), key=lambda r: (r.start_char, r.relation, r.subject, r.object))


def _class_norm(cls: str, desc: bool) -> str:
    """The NORM a token of class `cls` (and descriptor mark `desc`) carries while the matcher runs."""
    return f"\x00rel:{cls}:{int(bool(desc))}"


def _native(element: dict) -> dict:
    """Return a pattern element with its `_.rel_cls` / `_.rel_desc` tests as one test on NORM.

    The matcher reads a custom attribute through a Python call per token and pattern (a `Token` and an
    `Underscore` object each time); NORM it reads natively. `_match` sets each token's NORM to
    `_class_norm(class, mark)` while it matches, so the NORM test below passes exactly when the two custom
    tests pass.
    """
    custom = element.get("_")
    if not isinstance(custom, dict) or not set(custom) <= {"rel_cls", "rel_desc"}:
        return element
    if "NORM" in element:
        raise ValueError(f"a pattern element cannot test both NORM and _.rel_cls / _.rel_desc: {element}")

    def passes(spec, value) -> bool:
        if isinstance(spec, dict):
            if set(spec) == {"IN"}:
                return value in spec["IN"]
            if set(spec) == {"NOT_IN"}:
                return value not in spec["NOT_IN"]
            raise ValueError(f"unsupported test in a relation pattern: {spec}")
        return value == spec

    allowed = [_class_norm(c, d) for c in CLASSES for d in (False, True)
               if ("rel_cls" not in custom or passes(custom["rel_cls"], c))
               and ("rel_desc" not in custom or passes(custom["rel_desc"], d))]
    native = {k: v for k, v in element.items() if k != "_"}
    native["NORM"] = {"IN": allowed}
    return native


_WINDOW_ATTRS = {"LOWER": "LOWER", "ORTH": "ORTH", "LEMMA": "LEMMA"}
_UNBOUNDED = 1 << 30


def _window_element(element: dict) -> tuple[int, int, list[tuple[str, frozenset, bool]]]:
    """Return (min, max) repeats and the tests a token filling `element` must pass (a subset of its tests)."""
    op = element.get("OP")
    if op is None:
        low, high = 1, 1
    elif op in {"?", "*", "+"}:
        low, high = {"?": (0, 1), "*": (0, _UNBOUNDED), "+": (1, _UNBOUNDED)}[op]
    else:
        m = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op)
        if m is None:
            raise ValueError(f"unsupported OP {op!r}")
        low = int(m.group(1) or 0)
        high = low if not m.group(2) else int(m.group(3)) if m.group(3) else _UNBOUNDED
    tests = []
    specs = [(attr, element[attr]) for attr in _WINDOW_ATTRS if attr in element]
    if isinstance(element.get("_"), dict) and "rel_cls" in element["_"]:
        specs.append(("cls", element["_"]["rel_cls"]))
    for name, spec in specs:
        if isinstance(spec, str):
            tests.append((name, frozenset([spec]), False))
        elif isinstance(spec, dict) and set(spec) == {"IN"}:
            tests.append((name, frozenset(spec["IN"]), False))
        elif isinstance(spec, dict) and set(spec) == {"NOT_IN"}:
            tests.append((name, frozenset(spec["NOT_IN"]), True))
        # any other test is left out: the window only grows
    return low, high, tests


def _fits(features: dict, tests: list, i: int) -> bool:
    for name, values, negate in tests:
        if (features[name][i] in values) == negate:
            return False
    return True


def _reach(features: dict, elements: list, at: int, step: int, n: int) -> set[int]:
    """Return the positions a run of `elements` may stop at, read from boundary `at` left (step -1) or right (1)."""
    bounds = {at}
    for low, high, tests in (reversed(elements) if step < 0 else elements):
        nxt = set()
        for b in bounds:
            count = 0
            while True:
                if count >= low:
                    nxt.add(b + step * count)
                i = b + step * count if step > 0 else b - count - 1
                if count >= high or not 0 <= i < n or not _fits(features, tests, i):
                    break
                count += 1
        bounds = nxt
        if not bounds:
            break
    return bounds


def _crosses_sentence(doc: Doc, start: int, end: int) -> bool:
    """Return whether a match runs over a real sentence end; a parser's split with no end mark inside
    ("Foxx's critically acclaimed performance | as Ray") does not count."""
    if doc[start].sent.start == doc[end - 1].sent.start:
        return False
    return any(t.text in {".", "!", "?"} or "\n" in t.text or "\n" in t.whitespace_ for t in doc[start:end - 1])


def _previous_work(doc: Doc, before: int, titled: Iterable[Span] = ()) -> Optional[Span]:
    """Return the last work title named before token `before` ("... Wonder Woman. The film is produced by ...")."""
    works = sorted([e for e in doc.ents if e.label_ == "WORK_OF_ART" and e.end <= before]
                   + [s for s in titled if s.end <= before], key=lambda s: s.start)
    return works[-1] if works else None
