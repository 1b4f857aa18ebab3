"""Certain constructions: the shapes of English that state a relation outright, in several phrasings each,
and the near misses that must not count."""
import pytest
from conftest import make_doc

from pipeline.relations.candidates import generate
from pipeline.relations.constructions import stated, stated_facts


def _stated(nlp, text):
    doc = make_doc(nlp, text)
    view, candidates = generate(doc)
    return {(c.subject_name, c.object_text): stated(view, c) for c in candidates if c.kind == "work"}


@pytest.mark.parametrize("text, subject, work, credit", [
    ("The film Jaws was directed by Steven Spielberg.", "Steven Spielberg", "Jaws", "director"),
    ("The film Jaws, directed by Steven Spielberg, opened in 1975.", "Steven Spielberg", "Jaws", "director"),
    ("The album Blue was produced by Joni Mitchell.", "Joni Mitchell", "Blue", "producer"),
    ("The show Friends, which was created by Marta Kauffman, ended.", "Marta Kauffman", "Friends", "creator"),
    ("The series Fleabag was written by Phoebe Waller-Bridge and Harry Bradbeer.", "Harry Bradbeer", "Fleabag",
     "writer"),
    ("Song of Freedom is a 1936 British film directed by Paul Hanks.", "Paul Hanks", "Song of Freedom", "director"),
    ("The song Mess of Blues was co-written by producer Bob Crewe and Bob Gaudio.", "Bob Crewe", "Mess of Blues",
     "writer"),
    ("The album Blue Lines was later produced by Maria Lopez.", "Maria Lopez", "Blue Lines", "producer"),
    ('The song "Paper Hearts," written by Tom Vale, went to number one.', "Tom Vale", "Paper Hearts", "writer"),
])
def test_passive_by_states_the_creator(nlp, text, subject, work, credit):
    assert _stated(nlp, text)[(subject, work)] == ("creator_work", credit)


@pytest.mark.parametrize("text, subject, work, credit", [
    ("Greta Gerwig wrote and directed the film Lady Bird.", "Greta Gerwig", "Lady Bird", "director"),
    ("Bono and Adam Clayton wrote the song One.", "Adam Clayton", "One", "writer"),
    ('Calvin Harris produced "This Is What You Came For," which featured Rihanna.', "Calvin Harris",
     "This Is What You Came For", "producer"),
    ('Sofia Coppola directed "Lost in Translation" in Tokyo.', "Sofia Coppola", "Lost in Translation", "director"),
])
def test_an_active_creator_verb_states_the_creator(nlp, text, subject, work, credit):
    assert ("creator_work", credit) in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    ("Meryl Streep stars in the film Mamma Mia.", "Meryl Streep", "Mamma Mia"),
    ("Tom Hanks appears in the film Big.", "Tom Hanks", "Big"),
    ("Julia Roberts and Hugh Grant star in Notting Hill.", "Hugh Grant", "Notting Hill"),
    ("The comedy Notting Hill, starring Hugh Grant and Julia Roberts, opened in 1999.", "Julia Roberts",
     "Notting Hill"),
    ("Tom Cruise, who stars in the film Top Gun, said nothing.", "Tom Cruise", "Top Gun"),
])
def test_star_in_and_starring_state_the_cast(nlp, text, subject, work):
    assert _stated(nlp, text)[(subject, work)] == ("cast_member", None)


@pytest.mark.parametrize("text, subject, work, relation", [
    ("Other nominees in the best actress category include Hattie Brook for Moonlight Garden.", "Hattie Brook",
     "Moonlight Garden", ("cast_member", None)),
    ("Hattie Brook won best actress for Moonlight Garden on Sunday.", "Hattie Brook", "Moonlight Garden",
     ("cast_member", None)),
    ("Jamie Rowe is tipped to win best supporting actor for Harbour Lights.", "Jamie Rowe", "Harbour Lights",
     ("cast_member", None)),
    ("Tom Hale took the best director prize for The Long Road.", "Tom Hale", "The Long Road", ("creator_work", "director")),
    ("The best director award is expected to go to Tom Hale for The Long Road.", "Tom Hale", "The Long Road",
     ("creator_work", "director")),
])
def test_x_for_w_in_an_award_category_states_the_category(nlp, text, subject, work, relation):
    assert _stated(nlp, text)[(subject, work)] == relation


@pytest.mark.parametrize("text, subject, work", [
    ("The critic praised Hattie Brook for Moonlight Garden.", "Hattie Brook", "Moonlight Garden"),
    ("Hattie Brook won praise for Moonlight Garden, the best actor said.", "Hattie Brook", "Moonlight Garden"),
    ("The actress thanked Hattie Brook for Moonlight Garden.", "Hattie Brook", "Moonlight Garden"),
])
def test_x_for_w_outside_an_award_category_states_nothing(nlp, text, subject, work):
    assert _stated(nlp, text).get((subject, work)) is None


@pytest.mark.parametrize("text, subject, work", [
    ("The film Heat was directed by Michael Mann and Tom Cruise watched it.", "Tom Cruise", "Heat"),
    ("Sandra Bullock was praised by Alfonso Cuaron in the film Gravity.", "Alfonso Cuaron", "Gravity"),
    ("Sandra Bullock was praised by Alfonso Cuaron in the film Gravity.", "Sandra Bullock", "Gravity"),
])
def test_near_misses_state_nothing(nlp, text, subject, work):
    assert _stated(nlp, text).get((subject, work)) is None


def test_a_stated_fact_is_kept_with_the_verbs_credit(nlp):
    doc = make_doc(nlp, "Critics cheered on Friday.\n\nThe thriller Night Harbour was directed by Ava Lindqvist.")
    rows = [r for r in doc._.relations if (r.relation, r.subject, r.object) ==
            ("creator_work", "Ava Lindqvist", "Night Harbour")]
    assert rows and {r.credit for r in rows} == {"director"} and all(r.confidence >= 0.9 for r in rows)


@pytest.mark.parametrize("text, subject, work, credit", [
    ("Velvet Road is the fourth studio album by the English singer Maria Lopez.", "Maria Lopez", "Velvet Road",
     "performer"),
    ("Harbour of Salt was a 1987 novel by Ruth Penhallow.", "Ruth Penhallow", "Harbour of Salt", "writer"),
    ("Song of Freedom is a 1936 British film by Paul Hanks.", "Paul Hanks", "Song of Freedom", "director"),
])
def test_by_after_the_kind_in_a_definition_states_the_creator(nlp, text, subject, work, credit):
    assert _stated(nlp, text)[(subject, work)] == ("creator_work", credit)


@pytest.mark.parametrize("text, subject, work, credits", [
    ('The film "Salt Roads" was written and directed by Sara Quinn.', "Sara Quinn", "Salt Roads",
     {"writer", "director"}),
    ('"Salt Roads", written, directed and produced by Sara Quinn, opens today.', "Sara Quinn", "Salt Roads",
     {"writer", "director", "producer"}),
    ('The album "Blue Hour" was produced and written by Tom Vale.', "Tom Vale", "Blue Hour", {"producer", "writer"}),
])
def test_coordinated_participles_before_by_state_each_credit(nlp, text, subject, work, credits):
    doc = make_doc(nlp, text)
    view, candidates = generate(doc)
    found = [stated_facts(view, c) for c in candidates if (c.subject_name, c.object_text) == (subject, work)]
    assert {credit for facts in found for _, credit in facts} == credits


def test_a_single_participle_or_other_words_before_by_state_one_credit_or_none(nlp):
    doc = make_doc(nlp, 'The film "Salt Roads" was written and praised by Sara Quinn.')
    view, candidates = generate(doc)
    assert all(len(stated_facts(view, c)) <= 1 for c in candidates)


def test_by_after_a_kind_without_a_definition_states_nothing(nlp):
    found = _stated(nlp, "The film Velvet Road was praised in a review by Maria Lopez.")
    assert found.get(("Maria Lopez", "Velvet Road")) is None


@pytest.mark.parametrize("text, subject, work, relation", [
    ("Marla Quinn is speaking out. The Riverside Nights actress, 38, sat down with a magazine.", "Marla Quinn",
     "Riverside Nights", ("cast_member", None)),
    ("Lena Park is back. The 31-year-old Harbour Lights star was seen in London.", "Lena Park", "Harbour Lights",
     ("cast_member", None)),
    ("Jo Marsh arrived early. The Silver Bay co-star joined the party later.", "Jo Marsh", "Silver Bay",
     ("cast_member", None)),
    ("Owen Hale has a new project. The Cold Creek director is filming in Spain.", "Owen Hale", "Cold Creek",
     ("creator_work", "director")),
    ("Tom Reed spoke on Sunday. The Paper Moon author, who lives in Maine, said he was tired.", "Tom Reed",
     "Paper Moon", ("creator_work", "writer")),
    ("Riverside Nights actress Marla Quinn, 38, sat down with a magazine.", "Marla Quinn", "Riverside Nights",
     ("cast_member", None)),
])
def test_a_title_modifying_the_role_noun_of_its_subject_states_the_relation(nlp, text, subject, work, relation):
    doc = make_doc(nlp, text)
    view, candidates = generate(doc)
    found = {stated(view, c) for c in candidates if (c.subject_name, c.object_text.removeprefix("The ")) == (subject, work)}
    assert relation in found


@pytest.mark.parametrize("text", [
    "Marla Quinn is speaking out. The US actress, 38, sat down with a magazine.",
    "Marla Quinn is speaking out. The TV star, 38, sat down with a magazine.",
    "Kim Tran is not pregnant. The YouTube star, 30, posted a video on Thursday.",
    "Pete Moss is touring. The Loose Ends singer played Leeds on Friday.",
    "Marla Quinn is speaking out. The film director praised her on Sunday.",
])
def test_a_place_an_abbreviation_a_band_or_a_reference_before_the_role_noun_states_nothing(nlp, text):
    assert not any(_stated(nlp, text).values())


def _all_stated(nlp, text, subject, work):
    from pipeline.relations.constructions import stated_facts
    doc = make_doc(nlp, text)
    view, candidates = generate(doc)
    return {fact for c in candidates if (c.subject_name, c.object_text) == (subject, work)
            for fact in stated_facts(view, c)}


@pytest.mark.parametrize("text, subject, work, facts", [
    ("Dev Patel created and stars in the hit sitcom Corner Store.", "Dev Patel", "Corner Store",
     {("creator_work", "creator"), ("cast_member", None)}),
    ("Greta Lane wrote and starred in the film Paper Boats.", "Greta Lane", "Paper Boats",
     {("creator_work", "writer"), ("cast_member", None)}),
    ("Sam Reyes wrote, directed and starred in the 2019 drama Long Shadows.", "Sam Reyes", "Long Shadows",
     {("creator_work", "writer"), ("creator_work", "director"), ("cast_member", None)}),
    ("Ava Cole stars in and produced the series Night Owls.", "Ava Cole", "Night Owls",
     {("creator_work", "producer"), ("cast_member", None)}),
    # two credits of one kind; a verb that is no credit states nothing
    ("Rob Hale directed and produced the film Cold Light.", "Rob Hale", "Cold Light",
     {("creator_work", "director"), ("creator_work", "producer")}),
    ("Patel also wrote and directed the upcoming film Night Shift.", "Patel", "Night Shift",
     {("creator_work", "writer"), ("creator_work", "director")}),
    ("Ava Cole praised and starred in the series Night Owls.", "Ava Cole", "Night Owls", set()),
])
def test_coordinated_verbs_state_a_fact_each(nlp, text, subject, work, facts):
    assert _all_stated(nlp, text, subject, work) == facts


def test_the_kept_fact_carries_every_stated_credit(nlp):
    doc = make_doc(nlp, "Sam Reyes wrote, directed and starred in the 2019 drama Long Shadows.")
    found = {(r.relation, r.credit) for r in doc._.relations if r.subject == "Sam Reyes"}
    assert found == {("creator_work", "writer"), ("creator_work", "director"), ("cast_member", None)}


@pytest.mark.parametrize("text, subject, work", [
    ("Declan Rourke, who directed Marla Quinn in the 2014 thriller Glass Harbor, filed for divorce.", "Declan Rourke",
     "Glass Harbor"),
    ("Peter Hall directed Tom Vale in the film Silver Lake.", "Peter Hall", "Silver Lake"),
    ("Ruth Okoye has directed Ben Cole in the comedy Small Hours.", "Ruth Okoye", "Small Hours"),
])
def test_directing_someone_in_a_work_states_the_director(nlp, text, subject, work):
    assert ("creator_work", "director") in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work, fact", [
    ("Ruth Okoye has directed the film Small Hours.", "Ruth Okoye", "Small Hours", ("creator_work", "director")),
    ("Tom Vale has starred in the series Night Owls.", "Tom Vale", "Night Owls", ("cast_member", None)),
    ("Ava Cole has written and starred in the play Salt Roads.", "Ava Cole", "Salt Roads", ("creator_work", "writer")),
])
def test_a_perfect_tense_states_as_the_simple_one(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work, fact", [
    ("Cold Light stars Tom Vale and Ann Lee.", "Ann Lee", "Cold Light", ("cast_member", None)),
    ("The comedy Night Owls starred Jo Marsh.", "Jo Marsh", "Night Owls", ("cast_member", None)),
    ("The film Small Hours, directed by Oscar winner Helena Voss, opens on Friday.", "Helena Voss", "Small Hours",
     ("creator_work", "director")),
    ("The album Blue Lines was produced by Grammy winner Max Lind.", "Max Lind", "Blue Lines",
     ("creator_work", "producer")),
])
def test_a_title_that_stars_and_a_name_described_before_by(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    ("The thriller Cold Light opened on Friday. The film also stars Tom Vale.", "Tom Vale", "Cold Light"),
    ("The new thriller Harbour Lights opens the festival. The film stars Tom Vale as a detective.", "Tom Vale",
     "Harbour Lights"),
    ("The sitcom Night Owls returns to BBC One in May. It stars Jo Marsh and Ben Cole as two nurses.", "Ben Cole",
     "Night Owls"),
])
def test_the_film_stars_states_the_cast_of_the_articles_own_work(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == {("cast_member", None)}


def test_the_film_stars_states_nothing_through_a_reference_to_another_work(nlp):
    text = ("The drama Harbour Lights opens the festival on Friday.\n\nIts director's last film was the thriller "
            "Cold Light. The film also stars Tom Vale.")
    assert _all_stated(nlp, text, "Tom Vale", "Cold Light") == set()


@pytest.mark.parametrize("text, subject, work", [
    ("Dana Vale hosted the game show Lucky Break for five years.", "Dana Vale", "Lucky Break"),
    ("Tom Reed presents the show Night Owls.", "Tom Reed", "Night Owls"),
    ("Ann Lee has co-hosted the programme Morning Call since May.", "Ann Lee", "Morning Call"),
])
def test_hosting_a_programme_states_the_cast(nlp, text, subject, work):
    assert ("cast_member", None) in _all_stated(nlp, text, subject, work)


def _roles(nlp, text):
    doc = make_doc(nlp, text)
    return {(r.subject, r.object, r.work) for r in doc._.relations if r.relation == "actor_role"}


@pytest.mark.parametrize("text, actor, character, work", [
    ("Felix Arden, who plays brooding lifeguard Jamie Cole in the drama Lowtide, split from the singer.",
     "Felix Arden", "Jamie Cole", "Lowtide"),
    ("Imogen Sarr, who plays headstrong heiress Lady Cordelia Wexley, wore a green gown.", "Imogen Sarr",
     "Lady Cordelia Wexley", None),
    ("Jesse Tran, who plays small-town sheriff Cole Mercer on the CW drama Pine Hollow, did not deny it.",
     "Jesse Tran", "Cole Mercer", "Pine Hollow"),
    ("Calder, who now plays a lovesick vampire named Silas Greer in the series Nightbloom, is happy.", "Calder",
     "Silas Greer", "Nightbloom"),
    ("Jon Bell will voice a grumpy walrus called Barnaby in the animated comedy Big Splash.", "Jon Bell", "Barnaby",
     "Big Splash"),
    ("Tony Robinson, who played the servant Baldrick, told the programme he was keen.", "Tony Robinson", "Baldrick",
     None),
    ("Liam Neeson portrayed Alfred Kinsey in Kinsey.", "Liam Neeson", "Alfred Kinsey", None),
    ("Rosie Hale plays Brenda's niece Tasha in the soap Kingsmead.", "Rosie Hale", "Tasha", "Kingsmead"),
])
def test_the_subject_of_a_role_verb_plays_the_described_name_after_it(nlp, text, actor, character, work):
    roles = _roles(nlp, text)
    assert any((a, c) == (actor, character) for a, c, _ in roles), roles
    if work:
        assert (actor, character, work) in roles


def test_a_role_verb_states_the_role_whatever_the_scorer_says(nlp):
    doc = make_doc(nlp, "Calder, who now plays a lovesick vampire named Silas Greer in the series Nightbloom, is happy.")
    view, candidates = generate(doc)
    found = {(c.subject_name, c.object_text): stated_facts(view, c) for c in candidates if c.kind == "role"}
    assert found[("Calder", "Silas Greer")] == (("actor_role", None),)


@pytest.mark.parametrize("text", [
    "Ann Cole, who plays opposite Tom Hanks in the film Sully, said she was thrilled.",
    "He played the CEO of Omni Consumer Products in the film Robocop.",
    "Naomi Watts plays a budding Hollywood actress in the film Ellie Parker.",
    "Will Smith plays a New York date doctor in the film Hitch.",
    "The band played Wembley Stadium last night.",
    "He played down the rumours, Kate Smith said.",
    "She plays the song, Lee Moss said.",
    "Rosie Hale plays Brenda's niece in the soap Kingsmead.",
])
def test_partners_descriptions_venues_and_reporters_are_not_roles(nlp, text):
    assert not _roles(nlp, text)


def test_a_name_owning_the_description_is_not_the_performer(nlp):
    roles = _roles(nlp, "Rosie Hale plays Brenda's niece Tasha in the soap Kingsmead.")
    assert not any(a == "Brenda" for a, _, _ in roles)


@pytest.mark.parametrize("text, pairs", [
    ("It stars Malcolm Ure as the ageing keeper Angus Tait and newcomer Rhona Blair as his estranged daughter, Isla.",
     {("Malcolm Ure", "Angus Tait"), ("Rhona Blair", "Isla")}),
    ("She is joined by Priya Vasquez as Ruth Fairbanks, Amber Tolliver as youngest sister Dot, and Broadway veteran "
     "George Halvorsen as carnival owner Sal Benedetto.",
     {("Priya Vasquez", "Ruth Fairbanks"), ("Amber Tolliver", "Dot"), ("George Halvorsen", "Sal Benedetto")}),
    ("Fenwick Hall, which stars Sir Bernard Scholes as the ailing Lord Ashcombe, has averaged seven million viewers.",
     {("Bernard Scholes", "Lord Ashcombe")}),
    ("The cast also includes Rupert Alleyne (Edward Tregarthen), Niamh Costigan (Rose Pellow) and Ffion Bevan "
     "(Kitty Pellow).", {("Rupert Alleyne", "Edward Tregarthen"), ("Niamh Costigan", "Rose Pellow"),
                         ("Ffion Bevan", "Kitty Pellow")}),
    ("Danny Pryce is played by former boy band singer Lee Gaskin, who joined the soap last year.",
     {("Lee Gaskin", "Danny Pryce")}),
    ("The film tells the story of the champion Billy Calloway, who is played by Declan Muir.",
     {("Declan Muir", "Billy Calloway")}),
    ("Marisa Oakhurst plays the tinsmith's sister, Pip.", {("Marisa Oakhurst", "Pip")}),
    ("Glenda Hargrove, who played his daughter-in-law, Kathleen, on the series, said she was heartbroken.",
     {("Glenda Hargrove", "Kathleen")}),
    ("Callum Reid, best known for playing troubled priest Father Dominic Kerr in the series Lantern Hill, spoke.",
     {("Callum Reid", "Father Dominic Kerr")}),
    ("Simon Latchford takes the role of her son Thomas in the play Low Tide.", {("Simon Latchford", "Thomas")}),
])
def test_casts_as_played_by_and_bracketed_lists_state_roles(nlp, text, pairs):
    roles = {(a, c) for a, c, _ in _roles(nlp, text)}
    assert pairs <= roles, roles


@pytest.mark.parametrize("text", [
    "The committee named Joan Hale as Young Musician of the Year.",
    "Critics hailed Tom Jones as Wales's finest singer.",
    "She praised Ann Lee as well as Tom Reed for their work.",
    "Notably absent is Talia's boyfriend Gabe Solano (Reuben Vaughn), though a cameo is possible.",
])
def test_as_after_a_name_outside_a_cast_and_a_description_before_brackets_state_no_role(nlp, text):
    assert not _roles(nlp, text)


def test_a_title_before_as_stays_a_title(nlp):
    doc = make_doc(nlp, "Ann Lee starred in Toy Story as Woody's neighbour.")
    assert "Toy Story" in {e.text for e in doc.ents if e.label_ == "WORK_OF_ART"}


@pytest.mark.parametrize("text, name, label", [
    ("The film tells the story of the champion Billy Calloway, who is played by Declan Muir.", "Declan Muir", "PERSON"),
    ("She is joined by Priya Vasquez as Ruth Fairbanks, Amber Tolliver as youngest sister Dot.", "Amber Tolliver",
     "PERSON"),
    ("Fenwick Hall, which stars Sir Bernard Scholes as the ailing Lord Ashcombe, drew seven million.", "Lord Ashcombe",
     "PERSON"),
    ("Ann Lee starred in Toy Story as Woody's neighbour.", "Woody", "PERSON"),
])
def test_performers_and_their_characters_are_no_titles(nlp, text, name, label):
    doc = make_doc(nlp, text)
    assert {e.text: e.label_ for e in doc.ents}.get(name) == label


@pytest.mark.parametrize("text, subject, work, facts", [
    ("The row is over Neon Prayer, the 2015 smash that Calla Brightwater co-wrote and sang.", "Calla Brightwater",
     "Neon Prayer", (("creator_work", "writer"), ("creator_work", "performer"))),
    ('Ann Lee talked about "Salt Roads," the film that Tom Reed starred in.', "Tom Reed", "Salt Roads",
     (("cast_member", None),)),
    ('She praised the film "Glass Houses," which Tom Reed directed in 2004.', "Tom Reed", "Glass Houses",
     (("creator_work", "director"),)),
])
def test_an_object_relative_clause_states_what_its_subject_did_to_the_title(nlp, text, subject, work, facts):
    assert _all_stated(nlp, text, subject, work) == set(facts)


@pytest.mark.parametrize("text, subject, work", [
    ('The song "Paper Moons," which Ann Lee gave to her sister, was a hit.', "Ann Lee", "Paper Moons"),
    ('The film "Iron Field," which Ann Lee loved as a child, is back in cinemas.', "Ann Lee", "Iron Field"),
])
def test_an_object_relative_with_another_verb_or_an_object_states_nothing(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


def test_a_broadcaster_named_as_such_makes_nothing(nlp):
    doc = make_doc(nlp, 'Lakeshore Television, which airs the sitcom "Maple & Main," renewed it on Monday.')
    assert not any(r.subject == "Lakeshore Television" for r in doc._.relations)


@pytest.mark.parametrize("text, subject, work, fact", [
    ("Tobias Wren, who hosts the cooking competition series Knife Fight Fridays, is engaged.", "Tobias Wren",
     "Knife Fight Fridays", ("cast_member", None)),
    ("Ann Lee stars in the cult teen drama Westbrook High.", "Ann Lee", "Westbrook High", ("cast_member", None)),
    ("Mia Park directed the acclaimed crime drama Salt Roads.", "Mia Park", "Salt Roads", ("creator_work", "director")),
])
def test_nouns_modifying_the_kind_before_a_title_are_skipped(nlp, text, subject, work, fact):
    assert _all_stated(nlp, text, subject, work) == {fact}


def test_an_organisation_wins_no_award_category(nlp):
    text = ("The Chicago Film Critics Association named Imelda Staunton best actress for Vera Drake.")
    assert ("cast_member", None) not in _all_stated(nlp, text, "The Chicago Film Critics Association", "Vera Drake")


@pytest.mark.parametrize("text, subject, work, facts", [
    # an age set off by commas after the subject
    ("Tom Vale, 31, wrote and starred in the comedy Night Owls.", "Tom Vale", "Night Owls",
     {("creator_work", "writer"), ("cast_member", None)}),
    ("Ruth Okoye, 45, directed the thriller Small Hours.", "Ruth Okoye", "Small Hours", {("creator_work", "director")}),
    ("Ann Lee, 28, stars in the drama Cold Light.", "Ann Lee", "Cold Light", {("cast_member", None)}),
    # a channel's, studio's or star's name describing the kind of work
    ("Ann Lee starred in the BBC Three sitcom Night Owls.", "Ann Lee", "Night Owls", {("cast_member", None)}),
    ("Jo Marsh directed the acclaimed HBO drama Salt Roads.", "Jo Marsh", "Salt Roads", {("creator_work", "director")}),
    ("Ben Cole appeared in the Netflix thriller Glass Harbor.", "Ben Cole", "Glass Harbor", {("cast_member", None)}),
    # starring on a programme
    ("Dana Vale stars on the ABC sitcom Lucky Break.", "Dana Vale", "Lucky Break", {("cast_member", None)}),
    ("Tom Reed, who starred on the series Night Owls, died.", "Tom Reed", "Night Owls", {("cast_member", None)}),
])
def test_ages_channels_and_starring_on_state_as_the_plain_shapes(nlp, text, subject, work, facts):
    assert _all_stated(nlp, text, subject, work) == facts


@pytest.mark.parametrize("text, subject, work", [
    ("Sam Pelletier, who directed him in the western Riverbend, praised his honesty.", "Sam Pelletier", "Riverbend"),
    ("Tom Vale, 52, who directed her in the film Silver Lake, was there.", "Tom Vale", "Silver Lake"),
    ("Ruth Okoye directed her in the comedy Small Hours.", "Ruth Okoye", "Small Hours"),
    ("Peter Hall directed them in the film Silver Lake twice.", "Peter Hall", "Silver Lake"),
])
def test_directing_him_or_her_in_a_work_states_the_director(nlp, text, subject, work):
    assert ("creator_work", "director") in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    ("Ann Lee, 28, praised the drama Cold Light.", "Ann Lee", "Cold Light"),
    ("Ann Lee met Tom Vale on the ABC sitcom Lucky Break.", "Ann Lee", "Lucky Break"),
    ("Jo Marsh told the BBC drama Salt Roads was over.", "Jo Marsh", "Salt Roads"),
])
def test_an_age_or_a_channel_does_not_make_other_verbs_state(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


@pytest.mark.parametrize("text, subject, work, facts", [
    ("Best comedy went to the sitcom Flatpack, written by and starring Dev Ramnath and Sally Oduya.", "Sally Oduya",
     "Flatpack", {("creator_work", "writer"), ("cast_member", None)}),
    ("The film Cold Light, starring and directed by Kevin Dale, opens today.", "Kevin Dale", "Cold Light",
     {("creator_work", "director"), ("cast_member", None)}),
    ("The play Salt Roads, directed by and starring Ann Lee, transfers in May.", "Ann Lee", "Salt Roads",
     {("creator_work", "director"), ("cast_member", None)}),
])
def test_a_makers_participle_and_starring_state_both(nlp, text, subject, work, facts):
    assert _all_stated(nlp, text, subject, work) == facts


@pytest.mark.parametrize("text, subject, work, fact", [
    ("The festival will close with the comedy The Weekend Dads, starring Jack Tierney and Ralph Okonkwo and directed "
     "by Sam Bellweather.", "Sam Bellweather", "The Weekend Dads", ("creator_work", "director")),
    ("The film Night Owls, directed by Ann Lee and starring Tom Vale, opens today.", "Tom Vale", "Night Owls",
     ("cast_member", None)),
    ("The drama Cold Light, written by Jo Marsh and Ben Cole and produced by Ann Lee, won.", "Ann Lee", "Cold Light",
     ("creator_work", "producer")),
])
def test_a_second_participle_after_a_first_and_its_names_states_its_fact(nlp, text, subject, work, fact):
    assert _all_stated(nlp, text, subject, work) == {fact}


@pytest.mark.parametrize("text, subject, work", [
    ("Kenji Albright, best known as brooding lifeguard Theo Marsh on the teen drama Saltwater Kids, is back.",
     "Kenji Albright", "Saltwater Kids"),
    ("Tom Farrant, who is best known as the detective Owen Rees in ITV's Tidewater, said no.", "Tom Farrant",
     "Tidewater"),
    ("Ann Lee, best known for playing Nora Whelan in the drama Blackwater Bay, is back.", "Ann Lee", "Blackwater Bay"),
    ("Jo Marsh starred in ITV's Harbour Lane.", "Jo Marsh", "Harbour Lane"),
])
def test_known_as_a_character_in_a_work_and_an_owners_title_state_the_cast(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == {("cast_member", None)}


@pytest.mark.parametrize("text, subject, work", [
    ("Ann Lee, best known as a judge on the show Talent Hunt, is back.", "Ann Lee", "Talent Hunt"),
    ("Ann Lee, best known as the wife of Tom Vale in the drama Blackwater Bay, is back.", "Ann Lee", "Blackwater Bay"),
    ("The film Night Owls, directed by Ann Lee and praised by Tom Vale, opens today.", "Tom Vale", "Night Owls"),
])
def test_known_as_no_character_or_a_second_participle_of_no_credit_state_nothing(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


@pytest.mark.parametrize("text, subject, work, fact", [
    ("Ann Lee will star in the drama Cold Light.", "Ann Lee", "Cold Light", ("cast_member", None)),
    ("Tom Vale is to appear in the film Night Owls.", "Tom Vale", "Night Owls", ("cast_member", None)),
    ("Jo Marsh is set to star in the thriller Glass Harbor.", "Jo Marsh", "Glass Harbor", ("cast_member", None)),
    ("The thriller Harbour Lights will star Ann Lee and Tom Vale.", "Tom Vale", "Harbour Lights",
     ("cast_member", None)),
])
def test_a_castings_future_states_as_the_simple_tense(nlp, text, subject, work, fact):
    assert _all_stated(nlp, text, subject, work) == {fact}


@pytest.mark.parametrize("text, subject, work", [
    ("Ann Lee will praise the drama Cold Light.", "Ann Lee", "Cold Light"),
    ("Ann Lee is to leave the drama Cold Light.", "Ann Lee", "Cold Light"),
    ("Harvey Lane will adapt the musical Bright Lights for the telecast.", "Harvey Lane", "Bright Lights"),
])
def test_a_future_of_other_verbs_or_of_a_maker_states_nothing(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


@pytest.mark.parametrize("text, subject, work", [
    ('Tom Vale said he would "rather not" appear in the film Night Owls.', "Tom Vale", "Night Owls"),
    ("Ann Lee never starred in the drama Cold Light.", "Ann Lee", "Cold Light"),
    ("Jo Marsh will not direct the thriller Glass Harbor.", "Jo Marsh", "Glass Harbor"),
])
def test_a_negated_verb_states_nothing(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


@pytest.mark.parametrize("text, subject, work", [
    ("Emily Vale was set to star in the thriller Black Lantern but dropped out.", "Emily Vale", "Black Lantern"),
    ("Tom Vale was due to appear in the drama Cold Light before he was replaced.", "Tom Vale", "Cold Light"),
    ("Ann Lee was to star in the comedy Night Owls, but the project collapsed.", "Ann Lee", "Night Owls"),
    ("Tom Vale would star in the film Night Owls if the studio agreed.", "Tom Vale", "Night Owls"),
])
def test_a_past_plan_or_a_condition_states_no_casting(nlp, text, subject, work):
    assert _all_stated(nlp, text, subject, work) == set()


def test_a_company_that_presents_a_film_is_not_its_cast(nlp):
    text = "Universal Pictures presents the Steven Spielberg film Night Harbour."
    assert ("cast_member", None) not in _all_stated(nlp, text, "Universal Pictures", "Night Harbour")


@pytest.mark.parametrize("text, subject, works, fact", [
    ("Actor Sean Tully joined the cast. Tully, whose films include Red Field, Cold Summer and The Long Road, will "
     "play a detective.", "Sean Tully", ["Red Field", "Cold Summer", "The Long Road"], ("cast_member", None)),
    ("Singer Mara Quinn is back. Her hits include Glass Houses, Paper Moons and Late Again.", "Mara Quinn",
     ["Glass Houses", "Paper Moons", "Late Again"], ("creator_work", "performer")),
    ("Director Ruth Ames was honoured. Ames's previous films include The Hollow Field.", "Ruth Ames",
     ["The Hollow Field"], ("creator_work", "director")),
    ('Novelist Ann Hale, whose books include "The Salt House" and "Winter Lamps", spoke first.', "Ann Hale",
     ["The Salt House", "Winter Lamps"], ("creator_work", "writer")),
    ("Comedian Joe Marsh, whose roles have included The Night Porter, is to host the show.", "Joe Marsh",
     ["The Night Porter"], ("cast_member", None)),
])
def test_a_list_of_someones_works_states_each_by_its_noun(nlp, text, subject, works, fact):
    for work in works:
        assert fact in _all_stated(nlp, text, subject, work), work


@pytest.mark.parametrize("text, subject, work", [
    # films or credits of someone the article does not describe: an actor's or a director's?
    ("Kim Park, whose films include Red Field and Blue Harbour, will receive the award.", "Kim Park", "Red Field"),
    # a list that is not the subject's works
    ("Kim Park, whose favourite films include Red Field, will receive the award.", "Kim Park", "Blue Harbour"),
    ("Actor Kim Park said the festival's films include Red Field and Blue Harbour.", "Kim Park", "Red Field"),
])
def test_a_list_of_works_of_no_described_subject_or_of_someone_else_states_nothing(nlp, text, subject, work):
    assert not _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work, fact", [
    ("The BBC has ordered the drama Iron Coast. The series will be produced by Ruth Clay, who made Low Tide, and directed by "
     "Owen Marsh.", "Owen Marsh", "Iron Coast", ("creator_work", "director")),
    ("The film Iron Coast was written by Ruth Clay, the author of Low Tide, and directed by Owen Marsh.", "Owen Marsh",
     "Iron Coast", ("creator_work", "director")),
    ("The film Iron Coast, which was produced by Ruth Clay and later directed by Owen Marsh, opens in May.",
     "Owen Marsh", "Iron Coast", ("creator_work", "director")),
])
def test_a_makers_passive_joined_to_an_earlier_one_states_its_credit(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    # the second "by" belongs to a verb of its own clause, or to no maker's verb
    ("The film Iron Coast was written by Ruth Clay, and Owen Marsh directed Low Tide.", "Owen Marsh", "Iron Coast"),
    ("The film Iron Coast was written by Ruth Clay, who was praised by Owen Marsh.", "Owen Marsh", "Iron Coast"),
])
def test_a_by_of_another_clause_states_no_credit_of_the_title(nlp, text, subject, work):
    assert ("creator_work", "director") not in _all_stated(nlp, text, subject, work)
    assert ("creator_work", "writer") not in _all_stated(nlp, text, subject, work)



@pytest.mark.parametrize("text, subject, work, fact", [
    ("The film Harbour Lights opened the festival. The film's director, Ana Lopez, and its star, Tom Reed, attended.",
     "Ana Lopez", "Harbour Lights", ("creator_work", "director")),
    ("The drama Harbour Lights returns. Harbour Lights' creator Ana Lopez said more was to come.", "Ana Lopez",
     "Harbour Lights", ("creator_work", "creator")),
    ("The film Harbour Lights won. The film's nominated producers are Ana Lopez and Tom Reed.", "Tom Reed",
     "Harbour Lights", ("creator_work", "producer")),
    ("The series Night Shift is back. The show's new star, Ann Lee, said she was thrilled.", "Ann Lee", "Night Shift",
     ("cast_member", None)),
])
def test_a_role_noun_a_work_owns_states_the_names_after_it(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    # the names are not the role noun's: a clause of their own, or a relative clause between
    ("The film Harbour Lights opened. The film's director, who met Ana Lopez in May, was delighted.", "Ana Lopez",
     "Harbour Lights"),
    ("The film Harbour Lights opened. The film's director praised Ana Lopez.", "Ana Lopez", "Harbour Lights"),
])
def test_a_role_noun_a_work_owns_states_nothing_of_other_names(nlp, text, subject, work):
    assert not _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    ('Vivienne Cho\'s "Dry Creek" co-star Imogen Rask posted a photo.', "Vivienne Cho", "Dry Creek"),
    ('Vivienne Cho\'s "Dry Creek" co-star Imogen Rask posted a photo.', "Imogen Rask", "Dry Creek"),
    ("Tom Reed's Harbour Lights co-stars Ann Lee and Joe Kim were there too.", "Tom Reed", "Harbour Lights"),
])
def test_someones_co_star_in_a_work_puts_both_in_its_cast(nlp, text, subject, work):
    assert ("cast_member", None) in _all_stated(nlp, text, subject, work)


def test_someones_director_of_a_work_puts_the_owner_in_no_cast(nlp):
    assert ("cast_member", None) not in _all_stated(
        nlp, "Tom Reed's Harbour Lights director Ana Lopez posted a photo.", "Tom Reed", "Harbour Lights")


@pytest.mark.parametrize("text, subject, work, fact", [
    ("Cass Moreno, who went on to star in the series Harbor Unit, said she cried.", "Cass Moreno", "Harbor Unit",
     ("cast_member", None)),
    ("Ana Lopez went on to direct the film Harbour Lights in 2004.", "Ana Lopez", "Harbour Lights",
     ("creator_work", "director")),
])
def test_what_someone_went_on_to_do_is_done(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)



@pytest.mark.parametrize("text, subject, work, fact", [
    ("Manchester four-piece The Marrowbones went to number one with their third single, Paper Lanterns.",
     "The Marrowbones", "Paper Lanterns", ("creator_work", "performer")),
    ("Singer Mara Quinn released her debut album, Glass Houses, on Monday.", "Mara Quinn", "Glass Houses",
     ("creator_work", "performer")),
    ('Novelist Ann Hale has finished her new novel, "The Salt House".', "Ann Hale", "The Salt House",
     ("creator_work", "writer")),
])
def test_the_subjects_own_record_or_book_is_its_work(nlp, text, subject, work, fact):
    assert fact in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject, work", [
    ("Tom Reed praised Mara Quinn and her album Glass Houses.", "Tom Reed", "Glass Houses"),  # another name between
    ("Rapper Kane Morrow denied Zed Vale his number one after his song, Glass Houses, went to the top.", "Zed Vale",
     "Glass Houses"),  # the object's, not the subject's
    ("Tom Reed said he loved her song Glass Houses.", "Tom Reed", "Glass Houses"),  # the pronoun's sex is not his
    ("Tom Reed starred in his new film, Glass Houses.", "Tom Reed", "Glass Houses"),  # a film: role or direction
])
def test_a_record_no_subject_owns_states_no_credit(nlp, text, subject, work):
    assert ("creator_work", "performer") not in _all_stated(nlp, text, subject, work)
    assert ("creator_work", "director") not in _all_stated(nlp, text, subject, work)


@pytest.mark.parametrize("text, subject", [
    ("Maren Holt starred opposite Theo Vasquez in the comedy Two Tickets to Lisbon.", "Theo Vasquez"),
    ("Maren Holt starred opposite Theo Vasquez and Ann Lee in the comedy Two Tickets to Lisbon.", "Ann Lee"),
    ("Maren Holt has appeared alongside Theo Vasquez in the comedy Two Tickets to Lisbon.", "Theo Vasquez"),
])
def test_a_partner_opposite_or_alongside_in_a_work_is_in_its_cast(nlp, text, subject):
    assert ("cast_member", None) in _all_stated(nlp, text, subject, "Two Tickets to Lisbon")


def test_sitting_opposite_someone_puts_no_one_in_a_cast(nlp):
    text = "Maren Holt sat opposite Theo Vasquez in the comedy Two Tickets to Lisbon."
    assert ("cast_member", None) not in _all_stated(nlp, text, "Theo Vasquez", "Two Tickets to Lisbon")


@pytest.mark.parametrize("text, subject, work, fact", [
    # each name after a work's possessive takes its own role noun
    ("The film Harbour Lights won. The film's director Ana Lopez and star Tom Reed attended.", "Tom Reed",
     "Harbour Lights", ("creator_work", "director")),
    # a second passive with a subject of its own is not the title's
    ('"Harbour Lights" was produced by Ana Lopez, and her next project was directed by Tom Reed.', "Tom Reed",
     "Harbour Lights", ("creator_work", "director")),
    # a list of someone's hits ends where a title begins another phrase
    ('Singer Maria Vale, whose hits include "Paper Lanterns", and "Blue Harbour" singer Ben Cole performed.',
     "Maria Vale", "Blue Harbour", ("creator_work", "performer")),
    # someone's favourite album is someone else's
    ('Maria Vale named her favourite album, "Blue", as an influence.', "Maria Vale", "Blue",
     ("creator_work", "performer")),
    ("Maria Vale said her favourite novel, The Salt House, changed her life.", "Maria Vale", "The Salt House",
     ("creator_work", "writer")),
])
def test_near_misses_of_the_possessive_and_passive_constructions_state_nothing(nlp, text, subject, work, fact):
    assert fact not in _all_stated(nlp, text, subject, work)


def test_co_stars_a_work_owns_are_its_cast(nlp):
    text = "The film Harbour Lights won. The film's co-stars Tom Reed and Ann Lee attended."
    assert ("cast_member", None) in _all_stated(nlp, text, "Ann Lee", "Harbour Lights")


def test_a_long_awaited_debut_album_is_the_subjects_own(nlp):
    text = 'Singer Maria Vale released her long-awaited debut album, "Blue", on Monday.'
    assert ("creator_work", "performer") in _all_stated(nlp, text, "Maria Vale", "Blue")
