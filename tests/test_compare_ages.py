"""Ages one person is given by two outlets of a story, on invented claims: what is flagged and what must not be."""

from datetime import datetime, timedelta, timezone

from consistency.compare import story_flags
from consistency.compare.ages import age_flags, ages_apart, age_mentions, same_named_person
from consistency.extract.quantities import find_quantities
from consistency.records import Claim, Entity


def claim(cid: str, text: str, people: tuple[str, ...] = (), *, outlet: str = "A", day: int = 0,
          story: str = "s1") -> Claim:
    """A claim with the ages extraction reads and the people named in it."""
    published = datetime(2026, 3, 1, 9, tzinfo=timezone.utc) + timedelta(days=day)
    ents = []
    for name in people:
        at = text.index(name)
        ents.append(Entity(name, at, at + len(name), "PERSON", "per:" + name.split()[-1].casefold()))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, quantities=tuple(find_quantities(text)), entities=tuple(ents),
                 story_id=story)


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
    assert not same_named_person(("tom", "hale", "jr"), ("tom", "hale"), {})
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
