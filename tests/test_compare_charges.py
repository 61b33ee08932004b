"""A suspect's charges told two ways by outlets of one story, on invented claims: what is read, what is flagged
and what must not be."""

from consistency.compare import story_flags
from consistency.compare.charges import charge_flags, read_charges
from person_claims import claim


def reading(text: str, people: tuple[str, ...] = ()):
    r = read_charges(claim("a#1", text, people))
    return None if r is None else (r.holder, r.offences)


def test_charges_read_offence_grade_and_count():
    assert reading("Tom Hale, 33, now faces one count of murder, the sheriff said.", ("Tom Hale",)) == \
        (("tom", "hale"), {("", "murder"): 1})
    assert reading("He faces three counts of attempted murder along with two counts of aggravated murder.") == \
        (None, {("aggravated", "murder"): 2, ("", "attempted murder"): 3})
    assert reading("The teen was jailed Friday on suspicion of 1st degree assault, deputies said.") == \
        (None, {("first-degree", "assault"): None})
    assert reading("Hale sat in jail, booked Monday on one charge of aggravated robbery, plus an old warrant.", ("Hale",)) == \
        (("hale",), {("aggravated", "robbery"): 1})
    assert reading("Hale has not been charged.", ("Hale",)) == (("hale",), {})


def test_charges_that_may_come_or_are_of_the_past_are_not_read():
    for text in ("Prosecutors will decide whether to file a charge of manslaughter.",
                 "He could face a charge of reckless endangerment.",
                 "In 2011, Hale was charged with robbery.",
                 "Court files list other charges in the past for him, including battery.",
                 "The murder charge was changed to manslaughter on Friday.",
                 "Hale is also facing charges in another robbery case."):
        assert read_charges(claim("a#1", text)) is None, text


def test_charges_changed_days_later_are_an_update():
    a = claim("a#1", "Tom Hale, 33, was charged with one count of murder.", ("Tom Hale",))
    b = claim("b#1", "Hale is now charged with three counts of capital murder.", ("Hale",), outlet="B", day=90)
    flag, = charge_flags([a, b])
    assert flag.type == "update"
    assert flag.values == {"A": "one count of murder", "B": "three counts of capital murder"}
    assert flag.explanation.startswith("Charges told two ways (Hale)")
    assert [f.type for f in story_flags([a, b])] == ["update"]


def test_not_charged_then_charged_is_an_update_even_the_same_day():
    a = claim("a#1", "The father is charged with second-degree assault, police said.", outlet="A")
    b = claim("b#1", "The father has not been charged.", outlet="B")
    flag, = charge_flags([a, b])
    assert flag.type == "update" and set(flag.values.values()) == {"second-degree assault", "has not been charged"}
    # charged, then said on a later day to have no charges: an old copy, not news
    late = claim("c#1", "No charges have been filed.", outlet="C", day=3)
    assert charge_flags([a, late]) == []


def test_not_charged_then_charged_weeks_later_is_the_case_moving_on():
    a = claim("a#1", "Nobody has been charged, deputies said. No charges have been filed.", outlet="A")
    b = claim("b#1", "Rob Pell, 40, was charged with manslaughter.", ("Rob Pell",), outlet="B", day=30)
    assert charge_flags([a, b]) == []
    soon = claim("c#1", "Rob Pell, 40, was charged with manslaughter.", ("Rob Pell",), outlet="C", day=2)
    assert [f.type for f in charge_flags([a, soon])] == ["update"]


def test_not_charged_after_the_charge_was_told_is_an_old_copy_and_no_later_charge_updates_it():
    told = claim("a#1", "Rob Pell faces a charge of murder.", ("Rob Pell",), outlet="A")
    behind = claim("b#1", "No charges have been filed against the man in custody.", outlet="B", day=1)
    copy = claim("c#1", "Rob Pell faces a charge of murder.", ("Rob Pell",), outlet="C", day=2)
    assert charge_flags([told, behind, copy]) == []


def test_two_grades_of_one_offence_or_two_counts_clash_the_same_day():
    a = claim("a#1", "Hale faces a charge of capital murder.", ("Hale",))
    b = claim("b#1", "Hale faces a charge of first-degree murder.", ("Hale",), outlet="B")
    assert [f.type for f in charge_flags([a, b])] == ["polarity"]
    c = claim("c#1", "Hale faces three counts of attempted murder.", ("Hale",))
    d = claim("d#1", "Hale faces six counts of attempted murder.", ("Hale",), outlet="D")
    assert [f.type for f in charge_flags([c, d])] == ["number"]


def test_a_grade_or_an_offence_one_list_leaves_out_is_no_clash():
    a = claim("a#1", "Hale was charged with murder.", ("Hale",))
    b = claim("b#1", "Hale was charged with capital murder and robbery.", ("Hale",), outlet="B", day=2)
    assert charge_flags([a, b]) == []
    c = claim("c#1", "Hale also faces a charge of robbery.", ("Hale",), outlet="C", day=2)
    assert charge_flags([a, c]) == []  # "also": one part of the charges


def test_two_people_charges_are_not_set_against_each_other():
    a = claim("a#1", "Tom Hale was charged with murder.", ("Tom Hale",))
    b = claim("b#1", "Lou Dane was charged with robbery.", ("Lou Dane",), outlet="B", day=2)
    assert charge_flags([a, b]) == []
    # an unnamed "he" is the story's one charged person only when it has one
    c = claim("c#1", "He was charged with burglary.", outlet="C", day=3)
    assert charge_flags([a, b, c]) == []
    assert len(charge_flags([a, c])) == 1


def test_a_homicide_charge_may_be_another_outlets_murder():
    a = claim("a#1", "Hale was charged with two counts of murder.", ("Hale",))
    b = claim("b#1", "Hale was arrested on charges of double homicide.", ("Hale",), outlet="B")
    c = claim("c#1", "Hale was charged with voluntary homicide.", ("Hale",), outlet="C")
    assert charge_flags([a, b]) == [] and charge_flags([a, c]) == []


def test_two_people_of_one_surname_are_two_people():
    a = claim("a#1", "Police said Ray Dane, 20, was booked on a charge of robbery.")  # a name no entity tags
    b = claim("b#1", "Lou Dane was charged with murder.", ("Lou Dane",), outlet="B", day=3)
    assert read_charges(a).holder == ("ray", "dane")
    assert charge_flags([a, b]) == []
    c = claim("c#1", "Dane was charged with murder.", ("Dane",), outlet="C", day=3)
    assert len(charge_flags([a, c])) == 1  # a surname alone may be either


def test_the_flag_cites_every_sentence_of_each_report_that_gives_the_charges():
    a = claim("a#1", "No charges have been filed, police said.")
    b = claim("b#1", "A man has been charged with murder in the shooting.", outlet="B")
    b2 = claim("b#2", "Hale was charged with one count of murder.", ("Hale",), outlet="B")
    flag, = charge_flags([a, b, b2])
    assert sorted(e.claim_id for e in flag.evidence) == ["a#1", "b#1", "b#2"]


def test_a_charge_of_reads_the_offence_after_the_charge_word_it_holds():
    assert reading("Pell returns to Elm County on a charge of second-degree murder.", ("Pell",)) == \
        (("pell",), {("second-degree", "murder"): 1})


def test_one_offence_in_two_degrees_clashes_whatever_else_both_give():
    a = claim("a#1", "Pell now faces a charge of second-degree murder, plus three counts of attempted murder.",
              ("Pell",))
    b = claim("b#1", "Pell is held on one count of first-degree murder, plus three counts of attempted murder.",
              ("Pell",), outlet="B", day=4)
    flag, = charge_flags([a, b])
    assert flag.type == "update"
    # both degrees in one list: the other list's degree is one of them
    c = claim("c#1", "Pell faces first-degree murder, second-degree murder and attempted murder charges.",
              ("Pell",), outlet="C", day=4)
    assert charge_flags([a, c]) == []


def test_one_offence_named_twice_in_a_sentence_gives_no_count_to_compare():
    a = claim("a#1", "Ross Lund was booked on a charge of aggravated assault causing injury.", ("Ross Lund",))
    b = claim("b#1", "Lund faces one count of aggravated assault causing injury and two counts of aggravated "
                     "assault with a weapon.", ("Lund",), outlet="B", day=1)
    assert read_charges(b).offences == {("aggravated", "assault"): None}
    assert charge_flags([a, b]) == []


def test_charges_of_several_unnamed_people_are_no_one_persons():
    a = claim("a#1", "Two local men are being charged with three counts of first-degree assault.")
    b = claim("b#1", "Ned Voss, 30, has been charged with second-degree assault.", ("Ned Voss",), outlet="B", day=9)
    assert read_charges(a).group
    assert charge_flags([a, b]) == []
    # nor is an unnamed "he" the story's one charged person once several are charged
    c = claim("c#1", "He was charged with robbery.", outlet="C", day=10)
    assert charge_flags([a, b, c]) == []


def test_one_list_of_charges_in_both_reports_is_no_clash():
    text = "He is held on 4 counts of murder, 1 count of capital murder and a weapons count."
    a = claim("a#1", text)
    b = claim("b#1", text.replace("He is", "Lee Roe is"), ("Lee Roe",), outlet="B")
    assert charge_flags([a, b]) == []
    # the grade words of one charge among the other's still pair them when the lists differ
    c = claim("c#1", "Lee Roe was charged with two counts of capital murder.", ("Lee Roe",), outlet="C")
    assert [f.type for f in charge_flags([a, c])] == ["number"]
