"""Organisations and writers: who issued a statement, posted a message, wrote a letter, or speaks for a company."""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from .attribution import GENDERED_PRONOUNS, PRONOUN_WINDOW_CHARS, UNRESOLVED, Speaker
from .speaker_words import MAKING_KINDS


class Makers:
    """Finds the makers of statements and posts and the organisations a subject refers to; mixed into
    `SpeakerResolution`."""

    def writer_of(self, token: Token, pos: int) -> Speaker:
        """`X held a sign that read "…"`: the words on a sign, banner or caption are its holder's or writer's."""
        text = self.noun_phrase(token)
        # '"…," the caption read': the tagger may read "caption read" as one noun, whose determiners hang on "read".
        phrase = token.head if token.dep_ == "compound" and self.read_after_writing(token.head) else token
        owner = next((c for c in phrase.children if c.dep_ == "poss"), None) or self.poster(phrase)
        if owner is not None:
            # "Her post read", "Smith's caption reads", "a message on the actress's website said": the owner wrote it.
            if owner.lower_ in GENDERED_PRONOUNS:
                found = self.antecedent(pos, GENDERED_PRONOUNS[owner.lower_], "person", owner.idx) or UNRESOLVED
            else:
                found = self.resolve(owner, pos, depth=1)
            return replace(found, text=text, method="role-noun", confidence=min(found.confidence, 0.6)) \
                if found.name else replace(UNRESOLVED, text=text)
        if phrase is not token:
            found = self.antecedent(pos, None, "person", token.left_edge.idx, exclude=self.tied_only()) \
                or self.antecedent(pos, None, "org", token.left_edge.idx)
            return replace(found, text=text, method="role-noun", confidence=min(found.confidence, 0.5)) \
                if found is not None else replace(UNRESOLVED, text=text)
        verb = token.head if token.dep_ in {"dobj", "pobj", "attr"} else None
        if verb is not None and verb.dep_ == "prep":
            verb = verb.head
        holder = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if holder is None or holder.i == token.i:
            return self.author_before(token, pos, text)
        found = self.resolve(holder, pos, depth=1)
        return replace(found, text=text, method="role-noun", confidence=min(found.confidence, 0.6)) if found.name else replace(UNRESOLVED, text=text)

    def poster(self, token: Token) -> Optional[Token]:
        """Return the owner of the place a written thing was put up on ("a statement on the band's website", "a post
        on Ridley's official page": the band, Ridley), or None."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "on":
                place = next((c for c in prep.children if c.dep_ == "pobj"
                              and c.lemma_.lower() in self.lex.posting_places), None)
                owner = next((c for c in place.children if c.dep_ == "poss"), None) if place is not None else None
                if owner is not None:
                    return owner
        return None

    def issuer_of(self, token: Token):
        """Return the organisation's mention that the article names as issuing the thing `token` refers back to
        ("The autopsy report released by the Travis County Medical Examiner's Office … 'the report said'", "the
        coroner's office's report", "The office released its report"): the nearest earlier mention of the same
        noun outside quotations whose phrase or verb names an organisation; None when none does."""
        lemma = token.lemma_.lower()
        for earlier in reversed(self.doc[: token.i]):
            if earlier.lemma_.lower() != lemma or self.in_quote(earlier.idx):
                continue
            clauses = {c.i for r in earlier.children if r.dep_ == "relcl" for c in r.subtree}
            near = [c for c in earlier.subtree if c.i != earlier.i and c.i not in clauses]
            if earlier.dep_ in {"dobj", "nsubjpass"}:
                near += [c for c in earlier.head.children if c.dep_ in {"nsubj", "agent"}]
            for t in near:
                for x in (t, *(a for a in t.children if a.dep_ == "pobj")):
                    mention = self.mention_at(x)
                    if mention is not None and mention.label == "ORG" and not self.in_quote(x.idx) \
                            and mention.text not in self.lex.platforms:
                        return mention
        return None

    def author_before(self, token: Token, pos: int, text: str) -> Speaker:
        """`X confirmed the split in a post on Instagram. "…," the statement read`: a written thing the sentence
        names no holder of is the one the nearest subject before it posted or issued (a person, else an
        organisation); a thing with an owner or a maker of its own ("a statement from Sony") is read elsewhere."""
        if not self.definite(token) and token.dep_ != "pobj" \
                and not any(c.dep_ == "det" and c.lower_ in {"which", "that"} for c in token.children):
            return replace(UNRESOLVED, text=text)
        introduced = self.introduced(token)
        if introduced is not None:
            maker = self.maker_of(introduced, pos)
            if maker is not None:
                return replace(maker, text=text, method="role-noun", confidence=min(maker.confidence, 0.6)) \
                    if maker.name else replace(UNRESOLVED, text=text)
        found = self.subject_issuing(token, pos) \
            or self.antecedent(pos, None, "person", token.left_edge.idx, exclude=self.tied_only()) \
            or self.antecedent(pos, None, "org", token.left_edge.idx)
        if found is None:
            return replace(UNRESOLVED, text=text)
        return replace(found, text=text, method="role-noun", confidence=min(found.confidence, 0.5))

    def subject_issuing(self, token: Token, pos: int) -> Optional[Speaker]:
        """The subject of the verb a written thing is the means of ("Pryce, who managed the star, fired back in a
        lengthy statement posted to his page": Pryce, even if the article first named him by a tie, "his former
        manager, Darnell Pryce"); None when no named subject does that."""
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in {"VERB", "AUX"} or token.head.dep_ != "prep":
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in self.lex.pronouns or self.mention_at(subject) is None:
            return None
        found = self.resolve(subject, pos, depth=1)
        return found if found.name and self.speaks(found) else None

    def introduced(self, token: Token) -> Optional[Token]:
        """Return where the article first wrote the thing "the statement" takes up: the nearest earlier use of the
        same noun outside quotations, in the same or the previous paragraph; else None."""
        lemma = token.lemma_.lower()
        own = self.text.rfind("\n", 0, token.idx)  # the break before its paragraph, -1 in the first
        floor = max(self.text.rfind("\n", 0, own - 1), 0) if own > 0 else 0
        for earlier in reversed(self.doc[: self.sentence_of(token.i).start]):
            if earlier.idx < floor:
                return None
            if earlier.lemma_.lower() == lemma and earlier.pos_ == "NOUN" and not self.in_quote(earlier.idx):
                return earlier
        return None

    def maker_of(self, thing: Token, pos: int) -> Optional[Speaker]:
        """Return who made the written thing `thing` as the article introduced it: "a statement from the Brightwater
        Foundation", "a statement released by Sony", "Sony's statement", "Sony issued a statement", "X said in a
        statement"; a maker no single name gives ("a joint statement", "released by the couple's representatives",
        "The couple … in a statement") is UNRESOLVED; None when the article names no maker at all."""
        if any(c.dep_ == "amod" and c.lower_ == "joint" for c in thing.children):
            return UNRESOLVED
        makers = [a for c in thing.children if c.dep_ in {"prep", "acl"}
                  for p in ([c] if c.dep_ == "prep" else [x for x in c.children if x.dep_ == "agent"])
                  if p.lower_ in {"from", "by"} for a in p.children if a.dep_ == "pobj"]
        makers += [c for c in thing.children if c.dep_ == "poss" and c.pos_ in {"PROPN", "NOUN"}]
        verb = thing.head.head if thing.dep_ == "pobj" and thing.head.dep_ == "prep" else thing.head
        if not makers and thing.dep_ in {"dobj", "pobj"} and verb.pos_ in {"VERB", "AUX"}:
            makers = [c for c in verb.children if c.dep_ == "nsubj"]
            if makers and (owner := self.read_for(verb, self.resolve(makers[0], pos, depth=1))) is not None:
                return owner  # "Her lawyer read a statement on her behalf. '…,' the statement said": hers
        if not makers:
            return None
        if makers[0].lower_ in GENDERED_PRONOUNS:  # "a letter from her", "his statement"
            return self.possessor(makers[0]) or UNRESOLVED
        return self.resolve(makers[0], pos, depth=1)

    def read_for(self, cue: Token, reader: Speaker) -> Optional[Speaker]:
        """Return whose words a reader reads out: "Mirren read out his acceptance speech", "His lawyer read a
        statement on his behalf", "read a message from her", "read out Hale's letter" give the speech's, statement's
        or message's owner, never the reader; None when `cue` reads nothing owned by someone else."""
        if cue.lemma_.lower() != "read" or cue.pos_ != "VERB":
            return None
        thing = next((c for c in cue.children if c.dep_ == "dobj" and c.lemma_.lower() in self.lex.read_out_things), None)
        if thing is None:
            return None
        # "Cole read his speech": his own, unless the reader is of the other sex ("Mirren read out his speech").
        owners = [c for c in thing.children if c.dep_ == "poss" and not (
            c.lower_ in GENDERED_PRONOUNS and reader.gender in (None, GENDERED_PRONOUNS[c.lower_]))]
        owners += [a for p in list(thing.children) + list(cue.children) if p.dep_ == "prep" and p.lower_ == "from"
                   for a in p.children if a.dep_ == "pobj"]  # "a message from her", or "read out a message from her"
        for behalf in (b for p in list(cue.children) + list(thing.children) if p.dep_ == "prep" and p.lower_ == "on"
                       for b in p.subtree if b.lower_ == "behalf"):  # ("on her behalf outside court": under "court")
            owners += [c for c in behalf.children if c.dep_ == "poss"]  # "on her behalf"
            owners += [a for p in behalf.children if p.dep_ == "prep" and p.lower_ == "of"
                       for a in p.children if a.dep_ == "pobj"]  # "on behalf of the singer"
        if not owners:
            return None
        owner = owners[0]
        skip = frozenset({reader.entity_id}) if reader.entity_id else frozenset()
        if owner.lower_ in GENDERED_PRONOUNS:
            found = self.possessor(owner, exclude=skip)
        else:
            found = self.resolve(owner, owner.idx, depth=1)
        if found is None or not found.name or found.entity_id is not None and found.entity_id in skip:
            return None
        method = "pronoun" if owner.lower_ in GENDERED_PRONOUNS else found.method
        return replace(found, text=self.noun_phrase(thing), method=method, confidence=min(found.confidence, 0.7))

    def doing_work(self, lemma: str) -> tuple[set[str], set[str]]:
        """Return the ids of the people the article says do work the role noun allows (`role_kinds`), and of those
        it says do only other work ("the actress" and the one who "directed" the film); both empty for a role noun
        naming no kind of work."""
        allowed = set(self.lex.role_kinds.get(lemma, ()))
        if not allowed:
            return set(), set()
        fitting = {eid for eid, kinds in self.work_kinds.items() if kinds & allowed}
        return fitting, set(self.work_kinds) - fitting

    def _organisation_at(self, token: Token) -> bool:
        mention = self.mention_at(token)
        return mention is not None and mention.label == "ORG"

    def making(self, lemma: str) -> set[str]:
        """Return the ids of the people the article credits with the making a maker's noun names ("the director":
        those it says directed); empty for a noun of performing ("the actress", "the singer", "the host")."""
        kinds = self.lex.role_kinds.get(lemma, ())
        if not kinds or kinds[0] not in MAKING_KINDS:
            return set()
        return {eid for eid, done in self.work_kinds.items() if kinds[0] in done}

    @property
    def addressed_orgs(self) -> frozenset:
        """The offsets of the organisations' mentions a speaker talks to ("told TMZ", "spoke to Variety")."""
        if self._addressed_orgs is None:
            self._addressed_orgs = frozenset(m.start_char for m, _ in self.mention_spans
                                             if m.label != "PERSON" and self._addressed(m))
        return self._addressed_orgs

    def person_ids(self) -> set[str]:
        return {eid for eid, entity in self.entities.items() if entity.label == "PERSON"}

    def tied_only(self) -> frozenset:
        """Return the ids of the people the article introduces only by a tie to someone else ("Vasquez's mother,
        Rosa,"); a spokesman's link ties no one, and a role of their own ("Rock star Ozzy Osbourne") unties."""
        tied = {s.entity_id for _, role, s in self.role_links
                if role in self.lex.relational_roles and role not in self.lex.org_roles}
        known = {s.entity_id for _, role, s in self.role_links if role not in self.lex.relational_roles}
        return frozenset(eid for eid in tied - known if eid)

    def _org_spoken_before(self, pos: int):
        """Return the last event before `pos`, within the pronoun window, of an organisation as a reporting verb's
        subject ("Sky said …"), or None."""
        return next((e for e in reversed(self.events) if e.cue_subject and e.speaker.kind == "org"
                     and pos - PRONOUN_WINDOW_CHARS < e.pos < pos), None)

    def _org_spoke_just_before(self, token: Token):
        """Return the organisation (a Speaker) that is a reporting verb's subject in the sentence before `token`'s, in
        the same paragraph (the last such), or None."""
        index = self.sentence_index(token.idx)
        if index == 0:
            return None
        before = self.sentences[index - 1]
        if "\n" in self.text[before.start_char : token.idx]:
            return None
        spoke = [(e.pos, e.speaker) for e in self.events if e.cue_subject and e.speaker.kind == "org"
                 and before.start_char <= e.pos < before.end_char and not self.in_quote(e.pos)]
        # "…, Flint Television, which said it was disappointed": the subject of a reporting relative clause.
        spoke += [(m.start_char, self._speaker_for_mention(m, m.text, "role-noun", 0.7))
                  for m, span in self.mention_spans
                  if m.label == "ORG" and before.start_char <= m.start_char < before.end_char
                  and not self.in_quote(m.start_char) and any(
                      c.dep_ == "relcl" and c.lemma_.lower() in self.lex.verbs
                      and any(g.dep_ == "nsubj" and g.lower_ in {"which", "that", "who"} for g in c.children)
                      for c in span.root.children)]
        return max(spoke, key=lambda found: found[0])[1] if spoke else None

    def organisation_referred(self, token: Token, lemma: str) -> list:
        """`the magazine reported`, `said the station`: the organisation the article introduced with that noun
        ("US magazine Rolling Stone", "the Broadcast magazine survey"), else the one it named most often shortly
        before (the nearest of those tied), outside quotations."""
        start = token.left_edge.idx
        # "A rep for the network told People" after "premieres on E!" and "posted on Instagram": the network is E!.
        platforms = self.lex.platforms if lemma in self.lex.not_platform_nouns else frozenset()
        named = [m for m in self.mentions if m.start_char < start and m.label == "ORG" and not self.in_quote(m.start_char)
                 and m.text not in platforms]
        introduced = [m for m in named if self._introduced_with(m, lemma)]
        if introduced:
            return introduced[-1:]
        # The press is named where people talk to it ("according to TMZ", "told Billboard"); another organisation is
        # not the one spoken to.
        press = lemma in self.lex.press_nouns
        near = [m for m in named if m.start_char >= start - PRONOUN_WINDOW_CHARS and (press or not self._addressed(m))]
        counts = Counter(m.entity_id for m in near)
        return [max(near, key=lambda m: (counts[m.entity_id], m.start_char))] if near else []

    def _addressed(self, mention) -> bool:
        """True for an organisation a speaker talks to ("told TMZ", "in a statement to Billboard"), which is the
        outlet, not the one whose spokesman speaks later, or one that only modifies a noun ("an Instagram post")."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        root = span.root
        return root.dep_ == "dobj" and root.head.lemma_.lower() in {"tell", "ask"} \
            or root.dep_ == "pobj" and root.head.lower_ == "to" or root.dep_ == "compound"

    def _introduced_with(self, mention, lemma: str) -> bool:
        """True when `lemma` stands right before the mention (one word may come between: "US magazine Rolling
        Stone") or right after it ("Broadcast magazine")."""
        span = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        before = [t.lemma_.lower() for t in self.doc[max(0, span.start - 2) : span.start]]
        after = self.doc[span.end].lemma_.lower() if span.end < len(self.doc) else ""
        return lemma in before or after == lemma
