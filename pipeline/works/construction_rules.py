"""Constructions that make a span a title or a person whatever the recogniser said: role modifiers, lists with works,
names after a role noun, institutions and outlets no entity covers."""
from __future__ import annotations

from spacy.attrs import DEP
from spacy.tokens import Doc, Span

from ..names import COMPANY_WORDS, FIRST_NAMES, NAME_SEX
from ..tokens import TokenArrays
from .correction_words import (
    LABEL, MISTAKEN, MISTAKEN_BEFORE_STARRING, STARRING, DETERMINERS, ROLE_NOUNS, PERFORMANCE_NOUNS,
    POSSESSIVE_PRONOUNS, PERFORM_IN_VERBS, IN_WHICH_VERBS, PART_NOUNS, PART_DETERMINERS, ORDINALS,
    RELEASE_ADJECTIVES, CONSTRUCTION_WORDS, FOLLOW_UP_NOUNS, COMPANY_ENDINGS, AWARD_CATEGORIES, PersonEvidence,
    STAR_VERBS, title_run_end, title_run_start, after_apposition, goes_on)
from .shapes import (
    LIST_NOUNS, MAKER_VERBS, POSSESSIVES, VENUE_HEADS, after_work_noun, apposed_to_work_noun,
    hyphen_start, list_member, name_run_start, opened_by_work_noun, person_shaped_words, upper_word)


def conjunct_groups(doc: Doc) -> set[tuple[int, ...]]:
    """Return the token indices of each coordination ("A, B and C"), in order."""
    conj = doc.vocab.strings["conj"]
    return {tuple(sorted({i, *(c.i for c in doc[i].conjuncts)}))
            for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == conj}


def _included_by(doc: Doc, start: int, nouns: frozenset[str]) -> bool:
    """True when the list at token `start` is what a form of "include" says one of `nouns` includes, past the
    noun's modifiers ("Other bands at the festival include A, B and C")."""
    if start == 0 or doc[start - 1].lemma_ != "include":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in nouns for c in doc[start - 1].children)


class Constructions:
    """Finds the spans certain constructions label; mixed into `NerCorrections`."""

    def role_modifiers(self, doc: Doc, ents: tuple[Span, ...], tokens: TokenArrays) -> list[Span]:
        """Return the spans standing before "<screen role> <person>" that are works, not people (`ents`: the doc's
        entities; `tokens`: its token arrays)."""
        found = []
        ends = {e.end: e for e in ents}
        starts = {e.start: e for e in ents}
        lower, is_lower = tokens.lower, tokens.is_lower
        people = PersonEvidence(list(ents))
        for token in (doc[i] for i in range(1, len(doc) - 1) if lower[i] in self.screen_roles and is_lower[i]):
            role = hyphen_start(doc, token.i)  # "her Lost co-star": the name stands before "co", not "star"
            after = starts.get(token.i + 1)
            if after is None or after.label_ != "PERSON":
                # "The Vampire Diaries actress told", "The Real Housewives star said": a name that takes "The" as
                # its own first word before a screen role is a show (a person's or a company's name does not).
                before = ends.get(role)
                if before is not None and before.label_ in {"PERSON", "ORG"} and len(before) >= 2 \
                        and before[0].text == "The" and doc[before.end - 1].text[:1].isupper():
                    found.append(Span(doc, before.start, before.end, label=LABEL))
                else:
                    named = self.determined_name(doc, role, ends)
                    if named is not None and not people.named(named):
                        found.append(named)
                continue
            before = ends.get(role)
            if before is not None:
                # Only a person-labelled span: "Westlife star", "BBC presenter" name a band or an organisation; and
                # not a kind of work alone, which is a genre ("Comedy actor Bernard Tolley").
                if before.label_ == "PERSON" and not (len(before) == 1 and before[0].lower_ in self.cue_nouns_after):
                    found.append(Span(doc, before.start, before.end, label=LABEL))
                continue
            start = title_run_start(doc, role, self.inner)
            if role - start >= 2:
                found.append(Span(doc, start, role, label=LABEL))
        return found

    def determined_name(self, doc: Doc, role: int, ends: dict[int, Span]) -> Span | None:
        """Return, as a work span, the name between the article "the" (or a possessive: "her Harbour Lights
        co-stars") and the screen role noun at token `role` when a person's label mistook it: "the Gossip Girl alum
        said" ("Gossip Girl" a person), "The Game of Thrones actress" ("Game" a person, "Thrones" an
        organisation). A person is not a modifier of someone's role, and a determiner does not open a person's
        name; a name that is one place or organisation stays it ("the BBC presenter", "the Chelsea star")."""
        start = role
        while start > 0 and doc[start - 1].lower_ not in DETERMINERS and (
                doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
                or doc[start - 1].lower_ in self.inner and doc[start - 1].is_lower
                and start < role and start > 1 and doc[start - 2].text[:1].isupper()):
            start -= 1
        det = start - 1
        if start == role or det < 0 or doc[det].lower_ not in DETERMINERS or doc[start].lower_ in self.inner:
            return None
        if doc[det].lower_ != "the" and (not doc[det].is_lower or doc[start].lower_ in FIRST_NAMES):
            return None  # "Her Majesty"; "their Tom Reeve co-stars" keeps the person
        if doc[det].text == "The" and det > 0 and doc[det - 1].text[:1].isupper() and not doc[det].is_sent_start:
            return None  # "The" inside a longer name ("Keeping Up With The Kardashians")
        # A place after the title's own "of" is the title's ("The Real Housewives of Beverly Hills star").
        after_of = next((i for i in range(start, role) if doc[i].lower_ == "of"), role)
        labels = {doc[i].ent_type_ for i in range(start, role)
                  if not (i > after_of and doc[i].ent_type_ in {"GPE", "LOC"})}
        whole = ends.get(role)
        if not labels <= {"PERSON", "ORG", ""} or whole is not None and whole.start == start and whole.label_ != "PERSON":
            return None
        if "PERSON" not in labels and ("" not in labels or role - start < 2):
            return None  # one organisation, or a word the recogniser left alone ("the Marvel star")
        return Span(doc, start, role, label=LABEL)

    @staticmethod
    def listed_as_acts(doc: Doc, ents: list[Span], act_nouns: frozenset[str]):
        """Yield, as organisations, the titles of a list a plural act noun opens with "include", "including",
        "such as" or "like" ("acts such as Glass Wolves, The Lantern Men and Dusty Roads"): its members are acts.
        Not a title in quotation marks."""
        by_token = {i: e for e in ents for i in range(e.start, e.end)}
        groups = conjunct_groups(doc)
        for group in groups:
            members = [list_member(doc, doc[i], by_token) for i in group]
            members = [m for m in members if m is not None]
            if not members or not any(m.label_ == LABEL for m in members):
                continue
            # The list opens with its first name, which the parser may attach to the opening words rather than
            # to the list ("acts such as A, B and C": A the object of "as", B in apposition to it).
            start = name_run_start(doc, min(min(group), min(m.start for m in members)))
            while start > 2 and doc[start - 1].text == "," and upper_word(doc[start - 2]):
                start = name_run_start(doc, start - 2)
            if not (opened_by_work_noun(doc, start, act_nouns) or _included_by(doc, start, act_nouns)):
                continue
            for member in members:
                quoted = member.start > 0 and doc[member.start - 1].is_quote
                if member.label_ == LABEL and not quoted:
                    # a solo act's name is a person's ("Artists including Picasso", "… Ana Lowe"), a group's not
                    solo = len(member) == 1 or member[0].lower_ in FIRST_NAMES and person_shaped_words(member)
                    yield Span(doc, member.start, member.end, label="PERSON" if solo else "ORG")

    @staticmethod
    def listed_with_works(doc: Doc, ents: list[Span]):
        """Yield the names a list makes works. Members of one coordination share their type, so a list's work
        labels carry over its other members:
        - a place listed with a work ("Casino Royale, Spectre and Skyfall");
        - a nationality's label listed with two works ("Reservoir Dogs, The Blair Witch Project and Clerks");
        - a person or organisation listed with two works or more after a plural work noun ("films including Raging
          Bull, Michael Collins and Goodfellas");
        - a capitalised name no entity covers, listed with works and nothing else ("the star of Rain Man and
          Tootsie");
        - every name of a list a plural work noun opens with "include", "including", "such as" or "like" ("her films
          include Paper Lanterns, Marlowe and Dusk Avenue"), works or not.
        Never a name the gazetteer knows, one the article uses for a person elsewhere ("Reeve said"), nor members of
        a list of people or bands beside works ("Harbour Lights and Tom Reeve", "bands include Keane and Muse")."""
        by_token = {i: e for e in ents for i in range(e.start, e.end)}
        people = PersonEvidence(ents)
        groups = conjunct_groups(doc)
        for group in groups:
            # "two novels, A and B": the parser may join the plural noun to the list it opens.
            named = [i for i in group if not (doc[i].is_lower and doc[i].lower_ in LIST_NOUNS)]
            group = named if len(named) >= 2 and named[0] > group[0] else group
            members = [list_member(doc, doc[i], by_token) for i in group]
            if any(m is None for m in members):
                continue
            members = list({(m.start, m.end): m for m in members}.values())
            works = sum(1 for m in members if m.label_ == LABEL)
            start = min(m.start for m in members)
            opened = opened_by_work_noun(doc, start) or apposed_to_work_noun(doc, start, members)
            after_noun = opened or after_work_noun(doc, start)
            longest = max((len(m) for m in members if m.label_ == LABEL), default=0)
            for other in members:
                if other.label_ == LABEL or other[0].ent_id_ == "gazetteer" or people.named(other):
                    continue
                if works and len(other) > longest + 2:
                    continue
                if opened and not (other.label_ == "PERSON" and other[0].lower_ in FIRST_NAMES and not works) \
                        or other.label_ in ("GPE", "LOC", "FAC") and works \
                        or other.label_ == "NORP" and works >= 2 \
                        or other.label_ in ("PERSON", "ORG") and works >= 2 and after_noun \
                        or not other.label_ and works and works + sum(not m.label_ for m in members) == len(members):
                    yield Span(doc, other.start, other.end, label=LABEL)

    def constructions(self, doc: Doc, ents: list[Span], tokens: TokenArrays) -> list[tuple[Span, str]]:
        """Return the names, labelled a person or place or not at all, that a construction of English makes a work,
        each with the construction's name:
        - `year_possessive`: after a year's possessive ("1988's The Great Outdoors", "her 1972's Virginia Plain");
        - `maker_of`: after "of" and a maker's or a work's noun ("the creator of Family Guy", "the star of
          Alexander", "a remake of Thundercats");
        - `award_for`: after an award's category and "for" ("won best actress for Moonlight Garden");
        - `starring`: before "starring", "stars" or "starred" and a person ("Kinsey starring Liam Neeson", "Martha
          Cole, which stars Ann Lee");
        - `owner_release`: after an owner's possessive and a release's adjective ("Marvel's upcoming Iron Shadow");
        - `part_of`: after a work's part or event and "of" ("the premiere of Dark Water", "season 4 of Love Harbor",
          "productions of Kestrel Bay", also over an organisation's label);
        - `made_by`: before a comma and a maker's participle with "by" ("Harbour Lane, created by Pauline Greaves,");
        - `cue_noun`: a person- or organisation-labelled name right after a work's noun that a determiner or a
          modifier opens, or in apposition to it ("whose debut feature Birch Season", "the 2014 drama Cold Creek",
          "her novel, Cloud Atlas,"), not one with a known first name ("the film Ray") nor a company's;
        - `role_in`: after a possessive's performance noun and "in"/"on" ("her role in Salt Roads", "his work on
          Harbour Lights"), and, over a person's label, after "starred/appeared/was cast in", "fame in" and "the
          title role in" ("Ann Lee starred in Martha Cole"; not a name that speaks elsewhere);
        - `follow_up`: after "the sequel/prequel/follow-up to" ("the sequel to Martha Cole");
        - `in_which`: before ", in which" and a person who plays or stars ("Sister Agnes Investigates, in which
          Wendy Carrow played a nun");
        - `channel_possessive`: after the possessive of a channel, service, studio or publication the gazetteer knows
          ("ITV's Kettlewell Road", "Netflix's Firewall High"), not a name opening with a known first name ("ITV's
          Michael Grade"), a company's, an institution's or an award's ("Billboard's Century Award").
        Never a name that modifies a noun after it ("1966's World Cup winner", "director of Glastonbury
        festival"), and, except after a year, never a name the article uses for a person elsewhere."""
        starts = {e.start: e for e in ents}
        ends = {e.end: e for e in ents}
        people = PersonEvidence(ents)
        lower = tokens.lower
        found = []
        words = CONSTRUCTION_WORDS | self.apposed_nouns
        for i in (i for i in range(1, len(doc) - 1) if lower[i] in words):
            token, before = doc[i], doc[i - 1]
            if lower[i] in POSSESSIVES and before.like_num and len(before.text) == 4 and before.text[:2] in {"19", "20"}:
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None:
                    found.append((name, "year_possessive"))
            elif lower[i] in POSSESSIVES and i + 2 < len(doc) and lower[i + 1] in RELEASE_ADJECTIVES \
                    and doc[i + 1].is_lower and doc[i + 2].text[:1].isupper():
                # "Marvel's upcoming Iron Shadow", "her new Harbour Lights": an owner's coming or new name is a
                # release ("her new boyfriend Tom" has a noun between).
                name = self._name_at(doc, i + 2, starts, self.inner)
                if name is not None and not people.named(name) and lower[name.start] not in FIRST_NAMES:
                    found.append((name, "owner_release"))
            elif lower[i] in POSSESSIVES and ends.get(i) is not None and ends[i][0].ent_id_ == "gazetteer" \
                    and ends[i].label_ == "ORG" and not before.whitespace_:
                # "ITV's Kettlewell Road", "Netflix's Firewall High": what a channel, service or studio owns and
                # the article names is its programme or release, not a person or a place ("ITV's Michael Grade"
                # opens with a first name and stays a person).
                name = self._name_at(doc, i + 1, starts, self.inner, labels=MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and not people.speaks_elsewhere(name) \
                        and lower[name.start] not in FIRST_NAMES and name[0].ent_id_ != "gazetteer" \
                        and lower[name.end - 1] not in COMPANY_WORDS \
                        and name[-1].text not in self.institution_heads | self.award_heads:
                    found.append((name, "channel_possessive"))  # not "Billboard's Century Award"
            elif lower[i] == "of" and lower[i - 1] in self.maker_nouns and before.is_lower:
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None and not people.named(name):
                    found.append((name, "maker_of"))
            elif lower[i] == "to" and (lower[i - 1] in FOLLOW_UP_NOUNS or "".join(lower[max(0, i - 3) : i]) in FOLLOW_UP_NOUNS) \
                    and before.is_lower:
                # "the sequel to Martha Cole", "a follow-up to Harbour Lights": a work follows a work.
                name = self._name_at(doc, i + 1, starts, self.inner, labels=MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((name, "follow_up"))
            elif lower[i] == "in" and (before.lemma_.lower() in PERFORM_IN_VERBS and before.pos_ == "VERB"
                                       or lower[i - 1] == "fame" or lower[i - 2 : i] == ["title", "role"]) \
                    and before.is_lower:
                # "Ann Lee starred in Martha Cole", "was cast in Gideon Hale", "shot to fame in Martha Cole", "plays
                # the title role in Martha Cole": one performs in a work, not in a person (a place keeps its label:
                # "appeared in Tokyo").
                # One stars in no company either ("Christina Applegate will star in Sweet Charity" tagged an
                # organisation); one appears in a magazine, so there only a person's label is a mistake.
                labels = {"PERSON", "ORG"} if before.lemma_.lower() in STAR_VERBS else {"PERSON"}
                name = self._name_at(doc, i + 1, starts, self.inner, labels=labels)
                if name is not None and not people.named(name) and not people.speaks_elsewhere(name) \
                        and not (starts.get(i + 1) is not None and starts[i + 1].label_ == "ORG" and (
                            name[0].ent_id_ == "gazetteer" or lower[name.end - 1] in COMPANY_ENDINGS)) \
                        and not (name.end < len(doc) and (
                        doc[name.end].text in POSSESSIVES or goes_on(doc, name.end) and doc[name.end].pos_ == "NOUN")):
                    found.append((name, "role_in"))
            elif lower[i] in {"in", "on"} and lower[i - 1] in PERFORMANCE_NOUNS and before.is_lower \
                    and any(lower[j] in POSSESSIVE_PRONOUNS for j in range(max(0, i - 3), i - 1)):
                # "her role in Salt Roads", "his turn in Dark Water", "his work on Harbour Lights": what someone
                # performs in is a work ("her work on Channel 4" keeps the channel: no organisation after "work").
                # Where one debuts, appears or works may be a place ("made its debut in Vienna"): there only a
                # person's label is a mistake.
                labels = MISTAKEN | {"ORG"} if lower[i - 1] in ROLE_NOUNS else {"PERSON"}
                name = self._name_at(doc, i + 1, starts, self.inner, labels=labels)
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS:
                    found.append((name, "role_in"))
            elif lower[i] in self.apposed_nouns and token.is_lower and token.tag_ == "NN" \
                    and (at := after_apposition(doc, i + 1)) < len(doc) \
                    and starts.get(at) is not None and starts[at].label_ in {"PERSON", "ORG"} \
                    and (before.dep_ in {"det", "poss", "amod", "nummod", "compound"}
                         or before.tag_ in {"DT", "PRP$", "JJ", "CD"}):
                # "whose debut feature Birch Season premiered", "the 2014 drama Cold Creek", "the psychological
                # thriller, 'Underwater'": a name right after a work's noun, or in apposition to it, is its title, not
                # a person (not one with a known first name: "the film Ray").
                name = starts[at]
                if at > i + 1 and token.dep_ == "pobj" and (token.head.lower_ == "of" or lower[name.start] in FIRST_NAMES
                                                             and token.head.head.lower_ in self.person_roles):
                    # "the director of the film, Vinod Pande,", "Her co-star in the film, Tom Reed,": the name is
                    # the noun's before the preposition (not "her role in the drama, Harbour Lights,")
                    continue
                if at > i + 1 and name.root.dep_ in {"nsubj", "nsubjpass"} and name.root.head.i > name.end - 1:
                    continue  # "Asked if she would return to the show, Kardashian laughed": a clause's subject
                # A known first name is a person after the noun ("the film Ray"), not set off as a title of two
                # words or more ("her 2015 debut, Cherry Static,").
                first_name = lower[name.start] in FIRST_NAMES and (at == i + 1 or len(name) < 2)
                if not people.named(name) and not first_name and name[0].ent_id_ != "gazetteer" \
                        and lower[name.end - 1] not in COMPANY_ENDINGS \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS \
                        and not (name.end < len(doc) and goes_on(doc, name.end) and doc[name.end].pos_ == "NOUN"):
                    found.append((Span(doc, name.start, name.end, label=LABEL), "cue_noun"))
            elif lower[i] == "by" and before.tag_ == "VBN" and before.lemma_.lower() in MAKER_VERBS and i > 2 \
                    and doc[i - 2].text == "," and ends.get(i - 2) is not None and ends[i - 2].label_ in MISTAKEN:
                # "Harbour Lane, created by Pauline Greaves in 1989, is …": no one is created or directed by a
                # person; what is, is a work.
                name = ends[i - 2]
                if not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((Span(doc, name.start, name.end, label=LABEL), "made_by"))
            elif lower[i] == "by" and before.tag_ == "VBN" and before.lemma_.lower() in MAKER_VERBS \
                    and (name := self._passive_subject(doc, before, ends, people)) is not None:
                # "Iron Coast was directed by Owen Marsh", "Cold Creek has been written by X": a name the sentence
                # opens with that a maker's passive has made is a work; not one that looks a person's ("Nicole
                # Kidman was directed by Lars Trier": an actor is directed too).
                found.append((name, "made_by"))
            elif lower[i] == "of" and before.like_num and i > 2 and lower[i - 2] in PART_NOUNS | {"series"} \
                    and doc[i - 2].is_lower:
                # "competed on season 4 of Love Harbor", "episode 3 of Harbour Lights": a numbered part of a work.
                name = self._name_at(doc, i + 1, starts, self.inner, labels=MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS:
                    found.append((name, "part_of"))
            elif lower[i] == "of" and (lower[i - 1] in PART_NOUNS or lower[i - 1] == "series" and lower[i - 2] in ORDINALS) \
                    and before.is_lower \
                    and (lower[i - 2] == "the" or lower[i - 1] != "set" and (lower[i - 2] in PART_DETERMINERS
                                                                            or before.tag_ == "NNS")):
                # "the premiere of Dark Water", "an episode of Harbour Lights": a work's part or event is of a work,
                # whatever label the name has (no company premieres: "Dark Water" tagged an organisation).
                name = self._name_at(doc, i + 1, starts, self.inner, labels=MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS \
                        and not (name.end + 1 < len(doc) and doc[name.end].text == "(" and starts.get(name.end + 1)
                                 is not None and starts[name.end + 1].label_ == "PERSON"):
                    found.append((name, "part_of"))  # not "the first season of Buck (Gil Gerard)": a character
            elif lower[i] == "for" and lower[i - 1] in AWARD_CATEGORIES and "best" in lower[max(0, i - 4) : i - 1]:
                # "won best actress for Moonlight Garden", "best supporting actor for Harbour Lights": a category
                # of an award is given for a work.
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None and not people.named(name) and lower[name.start] not in FIRST_NAMES:
                    found.append((name, "award_for"))  # not "best actor for Paul Giamatti"
            elif lower[i] == "in" and lower[i + 1] == "which" and lower[i - 1] == "," and ends.get(i - 1) is not None \
                    and ends[i - 1].label_ in MISTAKEN | {"ORG"} and starts.get(i + 2) is not None \
                    and starts[i + 2].label_ == "PERSON" and any(
                        t.lemma_.lower() in IN_WHICH_VERBS for t in doc[starts[i + 2].end : starts[i + 2].end + 2]):
                # "She created Sister Agnes Investigates, in which Wendy Carrow played a nun": what someone plays or
                # stars in is a work.
                name = ends[i - 1]
                if not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((Span(doc, name.start, name.end, label=LABEL), "in_which"))
            elif lower[i] in STARRING and (token.pos_ == "VERB" or lower[i - 1] in {"which", "that"}):
                # "Kinsey starring Liam Neeson", "Mississippi Masala, starring Denzel Washington"
                person = starts.get(i + 1)
                # ("Martha Cole, which stars Ann Lee": the relative pronoun stands between)
                end = i - 2 if lower[i - 1] in {"which", "that"} and lower[i - 2] == "," else i
                name = self._name_before(doc, end - 1 if lower[end - 1] == "," else end, ends, lower[i])
                # Not "a film by Marc Forster starring …".
                if person is not None and person.label_ == "PERSON" and name is not None \
                        and (name.start == 0 or lower[name.start - 1] != "by") and not people.named(name):
                    found.append((name, "starring"))
        return found

    def _passive_subject(self, doc: Doc, verb, ends: dict[int, Span], people) -> Span | None:
        """Return, as a work span, the name opening the sentence that is the passive subject of the maker's
        participle `verb` ("Iron Coast was directed by", "Dark Harbour has been written by"): an entity a place label
        mistook, one a person's label did when no given name opens it and no "he" or "she" follows, or a run of
        untagged capitalised words; None for any other subject."""
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        maker = next((e for e in ends.values() if e.start == agent.i + 1), None) if agent is not None else None
        if maker is None or maker.label_ not in ("PERSON", "ORG"):
            return None  # made by someone named ("was produced by nobody", "was written by hand" make no work)
        j = verb.i
        while j > 0 and (doc[j - 1].dep_ in ("auxpass", "aux", "neg") or doc[j - 1].tag_ == "RB"):
            j -= 1
        if j == verb.i or not any(doc[k].dep_ == "auxpass" for k in range(j, verb.i)):
            return None
        ent = ends.get(j)
        if ent is not None:
            if ent.label_ not in MISTAKEN:
                return None
            if ent.label_ == "PERSON" and (ent[0].lower_ in NAME_SEX or any(
                    t.lower_ in ("he", "she") and t.dep_ in ("nsubj", "nsubjpass") for t in doc[verb.i : verb.sent.end])):
                return None  # an actor is directed too: a given name the records know ("Saoirse Ronan was directed
                # by …"), or a "he"/"she" subject after it ("…, and she was nominated")
            name = Span(doc, ent.start, ent.end, label=LABEL)
        else:
            start = title_run_start(doc, j, self.inner)
            if start >= j:
                return None
            name = Span(doc, start, j, label=LABEL)
        if len(name) == 1 and (ent is None or ent.label_ == "PERSON"):
            return None  # one word is a surname as often ("Kidman was directed by Lars Trier"); a place's label not
        if not name[0].is_sent_start or name.root.dep_ != "nsubjpass" or name.root.head.i != verb.i \
                or name[0].lower_ in FIRST_NAMES or people.named(name) or people.speaks_elsewhere(name) \
                or name[0].ent_id_ == "gazetteer":
            return None
        return name

    def _name_before(self, doc: Doc, end: int, ends: dict[int, Span], word: str) -> Span | None:
        """Return the name ending before token `end` as a work span: a person-labelled entity, or (before
        "starring") an entity a place label mistook for a work or a run of untagged capitalised words. Before
        "stars" and "starred" only a person-labelled one: "Hollywood stars Leonardo DiCaprio" is a noun phrase."""
        ent = ends.get(end)
        if ent is not None:
            ok = ent.label_ == "PERSON" or word == "starring" and ent.label_ in MISTAKEN_BEFORE_STARRING
            return Span(doc, ent.start, ent.end, label=LABEL) if ok else None
        if word != "starring":
            return None
        start = title_run_start(doc, end, self.inner)
        return Span(doc, start, end, label=LABEL) if start < end and not doc[start].is_sent_start else None

    @staticmethod
    def _name_at(doc: Doc, i: int, starts: dict[int, Span], inner: frozenset[str] = frozenset(),
                 labels: set[str] = MISTAKEN) -> Span | None:
        """Return the name starting at token `i` (an entity a person or place label mistook for a work, or a run of
        untagged capitalised words, across the `inner` words between them) as a work span, unless it goes on into
        what follows (see `goes_on`)."""
        ent = starts.get(i)
        if ent is not None:
            if ent.label_ not in labels:
                return None
            start, end = ent.start, ent.end
        else:
            start, end = i, title_run_end(doc, i, inner)
            if end == i:
                return None
        if doc[end - 1].text in POSSESSIVES or end < len(doc) and goes_on(doc, end):
            return None
        return Span(doc, start, end, label=LABEL)

    def untagged_institutions(self, doc: Doc, ents: list[Span], tokens: TokenArrays) -> list[Span]:
        """Return ORG spans for the capitalised names no entity covers that end with an institution's head word
        (`institution_heads`: "The Glastonbury Festival sold out", "the Royal Television Society said"): the model
        leaves some unlabelled at a sentence's start, and an organisation named so speaks through its organisers.
        One that opens with "The" and ends with a programme's head word is a title ("on The Ellen DeGeneres
        Show")."""
        heads = [i for i, text in enumerate(tokens.text)
                 if (text in self.institution_heads or text in self.show_heads) and i > 0]
        if not heads:
            return []
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for head in (i for i in heads if i not in taken):
            start = head
            while start > 0 and start - 1 not in taken and doc[start - 1].is_alpha \
                    and doc[start - 1].text[:1].isupper() and not doc[start].is_sent_start:
                start -= 1
            if doc[head].text in self.show_heads:
                # "on The Ellen DeGeneres Show" left untagged: "The", a name and a programme's head word.
                if doc[start].text == "The" and start + 2 < head:
                    found.append(Span(doc, start, head + 1, label=LABEL))
            elif start < head and doc[start].text != "The" or start + 1 < head:
                found.append(Span(doc, start, head + 1, label="ORG"))
        return found

    def outlets_told(self, doc: Doc, tokens: TokenArrays) -> list[Span]:
        """Return ORG spans for the magazines named by a common word ("People", "Us") where a quote's recipient
        stands: after "told", "to" or "with", inside a sentence ("she told People", "in an interview with Us")."""
        found = []
        for tok in (doc[i] for i, text in enumerate(tokens.text) if text in self.outlet_words):
            if tok.i > 0 and not tok.is_sent_start \
                    and doc[tok.i - 1].lower_ in {"told", "tells", "tell", "to", "with"} \
                    and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()):
                found.append(Span(doc, tok.i, tok.i + 1, label="ORG"))
        return found
