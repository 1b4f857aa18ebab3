"""Role nouns: who "the actress", "the 45-year-old", "the older woman" or "his co-star" is."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Token

from .attribution import AGE, GENDERED_PRONOUNS, SPEAKER_LABELS, UNRESOLVED, Speaker
from .speaker_words import (
    AGENT_NOUN, WORD_AT, AGE_NUMBER, AGE_AFTER, AGE_BEFORE, TITLE_SMALL_WORDS, AGE_COMPARED, hyphen_first, role_key,
    counts_children)


class RoleNouns:
    """Resolves role nouns and ages to people; mixed into `SpeakerResolution`."""

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
            after = AGE_AFTER.match(self.text, m.end_char)
            ahead = AGE_BEFORE.search(self.text, max(0, m.start_char - 16), m.start_char)
            given = (after.group(1) or after.group(2)) if after else (ahead.group(1) if ahead else None)
            if given is not None:
                found.setdefault(m.entity_id, (set(), m))[0].add(given)
        # "The Coastline Wives star, 31, confirmed …": an age beside a role noun that takes up a person is theirs.
        for offset, _, speaker in getattr(self, "role_links", ()):
            if offset >= before or not speaker.entity_id or speaker.kind != "person" or self.in_quote(offset):
                continue
            word = WORD_AT.match(self.text, offset)
            after = AGE_AFTER.match(self.text, word.end()) if word else None
            mention = next((m for m in self.mentions if m.entity_id == speaker.entity_id), None) if after else None
            if mention is not None:
                found.setdefault(speaker.entity_id, (set(), mention))[0].add(after.group(1) or after.group(2))
        return found

    def age_compared(self, token: Token) -> Optional[Speaker]:
        """`the older woman`, `the elder Wyatt`, `the youngest sibling`: of the people of fitting sex (and surname, for a
        name) the article gave ages before, the oldest or the youngest, when there are two or more and one is."""
        words = self.doc[token.left_edge.i : token.i]
        pick = next((AGE_COMPARED[t.lower_] for t in words if t.lower_ in AGE_COMPARED), None)
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

    def resolve_role(self, token: Token, pos: int) -> Speaker:
        """`a BBC spokesman` → BBC, `the director` → the director named earlier, `the council` → the council named."""
        lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
        text = self.noun_phrase(token)
        gender = self.lex.gender.get(lemma)
        is_org_role = lemma in self.lex.org_roles
        anonymous = lemma in self.lex.anonymous_roles or lemma in self.lex.public_nouns
        if lemma in self.lex.person_roles and self.aged(token):
            # "the 24-year-old contestant said": the age picks the one the article gave it, if only one
            aged = self.person_aged(text, token.left_edge.idx)
            if aged is not None:
                return replace(aged, text=text, method="role-noun", confidence=0.6)
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
        if definite and (lemma not in self.lex.relational_roles or counts_children(token)) \
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
