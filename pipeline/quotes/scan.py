"""Finding quotations: compiled regexes over the cleaned text for double quotes (straight, curly, `''…''`,
``` ``…'' ```) and UK-style single quotes, tolerating the unbalanced marks of real news text."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..entities import load_json
from ..names import HEADLINE_LABELS, HEADLINE_WORDS, captioned, reporting_form

MIN_WORDS = 4  # GOLD_FORMAT: shorter quoted phrases are scare quotes or titles

_PARAGRAPH = re.compile(r"[^\n]+")
# Two apostrophes or backticks are a double mark in newswire text (''like this'', ``or this'').
# (also the marks of other typefaces and scripts a feed may pass on: the double prime and the full-width mark, which
# open and close alike, and the reversed and the ideographic double quotation marks)
_DOUBLE = re.compile(r"''|``|‘‘|’’|[\"“”„«»″＂‟〝〞〟]")
_DOUBLE_OPENERS = "“„«‟〝"
_DOUBLE_CLOSERS = "”»〞〟"
# A single mark opens a quote after a non-word and before a word, except in elisions ('90s, 'em, rock 'n' roll).
_SINGLE_OPEN = re.compile(r"(?<![\w'’‘])['‘](?=\w)(?!(?:\d0s|em|til|cause|n|tis|twas)\b)")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:…)\]])['’](?!\w)")
# A single closing mark after sentence punctuation that ends a double quote when the writer mistyped it.
_STRAY_SINGLE_CLOSE = re.compile(r"(?<=[.!?,])['’](?=\s|$)")
SENT_END = re.compile(r"[.!?…]+['’\"”)\]]*(?=\s|$)")
_WORD = re.compile(r"\w[\w'’\-]*")
AGE = re.compile(r"\b\d{1,3}[- ]year[- ]old\b|\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty)-something\b", re.IGNORECASE)
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Rev|Mt|vs|etc|Inc|Ltd|Co|No)|\b[A-Z])\.$"
    # Names written with an exclamation mark ("E! News", "Yahoo! Music", "Hello! magazine") do not end a sentence.
    r"|(?:^|\s)(?:[A-Z]|Yahoo|Hello|OK|Jeopardy|Wham|Oklahoma)!$"
)
_TITLE_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "is"}


@dataclass(frozen=True)
class RawQuote:
    """A quotation found in the text: the quoted words and where its marks are."""

    open: int  # offset of the opening mark
    start: int  # offset of the first quoted character
    end: int  # offset after the last quoted character
    close: int  # offset after the closing mark (== end when the writer left it unclosed)
    closed: bool
    paragraph: int
    para_start: int
    para_end: int
    single: bool = False  # marked with single quotes (UK style)
    inner: Optional[tuple[int, int]] = None  # the attribution inside a split quotation ("X," he said, "y")




def find_quotes(text: str, with_short: bool = False) -> list[RawQuote]:
    """Return the direct quotations of `text` (4+ words, not titles) in text order; `with_short` also returns the
    shorter ones that open a sentence of reported speech (`"She's fearless," he said.`: see `short_speech`)."""
    found: list[RawQuote] = []
    for index, para in enumerate(_PARAGRAPH.finditer(text)):
        doubles = _scan_double(text, para.start(), para.end(), index)
        singles = _scan_single(text, para.start(), para.end(), index, doubles)
        for q in sorted(doubles + singles, key=lambda q: q.open):
            q = _trim(text, q)
            if q is None:
                continue
            if found and _continues(text, found[-1], q):
                a = found[-1]
                found[-1] = replace(a, end=q.end, close=q.close, closed=q.closed, inner=(a.close, q.open))
            else:
                found.append(q)
    headline = headline_end(text)
    return [q for q in found if (_is_quotation(text[q.start : q.end]) and not _cued_title(text, q)
                                 or _caption(text, q) or with_short and short_speech(text, q))
            and (not q.single or _single_is_speech(text, q))
            or q.close <= headline and _headline_quotation(text, q, headline)]


# Nouns for a kind of work, after which a title is named ("the film X", "New Film: 'X'").
WORK_NOUNS = frozenset(n.lower() for n in load_json("work_cues.json")["cue_nouns_after"])

# Words that open speech, not a title, in a headline written in title case ("'I Said Yes Before He Finished'").
_SPEECH_OPENERS = {"i", "i'm", "i've", "i'll", "i'd", "we", "we're", "we've", "you", "you're", "she", "she's", "he",
                   "he's", "it's", "they", "they're", "my", "our", "your", "there's", "that's", "this", "not", "no",
                   "never", "why", "don't", "can't", "let's"}


def headline_end(text: str) -> int:
    """Return the offset where the headline ends: the first line, when a blank line follows it; else 0."""
    line_end = text.find("\n")
    return line_end if line_end > 0 and text[line_end : line_end + 2] == "\n\n" else 0


def headline_only(text: str, q: RawQuote) -> bool:
    """True when `q` is a quotation only as a headline's (see `_headline_quotation`): in the body its words would be
    a title or a scare quote."""
    headline = headline_end(text)
    return q.close <= headline and _headline_quotation(text, q, headline) and not (
        _is_quotation(text[q.start : q.end]) and (not q.single or _single_is_speech(text, q)))


def _headline_quotation(text: str, q: RawQuote, headline: int) -> bool:
    """True for quoted words of a headline that are speech: four words or more ("Depardieu 'tops French actor
    league'", marked with single quotes as headlines do), not a title. In a headline written in title case every
    word is capitalised, so there the words must open as speech does ("'I Said Yes Before He Finished'") or hold
    sentence punctuation (a name or two beside the quote say nothing of the case: "Melania Trump 'will wear …'")."""
    words = text[q.start : q.end]
    if len(_WORD.findall(words)) < MIN_WORDS:
        return False
    outside = _WORD.findall(text[:q.open] + " " + text[q.close : headline])
    title_case = len(outside) >= 3 and all(w[:1].isupper() or w.lower() in _TITLE_SMALL_WORDS or not w[:1].isalpha()
                                       for w in outside)
    if not title_case:
        return not _is_title(words) or _closes_headline_after_colon(text, q, headline)
    first = _WORD.findall(words)[0].lower().replace("’", "'")
    return first in _SPEECH_OPENERS or bool(re.search(r"[.!?,;]", words)) or _after_headline_verb(text, q) \
        or _closes_headline_after_colon(text, q, headline) or _reported_in_headline(text, q, headline)


# Headline verbs that report what someone says, and the words that close a reported clause before its quoted end
# ("Kenna Marsh Says Divorce Was 'The Hardest Thing I've Ever Done'").
_HEADLINE_SAYING = frozenset({"says", "said", "admits", "admitted", "reveals", "revealed", "insists", "explains",
                              "gushes", "jokes", "tells", "confesses", "recalls", "claims", "confirms", "vows",
                              "promises", "warns", "teases", "thinks", "feels"})
_REPORTED_CLOSERS = _HEADLINE_SAYING | {"was", "is", "are", "were", "felt", "that", "being", "be"}


def _reported_in_headline(text: str, q: RawQuote, headline: int) -> bool:
    """True when a title-case headline ends on the quotation after a verb of saying, the word right before it a
    saying verb or a copula of the reported clause ("… Says Divorce Was 'The Hardest Thing I've Ever Done'"), not a
    preposition or a verb a title follows ("… Says She Loved Making 'The Long Way Home'")."""
    if text[q.close : headline].strip(" .!?"):
        return False
    before = _WORD.findall(text[: q.open].rpartition("\n")[2])
    return len(before) >= 2 and before[-1].lower() in _REPORTED_CLOSERS \
        and any(w.lower() in _HEADLINE_SAYING for w in before[1:])


def _after_headline_verb(text: str, q: RawQuote) -> bool:
    """True when the quotation follows a colon ending a headline's clause with a headline verb in it ("Harriet
    Sowerby Opens Up About Divorce: 'It Was the Hardest Year of My Life'", "… Is Engaged: '…'"): what she says."""
    before = text[: q.open].rstrip()
    if not before.endswith(":"):
        return False
    clause = before[:-1].rpartition("\n")[2]
    return any(w.lower() in _HEADLINE_VERBS for w in _WORD.findall(clause)[1:])


def _closes_headline_after_colon(text: str, q: RawQuote, headline: int) -> bool:
    """True when the quotation follows a colon and ends the headline, after words that are no section label: a
    headline gives the words of the one it names before the colon ("Wade Trammell: 'June Saved My Life'", "Naomi
    Fairbrook Moves Gala Crowd to Tears: 'Hope Is the Bravest Thing We Have'"), not a title ("Review: 'The Lord
    of the Rings'", "Jane Doe Stars in New Film: 'The Long Way Home'")."""
    before = text[: q.open].rstrip()
    if not before.endswith(":") or text[q.close : headline].strip(" .!?"):
        return False
    words = _WORD.findall(before[:-1].rpartition("\n")[2])
    return len(words) >= 2 and not any(w.lower() in HEADLINE_LABELS for w in words) \
        and words[-1].lower() not in WORK_NOUNS  # "… Stars in New Film: 'The Long Way Home'" names the film


# Headline words less those that join a headline's phrases rather than report anything ("… Crowd to Tears: '…'").
_HEADLINE_VERBS = HEADLINE_WORDS - {"about", "after", "and", "as", "at", "for", "in", "not", "on", "over", "to", "vs",
                                    "with"}


def is_reported(text: str, q: RawQuote) -> bool:
    """True when `q` is a quotation the tables report (4+ words, not a title, or a caption in title case), not only
    a short one kept for attribution."""
    return _is_quotation(text[q.start : q.end]) or _caption(text, q)


def _caption(text: str, q: RawQuote) -> bool:
    """True for quoted words of four or more in title case that a caption's or post's verb introduces."""
    words = text[q.start : q.end]
    if len(_WORD.findall(words)) < MIN_WORDS or not _is_title(words):
        return False
    return captioned(text[q.para_start : q.open], text[q.end : q.close].strip(" '‘’\"“”") + text[q.close : q.close + 40])


def short_speech(text: str, q: RawQuote) -> bool:
    """True for a quotation of fewer than four words in the shape of reported speech: it opens its sentence, its words
    end with a comma, "!" or "?" inside the marks, and the sentence goes on after the closing mark (`"She's fearless,"
    he said.`, `"Never!" the singer replied.`). Too short for the tables (GOLD_FORMAT), it still tells who speaks next:
    the quoted paragraph after it continues its speaker, not an earlier one."""
    words = text[q.start : q.end]
    if not q.closed or not _WORD.search(words) or _is_title(words) and not words.rstrip().endswith(("!", "?")):
        return False
    inside = text[q.end : q.close].strip(" '‘’\"“”")
    ends_spoken = inside[:1] in {",", "!", "?"} or words.rstrip()[-1:] in {"!", "?"}
    before = text[q.para_start : q.open].rstrip()
    opens = not before or SENT_END.search(before[-3:]) is not None or before[-1:] in {'"', "”", ":"}
    return ends_spoken and opens and re.match(r"[ \t]+\w", text[q.close : q.close + 3]) is not None


def _continues(text: str, a: RawQuote, b: RawQuote) -> bool:
    """True when `b` finishes the sentence `a` began ("X," he said, "y."): one quotation, per GOLD_FORMAT."""
    gap = text[a.close : b.open]
    return (
        a.paragraph == b.paragraph
        and a.closed
        and a.single == b.single
        and "," in text[a.end : a.close]
        and text[b.start].islower()
        and len(gap) <= 80
        and gap.rstrip().endswith(",")
        and SENT_END.search(gap) is None
    )


def _single_is_speech(text: str, q: RawQuote) -> bool:
    """True when single-quoted words read as speech, not a scare-quoted phrase ('done in a shed').

    Speech ends with punctuation inside the marks, opens a sentence, or is long.
    """
    before = text[q.para_start : q.open].rstrip()
    return (
        text[q.end : q.close - 1].strip()[:1] in {".", ",", "!", "?", "…"}
        or text[q.end - 1] in ".!?…"
        or not before
        or before[-1] in ".!?:"
        or len(_WORD.findall(text[q.start : q.end])) >= 8
    )


def _double_opens(text: str, i: int, lo: int, hi: int, is_open: bool, j: Optional[int] = None) -> bool:
    """True when the double mark at `i` (ending at `j`) opens a quotation (by its shape, else by its neighbours)."""
    j = i + 1 if j is None else j
    mark = text[i:j]
    if mark in _DOUBLE_OPENERS or mark in {"``", "‘‘"}:
        return True
    if mark in _DOUBLE_CLOSERS or mark == "’’":
        return False
    left_free = i == lo or text[i - 1].isspace() or text[i - 1] in "([{—–-/"
    right_free = j >= hi or text[j].isspace() or text[j] in ".,;:!?)]}—–…"
    if left_free != right_free:
        return left_free
    return not is_open


# A straight double mark closing a height in feet and inches (5'2"), or a size in inches before a lower-case word
# that is no pronoun (12" vinyl; not '…number 12" she said').
_INCH_MARK = re.compile(r".*\d['’]\d{1,2}\"", re.DOTALL)
_INCHES = re.compile(r".*(?<![\w.])\d{1,2}\" (?!(?:he|she|they|i|we|you|it)\b)[a-z]", re.DOTALL)


def _scan_double(text: str, lo: int, hi: int, paragraph: int) -> list[RawQuote]:
    """Return the double-quoted stretches of one paragraph; a quote reopened or left open is cut, not lost."""
    out: list[RawQuote] = []
    opened: Optional[int] = None
    width = 1
    for m in _DOUBLE.finditer(text, lo, hi):
        i = m.start()
        if _INCH_MARK.match(text, max(lo, i - 4), m.end() + 6) or _INCHES.match(text, max(lo, i - 4), m.end() + 6):
            continue  # "I'm only 5'2" so heels …", "on 12" vinyl": a height or a size, no quotation mark
        if _double_opens(text, i, lo, hi, opened is not None, m.end()):
            if opened is not None:
                end = _reopen_cut(text, opened + width - 1, i)
                out.append(RawQuote(opened, opened + width, end, end, False, paragraph, lo, hi))
            opened, width = i, m.end() - i
        elif opened is not None:
            out.append(RawQuote(opened, opened + width, i, m.end(), True, paragraph, lo, hi))
            opened = None
    if opened is not None:
        stray = _STRAY_SINGLE_CLOSE.search(text, opened + width, hi)
        if stray and not _SINGLE_OPEN.search(text, opened + width, stray.start()):
            out.append(RawQuote(opened, opened + width, stray.start(), stray.end(), True, paragraph, lo, hi))
        else:
            out.append(RawQuote(opened, opened + width, hi, hi, False, paragraph, lo, hi))
    return out


def _reopen_cut(text: str, opened: int, reopen: int) -> int:
    """Return where an unclosed quote ends when a new one opens: at its last sentence end before the new mark.

    A mark after a sentence end is a new paragraph of the same speech (paragraph breaks lost); text after
    the last sentence end (`He added: "`) is the new quote's frame.
    """
    before = text[opened + 1 : reopen].rstrip()
    if before and before[-1] in ".!?…":
        return opened + 1 + len(before)
    ends = [m.end() for m in SENT_END.finditer(text, opened + 1, reopen)]
    return ends[-1] if ends else reopen


def _scan_single(text: str, lo: int, hi: int, paragraph: int, doubles: list[RawQuote]) -> list[RawQuote]:
    """Return the single-quoted stretches of one paragraph outside its double quotes; unclosed ones are dropped.

    An `s'` followed by a lower-case word is usually a possessive ("Roberts' departure"): it closes the quote
    only when the quote would otherwise run on to another opening mark, or when the quoted words are a title.
    """
    def inside_double(i: int) -> bool:
        return any(q.open <= i < q.close for q in doubles)

    closers = [m.start() for m in _SINGLE_CLOSE.finditer(text, lo, hi) if not inside_double(m.start())]
    openers = [m.start() for m in _SINGLE_OPEN.finditer(text, lo, hi) if not inside_double(m.start())]
    out: list[RawQuote] = []
    after = lo
    for o in openers:
        if o < after:
            continue
        candidates = [c for c in closers if c > o + 1]
        # An elision is no closing mark ("rock ’n’ roll"); a plural possessive or a dropped g before a lower-case word
        # ("the Sisters’ old songs", "goin’ with the flow") closes only when nothing stronger does.
        candidates = [c for c in candidates if not (c >= 3 and text[c - 1] in "nN" and text[c - 2] in "'’‘"
                                                    and text[c - 3].isspace())]
        weak = [c for c in candidates if (text[c - 1] in "sS" or text[c - 2 : c] == "in")
                and re.match(r"\s+[a-z]", text[c + 1 : c + 3])]
        strong = [c for c in candidates if c not in weak]
        close = strong[0] if strong else (weak[0] if weak else None)
        if weak and (not strong or weak[0] < strong[0]):
            runs_on = strong and any(weak[0] < x < strong[0] for x in openers)
            if not strong or runs_on or _is_title(text[o + 1 : weak[0]]):
                close = weak[0]
        if close is None:
            continue
        out.append(RawQuote(o, o + 1, close, close + 1, True, paragraph, lo, hi, single=True))
        after = close + 1
    return out


def _trim(text: str, q: RawQuote) -> Optional[RawQuote]:
    """Return `q` with spaces, a trailing comma and an unpaired nested opening mark trimmed off its words."""
    start, end = q.start, q.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if start < end and text[start] in "'‘" and not _SINGLE_CLOSE.search(text, start + 1, end):
        start += 1
    return replace(q, start=start, end=end) if start < end else None


def _is_title(words_text: str) -> bool:
    """True when the quoted words look like a title or name ('Friends', "Always Look on the Bright Side")."""
    words = _WORD.findall(words_text)
    # A title may hold a colon or comma between its parts ("Harbor of Glass: Undertow", "Two Hearts, One Highway")
    # and take the sentence's comma or full stop inside the closing mark, as American punctuation does ('starred in
    # "Blue Hour on Lenox."'); it holds no sentence end of its own, no quotation ("'Starboy,' by The Weeknd" answers
    # a question) and no shouted word ("Auntie Mindy is READY."), and a title in two parts is short.
    inner = re.sub(r"[.,]\s*$", "", words_text.strip())
    punctuated = inner != words_text.strip() or re.search(r"[,:]", inner)
    if not words or len(words) > 10 or re.search(r"[.!?;]", inner) \
            or punctuated and (len(words) > 8 or len(re.findall(r"[,:]", inner)) > 1
                               or re.search(r"['‘’\"“”]\W|\W['‘’\"“”]|^['‘\"“]", inner)
                               or any(len(w) >= 3 and w.isupper() for w in words)):
        return False
    # A shouted headline quote ("WE ARE NOT DONE YET") is speech: titles are not written in capitals throughout.
    if len(words) >= MIN_WORDS and all(w.isupper() or not w.isalpha() for w in words):
        return False
    major = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _TITLE_SMALL_WORDS]
    return all(w[0].isupper() or w[0].isdigit() for w in major)


def _cued_title(text: str, q: RawQuote) -> bool:
    """True for quoted words written as a title with a "!" or "?" of its own, which `_is_title` reads as speech (AP
    style: '"Mamma Mia! Here We Go Again" led the box office', 'the film "Can You Ever Forgive Me?"'): every major
    word capitalised, ten words at most, the mark ending a word before a capital or the title; and a work's noun or a
    possessive before it, or the sentence going on after it with a word that is no pronoun ("…?" she asked is
    speech)."""
    inner = re.sub(r"[.,]\s*$", "", text[q.start : q.end].strip())
    words = _WORD.findall(inner)
    if len(words) < 2 or len(words) > 10 or not re.search(r"[!?]", inner) \
            or re.search(r"[;\"“”]|[.!?](?!\s+[A-Z0-9]|$)", inner.replace("Vol.", "Vol")):
        return False
    major = [w for i, w in enumerate(words) if i == 0 or w.lower() not in _TITLE_SMALL_WORDS]
    if not all(w[0].isupper() or w[0].isdigit() for w in major):
        return False
    before = _WORD.findall(text[q.para_start : q.open][-40:])
    after = re.match(r"\s+([a-z]+)\b", text[q.close : q.close + 30])
    return bool(before and (before[-1].lower() in WORK_NOUNS or before[-1].endswith(("'s", "’s")))) \
        or after is not None and after.group(1) not in _PRONOUNS_AFTER and not reporting_form(after.group(1))


# Words after a closing mark that make what it closes speech ('"Are You Kidding Me?" she asked').
_PRONOUNS_AFTER = frozenset({"he", "she", "they", "i", "we", "you", "it", "his", "her", "their"})


def _is_quotation(words_text: str) -> bool:
    """True when quoted words are a quotation: four words or more, and not a title."""
    return len(_WORD.findall(words_text)) >= MIN_WORDS and not _is_title(words_text)


def sentence_end(text: str, pos: int, ceiling: int) -> int:
    """Return the offset after the first sentence end at or after `pos` (abbreviations skipped), else `ceiling`."""
    for m in SENT_END.finditer(text, pos, ceiling):
        if not _ABBREVIATION.search(text[max(0, m.start() - 10) : m.start() + 1]):
            return m.end()
    return ceiling


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Return the offset where the sentence holding `pos` starts (no earlier than `floor`)."""
    start = floor
    for m in SENT_END.finditer(text, floor, pos):
        if not _ABBREVIATION.search(text[max(0, m.start() - 10) : m.start() + 1]):
            start = m.end()
    while start < pos and text[start].isspace():
        start += 1
    return start

