import pytest
from conftest import make_doc

from pipeline.entities import entity_id

SEED_CAST = [
    "Luke Kirby", "Charlotte Gainsbourg", "Lou de Laâge", "Gideon Glick", "David Alvarez", "Ivan du Pontavice",
    "Taïs Vinolo", "David Haig", "LaMay Zhang", "Simon Callow", "Yanic Truesdale", "Kelly Bishop",
]
SEED_CREATORS = ["Amy Sherman-Palladino", "Daniel Palladino"]


def _entities(doc):
    return {e.name: e.label for e in doc._.entities}


def test_seed_entities_regression(seed_doc, data_regression):
    data_regression.check(sorted([e.name, e.label] for e in seed_doc._.entities))


def test_seed_cast_and_creators_are_people_under_full_names(seed_doc):
    entities = _entities(seed_doc)
    for name in SEED_CAST + SEED_CREATORS:
        assert entities.get(name) == "PERSON", name


def test_seed_has_no_entity_named_by_a_bare_surname(seed_doc):
    names = {e.name for e in seed_doc._.entities}
    for full in SEED_CAST + SEED_CREATORS:
        surname = full.split()[-1]
        assert surname not in names, surname


def test_seed_surnames_and_first_names_resolve_to_full_names(seed_doc):
    by_text = {}
    for m in seed_doc._.mentions:
        by_text.setdefault(m.text, set()).add(m.entity_id)
    assert by_text["Sherman-Palladino"] == {"person:amy-sherman-palladino"}
    assert by_text["Gainsbourg"] == {"person:charlotte-gainsbourg"}
    assert by_text["Daniel"] == {"person:daniel-palladino"}


def test_seed_outlets_are_organisations(seed_doc):
    entities = _entities(seed_doc)
    assert entities["Vogue"] == "ORG"
    assert entities["Vanity Fair"] == "ORG"
    assert entities["Prime Video"] == "ORG"


def test_seed_show_is_a_work(seed_doc):
    assert _entities(seed_doc)["Étoile"] == "WORK_OF_ART"


def test_mention_offsets_give_back_their_text(seed_doc):
    assert seed_doc._.mentions
    for m in seed_doc._.mentions:
        assert seed_doc.text[m.start_char:m.end_char] == m.text


def test_surname_gets_the_label_of_the_full_name(nlp):
    doc = make_doc(nlp, "Film director Joss Whedon has a new project. Whedon said the script was finished.")
    mentions = [m for m in doc._.mentions if m.text == "Whedon"]
    assert [m.entity_id for m in mentions] == ["person:joss-whedon"]
    assert mentions[0].kind == "partial"


def test_honorific_and_possessive_are_not_part_of_the_name(nlp):
    doc = make_doc(nlp, "Liam Neeson returned to Belfast. Mr Neeson's first role was on stage.")
    assert {e.name for e in doc._.entities if e.label == "PERSON"} == {"Liam Neeson"}


@pytest.mark.parametrize("text, surname, expected", [
    # the article's subject, named first, owns the bare surname, not a relative named after her
    ("Kim Tran has a message for her fans. Her mother, Linh Tran, made a cameo in the video. Later Tran said she "
     "was not pregnant.", "Tran", "person:kim-tran"),
    ("Venus Williams won the final on Sunday. Her sister Serena Williams watched from the stands. Williams said "
     "she was tired.", "Williams", "person:venus-williams"),
    # unless the first named is only whom a relative is related to
    ("The contest began with the help of the brother of Ray Dunn. Writer Sam Dunn is among the judges. Dunn said "
     "it was hard.", "Dunn", "person:sam-dunn"),
    ("Ray Dunn's brother has a new job. Writer Sam Dunn is among the judges. Dunn said it was hard.", "Dunn",
     "person:sam-dunn"),
    ("Kylie Vance's Mom Kris Vance Reveals Her Secret\n\nKris Vance has a new book. Vance said it was for her girls.",
     "Vance", "person:kris-vance"),
    # a first name coordinated before another that shares the surname is not written alone
    ("Dana Beckwith slammed her ex-husband Rob Beckwith. Beckwith wrote that he lied. Rob, 47, fired back. Dana and "
     "Rob Beckwith divorced in 2019.", "Beckwith", "person:dana-beckwith"),
    # a holder of the surname as a maiden name counts among its holders
    ("Kim Kardashian West shared a photo with her sister Khloe Kardashian. Kardashian wrote that she loved them.",
     "Kardashian", "person:kim-kardashian-west"),
])
def test_shared_surname_goes_to_the_article_subject(nlp, text, surname, expected):
    doc = make_doc(nlp, text)
    last = [m for m in doc._.mentions if m.text == surname][-1]
    assert last.entity_id == expected


@pytest.mark.parametrize("text, surname, expected", [
    ('David Hale and his wife Victoria Hale arrived on Monday. "We are proud," Mrs Hale told reporters.', "Hale",
     "person:victoria-hale"),
    ('Victoria Hale and her husband David Hale arrived on Monday. "We are proud," Mr Hale told reporters.', "Hale",
     "person:david-hale"),
    ('Ann Dunn and her husband Tom Dunn have split. Mr. Dunn, 52, said it was over.', "Dunn", "person:tom-dunn"),
])
def test_an_honorific_picks_the_holder_of_its_sex(nlp, text, surname, expected):
    doc = make_doc(nlp, text)
    last = [m for m in doc._.mentions if m.text.endswith(surname)][-1]
    assert last.entity_id == expected


def test_a_name_given_an_age_is_a_person_whatever_place_label_it_had(nlp):
    doc = make_doc(nlp, "The designer, 58, watched as Ines Montenegro, 19, opened his show on Tuesday.")
    assert [(m.text, m.label) for m in doc._.mentions if "Ines" in m.text] == [("Ines Montenegro", "PERSON")]


@pytest.mark.parametrize("text", [
    "Golden Globes 2017: the best-dressed stars\n\nThis year's Golden Globes red carpet delivered. Kim Lowe wore "
    "silver. The Globes host joked about it.",
    "Kim Lowe won a Golden Globe last year. The Globes were held in Los Angeles.",
])
def test_an_award_and_its_short_plural_are_never_a_person(nlp, text):
    doc = make_doc(nlp, text)
    assert not {m.text for m in doc._.mentions if m.label == "PERSON"} & {"Golden Globes", "Golden Globe", "Globes"}


def test_work_title_after_a_cue_noun(nlp):
    doc = make_doc(nlp, "He is currently directing the film Serenity, based on his sci-fi series Firefly.")
    works = {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}
    assert {"Serenity", "Firefly"} <= works


def test_work_title_before_a_cue_noun(nlp):
    doc = make_doc(nlp, "Joel Silver produced the Matrix trilogy and is now making the Wonder Woman movie.")
    works = {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}
    assert "Wonder Woman" in works


def test_later_mentions_of_a_title_are_the_work(nlp):
    doc = make_doc(nlp, "The sitcom Bunheads was cancelled. Fans said Bunheads deserved better.")
    assert [m.label for m in doc._.mentions if m.text == "Bunheads"] == ["WORK_OF_ART", "WORK_OF_ART"]


def test_quoted_title_case_words_are_a_title(nlp):
    doc = make_doc(nlp, "She starred in 'Desperate Housewives' for eight years.")
    assert "Desperate Housewives" in {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


@pytest.mark.parametrize("text, title", [
    ('Her friend Selena Ruiz starred in "13 Reasons Why," which she also produced.', "13 Reasons Why"),
    ('He had a small part in "Paper Lanterns," the 2016 drama.', "Paper Lanterns"),
    ('Fans of "The Long Road Home," the band\'s debut, cheered.', "The Long Road Home"),
])
def test_a_quoted_title_keeps_the_comma_american_punctuation_puts_inside(nlp, text, title):
    doc = make_doc(nlp, text)
    assert title in {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


def test_one_quoted_word_before_a_comma_stays_a_scare_quote(nlp):
    doc = make_doc(nlp, 'She said the night was "Amazing," and left early.')
    assert "Amazing" not in {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


def test_section_heading_is_not_a_name(nlp):
    doc = make_doc(nlp, "The show returns.\n\nCast\n\nThe cast includes Luke Kirby.")
    assert "Cast" not in {e.name for e in doc._.entities}


def test_entity_id_is_stable_across_articles(nlp):
    one = make_doc(nlp, "Charlotte Gainsbourg stars in the film.", article_id="one")
    two = make_doc(nlp, "The singer Charlotte Gainsbourg released an album. Gainsbourg toured.", article_id="two")
    ids_one = {e.entity_id for e in one._.entities if e.name == "Charlotte Gainsbourg"}
    ids_two = {e.entity_id for e in two._.entities if e.name == "Charlotte Gainsbourg"}
    assert ids_one == ids_two == {entity_id("PERSON", "Charlotte Gainsbourg")}


def test_entity_id_ignores_accents_and_case():
    assert entity_id("PERSON", "Taïs Vinolo") == entity_id("PERSON", "tais vinolo") == "person:tais-vinolo"


def test_a_title_run_stops_before_a_second_possessive_title(nlp):
    doc = make_doc(nlp, "Critics compared the documentary Bowling for Columbine and Steven Spielberg's Munich.")
    works = {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}
    assert "Bowling for Columbine" in works
    assert not any("Spielberg" in w for w in works)


def test_decade_before_a_cue_noun_is_no_title(nlp):
    doc = make_doc(nlp, "She played the heroine in the 1970s TV series.")
    assert not any(e.label == "WORK_OF_ART" for e in doc._.entities)


def test_person_entity_swallowing_a_possessive_title_is_split(nlp):
    doc = make_doc(nlp, "Natalie Portman was nominated for her role in Mike Nichols' Closer, the academy said.")
    entities = {(e.name, e.label) for e in doc._.entities}
    assert ("Mike Nichols", "PERSON") in entities
    assert ("Closer", "WORK_OF_ART") in entities



def _resolve(nlp, text: str, ents: list[tuple[str, str]]):
    """Return `text` after entity resolution, NER having found exactly `ents` (first occurrence of each text)."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "entity_resolver":
            break
        doc = component(doc)
    spans, taken = [], 0
    for found, label in ents:
        start = text.index(found, taken)
        spans.append(doc.char_span(start, start + len(found), label=label))
        taken = start + len(found)
    doc.ents = spans
    return nlp.get_pipe("entity_resolver")(doc)


def test_mentions_keep_the_label_ner_gave_before_resolution(nlp):
    doc = _resolve(nlp, "Charlotte Gainsbourg stars in the series. Gainsbourg said the part suited her.",
                   [("Charlotte Gainsbourg", "PERSON"), ("Gainsbourg", "GPE")])
    assert [(m.text, m.label, m.ner_label) for m in doc._.mentions] == [
        ("Charlotte Gainsbourg", "PERSON", "PERSON"), ("Gainsbourg", "PERSON", "GPE")]


def test_a_title_found_again_by_resolution_has_no_ner_label(nlp):
    doc = _resolve(nlp, "The sitcom Bunheads was cancelled. Fans said Bunheads deserved better.",
                   [("Bunheads", "WORK_OF_ART")])
    assert [(m.text, m.label, m.ner_label) for m in doc._.mentions] == [
        ("Bunheads", "WORK_OF_ART", "WORK_OF_ART"), ("Bunheads", "WORK_OF_ART", None)]


@pytest.mark.parametrize("text, word", [
    ('"I have never been happier in my whole life," she told People.', "People"),
    ("She told Us she was happy with the way things had gone.", "Us"),
    ("He said in an interview with People that he was fine.", "People"),
])
def test_a_magazine_named_by_a_common_word_is_an_organisation_where_it_is_told(nlp, text, word):
    doc = make_doc(nlp, text)
    assert {m.label for m in doc._.mentions if m.text == word} == {"ORG"}


def test_the_common_word_elsewhere_is_no_organisation(nlp):
    doc = make_doc(nlp, "People said the film was too long. He talked to people about it.")
    assert not [m for m in doc._.mentions if m.text.lower() == "people"]


@pytest.mark.parametrize("text, ents, expected", [
    # the one the article never calls by first name alone owns the bare surname
    ("Liam Price denied it. His wife, Nora Price, agreed. Nora posted a photo. Price later thanked fans.",
     [("Liam Price", "PERSON"), ("Nora Price", "PERSON"), ("Nora", "PERSON"), ("Price", "PERSON")], "Liam Price"),
    ("Ann Hale wrote the book with her brother Tom Hale. Ann said it took years. Hale said he was proud.",
     [("Ann Hale", "PERSON"), ("Tom Hale", "PERSON"), ("Ann", "PERSON"), ("Hale", "PERSON")], "Tom Hale"),
    # a first name inside a quotation is how a friend talks, not how the article names her
    ('Liam Price denied it. "I have known Liam for years," said Nora Price. Nora smiled. Price thanked fans.',
     [("Liam Price", "PERSON"), ("Liam", "PERSON"), ("Nora Price", "PERSON"), ("Nora", "PERSON"), ("Price", "PERSON")],
     "Liam Price"),
    # both called by first name: the first named
    ("Kim Lane spoke first. Then Chloe Lane spoke. Kim laughed and Chloe cried. Lane said she was tired.",
     [("Kim Lane", "PERSON"), ("Chloe Lane", "PERSON"), ("Kim", "PERSON"), ("Chloe", "PERSON"), ("Lane", "PERSON")],
     "Kim Lane"),
    # a full name written only inside a quotation is not whom the narrative's surname means
    ('Tessa Morland and Felix Garrow had a son. "Welcome, Milo James Garrow," she wrote. Garrow said he cried.',
     [("Tessa Morland", "PERSON"), ("Felix Garrow", "PERSON"), ("Milo James Garrow", "PERSON"), ("Garrow", "PERSON")],
     "Felix Garrow"),
    ('Ray Dunn arrived. "I told Jo Dunn he would be here," a friend said. Later Dunn said he was happy.',
     [("Ray Dunn", "PERSON"), ("Jo Dunn", "PERSON"), ("Dunn", "PERSON")], "Ray Dunn"),
])
def test_a_surname_two_people_share_goes_to_the_one_not_called_by_first_name(nlp, text, ents, expected):
    doc = _resolve(nlp, text, ents)
    names = {e.entity_id: e.name for e in doc._.entities}
    last = [m for m in doc._.mentions if m.text == ents[-1][0]][-1]
    assert names[last.entity_id] == expected


@pytest.mark.parametrize("text, ents, mention, expected", [
    # a maiden or middle name kept inside a longer name
    ("Kim Kardashian West spoke out. Kardashian, 36, said it was over.",
     [("Kim Kardashian West", "PERSON"), ("Kardashian", "PERSON")], "Kardashian", "Kim Kardashian West"),
    # not a first name: that may be someone else
    ("Sarah Jessica Parker returned. Jessica said it was over.",
     [("Sarah Jessica Parker", "PERSON"), ("Jessica", "PERSON")], "Jessica", "Jessica"),
    # one person written with and without accents
    ("Penélope Cruz won. Penelope Cruz said she was thrilled.",
     [("Penélope Cruz", "PERSON"), ("Penelope Cruz", "PERSON")], "Penelope Cruz", "Penélope Cruz"),
])
def test_inner_names_and_accents_link_to_the_full_name(nlp, text, ents, mention, expected):
    doc = _resolve(nlp, text, ents)
    names = {e.entity_id: e.name for e in doc._.entities}
    found = [m for m in doc._.mentions if m.text == mention][-1]
    assert names[found.entity_id] == expected


@pytest.mark.parametrize("text, ents", [
    ("In an interview, the Sunset Boulevard actress smiled. She returns in the drama Sunset Boulevard.",
     [("the Sunset Boulevard", "FAC"), ("Sunset Boulevard", "WORK_OF_ART")]),
    ("Fans of the Harbour Lights cast cheered. The series Harbour Lights ends in May.",
     [("the Harbour Lights", "ORG"), ("Harbour Lights", "WORK_OF_ART")]),
])
def test_a_title_the_model_took_with_a_lower_case_article_is_the_title(nlp, text, ents):
    doc = _resolve(nlp, text, ents)
    found = [(m.text, m.label) for m in doc._.mentions]
    assert found.count((ents[1][0], "WORK_OF_ART")) == 2
    assert not [m for m in doc._.mentions if m.text.lower().startswith("the ")]


@pytest.mark.parametrize("text, ents", [
    ("Nadia Brooks was there. The Summer Storm actress, 27, wore red. She stars in the drama Summer Storm.",
     [("The Summer Storm", "WORK_OF_ART"), ("Summer Storm", "WORK_OF_ART")]),
    ("The Harbour Lights star spoke first. The series Harbour Lights ends in May.",
     [("The Harbour Lights", "WORK_OF_ART"), ("Harbour Lights", "WORK_OF_ART")]),
])
def test_a_descriptions_article_before_a_title_named_without_it_is_no_part_of_it(nlp, text, ents):
    doc = _resolve(nlp, text, ents)
    found = [(m.text, m.label) for m in doc._.mentions]
    assert found.count((ents[1][0], "WORK_OF_ART")) == 2
    assert not [m for m in doc._.mentions if m.text.startswith("the ")]


@pytest.mark.parametrize("text, mention, expected", [
    ('Grant and Bea Whitlock are still fans of each other. "The hardest part was that she is a much better actor," '
     'Grant said.', "Grant", "person:grant-whitlock"),
    ('David and Victoria Beckham hosted a dinner on Friday. "We are so proud of everyone here tonight," David said.',
     "David", "person:david-beckham"),
    # the end of a longer name shares nothing
    ('Tom Cruise and Katie Holmes were there. "It was a lovely night for a good cause," Tom said.', "Tom",
     "person:tom-cruise"),
])
def test_a_first_name_coordinated_before_a_full_name_shares_its_surname(nlp, text, mention, expected):
    doc = make_doc(nlp, "A night out\n\n" + text)
    assert [m.entity_id for m in doc._.mentions if m.text == mention][-1] == expected


@pytest.mark.parametrize("text, ents, expected", [
    # a surname written while only one holder has been named is that holder's, whatever comes later
    ("Hallie Brandt had a baby girl. Brandt wrote that she was thrilled. Hallie called her sister Tessa Brandt "
     "first. Their mother, Deborah Brandt, was at the hospital.",
     [("Hallie Brandt", "PERSON"), ("Brandt", "PERSON"), ("Hallie", "PERSON"), ("Tessa Brandt", "PERSON"),
      ("Deborah Brandt", "PERSON")], "Hallie Brandt"),
    ("Striker Leon Achebe scored twice. Achebe said the win was for the fans. His father, Sam Achebe, coached him "
     "as a boy, and Sam still watches every game.",
     [("Leon Achebe", "PERSON"), ("Achebe", "PERSON"), ("Sam Achebe", "PERSON"), ("Sam", "PERSON")], "Leon Achebe"),
    ("Mira Solano has a new album. Solano told fans it was her best. Her brother, Dario Solano, produced it.",
     [("Mira Solano", "PERSON"), ("Solano", "PERSON"), ("Dario Solano", "PERSON")], "Mira Solano"),
])
def test_a_surname_before_a_second_holder_is_named_is_the_first_holders(nlp, text, ents, expected):
    doc = _resolve(nlp, text, ents)
    names = {e.entity_id: e.name for e in doc._.entities}
    first = [m for m in doc._.mentions if m.text == ents[1][0]][0]
    assert names[first.entity_id] == expected
