"""Candidates: every pair of mentions that could hold a relation, with where the pair comes from.

Two kinds of pair, each scored by its own model:
- `work`: a performer or maker (a PERSON or ORG mention) and a work (a `WORK_OF_ART` mention), for `cast_member`
  and `creator_work`. Beside the pairs inside one sentence, discourse links reach across sentences: the
  article's topic work for people in sentences that name no work, a definite reference ("the film", "the
  show") resolved to the nearest earlier title of a compatible kind, pronouns ("he", "her") and descriptions
  ("the actress", "the Hunger Games star") resolved to the salient person, and works named with no person at
  all paired with the article's protagonist.
- `role`: a performer and a character span for `actor_role`: a name after a character cue ("plays X", "as X",
  "the role of X"), before "played by", or in parentheses beside a person in either order.

Candidates never leave their document, and their evidence is the sentence the subject (or reference) is in.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.attrs import LEMMA, LOWER, ORTH, SPACY
from spacy.tokens import Doc, Span

from ..entities import DATA, load_json, strip_possessive
from ..records import Entity, doc_text

WORDS = load_json("relation_words.json") if (DATA / "relation_words.json").exists() else {}
SUBJECT_LABELS = {"PERSON", "ORG"}
GROUP_NOUNS = frozenset(WORDS.get("group_nouns", ()))  # "the band", "the trio": the group last named
WORK_LABEL = "WORK_OF_ART"
_CHARACTER_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "EVENT"}
_QUOTES = " '\"‘’“”"
_PARAGRAPH = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class Candidate:
    """A (subject, object) pair to score: `source` says how it was found, `sent` is its evidence sentence."""

    kind: str  # work | role
    source: str  # sentence | topic | reference | pronoun | nominal | protagonist | character-cue | played-by | parens
    sent: int  # index into `DocView.sents`
    subject: tuple[int, int]  # token span of the subject as written (a name, pronoun or description)
    subject_id: str
    subject_name: str
    subject_label: str
    object: Optional[tuple[int, int]]  # token span of the object as written (title, reference, character); None: topic
    object_text: str  # the work title, or the character
    work: Optional[str] = None  # role: the work named in the same sentence


class DocView:
    """What candidate generation and features read of one document, computed once."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.texts, self.lower, self.words = _token_strings(doc)
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        self.by_id: dict[str, Entity] = {e.entity_id: e for e in doc._.entities or []}
        self.ents = [e for e in doc.ents if e.label_ in SUBJECT_LABELS | {WORK_LABEL} | _CHARACTER_LABELS]
        self.ent_at: dict[int, Span] = {}
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        self.subjects = [e for e in doc.ents if e.label_ in SUBJECT_LABELS and self.entity(e) is not None]
        self.works = [e for e in doc.ents if e.label_ == WORK_LABEL and title_text(e)]
        paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(self.text)]
        self.paragraph_of_sent = [sum(1 for p in paragraph_starts if p <= s.start_char) - 1 for s in self.sents]
        self.work_type = self._work_types()
        self.mention_counts = Counter(e.kb_id_ for e in self.subjects if e.label_ == "PERSON")

    def entity(self, span: Span) -> Optional[Entity]:
        return self.by_id.get(span.kb_id_)

    def _work_types(self) -> dict[str, str]:
        """Return, per normalised title, the kind of work a noun right beside one of its mentions names."""
        types = WORDS.get("title_types", {})
        found: dict[str, str] = {}
        for work in self.works:
            doc = self.doc
            for i in (work.start - 1, work.end, work.end + 1):
                if 0 <= i < len(doc) and doc[i].lower_ in types and not (i == work.end + 1 and doc[work.end].text not in ("'s", "’s")):
                    found.setdefault(title_text(work).lower(), types[doc[i].lower_])
                    break
        return found

    def gender(self, entity: Entity, span: Optional[Span] = None) -> str:
        """Return 'm', 'f' or '' for a person: an honorific in the mention, else the given name."""
        honorifics = WORDS.get("honorifics", {})
        if span is not None and span.start > 0:
            before = self.doc[span.start - 1].lower_.rstrip(".")
            if before in honorifics:
                return honorifics[before]
        first = entity.name.split()[0].lower() if entity.name else ""
        return _GENDERS.get(first, "")


def _token_strings(doc: Doc) -> tuple[list[str], list[str], list[str]]:
    """Return each token's text, lower-case form and word: its lower-case lemma, a hyphenated word joined onto
    its last token ("co - star" → "co-star"), read through arrays rather than a Token object per token."""
    if not len(doc):
        return [], [], []
    strings = doc.vocab.strings
    rows = doc.to_array([ORTH, LOWER, LEMMA, SPACY]).tolist()
    cache: dict[int, str] = {}

    def string(key: int) -> str:
        value = cache.get(key)
        if value is None:
            value = cache[key] = strings[key]
        return value

    texts = [string(r[0]) for r in rows]
    lower = [string(r[1]) for r in rows]
    words = [string(r[2]).lower() for r in rows]
    for i in range(2, len(rows)):
        if texts[i - 1] == "-" and not rows[i - 2][3] and not rows[i - 1][3]:
            words[i] = f"{lower[i - 2]}-{words[i]}"
    return texts, lower, words


def _genders() -> dict[str, str]:
    names = load_json("first_names.json")
    return {**{n: "f" for n in names["f"]}, **{n: "m" for n in names["m"]}}


_GENDERS = _genders()


def title_text(span: Span) -> str:
    """Return a work or character as written: no surrounding quotes, no possessive ending."""
    return strip_possessive(span.text).strip(_QUOTES)


def generate(doc: Doc) -> tuple[DocView, list[Candidate]]:
    """Return the document's view and every candidate pair in it, in text order of their sentences."""
    view = DocView(doc)
    out: list[Candidate] = []
    topic = topic_work(view)
    by_sent: dict[int, list[Span]] = {}
    for ent in view.subjects:
        by_sent.setdefault(view.sent_of[ent.start], []).append(ent)
    works_by_sent: dict[int, list[Span]] = {}
    for work in view.works:
        works_by_sent.setdefault(view.sent_of[work.start], []).append(work)
    seen_people: Counter = Counter()
    last_subject: dict[str, tuple[int, str]] = {}  # gender → (sentence, entity id) of the last person as subject
    for k, sent in enumerate(view.sents):
        people = by_sent.get(k, [])
        works = works_by_sent.get(k, [])
        modifiers = _modifier_titles(view, sent, works)
        people = [p for p in people if not any(_overlap(p, m) for m in modifiers)]
        references = list(_references(view, sent, works))
        stand_ins = list(_stand_ins(view, sent, people, seen_people, last_subject, k))
        objects = [(w, title_text(w), "sentence") for w in works] + \
                  [(m, title_text(m), "modifier") for m in modifiers] + references
        subjects = [(p, view.entity(p), "sentence") for p in people] + stand_ins
        for subj_span, entity, subj_source in subjects:
            for obj_span, title, obj_source in objects:
                if _overlap(subj_span, obj_span) or title == entity.name:
                    continue
                source = subj_source if obj_source == "sentence" else obj_source
                out.append(_candidate("work", source, k, subj_span, entity, (obj_span.start, obj_span.end), title))
            if topic is not None and all(title != topic for _, title, _ in objects):
                out.append(_candidate("work", "topic" if subj_source == "sentence" else f"topic+{subj_source}", k,
                                      subj_span, entity, None, topic))
        works = works + modifiers
        if works and not subjects:
            lead = protagonist(view, seen_people)
            if lead is not None:
                for work in works:
                    out.append(_candidate("work", "protagonist", k, work, lead, (work.start, work.end),
                                          title_text(work)))
        out.extend(_roles(view, sent, k, people, stand_ins, works))
        for p in people:
            seen_people[p.kb_id_] += 1
            if p.label_ == "PERSON" and p.root.dep_ in ("nsubj", "nsubjpass"):
                entity = view.entity(p)
                last_subject[view.gender(entity, p)] = (k, p.kb_id_)
                last_subject[""] = (k, p.kb_id_)
            elif p.label_ == "ORG" and (p.root.dep_ in ("nsubj", "nsubjpass", "poss")
                                        or p.root.dep_ in ("appos", "compound", "acl") and p.root.head.dep_ in ("nsubj", "nsubjpass")
                                        or p.root.head.lower_ in GROUP_NOUNS):  # "the group Keane won", "Boy band Busted played"
                last_subject["group"] = (k, p.kb_id_)
    return view, out


def _candidate(kind, source, k, subj_span, entity: Entity, obj, text, work=None) -> Candidate:
    return Candidate(kind, source, k, (subj_span.start, subj_span.end), entity.entity_id, entity.name, entity_label(entity),
                     obj, text, work)


def entity_label(entity: Entity) -> str:
    return "ORG" if entity.entity_id.startswith("org:") else "PERSON"


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def topic_work(view: DocView) -> Optional[str]:
    """Return the article's main work: the first title of its first two paragraphs (headline, lead)."""
    for work in view.works:
        if view.paragraph_of_sent[view.sent_of[work.start]] <= 1:
            return title_text(work)
        break
    return None


def protagonist(view: DocView, seen: Counter) -> Optional[Entity]:
    """Return the person the article is about so far: the most mentioned (the first named on ties), named twice."""
    best = None
    for eid, count in seen.items():  # in order of first mention
        if eid.startswith("person:") and eid in view.by_id and (best is None or count > seen[best]):
            best = eid
    return view.by_id[best] if best is not None and seen[best] >= 2 else None


def _modifier_titles(view: DocView, sent: Span, works: list[Span]) -> list[Span]:
    """Return untagged capitalised runs written as a modifier of a role noun before a name ("Melancholia star X").

    The run and the runs coordinated with it ("Melancholia and Nymphomaniac star") are titles whatever the
    entity recogniser made of them, unless they are a person or organisation it knows.
    """
    doc = view.doc
    nouns = {"star", "co-star", "actor", "actress", "director", "creator", "writer", "singer", "producer",
             "presenter", "host", "composer", "author"}
    out: list[Span] = []
    taken = {i for w in works for i in range(w.start, w.end)}
    for token in sent:
        i = token.i
        after = view.ent_at.get(i + 1)
        if _joined(view, i) not in nouns or i - 1 < sent.start:
            continue
        named = after is not None and after.label_ == "PERSON"
        if not named and _np_start(doc, i, sent.start) is None:
            continue  # neither "X star Name" nor "the X star"
        end = i - 2 if _joined(view, i) == "co-star" else i
        while True:
            run = _name_ending(view, end, sent.start)
            if run is None or any(j in taken for j in range(run.start, run.end)):
                break
            ent = view.ent_at.get(run.start)
            if ent is not None and ent.label_ in SUBJECT_LABELS and view.entity(ent) is not None \
                    and view.mention_counts.get(ent.kb_id_, 0) > 1:
                break
            out.append(run)
            if run.start - 1 <= sent.start or doc[run.start - 1].lower_ not in ("and", ","):
                break
            end = run.start - 1
    return out


def _references(view: DocView, sent: Span, works: list[Span]):
    """Yield (span, title, 'reference') for "the film", "this show", "its sequel": the nearest earlier compatible title."""
    nouns = WORDS.get("reference_nouns", {})
    doc = view.doc
    for token in sent:
        if token.lower_ == "it" and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
            target = _previous_work(view, token.i, "")  # "It was directed by X", "It stars X"
            if target is not None:
                yield doc[token.i: token.i + 1], target, "reference"
            continue
        kind = nouns.get(token.lower_)
        if kind is None or token.pos_ != "NOUN" or token.i in view.ent_at:
            continue
        before = doc[token.i - 1] if token.i > sent.start else None
        if before is None or before.lower_ not in ("the", "this", "that", "its", "his", "her", "their"):
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.i in view.ent_at and view.ent_at[after.i].label_ == WORK_LABEL):
            continue  # "the film Serenity": the title itself is the object
        target = _previous_work(view, token.i, kind)
        if target is not None:
            yield doc[before.i: token.i + 1], target, "reference"


def _previous_work(view: DocView, before: int, kind: str) -> Optional[str]:
    for work in reversed(view.works):
        if work.end > before:
            continue
        title = title_text(work)
        known = view.work_type.get(title.lower())
        if kind and known and known != kind:
            continue
        return title
    return None


def _stand_ins(view: DocView, sent: Span, people: list[Span], seen: Counter, last_subject: dict, k: int):
    """Yield (span, entity, source) for pronouns and descriptions that stand for the salient person."""
    pronouns = WORDS.get("pronouns", {})
    nominals = WORDS.get("nominal_nouns", {})
    doc = view.doc
    for token in sent:
        group = token.lower_ in ("they", "their") and token.dep_ in ("nsubj", "nsubjpass", "poss") or \
            _joined(view, token.i) in GROUP_NOUNS and token.pos_ == "NOUN" and token.i not in view.ent_at \
            and token.i > sent.start and doc[token.i - 1].lower_ in ("the", "this")
        if group:
            recent = last_subject.get("group")  # "Muse beat ... The band has sold", "Busted ... their single"
            if recent is not None and k - recent[0] <= 2 and recent[1] in view.by_id:
                start = token.i if token.pos_ == "PRON" else token.i - 1
                yield doc[start: token.i + 1], view.by_id[recent[1]], "pronoun" if token.pos_ == "PRON" else "nominal"
            continue
        if token.lower_ in pronouns and token.dep_ in ("nsubj", "nsubjpass", "poss"):
            entity = _salient(view, token.i, pronouns[token.lower_], people, seen, last_subject, k)
            if entity is not None:
                yield doc[token.i: token.i + 1], entity, "pronoun"
            continue
        word = _joined(view, token.i)
        if word in nominals and token.pos_ == "NOUN" and token.i not in view.ent_at:
            start = _np_start(doc, token.i, sent.start)
            if start is None:
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.i in view.ent_at and view.ent_at[nxt.i].label_ == "PERSON":
                continue  # "the actress Kate Winslet": the name is the subject
            if token.dep_ == "compound":
                continue
            entity = _salient(view, token.i, nominals[word], [], seen, {}, k, nominal=True)
            if entity is not None:
                yield doc[start: token.i + 1], entity, "nominal"


def _joined(view: DocView, i: int) -> str:
    """Return the lower-case word at token `i`, joined with a hyphen before it ("co - star" → "co-star")."""
    word = view.words[i]
    return word if "-" in word else view.lower[i]


def _np_start(doc: Doc, i: int, floor: int) -> Optional[int]:
    """Return where the definite noun phrase ending at `i` starts ("the Hunger Games star"), or None if indefinite."""
    j = i - 1
    while j >= floor and j >= i - 6:
        word = doc[j].lower_
        if word in ("the", "this", "that"):
            return j
        if doc[j].pos_ in ("VERB", "AUX", "ADP", "PRON", "PUNCT") and doc[j].text != "-" or word in ("a", "an"):
            return None
        j -= 1
    return None


def _salient(view: DocView, i: int, gender: str, people: list[Span], seen: Counter, last_subject: dict, k: int,
             nominal: bool = False) -> Optional[Entity]:
    """Return the person a pronoun or description at token `i` stands for, or None when nobody fits."""
    for p in reversed(people):  # a compatible person earlier in the same sentence
        entity = view.entity(p)
        if p.end <= i and p.label_ == "PERSON" and entity is not None and (not gender or view.gender(entity, p) in (gender, "")):
            if not nominal:
                return entity
    recent = last_subject.get(gender) if not nominal else None
    if recent is not None and k - recent[0] <= 2:
        return view.by_id.get(recent[1])
    candidates = [(count, eid) for eid, count in seen.items()
                  if eid.startswith("person:") and eid in view.by_id
                  and (not gender or view.gender(view.by_id[eid]) in (gender, ""))]
    if not candidates:
        return None
    candidates.sort(key=lambda c: -c[0])
    if nominal and len(candidates) > 1 and candidates[0][0] == candidates[1][0] and candidates[0][0] < 2:
        return None  # no protagonist yet
    return view.by_id[candidates[0][1]]


def _roles(view: DocView, sent: Span, k: int, people: list[Span], stand_ins: list, works: list[Span]):
    """Yield role candidates: (performer, character span) pairs of one sentence."""
    characters = list(_character_spans(view, sent))
    if not characters:
        return
    performers = [(p, view.entity(p), "") for p in people if p.label_ == "PERSON"] + \
                 [(s, e, "+" + src) for s, e, src in stand_ins]
    for span, source, partner in characters:
        name = title_text(span)
        work = _stated_work(view, works, span)
        for subj, entity, via in performers:
            if _overlap(subj, span) or entity.name == name:
                continue
            if partner is not None and not _overlap(subj, partner):
                continue  # "Actor (Character)", "played by Actor": only the name on the other side
            yield _candidate("role", source + via, k, subj, entity, (span.start, span.end), name,
                             title_text(work) if work is not None else None)


def _stated_work(view: DocView, works: list[Span], span: Span) -> Optional[Span]:
    """Return the work a character is said to belong to: "X in W", "X from W", or "W's X"."""
    doc = view.doc
    for work in works:
        if span.end < work.start <= span.end + 3 and doc[span.end].lower_ in ("in", "from", "of", "on"):
            return work
        if work.end + 1 == span.start and doc[work.end].text in ("'s", "’s"):
            return work
    return None


def _character_spans(view: DocView, sent: Span):
    """Yield (span, source, partner) for the names of a sentence written as characters; `partner` is the one
    name that can play it when the construction says so ("Actor (Character)", "played by Actor"), else None."""
    doc = view.doc
    cues = set(WORDS.get("character_cues", []))
    seen: set[tuple[int, int]] = set()
    for token in sent:
        i = token.i
        if token.lemma_.lower() in cues or token.lower_ in cues:
            j = i + 1
            if j < sent.end and doc[j].lower_ == "of":
                j += 1
            # "as troubled Carolyn Burnham", "the role of headmaster Dr Arnold": lower-case words before the name
            while j < min(sent.end, i + 4) and doc[j].is_lower and doc[j].pos_ in ("ADJ", "NOUN") \
                    and not doc[j].text[:1].isupper():
                j += 1
            span = _name_at(view, j, sent.end)
            if span is not None and (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield span, "character-cue", None
        if token.lower_ == "played" and i + 1 < sent.end and doc[i + 1].lower_ == "by" and i >= 2 \
                and doc[i - 1].text in (",", "("):
            span = _name_ending(view, i - 1, sent.start)
            if span is not None and (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield span, "played-by", _name_at(view, i + 2, sent.end)
        if token.lower_ in ("actor", "actress", "star") and i > sent.start and i + 1 < sent.end:
            # "Huggy Bear actor Antonio Fargas": the name before the role noun may be a character
            after = view.ent_at.get(i + 1)
            span = _name_ending(view, i, sent.start)
            if after is not None and after.label_ == "PERSON" and span is not None and span.end == i \
                    and (span.start, span.end) not in seen and not (span.start in view.ent_at
                                                                    and view.ent_at[span.start].label_ == WORK_LABEL):
                seen.add((span.start, span.end))
                yield span, "role-noun", after
        if token.text == "(":
            close = next((t.i for t in doc[i + 1: min(sent.end, i + 8)] if t.text == ")"), None)
            if close is None or close == i + 1:
                continue
            inside = _name_at(view, i + 1, close)
            before = _name_ending(view, i, sent.start)
            if inside is None or inside.end != close or before is None:
                continue
            inside_person = inside.start in view.ent_at and view.ent_at[inside.start].label_ == "PERSON" \
                and view.entity(view.ent_at[inside.start]) is not None
            before_person = before.start in view.ent_at and view.ent_at[before.start].label_ == "PERSON"
            # Actor (Character) or Character (Actor): the character is whichever side the model scores as such.
            for span, partner in ([(inside, before)] if before_person else []) + ([(before, inside)] if inside_person else []):
                if (span.start, span.end) not in seen:
                    seen.add((span.start, span.end))
                    yield span, "parens", partner


def _name_at(view: DocView, j: int, end: int) -> Optional[Span]:
    """Return the name starting at token `j`: an entity, or a run of capitalised words."""
    doc = view.doc
    if j >= end or j >= len(doc):
        return None
    ent = view.ent_at.get(j)
    if ent is not None and ent.start == j and ent.label_ in _CHARACTER_LABELS and ent.end <= end:
        return ent
    k = j
    while k < end and k - j < 4 and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k == j or (k - j == 1 and doc[j].lower_ in ("the", "a", "he", "she", "i", "it")):
        return None
    return doc[j:k]


def _name_ending(view: DocView, end: int, floor: int) -> Optional[Span]:
    """Return the name ending just before token `end`."""
    doc = view.doc
    i = end - 1
    if i < floor:
        return None
    ent = view.ent_at.get(i)
    if ent is not None and ent.end == end and ent.label_ in _CHARACTER_LABELS and ent.start >= floor:
        return ent
    k = end
    while k - 1 >= floor and end - (k - 1) <= 4 and doc[k - 1].text[:1].isupper() and doc[k - 1].is_alpha:
        k -= 1
    return doc[k:end] if k < end else None
