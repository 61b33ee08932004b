"""Ages one person is given by two outlets of a story, on invented claims: what is flagged and what must not be."""

from dataclasses import replace

from consistency.compare import story_flags
from consistency.compare.ages import age_flags, ages_apart, age_mentions, same_named_person
from consistency.records import Entity
from person_claims import claim


def values(flags) -> list[set[str]]:
    return [set(f.values.values()) for f in flags]


def test_ages_a_full_name_and_a_shorter_one_disagree():
    a = claim("a#1", "Ann Lee Ray, 17, and 12-year-old Bo Kell were found at the scene.", ("Ann Lee Ray", "Bo Kell"))
    b = claim("b#1", "Bo Kell, 12, and Ann Ray, 18, died in the attack.", ("Bo Kell", "Ann Ray"), outlet="B", day=3)
    flags = age_flags([a, b])
    assert values(flags) == [{"17", "18"}] and flags[0].type == "number"
    assert values(story_flags([a, b])) == [{"17", "18"}]


def test_ages_a_surname_alone_when_one_person_bears_it():
    a = claim("a#1", "Police named the driver as Tom Hale, 38, of Dunmore.", ("Tom Hale",))
    b = claim("b#1", "Hale, 36, was taken to a hospital.", ("Hale",), outlet="B")
    assert values(age_flags([a, b])) == [{"38", "36"}]
    c = claim("c#1", "His wife, Mia Hale, 36, was unhurt.", ("Mia Hale",), outlet="C")
    assert age_flags([a, b, c]) == []  # two Hales: the bare surname may be either


def test_ages_a_role_only_one_person_fits():
    a = claim("a#1", "The victim, Tom Hale, 38, was taken to a hospital.", ("Tom Hale",))
    b = claim("b#1", "The 45-year-old man wounded at the fair was driven to a clinic.", outlet="B")
    assert values(age_flags([a, b])) == [{"38", "45"}]
    c = claim("c#1", "The victim, Lou Dane, 45, died at the scene.", ("Lou Dane",))
    assert age_flags([a, b, c]) == []  # two victims: the wounded man may be either


def test_ages_two_people_of_one_story_are_not_compared():
    a = claim("a#1", "Tom Hale, 23, was shot by Lou Dane, 25.", ("Tom Hale", "Lou Dane"))
    b = claim("b#1", "Lou Dane, 25, is charged with shooting Tom Hale, 23.", ("Lou Dane", "Tom Hale"), outlet="B")
    assert age_flags([a, b]) == []


def test_ages_one_family_is_several_people():
    a = claim("a#1", "Officer Jerry Oakes, 35, was hurt in a crash.", ("Jerry Oakes",))
    b = claim("b#1", "His son, 17-year-old Jeremy Oakes, spoke at the vigil.", ("Jeremy Oakes",), outlet="B")
    c = claim("c#1", "Jeremy Oakes, 18, thanked the jury.", ("Jeremy Oakes",), outlet="C")
    assert age_flags([a, b]) == []
    assert same_named_person(("jon", "stewart"), ("john", "stewart"), {})
    assert same_named_person(("bill", "hale"), ("william", "hale"), {})  # the names module's given-name rule
    apart = {"hale": {("tom", "hale"), ("tom", "hale", "jr")}}  # a report names the father and the son
    assert not same_named_person(("tom", "hale", "jr"), ("tom", "hale"), apart)
    assert not same_named_person(("tom", "hale", "jr"), ("tom", "hale", "sr"), {})
    assert same_named_person(("tom", "hale", "iii"), ("tom", "hale"), {"hale": {("tom", "hale")}})
    assert age_flags([a, b, c]) == []  # Jeremy's 17 and 18 is another matter: the jury is a later time


def test_ages_time_between_reports():
    a = claim("a#1", "Kim Roe, 19, was booked on a charge of robbery.", ("Kim Roe",))
    later = claim("b#1", "Kim Roe, 20, was booked again.", ("Kim Roe",), outlet="B", day=200)
    soon = claim("b#1", "Kim Roe, 20, was booked again.", ("Kim Roe",), outlet="B", day=2)
    younger = claim("b#1", "Kim Roe, 18, was booked again.", ("Kim Roe",), outlet="B", day=200)
    years = claim("b#1", "Kim Roe, 21, was booked again.", ("Kim Roe",), outlet="B", day=400)
    assert age_flags([a, later]) == []  # a birthday between the reports
    assert age_flags([a, years]) == []  # a year gone by, and a birthday
    assert values(age_flags([a, soon])) == [{"19", "20"}]
    assert values(age_flags([a, younger])) == [{"19", "18"}]
    m = age_mentions([a, soon])
    assert ages_apart(m[0], m[1])


def test_ages_a_trial_is_another_time():
    a = claim("a#1", "Kim Roe, 27, was held on Friday after the raid.", ("Kim Roe",))
    b = claim("b#1", "The jury found Kim Roe, 29, guilty of theft.", ("Kim Roe",), outlet="B")
    assert age_flags([a, b]) == []


def test_ages_the_odd_report_is_flagged_once():
    a = claim("a#1", "Kim Roe, 32, died on the climb.", ("Kim Roe",))
    b = claim("b#1", "Kim Roe, 32, fell on the ridge.", ("Kim Roe",), outlet="B")
    c = claim("c#1", "A hiker, 31-year-old Kim Roe, lost the path.", ("Kim Roe",), outlet="C")
    flags = age_flags([a, b, c])
    assert values(flags) == [{"32", "31"}]


def test_ages_a_correction_is_an_update():
    a = claim("a#1", "Kim Roe, 32, died on the climb.", ("Kim Roe",))
    b = claim("b#1", "Kim Roe, 23, died on the climb, police said in a corrected statement.", ("Kim Roe",),
              outlet="B", day=1)
    assert [f.type for f in age_flags([a, b])] == ["update"]


def test_ages_of_two_stories_are_apart():
    a = claim("a#1", "Kim Roe, 32, died on the climb.", ("Kim Roe",))
    b = claim("b#1", "Kim Roe, 31, died on the climb.", ("Kim Roe",), outlet="B", story="s2")
    assert age_flags([a, b]) == []


def test_ages_a_figure_already_flagged_is_not_flagged_again():
    a = claim("a#1", "Kim Roe, 32, died on the climb.", ("Kim Roe",))
    b = claim("b#1", "Kim Roe, 31, died on the climb.", ("Kim Roe",), outlet="B")
    first = age_flags([a, b])
    assert len(first) == 1 and age_flags([a, b], first) == []
    assert len(story_flags([a, b])) == 1 and story_flags([a, b], first) == []


def test_ages_an_unnamed_boy_one_of_each_report():
    a = claim("a#1", "Police said a 9-year-old girl was hit by a 14-year-old boy in the yard.")
    b = claim("b#1", "The 13-year-old boy who fired the rifle was questioned.", outlet="B", day=1)
    assert values(age_flags([a, b])) == [{"14", "13"}]  # a day later, a year younger


def test_ages_a_kin_word_two_people_of_a_report_may_bear_is_not_compared():
    a = claim("a#1", "Police said a 12-year-old boy brought a pistol home, where his 8-year-old brother found it.")
    b = claim("b#1", "The 8-year-old boy who was wounded is in hospital.", outlet="B", day=1)
    assert age_flags([a, b]) == []  # the brother is a boy too: "the boy" is not one person there
    c = claim("c#1", "Police said a 5-year-old girl and a 10-year-old girl were in the car.")
    d = claim("d#1", "The 6-year-old girl was unhurt.", outlet="B")
    assert age_flags([c, d]) == []  # the story has two girls


def test_ages_a_child_named_through_a_parent_is_not_a_person_of_the_happening():
    a = claim("a#1", "Police said a 9-year-old girl was among the five people hurt at the fair.")
    b = claim("b#1", "Tessa Morrow, the mother of a 3-year-old girl, was killed at the fair.", outlet="B", day=1)
    assert age_flags([a, b]) == []
    c = claim("c#1", "Speaking to the press, the aunt of an 8-year-old girl who was wounded by a stray round thanked medics.", outlet="C",
              day=1)
    assert values(age_flags([a, c])) == [{"9", "8"}]  # the words after give the girl a part: she was hit


def test_ages_the_same_word_in_two_parts_of_the_happening_is_two_people():
    a = claim("a#1", "Deputies said a 7-year-old boy who was wounded is recovering.")
    b = claim("b#1", "The 10-year-old boy who fired the gun was not hurt.", outlet="B", day=1)
    assert age_flags([a, b]) == []


def test_ages_a_baby_in_months_and_in_years():
    a = claim("a#1", "A man shot his wife and their 5-month-old baby girl, police said.")
    b = claim("b#1", "Police said their 2-year-old baby was wounded.", outlet="B")
    assert values(age_flags([a, b])) == [{"5-month-old", "2"}]
    c = claim("c#1", "The 1-year-old girl was flown to a hospital.", outlet="C")
    d = claim("d#1", "The 2-year-old girl is recovering.", outlet="D")
    assert age_flags([c, d]) == []  # a toddler's months are rounded either way


def test_ages_a_named_person_a_report_calls_the_son():
    a = claim("a#1", "The burglars met the owner's 18-year-old son, who fired.")
    b = claim("b#1", "Officers first said the son was younger; he is 24-year-old Sam Orr.", ("Sam Orr",),
              outlet="B", day=2)
    assert values(age_flags([a, b])) == [{"18", "24"}]


def test_ages_a_later_lower_age_is_a_conflict_but_not_against_a_trial():
    a = claim("a#1", "Sam Orr, 30, was arrested on Friday.", ("Sam Orr",))
    b = claim("b#1", "29-year-old Sam Orr was held without bail.", ("Sam Orr",), outlet="B", day=200)
    assert values(age_flags([a, b])) == [{"30", "29"}]
    c = claim("c#1", "A jury found Sam Orr, 31, guilty of murder.", ("Sam Orr",), outlet="C")
    d = claim("d#1", "Police were still searching for Sam Orr, 29.", ("Sam Orr",), outlet="D", day=2)
    assert age_flags([c, d]) == []


def test_ages_a_sentence_that_sets_a_first_belief_against_the_present_one_is_an_update():
    a = claim("a#1", "Kim Roe, 32, died on the climb.", ("Kim Roe",))
    b = claim("b#1", "Police initially described the climber as older, but now say Kim Roe, 23, died on the climb.",
              ("Kim Roe",), outlet="B", day=1)
    assert [f.type for f in age_flags([a, b])] == ["update"]
    plain = claim("b#1", "Kim Roe, 23, was initially taken to the lodge and is now at home.", ("Kim Roe",), outlet="B",
                  day=1)
    assert [f.type for f in age_flags([a, plain])] == ["number"]


def test_ages_a_boy_killed_is_not_the_boy_charged():
    a = claim("a#1", "Police said they charged a 17-year-old boy with the death.")
    b = claim("b#1", "Officers are looking into the deadly shooting of a 15-year-old boy.", outlet="B", day=1)
    assert age_flags([a, b]) == []
    c = claim("c#1", "Officers stopped a car with the 16-year-old boy inside.", outlet="C", day=1)
    c2 = claim("c#2", "Police said the 16-year-old boy is charged with murder.", outlet="C", day=1)
    assert age_flags([b, c, c2]) == []  # another sentence of the report says the 16-year-old is the one charged


def test_ages_one_part_read_across_a_report():
    a = claim("a#1", "Deputies said the girl was with a 9-year-old girl and a 12-year-old boy.")
    a2 = claim("a#2", "Deputies said it was a 12-year-old boy who fired the gun.")
    b = claim("b#1", "Police said the girl was fatally shot by an 11-year-old boy.", outlet="B", day=1)
    assert values(age_flags([a, a2, b])) == [{"12", "11"}]


def test_ages_a_relative_of_the_named_person_is_someone_else():
    a = claim("a#1", "Gunfire hit the house, killing Tom Reyes, 11, and wounding his 16-year-old brother.",
              ("Tom Reyes",))
    b = claim("b#1", "Neighbors said 11-year-old Tom Reyes was home with his brother.", ("Tom Reyes",), outlet="B")
    assert age_flags([a, b]) == []


def test_ages_of_another_incident_are_not_compared():
    a = claim("a#1", "The 6-year-old girl was wounded on Friday, police said.")
    b = claim("b#1", "Also last month, a 5-year-old girl was wounded in a separate incident.", outlet="B", day=1)
    c = claim("c#1", "It comes after a 4-year-old girl was killed last spring.", outlet="C", day=1)
    assert age_flags([a, b]) == [] and age_flags([a, c]) == []


def test_ages_a_boy_who_shot_someone_is_not_the_boy_shot():
    a = claim("a#1", "Police said the 8-year-old boy shot his sister in the yard.")
    b = claim("b#1", "Police said the 6-year-old boy was shot in the leg.", outlet="B", day=1)
    assert age_flags([a, b]) == []
    c = claim("c#1", "Police said the 7-year-old boy was shot in the arm.", outlet="C", day=1)
    assert values(age_flags([b, c])) == [{"6", "7"}]


def test_ages_a_younger_age_at_a_trial_is_a_conflict():
    a = claim("a#1", "Police said Sam Orr, 30, was arrested on Friday.", ("Sam Orr",))
    b = claim("b#1", "A judge sentenced 29-year-old Sam Orr to ten years.", ("Sam Orr",), outlet="B", day=150)
    assert values(age_flags([a, b])) == [{"30", "29"}]


def test_ages_a_name_in_apposition_or_identified_as():
    a = claim("a#1", "The coroner identified the 25-year-old as Dan Vale, of Elm Street.", ("Dan Vale",))
    b = claim("b#1", "Dan Vale, 24, died at a hospital.", ("Dan Vale",), outlet="B")
    c = claim("c#1", "Police named the 26-year-old man, Dan Vale, on Monday.", ("Dan Vale",), outlet="C")
    assert values(age_flags([a, b])) == [{"25", "24"}]
    assert {"26", "24"} in values(age_flags([b, c]))


def test_ages_a_name_left_untagged_before_an_age():
    # The entity tagger missed the name: the capitalised words before the age are taken for it.
    a = claim("a#1", "Noel Brandt Ivers, 41, was taken to a clinic, where he died.")
    b = claim("b#1", "Noel Ivers, 44, died at a clinic.", ("Noel Ivers",), outlet="B")
    assert age_mentions([a])[0].name == ("noel", "brandt", "ivers")
    assert values(age_flags([a, b])) == [{"41", "44"}]
    place = replace(claim("c#1", "In Lake Varden, 41, the count stood."),
                    entities=(Entity("Lake Varden", 3, 14, "GPE", "gpe:varden"),))
    assert [m.name for m in age_mentions([place])] == []
    assert age_mentions([claim("d#1", "Officer Lee, 41, spoke.")]) == []  # one word after the title: no name
    # the tagger read an unfamiliar name as a place: the age written against it makes it a person's
    misread = replace(claim("e#1", "The body was that of Noel Ivers, 41, police said."),
                      entities=(Entity("Noel Ivers", 21, 31, "GPE", "gpe:ivers"),))
    assert [m.name for m in age_mentions([misread])] == [("noel", "ivers")]


def test_ages_a_pronoun_is_the_person_of_the_sentence_before():
    found = claim("a#3", "A small boy was found hurt in a shed.")
    aged = claim("a#4", "Officers say he was six years old, said Lt. Ida Moss.", ("Ida Moss",))
    other = claim("b#1", "The 8-year-old boy was taken to a clinic.", outlet="B")
    assert [(m.value, m.kin) for m in age_mentions([found, aged])] == [(6, frozenset({"boy"}))]
    assert values(age_flags([found, aged, other])) == [{"six", "8"}]
    assert age_mentions([found, claim("a#4", "Ida Moss said he was six.", ("Ida Moss",))]) == []
    named = claim("c#1", "Rory Vance Dunn was found in a shed.", ("Rory Vance Dunn",), outlet="C")
    said = claim("c#2", "He was 33.", outlet="C")
    assert [m.name for m in age_mentions([named, said])] == [("rory", "vance", "dunn")]
    girl = claim("d#1", "A girl was found in a shed.", outlet="D")
    assert age_mentions([girl, replace(aged, id="d#2", article_id="d")]) == []  # "he" is not the girl
    assert age_mentions([aged]) == []  # no sentence before it: no one to hold the age


def test_ages_of_a_list_each_with_its_name():
    a = claim("a#1", "Deputies named Ann Doe, 47; Bob Doe, 33; and Cal Poe,19.", ("Ann Doe", "Bob Doe"))
    b = claim("b#1", "Bob Doe, 35, was taken to a clinic.", ("Bob Doe",), outlet="B")
    assert [(m.name, m.value) for m in age_mentions([a])] == [(("ann", "doe"), 47), (("bob", "doe"), 33),
                                                              (("cal", "poe"), 19)]
    assert values(age_flags([a, b])) == [{"33", "35"}]


def test_ages_a_name_that_repeats_a_word_is_not_a_shorter_form():
    assert not same_named_person(("omar", "omar"), ("yusuf", "ali", "omar"), {})
    assert same_named_person(("yusuf", "omar"), ("yusuf", "ali", "omar"), {})


def test_ages_a_surname_spelt_two_ways_under_the_same_given_names():
    assert same_named_person(("dale", "ray", "morrow"), ("dale", "ray", "murrow"), {})
    assert not same_named_person(("dale", "morrow"), ("dave", "murrow"), {})
    assert not same_named_person(("ann", "lee"), ("ann", "leo"), {})  # short words: two names, not a misspelling
    a = claim("a#1", "Dale Morrow, 34, was held on Monday.", ("Dale Morrow",))
    b = claim("b#1", "Dale Murrow, 35, was held.", ("Dale Murrow",), outlet="B")
    assert values(age_flags([a, b])) == [{"34", "35"}]


def test_ages_a_convicted_felon_is_no_trial():
    a = claim("a#1", "Police arrested 34-year-old Jo Kell on Friday.", ("Jo Kell",))
    b = claim("b#1", "A spokesman said 35-year-old Jo Kell was charged as a convicted felon.", ("Jo Kell",), outlet="B")
    assert values(age_flags([a, b])) == [{"34", "35"}]


def test_ages_a_surname_that_is_also_a_title_is_the_surname():
    # "King" ends the name: it is her surname, not a title, so the two spellings of her given name are one person
    a = claim("a#1", "Police named the victim as 20-year-old Rosaline Bishop King of Dunmore.", ("Rosaline Bishop King",))
    b = claim("b#1", "Rosaline King, 19, died at the scene.", ("Rosaline King",), outlet="B")
    assert values(age_flags([a, b])) == [{"20", "19"}]


def test_ages_a_name_with_and_without_its_suffix():
    a = claim("a#1", "A source named the gunman as 28-year-old Dale Marsh.", ("Dale Marsh",))
    b = claim("b#1", "Dale Marsh III, 27, shot his neighbour first.", ("Dale Marsh III",), outlet="B", day=3)
    assert values(age_flags([a, b])) == [{"28", "27"}]
    father = claim("c#1", "Dale Marsh, 50, and his son Dale Marsh Jr., 27, were both hurt.",
                   ("Dale Marsh", "Dale Marsh Jr."), outlet="C")
    son = claim("d#1", "Dale Marsh Jr., 28, was taken to a hospital.", ("Dale Marsh Jr.",), outlet="D")
    assert values(age_flags([father, son])) == [{"27", "28"}]  # the son against the son, not the father


def test_ages_written_apart_or_after_who_was():
    a = claim("a#1", "Police found an 11 year old boy shot in the arm.")
    b = claim("b#1", "The 12-year old boy was released on Monday.", outlet="B")
    assert values(age_flags([a, b])) == [{"11", "12"}]
    c = claim("c#1", "Rev. Amos Pell, who was 41, led the choir.", ("Amos Pell",))
    d = claim("d#1", "Amos Pell, 42, had led the church since 2010.", ("Amos Pell",), outlet="B")
    assert values(age_flags([c, d])) == [{"41", "42"}]


def test_ages_a_hyphened_name_left_untagged():
    a = claim("a#1", "EASTVILLE - Ramon Ortiz-Vela, 36, was arrested on Friday.")
    b = claim("b#1", "Ramon Ortiz-Vela, 35, faces two counts of murder.", ("Ramon Ortiz-Vela",), outlet="B")
    assert values(age_flags([a, b])) == [{"36", "35"}]


def test_ages_two_ages_one_sentence_gives_two_people_are_not_one_persons():
    a = claim("a#1", "A 15-year-old boy was flown to a trauma centre after a night at a friend's house.")
    b = claim("b#1", "Detectives learned the one holding the gun was a 14-year-old boy from the area.", outlet="B")
    assert values(age_flags([a, b])) == [{"15", "14"}]  # nothing yet says the boys are two
    c = claim("c#1", "A 15-year-old boy was wounded in the jaw by a 14-year-old friend of his.", outlet="C")
    assert age_flags([a, b, c]) == []
    d = claim("c#1", "Inside were a 15-year-old girl and a 14-year-old boy.", outlet="C")
    assert values(age_flags([a, b, d])) == [{"15", "14"}]  # the other 15-year-old is a girl: no one the boy may be


def test_ages_two_ages_each_report_gives_both_are_two_people():
    a = claim("a#1", "A 16-year-old boy from Dunmore shot another teen at a house.", day=1)
    a2 = claim("a#2", "He and the 15-year-old were playing with the pistol.", day=1)
    b = claim("b#1", "A 15-year-old boy was left with a head wound.", outlet="B")
    b2 = claim("b#2", "Detectives are talking with the 16-year-old taken into custody.", outlet="B")
    assert values(age_flags([a, b])) == [{"16", "15"}]
    assert age_flags([a, a2, b, b2]) == []


def test_ages_a_place_before_the_noun_is_no_name():
    text = "Police said a 7-year-old North Varden girl was hit by a stray round."
    at = text.index("North Varden")
    a = replace(claim("a#1", text), entities=(Entity("North Varden", at, at + 12, "LOC", "loc:varden"),))
    b = claim("b#1", "The 6-year-old girl was released from the clinic.", outlet="B", day=1)
    assert [(m.name, m.kin) for m in age_mentions([a])] == [((), frozenset({"girl"}))]
    assert values(age_flags([a, b])) == [{"7", "6"}]
    two = replace(claim("c#1", "A 33-year-old Dunmore man was arrested."),
                  entities=(Entity("Dunmore", 15, 22, "GPE", "gpe:dunmore"),))
    other = replace(claim("d#1", "A 35-year-old Dunmore man was wounded.", outlet="B"),
                    entities=(Entity("Dunmore", 15, 22, "GPE", "gpe:dunmore"),))
    assert age_flags([two, other]) == []  # one town, two men: the town is no name they share


def test_ages_a_given_name_spelt_two_ways_beside_another_of_the_family():
    a = claim("a#1", "Police named the victim as 20-year-old Rosaline Tarrow.", ("Rosaline Tarrow",))
    b = claim("b#1", "Roseline Tarrow, 19, died; her sister Bea Tarrow, 17, was hurt.",
              ("Roseline Tarrow", "Bea Tarrow"), outlet="B")
    assert values(age_flags([a, b])) == [{"20", "19"}]
    family = {"tarrow": {("rosaline", "tarrow"), ("rosalind", "tarrow")}}
    assert not same_named_person(("rosaline", "tarrow"), ("roseline", "tarrow"), family)  # a third name near both


def test_ages_every_family_relation_is_a_kin_word():
    a = claim("a#1", "Deputies said the 61-year-old grandfather was hit in the shoulder.")
    b = claim("b#1", "The 63-year-old grandfather was taken to a clinic in Marlow.", outlet="B", day=1)
    assert [m.kin for m in age_mentions([a])] == [frozenset({"grandfather"})]
    assert values(age_flags([a, b])) == [{"61", "63"}]


def test_ages_a_two_word_description_gives_both_kin_words():
    a = claim("a#1", "A 6-year-old baby girl was found in the back seat.")
    b = claim("b#1", "Deputies detained the girl's 16-year-old male relative on Sunday.")
    assert [m.kin for m in age_mentions([a])] == [frozenset({"baby", "girl"})]
    assert [m.kin for m in age_mentions([b])] == [frozenset({"relative"})]
    c = claim("c#1", "A 4-year-old boy and his sister were unhurt.")
    assert [m.kin for m in age_mentions([c])] == [frozenset({"boy"})]  # the sister has no age here


def test_ages_a_bare_number_after_a_kin_word_is_an_age():
    a = claim("a#1", "Early police reports say the aunt, 47, and her nephew were asleep in the den.")
    b = claim("b#1", "Officers said the 44-year-old aunt works nights at a warehouse.", outlet="B", day=1)
    assert [(m.value, m.kin) for m in age_mentions([a])] == [(47, frozenset({"aunt"}))]
    flags = age_flags([a, b])
    assert values(flags) == [{"47", "44"}] and flags[0].type == "update"  # the first figure said to be early
    headline = claim("c#1", "Boy, 7, hurt in Dunmore crash")
    assert age_mentions([headline]) == []  # a headline's "Boy, 7," may stand for any boy
    count = claim("d#1", "The aunt, 3 neighbours and a dog were inside.")
    assert age_mentions([count]) == []


def test_ages_the_relative_each_report_says_fired_is_one_person():
    a = claim("a#1", "In Marlow a 3-year-old girl was hit by this 7-year-old brother of hers.")
    b = claim("b#1", "The woman's 6-year-old son picked up her pistol and fired it, officials said.", outlet="B")
    assert values(age_flags([a, b])) == [{"7", "6"}]
    c = claim("c#1", "The mother's 6-year-old son and 9-year-old son both fired the gun.", outlet="C")
    assert age_flags([a, c]) == []  # two who fired: either may be the brother


def test_ages_a_child_is_a_kin_word_two_children_leave_open():
    a = claim("a#1", "Tom Hale, 15, was charged in the death of his sister.", ("Tom Hale",))
    b = claim("b#1", "Deputies said the 16-year-old kid was charged with murder.", outlet="B", day=1)
    assert [m.kin for m in age_mentions([b])] == [frozenset({"kid"})]
    c = claim("c#1", "A 4-year-old child and a 9-year-old child were in the room.")
    d = claim("d#1", "The 5-year-old child was unhurt.", outlet="B")
    assert age_flags([c, d]) == []


def test_ages_an_untagged_name_with_a_suffix():
    a = claim("a#1", "Ross Darnell Jr., 41, and Ivo Pask, 29, were charged on Monday.")  # no entity tags the names
    b = claim("b#1", "Ross Darnell Jr., 29, and Ivo Pask, 41, were charged.", ("Ross Darnell Jr.", "Ivo Pask"),
              outlet="B")
    assert sorted(sorted(v) for v in values(age_flags([a, b]))) == [["29", "41"], ["29", "41"]]


def test_ages_one_flag_for_an_odd_age_against_one_age_grown():
    a = claim("a#1", "Officer Ross Darnell, 31, was charged.", ("Ross Darnell",))
    b = claim("b#1", "Officer Ross Darnell, 23, was charged.", ("Ross Darnell",), outlet="B", day=1)
    c = claim("c#1", "Officer Ross Darnell, 23, was released.", ("Ross Darnell",), outlet="C", day=2)
    d = claim("d#1", "Officer Ross Darnell, 24, was tried.", ("Ross Darnell",), outlet="D", day=400)
    assert values(age_flags([a, b, c, d])) == [{"31", "23"}]  # 24 is the 23 of a year before
    e = claim("e#1", "Officer Ross Darnell, 22, was tried.", ("Ross Darnell",), outlet="E", day=3)
    assert len(age_flags([a, b, c, e])) == 3  # a 22 three days on is no grown age: each pair stays a conflict


def test_ages_a_name_identified_as_a_kin_word_is_that_relative():
    a = claim("a#1", "The gunman shot his 31-year-old girlfriend and then a neighbour, 30.")
    b = claim("b#1", "The examiner identified the gunman's live-in girlfriend as Mira Solte, 30.", ("Mira Solte",),
              outlet="B", day=3)
    assert [m.kin for m in age_mentions([b])] == [frozenset({"girlfriend"})]
    assert values(age_flags([a, b])) == [{"31", "30"}]


def test_ages_a_kin_word_before_a_name_without_identified_as_is_not_read():
    b = claim("b#1", "Her son, Tomas Verl, 8, was at the park.", ("Tomas Verl",), outlet="B")
    assert [m.kin for m in age_mentions([b])] == [frozenset()]  # two families' sons are often both "her son"


def test_ages_a_photo_caption_is_cited_after_the_reports_own_sentences():
    a = claim("a#1", "Rescuers carried 4-year-old Tilda Varn from the river bank.", ("Tilda Varn",))
    cap = claim("b#1", "Neighbours gather where 5-year-old Tilda Varn was found (Photo: Ovid Press / Ren Sato)",
                ("Tilda Varn",), outlet="B", day=1)
    b = claim("c#1", "Tilda Varn, 5, was home again on Sunday, her aunt said.", ("Tilda Varn",), outlet="B", day=9)
    flags = age_flags([a, cap, b])
    assert values(flags) == [{"4", "5"}]
    assert {e.claim_id for e in flags[0].evidence} == {"a#1", "c#1"}
    assert {e.claim_id for e in age_flags([a, cap])[0].evidence} == {"a#1", "b#1"}  # a caption alone is cited


def test_ages_the_kin_a_named_person_harmed_is_not_that_person():
    a = claim("a#1", "Olin Dask, 41, is suspected of shooting the toddler near the Wend Street market.", ("Olin Dask",))
    assert [m.kin for m in age_mentions([a])] == [frozenset()]
    b = claim("b#1", "The son was first said to be older: he was 23-year-old Tom Hale.", ("Tom Hale",))
    assert [m.kin for m in age_mentions([b])] == [frozenset({"son"})]


def test_ages_a_name_the_tagger_cut_short_is_read_whole():
    # the tagger names "Vesna" alone, or "Lorne Pike" of "Vesna Lorne Pike": the words written beside are the name's
    a = claim("a#1", "Deputies found 27-year-old Vesna Orlik lying in the yard.", ("Vesna",))
    b = claim("b#1", "The woman was identified as 29-year-old Vesna Orlik.", ("Vesna Orlik",), outlet="B")
    assert values(age_flags([a, b])) == [{"27", "29"}]
    c = claim("c#1", "According to police, Tamsin Lorne Pike, 31; Edda Pike, 60; and a boy were hurt.",
              ("Lorne Pike", "Edda Pike"))
    d = claim("d#1", "Charges name 60-year-old Edda Pike and 33-year-old Tamsin Pike.", ("Edda Pike", "Tamsin Pike"),
              outlet="B")
    assert values(age_flags([c, d])) == [{"31", "33"}]


def test_ages_a_name_is_not_widened_over_a_day_or_a_title():
    a = claim("a#1", "Police said 27-year-old Vesna Orlik Tuesday was hurt.", ("Vesna Orlik",))
    assert [m.name for m in age_mentions([a])] == [("vesna", "orlik")]
    b = claim("b#1", "Police Vesna Orlik, 27, was hurt.", ("Vesna Orlik",))
    assert [m.name for m in age_mentions([b])] == [("vesna", "orlik")]


def test_an_age_flag_cites_the_reports_other_sentences_that_give_that_age():
    a = [claim("a#1", "Police said a father wounded his 16-year-old daughter on Ash Lane."),
         claim("a#2", "Friends named them as Gale Dunn and 16-year-old Mira Roe.", ("Gale Dunn", "Mira Roe"))]
    b = [claim("b#1", "Dunn said her 17-year-old daughter was hit as they got home.", ("Dunn",), outlet="B")]
    flag, = age_flags(a + b)
    assert set(flag.values.values()) == {"16", "17"}
    assert {e.claim_id for e in flag.evidence} == {"a#1", "a#2", "b#1"}
    # a report that gives two people one age cites the sentence the age was read from only
    c = claim("a#3", "Her 16-year-old cousin, Lia Fenn, was not hurt.", ("Lia Fenn",))
    flag, = age_flags(a + [c] + b)
    assert "a#2" not in {e.claim_id for e in flag.evidence} and "a#3" not in {e.claim_id for e in flag.evidence}
