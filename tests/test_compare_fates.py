"""The fate of the hurt told two ways: expected to live against a later death, all released against one still
in hospital."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare.fates import fate_findings
from consistency.records import Attribution, Claim, Entity, Quantity


def claim(cid: str, text: str, *, outlet: str, day: int, people: tuple[str, ...] = ()) -> Claim:
    """A claim of story s1 with the given names tagged as people."""
    ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), "PERSON", f"PERSON:{n.split()[-1].casefold()}")
                 for n in people)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=0, end=len(text),
                 content=text, attribution=Attribution(source=outlet, source_kind="outlet"), entities=ents,
                 story_id="s1")


def kinds(found) -> list[tuple[str, str, str]]:
    return sorted((f.type.value, f.value_a, f.value_b) for f in found)


def test_fates_all_expected_to_survive_then_one_of_them_died_is_an_update():
    a = claim("a#1", "All four people wounded at the party are expected to survive, police said.", outlet="A", day=4)
    b = claim("b#1", "A man injured in the party shooting last week has died.", outlet="B", day=12)
    same_day = claim("c#1", "A man injured in the party shooting has died.", outlet="C", day=4)
    assert kinds(fate_findings([a, b])) == [("update", "expected to survive", "has died")]
    assert kinds(fate_findings([a, same_day])) == [("polarity", "expected to survive", "has died")]


def test_fates_a_forecast_of_one_unnamed_person_or_a_death_at_the_scene_is_no_clash():
    a = claim("a#1", "The woman is expected to survive.", outlet="A", day=4)
    b = claim("b#1", "A man injured in the shooting has died.", outlet="B", day=9)
    scene = claim("c#1", "One man died at the scene.", outlet="C", day=9)
    every = claim("d#1", "Both victims are expected to recover.", outlet="D", day=4)
    assert fate_findings([a, b]) == []
    assert fate_findings([every, scene]) == []


def test_fates_named_forecast_then_named_death():
    a = claim("a#1", "Officer Dana Quill is expected to survive her wounds.", outlet="A", day=4, people=("Dana Quill",))
    b = claim("b#1", "Dana Quill died on Sunday, the department said.", outlet="B", day=7, people=("Dana Quill",))
    assert kinds(fate_findings([a, b])) == [("update", "expected to survive", "died on Sunday")]


def test_fates_all_released_against_still_in_hospital_the_same_day():
    a = claim("a#1", "The wounded guests were all treated and released from area hospitals.", outlet="A", day=4)
    b = claim("b#1", "One of the guests is still in critical condition, his brother said.", outlet="B", day=4)
    back = claim("c#1", "One of the guests is still in critical condition.", outlet="C", day=2)
    assert kinds(fate_findings([a, b])) == [("polarity", "treated and released", "is still in critical condition")]
    assert fate_findings([a, back]) == []  # in hospital, then released days later: the story moved on


def test_fates_two_released_against_others_still_in_hospital_is_no_clash():
    a = claim("a#1", "They have both been treated and released.", outlet="A", day=4)
    b = claim("b#1", "The two bystanders who were shot remain in the hospital.", outlet="B", day=5)
    c = claim("c#1", "One of the bystanders is still in serious condition.", outlet="C", day=5)
    assert fate_findings([a, b]) == [] and fate_findings([a, c]) == []


def test_fates_flags_explain_the_two_states():
    from consistency.compare.fates import fate_flags

    a = claim("a#1", "All three people hurt in the fire are expected to recover.", outlet="A", day=4)
    b = claim("b#1", "One of the people hurt in the fire has died.", outlet="B", day=9)
    (flag,) = fate_flags([a, b])
    assert flag.type.value == "update" and flag.articles == ("a", "b")
    assert "expected to recover" in flag.explanation and "has died" in flag.explanation



def test_fates_a_death_is_cited_with_the_sentences_that_name_who_died():
    from consistency.compare.fates import fate_flags

    a = claim("a#1", "All five people shot at the bus stop are expected to survive.", outlet="A", day=4)
    b1 = claim("b#1", "A man wounded in the bus stop shooting has died.", outlet="B", day=12)
    b2 = claim("b#2", "Police said Rob Tanner, 40, died on Saturday at the county hospital.", outlet="B", day=12,
               people=("Rob Tanner",))
    (flag,) = fate_flags([a, b1, b2])
    assert [e.claim_id for e in flag.evidence] == ["a#1", "b#1", "b#2"]


def test_fates_an_article_that_tells_both_states_is_left_out():
    a = claim("a#1", "All the wounded are expected to recover.", outlet="A", day=4)
    b1 = claim("b#1", "One of the wounded has since died.", outlet="B", day=9)
    b2 = claim("b#2", "The others are all expected to recover.", outlet="B", day=9)
    assert fate_findings([a, b1, b2]) == []


def test_fates_a_named_death_against_the_group_needs_the_person_hurt_first():
    a = claim("a#1", "The other three victims are all expected to survive.", outlet="A", day=4)
    killed = claim("b#1", "Sam Orr died on Sunday, his family said.", outlet="B", day=6, people=("Sam Orr",))
    wounded = claim("c#1", "Sam Orr, wounded in the shooting, died on Sunday.", outlet="C", day=6, people=("Sam Orr",))
    assert fate_findings([a, killed]) == []
    assert kinds(fate_findings([a, wounded])) == [("update", "expected to survive", "died on Sunday")]


def test_fates_one_person_told_by_a_noun_expected_to_live_then_dead_days_later():
    a = claim("a#1", "The boy was flown to a trauma center and is expected to survive, deputies said.", outlet="A",
              day=4)
    b = claim("b#1", "A 6-year-old boy has died, days after he was struck by a stray bullet.", outlet="B", day=8)
    same_day = claim("c#1", "A 6-year-old boy has died after the shooting.", outlet="C", day=4)
    other = claim("d#1", "A woman has died, days after the shooting.", outlet="D", day=8)
    several = claim("e#1", "Another boy has died, days after the shooting.", outlet="E", day=8)
    assert kinds(fate_findings([a, b])) == [("update", "expected to survive", "has died")]
    assert fate_findings([a, same_day]) == []  # one day: maybe two boys
    assert fate_findings([a, other]) == [] and fate_findings([a, several]) == []


def test_fates_the_surviving_hurt_counted_are_the_group_unless_one_is_called_critical():
    a = claim("a#1", "Five were shot, two of whom died and three of whom have non-life-threatening wounds.",
              outlet="A", day=4)
    b = claim("b#1", "A third person wounded in the shooting has died, relatives said.", outlet="B", day=9)
    grave = claim("a#2", "One of the wounded is in critical condition.", outlet="A", day=4)
    assert kinds(fate_findings([a, b])) == [("update", "non-life-threatening", "has died")]
    assert fate_findings([a, grave, b]) == []


def test_fates_a_speaker_named_after_the_forecast_is_not_whose_it_is():
    a = claim("a#1", '"All of them have wounds that are not life-threatening," explained Chief Lee Varga.',
              outlet="A", day=4, people=("Lee Varga",))
    b = claim("b#1", "One of the victims wounded at the market has since died.", outlet="B", day=7)
    assert kinds(fate_findings([a, b])) == [("update", "not life-threatening", "has since died")]


def test_fates_a_named_person_dead_at_the_scene_against_dead_in_hospital():
    scene = claim("a#1", "Deputies found Omar Pell dead in the driveway.", outlet="A", day=4, people=("Omar Pell",))
    hosp = claim("b#1", "Pell was taken to a county hospital, where he died.", outlet="B", day=4, people=("Pell",))
    other = claim("c#1", "Ray Dunn was taken to a county hospital, where he died.", outlet="C", day=4,
                  people=("Ray Dunn",))
    pronounced = claim("d#1", "Pell was pronounced dead at the hospital.", outlet="D", day=4, people=("Pell",))
    assert kinds(fate_findings([scene, hosp])) == [("polarity", "found Omar Pell dead",
                                                   "taken to a county hospital, where he died")]
    assert fate_findings([scene, other]) == [] and fate_findings([scene, pronounced]) == []


def test_fates_a_named_person_dead_on_the_way_against_dead_in_hospital_or_at_the_scene():
    way = claim("a#1", "Ina Vold lived through the first shots but died on the way to Elm Hospital, Sgt. Abe Kross "
                "said.", outlet="A", day=4, people=("Ina Vold", "Abe Kross"))
    hosp = claim("b#1", "Vold died at Larkfield General Hospital.", outlet="B", day=4, people=("Vold",))
    scene = claim("c#1", "Vold died at the scene.", outlet="C", day=4, people=("Vold",))
    other = claim("d#1", "Tom Brill died at Larkfield General Hospital.", outlet="D", day=4, people=("Tom Brill",))
    assert kinds(fate_findings([way, hosp])) == [("polarity", "died on the way to",
                                                 "died at Larkfield General Hospital")]
    assert kinds(fate_findings([way, scene])) == [("polarity", "died on the way to", "died at the scene")]
    assert fate_findings([way, other]) == []


def test_fates_each_clause_of_a_sentence_with_two_places_of_death_is_read_for_its_own():
    both = claim("a#1", "Two men died at the scene, while Ina Vold died at Larkfield General Hospital.", outlet="A",
                 day=4, people=("Ina Vold",))
    way = claim("b#1", "Vold died on the way to the hospital.", outlet="B", day=4)  # the tagger missed the surname
    assert kinds(fate_findings([both, way])) == [("polarity", "died at Larkfield General Hospital",
                                                 "died on the way to")]
    unnamed = claim("c#1", "Two men died at the scene, while a woman died at Larkfield General Hospital.", outlet="C",
                    day=4)
    assert fate_findings([unnamed, way]) == []


def test_fates_dead_before_help_came_and_a_given_name_alone_in_a_clause_joined_by_and():
    scene = claim("a#1", "Wade Orrin was dead when deputies and medics arrived.", outlet="A", day=4,
                  people=("Wade Orrin",))
    both = claim("b#1", "Deputies say Bea died at the scene and Wade died later at the hospital.", outlet="B", day=4,
                 people=("Bea", "Wade"))
    names = claim("c#1", "Bea Orrin and Wade Orrin were shot at their farm, as was Wanda Orrin.", outlet="C", day=4,
                  people=("Bea Orrin", "Wade Orrin", "Wanda Orrin"))
    assert kinds(fate_findings([scene, both, names])) == [
        ("polarity", "was dead when deputies and medics arrived", "died later at the hospital")]
    other = claim("d#1", "Deputies say Bea died at the scene and Cole died later at the hospital.", outlet="D", day=4,
                  people=("Bea", "Cole"))
    assert fate_findings([scene, other, names]) == []


def test_fates_the_victims_dying_in_hospital_against_one_of_them_told_dead_at_the_scene():
    group = claim("a#1", "The two victims were rushed to a county hospital where they later died.", outlet="A", day=4)
    scene = claim("b#1", "The woman died at the scene.", outlet="B", day=4)
    assert kinds(fate_findings([group, scene])) == [
        ("polarity", "rushed to a county hospital where they later died", "died at the scene")]
    pair = claim("c#1", "The man and the girl were both rushed to a county hospital where they later died.", outlet="C",
                 day=4)
    also = claim("d#1", "The woman was rushed to a county hospital where she later died.", outlet="D", day=4)
    assert fate_findings([pair, scene]) == [] and fate_findings([group, also]) == []


def lead(cid: str, text: str, outlet: str, figure: str) -> Claim:
    """A lead claim of story s1 counting the killed by ``figure``."""
    i = text.index(figure)
    value = float({"one": 1, "two": 2}[figure.casefold()])
    return replace(claim(cid, text, outlet=outlet, day=4),
                   quantities=(Quantity(figure, i, i + len(figure), value, value, value, unit="man"),))


def test_fates_the_one_dead_of_a_story_told_unnamed_dead_at_the_scene_and_in_hospital():
    counted = lead("a#0", "One man was killed and two women were hurt in a shooting outside a bar.", "A", "One")
    scene = claim("a#1", "The man died at the scene.", outlet="A", day=4)
    hosp = claim("b#1", "One of the men was taken to Larkfield General Hospital, where he died.", outlet="B", day=4)
    assert kinds(fate_findings([counted, scene, hosp])) == [
        ("polarity", "died at the scene", "taken to Larkfield General Hospital, where he died")]
    two = lead("a#0", "Two men were killed and two women were hurt in a shooting outside a bar.", "A", "Two")
    assert fate_findings([two, scene, hosp]) == [] and fate_findings([scene, hosp]) == []
    another = claim("c#1", "Another man died at the scene.", outlet="C", day=4)
    himself = claim("d#1", "The man then shot himself and died at the scene.", outlet="D", day=4)
    assert fate_findings([counted, another, hosp]) == [] and fate_findings([counted, himself, hosp]) == []


def test_fates_the_hurt_told_alive_then_one_of_them_dead_days_later_is_an_update():
    a = claim("a#1", "The shooting left a 20-year-old man dead and a 16-year-old boy injured.", outlet="A", day=4)
    b = claim("b#1", "A teenager wounded in the shooting that killed his cousin died Tuesday.", outlet="B", day=7)
    assert kinds(fate_findings([a, b])) == [("update", "and a 16-year-old boy injured", "died Tuesday")]
    assert fate_findings([a, claim("c#1", b.text, outlet="C", day=4)]) == []  # the same day: maybe not yet known
    # one hurt person alone is later_deaths.py's, which first makes sure no one else was hit
    alone = claim("d#1", "A boy of 16 was injured by a stray round.", outlet="D", day=4)
    assert fate_findings([alone, b]) == []


def test_fates_a_death_report_that_recalls_the_hurt_keeps_its_death():
    a = claim("a#1", "Two other people were wounded in the shooting, police said.", outlet="A", day=4)
    b = claim("b#1", "A man injured in the shooting on Main Street died Monday night.", outlet="B", day=9)
    recalls = claim("b#2", "Two teens were killed there and three others were wounded.", outlet="B", day=9)
    assert kinds(fate_findings([a, b, recalls])) == [("update", "Two other people were wounded", "died Monday")]
    # the hurt told with a death after them is no word that they are alive
    c = claim("c#1", "Two other people were wounded, and one of them later died.", outlet="C", day=4)
    assert fate_findings([c, b]) == []


def test_fates_one_outlets_reports_of_the_hurt_alive_stand_once_by_its_first():
    a1 = claim("a#1", "At a card game on Elm Row one man was killed, and three more men were wounded.", outlet="A",
               day=4)
    a2 = claim("a2#1", "Police arrested a man in the card game shooting that left three others wounded.", outlet="A",
               day=6)
    b = claim("b#1", "A man injured at the card game on Elm Row in March died Sunday, police said.", outlet="B",
              day=20)
    (found,) = fate_findings([a1, a2, b])
    assert (found.a.id, found.b.id) == ("a#1", "b#1")
    c = claim("c#1", "Three others were wounded at the card game, police said.", outlet="C", day=5)
    assert sorted(f.a.id for f in fate_findings([a1, a2, c, b])) == ["a#1", "c#1"]  # two outlets, two words


def test_fates_a_death_of_one_of_the_hurt_cites_the_report_that_called_one_critical():
    from consistency.compare.fates import fate_flags

    a1 = claim("a#1", "Two people were killed at the depot and two others were wounded.", outlet="A", day=4)
    a2 = claim("a#2", "Dale Vorst was in critical condition.", outlet="A", day=4, people=("Dale Vorst",))
    a3 = claim("a#3", "The gunman was in critical condition too.", outlet="A", day=4)
    b = claim("b#1", "A man wounded at the depot on Saturday has died from his wounds.", outlet="B", day=7)
    (flag,) = fate_flags([a1, a2, a3, b])
    assert [e.claim_id for e in flag.evidence] == ["a#1", "b#1", "a#2"]  # not the gunman's condition


def test_fates_one_critically_wounded_against_none_gravely_hurt_is_a_polarity():
    a = claim("a#1", "One man was critically wounded at the cookout.", outlet="A", day=4)
    b = claim("b#1", "None of the wounded had life-threatening wounds, officers said.", outlet="B", day=4)
    assert kinds(fate_findings([a, b])) == [("polarity", "critically wounded",
                                             "None of the wounded had life-threatening")]


def test_fates_one_unnamed_person_called_critical_and_stable_by_two_reports():
    a = claim("a#1", "His son was hit in the shoulder but is in stable condition.", outlet="A", day=4)
    b = claim("b#1", "The boy was taken to a children's hospital and listed in critical condition.", outlet="B",
              day=5)
    assert kinds(fate_findings([a, b])) == [("polarity", "stable condition", "critical condition")]


def test_fates_critical_then_mild_days_later_is_an_update_but_injuries_judged_twice_are_not():
    a = claim("a#1", "The toddler remains in critical, but stable condition.", outlet="A", day=4)
    b = claim("b#1", "The toddler suffered non-life-threatening injuries, deputies said.", outlet="B", day=5)
    assert kinds(fate_findings([a, b])) == [("update", "critical, but stable condition", "non-life-threatening")]
    c = claim("c#1", "Three women outside the store received life-threatening injuries.", outlet="C", day=4)
    d = claim("d#1", "All three had wounds that officials called not life-threatening.", outlet="D", day=5)
    assert kinds(fate_findings([c, d])) == [("polarity", "life-threatening injuries", "not life-threatening")]


def test_fates_conditions_of_two_people_are_no_clash():
    # a report that calls one of the hurt critical and another stable may tell of another than a lone "he"
    a1 = claim("a#1", "The driver was in critical condition.", outlet="A", day=4)
    a2 = claim("a#2", "Officer Kim Dale was in stable condition.", outlet="A", day=4, people=("Kim Dale",))
    b = claim("b#1", "He is in stable condition, police said.", outlet="B", day=4)
    assert fate_findings([a1, a2, b]) == []
    # the hurt counted may be some of them only
    c = claim("c#1", "Four victims went to hospital in critical condition.", outlet="C", day=4)
    d = claim("d#1", "A fifth man also was shot but his injuries are not life-threatening.", outlet="D", day=4)
    assert fate_findings([c, d]) == []
    # "none of their injuries", after a sentence on two of them
    e = claim("e#1", "None of their wounds is thought to be life-threatening.", outlet="E", day=4)
    assert fate_findings([e, a1]) == []
    # "the man" and "the girl" are two; a man critical before he died tells no condition of the living
    man = claim("f#1", "The man was taken to a trauma center in critical condition.", outlet="F", day=4)
    girl = claim("g#1", "The girl was taken to a children's hospital in stable condition.", outlet="G", day=4)
    died = claim("h#1", "The girl was in critical condition before she was pronounced dead.", outlet="H", day=4)
    assert fate_findings([man, girl]) == [] and fate_findings([died, girl]) == []


def test_fates_a_speaker_or_a_hospital_is_not_whose_condition_it_is():
    a = claim("a#1", "Dale Ruiz described the injuries as non-life-threatening.", outlet="A", day=4,
              people=("Dale Ruiz",))
    b = claim("b#1", "The girl was in critical condition, Sgt. Lou Banks, a spokesman for the police, said.",
              outlet="B", day=4, people=("Lou Banks",))
    c = claim("c#1", "He was taken to Mercy Hospital in critical condition.", outlet="C", day=4,
              people=("Mercy",))
    assert kinds(fate_findings([a, b])) == [("polarity", "non-life-threatening", "critical condition")]
    assert kinds(fate_findings([a, c])) == [("polarity", "non-life-threatening", "critical condition")]


def test_fates_a_report_that_tells_one_listed_critical_and_all_released_tells_the_change():
    a = claim("a#1", "A woman shot at the party is in critical condition.", outlet="A", day=4)
    b1 = claim("b#1", "She was shot twice and was listed in critical condition.", outlet="B", day=4)
    b2 = claim("b#2", "All have since been released from the hospital, police said.", outlet="B", day=4)
    assert [f.type.value for f in fate_findings([a, b1, b2]) if "released" in f.value_b] == []


def test_fates_a_named_death_days_after_the_shooting_is_of_one_of_the_hurt():
    a = claim("a#1", "Both teens are expected to survive, police said.", outlet="A", day=4)
    later = claim("b#1", "Milo Brand died Friday, three days after he was shot.", outlet="B", day=8,
                  people=("Milo Brand",))
    wounds = claim("c#1", "Milo Brand died Friday of his injuries.", outlet="C", day=8, people=("Milo Brand",))
    outright = claim("d#1", "Milo Brand died Friday.", outlet="D", day=8, people=("Milo Brand",))
    assert kinds(fate_findings([a, later])) == [("update", "expected to survive", "died Friday")]
    assert kinds(fate_findings([a, wounds])) == [("update", "expected to survive", "died Friday")]
    assert fate_findings([a, outright]) == []


def test_fates_one_update_per_forecast_undone_against_the_first_death_told():
    a = claim("a#1", "All three wounded men are expected to survive.", outlet="A", day=4)
    first = claim("b#1", "One of the men wounded at the bar has since died.", outlet="B", day=7)
    recall = claim("c#1", "One of the men wounded at the bar has died, a month after the shooting.", outlet="C",
                   day=30)
    found = fate_findings([a, first, recall])
    assert [(f.a.id, f.b.id) for f in found] == [("a#1", "b#1")]


def test_fates_a_report_that_tells_a_later_death_tells_the_change_itself():
    a = claim("a#1", "Two other people were wounded in the shooting.", outlet="A", day=5)
    own = claim("a#2", "One of two boys shot Friday has died.", outlet="A", day=5)
    b = claim("b#1", "A man wounded in the shooting has died.", outlet="B", day=9)
    assert fate_findings([a, own, b]) == []
    assert kinds(fate_findings([a, b])) == [("update", "Two other people were wounded", "has died")]


def test_fates_some_of_the_hurt_told_critical_by_a_range_against_none_gravely_hurt():
    a = claim("a#1", "Two men and a woman, with injuries ranging from minor to critical, were taken to Elm Grove "
              "Hospital.", outlet="A", day=4)
    b = claim("b#1", "All three had non-life-threatening injuries, a deputy said.", outlet="B", day=4)
    assert kinds(fate_findings([a, b])) == [("polarity", "ranging from minor to critical", "non-life-threatening")]
    # a range is some of the hurt, never one person told by a pronoun
    c = claim("c#1", "He is in stable condition, police said.", outlet="C", day=4)
    assert fate_findings([a, c]) == []


def test_fates_the_others_hurt_beside_the_dead_against_none_gravely_hurt():
    a = claim("a#1", "Dale Orrin, 31, died at the block party, while six others suffered life-threatening "
              "injuries.", outlet="A", day=4, people=("Dale Orrin",))
    b = claim("b#1", "None of the wounded had life-threatening wounds, a sergeant said.", outlet="B", day=4)
    assert kinds(fate_findings([a, b])) == [("polarity", "life-threatening injuries",
                                             "None of the wounded had life-threatening")]
    # the others counted are not the named dead man, nor all of the hurt against one of them
    c = claim("c#1", "Orrin was in stable condition before he was moved.", outlet="C", day=4, people=("Orrin",))
    d = claim("d#1", "A woman hurt in the shooting is in stable condition.", outlet="D", day=4)
    assert fate_findings([a, c]) == [] and fate_findings([a, d]) == []
