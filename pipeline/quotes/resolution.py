"""Speaker resolution: what a cue's subject refers to (a name, a pronoun, a role noun, a sign's holder)."""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import cached_property
from typing import Optional

from spacy.tokens import Span, Token

from .attribution import AGE, GENDERED_PRONOUNS, PRONOUN_WINDOW_CHARS, SPEAKER_LABELS, UNRESOLVED, Event, Speaker, expletive_it

SUBJECT_PRONOUNS = {word: GENDERED_PRONOUNS[word] for word in ("he", "she")}
# A sentence saying its subject did not comment ("was not available for comment", "declined to comment").
_NO_COMMENT = re.compile(
    r"\b(?:declin|refus)\w* to comment\b|\b(?:not |un)available (?:for|to) comment|\bcould not be reached\b"
    r"|\bdid not (?:immediately )?(?:respond|reply) to (?:a |our |requests? )|\bha[sd] (?:not|yet to) (?:yet )?comment"
    r"|\b(?:did|would) not comment\b|\bmade no comment\b", re.IGNORECASE)
OBJECT_PRONOUNS = {"him": "m", "her": "f"}
# The endings of nouns for what a person does ("momager", "stylist", "YouTuber", "comedian").
AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|eer|eur|ess)$")
_WORD_AT = re.compile(r"[\w-]+")
AGE_NUMBER = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b", re.IGNORECASE)
# An age given beside a name: "Kim Tran, 30," or "Kim Tran (30)"; and before it: "30-year-old Kim Tran".
_AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,|\s*\((\d{1,3})\)")
_AGE_BEFORE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\s+$", re.IGNORECASE)
# The kinds of work (`role_kinds`) that make a work rather than perform in it: "the director" is whoever directed.
MAKING_KINDS = frozenset({"directing", "writing", "producing", "creating"})
MAX_PRONOUN_CHAIN = 3  # "she … She … she said": how many pronouns a referent is followed back through


# Lower-case words inside a title ("Game of Thrones", "Keeping Up With the Kardashians").
TITLE_SMALL_WORDS = frozenset({"of", "and", "the", "a", "an", "in", "on", "at", "to", "for", "with", "from", "up"})

# Words that pick one of several people by the ages the article gave them ("the older woman", "the younger Lund").
_AGE_COMPARED = {"older": max, "elder": max, "oldest": max, "eldest": max, "younger": min, "youngest": min}


class SpeakerResolution:
    """Resolves a subject token to a speaker among the article's entities; mixed into `Article`."""
    def name_span(self, token: Token) -> Span:
        """Return the proper-name span around `token` (its compound/flat proper nouns and honorific, and the other
        half of a hyphenated surname: "Touchard-Mensah says")."""
        left = right = token.i
        sent = self.sentence_of(token.i)
        doc = self.doc
        while left > sent.start:
            if left - 1 > sent.start and _joins(doc, left - 1):
                left -= 2
            elif doc[left - 1].pos_ == "PROPN":
                left -= 1
            else:
                break
        while right + 1 < sent.end:
            if right + 2 < sent.end and _joins(doc, right + 1):
                right += 2
            elif doc[right + 1].pos_ == "PROPN":
                right += 1
            else:
                break
        return doc[left : right + 1]

    def styled(self, token: Token) -> bool:
        """True when a title word is part of a person's name written in full ("The Duke of Sussex said")."""
        mention = self.mention_at(token)
        if mention is None or mention.label != "PERSON":
            return False
        return any(w.lower() not in ("the", token.lower_) for w in mention.text.split())

    def resolve(self, token: Token, pos: int, depth: int = 0) -> Speaker:
        """Return the speaker `token` (a cue's subject) refers to."""
        last = hyphen_last(token)
        if last is not token and self.role_word(last) and not self.role_word(token):
            # "the co-host said", "the ex-husband said": spaCy splits the word and makes its first part the subject
            # ("the mother-of-two said" is the mother's).
            token = last
        lower = token.lower_
        if lower in self.lex.pronouns:
            return self.resolve_pronoun(token, pos)
        if token.dep_ == "poss" and lower in GENDERED_PRONOUNS:
            # "Her response?": the words of the one "her" refers to
            found = self.possessor(token)
            return replace(found, text=token.text, method="pronoun", confidence=min(found.confidence, 0.7)) \
                if found is not None else replace(UNRESOLVED, text=token.text)
        if self.demonym(token):
            return self.resolve_role(token, pos)  # "the New Zealander said", whatever NER made of the words
        compared = self.age_compared(token)
        if compared is not None:
            return compared  # "the older woman said", "the younger Lund said": of two people whose ages were given
        if self.introduced_unnamed(token):
            return replace(UNRESOLVED, text=self.noun_phrase(token))
        if token.lower_ in self.lex.person_roles and not self.styled(token) and (
                any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                or token.i > 0 and self.doc[token.i - 1].lower_ == "the"):  # ("the mum-of-two recalled")
            return self.resolve_role(token, pos)  # "the Duchess said": a title, not a name
        mention = self.mention_at(token)
        role = self.role_after(mention) if mention is not None and depth == 0 else None
        if mention is None and depth == 0 and token.text[:1].isupper():
            # "the Keeping Up With the Kardashians star said", "the Guardians of the Galaxy actor joked": a show's
            # name no entity covers, the parser's subject one of its words.
            found = self.role_after_run(token)
            if found is not None:
                start, role = found
                text = self.text[start.idx : role.idx + len(role.text)]
                previous = self.antecedent(pos, self.lex.gender.get(role.lemma_.lower()), "person", start.idx)
                if previous is not None:
                    return replace(previous, text=text, method="role-noun", confidence=0.5)
                return replace(UNRESOLVED, text=text)
        if role is not None:
            # "The Real Housewives of Atlanta star said", "the Game of Thrones actress told": the name describes the
            # role (a show, a team), whatever the model labelled it; the role noun is who speaks.
            named = self.mention_at(role.nbor(1)) if role.i + 1 < len(self.doc) else None
            if named is not None and named.label == "PERSON" and named.start_char == role.nbor(1).idx:
                return self._speaker_for_mention(named, self.text[mention.start_char : named.end_char], "role-noun", 0.85)
            text = self.text[mention.start_char : role.idx + len(role.text)]
            previous = self.antecedent(pos, self.lex.gender.get(role.lemma_.lower()), "person", mention.start_char)
            if previous is not None:
                return replace(previous, text=text, method="role-noun", confidence=0.5)
            return replace(UNRESOLVED, text=text)
        if mention is not None and (mention.label != "WORK_OF_ART" or token.pos_ == "PROPN"):
            name = self.name_span(token)
            written = self.text[min(mention.start_char, name.start_char) : max(mention.end_char, name.end_char)]
            return self._speaker_for_mention(mention, written, "explicit", 0.95)
        # "Chairman of the judges, critic Bernard Lusk, said": a role opening the sentence is tagged a proper noun.
        opening_role = token.is_sent_start and token.lower_ in self.lex.person_roles
        if token.pos_ == "PROPN" and token.text[:1].isupper() and not opening_role:
            return self.bare_name(token)  # (a lower-case "rep" tagged PROPN is a noun)
        lemma = token.lemma_.lower()
        if token.pos_ == "NOUN" or opening_role:
            # "her top aide Huma Abedin said": a role noun, listed or not, is the person named beside it.
            for child in token.children:
                mention = self.mention_at(child) if child.dep_ in {"appos", "compound"} and child.pos_ == "PROPN" else None
                if mention is not None and mention.label == "PERSON":
                    found = self._speaker_for_mention(mention, self.noun_phrase(token), "role-noun", 0.85)
                    return replace(found, text=self.doc[token.left_edge.i : child.right_edge.i + 1].text
                                   if child.i > token.i else self.noun_phrase(token))
            named = self.named_after_roles(token)
            if named is not None:
                return named
        if lemma in self.lex.issued_objects and depth == 0 and self.definite(token):
            issuer = self.issuer_of(token)
            if issuer is not None:
                return replace(self._speaker_for_mention(issuer, self.noun_phrase(token), "role-noun", 0.6), gender=None)
        if lemma in self.lex.written_objects and lemma not in self.lex.org_roles and depth == 0:
            return self.writer_of(token, pos)
        if lemma in self.lex.org_voices and token.tag_ == "NNS":
            return self.resolve_voices(token, pos)
        if lemma in self.lex.org_roles or lemma in self.lex.person_roles or lemma in self.lex.org_nouns \
                or lemma in self.lex.anonymous_roles or lemma in self.lex.group_nouns \
                or lemma in self.lex.public_nouns and token.tag_ == "NN":
            return self.resolve_role(token, pos)
        if (token.pos_ in {"NOUN", "ADJ"} or token.is_lower) and (self.aged(token) or self.agent_noun(token)):
            # "the 41-year-old chart-topper said": an age makes any definite noun a person named before, the one
            # the article gave that age if only one ("Kim Tran, 30, and her mother Linh Tran, 58, …").
            phrase = self.noun_phrase(token)
            aged = self.person_aged(phrase, token.left_edge.idx)
            if aged is not None:
                return replace(aged, text=phrase, method="role-noun", confidence=0.6)
            if self.replies(token) and not self.aged(token):
                # '"Jake, do you still stand by that?" he asked. "…," the personal trainer replied': a doer's
                # noun that replies is read as a role noun is, never the asker
                found = self.resolve_role(token, pos)
                if found.name:
                    return found
            previous = self.antecedent(pos, self.lex.gender.get(lemma), "person", token.left_edge.idx,
                                       exclude=self.aged_otherwise(phrase, token.left_edge.idx))
            if previous is not None:
                return replace(previous, text=self.noun_phrase(token), method="role-noun", confidence=0.5)
        if depth == 0:
            for child in token.children:
                if child.dep_ in {"poss", "compound"} and child.pos_ in {"PROPN", "NOUN"}:
                    owner = self.resolve(child, pos, depth + 1)
                    # "Sony's statement" speaks for Sony; "Lee's doctor" is not Lee.
                    if owner.name and owner.kind == "org":
                        return replace(owner, text=self.noun_phrase(token), method="role-noun", confidence=0.6)
        return replace(UNRESOLVED, text=self.noun_phrase(token))

    def role_word(self, token: Token) -> bool:
        lemma = token.lemma_.lower()
        return lemma in self.lex.person_roles or lemma in self.lex.relational_roles or lemma in self.lex.org_roles

    def definite(self, token: Token) -> bool:
        """True for "the star", and for a role noun a name describes under one "the" ("the Game of Thrones actress",
        "The Grey's Anatomy star"), which the parser often hangs on the name instead."""
        first = hyphen_first(token)
        if any(c.dep_ == "det" and c.lower_ == "the" for c in (*token.children, *first.children)):
            return True
        if first.i > 0 and self.doc[first.i - 1].lower_ == "the":
            return True  # "the mum-of-two recalled", where the parser hung "the" on the verb it took for a noun
        left = token.left_edge
        between = self.doc[left.i + 1 : token.i]
        return left.lower_ == "the" and len(between) > 0 and any(t.text[:1].isupper() for t in between) \
            and all(t.text[:1].isupper() or t.lower_ in TITLE_SMALL_WORDS or t.text in {"'s", "’s", "&"} for t in between)

    def role_after_run(self, token: Token) -> Optional[tuple[Token, Token]]:
        """Return ("the", role noun) around a capitalised `token` inside "the <title-case words> <role noun>", or
        None. The words between may hold a title's small words ("of the", "Up With the")."""
        doc, sent = self.doc, self.sentence_of(token.i)
        left = token.i
        while left > sent.start and left > token.i - 8 and (doc[left - 1].text[:1].isupper() and doc[left - 1].lower_ != "the"
                                                         or doc[left - 1].lower_ in TITLE_SMALL_WORDS - {"the"}):
            left -= 1
        if left == sent.start or doc[left - 1].lower_ != "the":
            return None
        right = token.i + 1
        while right < sent.end and right < token.i + 8 and (doc[right].text[:1].isupper()
                                                          or doc[right].lower_ in TITLE_SMALL_WORDS):
            right += 1
        if right >= sent.end:
            return None
        role = doc[right]
        if role.is_lower and role.lemma_.lower() in self.lex.person_roles and role.tag_ == "NN" \
                and doc[right - 1].text[:1].isupper():
            return doc[left - 1], role
        return None

    def role_after(self, mention) -> Optional[Token]:
        """Return the person-role noun right after a mention written with "the" ("The Vampire Diaries actress",
        "the Grey's Anatomy star"), or None."""
        start = self.doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if start is None or len(start) == 0:
            return None
        first, end = start[0], start.end
        if first.lower_ != "the" and not (first.i > 0 and self.doc[first.i - 1].lower_ == "the"):
            return None
        # the rest of a title the model cut short ("The Real Housewives" + "of Atlanta")
        limit = min(len(self.doc), end + 6)
        while end < limit and (self.doc[end].text[:1].isupper() or self.doc[end].lower_ in TITLE_SMALL_WORDS
                               or self.doc[end].text in {"'s", "’s", "&", ":"}):
            end += 1
        if end >= len(self.doc):
            return None
        role = self.doc[end]
        return role if role.is_lower and role.lemma_.lower() in self.lex.person_roles and role.tag_ == "NN" else None

    def named_after_roles(self, token: Token) -> Optional[Speaker]:
        """`festival founder and director Margaret Olson said`: a role noun without an article, followed by more
        lower-case role words and then a person's name that ends the subject, is that person."""
        if any(c.dep_ == "det" for c in token.children):
            return None  # "the director and Margaret Olson said" are two people
        i = token.i + 1
        while i < len(self.doc) and self.doc[i].is_lower and self.doc[i].is_alpha \
                and (self.doc[i].lower_ in {"and", "of"} or self.doc[i].pos_ in {"NOUN", "ADJ", "VERB"}):
            i += 1
        if i == token.i + 1 or i >= len(self.doc):
            return None
        mention = self.mention_at(self.doc[i])
        if mention is None or mention.label != "PERSON" or mention.start_char != self.doc[i].idx \
                or not token.right_edge.idx < mention.end_char <= token.right_edge.idx + len(token.right_edge.text):
            return None
        found = self._speaker_for_mention(mention, self.text[token.left_edge.idx : mention.end_char], "role-noun", 0.85)
        return found

    def demonym(self, token: Token) -> bool:
        """True for "the Australian", "the New Zealander", "the 45-year-old Scot": a person of a nation, named before."""
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        words = [t.lower_ for t in token.children if t.dep_ == "compound" and t.i < token.i] + [token.lower_]
        return " ".join(words) in self.lex.demonyms

    def introduced_unnamed(self, token: Token) -> bool:
        """True for "the photographer" after "a photographer asked him …": a definite person's noun that takes up
        someone the article brought in with "a" and never named, whom no one was introduced as since."""
        if not token.is_lower or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return False
        lemma = token.lemma_.lower()
        if lemma in self.lex.org_roles or lemma in self.lex.org_nouns or lemma in self.lex.group_nouns \
                or lemma in self.lex.written_objects or lemma not in self.lex.person_roles and not self.agent_noun(token):
            return False
        key = role_key(token)
        for earlier in reversed(self.doc[: token.i]):
            if earlier.lemma_.lower() != lemma or earlier.tag_ != token.tag_ or self.in_quote(earlier.idx) \
                    or role_key(earlier) != key:
                continue
            if any(off > earlier.idx for off, role, _ in self.role_links if role == key and off < token.idx):
                return False
            return earlier.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} \
                and any(c.dep_ == "det" and c.lower_ in {"a", "an", "another"} for c in earlier.children) \
                and not any(c.dep_ in {"appos", "relcl", "acl"} or c.ent_type_ == "PERSON" for c in earlier.children)
        return False

    def agent_noun(self, token: Token) -> bool:
        """True for "the" and one singular noun of a doer that no word list holds ("the momager said", "the
        YouTuber wrote", "the rocker added"): a noun so ending names a person, the way a role noun does. Things that
        speak through their text ("the letter", "the poster") are caught before, as written objects."""
        # (a lower-case word the tagger took for a name is a noun: "the restaurateur admitted")
        return token.tag_ in {"NN", "NNP"} and token.is_lower and AGENT_NOUN.search(token.lower_) is not None \
            and len(token.text) > 4 and self.definite(token) and not token.ent_type_ \
            and token.lemma_.lower() not in self.lex.org_nouns | self.lex.written_objects

    def person_aged(self, phrase: str, before: int) -> Optional[Speaker]:
        """Return the one person the article gives the age written in `phrase` ("the 30-year-old") before
        `before`: "Kim Tran, 30,", "30-year-old Kim Tran", "Kim Tran (30)", outside quotations; else None."""
        age = AGE_NUMBER.search(phrase)
        if age is None:
            return None
        found = {eid: m for eid, (given, m) in self.ages_given(before).items() if age.group(1) in given}
        if len(found) != 1:
            return None
        mention = next(iter(found.values()))
        return self._speaker_for_mention(mention, mention.text, "role-noun", 0.6)

    def ages_given(self, before: int) -> dict[str, tuple[set[str], object]]:
        """Return {person's entity id: (the ages the article gives them before `before`, their first mention so
        aged)}: "Kim Tran, 30,", "30-year-old Kim Tran", "Kim Tran (30)", outside quotations."""
        found: dict[str, tuple[set[str], object]] = {}
        for m in self.mentions:
            if m.label != "PERSON" or m.start_char >= before or self.in_quote(m.start_char):
                continue
            after = _AGE_AFTER.match(self.text, m.end_char)
            ahead = _AGE_BEFORE.search(self.text, max(0, m.start_char - 16), m.start_char)
            given = (after.group(1) or after.group(2)) if after else (ahead.group(1) if ahead else None)
            if given is not None:
                found.setdefault(m.entity_id, (set(), m))[0].add(given)
        # "The Coastline Wives star, 31, confirmed …": an age beside a role noun that takes up a person is theirs.
        for offset, _, speaker in getattr(self, "role_links", ()):
            if offset >= before or not speaker.entity_id or speaker.kind != "person" or self.in_quote(offset):
                continue
            word = _WORD_AT.match(self.text, offset)
            after = _AGE_AFTER.match(self.text, word.end()) if word else None
            mention = next((m for m in self.mentions if m.entity_id == speaker.entity_id), None) if after else None
            if mention is not None:
                found.setdefault(speaker.entity_id, (set(), mention))[0].add(after.group(1) or after.group(2))
        return found

    def age_compared(self, token: Token) -> Optional[Speaker]:
        """`the older woman`, `the elder Wyatt`, `the youngest sibling`: of the people of fitting sex (and surname, for a
        name) the article gave ages before, the oldest or the youngest, when there are two or more and one is."""
        words = self.doc[token.left_edge.i : token.i]
        pick = next((_AGE_COMPARED[t.lower_] for t in words if t.lower_ in _AGE_COMPARED), None)
        if pick is None or words[0].lower_ != "the" or token.pos_ not in {"NOUN", "PROPN"}:
            return None
        gender = self.lex.gender.get(token.lemma_.lower())
        ages = {}
        for eid, (given, mention) in self.ages_given(token.left_edge.idx).items():
            entity = self.entities.get(eid)
            if gender is not None and self.genders.get(eid) not in (None, gender) or entity is None or \
                    token.pos_ == "PROPN" and entity.name.split()[-1] != token.text:
                continue
            ages[eid] = (int(max(given, key=int)), mention)
        if len(ages) < 2:
            return None
        target = pick(age for age, _ in ages.values())
        chosen = [mention for age, mention in ages.values() if age == target]
        if len(chosen) != 1:
            return None
        return self._speaker_for_mention(chosen[0], self.noun_phrase(token), "role-noun", 0.6)

    def aged_otherwise(self, phrase: str, before: int) -> frozenset:
        """Return the ids of people the article gives an age other than the one in `phrase` ("the 26-year-old" is
        not "Feld, 41,")."""
        age = AGE_NUMBER.search(phrase)
        if age is None:
            return frozenset()
        return frozenset(eid for eid, (given, _) in self.ages_given(before).items() if age.group(1) not in given)

    def aged(self, token: Token) -> bool:
        """True for a definite noun phrase with an age in it ("the 41-year-old chart-topper", "the 52-year-old")."""
        phrase = self.doc[token.left_edge.i : token.i + 1]
        return phrase[0].lower_ == "the" and AGE.search(phrase.text) is not None

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

    def declined(self, e: Event) -> bool:
        """True for the subject of a sentence saying it did not comment ("Lowe was not available for comment", "A
        spokesman declined to comment"): the "she said" after it is someone else's."""
        return e.is_subject and self.sentence_index(e.pos) in self.no_comment_sentences

    @cached_property
    def no_comment_sentences(self) -> frozenset:
        """The indices of the sentences saying someone did not comment (see `declined`), read once per article."""
        return frozenset(self.sentence_index(m.start()) for m in _NO_COMMENT.finditer(self.text))

    def possessor(self, pronoun: Token, exclude: frozenset = frozenset()) -> Optional[Speaker]:
        """Return the person a gendered pronoun that owns or gives something refers to ("her response", "a message
        from him"), not one of `exclude`; None when no one fits."""
        return self.antecedent(pronoun.idx, GENDERED_PRONOUNS[pronoun.lower_], "person", pronoun.idx, exclude=exclude)

    def noun_phrase(self, token: Token) -> str:
        start = min(token.left_edge.i, hyphen_first(token).left_edge.i)
        return self.doc[start : token.i + 1].text

    def bare_name(self, token: Token) -> Speaker:
        """A proper-noun subject no mention covers: match it to an entity by its last word, else use it as written."""
        span = self.name_span(token)
        words = [w for w in span.text.replace("’s", "").replace("'s", "").split() if w.lower().rstrip(".") not in self.lex.honorifics]
        if not words:
            return replace(UNRESOLVED, text=span.text)
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
        anonymous = lemma in self.lex.anonymous_roles or lemma in self.lex.public_nouns
        if lemma in self.lex.person_roles and not any(c.dep_ == "det" for c in token.children) \
                and token.i + 1 < len(self.doc) and token.whitespace_:
            # "Pop star Tilly Harrow live-tweeted …", the parser making the role alone the subject: a role written
            # as a title before a name is that person.
            named = self.mention_at(self.doc[token.i + 1])
            if named is not None and named.label == "PERSON" and named.start_char == self.doc[token.i + 1].idx:
                return self._speaker_for_mention(named, self.text[token.left_edge.idx : named.end_char], "role-noun", 0.85)
        if is_org_role or lemma in self.lex.org_nouns:
            # "A Five spokesman", "Le Figaro newspaper": an organisation named inside the noun phrase speaks, and a
            # spokesman's "he added" later is the organisation's too (the noun's sex, if it has one).
            for t in self.doc[token.left_edge.i : token.i]:
                mention = self.mention_at(t)
                if mention is not None and mention.label == "ORG" and not self.in_quote(t.idx):
                    return replace(self._speaker_for_mention(mention, text, "role-noun", 0.85),
                                   gender=gender if is_org_role else None)
        for child in token.children:
            target = None
            if child.dep_ == "appos" and child.pos_ == "PROPN":
                target = child
            elif is_org_role and child.dep_ in {"compound", "poss", "nmod"} and child.pos_ == "PROPN":
                target = child
            elif is_org_role and child.dep_ == "compound" and child.is_lower and child.lemma_ in self.lex.org_nouns:
                # "a council spokesman", "a label spokeswoman": the organisation named before with that noun.
                orgs = [m for m in self.mentions if m.start_char < token.idx and m.label == "ORG"
                        and child.lemma_ in m.text.lower().split() and not self.in_quote(m.start_char)]
                if not orgs and child.lemma_ in self.lex.referring_org_nouns:
                    orgs = self.organisation_referred(child, child.lemma_)
                if orgs:
                    return replace(self._speaker_for_mention(orgs[-1], text, "role-noun", 0.7), gender=gender)
                continue
            elif child.dep_ == "conj" and child.ent_type_ == "PERSON" and lemma in self.lex.person_roles \
                    and child.left_edge.lemma_.lower() in self.lex.person_roles:
                # "Series creator and showrunner Nadia Holt told", parsed as a role coordinated with a name.
                target = child
            elif is_org_role and child.dep_ == "poss" and child.lemma_.lower() in self.lex.person_roles \
                    and self.definite(child):
                # "The rapper's spokesperson said": speaks for the rapper, as "Smith's spokesperson" for Smith.
                found = self.resolve_role(child, pos)
                if found.name and found.kind == "person":
                    return replace(found, text=text, method="role-noun", confidence=0.6)
                continue
            elif is_org_role and lemma in self.lex.written_objects and child.dep_ == "prep" and child.lower_ == "on" \
                    and (owner := self.poster(token)) is not None:
                # "A statement on the band's website said:": the site's owner issued it.
                if owner.lower_ in GENDERED_PRONOUNS:
                    found = self.antecedent(pos, GENDERED_PRONOUNS[owner.lower_], "person", owner.idx)
                    if found is not None:
                        return replace(found, text=text, method="role-noun", confidence=0.6)
                    continue
                target = owner
            elif is_org_role and child.dep_ == "prep" and child.lower_ in {"for", "of", "at", "from"}:
                # "a spokeswoman for Sony", "for the RAM" (an acronym the tagger took for a noun), "for the academy"
                target = next((c for c in child.children if c.dep_ == "pobj" and (
                    c.pos_ == "PROPN" or self.mention_at(c) is not None or c.lemma_.lower() in self.lex.org_nouns)), None)
                named = next((c for c in target.children if c.dep_ == "appos" and (m := self.mention_at(c)) is not None
                              and m.label in SPEAKER_LABELS), None) if target is not None else None
                if named is not None and target.pos_ != "PROPN":
                    target = named  # "a spokesperson for the show's network, Meridian,": the name
                if target is not None and target.pos_ != "PROPN" and self.mention_at(target) is None \
                        and target.lemma_.lower() in self.lex.referring_org_nouns and self.definite(target):
                    # "a spokeswoman for the broadcaster", after "Channel 4 said": a spokesman's "the broadcaster"
                    # is the organisation, though a person may be called one too ("broadcaster Dan Coles").
                    # The organisation the article introduced with that noun, else the one that just spoke.
                    lemma_for = target.lemma_.lower()
                    introduced = [m for m in self.mentions if m.start_char < token.left_edge.idx and m.label == "ORG"
                                  and self._introduced_with(m, lemma_for)]
                    spoke = self._org_spoken_before(pos)
                    if not introduced and spoke is not None:
                        return replace(spoke.speaker, text=text, method="role-noun", confidence=0.7, gender=gender)
                    orgs = introduced[-1:] or self.organisation_referred(target, lemma_for)
                    if orgs:
                        return replace(self._speaker_for_mention(orgs[-1], text, "role-noun", 0.7), gender=gender)
                if target is None and child.lower_ == "from" and lemma in self.lex.written_objects:
                    # "A statement from the actor, read by his agent, said:": the person the role noun takes up.
                    role = next((c for c in child.children if c.dep_ == "pobj" and self.definite(c)
                                 and c.lemma_.lower() in self.lex.person_roles), None)
                    found = self.resolve_role(role, pos) if role is not None else UNRESOLVED
                    if found.name and found.kind == "person":
                        return replace(found, text=text, method="role-noun", confidence=0.6)
                if target is None and child.lower_ == "from":
                    # "A statement from Channel 4 read:", where the parser hung the name on "read" as a noun
                    target = next((g for g in child.subtree if g.i > child.i and g.pos_ == "PROPN"
                                   and (m := self.mention_at(g)) is not None and m.label in SPEAKER_LABELS), None)
            if target is None:
                continue
            found = self.resolve(target, pos, depth=1)
            # "Lorenzo's label, Atlantic Records, said": an organisation's noun takes the organisation beside it; so
            # does any role the apposition equates with one ("Its producers, Flint Television, said").
            if found.name and (is_org_role or found.kind == "person"
                               or lemma in self.lex.org_nouns and found.kind == "org"
                               or child.dep_ == "appos" and found.kind == "org" and self._organisation_at(target)):
                return replace(found, text=text, method="role-noun", confidence=0.85, gender=gender or found.gender)
        if anonymous:
            # "the fan said" after "one fan, Lucy Marsh,": the one introduced so; else no one named
            linked = self.introduced_before(token)
            return replace(linked[-1], text=text, method="role-noun", confidence=0.6) \
                if linked and lemma in self.lex.public_nouns and self.definite(token) else replace(UNRESOLVED, text=text)
        if is_org_role and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            # "Lane's rep confirmed … the rep said": the one that spokesman was named as speaking for.
            linked = self.introduced_before(token)
            if linked:
                return replace(linked[-1], text=text, method="role-noun", confidence=0.6)
        if is_org_role and any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in self.lex.person_roles for g in c.children)
                for c in token.children):
            # "A representative for the singer told Billboard": someone unnamed speaks for a person, not the
            # organisation that spoke last ("Meridian Records dismissed the claim in a statement").
            return replace(UNRESOLVED, text=text)
        if is_org_role:
            org = self._org_spoken_before(pos)
            if org is not None:
                return replace(org.speaker, text=text, method="role-noun", confidence=0.6, gender=gender)
            if lemma in self.lex.written_objects:
                return self.author_before(token, pos, text)  # "… in a post on Instagram. '…,' the statement read"
            return replace(UNRESOLVED, text=text)
        if lemma in self.lex.org_nouns and lemma not in self.lex.person_roles:
            orgs = [m for m in self.mentions if m.start_char < pos and m.label == "ORG" and lemma in m.text.lower().split()]
            if not orgs and lemma in self.lex.referring_org_nouns and self.definite(token):
                spoke = self._org_spoke_just_before(token) if lemma not in self.lex.press_nouns else None
                if spoke is not None:
                    # "The series was made by Flint Television, which said it was disappointed. '…,' the company
                    # said": the organisation that spoke in the sentence before, however often others are named.
                    return replace(spoke, text=text, method="role-noun", confidence=0.7, gender=None)
                orgs = self.organisation_referred(token, lemma)
            if orgs:
                return replace(self._speaker_for_mention(orgs[-1], text, "role-noun", 0.7), gender=None)
            if lemma not in self.lex.group_nouns:
                return replace(UNRESOLVED, text=text)
        definite = self.definite(token)
        if definite and lemma in self.lex.group_nouns:
            # "the band said": the group named before, which the model tags as an organisation or a nationality.
            group = self.antecedent(pos, None, "org", token.left_edge.idx)
            if group is not None:
                return replace(group, text=text, method="role-noun", confidence=0.5)
        key = role_key(token)
        linked = self.introduced_before(token)
        if linked and "-" in key:
            # "said the editor-in-chief", "the co-star said": a role written as one hyphenated word is the one the
            # article introduced with that word ("Vogue editor-in-chief Anna Wintour"), not the last "editor".
            return replace(self.last_named(linked, token.idx), text=text)
        # '"Did you do your own stunts?" Colby asked. "Most of them," the actor replied': who answers a question
        # is not the one who asked it.
        passed = self.asker_before(pos, self.replies(token))
        if self.replies(token):
            passed |= self.reported_asker(pos)  # "Kemp asked the actor whether …. '…,' the star replied"
            asked = self.asked_by_name(pos, gender, passed)
            if asked is not None:
                # "'Kayleigh, what exactly do you think Precious did?' … '…,' the reality star replied": the one
                # the question called by name answers it.
                return replace(asked, text=text, method="role-noun", confidence=0.6)
        if definite and lemma not in self.lex.relational_roles:
            # "Her producer, Jim Bexley, is … '…,' the singer says": not one introduced as someone's other role.
            passed |= self.held_otherwise(key)
        if definite and lemma not in self.lex.relational_roles and token.tag_ not in {"NNS", "NNPS"}:
            opened = self.sentence_opener_before(token, gender, lemma)
            if opened is not None and opened.entity_id not in passed:
                return replace(opened, text=text, method="role-noun", confidence=0.55)
        if linked:
            return replace(self.last_named(linked, token.idx), text=text)
        # "the comedian said" is the comedian the article is about; "his lawyer", "the judge" or "the judges" are
        # someone else.
        if definite and (lemma not in self.lex.relational_roles or _counts_children(token)) \
                and token.tag_ not in {"NNS", "NNPS"}:
            # From before the noun phrase: "the Grammy winner" is not Grammy. Nor is "the actress" someone the
            # article introduced only by a tie to another person ("Vasquez's mother, Rosa,"; "Rock star Ozzy
            # Osbourne", later "her husband Ozzy", is known by more than the tie; see `tied_only`).
            others = self.tied_only()
            if lemma in self.lex.role_kinds:
                # "the actress said": not the one the article says directed the film, and the one it says stars in
                # a show even when it introduced her by a tie ("his wife Julia Penhale … Penhale, who stars on …").
                fitting, elsewhere = self.doing_work(lemma)
                makers = self.making(lemma)
                if makers:
                    # "In the film, directed by Wren Matsuda, … adapted from Marta Quill's novel. '…,' the director
                    # said": a maker's noun is the one the article credits with the making it names, when one is.
                    previous = self.antecedent(pos, gender, "person", token.left_edge.idx,
                                               exclude=frozenset(self.person_ids() - makers) | passed)
                    if previous is not None:
                        return replace(previous, text=text, method="role-noun", confidence=0.5)
                previous = self.antecedent(pos, gender, "person", token.left_edge.idx,
                                           exclude=frozenset((others - fitting) | elsewhere) | passed)
                if previous is not None:
                    return replace(previous, text=text, method="role-noun", confidence=0.5)
            previous = self.antecedent(pos, gender, "person", token.left_edge.idx, exclude=frozenset(others) | passed)
            if previous is not None:
                return replace(previous, text=text, method="role-noun", confidence=0.5)
        return replace(UNRESOLVED, text=text)

    def introduced_before(self, token: Token) -> list[Speaker]:
        """The people the article introduced with `token`'s role word before it ("director Spike Lee", "Lane's
        rep"), in text order."""
        key = role_key(token)
        return [s for off, role, s in self.role_links if role == key and off < token.idx]

    def last_named(self, holders: list[Speaker], before: int) -> Speaker:
        """Of the people introduced with one role, the one the article names last before `before` ("Teen Vogue's
        editor-in-chief Amy Astley …, Vogue editor-in-chief Anna Wintour … Wintour's seal of approval. '…,' said the
        editor-in-chief": Wintour); the last introduced when none is named after its introduction."""
        ids = {s.entity_id for s in holders}
        if len(ids) < 2:
            return holders[-1]
        last = max((m for m in self.mentions if m.entity_id in ids and m.start_char < before and not self.in_quote(m.start_char)),
                   key=lambda m: m.start_char, default=None)
        return next((s for s in reversed(holders) if last is not None and s.entity_id == last.entity_id), holders[-1])

    def held_otherwise(self, key: str) -> frozenset:
        """Return the ids of the people the article introduces only as holding another role towards someone ("Her
        producer, Jim Bexley,", "his drummer, Pete Lowe,"), never with the role noun `key`."""
        with_key = {s.entity_id for _, role, s in self.role_links if role == key}
        return frozenset(eid for eid, roles in self.owned_roles.items() if key not in roles and eid not in with_key)

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
                return _named(max(found, key=lambda e: e.pos).speaker)
        # Only role nouns that name no one fitting were in reach: none is the antecedent.
        return _named(max(window, key=lambda e: e.pos).speaker) if window else None

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
                    and (lemma not in self.lex.relational_roles or _counts_children(subject)) and self.definite(subject):
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

    @property
    def sentences(self) -> list[Span]:
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def sentence_index(self, pos: int) -> int:
        """Return the index of the parser's sentence holding offset `pos`."""
        if self._sentence_starts is None:
            self._sentence_starts = [s.start_char for s in self.sentences]
        return bisect_right(self._sentence_starts, pos) - 1

    def sentence_of(self, i: int) -> Span:
        """Return the parser's sentence holding token `i`: `doc[i].sent`, looked up in the sentences read once
        (`Token.sent` and `Span.sent` search the doc for the sentence's bounds and slice it anew)."""
        if self._sentence_token_starts is None:
            self._sentence_token_starts = [s.start for s in self.sentences]
        return self.sentences[bisect_right(self._sentence_token_starts, i) - 1]


def hyphen_last(token: Token) -> Token:
    """Return the last part of the hyphenated word `token` opens ("co" in "co-host" → "host"), else `token`."""
    doc, i = token.doc, token.i
    while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text in {"-", "–"} \
            and not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
        i += 2
    return doc[i]


_HYPHENS = frozenset({"-", "–"})


def _named(speaker: Speaker) -> Optional[Speaker]:
    """`speaker`, or None for an unnamed source that spoke ("a friend of the couple"): what refers to it has no name."""
    return speaker if speaker.name else None


def _joins(doc, i: int) -> bool:
    """True when token `i` is a hyphen written without spaces between two capitalised words ("Touchard-Mensah")."""
    return doc[i].text in _HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()


def hyphen_first(token: Token) -> Token:
    """Return the first part of the hyphenated word `token` ends ("host" in "co-host" → "co"), else `token`."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text in _HYPHENS and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        i -= 2
    return doc[i]


def hyphen_last(token: Token) -> Token:
    """Return the last part of the hyphenated word `token` is part of ("star" in "co-star" → "star", "editor" in
    "editor-in-chief" → "chief"), else `token`."""
    doc, i = token.doc, token.i
    while i + 2 < len(doc) and doc[i + 1].text in _HYPHENS and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].is_alpha:
        i += 2
    return doc[i]


def role_key(token: Token) -> str:
    """Return the role word `token` belongs to, as a key for roles held by people named earlier: its lemma, or the
    whole hyphenated word it is part of ("editor-in-chief", "co-star", "singer-songwriter"), which is another role
    than its parts ("the editor-in-chief said" is not the "editor" named last)."""
    first, last = hyphen_first(token), hyphen_last(token)
    lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
    if first.i == last.i:
        return lemma
    return "-".join(lemma if t.i == token.i else t.lower_ for t in token.doc[first.i : last.i + 1]
                    if t.text not in _HYPHENS)


def _counts_children(token: Token) -> bool:
    """True for "mother-of-two", "the mother of three", "dad-of-three", "mother-to-be": a parent described by the
    number of their children, or one expecting a child, is the person the article is about, not somebody's parent."""
    doc, i = token.doc, token.i
    if i + 4 < len(doc) and [t.lower_ for t in doc[i + 1 : i + 5]] == ["-", "to", "-", "be"]:
        return True
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].like_num and doc[i + 2].is_lower:
        return True
    return i + 3 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "of" \
        and (doc[i + 3].text == "-" and i + 4 < len(doc) and doc[i + 4].like_num or doc[i + 3].like_num)
