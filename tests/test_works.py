"""The work-title recogniser and the rules around it: sentences written for these tests, and the seed."""
from __future__ import annotations

import json
import re
import socket
from pathlib import Path

import pytest
import spacy
from conftest import make_doc
from hypothesis import given
from hypothesis import strategies as st

from pipeline import DEFAULT_MODEL
from pipeline.works import corpus
from pipeline.works.recognizer import MODEL_DIR, add_work_recognizer, model_info

SEED_TITLES = ["Étoile", "Gilmore Girls", "Bunheads", "The Marvelous Mrs. Maisel", "Roseanne", "Melancholia", "Nymphomaniac"]
PERSON_OR_PLACE = {"PERSON", "GPE", "LOC", "FAC", "NORP"}


def _labels(doc) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for mention in doc._.mentions:
        labels.setdefault(mention.text, set()).add(mention.label)
    return labels


def _works(doc) -> set[str]:
    return {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


def test_seed_titles_are_all_works(seed_doc):
    labels = _labels(seed_doc)
    for title in SEED_TITLES:
        assert labels.get(title) == {"WORK_OF_ART"}, (title, labels.get(title))


# (sentence, the titles in it): quoted and bare titles, titles that look like names or places, titles after a
# cue noun, lists of titles, a headline. The recogniser is a model: it is held to a recall, not to every case.
PROBES = [
    ("The film Notting Hill made Hugh Grant a star in America.", ["Notting Hill"]),
    ("Her new album, Blue Lines, went straight to number one.", ["Blue Lines"]),
    ("Viewers loved the series Grey's Anatomy, which returns in March.", ["Grey's Anatomy"]),
    ("She appeared in 'Friends' and 'The West Wing' before moving to film.", ["Friends", "The West Wing"]),
    ("Daniel Craig starred in Casino Royale, Skyfall and Spectre.", ["Casino Royale", "Skyfall", "Spectre"]),
    ("Sofia Coppola, who directed Lost in Translation, said the script took years.", ["Lost in Translation"]),
    ("The novel Brighton Rock has been adapted for the stage.", ["Brighton Rock"]),
    ("Frasier star Kelsey Grammer is to return to the role.", ["Frasier"]),
    ("Tom Hanks plays Woody in Toy Story 4.", ["Toy Story 4"]),
    ("Peter Jackson's King Kong took $50m in its first week.", ["King Kong"]),
    ("Ratings for EastEnders fell after the Christmas episode.", ["EastEnders"]),
    ("The play Jerusalem transfers to Broadway next year.", ["Jerusalem"]),
]


def test_titles_are_recognised_in_varied_sentences(nlp):
    found = missing = 0
    wrong = []
    for sentence, titles in PROBES:
        doc = make_doc(nlp, sentence)
        labels = _labels(doc)
        for title in titles:
            if "WORK_OF_ART" in labels.get(title, set()):
                found += 1
            else:
                missing += 1
            if labels.get(title, set()) & PERSON_OR_PLACE:
                wrong.append((title, labels[title]))
    # The base model's NER finds none of these; the recogniser is held to two in three on sentences it never saw.
    assert found / (found + missing) >= 0.65, (found, missing)
    assert len(wrong) <= 2, wrong


def test_a_title_in_a_headline_is_a_work(nlp):
    doc = make_doc(nlp, "Gilmore Girls revival confirmed\n\nThe show returns to screens next year, its creator said.")
    assert "Gilmore Girls" in _works(doc)


def _corrected(nlp, text: str, spans: list[tuple[str, str]]) -> dict[str, str]:
    """Parse `text`, set `spans` (substring, label) as its entities, run `ner_corrections`; return text → label."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_corrections":
            break
        doc = proc(doc)
    ents = []
    for substring, label in spans:  # the first occurrence that no earlier span overlaps ("Reeve" after "Tom Reeve")
        start = text.index(substring)
        while any(e.start_char < start + len(substring) and start < e.end_char for e in ents):
            start = text.index(substring, start + 1)
        ents.append(doc.char_span(start, start + len(substring), label=label))
    doc.ents = ents
    doc = nlp.get_pipe("ner_corrections")(doc)
    return {e.text: e.label_ for e in doc.ents}


def test_character_in_work_after_a_role_verb_is_split(nlp):
    for sentence, span, character, work in [
        ("Tom Hanks plays Woody in Toy Story 4.", "Woody in Toy Story 4", "Woody", "Toy Story 4"),
        ("Alan Cumming played Hector in The History Boys.", "Hector in The History Boys", "Hector", "The History Boys"),
        ("She voices Elsa in Frozen II this winter.", "Elsa in Frozen II", "Elsa", "Frozen II"),
        ("He was cast as Bond in Casino Royale.", "Bond in Casino Royale", "Bond", "Casino Royale"),
        ("Emilia Clarke, who plays Daenerys Targaryen on Game of Thrones, arrived.",
         "Daenerys Targaryen on Game of Thrones", "Daenerys Targaryen", "Game of Thrones"),
        ("She played Rachel Green on Friends for ten years.", "Rachel Green on Friends", "Rachel Green", "Friends"),
    ]:
        assert _corrected(nlp, sentence, [(span, "WORK_OF_ART")]) == {character: "PERSON", work: "WORK_OF_ART"}, sentence


@pytest.mark.parametrize("text, character, work", [
    ('Since leaving, Dev Rallings voiced the gruff villain Captain Grizzle in the animated film "Tugboat Tails."',
     "Captain Grizzle", "Tugboat Tails"),
    ("Rosa Quint, who plays tough-talking Detective Wren Calloway on the crime drama Low Tide, met him in 2021.",
     "Detective Wren Calloway", "Low Tide"),
    ("Her breakout role as Mama Lucille in the Broadway musical Sugar Street came in 2004.", "Mama Lucille", "Sugar Street"),
    ("The show follows a widowed innkeeper, Rosalind Fenn, played by Celia Hart, in the musical Saint Agnes Road.",
     "Rosalind Fenn", None),
])
def test_a_name_a_role_cue_introduces_is_no_work(nlp, text, character, work):
    doc = make_doc(nlp, text)
    works = {e.text for e in doc.ents if e.label_ == "WORK_OF_ART"}
    assert character not in works
    assert work is None or work in works


@pytest.mark.parametrize("text, work", [
    ("He starred in Hamlet at the Old Vic last year.", "Hamlet"),
    ("Featuring the voices of Ewan McGregor, the film Robots follows a robot inventor.", "Robots"),
    ("She sang hits such as Come Tomorrow and Sha La La on the tour.", "Come Tomorrow"),
])
def test_a_title_after_a_weaker_role_word_stays_a_work(nlp, text, work):
    assert work in {e.text for e in make_doc(nlp, text).ents if e.label_ == "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, number, title, whole", [
    ("She starred in 13 Reasons Why last year.", "13", "Reasons Why", "13 Reasons Why"),
    ("He starred in 12 Years a Slave in 2013.", "12", "Years a Slave", "12 Years a Slave"),
])
def test_a_number_cut_off_a_titles_front_is_the_titles(nlp, sentence, number, title, whole):
    assert _corrected(nlp, sentence, [(number, "CARDINAL"), (title, "WORK_OF_ART")]) == {whole: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, span, whole", [
    ("Who's Your Daddy promises a cash prize.", "'s Your Daddy", "Who's Your Daddy"),
    ("The poor-rating What's Cooking was axed.", "'s Cooking", "What's Cooking"),
    ("His signature song What'd I Say was a hit.", "What", "What'd I Say"),
    ("They sang Don't Stop Me Now at the end.", "Do", "Don't Stop Me Now"),
    ("Fans loved You'll Never Walk Alone that night.", "You", "You'll Never Walk Alone"),
])
def test_a_clitic_never_cuts_a_title(nlp, sentence, span, whole):
    assert _corrected(nlp, sentence, [(span, "WORK_OF_ART")]) == {whole: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, span, whole", [
    ("Ocean's Twelve raids the box office.", "Twelve", "Ocean's Twelve"),
    ("He starred in The Devil's Advocate and Speed.", "Advocate", "The Devil's Advocate"),
    ("Schindler's List won seven awards.", "List", "Schindler's List"),
    ("She was cast in a remake of Hobson's Choice last year.", "Choice", "Hobson's Choice"),
])
def test_an_owner_no_one_is_called_opens_a_possessive_title(nlp, sentence, span, whole):
    labels = _corrected(nlp, sentence, [(span, "WORK_OF_ART")])
    assert labels[whole] == "WORK_OF_ART" and span not in labels


@pytest.mark.parametrize("sentence, spans, whole", [
    # the model cut a possessive title at its "'s": a title and a title, or a word it took for a person and a title
    ("She starred in The Fisherman's Wife in 2004.", [("The Fisherman's", "WORK_OF_ART"), ("Wife", "WORK_OF_ART")],
     "The Fisherman's Wife"),
    ("The Orchard Keeper's Daughter opens on Friday.", [("The Orchard Keeper", "WORK_OF_ART"), ("Daughter", "WORK_OF_ART")],
     "The Orchard Keeper's Daughter"),
    ("The Warden's Daughter opens on Friday.", [("Warden", "PERSON"), ("Daughter", "WORK_OF_ART")],
     "The Warden's Daughter"),
    ("Fans of The Ropemaker's Almanac were pleased.", [("Ropemaker", "PERSON"), ("Almanac", "WORK_OF_ART")],
     "The Ropemaker's Almanac"),
])
def test_a_possessive_title_cut_at_its_possessive_is_one_title(nlp, sentence, spans, whole):
    labels = _corrected(nlp, sentence, spans)
    assert labels.get(whole) == "WORK_OF_ART" and not any(s in labels for s, _ in spans if s != whole)


@pytest.mark.parametrize("sentence, span, label", [
    # English gives these only a person: "who" after the name, "starring", "opposite" or "alongside" before it
    ("She took lessons from trumpeter Wendell Ames, who played in the band.", "Wendell Ames", "PERSON"),
    ("The prize went to Orla Penhallow who wrote the novel.", "Orla Penhallow", "PERSON"),
    ("Flat Four, the sitcom created by and starring Dimity Ashgrove, won.", "Dimity Ashgrove", "PERSON"),
    ("He will appear opposite Saoirse Kilbride in the remake.", "Saoirse Kilbride", "PERSON"),
    ("She co-stars alongside Tamsin Reyes-Hart in the drama.", "Tamsin Reyes-Hart", "PERSON"),
    # a title takes "which", and a title named "… Who" or after a cue stays a title
    ("She starred in Harbour Lights, which returns in May.", "Harbour Lights", "WORK_OF_ART"),
    ("He starred in Doctor Who, who else?", "Doctor Who", "WORK_OF_ART"),
    ("Critics loved the film Wendell Ames, who nobody expected to like.", "Wendell Ames", "WORK_OF_ART"),
])
def test_a_name_english_gives_only_a_person_is_no_title(nlp, sentence, span, label):
    assert _corrected(nlp, sentence, [(span, "WORK_OF_ART")]).get(span) == label


@pytest.mark.parametrize("sentence, span, expected", [
    ("Fairbanks and Pruitt, who played lovers, married in 2011.", "Fairbanks and Pruitt",
     {"Fairbanks": "PERSON", "Pruitt": "PERSON"}),
    ("Osei & Lund who wrote it were there.", "Osei & Lund", {"Osei": "PERSON", "Lund": "PERSON"}),
    ("She starred in Pride and Prejudice, which was a hit.", "Pride and Prejudice", {"Pride and Prejudice": "WORK_OF_ART"}),
])
def test_two_names_joined_before_who_are_two_people(nlp, sentence, span, expected):
    assert _corrected(nlp, sentence, [(span, "WORK_OF_ART")]) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("She scored her first No. 1 with the single.", {}),
    ("The song went to No. 3 in March.", {}),
    ("The Chilean film No won praise.", {"No": "WORK_OF_ART"}),
])
def test_the_abbreviation_of_number_is_no_title(nlp, sentence, expected):
    assert _corrected(nlp, sentence, [("No", "WORK_OF_ART")]) == expected


@pytest.mark.parametrize("sentence, spans, expected", [
    # a person's name exclaimed is the person, not a title: a name of the article or a first name and a surname
    ("Kayla Brightwater is engaged. Wedding bells are ringing for Kayla Brightwater!",
     [("Kayla Brightwater", "PERSON"), ("Kayla Brightwater!", "WORK_OF_ART")], {"Kayla Brightwater": "PERSON"}),
    ("Wedding bells are ringing for Tessa Monroe!", [("Tessa Monroe!", "WORK_OF_ART")], {"Tessa Monroe": "PERSON"}),
    ("Congratulations are in order for Jamie Lee Curtis!", [("Jamie Lee Curtis!", "WORK_OF_ART")],
     {"Jamie Lee Curtis": "PERSON"}),
    # a title with its exclamation mark stays a title
    ("She starred in Mamma Mia! in 2008.", [("Mamma Mia!", "WORK_OF_ART")], {"Mamma Mia!": "WORK_OF_ART"}),
    ("He toured in Hello, Dolly! for a year.", [("Dolly!", "WORK_OF_ART")], {"Dolly!": "WORK_OF_ART"}),
])
def test_a_persons_name_exclaimed_is_no_title(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


@pytest.mark.parametrize("sentence, spans", [
    # a person's name before the possessive owns the title: more than one word, a first name, a word of a named person
    ("Mike Leigh's Vera Drake won the prize.", [("Mike Leigh", "PERSON"), ("Vera Drake", "WORK_OF_ART")]),
    ("Critics loved Kate's Closer.", [("Kate", "PERSON"), ("Closer", "WORK_OF_ART")]),
    ("Paul Greengrass made it. Greengrass's Bourne was a hit.",
     [("Paul Greengrass", "PERSON"), ("Greengrass", "PERSON"), ("Bourne", "WORK_OF_ART")]),
])
def test_a_persons_possessive_before_a_title_stays_its_owner(nlp, sentence, spans):
    assert _corrected(nlp, sentence, spans) == dict(spans)


@pytest.mark.parametrize("sentence, spans", [
    # both taken for titles, yet a title of its own follows the possessive (an article opens it), or a place's name
    # runs on after it
    ("Jim Carrey stars in Lemony Snicket's A Series of Unfortunate Events.",
     [("Lemony Snicket's", "WORK_OF_ART"), ("A Series of Unfortunate Events", "WORK_OF_ART")]),
    ("She sang in Fromental Halevy's La Juive.", [("Fromental Halevy's", "WORK_OF_ART"), ("La Juive", "WORK_OF_ART")]),
    ("Queues formed at the office in St Stephen's Green Shopping Centre.",
     [("St Stephen's", "WORK_OF_ART"), ("Green Shopping Centre", "WORK_OF_ART")]),
])
def test_two_titles_around_a_possessive_stay_apart_when_the_second_stands_alone(nlp, sentence, spans):
    assert not any("'s " in text for text in _corrected(nlp, sentence, spans))  # nothing runs across the "'s"


@pytest.mark.parametrize("sentence, spans", [
    ("Steven Spielberg made it. Spielberg's Jaws was a hit.", [("Steven Spielberg", "PERSON"), ("Jaws", "WORK_OF_ART")]),
    ("He starred in Bridget Jones's Diary.", [("Diary", "WORK_OF_ART")]),
    ("Fans of Kate's Closer were pleased.", [("Closer", "WORK_OF_ART")]),
    ("Hip-hop act Akon's Locked Up is at number five.", [("Akon", "PERSON"), ("Locked Up", "WORK_OF_ART")]),
])
def test_a_person_or_a_name_before_a_possessive_owns_the_title(nlp, sentence, spans):
    assert _corrected(nlp, sentence, spans) == dict(spans)


@pytest.mark.parametrize("sentence, span, whole", [
    ("He directed the classic 1982 film An Officer and a Gentleman, which won.", "An Officer", "An Officer and a Gentleman"),
    ("He won in 1981 for the title song from For Your Eyes Only.", "For Your Eyes", "For Your Eyes Only"),
    ("She first won in 1987 with A Little Lower than Angels.", "A Little Lower", "A Little Lower than Angels"),
    ("The band played How Soon is Now at the end.", "How Soon", "How Soon is Now"),
    ("He hosted the children's show Fat Albert and the Cosby Kids, and more.", "Fat Albert", "Fat Albert and the Cosby Kids"),
])
def test_a_title_cut_short_runs_on_into_capitalised_words_no_entity_claims(nlp, sentence, span, whole):
    assert _corrected(nlp, sentence, [(span, "WORK_OF_ART")]) == {whole: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, spans", [
    ("He starred in Fear and Loathing in Las Vegas in 1998.", [("Fear and Loathing", "WORK_OF_ART"), ("Las Vegas", "GPE")]),
    ("Jamie Foxx won for the Ray Charles biopic Ray in 2005.", [("Ray Charles", "PERSON"), ("Ray", "WORK_OF_ART")]),
    ("Antoine Fuqua made Tears of the Sun with Willis, and Bruce Willis said so.",
     [("Antoine Fuqua", "PERSON"), ("Tears of the Sun", "WORK_OF_ART"), ("Bruce Willis", "PERSON")]),
    ("The Harry Potter DVD sold well.", [("Harry Potter", "WORK_OF_ART")]),
    ("It beat Titanic. Then Cameron said so.", [("Titanic", "WORK_OF_ART")]),
    ("It was the hit Ever Fallen in Love... Happy fans sang.", [("Ever Fallen in Love", "WORK_OF_ART")]),
])
def test_a_title_does_not_run_on_into_names_acronyms_or_the_next_sentence(nlp, sentence, spans):
    assert _corrected(nlp, sentence, spans) == dict(spans)


def test_a_title_does_not_run_on_in_the_headline(nlp):
    labels = _corrected(nlp, "Gladiator Tops Chart Again\n\nGladiator topped the chart.", [("Gladiator", "WORK_OF_ART")])
    assert labels == {"Gladiator": "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, maker, title", [
    ("The studio mixed the soundtrack to the Whitney Houston film The Bodyguard.", "Whitney Houston", "The Bodyguard"),
    ("New Bruce Willis movie Hostage opened at number four.", "Bruce Willis", "Hostage"),
    ("It was told in the Michael Winterbottom film 24 Hour Party People.", "Michael Winterbottom", "24 Hour Party People"),
    ("Fans queued for the Stephen King adaptation The Dead Zone last night.", "Stephen King", "The Dead Zone"),
])
def test_a_persons_name_before_a_cue_noun_and_a_title_is_the_maker(nlp, sentence, maker, title):
    labels = _corrected(nlp, sentence, [(maker, "WORK_OF_ART"), (title, "WORK_OF_ART")])
    assert labels == {maker: "PERSON", title: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, spans", [
    ("He saw the Lord of the Rings film The Two Towers.", [("Lord of the Rings", "WORK_OF_ART"), ("The Two Towers", "WORK_OF_ART")]),
    ("She loved the Billy Elliot musical as a child.", [("Billy Elliot", "WORK_OF_ART")]),
])
def test_a_franchise_or_a_name_with_no_title_after_the_cue_noun_stays_a_work(nlp, sentence, spans):
    assert _corrected(nlp, sentence, spans) == dict(spans)


@pytest.mark.parametrize("sentence, spans, expected", [
    ("Jamie Rowe is tipped to win best supporting actor for Harbour Lights.",
     [("Jamie Rowe", "PERSON"), ("Harbour Lights", "PERSON")], {"Jamie Rowe": "PERSON", "Harbour Lights": "WORK_OF_ART"}),
    ("She won best documentary for Salt Roads on Sunday.", [("Salt Roads", "GPE")], {"Salt Roads": "WORK_OF_ART"}),
    ("The jury gave best actor for Paul Giamatti.", [("Paul Giamatti", "PERSON")], {"Paul Giamatti": "PERSON"}),
    ("He thanked the academy for Harbour Lights.", [("Harbour Lights", "PERSON")], {"Harbour Lights": "PERSON"}),
])
def test_a_name_after_an_award_category_and_for_is_a_work(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


@pytest.mark.parametrize("sentence, name", [
    ("The Glastonbury Festival sold out in a day.", "The Glastonbury Festival"),
    ("Yesterday the Royal Television Society said no.", "Royal Television Society"),
    ("Fans of the Halle Orchestra queued.", "Halle Orchestra"),
])
def test_an_untagged_name_ending_with_an_institutions_head_is_an_organisation(nlp, sentence, name):
    assert _corrected(nlp, sentence, []) == {name: "ORG"}


@pytest.mark.parametrize("sentence", ["Festival organisers said no.", "The festival was a success.",
                                      "The Academy said no."])
def test_an_institutions_head_alone_names_no_organisation(nlp, sentence):
    assert _corrected(nlp, sentence, []) == {}


def test_a_count_before_a_title_and_a_plural_noun_stays_a_count(nlp):
    labels = _corrected(nlp, "She has seen 3 Harry Potter films.", [("3", "CARDINAL"), ("Harry Potter", "WORK_OF_ART")])
    assert labels == {"3": "CARDINAL", "Harry Potter": "WORK_OF_ART"}


def test_a_title_in_a_name_after_a_role_word_is_the_name(nlp):
    labels = _corrected(nlp, "Jamie Foxx stars as Ray Charles in the biopic Ray.", [("Ray", "WORK_OF_ART")])
    assert labels["Ray Charles"] == "PERSON"


def test_in_inside_a_title_without_a_role_verb_stays(nlp):
    labels = _corrected(nlp, "Sofia Coppola directed Lost in Translation in Tokyo.", [("Lost in Translation", "WORK_OF_ART")])
    assert labels == {"Lost in Translation": "WORK_OF_ART"}


def test_a_person_span_before_a_screen_role_and_a_person_is_a_work(nlp):
    for sentence, title, person in [
        ("Gilmore Girls creator Amy Sherman-Palladino said the show would return.", "Gilmore Girls", "Amy Sherman-Palladino"),
        ("X Files actress Gillian Anderson is to star in a new drama.", "X Files", "Gillian Anderson"),
        ("Yesterday the Frasier star Kelsey Grammer left.", "Frasier", "Kelsey Grammer"),
    ]:
        labels = _corrected(nlp, sentence, [(title, "PERSON"), (person, "PERSON")])
        assert labels == {title: "WORK_OF_ART", person: "PERSON"}, sentence


@pytest.mark.parametrize("sentence, genre, person", [
    ("Comedy actor Bernard Tolley has died aged 78.", "Comedy", "Bernard Tolley"),
    ("Drama writer Ann Lee won the prize.", "Drama", "Ann Lee"),
    ("Opera singer Mia Lennox will tour in May.", "Opera", "Mia Lennox"),
])
def test_a_kind_of_work_alone_before_a_screen_role_is_a_genre_not_a_work(nlp, sentence, genre, person):
    labels = _corrected(nlp, sentence, [(genre, "PERSON"), (person, "PERSON")])
    assert labels.get(genre) != "WORK_OF_ART"


@pytest.mark.parametrize("sentence, title, label", [
    ("The Vampire Diaries actress told Glamour she was happy.", "The Vampire Diaries", "ORG"),
    ("The Keeping Up With The Kardashians star said she was happy.", "The Keeping Up With The Kardashians", "PERSON"),
    ("In an interview, The Pretty Little Liars star, 29, said she was happy.", "The Pretty Little Liars", "PERSON"),
])
def test_a_name_with_its_own_the_before_a_screen_role_is_a_work(nlp, sentence, title, label):
    assert _corrected(nlp, sentence, [(title, label)]) == {title: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, spans, title", [
    ("In an interview last year, the Gossip Girl alum opened up.", [("Gossip Girl", "PERSON")], "Gossip Girl"),
    ("The Game of Thrones actress said she was devastated.", [("Game", "PERSON"), ("Thrones", "ORG")], "Game of Thrones"),
    ("Meanwhile the Doctor Who star was seen in Cardiff.", [("Cardiff", "GPE")], "Doctor Who"),
    ("Fans cheered as the Mad Max director arrived.", [("Mad Max", "PERSON")], "Mad Max"),
])
def test_a_name_between_the_and_a_screen_role_that_a_person_label_mistook_is_a_work(nlp, sentence, spans, title):
    assert _corrected(nlp, sentence, spans)[title] == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name, label", [
    ("Kim Kardashian arrived. Later the Kardashian star said it was fine.",
     [("Kim Kardashian", "PERSON"), ("Kardashian", "PERSON")], "Kardashian", "PERSON"),
    ("Then the Marvel star said he was happy.", [("Marvel", "ORG")], "Marvel", "ORG"),
    ("Later the Royal Shakespeare Company director spoke.", [("Royal Shakespeare Company", "ORG")],
     "Royal Shakespeare Company", "ORG"),
])
def test_a_named_person_or_one_organisation_before_a_screen_role_stays(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans)[name] == label


@pytest.mark.parametrize("sentence, name", [
    ("He told The Grimsby Telegraph he was happy.", "The Grimsby Telegraph"),
    ("The story ran in the Evening Gazette on Friday.", "Evening Gazette"),
    ("A source told Style Weekly the couple had split.", "Style Weekly"),
    ("She told Fashion Daily she would wear blue.", "Fashion Daily"),
])
def test_a_newspaper_shaped_name_is_an_organisation_not_a_title(nlp, sentence, name):
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: "ORG"}


@pytest.mark.parametrize("sentence, title, label", [
    ("He appeared on Jimmy Kimmel Live! on Tuesday.", "Jimmy Kimmel Live!", "PERSON"),
    ("She was a guest on The Mandy Price Show last week.", "The Mandy Price Show", "PERSON"),
    ("He told the Tom Barker Podcast that he was fine.", "Tom Barker Podcast", "ORG"),
])
def test_a_name_ending_with_a_programmes_head_word_is_a_title(nlp, sentence, title, label):
    assert _corrected(nlp, sentence, [(title, label)]) == {title: "WORK_OF_ART"}


def test_a_person_name_that_is_no_programme_stays_a_person(nlp):
    assert _corrected(nlp, "Mandy Price said she was live on air.", [("Mandy Price", "PERSON")]) == {"Mandy Price": "PERSON"}


@pytest.mark.parametrize("sentence, title, label", [
    ("She previously appeared in The Hunger Games and Winter's Bone.", "The Hunger Games", "WORK_OF_ART"),
    ("He had a small part in The Squid Games last year.", "The Squid Games", "WORK_OF_ART"),
    ("He won gold at the Commonwealth Games in 2002.", "the Commonwealth Games", "EVENT"),
    ("The Olympic Games begin in July.", "The Olympic Games", "EVENT"),
])
def test_an_event_headed_name_is_a_title_only_with_its_own_capital_the(nlp, sentence, title, label):
    assert _corrected(nlp, sentence, [(title, "WORK_OF_ART")])[title] == label


@pytest.mark.parametrize("sentence, name, label", [
    ("The BBC presenter said she was happy.", "BBC", "ORG"),
    ("Then the Chelsea star said he was happy.", "Chelsea", "ORG"),
])
def test_an_organisation_before_a_screen_role_stays_one(nlp, sentence, name, label):
    assert _corrected(nlp, sentence, [(name, label)]) == {name: label}


@pytest.mark.parametrize("sentence, found, person", [
    ("Actress Pauline Hale is to leave the soap after 15 years.", "Actress Pauline Hale", "Pauline Hale"),
    ("Director Sam Mendes returned to the stage.", "Director Sam Mendes", "Sam Mendes"),
    ("Singer Tom Jones was knighted on Friday.", "Singer Tom Jones", "Tom Jones"),
])
def test_an_occupation_capitalised_before_a_first_name_is_no_titles_word(nlp, sentence, found, person):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")]) == {person: "PERSON"}


@pytest.mark.parametrize("sentence, found", [
    ("She starred in Dancer In The Dark in 2000.", "Dancer In The Dark"),
    ("He won Stars In Their Eyes in 1999.", "Stars In Their Eyes"),
])
def test_a_title_opening_with_a_role_word_but_no_first_name_stays(nlp, sentence, found):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")]) == {found: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, name", [
    ("He met single mum Kate Ray in 2010.", "Kate Ray"),
    ("The film's star Tom Reed arrived late.", "Tom Reed"),
    ("The director of the film, Vinod Pande, says the movie is not offensive.", "Vinod Pande"),
])
def test_a_person_after_a_noun_that_is_no_works_stays_a_person(nlp, sentence, name):
    assert _corrected(nlp, sentence, [(name, "PERSON")])[name] == "PERSON"


@pytest.mark.parametrize("sentence, name", [
    ("The drama was made by the production company Tiger Aspect Productions.", "Tiger Aspect Productions"),
    ("The show moved to the network's studio Pinewood Studios.", "Pinewood Studios"),
])
def test_a_company_after_a_works_noun_stays_a_company(nlp, sentence, name):
    assert _corrected(nlp, sentence, [(name, "ORG")])[name] == "ORG"


def test_a_numbered_part_is_no_part_of_the_title(nlp):
    assert _corrected(nlp, "Tom Reed appeared in series 2 of Harbour Nights.",
                      [("Tom Reed", "PERSON"), ("2 of Harbour Nights", "WORK_OF_ART")])["Harbour Nights"] == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, found", [
    ("Bree Santangelo plays Detective Rosa Quintero on the drama.", "Detective Rosa Quintero"),
    ("He played Sheriff Amos Tull in the western Dry Creek.", "Sheriff Amos Tull"),
    ("Captain Thomas Ashcombe returns in the second season.", "Captain Thomas Ashcombe"),
])
def test_a_style_before_a_first_name_and_a_surname_is_a_persons_name(nlp, sentence, found):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")]) == {found: "PERSON"}


@pytest.mark.parametrize("sentence, found", [
    ("She starred in the series Inspector George Gently.", "Inspector George Gently"),
    ('She starred in "Inspector George Gently" last year.', "Inspector George Gently"),
    ("The firm King Arthur International made the game.", "King Arthur International"),
])
def test_a_style_opening_a_quoted_or_cued_title_or_a_company_stays(nlp, sentence, found):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")])[found] != "PERSON"


def test_a_name_right_after_a_person_role_noun_is_a_person(nlp):
    for sentence, name in [
        ("The feminist writer Germaine Greer walked out.", "Germaine Greer"),
        ("It was shot by director Mike Leigh in London.", "Mike Leigh"),
        ("The novelist Zadie Smith read from it.", "Zadie Smith"),
    ]:
        assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: "PERSON"}, sentence


@pytest.mark.parametrize("sentence, name, label", [
    ("Dewan's mother, Darlynn, also weighed in.", "Darlynn", "ORG"),
    ("His wife, Paris, was at his side all night.", "Paris", "GPE"),
    ("Her sister, Solange, sang at the party.", "Solange", "NORP"),
])
def test_one_name_in_apposition_to_a_family_noun_is_a_person(nlp, sentence, name, label):
    assert _corrected(nlp, sentence, [(name, label)])[name] == "PERSON"


def test_one_name_in_apposition_to_a_company_noun_stays(nlp):
    labels = _corrected(nlp, "Her label, Interscope, declined to comment.", [("Interscope", "ORG")])
    assert labels["Interscope"] == "ORG"


def test_a_band_or_company_before_a_role_stays_what_it_is(nlp):
    labels = _corrected(nlp, "Westlife star Shane Filan sang.", [("Westlife", "ORG"), ("Shane Filan", "PERSON")])
    assert labels["Westlife"] == "ORG"


def test_places_listed_with_a_work_are_works(nlp):
    labels = _corrected(nlp, "Daniel Craig starred in Casino Royale, Skyfall and Spectre.",
                        [("Daniel Craig", "PERSON"), ("Casino Royale", "WORK_OF_ART"), ("Spectre", "GPE")])
    assert labels["Spectre"] == "WORK_OF_ART" and labels["Daniel Craig"] == "PERSON"


@pytest.mark.parametrize("sentence, spans, name", [
    ("Critics loved films including Harbour Lights, Tom Reeve and The Long Tide.",
     [("Harbour Lights", "WORK_OF_ART"), ("Tom Reeve", "PERSON"), ("The Long Tide", "WORK_OF_ART")], "Tom Reeve"),
    ("Her hits include Paper Moons, Ruby Kane and Salt Roads.",
     [("Paper Moons", "WORK_OF_ART"), ("Ruby Kane", "PERSON"), ("Salt Roads", "WORK_OF_ART")], "Ruby Kane"),
    ("His novels, such as Cold Orchard, Jack Morrow and Northern Glass, sold well.",
     [("Cold Orchard", "WORK_OF_ART"), ("Jack Morrow", "PERSON"), ("Northern Glass", "WORK_OF_ART")], "Jack Morrow"),
])
def test_a_person_listed_among_works_after_a_work_noun_is_a_work(nlp, sentence, spans, name):
    assert _corrected(nlp, sentence, spans)[name] == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name", [
    # a nationality's label listed with two works
    ("The festival has shown successes such as Harbour Lights, The Long Tide and Clerks.",
     [("Harbour Lights", "WORK_OF_ART"), ("The Long Tide", "WORK_OF_ART"), ("Clerks", "NORP")], "Clerks"),
    ("This week's new films are Salt Roads, Dusk Avenue and Mongols.",
     [("Salt Roads", "WORK_OF_ART"), ("Dusk Avenue", "WORK_OF_ART"), ("Mongols", "NORP")], "Mongols"),
    # an organisation among two works after a plural work noun
    ("The band played songs including Paper Moons, Ruby Road and Telstar.",
     [("Paper Moons", "WORK_OF_ART"), ("Ruby Road", "WORK_OF_ART"), ("Telstar", "ORG")], "Telstar"),
    # a name no entity covers, listed with works only
    ("The star of Harbour Lights and Tootsie spoke to the press.", [("Harbour Lights", "WORK_OF_ART")], "Tootsie"),
    ("She directed Salt Roads, Platoon Nine and Dusk Avenue.",
     [("Salt Roads", "WORK_OF_ART"), ("Dusk Avenue", "WORK_OF_ART")], "Platoon Nine"),
    # every name of a list a plural work noun opens, works or not
    ("Her films include Paper Lanterns, Marlowe and Dusk Avenue.",
     [("Paper Lanterns", "PERSON"), ("Marlowe", "PERSON"), ("Dusk Avenue", "PERSON")], "Marlowe"),
    ("He wrote novels such as Cold Orchard and Northern Glass.",
     [("Cold Orchard", "ORG"), ("Northern Glass", "PERSON")], "Cold Orchard"),
    ("The album's songs, including Glass Harbour and Copper Mile, were recorded live.",
     [("Glass Harbour", "GPE"), ("Copper Mile", "PERSON")], "Copper Mile"),
    # every name of a list right after a plural work noun that a determiner, possessive or number opens
    ("Her other credits include the films Saltwater Saints, Redline Avenue and Ferris Point.",
     [("Saltwater Saints", "WORK_OF_ART"), ("Redline Avenue", "PERSON"), ("Ferris Point", "PERSON")], "Ferris Point"),
    ("His albums Northern Lights and Harbour Road both went gold.",
     [("Northern Lights", "PERSON"), ("Harbour Road", "GPE")], "Harbour Road"),
    ("She wrote two novels, Ellen Ashdown and Port Ellery, before she turned to plays.",
     [("Ellen Ashdown", "PERSON"), ("Port Ellery", "ORG")], "Port Ellery"),
    ("ITV axed the dramas Quarry Lane and Castle Wharf last year.",
     [("Quarry Lane", "PERSON"), ("Castle Wharf", "PERSON")], "Castle Wharf"),
])
def test_names_listed_with_works_are_works(nlp, sentence, spans, name):
    assert _corrected(nlp, sentence, spans)[name] == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name", [
    # not a list member: a title's own "and the", the next sentence after a title ending in an initial
    ("He hosted the show Fat Albert and the Cosby Kids for years.", [("Fat Albert", "WORK_OF_ART")], "Cosby Kids"),
    ("It starred Tom Reeve. Joan Shaw, his co-star, was absent.", [("Tom Reeve", "PERSON")], "Joan Shaw"),
    # a list of people, even after a work noun, when one is named elsewhere or led by a first name
    ("His films include Tom Reeve and Ann Lee.", [("Tom Reeve", "PERSON"), ("Ann Lee", "PERSON")], "Tom Reeve"),
    # the subjects of a clause that describes the works
    ("She loved the films Tom Reeve and Ann Lee made together.",
     [("Tom Reeve", "PERSON"), ("Ann Lee", "PERSON")], "Ann Lee"),
    ("Her favourite actors Tom Reeve and Ann Lee were there.", [("Tom Reeve", "PERSON"), ("Ann Lee", "PERSON")],
     "Ann Lee"),
    # an untagged name beside a person is no work
    ("The director behind Harbour Lights, Platoon Nine and Tom Reeve spoke.",
     [("Harbour Lights", "WORK_OF_ART"), ("Tom Reeve", "PERSON")], "Platoon Nine"),
])
def test_names_not_listed_with_works_stay(nlp, sentence, spans, name):
    assert _corrected(nlp, sentence, spans).get(name) != "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name", [
    # a list of bands is no list of works, even with band names the model took for works
    ("Other bands at the festival include The Cold Rooms, Paper Lanterns, Keane and Muse.",
     [("The Cold Rooms", "WORK_OF_ART"), ("Paper Lanterns", "WORK_OF_ART"), ("Keane", "PERSON")], "Keane"),
    # one work beside people: the people who made it
    ("The films were Harbour Lights and Tom Reeve and Ann Lee.",
     [("Harbour Lights", "WORK_OF_ART"), ("Tom Reeve", "PERSON"), ("Ann Lee", "PERSON")], "Tom Reeve"),
    # a person the article names elsewhere stays a person
    ("Her films include Harbour Lights, Tom Reeve and Salt Roads. Reeve said he was pleased.",
     [("Harbour Lights", "WORK_OF_ART"), ("Tom Reeve", "PERSON"), ("Salt Roads", "WORK_OF_ART"), ("Reeve", "PERSON")],
     "Tom Reeve"),
])
def test_a_person_in_other_lists_stays_a_person(nlp, sentence, spans, name):
    assert _corrected(nlp, sentence, spans)[name] == "PERSON"


@pytest.mark.parametrize("sentence, spans, work", [
    # right after a work's noun a determiner or a modifier opens
    ("The filmmaker, whose debut feature Birch Season premiered in 2019, said more.",
     [("Birch Season", "PERSON")], "Birch Season"),
    ("She starred in the 2014 drama Cold Creek last year.", [("Cold Creek", "PERSON")], "Cold Creek"),
    ("His new album Paper Kings is out now.", [("Paper Kings", "PERSON")], "Paper Kings"),
    ("David Mitchell's shortlisted novel, Cloud Atlas, makes the list.",
     [("David Mitchell", "PERSON"), ("Cloud Atlas", "PERSON")], "Cloud Atlas"),
    ('She is busy with the psychological thriller, "Underwater", this year.', [("Underwater", "PERSON")],
     "Underwater"),
    ("The band's seventh studio album, Lifeblood, features a song.", [("Lifeblood", "ORG")], "Lifeblood"),
    # before a comma and a maker's participle with "by"
    ("Harbour Lane, created by Pauline Greaves in 1989, is a soap.",
     [("Harbour Lane", "PERSON"), ("Pauline Greaves", "PERSON")], "Harbour Lane"),
    ("Cold Creek, directed by Ana Ruiz, opens on Friday.", [("Cold Creek", "GPE"), ("Ana Ruiz", "PERSON")],
     "Cold Creek"),
    # the subject a maker's passive opens the sentence with
    ("Iron Coast was directed by Owen Marsh.", [("Owen Marsh", "PERSON")], "Iron Coast"),
    ("Dark Harbour was produced by Ruth Clay and directed by Owen Marsh.",
     [("Dark Harbour", "PERSON"), ("Ruth Clay", "PERSON"), ("Owen Marsh", "PERSON")], "Dark Harbour"),
    ("Cold Creek has been written by Ana Ruiz for the stage.", [("Cold Creek", "GPE"), ("Ana Ruiz", "PERSON")],
     "Cold Creek"),
    # a numbered part of a work
    ("Kim Lowe starred in episode 3 of Dark Water Falls.", [("Kim Lowe", "PERSON")], "Dark Water Falls"),
    ("Tom Reed appeared in season 4 of Love Harbor.", [("Tom Reed", "PERSON"), ("Love Harbor", "PERSON")],
     "Love Harbor"),
    # a year's possessive
    ("She made her debut in 1988's The Great Outdoors, opposite John Candy.",
     [("The Great Outdoors", "FAC"), ("John Candy", "PERSON")], "The Great Outdoors"),
    ("Their first hit was 1972's Virginia Plain, with more to come.", [("Virginia Plain", "FAC")], "Virginia Plain"),
    ("Fans still quote 2004's Marco Vale.", [("Marco Vale", "PERSON")], "Marco Vale"),
    ("It was a sequel to 1999's Harbour Lights.", [], "Harbour Lights"),
    # after "of" and a maker's or a version's noun
    ("Seth Marlowe, the creator of Family Guy, signed a deal.", [("Seth Marlowe", "PERSON"), ("Family Guy", "PERSON")],
     "Family Guy"),
    ("The star of Alexander, Colin Farrell, was not there.", [("Alexander", "PERSON"), ("Colin Farrell", "PERSON")],
     "Alexander"),
    ("A remake of Thundercats is due next year.", [("Thundercats", "PERSON")], "Thundercats"),
    ("He became a writer of Harbour Lights in its second season.", [("Harbour Lights", "GPE")], "Harbour Lights"),
    ("Jackson is making a film version of The Hobbit.", [("Jackson", "PERSON")], "The Hobbit"),
    # a title untagged before a screen role and a person, across its inner words
    ("And last week Only Fools and Horses star David Jason criticised it.", [("David Jason", "PERSON")],
     "Only Fools and Horses"),
    ("Fans of Pirates of the Caribbean actor Johnny Depp queued.", [("Johnny Depp", "PERSON")],
     "Pirates of the Caribbean"),
    # before "starring" and a person
    ("The nominees are Finding Neverland and Kinsey starring Liam Neeson.",
     [("Finding Neverland", "WORK_OF_ART"), ("Kinsey", "PERSON"), ("Liam Neeson", "PERSON")], "Kinsey"),
    ("Another drama, Ed Wood, starred Johnny Depp as the director.",
     [("Ed Wood", "PERSON"), ("Johnny Depp", "PERSON")], "Ed Wood"),
    ("She followed it with Harbour Lights, starring Tom Reeve, in 1991.", [("Tom Reeve", "PERSON")], "Harbour Lights"),
    # an organisation label before "starring" and a person: a company stars no one
    ("Third was the animated fable The Glass Express, starring Tom Reeve.",
     [("The Glass Express", "ORG"), ("Tom Reeve", "PERSON")], "The Glass Express"),
    ("Critics loved Paper Moons, starring Ann Lee and Tom Reeve, in May.",
     [("Paper Moons", "ORG"), ("Ann Lee", "PERSON"), ("Tom Reeve", "PERSON")], "Paper Moons"),
    ("The sequel beat Harbour Lights starring Ann Lee at the box office.",
     [("Harbour Lights", "ORG"), ("Ann Lee", "PERSON")], "Harbour Lights"),
])
def test_a_name_in_a_work_construction_is_a_work(nlp, sentence, spans, work):
    assert _corrected(nlp, sentence, spans).get(work) == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name", [
    # the name modifies a noun after it
    ("1966's World Cup winner Geoff Hurst was there.", [("World Cup", "PERSON"), ("Geoff Hurst", "PERSON")], "World Cup"),
    ("The former star of US TV drama Baretta denied it.", [("US", "GPE"), ("Baretta", "WORK_OF_ART")], "US"),
    ("He is making a remake of Hollywood classic King Kong.", [("Hollywood", "GPE")], "Hollywood"),
    ("The movie version of Dan Brown's novel is being made.", [("Dan Brown", "PERSON")], "Dan Brown"),
    # a person the article names elsewhere, a company, and a noun phrase of stars
    ("The director of Tom Reeve was Ann Lee. Reeve said so.",
     [("Tom Reeve", "PERSON"), ("Ann Lee", "PERSON"), ("Reeve", "PERSON")], "Tom Reeve"),
    ("The director of National Theatre, Nick Hale, agreed.", [("National Theatre", "ORG"), ("Nick Hale", "PERSON")],
     "National Theatre"),
    ("Hollywood stars Leonardo DiCaprio and Pierce Brosnan came.",
     [("Hollywood", "GPE"), ("Leonardo DiCaprio", "PERSON"), ("Pierce Brosnan", "PERSON")], "Hollywood"),
    ("A drama by Marc Forster starring Johnny Depp opens.", [("Marc Forster", "PERSON"), ("Johnny Depp", "PERSON")],
     "Marc Forster"),
    ("The Hollywood star John Carter arrived.", [("Hollywood", "GPE"), ("John Carter", "PERSON")], "Hollywood"),
    # an organisation before "stars" or "starred", or before "starring" and no person
    ("Warner Bros stars Leonardo DiCaprio in its next film.", [("Warner Bros", "ORG"), ("Leonardo DiCaprio", "PERSON")],
     "Warner Bros"),
    ("The BBC starred Ann Lee in two dramas.", [("BBC", "ORG"), ("Ann Lee", "PERSON")], "BBC"),
    ("A film from Pixar starring a talking car opens.", [("Pixar", "ORG")], "Pixar"),
])
def test_a_name_beside_those_words_keeps_its_label(nlp, sentence, spans, name):
    labels = _corrected(nlp, sentence, spans)
    assert labels.get(name) == dict(spans)[name], labels


def test_awards_festivals_and_companies_are_not_works(nlp):
    for sentence, name, label in [
        ("She was nominated at the Soul Train Music Awards in Los Angeles.", "Soul Train Music Awards", "EVENT"),
        ("The film won the Mercury Prize last night.", "Mercury Prize", "EVENT"),
        ("Crowds gathered for the Edinburgh Festival.", "Edinburgh Festival", "EVENT"),
        ("It was bought by Focus Features in May.", "Focus Features", "ORG"),
        ("She won an Oscar for the role.", "Oscar", "EVENT"),
    ]:
        assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: label}, sentence


@pytest.mark.parametrize("sentence, spans, name, label", [
    # an award's name that a person's or an organisation's label mistook
    ("The Oscar went to Hilary Swank for the role.", [("Oscar", "PERSON"), ("Hilary Swank", "PERSON")], "Oscar", "EVENT"),
    ("Ann Lee, who has an Emmy, joined the cast.", [("Ann Lee", "PERSON"), ("Emmy", "ORG")], "Emmy", "EVENT"),
    ("The Brit Awards honoured the band on Tuesday.", [("Brit Awards", "PERSON")], "Brit Awards", "EVENT"),
    ("Tickets for the Mercury Music Prize sold out.", [("Mercury Music Prize", "ORG")], "Mercury Music Prize", "EVENT"),
    # a word the article also uses in a person's name stays a person's
    ("Laurence Olivier made it in 1948. Olivier said it was his best.",
     [("Laurence Olivier", "PERSON"), ("Olivier", "PERSON")], "Olivier", "PERSON"),
    ("Tony Lane was there, and Tony said the night was a triumph.", [("Tony Lane", "PERSON"), ("Tony", "PERSON")],
     "Tony", "PERSON"),
    # a company or a band is not an award
    ("It was released by Warner Music in May.", [("Warner Music", "ORG")], "Warner Music", "ORG"),
])
def test_an_awards_name_is_no_person_or_organisation(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans)[name] == label


@pytest.mark.parametrize("sentence, found, label, category", [
    ("The show won a boatload of awards, including Outstanding Comedy Series at the Emmys.", "Outstanding Comedy",
     "PERSON", "Outstanding Comedy Series"),
    ("She won Best Actress at the Baftas for the role.", "Best Actress", "PERSON", "Best Actress"),
    ("The film took Best Foreign Language Film in Berlin.", "Best Foreign", "ORG", "Best Foreign Language Film"),
])
def test_an_award_category_is_no_person_or_organisation(nlp, sentence, found, label, category):
    assert _corrected(nlp, sentence, [(found, label)]) == {category: "EVENT"}


@pytest.mark.parametrize("sentence, found, repaired", [
    ("He sang standards such as Mellow Harbour and You Win Again.", "Mellow Harbour and", "Mellow Harbour"),
    ("Fans of Paper Moons, the band's debut, queued.", "Paper Moons,", "Paper Moons"),
    ("Glass Harbour: the sequel nobody asked for.", "Glass Harbour:", "Glass Harbour"),
    ("The remake, Flight of the Falcon, opened at number eight.", "Flight", "Flight of the Falcon"),
    ("Son of a Gunman topped the chart again.", "Son", "Son of a Gunman"),
    ("Her debut, A Cry in the Dark, was filmed in Wales.", "A Cry", "A Cry in the Dark"),
    ("Tickets for Murder on the Orient Express sold out.", "Murder", "Murder on the Orient Express"),
    ("They danced to Singing in the Rain all night.", "Singing", "Singing in the Rain"),
])
def test_a_titles_edges_are_repaired(nlp, sentence, found, repaired):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")]) == {repaired: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, found, place, label", [
    ("The film Harbour Lights in the US made a fortune.", "Harbour Lights", "US", "GPE"),
    ("She sang Blue Lanterns at the Royal Albert Hall on Friday.", "Blue Lanterns", "Royal Albert Hall", "FAC"),
    ("He saw Paper Moons with the Smiths in May.", "Paper Moons", "Smiths", "PERSON"),
])
def test_a_title_does_not_run_into_another_name_after_a_preposition(nlp, sentence, found, place, label):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART"), (place, label)]) == {found: "WORK_OF_ART", place: label}


@pytest.mark.parametrize("sentence, found, titles", [
    ("He mocked the shows Pop Stars and The Big Voice on air.", "Pop Stars and The Big Voice", ["Pop Stars", "The Big Voice"]),
    ("Both Night Shift and A Quiet Road were shot in Leeds.", "Night Shift and A Quiet Road", ["Night Shift", "A Quiet Road"]),
    ("She read Harry Potter and the Goblet of Fire twice.", "Harry Potter and the Goblet of Fire", ["Harry Potter and the Goblet of Fire"]),
    ("They revived Pride and Prejudice for the stage.", "Pride and Prejudice", ["Pride and Prejudice"]),
    ("Kids loved Bertie And The Bandits in the 1970s.", "Bertie And The Bandits", ["Bertie And The Bandits"]),
])
def test_and_before_a_capitalised_article_joins_two_titles(nlp, sentence, found, titles):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")]) == {t: "WORK_OF_ART" for t in titles}


@pytest.mark.parametrize("sentence, found, titles", [
    ("She is known for the films Quiet Harbour and Red Ledger.", "Quiet Harbour and Red Ledger",
     ["Quiet Harbour", "Red Ledger"]),
    ("The rapper sang his songs Cold Morning and Paper Kings, joined by a choir.", "Cold Morning and Paper Kings",
     ["Cold Morning", "Paper Kings"]),
    ("She presented children's TV shows Number 73 and Motormouth.", "Number 73 and Motormouth",
     ["Number 73", "Motormouth"]),
    ("He starred in the films Pride and Prejudice and Atonement.", "Pride and Prejudice and Atonement",
     ["Pride and Prejudice", "Atonement"]),
    ("The directors of Shameless, Hustle and Bodies were nominated.", "Hustle and Bodies", ["Hustle", "Bodies"]),
])
def test_a_span_where_a_list_of_titles_stands_is_split_at_its_last_and(nlp, sentence, found, titles):
    spans = [("Shameless", "WORK_OF_ART")] if "Shameless" in sentence else []
    expected = {t: "WORK_OF_ART" for t in titles} | {s: "WORK_OF_ART" for s, _ in spans}
    assert _corrected(nlp, sentence, spans + [(found, "WORK_OF_ART")]) == expected


@pytest.mark.parametrize("sentence, found", [
    ("Her novel Pride and Prejudice was a hit.", "Pride and Prejudice"),
    ("He starred in the series Hide and Seek.", "Hide and Seek"),
    ("The band played their hits Hopes and Fears and Paper Kings.", "Hopes and Fears"),
])
def test_one_title_with_and_outside_a_list_stays_whole(nlp, sentence, found):
    assert _corrected(nlp, sentence, [(found, "WORK_OF_ART")])[found] == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, found", [
    ("The documentary Shape of the Lake won the top prize.", "Shape of the Lake"),
    ("Her novel Daughters of a Quiet Town is out in May.", "Daughters of a Quiet Town"),
    ("He hosted the show River Beat from 1971-79 for ABC.", "River Beat"),
    ("The film Ocean's 14 was never made.", "Ocean's 14"),
    ("Critics loved the film Harbour in the United States.", "Harbour"),
])
def test_a_title_after_a_cue_noun_runs_over_of_the_but_not_into_a_year_or_a_place(nlp, sentence, found):
    doc = make_doc(nlp, sentence)
    assert found in {m.text for m in doc._.mentions if m.label == "WORK_OF_ART"}, [(m.text, m.label) for m in doc._.mentions]


@pytest.mark.parametrize("sentence, found", [
    ("Channel 5 has ordered a second run of the revue Tele-Ho, its first since 1999.", "Tele-Ho"),
    ("He made his name in the pantomime Dick Whittington at the Palladium.", "Dick Whittington"),
    ("Her novella Salt Daughters is out in March.", "Salt Daughters"),
    ("The farce Noises at Midnight transfers to the West End.", "Noises at Midnight"),
    ("The band's latest LP Night Engines was recorded in a barn.", "Night Engines"),
    ("The orchestra premiered the symphony Northern Lights in 1998.", "Northern Lights"),
    ("He also appeared in the mystery Seven Pines Lodge last year.", "Seven Pines Lodge"),
])
def test_a_title_after_a_genre_noun_is_a_work(nlp, sentence, found):
    assert found in _works(make_doc(nlp, sentence))


@pytest.mark.parametrize("sentence, found", [
    ("Critics praised his last directorial effort, Quiet Harbour, for its restraint.", "Quiet Harbour"),
    ("Her latest outing, Copper Sky, opens on Friday.", "Copper Sky"),
    ("The band's new offering, Static Bloom, is their best yet.", "Static Bloom"),
])
def test_a_title_in_apposition_to_a_makers_effort_or_outing_is_a_work(nlp, sentence, found):
    assert found in _works(make_doc(nlp, sentence))


@pytest.mark.parametrize("sentence, name", [
    ("Their romance Jennifer Hale described as a whirlwind ended last year.", "Jennifer Hale"),
    ("He entered the pub quiz Tom Hardy hosted every Thursday.", "Tom Hardy"),
    ("It was a fantasy Ruth Calder had nursed since childhood.", "Ruth Calder"),
    ("The collection Stella McCartney showed in Paris was praised by buyers.", "Stella McCartney"),
])
def test_a_persons_name_after_a_genre_noun_with_another_sense_is_no_work(nlp, sentence, name):
    doc = make_doc(nlp, sentence)
    assert name not in _works(doc)


@pytest.mark.parametrize("sentence, company", [
    ("The studio behind the series, Ironbark Pictures, released a statement.", "Ironbark Pictures"),
    ("The network that aired the series, Pinecrest Broadcasting, also released a statement.", "Pinecrest Broadcasting"),
    ("The channel that carried the western, Mesa One, issued its own statement.", "Mesa One"),
    ("The label which released the album, Marlow Records, said nothing.", "Marlow Records"),
])
def test_an_apposition_after_a_work_noun_that_a_company_noun_governs_names_the_company(nlp, sentence, company):
    doc = make_doc(nlp, sentence)
    assert company not in _works(doc)
    assert _labels(doc).get(company) == {"ORG"}


@pytest.mark.parametrize("text", [
    "He previously appeared Off-Broadway in The Tallow Men before his Broadway debut.",
    "She starred in the Off-Broadway production of Dear Mr. Finch.",
    "The show began off-Broadway in 2019 and moved to the West End.",
])
def test_the_off_broadway_theatre_is_no_work(nlp, text):
    works = _works(make_doc(nlp, text))
    assert not any("Broadway" in w for w in works), works


def test_one_label_per_title_across_the_article(nlp):
    doc = make_doc(nlp, "The sitcom Bunheads was cancelled. Fans said Bunheads deserved better. Bunheads fans wrote in.")
    assert {m.label for m in doc._.mentions if m.text == "Bunheads"} == {"WORK_OF_ART"}


@pytest.mark.parametrize("text, title", [
    ("Pop star Dana Whitlock unveils Castle Wharf\n\nSinger Dana Whitlock has announced her third album, Castle Wharf, "
     "will be released in October. Castle Wharf is out on Monday. Castle Wharf was recorded in Wiltshire.",
     "Castle Wharf"),
    ("ITV has a new drama, Kestrel Bay, for the autumn. Kestrel Bay stars Ann Lee. Kestrel Bay was filmed in Cornwall.",
     "Kestrel Bay"),
])
def test_a_title_in_apposition_to_a_kind_noun_outvotes_the_models_person_label(nlp, text, title):
    doc = make_doc(nlp, text)
    assert {m.label for m in doc._.mentions if m.text == title} == {"WORK_OF_ART"}


def test_a_name_in_apposition_to_a_kind_noun_after_of_stays_a_person(nlp):
    doc = make_doc(nlp, "Fans queued for the film, Sins. The director of the film, Vinod Pande, says the movie is "
                        "about love. Vinod Pande has made nine films. Vinod Pande lives in Mumbai.")
    assert "WORK_OF_ART" not in {m.label for m in doc._.mentions if m.text == "Vinod Pande"}


def test_known_outlets_are_never_works(nlp):
    doc = make_doc(nlp, "The actor told the magazine Variety about the film Tenet.")
    assert _labels(doc).get("Variety") == {"ORG"}
    assert "Tenet" in _works(doc)


@pytest.mark.parametrize("outlet", ["Good Housekeeping", "Women's Wear Daily", "Digital Spy", "Music Week"])
def test_more_known_outlets_are_organisations(nlp, outlet):
    doc = make_doc(nlp, f"Nadia Fairbanks told {outlet} she had no plans to return to the drama Harbor Lights.")
    assert _labels(doc).get(outlet) == {"ORG"}
    assert outlet not in _works(doc)


@pytest.mark.parametrize("service", ["Tidal", "Spotify", "Napster", "Disney+"])
def test_music_and_video_services_are_organisations(nlp, service):
    doc = make_doc(nlp, f"The album Harbor Lights is out now, exclusively on {service}, and fans love it.")
    assert _labels(doc).get(service) == {"ORG"}
    assert "Harbor Lights" in _works(doc)


@pytest.mark.parametrize("text, title", [
    ("Saint Clair was released as part of her debut EP, Ferryhill, in March.", "Ferryhill"),
    ("Her debut EP Ferryhill entered the chart at number 30.", "Ferryhill"),
])
def test_a_cue_noun_written_in_capitals_opens_a_title(nlp, text, title):
    assert title in _works(make_doc(nlp, text))


def test_recogniser_replaces_the_base_ner_and_keeps_sentences_whole(nlp):
    assert "work_ner" not in nlp.pipe_names
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("parser")
    doc = nlp("He sang Hallelujah I Love Her So at the show. It was a hit.")
    title = [e for e in doc.ents if e.label_ == "WORK_OF_ART"]
    assert all(not t.is_sent_start for e in title for t in e[1:])


def test_recogniser_loads_with_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network disabled in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    nlp = spacy.load(DEFAULT_MODEL)
    assert add_work_recognizer(nlp) == "replaced ner"
    assert "WORK_OF_ART" in nlp.get_pipe("ner").labels


def test_recogniser_as_an_extra_component_for_another_base_model():
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.meta["version"] = "0.0.0"  # stands for any other base model
    assert add_work_recognizer(nlp) == "added work_ner"
    names = nlp.pipe_names
    assert names.index("work_ner") < names.index("parser") < names.index("ner")
    doc = nlp("Daniel Craig starred in the film Casino Royale.")
    assert {(e.text, e.label_) for e in doc.ents} >= {("Daniel Craig", "PERSON")}


def test_the_base_models_ner_beside_the_recogniser_labels_all_but_titles(monkeypatch):
    from pipeline.works.recognizer import no_new_titles

    monkeypatch.setenv("PIPELINE_BASE_NER", "1")
    nlp = spacy.load(DEFAULT_MODEL)
    assert add_work_recognizer(nlp) == "added work_ner"
    names = nlp.pipe_names
    assert names.index("work_ner") < names.index("ner") < names.index("no_new_titles")
    doc = nlp("Daniel Craig starred in the film Casino Royale.")
    assert ("Daniel Craig", "PERSON") in {(e.text, e.label_) for e in doc.ents}
    assert add_work_recognizer(spacy.load(DEFAULT_MODEL), replace=True) == "replaced ner"

    # A title only the base model proposed is dropped, unless it is the subject of a reporting verb: a person.
    blank = spacy.load(DEFAULT_MODEL, exclude=["ner"])
    for text, title, expected in [("She sang Blue Moon at the show.", "Blue Moon", None),
                                  ("Meryl Streep told Vogue she was happy.", "Meryl Streep", "PERSON")]:
        doc = blank(text)
        start = text.index(title)
        doc.set_ents([doc.char_span(start, start + len(title), label="WORK_OF_ART")])
        doc.spans["preset_titles"] = []
        assert [(e.text, e.label_) for e in no_new_titles(doc).ents] == ([(title, expected)] if expected else [])
        doc.spans["preset_titles"] = [doc.char_span(start, start + len(title))]
        doc.set_ents([doc.char_span(start, start + len(title), label="WORK_OF_ART")])
        assert [(e.text, e.label_) for e in no_new_titles(doc).ents] == [(title, "WORK_OF_ART")]  # the recogniser's


def test_shipped_model_records_its_base_and_cross_validated_scores():
    info = model_info()
    assert info["base_model"]["name"] == DEFAULT_MODEL
    assert any(key.startswith("cv") and value["f1"] > 0 for key, value in info["training"].items() if isinstance(value, dict))
    size = sum(p.stat().st_size for p in MODEL_DIR.rglob("*") if p.is_file())
    assert size < 12_000_000


def test_corpus_marks_every_occurrence_of_each_title_and_nothing_else():
    text = "Bunheads was cancelled. Gilmore Girls fans and Bunheads fans agreed. The Girls were sad."
    assert corpus.title_offsets(text, ["Gilmore Girls", "Bunheads"]) == [(0, 8), (24, 37), (47, 55)]
    assert corpus.gold_titles({"works": [{"title": " Bunheads "}, {"title": "Gilmore Girls"}]}) == ["Gilmore Girls", "Bunheads"]
    assert corpus.gold_titles({"cast_member": [{"actor": "A", "work": "Dune"}], "creator_work": []}) == ["Dune"]


def test_an_incomplete_title_list_marks_its_titles_and_leaves_the_rest_unknown():
    import random

    nlp = spacy.load(DEFAULT_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "senter"])
    text = ("Paper Moons is an album by Ann Lee. It was recorded on a farm over the course of a long cold winter "
            "with The Night Porter.")
    doc = corpus.make_doc(nlp, text, ["Paper Moons"], complete=False)
    iob = {t.text: (t.ent_iob_, t.ent_type_) for t in doc}
    assert [e.text for e in doc.ents if e.label_ == "WORK_OF_ART"] == ["Paper Moons"]
    assert all(t.ent_iob_ == "" for t in doc if t.text in ("Night", "Porter"))  # an unlisted title may be one
    assert iob["is"] == iob["farm"] == ("", "")  # every other word: unknown
    assert iob["Lee"] == ("I", "PERSON")  # the base model's people stay targets
    copy = corpus.swap_titles(doc, [["Glass", "Door"]], random.Random(0))
    assert [e.text for e in copy.ents if e.label_ == "WORK_OF_ART"] == ["Glass Door"]
    assert [t.ent_iob_ for t in copy][2:] == [t.ent_iob_ for t in doc][2:]  # missing stays missing, outside outside
    complete = corpus.make_doc(nlp, text, ["Paper Moons"])
    assert all(t.ent_iob_ != "" for t in complete)


TINY = [
    ("The film Harbour Lights opened on Friday. Ann Lee said Harbour Lights was her best work.", ["Harbour Lights"]),
    ("Tom Baird stars in the series Night Shift. Night Shift returns in May.", ["Night Shift"]),
    ("Her album Paper Moons sold well, and the single Glass Door was a hit.", ["Paper Moons", "Glass Door"]),
    ("The play Winter Road transfers to London. Its writer, Jo Park, said little.", ["Winter Road"]),
]


def test_training_script_runs_end_to_end_on_a_tiny_corpus(tmp_path):
    from pipeline.works import train

    shared = tmp_path / "shared"
    for folder in train.FOLDERS:
        (shared / "data" / folder / "texts").mkdir(parents=True)
        with open(shared / "data" / folder / "gold.jsonl", "w", encoding="utf-8") as gold:
            for n, (text, titles) in enumerate(TINY):
                aid = f"{folder}-{n}"
                (shared / "data" / folder / "texts" / f"{aid}.txt").write_text(text, encoding="utf-8")
                gold.write(json.dumps({"article_id": aid, "works": [{"title": t, "type": "other"} for t in titles]}) + "\n")
    partial = shared / "data" / "redocred"  # relations only: their titles, the rest of each text unknown
    (partial / "texts").mkdir(parents=True)
    (partial / "texts" / "rd-1.txt").write_text("Cold Creek is a 1990 film directed by Ana Ruiz.", encoding="utf-8")
    (partial / "gold.jsonl").write_text(json.dumps({"article_id": "rd-1", "creator_work": [
        {"person": "Ana Ruiz", "work": "Cold Creek", "credit": "director"}]}) + "\n", encoding="utf-8")
    out = tmp_path / "w" / "all"  # where the model trained on every article is trained, as the README runs it
    assert train.main(["--shared", str(shared), "--cv", "2", "--steps", "10", "--out", str(out), "--work", str(tmp_path / "w"),
                       "--partial", "redocred", "--swap-pool", "redocred"]) == 0
    info = model_info(out)
    assert info["training"]["articles"] == 2 * len(TINY) + 1  # and the founding article
    assert info["training"]["partial"] == {"folders": ["redocred"], "articles": 1}
    assert info["training"]["swap_pool"] == {"folders": ["redocred"], "titles": 1}
    scores = info["training"]["cv2_work_title"]
    assert scores["tp"] + scores["fn"] == 2 * sum(len(t) for _, t in TINY)
    nlp = spacy.load(DEFAULT_MODEL)
    assert add_work_recognizer(nlp, out) == "replaced ner"

    from pipeline.works import train_filter

    scorer = tmp_path / "title_filter.json"
    assert train_filter.main(["--shared", str(shared), "--folds", str(tmp_path / "w"), "--cv", "2", "--out", str(scorer)]) == 0
    spec = json.loads(scorer.read_text(encoding="utf-8"))
    assert 0.0 < spec["threshold"] < 1.0
    assert spec["cv_candidates"]["all_kept"]["tp"] + spec["cv_candidates"]["all_kept"]["fn"] == 2 * sum(len(t) for _, t in TINY)



@pytest.mark.parametrize("text, title, kept, left", [
    ("Sideways\n\nRoad to the Oscars begins tonight.", "Sideways\n\nRoad", "Sideways", "Road"),
    ("She will star in Bye Bye Birdie Live!\nLopez tweeted a video.", "Bye Bye Birdie Live!\nLopez", "Bye Bye Birdie Live!", "Lopez"),
    ("Fans queued for hours.\nNight Shift returns in May.", "\nNight Shift", "Night Shift", None),
    ("Casting news\n\nThe Long Road\n\nThe film begins shooting.", "\n\nThe Long Road\n\nThe", "The Long Road", "The"),
])
def test_a_title_never_runs_over_a_line_break(text, title, kept, left):
    from pipeline.works.recognizer import title_sentences

    nlp = spacy.blank("en")
    doc = nlp(text)
    start = text.index(title)
    doc.set_ents([doc.char_span(start, start + len(title), label="WORK_OF_ART")])
    doc = title_sentences(doc)
    assert [e.text for e in doc.ents] == [kept]
    if left is not None:
        rest = doc.char_span(start + len(title) - len(left), start + len(title))
        assert all(t.ent_iob_ == "" for t in rest)  # left for the next NER to label
        assert rest[0].is_sent_start is not False  # and free to start a sentence


@pytest.mark.parametrize("text, first_sentences", [
    ("Actor quits soap opera\n\nVeteran actor Brian Cole has left the long-running drama after ten years.",
     ["Actor quits soap opera", "Veteran actor Brian Cole has left the long-running drama after ten years."]),
    ("Singer Nina Marsh: A life in song\n\nNina Marsh, whose first album sold a million copies, is touring again.",
     ["Singer Nina Marsh: A life in song", "Nina Marsh, whose first album sold a million copies, is touring again."]),
    ("Novel wins award\n\nNovelist Harriet Vane has won the prize for her fourth book.",
     ["Novel wins award", "Novelist Harriet Vane has won the prize for her fourth book."]),
    ('She said it was "the best night of my life."\n\nThe show returns next year.',
     ['She said it was "the best night of my life."', "The show returns next year."]),
])
def test_a_blank_line_ends_a_sentence_and_only_one(nlp, text, first_sentences):
    doc = make_doc(nlp, text)
    assert [s.text.strip() for s in doc.sents] == first_sentences


@pytest.mark.parametrize("text, titles", [
    ("It was first set out in their book Harbour Lines (1972) and in later work.", {"Harbour Lines"}),
    ("She appeared in Ada Finch's Copper Moon (1972) and in The Long Week (1993).", {"Copper Moon", "The Long Week"}),
    ("Her films include Red Kite (2010), Stone Fort (1992) and The Prince and the Toad (2009).",
     {"Red Kite", "Stone Fort", "The Prince and the Toad"}),
    ("Ruth Penhallow's Cellar-Seven (1969) features a narrator who knows it.", {"Cellar-Seven"}),
])
def test_a_name_dated_by_a_year_in_brackets_is_a_title(nlp, text, titles):
    doc = make_doc(nlp, text)
    assert titles <= {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


@pytest.mark.parametrize("text, person", [
    ("Laurence Olivier (1907-1989) starred in the film.", "Laurence Olivier"),
    ("The label was founded by Ada Finch (born 1950) in Leeds.", "Ada Finch"),
])
def test_a_persons_dates_in_brackets_make_no_title(nlp, text, person):
    doc = make_doc(nlp, text)
    assert person in {e.name for e in doc._.entities if e.label == "PERSON"}


@given(st.text(alphabet="ab _'é1\n.", max_size=30), st.text(alphabet="ab _'é1", min_size=1, max_size=4))
def test_whole_words_finds_what_the_word_bounded_regex_finds(text, words):
    from pipeline.works.candidates import whole_words

    pattern = re.compile(r"(?<!\w)" + re.escape(words) + r"(?!\w)")
    assert whole_words(text, words) == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text, title",
    [
        ("ITV aired the reality show Trading Places on Monday night.", "Trading Places"),
        ("The band released their album Hopes and Fears in May.", "Hopes and Fears"),
        ("The drama Harbour Lights on Sunday drew eight million viewers.", "Harbour Lights"),
    ],
)
def test_a_day_or_month_after_a_preposition_ends_a_title(nlp, text, title):
    doc = make_doc(nlp, text)
    assert title in {m.text for m in doc._.mentions if m.label == "WORK_OF_ART"}


@pytest.mark.parametrize(
    "text, title",
    [
        ("It came after the three films in the Lord of the Rings trilogy.", "Lord of the Rings"),
        ("Fans flocked back to the Pirates of the Caribbean franchise this summer.", "Pirates of the Caribbean"),
        ("She has joined the cast of the Nightmare on Elm Street remake.", "Nightmare on Elm Street"),
    ],
)
def test_a_title_before_a_cue_noun_may_hold_prepositions_and_articles(nlp, text, title):
    doc = make_doc(nlp, text)
    assert title in {m.text for m in doc._.mentions if m.label == "WORK_OF_ART"}


def test_two_names_joined_by_and_before_a_cue_noun_are_not_one_title(nlp):
    doc = make_doc(nlp, "She starred in the Tom Cruise and Nicole Kidman film last year.")
    assert not any(" and " in m.text for m in doc._.mentions if m.label == "WORK_OF_ART")


@pytest.mark.parametrize("sentence, spans, name, label", [
    # a link embedded with a post names nothing, whatever label the model gave it
    ("Fans loved it pic.twitter.com/7gbYe8yO3w - Orlando (@fan) October 28, 2016",
     [("pic.twitter.com/7gbYe8yO3w - Orlando", "WORK_OF_ART")], "pic.twitter.com/7gbYe8yO3w - Orlando", None),
    ("See twitter.com/annlee/status/123 - Ann Lee for more.", [("twitter.com/annlee/status/123 - Ann Lee", "ORG")],
     "twitter.com/annlee/status/123 - Ann Lee", None),
    # a clause's conjunction glued to a person of the article
    ("Anna Wintour runs it. When Wintour arrived, the staff stood.", [("Anna Wintour", "PERSON"),
                                                                      ("When Wintour", "WORK_OF_ART")], "Wintour", "PERSON"),
    ("Tom Reeve spoke. After Reeve left, the band played.", [("Tom Reeve", "PERSON"), ("After Reeve", "WORK_OF_ART")],
     "Reeve", "PERSON"),
    # and a phrase's preposition: "For Pyle, the reading was …" (a title of the article's people's words stays whole)
    ("Gordon Pyle read. For Pyle, the reading was a rare return.", [("Gordon Pyle", "PERSON"),
                                                                     ("For Pyle", "WORK_OF_ART")], "Pyle", "PERSON"),
    ("Tom Reeve read. Like Reeve, the cast was nervous.", [("Tom Reeve", "PERSON"), ("Like Reeve", "WORK_OF_ART")],
     "Reeve", "PERSON"),
    ("Tom Reeve sang. For Your Eyes Only was a hit.", [("Tom Reeve", "PERSON"), ("For Your Eyes Only", "WORK_OF_ART")],
     "For Your Eyes Only", "WORK_OF_ART"),
    # a name after "by" that follows a title is its maker
    ("He replied: \"'Starboy,' by The Weeknd,\" and laughed.", [("Starboy", "WORK_OF_ART"),
                                                                 ("The Weeknd", "WORK_OF_ART")], "The Weeknd", "ORG"),
    ("Her favourite is Paper Moons by Ruby Kane, she said.", [("Paper Moons", "WORK_OF_ART"),
                                                              ("Ruby Kane", "WORK_OF_ART")], "Ruby Kane", "PERSON"),
    ("She read the novel Sweet Tooth by Ian McEwan.", [("Sweet Tooth by Ian McEwan", "WORK_OF_ART")], "Ian McEwan",
     "PERSON"),
    ("She read the novel Sweet Tooth by Ian McEwan.", [("Sweet Tooth by Ian McEwan", "WORK_OF_ART")], "Sweet Tooth",
     "WORK_OF_ART"),
    # a first name and surname in parentheses after an actor is the character
    ("She did not drop plans with Robert Pattinson (Edward Cullen).",
     [("Robert Pattinson", "PERSON"), ("Edward Cullen", "WORK_OF_ART")], "Edward Cullen", "PERSON"),
    ("The cast includes Ann Lee (Mary Stone) and Tom Reeve.",
     [("Ann Lee", "PERSON"), ("Mary Stone", "WORK_OF_ART"), ("Tom Reeve", "PERSON")], "Mary Stone", "PERSON"),
    # a magazine an editor edits
    ("She promoted Eva Chen to editor of Lucky last year.", [("Eva Chen", "PERSON"), ("Lucky", "WORK_OF_ART")],
     "Lucky", "ORG"),
    ("He was named editor-in-chief of Paper Trail in May.", [("Paper Trail", "WORK_OF_ART")], "Paper Trail", "ORG"),
    # the words around a quoted title, labelled on their own: a quote mark and function words name nothing
    ('The "Neon Lullaby" singer, 39, announced a tour.', [('The "', "WORK_OF_ART"), ("Neon Lullaby", "WORK_OF_ART")],
     'The "', None),
    ('Before "Hollow Creek," Tran played a villain.', [('Before "', "WORK_OF_ART"), ("Hollow Creek", "WORK_OF_ART")],
     'Before "', None),
    ("The 'Blue Hour' actress, 27, posted a photo.", [("The '", "WORK_OF_ART"), ("Blue Hour", "WORK_OF_ART")],
     "The '", None),
])
def test_names_a_construction_makes_no_work(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans).get(name) == label


@pytest.mark.parametrize("sentence, spans, name", [
    ("Stand by Me is a film.", [("Stand by Me", "WORK_OF_ART")], "Stand by Me"),
    ("The film was directed by Ann Lee and Tom Reeve.", [("Tom Reeve", "WORK_OF_ART")], "Tom Reeve"),
    ("She starred with Robert Pattinson (Twilight) last year.", [("Robert Pattinson", "PERSON"),
                                                                ("Twilight", "WORK_OF_ART")], "Twilight"),
    ("When Harry Met Sally is a film.", [("When Harry Met Sally", "WORK_OF_ART")], "When Harry Met Sally"),
    ("Fans bought Salon.com Stories in May.", [("Salon.com Stories", "WORK_OF_ART")], None),
    ("Stephen King's It was filmed again.", [("It", "WORK_OF_ART")], "It"),  # function words alone, unquoted
    ('She starred in "Us" last year.', [("Us", "WORK_OF_ART")], "Us"),
])
def test_titles_these_constructions_leave_alone(nlp, sentence, spans, name):
    labels = _corrected(nlp, sentence, spans)
    if name is None:  # a web address is never part of a title
        assert "WORK_OF_ART" not in labels.values()
    else:
        assert labels.get(name) == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, work", [
    ("Jessica Hart was spotted with her Harbour Lights co-star Tom Reeve.",
     [("Jessica Hart", "PERSON"), ("Harbour Lights", "PERSON"), ("Tom Reeve", "PERSON")], "Harbour Lights"),
    ("Tom Reeve praised his Harbour Lights castmates on Sunday.", [("Tom Reeve", "PERSON"), ("Harbour Lights", "PERSON")],
     "Harbour Lights"),
    ("She thanked her Salt Roads co-stars at the party.", [("Salt Roads", "PERSON")], "Salt Roads"),
    ("The Dusk Avenue costar Ann Lee was there.", [("Dusk Avenue", "PERSON"), ("Ann Lee", "PERSON")], "Dusk Avenue"),
])
def test_a_name_before_a_hyphenated_or_possessed_role_is_a_work(nlp, sentence, spans, work):
    assert _corrected(nlp, sentence, spans)[work] == "WORK_OF_ART"


def test_a_person_before_a_possessed_role_stays_a_person(nlp):
    labels = _corrected(nlp, "He met their Tom Reeve co-stars.", [("Tom Reeve", "PERSON")])
    assert labels["Tom Reeve"] == "PERSON"


@pytest.mark.parametrize("sentence, spans, owner, label, title", [
    ("The Beatles split in 1970. The show includes The Beatles' Across The Universe by Bono.",
     [("The Beatles", "ORG"), ("The Beatles' Across The Universe", "WORK_OF_ART"), ("Bono", "PERSON")],
     "The Beatles", "ORG", "Across The Universe"),
    ("Akon is back. Akon's Locked Up is at number five.", [("Akon", "PERSON"), ("Akon's Locked Up", "WORK_OF_ART")],
     "Akon", "PERSON", "Locked Up"),
    ("Steven Spielberg made it. Spielberg's Jaws was a hit.",
     [("Steven Spielberg", "PERSON"), ("Spielberg's Jaws", "WORK_OF_ART")], "Spielberg", "PERSON", "Jaws"),
])
def test_a_possessive_owner_named_elsewhere_is_split_from_the_title(nlp, sentence, spans, owner, label, title):
    labels = _corrected(nlp, sentence, spans)
    assert labels.get(title) == "WORK_OF_ART" and labels.get(owner) == label


@pytest.mark.parametrize("sentence, spans, title", [
    ("Schindler's List won seven awards.", [("Schindler's List", "WORK_OF_ART")], "Schindler's List"),
    ("The Devil's Advocate opened well.", [("The Devil's Advocate", "WORK_OF_ART")], "The Devil's Advocate"),
])
def test_a_possessive_title_no_one_owns_stays_whole(nlp, sentence, spans, title):
    assert _corrected(nlp, sentence, spans) == {title: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, spans, title", [
    ("Vera Drake leads the race. Joining Vera Drake in the race are two films.",
     [("Vera Drake", "WORK_OF_ART"), ("Joining Vera Drake", "WORK_OF_ART")], "Vera Drake"),
    ("Harbour Lights is nominated. Also Harbour Lights won a prize last year.",
     [("Harbour Lights", "WORK_OF_ART"), ("Also Harbour Lights", "WORK_OF_ART")], "Harbour Lights"),
])
def test_a_sentence_opening_verb_glued_to_a_title_written_alone_elsewhere_is_cut(nlp, sentence, spans, title):
    assert _corrected(nlp, sentence, spans) == {title: "WORK_OF_ART"}


def test_a_title_opening_with_a_verb_written_only_whole_keeps_it(nlp):
    assert _corrected(nlp, "Finding Nemo was a hit.", [("Finding Nemo", "WORK_OF_ART")]) == {"Finding Nemo": "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, spans, name, label", [
    # a credit line names who made the picture
    ("Photos were taken at the event. Image: Nick Moreau.", [("Image: Nick Moreau", "WORK_OF_ART")], "Nick Moreau",
     "PERSON"),
    ("The clip went viral. Video: Ann Lee.", [("Video: Ann Lee", "WORK_OF_ART")], "Ann Lee", "PERSON"),
    # an institution's head before "of" inside the span
    ("Members of the Doctor Who Society of Canada attended.", [("Doctor Who Society of Canada", "WORK_OF_ART")],
     "Doctor Who Society of Canada", "ORG"),
    ("Her prints hang in the Harbour Museum of Modern Art.", [("Harbour Museum of Modern Art", "WORK_OF_ART")],
     "Harbour Museum of Modern Art", "ORG"),
    # a title is capitalised: a lower-case article before it is not the title's
    ("It is on show at the Tang Teaching Museum now.", [("the Tang Teaching Museum", "WORK_OF_ART")],
     "Tang Teaching Museum", "WORK_OF_ART"),
    ("He hosted the Tonight Show for years.", [("the Tonight Show", "WORK_OF_ART")], "Tonight Show", "WORK_OF_ART"),
    # not an institution: the head word closes the title
    ("She starred in Dead Poets Society in 1989.", [("Dead Poets Society", "WORK_OF_ART")], "Dead Poets Society",
     "WORK_OF_ART"),
])
def test_credit_lines_institutions_and_lower_case_articles(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans).get(name) == label


def test_an_untagged_name_ending_with_a_museum_is_an_organisation(nlp):
    labels = _corrected(nlp, "Crowds visited the Harbour Street Museum on Sunday.", [])
    assert labels.get("Harbour Street Museum") == "ORG"


@pytest.mark.parametrize("sentence, spans, expected", [
    ("A fan dressed as Belle. Belle Image: Nick Moreau.", [("Belle Image: Nick Moreau", "WORK_OF_ART")],
     {"Belle": "WORK_OF_ART", "Nick Moreau": "PERSON"}),
    ("It was funded by The Andy Warhol Foundation last year.", [("The Andy Warhol Foundation", "WORK_OF_ART")],
     {"The Andy Warhol Foundation": "ORG"}),
    ("She studied at the Harbour Street College of Art.", [("Harbour Street College", "WORK_OF_ART")],
     {"Harbour Street College of Art": "ORG"}),
])
def test_a_caption_credit_and_an_institution_are_no_titles(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


@pytest.mark.parametrize("sentence, spans, expected", [
    ("My Summer of Love won. It beat Shaun of the Dead and My Summer of Love last year.",
     [("My Summer of Love", "WORK_OF_ART"), ("Shaun of the Dead and My Summer of Love", "WORK_OF_ART")],
     {"My Summer of Love": "WORK_OF_ART", "Shaun of the Dead": "WORK_OF_ART"}),
    ("Graham Norton hosts. The guests are Graham Norton and Sir Richard Attenborough.",
     [("Graham Norton", "PERSON"), ("Graham Norton and Sir Richard Attenborough", "WORK_OF_ART")],
     {"Graham Norton": "PERSON", "Sir Richard Attenborough": "PERSON"}),
    ("The Specials are back. At number one: The Specials - Ghost Town.",
     [("The Specials", "ORG"), ("The Specials - Ghost Town", "WORK_OF_ART")],
     {"The Specials": "ORG", "Ghost Town": "WORK_OF_ART"}),
    ("Humphrey Bogart died in 1957. Fans loved Humphrey Bogart in Casablanca.",
     [("Humphrey Bogart", "PERSON"), ("Humphrey Bogart in Casablanca", "WORK_OF_ART")],
     {"Humphrey Bogart": "PERSON", "Casablanca": "WORK_OF_ART"}),
    ("Shaun of The Dead won. So did Bridget Jones: The Edge of Reason. Films were About A Boy, Shaun of The Dead and "
     "Bridget Jones: The Edge of Reason.",
     [("Shaun of The Dead", "WORK_OF_ART"), ("Bridget Jones: The Edge of Reason", "WORK_OF_ART"),
      ("About A Boy, Shaun of The Dead and Bridget Jones: The Edge of Reason", "WORK_OF_ART")],
     {"Shaun of The Dead": "WORK_OF_ART", "Bridget Jones: The Edge of Reason": "WORK_OF_ART",
      "About A Boy": "WORK_OF_ART"}),
])
def test_names_glued_into_one_title_are_parted_where_the_article_names_one_alone(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


@pytest.mark.parametrize("sentence, spans, title", [
    ("Harry Potter is a wizard. She wrote Harry Potter and the Prisoner of Azkaban.",
     [("Harry Potter", "PERSON"), ("Harry Potter and the Prisoner of Azkaban", "WORK_OF_ART")],
     "Harry Potter and the Prisoner of Azkaban"),
    ("Harry Potter sold well. Next came Harry Potter and Order of the Phoenix.",
     [("Harry Potter", "WORK_OF_ART"), ("Harry Potter and Order of the Phoenix", "WORK_OF_ART")],
     "Harry Potter and Order of the Phoenix"),
    ("Grace is a lawyer in Will and Grace.", [("Grace", "PERSON"), ("Will and Grace", "WORK_OF_ART")], "Will and Grace"),
    ("Pride is a sin. She loved Pride and Prejudice.", [("Pride and Prejudice", "WORK_OF_ART")], "Pride and Prejudice"),
    ("Spider-Man 2 opened. Spider is a word.", [("Spider-Man 2", "WORK_OF_ART"), ("Spider", "PERSON")], "Spider-Man 2"),
    ("Ann Lee sang. She starred in A Cry in the Dark.", [("Ann Lee", "PERSON"), ("A Cry in the Dark", "WORK_OF_ART")],
     "A Cry in the Dark"),
])
def test_a_title_holding_a_name_known_elsewhere_stays_whole(nlp, sentence, spans, title):
    assert _corrected(nlp, sentence, spans).get(title) == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, expected", [
    ("Fans loved Gene Kelly in Singing in the Rain.", [("Gene Kelly in Singing in the Rain", "WORK_OF_ART")],
     {"Gene Kelly": "PERSON", "Singing in the Rain": "WORK_OF_ART"}),
    ("It opens as Hecuba at the Donmar Warehouse in May.", [("Hecuba at the Donmar Warehouse", "WORK_OF_ART")],
     {"Hecuba": "WORK_OF_ART", "Donmar Warehouse": "FAC"}),
    ("They saw Mary Poppins at the Prince Edward Theatre.",
     [("Mary Poppins at the Prince Edward Theatre", "WORK_OF_ART")],
     {"Mary Poppins": "WORK_OF_ART", "Prince Edward Theatre": "FAC"}),
    ("The Sea Inside from Spain won. Spain is sunny.", [("The Sea Inside from Spain", "WORK_OF_ART"), ("Spain", "GPE")],
     {"The Sea Inside": "WORK_OF_ART", "Spain": "GPE"}),
    # a show named for someone somewhere stays whole
    ("Ann Lee in Wales is a new show. Wales is wet.", [("Ann Lee in Wales", "WORK_OF_ART"), ("Wales", "GPE")],
     {"Ann Lee in Wales": "WORK_OF_ART", "Wales": "GPE"}),
    # a person the article names elsewhere, glued to a title by "on"
    ("Lund directed it. He worked with Lund on Quiet Harbour.", [("Lund", "PERSON"), ("Lund on Quiet Harbour",
                                                                 "WORK_OF_ART")],
     {"Lund": "PERSON", "Quiet Harbour": "WORK_OF_ART"}),
    # a title's own preposition
    ("She starred in A Cry in the Dark.", [("A Cry in the Dark", "WORK_OF_ART")], {"A Cry in the Dark": "WORK_OF_ART"}),
    ("They watched Murder on the Orient Express.", [("Murder on the Orient Express", "WORK_OF_ART")],
     {"Murder on the Orient Express": "WORK_OF_ART"}),
    ("They watched Night at the Museum again.", [("Night at the Museum", "WORK_OF_ART")],
     {"Night at the Museum": "WORK_OF_ART"}),
])
def test_a_person_in_a_work_and_a_work_at_a_venue_are_parted(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


@pytest.mark.parametrize("sentence, spans, expected", [
    ("Angels was his biggest hit. Although Angels sold well, he was sad.",
     [("Angels", "WORK_OF_ART"), ("Although Angels", "WORK_OF_ART")], {"Angels": "WORK_OF_ART"}),
    ("Harbour Lights won. Yes Harbour Lights deserved it.",
     [("Harbour Lights", "WORK_OF_ART"), ("Yes Harbour Lights", "WORK_OF_ART")], {"Harbour Lights": "WORK_OF_ART"}),
    # the rest is a place elsewhere, or named nowhere: the title stays whole
    ("Bruges is pretty. In Bruges is a film.", [("Bruges", "GPE"), ("In Bruges", "WORK_OF_ART")],
     {"Bruges": "GPE", "In Bruges": "WORK_OF_ART"}),
    ("Through the Fire was a hit.", [("Through the Fire", "WORK_OF_ART")], {"Through the Fire": "WORK_OF_ART"}),
])
def test_a_sentence_opening_conjunction_is_cut_from_a_title_named_alone_elsewhere(nlp, sentence, spans, expected):
    assert _corrected(nlp, sentence, spans) == expected


def test_a_possessive_title_whose_owner_is_a_first_name_stays_whole(nlp):
    labels = _corrected(nlp, "She will voice Charlotte in a new film of Charlotte's Web.",
                        [("Charlotte", "PERSON"), ("Charlotte's Web", "WORK_OF_ART")])
    assert labels.get("Charlotte's Web") == "WORK_OF_ART"


@pytest.mark.parametrize("sentence, spans, name, label", [
    ("The thriller Dark Water, directed by Sofia Lund, opens in May.", [("Dark Water", "WORK_OF_ART"),
                                                                       ("Sofia Lund", "ORG")], "Sofia Lund", "PERSON"),
    ("The show was written by Dan Gore and Ann Lee.", [("Dan Gore", "ORG"), ("Ann Lee", "PERSON")], "Dan Gore",
     "PERSON"),
    # a maker taken for a title, a double surname among its words
    ("The drama was created by Bethan Aldous-Price.", [("Bethan Aldous-Price", "WORK_OF_ART")], "Bethan Aldous-Price",
     "PERSON"),
    ("The album was produced by Idris Calloway in Leeds.", [("Idris Calloway", "WORK_OF_ART")], "Idris Calloway",
     "PERSON"),
    # a title that describes the maker named after it stays a title
    ("It was penned by Harbour Lights creator Fred Barron.", [("Harbour Lights", "WORK_OF_ART"),
                                                              ("Fred Barron", "PERSON")], "Harbour Lights", "WORK_OF_ART"),
    ("It was penned by My Family creator Fred Barron.", [("My Family", "WORK_OF_ART"), ("Fred Barron", "PERSON")],
     "My Family", "WORK_OF_ART"),
    # not after a maker's verb, or no first name: an organisation stays one
    ("The studio was bought by Warner Bros in May.", [("Warner Bros", "ORG")], "Warner Bros", "ORG"),
    ("The film was produced by Harbour Films last year.", [("Harbour Films", "ORG")], "Harbour Films", "ORG"),
    # an owner's coming or new release
    ("Tom Reeve was cast as the villain in Marvel's upcoming Iron Shadow.",
     [("Tom Reeve", "PERSON"), ("Marvel", "ORG"), ("Iron Shadow", "PERSON")], "Iron Shadow", "WORK_OF_ART"),
    ("Fans loved Adele's new Salt Roads.", [("Adele", "PERSON"), ("Salt Roads", "GPE")], "Salt Roads", "WORK_OF_ART"),
    ("She praised her new boyfriend Tom Reeve.", [("Tom Reeve", "PERSON")], "Tom Reeve", "PERSON"),
    ("He joined Apple's new Music division.", [("Apple", "ORG")], "Music", None),
])
def test_a_maker_after_by_is_a_person_and_an_owners_new_release_a_work(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans).get(name) == label


@pytest.mark.parametrize("sentence, name, label", [
    # a quoted title that takes the sentence's full stop inside its closing mark (American punctuation)
    ('She owes him money from her last two albums, "Paper Crowns" and "Velvet Static."', "Velvet Static",
     "WORK_OF_ART"),
    ('The record closes with a stripped-down piano number, "Lantern Song."', "Lantern Song", "WORK_OF_ART"),
    ('Kapoor asked her about the album\'s closing track, "Northern Line."', "Northern Line", "WORK_OF_ART"),
    # what someone says or writes so is no title
    ('Kanye took to Twitter on Tuesday, simply writing, "Happy Holidays." Kim posed too.', "Happy Holidays", None),
    ('She told the crowd: "Thank You All." Then she left.', "Thank You All", None),
    # productions, stagings and adaptations are of works
    ("Her recent credits include productions of Kestrel Bay and the musical Carnival Street.", "Kestrel Bay",
     "WORK_OF_ART"),
    ("She starred in a production of Harbour Lights in 2001.", "Harbour Lights", "WORK_OF_ART"),
    # what someone plays or stars in is a work, a place is not
    ("She also created Sister Agnes Investigates, in which Wendy Carrow played a nun who solves crimes.",
     "Sister Agnes Investigates", "WORK_OF_ART"),
    ("He wrote Copper Hollow, in which Tom Reed starred as a miner.", "Copper Hollow", "WORK_OF_ART"),
    ("They met in Leeds, in which Tom Reed grew up.", "Leeds", None),
])
def test_quoted_titles_productions_and_works_someone_plays_in(nlp, sentence, name, label):
    doc = make_doc(nlp, sentence)
    labels = {e.text: e.label_ for e in doc.ents}
    assert (labels.get(name) == "WORK_OF_ART") == (label == "WORK_OF_ART"), labels


@pytest.mark.parametrize("sentence, name, label", [
    # a name set off after "<noun> in/on the <work noun>" is the first noun's: a person
    ("His co-star in the series, Gwen Tolley, said she was heartbroken.", "Gwen Tolley", "PERSON"),
    ("His co-star on the soap, Brenda Kettle, said she was in bits.", "Brenda Kettle", "PERSON"),
    ("Her co-star in the film, Tom Reed, said he was sad.", "Tom Reed", "PERSON"),
    # a title there stays one, as does a title with a first name after a verb's preposition
    ("She won praise for her role in the drama, Harbour Lights, last year.", "Harbour Lights", "WORK_OF_ART"),
    ("She starred in the film, Jackie Brown, in 1997.", "Jackie Brown", "WORK_OF_ART"),
])
def test_an_apposition_after_a_nouns_prepositional_phrase_is_the_nouns(nlp, sentence, name, label):
    doc = make_doc(nlp, sentence)
    assert {e.text: e.label_ for e in doc.ents}.get(name, None) == label


@pytest.mark.parametrize("sentence, name, label", [
    # what a channel, service or studio the gazetteer knows owns is its programme or release
    ("Harker played barmaid Shelley Dunn in ITV's Kettlewell Road for six years.", "Kettlewell Road", "WORK_OF_ART"),
    ("She won a Bafta for her role in Channel 4's Hollin Moor in 2001.", "Hollin Moor", "WORK_OF_ART"),
    ("She first broke out as the teen hacker on Netflix's Firewall High.", "Firewall High", "WORK_OF_ART"),
    ("He appeared in HBO's Copper Falls in 2019.", "Copper Falls", "WORK_OF_ART"),
    # its people (a first name opens them), its awards and its divisions are not
    ("ITV's Michael Grade said the channel would survive.", "Michael Grade", "PERSON"),
    ("Netflix's Ted Sarandos announced the deal on Monday.", "Ted Sarandos", "PERSON"),
    ("Wonder will receive Billboard's Century Award at the ceremony.", "Century Award", None),
])
def test_a_name_a_channel_owns_is_a_work(nlp, sentence, name, label):
    doc = make_doc(nlp, sentence)
    assert {e.text: e.label_ for e in doc.ents}.get(name, None) == label


@pytest.mark.parametrize("sentence, spans, name, label", [
    ("The singer launched her new fragrance, Cloud Nine, at the store.", [("Cloud Nine", "WORK_OF_ART")], "Cloud Nine",
     "PRODUCT"),
    ("Her clothing line Good Harbour sold out in hours.", [("Good Harbour", "WORK_OF_ART")], "Good Harbour", "ORG"),
    ("He opened his restaurant, Salt Roads, in May.", [("Salt Roads", "WORK_OF_ART")], "Salt Roads", "ORG"),
    # a work's noun keeps the title
    ("The album Cloud Nine is out now.", [("Cloud Nine", "WORK_OF_ART")], "Cloud Nine", "WORK_OF_ART"),
])
def test_a_name_after_a_products_noun_is_no_title(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans).get(name) == label


@pytest.mark.parametrize("sentence, spans, name, label", [
    # a programme named for a person, the model tagging only the person or nothing
    ("She appeared on The Graham Norton Show on Friday.", [("Graham Norton", "PERSON")], "The Graham Norton Show",
     "WORK_OF_ART"),
    ("He said on The Ellen DeGeneres Show that he was happy.", [], "The Ellen DeGeneres Show", "WORK_OF_ART"),
    ("Fans watched Jimmy Kimmel Live on Monday.", [("Jimmy Kimmel", "PERSON")], "Jimmy Kimmel Live", "WORK_OF_ART"),
    # a service's feature is no programme
    ("It went down on his Instagram Live feed.", [("Instagram", "ORG")], "Instagram Live", None),
    # a place after the title's own "of" before a screen role
    ("The Real Housewives of Beverly Hills star slammed the rumors.", [("Beverly Hills", "GPE")],
     "Real Housewives of Beverly Hills", "WORK_OF_ART"),
])
def test_programmes_named_for_people_and_places(nlp, sentence, spans, name, label):
    assert _corrected(nlp, sentence, spans).get(name) == label


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ('Madonna, dubbed the "Queen of Pop," turned 60.', [("Madonna", "PERSON"), ("Queen of Pop", "WORK_OF_ART")],
     "Queen of Pop", None),
    ('Her fans, known as "Little Monsters," were thrilled.', [("Little Monsters", "WORK_OF_ART")], "Little Monsters",
     None),
    ('The star, nicknamed "The Boss," played for hours.', [("The Boss", "WORK_OF_ART")], "The Boss", None),
    # a work's noun before the naming verb: the name is the work's title
    ('It is a new film dubbed "Harbour Lights" by fans.', [("Harbour Lights", "WORK_OF_ART")], "Harbour Lights",
     "WORK_OF_ART"),
    ('The show, known as "Harbour Lights" in the US, returns.', [("Harbour Lights", "WORK_OF_ART"), ("US", "GPE")],
     "Harbour Lights", "WORK_OF_ART"),
])
def test_a_nickname_after_a_naming_verb_is_no_title(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("Ann Lee stepped out at the premiere of Dark Water on Monday.", [("Ann Lee", "PERSON"), ("Dark Water", "ORG")],
     "Dark Water", "WORK_OF_ART"),
    ("She watched the finale of Harbour Lights.", [("Harbour Lights", "PERSON")], "Harbour Lights", "WORK_OF_ART"),
    ("He was on the set of Salt Roads in May.", [("Salt Roads", "GPE")], "Salt Roads", "WORK_OF_ART"),
    ("She starred in an episode of Salt Roads.", [("Salt Roads", "ORG")], "Salt Roads", "WORK_OF_ART"),
    # a collection, a venue, or an organisation the gazetteer knows is no work
    ("A set of Lego Bricks was sold.", [("Lego Bricks", "ORG")], "Lego Bricks", "ORG"),
    ("He attended the screening of Harbour Museum.", [("Harbour Museum", "ORG")], "Harbour Museum", "ORG"),
])
def test_a_name_after_a_works_part_and_of_is_a_work(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("The actor, best known for his work on Harbour Lights, will play a detective.", [("Harbour Lights", "PERSON")],
     "Harbour Lights", "WORK_OF_ART"),
    ("She is best known for her role in Salt Roads.", [("Salt Roads", "FAC")], "Salt Roads", "WORK_OF_ART"),
    ("His turn in Dark Water won praise.", [("Dark Water", "ORG")], "Dark Water", "WORK_OF_ART"),
    ("She made her debut in Dark Water in 1999.", [("Dark Water", "PERSON")], "Dark Water", "WORK_OF_ART"),
    # a channel one works on, a place one debuts in, a place a name modifies, a character of a season
    ("The musical will make its debut in Vienna on Saturday.", [("Vienna", "GPE")], "Vienna", "GPE"),
    ("This set has the first season of Buck (Gil Gerard) and more.", [("Buck", "PERSON"), ("Gil Gerard", "PERSON")],
     "Buck", "PERSON"),
    ("Her work on Channel Four was praised.", [("Channel Four", "ORG")], "Channel Four", "ORG"),
    ("His role in London politics grew.", [("London", "GPE")], "London", "GPE"),
    # one stars, appears or is cast in a work, never in a person; a place keeps its label, a possessive its owner
    ("Ann Lee starred in Martha Cole, the story of a wartime nurse.", [("Ann Lee", "PERSON"), ("Martha Cole", "PERSON")],
     "Martha Cole", "WORK_OF_ART"),
    ("Mia Lennox has been cast in Gideon Hale, a new BBC drama.", [("Gideon Hale", "PERSON")], "Gideon Hale",
     "WORK_OF_ART"),
    ("He appeared in Walter Pike in 1999.", [("Walter Pike", "PERSON")], "Walter Pike", "WORK_OF_ART"),
    # nor in a company; one appears in a magazine, though, and a company's name stays one
    ("Christina Vale will star in Sweet Charity on Broadway.", [("Christina Vale", "PERSON"), ("Sweet Charity", "ORG")],
     "Sweet Charity", "WORK_OF_ART"),
    ("Tom Reed co-starred in Harbour Lights for two years.", [("Harbour Lights", "ORG")], "Harbour Lights",
     "WORK_OF_ART"),
    ("Tom Reed appeared in Vogue last month.", [("Vogue", "ORG")], "Vogue", "ORG"),
    ("Tom Reed starred in Harbour Productions adverts.", [("Harbour Productions", "ORG")], "Harbour Productions", "ORG"),
    ("Tom Reed starred in Kestrel Films.", [("Kestrel Films", "ORG")], "Kestrel Films", "ORG"),
    ("She appeared in Tokyo on Monday.", [("Tokyo", "GPE")], "Tokyo", "GPE"),
    ("He starred in Tom Hale's new film.", [("Tom Hale", "PERSON")], "Tom Hale", "PERSON"),
    ("Ann Lee plays the title role in Martha Cole.", [("Martha Cole", "PERSON")], "Martha Cole", "WORK_OF_ART"),
    ("Ann Lee, who shot to fame in Martha Cole, has died.", [("Martha Cole", "PERSON")], "Martha Cole",
     "WORK_OF_ART"),
    ("She found fame in America in the 1990s.", [("America", "GPE")], "America", "GPE"),
    # a work follows a work; one "which stars" a person is a work
    ("Ann Lee will return for the sequel to Martha Cole.", [("Martha Cole", "PERSON")], "Martha Cole", "WORK_OF_ART"),
    ("Work has begun on a follow-up to Gideon Hale.", [("Gideon Hale", "ORG")], "Gideon Hale", "WORK_OF_ART"),
    ("Martha Cole, which stars Ann Lee, opens on Friday.", [("Martha Cole", "PERSON"), ("Ann Lee", "PERSON")],
     "Martha Cole", "WORK_OF_ART"),
    ("She sent a message to Tom Hale, which surprised Ann Lee.", [("Tom Hale", "PERSON"), ("Ann Lee", "PERSON")],
     "Tom Hale", "PERSON"),
])
def test_what_someone_performs_in_is_a_work(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


def test_a_name_that_speaks_elsewhere_stays_a_person_after_starred_in(nlp):
    text = "Tom Hale starred in Martha Cole. Martha Cole said she loved working with him."
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "ner_corrections":
            break
        doc = proc(doc)
    doc.ents = [doc.char_span(0, 8, label="PERSON"), doc.char_span(20, 31, label="PERSON"),
                doc.char_span(33, 44, label="PERSON")]
    doc = nlp.get_pipe("ner_corrections")(doc)
    assert [e.label_ for e in doc.ents if e.text == "Martha Cole"] == ["PERSON", "PERSON"]


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("The Duke of Harlow gave a reading.", [("The Duke of Harlow", "WORK_OF_ART")], "The Duke of Harlow", "PERSON"),
    ("Crowds cheered the Duke and Duchess of Wexford on Monday.", [("Duke and Duchess of Wexford", "WORK_OF_ART")],
     "Duke and Duchess of Wexford", "PERSON"),
    ("Later the Countess of Ardmore opened a school.", [("Countess of Ardmore", "WORK_OF_ART")], "Countess of Ardmore",
     "PERSON"),
    # where a work stands, the style is a title
    ("She starred in The Duchess of Malfi last year.", [("The Duchess of Malfi", "WORK_OF_ART")],
     "The Duchess of Malfi", "WORK_OF_ART"),
    ("The play The Duchess of Malfi opens on Friday.", [("The Duchess of Malfi", "WORK_OF_ART")],
     "The Duchess of Malfi", "WORK_OF_ART"),
    ('Critics loved "The Duke of Burgundy" last year.', [("The Duke of Burgundy", "WORK_OF_ART")],
     "The Duke of Burgundy", "WORK_OF_ART"),
    # not a peerage, nor an award named for one
    ("He watched The King of Comedy again.", [("The King of Comedy", "WORK_OF_ART")], "The King of Comedy",
     "WORK_OF_ART"),
    ("She won the Duke of Edinburgh Award in 2010.", [("the Duke of Edinburgh Award", "EVENT")],
     "the Duke of Edinburgh Award", "EVENT"),
])
def test_a_peers_style_is_a_person(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("Pop star Kaya Monroe has announced a tour.", [("Pop", "WORK_OF_ART"), ("Kaya Monroe", "PERSON")], "Pop", None),
    ("Reality star Brandi Lake has a new book.", [("Reality", "WORK_OF_ART"), ("Brandi Lake", "PERSON")], "Reality",
     None),
    ("Soap actress Jo Marsh is pregnant.", [("Soap", "WORK_OF_ART"), ("Jo Marsh", "PERSON")], "Soap", None),
    ("Talk show host Ann Lee signed a deal.", [("Talk", "WORK_OF_ART"), ("Ann Lee", "PERSON")], "Talk", None),
    # a title that is such a word stays one before a verb, and a title of other words before a role noun
    ("Music was released in 2001.", [("Music", "WORK_OF_ART")], "Music", "WORK_OF_ART"),
    ("Harbour Lights star Jo Marsh is pregnant.", [("Harbour Lights", "WORK_OF_ART"), ("Jo Marsh", "PERSON")],
     "Harbour Lights", "WORK_OF_ART"),
])
def test_a_genre_before_a_role_noun_is_no_title(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("They told it on The Late Show with Stephen Colbert in May.",
     [("The Late Show", "WORK_OF_ART"), ("Stephen Colbert", "PERSON")], "The Late Show with Stephen Colbert",
     "WORK_OF_ART"),
    ("She was on Real Time with Bill Maher last week.", [("Real Time", "WORK_OF_ART"), ("Bill Maher", "PERSON")],
     "Real Time with Bill Maher", "WORK_OF_ART"),
    ("He appeared on The Tonight Show Starring Jimmy Fallon on Monday.", [("The Tonight Show Starring", "WORK_OF_ART")],
     "The Tonight Show Starring Jimmy Fallon", "WORK_OF_ART"),
    # a film and its co-star; a person after "with" elsewhere
    ("He starred in Date Night with Tina Fey.", [("Date Night", "WORK_OF_ART"), ("Tina Fey", "PERSON")], "Tina Fey",
     "PERSON"),
    ("She watched Harbour Lights with Tom Vale.", [("Harbour Lights", "WORK_OF_ART"), ("Tom Vale", "PERSON")],
     "Tom Vale", "PERSON"),
])
def test_a_programme_named_with_its_host_is_one_title(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("The bride arrived at St. Aldric's Chapel on Saturday.", [("St. Aldric's", "FAC"), ("Chapel", "WORK_OF_ART")],
     "St. Aldric's Chapel", "FAC"),
    ("They visited the Evelina Children's Hospital on Tuesday.",
     [("Evelina Children's", "FAC"), ("Hospital", "WORK_OF_ART")], "Evelina Children's Hospital", "FAC"),
    # a studio's title stays a title
    ("He loved Disney's Frozen as a child.", [("Disney", "ORG"), ("Frozen", "WORK_OF_ART")], "Frozen", "WORK_OF_ART"),
])
def test_a_places_last_word_after_a_possessive_is_the_place(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("She returns in the second season of Harbour Lights.", [("Harbour Lights", "PERSON")], "Harbour Lights",
     "WORK_OF_ART"),
    ("He appears in the final episode of Salt Roads.", [("Salt Roads", "GPE")], "Salt Roads", "WORK_OF_ART"),
    ("Fans loved the next season of Bay Street.", [("Bay Street", "FAC")], "Bay Street", "WORK_OF_ART"),
])
def test_an_ordinal_part_of_a_work_is_of_a_work(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("text, title", [
    ("Dana Vale teamed up with Tom Reed for the duet Two Hearts.", "Two Hearts"),
    ("They closed the night with the ballad Two Hearts.", "Two Hearts"),
    ("She launched the podcast Unfiltered Hour in May.", "Unfiltered Hour"),
])
def test_a_title_after_a_song_or_podcast_noun(nlp, text, title):
    doc = make_doc(nlp, text)
    assert (title, "WORK_OF_ART") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("Born in Cardiff in 1940, he trained in London.", [("Cardiff", "WORK_OF_ART")], "Cardiff", "GPE"),
    ("She grew up in Twin Falls, a small town.", [("Twin Falls", "WORK_OF_ART")], "Twin Falls", "GPE"),
    ("They moved to Malibu last year.", [("Malibu", "WORK_OF_ART")], "Malibu", "GPE"),
    # a work one turns up in, or appears in
    ("She showed up in Twin Peaks as a guest star.", [("Twin Peaks", "WORK_OF_ART")], "Twin Peaks", "WORK_OF_ART"),
    ("He was cast in Salt Roads.", [("Salt Roads", "WORK_OF_ART")], "Salt Roads", "WORK_OF_ART"),
])
def test_a_name_after_born_in_or_moved_to_is_a_place(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("sentence, name", [
    ('BBC head of comedy Jonathan Ardley said: "It is one of the great British sitcoms."', "Jonathan Ardley"),
    ("Channel 4 head of drama Liza Marshall said the series would return in the spring.", "Liza Marshall"),
    ("The station's controller of music Bob Shennan praised the presenters.", "Bob Shennan"),
])
def test_a_bare_work_noun_after_of_names_a_field_not_the_title_after_it(nlp, sentence, name):
    doc = make_doc(nlp, sentence)
    assert name not in _works(doc)
    assert "work_rules" not in doc.spans or not any(s.text == name for s in doc.spans["work_rules"])


def test_a_determined_work_noun_after_of_still_opens_a_title(nlp):
    doc = make_doc(nlp, "She was the star of the film Salt Roads last year.")
    assert "Salt Roads" in _works(doc)


@pytest.mark.parametrize("sentence, spans, name, expected", [
    ("He proposed on a beach in Tulum, Mexico, last spring.", [("Tulum", "WORK_OF_ART")], "Tulum", "GPE"),
    ("They married at a church in Little Aldwick on Saturday.", [("Little Aldwick", "WORK_OF_ART")], "Little Aldwick",
     "GPE"),
    ("The wedding in Napa drew two hundred guests.", [("Napa", "WORK_OF_ART")], "Napa", "GPE"),
    ("She bought a house in Malibu for $9m.", [("Malibu", "WORK_OF_ART")], "Malibu", "GPE"),
    # a work is performed in, not located in; a cue noun or quotation marks keep a title
    ("She had a role in Harbour Lights last year.", [("Harbour Lights", "WORK_OF_ART")], "Harbour Lights",
     "WORK_OF_ART"),
    ('They watched the scene at the beach in "Salt Roads" twice.', [("Salt Roads", "WORK_OF_ART")], "Salt Roads",
     "WORK_OF_ART"),
    # after "of" and a geographic noun, not after a maker's noun
    ("They filmed off the coast of Tromso for forty nights.", [("Tromso", "WORK_OF_ART")], "Tromso", "GPE"),
    ("She grew up on the outskirts of Ashworth Vale.", [("Ashworth Vale", "WORK_OF_ART")], "Ashworth Vale", "GPE"),
    ("He was the star of Harbour Lights for a decade.", [("Harbour Lights", "WORK_OF_ART")], "Harbour Lights",
     "WORK_OF_ART"),
])
def test_a_name_where_a_place_noun_or_an_event_is_is_a_place(nlp, sentence, spans, name, expected):
    assert _corrected(nlp, sentence, spans).get(name) == expected


@pytest.mark.parametrize("text, title, person", [
    # a cue noun's title rule stops short of a partner's or a maker's name and leaves the title to the recogniser
    ("Brad Pitt is busy promoting his new war drama Allied with Marion Cotillard.", "Allied", "Marion Cotillard"),
    ("They went to see the drama Vera Drake by Mike Leigh.", "Vera Drake", "Mike Leigh"),
])
def test_a_title_rule_never_runs_into_a_persons_name(nlp, text, title, person):
    doc = nlp(text)
    assert not any(s.label_ == "cue_after" and person in s.text for s in doc.spans.get("work_rules", []))
    assert (person, "PERSON") in {(e.text, e.label_) for e in doc.ents}


@pytest.mark.parametrize("text, title", [
    # the parser hangs the clause's verb of saying on the title: the kind noun before it still makes it a title
    ("Lyle, who won a BAFTA for playing Queen Matilda in the 1990s miniseries The Lioness Crown, added that she "
     "had begged for more scenes.", "The Lioness Crown"),
    ("Dunn, who played a nurse in the hospital drama Kestrel Bay, said she cried on the last day.", "Kestrel Bay"),
    ("Cole, best known for the sitcom Marlow Green, told the BBC he would not return.", "Marlow Green"),
])
def test_a_title_after_a_kind_noun_is_no_speaking_person(nlp, text, title):
    labels = _labels(make_doc(nlp, text))
    assert labels.get(title) == {"WORK_OF_ART"}


@pytest.mark.parametrize("text, title", [
    ("The duet is with R&B singer Kofi Shaw, whose 2019 debut album, Velvet Hours, went platinum.", "Velvet Hours"),
    ("The singer released her 2015 album, Cherry Static, and toured it for two years.", "Cherry Static"),
    ("Mara Lind, whose latest film, Grey Harbour, opens on Friday, was not at the launch.", "Grey Harbour"),
    # a debut names no kind of work, but what stands in apposition to it is one
    ("Kline's 2015 debut, Cherry Static, went platinum.", "Cherry Static"),
    ("Her debut, Harbour Lights, sold a million copies.", "Harbour Lights"),
    ("The band's 2009 debut, Copper Mile, is still their best.", "Copper Mile"),
])
def test_a_title_in_apposition_to_a_dated_or_whose_kind_noun_is_a_work(nlp, text, title):
    labels = _labels(make_doc(nlp, text))
    assert labels.get(title) == {"WORK_OF_ART"}


@pytest.mark.parametrize("text, person", [
    # a name set off after the noun by a reporting frame is its speaker, not the title
    ("I loved her debut, Emma Watson said on Tuesday.", "Emma Watson"),
    ("It is a great film, Tom Hale said.", "Tom Hale"),
])
def test_a_speaker_after_a_kind_noun_stays_a_person(nlp, text, person):
    labels = _labels(make_doc(nlp, text))
    assert labels.get(person) == {"PERSON"}


@pytest.mark.parametrize("text, title", [
    ("Fans of Salt Creek will have to wait until next year for new episodes.", "Salt Creek"),
    ("Viewers of Harbour Street were left stunned by the finale.", "Harbour Street"),
    ("The second series of Harbour Street begins on Sunday.", "Harbour Street"),
    ("The final series of Lady Anne drew seven million viewers.", "Lady Anne"),
    ("Jane Doe wrote and directed Broken Arrows, her first feature.", "Broken Arrows"),
    ("Tom Reed stars in Paris Blue, his first feature since 2019.", "Paris Blue"),
])
def test_a_work_named_by_its_audience_run_or_kind(nlp, text, title):
    assert title in _works(make_doc(nlp, "Entertainment news\n\n" + text))


@pytest.mark.parametrize("text, name", [
    ("Fans of the show were furious when Jane Doe left.", "Fans"),
    ("Tom Reed, her husband, said the couple were delighted.", "Tom Reed"),
    ("A series of concerts by Jane Doe sold out in London.", "Jane Doe"),
])
def test_no_work_where_no_construction_names_one(nlp, text, name):
    assert not any(name in w for w in _works(make_doc(nlp, "Entertainment news\n\n" + text)))


@pytest.mark.parametrize("text, caption", [
    ('Actress Jane Doe celebrated ten years of marriage on Sunday.\n\nShe simply captioned the photo "Happy '
     'Anniversary To My Best Friend" with a heart.', "Happy Anniversary To My Best Friend"),
    ('Actress Jane Doe shared a throwback photo.\n\n"Happy Birthday To The Best Dad," she wrote under it.',
     "Happy Birthday To The Best Dad"),
])
def test_a_caption_in_title_case_is_no_work(nlp, text, caption):
    doc = make_doc(nlp, text)
    assert not any(work in caption for work in _works(doc))
    assert [q.text for q in doc._.quotes] == [caption]


@pytest.mark.parametrize("sentence, spans, name", [
    ("Nicole Kidman was directed by Lars Trier in the film.", [("Nicole Kidman", "PERSON"), ("Lars Trier", "PERSON")],
     "Nicole Kidman"),  # a known first name: an actor is directed too
    ("Kidman was directed by Lars Trier in the film.", [("Kidman", "PERSON"), ("Lars Trier", "PERSON")], "Kidman"),
    # a person's label, whatever the first name: an actor is directed too
    ("Saoirse Ronan was directed by Greta Gerwig in the film.", [("Saoirse Ronan", "PERSON"), ("Greta Gerwig", "PERSON")],
     "Saoirse Ronan"),
    ("Ayo Edebiri was directed by Christopher Storer, and she won an Emmy.",
     [("Ayo Edebiri", "PERSON"), ("Christopher Storer", "PERSON")], "Ayo Edebiri"),
    ("Reeve Hollis said he was pleased. Reeve Hollis was produced by Ann Lee.",
     [("Reeve Hollis", "PERSON"), ("Reeve Hollis", "PERSON"), ("Ann Lee", "PERSON")], "Reeve Hollis"),
    ("Downing Street was produced by hand.", [("Downing Street", "FAC")], "Downing Street"),  # made by no one named
])
def test_a_person_or_place_a_passive_names_no_maker_of_stays(nlp, sentence, spans, name):
    assert _corrected(nlp, sentence, spans)[name] != "WORK_OF_ART"



@pytest.mark.parametrize("sentence, name, label", [
    ("The award went to The Midnight Ferries, who beat two rival bands.", "The Midnight Ferries", "ORG"),
    ("Fans cheered The Lantern Men, who played for two hours.", "The Lantern Men", "ORG"),
    ("Tickets sold out for The Glass Wolves who return to Leeds in May.", "The Glass Wolves", "ORG"),
    ("Crowds came to see Kings of the Lantern, who closed the night.", "Kings of the Lantern", "ORG"),
    ("Paper Harbour, who formed in 1998, have split.", "Paper Harbour", "PERSON"),  # two words: as a person's name
])
def test_a_name_a_relative_who_follows_is_a_group_or_a_person_not_a_title(nlp, sentence, name, label):
    # "who" stands for people; a title takes "which"
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: label}


@pytest.mark.parametrize("sentence, name", [
    ("She was the star of Harbour Lights, who won an award in 2003.", "Harbour Lights"),
    ("The director of The Long Tide, who is 62, has died.", "The Long Tide"),
    ("He hosted Doctor Who, which returns in May.", "Doctor Who"),
    ("The film Paper Harbour, who knows why, flopped.", "Paper Harbour"),
])
def test_who_after_a_title_inside_a_noun_phrase_or_after_a_cue_keeps_the_title(nlp, sentence, name):
    # the relative clause is the head noun's ("the star of X, who"), or a cue noun says what the name is
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, listed", [
    ("Acts such as Glass Wolves, The Lantern Men and Dusty Roads will play the festival.", ["The Lantern Men"]),
    ("Bands including The Quiet Streets and Snow Leopards signed to the label.", ["The Quiet Streets"]),
    ("The line-up of artists includes Moon Pilots, The Hollow Pines and Ana Lowe.", ["The Hollow Pines"]),
])
def test_a_list_a_plural_act_noun_opens_names_acts_not_titles(nlp, sentence, listed):
    corrected = _corrected(nlp, sentence, [(name, "WORK_OF_ART") for name in listed])
    assert {name: corrected.get(name) for name in listed} == {name: "ORG" for name in listed}


@pytest.mark.parametrize("sentence, listed", [
    ("Her films such as Glass Wolves and The Lantern Men were hits.", ["The Lantern Men"]),
    ("The band's albums include The Quiet Streets and Snow Leopards.", ["The Quiet Streets"]),
    ("The singers performed songs such as The Hollow Pines and Moon River.", ["The Hollow Pines"]),
])
def test_a_list_a_plural_work_noun_opens_keeps_its_titles(nlp, sentence, listed):
    corrected = _corrected(nlp, sentence, [(name, "WORK_OF_ART") for name in listed])
    assert {name: corrected.get(name) for name in listed} == {name: "WORK_OF_ART" for name in listed}


@pytest.mark.parametrize("sentence, listed", [
    ("Other bands at the festival include The Quiet Streets, Moon Pilots and Paper Kites.", ["The Quiet Streets"]),
    ("The acts booked for Sunday included The Hollow Pines and Ana Lowe.", ["The Hollow Pines"]),
])
def test_a_list_an_act_noun_includes_past_its_modifiers_names_acts(nlp, sentence, listed):
    corrected = _corrected(nlp, sentence, [(name, "WORK_OF_ART") for name in listed])
    assert {name: corrected.get(name) for name in listed} == {name: "ORG" for name in listed}


@pytest.mark.parametrize("sentence, name", [
    ("Joel Mack, guitarist for The Hollow Pines, has died.", "The Hollow Pines"),
    ("She was the drummer with Paper Kites for ten years.", "Paper Kites"),
    ("The former frontman of The Quiet Streets has a solo album out.", "The Quiet Streets"),
    ("Ana Lowe, lead singer of Silver Arrows, said the tour was over.", "Silver Arrows"),
    ("Sam Price, bassist with The Lantern Men, joined them on stage.", "The Lantern Men"),
])
def test_the_band_a_member_noun_names_is_a_group_not_a_title(nlp, sentence, name):
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: "ORG"}


@pytest.mark.parametrize("sentence, name", [
    ("She was the singer of Blue Lantern, a hit in 1999.", "Blue Lantern"),  # a song has a singer too
    ("The guitarist played Paper Kites at every show.", "Paper Kites"),
])
def test_a_song_after_singer_of_or_a_verb_stays_a_title(nlp, sentence, name):
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")]) == {name: "WORK_OF_ART"}


@pytest.mark.parametrize("sentence, name, label", [
    ("Artists including Picasso and The Lantern Men were shown.", "Picasso", "PERSON"),  # a solo act is a person
    ("Acts such as Ana Lowe and The Lantern Men will play.", "Ana Lowe", "PERSON"),
    ("Acts such as Ana Lowe and The Lantern Men will play.", "The Lantern Men", "ORG"),
])
def test_an_act_list_labels_solo_acts_people_and_groups_organisations(nlp, sentence, name, label):
    names = ["Picasso", "The Lantern Men"] if "Picasso" in sentence else ["Ana Lowe", "The Lantern Men"]
    assert _corrected(nlp, sentence, [(n, "WORK_OF_ART") for n in names])[name] == label


@pytest.mark.parametrize("sentence, name, label", [
    ("Adele, who won six prizes, thanked her fans.", "Adele", "PERSON"),  # one word: a person's name
    ("She loved Harbour Lights - who wouldn't?", "Harbour Lights", "WORK_OF_ART"),  # a question set off, no relative
])
def test_who_after_one_word_is_a_person_and_a_dashed_question_is_no_relative(nlp, sentence, name, label):
    assert _corrected(nlp, sentence, [(name, "WORK_OF_ART")])[name] == label


@pytest.mark.parametrize("sentence, name, label", [
    ("a singer with Paper Kites on the duet", "Paper Kites", "WORK_OF_ART"),  # a duet's partner
    ("the guitarist with Harbour Lights playing in the background", "Harbour Lights", "WORK_OF_ART"),
])
def test_a_duet_partner_or_a_modifier_after_a_member_noun_stays_a_title(nlp, sentence, name, label):
    assert _corrected(nlp, sentence, [(name, label)])[name] == label
