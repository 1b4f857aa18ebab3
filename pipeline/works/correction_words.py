"""Word sets and tests on tokens that the title corrections read (`corrections.py` and its parts)."""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Span

from ..entities import load_json
from ..names import COMPANY_WORDS, FIRST_NAMES, HONORIFICS, ORG_WORDS, hyphen_joins, speaks
from ..records import doc_text
from .shapes import POSSESSIVES, capitalised

LABEL = "WORK_OF_ART"
NAME_LABELS = {"PERSON", "ORG", "NORP", "GPE", "FAC", "PRODUCT"}
# The labels the base model gives titles it mistakes for a name or a place ("Goodfellas" PERSON, "Elizabeth" GPE).
MISTAKEN = {"PERSON", "GPE", "FAC", "LOC"}
# Before "starring" and a person an organisation label is a mistake too: a company or a band stars no one
# ("The Polar Express, starring Tom Hanks" tagged an organisation).
MISTAKEN_BEFORE_STARRING = MISTAKEN | {"ORG"}
# The lower-case words a title runs on across between capitalised ones (see `NerCorrections.run_on`).
RUN_JOINERS = {"and", "or", "than", "is", "a", "an", "the", "vs", "vs."}
ARTICLES = {"a", "an", "the"}
CLITICS = {"'s", "'d", "'re", "'ll", "'ve", "'m", "n't"}
STARRING = {"starring", "stars", "starred"}
# The determiners that open a role's noun phrase before a work modifying the role ("the Lost star", "her Glee
# co-stars"): a person's name takes none.
DETERMINERS = {"the", "his", "her", "their", "its", "my", "our", "your"}
# Words that open a picture's or recording's credit line ("Image: Nick Moreau").
CREDIT_WORDS = {"image", "images", "photo", "photos", "picture", "pictures", "video", "audio", "credit", "photograph"}
# What someone performs in a work: "her role in W", "his turn in W", "her debut in W", "his work on W".
ROLE_NOUNS = {"role", "roles", "turn", "performance", "performances", "part", "cameo"}
PERFORMANCE_NOUNS = ROLE_NOUNS | {"debut", "stint", "appearance", "appearances", "work"}
POSSESSIVE_PRONOUNS = {"his", "her", "their", "its"}
# Verbs whose "in" takes what one performs in ("starred in Martha Cole", "was cast in Gideon Hale"): never a person.
PERFORM_IN_VERBS = {"star", "co-star", "appear", "cast", "feature"}
STAR_VERBS = {"star", "co-star"}  # one stars in a work, never in a company or a magazine
# Verbs of performing after "<title>, in which <person>" ("…, in which Wendy Carrow played a nun").
IN_WHICH_VERBS = {"play", "star", "appear", "portray", "voice", "co-star"}
# Parts and events of a work before "of" and its title ("the premiere of W", "an episode of W").
PART_NOUNS = {"premiere", "premieres", "finale", "trailer", "episode", "episodes", "season", "soundtrack", "set",
               "reunion", "revival", "reboot", "screening", "screenings", "pilot", "production", "productions",
               "staging", "stagings", "adaptation", "adaptations"}
PART_DETERMINERS = {"an", "a", "its", "their", "this", "latest", "final", "new", "first", "last", "second", "third",
                     "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "next", "upcoming", "opening",
                     "current", "previous", "upcoming"}
# Nouns for a work's audience or parts that open a sentence before "of" and the work ("Fans of Salt Creek will …").
OF_A_WORK = {"fans", "viewers", "critics", "audiences", "readers", "listeners", "followers", "devotees", "cast",
              "stars", "makers", "creators", "producers", "writers", "episodes", "seasons", "series", "season", "episode"}
# Ordinals before "series" that make it a programme's run ("the second series of W"; not "a series of concerts").
ORDINALS = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "final",
             "last", "latest", "new", "next", "current", "previous"}
# Adjectives of a coming or recent release between an owner's possessive and a title ("Marvel's upcoming W").
RELEASE_ADJECTIVES = {"upcoming", "new", "latest", "forthcoming", "next", "debut", "acclaimed", "hit"}
# Conjunctions that open a sentence's first clause ("When Wintour arrived, …").
SUBORDINATORS = {"when", "while", "after", "before", "as", "if", "since", "because", "though", "although", "once",
                  "until", "unless", "whenever", "for", "like", "unlike", "with", "without", "to"}
CONSTRUCTION_WORDS = POSSESSIVES | STARRING | {"of", "for", "in", "on", "by", "to"}
# Nouns for a work that follows another ("the sequel to Martha Cole"): what follows "to" is a work.
FOLLOW_UP_NOUNS = {"sequel", "prequel", "follow-up", "successor", "companion"}
# The last words of an organisation's or a company's name ("Clare College", "King Arthur International").
COMPANY_ENDINGS = ORG_WORDS | COMPANY_WORDS | {"international", "group", "limited"}
# An award's categories named for what the prize is given to a work for ("best actress for W").
AWARD_CATEGORIES = frozenset(load_json("relation_words.json")["award_categories"]) | {"film", "picture", "documentary",
                                                                                        "album", "song", "drama"}
# Prepositions a title goes on across ("Flight of the Phoenix", "A Cry in the Dark", "Murder on the Orient Express").
TITLE_PREPOSITIONS = {"of", "in", "on", "at", "under", "from", "with", "to", "for", "over", "into", "through", "beyond",
                      "without", "after", "before", "between", "behind", "beneath", "upon"}


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
                and doc[ent.start].text[:1].isupper() and owned_part(doc[previous.start : mark], ent, people):
            start = previous.start
            if previous.label_ != LABEL and start > 0 and doc[start - 1].text == "The" and not doc[start - 1].ent_type_:
                start -= 1
            out[-1] = Span(doc, start, ent.end, label=LABEL)
        else:
            out.append(ent)
    return out


# What opens a title of its own: after "X's" it is a title owned, not a possessive title's end ("Lemony Snicket's A
# Series of Unfortunate Events", "Fromental Halevy's La Juive").
TITLE_ARTICLES = frozenset({"a", "an", "the", "la", "le", "les", "el", "il", "lo", "der", "die", "das"})


def owned_part(owner: Span, title: Span, people: Counter) -> bool:
    """True when `owner` + "'s" + `title` is one title (see `possessive_titles`): the part after the possessive is
    one or two words and no article, the owner at most three capitalised words ("The Orchard Keeper")."""
    if len(title) > 2 or title[0].lower_ in TITLE_ARTICLES or len(owner) > 3 \
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


def runs_on(tok, surnames: frozenset[str]) -> bool:
    """True for a capitalised word a title can go on into: no entity's, no acronym ("DVD"), no sentence start, no
    known first name, no surname of the article's people, and written apart from the word before it."""
    return tok.is_alpha and tok.text[:1].isupper() and not (len(tok.text) > 1 and tok.text.isupper()) \
        and not tok.ent_type_ and not tok.is_sent_start and tok.doc[tok.i - 1].whitespace_ \
        and tok.lower_ not in FIRST_NAMES and tok.text not in surnames


def in_first_line(doc: Doc, i: int) -> bool:
    """True when token `i` stands on the first line of an article of several lines (its headline, in title case)."""
    first_break = doc_text(doc).find("\n")
    return first_break >= 0 and doc[i].idx < first_break




def title_run_end(doc: Doc, i: int, inner: frozenset[str]) -> int:
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


def title_run_start(doc: Doc, i: int, inner: frozenset[str]) -> int:
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


def after_apposition(doc: Doc, i: int) -> int:
    """Return token `i`, or the token after the comma and the opening quotation mark that start an apposition
    there ("the novel, Cloud Atlas", "the thriller, 'Underwater'")."""
    if i < len(doc) and doc[i].text == ",":
        i += 1
    if i < len(doc) and doc[i].is_quote:
        i += 1
    return i


def goes_on(doc: Doc, end: int) -> bool:
    """True when the name ending before token `end` goes on into what follows: a possessive, a noun it modifies
    ("US TV drama", "Hollywood classic"), or an inner word and a capitalised one ("Noggin the Nog")."""
    after = doc[end]
    if after.text in POSSESSIVES or after.pos_ == "NOUN" or after.is_lower and after.pos_ in {"ADJ", "PROPN"} \
            or after.like_num or after.text[:1].isupper() or after.text in {"-", "–", "!", "&"}:
        return True
    return after.lower_ in {"the", "of", "and"} and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()
