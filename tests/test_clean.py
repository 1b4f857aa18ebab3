from pipeline.clean import clean_plain_text, clean_text, compose, parse_iso_date


def test_mojibake_is_repaired_and_curly_quotes_are_kept():
    assert clean_text("Itâ€™s “great”, she said") == "It’s “great”, she said"


def test_straight_quotes_and_apostrophes_are_kept():
    assert clean_text("'Lost' isn't \"Friends\"") == "'Lost' isn't \"Friends\""


def test_invisible_characters_are_dropped_and_spaces_normalised():
    assert clean_text("Gold\u200bfrapp\u00ad\u00a0  rock\tstar  ") == "Goldfrapp rock star"


def test_paragraphs_are_separated_by_one_blank_line():
    assert clean_text("One.\r\n\r\n\r\n  Two.\n \nThree.") == "One.\n\nTwo.\n\nThree."


def test_date_marker_becomes_publication_date_and_dateline():
    cleaned = clean_plain_text(" date 2025-04-19 Now, Sherman-Palladino is back.\n\nMore.")
    assert cleaned.published == "2025-04-19"
    assert cleaned.text == "2025-04-19\n\nNow, Sherman-Palladino is back.\n\nMore."
    assert cleaned.title is None


def test_short_first_line_before_blank_line_is_the_headline():
    cleaned = clean_plain_text("Buffy creator joins Wonder Woman\n\nThe creator of Buffy is to write it.")
    assert cleaned.title == "Buffy creator joins Wonder Woman"
    assert cleaned.text.startswith("Buffy creator joins Wonder Woman\n\n")


def test_first_paragraph_that_is_a_sentence_is_not_a_headline():
    cleaned = clean_plain_text("The film opened on Friday.\n\nIt did well.")
    assert cleaned.title is None


def test_iso_date_line_under_the_headline_is_the_publication_date():
    cleaned = clean_plain_text("Warhol exhibit opens\n2014-01-28\n\nBody text here.")
    assert cleaned.title == "Warhol exhibit opens"
    assert cleaned.published == "2014-01-28"


def test_compose_puts_the_title_first_once():
    assert compose("Title", "Body.").text == "Title\n\nBody."
    assert compose("Title", "Title\n\nBody.").text == "Title\n\nBody."


def test_parse_iso_date_accepts_timestamps_and_words():
    assert parse_iso_date("2024-03-05T10:00:00Z") == "2024-03-05"
    assert parse_iso_date("5 March 2024") == "2024-03-05"
    assert parse_iso_date("not a date") is None
    assert parse_iso_date("") is None
