"""Speaker resolution: what a cue's subject refers to (a name, a pronoun, a role noun, a sign's holder).

The resolver is one class made of parts kept in their own modules: role nouns (`roles.py`), makers and
organisations (`makers.py`) and pronoun antecedents (`antecedents.py`); the words they read are in
`speaker_words.py`.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from functools import cached_property
from typing import Optional

from spacy.tokens import Span, Token

from .attribution import GENDERED_PRONOUNS, UNRESOLVED, Event, Speaker
from .antecedents import Antecedents
from .makers import Makers
from .roles import RoleNouns
from .speaker_words import NO_COMMENT, capitalised_hyphen, hyphen_first, hyphen_last


class SpeakerResolution(RoleNouns, Makers, Antecedents):
    """Resolves a subject token to a speaker among the article's entities; mixed into `Article`."""

    def name_span(self, token: Token) -> Span:
        """Return the proper-name span around `token` (its compound/flat proper nouns and honorific, and the other
        half of a hyphenated surname: "Touchard-Mensah says")."""
        left = right = token.i
        sent = self.sentence_of(token.i)
        doc = self.doc
        while left > sent.start:
            if left - 1 > sent.start and capitalised_hyphen(doc, left - 1):
                left -= 2
            elif doc[left - 1].pos_ == "PROPN":
                left -= 1
            else:
                break
        while right + 1 < sent.end:
            if right + 2 < sent.end and capitalised_hyphen(doc, right + 1):
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

    def declined(self, e: Event) -> bool:
        """True for the subject of a sentence saying it did not comment ("Lowe was not available for comment", "A
        spokesman declined to comment"): the "she said" after it is someone else's."""
        return e.is_subject and self.sentence_index(e.pos) in self.no_comment_sentences

    @cached_property
    def no_comment_sentences(self) -> frozenset:
        """The indices of the sentences saying someone did not comment (see `declined`), read once per article."""
        return frozenset(self.sentence_index(m.start()) for m in NO_COMMENT.finditer(self.text))

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
