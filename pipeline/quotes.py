"""Quote → speaker attribution: find every direct quotation and say who said it.

`find_quotes` scans `doc.text` with compiled regexes for double quotes (straight and curly) and UK-style
single quotes, tolerating the unbalanced marks of real news text. The `quote_attribution` component then
attributes each quotation from its frame (the text around it in its sentence), the dependency parse, the
article's entities (`doc._.entities` / `doc._.mentions`, filled by `entity_resolver`) and the quotes
before and after it. Results go to `doc._.quotes` (a list of `Quote`) and `doc.spans["quotes"]`.
"""
from __future__ import annotations

import json
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Optional

from spacy.attrs import LEMMA
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .names import FIRST_NAME_GENDER
from .records import Quote, doc_text

log = logging.getLogger(__name__)

DATA = Path(__file__).parent / "data"

MIN_WORDS = 4  # GOLD_FORMAT: shorter quoted phrases are scare quotes or titles
CONTINUATION_CHARS = 800  # a cue-less quote continues the last speaker only across this much narrative
PRONOUN_WINDOW_CHARS = 1500  # pronoun antecedents are looked for no further back than this
SHORT_FRAME_TOKENS = 6  # `"…." Smith said.`: a frame after a full stop must be this short

_PARAGRAPH = re.compile(r"[^\n]+")
# Two apostrophes or backticks are a double mark in newswire text (''like this'', ``or this'').
_DOUBLE = re.compile(r"''|``|‘‘|’’|[\"“”„«»]")
_DOUBLE_OPENERS = "“„«"
_DOUBLE_CLOSERS = "”»"
# A single mark opens a quote after a non-word and before a word, except in elisions ('90s, 'em, rock 'n' roll).
_SINGLE_OPEN = re.compile(r"(?<![\w'’‘])['‘](?=\w)(?!(?:\d0s|em|til|cause|n|tis|twas)\b)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:…)\]])['’](?!\w)")
# A single closing mark after sentence punctuation that ends a double quote when the writer mistyped it.
_STRAY_SINGLE_CLOSE = re.compile(r"(?<=[.!?,])['’](?=\s|$)")
_SENT_END = re.compile(r"[.!?…]+['’\"”)\]]*(?=\s|$)")
_WORD = re.compile(r"\w[\w'’\-]*")
_AGE = re.compile(r"\b\d{1,3}[- ]year[- ]old\b|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)-something\b", re.IGNORECASE)
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|Mt|vs|etc|Inc|Ltd|Co|No)|\b[A-Z])\.$"
    # Names written with an exclamation mark ("E! News", "Yahoo! Music", "Hello! magazine") do not end a sentence.
    r"|(?:^|\s)(?:[A-Z]|Yahoo|Hello|OK|Jeopardy|Wham|Oklahoma)!$"
)
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "is"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A cue verb without a subject of its own borrows the subject of the verb it depends on ("vowed …, saying").
_CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "pcomp"}
_FIRST_PERSON = {"i", "we", "me", "us"}
_GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SPEAKER_LABELS = {"PERSON", "ORG"}  # what a resolved speaker must be, among the article's entities


@dataclass(frozen=True)
class RawQuote:
    """A quotation found in the text: the quoted words and where its marks are."""

    open: int  # offset of the opening mark
    start: int  # offset of the first quoted character
    end: int  # offset after the last quoted character
    close: int  # offset after the closing mark (== end when the writer left it unclosed)
    closed: bool
    paragraph: int
    para_start: int
    para_end: int
    single: bool = False  # marked with single quotes (UK style)
    inner: Optional[tuple[int, int]] = None  # the attribution inside a split quotation ("X," he said, "y")


@dataclass(frozen=True)
class Lexicon:
    """The word lists of `quote_cues.json` and `first_names.json`."""

    verbs: frozenset
    phrases: tuple
    person_roles: frozenset
    org_roles: frozenset
    anonymous_roles: frozenset
    relational_roles: frozenset
    org_nouns: frozenset
    group_nouns: frozenset
    gender: dict  # word → "m" | "f"
    honorifics: frozenset
    pronouns: dict  # pronoun → "m" | "f" | "org"
    verbs_with_object: dict  # verb → the objects it needs to report speech ("put" → "it")
    written_objects: frozenset
    forms: dict  # name → compiled pattern of an attribution without a reporting verb
    character_before: re.Pattern
    character_after: re.Pattern

    @classmethod
    def load(cls, cues_file: str = "quote_cues.json", names_file: str = "first_names.json") -> "Lexicon":
        """Return the lexicon read from the two data files."""
        cues = json.loads((DATA / cues_file).read_text(encoding="utf-8"))
        names = json.loads((DATA / names_file).read_text(encoding="utf-8"))
        gender = {w: g for g in ("m", "f") for w in names[g]}
        gender.update({w: g for g in ("m", "f") for w in cues["gender"][g]})
        return cls(
            verbs=frozenset(cues["verbs"]),
            phrases=tuple(tuple(p) for p in cues["phrases"]),
            person_roles=frozenset(cues["person_roles"]),
            org_roles=frozenset(cues["org_roles"]),
            anonymous_roles=frozenset(cues["anonymous_roles"]),
            relational_roles=frozenset(cues["relational_roles"]),
            org_nouns=frozenset(cues["org_nouns"]),
            group_nouns=frozenset(cues["group_nouns"]),
            gender=gender,
            honorifics=frozenset(cues["honorifics"]),
            pronouns=dict(cues["pronouns"]),
            verbs_with_object={v: frozenset(o) for v, o in cues["verbs_with_object"].items()},
            written_objects=frozenset(cues["written_objects"]),
            forms={name: re.compile(pattern) for name, pattern in cues["forms"].items()},
            character_before=re.compile(cues["character_contexts"]["before"], re.IGNORECASE),
            character_after=re.compile(cues["character_contexts"]["after"]),
        )


# ---------------------------------------------------------------------------------------------------------
# Finding quotations


def find_quotes(text: str) -> list[RawQuote]:
    """Return the direct quotations of `text` (4+ words, not titles) in text order."""
    found: list[RawQuote] = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        doubles = _scan_double(text, para.start(), para.end(), index)
        singles = _scan_single(text, para.start(), para.end(), index, doubles)
        for q in sorted(doubles + singles, key=lambda q: q.open):
            q = _trim(text, q)
            if q is None:
                continue
            if found and _continues(text, found[-1], q):
                a = found[-1]
                found[-1] = replace(a, end=q.end, close=q.close, closed=q.closed, inner=(a.close, q.open))
            else:
                found.append(q)
    return [q for q in found if _is_quotation(text[q.start : q.end]) and (not q.single or _single_is_speech(text, q))]


def _continues(text: str, a: RawQuote, b: RawQuote) -> bool:
    """True when `b` finishes the sentence `a` began ("X," he said, "y."): one quotation, per GOLD_FORMAT."""
    gap = text[a.close : b.open]
    return (
        a.paragraph == b.paragraph
        and a.closed
        and a.single == b.single
        and "," in text[a.end : a.close]
        and text[b.start].islower()
        and len(gap) <= 80
        and gap.rstrip().endswith(",")
        and _SENT_END.search(gap) is None
    )


def _single_is_speech(text: str, q: RawQuote) -> bool:
    """True when single-quoted words read as speech, not a scare-quoted phrase ('done in a shed').

    Speech ends with punctuation inside the marks, opens a sentence, or is long.
    """
    before = text[q.para_start : q.open].rstrip()
    return (
        text[q.end : q.close - 1].strip()[:1] in {".", ",", "!", "?", "…"}
        or text[q.end - 1] in ".!?…"
        or not before
        or before[-1] in ".!?:"
        or len(_WORD.findall(text[q.start : q.end])) >= 8
    )


def _double_opens(text: str, i: int, lo: int, hi: int, is_open: bool, j: Optional[int] = None) -> bool:
    """True when the double mark at `i` (ending at `j`) opens a quotation (by its shape, else by its neighbours)."""
    j = i + 1 if j is None else j
    mark = text[i:j]
    if mark in _DOUBLE_OPENERS or mark in {"``", "‘‘"}:
        return True
    if mark in _DOUBLE_CLOSERS or mark == "’’":
        return False
    left_free = i == lo or text[i - 1].isspace() or text[i - 1] in "([{—–-/"
    right_free = j >= hi or text[j].isspace() or text[j] in ".,;:!?)]}—–…"
    if left_free != right_free:
        return left_free
    return not is_open


def _scan_double(text: str, lo: int, hi: int, paragraph: int) -> list[RawQuote]:
    """Return the double-quoted stretches of one paragraph; a quote reopened or left open is cut, not lost."""
    out: list[RawQuote] = []
    opened: Optional[int] = None
    width = 1
    for m in _DOUBLE.finditer(text, lo, hi):
        i = m.start()
        if _double_opens(text, i, lo, hi, opened is not None, m.end()):
            if opened is not None:
                end = _reopen_cut(text, opened + width - 1, i)
                out.append(RawQuote(opened, opened + width, end, end, False, paragraph, lo, hi))
            opened, width = i, m.end() - i
        elif opened is not None:
            out.append(RawQuote(opened, opened + width, i, m.end(), True, paragraph, lo, hi))
            opened = None
    if opened is not None:
        stray = _STRAY_SINGLE_CLOSE.search(text, opened + width, hi)
        if stray and not _SINGLE_OPEN.search(text, opened + width, stray.start()):
            out.append(RawQuote(opened, opened + width, stray.start(), stray.end(), True, paragraph, lo, hi))
        else:
            out.append(RawQuote(opened, opened + width, hi, hi, False, paragraph, lo, hi))
    return out


def _reopen_cut(text: str, opened: int, reopen: int) -> int:
    """Return where an unclosed quote ends when a new one opens: at its last sentence end before the new mark.

    A mark after a sentence end is a new paragraph of the same speech (paragraph breaks lost); text after
    the last sentence end (`He added: "`) is the new quote's frame.
    """
    before = text[opened + 1 : reopen].rstrip()
    if before and before[-1] in ".!?…":
        return opened + 1 + len(before)
    ends = [m.end() for m in _SENT_END.finditer(text, opened + 1, reopen)]
    return ends[-1] if ends else reopen


def _scan_single(text: str, lo: int, hi: int, paragraph: int, doubles: list[RawQuote]) -> list[RawQuote]:
    """Return the single-quoted stretches of one paragraph outside its double quotes; unclosed ones are dropped.

    An `s'` followed by a lower-case word is usually a possessive ("Roberts' departure"): it closes the quote
    only when the quote would otherwise run on to another opening mark, or when the quoted words are a title.
    """
    def inside_double(i: int) -> bool:
        return any(q.open <= i < q.close for q in doubles)

    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text, lo, hi) if not inside_double(m.start())]
    openers = [m.start() for m in _SINGLE_OPEN.finditer(text, lo, hi) if not inside_double(m.start())]
    out: list[RawQuote] = []
    after = lo
    for o in openers:
        if o < after:
            continue
        candidates = [c for c in closers if c > o + 1]
        weak = [c for c in candidates if text[c - 1] in "sS" and re.match(r"\s+[a-z]", text[c + 1 : c + 3])]
        strong = [c for c in candidates if c not in weak]
        close = strong[0] if strong else (weak[0] if weak else None)
        if weak and (not strong or weak[0] < strong[0]):
            runs_on = strong and any(weak[0] < x < strong[0] for x in openers)
            if not strong or runs_on or _is_title(text[o + 1 : weak[0]]):
                close = weak[0]
        if close is None:
            continue
        out.append(RawQuote(o, o + 1, close, close + 1, True, paragraph, lo, hi, single=True))
        after = close + 1
    return out


def _trim(text: str, q: RawQuote) -> Optional[RawQuote]:
    """Return `q` with spaces, a trailing comma and an unpaired nested opening mark trimmed off its words."""
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if start < end and text[start] in "'‘" and not _SINGLE_CLOSE.search(text, start + 1, end):
        start += 1
    return replace(q, start=start, end=end) if start < end else None


def _is_title(words_text: str) -> bool:
    """True when the quoted words look like a title or name ('Friends', "Always Look on the Bright Side")."""
    words = _WORD.findall(words_text)
    if not words or len(words) > 10 or re.search(r"[.!?,;:]", words_text):
        return False
    # A shouted headline quote ("WE ARE NOT DONE YET") is speech: titles are not written in capitals throughout.
    if len(words) >= MIN_WORDS and all(w.isupper() or not w.isalpha() for w in words):
        return False
    major = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _TITLE_SMALL_WORDS]
    return all(w[0].isupper() or w[0].isdigit() for w in major)


def _is_quotation(words_text: str) -> bool:
    """True when quoted words are a quotation: four words or more, and not a title."""
    return len(_WORD.findall(words_text)) >= MIN_WORDS and not _is_title(words_text)


def _sentence_end(text: str, pos: int, ceiling: int) -> int:
    """Return the offset after the first sentence end at or after `pos` (abbreviations skipped), else `ceiling`."""
    for m in _SENT_END.finditer(text, pos, ceiling):
        if not _ABBREVIATION.search(text[max(0, m.start() - 10) : m.start() + 1]):
            return m.end()
    return ceiling


def _sentence_start(text: str, pos: int, floor: int) -> int:
    """Return the offset where the sentence holding `pos` starts (no earlier than `floor`)."""
    start = floor
    for m in _SENT_END.finditer(text, floor, pos):
        if not _ABBREVIATION.search(text[max(0, m.start() - 10) : m.start() + 1]):
            start = m.end()
    while start < pos and text[start].isspace():
        start += 1
    return start


# ---------------------------------------------------------------------------------------------------------
# Attributing quotations


@dataclass(frozen=True)
class Speaker:
    """Who a cue's subject refers to."""

    name: Optional[str]
    entity_id: Optional[str]
    text: Optional[str]
    method: str
    confidence: float
    gender: Optional[str] = None  # m | f, when known
    kind: str = "person"  # person | org


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    cue: Optional[Token]
    cue_text: Optional[str]
    outlet: Optional[str]
    rule: str


@dataclass(frozen=True)
class _Event:
    """A person or organisation in subject position, or a quote's speaker: a candidate antecedent."""

    pos: int
    speaker: Speaker
    is_subject: bool
    is_speaker: bool
    cue_subject: bool = False
    main_subject: bool = False  # subject of the sentence's main verb, the likeliest antecedent


_UNRESOLVED = Speaker(None, None, None, "unresolved", 0.2)


def _governing_verb(root: Token) -> Optional[Token]:
    """Return the verb a name is the subject of, or None.

    Besides a plain subject, a name counts as one when it is in apposition to the subject ("ITV's controller,
    Claudia Rosencrantz, said"; "US editor Mike Goodridge thinks") or when a relative clause about it has
    it as subject ("Staunton, who told BBC News she …").
    """
    if root.dep_ in _SUBJECT_DEPS:
        return root.head
    if root.dep_ == "appos" and root.head.dep_ in _SUBJECT_DEPS:
        return root.head.head
    # "Director Mike Leigh said" (a name split by the parser) speaks; "the Oscar voting panel said" does not.
    if root.dep_ == "compound" and root.head.dep_ in _SUBJECT_DEPS and (root.head.pos_ == "PROPN" or root.head.ent_type_ == "PERSON"):
        return root.head.head
    for child in root.children:
        if child.dep_ == "relcl" and any(c.dep_ in _SUBJECT_DEPS and c.lower_ in {"who", "that"} for c in child.children):
            return child
    # "Only Fools and Horses star David Jason criticised": the parser made the title the subject and the name
    # its conjunct.
    head = root
    while head.dep_ in {"conj", "compound", "appos"} and head.head is not head:
        head = head.head
        if head.dep_ in _SUBJECT_DEPS and head.ent_type_ == "WORK_OF_ART":
            return head.head
    return None


class _Article:
    """Attribution state for one document."""

    def __init__(self, doc: Doc, raws: list[RawQuote], lex: Lexicon, text: Optional[str] = None):
        self.doc, self.text, self.raws, self.lex = doc, doc_text(doc) if text is None else text, raws, lex
        self.entities = {e.entity_id: e for e in doc._.entities or []}
        self.mentions = sorted(doc._.mentions or [], key=lambda m: m.start_char)
        self.mention_starts = [m.start_char for m in self.mentions]
        self.mention_spans = [
            (m, span) for m in self.mentions
            if (span := doc.char_span(m.start_char, m.end_char, alignment_mode="expand")) is not None
        ]
        self.census_genders: set[str] = set()  # genders known only from the first-name list, which can be wrong ("Blake")
        self.genders = self._entity_genders()
        self.characters = self._characters()
        self.events = self._mention_events()
        self.role_links = self._role_links()
        self.frames: dict[int, tuple[Optional[Attribution], bool]] = {}
        self.results: dict[int, Attribution] = {}
        self._sentence_starts: Optional[list[int]] = None

    # -- lookups ------------------------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end and not (q.inner and q.inner[0] <= pos < q.inner[1]) for q in self.raws)

    def mention_at(self, token: Token):
        """Return the mention covering `token`, or None."""
        for m in self.mentions:
            if m.start_char <= token.idx < m.end_char:
                return m
            if m.start_char > token.idx:
                break
        return None

    def tokens(self, lo: int, hi: int) -> list[Token]:
        """Return the tokens starting in `[lo, hi)` that are not inside a quotation."""
        span = self.doc.char_span(lo, hi, alignment_mode="expand") if hi > lo else None
        if span is None:
            return []
        return [t for t in span if lo <= t.idx < hi and not self.in_quote(t.idx)]

    def _entity_genders(self) -> dict[str, str]:
        """Return entity_id → gender, from honorifics before mentions, gendered role words and first names."""
        votes: dict[str, list[str]] = {}
        for m, span in self.mention_spans:
            if m.label != "PERSON":
                continue
            before = self.text[max(0, m.start_char - 12) : m.start_char].split()
            words = [before[-1].lower().rstrip(".") if before else ""]
            words += [c.lemma_.lower() for c in span.root.children if c.dep_ in {"appos", "compound"}]
            if span.root.dep_ in {"appos", "compound"}:
                words.append(span.root.head.lemma_.lower())
            for word in words:
                if word in self.lex.gender:
                    votes.setdefault(m.entity_id, []).append(self.lex.gender[word])
            pronoun = self._next_pronoun(m, span)
            if pronoun is not None:
                votes.setdefault(m.entity_id, []).append(pronoun)
        for eid, ent in self.entities.items():
            first = ent.name.split()[0].lower() if ent.label == "PERSON" and ent.name.split() else ""
            if first in self.lex.gender:
                votes.setdefault(eid, []).append(self.lex.gender[first])
            elif first in FIRST_NAME_GENDER and eid not in votes:
                # The census's first names only when the article itself says nothing ("Imelda", "Leonardo").
                votes[eid] = [FIRST_NAME_GENDER[first]]
                self.census_genders.add(eid)
        return {eid: max(set(v), key=v.count) for eid, v in votes.items()}

    def _next_pronoun(self, m, span: Span) -> Optional[str]:
        """Return the gender of the first he/she/his/her after a subject name in its sentence ("Size said he …"),
        when no other person is named in between and the pronoun is not inside a quotation."""
        if _governing_verb(span.root) is None:
            return None
        for t in span.sent[span.end - span.sent.start :]:
            if t.ent_type_ == "PERSON" or self.in_quote(t.idx):
                return None
            if t.lower_ in _GENDERED_PRONOUNS:
                return _GENDERED_PRONOUNS[t.lower_]
        return None

    def _speaker_for_mention(self, mention, text: str, method: str, confidence: float) -> Speaker:
        ent = self.entities.get(mention.entity_id)
        name = ent.name if ent else mention.text
        label = ent.label if ent else mention.label
        kind = "person" if label == "PERSON" else "org"
        return Speaker(name, mention.entity_id, text, method, confidence, self.genders.get(mention.entity_id), kind)

    def _characters(self) -> set[str]:
        """Return the ids of people named only as fictional characters ("stars as Becky Sharp", "Sylvia (Kate Winslet)")."""
        seen: dict[str, bool] = {}
        for m in self.mentions:
            if m.label != "PERSON" or self.in_quote(m.start_char):
                continue
            before = self.text[max(0, m.start_char - 80) : m.start_char]
            after = self.text[m.end_char : m.end_char + 40]
            is_character = bool(self.lex.character_before.search(before) or self.lex.character_after.match(after))
            seen[m.entity_id] = seen.get(m.entity_id, True) and is_character
        return {eid for eid, only in seen.items() if only}

    def _mention_events(self) -> list[_Event]:
        events = []
        for m, span in self.mention_spans:
            if m.label not in {"PERSON", "ORG", "NORP"} or self.in_quote(m.start_char) or m.entity_id in self.characters:
                continue
            verb = _governing_verb(span.root)
            # "Alison Howe, producer of the show." (a sentence without a verb) is about the person it names.
            fragment = span.root.dep_ == "ROOT" and span.start == span.sent.start and m.label == "PERSON"
            is_subject = verb is not None or fragment
            cue_subject = verb is not None and verb.lemma_.lower() in self.lex.verbs
            main = fragment or is_subject and (verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
            speaker = self._speaker_for_mention(m, m.text, "explicit", 0.9)
            events.append(_Event(m.start_char, speaker, is_subject, False, cue_subject, main))
        return events

    def _role_links(self) -> list[tuple[int, str, Speaker]]:
        """Return (offset, role noun, person) for people introduced with a role ("director Spike Lee")."""
        links = []
        doc = self.doc
        strings = doc.vocab.strings
        lowered: dict[int, str] = {}
        # Lemmas read as hashes in one call; a Token is made only for the role nouns.
        for i, lemma in enumerate(doc.to_array(LEMMA).tolist() if len(doc) else []):
            role = lowered.get(lemma)
            if role is None:
                role = lowered[lemma] = strings[lemma].lower()
            if role not in self.lex.person_roles:
                continue
            t = doc[i]
            if self.in_quote(t.idx):
                continue
            people = []
            if t.dep_ in {"compound", "appos"}:
                people.append(t.head)
            people.extend(c for c in t.children if c.dep_ == "appos")
            for p in people:
                mention = self.mention_at(p)
                if mention is not None and mention.label == "PERSON":
                    links.append((t.idx, role, self._speaker_for_mention(mention, t.text, "role-noun", 0.75)))
        return links

    # -- frames -------------------------------------------------------------------------------------------

    def neighbours(self, i: int) -> tuple[Optional[RawQuote], Optional[RawQuote]]:
        q = self.raws[i]
        prev = self.raws[i - 1] if i > 0 and self.raws[i - 1].paragraph == q.paragraph else None
        nxt = self.raws[i + 1] if i + 1 < len(self.raws) and self.raws[i + 1].paragraph == q.paragraph else None
        return prev, nxt

    def tail_region(self, i: int) -> Optional[tuple[int, int]]:
        """Return the frame after a closed quote, up to its sentence end or the next quote."""
        q = self.raws[i]
        if not q.closed:
            return None
        _, nxt = self.neighbours(i)
        hi = min(_sentence_end(self.text, q.close, q.para_end), nxt.open if nxt else q.para_end)
        frame = self.text[q.close : hi]
        if nxt is not None and hi == nxt.open and frame.rstrip().endswith((",", ":")):
            return None  # `She added, "…"` introduces the next quote
        return (q.close, hi) if re.search(r"\w", frame) else None

    def head_region(self, i: int) -> Optional[tuple[int, int]]:
        """Return the frame before a quote, from its sentence start or the previous quote's close."""
        q = self.raws[i]
        prev, _ = self.neighbours(i)
        lo = max(prev.close if prev else q.para_start, _sentence_start(self.text, q.open, q.para_start))
        return (lo, q.open) if re.search(r"\w", self.text[lo : q.open]) else None

    def cues(self, lo: int, hi: int) -> list[tuple[Token, str]]:
        """Return (cue token, cue as written) for the reporting verbs and phrases in `[lo, hi)`."""
        found = []
        for t in self.tokens(lo, hi):
            if t.ent_type_ in {"PERSON", "ORG", "WORK_OF_ART"}:
                continue
            phrase = next((p for p in self.lex.phrases if self._phrase_at(t, p)), None)
            if phrase:
                found.append((t, self.doc[t.i : t.i + len(phrase)].text))
            elif t.lemma_.lower() in self.lex.verbs and t.pos_ in {"VERB", "AUX", "NOUN", "PROPN"}:
                objects = self.lex.verbs_with_object.get(t.lemma_.lower())
                if objects is None or t.i + 1 < len(self.doc) and self.doc[t.i + 1].lower_ in objects:
                    found.append((t, t.text))
        return found

    def _phrase_at(self, t: Token, phrase: tuple) -> bool:
        end = t.i + len(phrase)
        return end <= len(self.doc) and tuple(x.lower_ for x in self.doc[t.i : end]) == phrase

    def frame_attribution(self, i: int) -> tuple[Optional[Attribution], bool]:
        """Return (attribution from the quote's own frame or None, whether the quote has a frame at all)."""
        if i not in self.frames:
            self.frames[i] = self._frame_attribution(i)
        return self.frames[i]

    def _frame_attribution(self, i: int) -> tuple[Optional[Attribution], bool]:
        labelled = self.label_attribution(i)
        if labelled is not None:
            return labelled, True
        q = self.raws[i]
        tail, head = self.tail_region(i), self.head_region(i)
        last = self.text[q.start : q.end].rstrip()[-1:]
        raw_last = self.text[q.end : q.close - 1].strip()[-1:] if q.closed else ""
        ended = (raw_last or last) in {".", "…", "?", "!"}
        if tail is not None:
            lowered = self.text[tail[0] : tail[1]].lstrip()[:1].islower()
            if ended and not lowered and len(self.tokens(*tail)) > SHORT_FRAME_TOKENS + 1:
                tail = None  # a new sentence, not this quote's frame
        order = [("tail", tail), ("head", head)]
        if last not in {",", "?", "!", "—", "-"} and (raw_last not in {",", "?", "!"}) and head is not None:
            order.reverse()
        if q.inner is not None:
            order.insert(0, ("inner", q.inner))
        for side, region in order:
            if region is None:
                continue
            cues = self.cues(*region)
            if not cues:
                continue
            cue, cue_text = cues[-1] if side == "head" else cues[0]
            attribution = self.attribute_cue(cue, cue_text, region, q, f"cue-{side}")
            if attribution is not None:
                return attribution, True
        form = self.form_attribution(i)
        if form is not None:
            return form, True
        if tail is not None and (self.text[tail[0] : tail[1]].lstrip()[:1].islower() or "," in {last, raw_last}):
            return self.frame_subject(tail, q), True
        return None, False

    # -- attributions without a reporting verb (patterns in quote_cues.json "forms") ------------------------

    def form_attribution(self, i: int) -> Optional[Attribution]:
        """`"…" ― Jane Doe`, `Jane Doe: "…"`, `Jane Doe, Vogue: "…"`, or a transcript paragraph `DOE: …`."""
        q, forms = self.raws[i], self.lex.forms
        prev, nxt = self.neighbours(i)
        if q.closed:
            tail_end = nxt.open if nxt else q.para_end
            m = forms["dash_before_name"].match(self.text[q.close : tail_end])
            if m:
                found = self.name_at(q.close + m.end(), tail_end)
                if found is not None:
                    speaker, end = found
                    rest = self.text[end:tail_end]
                    outlet = re.match(r"\s*,\s*([^,.;:\n]{2,60})", rest)
                    return Attribution(speaker, None, None, self.outlet_name(outlet.group(1)) if outlet else None, "form-dash")
        lo = max(prev.close if prev else q.para_start, _sentence_start(self.text, q.open, q.para_start))
        m = forms["name_before_colon"].match(self.text[lo : q.open])
        if m:
            found = self.name_at(lo + m.start("name"), lo + m.end("name"), whole=True)
            if found is not None:
                outlet = self.outlet_name(m.group("outlet")) if m.group("outlet") else None
                return Attribution(found[0], None, None, outlet, "form-name-colon")
        return None

    def label_attribution(self, i: int) -> Optional[Attribution]:
        """A transcript paragraph opened by a speaker label (`WALLACE: …`): its quotes are the labelled speaker's
        unless a cue in the paragraph names someone else (`I said "…"` stays the label's)."""
        q = self.raws[i]
        m = self.lex.forms["speaker_label"].match(self.text[q.para_start : q.open])
        if not m:
            return None
        region = (q.para_start + m.end(), q.close)
        for cue, _ in self.cues(*region):
            subject = self.subject_of(cue, region)
            if subject is not None and subject.lower_ not in _FIRST_PERSON:
                return None
        found = self.name_at(q.para_start + m.start("name"), q.para_start + m.end("name"), whole=True)
        return Attribution(found[0], None, None, None, "form-speaker-label") if found is not None else None

    def name_at(self, lo: int, hi: int, whole: bool = False) -> Optional[tuple[Speaker, int]]:
        """Return (the speaker named at `lo`, where the name ends): a person or organisation mention, or a surname
        written in capitals ("WALLACE") matched to the article's one person of that name; `whole` requires the
        name to fill `[lo, hi)`."""
        while lo < hi and self.text[lo].isspace():
            lo += 1
        mention = next((m for m in self.mentions if m.start_char == lo), None)
        if mention is not None and mention.label in {"PERSON", "ORG", "NORP"}:
            if whole and self.text[mention.end_char : hi].strip(" '’s"):
                return None
            written = self.text[mention.start_char : mention.end_char]
            return self._speaker_for_mention(mention, written, "explicit", 0.9), mention.end_char
        written = self.text[lo:hi].strip()
        words = written.split()
        if not words or len(words) > 4 or not all(w[:1].isupper() for w in words) or not whole:
            return None
        last = words[-1].lower()
        people = [e for e in self.entities.values() if e.label == "PERSON" and e.name.split()[-1].lower() == last]
        if len(people) == 1:
            e = people[0]
            return Speaker(e.name, e.entity_id, written, "explicit", 0.85, self.genders.get(e.entity_id)), hi
        return None

    def outlet_name(self, written: str) -> Optional[str]:
        """Return an outlet written after a name ("Jane Doe, Vogue"), when it is an organisation of the article."""
        written = written.strip()
        for m in self.mentions:
            if m.label == "ORG" and m.text == written:
                return written
        return None

    def frame_subject(self, region: tuple[int, int], q: RawQuote) -> Optional[Attribution]:
        """`"…," she smiled`: a name or pronoun subject right after the quote speaks even with an unknown verb."""
        for t in self.tokens(*region):
            if t.dep_ in _SUBJECT_DEPS and (t.pos_ == "PROPN" or t.lower_ in self.lex.pronouns):
                speaker = self.resolve(t, q.open)
                if speaker.name:
                    return Attribution(replace(speaker, confidence=speaker.confidence * 0.7), None, None, None, "frame-subject")
        return None

    def attribute_cue(self, cue: Token, cue_text: str, region: tuple[int, int], q: RawQuote, rule: str) -> Optional[Attribution]:
        subject = self.subject_of(cue, region)
        if subject is None:
            return None
        speaker = self.resolve(subject, q.open)
        return Attribution(speaker, cue, cue_text, self.outlet(cue), rule)

    def subject_of(self, cue: Token, region: tuple[int, int]) -> Optional[Token]:
        """Return the token naming who speaks for `cue`: its subject, climbing to a governing verb if needed."""
        if cue.lower_ == "according":
            objects = [c for c in cue.nbor(1).children if c.dep_ == "pobj"] if cue.i + 1 < len(cue.doc) else []
            return objects[0] if objects else self.nearest_name(cue, region, after_only=True)
        verb = cue
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS and not self.in_quote(c.idx)]
            if subjects:
                # "The singer of Because the Night told": a subject inside a title is a mis-parse.
                subject = min(subjects, key=lambda t: (t.ent_type_ == "WORK_OF_ART", t.i))
                if subject.lower_ in {"who", "that", "which"} and verb.dep_ == "relcl":
                    subject = verb.head
                if subject.dep_ == "nsubjpass":
                    # "he was called 'the fifth child' by director Marc Forster": the agent speaks.
                    # The parser often hangs "by" on the quoted noun instead of the verb.
                    agent = next((a for c in verb.subtree if c.lower_ == "by" and c.i > verb.i and c.dep_ in {"agent", "prep"}
                                  and not self.in_quote(c.idx) for a in c.children if a.dep_ == "pobj"), None)
                    if agent is not None and not self.in_quote(agent.idx):
                        return agent
                return subject
            if verb.dep_ not in _CLIMB_DEPS or verb.head is verb:
                break
            verb = verb.head
            quoted = next((c for c in verb.children if c.dep_ == "dobj"), None) if verb.lemma_.lower() == "quote" else None
            if quoted is not None and cue.lemma_.lower() != "quote" and not self.in_quote(quoted.idx):
                return quoted  # "the magazine quoted its source as saying": the source speaks
        return self.nearest_name(cue, region)

    def nearest_name(self, cue: Token, region: tuple[int, int], after_only: bool = False) -> Optional[Token]:
        """Fallback when the parse gives no subject: the name, pronoun or role noun nearest the cue."""
        candidates = [
            t for t in self.tokens(*region)
            if t.i != cue.i and (not after_only or t.i > cue.i)
            and (t.pos_ == "PROPN" or t.lower_ in self.lex.pronouns or t.lemma_.lower() in self.lex.person_roles | self.lex.org_roles
                 or t.ent_type_ in SPEAKER_LABELS)
        ]
        # "X, 34, asked director Y:": a name before the cue is its subject; one after it is an addressee,
        # unless the cue opens the frame ("…," said X).
        before = [t for t in candidates if t.i < cue.i]
        if before and not after_only:
            candidates = before
        return min(candidates, key=lambda t: abs(t.i - cue.i)) if candidates else None

    def outlet(self, cue: Token) -> Optional[str]:
        """`told Vogue` → "Vogue": the proper-noun object of a tell-verb, without a leading lower-case "the".

        An interviewer is not the outlet: `told CNN's Dana Bash` → "CNN"; `told Oprah Winfrey` → None.
        """
        if cue.lemma_.lower() != "tell":
            return None
        for child in cue.children:
            if child.dep_ in {"dobj", "dative", "iobj"} and any(t.pos_ == "PROPN" for t in child.subtree):
                owner = next((c for c in child.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
                if owner is not None:
                    child = owner
                elif (m := self.mention_at(child)) is not None and m.label == "PERSON":
                    return None
                words = [t for t in child.subtree if t.text not in {"'s", "’s", "'", "’"}]
                while words and (words[0].dep_ == "det" and words[0].text.islower()):
                    words = words[1:]
                words = [w for w in words if w.i <= max(t.i for t in child.subtree if t.pos_ in {"PROPN", "NOUN"})]
                return self.doc[words[0].i : words[-1].i + 1].text if words else None
        return None

    # -- resolving a subject to a speaker ----------------------------------------------------------------

    def name_span(self, token: Token) -> Span:
        """Return the proper-name span around `token` (its compound/flat proper nouns and honorific)."""
        left = right = token.i
        while left > token.sent.start and self.doc[left - 1].pos_ == "PROPN":
            left -= 1
        while right + 1 < token.sent.end and self.doc[right + 1].pos_ == "PROPN":
            right += 1
        return self.doc[left : right + 1]

    def resolve(self, token: Token, pos: int, depth: int = 0) -> Speaker:
        """Return the speaker `token` (a cue's subject) refers to."""
        lower = token.lower_
        if lower in self.lex.pronouns:
            return self.resolve_pronoun(token, pos)
        if token.lower_ in self.lex.person_roles and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return self.resolve_role(token, pos)  # "the Duchess said": a title, not a name
        mention = self.mention_at(token)
        if mention is not None and (mention.label != "WORK_OF_ART" or token.pos_ == "PROPN"):
            name = self.name_span(token)
            written = self.text[min(mention.start_char, name.start_char) : max(mention.end_char, name.end_char)]
            return self._speaker_for_mention(mention, written, "explicit", 0.95)
        if token.pos_ == "PROPN" and token.text[:1].isupper():  # a lower-case "rep" tagged PROPN is a noun
            return self.bare_name(token)
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN":
            # "her top aide Huma Abedin said": a role noun, listed or not, is the person named beside it.
            for child in token.children:
                mention = self.mention_at(child) if child.dep_ in {"appos", "compound"} and child.pos_ == "PROPN" else None
                if mention is not None and mention.label == "PERSON":
                    found = self._speaker_for_mention(mention, self.noun_phrase(token), "role-noun", 0.85)
                    return replace(found, text=self.doc[token.left_edge.i : child.right_edge.i + 1].text
                                   if child.i > token.i else self.noun_phrase(token))
        if lemma in self.lex.written_objects and depth == 0:
            return self.writer_of(token, pos)
        if lemma in self.lex.org_roles or lemma in self.lex.person_roles or lemma in self.lex.org_nouns \
                or lemma in self.lex.anonymous_roles:
            return self.resolve_role(token, pos)
        if token.pos_ in {"NOUN", "ADJ"} and self.aged(token):
            # "the 41-year-old chart-topper said": an age makes any definite noun a person named before.
            previous = self.antecedent(pos, self.lex.gender.get(lemma), "person", token.left_edge.idx)
            if previous is not None:
                return replace(previous, text=self.noun_phrase(token), method="role-noun", confidence=0.5)
        if depth == 0:
            for child in token.children:
                if child.dep_ in {"poss", "compound"} and child.pos_ in {"PROPN", "NOUN"}:
                    owner = self.resolve(child, pos, depth + 1)
                    # "Sony's statement" speaks for Sony; "Lee's doctor" is not Lee.
                    if owner.name and owner.kind == "org":
                        return replace(owner, text=self.noun_phrase(token), method="role-noun", confidence=0.6)
        return replace(_UNRESOLVED, text=self.noun_phrase(token))

    def aged(self, token: Token) -> bool:
        """True for a definite noun phrase with an age in it ("the 41-year-old chart-topper", "the 52-year-old")."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        return phrase[0].lower_ == "the" and _AGE.search(phrase.text) is not None

    def writer_of(self, token: Token, pos: int) -> Speaker:
        """`X held a sign that read "…"`: the words on a sign, banner or caption are its holder's or writer's."""
        text = self.noun_phrase(token)
        verb = token.head if token.dep_ in {"dobj", "pobj", "attr"} else None
        if verb is not None and verb.dep_ == "prep":
            verb = verb.head
        holder = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if holder is None or holder.i == token.i:
            return replace(_UNRESOLVED, text=text)
        found = self.resolve(holder, pos, depth=1)
        return replace(found, text=text, method="role-noun", confidence=min(found.confidence, 0.6)) if found.name else replace(_UNRESOLVED, text=text)

    def noun_phrase(self, token: Token) -> str:
        return self.doc[token.left_edge.i : token.i + 1].text

    def bare_name(self, token: Token) -> Speaker:
        """A proper-noun subject no mention covers: match it to an entity by its last word, else use it as written."""
        span = self.name_span(token)
        words = [w for w in span.text.replace("’s", "").replace("'s", "").split() if w.lower().rstrip(".") not in self.lex.honorifics]
        if not words:
            return replace(_UNRESOLVED, text=span.text)
        matches = [e for e in self.entities.values() if e.label == "PERSON" and e.name.split()[-len(words):] == words]
        if len(matches) == 1:
            e = matches[0]
            return Speaker(e.name, e.entity_id, span.text, "explicit", 0.85, self.genders.get(e.entity_id), "person" if e.label == "PERSON" else "org")
        gender = self.lex.gender.get(words[0].lower()) or self.lex.gender.get(span.text.split()[0].lower().rstrip("."))
        return Speaker(" ".join(words), None, span.text, "explicit", 0.7, gender)

    def resolve_role(self, token: Token, pos: int) -> Speaker:
        """`a BBC spokesman` → BBC, `the director` → the director named earlier, `the council` → the council named."""
        lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
        text = self.noun_phrase(token)
        gender = self.lex.gender.get(lemma)
        is_org_role = lemma in self.lex.org_roles
        anonymous = lemma in self.lex.anonymous_roles
        if is_org_role or lemma in self.lex.org_nouns:
            # "A Five spokesman", "Le Figaro newspaper": an organisation named inside the noun phrase speaks.
            for t in self.doc[token.left_edge.i : token.i]:
                mention = self.mention_at(t)
                if mention is not None and mention.label == "ORG" and not self.in_quote(t.idx):
                    return replace(self._speaker_for_mention(mention, text, "role-noun", 0.85), gender=None)
        for child in token.children:
            target = None
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                target = child
            elif is_org_role and child.dep_ in {"compound", "poss", "nmod"} and child.pos_ == "PROPN":
                target = child
            elif is_org_role and child.dep_ == "prep" and child.lower_ in {"for", "of", "at"}:
                target = next((c for c in child.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None)
            if target is None:
                continue
            found = self.resolve(target, pos, depth=1)
            if found.name and (is_org_role or found.kind == "person"):
                return replace(found, text=text, method="role-noun", confidence=0.85, gender=gender or found.gender)
        if anonymous:
            return replace(_UNRESOLVED, text=text)
        if is_org_role:
            org = next((e for e in reversed(self.events) if e.cue_subject and e.speaker.kind == "org" and pos - PRONOUN_WINDOW_CHARS < e.pos < pos), None)
            if org is not None:
                return replace(org.speaker, text=text, method="role-noun", confidence=0.6, gender=gender)
            return replace(_UNRESOLVED, text=text)
        if lemma in self.lex.org_nouns and lemma not in self.lex.person_roles:
            orgs = [m for m in self.mentions if m.start_char < pos and m.label == "ORG" and lemma in m.text.lower().split()]
            if orgs:
                return replace(self._speaker_for_mention(orgs[-1], text, "role-noun", 0.7), gender=None)
            return replace(_UNRESOLVED, text=text)
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if definite and lemma in self.lex.group_nouns:
            # "the band said": the group named before, which the model tags as an organisation or a nationality.
            group = self.antecedent(pos, None, "org", token.left_edge.idx)
            if group is not None:
                return replace(group, text=text, method="role-noun", confidence=0.5)
        linked = [s for off, role, s in self.role_links if role == lemma and off < token.idx]
        if linked:
            return replace(linked[-1], text=text)
        # "the comedian said" is the comedian the article is about; "his lawyer", "the judge" or "the judges" are
        # someone else.
        definite = any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
        if definite and lemma not in self.lex.relational_roles and token.tag_ not in {"NNS", "NNPS"}:
            # From before the noun phrase: "the Grammy winner" is not Grammy.
            previous = self.antecedent(pos, gender, "person", token.left_edge.idx)
            if previous is not None:
                return replace(previous, text=text, method="role-noun", confidence=0.5)
        return replace(_UNRESOLVED, text=text)

    def resolve_pronoun(self, token: Token, pos: int) -> Speaker:
        """`she added` → the nearest compatible person in subject position, else the last compatible speaker."""
        kind_or_gender = self.lex.pronouns[token.lower_]
        kind = "org" if kind_or_gender == "org" else "person"
        gender = None if kind == "org" else kind_or_gender
        found = self.antecedent(pos, gender, kind, token.idx)
        if found is None:
            return replace(_UNRESOLVED, text=token.text)
        return replace(found, text=token.text, method="pronoun", confidence=min(found.confidence, 0.8))

    def antecedent(self, pos: int, gender: Optional[str], kind: str, before: int) -> Optional[Speaker]:
        """Return the most likely referent of a pronoun or definite role noun at `before`.

        Sentences are searched from the nearest back; the first holding a compatible subject gives it (the main
        subject or a quote's speaker before any other subject), so a nearer subject beats a more prominent one
        further back. With no subject in reach, the nearest compatible name of any role is taken.
        """
        limit = min(pos, before)

        def fits(e: _Event, trust_census: bool = True) -> bool:
            if kind == "org":
                return e.speaker.kind == "org" and e.speaker.gender is None
            if e.speaker.kind == "org" and e.speaker.gender is None:
                return False
            if not trust_census and e.speaker.entity_id in self.census_genders:
                return True
            return gender is None or e.speaker.gender in (None, gender)

        window = [e for e in self.events if limit - PRONOUN_WINDOW_CHARS <= e.pos < limit and fits(e)]
        if not window:
            # "Blake Lively … the actress said": a first name the list gives the other sex is no veto on its own.
            window = [e for e in self.events if limit - PRONOUN_WINDOW_CHARS <= e.pos < limit and fits(e, False)]
        if not window:
            return None
        by_sentence: dict[int, list[_Event]] = {}
        for e in window:
            by_sentence.setdefault(self.sentence_index(e.pos), []).append(e)
        for index in sorted(by_sentence, reverse=True):
            for pick in (lambda e: e.main_subject or e.is_speaker, lambda e: e.is_subject):
                found = [e for e in by_sentence[index] if pick(e)]
                if found:
                    return max(found, key=lambda e: e.pos).speaker
        return max(window, key=lambda e: e.pos).speaker

    def sentence_index(self, pos: int) -> int:
        """Return the index of the parser's sentence holding offset `pos`."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.doc.sents]
        return bisect_right(self._sentence_starts, pos) - 1

    # -- quotes without a frame ---------------------------------------------------------------------------

    def adjacent(self, a: int, b: int) -> bool:
        """True when nothing but quote `a`'s own frame stands between quotes `a` and `b`."""
        qa, qb = self.raws[a], self.raws[b]
        if qb.paragraph - qa.paragraph > 1:
            return False
        tail = self.tail_region(a) if self.frame_attribution(a)[1] else None
        gap_start = tail[1] if tail and tail[1] <= qb.open else qa.close
        gap = self.text[gap_start : qb.open]
        head = self.head_region(b)
        if head is not None and self.cues(*head):
            return False
        return not re.search(r"\w", gap)

    def continuation(self, i: int) -> Optional[Attribution]:
        """A cue-less quote continues the last speaker: through adjacent quotes, or across a short narrative."""
        j = i - 1
        while j >= 0 and self.adjacent(j, i if j == i - 1 else j + 1):
            if j in self.results and self.results[j].speaker.name:
                return Attribution(replace(self.results[j].speaker, method="continuation", confidence=0.8, text=None), None, None, None, "continuation-adjacent")
            j -= 1
        if i == 0:
            return None
        prev = self.raws[i - 1]
        result = self.results.get(i - 1)
        q = self.raws[i]
        if result is None or not result.speaker.name or q.open - prev.close > CONTINUATION_CHARS or q.paragraph - prev.paragraph > 2:
            return None
        gap_people = [m for m in self.mentions if prev.close <= m.start_char < q.open and m.label == "PERSON" and m.entity_id != result.speaker.entity_id]
        if gap_people or self._cue_sentence_before(i) is not None:
            return None
        return Attribution(replace(result.speaker, method="continuation", confidence=0.6, text=None), None, None, None, "continuation")

    def forward(self, i: int) -> Optional[Attribution]:
        """`"A. "B," he said.`: a cue-less quote right before an attributed one shares its speaker."""
        if i + 1 >= len(self.raws) or not self.adjacent(i, i + 1):
            return None
        nxt, _ = self.frame_attribution(i + 1)
        if nxt is None or not nxt.speaker.name:
            return None
        return Attribution(replace(nxt.speaker, method="continuation", confidence=0.7, text=None), None, None, None, "cue-next-quote")

    def _cue_sentence_before(self, i: int) -> Optional[tuple[Token, str, tuple[int, int]]]:
        q = self.raws[i]
        head = self.head_region(i)
        end = head[0] if head else q.open
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        if end <= 0 or (i > 0 and end <= self.raws[i - 1].close):
            return None
        para_start = self.text.rfind("\n", 0, end) + 1
        lo = _sentence_start(self.text, end - 1, para_start)
        cues = self.cues(lo, end)
        return (cues[-1][0], cues[-1][1], (lo, end)) if cues else None

    def previous_sentence(self, i: int) -> Optional[Attribution]:
        """`Smith says TV has changed. "I can understand…"`: the speaker of the sentence before the quote."""
        found = self._cue_sentence_before(i)
        if found is None:
            return None
        cue, _, region = found
        subject = self.subject_of(cue, region)
        if subject is None:
            return None
        speaker = self.resolve(subject, region[0])
        if not speaker.name:
            return None
        return Attribution(replace(speaker, confidence=speaker.confidence * 0.75), None, None, None, "cue-previous-sentence")

    # -- the whole article --------------------------------------------------------------------------------

    def attribute(self, i: int) -> Attribution:
        found, framed = self.frame_attribution(i)
        if found is None and not framed:
            for rule in (self.continuation, self.forward, self.previous_sentence):
                found = rule(i)
                if found is not None:
                    break
        if found is None:
            found = Attribution(_UNRESOLVED, None, None, None, "unresolved")
        if found.speaker.name and not self.speaks(found.speaker):
            found = replace(found, speaker=replace(_UNRESOLVED, text=found.speaker.text))
        self.results[i] = found
        if found.speaker.name:
            pos = found.cue.idx if found.cue is not None else self.raws[i].open
            self.events.append(_Event(pos, found.speaker, True, True))
            self.events.sort(key=lambda e: e.pos)
        return found

    def speaks(self, speaker: Speaker) -> bool:
        """True when `speaker` is a person or organisation of the article (a title, place or nationality never speaks)."""
        entity = self.entities.get(speaker.entity_id) if speaker.entity_id else None
        return entity is not None and entity.label in SPEAKER_LABELS

    def evidence(self, q: RawQuote, cue: Optional[Token]) -> str:
        """Return the sentence(s) holding the quote and its cue."""
        lo = min(q.open, cue.idx) if cue is not None else q.open
        hi = max(q.close, cue.idx + len(cue.text)) if cue is not None else q.close
        span = self.doc.char_span(lo, hi, alignment_mode="expand")
        if span is None or len(span) == 0:
            return self.text[lo:hi]
        return self.text[span[0].sent.start_char : span[-1].sent.end_char].strip()


@Language.factory(
    "quote_attribution",
    default_config={"cues_file": "quote_cues.json", "names_file": "first_names.json"},
)
def make_quote_attribution(nlp: Language, name: str, cues_file: str, names_file: str) -> "QuoteAttribution":
    return QuoteAttribution(Lexicon.load(cues_file, names_file))


class QuoteAttribution:
    """Finds direct quotations and attributes them; never raises (a failing quote is kept, unattributed)."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        try:
            raws = find_quotes(text)
        except Exception:  # the scanner is a regex pass; a bug in it must not cost the article
            log.exception("quote scan failed")
            raws = []
        quotes: list[Quote] = []
        article = None
        try:
            article = _Article(doc, raws, self.lex, text)
        except Exception:
            log.exception("quote attribution set-up failed")
        prefix = doc._.article_id or "doc"
        for i, q in enumerate(raws):
            attribution = Attribution(_UNRESOLVED, None, None, None, "unresolved")
            evidence = text[q.open : q.close]
            if article is not None:
                try:
                    attribution = article.attribute(i)
                    evidence = article.evidence(q, attribution.cue)
                except Exception:
                    log.exception("attributing quote %d failed", i + 1)
            s = attribution.speaker
            quotes.append(
                Quote(
                    quote_id=f"{prefix}-q{i + 1}",
                    text=text[q.start : q.end],
                    start_char=q.start,
                    end_char=q.end,
                    speaker=s.name,
                    speaker_id=s.entity_id,
                    speaker_text=s.text,
                    cue=attribution.cue_text,
                    outlet=attribution.outlet,
                    method=s.method if s.name else "unresolved",
                    confidence=round(s.confidence if s.name else _UNRESOLVED.confidence, 3),
                    evidence=evidence,
                    rule=attribution.rule,
                )
            )
        doc._.quotes = quotes
        spans = [doc.char_span(q.start_char, q.end_char, label="QUOTE", alignment_mode="expand") for q in quotes]
        doc.spans["quotes"] = [s for s in spans if s is not None]
        return doc
