"""A title's edges: where a work span the recogniser found starts and ends, and the lists it belongs to."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..names import FIRST_NAMES
from .correction_words import (
    LABEL, RUN_JOINERS, ARTICLES, CLITICS, OF_A_WORK, TITLE_PREPOSITIONS, runs_on, in_first_line,
    title_run_end)
from .shapes import LIST_JOINERS, LIST_NOUNS, QUOTE_MARKS, before_of


class TitleEdges:
    """Repairs a work span's edges and reads the lists it is in; mixed into `NerCorrections`."""

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
        if end == ent.end and not in_first_line(doc, ent.start):
            end = self.run_on(doc, end, surnames)
        if end == ent.end and end + 1 < len(doc) and doc[end].lower_.replace("’", "'") in CLITICS - {"'s"} \
                and not doc[end - 1].whitespace_:
            # "What'd I Say", "Don't Stop Me Now": a clitic does not end a title; the capitalised words after it go on.
            end = max(end + 1, title_run_end(doc, end + 1, self.inner))
        start = ent.start
        if start > 0 and doc[start - 1].text.isdigit() and doc[start - 1].whitespace_ and ent[0].is_title \
                and (start < 2 or doc[start - 2].text not in {"$", "£", "€", "#"}) \
                and not (end < len(doc) and doc[end].pos_ == "NOUN" and doc[end].tag_ == "NNS"):
            # "13 Reasons Why", "30 Rock": a number the model cut off a title's front (not "3 Harry Potter films")
            start -= 1
        if start > 0 and ent[0].text.lower().replace("’", "'") in CLITICS and not doc[start - 1].whitespace_ \
                and doc[start - 1].text[:1].isupper():
            # "Who's Your Daddy", "What'd I Say": a title never opens with a clitic; the word it leans on is the title's.
            start -= 1
        elif self.owned_by_no_one(doc, start, surnames):
            # "Ocean's Twelve", "The Devil's Advocate", "Schindler's List": the owner no entity claims is the title's.
            start -= 3 if start > 2 and doc[start - 3].text == "The" else 2
        else:
            start = before_of(doc, start)
        if end - start > 2 and doc[start].is_sent_start and doc[start].lower_ in OF_A_WORK \
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
            while j < len(doc) and j - k < 3 and doc[j].is_lower and doc[j].lower_ in RUN_JOINERS:
                j += 1
            if j > k and doc[k].lower_ in {"and", "or"} and not (doc[k + 1].is_lower and doc[k + 1].lower_ in ARTICLES):
                break  # "and" before a capitalised article joins two titles (see `coordinated`)
            m = j
            while m < len(doc) and runs_on(doc[m], surnames):
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
                        *TitleEdges.coordinated(Span(doc, tok.i + 1, ent.end, label=ent.label_))]
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
