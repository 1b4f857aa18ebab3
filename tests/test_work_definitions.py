"""Titles a definition states: the subject of "X is a 1936 British film" and the name before "(1999 film)"."""
import pytest
from conftest import make_doc


def _works(doc) -> set[str]:
    return {e.name for e in doc._.entities if e.label == "WORK_OF_ART"}


@pytest.mark.parametrize("text, title", [
    ("Winter of Glass is a 1951 British musical film directed by Harold Fenwick.", "Winter of Glass"),
    ("Lanterns is the third studio album by the folk singer Dana Vale, released in 1998.", "Lanterns"),
    ("Harbour of Salt was a 1987 novel by Ruth Penhallow.", "Harbour of Salt"),
    ("The Grey Orchard is a Canadian reality television series that is produced by Cineflix.", "The Grey Orchard"),
    ("Ledger of Tides (also known as Tidebook) is a 2003 American comedy-drama starring Ada Finch.", "Ledger of Tides"),
    ("Copper Lines\n\nCopper Lines is an album by Dana Vale. It was her last.", "Copper Lines"),
    ("Quiet Machines was the second single from the band's debut album.", "Quiet Machines"),
    # a work's standing for its kind, and premodifiers across a comma before an adverb and an adjective
    ("Harbour Lights is a canonized, endlessly rewatchable classic; its sequel was not.", "Harbour Lights"),
    ("Cold Orchard was the first summer blockbuster of its kind.", "Cold Orchard"),
    ("Salt Roads is an international bestseller, translated into 30 languages.", "Salt Roads"),
])
def test_the_subject_of_a_work_definition_is_a_title(nlp, text, title):
    assert title in _works(make_doc(nlp, text))


@pytest.mark.parametrize("text, title", [
    ("Mill Street (1964 film)\n\nIt was made in a week by Ada Finch.", "Mill Street"),
    ("Copper Lines (Dana Vale album)\n\nIt was recorded in Leeds.", "Copper Lines"),
    ("Paper Hearts (song)\n\nIt was a hit in Spain.", "Paper Hearts"),
])
def test_a_name_before_a_parenthesis_giving_its_kind_is_a_title(nlp, text, title):
    assert title in _works(make_doc(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("Sara Quill is an American film and television actress.", "Sara Quill"),
    ("Tom Brant was a film director from Leeds.", "Tom Brant"),
    ("Green Harbor is an annual film festival in Ohio.", "Green Harbor"),
    ("Marta Holm is a novelist and a song writer.", "Marta Holm"),
    ("Dana Vale is a classic beauty, her fans say.", "Dana Vale"),
])
def test_a_work_noun_that_does_not_head_the_attribute_defines_no_title(nlp, text, name):
    assert name not in _works(make_doc(nlp, text))


@pytest.mark.parametrize("text, title", [
    ("Channel 4 has commissioned Quarry Lane, a new sitcom from Ollie Stanhope and Fiona Kettle.", "Quarry Lane"),
    ("The prize went to Signal Failure, a BBC Radio 4 thriller written by Gwen Attlee.", "Signal Failure"),
    ("Critics praised Marlow Brook, the six-part ITV drama about a mining family.", "Marlow Brook"),
    ("The award went to Aldham, a Belgian film about two brothers.", "Aldham"),
])
def test_a_name_an_apposition_describes_as_a_work_is_a_title(nlp, text, title):
    assert title in _works(make_doc(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("He met Tom Reeve, a film producer from Leeds, on Monday.", "Tom Reeve"),
    ("She thanked Jo Hale, the film's director, at the premiere.", "Jo Hale"),
    ("In London, a new musical opened on Monday.", "London"),
    ("The top 10 includes Kelly Clarkson, The Game and the Killers.", "Kelly Clarkson"),
    # the noun's own title follows it
    ("Directed by Kathryn Bigelow, the film The Hurt Locker won six Oscars.", "Kathryn Bigelow"),
])
def test_an_apposition_a_work_does_not_head_names_no_title(nlp, text, name):
    assert name not in _works(make_doc(nlp, text))


@pytest.mark.parametrize("text", [
    'Marie Claire: "What is the role you said no to?"\n\nCastellane: "There was a superhero movie. I read it."',
    'Host: "Any regrets?"\n\nLowe: "That was a film I should never have made."',
])
def test_a_speaker_a_colon_and_a_quote_in_a_transcript_define_no_title(nlp, text):
    assert not any('"' in w for w in _works(make_doc(nlp, text)))


def test_a_reference_or_pronoun_subject_is_no_title(nlp):
    doc = make_doc(nlp, "The film was a 2004 drama directed by Pat Lowe. It is a 2004 film about Leeds.")
    assert not {"The film", "It"} & _works(doc)


def test_a_defined_title_takes_part_in_relations(nlp):
    doc = make_doc(nlp, "Harbour of Salt is a 1987 novel by Ruth Penhallow.")
    facts = {(r.relation, r.subject, r.object, r.credit) for r in doc._.relations}
    assert ("creator_work", "Ruth Penhallow", "Harbour of Salt", "writer") in facts


@pytest.mark.parametrize("text, title", [
    ("Gallows Lane\n\nGallows Lane (Der Galgenweg) is a 1931 German silent film directed by Otto Brenner. "
     "Gallows Lane was shot in Munich.", "Gallows Lane"),
    ("Tessa Moor\n\nTessa Moor is a 1998 novel by Ruth Penhallow. Tessa Moor sold well in Cornwall.", "Tessa Moor"),
])
def test_a_defined_title_is_a_title_at_every_mention(nlp, text, title):
    doc = make_doc(nlp, text)
    labels = {m.label for m in doc._.mentions if m.text == title}
    assert labels == {"WORK_OF_ART"}
