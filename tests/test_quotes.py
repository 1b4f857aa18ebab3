"""Tests for the quote → speaker stage (`pipeline/quotes/`)."""
from __future__ import annotations

from collections import Counter
from dataclasses import asdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.clean import clean_plain_text
from pipeline.nlp import build_nlp
from pipeline.quotes import find_quotes
from pipeline.records import Mention

SEED = Path(__file__).resolve().parents[1] / "raw" / "etoile.txt"


@pytest.fixture(scope="module")
def nlp():
    return build_nlp()


def quotes_of(nlp, text: str, article_id: str | None = "t"):
    """Return the quotes the full pipeline finds in `text`."""
    doc = nlp.make_doc(text)
    doc._.article_id = article_id
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.quotes


def found(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


# -- the seed article -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_quotes(nlp):
    return quotes_of(nlp, clean_plain_text(SEED.read_text(encoding="utf-8")).text, "etoile")


def test_seed_quotes_regression(seed_quotes, data_regression):
    keep = ("quote_id", "text", "speaker", "speaker_text", "cue", "outlet", "method", "rule")
    data_regression.check([{k: asdict(q)[k] for k in keep} for q in seed_quotes])


def test_seed_has_nine_quotes_with_their_speakers(seed_quotes):
    # Per the seed's gold facts: five quotes by Amy Sherman-Palladino, one by Daniel Palladino, three by Gainsbourg.
    assert len(seed_quotes) == 9
    assert Counter(q.speaker for q in seed_quotes) == {
        "Amy Sherman-Palladino": 5,
        "Daniel Palladino": 1,
        "Charlotte Gainsbourg": 3,
    }


def test_seed_outlets_and_cues(seed_quotes):
    assert [q.outlet for q in seed_quotes if q.outlet] == ["Vanity Fair", "The Los Angeles Times", "Vogue"]
    assert seed_quotes[2].cue == "according to"
    assert seed_quotes[8].cue == "added" and seed_quotes[8].method == "pronoun"


def test_seed_offsets_give_back_the_text(seed_quotes):
    text = clean_plain_text(SEED.read_text(encoding="utf-8")).text
    for q in seed_quotes:
        assert text[q.start_char : q.end_char] == q.text
        assert q.text in q.evidence


# -- finding quotations ---------------------------------------------------------------------------------


def test_straight_and_curly_double_quotes():
    assert found('He said "we will be back next year" and left.') == ["we will be back next year"]
    assert found("He said “we will be back next year” and left.") == ["we will be back next year"]


@pytest.mark.parametrize("opening, closing", [("«", "»"), ("„", "“"), ("″", "″"), ("＂", "＂"), ("‟", "”"), ("〝", "〞")])
def test_double_quotation_marks_of_other_typefaces_and_scripts(opening, closing):
    text = f"He said {opening}we will be back next year{closing} and left. {opening}It was the best night of our lives,{closing} she added."
    assert found(text) == ["we will be back next year", "It was the best night of our lives"]


@pytest.mark.parametrize("text, words", [
    ('She simply captioned the photo "Happy Anniversary To My Best Friend" with a heart.',
     "Happy Anniversary To My Best Friend"),
    ('"Happy Birthday To The Best Dad," she wrote under the photo.', "Happy Birthday To The Best Dad"),
    ('He tweeted: "Thank You All For The Birthday Love".', "Thank You All For The Birthday Love"),
])
def test_a_caption_in_title_case_is_a_quotation(text, words):
    assert found(text) == [words]


@pytest.mark.parametrize("text", [
    'She starred in "The Long Way Home To Nowhere" in 2019.',
    'She wrote "The Long Way Home To Nowhere" for her third album in 2019.',
])
def test_a_title_of_four_words_after_other_verbs_stays_a_title(text):
    assert found(text) == []


def test_uk_single_quotes_keep_apostrophes_apart():
    text = "'I was sad about Roberts' departure and I don't like rock'n'roll,' she said."
    assert found(text) == ["I was sad about Roberts' departure and I don't like rock'n'roll"]
    assert found("She said: ‘We don’t know what comes next.’") == ["We don’t know what comes next."]


def test_titles_and_scare_quotes_are_not_quotes():
    assert found("She starred in 'Friends' and \"Lost\" for years.") == []
    assert found('The critic called it "idiotic" and a "dispiriting vanity project".') == []
    assert found('The band played "Always Look on the Bright Side of Life" twice.') == []


def test_scare_quoted_phrase_in_single_quotes_is_not_speech():
    assert found("I love that 'done in a shed' clunkiness of the old show.") == []


def test_multi_paragraph_quote_reopens_each_paragraph():
    text = 'He said: "The first paragraph ends here.\n\n"The second paragraph goes on and closes."'
    assert found(text) == ["The first paragraph ends here.", "The second paragraph goes on and closes."]


def test_reopened_quote_without_paragraph_break_is_cut_at_the_sentence_end():
    text = 'She said: "This is the first sentence of it. "This is the second part of it."'
    assert found(text) == ["This is the first sentence of it.", "This is the second part of it."]


def test_unclosed_quote_closes_at_paragraph_end():
    text = 'He said: "We will never give up on this show\n\nThe next paragraph is narrative text.'
    assert found(text) == ["We will never give up on this show"]


def test_split_quote_of_one_sentence_is_one_quote():
    text = '"We never thought," he said, "that it would last this long."'
    assert len(find_quotes(text)) == 1


def test_split_quote_of_two_sentences_is_two_quotes():
    text = '"We never thought it would last." he said. "It has been an amazing ride for all of us."'
    assert len(find_quotes(text)) == 2
    text = '"We never thought it would last this long," he said, "It was amazing for all of us."'
    assert len(find_quotes(text)) == 2


def test_consecutive_sentences_in_one_pair_of_marks_are_one_quote():
    assert len(find_quotes('"It was great. We loved it. We will come back again," she said.')) == 1


# -- attributing quotations -----------------------------------------------------------------------------


def test_quote_then_name_said(nlp):
    (q,) = quotes_of(nlp, '"We are thrilled to be working together again," Emma Thompson said.')
    assert q.speaker == "Emma Thompson"


def test_quote_then_said_name(nlp):
    (q,) = quotes_of(nlp, '"He would have been a very good president," said Bill Clinton.')
    assert q.speaker == "Bill Clinton"
    assert q.cue == "said"
    assert q.method == "explicit"


def test_name_said_colon_quote(nlp):
    (q,) = quotes_of(nlp, 'Director Steven Spielberg said: "This is the film I have always wanted to make."')
    assert q.speaker == "Steven Spielberg"


def test_surname_resolves_to_full_name(nlp):
    text = 'Kate Winslet stars in the film.\n\n"I loved every minute of the shoot," Winslet told Vanity Fair.'
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Kate Winslet"
    assert q.speaker_text == "Winslet"
    assert q.outlet == "Vanity Fair"


def test_told_the_bbc_outlet(nlp):
    (q,) = quotes_of(nlp, '"It is all about empowerment of women," Eve Ensler told the BBC.')
    assert q.outlet == "BBC"


def test_according_to(nlp):
    (q,) = quotes_of(nlp, 'The film is "a story about growing up in the city", according to Spike Lee.')
    assert q.speaker == "Spike Lee"
    assert q.cue == "according to"


def test_name_age_who_clause_said(nlp):
    text = 'Tom Hanks, 48, who starred in Big, said: "I have never been happier in my whole career."'
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Tom Hanks"


def test_partial_quote_inside_reported_speech(nlp):
    text = 'Liam Neeson said the plan was to bring "healthy, wealthy Irish Americans" together.'
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Liam Neeson"


def test_described_as(nlp):
    text = 'Joss Whedon described the character as "the most iconic female heroine of our time".'
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Joss Whedon"
    assert q.cue == "described"


def test_pronoun_picks_the_compatible_person(nlp):
    text = (
        "Mr Tom Jones met Ms Sarah Miles at the festival. Miles was the guest of honour.\n\n"
        '"It was the best night of my life," she said.'
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Sarah Miles"
    assert q.method == "pronoun"
    assert q.speaker_text == "she"


def test_pronoun_after_quote_continues_the_speaker(nlp):
    text = (
        '"We will tour again next year," said Mary Jones. "We have so many new songs to play," she added.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Mary Jones", "Mary Jones"]
    assert quotes[1].cue == "added"


def test_role_noun_resolves_to_the_person_named_with_it(nlp):
    text = (
        "The film was made by director Ridley Scott in Morocco.\n\n"
        '"We shot for six months in the desert heat," the director said.'
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Ridley Scott"
    assert q.method == "role-noun"


def test_organisation_spokesman(nlp):
    (q,) = quotes_of(nlp, '"There are no plans for another series," a BBC spokesman said.')
    assert q.speaker == "BBC"
    assert q.speaker_text == "a BBC spokesman"


def test_unnamed_spokeswoman_without_an_organisation_is_unresolved(nlp):
    (q,) = quotes_of(nlp, '"There are no plans for another series at all," a spokeswoman said.')
    assert q.speaker is None
    assert q.method == "unresolved"


def test_continuation_paragraph_belongs_to_the_last_speaker(nlp):
    text = (
        '"The show was a huge success for us," said Simon Cowell.\n\n'
        '"We will certainly be back next year with a new series."'
    )
    quotes = quotes_of(nlp, text)
    assert quotes[1].speaker == "Simon Cowell"
    assert quotes[1].method == "continuation"
    assert quotes[1].cue is None


def test_cue_in_the_previous_sentence(nlp):
    text = (
        "Dan Jolin, reviews editor of Empire magazine, says old shows have a built-in audience.\n\n"
        '"I can understand why people are remaking these shows for the kids of today."'
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker == "Dan Jolin"


def test_cue_in_the_next_quote(nlp):
    text = (
        'Tim Dams spoke at the festival. "Oscar voters tend to go for very conservative pictures. '
        '"They like films like Titanic and Gladiator," he said.'
    )
    quotes = quotes_of(nlp, text)
    assert [q.speaker for q in quotes] == ["Tim Dams", "Tim Dams"]


def test_quote_with_a_frame_but_no_speaker_is_unresolved(nlp):
    text = (
        '"Please do not do anything at all," came the response from the pit.'
    )
    (q,) = quotes_of(nlp, text)
    assert q.speaker is None


def test_no_continuation_from_far_away(nlp):
    filler = "The weather in the city was mild for the season and the streets were quiet. " * 12
    text = f'"The show was a huge success for us," said Simon Cowell.\n\n{filler}\n\n"Nobody expected this to happen to the band."'
    quotes = quotes_of(nlp, text)
    assert quotes[1].speaker is None


def test_quote_ids_and_spans(nlp):
    text = '"We are thrilled to be working together," said Emma Thompson. "It is a dream come true for me."'
    doc = nlp.make_doc(text)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    assert [q.quote_id for q in doc._.quotes] == ["doc-q1", "doc-q2"]
    assert [s.text for s in doc.spans["quotes"]] == [q.text for q in doc._.quotes]
    assert all(0.0 <= q.confidence <= 1.0 for q in doc._.quotes)


def test_bad_mentions_degrade_per_quote_instead_of_raising(nlp):
    doc = nlp.make_doc('"We are thrilled to be working together," said Emma Thompson.')
    doc._.entities = []
    doc._.mentions = [Mention("x", "nobody", "PERSON", 10_000, 10_010, "", "name")]
    doc = nlp.get_pipe("quote_attribution")(nlp.get_pipe("parser")(nlp.get_pipe("tagger")(nlp.get_pipe("tok2vec")(doc))))
    assert len(doc._.quotes) == 1


# -- robustness -----------------------------------------------------------------------------------------

_PIECES = st.sampled_from(
    ['"', "“", "”", "'", "‘", "’", " ", "\n", "\n\n", "he said", "she added,", "Emma Thompson", ".", ",", ":",
     "we will never stop making music", "don't", "Roberts'", "rock'n'roll", "'90s", "Friends"]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(_PIECES, max_size=40), long_quote=st.booleans())
def test_random_marks_never_crash_and_offsets_hold(nlp, pieces, long_quote):
    text = " ".join(pieces)
    if long_quote:
        text += ' "' + "and the words went on and on " * 400
    doc = nlp(text)
    for q in doc._.quotes:
        assert 0 <= q.start_char < q.end_char <= len(doc.text)
        assert doc.text[q.start_char : q.end_char] == q.text


@pytest.mark.parametrize("text", [
    'The sequel, "Harbor of Glass: Undertow", opens in May.',
    'She starred opposite him in "Two Hearts, One Highway," which was a hit.',
    'Whitcombe also appeared alongside Morrow in "Blue Hour on Lenox."',
    'The first single, "Sweet Thunder, Bitter Rain", is out on Friday.',
])
def test_a_title_in_two_parts_or_with_american_punctuation_is_no_quote(text):
    assert find_quotes(text) == []


@pytest.mark.parametrize("text", [
    'She could not wait for the baby. "Auntie Mindy is READY." she wrote.',
    'He was asked for his favourite song. He replied: "\'Starboy,\' by The Weeknd," and laughed.',
    'She told the crowd: "Thank you all so much for coming, we love you."',
])
def test_speech_with_a_shout_a_quoted_title_or_a_sentence_stays_a_quote(text):
    assert len(find_quotes(text)) == 1


@pytest.mark.parametrize("text, quote", [
    # elisions and dropped letters inside single-quoted speech are no closing marks
    ("‘It’s pure rock ’n’ roll, no synths and no tricks at all,’ she said.",
     "It’s pure rock ’n’ roll, no synths and no tricks at all"),
    ("'It was rock 'n' roll in the truest sense, no money and no sleep,' he said.",
     "It was rock 'n' roll in the truest sense, no money and no sleep"),
    ("‘We were just goin’ with the flow and seein’ what happened,’ he said.",
     "We were just goin’ with the flow and seein’ what happened"),
    # heights and sizes in inches are no quotation marks
    ('"I\'m only 5\'2" so heels are basically mandatory for me," Rhodes told InStyle.',
     "I'm only 5'2\" so heels are basically mandatory for me"),
    ('"We pressed 500 copies on 12" vinyl and they sold out in an hour," he said.',
     'We pressed 500 copies on 12" vinyl and they sold out in an hour'),
])
def test_apostrophes_and_inch_marks_inside_a_quotation(text, quote):
    assert found(text) == [quote]


@pytest.mark.parametrize("text", [
    '"Mamma Mia! Here We Go Again" led the box office with $34 million.',
    'Meanwhile the film "Can You Ever Forgive Me?" expanded to 400 theaters.',
    'Justin Timberlake\'s "Can\'t Stop the Feeling!" returned to the chart.',
])
def test_a_title_with_its_own_exclamation_or_question_mark_is_no_quote(text):
    assert found(text) == []


def test_a_title_case_question_someone_asks_is_a_quote():
    assert found('"Are You Kidding Me Right Now?" she asked the crowd.') == ["Are You Kidding Me Right Now?"]


@pytest.mark.parametrize("text, quote", [
    ('Kenna Marsh Says Divorce Was "The Hardest Thing I\'ve Ever Done"\n\nKenna Marsh is opening up.',
     "The Hardest Thing I've Ever Done"),
    ("Tom Reed Admits Leaving Was 'The Worst Mistake Of My Life'\n\nTom Reed is back.",
     "The Worst Mistake Of My Life"),
])
def test_a_title_case_headline_ending_on_what_someone_says_is_a_quote(text, quote):
    assert found(text) == [quote]


def test_a_title_case_headline_ending_on_a_title_is_no_quote():
    assert found("Jane Doe Says She Loved Making 'The Long Way Home'\n\nJane Doe is back.") == []
