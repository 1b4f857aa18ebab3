"""Certain rules around the learned recogniser, applied once the parse is known (`ner_corrections`).

- A work-labelled span whose last word heads an award, festival, company or venue ("Soul Train Music Awards",
  "Focus Features"), or that is an award's name ("Oscar"), is relabelled: those are never titles.
- A title's edges: it never ends on a lower-case function word ("Your Cheating Heart and"), and goes on across "of
  (the)" into capitalised words ("Flight of the Phoenix" when only "Flight" was found); "and" before a capitalised
  article joins two titles ("Pop Idol and The X Factor").
- A title the model cut short goes on into capitalised words no entity claims ("An Officer and a Gentleman", "For
  Your Eyes Only"), is never cut by a clitic ("Who's Your Daddy"), and takes back a possessive's owner no one is
  called ("Ocean's Twelve"; not "Spielberg's Jaws").
- A person's name between a determiner and a cue noun that a title follows is the maker ("the Whitney Houston film
  The Bodyguard"); a capitalised name no entity covers ending with an institution's head word is an organisation
  ("The Glastonbury Festival sold out").
- After a role verb, "X in Y" and "X on Y" are a character and a work ("plays Woody in Toy Story 4", "plays
  Daenerys Targaryen on Game of Thrones"), and after "starred in", "W as X" a work and a character ("starred in
  Toy Story as Woody"): the span is split.
- A proper-noun span right after a person's role noun is that person ("the writer Germaine Greer").
- A name-like span between which and a person stands a screen role noun is a work ("Gilmore Girls creator Amy
  Sherman-Palladino", "X Files actress Gillian Anderson", "Only Fools and Horses star David Jason"): a person is not
  a modifier of another person's role. So is a name with its own "The" before a screen role noun ("The Vampire
  Diaries actress told"), and a name a person's label mistook between "the" and a screen role noun ("the Gossip
  Girl alum said", "The Game of Thrones actress").
- A person's or organisation's label on a name ending with a programme's head word ("Jimmy Kimmel Live!", "The
  Graham Norton Show") is a title's.
- An event-headed name ("… Games") keeps its title label when it holds a capitalised "The" inside a sentence
  ("starred in The Hunger Games"; an event's article is lower-case there: "at the Commonwealth Games").
- A name labelled a person or place, or not at all, is a work after a year's possessive ("1988's The Great
  Outdoors"), after "of" and a maker's or version's noun ("the creator of Family Guy"), before "starring" and a person
  ("Kinsey starring Liam Neeson"), after an award's category and "for" ("best actress for Moonlight Garden"); never
  when it modifies a noun after it or the article names it a person.
- A name shaped like a person's is one where only a performer stands, after "played by" and a description or before
  "as" and a role in a cast ("is played by former singer Lee Gaskin", "joined by Amber Tolliver as youngest sister
  Dot"), and so is the character after a performer's "as" and a description ("stars Sir Bernard Scholes as the
  ailing Lord Ashcombe").
- Members of a list share their type: a name listed with works, or in a list a plural work noun opens ("films
  including Raging Bull, Michael Collins and Goodfellas", "the star of Rain Man and Tootsie"), is a work (see
  `listed_with_works` for which labels yield to how many works).
- A person's name the model cut at a hyphen is whole ("Agathe Moreau-Lind" found as "Lind").
(Names the model glued words to, and titles that speak, are repaired by `pipeline/names.py` in entity resolution.)

The component is one class made of parts kept in their own modules: a title's edges and lists (`edges.py`),
relabelling (`relabelling.py`) and the constructions that label spans (`construction_rules.py`); the word sets
and token tests they share are in `correction_words.py`.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entities import add_rule_spans, load_json
from ..names import COMPANY_NOUNS, FIRST_NAMES
from ..tokens import TokenArrays
from .construction_rules import Constructions
from .correction_words import (
    LABEL, NAME_LABELS, staff_of, hyphenated_name, possessive_titles, split_at_commas, double_surnamed,
    doc_honorific)
from .edges import TitleEdges
from .relabelling import Relabelling
from .shapes import POSSESSIVES, credited_by, hosts_joined, peers_styled

__all__ = ["NerCorrections", "make_ner_corrections", "split_at_commas"]


@Language.factory("ner_corrections", default_config={"data_file": "title_corrections.json"})
def make_ner_corrections(nlp: Language, name: str, data_file: str) -> "NerCorrections":
    return NerCorrections(load_json(data_file))


class NerCorrections(Relabelling, Constructions, TitleEdges):
    """Relabels or splits the work-title spans that a certain rule says are something else."""

    def __init__(self, data: dict):
        self.heads = {word: label for label, words in data["head_labels"].items() for word in words}
        self.awards = set(data["award_names"])
        self.award_heads = set(data["award_heads"])
        self.role_verbs = set(data["role_verbs"])
        self.screen_roles = set(data["screen_roles"])
        self.show_heads = set(data["show_heads"])
        self.outlet_words = set(data["outlet_words"])
        self.kin_nouns = set(data["kin_nouns"])
        self.institution_heads = set(data["institution_heads"])
        self.naming_verbs = frozenset(data["naming_verbs"])
        self.genre_words = frozenset(data["genre_words"])
        self.host_heads = frozenset(data["host_heads"])
        self.place_heads = frozenset(data["place_heads"])
        self.place_verbs = frozenset(data["place_verbs"])
        self.person_before = frozenset(data["person_before_words"])
        self.act_nouns = frozenset(data["act_nouns"])
        self.member_nouns = frozenset(data["member_nouns"])
        self.place_nouns = frozenset(data["place_nouns"])
        self.place_of_nouns = frozenset(data["place_of_nouns"])
        self.product_nouns = {word: label for label, words in data["product_nouns"].items() for word in words}
        self.category_openers = set(data["award_category_openers"])
        self.maker_nouns = set(data["maker_nouns"])
        cues = load_json("work_cues.json")
        self.inner = frozenset(cues["title_inner"])
        self.cue_nouns = frozenset(cues["cue_nouns_before"]) & frozenset(cues["cue_nouns_after"])
        self.cue_nouns_after = frozenset(cues["cue_nouns_after"])
        # Nouns a title stands in apposition to though they name no kind of work ("her 2015 debut, Cherry Static,").
        self.apposed_nouns = self.cue_nouns_after | frozenset(cues["apposition_nouns"])
        quote_cues = load_json("quote_cues.json")
        self.spokes_nouns = frozenset(quote_cues["org_roles"]) - {"ruling"}
        self.spokes_after = self.spokes_nouns - {"statement"}  # "a Parlophone spokeswoman"; not "X statement"
        self.person_roles = self.screen_roles | set(quote_cues["person_roles"])
        # The occupations written before a name ("Actress Pauline Hale"), not a style or a rank ("King Arthur").
        self.occupations = self.screen_roles | set(quote_cues["role_kinds"]["nouns"])
        self.styles = frozenset(data["styles"])

    def __call__(self, doc: Doc) -> Doc:
        ents = []
        doc_ents = doc.ents  # (each read of `doc.ents` makes its spans anew)
        tokens = TokenArrays(doc)
        found = list(doc_ents)
        surnames = frozenset(e[-1].text for e in found if e.label_ == "PERSON")
        found = possessive_titles([part for ent in found for part in split_at_commas(ent)])
        people = {e.text for e in found if e.label_ == "PERSON"}
        for ent in found:
            if "/" in tokens.span_text(ent) and any(t.like_url and "/" in t.text for t in ent):
                continue  # a link embedded with a post ("pic.twitter.com/7gbYe8 - Orlando") names nothing
            owned = next((t.i for t in ent[1:-1] if t.text in POSSESSIVES and doc_honorific(doc, t.i + 1)), None) \
                if ent.label_ in NAME_LABELS | {LABEL} else None
            if owned is not None:
                # "OutRage!'s Mr Lock said" tagged one name: an honorific starts a person's name, whom the name
                # before the possessive employs or owns.
                ents += [Span(doc, ent.start, owned, label="ORG"), Span(doc, owned + 1, ent.end, label="PERSON")]
            elif ent.label_ == LABEL and ent[-1].text == "!" and (ent[:-1].text in people or 3 <= len(ent) <= 4 and (
                    ent[0].lower_ in FIRST_NAMES and all(t.is_alpha and t.is_title for t in ent[:-1]))):
                # "Wedding bells are ringing for Kayla Brightwater!": a person the article names, or a first name and
                # a surname, exclaimed ("Mamma Mia!", "Oklahoma!" stay titles).
                ents.append(Span(doc, ent.start, ent.end - 1, label="PERSON"))
            elif ent.label_ == LABEL:
                ents.extend(self.correct(ent, surnames, found))
            elif ent.label_ == "PERSON" and (whole := hyphenated_name(ent)) is not None:
                ents.append(whole)
            elif ent.label_ in {"NORP", "GPE", "PERSON", "FAC", "PRODUCT"} and ent.ent_id_ != "gazetteer" \
                    and ent.start > 1 and doc[ent.start - 1].text == "," and doc[ent.start - 2].is_lower \
                    and doc[ent.start - 2].lemma_.lower() in COMPANY_NOUNS \
                    and (ent.end == len(doc) or doc[ent.end].is_punct):
                # "the show's network, Meridian,", "her label, Keystone": a company's noun says what the name is.
                ents.append(Span(doc, ent.start, ent.end, label="ORG"))
            elif ent.label_ == "FAC" and ent.ent_id_ != "gazetteer" and self.has_spokesman(ent):
                # "A spokeswoman for the Regent Playhouse said": a venue with a spokesman is its organisation.
                ents.append(Span(doc, ent.start, ent.end, label="ORG"))
            elif ent.label_ in {"PERSON", "ORG"} and ent.ent_id_ != "gazetteer" and self.names_a_show(ent):
                ents.append(Span(doc, ent.start, ent.end, label=LABEL))
            elif ent.label_ in {"PERSON", "ORG"} and (show := self.show_around(ent)) is not None:
                ents.append(show)
            elif ent.label_ in NAME_LABELS and len(ent) > 1 and ent[0].text in self.category_openers:
                ents.append(self.award_category(ent))
            elif ent.label_ in NAME_LABELS - {"PERSON"} and ent.ent_id_ != "gazetteer" and (
                    ent[0].lower_ in FIRST_NAMES and (self.apposed_to_role(ent) or credited_by(ent) or staff_of(ent))
                    or double_surnamed(ent) or self.apposed_to_kin(ent)):
                # "The woman's lawyer, Dolores Brant, said" with the name tagged an organisation.
                ents.append(Span(doc, ent.start, ent.end, label="PERSON"))
            else:
                ents.append(ent)
        ents = hosts_joined(self.awards_named(ents), self.host_heads)
        modifiers = self.role_modifiers(doc, doc_ents, tokens)
        ents = filter_spans(ents)
        acts = list(self.listed_as_acts(doc, ents, self.act_nouns))
        if acts:
            taken = {(s.start, s.end) for s in acts}
            ents = acts + [e for e in ents if (e.start, e.end) not in taken]
        listed = list(self.listed_with_works(doc, ents))
        built = self.constructions(doc, ents, tokens)
        add_rule_spans(doc, [Span(doc, s.start, s.end, label="role_modifier") for s in modifiers]
                       + [Span(doc, s.start, s.end, label="listed") for s in listed]
                       + [Span(doc, s.start, s.end, label=rule) for s, rule in built])
        modifiers = filter_spans(modifiers + listed + [s for s, _ in built])
        if modifiers:
            taken = {(s.start, s.end) for s in modifiers}
            ents = modifiers + [e for e in ents if (e.start, e.end) not in taken]
        ents = ents + self.untagged_institutions(doc, ents, tokens)
        outlets = self.outlets_told(doc, tokens) + peers_styled(doc, tokens)
        if outlets:
            taken = {t.i for s in outlets for t in s}
            ents = outlets + [e for e in ents if not any(i in taken for i in range(e.start, e.end))]
        doc.set_ents(filter_spans(ents))
        return doc
