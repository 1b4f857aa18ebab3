"""The `entertainment_dates` component: find time expressions and normalise them as TIMEX3.

Every mention becomes a `pipeline.records.DateMention` on `doc._.dates` and a span in
`doc.spans["dates"]`, typed DATE, TIME, DURATION or SET. Candidates come from compiled regexes over
`doc.text`: calendar dates from the patterns below (word lists in `pipeline/data/dates.json`), the other
families (references, quarters, durations, sets, times, holidays) from one resource file each in
`pipeline/data/timex/`; token context (tags, neighbours) then rejects other uses (currency, counts such as
"2000 people", titles such as "Film 2005", "2001: A Space Odyssey" or "Two Weeks Notice", ages such as
"in his 60s", "a December release", "Saturday Night Live", "USA Today").

Values are TIMEX3-style: "1992", "2004-04", "2004-04-19", decade "198X", century "20XX",
season "2003-SU", ISO week "2025-W16", weekend "2025-W16-WE", and ranges as ISO intervals
"2004/2005" ("the 2004/05 season") or "2005-08-20/2005-08-21"; a span of years ("from 1956-87") is two
expressions, one per year. Interval conventions for `start`/`end` (inclusive ISO dates):

- year: 1 Jan - 31 Dec; month: first - last day; week: Monday - Sunday; weekend: Saturday - Sunday.
- season (northern, meteorological): SP Mar-May, SU Jun-Aug, FA Sep-Nov, WI Dec of the year - end of Feb
  of the next year.
- decade "198X": 1980-01-01 - 1989-12-31; mod thirds: EARLY = years 0-3, MID = 4-6, LATE = 7-9
  ("the late 1980s" -> 1987-01-01 - 1989-12-31).
- century "20XX" (the 21st century): 2000-01-01 - 2099-12-31; EARLY = 00-33, MID = 34-66, LATE = 67-99.
- year with a mod ("early 2004"): EARLY = Jan-Apr, MID = May-Aug, LATE = Sep-Dec; month with a mod
  ("early April 2004"): EARLY = days 1-10, MID = 11-20, LATE = 21-end.
- two-digit decades: "00s" and "10s" are 2000s/2010s, all others 1900s ("the 90s" -> 199X).
- "the past year/month/week" is the sliding window ending on the anchor: start/end set, value None.

Anchors: speech-time expressions ("last year", "two years ago", "on Tuesday", "27 February") resolve
against `doc._.published` only; with no publication date their value/start/end stay None. Narrative
expressions ("three years later", "the previous year", "that year") resolve against the most recent
explicit dated mention before them (falling back to the publication date); `anchor` is then that
mention's start date. Bare weekdays, months and day-months take the tense of their governing verb:
past -> the latest occurrence on or before the anchor; future or present ("will open on Friday", "begins
on 11 June") -> the next occurrence (for a day-month, the earliest from two weeks before the anchor on);
a weekday named with a day-month picks the nearby year where that weekday fits; a day-month with no verb
governing it takes the occurrence nearest the anchor. Planning verbs ("expected", "extended to") and modals
count as future (a planning verb only for a date after it), present passives ("is heard in May") as present,
past-perfect plans ("had been scheduled to expire Friday") take the nearest occurrence. Counts later or
earlier ("two days later") follow the last dated mention when it is at least as fine as their unit. Quarters and halves: Q1 Jan-Mar ... Q4 Oct-Dec, H1 Jan-Jun, H2 Jul-Dec.
`relative` is True for every expression whose value depends on an anchor, resolved or not.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import json
import os
import re
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

from dateparser.date import DateDataParser
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from pipeline.records import DateMention, doc_text

DATA = json.loads((Path(__file__).parent / "data" / "dates.json").read_text(encoding="utf-8"))
MONTHS: Dict[str, int] = DATA["months"]
MONTH_ANY: Dict[str, int] = {**MONTHS, **DATA["month_abbreviations"]}
WEEKDAYS: List[str] = DATA["weekdays"]
SEASONS: Dict[str, str] = DATA["seasons"]
SEASON_MONTHS: Dict[str, List[int]] = DATA["season_months"]
MODS: Dict[str, str] = DATA["mods"]
NUMBER_WORDS: Dict[str, int] = DATA["number_words"]
STEPS: Dict[str, int] = {**DATA["speech_relative"], **DATA["narrative_relative"]}
SETS = {key: frozenset(DATA[key]) for key in (
    "future_words", "infinitive_future_words", "year_low_preps", "year_reject_before", "year_reject_after", "count_determiners", "event_heads",
    "decade_age_context", "day_parts", "coordinators", "date_prepositions", "indefinite_before", "temporal_before",
    "weekday_paper_before", "future_lemmas", "year_range_heads", "holiday_before", "nearest_before", "the_year_before", "duration_before", "of_the_year_heads", "nearest_after", "deadline_before")}
# words that may stand capitalised right before a year without making it a title ("In 2004", "May 2004")
CAL_WORDS = frozenset(w.lower() for w in [*MONTH_ANY, *WEEKDAYS, *SEASONS])


def _alt(words) -> str:
    """A regex alternation of the words, longest first so prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


MON = rf"(?P<mon>{_alt(MONTHS)}|(?:{_alt(DATA['month_abbreviations'])})\.?)"
MON_FULL = rf"(?P<mon>{_alt(MONTHS)})"
WD = rf"(?P<wd>{_alt(WEEKDAYS)})"
SEA = rf"(?P<season>(?i:{_alt(SEASONS)}))"
MOD = r"(?P<mod>(?i:early|mid|late))(?:\s+|\s*-\s*)"
YEAR = r"(?:1\d\d\d|20\d\d)"
DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
NUM = rf"(?P<n>\d+(?:\s*(?:-|–|to|or)\s*\d+)?|(?i:{_alt(NUMBER_WORDS)})(?:\s*(?:-|–|to|or)\s*(?i:{_alt(NUMBER_WORDS)}))?)"
UNIT = r"(?P<unit>(?i:days?|weeks?|months?|years?|decades?|century|centuries))"
NO_NUM_BEFORE = r"(?<![\w£$€#.,/-])"
# "nearly four years ago", "about a decade later": an approximate count, valued as the count with a TIMEX3 mod
APPROX = r"(?:(?P<amod>(?i:about|around|nearly|almost|roughly|approximately|some|more\s+than|less\s+than))\s+)?"
NO_NUM_AFTER = r"(?![\w%]|[.,:]\d|\s*[-–/]\s*\d)"

# (rule name, pattern); on overlap the longer match wins, then the earlier rule
PATTERNS: List[Tuple[str, str]] = [
    # a timestamp's date too ("2013-06-17T14:07:39-04:00")
    ("iso_date", r"(?<![\w-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:(?=T\d\d:\d\d)|(?![\w-]))"),
    ("day_range", rf"(?<![\w£$€.,])(?:{WD},?\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|and|&|to)\s*"
                  rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?{MON}(?!\w)(?:,?\s+(?P<y>{YEAR})(?!\d))?"),
    ("day_month", rf"(?<![\w£$€.,])(?:{WD},?\s+(?:the\s+)?)?{DAY}\s+(?:of\s+)?{MON}(?!\w)(?:,?\s+(?P<y>{YEAR})(?!\d))?"),
    ("month_day", rf"(?<!\w)(?:{WD},?\s+)?{MON}\s+{DAY}(?:\s*[-–]\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?)?(?![\d:.,]\d|\w)"
                  rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?"),
    ("month_year", rf"(?<!\w)(?:{MOD})?{MON},?\s+(?:of\s+)?(?P<y>{YEAR})(?!\d)"),
    ("season_year", rf"(?<!\w)(?:(?i:the)\s+)?(?:{MOD})?{SEA}\s+(?:(?i:of)\s+)?(?P<y>{YEAR})(?!\d)"),
    ("century", rf"(?<!\w)(?:(?i:the)\s+)?(?:{MOD})?(?:(?P<n>\d{{1,2}})(?:st|nd|rd|th)|(?P<nw>(?i:{_alt(DATA['century_words'])})))"
                r"[\s-]+(?i:century)(?!\w)"),
    ("decade", rf"(?<![\w'’-])(?:(?i:the)\s+)?(?:{MOD})?(?:(?P<y4>1\d\d0|20\d0)|['’]?(?P<y2>\d0))['’]?s(?!\w)"),
    ("decade_word", rf"(?<!\w)(?i:the)\s+(?:{MOD})?(?P<dw>(?i:{_alt(DATA['decade_words'])}))(?!\w)"),
    ("year_range", rf"{NO_NUM_BEFORE}(?P<y1>{YEAR})\s*(?:-|–|—|/)\s*(?P<y2>\d{{4}}|\d\d)(?![\w%/-]|[.,]\d)"),
    ("year_mod", rf"(?<!\w){MOD}(?P<y>{YEAR}){NO_NUM_AFTER}"),
    ("year", rf"{NO_NUM_BEFORE}(?P<y>{YEAR}){NO_NUM_AFTER}"),
    ("ago", rf"(?<![\w£$€.,-]){APPROX}{NUM}\s+{UNIT}(?:\s+or\s+so)?\s+(?P<dir>(?i:ago|back))(?!\w)"),
    ("narrative_offset", rf"(?<![\w£$€.,-]){APPROX}{NUM}\s+(?P<unit>(?i:years?|decades?|months?|weeks?|days?))\s+(?P<dir>(?i:later|earlier|on))(?!\w)(?!\s+(?:than|year))"),
    ("narrative_year", r"(?<!\w)(?:(?P<pre>(?i:earlier|later))\s+)?(?P<det>(?i:the\s+(?:previous|following|next|same)|that(?:\s+same)?))"
                       r"\s+(?P<unit>(?i:year|month|week|day))(?!\w)"),
    ("relative_unit", rf"(?<!\w)(?:(?P<pre>(?i:earlier|later|early|late|mid))[\s-]+)?(?P<det>(?i:last|next|this\s+past|this\s+coming|this|the\s+past|the\s+last|the\s+coming|the\s+current))"
                      rf"\s+(?:(?P<unit>(?i:week|weekend|month|year))|{SEA}|{WD}|{MON_FULL})(?!\w)"),
    ("yesterday", r"(?<!\w)(?P<w>[Yy]esterday|[Tt]omorrow)(?!\w)"),
    ("weekday", rf"(?<!\w){WD}(?!\w)"),
    ("month", rf"(?<!\w)(?:{MOD})?{MON_FULL}(?!\w)"),
]
# The TIMEX3 families beyond calendar dates are resource files, one per pattern family (HeidelTime style):
# `pipeline/data/timex/<family>.json` lists each rule's pattern (with the macros below), the words every match
# holds, its TIMEX3 type and the normaliser that values it. The families' order breaks ties between equal matches.
TIMEX_DIR = Path(__file__).parent / "data" / "timex"
# PIPELINE_TIMEX_REFERENCES=1 adds the present/past/future references ("now", "recently", "the future") for full
# TIMEX3 output; off by default, as they are no calendar dates (see README).
REFERENCES_ENV = "PIPELINE_TIMEX_REFERENCES"
REFERENCES = os.environ.get(REFERENCES_ENV, "") == "1"
FAMILY_NAMES: List[str] = [*DATA["timex_families"], *(["references"] if REFERENCES else [])]
FAMILIES: Dict[str, dict] = {name: json.loads((TIMEX_DIR / f"{name}.json").read_text(encoding="utf-8"))
                             for name in FAMILY_NAMES}
# a count without the article: "two", "10", "a couple of" (not "a", which every line holds)
COUNT = NUM.replace(_alt(NUMBER_WORDS), _alt(w for w in NUMBER_WORDS if w not in ("a", "an")))
MACROS = {"NUM": NUM, "COUNT": COUNT, "WD": WD, "WDS": _alt(WEEKDAYS), "MON": MON, "MONFULL": MON_FULL, "DAY": DAY, "YEAR": YEAR, "MONTHS": _alt(MONTHS)}
RULES: Dict[str, dict] = {rule["name"]: rule for family in FAMILIES.values() for rule in family["rules"]}
PATTERNS += [(name, re.sub(r"\{([A-Z]+)\}", lambda mac: MACROS[mac.group(1)], rule["pattern"]))
             for name, rule in RULES.items()]
COMPILED = [(name, re.compile(pat)) for name, pat in PATTERNS]
QUARTERS = FAMILIES["quarters"]
DURATIONS = FAMILIES["durations"]
SET_ADVERBS: Dict[str, str] = FAMILIES["sets"]["adverbs"]
DAY_PARTS: Dict[str, str] = FAMILIES["times"]["parts"]
HOLIDAYS: Dict[str, dict] = FAMILIES["holidays"]["holidays"]


def _lower(*groups) -> frozenset:
    return frozenset(w.lower() for group in groups for w in group)


def _cased(*groups) -> frozenset:
    return frozenset(w.rstrip(".") for group in groups for w in group)


UNIT_WORDS = frozenset({"day", "days", "week", "weeks", "month", "months", "year", "years", "decade", "decades",
                        "century", "centuries"})

# A rule's regex runs only over texts holding, for each of its word sets, one of the words as a whole run of
# letters: each of its matches contains them, so skipping the scan changes no result. Month and weekday names are
# matched as written ("May", not the verb "may"); the other words in any case (given here in lower case). Every
# regex costs a pass over the text, and most articles hold no "century", "ago" or weekday. Rules absent here
# always run.
NEEDS: Dict[str, Tuple[frozenset, ...]] = {
    **dict.fromkeys(["day_range", "day_month", "month_day", "month_year"],
                    (_cased(MONTHS, DATA["month_abbreviations"]),)),
    "season_year": (_lower(SEASONS),),
    "century": (frozenset({"century"}),),
    "decade_word": (_lower(DATA["decade_words"]),),
    "year_mod": (frozenset({"early", "mid", "late"}),),
    "ago": (frozenset({"ago", "back"}), UNIT_WORDS),
    "narrative_offset": (frozenset({"year", "years", "decade", "decades", "month", "months", "week", "weeks", "day", "days"}),
                         frozenset({"later", "earlier", "on"})),
    "narrative_year": (frozenset({"year", "month", "week", "day"}),
                       frozenset({"previous", "following", "next", "same", "that"})),
    "relative_unit": (frozenset({"last", "next", "this", "past", "coming", "current"}),
                      frozenset({"week", "weekend", "month", "year"}) | _lower(SEASONS, WEEKDAYS, MONTHS)),
    "yesterday": (frozenset({"yesterday", "tomorrow"}),),
    "weekday": (_cased(WEEKDAYS),),
    "month": (_cased(MONTHS),),
}
NEEDS.update({name: tuple(frozenset(w.lower() for w in words) for words in rule["needs"]) for name, rule in RULES.items()})
# Rules whose every match holds one of these strings ("1990s", "'60s"; "2004-05-06").
NEEDS_TEXT: Dict[str, Tuple[str, ...]] = {"decade": ("0s", "0's", "0’s"), "iso_date": ("-",)}
# Rules whose every match holds a match of a shorter pattern: the unit and the word after it ("years later",
# "weeks ago"). Most articles hold both words but never together, and one search for the pair costs less than a
# pass of the rule's own pattern, which tries a count at every character.
NEEDS_PATTERN: Dict[str, re.Pattern] = {
    "narrative_offset": re.compile(r"(?i:years?|decades?|months?|weeks?|days?)\s+(?i:later|earlier|on)(?!\w)"),
    "ago": re.compile(rf"{UNIT}(?:\s+or\s+so)?\s+(?i:ago|back)(?!\w)"),
}
_CASED_RULES = frozenset({"day_range", "day_month", "month_day", "month_year", "weekday", "month"})
_LETTER_RUN = re.compile(r"[A-Za-z]+")
_DIGIT = re.compile(r"\d")  # "#digit" in a rule's words: the text (or line) holds a digit
QUOTES = frozenset("'\"‘’“”")
RULE_ORDER = {name: i for i, (name, _) in enumerate(PATTERNS)}


# --- date arithmetic ---------------------------------------------------------------------------

def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


def _month_end(y: int, m: int) -> dt.date:
    """The last day of month m of year y."""
    return (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1))


def _add_months(y: int, m: int, k: int) -> Tuple[int, int]:
    """(year, month) k months after y-m."""
    i = y * 12 + (m - 1) + k
    return i // 12, i % 12 + 1


THIRDS = {10: {"EARLY": (0, 3), "MID": (4, 6), "LATE": (7, 9)}, 100: {"EARLY": (0, 33), "MID": (34, 66), "LATE": (67, 99)}}


def _thirds(first: int, size: int, mod: Optional[str]) -> Tuple[int, int]:
    """First and last year of a decade/century (size 10/100) narrowed by an EARLY/MID/LATE mod."""
    lo, hi = THIRDS[size][mod] if mod else (0, size - 1)
    return first + lo, first + hi


def _year(y: int, mod: Optional[str] = None) -> dict:
    """A year mention; a mod narrows start/end to thirds (Jan-Apr, May-Aug, Sep-Dec)."""
    m1, m2 = {"EARLY": (1, 4), "MID": (5, 8), "LATE": (9, 12), None: (1, 12)}[mod]
    return dict(value=f"{y:04d}", start=dt.date(y, m1, 1), end=_month_end(y, m2), granularity="year", mod=mod)


def _month(y: int, m: int, mod: Optional[str] = None) -> dict:
    """A month mention; a mod narrows start/end to days 1-10, 11-20 or 21-end."""
    last = _month_end(y, m).day
    d1, d2 = {"EARLY": (1, 10), "MID": (11, 20), "LATE": (21, last), None: (1, last)}[mod]
    return dict(value=f"{y:04d}-{m:02d}", start=dt.date(y, m, d1), end=dt.date(y, m, d2), granularity="month", mod=mod)


def _day(d: dt.date) -> dict:
    return dict(value=d.isoformat(), start=d, end=d, granularity="day", mod=None)


def _week(d: dt.date, weekend: bool = False) -> dict:
    """The ISO week (or its weekend) containing d."""
    monday = d - dt.timedelta(days=d.weekday())
    y, w, _ = monday.isocalendar()
    if weekend:
        return dict(value=f"{y}-W{w:02d}-WE", start=monday + dt.timedelta(days=5),
                    end=monday + dt.timedelta(days=6), granularity="week", mod=None)
    return dict(value=f"{y}-W{w:02d}", start=monday, end=monday + dt.timedelta(days=6), granularity="week", mod=None)


def _season(y: int, code: str, mod: Optional[str] = None) -> dict:
    """A season of year y (winter runs into the next year)."""
    m1, m2 = SEASON_MONTHS[code]
    y2 = y + (m2 < m1)
    return dict(value=f"{y:04d}-{code}", start=dt.date(y, m1, 1), end=_month_end(y2, m2), granularity="season", mod=mod)


def _span_of(a: dict, b: dict) -> dict:
    """An interval mention from a to b, valued as an ISO interval "a/b"."""
    return dict(value=f"{a['value']}/{b['value']}", start=a["start"], end=b["end"],
                granularity=a["granularity"], mod=None)


@functools.lru_cache(maxsize=None)
def _parser(parts: Tuple[str, ...]) -> DateDataParser:
    """One dateparser instance per required-parts set, so locale data loads once."""
    return DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past", "REQUIRE_PARTS": list(parts)})


@functools.lru_cache(maxsize=4096)
def _dateparse(text: str, parts: Tuple[str, ...]) -> Optional[dt.date]:
    """dateparser's reading of a normalised explicit date, or None; REQUIRE_PARTS stops it filling gaps."""
    try:
        parsed = _parser(parts).get_date_data(text).date_obj
    except Exception:  # dateparser raises on some odd inputs; the caller falls back to the regex fields
        return None
    return parsed.date() if parsed else None


def _explicit_day(day: int, month: int, year: int) -> Optional[dt.date]:
    """A full date: the calendar's day when it exists, else dateparser's reading of "<day> <Month> <year>" (None).

    dateparser reads a day that exists as that day (checked on every day of four years, 1900 and 2000 among them, and
    on the first and last days of months in every year the rules match, 1000-2099), so it is asked only about days
    that do not exist (which it read as no date wherever checked), instead of about every new date: some
    milliseconds a date, and nearly half a second for its first.
    """
    try:
        return dt.date(year, month, day)
    except ValueError:
        return _dateparse(f"{day} {_month_name(month)} {year}", ("day", "month", "year"))


def _month_name(m: int) -> str:
    return next(name for name, num in MONTHS.items() if num == m)


def _yearless_day(day: int, month: int, anchor: dt.date, future: Optional[bool], weekday: Optional[int]) -> Optional[dt.date]:
    """The occurrence of day/month the anchor's tense points at, matching a weekday if one is given.

    No tense (None): the occurrence nearest the anchor.
    Past: the latest on or before the anchor. Future: the earliest from two weeks before the anchor on,
    since a present-tense run or event ("runs from 23 January") may have started already.
    """
    options = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(y, month, day))
        except ValueError:
            continue
    if weekday is not None:
        matching = [d for d in options if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: abs((d - anchor).days))
    if future is None:  # no verb tells: the nearest occurrence
        return min(options, key=lambda d: abs((d - anchor).days)) if options else None
    if future:
        side = [d for d in options if d >= anchor - dt.timedelta(days=14)]
        return min(side) if side else None
    side = [d for d in options if d <= anchor]
    return max(side) if side else None


def _nearest_weekday(anchor: dt.date, weekday: int, step: int, future: Optional[bool]) -> dt.date:
    """The weekday relative to the anchor: step -1 = last, +1 = next, 0 = nearest in the tense's direction
    (future None: the nearest either way)."""
    delta = (weekday - anchor.weekday()) % 7
    if step == 0 and future is None:
        return anchor + dt.timedelta(days=delta if delta <= 3 else delta - 7)
    if step > 0 or (step == 0 and future):
        return anchor + dt.timedelta(days=delta or (7 if step > 0 else 0))
    back = (anchor.weekday() - weekday) % 7
    return anchor - dt.timedelta(days=back or (7 if step < 0 else 0))


def _named_month(anchor: dt.date, month: int, step: int, future: Optional[bool]) -> Tuple[int, int]:
    """(year, month) of a month name: "last July" = before the anchor's month, "next July" = after it; with
    no tense (None) the nearest."""
    if step == 0 and future is None:
        years = (anchor.year - 1, anchor.year, anchor.year + 1)
        year = min(years, key=lambda y: abs((y - anchor.year) * 12 + month - anchor.month))
    elif step == 0 and not future:
        year = anchor.year if month <= anchor.month else anchor.year - 1
    elif step == 0:
        year = anchor.year if month >= anchor.month else anchor.year + 1
    elif step < 0:
        year = anchor.year if month < anchor.month else anchor.year - 1
    else:
        year = anchor.year if month > anchor.month else anchor.year + 1
    return year, month


def _named_season(anchor: dt.date, code: str, step: int) -> int:
    """The year of "this/last/next <season>" seen from the anchor."""
    this = anchor.year - (code == "WI" and anchor.month <= 2)
    if step < 0:
        return this if _season(this, code)["end"] < anchor else this - 1
    if step > 0:
        return this if _season(this, code)["start"] > anchor else this + 1
    return this


def _shift(anchor: dt.date, unit: str, k: int) -> dict:
    """The calendar unit (day/week/weekend/month/year/decade/century) k units away from the anchor."""
    unit = unit.lower().rstrip("s") if unit.lower() != "centuries" else "century"
    if unit == "day":
        return _day(anchor + dt.timedelta(days=k))
    if unit in ("week", "weekend"):
        return _week(anchor + dt.timedelta(weeks=k), weekend=unit == "weekend")
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, k))
    return _year(anchor.year + k * DATA["unit_years"].get(unit, 1))


def _same_granularity(ref: dict, years: int) -> dict:
    """The day, month or quarter of a dated mention, some years away."""
    d = ref["start"]
    if ref["granularity"] == "quarter":
        return _quarter(d.year + years, (d.month - 1) // 3 + 1)
    if ref["granularity"] == "month":
        return _month(d.year + years, d.month)
    return _day(d.replace(year=d.year + years, day=min(d.day, 28) if d.month == 2 else d.day))


def _count(text: str) -> Tuple[Optional[int], Optional[int]]:
    """The low and high numbers of "11", "10-15", "a couple of", "two or three"."""
    parts = re.split(r"\s*(?:-|–|\bto\b|\bor\b)\s*", text.lower().strip())
    nums = [int(p) if p.isdigit() else NUMBER_WORDS.get(p) for p in parts if p]
    nums = [n for n in nums if n is not None]
    if not nums:
        return None, None
    return min(nums), max(nums)


# --- context ---------------------------------------------------------------------------------

def _prev(span: Span, k: int = 1) -> Optional[Token]:
    i = span.start - k
    return span.doc[i] if i >= 0 else None


def _next(span: Span) -> Optional[Token]:
    return span.doc[span.end] if span.end < len(span.doc) else None


def _capitalised_word(tok: Optional[Token]) -> bool:
    """True for a capitalised word that does not open its sentence and is no function/calendar word."""
    return bool(tok is not None and tok.is_alpha and tok.text[0].isupper() and not tok.is_sent_start
                and not tok.is_stop and tok.lower_ not in CAL_WORDS and tok.lower_ not in SETS["temporal_before"])


def _is_future(span: Span) -> bool:
    """True when the verb governing the span is future or present tense ("will open", "begins")."""
    return _tense(span) == "future"


def _direction(span: Span, bare_day: bool = False) -> Optional[bool]:
    """True (forward), False (back) or None (the nearest) for a date without a year: a deadline word before it
    ("by", "until", "payable", "effective") leaves the nearest whatever the tense ("asked it to respond by
    Oct. 31"); otherwise the tense decides, and a month with no verb looks back, a day and month to the nearest."""
    prev, nxt = _prev(span), _next(span)
    if (prev is not None and prev.lower_ in SETS["nearest_before"]) or (nxt is not None and nxt.lower_ in SETS["nearest_after"]):
        return None  # "by Oct. 31", "the Jan. 14 deadline"
    tense = _tense(span)
    if tense is None:
        return None if bare_day else False
    return None if tense == "nearest" else tense == "future"


def _forward(span: Span) -> Optional[bool]:
    """True when a weekday points forward: a future or present verb, or a deadline ("has given them until
    Tuesday") that no past verb holds ("until Thursday they had not called", "it was not until Tuesday");
    None (the nearest) for a plan told in the past ("had been scheduled to expire Friday")."""
    prev = _prev(span)
    tense = _tense(span)
    if prev is not None and prev.lower_ in SETS["deadline_before"] and tense != "future":
        return not any(t.tag_ == "VBD" for t in _verb_group(span))
    return None if tense == "nearest" else tense == "future"


def _verb_group(span: Span) -> List[Token]:
    """The verb governing the span with its auxiliaries ("will open", "had been scheduled"), or []."""
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    if tok.pos_ not in ("VERB", "AUX"):
        return []
    verbs = [tok, tok.head] if tok.dep_ == "xcomp" else [tok]  # "is to run", "is going to open"
    return [*verbs, *(c for v in verbs for c in v.children if c.dep_ in ("aux", "auxpass"))]


def _tense(span: Span) -> Optional[str]:
    """ "future" when the governing verb is future or present tense, or a planning verb ("will open", "begins",
    "expected", "extended to"); "past" for a past verb; "nearest" for a plan told in the past perfect ("had been
    scheduled to expire Friday": the planned day may lie on either side of the anchor) or a date set as an
    object ("has set Nov. 10 as the deadline"); None when no verb governs the span ("payable Dec. 1").

    A planning verb points forward only to a date after it ("postponed until Tuesday", not "On Friday, the board
    planned to ..."); "set" and "going" plan only before an infinitive or "for" ("is set to open", "a summit set
    for April", not "a record set on Aug. 6"); a passive with a present auxiliary ("is heard", "to be published")
    is present, with "have" past.
    """
    group = _verb_group(span)
    if not group:
        return None
    plan = None
    for t in group:
        if t.lower_ in SETS["infinitive_future_words"]:
            if any(c.dep_ == "xcomp" or c.tag_ == "TO" or c.lower_ == "for" for c in t.children):
                plan = "future"
            elif span.root.head.i == t.i and span.start == t.i + 1:  # "has set Nov. 10 as the deadline"
                plan = "nearest"
        elif t.lower_ in SETS["future_words"]:
            plan = "future"
        elif t.lemma_ in SETS["future_lemmas"] and t.i < span.start and not (
                t.tag_ == "VBD" and span.root.dep_ == "npadvmod" and span.root.head.i == t.i):
            plan = "future"  # not "Officials predicted Wednesday": a bare day after a past verb dates the act
    perfect_past = any(t.lower_ == "had" and t.dep_ == "aux" for t in group)
    if plan:
        return "nearest" if perfect_past else plan
    if perfect_past:
        return "past"
    tags = {t.tag_ for t in group}
    if "VBD" in tags:
        return "past"
    if "VBN" in tags:
        if any(t.lemma_ == "have" and t.dep_ == "aux" for t in group):
            return "past"
        if not any(t.dep_ in ("aux", "auxpass") and t.tag_ in ("VBZ", "VBP", "VB", "MD") for t in group):
            return "past"  # a bare participle: "the film, released in May"
    return "future" if tags & {"VBZ", "VBP", "VBN"} else None


def _reject(rule: str, m: re.Match, span: Span, text: str) -> bool:
    """True when the candidate's context shows it is not a calendar expression."""
    prev, nxt = _prev(span), _next(span)
    prev_l = prev.lower_ if prev is not None else ""
    if rule in RULES:
        return _reject_timex(rule, m, span, prev, nxt)
    if rule in ("year", "year_range", "year_mod"):
        y = int(m.group("y") if rule != "year_range" else m.group("y1"))
        if prev_l in SETS["year_reject_before"] or (nxt is not None and nxt.text in SETS["year_reject_after"]):
            return True
        if y < 1500 and prev_l not in SETS["year_low_preps"]:
            return True
        # "sold 2000 copies": a plural noun after a number that no determiner or adjective makes a year modifier
        if (nxt is not None and nxt.tag_ == "NNS" and nxt.text.islower() and prev_l not in SETS["count_determiners"]
                and (prev is None or prev.pos_ not in ("DET", "ADJ", "PROPN", "NOUN"))):
            return True
        # "Film 2005" and "Blade Runner 2049" are titles; "V Festival 2005" names an edition
        if rule == "year" and _capitalised_word(prev) and prev.text not in SETS["event_heads"]:
            return True
        # "2001: A Space Odyssey"
        if re.match(r":\s+[A-Z]", text[span.end_char:span.end_char + 3]):
            return True
        # her album '1989', "2046": a year in quotation marks is a title
        # ('"2004's films were dark"' opens a quotation with a possessive year)
        if (rule == "year" and text[span.start_char - 1:span.start_char] in QUOTES and text[span.end_char:span.end_char + 1] in QUOTES
                and not re.match(r"['’]s\b", text[span.end_char:span.end_char + 3])):
            return True
    elif rule == "narrative_offset" and m.group("dir").lower() == "on" and (
            not m.group("unit").lower().startswith(("year", "decade"))
            or (nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "DET", "ADJ", "PRON", "NUM"))):
        return True  # "three years on" counts on from a date; "spend three years on probation" does not
    elif rule == "day_range" and not int(m.group("d1")) < int(m.group("d2")) <= 31:
        return True
    elif rule == "decade" and m.group("y2"):
        before = {t.lower_ for t in (_prev(span, 1), _prev(span, 2)) if t is not None}
        # "in his 60s" is an age, "Band Aid 20's" a name
        if before & SETS["decade_age_context"] or _capitalised_word(prev):
            return True
    elif rule == "relative_unit":
        # "the last week of December" is no speech-time expression
        if prev_l == "the" or (nxt is not None and nxt.lower_ == "of"):
            return True
        # "the current Saturday night series": "current" names a unit of the calendar only ("the current year")
        if m.group("det").lower().endswith("current") and not m.group("unit"):
            return True
        # ABC's "This Week", "Next Year Tonight": a capitalised unit after a quote or possessive, or before a
        # capitalised word, is a title (a title-case headline "Film Opens Next Week" is still a date)
        unit = span[-1]
        if unit.is_title and (prev_l in ('"', "“", "'", "‘", "``", "'s", "’s") or _capitalised_word(nxt)):
            return True
    elif rule == "yesterday":
        # "the stars of tomorrow", "Tomorrow Never Dies": the future at large, or a title
        if prev_l in ("the", "of") or (not span[0].is_sent_start and (span[0].is_title or _capitalised_word(nxt))):
            return True
    elif rule == "narrative_year":
        # "that day", "the same week" point back to an event, not to a dated mention
        if m.group("unit").lower() != "year" and re.search(r"that|same", m.group("det"), re.I):
            return True
    elif rule == "weekday":
        prev2 = _prev(span, 2)
        if prev_l == "on" and prev2 is not None and prev2.text in SETS["weekday_paper_before"]:
            return True  # "the Mail on Sunday"
        if prev_l in SETS["date_prepositions"]:
            return False
        if prev_l in SETS["indefinite_before"]:
            return True
        if _wire_weekday(span, prev, nxt):
            return False
        if _name_modifier(prev, span):  # "Black Friday is based on a novel"
            return True
        # "Saturday Night Live", "the Sunday Times", "Bloody Sunday"
        if (nxt is not None and nxt.is_alpha and nxt.text[0].isupper() and nxt.lower_ not in CAL_WORDS) or _capitalised_word(prev):
            return True
        # "a Friday sequel", "the Sunday paper": a weekday naming a kind of thing
        if nxt is not None and nxt.tag_ in ("NN", "NNS") and nxt.text.islower() and nxt.lower_ not in SETS["day_parts"]:
            return True
        # "Saturday night entertainment", "warmth to Saturday night": a slot in the week, not a date
        if nxt is not None and nxt.lower_ in SETS["day_parts"] and prev_l not in SETS["coordinators"]:
            return True
    elif rule == "month":
        # "the March for Life", "March of the Penguins": a march or a title, not the month
        after = span.doc[nxt.i + 1:nxt.i + 3] if nxt is not None else []
        if nxt is not None and nxt.lower_ in ("of", "for") and any(_capitalised_word(t) for t in after if t.lower_ != "the"):
            return True
        if prev_l in SETS["date_prepositions"]:
            return m.group("mon") == "May" and span.root.tag_ == "MD"
        if prev_l in SETS["indefinite_before"]:
            return True
        # a capitalised neighbour makes it a name ("June Carter Cash", "Brian May")
        if nxt is not None and nxt.is_alpha and nxt.text[0].isupper() and nxt.lower_ not in CAL_WORDS:
            return True
        # the first name of a person of the article, with no word of time before it: "June, 38, sat down",
        # "according to June" beside "his wife, singer June Trammell"
        according = prev_l == "to" and (_prev(span, 2) is not None and _prev(span, 2).lower_ == "according")
        if (prev_l not in SETS["temporal_before"] or according) and _a_persons_first_name(span):
            return True
        # a bare "May" is a name or the modal unless a preposition introduces it
        if _capitalised_word(prev) or m.group("mon") == "May":
            return True
    return False


def _a_persons_first_name(span: Span) -> bool:
    """True when the article names a person whose first name is the span's word ("June Trammell" for "June")."""
    word = span.text
    return any(e.label_ == "PERSON" and len(e) >= 2 and e[0].text == word and e.start != span.start
               for e in span.doc.ents)


def _name_modifier(prev: Optional[Token], span: Span) -> bool:
    """True for a capitalised word opening the sentence that modifies the weekday after it and is no word of time
    or place ("Black Friday", "Bloody Sunday"): a name, as "Super Tuesday" is mid-sentence."""
    return bool(prev is not None and prev.is_sent_start and prev.is_alpha and prev.is_title and not prev.is_stop
                and prev.head.i == span[0].i and prev.dep_ in ("compound", "amod") and prev.tag_ in ("NNP", "JJ")
                and prev.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")  # "Iran Saturday condemned"
                and prev.lower_ not in CAL_WORDS and prev.lower_ not in SETS["temporal_before"])


def _wire_weekday(span: Span, prev: Optional[Token], nxt: Optional[Token]) -> bool:
    """True for a wire-style weekday between a subject and its verb ("The World Court Friday rejected")."""
    verb_next = nxt is not None and (nxt.tag_ in ("VBD", "VBZ", "MD") or (
        nxt.pos_ == "ADV" and nxt.i + 1 < len(nxt.doc) and nxt.nbor().tag_ in ("VBD", "VBZ")))  # "Friday formally joined"
    # "flew to London Tuesday for the premiere": an adverbial day between a place and a preposition
    adverbial = nxt is not None and nxt.pos_ == "ADP" and span.root.dep_ in ("npadvmod", "tmod")
    return ((nxt is None or verb_next or adverbial or nxt.text in (",", ".", ";", "and"))
            and prev is not None and prev.pos_ in ("PROPN", "NOUN")
            and span.root.dep_ in ("npadvmod", "tmod", "compound", "nsubj", "appos", "pobj", "dobj", "ROOT")
            and prev.head.i != span[0].i)  # not "Bloody Sunday", a name


def _reject_timex(rule: str, m: re.Match, span: Span, prev: Optional[Token], nxt: Optional[Token]) -> bool:
    """True when the context shows a resource rule's match is no time expression."""
    family = RULES[rule]["resolve"]
    prev_l = prev.lower_ if prev is not None else ""
    if family in ("constant", "duration", "set", "quarter", "half", "quarter_ref", "day"):
        # a capitalised word inside the match makes it a title ("Two Weeks Notice", "Now Voyager", "USA Today")
        for tok in span:
            opens = tok.i == span.start and (prev is None or not (prev.is_alpha or prev.like_num))  # '"Today, we'
            if (tok.is_alpha and tok.text[0].isupper() and not tok.is_sent_start and not opens
                    and tok.lower_ not in CAL_WORDS and tok.lower_[:-1] not in CAL_WORDS):
                return True
        # "Now That's What I Call Music"
        if (family == "constant" and nxt is not None and nxt.is_alpha and nxt.text[0].isupper()
                and nxt.pos_ != "PROPN" and nxt.lower_ not in CAL_WORDS):
            return True
        # "the 1988 quarter": a year, not a count
        if family == "duration" and re.fullmatch(r"1\d{3}|20\d\d", m.groupdict().get("n") or ""):
            return True
        # "a quarter of the audience" is a fraction
        if family == "duration" and (m.groupdict().get("unit") or "").lower().startswith("quarter") and nxt is not None and nxt.lower_ == "of":
            return True
        # "the Today programme"; "the children of today" is the present age, not the day
        if family == "day" and prev_l in ("the", "of"):
            return True
    # "album of the year", "the week of March 6": a unit that is no reference to the anchor's own
    if rule == "the_unit" and (prev_l in ("per", "a", "each", "every") or (
            prev_l == "of" and (_prev(span, 2) is None or _prev(span, 2).lower_ not in SETS["of_the_year_heads"]))):
        return True
    # "the year" names the anchor's year only after a preposition of time ("in the year", "for the year");
    # "the year he toured", "end the year" are other years or no date
    if rule == "the_unit" and m.group("unit").lower() == "year" and prev_l not in SETS["the_year_before"] | {"of"}:
        return True
    if family == "day_part" and m.group("wd"):
        if prev_l in SETS["indefinite_before"] or (_capitalised_word(prev) and not _wire_weekday(span, prev, nxt)):
            return True
        if prev_l == "to":  # "moved to Saturday night", "warmth to Saturday night": a slot in the week
            return True
        if prev is not None and prev.tag_ == "PRP$":  # "gate-crash their Saturday morning": a slot in their week
            return True
        # "the Saturday night show": a slot in the week modifying a noun
        if nxt is not None and nxt.tag_ in ("NN", "NNS") and nxt.text.islower():
            return True
    # "the film's second half", "the second half of the match": a part of a work or an event, not of a year
    if family in ("quarter", "half") and not (m.groupdict().get("y") or m.groupdict().get("y2") or m.groupdict().get("rel2")):
        owner = _prev(span, 2) if prev_l in ("'s", "’s") else None
        after = span.doc[span.end:span.end + 3] if nxt is not None and nxt.lower_ == "of" else []
        nouns = [t for t in after if t.pos_ in ("NOUN", "PROPN")][:1] + ([owner] if owner is not None else [])
        if any(t.lemma_.lower() in QUARTERS["work_owners"] for t in nouns):
            return True
    if family == "clock" and m.groupdict().get("noon") and prev_l == "high":
        return True  # "high noon", the moment of a showdown (and a film)
    if family == "holiday":
        bare = " " not in m.group("name") and not m.group("y") and not m.group("per")  # "the Easter break" is a date
        if ((nxt is not None and nxt.is_alpha and nxt.text[0].isupper() and nxt.lower_ not in CAL_WORDS)
                or (prev is not None and prev.is_alpha and prev.text[0].isupper() and not prev.is_sent_start)):
            return True  # "Christmas Carol", "Easter Parade", "Holocaust Memorial Day", "Last Christmas"
        # a bare "Christmas" is a date after a preposition and not before a noun ("a Christmas single")
        if bare and (prev_l not in SETS["date_prepositions"] | SETS["holiday_before"]
                     or (nxt is not None and nxt.tag_ in ("NN", "NNS", "JJ"))):
            return True
    return False


# --- normalisation ----------------------------------------------------------------------------

class _State:
    """What the resolver knows while walking an article's mentions in order."""

    def __init__(self, published: Optional[dt.date]):
        self.published = published
        self.ref: Optional[dict] = None  # the latest explicitly dated mention, for narrative expressions
        self.quarter: Optional[Tuple[int, int]] = None  # (year, quarter) of the latest quarter named
        self.has_quarters = False  # the text names a quarter or half: "the period" may refer to one


def _resolve(rule: str, m: re.Match, span: Span, st: _State) -> Optional[dict]:
    """The normalised fields for one match, or None when it is not a valid calendar expression."""
    if rule in RULES:
        return _resolve_timex(RULES[rule], m, span, st)
    if rule == "range_year":  # one end of a span of years (see `_split_ranges`)
        return _year(m["y"])
    g = m.groupdict()
    mod = MODS.get((g.get("mod") or "").lower())
    anchor = st.published
    wd = WEEKDAYS.index(g["wd"]) if g.get("wd") else None
    if rule == "iso_date":
        d = _explicit_day(int(g["d"]), int(g["m"]), int(g["y"]))
        return _day(d) if d else None
    if rule in ("day_month", "month_day", "day_range"):
        mon = MONTH_ANY[g["mon"].rstrip(".")]
        d1 = int(g.get("d1") or g["d"])
        d2 = int(g["d2"]) if g.get("d2") else None
        if not 1 <= d1 <= 31 or (d2 is not None and not d1 < d2 <= 31):
            return None
        if g.get("y"):
            first, last = _explicit_day(d1, mon, int(g["y"])), d2 and _explicit_day(d2, mon, int(g["y"]))
            relative = False
        elif anchor:
            first = _yearless_day(d1, mon, anchor, _direction(span, bare_day=True), wd)
            last = d2 and first and _explicit_day(d2, mon, first.year)
            relative = True
        else:
            if d1 > _month_end(2000, mon).day:
                return None
            return dict(value=None, start=None, end=None, granularity="day", mod=None, relative=True)
        if not first or (d2 and not last):
            return None
        out = _span_of(_day(first), _day(last)) if d2 else _day(first)
        return {**out, "relative": relative, "anchor_used": anchor if relative else None}
    if rule == "month_year":
        # (dateparser reads "<Month> <year>" as that month of that year for every year the rules match, 1000-2099)
        return _month(int(g["y"]), MONTH_ANY[g["mon"].rstrip(".")], mod)
    if rule == "season_year":
        return _season(int(g["y"]), SEASONS[g["season"].lower()], mod)
    if rule == "year" or rule == "year_mod":
        return _year(int(g["y"]), mod)
    if rule == "year_range":
        y1, y2s = int(g["y1"]), g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s) + (100 if int(y2s) <= y1 % 100 else 0)
        if not y1 < y2 <= y1 + 100:
            return None
        return _span_of(_year(y1), _year(y2))
    if rule in ("decade", "decade_word"):
        if g.get("dw"):
            y = 1900 + 10 * DATA["decade_words"][g["dw"].lower()]
        elif g.get("y4"):
            y = int(g["y4"])
            if y % 100 == 0 and y < 2000:  # "the 1800s" is a century
                lo, hi = _thirds(y, 100, mod)
                return dict(value=f"{y // 100:02d}XX", start=dt.date(lo, 1, 1), end=dt.date(hi, 12, 31),
                            granularity="century", mod=mod)
        else:
            y = (2000 if int(g["y2"]) <= 10 else 1900) + int(g["y2"])
        lo, hi = _thirds(y, 10, mod)
        return dict(value=f"{y // 10:03d}X", start=dt.date(lo, 1, 1), end=dt.date(hi, 12, 31),
                    granularity="decade", mod=mod)
    if rule == "century":
        n = int(g["n"]) if g.get("n") else DATA["century_words"][g["nw"].lower()]
        if not 1 <= n <= 21:
            return None
        base = (n - 1) * 100
        lo, hi = _thirds(base, 100, mod)
        return dict(value=f"{n - 1:02d}XX", start=dt.date(max(lo, 1), 1, 1), end=dt.date(hi, 12, 31),
                    granularity="century", mod=mod)
    return _resolve_relative(rule, g, span, st, mod, wd)


def _resolve_relative(rule: str, g: dict, span: Span, st: _State, mod: Optional[str], wd: Optional[int]) -> Optional[dict]:
    """Fields of an anchor-dependent expression; value None when no anchor applies."""
    unresolved_gran = "day"
    narrative = rule in ("narrative_offset", "narrative_year")
    anchor = st.published
    anchor_date = anchor
    if narrative and st.ref is not None:
        anchor_date = st.ref["start"]
    out: Optional[dict] = None
    if rule in ("ago", "narrative_offset"):
        lo, hi = _count(g["n"])
        if lo is None:
            return None
        unit = g["unit"].lower()
        unresolved_gran = DATA["unit_days"].get(unit.rstrip("s"), "year") if unit != "centuries" else "year"
        sign = 1 if g["dir"].lower() in ("later", "on") else -1
        if anchor_date:
            a, b = _shift(anchor_date, unit, sign * lo), _shift(anchor_date, unit, sign * hi)
            out = _span_of(*sorted((a, b), key=lambda x: x["start"])) if lo != hi else a
        # "a year earlier" keeps the granularity of the date it counts from (a day, a month, a quarter); "a year
        # ago" too when that date is a quarter, as results compare a quarter with the one a year before
        ref = st.ref
        keep = ("day", "month", "quarter") if narrative else ("quarter",)
        if ref is not None and lo == hi and unit.rstrip("s") == "year" and ref["granularity"] in keep:
            out = _same_granularity(ref, sign * lo)
            anchor_date = ref["start"]
        finer = ["day", "week", "month"]
        if narrative and unit.rstrip("s") in finer and st.ref is not None \
                and st.ref["granularity"] not in finer[:finer.index(unit.rstrip("s")) + 1]:
            out = None  # "two days later" after a year names no day to count from
        mod = DURATIONS["mods"].get(re.sub(r"\s+", " ", (g.get("amod") or "").lower()))
        if out is not None and mod:
            out = {**out, "mod": mod}
    elif rule == "narrative_year":
        unit = g["unit"].lower()
        unresolved_gran = unit
        k = STEPS[re.sub(r"\s+", " ", re.sub(r"^the\s+", "", g["det"].lower()))]
        if anchor_date:
            out = _shift(anchor_date, unit, k)
    elif rule == "yesterday":
        if anchor:
            out = _day(anchor + dt.timedelta(days=-1 if g["w"].lower() == "yesterday" else 1))
    elif rule == "relative_unit":
        det = re.sub(r"\s+", " ", re.sub(r"^the\s+", "", g["det"].lower()))
        if det == "last" and g["det"].lower().startswith("the"):
            det = "past"  # "the last year" is the window up to the anchor, like "the past year"
        k = STEPS[det]
        pre_mod = MODS.get((g.get("pre") or "").lower())
        if g.get("unit"):
            unit = g["unit"].lower()
            unresolved_gran = DATA["unit_days"][unit]
            if anchor and det == "past":  # the sliding window that ends on the anchor
                start = {"week": anchor - dt.timedelta(days=6), "weekend": anchor - dt.timedelta(days=6),
                         "month": anchor - dt.timedelta(days=30)}.get(unit)
                start = start or dt.date(anchor.year - 1, anchor.month, min(anchor.day, 28)) + dt.timedelta(days=1)
                out = dict(value=None, start=start, end=anchor, granularity=unresolved_gran, mod=None)
            elif anchor:
                out = _shift(anchor, unit, k)
                if unit == "year" and pre_mod:
                    out = _year(int(out["value"]), pre_mod)
        elif g.get("season"):
            code = SEASONS[g["season"].lower()]
            unresolved_gran = "season"
            if anchor:
                out = _season(_named_season(anchor, code, k), code, pre_mod)
        elif g.get("wd"):
            if anchor:
                out = _day(_nearest_weekday(anchor, wd, k, _is_future(span)))
        else:
            unresolved_gran = "month"
            if anchor:
                out = _month(*_named_month(anchor, MONTHS[g["mon"]], k, _is_future(span)), pre_mod)
    elif rule == "weekday":
        if anchor:
            nxt = _next(span)
            # "Tuesday's declaration", "Wednesday's ruling": a reported event, past whatever the verb
            possessive = nxt is not None and nxt.lower_ in ("'s", "’s")
            out = _day(_nearest_weekday(anchor, wd, 0, False if possessive else _forward(span)))
    elif rule == "month":
        unresolved_gran = "month"
        if anchor:
            out = _month(*_named_month(anchor, MONTHS[g["mon"]], 0, _direction(span)), mod)
    if out is None:
        return dict(value=None, start=None, end=None, granularity=unresolved_gran, mod=mod, relative=True)
    used = anchor_date if narrative else anchor
    return {**out, "relative": True, "anchor_used": used}

# --- TIMEX3 families from pipeline/data/timex/ -----------------------------------------------------------

def _quarter(y: int, q: int) -> dict:
    return dict(value=f"{y:04d}-Q{q}", start=dt.date(y, 3 * q - 2, 1), end=_month_end(y, 3 * q),
                granularity="quarter", mod=None)


def _half(y: int, h: int) -> dict:
    return dict(value=f"{y:04d}-H{h}", start=dt.date(y, 6 * h - 5, 1), end=_month_end(y, 6 * h),
                granularity="half", mod=None)


def _unanchored(granularity: Optional[str], typ: str = "DATE") -> dict:
    return dict(value=None, start=None, end=None, granularity=granularity, mod=None, relative=True, type=typ)


def _anchored(out: dict, anchor: Optional[dt.date], typ: str = "DATE") -> dict:
    return {**out, "relative": True, "anchor_used": anchor, "type": typ}


def _part_of_year(g: dict, st: _State, span: Span, n: int, parts: int) -> Optional[int]:
    """The year of a quarter/half: written ("1989", "this year's", "of last year") or, without one, the anchor's;
    a part still ahead of the anchor is last year's when the verb is past, a part already gone next year's when
    it is future."""
    year_word = (g.get("rel") or g.get("rel2") or "").lower()
    if g.get("y") or g.get("y2"):
        return int(g.get("y") or g["y2"])
    anchor = st.published
    if anchor is None:
        return None
    if year_word:
        return anchor.year + QUARTERS["year_words"][year_word]
    current = (anchor.month - 1) * parts // 12 + 1
    future = _is_future(span)
    if n > current and not future:
        return anchor.year - 1
    if n < current - 1 and future and _tense_cue(span):  # the last quarter completed is still being reported
        return anchor.year + 1
    return anchor.year


def _tense_cue(span: Span) -> bool:
    """True when a future auxiliary or a planning verb governs the span (not a bare present tense)."""
    tok = span.root
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    group = [tok, tok.head, *tok.children]
    return any(t.lower_ in SETS["future_words"] or t.lemma_ in SETS["future_lemmas"] for t in group)


def _clock_day(g: dict, span: Span, anchor: dt.date) -> Optional[dt.date]:
    """The day a clock time or part of the day names: a weekday, a day and month, today, yesterday ...; else None."""
    rel = (g.get("rel") or "").lower()
    if rel in ("today", "tonight", "this"):
        return anchor
    if rel in ("yesterday", "last"):
        return anchor - dt.timedelta(days=1)
    if rel == "tomorrow":
        return anchor + dt.timedelta(days=1)
    if g.get("onday"):  # "at 8pm on Saturday", "at noon on 12 March": the day is a mention of its own
        words = g["onday"].split()
        if words[0] in WEEKDAYS:
            g = {**g, "wd": words[0]}
        else:
            day, mon = (words[1], words[0]) if words[0] in MONTHS else (words[0], words[1])
            g = {**g, "mon": mon, "d": re.sub(r"\D", "", day)}
    if g.get("wd"):
        return _nearest_weekday(anchor, WEEKDAYS.index(g["wd"]), 0, _forward(span))
    if g.get("mon") and g.get("d"):
        return _yearless_day(int(g["d"]), MONTH_ANY[g["mon"].rstrip(".")], anchor, _is_future(span), None)
    return None


def _holiday_day(spec: dict, year: int) -> Optional[dt.date]:
    """The day a holiday falls on in a year."""
    if "easter" in spec:
        a, b, c = year % 19, year // 100, year % 100
        d, e = b // 4, b % 4
        f = (b + 8) // 25
        g = (b - f + 1) // 3
        h = (19 * a + b - d - g + 15) % 30
        i, k = c // 4, c % 4
        l = (32 + 2 * e + 2 * i - h - k) % 7
        m = (a + 11 * h + 22 * l) // 451
        month, day = divmod(h + l - 7 * m + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=spec["easter"])
    if "nth" in spec:
        days = [dt.date(year, spec["month"], 1) + dt.timedelta(days=i) for i in range(31)]
        days = [d for d in days if d.month == spec["month"] and d.weekday() == spec["weekday"]]
        return days[spec["nth"] - 1] if spec["nth"] > 0 else days[spec["nth"]]
    return dt.date(year, spec["month"], spec["day"])


def _holiday_period(day: dt.date, weekend: bool) -> dict:
    """A holiday's day, or with "weekend" the weekend nearest it (a Monday holiday's is the one before)."""
    if not weekend:
        return _day(day)
    saturday = day + dt.timedelta(days=(5 - day.weekday()) % 7)
    sunday = day - dt.timedelta(days=(day.weekday() + 1) % 7)
    return _week(min((saturday, sunday), key=lambda d: abs((d - day).days)), weekend=True)


def _duration_value(n: Optional[int], unit: str) -> Tuple[str, str]:
    """The TIMEX3 duration value of n units (None: an unspecified number, "X") and the unit's granularity."""
    unit = unit.lower()
    unit = unit[:-1] if unit.endswith("s") else unit
    code = DURATIONS["units"][unit]
    granularity = "century" if unit == "centurie" else unit
    if code.startswith("Y") and len(code) > 1:  # decades and centuries are counted in years
        return (f"P{n * int(code[1:])}Y" if n is not None else f"PX{'DE' if unit == 'decade' else 'C'}"), granularity
    if code == "D2":
        return f"P{2 * n if n is not None else 'X'}D", granularity
    count = "X" if n is None else str(n)
    return (f"PT{count}{code[1]}" if code.startswith("T") else f"P{count}{code}"), granularity


def _resolve_timex(spec: dict, m: re.Match, span: Span, st: _State) -> Optional[dict]:
    """The fields of a match of a resource rule (pipeline/data/timex/), by the normaliser the rule names."""
    g = m.groupdict()
    how, typ, anchor = spec["resolve"], spec["type"], st.published
    if how == "constant":
        return dict(value=spec["value"], start=None, end=None, granularity=None, mod=None, relative=False, type=typ)
    if how == "day":
        if anchor is None:
            return _unanchored("day", typ)
        day = anchor + dt.timedelta(days=spec["offset"])
        out = _day(day)
        if spec.get("part"):
            out["value"] += "T" + spec["part"]
        return _anchored(out, anchor, typ)
    if how == "day_part":
        if g.get("part2"):  # "afternoon yesterday"
            g = {**g, "part": g["part2"], "rel": g["rel2"]}
        typ = "DATE" if g.get("wd") else typ  # the corpora type a weekday's night or morning as a date
        if anchor is None:
            return _unanchored("day", typ)
        out = _day(_clock_day(g, span, anchor) or anchor)
        if not g.get("wd"):  # "Friday night" is valued as its day, as the corpora annotate it
            out["value"] += "T" + DAY_PARTS[g["part"].lower()]
        return _anchored(out, anchor, typ)
    if how == "clock":
        if g.get("noon"):
            hour, minute = (24, 0) if g["noon"].lower() == "midnight" else (12, 0)
        elif g.get("hp"):  # "4 in the morning"
            hour, minute = int(g["hp"]) % 12 + (0 if g["hpart"].lower() == "morning" else 12), 0
        elif g.get("h24"):
            hour, minute = int(g["h24"]), int(g["mi24"])
        else:
            hour, minute = int(g["h"]), int(g.get("mi") or 0)
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g["ampm"].lower().startswith("p") else 0)
        if hour > 24 or (hour == 24 and minute):
            return None
        mod = "APPROX" if g.get("approx") else None
        if anchor is None:
            return {**_unanchored("time", typ), "mod": mod}
        day = _clock_day(g, span, anchor)
        if day is None:  # a time with no day is on the last day named, else on the anchor
            last = st.ref if st.ref is not None and st.ref["granularity"] == "day" else None
            day = last["start"] if last else anchor
        return _anchored(dict(value=f"{day.isoformat()}T{hour:02d}:{minute:02d}", start=day, end=day,
                              granularity="time", mod=mod), anchor, typ)
    if how == "duration":
        n = None
        if g.get("n"):
            n, _ = _count(g["n"])
            if n is None:
                return None
        value, granularity = _duration_value(n, g["unit"] if g.get("unit") else re.split(r"\s", g["vague"])[0])
        if g.get("half"):  # "2 1/2 years" = P2Y6M, "5 1/2 hours" = PT5H30M
            value += {"Y": "6M", "M": "15D", "D": "T12H", "W": "3D", "H": "30M"}.get(value[-1], "")
        mod = DURATIONS["mods"].get(re.sub(r"\s+", " ", (g.get("dmod") or "").lower()))
        return dict(value=value, start=None, end=None, granularity=granularity, mod=mod, relative=False, type=typ)
    if how == "set":
        return _resolve_set(g, typ)
    if how in ("quarter", "half"):
        parts = 4 if how == "quarter" else 2
        n = QUARTERS["ordinals"][g["q" if how == "quarter" else "h"].lower()] or parts  # "the last half" = H2
        year = _part_of_year(g, st, span, n, parts)
        if year is not None and g.get("ya"):  # "the year-ago third quarter"
            year -= 1
        explicit = bool(g.get("y") or g.get("y2"))
        if year is None:
            return _unanchored(how)
        out = _quarter(year, n) if how == "quarter" else _half(year, n)
        if how == "quarter":
            st.quarter = (year, n)
        return {**out, "relative": not explicit, "anchor_used": None if explicit else anchor, "type": typ}
    if how == "quarter_ref":
        return _resolve_quarter_ref(g, st)
    if how == "fiscal_year":
        if g.get("y") or g.get("y2"):
            y = int(g.get("y") or g["y2"])
            y = y if y > 99 else (2000 + y if y < 50 else 1900 + y)
            return {**_year(y), "relative": False, "type": typ}
        if anchor is None:
            return _unanchored("year")
        k = {"last": -1, "previous": -1, "latest": -1, "next": 1}.get(g["which"].lower(), 0)
        return _anchored(_year(anchor.year + k), anchor, typ)
    if how == "month_of_year":
        if anchor is None:
            return _unanchored("month")
        k = QUARTERS["year_words"][g["rel"].lower()]
        return _anchored(_month(anchor.year + k, MONTHS[g["mon"]]), anchor, typ)
    if how == "week_of":
        mon, day = MONTH_ANY[g["mon"].rstrip(".")], int(g["d"])
        if g.get("y"):
            date = _explicit_day(day, mon, int(g["y"]))
        elif anchor is not None:
            date = _yearless_day(day, mon, anchor, _direction(span, bare_day=True), None)
        else:
            return _unanchored("week")
        if date is None:
            return None
        out = _week(date, weekend=g["unit"].lower() == "weekend")
        return {**out, "relative": not g.get("y"), "anchor_used": None if g.get("y") else anchor, "type": typ}
    if how == "narrative_weekday":
        ref = st.ref["start"] if st.ref is not None and st.ref["granularity"] == "day" else anchor
        if ref is None:
            return _unanchored("day")
        step = -1 if g["which"].lower() == "previous" else 1
        return _anchored(_day(_nearest_weekday(ref, WEEKDAYS.index(g["wd"]), step, step > 0)), ref, typ)
    if how == "the_unit":
        unit = "year" if g.get("end") else g["unit"].lower()
        nxt = _next(span)
        prev = _prev(span)
        # "for the year ended March 31", "sales rose 5% for the year": a span of a year
        if unit == "year" and ((nxt is not None and nxt.lower_ in ("ended", "ending"))
                               or (prev is not None and prev.lower_ in SETS["duration_before"])):
            return dict(value="P1Y", start=None, end=None, granularity="year", mod=None, relative=False, type="DURATION")
        if anchor is None:
            return _unanchored(DATA["unit_days"][unit])
        if unit == "year":  # the year in view: the last one named, else the anchor's
            year = st.ref["start"].year if st.ref is not None and st.ref["granularity"] == "year" else anchor.year
            return _anchored({**_year(year), "mod": "END" if g.get("end") else None}, anchor, typ)
        if unit == "weekend" and not _is_future(span):
            return _anchored(_week(anchor - dt.timedelta(days=(anchor.weekday() + 2) % 7 or 0), weekend=True), anchor, typ)
        return _anchored(_shift(anchor, unit, 0), anchor, typ)
    if how == "offset":  # "in two weeks' time": that many units after the anchor
        n, _ = _count(g["n"])
        if n is None:
            return None
        unit = g["unit"].lower().rstrip("s")
        if anchor is None:
            return _unanchored(DATA["unit_days"][unit], typ)
        return _anchored(_shift(anchor, unit, n), anchor, typ)
    if how == "spelled_year":
        numbers = FAMILIES["spelled_years"]["numbers"]

        def spelled(words: Optional[str]) -> int:
            return sum(numbers.get(w, 0) for w in re.split(r"[\s-]+", (words or "").lower()))
        if g.get("mill"):
            if not (g.get("pre") or g.get("theyear")):
                return None  # "two thousand" alone is a count
            y = 2000 + spelled(g.get("rest2"))
        else:
            y = 100 * numbers[g["cent"].lower()] + spelled(g["rest"])
        if g.get("mon"):
            out = _month(y, MONTH_ANY[g["mon"].rstrip(".")])
        elif g.get("season"):
            out = _season(y, SEASONS[g["season"].lower()])
        else:
            out = _year(y)
        return {**out, "relative": False, "type": typ}
    if how == "holiday":
        name = re.sub(r"\s+", " ", re.sub(r"[.,]", "", g["name"].lower().replace("’", "'")))
        spec_day = HOLIDAYS[name]
        weekend = (g.get("per") or "").lower() == "weekend"
        if g.get("y"):
            return {**_holiday_period(_holiday_day(spec_day, int(g["y"])), weekend), "relative": False, "type": typ}
        if anchor is None:
            return _unanchored("week" if weekend else "day")
        days = [_holiday_day(spec_day, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
        if _is_future(span):
            day = min(d for d in days if d >= anchor - dt.timedelta(days=14))
        else:
            day = max(d for d in days if d <= anchor)
        return _anchored(_holiday_period(day, weekend), anchor, typ)
    raise ValueError(f"unknown normaliser {how!r}")


def _resolve_set(g: dict, typ: str) -> Optional[dict]:
    """A recurring time: "every week" = P1W, "each Thursday" = XXXX-WXX-4, "daily" = P1D, "twice a week"."""
    quant = (g.get("quant") or "").upper() or None
    freq = None
    if g.get("adv"):
        value, granularity = SET_ADVERBS[g["adv"].lower()], None
    elif g.get("wd") or g.get("wds"):
        name = g.get("wd") or g["wds"][:-1]
        value, granularity = f"XXXX-WXX-{WEEKDAYS.index(name) + 1}", "day"
        if g.get("part"):
            value += "T" + DAY_PARTS[g["part"].lower()]
    elif g.get("mon"):
        value, granularity = f"XXXX-{MONTHS[g['mon']]:02d}", "month"
    elif g.get("season"):
        value, granularity = f"XXXX-{SEASONS[g['season'].lower()]}", "season"
    else:
        unit = g["unit"].lower()
        if unit in DAY_PARTS:
            value, granularity = f"XXXX-XX-XXT{DAY_PARTS[unit]}", "day"
        elif unit == "weekend":
            value, granularity = "XXXX-WXX-WE", "week"
        else:
            n = 2 if g.get("other") else (_count(g["n"])[0] if g.get("n") else 1)
            if n is None:
                return None
            value, granularity = _duration_value(n, "night" if unit == "night" else unit)
        pre = (g.get("pre") or "").lower()
        times = re.match(r"(once|twice|thrice|\w+)\s*(times)?$", pre)
        if times and (times.group(1) in ("once", "twice", "thrice") or times.group(2)):
            freq = {"once": 1, "twice": 2, "thrice": 3}.get(times.group(1)) or NUMBER_WORDS.get(times.group(1))
            freq = f"{freq}X" if freq else None
    return dict(value=value, start=None, end=None, granularity=granularity, mod=None, relative=False, type=typ,
                quant=quant, freq=freq)


def _resolve_quarter_ref(g: dict, st: _State) -> Optional[dict]:
    """ "the quarter", "the latest quarter", "the year-earlier period": the last quarter named (else the last one
    completed before the anchor), a year earlier for year-earlier/year-ago; "the current quarter" is the anchor's."""
    which = re.sub(r"\s+", " ", (g.get("which") or "").lower())
    unit = (g.get("unit") or "quarter").lower()
    year_back = which in ("year-earlier", "year-ago", "year-before") or bool(g.get("ly"))
    if unit == "period" and not (which or g.get("ly") or g.get("y")):
        return None
    if "unit" in g and not (g.get("det") or which):
        return None  # a bare "quarter" is a fraction
    if unit == "period" and not st.has_quarters:
        return None
    anchor = st.published
    if which in ("year-earlier", "year-ago", "year-before") and not g.get("unit"):
        # adjectival "year-earlier results": the year before the last year named, else the anchor's
        if st.ref is not None and st.ref["granularity"] == "year":
            return _anchored(_year(st.ref["start"].year - 1), st.ref["start"])
        return _anchored(_year(anchor.year - 1), anchor) if anchor else _unanchored("year")
    if which == "current":
        if anchor is None:
            return _unanchored("quarter")
        return _anchored(_quarter(anchor.year, (anchor.month - 1) // 3 + 1), anchor)
    if st.quarter is not None and which not in ("latest", "most recent"):  # the latest: the last one completed
        y, q = st.quarter
    elif anchor is not None:
        y, q = _add_months(anchor.year, (anchor.month - 1) // 3 * 3 + 1, -3)
        q = (q - 1) // 3 + 1
    else:
        return _unanchored("quarter")
    if g.get("y"):  # "the 1988 quarter": the quarter in view, in that year
        y = int(g["y"])
    if which in ("previous", "prior"):
        y, q = (y, q - 1) if q > 1 else (y - 1, 4)
    if year_back:
        y -= 1
    return _anchored(_quarter(y, q), anchor)


# --- the component ----------------------------------------------------------------------------

def _candidates(text: str, guard: bool = True) -> List[Tuple[int, int, str, re.Match]]:
    """All regex matches as (start, end, rule, match); `guard=False` runs every regex (see `NEEDS`).

    The resource rules (`RULES`) match within a line (a paragraph of the cleaned text) and, guarded, run only
    over the lines that hold their words: most of an article's paragraphs name no quarter, clock time or
    duration, so this costs a set lookup per paragraph instead of a pass of each regex over the article.
    """
    cased = set(_LETTER_RUN.findall(text)) if guard else set()
    lower = {w.lower() for w in cased} | ({"#digit"} if guard and _DIGIT.search(text) else set())
    lines = _lines(text)
    line_words: Optional[List[set]] = None
    found = []
    for name, rx in COMPILED:
        if guard and name in NEEDS:
            words = cased if name in _CASED_RULES else lower
            if any(words.isdisjoint(needed) for needed in NEEDS[name]):
                continue
        if guard and name in NEEDS_TEXT and not any(part in text for part in NEEDS_TEXT[name]):
            continue
        if guard and name in NEEDS_PATTERN and not NEEDS_PATTERN[name].search(text):
            continue
        if name in RULES:
            if guard and line_words is None:
                line_words = [{w.lower() for w in _LETTER_RUN.findall(text, lo, hi)}
                              | ({"#digit"} if _DIGIT.search(text, lo, hi) else set()) for lo, hi in lines]
            spans = [(lo, hi) for k, (lo, hi) in enumerate(lines)
                     if not guard or not any(line_words[k].isdisjoint(needed) for needed in NEEDS[name])]
        else:
            spans = [(0, len(text))]
        for lo, hi in spans:
            for m in rx.finditer(text, lo, hi):
                start, end = m.span("t") if "t" in rx.groupindex else m.span()
                if end > start:
                    found.append((start, end, name, m))
    return found


def _lines(text: str) -> List[Tuple[int, int]]:
    """The (start, end) offsets of each line of the text."""
    bounds, start = [], 0
    for m in re.finditer("\n", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _sentence_finder(doc: Doc, text: str) -> Callable[[Span], str]:
    """A function giving the text of the sentence that holds a span (its line without sentence bounds)."""
    if doc.has_annotation("SENT_START"):
        # The sentences' character bounds from one array (iterating `doc.sents` builds a Token per token); they
        # are `sent.start_char` and `sent.end_char` of each of `doc.sents`.
        rows = doc.to_array([IDX, LENGTH, SENT_START]).tolist()
        first = [i for i, row in enumerate(rows) if i == 0 or row[2] == 1]
        starts = [rows[i][0] for i in first]
        last = [i - 1 for i in first[1:]] + [len(rows) - 1]
        ends = [rows[i][0] + rows[i][1] for i in last]

        def sentence(span: Span) -> str:
            k = max(bisect.bisect_right(starts, span.start_char) - 1, 0)
            return text[starts[k]:ends[k]]
        return sentence

    def line(span: Span) -> str:
        lo = text.rfind("\n", 0, span.start_char) + 1
        hi = text.find("\n", span.end_char)
        return text[lo:hi if hi >= 0 else len(text)]
    return line


def _parse_anchor(value) -> Optional[dt.date]:
    """The publication date as a date, or None when it is missing or malformed."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def find_dates(doc: Doc) -> List[Tuple[Span, DateMention]]:
    """Every calendar expression in the doc as (span, DateMention), in text order."""
    st = _State(_parse_anchor(doc._.published))
    text = doc_text(doc)
    accepted = []
    for start, end, rule, m in _candidates(text):
        try:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or _reject(rule, m, span, text):
                continue
            accepted.append((start, end, rule, m, span))
        except Exception:  # degrade per mention: a context check that fails drops only this candidate
            continue
    accepted.sort(key=lambda c: (-(c[1] - c[0]), RULE_ORDER[c[2]], c[0]))
    taken: List[Tuple[int, int, str, re.Match, Span]] = []
    for cand in accepted:
        if all(cand[4].end_char <= t[4].start_char or cand[4].start_char >= t[4].end_char for t in taken):
            taken.append(cand)
    taken.sort(key=lambda c: c[4].start_char)
    sentence = _sentence_finder(doc, text)
    st.has_quarters = any(c[2] in ("quarter", "half") for c in taken)
    out = []
    for start, end, rule, m, span in _split_ranges(taken, doc):
        try:
            fields = _resolve(rule, m, span, st)
        except Exception:  # degrade per mention
            continue
        if fields is None:
            continue
        relative = fields.pop("relative", False)
        used = fields.pop("anchor_used", None)
        typ = fields.pop("type", "DATE")
        derived = rule in ("quarter_ref", "year_earlier") or (fields["granularity"] == "quarter" and rule not in RULES)
        if (typ == "DATE" and fields["value"] and not derived  # "a year earlier" counts from a named date only
                and fields["granularity"] in ("day", "month", "quarter", "season", "year")
                and "/" not in fields["value"] and "T" not in fields["value"]):
            st.ref = fields
        # a year of "1998–2004" or the date of a timestamp is part of one token: the mention keeps its own characters
        chars = (start, end) if rule in ("range_year", "iso_date") else (span.start_char, span.end_char)
        out.append((span, DateMention(
            text=text[chars[0]:chars[1]], start_char=chars[0], end_char=chars[1], type=typ, value=fields["value"],
            start=_iso(fields["start"]), end=_iso(fields["end"]), granularity=fields["granularity"],
            mod=fields["mod"], quant=fields.get("quant"), freq=fields.get("freq"), relative=relative,
            anchor=_iso(used), evidence=sentence(span), rule=rule)))
    return out


def _split_ranges(taken: list, doc: Doc) -> list:
    """The accepted candidates with each span of years ("from 1956-87", "2002-2003") as its two years, which
    TIMEX3 marks as two expressions; a span of years that names one season or edition ("2004/05", "the 2004-05
    season") stays one interval."""
    out = []
    for cand in taken:
        start, end, rule, m, span = cand
        nxt = _next(span)
        whole = "/" in m.group(0) or (nxt is not None and nxt.lower_ in SETS["year_range_heads"]) if rule == "year_range" else True
        if whole:
            out.append(cand)
            continue
        y1, y2 = int(m.group("y1")), m.group("y2")
        second = int(y2) if len(y2) == 4 else (y1 // 100) * 100 + int(y2) + (100 if int(y2) <= y1 % 100 else 0)
        if not y1 < second <= y1 + 100:
            continue
        for group, year in (("y1", y1), ("y2", second)):
            # "1998–2004" is one token: the mention keeps the year's own characters, its span the token
            part = doc.char_span(*m.span(group), alignment_mode="expand")
            if part is not None:
                out.append((*m.span(group), "range_year", {"y": year}, part))
    return out


class DatesComponent:
    """Stores `DateMention`s on `doc._.dates` and their spans in `doc.spans["dates"]`."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        try:
            found = find_dates(doc)
        except Exception:  # never break the pipeline over one document
            found = []
        doc._.dates = [mention for _, mention in found]
        doc.spans["dates"] = [span for span, _ in found]
        return doc


@Language.factory("entertainment_dates")
def make_dates(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """The dates component."""
    return DatesComponent(nlp, name)
