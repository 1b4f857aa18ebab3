"""Work titles stated by definition, the way reference texts introduce a work (`work_definitions`).

- Copular definition: the subject of "X is a 1936 British musical film", "X was the seventh studio album by …",
  "X is a Canadian reality television series" is a title, when the attribute's head noun is a kind of work
  (`work_nouns` in `data/work_definitions.json`) and the subject is written as a title. The head is the last noun
  of the attribute, so "X is a film director" or "X is an American film and television actor" define a person.
- Apposition: a name that an apposition headed by a kind of work describes ("Quarry Lane, a new sitcom from …").
- Disambiguating parenthesis: the title-case run before "(1999 film)", "(song)", "(Jeff Healey album)".

Runs after the parse (it reads tags) and before entity resolution, which then marks every other occurrence of
the title in the article. A title found here replaces whatever the model labelled over the same words.
"""
from __future__ import annotations

from typing import Optional

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..entities import add_rule_spans, load_json
from ..tokens import TokenArrays

LABEL = "WORK_OF_ART"
DEFINITION_RULE = "definition"
_COPULAS = {"is", "was", "are", "were"}
_DETERMINERS = {"a", "an", "the", "her", "his", "their", "its"}  # ("X, her first feature,")
_OPENING_QUOTES = {'"', "“", "'", "‘"}
_CLOSING_QUOTES = {'"', "”", "'", "’"}
# Tags of the words that premodify a noun inside the attribute ("a 1936 British musical film").
_PREMODIFIER_TAGS = {"JJ", "JJR", "JJS", "CD", "NN", "NNS", "NNP", "NNPS", "HYPH", "CC", "RB", "VBN", "VBG", "POS", ","}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_MAX_SUBJECT = 12
_MAX_ATTRIBUTE = 10
# The labels the model gives a title that an apposition describes as a work (not a date, a number or an event).
_APPOSED_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "LOC", "PRODUCT"}


@Language.factory("work_definitions", default_config={"data_file": "work_definitions.json"})
def make_work_definitions(nlp: Language, name: str, data_file: str) -> "WorkDefinitions":
    return WorkDefinitions(load_json(data_file), load_json("work_cues.json"), load_json("title_corrections.json"))


class WorkDefinitions:
    """Marks the titles that a definition or a disambiguating parenthesis names as `WORK_OF_ART`."""

    def __init__(self, data: dict, cues: dict, corrections: dict):
        self.work_nouns = {w.lower() for w in data["work_nouns"]}
        self.lower_words = set(cues["title_inner"]) | set(data["title_lower_words"])
        self.not_titles = set(cues["not_titles"])
        # A name headed by an award, festival, company or venue word is never a work ("… Music Awards").
        self.not_heads = {w for words in corrections["head_labels"].values() for w in words}

    def _title_like(self, span: Span) -> bool:
        """True when `span` is written as a title: capitalised first word, every other word capitalised, a number,
        punctuation or a title's lower-case word; not a pronoun or a lone generic word."""
        if not span or not (span[0].text[:1].isupper() or span[0].text[:1].isdigit()):
            return False
        if span.text in self.not_titles or span[-1].text in self.not_heads or any("\n" in t.text for t in span):
            return False
        if any(t.text in {"\"", "“", "”"} for t in span[1:]):
            return False  # 'Castellane: "There was a superhero movie."': a speaker and the words a quote opens
        return all(t.text[:1].isupper() or t.text[:1].isdigit() or not t.is_alpha or t.lower_ in self.lower_words
                   for t in span[1:])

    def _attribute_head(self, doc: Doc, start: int, end: int) -> Optional[int]:
        """Return the index of the head noun of the noun phrase opening at `start` (a determiner), or None."""
        if start >= end or doc[start].lower_ not in _DETERMINERS:
            return None
        head = None
        for i in range(start + 1, min(end, start + 1 + _MAX_ATTRIBUTE)):
            token = doc[i]
            if token.tag_ not in _PREMODIFIER_TAGS:
                break
            # A participle after a noun opens a clause ("a song written by"), before one it modifies ("an animated film").
            if token.tag_ in ("VBN", "VBG") and head is not None and head == i - 1:
                break
            # A comma goes on only between premodifiers: "a 2004, American film", "a canonized, endlessly
            # rewatchable classic".
            if token.text == "," and not (i + 1 < end and (doc[i + 1].tag_ in ("JJ", "CD") or doc[i + 1].tag_ == "RB"
                                                            and i + 2 < end and doc[i + 2].tag_ == "JJ")):
                break
            if token.tag_ in _NOUN_TAGS:
                head = i
        return head

    def copular(self, doc: Doc) -> list[Span]:
        """Return the subjects of the sentences that define them as a work ("X is a 2004 American comedy film")."""
        found = []
        tokens = TokenArrays(doc)
        for sent in doc.sents:
            for start in self._line_starts(sent, tokens):
                span = self._defined(doc, start, sent.end, tokens)
                if span is not None:
                    found.append(span)
        return found

    @staticmethod
    def _line_starts(sent: Span, tokens: TokenArrays):
        """Yield where the sentence and each line inside it begin: a headline without a full stop is parsed as one
        sentence with the line under it ("Song of Freedom⏎⏎Song of Freedom is a 1936 film")."""
        yield sent.start
        texts, is_space = tokens.text, tokens.is_space
        for i in range(sent.start, sent.end - 1):
            if is_space[i] and "\n" in texts[i]:
                yield i + 1

    def _defined(self, doc: Doc, start: int, sent_end: int, tokens: TokenArrays) -> Optional[Span]:
        """Return the subject opening at `start` when a copula defines it as a work, else None."""
        texts, is_space = tokens.text, tokens.is_space
        while start < sent_end and (is_space[start] or texts[start] in _OPENING_QUOTES):
            start += 1
        copula = None
        for i in range(start, min(sent_end, start + _MAX_SUBJECT + 12)):
            if is_space[i] and "\n" in texts[i]:
                break
            if tokens.lower[i] in _COPULAS and tokens.pos[i] in ("AUX", "VERB"):
                copula = i
                break
        if copula is None or copula == start:
            return None
        end = copula
        # "X (also known as Y) is …", "X, the band's debut, is …" stop the subject at the bracket or comma.
        cut = next((i for i in range(start, copula) if texts[i] in ("(", ",")), None)
        if cut is not None:
            if texts[cut] == "(" and ")" not in texts[cut:copula]:
                return None
            if texts[cut] == "," and texts[copula - 1] != ",":
                return None
            end = cut
        while end > start and (texts[end - 1] in _CLOSING_QUOTES or texts[end - 1] in (".", ",") or is_space[end - 1]):
            end -= 1
        subject = doc[start:end]
        if not 1 <= len(subject) <= _MAX_SUBJECT or not self._title_like(subject):
            return None
        head = self._attribute_head(doc, copula + 1, sent_end)
        if head is None or doc[head].lower_ not in self.work_nouns:
            return None
        return Span(doc, start, end, label=LABEL)

    def apposed(self, doc: Doc) -> list[Span]:
        """Return the names that an apposition headed by a kind of work describes ("Channel 4 has commissioned Quarry
        Lane, a new sitcom from …", "went to Signal Failure, a BBC Radio 4 thriller written by …"), whatever the model
        labelled them. The head is the attribute's last noun, as in a definition ("Tom Reeve, a film producer" is a
        person), and the parser must hang it on the name ("In London, a new musical opened": a clause's subject).
        Not a known outlet or company, nor a name the article gives a person with a longer or shorter name."""
        found = []
        people = [e for e in doc.ents if e.label_ == "PERSON"]
        for ent in doc.ents:
            if ent.label_ == LABEL or ent.label_ not in _APPOSED_LABELS or ent.end + 2 >= len(doc) \
                    or doc[ent.end].text != "," or ent[0].ent_id_ == "gazetteer" or not self._title_like(ent):
                continue
            head = self._attribute_head(doc, ent.end + 1, ent.sent.end)
            # the kind is a common noun after a lower-case determiner ("Kelly Clarkson, The Game and the Killers"
            # is a list; "Anton Dolin, the Markova-Dolin Ballet" names a company)
            if head is None or not doc[ent.end + 1].is_lower or not doc[head].is_lower \
                    or doc[head].lower_ not in self.work_nouns or doc[head].dep_ != "appos" \
                    or not ent.start <= doc[head].head.i < ent.end:
                continue
            if head + 1 < len(doc) and doc[head + 1].text[:1].isupper():
                continue  # "Directed by Kathryn Bigelow, the film The Hurt Locker won": the noun's own title follows
            if any(other[-1].text == ent[-1].text and other.text != ent.text for other in people):
                continue
            found.append(Span(doc, ent.start, ent.end, label=LABEL))
        return found

    def parenthesised(self, doc: Doc) -> list[Span]:
        """Return the titles named before a parenthesis that gives their kind ("Presence (album)", "X (1999 film)")."""
        found = []
        bracket = doc.vocab.strings["("]
        for token in (doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth == bracket):
            if token.i == 0:
                continue
            close = next((t.i for t in doc[token.i + 1 : token.i + 7] if t.text == ")"), None)
            if close is None or close == token.i + 1 or doc[close - 1].lower_ not in self.work_nouns:
                continue
            start = token.i
            while start > 0 and not doc[start - 1].is_space and (doc[start - 1].text[:1].isupper() or doc[start - 1].text[:1].isdigit()
                         or doc[start - 1].lower_ in self.lower_words and start - 1 > 0
                         and doc[start - 2].text[:1].isupper()):
                start -= 1
                if doc[start].is_sent_start:
                    break
            while start < token.i and doc[start].lower_ in self.lower_words and not doc[start].text[:1].isupper():
                start += 1
            before = doc[start - 1] if start > 0 else None
            # The run must be all of the name: a line of its own, a sentence opening, or after a lower-case word.
            whole = before is None or before.is_space or doc[start].is_sent_start or before.is_alpha and before.is_lower
            span = doc[start : token.i]
            if whole and len(span) <= _MAX_SUBJECT and self._title_like(span):
                found.append(Span(doc, start, token.i, label=LABEL))
        return found

    def __call__(self, doc: Doc) -> Doc:
        found = filter_spans(self.copular(doc) + self.apposed(doc) + self.parenthesised(doc))
        if found:
            # Recorded as stated (`work_rules`): entity resolution then keeps the title label at every mention.
            add_rule_spans(doc, [Span(doc, s.start, s.end, label=DEFINITION_RULE) for s in found])
            covered = {i for s in found for i in range(s.start, s.end)}
            kept = [e for e in doc.ents if not any(i in covered for i in range(e.start, e.end))]
            doc.set_ents(filter_spans(found + kept))
        return doc
