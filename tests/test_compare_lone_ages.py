"""A named person's age against a lone near age another outlet gives, on invented claims."""

from consistency.compare.ages import age_flags
from person_claims import claim


def values(flags) -> list[set[str]]:
    return [set(f.values.values()) for f in flags]


def test_lone_ages_a_named_age_and_a_described_one_a_year_off():
    a = claim("a#1", "A 61-year-old man was hit in the arm and a 19-year-old woman in the leg.")
    b = claim("b#1", "Carl Brook, 62, was shot twice; a woman, 19, was grazed.", ("Carl Brook",), outlet="B")
    assert values(age_flags([a, b])) == [{"61", "62"}]


def test_lone_ages_not_without_a_person_or_age_both_reports_give():
    a = claim("a#1", "A 61-year-old man was hit in the arm.")
    b = claim("b#1", "Carl Brook, 62, was shot twice.", ("Carl Brook",), outlet="B")
    assert age_flags([a, b]) == []  # two incidents put in one story share nothing


def test_lone_ages_not_when_another_age_is_near_or_sides_differ():
    a = claim("a#1", "A 61-year-old man was wounded and a 19-year-old woman was grazed.")
    b = claim("b#1", "Carl Brook, 62, and a 60-year-old were shot; a woman, 19, was hit.", ("Carl Brook",),
              outlet="B")
    assert age_flags([a, b]) == []
    c = claim("c#1", "A 61-year-old man was arrested and a 19-year-old woman was held.")
    d = claim("d#1", "Carl Brook, 62, died at the scene; a woman, 19, was also killed.", ("Carl Brook",), outlet="B")
    assert age_flags([c, d]) == []


def test_lone_ages_not_for_a_bare_age_or_one_of_several():
    a = claim("a#1", "The 61-year-old sang first; a 19-year-old woman was grazed.")
    b = claim("b#1", "Carl Brook, 62, was shot twice; a woman, 19, was grazed.", ("Carl Brook",), outlet="B")
    assert age_flags([a, b]) == []
    c = claim("c#1", "Police held another man, aged 61; a 19-year-old woman was grazed.")
    assert age_flags([c, b]) == []


def test_lone_ages_not_between_reports_months_apart():
    a = claim("a#1", "Carl Brook, 62, was shot twice; a woman, 19, was grazed.", ("Carl Brook",))
    b = claim("b#1", "A 61-year-old man was hit in the arm and a 19-year-old woman in the leg.", outlet="B", day=120)
    near = claim("c#1", "A 61-year-old man was hit in the arm and a 19-year-old woman in the leg.", outlet="C", day=3)
    assert values(age_flags([a, near])) == [{"61", "62"}]
    assert age_flags([a, b]) == []  # a story's reports months apart may tell two incidents


def test_lone_ages_a_bare_age_of_the_one_person_both_reports_name():
    a1 = claim("a#1", "A Brookvale girl was hurt when a swing snapped on Sunday.")
    a2 = claim("a#2", "Her cousin was pushing the swing when the 8-year-old fell onto the path.")
    a3 = claim("a#3", "When Nell Arden reached the clinic, her father Tad Arden thanked the nurses.", ("Tad Arden",))
    b1 = claim("b#1", "Seven-year-old Nell Arden was hurt in a fall; her 12-year-old cousin called for help.",
               ("Nell Arden",), outlet="B")
    b2 = claim("b#2", "Tad Arden said she was brave.", ("Tad Arden",), outlet="B")
    assert values(age_flags([a1, a2, a3, b1, b2])) == [{"8", "Seven"}]  # her name is written in both, tagged or not


def test_lone_ages_not_for_a_bare_age_beside_another_age_or_without_the_name():
    a2 = claim("a#2", "Her cousin was pushing the swing when the 8-year-old fell onto the path.")
    a3 = claim("a#3", "When Nell Arden reached the clinic, her father Tad Arden thanked the nurses.", ("Tad Arden",))
    b1 = claim("b#1", "Seven-year-old Nell Arden was hurt in a fall; her 12-year-old cousin called for help.",
               ("Nell Arden",), outlet="B")
    b2 = claim("b#2", "Tad Arden said she was brave.", ("Tad Arden",), outlet="B")
    father = claim("a#3", "Her father Tad Arden thanked the nurses.", ("Tad Arden",))
    assert age_flags([a2, father, b1, b2]) == []  # the report does not name her: the 8-year-old may be anyone
    a4 = claim("a#4", "The cousin, 12, ran for help.")
    assert age_flags([a2, a3, a4, b1, b2]) == []  # a report of two ages: the bare one may be either person's
    a5 = claim("a#5", "Her cousin was pushing the swing when an 8-year-old fell onto the path.")
    assert age_flags([a5, a3, b1, b2]) == []  # "an 8-year-old" is someone not spoken of before


def test_lone_ages_a_near_age_both_reports_give_one_other_named_person_leaves_no_doubt():
    a = claim("a#1", "Ruben Tallo Marsh, 49, was charged; his stepson Ivo Marsh, 13, and Ed Quill, 50, were killed.",
              ("Ruben Tallo Marsh", "Ivo Marsh", "Ed Quill"))
    b = claim("b#1", "Marsh, 48, was charged in the deaths of Ed Quill, 50, and the boy, 13.", ("Marsh", "Ed Quill"),
              outlet="B", day=1)
    assert values(age_flags([a, b])) == [{"49", "48"}]


def test_lone_ages_a_near_age_stays_in_doubt_when_the_reports_give_it_apart():
    a = claim("a#1", "Ruben Tallo Marsh, 49, was charged; his stepson Ivo Marsh, 13, and Ed Quill, 50, were killed.",
              ("Ruben Tallo Marsh", "Ivo Marsh", "Ed Quill"))
    other_age = claim("b#1", "Marsh, 48, was charged in the deaths of Ed Quill, 51, and the boy, 13.",
                      ("Marsh", "Ed Quill"), outlet="B", day=1)
    unnamed_too = claim("c#1", "Marsh, 48, was charged in the deaths of Ed Quill, 50, and a 50-year-old woman.",
                        ("Marsh", "Ed Quill"), outlet="C", day=1)
    assert {"49", "48"} not in values(age_flags([a, other_age]))  # Quill's 50 and 51 are a conflict of their own
    assert age_flags([a, unnamed_too]) == []  # the report gives 50 to someone unnamed as well


def test_lone_ages_two_unnamed_people_one_fate_told_in_both():
    a = claim("a#1", "A 17-year-old who survived the attack said he hid under a table; a 30-year-old man was killed.")
    b = claim("b#1", "A 30-year-old man died and a 16-year-old boy was also shot, but survived.", outlet="B", day=1)
    assert values(age_flags([a, b])) == [{"17", "16"}]


def test_lone_ages_not_two_unnamed_people_of_two_fates_or_sexes():
    a = claim("a#1", "A 17-year-old boy who survived the attack said he hid; a 30-year-old man was killed.")
    killed = claim("b#1", "A 30-year-old man died and a 16-year-old boy was also killed.", outlet="B")
    girl = claim("c#1", "A 30-year-old man died and a 16-year-old girl was also wounded.", outlet="C")
    assert age_flags([a, killed]) == [] and age_flags([a, girl]) == []


def test_lone_ages_two_unnamed_adults_of_one_sex_and_fate_some_years_apart():
    a = claim("a#1", "A 9-year-old girl was grazed on the wrist. A 44-year-old woman was also shot; her hand was grazed.")
    b = claim("b#1", "A 9-year-old girl was hurt, and a 48-year-old woman was also wounded.", outlet="B")
    assert values(age_flags([a, b])) == [{"44", "48"}]
    man = claim("c#1", "A 9-year-old girl was hurt, and a 48-year-old man was also wounded.", outlet="C")
    assert age_flags([a, man]) == []
    c = claim("d#1", "A 44-year-old woman was hurt. A 9-year-old was also shot in the arm.", outlet="D")
    d = claim("e#1", "A 44-year-old woman was hurt, and a 7-year-old was also wounded.", outlet="E")
    assert age_flags([c, d]) == []  # a child's age is told to the year: a 9- and a 7-year-old are two children


def test_lone_ages_a_near_age_of_someone_killed_leaves_no_doubt_about_the_wounded():
    a1 = claim("a#1", "A 12-year-old girl was wounded in the leg and a 30-year-old man in the arm.")
    a2 = claim("a#2", "Her friend, a 13-year-old girl who was killed, lived next door.")
    b = claim("b#1", "A 13-year-old girl was wounded in the foot and a 30-year-old man in the hand.", outlet="B")
    assert values(age_flags([a1, a2, b])) == [{"12", "13"}]
    a3 = claim("a#2", "Her friend, a 13-year-old girl who was hurt, lived next door.")
    assert age_flags([a1, a3, b]) == []

