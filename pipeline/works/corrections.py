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
"""
from __future__ import annotations

from collections import Counter

from spacy.attrs import DEP
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entities import add_rule_spans, load_json
from ..names import COMPANY_NOUNS, COMPANY_WORDS, DEMONYMS, FIRST_NAMES, HONORIFICS, ORG_WORDS, hyphen_joins, speaks
from ..records import doc_text
from ..tokens import TokenArrays
from .shapes import (LIST_JOINERS, LIST_NOUNS, MAKER_VERBS, NAMES_OF_PEOPLE_AND_GROUPS, POSSESSIVES, QUOTE_MARKS, VENUE_HEADS,
                     after_work_noun, apposed_to_work_noun, before_of, capitalised, character_after_as,
                     character_in_parentheses, performer_named, credited_by, person_shaped_words, glued, hyphen_start, list_member, maker_after_by,
                     hosts_joined, opened_by_work_noun, owner_named_elsewhere, peers_styled,
                     publication_edited, without_opening_verb)

LABEL = "WORK_OF_ART"
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT"}
# The labels the base model gives titles it mistakes for a name or a place ("Goodfellas" PERSON, "Elizabeth" GPE).
_MISTAKEN = {"PERSON", "GPE", "FAC", "LOC"}
# Before "starring" and a person an organisation label is a mistake too: a company or a band stars no one
# ("The Polar Express, starring Tom Hanks" tagged an organisation).
_MISTAKEN_BEFORE_STARRING = _MISTAKEN | {"ORG"}
# The lower-case words a title runs on across between capitalised ones (see `NerCorrections.run_on`).
_RUN_JOINERS = {"and", "or", "than", "is", "a", "an", "the", "vs", "vs."}
_ARTICLES = {"a", "an", "the"}
_CLITICS = {"'s", "'d", "'re", "'ll", "'ve", "'m", "n't"}
_STARRING = {"starring", "stars", "starred"}
# The determiners that open a role's noun phrase before a work modifying the role ("the Lost star", "her Glee
# co-stars"): a person's name takes none.
_DETERMINERS = {"the", "his", "her", "their", "its", "my", "our", "your"}
# Words that open a picture's or recording's credit line ("Image: Nick Moreau").
_CREDIT_WORDS = {"image", "images", "photo", "photos", "picture", "pictures", "video", "audio", "credit", "photograph"}
# What someone performs in a work: "her role in W", "his turn in W", "her debut in W", "his work on W".
_ROLE_NOUNS = {"role", "roles", "turn", "performance", "performances", "part", "cameo"}
_PERFORMANCE_NOUNS = _ROLE_NOUNS | {"debut", "stint", "appearance", "appearances", "work"}
_POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
# Verbs whose "in" takes what one performs in ("starred in Martha Cole", "was cast in Gideon Hale"): never a person.
_PERFORM_IN_VERBS = {"star", "co-star", "appear", "cast", "feature"}
# Verbs of performing after "<title>, in which <person>" ("…, in which Wendy Carrow played a nun").
_IN_WHICH_VERBS = {"play", "star", "appear", "portray", "voice", "co-star"}
# Parts and events of a work before "of" and its title ("the premiere of W", "an episode of W").
_PART_NOUNS = {"premiere", "premieres", "finale", "trailer", "episode", "episodes", "season", "soundtrack", "set",
               "reunion", "revival", "reboot", "screening", "screenings", "pilot", "production", "productions",
               "staging", "stagings", "adaptation", "adaptations"}
_PART_DETERMINERS = {"an", "a", "its", "their", "this", "latest", "final", "new", "first", "last", "second", "third",
                     "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next", "upcoming", "opening",
                     "current", "previous", "upcoming"}
# Nouns for a work's audience or parts that open a sentence before "of" and the work ("Fans of Salt Creek will …").
_OF_A_WORK = {"fans", "viewers", "critics", "audiences", "readers", "listeners", "followers", "devotees", "cast",
              "stars", "makers", "creators", "producers", "writers", "episodes", "seasons", "series", "season", "episode"}
# Ordinals before "series" that make it a programme's run ("the second series of W"; not "a series of concerts").
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final",
             "last", "latest", "new", "next", "current", "previous"}
# Adjectives of a coming or recent release between an owner's possessive and a title ("Marvel's upcoming W").
_RELEASE_ADJECTIVES = {"upcoming", "new", "latest", "forthcoming", "next", "debut", "acclaimed", "hit"}
# Conjunctions that open a sentence's first clause ("When Wintour arrived, …").
_SUBORDINATORS = {"when", "while", "after", "before", "as", "if", "since", "because", "though", "although", "once",
                  "until", "unless", "whenever", "for", "like", "unlike", "with", "without", "to"}
_CONSTRUCTION_WORDS = POSSESSIVES | _STARRING | {"of", "for", "in", "on", "by", "to"}
# Nouns for a work that follows another ("the sequel to Martha Cole"): what follows "to" is a work.
_FOLLOW_UP_NOUNS = {"sequel", "prequel", "follow-up", "successor", "companion"}
# The last words of an organisation's or a company's name ("Clare College", "King Arthur International").
_COMPANY_ENDINGS = ORG_WORDS | COMPANY_WORDS | {"international", "group", "limited"}
# An award's categories named for what the prize is given to a work for ("best actress for W").
_AWARD_CATEGORIES = frozenset(load_json("relation_words.json")["award_categories"]) | {"film", "picture", "documentary",
                                                                                        "album", "song", "drama"}
# Prepositions a title goes on across ("Flight of the Phoenix", "A Cry in the Dark", "Murder on the Orient Express").
TITLE_PREPOSITIONS = {"of", "in", "on", "at", "under", "from", "with", "to", "for", "over", "into", "through", "beyond",
                      "without", "after", "before", "between", "behind", "beneath", "upon"}


@Language.factory("ner_corrections", default_config={"data_file": "title_corrections.json"})
def make_ner_corrections(nlp: Language, name: str, data_file: str) -> "NerCorrections":
    return NerCorrections(load_json(data_file))


class NerCorrections:
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

    def edges(self, ent: Span, surnames: frozenset[str] = frozenset()) -> Span:
        """Return the work span `ent` with its edges repaired: a title never opens with a quotation mark, nor ends on a lower-case function word or a
        comma ("Your Cheating Heart and"), goes on across "of (the)" into capitalised words ("Flight" of
        "Flight of the Phoenix") and on into the words `run_on` allows ("For Your Eyes Only"), is never cut by a
        clitic ("What'd I Say", "Who's Your Daddy"), and takes back a number the model cut off its front ("13 Reasons
        Why") and a possessive's owner no one is called (`owned_by_no_one`: "Ocean's Twelve"). `surnames` are the
        last words of the article's people."""
        doc = ent.doc
        if len(ent) > 1 and ent[0].text in QUOTE_MARKS:
            # "’ Hale told People": the closing mark of the quotation before a name is no part of it.
            ent = Span(doc, ent.start + 1, ent.end, label=ent.label_)
        end = ent.end
        while end > ent.start + 1 and (doc[end - 1].is_lower and doc[end - 1].lower_ in self.inner
                                       or doc[end - 1].text in {",", ";", ":", "-", "–", "&"}):
            end -= 1
        if end == ent.end and end + 1 < len(doc) and doc[end].text in TITLE_PREPOSITIONS:
            article = doc[end + 1].lower_ in {"the", "a", "an"} and doc[end + 1].is_lower
            k = end + 1 + article
            run = k
            while run < len(doc) and doc[run].is_alpha and doc[run].text[:1].isupper() and not doc[run].is_sent_start \
                    and (doc[end].text == "of" or not doc[run].ent_type_ or doc[run].ent_type_ == LABEL):
                run += 1
            # "of" goes on into any capitalised words ("Flight of the Phoenix"); another preposition only with an
            # article and into words no entity claims: "A Cry in the Dark", not "Titanic in the US".
            if run > k and (doc[end].text == "of" or article):
                end = run
        if end == ent.end and not _in_first_line(doc, ent.start):
            end = self.run_on(doc, end, surnames)
        if end == ent.end and end + 1 < len(doc) and doc[end].lower_.replace("’", "'") in _CLITICS - {"'s"} \
                and not doc[end - 1].whitespace_:
            # "What'd I Say", "Don't Stop Me Now": a clitic does not end a title; the capitalised words after it go on.
            end = max(end + 1, _title_run_end(doc, end + 1, self.inner))
        start = ent.start
        if start > 0 and doc[start - 1].text.isdigit() and doc[start - 1].whitespace_ and ent[0].is_title \
                and (start < 2 or doc[start - 2].text not in {"$", "£", "€", "#"}) \
                and not (end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ == "NNS"):
            # "13 Reasons Why", "30 Rock": a number the model cut off a title's front (not "3 Harry Potter films")
            start -= 1
        if start > 0 and ent[0].text.lower().replace("’", "'") in _CLITICS and not doc[start - 1].whitespace_ \
                and doc[start - 1].text[:1].isupper():
            # "Who's Your Daddy", "What'd I Say": a title never opens with a clitic; the word it leans on is the title's.
            start -= 1
        elif self.owned_by_no_one(doc, start, surnames):
            # "Ocean's Twelve", "The Devil's Advocate", "Schindler's List": the owner no entity claims is the title's.
            start -= 3 if start > 2 and doc[start - 3].text == "The" else 2
        else:
            start = before_of(doc, start)
        if end - start > 2 and doc[start].is_sent_start and doc[start].lower_ in _OF_A_WORK \
                and doc[start + 1].lower_ == "of":
            # "Fans of Salt Creek will …", "The cast of …" at a sentence's start: the capital is the sentence's
            start += 2
        return ent if (start, end) == (ent.start, ent.end) else Span(doc, start, end, label=ent.label_)

    @staticmethod
    def run_on(doc: Doc, end: int, surnames: frozenset[str] = frozenset()) -> int:
        """Return where a title that ends before token `end` really ends: it goes on into capitalised words no entity
        claims ("For Your Eyes" + "Only"), across "than", "is", an article, or "and"/"or" before an article,
        between them ("An Officer and a Gentleman", "A Little Lower than Angels", "My Heart is My Own").
        A name another entity holds ("Fear and Loathing in Las Vegas": a place), a known first name or a surname of
        the article's people (`surnames`: "the Ray Charles biopic Ray", "Tears of the Sun Willis"), a sentence start
        or a joiner with nothing capitalised after it stops the run."""
        k = end
        last = doc[end - 1]
        if not (last.is_alpha or last.is_digit) or len(last.text) > 1 and last.text.isupper():
            return end  # "Ever Fallen in Love With Someone..." ends at its marks; a title in capitals, at its last
        while k < len(doc):
            j = k
            while j < len(doc) and j - k < 3 and doc[j].is_lower and doc[j].lower_ in _RUN_JOINERS:
                j += 1
            if j > k and doc[k].lower_ in {"and", "or"} and not (doc[k + 1].is_lower and doc[k + 1].lower_ in _ARTICLES):
                break  # "and" before a capitalised article joins two titles (see `coordinated`)
            m = j
            while m < len(doc) and _runs_on(doc[m], surnames):
                m += 1
            if m == j:
                break
            k = m
        return k

    @staticmethod
    def owned_by_no_one(doc: Doc, start: int, surnames: frozenset[str]) -> bool:
        """True when the title at token `start` follows a possessive whose owner is one capitalised word that no
        entity claims and no person of the article is called, nor a first name: a possessive title's first words
        ("Ocean's Twelve"), where a person's ("Spielberg's Jaws" beside "Steven Spielberg") is a credit."""
        if start < 2 or doc[start - 1].text not in {"'s", "’s"} or doc[start - 2].whitespace_:
            return False
        owner = doc[start - 2]
        if not (owner.is_alpha and owner.text[:1].isupper() and not owner.ent_type_) or owner.text in surnames \
                or owner.lower_ in FIRST_NAMES or owner.lower_ in {"it", "that", "there", "he", "she", "who", "what"}:
            return False
        before = doc[start - 3] if start > 2 else None
        return before is None or before.text == "The" or not (before.text[:1].isupper() and before.is_alpha)

    @staticmethod
    def coordinated(ent: Span, listed: bool = False) -> list[Span]:
        """Return the titles of a work span joined by "and" before a capitalised article ("Pop Idol and The X
        Factor"): inside one title, an article after "and" is lower-case ("Harry Potter and the Goblet of Fire"), or
        "and" is capitalised too ("Chorlton And The Wheelies"). A `listed` span (see `in_list`) names two titles or
        more, its last "and" before a capitalised word joining the last two ("the films Quiet Harbour and Red
        Ledger", "Shameless, Hustle and Bodies")."""
        doc = ent.doc
        for tok in ent[1:-1]:
            if tok.text in {"and", "or"} and doc[tok.i + 1].text in {"The", "A", "An"}:
                return [Span(doc, ent.start, tok.i, label=ent.label_),
                        *NerCorrections.coordinated(Span(doc, tok.i + 1, ent.end, label=ent.label_))]
        if listed:
            last = next((t.i for t in reversed(ent[1:-1])
                         if t.text in {"and", "&"} and doc[t.i + 1].text[:1].isupper()), None)
            if last is not None:
                return [Span(doc, ent.start, last, label=ent.label_), Span(doc, last + 1, ent.end, label=ent.label_)]
        return [ent]

    @staticmethod
    def in_list(ent: Span, ents: list[Span]) -> bool:
        """True when the work span `ent` stands where a list of titles does: right after a plural work noun ("his
        songs A and B", "children's TV shows A and B"; a plural names more than one), or after a comma that ends
        another title ("Shameless, A and B")."""
        doc = ent.doc
        if ent.start == 0 or ent.end < len(doc) - 1 and doc[ent.end].text in LIST_JOINERS \
                and doc[ent.end + 1].text[:1].isupper():
            return False  # the list goes on after the span, which is then one of its members ("hits A and B, and C")
        before = doc[ent.start - 1]
        if before.is_lower and before.lower_ in LIST_NOUNS and before.lower_ != "series":  # "series" is singular too
            return True
        return before.text == "," and any(e.end == ent.start - 1 and e.label_ == LABEL for e in ents)

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
        if len(ent) >= 2 and ent[0].is_sent_start and ent[0].lower_ in _SUBORDINATORS and ent[-1].text in surnames \
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
                and doc[ent.start - 1].lower_ in _PART_NOUNS | {"series"}:
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
        credit = next((t.i for t in ent[:-2] if t.lower_ in _CREDIT_WORDS and doc[t.i + 1].text == ":"), None)
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
                and ent[-1].lower_ not in _COMPANY_ENDINGS:
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
            start = _title_run_start(doc, role, self.inner)
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
        while start > 0 and doc[start - 1].lower_ not in _DETERMINERS and (
                doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
                or doc[start - 1].lower_ in self.inner and doc[start - 1].is_lower
                and start < role and start > 1 and doc[start - 2].text[:1].isupper()):
            start -= 1
        det = start - 1
        if start == role or det < 0 or doc[det].lower_ not in _DETERMINERS or doc[start].lower_ in self.inner:
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
        conj = doc.vocab.strings["conj"]
        groups = {tuple(sorted({i, *(c.i for c in doc[i].conjuncts)}))
                  for i, dep in enumerate(doc.to_array(DEP).tolist()) if dep == conj}
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
        words = _CONSTRUCTION_WORDS | self.apposed_nouns
        for i in (i for i in range(1, len(doc) - 1) if lower[i] in words):
            token, before = doc[i], doc[i - 1]
            if lower[i] in POSSESSIVES and before.like_num and len(before.text) == 4 and before.text[:2] in {"19", "20"}:
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None:
                    found.append((name, "year_possessive"))
            elif lower[i] in POSSESSIVES and i + 2 < len(doc) and lower[i + 1] in _RELEASE_ADJECTIVES \
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
                name = self._name_at(doc, i + 1, starts, self.inner, labels=_MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and not people.speaks_elsewhere(name) \
                        and lower[name.start] not in FIRST_NAMES and name[0].ent_id_ != "gazetteer" \
                        and lower[name.end - 1] not in COMPANY_WORDS \
                        and name[-1].text not in self.institution_heads | self.award_heads:
                    found.append((name, "channel_possessive"))  # not "Billboard's Century Award"
            elif lower[i] == "of" and lower[i - 1] in self.maker_nouns and before.is_lower:
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None and not people.named(name):
                    found.append((name, "maker_of"))
            elif lower[i] == "to" and (lower[i - 1] in _FOLLOW_UP_NOUNS or "".join(lower[max(0, i - 3) : i]) in _FOLLOW_UP_NOUNS) \
                    and before.is_lower:
                # "the sequel to Martha Cole", "a follow-up to Harbour Lights": a work follows a work.
                name = self._name_at(doc, i + 1, starts, self.inner, labels=_MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((name, "follow_up"))
            elif lower[i] == "in" and (before.lemma_.lower() in _PERFORM_IN_VERBS and before.pos_ == "VERB"
                                       or lower[i - 1] == "fame" or lower[i - 2 : i] == ["title", "role"]) \
                    and before.is_lower:
                # "Ann Lee starred in Martha Cole", "was cast in Gideon Hale", "shot to fame in Martha Cole", "plays
                # the title role in Martha Cole": one performs in a work, not in a person (a place keeps its label:
                # "appeared in Tokyo").
                name = self._name_at(doc, i + 1, starts, self.inner, labels={"PERSON"})
                if name is not None and not people.named(name) and not people.speaks_elsewhere(name) \
                        and not (name.end < len(doc) and (
                        doc[name.end].text in POSSESSIVES or _goes_on(doc, name.end) and doc[name.end].pos_ == "NOUN")):
                    found.append((name, "role_in"))
            elif lower[i] in {"in", "on"} and lower[i - 1] in _PERFORMANCE_NOUNS and before.is_lower \
                    and any(lower[j] in _POSSESSIVE_PRONOUNS for j in range(max(0, i - 3), i - 1)):
                # "her role in Salt Roads", "his turn in Dark Water", "his work on Harbour Lights": what someone
                # performs in is a work ("her work on Channel 4" keeps the channel: no organisation after "work").
                # Where one debuts, appears or works may be a place ("made its debut in Vienna"): there only a
                # person's label is a mistake.
                labels = _MISTAKEN | {"ORG"} if lower[i - 1] in _ROLE_NOUNS else {"PERSON"}
                name = self._name_at(doc, i + 1, starts, self.inner, labels=labels)
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS:
                    found.append((name, "role_in"))
            elif lower[i] in self.apposed_nouns and token.is_lower and token.tag_ == "NN" \
                    and (at := _after_apposition(doc, i + 1)) < len(doc) \
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
                        and lower[name.end - 1] not in _COMPANY_ENDINGS \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS \
                        and not (name.end < len(doc) and _goes_on(doc, name.end) and doc[name.end].pos_ == "NOUN"):
                    found.append((Span(doc, name.start, name.end, label=LABEL), "cue_noun"))
            elif lower[i] == "by" and before.tag_ == "VBN" and before.lemma_.lower() in MAKER_VERBS and i > 2 \
                    and doc[i - 2].text == "," and ends.get(i - 2) is not None and ends[i - 2].label_ in _MISTAKEN:
                # "Harbour Lane, created by Pauline Greaves in 1989, is …": no one is created or directed by a
                # person; what is, is a work.
                name = ends[i - 2]
                if not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((Span(doc, name.start, name.end, label=LABEL), "made_by"))
            elif lower[i] == "of" and before.like_num and i > 2 and lower[i - 2] in _PART_NOUNS | {"series"} \
                    and doc[i - 2].is_lower:
                # "competed on season 4 of Love Harbor", "episode 3 of Harbour Lights": a numbered part of a work.
                name = self._name_at(doc, i + 1, starts, self.inner, labels=_MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS:
                    found.append((name, "part_of"))
            elif lower[i] == "of" and (lower[i - 1] in _PART_NOUNS or lower[i - 1] == "series" and lower[i - 2] in _ORDINALS) \
                    and before.is_lower \
                    and (lower[i - 2] == "the" or lower[i - 1] != "set" and (lower[i - 2] in _PART_DETERMINERS
                                                                            or before.tag_ == "NNS")):
                # "the premiere of Dark Water", "an episode of Harbour Lights": a work's part or event is of a work,
                # whatever label the name has (no company premieres: "Dark Water" tagged an organisation).
                name = self._name_at(doc, i + 1, starts, self.inner, labels=_MISTAKEN | {"ORG"})
                if name is not None and not people.named(name) and name[0].ent_id_ != "gazetteer" \
                        and name[-1].text not in self.institution_heads | VENUE_HEADS \
                        and not (name.end + 1 < len(doc) and doc[name.end].text == "(" and starts.get(name.end + 1)
                                 is not None and starts[name.end + 1].label_ == "PERSON"):
                    found.append((name, "part_of"))  # not "the first season of Buck (Gil Gerard)": a character
            elif lower[i] == "for" and lower[i - 1] in _AWARD_CATEGORIES and "best" in lower[max(0, i - 4) : i - 1]:
                # "won best actress for Moonlight Garden", "best supporting actor for Harbour Lights": a category
                # of an award is given for a work.
                name = self._name_at(doc, i + 1, starts, self.inner)
                if name is not None and not people.named(name) and lower[name.start] not in FIRST_NAMES:
                    found.append((name, "award_for"))  # not "best actor for Paul Giamatti"
            elif lower[i] == "in" and lower[i + 1] == "which" and lower[i - 1] == "," and ends.get(i - 1) is not None \
                    and ends[i - 1].label_ in _MISTAKEN | {"ORG"} and starts.get(i + 2) is not None \
                    and starts[i + 2].label_ == "PERSON" and any(
                        t.lemma_.lower() in _IN_WHICH_VERBS for t in doc[starts[i + 2].end : starts[i + 2].end + 2]):
                # "She created Sister Agnes Investigates, in which Wendy Carrow played a nun": what someone plays or
                # stars in is a work.
                name = ends[i - 1]
                if not people.named(name) and name[0].ent_id_ != "gazetteer":
                    found.append((Span(doc, name.start, name.end, label=LABEL), "in_which"))
            elif lower[i] in _STARRING and (token.pos_ == "VERB" or lower[i - 1] in {"which", "that"}):
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

    def _name_before(self, doc: Doc, end: int, ends: dict[int, Span], word: str) -> Span | None:
        """Return the name ending before token `end` as a work span: a person-labelled entity, or (before
        "starring") an entity a place label mistook for a work or a run of untagged capitalised words. Before
        "stars" and "starred" only a person-labelled one: "Hollywood stars Leonardo DiCaprio" is a noun phrase."""
        ent = ends.get(end)
        if ent is not None:
            ok = ent.label_ == "PERSON" or word == "starring" and ent.label_ in _MISTAKEN_BEFORE_STARRING
            return Span(doc, ent.start, ent.end, label=LABEL) if ok else None
        if word != "starring":
            return None
        start = _title_run_start(doc, end, self.inner)
        return Span(doc, start, end, label=LABEL) if start < end and not doc[start].is_sent_start else None

    @staticmethod
    def _name_at(doc: Doc, i: int, starts: dict[int, Span], inner: frozenset[str] = frozenset(),
                 labels: set[str] = _MISTAKEN) -> Span | None:
        """Return the name starting at token `i` (an entity a person or place label mistook for a work, or a run of
        untagged capitalised words, across the `inner` words between them) as a work span, unless it goes on into
        what follows (see `_goes_on`)."""
        ent = starts.get(i)
        if ent is not None:
            if ent.label_ not in labels:
                return None
            start, end = ent.start, ent.end
        else:
            start, end = i, _title_run_end(doc, i, inner)
            if end == i:
                return None
        if doc[end - 1].text in POSSESSIVES or end < len(doc) and _goes_on(doc, end):
            return None
        return Span(doc, start, end, label=LABEL)

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


class PersonEvidence:
    """What the article's person-labelled names say of a name: `named(span)` is True when the article uses it for a
    person elsewhere, as a longer name's last word ("Forster" beside "Marc Forster") or, for a longer name, with its
    last word alone ("Marc Forster" beside "Forster")."""

    def __init__(self, ents: list[Span]):
        self.people = [e for e in ents if e.label_ == "PERSON"]
        self.last_words = [e[-1].text for e in self.people]

    def speaks_elsewhere(self, span: Span) -> bool:
        """True when the same name, labelled a person at another mention, speaks there ("Martha Cole said")."""
        return any(other.text == span.text and other.start != span.start and speaks(other) for other in self.people)

    def named(self, span: Span) -> bool:
        last = span[-1].text
        for other, other_last in zip(self.people, self.last_words):
            if other.start < span.end and span.start < other.end:
                continue
            if len(span) == 1 and len(other) >= 2 and other_last == last:
                return True
            if len(span) >= 2 and other_last == last and other.text != span.text:
                return True
        return False


def staff_of(ent: Span) -> bool:
    """True for a name of two or three capitalised words owned by an organisation's possessive ("The Daily
    Telegraph's Dominic Ashe", "Sky's Kay Burley" tagged an organisation): an outlet's or a company's people."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text not in POSSESSIVES or not 2 <= len(ent) <= 3 \
            or not all(t.is_alpha and t.is_title for t in ent):
        return False
    owner = doc[ent.start - 2]
    return owner.ent_type_ == "ORG" and owner.ent_iob_ in ("B", "I")


def hyphenated_name(ent: Span) -> Span | None:
    """Return a person's name the model cut at a hyphen, whole: "Agathe Moreau-Lind" when only "Lind" or
    "Moreau-Lind" was found (with the first name before it when it is a known one), "Gina Valdez-Hart" when only
    "Gina Valdez" was; None when the name is whole."""
    doc = ent.doc
    start, end = ent.start, ent.end
    while hyphen_joins(doc, start - 1) and not doc[start - 2].ent_type_:
        start -= 2
    if (start < ent.start or hyphen_joins(doc, start + 1) and doc[start - 1].tag_ == "NNP"
            and not (doc[start].lower_ in FIRST_NAMES and doc[start + 2].lower_ in FIRST_NAMES)) \
            and start > 0 and doc[start - 1].lower_ in FIRST_NAMES and doc[start - 1].is_title and not doc[start - 1].ent_type_:
        start -= 1  # also "Eleanor" before "Vance-Harcourt", a double surname the model found alone
    while hyphen_joins(doc, end) and not doc[end + 1].ent_type_:
        end += 2
    return Span(doc, start, end, label="PERSON") if (start, end) != (ent.start, ent.end) else None


def possessive_titles(ents: list[Span]) -> list[Span]:
    """Return `ents` with a title built on a possessive made one span where the model cut it at the "'s": a title
    and a title ("The Fisherman" + "Wife" of "The Fisherman's Wife"), or one capitalised word taken for a person and
    a one-word title ("The Warden's Daughter": "Warden" + "Daughter"), the article's "The" before it included. A
    person's name before a title is its owner, not part of it ("Mike Leigh's Vera Drake", "Spielberg's Jaws" where
    the article names Steven Spielberg): a name of more than one word, a first name, or a word another person's
    name holds."""
    if len(ents) < 2:
        return ents
    doc = ents[0].doc
    people = Counter(t.lower_ for e in ents if e.label_ == "PERSON" for t in e)
    out: list[Span] = []
    for ent in ents:
        previous = out[-1] if out else None
        # the possessive between them, or ending the first ("The Fisherman's" + "Wife")
        mark = ent.start - 1
        if previous is not None and ent.label_ == LABEL and previous.end in (ent.start, mark) and mark > 0 \
                and doc[mark].text in {"'s", "’s"} and not doc[mark - 1].whitespace_ \
                and doc[ent.start].text[:1].isupper() and _owned_part(doc[previous.start : mark], ent, people):
            start = previous.start
            if previous.label_ != LABEL and start > 0 and doc[start - 1].text == "The" and not doc[start - 1].ent_type_:
                start -= 1
            out[-1] = Span(doc, start, ent.end, label=LABEL)
        else:
            out.append(ent)
    return out


# What opens a title of its own: after "X's" it is a title owned, not a possessive title's end ("Lemony Snicket's A
# Series of Unfortunate Events", "Fromental Halevy's La Juive").
_TITLE_ARTICLES = frozenset({"a", "an", "the", "la", "le", "les", "el", "il", "lo", "der", "die", "das"})


def _owned_part(owner: Span, title: Span, people: Counter) -> bool:
    """True when `owner` + "'s" + `title` is one title (see `possessive_titles`): the part after the possessive is
    one or two words and no article, the owner at most three capitalised words ("The Orchard Keeper")."""
    if len(title) > 2 or title[0].lower_ in _TITLE_ARTICLES or len(owner) > 3 \
            or not all(t.text[:1].isupper() for t in owner):
        return False
    label = owner[0].ent_type_
    if label == LABEL:
        return True
    return label == "PERSON" and len(owner) == 1 and len(title) == 1 and owner[0].is_alpha \
        and owner[0].lower_ not in FIRST_NAMES and people[owner[0].lower_] == 1


def split_at_commas(ent: Span) -> list[Span]:
    """Return the names a comma inside `ent` separates when the parse puts them in different phrases: "In a chat
    with Glamour, Kardashian revealed" tagged one organisation is the magazine and the subject. A name whose parts
    hang together ("Crosby, Stills, Nash & Young", "Paris, France": one part the head of the others) stays whole.
    A title is split only before a person's full name ("A rep for Rowe, Paige Lin, insisted" taken for a title; not
    "Love, Actually" or "Goodbye, Mr Chips")."""
    if ent.label_ not in NAME_LABELS | {LABEL}:
        return [ent]
    doc = ent.doc
    commas = [t.i for t in ent[1:-1] if t.text == ","]
    if not commas:
        return [ent]
    bounds = [ent.start, *[c + 1 for c in commas], ent.end + 1]
    parts = [Span(doc, a, b - 1, label=ent.label_) for a, b in zip(bounds, bounds[1:]) if b - 1 > a]
    if ent.label_ == LABEL and not (len(parts[-1]) >= 2 and parts[-1][0].lower_ in FIRST_NAMES
                                    and all(t.is_alpha and t.is_title for t in parts[-1])):
        return [ent]
    if ent.label_ == LABEL:
        parts[-1] = Span(doc, parts[-1].start, parts[-1].end, label="PERSON")
    heads = [part.root.head.i for part in parts]
    if len(parts) < 2 or any(ent.start <= h < ent.end for h in heads) or len(set(heads)) < len(heads):
        return [ent]
    return parts


def double_surnamed(ent: Span) -> bool:
    """True for a known first name and one double surname, nothing else ("Gina Valdez-Hart" tagged an
    organisation): a person's name's shape, which no company's or place's takes."""
    return len(ent) == 4 and ent[0].lower_ in FIRST_NAMES and ent[0].is_title and ent[0].tag_ == "NNP" \
        and hyphen_joins(ent.doc, ent.start + 2) \
        and not (ent[1].lower_ in FIRST_NAMES and ent[3].lower_ in FIRST_NAMES)  # not "An Ezra-Maren romance"


def doc_honorific(doc: Doc, i: int) -> bool:
    """True when token `i` is a capitalised honorific ("Mr", "Dr", "Sir") followed by a capitalised word."""
    return i + 1 < len(doc) and doc[i].text[:1].isupper() and doc[i].lower_.rstrip(".") in HONORIFICS \
        and doc[i + 1].text[:1].isupper()


def _runs_on(tok, surnames: frozenset[str]) -> bool:
    """True for a capitalised word a title can go on into: no entity's, no acronym ("DVD"), no sentence start, no
    known first name, no surname of the article's people, and written apart from the word before it."""
    return tok.is_alpha and tok.text[:1].isupper() and not (len(tok.text) > 1 and tok.text.isupper()) \
        and not tok.ent_type_ and not tok.is_sent_start and tok.doc[tok.i - 1].whitespace_ \
        and tok.lower_ not in FIRST_NAMES and tok.text not in surnames


def _in_first_line(doc: Doc, i: int) -> bool:
    """True when token `i` stands on the first line of an article of several lines (its headline, in title case)."""
    first_break = doc_text(doc).find("\n")
    return first_break >= 0 and doc[i].idx < first_break




def _title_run_end(doc: Doc, i: int, inner: frozenset[str]) -> int:
    """Return the end of the run of untagged capitalised words from token `i`, going on across one or two lower-case
    `inner` words between two of them ("Flight of the Phoenix"); `i` when token `i` is not such a word."""
    end = i
    while end < len(doc) and capitalised(doc[end]):
        end += 1
        gap = end
        while gap < min(end + 2, len(doc)) and doc[gap].lower_ in inner and doc[gap].is_lower:
            gap += 1
        if gap > end and gap < len(doc) and capitalised(doc[gap]):
            end = gap
    return end


def _title_run_start(doc: Doc, i: int, inner: frozenset[str]) -> int:
    """Return the start of the run of untagged capitalised words that ends before token `i`, across one or two
    lower-case `inner` words between two of them ("Only Fools and Horses", "Pirates of the Caribbean")."""
    start = i
    while start > 0 and capitalised(doc[start - 1]):
        start -= 1
        gap = start
        while gap > max(start - 2, 0) and doc[gap - 1].lower_ in inner and doc[gap - 1].is_lower:
            gap -= 1
        if gap < start and gap > 0 and capitalised(doc[gap - 1]):
            start = gap
    return start


def _after_apposition(doc: Doc, i: int) -> int:
    """Return token `i`, or the token after the comma and the opening quotation mark that start an apposition
    there ("the novel, Cloud Atlas", "the thriller, 'Underwater'")."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].is_quote:
        i += 1
    return i


def _goes_on(doc: Doc, end: int) -> bool:
    """True when the name ending before token `end` goes on into what follows: a possessive, a noun it modifies
    ("US TV drama", "Hollywood classic"), or an inner word and a capitalised one ("Noggin the Nog")."""
    after = doc[end]
    if after.text in POSSESSIVES or after.pos_ == "NOUN" or after.is_lower and after.pos_ in {"ADJ", "PROPN"} \
            or after.like_num or after.text[:1].isupper() or after.text in {"-", "–", "!", "&"}:
        return True
    return after.lower_ in {"the", "of", "and"} and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
