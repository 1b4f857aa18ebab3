"""Relabelling: the certain rules that say a work-labelled span is a person, an organisation, an award or a place."""
from __future__ import annotations

from spacy.tokens import Span

from ..names import DEMONYMS, FIRST_NAMES, ORG_WORDS
from .correction_words import LABEL, CREDIT_WORDS, PART_NOUNS, SUBORDINATORS, COMPANY_ENDINGS, double_surnamed
from .shapes import (
    NAMES_OF_PEOPLE_AND_GROUPS, POSSESSIVES, character_after_as, character_in_parentheses,
    performer_named, credited_by, modifies_a_noun, person_shaped_words, glued, maker_after_by, owner_named_elsewhere,
    publication_edited, without_opening_verb)


class Relabelling:
    """Decides what a work-labelled span is when a certain rule says it is no title; mixed into `NerCorrections`."""

    def correct(self, ent: Span, surnames: frozenset[str] = frozenset(), ents: list[Span] | None = None) -> list[Span]:
        """Return what `ent` (a work-labelled span) really is: itself, relabelled, split in two, or two titles;
        `surnames` are the last words of the article's people, `ents` its entities (read from the doc if None)."""
        ents = list(ent.doc.ents) if ents is None else ents
        ent = self.edges(ent, surnames)
        doc = ent.doc
        if any(t.like_url for t in ent):
            return []  # a title is no web address ("Salon.com")
        if len(ent) == 1 and ent[0].text in {"No", "Nos"} and ent.end + 1 < len(doc) and doc[ent.end].text == "." \
                and doc[ent.end + 1].like_num:
            return []  # "her first No. 1": the abbreviation of "number"
        if any(t.is_quote for t in ent) and not any(t.is_alpha and not t.is_stop or t.like_num for t in ent):
            # 'The "Neon Lullaby" singer': the model labelled the words around a quoted title ('The "'); a quote
            # mark and function words name nothing ("It" or "Us" alone stay titles).
            return []
        if len(ent) >= 2 and ent[0].is_sent_start and ent[0].lower_ in SUBORDINATORS and ent[-1].text in surnames \
                and all(t.text[:1].isupper() for t in ent[1:]):
            # "When Wintour arrived", "For Pyle, the reading was …": a clause's conjunction or a phrase's preposition
            # glued to a person of the article.
            return [Span(ent.doc, ent.start + 1, ent.end, label="PERSON")]
        ent = without_opening_verb(ent, ents)
        if double_surnamed(ent) and not self.quoted_or_cued(ent):
            return [Span(doc, ent.start, ent.end, label="PERSON")]  # "Tessa Monroe and Gina Valdez-Hart"
        if self.named_as_person(ent) and not self.quoted_or_cued(ent):
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        if len(ent) == 3 and ent[1].lower_ in {"and", "&"} and self.followed_by_who(ent) and not self.quoted_or_cued(ent) \
                and all(t.is_alpha and t.is_title and not t.is_stop for t in (ent[0], ent[2])):
            # "Fairbanks and Pruitt, who played …": two people
            return [Span(doc, ent.start, ent.start + 1, label="PERSON"), Span(doc, ent.end - 1, ent.end, label="PERSON")]
        if self.followed_by_who(ent) and not self.quoted_or_cued(ent) \
                and not modifies_a_noun(ent):
            # "The Midnight Ferries, who beat two rival bands": "who" stands for people, a title takes "which"; one
            # word is a person's name ("Adele, who won"), more a group's. Not inside a noun phrase ("the star of
            # Harbour Lights, who"), where the clause is the head noun's.
            return [Span(doc, ent.start, ent.end, label="PERSON" if len(ent) == 1 else "ORG")]
        if self.band_of_member(ent) and not self.quoted_or_cued(ent):
            return [Span(doc, ent.start, ent.end, label="ORG")]  # "Joel Mack, guitarist for The Hollow Pines,"
        if credited_by(ent) and not self.quoted_or_cued(ent) and not any(t.lower_ in ORG_WORDS for t in ent):
            # "The drama was created by Bethan Aldous-Price": what a work is made by is its maker, a person (a
            # company says so: "produced by Working Title Films").
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        if ent.start > 1 and doc[ent.start - 1].lower_ in ("in", "to") and doc[ent.start - 2].lower_ in self.place_verbs \
                and not (doc[ent.start - 2].lower_ == "up" and doc[ent.start - 3].lower_ not in ("grew", "grow", "growing")):
            return [Span(doc, ent.start, ent.end, label="GPE")]  # "born in Cardiff", "grew up in Leeds"
        if ent.start > 1 and doc[ent.start - 2].is_lower and not self.quoted_or_cued(ent) and (
                doc[ent.start - 1].lower_ in ("in", "at", "near") and doc[ent.start - 2].lower_ in self.place_nouns
                or doc[ent.start - 1].lower_ == "of" and doc[ent.start - 2].lower_ in self.place_of_nouns):
            # "a beach in Tulum", "the wedding in Napa", "a church in Little Aldwick", "off the coast of Tromsø": where
            # a place noun or an event is, is a place (a work is performed in, not located in).
            return [Span(doc, ent.start, ent.end, label="GPE")]
        if len(ent) > 2 and ent[0].like_num and ent[1].lower_ == "of" and ent.start > 0 \
                and doc[ent.start - 1].lower_ in PART_NOUNS | {"series"}:
            return [Span(doc, ent.start + 2, ent.end, label=LABEL)]  # "series 2 of Harbour Nights": the part's number
        if ent.start > 1 and doc[ent.start - 1].lower_ in {"for", "from", "at"} \
                and doc[ent.start - 2].lower_ in self.spokes_nouns \
                or ent.end < len(doc) and doc[ent.end].lower_ in self.spokes_after:
            # "a spokesman for Parlophone", "a statement from Netflix", "a Parlophone spokeswoman": a work has no
            # spokesman; who has one is an organisation.
            return [Span(doc, ent.start, ent.end, label="ORG")]
        if len(ent) == 1 and ent.text in self.place_heads and ent.start > 0 and doc[ent.start - 1].text in POSSESSIVES:
            # "St. Aldric's Chapel" taken as a place and a title: one place
            owner = next((e for e in ents if e.end == ent.start and e.label_ in {"FAC", "ORG", "GPE", "PERSON"}), None)
            return [Span(doc, owner.start if owner is not None else ent.start, ent.end, label="FAC")]
        if ent.end < len(doc) and doc[ent.end].is_lower and doc[ent.end].pos_ == "NOUN" \
                and all(t.lower_ in self.genre_words for t in ent):
            return []  # "Pop star Kaya Monroe", "Reality TV star": a genre describes the person
        credit = next((t.i for t in ent[:-2] if t.lower_ in CREDIT_WORDS and doc[t.i + 1].text == ":"), None)
        if credit is not None:
            # "Image: Nick Moreau", "Belle Image: Nick Moreau" (a caption and its credit): who made the picture.
            maker = [Span(doc, credit + 2, ent.end, label="PERSON")] if doc[credit + 2].lower_ in FIRST_NAMES else []
            return ([Span(doc, ent.start, credit, label=LABEL)] if credit > ent.start else []) + maker
        head = next((t for t in ent[1:-1] if t.text in self.institution_heads and doc[t.i + 1].lower_ == "of"), None)
        if head is not None:
            return [Span(doc, ent.start, ent.end, label="ORG")]  # "Doctor Who Society of Canada", "Museum of …"
        owner = owner_named_elsewhere(ent, surnames, ents)
        if owner is not None:
            # "The Beatles' Across The Universe", "Akon's Locked Up" taken as one title, the owner named elsewhere
            # in the article: the act and its work.
            label, cut = owner
            return [Span(ent.doc, ent.start, cut, label=label), Span(ent.doc, cut + 1, ent.end, label=LABEL)]
        if self.nicknamed(ent):
            return []
        relabel = maker_after_by(ent) or character_in_parentheses(ent) or publication_edited(ent) \
            or performer_named(ent) or character_after_as(ent) or self.product_named(ent)
        if relabel:
            return [Span(ent.doc, ent.start, ent.end, label=relabel)]
        by = next((t.i for t in ent[1:-2] if t.lower_ == "by" and t.is_lower), None)
        if by is not None and ent.doc[by + 1].lower_ in FIRST_NAMES and 2 <= ent.end - by - 1 <= 3 \
                and all(t.is_alpha and t.text[:1].isupper() for t in ent.doc[by + 1 : ent.end]):
            # "the novel Sweet Tooth by Ian McEwan" taken as one title: a title and its maker.
            return [Span(ent.doc, ent.start, by, label=LABEL), Span(ent.doc, by + 1, ent.end, label="PERSON")]
        titles = self.coordinated(ent, self.in_list(ent, ents))
        if len(titles) > 1:
            return titles
        parted = glued(ent, ents)
        if parted is not None:
            return parted
        doc = ent.doc
        words = ent.text.rstrip(".").split()
        if ent.text in self.awards or (len(words) > 1 and words[-1] in self.heads and not self.own_the(ent, words[-1])):
            return [Span(doc, ent.start, ent.end, label="EVENT" if ent.text in self.awards else self.heads[words[-1]])]
        before = doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in self.person_roles and before.is_lower and 2 <= len(ent) <= 3 \
                and all(t.pos_ == "PROPN" for t in ent):
            # "the feminist writer Germaine Greer": a name right after a person's role noun is that person.
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        if 3 <= len(ent) <= 4 and ent[1].lower_ in FIRST_NAMES and not ent[1].is_stop and all(t.is_title for t in ent) \
                and ent[-1].lower_ not in COMPANY_ENDINGS:
            if ent[0].lower_ in self.occupations | DEMONYMS:
                # "Actress Pauline Hale is to leave …", "produced by American Dale Ruskin": a role noun or a
                # nationality capitalised before a person's name is no title's word.
                return [Span(doc, ent.start + 1, ent.end, label="PERSON")]
            if ent[0].lower_.rstrip(".") in self.styles and not self.quoted_or_cued(ent):
                # "plays Detective Rosa Quintero", "Sheriff Amos Tull": a style before a first name and a surname is
                # a person's or a character's name, style and all.
                return [Span(doc, ent.start, ent.end, label="PERSON")]
        if self.apposed_to_role(ent) or self.maker_before_title(ent):
            return [Span(doc, ent.start, ent.end, label="PERSON")]
        after_role = before is not None and (before.lemma_ in self.role_verbs or before.lower_ == "as")
        end = ent.end
        while end < len(doc) and doc[end].tag_ in ("NNP", "NNPS") and not doc[end].ent_type_:
            end += 1
        if after_role and end > ent.end:
            # "stars as Ray Charles": a title cut out of a longer name after a role word is the character's name.
            return [Span(doc, ent.start, end, label="PERSON")]
        cast_in = ent.start >= 2 and before.lower_ in ("in", "on") and (doc[ent.start - 2].lemma_ in self.role_verbs
                                                                       or doc[ent.start - 2].lemma_ == "appear")
        as_at = next((t.i for t in ent[1:-1] if t.lower_ == "as" and t.is_lower and doc[t.i + 1].text[:1].isupper()), None)
        if cast_in and as_at is not None:
            # "starred in Toy Story as Woody": the work, then the character played in it
            return [Span(doc, ent.start, as_at, label=LABEL), Span(doc, as_at + 1, ent.end, label="PERSON")]
        inner = [t for t in ent[1:-1] if t.lower_ in ("in", "on") and t.is_lower]  # "plays X on Game of Thrones"
        if inner and after_role:
            split = inner[0].i
            return [Span(doc, ent.start, split, label="PERSON"), Span(doc, split + 1, ent.end, label=LABEL)]
        if ent[0].lower_ in {"the", "a", "an"} and ent[0].is_lower and len(ent) > 1:
            return [Span(doc, ent.start + 1, ent.end, label=ent.label_)]  # "the Tang Museum": a title is capitalised
        return [ent]

    def has_spokesman(self, ent: Span) -> bool:
        """True for a name a spokesman's noun is for or from ("a spokeswoman for the Regent Playhouse", "a statement
        from the Old Vic"), or stands right after ("a Globe spokesman")."""
        doc, i = ent.doc, ent.start
        if i > 0 and doc[i - 1].lower_ == "the":
            i -= 1
        return i > 1 and doc[i - 1].lower_ in {"for", "from", "at"} and doc[i - 2].lower_ in self.spokes_nouns \
            or ent.end < len(doc) and doc[ent.end].lower_ in self.spokes_after

    def named_as_person(self, ent: Span) -> bool:
        """True for two or three capitalised words (no "The") that English gives only a person: after "starring",
        "opposite" or "alongside" (`person_before_words`), or followed by "who" ("trumpeter Wendell Ames, who
        played in the band"; a title takes "which")."""
        doc = ent.doc
        if person_shaped_words(ent) is None:
            return False
        before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if ent.start > 2 and doc[ent.start - 2].text in {"-", "–"}:
            before = doc[ent.start - 3 : ent.start].text.lower()  # "co-starring"
        return before in self.person_before or self.followed_by_who(ent)

    def band_of_member(self, ent: Span) -> bool:
        """True for the name after a band member's noun and "of", "for" or "with" ("guitarist for X", "the drummer
        with X", "lead singer of X"; not "the singer of X", which may be a song's, nor "a singer with X", a duet)."""
        doc = ent.doc
        if ent.start < 2 or doc[ent.start - 1].lower_ not in {"of", "for", "with"}:
            return False
        noun = doc[ent.start - 2]
        if not noun.is_lower or noun.lower_ not in self.member_nouns:
            return False
        if ent.end < len(doc) and doc[ent.end].is_lower and (doc[ent.end].pos_ == "NOUN" or doc[ent.end].tag_ == "VBG"):
            return False  # the name modifies or begins something else ("guitarist with Harbour Lights playing")
        return noun.lower_ != "singer" or ent.start > 2 and doc[ent.start - 3].lower_ == "lead"

    @staticmethod
    def followed_by_who(ent: Span) -> bool:
        after = [t.lower_ for t in ent.doc[ent.end : ent.end + 2]]
        return after[:1] == ["who"] or after == [",", "who"]

    def quoted_or_cued(self, ent: Span) -> bool:
        """True when a title stands where `ent` does: in quotation marks, or after a cue noun ("the series Inspector
        George Gently")."""
        doc = ent.doc
        before = doc[ent.start - 1] if ent.start > 0 else None
        return before is not None and (before.is_quote or before.lower_ in self.cue_nouns)

    def nicknamed(self, ent: Span) -> bool:
        """True for a name given after a naming verb ("dubbed the 'Queen of Pop'", "known as 'Little Monsters'",
        "nicknamed 'The Boss'"): a nickname or an epithet, not a title. A work's noun before the verb keeps the title
        ("a film dubbed 'Harbour Lights' by its makers")."""
        doc = ent.doc
        i = ent.start - 1
        while i > 0 and (doc[i].is_quote or doc[i].lower_ == "the" and doc[i].is_lower):
            i -= 1
        if i < 1:
            return False
        if doc[i].lower_ == "as" and doc[i - 1].lower_ in {"known", "hailed", "billed", "referred"}:
            verb = i - 1
        elif doc[i].lower_ in self.naming_verbs:
            verb = i
        else:
            return False
        noun = verb - 1 - (verb > 1 and doc[verb - 1].text == ",")
        return not (noun >= 0 and doc[noun].lower_ in self.cue_nouns)

    def product_named(self, ent: Span) -> str | None:
        """Return the label of the goods or business whose noun stands right before `ent`, or before it and a comma
        ("her new fragrance, Cloud Nine" PRODUCT, "her clothing line Good American" ORG): a title has a work's
        noun there, not a product's."""
        doc = ent.doc
        i = ent.start - 1
        if i > 0 and doc[i].text == ",":
            i -= 1
        if i < 0 or not doc[i].is_lower:
            return None
        return self.product_nouns.get(doc[i].lower_)

    def maker_before_title(self, ent: Span) -> bool:
        """True for a person's name between a determiner or adjective and a cue noun that a title follows: "the
        Whitney Houston film The Bodyguard", "the Michael Winterbottom film 24 Hour Party People" (the title is the
        name after the noun; the one before it, opened by a known first name, says whose film it is). A franchise
        keeps its title ("the Lord of the Rings film The Two Towers"), and so does a name with no title after the
        noun ("the Harry Potter films")."""
        doc = ent.doc
        if not (2 <= len(ent) <= 3 and ent[0].lower_ in FIRST_NAMES and all(t.is_alpha for t in ent)) \
                or ent.end + 1 >= len(doc):
            return False
        cue, title = doc[ent.end], doc[ent.end + 1]
        return cue.is_lower and cue.lower_ in self.cue_nouns and title.ent_type_ == LABEL and title.ent_iob_ == "B"

    def apposed_to_role(self, ent: Span) -> bool:
        """True for a name of two or three proper nouns in apposition to a person's role noun ("her manager, Jo
        Baines,"), or to the work after it when a known first name opens the name and the parser attached it to
        the nearer noun ("the director of their film, Owen Park,")."""
        if ent.root.dep_ != "appos" or not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" for t in ent):
            return False
        head = ent.root.head
        if head.i > ent.start or not head.is_lower:
            return False
        if head.lower_ in self.person_roles:
            return True
        of = head.head
        return head.dep_ == "pobj" and of.lower_ == "of" and of.head.lower_ in self.person_roles \
            and ent[0].lower_ in FIRST_NAMES

    def apposed_to_kin(self, ent: Span) -> bool:
        """True for one proper noun set off by commas in apposition to a family noun ("Dewan's mother, Darlynn,",
        "her husband, Tavis,"): a relative's given name, whatever label the model gave it."""
        if len(ent) != 1 or ent[0].pos_ != "PROPN" or ent.root.dep_ != "appos":
            return False
        head, doc = ent.root.head, ent.doc
        return head.i < ent.start and head.lower_ in self.kin_nouns and head.is_lower \
            and doc[ent.start - 1].text == "," and ent.end < len(doc) and doc[ent.end].text in {",", "."}

    def names_a_show(self, ent: Span) -> bool:
        """True for a name of two words or more that ends with a programme's head word ("Jimmy Kimmel Live!", "The
        Graham Norton Show"): a person's or a company's name does not end so."""
        words = [t for t in ent if t.is_alpha]
        return len(words) >= 2 and words[-1].text in self.show_heads and words[-1].i >= ent.end - 2

    def show_around(self, ent: Span) -> Span | None:
        """Return the programme named for a person, when the person's name stands before a programme's capitalised
        head word the model left out ("on The Ellen DeGeneres Show", "The Graham Norton Show" with only the name
        tagged): "The", the name and the head word are the title."""
        doc = ent.doc
        if ent.end >= len(doc) or doc[ent.end].text not in self.show_heads or doc[ent.end].ent_type_ \
                or doc[ent.end].is_sent_start or not doc[ent.end - 1].whitespace_:
            return None
        the = ent.start > 0 and doc[ent.start - 1].lower_ == "the"
        if not (the or doc[ent.end].text == "Live" and ent.label_ == "PERSON"):
            return None  # "… Ann Lee Show me": a show is "the … Show"; "Instagram Live" is a service's feature
        start = ent.start - 1 if the and doc[ent.start - 1].text == "The" else ent.start
        end = ent.end + 1 + (ent.end + 1 < len(doc) and doc[ent.end + 1].text == "!")
        return Span(doc, start, end, label=LABEL)

    def own_the(self, ent: Span, head: str) -> bool:
        """True for an event-headed title that keeps a capitalised "The" inside a sentence ("starred in The Hunger
        Games"): an event's article is written lower-case there ("at the Commonwealth Games")."""
        return ent[0].text == "The" and not ent[0].is_sent_start and self.heads[head] == "EVENT"

    def awards_named(self, ents: list[Span]) -> list[Span]:
        """Return `ents` with the names of awards and ceremonies that a person's or organisation's label mistook
        ("Oscar" PERSON in "the Oscar went to …", "Grammy Awards" ORG, "Brit Awards" PERSON) labelled EVENT; a word
        the article also uses in a person's longer name stays ("Olivier" beside "Laurence Olivier")."""
        names = {t.text for e in ents if e.label_ == "PERSON" and len(e) >= 2 for t in (e[0], e[-1])}
        out = []
        for ent in ents:
            words = ent.text.split() if ent.label_ in NAMES_OF_PEOPLE_AND_GROUPS else []
            if ent.label_ in NAMES_OF_PEOPLE_AND_GROUPS and (
                    len(words) == 1 and ent.text in self.awards and ent.text not in names
                    or len(words) > 1 and words[-1] in self.award_heads):
                ent = Span(ent.doc, ent.start, ent.end, label="EVENT")
            out.append(ent)
        return out

    def award_category(self, ent: Span) -> Span:
        """Return a name opening with an award category's first word ("Outstanding Comedy" of "Outstanding Comedy
        Series", tagged a person) as the award's category, with the capitalised words after it."""
        doc = ent.doc
        end = ent.end
        while end < len(doc) and doc[end].text[:1].isupper() and not doc[end].ent_type_ and not doc[end].is_sent_start:
            end += 1
        return Span(doc, ent.start, end, label="EVENT")
