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
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Doc, Span

from ..entities import DATA, load_gazetteer, load_json, strip_possessive
from ..names import FIRST_NAME_GENDER, names_company
from ..records import Entity, doc_text
from ..tokens import TokenArrays

WORDS = load_json("relation_words.json") if (DATA / "relation_words.json").exists() else {}
SUBJECT_LABELS = {"PERSON", "ORG"}
# Each cue lemma of the relation words ("direct", "director", "star", …) → its group (director, cast, …).
CUE_GROUPS = {lemma: group for group, lemmas in WORDS.get("cues", {}).items() for lemma in lemmas}
# The nouns that describe a person's trade beside a name ("director X", "X, the actress"): the cue nouns of every
# credit (a cast verb describes no one), the nominal nouns, and the performers' own.
ROLE_NOUNS = frozenset(set(WORDS.get("nominal_nouns", {})) | {lemma for lemma, g in CUE_GROUPS.items() if g != "cast"}
                       | {"actor", "actress", "star", "co-star", "presenter", "host"})
# The outlets, broadcasters, studios and labels the entity rules know (`entity_patterns.jsonl`): companies, which
# publish, broadcast or distribute works but never make or star in them (bands are never among them).
KNOWN_ORGANISATIONS = frozenset(load_gazetteer())


def _known_organisation(span: Span) -> bool:
    text = strip_possessive(span.text)
    return text in KNOWN_ORGANISATIONS or text.startswith(("the ", "The ")) and text[4:] in KNOWN_ORGANISATIONS
GROUP_NOUNS = frozenset(WORDS.get("group_nouns", ()))  # "the band", "the trio": the group last named
WORK_LABEL = "WORK_OF_ART"
_CHARACTER_LABELS = {"PERSON", "ORG", "WORK_OF_ART", "GPE", "NORP", "FAC", "PRODUCT", "LOC", "EVENT"}
_VIEW_LABELS = SUBJECT_LABELS | {WORK_LABEL} | _CHARACTER_LABELS
_TITLE_TYPES = WORDS.get("title_types", {})  # film, album, series, … → the kind of work
_HONORIFICS = WORDS.get("honorifics", {})
_REFERENCE_NOUNS = WORDS.get("reference_nouns", {})
_PRONOUNS = WORDS.get("pronouns", {})
_NOMINALS = WORDS.get("nominal_nouns", {})
_CHARACTER_CUES = frozenset(WORDS.get("character_cues", []))
CHARACTER_VERBS: dict[str, str] = WORDS.get("character_verbs", {})  # "plays" → "play"
AS_HEADS = frozenset(WORDS.get("as_heads", []))  # "stars as", "after 15 years as", "her turn as"
_NAMING = frozenset(WORDS.get("naming_words", []))  # "a vampire named X"
# Words after a role verb that lead to a partner, not a role ("plays opposite Tom Hanks").
_NOT_DESCRIPTORS = frozenset(WORDS.get("partner_words", []))
_PASSIVE_AUX = frozenset({"is", "was", "are", "were", "be", "been", "being", "'s", "’s", "will", "to"})
# Nouns by which an owner's possessive names the owner's own role ("Cage's character Ben Gates").
ROLE_OF_NOUNS = frozenset({"role", "part", "character", "portrayal"})  # "the role of X"
_OWN_ROLE_NOUNS = frozenset({"character", "role", "part", "alter", "ego", "portrayal", "turn", "incarnation"})
_DESCRIPTOR_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "my", "our", "your"})
_DESCRIPTOR_POS = frozenset({"ADJ", "NOUN", "VERB", "PROPN", "NUM"})
POSSESSIVE_MARKS = ("'s", "’s", "'", "’")
# Role nouns a title modifies ("Melancholia star X", "the Hunger Games director").
_MODIFIED_NOUNS = frozenset({"star", "co-star", "actor", "actress", "director", "creator", "writer", "singer",
                             "producer", "presenter", "host", "composer", "author"})
_QUOTES = " '\"‘’“”"
# Nouns of a person's tie to another ("Swift's ex", "Lennon's son"): who owns one is not who acts.
_TIES = frozenset(load_json("quote_cues.json")["relational_roles"]) | {"ex", "former", "late", "co-star", "pal", "bff"}
_PARAGRAPH = re.compile(r"\n\s*\n")
# Verbs of speaking: what one says on a programme is said as a guest ("said on The Ellen Show").
_SPOKEN_ON_VERBS = frozenset(WORDS.get("spoken_on_verbs", ()))


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
    """What candidate generation and features read of one document, computed once.

    Token attributes are read from `tokens` (one array per attribute): `texts`, `lower` and `words` are its
    text, lower-case form and joined lemma per token, `pos`, `tag`, `dep` and `head` the parse.
    """

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        self.tokens = tokens = TokenArrays(doc)
        self.texts, self.lower, self.words = tokens.text, tokens.lower, _words(tokens)
        # Each token's lower case, or its hyphenated word on the word's last token (see `_joined`).
        self.joined = [word if "-" in word else lower for word, lower in zip(self.words, self.lower)]
        self.pos, self.tag, self.dep, self.head = tokens.pos, tokens.tag, tokens.dep, tokens.head
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        for k, sent in enumerate(self.sents):
            self.sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
        self.by_id: dict[str, Entity] = {e.entity_id: e for e in doc._.entities or []}
        ents = doc.ents
        self.ents = [e for e in ents if e.label_ in _VIEW_LABELS]
        self.ent_at: dict[int, Span] = {}
        for ent in ents:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent
        # A company is no maker or performer ("record label Jive", "Scott Free Productions"): a group is. Nor is a
        # person the article compares someone with ("She's like Vince Gilligan or Shonda Rhimes").
        companies = {e.kb_id_ for e in ents if e.label_ == "ORG" and (names_company(e) or _known_organisation(e))}
        compared = _compared(doc, self.lower)
        self.subjects = [e for e in ents if e.label_ in SUBJECT_LABELS and self.entity(e) is not None
                         and e.kb_id_ not in companies and e.root.i not in compared and not self._owns_person(e)]
        self.works = [e for e in ents if e.label_ == WORK_LABEL and title_text(e)]
        paragraph_starts = [0] + [m.end() for m in _PARAGRAPH.finditer(self.text)]  # ascending
        self.paragraph_of_sent = [bisect_right(paragraph_starts, s.start_char) - 1 for s in self.sents]
        self.work_type = self._work_types()
        # Programmes someone speaks on (`_spoken_on`), by their first token: no work of anyone's in the article.
        self.venues = {w.start for w in self.works if _spoken_on(self, w)}
        self.mention_counts = Counter(e.kb_id_ for e in self.subjects if e.label_ == "PERSON")
        self.constructions: dict[Candidate, tuple] = {}  # see `constructions.stated_facts`
        self._profiles: Optional[dict[str, set[str]]] = None

    @property
    def profiles(self) -> dict[str, set[str]]:
        """Per entity id, the role nouns written beside its mentions ("director X", "X, the actress", "X is an
        actor"), read once per document."""
        if self._profiles is None:
            self._profiles = _role_profiles(self)
        return self._profiles

    def entity(self, span: Span) -> Optional[Entity]:
        return self.by_id.get(span.kb_id_)

    def _owns_person(self, ent: Span) -> bool:
        """True for a name in the possessive before a person ("Swift's ex Calvin Harris produced …", "Madonna's
        husband directed …"): the one it owns acts, not the owner."""
        doc, end = self.doc, ent.end
        if end + 1 >= len(doc) or self.texts[end] not in ("'s", "’s", "'", "’"):
            return False
        if self.lower[end + 1] in _TIES and not self.texts[end + 1][:1].isupper():
            return True  # (not a title that opens with the word: "Nottingham University's Uncle Roy All Around You")
        # "Swift's Calvin Harris", not "Moore's Bush-baiting documentary" nor "Cage's character Ben Gates" (a role)
        other = self.ent_at.get(end + 1)
        return other is not None and other.label_ == "PERSON" and other.start == end + 1 \
            and not (other.end < len(doc) and self.texts[other.end] in ("-", "–"))

    def _work_types(self) -> dict[str, str]:
        """Return, per normalised title, the kind of work a noun right beside one of its mentions names."""
        lower, texts, n = self.lower, self.texts, len(self.doc)
        found: dict[str, str] = {}
        for work in self.works:
            for i in (work.start - 1, work.end, work.end + 1):
                if 0 <= i < n and lower[i] in _TITLE_TYPES and not (i == work.end + 1 and texts[work.end] not in ("'s", "’s")):
                    found.setdefault(title_text(work).lower(), _TITLE_TYPES[lower[i]])
                    break
        return found

    def gender(self, entity: Entity, span: Optional[Span] = None) -> str:
        """Return 'm', 'f' or '' for a person: an honorific in the mention, else the given name."""
        if span is not None and span.start > 0:
            before = self.lower[span.start - 1].rstrip(".")
            if before in _HONORIFICS:
                return _HONORIFICS[before]
        first = entity.name.split()[0].lower() if entity.name else ""
        return _GENDERS.get(first, "")


def _role_profiles(view: "DocView") -> dict[str, set[str]]:
    """Return, per entity id, the role nouns before its mentions (one of the two words before), in apposition to
    them, or attributes of "be" after them."""
    words, pos = view.words, view.pos
    profiles: dict[str, set[str]] = {}
    for ent in view.subjects:
        nouns = profiles.setdefault(ent.kb_id_, set())
        for i in (ent.start - 1, ent.start - 2):
            if i >= 0 and words[i] in ROLE_NOUNS and pos[i] in ("NOUN", "PROPN"):
                nouns.add(words[i])
                break
        root = ent.root
        for t in list(root.children) + ([root.head] if root.dep_ == "appos" else []):
            if t.dep_ in ("appos", "attr") or t is root.head:
                if words[t.i] in ROLE_NOUNS:
                    nouns.add(words[t.i])
        if root.dep_ in ("nsubj",) and root.head.lemma_ == "be":
            for t in root.head.children:
                if t.dep_ == "attr" and words[t.i] in ROLE_NOUNS:
                    nouns.add(words[t.i])
    return profiles


def _compared(doc: Doc, lower: list[str]) -> set[int]:
    """Return the positions of the names a comparison introduces: "X is like A, B or C", "unlike A and B"."""
    found: set[int] = set()
    for tok in (doc[i] for i, word in enumerate(lower) if word in ("like", "unlike")):
        if tok.dep_ != "prep" or not (tok.lower_ == "unlike" or tok.lower_ == "like" and _copula(tok.head)):
            continue
        todo = [c for c in tok.children if c.dep_ == "pobj"]
        while todo:
            name = todo.pop()
            found.add(name.i)
            todo.extend(c for c in name.children if c.dep_ == "conj")
    return found


def _copula(tok) -> bool:
    """True for a form of "be", however written ("’s" keeps its curly apostrophe as its lemma)."""
    return tok.lemma_ == "be" or tok.pos_ == "AUX" or tok.lower_ in ("'s", "’s")


def _words(tokens: TokenArrays) -> list[str]:
    """Return each token's word: its lower-case lemma, a hyphenated word joined onto its last token
    ("co - star" → "co-star")."""
    texts, lower, space = tokens.text, tokens.lower, tokens.whitespace
    words = [lemma.lower() for lemma in tokens.lemma]
    for i in range(2, len(words)):
        if texts[i - 1] == "-" and not space[i - 2] and not space[i - 1]:
            words[i] = f"{lower[i - 2]}-{words[i]}"
    return words


# First name → sex: the project's list over the census's (`pipeline/names.py`, shared with quote attribution).
_GENDERS = FIRST_NAME_GENDER


def title_text(span: Span) -> str:
    """Return a work or character as written: no surrounding quotes, no possessive ending."""
    return strip_possessive(span.text).strip(_QUOTES)


_LIST_JOINERS = {",", "and", "or", "&"}
_LIST_MARKS = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def coordinated_titles(view: DocView, start: int, end: int) -> list[Span]:
    """Return the titles coordinated with the title at tokens [start, end) in its sentence, itself excluded: a run
    of titles joined only by commas, "and", "or" and quotation marks ("starred in Tootsie, Hook and Meet the
    Fockers", 'the songs "Quiet Harbour" and "Paper Moons"'); none when a verb or a possessive follows the run
    ("… A, and B was a flop": B opens a clause of its own)."""
    sent = view.sents[view.sent_of[start]]
    members: list[Span] = []

    def step(i: int, forward: bool) -> Optional[Span]:
        joined = False
        while sent.start <= i < sent.end and (view.texts[i] in _LIST_MARKS or view.lower[i] in _LIST_JOINERS):
            joined |= view.lower[i] in _LIST_JOINERS
            i += 1 if forward else -1
        ent = view.ent_at.get(i)
        if not joined or ent is None or ent.label_ != WORK_LABEL or not title_text(ent):
            return None
        return ent

    last = end
    for forward in (True, False):
        ent = step(end if forward else start - 1, forward)
        while ent is not None:
            members.append(ent)
            last = max(last, ent.end)
            ent = step(ent.end if forward else ent.start - 1, forward)
    after = last
    while after < sent.end and view.texts[after] in _LIST_MARKS | {","}:
        after += 1
    if after < sent.end and (view.tag[after] in ("VBD", "VBZ", "VBP", "MD", "POS", "NN", "NNS", "NNP")
                             or view.texts[after] in ("'s", "’s")):
        return []  # the last title opens a clause ("and B was a flop") or modifies a noun ("and B director X")
    return members


def generate(doc: Doc) -> tuple[DocView, list[Candidate]]:
    """Return the document's view and every candidate pair in it, in text order of their sentences."""
    view = DocView(doc)
    characters = [list(character_spans(view, sent)) for sent in view.sents]
    # A name a role cue introduces ("plays X", "as X", "X, played by") is a character: it neither stars in nor is a
    # work, whatever its label ("voiced the villain Captain Grizzle in Tugboat Tails").
    roles = [[span for span, _, _, certain in found if certain] for found in characters]
    out: list[Candidate] = []
    # Nor is a programme someone speaks on the article's topic, where it is named only so.
    venues = [w for w in view.works if w.start in view.venues]
    topic = topic_work(view, [span for found in roles for span in found] + venues)
    by_sent: dict[int, list[Span]] = {}
    for ent in view.subjects:
        by_sent.setdefault(view.sent_of[ent.start], []).append(ent)
    works_by_sent: dict[int, list[Span]] = {}
    for work in view.works:
        works_by_sent.setdefault(view.sent_of[work.start], []).append(work)
    seen_people: Counter = Counter()
    last_subject: dict[str, tuple[int, str]] = {}  # gender → (sentence, entity id) of the last person as subject
    for k, sent in enumerate(view.sents):
        people = [p for p in by_sent.get(k, []) if not any(_overlap(p, r) for r in roles[k])]
        works = [w for w in works_by_sent.get(k, []) if not any(_overlap(w, r) for r in roles[k])
                 and w.start not in view.venues]
        modifiers = _modifier_titles(view, sent, works)
        people = [p for p in people if not any(_overlap(p, m) for m in modifiers)]
        references = list(_references(view, sent, works))
        stand_ins = list(_stand_ins(view, sent, people, seen_people, last_subject, k))
        objects = [(w, title_text(w), "sentence") for w in works] + \
                  [(m, title_text(m), "modifier") for m in modifiers] + references
        subjects = [(p, view.entity(p), "sentence") for p in people] + stand_ins
        for subj_span, entity, subj_source in subjects:
            for obj_span, title, obj_source in objects:
                if title == entity.name:
                    continue
                if _overlap(subj_span, obj_span):
                    if subj_source == "nominal" and modified_head(view, obj_span.end) == subj_span.end - 1 \
                            and (obj_source == "sentence"
                                 or obj_source == "modifier" and _title_like(view, obj_span, subj_span.end - 1)):
                        # "The Hunger Games star said": the title modifies the description's own noun
                        out.append(_candidate("work", "nominal", k, subj_span, entity, (obj_span.start, obj_span.end),
                                              title))
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
        out.extend(_roles(view, characters[k], k, people, stand_ins, works))
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


def topic_work(view: DocView, characters: list[Span] = ()) -> Optional[str]:
    """Return the article's main work: the first title of its first two paragraphs (headline, lead), passing over
    names written as `characters`."""
    for work in view.works:
        if any(_overlap(work, c) for c in characters):
            continue
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
    out: list[Span] = []
    taken = {i for w in works for i in range(w.start, w.end)}
    joined = view.joined
    for i in range(sent.start, sent.end):
        if joined[i] not in _MODIFIED_NOUNS or i - 1 < sent.start:
            continue
        after = view.ent_at.get(i + 1)
        named = after is not None and after.label_ == "PERSON"
        if not named and _np_start(view, i, sent.start) is None:
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
            if run.start - 1 <= sent.start or view.lower[run.start - 1] not in ("and", ","):
                break
            end = run.start - 1
    return out


def _references(view: DocView, sent: Span, works: list[Span]):
    """Yield (span, title, 'reference') for "the film", "this show", "its sequel": the nearest earlier compatible title."""
    doc, lower, pos = view.doc, view.lower, view.pos
    for i in range(sent.start, sent.end):
        word = lower[i]
        if word == "it" and view.dep[i] in ("nsubj", "nsubjpass") and pos[view.head[i]] in ("VERB", "AUX"):
            target = _previous_work(view, i, "")  # "It was directed by X", "It stars X"
            if target is not None:
                yield doc[i: i + 1], target, "reference"
            continue
        kind = _REFERENCE_NOUNS.get(word)
        if kind is None or pos[i] != "NOUN" or i in view.ent_at:
            continue
        if i == sent.start or lower[i - 1] not in ("the", "this", "that", "its", "his", "her", "their"):
            continue
        after = view.ent_at.get(i + 1)
        if after is not None and after.label_ == WORK_LABEL:
            continue  # "the film Serenity": the title itself is the object
        target = _previous_work(view, i, kind)
        if target is not None:
            yield doc[i - 1: i + 1], target, "reference"


def _previous_work(view: DocView, before: int, kind: str) -> Optional[str]:
    for work in reversed(view.works):
        if work.end > before or work.start in view.venues:
            continue  # (a programme someone spoke on is where they said it, not "the film" they spoke of)
        title = title_text(work)
        known = view.work_type.get(title.lower())
        if kind and known and known != kind:
            continue
        return title
    return None


def _stand_ins(view: DocView, sent: Span, people: list[Span], seen: Counter, last_subject: dict, k: int):
    """Yield (span, entity, source) for pronouns and descriptions that stand for the salient person."""
    doc, lower, pos, dep, joined = view.doc, view.lower, view.pos, view.dep, view.joined
    for i in range(sent.start, sent.end):
        word = lower[i]
        group = word in ("they", "their") and dep[i] in ("nsubj", "nsubjpass", "poss") or \
            joined[i] in GROUP_NOUNS and pos[i] == "NOUN" and i not in view.ent_at \
            and i > sent.start and lower[i - 1] in ("the", "this")
        if group:
            recent = last_subject.get("group")  # "Muse beat ... The band has sold", "Busted ... their single"
            if recent is not None and k - recent[0] <= 2 and recent[1] in view.by_id:
                start = i if pos[i] == "PRON" else i - 1
                yield doc[start: i + 1], view.by_id[recent[1]], "pronoun" if pos[i] == "PRON" else "nominal"
            continue
        if word in _PRONOUNS and dep[i] in ("nsubj", "nsubjpass", "poss"):
            if dep[i] == "poss" and _owns_a_person(view, i):
                continue  # "Her former co-star Lisa Kudrow, who played Phoebe": the tie's owner does not act
            entity = _salient(view, i, _PRONOUNS[word], people, seen, last_subject, k)
            if entity is not None:
                yield doc[i: i + 1], entity, "pronoun"
            continue
        word = joined[i]
        if word in _NOMINALS and pos[i] == "NOUN" and i not in view.ent_at:
            start = _np_start(view, i, sent.start)
            if start is None:
                continue
            after = view.ent_at.get(i + 1)
            if after is not None and after.label_ == "PERSON":
                continue  # "the actress Kate Winslet": the name is the subject
            if dep[i] == "compound":
                continue
            gender = _NOMINALS[word] or _clause_gender(view, i, sent.end)
            entity = _salient(view, i, gender, [], seen, {}, k, nominal=True)
            if entity is not None:
                yield doc[start: i + 1], entity, "nominal"


def _spoken_on(view: DocView, work: Span) -> bool:
    """True for a programme something was said on ("Kudrow said on The Ellen DeGeneres Show", "told viewers on
    This Morning"): where a guest speaks, not what anyone stars in or makes."""
    root = work.root
    if view.dep[root.i] != "pobj" or view.lower[view.head[root.i]] != "on":
        return False
    verb = view.head[view.head[root.i]]
    return view.tokens.lemma[verb].lower() in _SPOKEN_ON_VERBS and view.pos[verb] == "VERB"


def _owns_a_person(view: DocView, i: int) -> bool:
    """True when the possessive pronoun at token `i` owns a person: a tie ("her husband", "his former co-star") or a
    name ("her Lisa Kudrow" as the parser reads "Her co-star Lisa Kudrow")."""
    head = view.head[i]
    owned = view.ent_at.get(head)
    return owned is not None and owned.label_ == "PERSON" \
        or any(_joined(view, j) in _TIES for j in range(i + 1, min(head, i + 5) + 1))


def _clause_gender(view: DocView, i: int, end: int) -> str:
    """Return the sex the first "he", "his", "she" or "her" after the description at token `i` gives it, before any
    other person is named ("The pop star, who released his album …": a man), else ""."""
    for j in range(i + 1, min(end, i + 16)):
        ent = view.ent_at.get(j)
        if ent is not None and ent.label_ == "PERSON":
            return ""
        if view.lower[j] in _PRONOUNS and view.pos[j] == "PRON" and view.texts[j - 1] not in _QUOTES:
            return _PRONOUNS[view.lower[j]]
    return ""


_PLACE_LABELS = {"GPE", "NORP", "LOC", "FAC"}


def _title_like(view: DocView, run: Span, noun: int) -> bool:
    """Return whether an untagged capitalised run before a description's role noun may be a title: not a lone
    "The", an abbreviation ("the TV star", "the US singer"), a place or a known company, and the noun not a band member's
    ("The Libertines singer": the band is no work)."""
    words = [t for t in run if t.lower_ != "the"]
    if not words or all(t.is_upper for t in words):
        return False
    ent = view.ent_at.get(run.start)
    if ent is not None and ent.label_ in _PLACE_LABELS or _known_organisation(run):
        return False  # "the Chelsea star", "the YouTube star"
    return _joined(view, noun) not in ("singer", "frontman", "rapper")


def modified_head(view: DocView, end: int) -> Optional[int]:
    """Return the role noun a title ending at token `end` modifies ("Melancholia star", "the Jaws director",
    "his Harbour Lights co-stars"), or None when the title is not such a modifier."""
    if end < len(view.lower) and _joined(view, end) in _MODIFIED_NOUNS:
        return end
    if end + 2 < len(view.lower) and view.texts[end + 1] == "-" and _joined(view, end + 2) in _MODIFIED_NOUNS:
        return end + 2  # "co - star"
    return None


def role_noun_after(view: DocView, i: int) -> Optional[int]:
    """Return the role noun a work's possessive owns at token `i`, past up to two adjectives ("the film's director",
    "W's new star", "W's nominated producers"), or None."""
    n = len(view.lower)
    for j in range(i, min(i + 3, n)):
        if j + 2 < n and view.texts[j + 1] == "-" and not view.tokens.whitespace[j]:
            j += 2  # "co - stars": the joined word is on the last token
        word = _joined(view, j)
        if word in _MODIFIED_NOUNS or word.endswith("s") and word[:-1] in _MODIFIED_NOUNS:
            return j
        if view.tag[j] not in ("JJ", "VBN") or not view.texts[j].islower():
            return None
    return None


def _joined(view: DocView, i: int) -> str:
    """Return the lower-case word at token `i`, joined with a hyphen before it ("co - star" → "co-star")."""
    return view.joined[i]


def _np_start(view: DocView, i: int, floor: int) -> Optional[int]:
    """Return where the definite noun phrase ending at `i` starts ("the Hunger Games star"), or None if indefinite."""
    j = i - 1
    while j >= floor and j >= i - 9:  # "the 31-year-old Harbour Lights star"
        word = view.lower[j]
        if word in ("the", "this", "that"):
            return j
        if view.pos[j] in ("VERB", "AUX", "ADP", "PRON", "PUNCT") and view.texts[j] != "-" or word in ("a", "an"):
            return None
        j -= 1
    return None


def _salient(view: DocView, i: int, gender: str, people: list[Span], seen: Counter, last_subject: dict, k: int,
             nominal: bool = False) -> Optional[Entity]:
    """Return the person a pronoun or description at token `i` stands for, or None when nobody fits."""
    unknown = None
    for p in reversed(people):  # a compatible person earlier in the same sentence
        entity = view.entity(p)
        if p.end <= i and p.label_ == "PERSON" and entity is not None and (not gender or view.gender(entity, p) in (gender, "")):
            if nominal:
                continue
            if not gender or view.gender(entity, p) == gender:
                return entity
            unknown = unknown or entity
    if unknown is not None:
        # A person of the pronoun's known sex earlier in the sentence before a nearer one of unknown sex ("West's
        # account sampled Chaka Khan's hit to become the heart of his album": West's).
        return unknown
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


def _roles(view: DocView, characters: list, k: int, people: list[Span], stand_ins: list, works: list[Span]):
    """Yield role candidates: (performer, character span) pairs of one sentence (`characters` from
    `character_spans`)."""
    if not characters:
        return
    performers = [(p, view.entity(p), "") for p in people if p.label_ == "PERSON"] + \
                 [(s, e, "+" + src) for s, e, src in stand_ins]
    for span, source, partner, _ in characters:
        name = title_text(span)
        work = _stated_work(view, works, span)
        for subj, entity, via in performers:
            if _overlap(subj, span) or entity.name == name:
                continue
            if partner is not None and not _overlap(subj, partner):
                continue  # "Actor (Character)", "played by Actor": only the name on the other side
            if source == "character-cue" and _describes(view, subj, span):
                continue  # "Rosie Hale plays Brenda's niece Tasha": Brenda is in the description, not the cast
            yield _candidate("role", source + via, k, subj, entity, (span.start, span.end), name,
                             title_text(work) if work is not None else None)


def _describes(view: DocView, subj: Span, character: Span) -> bool:
    """True when `subj` is a possessive owner inside the description of `character` ("Brenda's niece Tasha"), not
    the owner of a role noun ("Cage's character Ben Gates")."""
    gap = range(subj.end + 1, character.start)
    return subj.end < character.start <= subj.end + 6 and view.texts[subj.end] in POSSESSIVE_MARKS \
        and not any(view.lower[i] in _OWN_ROLE_NOUNS or view.lower[i] in AS_HEADS for i in gap)


def _stated_work(view: DocView, works: list[Span], span: Span) -> Optional[Span]:
    """Return the work a character is said to belong to: "X in W", "X from W", "X on the CW series W", or "W's X"."""
    for work in works:
        if span.end < work.start <= span.end + 3 and view.lower[span.end] in ("in", "from", "of", "on"):
            return work
        if span.end + 3 < work.start <= span.end + 7 and view.lower[span.end] in ("in", "from", "on") \
                and all(_work_modifier(view, i) for i in range(span.end + 1, work.start)):
            return work  # "X in the Netflix drama W", "X on ABC's medical drama W"
        if work.end + 1 == span.start and view.texts[work.end] in ("'s", "’s"):
            return work
    return None


def _work_modifier(view: DocView, i: int) -> bool:
    """True for a word that may stand before a title it describes: a determiner, a broadcaster's name and its
    possessive, an adjective or a kind of work ("the CW series", "ABC's medical drama", "the BBC One comedy")."""
    ent = view.ent_at.get(i)
    return view.lower[i] in _DESCRIPTOR_DETERMINERS or view.texts[i] in POSSESSIVE_MARKS \
        or ent is not None and ent.label_ in ("ORG", "NORP", "CARDINAL", "DATE") \
        or ent is None and view.pos[i] == "PROPN" \
        or (view.pos[i] in ("ADJ", "NOUN") or view.tag[i] in ("VBN", "VBG")) and view.texts[i].islower()


def character_spans(view: DocView, sent: Span):
    """Yield (span, source, partner, certain) for the names of a sentence written as characters; `partner` is the
    one name that can play it when the construction says so ("Actor (Character)", "played by Actor"), else None;
    `certain` when the construction leaves the name no other reading: after a verb of playing, "as" after a
    casting word or a performer, "the role of", or before "played by" ("such as X", "the voices of X" and either
    side of a parenthesis may be other things)."""
    doc, texts, lower, lemmas = view.doc, view.texts, view.lower, view.tokens.lemma
    seen: set[tuple[int, int]] = set()
    for i in range(sent.start, sent.end):
        word = lower[i]
        if lemmas[i].lower() in _CHARACTER_CUES or word in _CHARACTER_CUES or word in CHARACTER_VERBS:
            j = i + 1
            if j < sent.end and lower[j] == "of":
                j += 1
            certain = character_cue(view, i) and (word == "as" or view.pos[i] in ("VERB", "AUX")
                                                  or word in ROLE_OF_NOUNS and j == i + 2)
            if character_cue(view, i):
                # "plays her estranged brother, Tobias", "as pub landlady Brenda Catchpole", "a vampire named X"
                j = character_name_start(view, j, sent.end)
                if j is None:
                    continue
            else:
                # "as troubled Carolyn Burnham", "the role of headmaster Dr Arnold": lower-case words before the name
                while j < min(sent.end, i + 4) and view.tokens.is_lower[j] and view.pos[j] in ("ADJ", "NOUN") \
                        and not texts[j][:1].isupper():
                    j += 1
            span = _name_at(view, j, sent.end)
            if span is not None and (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield span, "character-cue", None, certain
        if word == "played" and i + 1 < sent.end and lower[i + 1] == "by" and i >= 2 \
                and (texts[i - 1] in (",", "(") or lower[i - 1] in _PASSIVE_AUX):
            # "Hans Gruber, played by Alan Rickman", "Danny Pryce is played by former singer Lee Gaskin"
            end = i - 1
            while end > sent.start and lower[end] in _PASSIVE_AUX | {"who", ","}:
                end -= 1
            span = _name_ending(view, end + 1, sent.start)
            after = character_name_start(view, i + 2, sent.end)
            if span is not None and after is not None and (span.start, span.end) not in seen:
                seen.add((span.start, span.end))
                yield span, "played-by", _name_at(view, after, sent.end), True
        if word in ("actor", "actress", "star") and i > sent.start and i + 1 < sent.end:
            # "Huggy Bear actor Antonio Fargas": the name before the role noun may be a character
            after = view.ent_at.get(i + 1)
            span = _name_ending(view, i, sent.start)
            if after is not None and after.label_ == "PERSON" and span is not None and span.end == i \
                    and (span.start, span.end) not in seen and not (span.start in view.ent_at
                                                                    and view.ent_at[span.start].label_ == WORK_LABEL):
                seen.add((span.start, span.end))
                yield span, "role-noun", after, False
        if texts[i] == "(":
            close = next((j for j in range(i + 1, min(sent.end, i + 8)) if texts[j] == ")"), None)
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
                    yield span, "parens", partner, False


def character_cue(view: DocView, i: int) -> bool:
    """True when token `i` introduces a role whose name may follow a description: a form of "play", "portray",
    "voice" or "depict", or "as" after a casting word ("stars as", "returns as", "after 15 years as")."""
    if view.lower[i] in CHARACTER_VERBS:
        return True
    if view.lower[i] in ROLE_OF_NOUNS and i + 1 < len(view.lower) and view.lower[i + 1] == "of":
        return True  # "takes the role of her son Thomas"
    return view.lower[i] == "as" and i > 0 and (view.lower[i - 1] in AS_HEADS or view.words[i - 1] in AS_HEADS
                                                or performer_before(view, i) is not None)


def performer_before(view: DocView, i: int) -> Optional[Span]:
    """Return the person whose name ends just before token `i` ("with Tamsin Reyes as his wife, Lorraine")."""
    ent = view.ent_at.get(i - 1) if i > 0 else None
    return ent if ent is not None and ent.end == i and ent.label_ == "PERSON" else None


def character_name_start(view: DocView, j: int, end: int) -> Optional[int]:
    """Return where a character's name starts after a role cue that ends before token `j`: past a description of
    the character ("her estranged brother, Tobias", "brooding lifeguard Jamie Cole", "Hendrik's wife, Lotte", "a
    lovesick vampire named Silas Greer"); `j` itself when none stands there. The description is determiners,
    possessives and lower-case words (adjectives, nouns, participles, hyphenated compounds); a comma after its
    noun, or "named"/"called", leads to the name. None when no name can follow: an indefinite description
    goes on into a name only through a comma or "named" ("plays a New York date doctor", "plays a Hollywood
    actress"), and an acronym is a role noun ("played the CEO of")."""
    texts, lower, pos, space = view.texts, view.lower, view.pos, view.tokens.whitespace
    k = j
    indefinite = False
    while k < end and k - j < 8:
        text = texts[k]
        if lower[k] in _DESCRIPTOR_DETERMINERS or view.tag[k] == "PRP$":
            indefinite = lower[k] in ("a", "an")
            k += 1
        elif text in ("-", "–") and k > j and not space[k - 1]:
            k += 1  # "long-suffering", "on-screen"
        elif k > j and texts[k - 1] in ("-", "–") and not space[k - 2] and text.isalpha() and text.islower():
            k += 1  # "daughter-in-law"
        elif text in POSSESSIVE_MARKS and k > j and texts[k - 1].islower():
            k += 1  # "the group's hard-drinking manager"
        elif text.isalpha() and text.islower() and lower[k] not in _NAMING and lower[k] not in _NOT_DESCRIPTORS and (
                pos[k] in _DESCRIPTOR_POS or k + 1 < end and texts[k + 1] in ("-", "–") and not space[k]):
            k += 1  # (also the adverb that opens a compound: "tough-talking", "well-meaning")
        else:
            m = k  # a possessive name ("Hendrik's wife") or a name modifying a noun ("a New York date doctor")
            while m < end and m - k < 3 and texts[m][:1].isupper() and texts[m].isalpha():
                m += 1
            if m == k or m >= end:
                break
            if texts[m] in POSSESSIVE_MARKS:
                k = m + 1
            elif texts[m].isalpha() and texts[m].islower() and pos[m] == "NOUN":
                k = m
            else:
                break
    if k < end and lower[k] in _NAMING and k > j:
        return k + 1
    if k + 1 < end and k > j and texts[k] == "," and pos[k - 1] == "NOUN" and lower[k - 1] not in _TITLE_TYPES:
        return k + 1  # an apposition: "his long-suffering wife, Lily"
    if indefinite or k < end and texts[k].isupper() and len(texts[k]) > 1 and k not in view.ent_at:
        return None
    return k


def _name_at(view: DocView, j: int, end: int) -> Optional[Span]:
    """Return the name starting at token `j`: an entity, or a run of capitalised words."""
    doc = view.doc
    if j >= end or j >= len(doc):
        return None
    ent = view.ent_at.get(j)
    if ent is not None and ent.start == j and ent.label_ in _CHARACTER_LABELS and ent.end <= end:
        return ent
    texts, alpha = view.texts, view.tokens.is_alpha
    k = j
    while k < end and k - j < 4 and texts[k][:1].isupper() and alpha[k]:
        k += 1
    if k == j or (k - j == 1 and view.lower[j] in ("the", "a", "he", "she", "i", "it")):
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
    texts, alpha = view.texts, view.tokens.is_alpha
    k = end
    while k - 1 >= floor and end - (k - 1) <= 4 and texts[k - 1][:1].isupper() and alpha[k - 1]:
        k -= 1
    return doc[k:end] if k < end else None
