"""Names that survive NER mistakes: the person-name rules `entity_resolver` applies before it clusters mentions.

The small model glues headline words and punctuation to names ("Anna Faris Responds", "Mike Leigh -"), puts a
capitalised role word in front of them ("Songwriter Guy Chambers"), labels a full name ORG or NORP while its
surname is PERSON (or the surname ORG while the full name is PERSON), and misses some full names altogether.
These functions repair the candidate spans so that every mention of a person reaches one cluster named by the
full name. Word lists are in `data/names.json` and `data/first_names.json`.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from nicknames import NickNamer
from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span

from .tokens import TokenArrays

DATA = Path(__file__).parent / "data"

# Labels the model gives a person's name by mistake (a PERSON surname's full form, or the other way round).
CONFUSABLE = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART"}
# Labels a glued personal name comes with; titles (WORK_OF_ART) keep their words ("The Show Must Go On").
NAMEABLE = {"PERSON", "ORG", "NORP", "GPE"}
_TRAILING_MARKS = {"-", "–", "—", "―", ":", ",", ";", "|", "/", "(", "[", "\"", "'", "“", "‘"}
# The endings of nouns for what a person does ("campaigner", "cinematographer", "activist", "veteran", "fashionista").
_AGENT_NOUN = re.compile(r"(?:er|or|ist|ian|an|ant|ent|eer|ess|ista)s?$")
# A person's name never ends in "!" or "?" ("Tessa Morrow!"); a band's or an outlet's may ("Wham!", "OK!").
_SENTENCE_MARKS = {"!", "?"}
_DASHES = {"-", "–", "—", "―"}
_LEADING_MARKS = {"-", "–", "—", "―", ":", ",", ";", "|", "/", ")", "]", "\"", "'", "”", "’"}


def _load(name: str) -> dict:
    with open(DATA / name, encoding="utf-8") as handle:
        return json.load(handle)


_NAMES = _load("names.json")
# A title never speaks: a name the model labelled a work that is the subject of one of these is a person.
_CUES = _load("quote_cues.json")
# Reporting verbs that need a word after them ("shot back", "as she put it") report nothing alone ("Hollis Creek
# hits theaters").
SPEECH_VERBS = frozenset(_CUES["verbs"]) - frozenset(_CUES["verbs_with_object"])
# "a Jive spokeswoman", "the Brits committee": the words before these nouns name the organisation that speaks.
ORG_ROLES = frozenset(_CUES["org_roles"]) - {"statement", "ruling"}
PERSON_ROLES = frozenset(_CUES["person_roles"]) | frozenset(_CUES["relational_roles"])
_IRREGULAR_PAST = {"said": "say", "wrote": "write", "told": "tell", "spoke": "speak"}


def reporting_lemma(word: str, verbs: frozenset = SPEECH_VERBS) -> Optional[str]:
    """Return the one of `verbs` that `word` is an inflected form of ("recalled" → "recall", "wrote" → "write"), read
    without the parser; else None."""
    forms = (word, _IRREGULAR_PAST.get(word, word), word[:-1], word[:-2], word[:-3], word[:-3] + "e")
    return next((form for form in forms if form in verbs), None)


# A caption's or post's verb right before its words ("She captioned the photo 'Happy Anniversary To My Best
# Friend'", "tweeted:"), or its writer's verb right after them ('"…," she wrote'): words posted in title case.
_CAPTION_BEFORE = re.compile(r"\b(?:captioned|captioning|tweeted|tweeting|commented|commenting|with the caption)"
                             r"(?:\s+(?:the|her|his|their|a)\s+(?:post|photo|picture|image|snap|shot|clip|video|selfie))?"
                             r"\s*[:,]?\s*$", re.IGNORECASE)
_CAPTION_AFTER = re.compile(r"\s*[,!]?\s*(?:she|he|they|[A-Z][\w'’-]+)\s+(?:captioned|tweeted|commented|wrote|posted)\b")


def captioned(before: str, after: str) -> bool:
    """True when quoted words between `before` (the text up to the opening mark) and `after` (from the closing
    mark's side: what ends the words, the mark and on) are a caption or post someone wrote, not a title."""
    return bool(_CAPTION_BEFORE.search(before)) or bool(_CAPTION_AFTER.match(after))


def reporting_form(word: str, verbs: frozenset = SPEECH_VERBS) -> bool:
    """True for an inflected form of one of `verbs` ("asked", "says", "writing", "wrote"), read without the parser."""
    return reporting_lemma(word, verbs) is not None
ORG_NOUNS = frozenset(_CUES["org_nouns"])
OUTLET_NOUNS = frozenset(_CUES["outlet_nouns"])
HONORIFICS = frozenset(_NAMES["honorifics"])
POST_NOMINALS = frozenset(_NAMES["post_nominals"])


def without_post_nominals(words: list[str]) -> list[str]:
    """Return a full name's words without the letters after it ("Julian Pike QC" → Julian Pike), in capitals only."""
    while len(words) > 2 and words[-1].isupper() and words[-1].rstrip(".,").lower() in POST_NOMINALS:
        words = words[:-1]
    return words
RANKS = frozenset(_NAMES["ranks"])
DESCRIPTORS = frozenset(_NAMES["descriptors"])
# Nationalities written before a name ("American Dale Ruskin"): descriptors before a known first name only ("Irish").
DEMONYMS = frozenset(_CUES["demonyms"]) | {
    "british", "english", "irish", "scottish", "welsh", "french", "spanish", "dutch", "swedish", "danish", "finnish"}
HEADLINE_WORDS = frozenset(_NAMES["headline_words"])
HEADLINE_LABELS = frozenset(_CUES["headline_labels"])  # "Review: '…'": a section label, not a speaker
ACT_NOUNS: dict[str, str] = _NAMES["act_nouns"]
ACT_WORKS = frozenset(_NAMES["act_works"])
ACT_VERBS = frozenset(_NAMES["act_verbs"])
ACT_MEMBERS = frozenset(_NAMES["act_members"])
COMPANY_WORDS = frozenset(_NAMES["company_words"])
# Last words of a programme's name ("The Graham Norton Show", "Jimmy Kimmel Live!"): no person's name runs into one.
SHOW_HEADS = frozenset(_load("title_corrections.json")["show_heads"])
COMPANY_NOUNS = frozenset(_NAMES["company_nouns"])
# The act nouns of a group ("band", "trio"): alone, never a name.
GROUP_WORDS = frozenset(word for word, label in ACT_NOUNS.items() if label == "ORG")
# Nouns right before a name that say what it names: a musical act (a group ORG, a solo artist PERSON) or a company.
NAMING_NOUNS: dict[str, str] = {**ACT_NOUNS, **dict.fromkeys(COMPANY_NOUNS, "ORG")}
ORG_WORDS = frozenset(_NAMES["org_words"])
NAME_SUFFIXES = frozenset(_NAMES["name_suffixes"])
# Words an acronym leaves out ("Royal Academy of Dance" is RAD).
ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "&", "in", "on", "at", "de"})
_FIRST, _GIVEN = _load("first_names.json"), _load("given_names.json")
# First name → "m" | "f" when the name is (nearly) always one sex's; the project's own list wins over the census's.
FIRST_NAME_GENDER = {w: g for source in (_GIVEN, _FIRST) for g in ("m", "f") for w in source[g]}
FIRST_NAMES = frozenset(FIRST_NAME_GENDER) | frozenset(_GIVEN["either"])
# The usual sex of the given names of US Social Security records (`pipeline/build_name_sexes.py`), for a person of no
# sex the article or the lists above tell ("Rhys", "Kenji"); never a test of whether a word is a first name.
_SEXES = _load("name_sexes.json")
CENSUS_SEX = {w: g for g in ("m", "f") for w in _SEXES[g]}
NAME_SEX = {**CENSUS_SEX, **FIRST_NAME_GENDER}
# Words before a surname that describe the person instead of naming them ("Presenter Deeley", "Sir Deeley").
NOT_FIRST_WORDS = DESCRIPTORS | RANKS | HONORIFICS | HEADLINE_WORDS | ORG_WORDS | frozenset(ACT_NOUNS) | NAME_SUFFIXES
# Words that open a sentence and are never the first word of a name ("Later Chrissy wrote"); "the" stays ("The Game").
# Adverbs that open a sentence and that NER glues to the name after them ("Later Hynde said").
OPENING_ADVERBS = frozenset(_NAMES["sentence_openers"])
SENTENCE_OPENERS = (OPENING_ADVERBS | STOP_WORDS) - FIRST_NAMES - {"the", "a", "an"}


_NICKNAMER = NickNamer()


@lru_cache(maxsize=4096)
def _given_name_forms(word: str) -> frozenset[str]:
    """Return the lower-case forms of a given name: itself, its familiar forms and the names it is familiar for."""
    word = word.lower()
    return frozenset({word} | _NICKNAMER.nicknames_of(word) | _NICKNAMER.canonicals_of(word))


def same_given_name(full: str, short: str) -> bool:
    """True when `short` is `full`'s given name or a familiar form of it ("Jen" for Jennifer, "Angie" for
    Angelina), per the curated English nickname list of the `nicknames` package."""
    return len(short) > 1 and short[:1].isupper() and short.lower() in _given_name_forms(full)


# Two honorifics joined before one surname ("Mr. and Mrs. Harmon", "Mr & Mrs Smith"): a couple, no one's sex.
_COUPLE_STYLED = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s*(?:and|&)\s*(?:Mr|Mrs|Ms|Miss|Dr)\.?\s*$")


def couple_styled(text: str, start: int) -> bool:
    """True when the name at `start` of `text` follows two honorifics joined ("Mr. and Mrs. Harmon")."""
    return _COUPLE_STYLED.search(text, max(0, start - 20), start) is not None


def surname(words: list[str]) -> str:
    """Return the surname of a name's words: the last, unless that is a generational suffix ("Downey" of
    "Robert Downey Jr")."""
    if len(words) > 2 and words[-1].lower().rstrip(".") in NAME_SUFFIXES:
        return words[-2]
    return words[-1]


# Lower-case particles inside a surname ("Anna van der Berg", "Sandra den Hamer", "Luiz da Silva").
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "den", "du", "le", "la", "al", "bin", "di", "del", "della",
                            "dos", "das", "ter", "ten", "op"})


def is_name_word(text: str) -> bool:
    """True for a word that can be part of a personal name: capitalised, a particle inside one ("de", "van"), or a
    particle written onto the name ("diCaprio", "deGrasse")."""
    return text[:1].isupper() or text[:1].isdigit() or text in NAME_PARTICLES \
        or text.isalpha() and any(c.isupper() for c in text[1:4])


_SUBJECT_PRONOUNS = {"He", "She", "They", "We", "It"}


def trim_name(span: Span) -> Optional[Span]:
    """Return `span` without glued role words, headline words and punctuation at its edges, or None if nothing is left.

    "Songwriter Guy Chambers" → "Guy Chambers"; "Anna Faris Responds" → "Anna Faris"; "Mike Leigh -" → "Mike Leigh".
    A role word is dropped only when a capitalised word follows it, so a name is never reduced to a role; a group's
    noun alone ("Band's comeback album") is no name at all (None). A title loses only a sentence-opening adverb.
    """
    doc, start, end = span.doc, span.start, span.end
    if span.label_ == "WORK_OF_ART":
        # A sentence-opening adverb is no more part of a title than of a name ("Later Hynde said"); other function
        # words open titles ("Almost Famous", "Who's Your Daddy", "When a Man Loves a Woman").
        while start + 1 < end and doc[start].is_sent_start and doc[start].lower_ in OPENING_ADVERBS:
            start += 1
        return span if start == span.start else Span(doc, start, end, label=span.label_)
    if span.label_ not in NAMEABLE:
        return span
    while start < end and doc[start].text in _LEADING_MARKS:
        start += 1
    while start + 1 < end and doc[start].is_sent_start and doc[start].lower_ in SENTENCE_OPENERS:
        start += 1
    if start + 2 < end and doc[start].lower_ == "the" and doc[start + 1].lower_.rstrip(".") in HONORIFICS:
        start += 1  # "the Reverend Adrian Rodgers": the article belongs to the title, not to the name
    label = span.label_
    if start > span.start and label != "PERSON" and end - start == 2 and doc[start].lower_ in FIRST_NAMES \
            and all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in ORG_WORDS for t in doc[start:end]):
        # "Later Justin Kerr arrived" tagged an organisation: the glued adverb misled the model, and a known first
        # name with a surname after it is a person.
        label = "PERSON"
    while start + 1 < end and doc[start].text[:1].isupper():
        # A descriptor is one written word, which the tokenizer may split ("Oscar-winner").
        word_end = start
        while word_end + 1 < end and not doc[word_end].whitespace_:
            word_end += 1
        word = doc[start : word_end + 1].text.lower()
        if word_end + 1 >= end or not doc[word_end + 1].text[:1].isupper() or word not in DESCRIPTORS and not (
                word in DEMONYMS and doc[word_end + 1].lower_ in FIRST_NAMES and end - word_end > 2):
            break
        start = word_end + 1
    cut = next((t.i for t in doc[start + 1 : end - 1] if t.text in _DASHES and t.whitespace_
                and doc[t.i - 1].whitespace_), None)
    if cut is not None:
        # A dash set off by spaces opens an aside the model ran into the name ("Rob Partridge - Marley's manager",
        # "Gerard Jugnot - star of the film -", "Ciara - who"): a name's own hyphen is written tight ("Jean-Pierre").
        end = cut
    if label == "PERSON":
        # A headline's verb and the words after it glued to a name: "Gwen Stefani Will Reunite", "Kanye West Slams
        # Taylor Swift" (capitalised, after two name words at least; a person's name holds no such word).
        cut = next((t.i for t in doc[start + 2 : end] if t.text[:1].isupper() and t.lower_.rstrip(":") in HEADLINE_WORDS
                    and not t.is_sent_start), None)
        if cut is not None:
            end = cut
    if label == "PERSON" and end - start >= 3 and doc[end - 1].text in _SUBJECT_PRONOUNS \
            and doc[end - 2].text.endswith("."):
        # "Hank Dollar Jr. He wrote …": the next sentence's pronoun, run on past an abbreviation's full stop, is no
        # part of the name (after no full stop it may be: "Kaiming He", "Cousin It").
        end -= 1
    while end > start and (doc[end - 1].text in _TRAILING_MARKS
                           or label == "PERSON" and doc[end - 1].text in _SENTENCE_MARKS):
        end -= 1
    while end - 1 > start and doc[end - 1].lower_.rstrip(":") in HEADLINE_WORDS and not doc[end - 1].is_sent_start:
        end -= 1
        while end > start and doc[end - 1].text in _TRAILING_MARKS:
            end -= 1
    if end - start == 1 and label == "PERSON" and doc[start].lower_.rstrip(":") in HEADLINE_WORDS \
            and doc[start].lower_ not in FIRST_NAMES and not doc[start].is_sent_start:
        return None  # a headline's verb the model took for a name of its own ("Hank Dollar, 78, Says '…'")
    if label == "PERSON" and end - start >= 3 and doc[start + 1].lower_ in FIRST_NAMES \
            and doc[start + 1].lower_ not in NAME_PARTICLES and doc[start + 1].whitespace_ \
            and doc[start].lower_ not in FIRST_NAMES and _AGENT_NOUN.search(doc[start].lower_) \
            and doc[start].is_alpha and doc[start].text[1:].islower() and doc[start + 1].text[:1].isupper():
        # "Campaigner Ruth Gale", "Cinematographer John Mathieson": a word shaped like a noun for a person's trade,
        # and no first name itself, before a known first name is a description the model glued to the name.
        start += 1
    if label == "PERSON" and 2 <= end - start <= 3 and doc[start].lower_ in DEMONYMS \
            and doc[start].lower_.endswith(("ish", "sh", "an", "ese", "ch", "ic", "i")) \
            and doc[start].lower_ not in FIRST_NAMES and doc[start + 1].lower_ not in FIRST_NAMES \
            and doc[start].text[:1].isupper() and doc[start].whitespace_:
        # "English Heritage said", "Scottish Ballet": a name opening with a nationality's adjective (not a noun
        # for its people, which is a first name too: "Finn Garrity") and no first name after it
        # is an institution's, not a person's ("American Dale Ruskin" keeps its person, after the word above).
        label = "ORG"
    if end <= start or end - start == 1 and doc[start].lower_ in GROUP_WORDS:
        return None  # "Band's comeback album tops chart": a group's noun, capitalised, names no one
    if (start, end, label) == (span.start, span.end, span.label_):
        return span
    return Span(doc, start, end, label=label)


def unglue_headline(spans: list[Span], text: str) -> list[Span]:
    """Return `spans` with a person's or an organisation's name in the headline cut to the longest name the body
    writes, when the headline runs it on into its own words ("Tessa Morrow Welcome First Child", the body writing
    "Tessa Morrow"; "Kestrel Broadcasting Cancels Comedy", the body writing "Kestrel Broadcasting";
    "Dev Harlan Finally Speaks"), or the headline's words before it too ("Reality Star Brandi Lake Slams Ex"). A
    name of three words or more only, cut to two words or more (or to a known first name the body writes alone:
    "Kim And Kanye Silence Divorce Rumors" → "Kanye"), and only when the body never writes the longer form."""
    headline_end = text.find("\n")
    if headline_end < 0:
        return spans
    body = text[headline_end:]
    out = []
    for span in spans:
        if span.label_ in {"PERSON", "ORG"} and span.end_char <= headline_end and len(span.text.split()) >= 3 \
                and span.text not in body:
            # Cuts fall between written words: "Vance-Harcourt" is one word of three tokens.
            doc = span.doc
            ends = [end for end in range(span.end - 1, span.start, -1) if doc[end - 1].whitespace_]
            cut = next((end for end in ends if (len(doc[span.start:end].text.split()) > 1 or span[0].lower_ in FIRST_NAMES)
                        and _written_in(doc[span.start:end].text, body)), None)
            if cut is not None:
                span = Span(doc, span.start, cut, label=span.label_)
            elif span.label_ == "ORG":
                pass  # an organisation's name is cut at its end only ("Kestrel Broadcasting Cancels Comedy")
            else:  # "Reality Star Brandi Lake Slams Ex": the headline's words before the name as well
                starts = [a for a in range(span.start + 1, span.end) if doc[a - 1].whitespace_]
                pieces = sorted(((a, end) for a in starts for end in [span.end, *ends] if end > a),
                                key=lambda piece: (-len(doc[piece[0]:piece[1]].text.split()), piece[0]))
                inner = next(((a, end) for a, end in pieces
                              if len(doc[a:end].text.split()) > 1 and _written_in(doc[a:end].text, body)), None)
                if inner is not None:
                    span = Span(span.doc, inner[0], inner[1], label=span.label_)
        out.append(span)
    return out


def _written_in(name: str, text: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


_NICKNAMED = re.compile(r"\b([A-Z][a-z]+)\s+([\"'“‘])([A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,2})([\"'”’])\s+"
                        r"([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b")


def nicknamed_people(doc: Doc, spans: list[Span], text: str) -> list[Span]:
    """Return `spans` with a name holding a quoted nickname as one person ("Brian 'Head' Welch", 'Antonio "LA"
    Reid', "Lennox 'The Lion' Lewis"), which the model cuts into a first name, a title or place, and a surname: a
    known first name, the nickname in quotation marks, and a capitalised surname."""
    found = []
    for m in _NICKNAMED.finditer(text):
        if m.group(1).lower() not in FIRST_NAMES or (m.group(2) in "'‘") != (m.group(4) in "'’"):
            continue
        span = doc.char_span(m.start(), m.end(), label="PERSON")
        if span is not None:
            found.append(span)
    if not found:
        return spans
    taken = {i for s in found for i in range(s.start, s.end)}
    return sorted([s for s in spans if not any(i in taken for i in range(s.start, s.end))] + found, key=lambda s: s.start)


def canonical_name(written: str, words: str) -> str:
    """Return a person's name as written, without honorifics or a possessive ("Sir Ian McKellen's" → "Ian McKellen",
    "Donald J. Trump" stays), or `words` (the name's words joined) when the written form cannot be cut cleanly."""
    text = written.strip()
    for suffix in ("'s", "’s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    text = text.rstrip("'’ ")
    parts = without_post_nominals(text.split())
    while len(parts) > 1 and parts[0].lower().rstrip(".") in HONORIFICS:
        if len(parts) == 2 and parts[0].lower() in RANKS and parts[1].lower() not in FIRST_NAMES:
            return " ".join(parts)  # "Lady Gaga", "Lord Sugar": the rank is all the name has besides one word
        parts = parts[1:]
    cut = " ".join(parts)
    # (a nickname's quotation marks may differ: "Brian 'Head' Welch" has the words Brian "Head" Welch)
    return cut if _unquoted(cut.replace(".", " ").split()) == _unquoted(words.split()) else words


# The quotation marks around a nickname inside a name ('Bobby "Bear" Castillo', "Brian 'Head' Welch").
NICKNAME_MARKS = "'\"‘’“”"


def _unquoted(words: list[str]) -> list[str]:
    return [w.strip(NICKNAME_MARKS) for w in words]


def person_words(spans: Iterable[Span], words_of, tokens: Optional[TokenArrays] = None) -> dict[str, list[str]]:
    """Return full name → its words for the PERSON spans of two words or more (`words_of` drops honorifics;
    `tokens`: the document's token arrays, when the caller has them)."""
    full: dict[str, list[str]] = {}
    for span in spans:
        if span.label_ != "PERSON":
            continue
        words = words_of(tokens.span_text(span) if tokens is not None else span.text)
        if len(words) >= 2:
            full.setdefault(" ".join(words), words)
    return full


def mend_split_names(doc: Doc, spans: list[Span]) -> list[Span]:
    """Return `spans` with a person's name the model cut into pieces made whole again.

    - PERSON pieces with only capitalised words (proper nouns, or nouns the tagger misread) no span holds between them are one name ("Bruce L" +
      "Castor" + "Jr", "Mary" + "Ann" + "Evans" when the middle word is left untagged);
    - a generational suffix right after a PERSON span belongs to it ("Walter Phillips" + "Jr");
    - a suffix, or an initial, tagged PERSON on its own is no name and is dropped;
    - an organisation word tagged alone takes the untagged proper noun right before it ("Q" + "Magazine said").
    Pieces never join across a sentence start, a line break or punctuation.
    """
    taken = {i for s in spans for i in range(s.start, s.end)}

    def suffix(token) -> bool:
        return token.text.lower().rstrip(".") in NAME_SUFFIXES

    def free_name_word(token) -> bool:
        # An honorific starts a name: what stands before it is not part of it ("Entrepreneur" + "Sir Richard …").
        # A surname's particle may stand between the pieces ("Anna van" + "der" + "Berg").
        if token.i not in taken and token.text in NAME_PARTICLES and not token.is_sent_start:
            return True
        return token.i not in taken and token.pos_ in ("PROPN", "NOUN") and token.text[:1].isupper() \
            and token.text.replace(".", "").isalpha() and not token.is_sent_start \
            and token.lower_.rstrip(".") not in HONORIFICS | RANKS

    ordered = sorted(spans, key=lambda s: s.start)
    out: list[Span] = []
    for span in ordered:
        last = out[-1] if out else None
        if span.label_ == "PERSON" and last is not None and last.label_ == "PERSON" and last.end <= span.start:
            gap = doc[last.end : span.start]
            if all(free_name_word(t) for t in gap) and not span[0].is_sent_start \
                    and (len(gap) or last[-1].text in NAME_PARTICLES or span.text.lower().rstrip(".") in NAME_SUFFIXES):
                # Joined, the name loses a role word the model glued to its first piece.
                out[-1] = trim_name(Span(doc, last.start, span.end, label="PERSON")) or span
                continue
        out.append(span)
    mended = []
    for span in out:
        if span.label_ == "PERSON" and span.end < len(doc) and span.end not in taken and suffix(doc[span.end]) \
                and not doc[span.end].is_sent_start:
            span = Span(doc, span.start, span.end + 1, label="PERSON")
        if span.label_ == "ORG" and len(span) == 1 and span[0].lower_ in ORG_WORDS and span.start > 0 \
                and not span[0].is_sent_start and _leads_org(doc[span.start - 1], taken):
            span = Span(doc, span.start - 1, span.end, label="ORG")  # "Q" + "Magazine", "Mojo" + "Magazine"
        if span.label_ == "PERSON" and (span.text.lower().rstrip(".") in NAME_SUFFIXES or len(span.text.rstrip(".")) == 1):
            continue
        mended.append(span)
    return mended


def _leads_org(token, taken: set[int]) -> bool:
    """True for an untagged capitalised proper noun (or a capital letter) that can start an organisation's name."""
    return token.i not in taken and token.pos_ == "PROPN" and token.text[:1].isupper() and token.text.isalnum() \
        and token.whitespace_ == " " and token.lower_ not in FIRST_NAMES | HONORIFICS | HEADLINE_WORDS | STOP_WORDS


def acronym(words: list[str]) -> Optional[str]:
    """Return the initials a name of several capitalised words is abbreviated to ("Royal Academy of Dance" → "RAD",
    "British Academy of Film and Television Arts" → "BAFTA"), small joining words left out; None for one word."""
    major = [w for w in words if w.lower() not in ACRONYM_SKIPS]
    if len(major) < 2 or not all(w[:1].isupper() for w in major):
        return None
    return "".join(w[0] for w in major)


def join_labels(spans: list[Span], words_of, fixed: set[str], tokens: Optional[TokenArrays] = None) -> list[Span]:
    """Return `spans` with a person's name forms relabelled PERSON when the model split them across labels.

    - A one-word span labelled ORG/GPE/NORP/WORK_OF_ART/… that is the surname or first name of a full name
      labelled PERSON is that person ("Mira Nair" PERSON, "Nair" ORG).
    - A name labelled WORK_OF_ART that is the subject of a reporting verb is a person ("Streep told Vogue").
    - A name labelled ORG/GPE/NORP/LOC/FAC followed by an age or a who-clause, or led by an honorific, is a person
      ("Staunton, 49, who …", "Ines Montenegro, 19," tagged a place, "Mr de Vabres").
    - A name of two or more words labelled ORG/GPE/NORP whose last word is a one-word PERSON mention is a person
      ("Philip Pullman" ORG, "Pullman" PERSON).
    - A first name and a surname labelled ORG/FAC/NORP/PRODUCT are a person, at every mention, when one mention
      reads as a person's: after a role word ("actor Keanu Reeves"), with an age or a who-clause, as the subject
      of a reporting verb, or as a subject that a he/she/his/her in its sentence takes up.
    - A name of two or more words labelled PERSON whose last word makes it a company's is an organisation
      ("Jane Fonda Productions", "Stan Lee Media").
    `fixed` holds texts whose label is certain (the gazetteer): they are never relabelled; `tokens` the document's
    token arrays, when the caller has them.
    """
    if not spans:
        return []
    tokens = tokens or TokenArrays(spans[0].doc)
    written = tokens.span_text  # a span's text, without a Token per token
    spans = [Span(s.doc, s.start, s.end, label="ORG") if _company_name(s) else s for s in spans]
    # Casefolded: a surname is the same name however the writer capitalises a particle ("diCaprio", "DiCaprio").
    # ("Mr Lock" is the one word "Lock".)
    singles = {words_of(written(s))[0].casefold() for s in spans
               if s.label_ == "PERSON" and len(words_of(written(s))) == 1}
    at = word_positions(tokens)
    # A first name and surname the model called an organisation or a building, shown to be a person once
    # ("actor Keanu Reeves", "Sofia Coppola, 33,", "Ewan McGregor said he …"): every mention of it is.
    people = {written(s) for s in spans if s.label_ in {"ORG", "FAC", "NORP", "PRODUCT"} and written(s) not in fixed
              and (_looks_like_full_name(words_of(written(s))) and _acts_as_person(s) or _surname_acts_alone(s, at))}
    # A title of two or three name words whose last, or whose first name, alone acts as a person ("Cat Deeley"
    # WORK_OF_ART … "Deeley said", "Chrissy Teigen" WORK_OF_ART … "Chrissy wrote:") is that person.
    people |= {written(s) for s in spans if s.label_ == "WORK_OF_ART" and written(s) not in fixed and not _quoted(s)
               and (_surname_acts_alone(s, at, tagged=True) or _surname_acts_alone(s, at, first=True))}
    out = []
    for span in spans:
        text = written(span)
        if span.label_ == "WORK_OF_ART" and text not in fixed and speaks(span) and not _quoted(span) \
                and not construction_title(span):
            # (a company's, when its last word says so: "Glowhaus Beauty announced it was ending …")
            span = Span(span.doc, span.start, span.end, label="ORG" if _company_name_words(span) else "PERSON")
        elif span.label_ != "PERSON" and text in people:
            span = Span(span.doc, span.start, span.end, label="PERSON")
        elif span.label_ in NAMEABLE | {"LOC", "FAC"} and span.label_ != "PERSON" and text not in fixed \
                and (_described_as_person(span) or _honoured(span)):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        words = words_of(text)
        if span.label_ != "PERSON" and span.label_ in NAMEABLE and text not in fixed and len(words) >= 2 \
                and all(is_name_word(w) for w in words) and not any(t.like_num for t in span) \
                and words[-1].casefold() in singles:
            span = Span(span.doc, span.start, span.end, label="PERSON")
        out.append(span)
    # A first name and a hyphenated surname taken for a title, the surname a person elsewhere ("Gina Valdez-Hart"
    # WORK_OF_ART … "Valdez-Hart shot back"): the person.
    hyphenated = {written(s) for s in out if s.label_ == "PERSON" and "-" in written(s)}
    out = [Span(s.doc, s.start, s.end, label="PERSON")
           if s.label_ == "WORK_OF_ART" and written(s) not in fixed and not _quoted(s) and s[0].lower_ in FIRST_NAMES
           and any(written(s).endswith(" " + h) for h in hyphenated) else s for s in out]
    full = person_words(out, words_of, tokens)
    surnames = {surname(words) for words in full.values()}
    # Films are often named by a first name ("Ray", "Alfie"): a first name joins a person only from ORG/GPE/NORP.
    first_names = {words[0] for words in full.values()}
    joined = []
    for span in out:
        text = written(span)
        words = words_of(text)
        parts = surnames | (first_names if span.label_ in NAMEABLE else set())
        if span.label_ != "PERSON" and span.label_ in CONFUSABLE and text not in fixed and len(words) == 1 \
                and words[0] in parts and not _quoted(span):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        joined.append(span)
    return joined


def _ends_in_company_word(span: Span) -> bool:
    """True for a name of two or more words whose last is a company word ("Tom Kerr Films")."""
    return len(span) >= 2 and span[-1].lower_ in COMPANY_WORDS


def _company_name_words(span: Span) -> bool:
    """True for a name of two or more words whose last is a capitalised company word."""
    return _ends_in_company_word(span) and span[-1].text[:1].isupper()


def _company_name(span: Span) -> bool:
    """True for a PERSON span that is a company's name ("Tom Kerr Films")."""
    return span.label_ == "PERSON" and _company_name_words(span)


def names_company(span: Span) -> bool:
    """True when an organisation's mention names a company, not a group: its last word is a company word ("Scott
    Free Productions") or a company noun stands right before it ("record label Jive")."""
    return _ends_in_company_word(span) or span.start > 0 and span.doc[span.start - 1].lower_ in COMPANY_NOUNS


def _described_as_person(span: Span) -> bool:
    """True when an age or a who-clause follows the name: "Staunton, 49, …", "Staunton, who …"."""
    doc, i = span.doc, span.end
    if i + 1 >= len(doc) or doc[i].text != ",":
        return False
    nxt = doc[i + 1]
    return nxt.lower_ == "who" or nxt.like_num and nxt.text.isdigit() and 1 <= int(nxt.text) <= 110 \
        and i + 2 < len(doc) and doc[i + 2].text in {",", ")"}


def _looks_like_full_name(words: list[str]) -> bool:
    """True for two or three capitalised words, a known first name first and no organisation, company or place word
    last."""
    return 2 <= len(words) <= 3 and words[0].lower() in FIRST_NAMES and words[-1].lower() not in ORG_WORDS \
        and words[-1].lower() not in COMPANY_WORDS \
        and all(w[:1].isupper() and w.replace("-", "").replace("'", "").isalpha() for w in words)


def _acts_as_person(span: Span) -> bool:
    """True when the context of `span` says a person is meant: a role word before it, an age or who-clause after
    it, a reporting verb it is the subject of, an age it turned, or a gendered pronoun later in its sentence when it
    is a subject."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ in DESCRIPTORS or _described_as_person(span) or speaks(span):
        return True
    root = span.root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.dep_ in {"nsubj", "nsubjpass"}:
        # "Warren's go-to tailor, Brooklyn-based Dominic Ferraro, told the New York Post …": the name is the
        # subject's apposition, and does what the subject does.
        if root.head.head.lemma_.lower() in SPEECH_VERBS:
            return True
    elif root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if root.dep_ == "nsubj" and root.head.lemma_.lower() == "turn" and any(
            c.dep_ in {"dobj", "attr", "npadvmod", "acomp"} and c.text.isdigit() and 1 <= int(c.text) <= 110
            for c in root.head.children):
        return True  # an age: "Edie Fairbanks turned 90 on Sunday"
    for t in doc[span.end : span.sent.end]:
        if t.ent_type_ in {"PERSON", "ORG"} or t.text in {"\"", "“", "”"}:
            return False
        if t.lower_ in {"he", "she", "his", "her", "him", "himself", "herself"}:
            return True
    return False


def word_positions(tokens: TokenArrays) -> dict[str, list[int]]:
    """Return the positions of each token text of a document (built once per `TokenArrays`)."""
    return tokens.positions


def _surname_acts_alone(span: Span, at: dict[str, list[int]], tagged: bool = False, first: bool = False) -> bool:
    """True when a two- or three-word name's last word, written alone elsewhere in the article, acts as a person's
    ("Sky Whitlow" ORG … "Whitlow told reporters", "Holloway, 31, plays …"); with `tagged`, only where the model
    also labelled the word alone PERSON (a title's last word can be a word anybody may be: "Everybody said"). With
    `first`, the name's first word instead, a known first name, however labelled alone ("Chrissy Teigen" …
    "Later Chrissy wrote:").
    `at` is the document's `word_positions`."""
    words = [t.text for t in span]
    if not 2 <= len(words) <= 3 or words[-1].lower() in ORG_WORDS or words[0].lower() in NOT_FIRST_WORDS \
            or not all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in words):
        return False
    if first and words[0].lower() not in FIRST_NAMES:
        return False
    doc = span.doc
    for i in at.get(words[0] if first else words[-1], ()):
        t = doc[i]
        if span.start <= i < span.end:
            continue
        # alone: no capitalised word before it but a sentence's opening adverb or conjunction ("Later Fisk asked",
        # "When Fisk asked"), and no entity or only this word's own
        after_word = t.i > 0 and doc[t.i - 1].is_alpha and not doc[t.i - 1].text[:1].islower() \
            and doc[t.i - 1].pos_ not in {"ADV", "SCONJ", "CCONJ"}
        own_entity = t.ent_iob_ == "B" and (t.i + 1 == len(doc) or doc[t.i + 1].ent_iob_ != "I")
        alone = own_entity and t.ent_type_ == "PERSON" if tagged else t.ent_type_ == "" or own_entity
        if alone and not after_word and _acts_as_person(doc[t.i : t.i + 1]):
            return True
    return False


def _honoured(span: Span) -> bool:
    """True when an honorific leads the name ("Mr de Vabres", "Mrs du Pont")."""
    return len(span) >= 2 and span[0].lower_.rstrip(".") in HONORIFICS and span[0].text[:1].isupper() \
        and all(is_name_word(t.text) or t.text == "." for t in span[1:])


# The doc's span group of titles the entity rules found, each labelled with its rule (see `entities.WorkTitles`).
RULE_SPANS = "work_rules"
# Rules that find a title by a construction of its own: after a kind noun ("the miniseries X", "her album, X,"),
# before one, in quotes.
_CONSTRUCTION_RULES = frozenset({"cue_after", "cue_before", "cue_apposition", "quoted"})


def construction_title(span: Span) -> bool:
    """True when an entity rule found `span` as a title by its construction ("the 1990s miniseries The Lioness Crown",
    "the thriller Leith Walk"): no parse of the words after it makes it a person."""
    return any(s.start == span.start and s.end == span.end and s.label_ in _CONSTRUCTION_RULES
               for s in span.doc.spans.get(RULE_SPANS, []))


def speaks(span: Span) -> bool:
    """True when the span names who speaks: the subject of a reporting verb ("Streep told Vogue"), or the name
    signing a quotation after a dash (`"…" - Tom Reed`, `"…" ― Tom Reed, Variety`)."""
    if not all(is_name_word(t.text) or hyphen_joins(span.doc, t.i) for t in span):  # "Valdez-Hart shot back"
        return False
    root = span.root
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH_VERBS or _signs_quote(span)


_DASHES = {"-", "–", "—", "―", "--"}
_CLOSING_MARKS = {"\"", "”", "'", "’", "''"}


def _signs_quote(span: Span) -> bool:
    """True when the span follows a closing quotation mark and a dash, and ends its line or a clause."""
    doc, i = span.doc, span.start
    if i < 2 or doc[i - 1].text not in _DASHES or doc[i - 2].text not in _CLOSING_MARKS:
        return False
    return span.end == len(doc) or doc[span.end].text in {",", "\n", "\n\n"} or doc[span.end].is_space \
        or "\n" in doc[span.end - 1].whitespace_


def _quoted(span: Span) -> bool:
    """True when the span stands alone inside quotation marks ('Nair' as a title)."""
    doc = span.doc
    before = doc[span.start - 1].text if span.start > 0 else ""
    after = doc[span.end].text if span.end < len(doc) else ""
    return before in {"'", "‘", "\"", "“"} and after in {"'", "’", "\"", "”"}


def untagged_people(doc: Doc, spans: list[Span], words_of, tokens: Optional[TokenArrays] = None) -> list[Span]:
    """Return PERSON spans for names the model left untagged or tagged in part; they replace what they overlap.

    - a known first name followed by capitalised proper nouns no entity covers ("Dame Judi Dench"), or an
      honorific followed by them ("Lord Sugar", "Mr de Vries");
    - a known first name right before a one-word name mention, which completes it ("Germaine Greer" when only
      "Greer" was tagged, "Eleanor Vance-Harcourt" when only "Vance-Harcourt" was, "Chrissy Teigen" when "Teigen" was tagged ORG), or tagged alone as ORG/GPE/NORP before
      an untagged surname ("Lucie" ORG + "Silvas");
    - an untagged proper noun (or a capitalised word the tagger took for a noun) that is the surname of a full name
      of the article ("Hynde said", "Cates said"), or a known first
      name that only one full name of the article starts with ("Later Chrissy added"); a surname read as a verb in
      mid-sentence ("May wrote") counts too.
    `tokens`: the document's token arrays, when the caller has them.
    """
    covered = {i: s for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    used: set[int] = set()
    tokens = tokens or TokenArrays(doc)
    texts, lower = tokens.text, tokens.lower

    def free(i: int) -> bool:
        return i not in covered and i not in used

    def add(start: int, end: int) -> None:
        found.append(Span(doc, start, end, label="PERSON"))
        used.update(range(start, end))

    def first_name(tok) -> bool:
        return tok.lower_ in FIRST_NAMES and tok.text[:1].isupper() and not tok.text.isupper() and tok.pos_ == "PROPN"

    def surname_like(tok) -> bool:
        return tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in HEADLINE_WORDS

    def lone_first_name(i: int) -> bool:
        # The model sometimes tags the first name alone as an organisation or place ("Lucie" ORG, "Silvas" untagged).
        owner = covered.get(i)
        return owner is not None and len(owner) == 1 and owner.label_ in NAMEABLE - {"PERSON"} and i not in used

    # Only the tokens a rule can start at become Token objects: known first names, honorifics, surnames.
    pos = tokens.pos
    for tok in (doc[i] for i, word in enumerate(lower) if word in FIRST_NAMES and pos[i] == "PROPN"):
        if not (free(tok.i) or lone_first_name(tok.i)) or not first_name(tok) or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        if not tok.whitespace_ or not surname_like(nxt) or nxt.is_sent_start:
            continue
        owner = covered.get(nxt.i)
        if owner is None and free(nxt.i):
            end = nxt.i + 1
            while end < len(doc) and free(end) and surname_like(doc[end]) and not doc[end].is_sent_start \
                    and end - tok.i < 3 and doc[end - 1].whitespace_:
                end += 1
            while hyphen_joins(doc, end) and free(end + 1) \
                    and not (lower[end - 1] in FIRST_NAMES and lower[end + 1] in FIRST_NAMES):
                end += 2  # a double surname is one word ("Dame Eleanor Vance-Harcourt"; not "An Ezra-Maren romance")
            # "Esperanza Star Mia Delacroix": a headline's description ending in a role, before the person's name
            described = lower[end - 1] in PERSON_ROLES and end < len(doc) and (
                covered.get(end) is not None and covered[end].label_ == "PERSON" or lower[end] in FIRST_NAMES)
            if not described and not any(t.text in SHOW_HEADS for t in doc[nxt.i : min(end + 1, len(doc))]):
                add(tok.i, end)
        elif owner is not None and owner.start == nxt.i and " " not in owner.text and owner.label_ in NAMEABLE | {"PERSON"} \
                and owner.text not in {s.text for s in found}:
            add(tok.i, nxt.i + 1)
    for tok in (doc[i] for i, word in enumerate(lower) if word.rstrip(".") in HONORIFICS):
        # "Lord Sugar said", "Mr de Vries said": an honorific before untagged capitalised words makes them a name.
        if not (free(tok.i) and tok.text[:1].isupper() and tok.lower_.rstrip(".") in HONORIFICS):
            continue
        end = tok.i + 1
        while end < len(doc) and free(end) and is_name_word(doc[end].text) and doc[end].is_alpha \
                and not doc[end].is_sent_start and end - tok.i <= 4:
            end += 1
            if end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
                    and not doc[end].whitespace_ and free(end) and doc[end + 1].text[:1].isupper():
                end += 1  # "Mr Osei-Lamb": a hyphenated surname is one name
        if end > tok.i + 1 and doc[end - 1].text[:1].isupper():
            add(tok.i, end)
    full = person_words([s for s in spans if not any(i in used for i in range(s.start, s.end))] + found, words_of,
                        tokens)
    surnames = {surname(words): name for name, words in full.items() if len(surname(words)) > 2}
    firsts: dict[str, list[str]] = {}
    for name, words in full.items():
        firsts.setdefault(words[0], []).append(name)
    # A known first name shared by no two people of the article ("Later Chrissy added").
    surnames.update({first: names[0] for first, names in firsts.items() if len(names) == 1 and first.lower() in FIRST_NAMES})
    for tok in (doc[i] for i, text in enumerate(texts) if text in surnames):
        if hyphen_joins(doc, tok.i - 1) or hyphen_joins(doc, tok.i + 1):
            # half of a hyphenated word: a double surname is taken whole or not at all ("Fairbanks-Hart said" is
            # not Edie Fairbanks)
            start, end = tok.i, tok.i + 1
            while hyphen_joins(doc, start - 1):
                start -= 2
            while hyphen_joins(doc, end):
                end += 2
            whole = doc[start:end].text
            if whole in surnames and all(free(i) for i in range(start, end)) and start == tok.i:
                add(start, end)
            continue
        if tok.text in surnames and free(tok.i) and (surname_like(tok) or _surname_as_noun(tok) or _surname_as_word(tok)
                                                   or _surname_opens(tok)) \
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].pos_ == "PROPN"):
            add(tok.i, tok.i + 1)
    # '"…" DiCaprio, who lost out on the Bafta, …', "Hollis, 34, said": a name no entity covers before a
    # who-clause or an age is a person's.
    for i in (i for i, word in enumerate(lower) if word == "who" or word.isdigit() and len(word) <= 2):
        if i < 2 or texts[i - 1] != "," or lower[i] != "who" and not (i + 1 < len(doc) and texts[i + 1] == ","):
            continue
        start = i - 1
        while start > 0 and i - 1 - start < 3 and free(start - 1) and surname_like(doc[start - 1]) \
                and (start - 1 == i - 2 or doc[start - 1].whitespace_) and not doc[start].is_sent_start:
            start -= 1
        before = doc[start - 1] if start > 0 and not doc[start].is_sent_start else None
        if before is not None and (before.text[:1].isupper() or before.like_num or not before.whitespace_):
            continue  # the rest of a name something else covers ("Ray Charles", "50 Cent", "Ashby-Coates")
        if start < i - 1:
            add(start, i - 1)
    return found


def completed_surnames(doc: Doc, spans: list[Span]) -> list[Span]:
    """Return PERSON spans for full names the model left untagged whose surname the article tags alone as a person
    elsewhere: a capitalised word before the untagged surname ("Sloane Whitaker only has eyes …", later "Whitaker
    told E! News"); not an honorific, a descriptor, a headline word or a function word ("Mrs Whitaker", "Actress
    Whitaker").

    A relative's full name gives the surname too, when a given name stands before it: with "her daughter, Sienna
    Delmont" tagged, "TV host Kiki Delmont" is a person though the model tagged "Delmont" alone as a place and left
    "Kiki" out; the surname alone, tagged otherwise or not at all, takes the given name before it.
    """
    covered = {i for s in spans for i in range(s.start, s.end)}
    lone = {s[0].orth for s in spans if s.label_ == "PERSON" and len(s) == 1 and s[0].is_alpha and len(s.text) > 2}
    family = {s[-1].orth for s in spans if s.label_ == "PERSON" and len(s) >= 2 and s[-1].is_alpha
              and s[-1].text[:1].isupper() and len(s[-1].text) > 2}
    alone = {s.start for s in spans if len(s) == 1}
    found = []
    if not lone and not family:
        return found
    for tok in (doc[i] for i, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in lone or orth in family):
        if tok.i == 0 or tok.is_sent_start:
            continue
        prev = tok.doc[tok.i - 1]
        if prev.i in covered or not prev.is_alpha or not prev.text[:1].isupper() or prev.text.isupper() \
                or not prev.whitespace_ or prev.lower_ in HONORIFICS | DESCRIPTORS | HEADLINE_WORDS or prev.is_stop:
            continue
        if tok.orth in lone and tok.i not in covered \
                and (prev.pos_ == "PROPN" or prev.is_sent_start and prev.pos_ in {"NOUN", "ADJ"}) \
                or tok.orth in family and (tok.i not in covered or tok.i in alone) and prev.pos_ == "PROPN" \
                and prev.lower_ in NAME_SEX:
            found.append(Span(doc, prev.i, tok.i + 1, label="PERSON"))
            covered.update((prev.i, tok.i))
    return found


def speakers_titled(spans: list[Span], speakers: set[str], fixed: set[str]) -> list[Span]:
    """Return `spans` with a title of two or three capitalised words relabelled PERSON when its last word, alone,
    speaks (`speakers`: one-word names found as the subject of a reporting verb): "best director for Catrin Howells"
    tagged a title, then "Howells told BBC News". Never a quoted title nor one the gazetteer knows."""
    out = []
    for span in spans:
        if span.label_ == "WORK_OF_ART" and 2 <= len(span) <= 3 and span[-1].text in speakers \
                and span.text not in fixed and not _quoted(span) \
                and all(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in span):
            span = Span(span.doc, span.start, span.end, label="PERSON")
        out.append(span)
    return out


def _surname_opens(tok) -> bool:
    """True for a surname, whatever its tag, that opens a sentence as the subject, before the verb or the comma after
    it ("Pike joked:", tagged an interjection; "Morrow, best known for …", tagged a date; "Groening recently heaped
    praise", tagged a verb)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.is_sent_start and tok.text[:1].isupper() and tok.is_alpha and not tok.text.isupper() \
        and nxt is not None and (nxt.pos_ in {"VERB", "AUX"} or nxt.text == "," or tok.dep_ in {"nsubj", "nsubjpass"}
                                 or nxt.pos_ == "ADV" and tok.i + 2 < len(tok.doc) and tok.doc[tok.i + 2].pos_ == "VERB")


def _surname_as_word(tok) -> bool:
    """True for a capitalised surname the tagger read as a word ("May wrote", "Will said"): in mid-sentence, not
    right after an opening quotation mark, a capital marks a name whatever the tag says."""
    prev = tok.doc[tok.i - 1] if tok.i > 0 else None
    return tok.text[:1].isupper() and tok.is_alpha and not tok.is_sent_start and prev is not None \
        and not (prev.text in {"\"", "“", "'", "‘", "``"} and not prev.whitespace_) and tok.pos_ in {"AUX", "VERB", "ADJ", "ADV"}


def _surname_as_noun(tok) -> bool:
    """True for a capitalised word the tagger took for a common noun where a name stands ("Cates said", "Rowling
    revealed"): it heads a noun phrase of its own, as subject, object or possessor, never as a modifier ("Rock music")."""
    return tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in HEADLINE_WORDS \
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"} \
        and not any(c.dep_ in {"det", "amod"} for c in tok.children)


# Labels a speaking organisation's name is given by mistake ("Jive" PRODUCT, "Five" CARDINAL, "Live Nation" a work).
_MISREAD_ORG = {"PRODUCT", "WORK_OF_ART", "CARDINAL", "ORDINAL", "FAC", "EVENT", "LAW"}
# Words that join the parts of an organisation's name ("Department for Media, Culture and Sport").
_ORG_INNER = {"for", "of", "and", "&", ",", "the", "de", "du", "des", "la", "le"}


def speaking_organisations(doc: Doc, spans: list[Span], tokens: Optional[TokenArrays] = None) -> list[Span]:
    """Return ORG spans for organisations named only as the owner of a spokesman or as a subject noun's modifier.

    - the capitalised words between a determiner and a spokesman-like noun ("A Five spokesman", "a Jive
      spokeswoman", "A Department for Media, Culture and Sport spokeswoman"), unless they name a person or a
      nationality ("a French spokesman");
    - a capitalised modifier of an organisation noun in subject position, with the noun when it is part of the
      name ("the Brits committee said"), without it when it only says what the organisation is ("Le Figaro
      newspaper"); a modifier the model already labelled ORG is left as it is.
    The returned spans replace what they overlap. `tokens`: the document's token arrays, when the caller has them.
    """
    labels = {i: s.label_ for s in spans for i in range(s.start, s.end)}
    found: list[Span] = []
    lemmas = [lemma.lower() for lemma in (tokens or TokenArrays(doc)).lemma]
    # The first words of the organisations' longer names ("Vantage" of "Vantage Network").
    starts = {s[: k].text for s in spans if s.label_ == "ORG" and len(s) >= 2 for k in range(1, len(s))}
    for tok in (doc[i] for i, lemma in enumerate(lemmas) if lemma in ORG_ROLES or lemma in ORG_NOUNS):
        lemma = tok.lemma_.lower()
        is_role = lemma in ORG_ROLES and tok.text.islower()
        is_noun = lemma in ORG_NOUNS and tok.text.islower() and tok.dep_ in {"nsubj", "nsubjpass"}
        if not (is_role or is_noun):
            continue
        start = _capitalised_run_before(doc, tok.i)
        if start is None:
            continue
        run = doc[start : tok.i]
        # A capital at a sentence start proves nothing, and a noun before a name describes it: "Pop band Busted".
        followed = tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].pos_ == "PROPN"
        if len(run) == 1 and run[0].is_sent_start or followed:
            continue
        owned = {labels.get(i) for i in range(start, tok.i)}
        # "a Vantage spokesperson", the word tagged a place, where the article names "Vantage Network": the start of
        # an organisation's longer name is no place.
        shortened = is_role and owned == {"GPE"} and run.text in starts
        if "PERSON" in owned or "ORG" in owned or "WORK_OF_ART" in owned and is_noun \
                or is_role and not owned <= _MISREAD_ORG | {None} and not shortened:
            continue
        end = tok.i + 1 if is_noun and lemma not in OUTLET_NOUNS else tok.i
        found.append(Span(doc, start, end, label="ORG"))
    # "A spokeswoman for the Regent Playhouse said": a venue with a spokesman speaks, an organisation.
    venues = {s.start: s for s in spans if s.label_ in {"FAC", "ORG"}}
    for tok in (doc[i] for i, lemma in enumerate(lemmas) if lemma in ORG_ROLES and i + 2 < len(doc)):
        at = tok.i + 2 if doc[tok.i + 1].lower_ in {"for", "from", "at"} else None
        venue = venues.get(at) or (venues.get(at + 1) if doc[at].lower_ == "the" else None) if at is not None else None
        if venue is not None and tok.text.islower():
            found.append(Span(doc, venue.start, venue.end, label="ORG"))
    return found


def speaking_names(doc: Doc, spans: list[Span], tokens: Optional[TokenArrays] = None) -> list[Span]:
    """Return spans for names the model left untagged where they speak: the subject of a reporting verb or the
    object of "according to" ("TMZ reported", "according to E!", "Q Magazine said", "Beyonce wrote").

    The name is a run of capitalised words no span holds; it is an organisation when it is written in capitals
    ("TMZ", "NME", "E!") or ends with an organisation or company word ("Q Magazine", "Island Records", "Kestrel
    Broadcasting"), else, as the subject
    of a reporting verb and tagged a proper noun, a person (ORG spans and then PERSON spans; a word alone that is
    a person's surname is linked to the full name by name resolution all the same).
    `tokens`: the document's token arrays, when the caller has them.
    """
    taken = {i for s in spans for i in range(s.start, s.end)}
    tokens = tokens or TokenArrays(doc)
    texts, deps, heads, lemmas, lowers = tokens.text, tokens.dep, tokens.head, tokens.lemma, tokens.lower
    found: list[Span] = []
    for i, (text, dep, h) in enumerate(zip(texts, deps, heads)):
        if i in taken or not text[:1].isupper():
            continue
        if not (dep == "nsubj" and lemmas[h].lower() in SPEECH_VERBS
                or dep == "pobj" and lowers[h] == "to" and h > 0 and lowers[h - 1] == "according"):
            continue
        tok = doc[i]
        start = end = tok.i
        while start > 0:
            if doc[start - 1].head.i == tok.i and doc[start - 1].dep_ == "compound" and doc[start - 1].text[:1].isupper():
                start -= 1
            elif start > 1 and hyphen_joins(doc, start - 1):
                start -= 2  # "Agathe Moreau-Lind said": the surname's first part, and the words before it
            elif start < tok.i and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha \
                    and doc[start - 1].head.i == doc[start].head.i and doc[start - 1].dep_ in ("compound", "det"):
                start -= 1  # the first name before a hyphenated surname, which the parser hangs elsewhere
            else:
                break
        if end + 1 < len(doc) and doc[end + 1].text == "!" and not tok.whitespace_:
            end += 1  # "E!"
        run = doc[start : end + 1]
        if any(j in taken for j in range(run.start, run.end)) or run[0].is_sent_start and len(run) == 1 \
                and run.text.lower() in STOP_WORDS:
            continue
        letters = run.text.replace("!", "").replace(" ", "")
        # "TMZ", "NME", "E!"; never "I" or another word written in capitals.
        shouted = letters.isalpha() and letters.isupper() and (2 <= len(letters) <= 6 or run.text.endswith("!")) \
            and run.text.lower() not in STOP_WORDS
        if shouted or len(run) > 1 and (run[-1].lower_ in ORG_WORDS or run[-1].lower_ in COMPANY_WORDS):
            found.append(Span(doc, run.start, run.end, label="ORG"))
        elif dep == "nsubj" and all(t.tag_ == "NNP" and t.is_alpha and not t.is_upper or hyphen_joins(doc, t.i)
                                    for t in run) \
                and run.text.lower() not in STOP_WORDS | DESCRIPTORS and run[-1].lower_ not in ORG_WORDS | HEADLINE_WORDS:
            # ("Chairman of the judges, critic Bernard Lusk, said": a capitalised role opening the sentence is none)
            # "In the post, Beyonce wrote": a proper name the model missed, speaking, is a person's
            found.append(Span(doc, run.start, run.end, label="PERSON"))
    return found


def hyphen_joins(doc: Doc, i: int) -> bool:
    """True when token `i` is a hyphen joining two capitalised words with no space ("Moreau-Lind")."""
    return 0 < i < len(doc) - 1 and doc[i].text in ("-", "‐") and not doc[i - 1].whitespace_ \
        and not doc[i].whitespace_ and doc[i - 1].is_alpha and doc[i + 1].is_alpha \
        and doc[i - 1].text[:1].isupper() and doc[i + 1].text[:1].isupper()


def _capitalised_run_before(doc: Doc, i: int) -> Optional[int]:
    """Return where the run of capitalised words (joined by "for", "of", "and", commas) right before token `i`
    starts, when a determiner, a possessive or the sentence start comes before it; else None."""
    start, j = i, i - 1
    while j >= 0 and not doc[j + 1].is_sent_start:
        t = doc[j]
        if t.pos_ == "DET" or t.tag_ == "PRP$" or t.lower_ in {"a", "an"}:
            break  # ("A Lumen TV spokesperson said", the article tagged part of a name)
        if (t.text[:1].isupper() or t.is_digit) and not t.is_punct:
            start = j
        elif not (t.lower_ in _ORG_INNER and j > 0 and doc[j - 1].text[:1].isupper() and start < i):
            break
        j -= 1
    if start == i:
        return None
    before = doc[start - 1] if start > 0 else None
    opens = before is None or doc[start].is_sent_start or before.pos_ == "DET" or before.tag_ == "PRP$" \
        or before.lower_ in {"a", "an"}
    if not opens or doc[start].lower_ in SENTENCE_OPENERS and doc[start].is_sent_start:
        return None
    return start


# Labels the model gives act names it does not know ("Nirvana" GPE, "Maroon 5" EVENT, "50 Cent" MONEY); an act
# tagged PERSON, ORG or as a work is left as it is.
_MISREAD_ACT = {"GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "LANGUAGE", "DATE", "MONEY", "CARDINAL",
                "ORDINAL", "QUANTITY", "PERCENT", "TIME"}
_NAMED = {"PERSON", "ORG", "WORK_OF_ART"}


def musical_acts(doc: Doc, spans: list[Span], others: list[Span] = (),
                 tokens: Optional[TokenArrays] = None) -> list[Span]:
    """Return spans for the names of musical acts the model missed or took for a place, date or number, at every
    mention of the name in the article; they replace what they overlap.

    An act is named right after an act noun ("rock band Muse", "rapper 50 Cent", "boy band Busted": ORG for a
    group, PERSON for a solo artist), as a company is after a company noun ("his company Lowe Street", "record label
    Jive": ORG; but a first name and surname tagged PERSON stay a person: "the head of the studio Mia Cole"), or as
    the owner of a music noun ("Nirvana's album", "U2's single": ORG).
    The name is a run of capitalised words and numbers ("Maroon 5", "Band Aid 20"), or after an act noun the whole
    entity starting there ("the band Tears for Fears", tagged a work); a run some entity already covers whole as a
    person, organisation or work is not touched unless an act noun says otherwise ("the band Keane" is a group even
    where the model says person or work); a part of it tagged alone ("Cent") is. `others` are the entities that are not names (dates,
    numbers), which an act's mentions may replace too; `tokens` the document's token arrays, when the caller
    has them.
    """
    labels = {i: s.label_ for s in list(spans) + list(others) for i in range(s.start, s.end)}
    owner = {i: s for s in spans for i in range(s.start, s.end)}
    acts: dict[str, tuple[str, bool]] = {}  # the name as written → (label, whether an act noun said so)
    companies: set[str] = set()  # the names a company noun introduced
    tokens = tokens or TokenArrays(doc)
    orths = tokens.text
    lowers = [w.lower() for w in orths]
    # Only the few tokens that can start a construction become Token objects.
    cues = [i for i, w in enumerate(lowers) if w in NAMING_NOUNS or w in ("'s", "’s") and i + 1 < len(doc)
            and lowers[i + 1] in ACT_WORKS or w == "piece" and i > 1 and lowers[i - 1] == "-"]
    for tok in (doc[i] for i in cues):
        word = tok.lower_
        if word == "piece":  # "four-piece", split in three by the tokenizer
            word = doc[tok.i - 2 : tok.i + 1].text.lower()
        if word in NAMING_NOUNS and tok.text.islower() and tok.i + 1 < len(doc):
            # "her own group, The Kites, whose single …": an act's name in apposition after a comma, closed by one
            # (not a person's after a company noun or a role: "The head of drama at the network, Jane Trent, said")
            first = tok.i + 2 if doc[tok.i + 1].text == "," and tok.i + 2 < len(doc) and word in ACT_NOUNS \
                and doc[tok.i + 2].lower_ not in FIRST_NAMES else tok.i + 1
            end = _act_run_after(doc, first)
            if first > tok.i + 1 and (end is None or end >= len(doc) or doc[end].text not in {",", "."}):
                end = None
            named = owner.get(first)
            if end is not None and named is not None and named.start == first and named.end > end \
                    and not any(t.is_sent_start for t in named[1:]):
                end = named.end  # "the band Tears for Fears", tagged a work: the whole name, small words and all
            if end is not None:
                acts.setdefault(doc[first:end].text, (NAMING_NOUNS[word], True))
                if word not in ACT_NOUNS:
                    companies.add(doc[first:end].text)
        elif word in ("'s", "’s") and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in ACT_WORKS \
                and not _common_noun_at(doc, tok.i + 2):  # "Britain's album chart" is about the chart
            start = _act_run_before(doc, tok.i)
            if start is not None:  # a member ("Snow Patrol's frontman") says so whatever the model's label
                acts.setdefault(doc[start : tok.i].text, ("ORG", doc[tok.i + 1].lower_ in ACT_MEMBERS))
    # "Nirvana recorded Nevermind", "Nirvana released the album": a name the model took for a place or a nationality,
    # or for a work (a work records nothing), or left untagged, that records or releases a work is an act.
    lemmas = tokens.lemma
    for tok in (doc[i] for i, lemma in enumerate(lemmas) if lemma in ACT_VERBS):
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subject is None or not any(c.dep_ == "dobj" and (labels.get(c.i) == "WORK_OF_ART" or c.lower_ in ACT_WORKS)
                                      for c in tok.children):
            continue
        named = owner.get(subject.i)
        if named is None and labels.get(subject.i) in _MISREAD_ACT - {"DATE", "MONEY"}:
            named = next(s for s in others if s.start <= subject.i < s.end)
        if named is None and subject.i not in labels and subject.pos_ == "PROPN" and subject.text[:1].isupper():
            start = _act_run_before(doc, subject.i + 1)  # "Black Eyed Peas released their album", untagged
            if start is not None and not any(i in labels for i in range(start, subject.i + 1)) \
                    and doc[start].lower_ not in FIRST_NAMES:
                acts.setdefault(doc[start : subject.i + 1].text, ("ORG", False))
            continue
        if named is not None and named.text[:1].isupper() and named.root.i == subject.i:
            if named.label_ in _MISREAD_ACT:
                acts.setdefault(named.text, ("ORG", False))
            elif named.label_ == "WORK_OF_ART":
                acts.setdefault(named.text, ("ORG", True))
    for name, label in _agreeing_acts(doc, lowers, owner, labels) + _listed_acts(doc, lowers) + _member_acts(doc, lowers) \
            + _equated_acts(doc, tokens, owner, labels):
        acts.setdefault(name, label)
    acts = {name: label for name, label in acts.items()
            if name.lower() not in STOP_WORDS and not name.isdigit() and any(ch.isalpha() for ch in name)}
    if not acts:
        return []
    found: list[Span] = []
    for name, (label, said) in acts.items():
        words = name.split()
        for start in tokens.positions.get(words[0], ()):  # where the name's first word is written
            if start > len(doc) - len(words) or doc[start : start + len(words)].text != name:
                continue
            end = start + len(words)
            named = {owner[i] for i in range(start, end) if i in owner and owner[i].label_ in _NAMED}
            longer = [n for n in named if n.start < start or n.end > end]
            if longer:  # part of a longer name; but "The Scissor Sisters" tagged a work is the act "Scissor Sisters"
                n = longer[0]
                if len(longer) == 1 and n.label_ == "WORK_OF_ART" and n.start == start - 1 and n.end == end \
                        and doc[n.start].lower_ == "the":
                    found.append(Span(doc, n.start, end, label=label))
                continue
            if any(n.start == start and n.end == end and (n.label_ == label or not said)
                   for n in named):
                continue  # already this name; only an act noun ("the band Keane") overrules a person or group label
            if name in companies and words[0].lower() in FIRST_NAMES and any(n.label_ == "PERSON" for n in named):
                continue  # "the chief executive of the studio Mia Cole": a person's name stays a person's
            if not {labels.get(i) for i in range(start, end)} <= _MISREAD_ACT | _NAMED | {None}:
                continue
            if end < len(doc) and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
                continue  # part of a longer name
            found.append(Span(doc, start, end, label=label))
    return found


def _agreeing_acts(doc: Doc, lowers: list[str], owner: dict, labels: dict) -> list[tuple[str, tuple[str, bool]]]:
    """Acts known by the plural verb a singular name takes ("Snow Patrol were the big winners", "Hard-Fi are
    touring"), as British English agrees with a group: the name is tagged a work or a person or left untagged, its
    last word is no plural, it stands right before the verb, and it is coordinated with nothing ("Keane and Muse
    were" is plural anyway)."""
    found = []
    for tok in (doc[i] for i, word in enumerate(lowers) if word in ("are", "were")):
        if tok.pos_ != "AUX":
            continue
        verb = tok.head if tok.dep_ in ("aux", "auxpass") else tok  # "Coldplay are touring": the subject is the verb's
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.i + 1 != tok.i or subject.pos_ != "PROPN" or subject.tag_ == "NNPS" \
                or subject.text.endswith("s") or any(c.dep_ in ("conj", "cc") for c in subject.children):
            continue
        named = owner.get(subject.i)
        if named is not None and named.label_ in ("WORK_OF_ART", "PERSON") and named.root.i == subject.i \
                and named.text[:1].isupper():  # a person, too, would be "was"
            found.append((named.text, ("ORG", True)))
        elif named is None and subject.i not in labels:
            start = _act_run_before(doc, subject.i + 1)
            if start is not None and not any(i in labels for i in range(start, subject.i)) \
                    and doc[start].lower_ not in FIRST_NAMES:
                found.append((doc[start : subject.i + 1].text, ("ORG", False)))
    return found


def _equated_acts(doc: Doc, tokens: TokenArrays, owner: dict, labels: dict) -> list[tuple[str, tuple[str, bool]]]:
    """Acts a sentence says are one ("The Doors were one of the most influential bands of the 1960s", "Usher is an
    R&B singer", "Keane, the band behind Somewhere Only We Know,"): a name that "be" equates with an act noun, or
    that an act noun stands in apposition to, with the act noun's label, whatever the model called the name."""
    found = []

    def act_noun(noun) -> Optional[str]:
        if noun.lower_ == "one":  # "one of the bands"
            noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj"), noun)
        return ACT_NOUNS.get(noun.lemma_.lower()) if noun.is_lower else None

    def name_of(subject) -> Optional[Span]:
        named = owner.get(subject.i)
        if named is not None:
            return named if named.root.i == subject.i and named.text[:1].isupper() else None
        if subject.i in labels or subject.pos_ != "PROPN" or not subject.text[:1].isupper():
            return None
        start = _act_run_before(doc, subject.i + 1)
        if start is None or any(i in labels for i in range(start, subject.i)):
            return None
        return doc[start : subject.i + 1]

    with_attribute = {head for dep, head in zip(tokens.dep, tokens.head) if dep == "attr"}  # only these can equate
    for tok in (doc[i] for i, lemma in enumerate(tokens.lemma) if lemma == "be" and i in with_attribute):
        subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in tok.children if c.dep_ == "attr"), None)
        if subject is None or attr is None or (label := act_noun(attr)) is None:
            continue
        if (span := name_of(subject)) is not None:
            found.append((span.text, (label, True)))
    for tok in (doc[i] for i, dep in enumerate(tokens.dep) if dep == "appos"):
        if tok.head.pos_ == "PROPN" and (label := act_noun(tok)) is not None \
                and (span := name_of(tok.head)) is not None:
            found.append((span.text, (label, True)))
    return found


def _listed_acts(doc: Doc, lowers: list[str]) -> list[tuple[str, tuple[str, bool]]]:
    """Acts listed after a plural act noun and "like", "such as" or "including" ("bands like Talking Heads and
    Blondie", "rappers such as Nas"), with the act noun's label."""
    found = []
    for i, word in enumerate(lowers):
        noun = word[:-1] if word.endswith("s") else ""
        if noun not in ACT_NOUNS or i + 2 >= len(doc):
            continue
        k = i + 1
        if lowers[k] == "such" and k + 1 < len(doc) and lowers[k + 1] == "as":
            k += 1
        elif lowers[k] not in ("like", "including"):
            continue
        start = k + 1
        while start < len(doc):
            if lowers[start] == "the" and start + 1 < len(doc):
                start += 1
            end = _act_run_after(doc, start)
            if end is None:
                break
            found.append((doc[start:end].text, (ACT_NOUNS[noun], True)))
            if end < len(doc) and lowers[end] in (",", "and") and end + 1 < len(doc):
                start = end + 1 + (lowers[end] == "," and end + 2 < len(doc) and lowers[end + 1] == "and")
            else:
                break
    return found


def _member_acts(doc: Doc, lowers: list[str]) -> list[tuple[str, tuple[str, bool]]]:
    """Acts named right before a member noun and the member's name ("Snow Patrol frontman Gary Lightbody")."""
    found = []
    for i, word in enumerate(lowers):
        if word in ACT_MEMBERS and doc[i].text.islower() and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
            start = _act_run_before(doc, i)
            if start is not None and doc[start].lower_ not in FIRST_NAMES:
                found.append((doc[start:i].text, ("ORG", True)))
    return found


def _common_noun_at(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].text.islower()


def _act_capitalised(tok) -> bool:
    return (tok.text[:1].isupper() or tok.is_digit) and not tok.is_punct and tok.lower_ not in HEADLINE_WORDS


def _act_run_after(doc: Doc, i: int) -> Optional[int]:
    """Return the end of the name of at most four capitalised words or numbers starting at `i` ("The Bravery",
    "50 Cent"), or None when none starts there or it runs into a sentence end."""
    if not _act_capitalised(doc[i]) or doc[i].is_sent_start or not doc[i].text[:1].isupper() and not doc[i].is_digit:
        return None
    end = i
    while end < len(doc) and end - i < 4 and _act_capitalised(doc[end]) and (end == i or not doc[end].is_sent_start):
        end += 1
    if end - i == 1 and doc[i].is_digit:
        return None
    return end


def _act_run_before(doc: Doc, k: int) -> Optional[int]:
    """Return the start of the name of at most four capitalised words or numbers ending before token `k`
    ("Maroon 5's"), or None when there is none or it starts the sentence with one word."""
    start = k
    while start > 0 and k - start < 4 and _act_capitalised(doc[start - 1]) and not doc[start].is_sent_start:
        start -= 1
    if start == k or doc[start].lower_ == "the" and start + 1 == k:
        return None
    if all(t.lower_ in _CALENDAR for t in doc[start:k]):
        return None  # "Friday's concert"
    return start


_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
             "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
             "today", "tonight", "yesterday", "tomorrow", "year", "week", "month", "christmas", "easter"}
