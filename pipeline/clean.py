"""Cleaning: repair broken Unicode, normalise whitespace, read the plain-text header conventions.

Every offset the pipeline reports refers to the text `clean_text` returns. Quotation marks (straight
and curly) and apostrophes are meaning-bearing for the quote stage, so they are kept exactly.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from typing import Optional

import ftfy

# ftfy would otherwise straighten curly quotes, which the quote stage relies on.
_FTFY = ftfy.TextFixerConfig(uncurl_quotes=False, normalization="NFC", explain=False)

# An HTML character reference, named or numeric, with its semicolon ("&ldquo;", "&#8220;", "&quot;"): "AT&T" is none.
_CHARACTER_REFERENCE = re.compile(r"&(?:#\d{2,6}|#[xX][0-9a-fA-F]{2,5}|[A-Za-z]{2,8});")
# The UTF-8 bytes of "”" read as Windows-1252 with the last byte lost, before a space, punctuation or the end.
_BROKEN_CLOSING_QUOTE = re.compile(r"â€(?=[\s.,;:!?)]|$)")
# Invisible characters that only break tokenisation: zero-width spaces/joiners, BOM, soft hyphen, word joiner.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Every kind of horizontal space (no-break, thin, ideographic, tabs) becomes one plain space.
_HSPACE = re.compile(r"[^\S\n]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

# A feed's metadata marker at the very start: " date 2025-04-19 Now, ..." (the word `date`, an ISO date).
_DATE_MARKER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b[ \t]*\n?", re.IGNORECASE)
_ISO_DATE_LINE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A headline is a short first line without sentence-final punctuation, followed by a blank line.
_MAX_HEADLINE_WORDS = 20


@dataclass(frozen=True)
class Cleaned:
    text: str
    title: Optional[str]
    published: Optional[str]


def clean_text(text: str) -> str:
    """Return `text` with Unicode repaired, invisible characters dropped and whitespace normalised.

    Paragraphs stay separated by one blank line; lines inside a paragraph keep their line break, unless the text
    is hard-wrapped (see `unwrap`).
    """
    # A curly quotation's closing mark that lost its last byte ("â€œ…â€"; ftfy repairs only the opening one, and
    # reads the broken closer and the space after it as a dagger) is the closing mark it was.
    text = _BROKEN_CLOSING_QUOTE.sub("”", text)
    text = ftfy.fix_text(text, config=_FTFY)
    # ftfy leaves HTML character references alone in text holding a "<" ("<3", "<br>").
    text = _CHARACTER_REFERENCE.sub(lambda m: html.unescape(m.group(0)), text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    text = "\n".join(space_glued_quotes(line) for line in unwrap(lines))
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip()


# Hard-wrapped text: no line longer than this, and most lines that run on into the next end inside a sentence.
_WRAP_MAX_WIDTH = 100
_WRAP_MIN_LINES = 3
_LINE_ENDS_SENTENCE = re.compile(r"[.!?:;\"”'’)\]…]$")
_LIST_ITEM = re.compile(r"^(?:[-*•–—]\s|\d{1,2}[.)]\s)")


def unwrap(lines: list[str]) -> list[str]:
    """Return `lines` with the line breaks of a hard-wrapped text joined into its paragraphs.

    A text is hard-wrapped when no line is longer than `_WRAP_MAX_WIDTH` characters and at least
    `_WRAP_MIN_LINES` lines run on into a next line, most of them ending inside a sentence ("…," the source
    said. "They⏎just grew apart"). Then each such line joins the next with a space (one character for one, so
    offsets keep their meaning), except before a list item and after a line much shorter than the text's width
    (a sign-off, a line of a poem). Texts written one paragraph per line, and lists, are left alone.
    """
    inner = [k for k in range(len(lines) - 1) if lines[k] and lines[k + 1]]
    if len(inner) < _WRAP_MIN_LINES or max(map(len, lines), default=0) > _WRAP_MAX_WIDTH:
        return lines
    if sum(not _LINE_ENDS_SENTENCE.search(lines[k]) for k in inner) * 2 < len(inner):
        return lines
    width = max(len(lines[k]) for k in inner)
    out = [lines[0]]
    for k in range(1, len(lines)):
        previous, line = lines[k - 1], lines[k]
        if previous and line and not _LIST_ITEM.match(line) and len(previous) >= width * 0.6:
            out[-1] += " " + line
        else:
            out.append(line)
    return out


# A double quotation mark glued to the words on both sides, as text copied from the web often has it ('the
# love,"he wrote', 'on Instagram."I'm', 'told People:"He'): the tokenizer would keep it inside a word.
_GLUED_QUOTE = re.compile(r'(?<=[\w.,:;!?])["\u201c\u201d](?=\w)')


def space_glued_quotes(line: str) -> str:
    """Return `line` with a space put between a double quotation mark and the word it is glued to on its far side.

    An opening mark gets its space before it ('Instagram."I'm' → 'Instagram. "I'm'), a closing one after it
    ('love,"he' → 'love," he'). Curly marks say which they are; straight ones are told apart by their order in the
    line (the first opens), and only in a line where they pair up: with a mark missing the order says nothing.
    """
    if not _GLUED_QUOTE.search(line):
        return line
    straight = [k for k, c in enumerate(line) if c == '"']
    if len(straight) % 2:
        straight = []
    opening = {k for n, k in enumerate(straight) if n % 2 == 0}
    closing = set(straight) - opening
    out, last = [], 0
    for match in _GLUED_QUOTE.finditer(line):
        k = match.start()
        if line[k] == "\u201c" or k in opening:
            out += [line[last:k], " "]
            last = k
        elif line[k] == "\u201d" or k in closing:
            out += [line[last:k + 1], " "]
            last = k + 1
    return "".join(out) + line[last:]


def parse_iso_date(value) -> Optional[str]:
    """Return `value` (a date, datetime or date-like string) as `YYYY-MM-DD`, or None if it is not one."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        pass
    import dateparser  # imported lazily: only free-form metadata dates need it

    parsed = dateparser.parse(
        text, languages=["en"], settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    )
    return parsed.date().isoformat() if parsed else None


def clean_plain_text(raw: str) -> Cleaned:
    """Return the cleaned text of a plain-text article with its headline and publication date.

    Conventions read: a leading `date YYYY-MM-DD` marker (the marker word is dropped; the date stays
    as the article's dateline paragraph), a short first line followed by a blank line (the headline),
    and an ISO date alone on a header line (the publication date).
    """
    published = None
    marker = _DATE_MARKER.match(raw)
    if marker:
        published = marker.group(1)
        raw = marker.group(1) + "\n\n" + raw[marker.end():]
    text = clean_text(raw)
    title = None
    header = text.split("\n\n", 1)[0].split("\n")
    if "\n\n" in text:
        first = header[0]
        if (
            not _ISO_DATE_LINE.match(first)
            and len(first.split()) <= _MAX_HEADLINE_WORDS
            and not first.endswith((".", "?", "!", ":", "\u201d", '"'))
        ):
            title = first
        for line in header[1:] if title else header:
            if published is None and _ISO_DATE_LINE.match(line):
                published = parse_iso_date(line)
    return Cleaned(text=text, title=title, published=published)


def compose(title: Optional[str], body: str, published: Optional[str] = None) -> Cleaned:
    """Return the cleaned text of an article given as separate fields (HTML, JSON Lines).

    The headline becomes the first paragraph, as in plain-text articles, unless the body already opens with it.
    """
    body = clean_text(body or "")
    title = clean_text(title) if title else None
    text = body
    if title and not body.startswith(title):
        text = f"{title}\n\n{body}" if body else title
    return Cleaned(text=text, title=title or None, published=parse_iso_date(published))
