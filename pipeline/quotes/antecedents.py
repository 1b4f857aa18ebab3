"""Pronoun antecedents: who "she" is, and who asked the question a speaker answers."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Span, Token

from .attribution import GENDERED_PRONOUNS, PRONOUN_WINDOW_CHARS, UNRESOLVED, Event, Speaker, expletive_it
from .speaker_words import SUBJECT_PRONOUNS, OBJECT_PRONOUNS, MAX_PRONOUN_CHAIN, named_only, counts_children


class Antecedents:
    """Resolves pronouns to the person they take up and finds askers; mixed into `SpeakerResolution`."""

    def replies(self, subject: Token) -> bool:
        """True when the verb whose subject is `subject` answers someone ("replied", "shot back")."""
        verb = subject.head
        if subject.dep_ not in {"nsubj", "nsubjpass"} or verb.pos_ not in {"VERB", "AUX"}:
            return False
        lemma = verb.lemma_.lower()
        # the particle right after the verb, which the parser may call an adverb ("shot back")
        particle = next((c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"} and c.i == verb.i + 1), None)
        return lemma in self.lex.reply_verbs or f"{lemma} {particle}" in self.lex.reply_verbs

    def asker_before(self, pos: int, replying: bool = False) -> frozenset:
        """Return the entity id of the one who spoke the quote right before the quote at `pos` (in the same or the
        previous paragraph), as a set, when that quote asks a question or this one `replying` answers it; else an
        empty set."""
        before = [i for i, q in enumerate(self.raws) if q.close <= pos]
        if not before:
            return frozenset()
        i = before[-1]
        q, result = self.raws[i], self.results.get(i)
        current = next((r for r in self.raws if r.open == pos), None)
        if result is None or not result.speaker.entity_id or current is None or current.paragraph - q.paragraph > 1 \
                or not replying and not self.asks(q):
            return frozenset()
        return frozenset({result.speaker.entity_id})

    def asked_by_name(self, pos: int, gender: Optional[str], passed: frozenset) -> Optional[Speaker]:
        """Return the one person the question right before the quote at `pos` (same or previous paragraph) calls by
        name as it opens, when of no sex other than `gender` and not among `passed`; else None."""
        before = [i for i, q in enumerate(self.raws) if q.close <= pos]
        current = next((r for r in self.raws if r.open == pos), None)
        if not before or current is None:
            return None
        q = self.raws[before[-1]]
        if current.paragraph - q.paragraph > 1 or not self.asks(q):
            return None
        addressed = self.addressed_in(before[-1]) - passed
        if len(addressed) != 1:
            return None
        mention = next(m for m in self.mentions if m.entity_id in addressed)
        found = self._speaker_for_mention(mention, mention.text, "role-noun", 0.6)
        return found if found.kind == "person" and (gender is None or found.gender in (None, gender)) else None

    def reported_asker(self, pos: int) -> frozenset:
        """Return the entity id of the one who asks in the sentence before the quote at `pos`, as its main verb's
        subject ("Kemp asked the actor whether he would ever work with his wife again."), as a set; else an empty
        set. The parser may hang the asking verb, finite and after it, on a participle it took for the main verb
        ("Shah, visibly stunned, asked why …", "Lowe, clearly amused, asked …"): the root's subject asks then."""
        index = self.sentence_index(pos) - 1
        if index < 0:
            return frozenset()
        root = self.sentences[index].root
        verb = next((v for v in (root, *(c for c in root.children if c.dep_ in {"dep", "conj", "advcl"} and c.i > root.i
                                          and c.tag_ in {"VBD", "VBZ", "VBP"}))
                     if v.lemma_.lower() in self.lex.question_verbs), None)
        if verb is None or self.in_quote(verb.idx):
            return frozenset()
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) \
            or next((c for c in root.children if c.dep_ == "nsubj" and c.i < verb.i), None)
        asker = self.mention_at(subject) if subject is not None else None
        return frozenset({asker.entity_id}) if asker is not None and asker.label == "PERSON" else frozenset()

    def asks(self, q) -> bool:
        """True when the quoted words of `q` end with a question mark."""
        return self.text[q.start : q.close].rstrip(" '‘’\"“”").endswith("?")

    def sentence_opener_before(self, token: Token, gender: Optional[str], lemma: str) -> Optional[Speaker]:
        """Return the person whose name opens the sentence right before the role noun's, in the same paragraph, as
        its main subject: "Caleb, 36, kept it short. '…,' the reality star joked", "Vance, 23, was gracious in
        defeat. Writing on her website, the singer said" (a new description of the person just spoken of, whoever
        the article introduced with that role). Not when the sex or the kind of work disagrees, nor when the
        sentence opens with a tie ("Her mother, Rosa Diaz, was on set")."""
        index = self.sentence_index(token.idx)
        previous = index - 1
        while previous >= 0 and not any(t.is_alpha and not self.in_quote(t.idx) for t in self.sentences[previous]):
            previous -= 1  # a quotation of its own between them
        if previous < 0:
            return None
        sent = self.sentences[previous]
        if "\n" in self.text[sent.start_char : token.idx]:
            return None  # a new paragraph
        _, elsewhere = self.doing_work(lemma)
        for e in self.events:
            if e.pos != sent.start_char or not e.main_subject or e.speaker.kind != "person":
                continue
            if gender is not None and e.speaker.gender not in (None, gender) or e.speaker.entity_id in elsewhere:
                return None
            return e.speaker
        return None

    def resolve_voices(self, token: Token, pos: int) -> Speaker:
        """`Glastonbury organisers said`, `officials at the BBC said`, `organisers said`: the organisation named in
        or beside the phrase, else the one last named as a subject."""
        text = self.noun_phrase(token)
        for t in token.subtree:
            mention = self.mention_at(t) if t.i != token.i and not self.in_quote(t.idx) else None
            if mention is not None and mention.label == "ORG":
                return replace(self._speaker_for_mention(mention, text, "role-noun", 0.8), gender=None)
        found = self.antecedent(pos, None, "org", token.left_edge.idx)
        if found is None:
            return replace(UNRESOLVED, text=text)
        return replace(found, text=text, method="role-noun", confidence=0.5)

    def resolve_pronoun(self, token: Token, pos: int) -> Speaker:
        """`she added` → the nearest compatible person in subject position, else the last compatible speaker."""
        if expletive_it(token):
            return replace(UNRESOLVED, text=token.text)  # "It was reported that …": no one
        kind_or_gender = self.lex.pronouns[token.lower_]
        kind = "org" if kind_or_gender == "org" else "person"
        gender = None if kind == "org" else kind_or_gender
        answers = token.head.lemma_.lower() not in self.lex.question_verbs
        found = self.antecedent(pos, gender, kind, token.idx, answers=answers)
        if found is None:
            return replace(UNRESOLVED, text=token.text)
        return replace(found, text=token.text, method="pronoun", confidence=min(found.confidence, 0.8))

    def antecedent(self, pos: int, gender: Optional[str], kind: str, before: int, depth: int = 0,
                   exclude: frozenset = frozenset(), answers: bool = False) -> Optional[Speaker]:
        """Return the most likely referent of a pronoun or definite role noun at `before`.

        Sentences are searched from the nearest back; the first holding a compatible subject gives it (the main
        subject or a quote's speaker before any other subject), so a nearer subject beats a more prominent one
        further back. A sentence whose main subject is itself "he" or "she" of the same sex passes the search on to
        that pronoun's own referent ("She told the paper she would read it as soon as Meyer publishes it. '…,' she
        said": not Meyer). With no subject in reach, the nearest compatible name of any role is taken.

        When the pronoun `answers` (its verb is no asking), a sentence whose main verb asks someone of the same
        sex gives the one asked, not the asker ("Kimmel asked him whether he would return. '…,' he said").
        """
        limit = min(pos, before)

        def fits(e: Event, trust_census: bool = True) -> bool:
            if kind == "org":
                # not an outlet spoken to ("spoke to Variety ahead of the premiere. '…,' they said")
                return e.speaker.kind == "org" and e.speaker.gender is None and e.pos not in self.addressed_orgs
            if e.speaker.kind == "org" and e.speaker.gender is None:
                return False
            if not trust_census and e.speaker.entity_id in self.census_genders:
                return True
            return gender is None or e.speaker.gender in (None, gender)

        window = [e for e in self.events if limit - PRONOUN_WINDOW_CHARS <= e.pos < limit and fits(e)
                  and e.speaker.entity_id not in exclude and not self.declined(e)]
        if not window:
            # "Blake Lively … the actress said": a first name the list gives the other sex is no veto on its own.
            window = [e for e in self.events if limit - PRONOUN_WINDOW_CHARS <= e.pos < limit and fits(e, False)
                      and e.speaker.entity_id not in exclude and not self.declined(e)]
        roles = self.role_subjects(limit, gender) if kind == "person" and depth < MAX_PRONOUN_CHAIN else {}
        if not window and not roles:
            return None
        by_sentence: dict[int, list[Event]] = {}
        for e in window:
            by_sentence.setdefault(self.sentence_index(e.pos), []).append(e)
        for index in sorted(set(by_sentence) | set(roles), reverse=True):
            if index in roles and not any(e.main_subject for e in by_sentence.get(index, ())):
                # "The star has long been outspoken about body image. … '…,' she wrote": the role noun takes up a
                # person of the article, the one a pronoun after it refers to.
                found = self.role_subject_speaker(roles[index])
                if found.name and found.kind == "person" and found.entity_id not in exclude \
                        and (gender is None or found.gender in (None, gender)):
                    return found
                if index not in by_sentence:
                    continue
            if answers and gender is not None:
                asked = self.asked_in(index, gender, limit, by_sentence[index])
                if isinstance(asked, Speaker):
                    return asked
                if asked is not None and depth < MAX_PRONOUN_CHAIN:
                    askers = {e.speaker.entity_id for e in by_sentence[index] if e.is_subject}
                    return self.antecedent(pos, gender, kind, asked.idx, depth + 1, exclude | askers)
            found = [e for e in by_sentence[index] if e.main_subject or e.is_speaker]
            if gender is not None and depth < MAX_PRONOUN_CHAIN and len(found) == 1 and not found[0].is_speaker:
                owner = self.mourned_by(found[0], gender)
                if owner is not None:
                    # "His dad, Ray Hart, passed away last spring. '…,' he said": the son speaks, not the dead.
                    return self.antecedent(pos, gender, kind, owner.idx, depth + 1, exclude | {found[0].speaker.entity_id})
            if not found and gender is not None and depth < MAX_PRONOUN_CHAIN:
                pronoun = self.main_subject_pronoun(index, gender, limit)
                if pronoun is not None:
                    return self.antecedent(pos, gender, kind, pronoun.idx, depth + 1, exclude)
            found = found or [e for e in by_sentence[index] if e.is_subject]
            if found:
                return named_only(max(found, key=lambda e: e.pos).speaker)
        # Only role nouns that name no one fitting were in reach: none is the antecedent.
        return named_only(max(window, key=lambda e: e.pos).speaker) if window else None

    def role_subjects(self, limit: int, gender: Optional[str]) -> dict[int, Token]:
        """Return {sentence index: its main subject} for the sentences within a pronoun's reach before `limit` whose
        main subject, outside quotations, is a person's role noun after "the" ("The star has long been outspoken",
        "The Emmy nominee is heading to the stage") of no sex other than `gender`."""
        first = self.sentence_index(max(0, limit - PRONOUN_WINDOW_CHARS))
        found = {}
        for index in range(self.sentence_index(limit), first - 1, -1):
            subject = self.role_subject(self.sentences[index], limit)
            if subject is not None and (gender is None or self.lex.gender.get(subject.lemma_.lower()) in (None, gender)):
                found[index] = subject
        return found

    def role_subject_speaker(self, role: Token) -> Speaker:
        """The person a role-noun subject refers to where it stands (resolved once per article)."""
        found = self._role_subject_speakers.get(role.i)
        if found is None:
            found = self._role_subject_speakers[role.i] = self.resolve_role(role, role.idx)
        return found

    def role_subject(self, sent: Span, limit: int) -> Optional[Token]:
        """Return the main subject of `sent` before `limit` and outside quotations when it is a person's role noun
        after "the", or a parent described by their children ("The mother-of-two said …"); else None."""
        for verb in (sent.root, *(c for c in sent.root.children if c.dep_ == "conj")):
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subject is None or subject.idx >= limit or self.in_quote(subject.idx):
                continue
            lemma = subject.lemma_.lower()
            # (a lower-case noun the tagger took for a name is a noun: "the heartthrob grinned")
            if (subject.pos_ == "NOUN" and subject.tag_ == "NN" or subject.is_lower and subject.tag_ == "NNP") \
                    and lemma in self.lex.person_roles \
                    and (lemma not in self.lex.relational_roles or counts_children(subject)) and self.definite(subject):
                return subject
        return None

    def mourned_by(self, event: Event, gender: str) -> Optional[Token]:
        """Return the possessive "his"/"her" of `gender` when the event's person is introduced by a tie to its owner
        in a sentence saying the person died ("His dad, Ray Hart, passed away", "Her former coach, Ruth Elden, died
        in 2021"); else None."""
        span = next((span for m, span in self.mention_spans if m.start_char == event.pos), None)
        if span is None or span.root.dep_ != "appos":
            return None
        tie = span.root.head
        owner = next((c for c in tie.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}
                      and GENDERED_PRONOUNS.get(c.lower_) == gender), None)
        verb = tie.head
        died = tie.dep_ in {"nsubj", "nsubjpass"} and (verb.lemma_.lower() == "die" or verb.lemma_.lower() == "pass"
                                                       and any(c.lower_ in {"away", "on"} for c in verb.children))
        return owner if died else None

    def asked_in(self, index: int, gender: str, limit: int, events: list[Event]):
        """Return whom the main verb of sentence `index` asks, when it is someone of `gender`: the object's
        Speaker when a name ("asked Affleck") or the person a "whether" clause asks about ("Kimmel asked whether
        Affleck would return"), the pronoun token when "him" or "her", else None."""
        sent = self.sentences[index]
        # also an asking clause before a main one whose subject is no name: "When Ellen asked him …, he did not
        # hesitate" (with a name, "…, Fisk laughed", that name is the sentence's main subject)
        named_main = any(e.main_subject for e in events)
        for verb in (sent.root, *(c for c in sent.root.children if c.dep_ == "conj"
                                  or c.dep_ == "advcl" and c.i < sent.root.i and not named_main)):
            if verb.lemma_.lower() not in self.lex.question_verbs or verb.idx >= limit or self.in_quote(verb.idx):
                continue
            for child in verb.children:
                if child.dep_ == "ccomp" and child.idx < limit and any(
                        c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in child.children):
                    subject = next((c for c in child.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
                    named = [e for e in events if subject is not None and subject.left_edge.idx <= e.pos <= subject.idx]
                    if named and named[-1].speaker.gender in (None, gender) and named[-1].speaker.kind == "person":
                        return named[-1].speaker
                if child.dep_ not in {"dobj", "dative"} or child.idx >= limit:
                    continue
                if OBJECT_PRONOUNS.get(child.lower_) == gender:
                    return child
                named = [e for e in events if child.left_edge.idx <= e.pos <= child.idx and not e.is_subject]
                if named and named[-1].speaker.gender in (None, gender) and named[-1].speaker.kind == "person":
                    return named[-1].speaker
        return None

    def main_subject_pronoun(self, index: int, gender: str, limit: int) -> Optional[Token]:
        """Return the "he" or "she" of `gender` that is the main subject of sentence `index`, before `limit` and
        outside quotations, or None."""
        sent = self.sentences[index]
        for verb in (sent.root, *(c for c in sent.root.children if c.dep_ == "conj")):
            for child in verb.children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.idx < limit and not self.in_quote(child.idx) \
                        and SUBJECT_PRONOUNS.get(child.lower_) == gender:
                    return child
        return None
