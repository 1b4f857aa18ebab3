"""Shapes of names inside and around a title span, for `corrections`: names glued into one span ("Shaun of the Dead
and My Summer of Love", "Humphrey Bogart in Casablanca"), a possessive's owner named elsewhere, a sentence's first
word glued on, words a title began after ("Game of Thrones" found as "Thrones"), makers after "by", characters in
parentheses, publications an editor edits, the members of a list, peers' styles ("the Duke of Sussex") and
programmes named with their hosts ("The Late Show with Stephen Colbert").
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..entities import load_json
from ..names import FIRST_NAMES, HONORIFICS
from ..records import doc_text

LABEL = "WORK_OF_ART"
POSSESSIVES = {"'s", "’s", "'", "’"}
NAMES_OF_PEOPLE_AND_GROUPS = {"PERSON", "ORG", "NORP"}
# Plural nouns for works that open a list of them ("films including …", "whose hits include …").
LIST_NOUNS = {"films", "movies", "shows", "series", "programmes", "programs", "sitcoms", "dramas", "comedies", "albums",
              "records", "singles", "songs", "hits", "tracks", "books", "novels", "plays", "musicals", "credits", "titles"}
# The verbs of a work's makers, read as participles before "by" ("directed by Sofia Lund").
MAKER_VERBS = {word for kind in ("director", "writer", "producer", "creator", "composer")
                for word in load_json("relation_words.json")["cues"][kind]}
# What stands before a list's member ("A, B and C", "A or B", "A & B").
LIST_JOINERS = {",", "and", "or", "&", "nor"}


def capitalised(token) -> bool:
    """A proper noun, or a capitalised word inside a sentence (a title's "Only", "Who", "Last")."""
    return not token.ent_type_ and token.is_alpha and (token.tag_ in ("NNP", "NNPS")
                                                        or token.text[:1].isupper() and not token.is_sent_start)


# Where one name is glued to the next in a span ("Shaun of the Dead and My Summer of Love", "The Specials - Ghost
# Town", "Humphrey Bogart in Casablanca"), and what each joiner may join: a list's words join names of any kind, a
# preposition a person or a place to a title.
_LIST_GLUE = {",", "and", "&", "or", "-", "–"}
_PLACE_GLUE = {"in", "at", "from", "on"}
_CORRECTIONS = load_json("title_corrections.json")
VENUE_HEADS = frozenset(_CORRECTIONS["venue_heads"])


def glued(ent: Span, ents: list[Span]) -> list[Span] | None:
    """Return the names a work span glued together, when the article writes one of them alone as an entity
    elsewhere: that part keeps the label it has there, the rest is a title. "Shaun of the Dead and My Summer of
    Love" beside "My Summer of Love"; "Graham Norton and Sir Richard Attenborough" beside "Graham Norton" (PERSON);
    "The Specials - Ghost Town" beside "The Specials" (ORG); "Humphrey Bogart in Casablanca" beside "Humphrey
    Bogart". Never at "and" before a lower-case article ("Harry Potter and the Prisoner of Azkaban"), nor at "and"
    when only the first part is known and the second is no person's name ("Harry Potter and Order of the Phoenix":
    a franchise opens its titles); a preposition only parts a person or a place from the title. None when nothing
    is known of either part."""
    doc = ent.doc
    if not any(t.lower_ in _LIST_GLUE or t.lower_ in _PLACE_GLUE for t in ent[1:-1]):
        return None
    elsewhere: dict[str, str] = {}
    for other in ents:
        if not (other.start < ent.end and ent.start < other.end):
            elsewhere.setdefault(other.text, other.label_)
    for tok in ent[1:-1]:
        joiner = tok.lower_
        if joiner not in _LIST_GLUE | _PLACE_GLUE or not (tok.is_punct or tok.is_lower):
            continue
        if joiner in {"-", "–"} and not (tok.whitespace_ and doc[tok.i - 1].whitespace_):
            continue  # "Spider-Man", "Jay-Z": a hyphen inside a word
        nxt = doc[tok.i + 1]
        if joiner in {"and", "&", "or"} and nxt.is_lower:
            continue
        start = tok.i + 1 + (joiner == "," and nxt.lower_ in {"and", "or"} or joiner in _PLACE_GLUE and nxt.lower_ == "the")
        left, right = doc[ent.start : tok.i], doc[start : ent.end]
        if not len(right) or not right[0].text[:1].isupper() and not right[0].is_digit:
            continue
        known_left, known_right = elsewhere.get(left.text), elsewhere.get(right.text)
        if joiner in _PLACE_GLUE:
            # "Gene Kelly in Singing in the Rain": a person's full name before "in"/"at" is the one in the work;
            # "Hecuba at the Donmar Warehouse": a venue's name after "at" is where it is on.
            venue = joiner == "at" and any(t.text in VENUE_HEADS for t in right)
            person = known_left == "PERSON" or joiner == "in" and _glued_label(left) == "PERSON" and len(left) >= 2
            place = known_right in {"GPE", "LOC", "FAC"}
            if person and place and known_left != "PERSON":
                continue  # "Bethan and Huw in Wales", "Ann Lee in Wales": a show named for someone somewhere
            known_left = "PERSON" if person and not venue else None
            known_right = known_right if known_right in {"GPE", "LOC", "FAC"} else ("FAC" if venue else None)
        if joiner in {"and", "&", "or"}:
            # One word may be a title's character ("Will and Grace" beside "Grace"): a part known as anything
            # but a title is two words or more.
            known_left = None if known_left != LABEL and len(left) < 2 else known_left
            known_right = None if known_right != LABEL and len(right) < 2 else known_right
            if not known_right and _glued_label(right) != "PERSON":
                continue  # "Harry Potter and Order of the Phoenix": a franchise's name opens its titles
        if known_left or known_right:
            # Beside a place, the other part is the work ("Mary Poppins at the Prince Edward Theatre").
            unknown_left = LABEL if known_right in {"GPE", "LOC", "FAC"} else _glued_label(left)
            parts = [Span(doc, left.start, left.end, label=known_left or unknown_left),
                     Span(doc, right.start, right.end, label=known_right or _glued_label(right))]
            # "About A Boy, Shaun of The Dead and Bridget Jones: …": each part may hold more names.
            return [p for part in parts for p in (glued(part, ents) if part.label_ == LABEL and len(part) > 2 else None)
                    or [part]]
    return None


def _glued_label(part) -> str:
    """The label of a glued part nothing else names: a person's when it opens with an honorific or a known first
    name before a capitalised word ("Sir Richard Attenborough", "Mike Leigh"), else a title's."""
    if 2 <= len(part) <= 4 and all(t.text[:1].isupper() for t in part) and (
            part[0].lower_.rstrip(".") in HONORIFICS or part[0].lower_ in FIRST_NAMES):
        return "PERSON"
    return LABEL


def without_opening_verb(ent: Span, ents: list[Span]) -> Span:
    """Return `ent` without the verb or adverb that opens its sentence when the article writes the rest alone
    elsewhere ("Joining Vera Drake in the race are …" beside "Vera Drake"), or the conjunction, preposition or
    interjection when it names the rest as a work or person elsewhere ("Although Angels was a hit" beside
    "Angels"): the model glued the sentence's first word to the title. A title that opens with a verb and is never
    written without it keeps it ("Finding Nemo")."""
    doc = ent.doc
    first = ent[0]
    if len(ent) < 2 or not first.is_sent_start or first.tag_ not in {"VBG", "VBN", "VBD", "VBZ", "RB", "IN", "UH", "CC"}:
        return ent
    rest = doc[ent.start + 1 : ent.end].text
    if first.tag_ in {"IN", "UH", "CC"}:
        # "Although Angels", "Yes Angels", "But Vera Drake": only beside the rest named as a work or a person
        # elsewhere ("In Bruges" beside the place "Bruges" stays whole).
        named = any(o.text == rest and o.label_ in {LABEL, "PERSON", "ORG"} and not (o.start < ent.end and ent.start < o.end)
                    for o in ents)
        return Span(doc, ent.start + 1, ent.end, label=ent.label_) if named else ent
    text = doc_text(doc)
    for m in re.finditer(r"(?<!\w)" + re.escape(rest) + r"(?!\w)", text):
        if not ent.start_char <= m.start() < ent.end_char:
            return Span(doc, ent.start + 1, ent.end, label=ent.label_)
    return ent


def owner_named_elsewhere(ent: Span, surnames: frozenset[str], ents: list[Span]) -> tuple[str, int] | None:
    """Return (the owner's label, the possessive's token) for a work span that opens with a possessive whose owner
    the article names elsewhere as a person, band or organisation ("The Beatles' Across The Universe" beside "The
    Beatles", "Spielberg's Jaws" beside "Steven Spielberg"); None for a possessive title ("Schindler's List")."""
    doc = ent.doc
    cut = next((t.i for t in ent[1:-1] if t.text in POSSESSIVES), None)
    if cut is None or not doc[cut + 1].text[:1].isupper():
        return None
    owner = doc[ent.start : cut]
    if len(owner) == 1 and owner[0].lower_ in FIRST_NAMES:
        return None  # a first name may be the title's own character ("Charlotte's Web" beside "voice Charlotte")
    for other in ents:
        if other.label_ in NAMES_OF_PEOPLE_AND_GROUPS and other.text == owner.text \
                and not (other.start < ent.end and ent.start < other.end):
            return other.label_, cut
    if len(owner) == 1 and owner.text in surnames:
        return "PERSON", cut
    return None


def before_of(doc: Doc, start: int) -> int:
    """Return where a title that the model began after "of (the)" really begins: at the capitalised words no entity
    claims before it ("Game of Thrones" when only "Thrones" was found, "Lord of the Rings", "Pirates of the
    Caribbean"). A common noun opening a sentence is no title's ("Fans of Harbour Lights"), nor is a known first
    name ("Jo of Little Women")."""
    k = start - 1
    if k > 0 and doc[k].lower_ == "the" and doc[k].is_lower:
        k -= 1
    if k < 1 or doc[k].lower_ != "of" or not doc[k].is_lower:
        return start
    j = k
    while j > 0 and not doc[j - 1].ent_type_ and doc[j - 1].is_alpha and (
            capitalised(doc[j - 1]) or doc[j - 1].is_sent_start and doc[j - 1].tag_ in ("NNP", "NNPS")):
        j -= 1
        if doc[j].is_sent_start:
            break
    if j == k or doc[j].lower_ in FIRST_NAMES and k - j == 1:
        return start
    return j


_PEERAGES = frozenset(_CORRECTIONS["peerages"])
# Last words of the names of awards, companies, venues and institutions ("the Duke of Edinburgh Award").
_NAME_HEADS = frozenset(word for words in _CORRECTIONS["head_labels"].values() for word in words) \
    | frozenset(_CORRECTIONS["institution_heads"]) | frozenset(_CORRECTIONS["award_heads"])
_TITLE_TYPES = frozenset(load_json("relation_words.json")["title_types"])
QUOTE_MARKS = {'"', "“", "”", "‘", "’", "'", "``", "''"}


def peers_styled(doc: Doc, tokens) -> list[Span]:
    """Return PERSON spans for peers' styles, whatever the model made of them: "(The) Duke of Sussex", "the Duke
    and Duchess of Cambridge", "Countess of Wessex"; not where a work stands: in quotation marks, or after "in",
    "of", "as", "on" or a kind noun ("starred in The Duchess of Malfi", "the play The Duchess of Malfi")."""
    found = []
    lower, text = tokens.lower, tokens.text
    n = len(lower)
    i = 0
    while i < n:
        if lower[i] not in _PEERAGES or not text[i][:1].isupper() or i > 0 and lower[i - 1] in _PEERAGES:
            i += 1
            continue
        start = i - 1 if i > 0 and text[i - 1] == "The" else i
        k = i + 1
        if k + 1 < n and lower[k] == "and" and lower[k + 1] in _PEERAGES:
            k += 2
        end = k + 1
        while end < n and end - k <= 3 and text[end][:1].isupper() and text[end].isalpha():
            end += 1
        i = max(end, i + 1)
        if k >= n or lower[k] != "of" or end == k + 1 or end - k > 4 or text[end - 1] in _NAME_HEADS:
            continue  # not "the Duke of Edinburgh Award"
        before = doc[start - 1] if start > 0 else None
        if before is not None and (before.text in QUOTE_MARKS or before.lower_ in ("in", "of", "as", "on")
                                   or before.lemma_.lower() in _TITLE_TYPES):
            continue
        if end < n and text[end] in QUOTE_MARKS and text[end] not in ("'s", "’s"):
            continue
        found.append(Span(doc, start, end, label="PERSON"))
    return found


def person_shaped_words(ent: Span) -> list | None:
    """Return the words of `ent` when they are two or three capitalised words shaped like a person's name, a double
    surname counting as one ("Bethan Aldous-Price"), the first no function word; else None."""
    words = [t for t in ent if t.text not in {"-", "–"}]
    if 2 <= len(words) <= 3 and all(t.is_alpha and t.is_title for t in words) and not words[0].is_stop:
        return words
    return None


def credited_by(ent: Span) -> bool:
    """True for a name of two or three capitalised words after a maker's verb and "by" ("directed by Sofia Lund",
    "written by Dan Gore" tagged an organisation, "created by Bethan Aldous-Price" a title): a film is directed by a
    person. Not a title that describes the maker named after it ("penned by My Family creator Fred Barron")."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "by" or not 2 <= len(ent) <= 5:
        return False
    verb = doc[ent.start - 2]
    after = doc[ent.end] if ent.end < len(doc) else None
    return verb.tag_ == "VBN" and verb.lemma_.lower() in MAKER_VERBS and person_shaped_words(ent) is not None \
        and all(t.whitespace_ == "" for t in ent if t.text in {"-", "–"}) \
        and not (after is not None and (after.pos_ == "NOUN" and after.is_lower or after.text[:1].isupper()))


def maker_after_by(ent: Span) -> str | None:
    """Return the maker's label for a name after "by" that follows a title ("'Starboy,' by The Weeknd", "the song
    Hello by Ann Lee"): a band ("The …", ORG) or a person (a known first name first); None for anything else
    ("directed by X" has a verb before "by", and a title holds its own "by": "Stand by Me")."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "by":
        return None
    i = ent.start - 2
    while i > 0 and (doc[i].is_quote or doc[i].text == ","):
        i -= 1
    after_title = doc[i].ent_type_ == LABEL or doc[i + 1].is_quote and i + 1 < ent.start - 1
    if not after_title:
        return None
    if ent[0].text == "The" and len(ent) >= 2:
        return "ORG"
    # Only a name shaped like a person's: "Murder by Numbers" cut in two stays two works.
    return "PERSON" if ent[0].lower_ in FIRST_NAMES and len(ent) >= 2 else None


def character_in_parentheses(ent: Span) -> str | None:
    """Return PERSON for a first name and surname in parentheses after a person's name: the character that actor
    plays ("Robert Pattinson (Edward Cullen)"); a work in their place stays one ("Robert Pattinson (Twilight)")."""
    doc = ent.doc
    if ent.start < 2 or ent.end >= len(doc) or doc[ent.start - 1].text != "(" or doc[ent.end].text != ")":
        return None
    if doc[ent.start - 2].ent_type_ != "PERSON" or not 2 <= len(ent) <= 3 or ent[0].lower_ not in FIRST_NAMES:
        return None
    return "PERSON" if all(t.is_alpha and t.text[:1].isupper() for t in ent) else None


# Participles of performing before "by": who follows is a performer ("played by former singer Lee Gaskin").
_PERFORMED = {"played", "voiced", "portrayed"}
# What stands before the first performer of "X as Y" in a cast ("It stars A as X, B as Y", "joined by A as X").
_CAST_OPENERS = {",", "and", "with", "by", "stars", "starring", "includes", "including", "featuring", "opposite",
                 "alongside"}
_DESCRIPTION_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its"}


def _description_start(doc: Doc, start: int, limit: int = 5) -> int:
    """Return where the lower-case description that ends before token `start` begins ("former boy band singer")."""
    i = start
    while i > 0 and start - i < limit and doc[i - 1].is_alpha and doc[i - 1].is_lower \
            and doc[i - 1].pos_ in ("ADJ", "NOUN", "VERB", "DET", "PRON") and doc[i - 1].lower_ not in ("by", "as"):
        i -= 1
    return i


def _person_shaped(ent: Span) -> bool:
    return 1 <= len(ent) <= 4 and all(t.is_alpha and t.text[:1].isupper() for t in ent)


def performer_named(ent: Span) -> str | None:
    """Return PERSON for a first name and surname where only a performer stands: after "played by" or "voiced by"
    and a description ("Danny Pryce is played by former boy band singer Lee Gaskin"), or before "as" and a role in a
    cast ("She is joined by Priya Vasquez as Ruth, Amber Tolliver as youngest sister Dot"); not "starred in Toy Story
    as Woody" (a title after "in")."""
    doc = ent.doc
    if not (2 <= len(ent) <= 3 and ent[0].lower_ in FIRST_NAMES and _person_shaped(ent)):
        return None
    i = _description_start(doc, ent.start)
    if i >= 2 and doc[i - 1].lower_ == "by" and doc[i - 2].lower_ in _PERFORMED:
        return "PERSON"
    if ent.end + 1 < len(doc) and doc[ent.end].lower_ == "as" and ent.start > 0 \
            and doc[ent.start - 1].lower_ in _CAST_OPENERS and _description_start(doc, ent.start) == ent.start:
        after = ent.end + 1
        while after < len(doc) and doc[after].is_lower and doc[after].is_alpha and after - ent.end <= 5:
            after += 1
        return "PERSON" if after < len(doc) and doc[after].text[:1].isupper() and doc[after].is_alpha else None
    return None


def character_after_as(ent: Span) -> str | None:
    """Return PERSON for a name after a performer's "as" and a description: the character that performer plays
    ("stars Sir Bernard Scholes as the ailing Lord Ashcombe"); not a name with lower-case words in it ("named X as
    Young Musician of the Year")."""
    doc = ent.doc
    if not _person_shaped(ent) or any(t.is_quote for t in doc[max(0, ent.start - 1) : ent.end + 1]):
        return None
    i = _description_start(doc, ent.start)
    if i < 2 or doc[i - 1].lower_ != "as" or doc[i - 2].ent_type_ != "PERSON":
        return None
    return "PERSON"


def publication_edited(ent: Span) -> str | None:
    """Return ORG for a name after an editor's or publisher's "of": a magazine or paper ("editor of Lucky", "the
    editor-in-chief of Vogue"), which is no work."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return None
    return "ORG" if doc[ent.start - 2].lower_ in {"editor", "editors", "chief", "publisher"} else None


def hyphen_start(doc: Doc, i: int) -> int:
    """Return the first token of the hyphenated word whose last part is token `i` ("co" of "co-star"), else `i`."""
    while i >= 2 and doc[i - 1].text in {"-", "–"} and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha and doc[i - 2].is_lower:
        i -= 2
    return i


def list_member(doc: Doc, token, by_token: dict[int, Span]) -> Span | None:
    """Return the list member whose head is `token`: the entity that holds it, or the run of capitalised words no
    entity covers that ends with it ("Tootsie", "The Long Tide"); None for anything else (a common noun, "I")."""
    ent = by_token.get(token.i)
    if ent is not None:
        return ent
    if not capitalised(token) or token.is_sent_start or token.lower_ in FIRST_NAMES or token.pos_ == "PRON":
        return None
    start = token.i
    while start > 0 and (capitalised(doc[start - 1]) or doc[start - 1].text == "The") \
            and not doc[start].is_sent_start and doc[start - 1].head.i >= start:
        start -= 1
    if start == 0 or doc[start - 1].lower_ not in LIST_JOINERS:
        return None  # not after a comma or a conjunction: "Fat Albert and the Cosby Kids", "Malcolm X. Attallah"
    return Span(doc, start, token.i + 1, label="")


def name_run_start(doc: Doc, i: int) -> int:
    """Return the first token of the run of capitalised words, entities' or not, that ends with token `i`."""
    start = i
    while start > 0 and upper_word(doc[start - 1]) and not doc[start].is_sent_start:
        start -= 1
    return start


def upper_word(token) -> bool:
    """A word written with a capital (a name's, a title's, "The")."""
    return token.is_alpha and token.text[:1].isupper()


def modifies_a_noun(span: Span) -> bool:
    """True when `span` sits inside a noun phrase headed before it: the object of a preposition after a noun ("the
    star of Harbour Lights"), or a possessive or compound modifier."""
    root = span.root
    if root.dep_ in ("poss", "compound", "nmod"):
        return True
    return root.dep_ == "pobj" and root.head.head.pos_ in ("NOUN", "PROPN", "PRON")


def opened_by_work_noun(doc: Doc, start: int, nouns: frozenset[str] | set[str] | None = None) -> bool:
    """True when the list at token `start` follows a plural work noun (or one of `nouns`) and "include",
    "including", "such as" or "like" ("her films include …", "songs such as …")."""
    heads = LIST_NOUNS if nouns is None else nouns
    before = [t.lower_ for t in doc[max(0, start - 3) : start]]
    if before[-1:] in (["include"], ["includes"], ["included"], ["including"], ["like"]):
        nouns = before[:-1]
    elif before[-2:] == ["such", "as"]:
        nouns = before[:-2]
    else:
        return False
    return bool(nouns) and nouns[-1] in heads or len(nouns) > 1 and nouns[-2] in heads and nouns[-1] == ","


def apposed_to_work_noun(doc: Doc, start: int, members: list[Span]) -> bool:
    """True when the list at token `start` follows a plural work noun that a determiner, possessive, number or
    adjective opens ("the films A, B and C", "his albums A and B", "two novels, A and B"), and no member is the
    subject of a clause ("the films Tom Hanks and Meg Ryan made")."""
    at = start - 1 if start > 1 and doc[start - 1].text == "," else start
    if at < 2:
        return False
    noun, before = doc[at - 1], doc[at - 2]
    return noun.lower_ in LIST_NOUNS and noun.is_lower and noun.tag_ == "NNS" \
        and before.tag_ in ("DT", "PRP$", "JJ", "POS", "CD") \
        and not any(m.root.dep_ in ("nsubj", "nsubjpass") for m in members)


def after_work_noun(doc: Doc, start: int) -> bool:
    """True when a plural work noun stands within six words before the list that starts at token `start`."""
    return any(t.lower_ in LIST_NOUNS and t.is_lower for t in doc[max(0, start - 6) : start])


def hosts_joined(ents: list[Span], host_heads: frozenset[str]) -> list[Span]:
    """Return `ents` with a programme named with its host as one title: "The Late Show with Stephen Colbert",
    "Real Time with Bill Maher", "The Tonight Show Starring Jimmy Fallon" (the model ends the title before
    "with" or the name; `host_heads` are the last words of such names), the host's name joined into it."""
    starts = {e.start: e for e in ents}
    joined: dict[int, Span] = {}
    for ent in ents:
        if ent.label_ != LABEL:
            continue
        doc, end = ent.doc, ent.end
        if ent.start > 0 and doc[ent.start - 1].lower_ == "in":
            continue  # "starred in Date Night with Tina Fey": a film and a co-star; one appears on a show
        if ent[-1].text == "Starring" and ent.end - ent.start >= 3 and ent[-2].text in host_heads:
            at = end
        elif ent[-1].text in host_heads and end + 1 < len(doc) and doc[end].lower_ in ("with", "starring"):
            at = end + 1
        else:
            continue
        host = starts.get(at)
        if host is None and at not in {i for e in ents for i in range(e.start, e.end)}:
            host = _untagged_name(doc, at)
        if host is not None and host.label_ == "PERSON":
            joined[ent.start] = Span(doc, ent.start, host.end, label=LABEL)
            joined[host.start] = None
    if not joined:
        return ents
    return [joined[e.start] if e.start in joined else e for e in ents if joined.get(e.start, e) is not None]


def _untagged_name(doc: Doc, i: int) -> Span | None:
    """Return the person's name no entity covers at token `i`: a known first name and one or two capitalised words."""
    if i >= len(doc) or doc[i].lower_ not in FIRST_NAMES or doc[i].ent_type_:
        return None
    end = i + 1
    while end < len(doc) and end - i < 3 and doc[end].is_alpha and doc[end].text[:1].isupper() and not doc[end].ent_type_:
        end += 1
    return Span(doc, i, end, label="PERSON") if end > i + 1 else None
