"""Attribution state for one document: its entities, mentions and candidate antecedents, and the routes a
quotation without a frame of its own takes (continuation, the next quote, the sentence before)."""
from __future__ import annotations

from collections import Counter

import re
from dataclasses import replace
from typing import Optional

from spacy.attrs import DEP, LEMMA, TAG
from spacy.tokens import Doc, Span, Token

from ..names import CENSUS_SEX, FIRST_NAME_GENDER, NAME_SEX, couple_styled
from ..records import doc_text
from .attribution import (CONTINUATION_CHARS, GENDERED_PRONOUNS, SPEAKER_LABELS, UNRESOLVED, Attribution, Event,
                          Speaker, governing_verb)
from .frames import FrameRules
from .lexicon import Lexicon
from .resolution import SpeakerResolution
from .speaker_words import hyphen_last, role_key
from .scan import RawQuote, sentence_end, sentence_start

# A young child's age or word right before the name ("five-year-old Everly", "their 2-year-old son Saint", "baby
# North"), or the age right after it ("Everly, 5,").
_YOUNG = r"(?:[1-9]|1[0-2]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
CHILD_BEFORE = re.compile(rf"(?:\b{_YOUNG}[- ](?:year|month|week|day)s?[- ]old|\b(?:baby|newborn|toddler|infant))"
                          r"(?:\s+(?:son|daughter|girl|boy|twins?))?\s*,?\s*$", re.IGNORECASE)
CHILD_AFTER = re.compile(r"^,\s*(?:[1-9]|1[0-2])(?!\d)\s*[,.)]")


def _quoted_characters(size: int, raws: list[RawQuote]) -> bytearray:
    """Return, for each of `size` characters, 1 where a quotation holds it outside its inner attribution, else 0."""
    quoted = bytearray(size)
    for q in raws:
        parts = [(q.start, q.end)] if not q.inner else [(q.start, min(q.end, q.inner[0])), (max(q.start, q.inner[1]), q.end)]
        for lo, hi in parts:
            lo, hi = max(lo, 0), min(hi, size)
            if hi > lo:
                quoted[lo:hi] = b"\x01" * (hi - lo)
    return quoted


class Article(FrameRules, SpeakerResolution):
    """Attribution state for one document."""

    def __init__(self, doc: Doc, raws: list[RawQuote], lex: Lexicon, text: Optional[str] = None):
        self.doc, self.text, self.raws, self.lex = doc, doc_text(doc) if text is None else text, raws, lex
        self.quoted = _quoted_characters(len(self.text), raws)
        self.entities = {e.entity_id: e for e in doc._.entities or []}
        self.mentions = sorted(doc._.mentions or [], key=lambda m: m.start_char)
        self.mention_starts = [m.start_char for m in self.mentions]
        self.mention_spans = [
            (m, span) for m in self.mentions
            if (span := doc.char_span(m.start_char, m.end_char, alignment_mode="expand")) is not None
        ]
        self._sentences: Optional[list[Span]] = None
        self._sentence_starts: Optional[list[int]] = None
        self._sentence_token_starts: Optional[list[int]] = None
        self._addressed_orgs: Optional[frozenset] = None
        self._role_subject_speakers: dict = {}  # token index of a role-noun subject → the person it refers to
        self.census_genders: set[str] = set()  # genders known only from the first-name list, which can be wrong ("Blake")
        self.genders = self._entity_genders()
        self.characters = self._characters() | self._children()
        self.events = self._mention_events()
        self.frames: dict[int, tuple[Optional[Attribution], bool]] = {}
        self.results: dict[int, Attribution] = {}
        self.owned_roles: dict[str, set[str]] = {}  # entity id → roles held towards another ("Her producer, X,")
        self.role_links = self._role_links()
        self.work_kinds = self._work_kinds()
        self.role_links += self._referring_links()
        self.events = sorted(self.events + self._spokesman_events() + self._aged_events()
                             + self._unnamed_events(), key=lambda e: e.pos)

    # -- lookups ------------------------------------------------------------------------------------------

    def in_quote(self, pos: int) -> bool:
        """True when the character at `pos` is quoted: inside a quotation, not in the attribution a split quotation
        holds."""
        return 0 <= pos < len(self.quoted) and self.quoted[pos] == 1

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
        pronoun_only: dict[str, list[str]] = {}  # the votes of the he/she after a subject name, when no other kind
        stated: dict[str, list[str]] = {}  # the sex the article states (an honorific, a gendered role), by entity
        as_subject: set[str] = set()  # who has a "he"/"she" after the name among those votes ("Size said he …")
        for m, span in self.mention_spans:
            if m.label != "PERSON":
                continue
            before = self.text[max(0, m.start_char - 12) : m.start_char].split()
            # The word before is an honorific or a role ("Mrs", "actress"), never a pronoun ending the sentence
            # before ("… named after him. Janie Hale said").
            words = [before[-1].lower().rstrip(".") if before and before[-1].lower().rstrip(".") not in GENDERED_PRONOUNS
                     and not couple_styled(self.text, m.start_char) else ""]  # (not "Mr. and Mrs. Harmon")
            words += [c.lemma_.lower() for c in span.root.children if c.dep_ in {"appos", "compound"}]
            if span.root.dep_ in {"appos", "compound"}:
                words.append(span.root.head.lemma_.lower())
            for word in words:
                if word in self.lex.gender:
                    votes.setdefault(m.entity_id, []).append(self.lex.gender[word])
                    stated.setdefault(m.entity_id, []).append(self.lex.gender[word])
            pronoun, subject = self._next_pronoun(m, span)
            if pronoun is not None:
                votes.setdefault(m.entity_id, []).append(pronoun)
                pronoun_only.setdefault(m.entity_id, []).append(pronoun)
                if subject:
                    as_subject.add(m.entity_id)
        for eid, ent in self.entities.items():
            first = ent.name.split()[0].lower() if ent.label == "PERSON" and ent.name.split() else ""
            if first in self.lex.gender:
                votes.setdefault(eid, []).append(self.lex.gender[first])
            elif first in NAME_SEX and eid not in votes:
                # The census's first names only when the article itself says nothing ("Imelda", "Leonardo"), then
                # the Social Security records' ("Rhys", "Kenji").
                votes[eid] = [NAME_SEX[first]]
                self.census_genders.add(eid)
            elif first in FIRST_NAME_GENDER and eid not in stated and len(pronoun_only.get(eid, ())) == 1 \
                    and pronoun_only[eid][0] != FIRST_NAME_GENDER[first]:
                # One "he" after "Esther Rantzen said" may be about someone else ("… said he was so lovely"):
                # against the first name it leaves the sex unknown. A possessive alone says less than a first name
                # the lists and the census agree on ("Basil Okoro, who had starred alongside her in her very first
                # film"): the name's sex holds; not for a name of either sex ("Kendall").
                if eid in as_subject or CENSUS_SEX.get(first) != FIRST_NAME_GENDER[first]:
                    votes[eid].append(FIRST_NAME_GENDER[first])
                else:
                    votes[eid] = [FIRST_NAME_GENDER[first]]
        # What the article states outweighs the pronouns after a name, which may be about someone else ("Janie
        # Hendrix, the guitarist's stepsister, said … named after him").
        votes.update({eid: v for eid, v in stated.items() if _majority(v) is not None})
        # A tie ("he" once, "she" once) says nothing: the person's sex stays unknown.
        return {eid: g for eid, v in votes.items() if (g := _majority(v)) is not None}

    def _next_pronoun(self, m, span: Span) -> tuple[Optional[str], bool]:
        """Return the gender most of the he/she/his/her after a subject name in its sentence give ("Size said he
        …"), up to the next person named or quotation, None when they tie; and whether a "he" or "she" is among
        them. A reported clause may open on someone else ("Brisco said her death shaped every track on his album,
        which he produced"): the first alone misleads."""
        verb = governing_verb(span.root, self.lex.person_roles)
        if verb is None:
            return None, False
        found, subject = [], False
        asking = verb.lemma_.lower() in self.lex.question_verbs
        sent = self.sentence_of(span.start)
        for t in sent[span.end - sent.start :]:
            if t.ent_type_ == "PERSON" or self.in_quote(t.idx):
                break
            if asking and t.dep_ in {"nsubj", "nsubjpass"} and t.head.i != verb.i:
                continue  # "Navarro asked whether he would return": the one asked, whom the question is about
            if t.lower_ in GENDERED_PRONOUNS and not _object_of(t, verb):
                found.append(GENDERED_PRONOUNS[t.lower_])
                subject = subject or t.lower_ in {"he", "she"}
        return _majority(found), subject

    def _speaker_for_mention(self, mention, text: str, method: str, confidence: float) -> Speaker:
        ent = self.entities.get(mention.entity_id)
        name = ent.name if ent else mention.text
        label = ent.label if ent else mention.label
        kind = "person" if label == "PERSON" else "org"
        return Speaker(name, mention.entity_id, text, method, confidence, self.genders.get(mention.entity_id), kind)

    def _children(self) -> set[str]:
        """Return the ids of people the article gives a young child's age ("shares five-year-old Everly with
        Tatum", "their son, 3,", "baby North"): a child gives no interview, so a later "she said" is not theirs."""
        young = set()
        for m in self.mentions:
            # Within the name's own paragraph: a headline's "… Welcome Baby Girl" is no word about the name below it.
            before = self.text[max(0, m.start_char - 30) : m.start_char].rpartition("\n")[2]
            if m.label == "PERSON" and not self.in_quote(m.start_char) and (
                    CHILD_BEFORE.search(before)
                    or CHILD_AFTER.match(self.text[m.end_char : m.end_char + 8])):
                young.add(m.entity_id)
        return young

    def _characters(self) -> set[str]:
        """Return the ids of people named only as fictional characters ("stars as Becky Sharp", "Sylvia (Kate Winslet)"),
        and of those with one name the article introduced as one ("his character Jesse's romance …. When Albright
        asked whether Jesse would …": the character still)."""
        seen: dict[str, bool] = {}
        introduced: dict[str, bool] = {}
        for m in self.mentions:
            if m.label != "PERSON" or self.in_quote(m.start_char):
                continue
            before = self.text[max(0, m.start_char - 80) : m.start_char]
            after = self.text[m.end_char : m.end_char + 40]
            is_character = bool(self.lex.character_before.search(before) or self.lex.character_after.match(after))
            seen[m.entity_id] = seen.get(m.entity_id, True) and is_character
            introduced.setdefault(m.entity_id, is_character)
        single = {eid for eid, e in self.entities.items() if len(e.name.split()) == 1}
        return {eid for eid, only in seen.items() if only or introduced[eid] and eid in single}

    def _mention_events(self) -> list[Event]:
        events = []
        introduced: set[str] = set()  # entities named before, other than as a source after "according to"
        for m, span in self.mention_spans:
            if m.label not in {"PERSON", "ORG", "NORP"} or self.in_quote(m.start_char) or m.entity_id in self.characters:
                continue
            verb = governing_verb(span.root, self.lex.person_roles)
            # "Alison Howe, producer of the show." (a sentence without a verb) is about the person it names.
            fragment = span.root.dep_ == "ROOT" and span.start == self.sentence_of(span.start).start \
                and m.label == "PERSON"
            # "According to Ruben, the pair stopped speaking": what the sentence says, Ruben says; a person the
            # article introduced before, not a name first met there (an outlet: "according to Gossip Cop").
            source = _according_to(span.root)
            if not source:
                introduced.add(m.entity_id)
            # A name a role noun introduces there is a person, whether met before or not ("according to her agent,
            # Miles Fenwick").
            described = source and span.root.dep_ == "appos" and self.role_word(span.root.head)
            source = source and m.label == "PERSON" and (m.entity_id in introduced or described)
            # "Dunn's latest album was released on Monday. '…,' he said": the owner of a main subject that names
            # no one is what the sentence is about.
            owner = m.label == "PERSON" and self._owns_main_subject(span)
            # "For Oakes, the role came at the right time", "As for Reyes, …": the sentence's topic, fronted.
            topic = m.label == "PERSON" and _fronted_topic(span)
            is_subject = verb is not None or fragment or source or owner or topic
            cue_subject = verb is not None and (verb.lemma_.lower() in self.lex.verbs or self._issues_writing(verb)) \
                or source
            main = fragment or source or owner or topic or is_subject and _main_verb(verb)
            speaker = self._speaker_for_mention(m, m.text, "explicit", 0.9)
            events.append(Event(m.start_char, speaker, is_subject, False, cue_subject, main))
        return events

    def _issues_writing(self, verb: Token) -> bool:
        """True for a verb that puts out something written ("released a statement", "issued a short statement",
        "put out a statement"): its subject speaks through it."""
        return verb.lemma_.lower() in self.lex.issuing_verbs and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.lex.written_objects for c in verb.children)

    def _subjects(self, *deps: str) -> list[Token]:
        """Return the tokens with one of the dependency labels `deps` (read as one array; a Token made only for them)."""
        wanted = {self.doc.vocab.strings[d] for d in deps}
        found = self.doc.to_array(DEP).tolist() if len(self.doc) else []
        return [self.doc[i] for i, dep in enumerate(found) if dep in wanted]

    def _spokesman_events(self) -> list[Event]:
        """Return an event for each spokesman's noun that reports in the narrative ("A spokeswoman for Cedar Records
        said fans would be offered refunds"), as the one spoken for, with the noun's sex: a later "'…,' she said" is
        the label's, as a quoted frame's would be."""
        events = []
        for t in self._subjects("nsubj"):
            if t.lemma_.lower() not in self.lex.org_roles or t.lemma_.lower() in self.lex.written_objects \
                    or self.in_quote(t.idx) or t.head.lemma_.lower() not in self.lex.verbs:
                continue
            speaker = self.resolve_role(t, t.idx)
            if speaker.name and self.speaks(speaker):
                main = _main_verb(t.head)
                events.append(Event(t.idx, speaker, True, False, True, main))
        return events

    def _unnamed_events(self) -> list[Event]:
        """Return an event for each unnamed person who reports in the narrative ("One viewer who complained told BBC
        News the scenes had upset her children", "A fan at the show said …"): a later "'…,' she said" is theirs, and
        stays unnamed, as after a quote of theirs (see `attribute`)."""
        events = []
        for t in self._subjects("nsubj"):
            if self.in_quote(t.idx) or t.head.lemma_.lower() not in self.lex.verbs \
                    or t.lemma_.lower() not in self.lex.public_nouns | self.lex.anonymous_roles:
                continue  # a spokesman or a rep speaks for someone named (see `_spokesman_events`)
            phrase = self.noun_phrase(t)
            if not self.unnamed_person(phrase) or any(c.dep_ == "appos" for c in t.children):
                continue  # (named: "one fan, Lucy Marsh, said")
            speaker = replace(UNRESOLVED, text=phrase, gender=self.lex.gender.get(t.lemma_.lower()))
            events.append(Event(t.left_edge.idx, speaker, True, False, True, _main_verb(t.head)))
        return events

    def _aged_events(self) -> list[Event]:
        """Return an event for each main subject that is an age ("The 47-year-old joined the show in 2012") when the
        article gave that age to exactly one person before ("Ms Hollis, 47,"): a later "she added" is that person."""
        events = []
        for t in self._subjects("nsubj", "nsubjpass"):
            verb = t.head
            if not _main_verb(verb) or self.in_quote(t.idx) \
                    or not self.aged(t):
                continue
            speaker = self.person_aged(self.doc[t.left_edge.i : t.i + 1].text, t.left_edge.idx)
            if speaker is not None and speaker.name:
                events.append(Event(t.left_edge.idx, speaker, True, False, verb.lemma_.lower() in self.lex.verbs, True))
        return events

    def _owns_main_subject(self, span: Span) -> bool:
        """True when the name is the possessor of its sentence's main subject and that subject names no one: not a
        person's or organisation's noun ("Dunn's lawyer said"), nor a name."""
        root = span.root
        if root.dep_ != "poss":
            return False
        noun = hyphen_last(root.head)  # "Bell's co-star", which the parser reads as three nouns
        if noun.dep_ not in {"nsubj", "nsubjpass"} or noun.pos_ != "NOUN":
            return False
        verb = noun.head
        lemma = noun.lemma_.lower()
        if role_key(noun) in self.lex.person_roles:
            return False
        # (nor a noun a person's name is in apposition to: "Arielle's bestie, TikTok star Bexley Crane,")
        named = any(c.dep_ == "appos" and c.ent_type_ in {"PERSON", "ORG"} for c in noun.children)
        return _main_verb(verb) and not named \
            and lemma not in self.lex.person_roles and lemma not in self.lex.org_roles and lemma not in self.lex.org_nouns

    def _role_links(self) -> list[tuple[int, str, Speaker]]:
        """Return (offset, role noun, speaker) for people introduced with a role ("director Spike Lee"), and for
        the one a spokesman speaks for ("Lane's rep", "a spokesman for Sony": "the rep said" later is Lane)."""
        links = []
        doc = self.doc
        strings = doc.vocab.strings
        lowered: dict[int, str] = {}
        # Lemmas read as hashes in one call; a Token is made only for the role nouns.
        for i, lemma in enumerate(doc.to_array(LEMMA).tolist() if len(doc) else []):
            role = lowered.get(lemma)
            if role is None:
                role = lowered[lemma] = strings[lemma].lower()
            if role not in self.lex.person_roles and role not in self.lex.org_roles and role not in self.lex.public_nouns:
                continue
            t = doc[i]
            if self.in_quote(t.idx):
                continue
            if role in self.lex.org_roles:
                owners = [c for c in t.children if c.dep_ in {"poss", "compound", "nmod"}]
                owners += [o for c in t.children if c.dep_ == "prep" and c.lower_ in {"for", "of"}
                           for o in c.children if o.dep_ == "pobj"]
                for owner in owners:
                    mention = self.mention_at(owner)
                    if mention is not None and mention.label in SPEAKER_LABELS:
                        links.append((t.idx, role_key(t), self._speaker_for_mention(mention, t.text, "role-noun", 0.75)))
                if role not in self.lex.person_roles:
                    continue
            people = []
            if t.dep_ in {"compound", "appos"} or t.dep_ == "nmod" and t.head.ent_type_ == "PERSON":
                people.append(t.head)  # "director Spike Lee"; "Vogue editor-in-chief Anna Wintour" (nmod)
            people.extend(c for c in t.children if c.dep_ == "appos" and not _contact_clause_subject(t, c))
            # "Latchford's manager at Ashby, Terence Ollerton,": the parser hangs the name on the place
            people.extend(a for c in t.children if c.dep_ == "prep" and c.lower_ in {"at", "of", "for", "on"}
                          for o in c.children if o.dep_ == "pobj" and o.ent_type_ != "PERSON"
                          for a in o.children if a.dep_ == "appos" and a.ent_type_ == "PERSON")
            after = hyphen_last(t).i + 1
            if "-" in role_key(t) and after < len(doc) and doc[after].ent_type_ == "PERSON":
                people.append(doc[after])  # "her co-star Tom Hale", whose hyphen the parser reads as two nouns
            owned = any(c.dep_ == "poss" for c in t.children) and role not in self.lex.relational_roles
            for p in people:
                mention = self.mention_at(p)
                if mention is not None and mention.label == "PERSON":
                    links.append((t.idx, role_key(t), self._speaker_for_mention(mention, t.text, "role-noun", 0.75)))
                    if owned and p.head.i == t.i and mention.entity_id:
                        self.owned_roles.setdefault(mention.entity_id, set()).add(role_key(t))
        return links

    def _work_kinds(self) -> dict[str, set[str]]:
        """Return entity id → the kinds of work the article says the person does (`role_kinds`): from a role noun
        beside the name ("director Ana Ruiz"), a verb whose subject the name is ("Lyle starred in", "Penhale, who
        stars on …"), or a participle's "by" ("directed by Sofia Brandt")."""
        kinds: dict[str, set[str]] = {}
        for _, role, speaker in self.role_links:
            if role in self.lex.role_kinds and speaker.entity_id:
                kinds.setdefault(speaker.entity_id, set()).add(self.lex.role_kinds[role][0])
        for m, span in self.mention_spans:
            if m.label != "PERSON" or self.in_quote(m.start_char):
                continue
            root = span.root
            # The relative clause about the name, or about the noun it is in apposition to ("His wife, Julia
            # Penhale, who stars on …").
            nouns = [root, root.head] if root.dep_ == "appos" else [root]
            verbs = [c for n in nouns for c in n.children if c.dep_ == "relcl"
                     and any(s.dep_ == "nsubj" and s.lower_ in {"who", "that"} for s in c.children)]
            verb = governing_verb(root, self.lex.person_roles)
            if verb is not None:
                verbs.append(verb)
            noun = root
            while noun.dep_ in {"appos", "compound"} and noun.head.i != noun.i:
                noun = noun.head  # "produced by Swedish hitmaker Oskar Lindqvist"
            if noun.dep_ == "pobj" and noun.head.lower_ == "by" and noun.head.dep_ in {"agent", "prep"} \
                    and noun.head.head.tag_ in {"VBN", "VBD"}:
                verbs.append(noun.head.head)
            for verb in verbs:
                kind = self.lex.kind_verbs.get(verb.lemma_.lower())
                if kind is not None:
                    kinds.setdefault(m.entity_id, set()).add(kind)
        return kinds

    def _referring_links(self) -> list[tuple[int, str, Speaker]]:
        """Return (offset, role noun, speaker) for each "the <role>" subject outside quotations that refers back to
        a person ("Kara Bell isn't letting the haters get to her. The singer, 27, wore …"), in text order: a later
        "the singer said" is the same person, not whoever spoke last ("… her boyfriend, rapper Jay Stone, …"). A
        tie ("his wife") or a spokesman's noun is no description of a person of her own."""
        links = []
        introduced = {(role, s.entity_id) for _, role, s in self.role_links}
        strings = self.doc.vocab.strings
        subjects, noun, name = {strings["nsubj"], strings["nsubjpass"]}, strings["NN"], strings["NNP"]
        found = self.doc.to_array([DEP, TAG]).tolist() if len(self.doc) else []
        for t in (self.doc[i] for i, (dep, tag) in enumerate(found) if dep in subjects and tag in (noun, name)):
            if self.in_quote(t.idx) or t.tag_ == "NNP" and not t.is_lower:
                continue  # (a lower-case noun the tagger took for a name is a noun: "The heartthrob grinned")
            lemma = t.lemma_.lower()
            if lemma not in self.lex.person_roles or lemma in self.lex.relational_roles or lemma in self.lex.org_roles \
                    or not self.definite(t):
                continue
            found = self.resolve_role(t, t.idx)
            if found.name and found.kind == "person":
                self.role_links.append((t.idx, role_key(t), found))
                links.append((t.idx, role_key(t), found))
                if self._main_after_clause(t) or t.head.dep_ == "ROOT" and (role_key(t), found.entity_id) in introduced:
                    # also the main subject that names the role the article introduced the person with ("Actor Tom
                    # Ashe …. The actor addressed the criticism on Friday. '…,' he wrote"): what the sentence is about
                    self.events.append(Event(t.left_edge.idx, replace(found, method="role-noun"), True, False, False, True))
        del self.role_links[len(self.role_links) - len(links):]
        self.events.sort(key=lambda e: e.pos)
        return links

    def _main_after_clause(self, subject: Token) -> bool:
        """True when `subject` is its sentence's main subject after an adverbial clause with a subject of its own
        ("When host Mark Shore asked him about the band, the singer laughed"): the one the clause's subject spoke
        to, not the clause's subject, is what the sentence is about."""
        verb = subject.head
        if verb.dep_ != "ROOT":
            return False
        return any(c.dep_ == "advcl" and c.i < subject.i and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
                   for c in verb.children)

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
            if j in self.results and self.results[j].cue is not None:
                # '"…," a source told People. "…"': the quote goes on in the words of someone the article leaves
                # unnamed, not of whoever spoke before them.
                return Attribution(UNRESOLVED, None, None, None, "continuation-adjacent")
            j -= 1
        if i == 0:
            return None
        prev = self.raws[i - 1]
        result = self.results.get(i - 1)
        q = self.raws[i]
        if result is None or not result.speaker.name or q.open - prev.close > CONTINUATION_CHARS or q.paragraph - prev.paragraph > 2:
            return None
        # (a topic heading names whom the words are about: "On her ex-husband Tom Hale:")
        topics = [h.span() for h in _TOPIC_HEADING.finditer(self.text, prev.close, q.open)]
        gap_people = [m for m in self.mentions if prev.close <= m.start_char < q.open and m.label == "PERSON"
                      and m.entity_id != result.speaker.entity_id and not any(a <= m.start_char < b for a, b in topics)]
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
        q = self.raws[i]
        if self.asks(q) and (
                self.raws[i + 1].paragraph > q.paragraph or self.reply_cue(nxt.cue)):
            return None  # a question the next paragraph, or a reply, answers: someone else asked it
        return Attribution(replace(nxt.speaker, method="continuation", confidence=0.7, text=None), None, None, None, "cue-next-quote")

    def reply_cue(self, cue: Optional[str]) -> bool:
        """True for a cue as written that answers someone ("replied", "shot back"; `reply_verbs`)."""
        words = (cue or "").lower().split()
        if not words:
            return False
        first = words[0]
        stems = {first, first[:-1], first[:-2], first[:-3], first[:-3] + "y", _IRREGULAR_REPLIES.get(first, first)}
        return any(stem in self.lex.reply_verbs or " ".join([stem, *words[1:2]]) in self.lex.reply_verbs
                   for stem in stems)

    def _sentence_before(self, i: int) -> Optional[tuple[int, int]]:
        """Return the span of the sentence right before quote `i` in its paragraph, or None."""
        q = self.raws[i]
        head = self.head_region(i)
        end = head[0] if head else q.open
        while end > 0 and self.text[end - 1].isspace():
            end -= 1
        if end <= 0 or (i > 0 and end <= self.raws[i - 1].close):
            return None
        para_start = self.text.rfind("\n", 0, end) + 1
        return sentence_start(self.text, end - 1, para_start), end

    def _cue_sentence_before(self, i: int) -> Optional[tuple[Token, str, tuple[int, int]]]:
        region = self._sentence_before(i)
        cues = self.cues(*region) if region else []
        return (cues[-1][0], cues[-1][1], region) if cues else None

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
        speaker = self.read_for(cue, speaker) or speaker  # "Cole read his speech. '…'"
        if not speaker.name:
            return None
        return Attribution(replace(speaker, confidence=speaker.confidence * 0.75), None, None, None, "cue-previous-sentence")

    def subject_before(self, i: int) -> Optional[Attribution]:
        """`Her co-star Rachel Moss was just as thrilled. "I haven't danced like that in years."`: a quote with no
        cue, opening right after a sentence of its paragraph about one person (its main subject, a name), is that
        person's; not when the sentence names another person as well."""
        region = self._sentence_before(i)
        if region is None or self.raws[i].open - region[1] > 3 or not self.text[region[1] - 1 : region[1]] in {".", ":"}:
            return None
        tokens = self.tokens(*region)
        if not tokens:
            return None
        root = self.sentence_of(tokens[0].i).root
        subjects = [t for t in root.children if t.dep_ in {"nsubj", "nsubjpass"} and region[0] <= t.idx < region[1]]
        if not subjects:
            subjects = [t for t in [self.name_before_verb(root)] if t is not None and region[0] <= t.idx]
        # Only a name: "he" there is often someone else the paragraph talks about. ("Her co-star Rachel Moss was …"
        # gives a hyphenated word as a second subject.)
        subjects = [t for t in subjects if (m := self.mention_at(t)) is not None and m.label == "PERSON"]
        if len(subjects) != 1 or self.in_quote(subjects[0].idx):
            return None
        people = {m.entity_id for m in self.mentions if region[0] <= m.start_char < region[1] and m.label == "PERSON"}
        speaker = self.resolve(subjects[0], region[0])
        if not speaker.name or speaker.kind != "person" or people - {speaker.entity_id} - self.addressed_in(i):
            return None
        return Attribution(replace(speaker, method="continuation", confidence=speaker.confidence * 0.6, text=None),
                           None, None, None, "subject-previous-sentence")

    def addressed_in(self, i: int) -> set[str]:
        """Return the people quotation `i` calls by name ("Casimir, was he your first choice?", "Be honest, Casimir,
        …", "Let's all take a breath. Kayleigh, what …?"): whom the words are said to, so not who says them."""
        q = self.raws[i]
        found = set()
        for m in self.mentions:
            if m.label != "PERSON" or not q.start <= m.start_char < q.end:
                continue
            before = self.text[q.start : m.start_char].strip()
            after = self.text[m.end_char : m.end_char + 1]
            # at the opening of the words or of one of their sentences, or set off by commas
            if after in {",", "?", "!"} and (not before or before[-1] in ",.?!"):
                found.add(m.entity_id)
        return found

    def name_before_verb(self, verb: Token) -> Optional[Token]:
        """Return the last word of a person's name right before `verb` (adverbs aside) that the parser hung on a
        phrase set off before it instead of making it the verb's subject ("In an interview with Vogue, Jane Doe
        talked about …", "Vogue" + apposition "Jane Doe"); None when the verb has a subject or no name stands there."""
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return None
        j = verb.i - 1
        while j >= 0 and self.doc[j].pos_ == "ADV":
            j -= 1
        if j < 0 or self.doc[j].dep_ not in {"appos", "conj", "pobj"}:
            return None
        mention = self.mention_at(self.doc[j])
        start = self.doc.char_span(mention.start_char, mention.end_char) if mention is not None else None
        if mention is None or mention.label != "PERSON" or start is None or start.start == 0 \
                or self.doc[start.start - 1].text != ",":
            return None
        return self.doc[j]

    # -- the whole article --------------------------------------------------------------------------------

    def attribute(self, i: int) -> Attribution:
        found, framed = self.frame_attribution(i)
        if found is None and not framed:
            for rule in (self.continuation, self.forward, self.previous_sentence, self.subject_before):
                found = rule(i)
                if found is not None:
                    break
        if found is None:
            found = Attribution(UNRESOLVED, None, None, None, "unresolved")
        if found.speaker.name and not self.speaks(found.speaker):
            found = replace(found, speaker=replace(UNRESOLVED, text=found.speaker.text))
        self.results[i] = found
        if found.speaker.name or found.cue is not None and self.unnamed_person(found.speaker.text):
            # An unnamed source speaks too: "A friend of the actress told Us Weekly: '…' She added: '…'" is the
            # friend's, and stays unnamed, not the actress's.
            pos = found.cue.idx if found.cue is not None else self.raws[i].open
            self.events.append(Event(pos, found.speaker, True, True))
            self.events.sort(key=lambda e: e.pos)
        return found

    def unnamed_person(self, text: Optional[str]) -> bool:
        """True for a speaker written as an indefinite noun for a person ("a source", "A friend of the couple", "an
        insider", "A rep for the singer")."""
        words = (text or "").lower().split()
        if len(words) < 2 or words[0] not in {"a", "an", "one"}:
            return False
        noun = words[1] if len(words) == 2 else next((w for w in words[1:] if w in self._unnamed_nouns), words[-1])
        return noun in self._unnamed_nouns

    @property
    def _unnamed_nouns(self) -> frozenset:
        return self.lex.anonymous_roles | self.lex.public_nouns | self.lex.relational_roles \
            | (self.lex.org_roles - {"statement", "ruling"})

    def lead_report(self) -> Attribution:
        """Return who the article's first sentence says reports its news ("…, Women's Wear Daily reported Tuesday",
        "…, according to the Hollywood Reporter"): a headline's quoted words that the body never quotes paraphrase
        that report. Unresolved (no speaker) when the sentence cites no one ("it has been reported", "a court has
        heard") or holds a quotation of its own."""
        found = Attribution(UNRESOLVED, None, None, None, "headline-lead")
        start = self.text.find("\n")
        while 0 <= start < len(self.text) and self.text[start].isspace():
            start += 1
        if start <= 0 or start >= len(self.text):
            return found
        para_end = self.text.find("\n", start)
        end = sentence_end(self.text, start, para_end if para_end >= 0 else len(self.text))
        if any(start <= q.open < end for q in self.raws):
            return found
        cues = self.cues(start, end)
        if not cues:
            return found
        cue, written = cues[-1]
        subject = self.subject_of(cue, (start, end))
        speaker = self.resolve(subject, start) if subject is not None else UNRESOLVED
        if not speaker.name or speaker.method == "pronoun" or not self.speaks(speaker):
            return found
        return Attribution(replace(speaker, method="headline-lead", confidence=0.4), cue, written, None, "headline-lead")

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
        return self.text[self.sentence_of(span.start).start_char : self.sentence_of(span.end - 1).end_char].strip()


# Past forms of reply verbs that no suffix gives back ("shot back").
_IRREGULAR_REPLIES = {"shot": "shoot", "hit": "hit"}


def _according_to(token: Token) -> bool:
    """True for the name in "according to X" ("According to Ruben, the pair stopped speaking for a week"), also
    in apposition to the noun there ("according to her agent, Miles Fenwick")."""
    if token.dep_ == "appos":
        token = token.head
    to = token.head
    return token.dep_ == "pobj" and to.lower_ == "to" and to.head.lower_ == "according"


# A topic heading in an interview's write-up: a line "On <what the next words are about>:" before them.
_TOPIC_HEADING = re.compile(r"(?m)^On [^\n\"“”]{2,80}:[ \t]*$")


def _fronted_topic(span: Span) -> bool:
    """True for a name that a sentence opens with as its topic, "For X," or "As for X," ("For Oakes, the role came at
    exactly the right time"; "As for Reyes, she is exhausted")."""
    doc = span.doc
    start = span.sent.start
    opener = [t.lower_ for t in doc[start : span.start]]
    return opener in (["for"], ["as", "for"]) and span.end < len(doc) and doc[span.end].text == ","


def _object_of(pronoun: Token, verb: Token) -> bool:
    """True when `pronoun` is an object of `verb`, directly or after a preposition: the subject's own verb, so
    another person ("Patel praised her", "Lee spoke to him"); so is an object of a relative clause on the subject
    ("Okoro, who had starred alongside her in …"); a reflexive or possessive pronoun is the subject's."""
    if pronoun.dep_ in {"dobj", "dative"}:
        head = pronoun.head
    elif pronoun.dep_ == "pobj":
        head = pronoun.head.head
    else:
        return False
    return head == verb or head.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"who", "that"}
                                                         for c in head.children)


def _majority(votes: list[str]) -> Optional[str]:
    """Return the value most of `votes` give, or None when two values tie for most."""
    ranked = Counter(votes).most_common(2)
    if not ranked or len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _main_verb(verb: Token) -> bool:
    """True for the sentence's main verb or a verb coordinated with it."""
    return verb.dep_ == "ROOT" or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"


def _contact_clause_subject(noun: Token, name: Token) -> bool:
    """True when the name the parser hung on `noun` as an apposition is the subject of a relative clause without
    "that": "a former bartender Harlan met in Ohio", "a childhood friend Cole met at camp" (an indefinite noun, no
    comma, and a finite verb right after the name), not "her friend Cole said" or "a friend, Cole Ames, said"."""
    doc = noun.doc
    end = name.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) \
        and not any(t.text == "," for t in doc[noun.i + 1 : name.left_edge.i]) \
        and end < len(doc) and doc[end].tag_ in {"VBD", "VBZ", "VBP", "MD"}
