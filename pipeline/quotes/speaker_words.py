"""The words and shapes the speaker resolver reads: pronouns, ages, role words written with hyphens."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from .attribution import GENDERED_PRONOUNS, Speaker

SUBJECT_PRONOUNS = {word: GENDERED_PRONOUNS[word] for word in ("he", "she")}
# A sentence saying its subject did not comment ("was not available for comment", "declined to comment").
NO_COMMENT = re.compile(
    r"\b(?:declin|refus)\w* to comment\b|\b(?:not |un)available (?:for|to) comment|\bcould not be reached\b"
    r"|\bdid not (?:immediately )?(?:respond|reply) to (?:a |our |requests? )|\bha[sd] (?:not|yet to) (?:yet )?comment"
    r"|\b(?:did|would) not comment\b|\bmade no comment\b", re.IGNORECASE)
OBJECT_PRONOUNS = {"him": "m", "her": "f"}
# The endings of nouns for what a person does ("momager", "stylist", "YouTuber", "comedian").
AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|eer|eur|ess)$")
WORD_AT = re.compile(r"[\w-]+")
AGE_NUMBER = re.compile(r"\b(\d{1,3})[- ]year[- ]old\b", re.IGNORECASE)
# An age given beside a name: "Kim Tran, 30," or "Kim Tran (30)"; and before it: "30-year-old Kim Tran".
AGE_AFTER = re.compile(r"\s*,\s*(\d{1,3})\s*,|\s*\((\d{1,3})\)")
AGE_BEFORE = re.compile(r"\b(\d{1,3})[- ]year[- ]old\s+$", re.IGNORECASE)
# The kinds of work (`role_kinds`) that make a work rather than perform in it: "the director" is whoever directed.
MAKING_KINDS = frozenset({"directing", "writing", "producing", "creating"})
MAX_PRONOUN_CHAIN = 3  # "she … She … she said": how many pronouns a referent is followed back through

# Lower-case words inside a title ("Game of Thrones", "Keeping Up With the Kardashians").
TITLE_SMALL_WORDS = frozenset({"of", "and", "the", "a", "an", "in", "on", "at", "to", "for", "with", "from", "up"})

# Words that pick one of several people by the ages the article gave them ("the older woman", "the younger Lund").
AGE_COMPARED = {"older": max, "elder": max, "oldest": max, "eldest": max, "younger": min, "youngest": min}

HYPHENS = frozenset({"-", "–"})


def named_only(speaker: Speaker) -> Optional[Speaker]:
    """`speaker`, or None for an unnamed source that spoke ("a friend of the couple"): what refers to it has no name."""
    return speaker if speaker.name else None


def capitalised_hyphen(doc, i: int) -> bool:
    """True when token `i` is a hyphen written without spaces between two capitalised words ("Touchard-Mensah")."""
    return doc[i].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i].whitespace_ \
        and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()


def hyphen_first(token: Token) -> Token:
    """Return the first part of the hyphenated word `token` ends ("host" in "co-host" → "co"), else `token`."""
    doc, i = token.doc, token.i
    while i >= 2 and doc[i - 1].text in HYPHENS and not doc[i - 1].whitespace_ and not doc[i - 2].whitespace_ \
            and doc[i - 2].is_alpha:
        i -= 2
    return doc[i]


def hyphen_last(token: Token) -> Token:
    """Return the last part of the hyphenated word `token` is part of ("star" in "co-star" → "star", "editor" in
    "editor-in-chief" → "chief"), else `token`."""
    doc, i = token.doc, token.i
    while i + 2 < len(doc) and doc[i + 1].text in HYPHENS and not doc[i].whitespace_ and not doc[i + 1].whitespace_ \
            and doc[i + 2].is_alpha:
        i += 2
    return doc[i]


def role_key(token: Token) -> str:
    """Return the role word `token` belongs to, as a key for roles held by people named earlier: its lemma, or the
    whole hyphenated word it is part of ("editor-in-chief", "co-star", "singer-songwriter"), which is another role
    than its parts ("the editor-in-chief said" is not the "editor" named last)."""
    first, last = hyphen_first(token), hyphen_last(token)
    lemma = token.lower_ if token.pos_ == "PROPN" else token.lemma_.lower()
    if first.i == last.i:
        return lemma
    return "-".join(lemma if t.i == token.i else t.lower_ for t in token.doc[first.i : last.i + 1]
                    if t.text not in HYPHENS)


def counts_children(token: Token) -> bool:
    """True for "mother-of-two", "the mother of three", "dad-of-three", "mother-to-be": a parent described by the
    number of their children, or one expecting a child, is the person the article is about, not somebody's parent."""
    doc, i = token.doc, token.i
    if i + 4 < len(doc) and [t.lower_ for t in doc[i + 1 : i + 5]] == ["-", "to", "-", "be"]:
        return True
    if i + 2 < len(doc) and doc[i + 1].lower_ == "of" and doc[i + 2].like_num and doc[i + 2].is_lower:
        return True
    return i + 3 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ == "of" \
        and (doc[i + 3].text == "-" and i + 4 < len(doc) and doc[i + 4].like_num or doc[i + 3].like_num)
