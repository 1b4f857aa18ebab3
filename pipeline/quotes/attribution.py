"""What attribution produces and shares: the speaker a cue resolves to, the attribution of one quote, the
candidate antecedents, and the limits of every search."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

CONTINUATION_CHARS = 800  # a cue-less quote continues the last speaker only across this much narrative
PRONOUN_WINDOW_CHARS = 1500  # pronoun antecedents are looked for no further back than this
SHORT_FRAME_TOKENS = 6  # `"…." Smith said.`: a frame after a full stop must be this short
AGE = re.compile(r"\b\d{1,3}[- ]year[- ]old\b|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)-something\b", re.IGNORECASE)
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# A cue verb without a subject of its own borrows the subject of the verb it depends on ("vowed …, saying").
CLIMB_DEPS = {"advcl", "xcomp", "conj", "ccomp", "pcomp"}
FIRST_PERSON = {"i", "we", "me", "us"}
GENDERED_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}
SPEAKER_LABELS = {"PERSON", "ORG"}  # what a resolved speaker must be, among the article's entities


@dataclass(frozen=True)
class Speaker:
    """Who a cue's subject refers to."""

    name: Optional[str]
    entity_id: Optional[str]
    text: Optional[str]
    method: str
    confidence: float
    gender: Optional[str] = None  # m | f, when known
    kind: str = "person"  # person | org


@dataclass(frozen=True)
class Attribution:
    speaker: Speaker
    cue: Optional[Token]
    cue_text: Optional[str]
    outlet: Optional[str]
    rule: str


@dataclass(frozen=True)
class Event:
    """A person or organisation in subject position, or a quote's speaker: a candidate antecedent."""

    pos: int
    speaker: Speaker
    is_subject: bool
    is_speaker: bool
    cue_subject: bool = False
    main_subject: bool = False  # subject of the sentence's main verb, the likeliest antecedent


UNRESOLVED = Speaker(None, None, None, "unresolved", 0.2)


def expletive_it(token: Token) -> bool:
    """True for the "it" of an impersonal passive with a clause of its own ("It was reported that …", "It is
    understood Sony wants …"): it refers to nothing."""
    verb = token.head
    return token.lower_ == "it" and token.dep_ == "nsubjpass" and verb.tag_ == "VBN" \
        and any(c.dep_ == "ccomp" for c in verb.children)


def _of_phrase_subject(noun: Token, person_nouns: frozenset) -> Optional[Token]:
    """Return the subject whose "of" phrase ends with `noun`, when a name in apposition to `noun` names that subject
    ("ITV's controller of entertainment, Claudia Rosencrantz, said": the parser hangs the name on "entertainment").

    Only a thing written in lower case can be the noun: a person noun there may be the one the name is ("fans of the
    singer, Adele,").
    """
    if not noun.is_lower or noun.ent_type_ or noun.lemma_.lower() in person_nouns or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.lower_ != "of" or prep.dep_ != "prep":
        return None
    subject = prep.head
    # The role may open the sentence capitalised ("Chairman of the judges, critic Bernard Lusk, said").
    role = subject.is_lower or subject.is_sent_start and subject.lower_ in person_nouns
    return subject if subject.dep_ in SUBJECT_DEPS and role and not subject.ent_type_ else None


def governing_verb(root: Token, person_nouns: frozenset = frozenset()) -> Optional[Token]:
    """Return the verb a name is the subject of, or None.

    Besides a plain subject, a name counts as one when it is in apposition to the subject ("ITV's controller,
    Claudia Rosencrantz, said"; "US editor Mike Goodridge thinks") or when a relative clause about it has
    it as subject ("Staunton, who told BBC News she …").
    """
    if root.dep_ in SUBJECT_DEPS:
        return root.head
    # "Tolliver recalled the moment": a name opening the sentence that the parser hung on the verb as an adverb or a
    # loose dependent, the verb having no subject of its own, is its subject.
    if root.dep_ in {"advmod", "npadvmod", "dep"} and root.head.pos_ in {"VERB", "AUX"} and root.i < root.head.i \
            and root.left_edge.is_sent_start and not any(c.dep_ in SUBJECT_DEPS for c in root.head.children):
        return root.head
    # "The musical's director is Matthew Warchus": the name a role is equated with is that sentence's subject.
    if root.dep_ == "attr" and root.head.lemma_ == "be" \
            and any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in person_nouns for c in root.head.children):
        return root.head
    if root.dep_ == "appos" and root.head.dep_ in SUBJECT_DEPS:
        return root.head.head
    if root.dep_ == "appos" and root.head.dep_ == "appos" and root.head.head.dep_ in SUBJECT_DEPS:
        return root.head.head.head  # "Vance's sister, the actress Mia Vance, posted": through the role noun
    if root.dep_ == "appos" and (subject := _of_phrase_subject(root.head, person_nouns)) is not None:
        return subject.head
    # "Director Mike Leigh said" (a name split by the parser) speaks; "the Oscar voting panel said" does not.
    if root.dep_ == "compound" and root.head.dep_ in SUBJECT_DEPS and (root.head.pos_ == "PROPN" or root.head.ent_type_ == "PERSON"):
        return root.head.head
    for child in root.children:
        if child.dep_ == "relcl" and any(c.dep_ in SUBJECT_DEPS and c.lower_ in {"who", "that"} for c in child.children):
            return child
    # "Only Fools and Horses star David Jason criticised": the parser made the title the subject and the name
    # its conjunct.
    head = root
    while head.dep_ in {"conj", "compound", "appos"} and head.head.i != head.i:
        head = head.head
        if head.dep_ in SUBJECT_DEPS and head.ent_type_ == "WORK_OF_ART":
            return head.head
    return None
