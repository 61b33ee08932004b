"""Ages a report gives a group against the age another outlet gives one named member, on invented claims."""

from consistency.compare import story_flags
from consistency.compare.group_ages import group_age_flags, group_ages, victim_part
from person_claims import claim


def values(flags) -> list[set[str]]:
    return [set(f.values.values()) for f in flags]


def test_group_ages_read_as_a_list_or_a_range_with_the_part_and_sex():
    listed = claim("a#1", "The dead men, ages 31, 33 and 40, were not yet named.")
    spread = claim("a#2", "Those hurt were nine women aged 22 to 40, the clinic said.")
    assert [(g.ages, g.part, g.sex, g.spread) for g in group_ages([listed, spread])] == [
        ((31, 33, 40), "killed", "male", False), ((22, 40), "wounded", "female", True)]
    assert group_ages([claim("a#3", "Two other men, 23 and 34, were also found dead.")]) == []  # part of more
    assert group_ages([claim("a#4", "Two men, 23 and 34, are charged with killing him.")]) == []  # not victims
    assert victim_part("Two men were hurt and one died.") is None  # both parts: which is whose is not said


def test_group_ages_a_named_member_of_none_of_them():
    a = claim("a#1", "Two men, 23 and 34, were shot on the pier and pronounced dead at a clinic.")
    b = claim("b#1", "Dale Pike, 29, died at a clinic where he was taken.", ("Dale Pike",), outlet="B")
    flags = group_age_flags([a, b])
    assert values(flags) == [{"23 and 34", "29"}] and flags[0].type == "number"
    assert values(story_flags([a, b])) == [{"23 and 34", "29"}]
    one_of_them = claim("b#1", "Dale Pike, 34, died at a clinic where he was taken.", ("Dale Pike",), outlet="B")
    assert group_age_flags([a, one_of_them]) == []


def test_group_ages_a_member_must_share_the_part_and_sex():
    a = claim("a#1", "Two men, 23 and 34, were shot on the pier and pronounced dead at a clinic.")
    wounded = claim("b#1", "Dale Pike, 29, was wounded and is in fair condition.", ("Dale Pike",), outlet="B")
    woman = claim("b#1", "Ada Pike, 29, died at a clinic where she was taken.", ("Ada Pike",), outlet="B")
    unsaid = claim("b#1", "Ada Pike, 29, died at a clinic.", ("Ada Pike",), outlet="B")
    for b in (wounded, woman, unsaid):
        assert group_age_flags([a, b]) == []
    anyone = claim("a#1", "The three victims, ages 25, 30 and 31, died at the scene.")
    assert values(group_age_flags([anyone, unsaid])) == [{"25, 30 and 31", "29"}]


def test_group_ages_a_range_and_the_time_between_reports():
    a = claim("a#1", "Five men aged 24 to 39 were wounded, police said.")
    inside = claim("b#1", "Rui Sato, 30, was wounded in the arm, he said.", ("Rui Sato",), outlet="B")
    below = claim("b#1", "Rui Sato, 19, was wounded in the arm, he said.", ("Rui Sato",), outlet="B")
    assert group_age_flags([a, inside]) == []
    assert values(group_age_flags([a, below])) == [{"24 to 39", "19"}]
    b = claim("b#1", "Dale Pike, 35, died at a clinic where he was taken.", ("Dale Pike",), outlet="B", day=300)
    dead = claim("a#1", "Two men, 23 and 34, were shot and pronounced dead.")
    assert group_age_flags([dead, b]) == []  # a birthday between the reports


def test_group_ages_a_report_naming_the_member_itself_is_left_to_the_names():
    a = claim("a#1", "Two men, 23 and 34, were shot and pronounced dead.")
    a2 = claim("a#2", "One was named as Dale Pike, 23, who died where he fell.", ("Dale Pike",))
    b = claim("b#1", "Dale Pike, 22, died at a clinic where he was taken.", ("Dale Pike",), outlet="B")
    assert group_age_flags([a, a2, b]) == []



def test_group_ages_two_ages_of_one_description_and_the_rest_of_the_sentence():
    a = claim("a#1", "The gunman fled after hitting a 21- and 36-year-old in the leg, and a 24-year-old in the arm.")
    assert [(g.ages, g.part) for g in group_ages([a])] == [((21, 36, 24), "hit")]
    off = claim("b#1", "Ugo Vance, 35, was shot once in the leg.", ("Ugo Vance",), outlet="B")
    listed = claim("b#1", "Ugo Vance, 24, was shot once in the arm.", ("Ugo Vance",), outlet="B")
    dead = claim("b#1", "Ugo Vance, 35, was shot and killed.", ("Ugo Vance",), outlet="B")
    assert values(group_age_flags([a, off])) == [{"21- and 36", "35"}]
    assert group_age_flags([a, listed]) == [] and group_age_flags([a, dead]) == []
    shooter = claim("b#1", "Police say Ugo Vance, 42, shot four people.", ("Ugo Vance",), outlet="B")
    assert group_age_flags([a, shooter]) == []  # who fired is no member of those hit


def test_group_ages_two_lists_of_one_group_differ_in_one_age():
    a = claim("a#1", "Her 10-year-old and 6-year-old were asleep upstairs.")
    b = claim("b#1", "Her two younger children, ages 9 and 6, were asleep upstairs.", outlet="B")
    flags = group_age_flags([a, b])
    assert values(flags) == [{"10-year-old and 6", "9 and 6"}] and flags[0].type == "number"
    assert values(story_flags([a, b])) == [{"10-year-old and 6", "9 and 6"}]
    kids = claim("c#1", "On Friday, a 4-year-old girl and 11-year-old boy were hurt on Elm Row.", outlet="C")
    cousins = claim("d#1", "On Friday, two cousins, ages 4 and 10, were hurt on Elm Row.", outlet="D")
    assert values(group_age_flags([kids, cousins])) == [{"4-year-old girl and 11", "4 and 10"}]


def test_group_ages_two_lists_left_alone():
    a = claim("a#1", "Her 10-year-old and 6-year-old were asleep upstairs.")
    same = claim("b#1", "Her two younger children, ages 6 and 10, were asleep upstairs.", outlet="B")
    two_apart = claim("b#1", "Her two younger children, ages 9 and 5, were asleep upstairs.", outlet="B")
    own = claim("a#2", "Her 10-year-old and 6-year-old were asleep upstairs.", outlet="A")
    for b in (same, two_apart, own):
        assert group_age_flags([a, b]) == []
    told_too = claim("b#2", "A 10-year-old neighbour called for help.", outlet="B")
    assert group_age_flags([a, claim("b#1", "Her two children, ages 9 and 6, were upstairs.", outlet="B"),
                            told_too]) == []  # the other report gives the odd age to someone
    killed = claim("a#1", "Two men, 23 and 34, were killed on the pier.")
    wounded = claim("b#1", "Two men, 23 and 35, were wounded on the pier.", outlet="B")
    assert group_age_flags([killed, wounded]) == []  # two groups: one killed, one wounded
    later = claim("b#1", "Her two younger children, ages 11 and 6, were asleep upstairs.", outlet="B", day=400)
    assert group_age_flags([a, later]) == []  # a birthday between the reports


def test_group_ages_named_ages_are_no_list():
    a = claim("a#1", "Ann Ray, 40, and 45-year-old Tom Hale were hurt.", ("Ann Ray", "Tom Hale"))
    b = claim("b#1", "Ann Ray, 40, and 46-year-old Tom Hale were hurt.", ("Ann Ray", "Tom Hale"), outlet="B")
    assert [f for f in group_age_flags([a, b])] == []
