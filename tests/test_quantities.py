import math

import pytest

from consistency.extract.quantities import (
    find_quantities,
    quantities_agree,
    units_compatible,
)


def one(text: str):
    qs = find_quantities(text)
    assert len(qs) == 1, qs
    return qs[0]


def test_quantities_offsets_point_into_text():
    text = "Officials said at least 40 people were killed."
    q = one(text)
    assert text[q.start:q.end] == q.text == "at least 40"


@pytest.mark.parametrize(
    "text,value,low,high,hedge",
    [
        ("at least 40 people", 40, 40, math.inf, "at least"),
        ("about 2 million people", 2e6, 1.8e6, 2.2e6, "about"),
        ("nearly 40 people", 40, 36, 40, "nearly"),
        ("up to 40 people", 40, 0, 40, "up to"),
        ("1,973 people", 1973, 1973, 1973, None),
        ("between 30 and 40 people", 35, 30, 40, "between"),
        ("30-40 people", 35, 30, 40, "between"),
    ],
)
def test_quantities_hedge_sets_interval(text, value, low, high, hedge):
    q = one(text)
    assert q.hedge == hedge
    assert q.value == pytest.approx(value)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


def test_quantities_more_than_excludes_the_number():
    q = one("more than 40 people")
    assert q.low > 40 and q.high == math.inf


def test_quantities_round_number_gets_slack_precise_none():
    round_q = one("2,000 people")
    precise = one("1,973 people")
    assert round_q.low < 2000 < round_q.high
    assert round_q.high - round_q.low <= 0.1 * 2000
    assert precise.low == precise.high == 1973


@pytest.mark.parametrize(
    "text,value",
    [("two dozen people", 24), ("forty people", 40), ("1.5 million people", 1.5e6),
     ("a dozen people", 12), ("One hundred and twenty people", 120), ("half a million people", 5e5)],
)
def test_quantities_numbers_in_words(text, value):
    assert one(text).value == pytest.approx(value)


def test_quantities_vague_plural_is_a_range():
    q = one("hundreds of people")
    assert q.low >= 100 and q.high < 1000 and q.unit == "people"


def test_quantities_counted_noun_is_the_unit():
    assert one("40 people killed").unit == "people"
    assert one("300 Russian soldiers").unit == "troops"
    assert one("2,000 civilian casualties").unit == "casualties"


@pytest.mark.parametrize(
    "text,value,unit",
    [("$3.5 billion", 3.5e9, "usd"), ("€20m", 2e7, "eur"), ("5 million rubles", 5e6, "rub"),
     ("US$3.5bn", 3.5e9, "usd")],
)
def test_quantities_money(text, value, unit):
    q = one(f"They pledged {text} in aid.")
    assert (q.kind, q.unit) == ("money", unit)
    assert q.value == pytest.approx(value)


def test_quantities_percent():
    assert (one("12% of voters").kind, one("12 percent of voters").unit) == ("percent", "percent")
    assert one("12 percent of voters").value == 12


@pytest.mark.parametrize(
    "text",
    ["The summit took place in 2024.", "He spoke at a November 10th press briefing.",
     "The talks began at 3 p.m. local time.", "The G7 discussed COVID-19 and the Oreshnik-2.",
     "Under Article 5 of the treaty.", "It is the 21st century.", "The vote was on 10 November.",
     "It happened at 10:30.", "No one was killed."],
)
def test_quantities_not_years_dates_times_or_names(text):
    assert find_quantities(text) == []


def test_quantities_year_naming_a_group_is_not_a_count():
    assert find_quantities("Varga and other 2030 Greens spoke.") == []
    assert [q.value for q in find_quantities("The firm hired 2000 workers.")] == [2000]


def test_quantities_year_next_to_a_count_keeps_only_the_count():
    qs = find_quantities("In 2024, 300 people died.")
    assert [q.value for q in qs] == [300]


def test_quantities_agree_at_least_with_larger():
    assert quantities_agree(one("at least 40 people"), one("42 people"))
    assert not quantities_agree(one("at least 40 people"), one("35 people"))


def test_quantities_agree_about_with_rounded():
    assert quantities_agree(one("about 2 million people"), one("1.95 million people"))


def test_quantities_disagree_order_of_magnitude_and_percent():
    assert not quantities_agree(one("40 people"), one("400 people"))
    assert not quantities_agree(one("12% of voters"), one("15% of voters"))


def test_quantities_agree_converts_units():
    assert quantities_agree(one("about 300 km"), one("190 miles"))
    assert not quantities_agree(one("300 km"), one("300 miles"))
    assert quantities_agree(one("3 tonnes"), one("3,000 kg"))


def test_quantities_different_units_do_not_agree():
    a, b = one("40 people"), one("40 tanks")
    assert not units_compatible(a, b)
    assert not quantities_agree(a, b)


def test_quantities_unknown_unit_on_one_side_compares_numbers():
    assert quantities_agree(one("killing 40"), one("40 people"))
    assert not quantities_agree(one("killing 40"), one("45 people"))


def test_quantities_unit_is_compound_head_and_irregular_plural():
    assert one("plans to cut 1.3 million coal jobs").unit == "jobs"
    assert one("Six women were hired").unit == "women"
    assert find_quantities("At one point, the talks stalled.") == []


@pytest.mark.parametrize(
    "text,value,unit",
    [("A six-year-old girl was found safe.", 6, "years old"),
     ("an eleven-year-old pupil", 11, "years old"),
     ("a nine-month-old baby", 9, "months old"),
     ("a 3-week-old foal", 3, "weeks old"),
     ("Twenty-two-year-old students marched.", 22, "years old")],
)
def test_quantities_age_in_words_or_hyphenated(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, "count")


def test_quantities_two_ages_in_one_sentence():
    found = find_quantities("A five-year-old and a seven-year-old were rescued.")
    assert [(q.value, q.unit) for q in found] == [(5, "years old"), (7, "years old")]


@pytest.mark.parametrize(
    "text,value,unit",
    [("Officers detained two dozen fans.", 24, "fans"), ("a dozen lorries", 12, "lorries"),
     ("half a million visitors", 5e5, "visitors"), ("a hundred and ten sheep", 110, "sheep")],
)
def test_quantities_word_counts_keep_what_they_count(text, value, unit):
    q = one(text)
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize("text", ["a one-off payment", "a two-way contest", "She was a one-time ally."])
def test_quantities_article_before_number_word_is_not_a_count(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, value", [("Ruth Okafor, 68, will step down.", 68), ("a man aged 41 was held", 41),
                                         ("The boy, 3, was found.", 3), ("Police said he was 3.", 3),
                                         ("She was 12 when she left.", 12), ("Ida Voss, 24 was shot.", 24),
                                         ("Ida Voss, 24, and Al Roe, 26.All were hurt.", 26)])
def test_quantities_bare_number_that_gives_an_age(text, value):
    q = find_quantities(text)[-1]
    assert (q.value, q.unit) == (value, "years old")


@pytest.mark.parametrize("text", ["In Ohio, 40 people died.", "He was 3 points behind.", "By Friday, 12 were held.",
                                  "In New Bern, 1 was hurt."])
def test_quantities_a_bare_number_that_is_no_age(text):
    assert all(q.unit != "years old" for q in find_quantities(text))


def test_quantities_scale_word_after_a_closing_quote():
    (q,) = find_quantities("The mayor said \u201cwe need $5.6\u201d billion for the bridge.")
    assert (q.kind, q.value) == ("money", 5.6e9)


@pytest.mark.parametrize("text,value,unit", [
    ("The walker slipped and fell about 1900ft into a gully.", 1900, "feet"),
    ("The ferry sailed 2050km before the engine failed.", 2050, "km"),
    ("The winner lifted a 310lb stone over the bar.", 310, "lb"),
])
def test_quantities_a_unit_written_onto_a_figure_of_year_size_is_a_measure(text, value, unit):
    q = one(text)
    assert (q.value, q.unit, q.kind) == (value, unit, "measure")
    assert find_quantities("By 1990 the walkers had left, and in the 1990s few came back.") == []


@pytest.mark.parametrize("text, ages", [
    ("Police said three men, ages 24, 51 and 70, were hurt.", [24, 51, 70]),
    ("The women, aged 19 and 22, were taken to a clinic.", [19, 22]),
    ("Two girls, 9 and 6, were hit.", [9, 6]),
    ("The riders were 24, 51 and 70 years old.", [24, 51, 70]),
    ("a bullet hit a 19- and 44-year-old outside", [19, 44]),
    ("Deputies named Ann Doe, 47; Bob Doe, 33; and Cal Poe,19.", [47, 33, 19]),
    ("He is charged in the deaths of Poe, 24 and Ruiz, 23, last week.", [24, 23]),
])
def test_quantities_every_age_of_a_list(text, ages):
    found = find_quantities(text)
    assert [q.value for q in found if q.unit == "years old"] == ages
    assert all(q.hedge is None for q in found)


@pytest.mark.parametrize("text", ["Scores rose between 24 and 70 points.", "He scored 12 and 30 in two games.",
                                  "They led by 12- and 30-point margins.", "By Friday, 12 and 15 were held."])
def test_quantities_numbers_joined_by_and_that_are_no_ages(text):
    assert all(q.unit != "years old" for q in find_quantities(text))


def test_quantities_a_range_of_ages_stays_one_range():
    (q,) = find_quantities("The pupils, between the 4 and 13 years old, ran out.")
    assert (q.low, q.high, q.hedge) == (4, 13, "between")


@pytest.mark.parametrize("text, value", [("He was seven years old.", 7), ("She was 31 years of age.", 31),
                                         ("a nine year old rider", 9),
                                         ("A 52-year-old man set out for the store.", 52),
                                         ("An 8-year-old girl was found.", 8),
                                         ("Deputies say Hale's 5-year-old son found the gun.", 5),
                                         ("Hale’s 5-year-old son found the gun.", 5)])
def test_quantities_an_age_written_apart_or_at_a_sentence_start(text, value):
    q = find_quantities(text)[-1]
    assert (q.value, q.unit) == (value, "years old")


def test_quantities_years_older_and_a_flight_stay_as_they_were():
    assert [q.unit for q in find_quantities("He was 30 years older.")] == ["years"]
    assert find_quantities("Flight 17 left late.") == []
