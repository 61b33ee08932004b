"""An age one outlet took back the same day, on invented claims: the other outlet's age is then an update."""

from consistency.compare.ages import age_flags
from person_claims import claim


def first_and_later(later_text: str, *, day: int = 0):
    first = claim("a1#1", "Deputies say a man killed a 52-year-old woman and a 14-year-old girl at the farm.")
    other = claim("b1#1", "A 52-year-old woman and a 13-year-old girl were found in the yard.", outlet="B", day=day)
    later = claim("a2#1", later_text, day=day)
    return first, other, later


def test_own_revisions_an_outlet_that_gives_the_other_age_later_that_day_makes_an_update():
    first, other, later = first_and_later("Deputies say Rollo Veck shot his wife and his 13-year-old stepdaughter.")
    [flag] = age_flags([first, other, later])
    assert flag.type == "update"
    assert flag.values == {"A (a1)": "14", "B": "13", "A (a2)": "13"}
    assert flag.articles == ("a1", "b1", "a2") and flag.evidence[-1].text == later.text
    assert "A itself gives 13 in a later report" in flag.explanation


def test_own_revisions_without_a_later_report_the_ages_stay_a_number_conflict():
    first, other, _ = first_and_later("")
    [flag] = age_flags([first, other])
    assert flag.type == "number" and set(flag.values.values()) == {"14", "13"}


def test_own_revisions_a_later_report_of_another_day_is_no_revision():
    first, other, later = first_and_later("Deputies say Rollo Veck shot his wife and his 13-year-old stepdaughter.",
                                          day=1)
    assert [f.type for f in age_flags([first, other, later])] == ["number"]


def test_own_revisions_a_later_report_that_also_gives_the_old_age_took_nothing_back():
    first, other, later = first_and_later("A 14-year-old girl and her 13-year-old stepsister were at the farm.")
    assert all(f.type == "number" for f in age_flags([first, other, later]))


def test_own_revisions_a_boy_of_the_new_age_is_not_the_girl():
    first, other, later = first_and_later("Deputies say a 13-year-old boy called for help from the barn.")
    assert [f.type for f in age_flags([first, other, later])] == ["number"]
