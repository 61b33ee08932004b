"""How gravely a sentence calls the hurt hurt."""

from consistency.compare.conditions import condition, is_range, is_status


def told(text: str) -> tuple[str, str] | None:
    found = condition(text)
    return (found[0], found[1].group(0)) if found else None


def test_conditions_grave_and_mild_words():
    assert told("The boy was listed in critical condition on Friday.") == ("grave", "critical condition")
    assert told("One woman was critically wounded.") == ("grave", "critically wounded")
    assert told("Two men suffered life-threatening injuries.") == ("grave", "life-threatening injuries")
    assert told("She is in stable condition at a county hospital.") == ("mild", "stable condition")
    assert told("He suffered non-life-threatening wounds.") == ("mild", "non-life-threatening")
    assert told("None of the victims had wounds thought life-threatening.")[0] == "mild"
    assert told("His injuries are not believed to be life-threatening.")[0] == "mild"
    assert told("The mayor said the budget was in critical need of repair.") is None


def test_conditions_critical_but_stable_is_grave_and_two_states_or_a_change_are_none():
    assert told("He remains in critical, but stable condition.")[0] == "grave"
    assert told("They are in stable but critical condition tonight.")[0] == "grave"
    assert told("One man is in critical condition and a woman is in stable condition.") is None
    assert told("The cook was initially listed in critical condition; he is now stable.") is None


def test_conditions_a_status_is_not_a_judgement_of_the_injuries():
    assert is_status("in critical condition") and is_status("listed in critical")
    assert not is_status("life-threatening injuries")


def test_conditions_a_negative_subject_negates_its_whole_clause():
    assert told("None of the fans who were hurt in the crush suffered life-threatening injuries.")[0] == "mild"
    assert told("Neither of the two cousins driven to the clinic by a neighbor had life-threatening wounds.")[0] \
        == "mild"
    # a clause of its own after "but" is not negated
    assert told("None of the fans have been named, but one man suffered life-threatening injuries.")[0] == "grave"


def test_conditions_a_range_whose_worst_is_grave_is_grave():
    assert told("Three diners, with wounds ranging from minor to critical, were taken to Elm Grove Hospital.") == \
        ("grave", "ranging from minor to critical")
    assert told("The four were hurt, with injuries ranging from non-life-threatening to life-threatening.")[0] \
        == "grave"
    assert is_range("ranging from minor to critical") and not is_range("in critical condition")
    # a range that stops short of grave tells no grave condition
    assert told("Their wounds ranged from minor to moderate.") is None
