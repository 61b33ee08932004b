"""One person of an age told a boy by one outlet and a girl by another, on invented claims."""

from consistency.compare import story_flags
from consistency.compare.person_sexes import person_sex_flags
from person_claims import claim


def values(flags) -> list[set[str]]:
    return [set(f.values.values()) for f in flags]


def test_person_sexes_a_kin_word_of_each_sex_for_the_one_person_of_an_age():
    a = claim("a#1", "A 19-year-old man and his 14-year-old sister were grazed, and a boy, 7, was hit in the leg.")
    b = claim("b#1", "A 19 year old and his 14 year old brother were grazed by bullets.", outlet="B", day=1)
    flags = person_sex_flags([a, b])
    assert values(flags) == [{"14-year-old sister", "14 year old brother"}]
    assert flags[0].type.value == "polarity" and "14-year-old" in flags[0].explanation


def test_person_sexes_read_among_the_story_flags():
    a = claim("a#1", "A 19-year-old man and his 14-year-old sister were grazed.")
    b = claim("b#1", "A 19-year-old and his 14-year-old brother were grazed.", outlet="B")
    assert any(f.type.value == "polarity" for f in story_flags([a, b]))


def test_person_sexes_the_girl_of_a_report_that_gives_one_child_age_and_names_the_child():
    a1 = claim("a#1", "A three-year-old boy was hurt at a Brookvale home on Sunday.")
    a2 = claim("a#2", "The child, identified as Remy Castor, was flown to hospital.")
    b1 = claim("b#1", "A 3-year-old child was hurt at a Brookvale home on Sunday.", outlet="B")
    b2 = claim("b#2", "Police said Remi Castor was hurt.", ("Remi Castor",), outlet="B")
    b3 = claim("b#3", "The girl was flown to hospital.", outlet="B")
    assert values(person_sex_flags([a1, a2, b1, b2, b3])) == [{"three-year-old boy", "The girl"}]


def test_person_sexes_not_the_girl_beside_a_boy_word_or_another_child_age():
    a = [claim("a#1", "A three-year-old boy was hurt at a Brookvale home."),
         claim("a#2", "The child is Remi Castor, police said.", ("Remi Castor",))]
    b = [claim("b#1", "A 3-year-old child was hurt at a Brookvale home.", outlet="B"),
         claim("b#2", "Police said Remi Castor was hurt.", ("Remi Castor",), outlet="B")]
    girl = claim("b#3", "The girl was flown to hospital.", outlet="B")
    assert len(person_sex_flags([*a, *b, girl])) == 1
    with_brother = claim("b#3", "The girl and her brother were flown to hospital.", outlet="B")
    assert person_sex_flags([*a, *b, with_brother]) == []
    other_age = claim("b#3", "The girl and a 9-year-old were flown to hospital.", outlet="B")
    assert person_sex_flags([*a, *b, other_age]) == []


def test_person_sexes_not_for_two_people_of_the_age_in_one_report():
    a = claim("a#1", "A 19-year-old man was grazed; a 14-year-old boy was hit and another 14-year-old boy was cut.")
    b = claim("b#1", "A 19-year-old man and his 14-year-old sister were grazed.", outlet="B")
    assert person_sex_flags([a, b]) == []
    c1 = claim("c#1", "A 19-year-old man and a 14-year-old boy were grazed.", outlet="C")
    c2 = claim("c#2", "Two 14-year-old girls were also hit.", outlet="C")
    assert person_sex_flags([c1, c2, b]) == []


def test_person_sexes_not_when_the_other_report_gives_a_near_age_of_that_sex():
    a = claim("a#1", "A 12-year-old boy fatally shot a 6-year-old girl.")
    b = claim("b#1", "The 6-year-old girl had gone to see a 12-year-old girl and her 11-year-old cousin.", outlet="B")
    assert person_sex_flags([a, b]) == []  # the boy may be the cousin, his age misreported


def test_person_sexes_not_an_unnamed_age_the_story_gives_two_named_people():
    a = claim("a#1", "Tam Orwell, 16, and Jory Pike, 16, were questioned after a 9-year-old was hurt.",
              ("Tam Orwell", "Jory Pike"))
    b = claim("b#1", "A 16-year-old boy fired the shot that hurt a 9-year-old.", outlet="B")
    c = claim("c#1", "A 16-year-old girl was with the 9-year-old when the gun went off.", outlet="C")
    assert person_sex_flags([a, b, c]) == []


def test_person_sexes_not_a_sex_word_past_the_description():
    a = claim("a#1", "Seven were hurt, among them a boy believed to be 8 years old and two women.")
    b = claim("b#1", "Seven were hurt, among them an 8-year-old boy.", outlet="B")
    assert person_sex_flags([a, b]) == []


def test_person_sexes_not_without_another_age_or_a_person_in_common_or_from_one_outlet():
    a = claim("a#1", "A 14-year-old girl was grazed on Elm Street.")
    b = claim("b#1", "A 14-year-old boy was grazed on Oak Street.", outlet="B")
    assert person_sex_flags([a, b]) == []  # two incidents put in one story share nothing
    c = claim("c#1", "A 19-year-old man and his 14-year-old sister were grazed.")
    d = claim("d#1", "A 19-year-old and his 14-year-old brother were grazed.")
    assert person_sex_flags([c, d]) == []
