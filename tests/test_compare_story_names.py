"""A person's name respelt across two outlets of one story in other sentences: a middle name or a surname a letter
apart is one person's slip, while a plural surname or two given names is not; invented claims."""

from consistency.compare.names import name_variant_flags
from consistency.compare.person_names import respelt_surname
from person_claims import claim


def _values(flags) -> set[str]:
    return {v for f in flags for v in f.values.values()}


def test_story_middle_name_respelt_with_one_given_name_and_surname_is_flagged():
    a = claim("a#1", "Police named the driver as Omar Lucien Brandt of Eastfield.", ("Omar Lucien Brandt",))
    b = claim("b#1", "Omar Lucienn Brandt was held overnight.", ("Omar Lucienn Brandt",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Omar Lucien Brandt", "Omar Lucienn Brandt"}
    # another first name: two people of one family, not a middle name respelt
    c = claim("c#1", "Ravi Lucienn Brandt was held overnight.", ("Ravi Lucienn Brandt",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []


def test_story_surname_with_a_letter_added_is_flagged():
    a = claim("a#1", "Doctors said Maren Holt was in stable condition.", ("Maren Holt",))
    b = claim("b#1", "Maren Holte was taken to a trauma center.", ("Maren Holte",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Maren Holt", "Maren Holte"}
    # an "s" added makes a family's plural, not a respelling
    c = claim("c#1", "Maren Holts was taken to a trauma center.", ("Maren Holts",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []


def test_story_variant_cites_the_report_not_a_photo_caption():
    caption = claim("a#1", "In this 2019 photo, Omar Lucien Brandt speaks at a rally.", ("Omar Lucien Brandt",))
    report = claim("a#2", "Police said Omar Lucien Brandt fired six shots.", ("Omar Lucien Brandt",))
    other = claim("b#1", "Omar Lucienn Brandt was held overnight.", ("Omar Lucienn Brandt",), outlet="B", day=1)
    flags = name_variant_flags([], [caption, report, other])
    assert flags and all("a#1" not in {e.claim_id for e in f.evidence} for f in flags)


def test_story_surname_respelt_beyond_a_letter_beside_one_given_name_is_flagged():
    a = claim("a#1", "Dana Mollet said she heard the shots at dawn.", ("Dana Mollet",))
    b = claim("b#1", "Dana Morret told reporters her husband had left for work.", ("Dana Morret",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Dana Mollet", "Dana Morret"}
    # another given name: two people, not a surname respelt
    c = claim("c#1", "Ivo Morret told reporters he had left for work.", ("Ivo Morret",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []
    # a surname and its plural, or two surnames nothing alike, are not respellings
    f = claim("f#1", "Dana Jo Morret was charged on Monday.", ("Dana Jo Morret",), outlet="F", day=1)
    assert _values(name_variant_flags([], [a, f])) == {"Dana Mollet", "Dana Jo Morret"}  # a middle name left out
    d = claim("d#1", "Dana Mollets spoke to reporters.", ("Dana Mollets",), outlet="D", day=1)
    e = claim("e#1", "Dana Pruitt spoke to reporters.", ("Dana Pruitt",), outlet="E", day=1)
    assert name_variant_flags([], [a, d]) == [] and name_variant_flags([], [a, e]) == []
    # a generational suffix one outlet alone writes is the same name; "Jr." against "Sr." is two people
    jr = claim("j#1", "Dana Morret Jr. told reporters he had left for work.", ("Dana Morret Jr.",), outlet="J", day=1)
    assert _values(name_variant_flags([], [a, jr])) == {"Dana Mollet", "Dana Morret Jr."}
    sr = claim("s#1", "Dana Mollet Sr. said she heard the shots.", ("Dana Mollet Sr.",))
    assert name_variant_flags([], [sr, jr]) == []


def test_story_given_name_and_surname_both_respelt_is_flagged():
    a = claim("a#1", "Spokesman Adin Carvela said three men were held.", ("Adin Carvela",))
    b = claim("b#1", "Spokesman Arin Carvella said the case was open.", ("Arin Carvella",), outlet="B", day=1)
    assert _values(name_variant_flags([], [a, b])) == {"Adin Carvela", "Arin Carvella"}
    # the surname must itself read as one word respelt: a short or far surname is left alone
    c = claim("c#1", "Spokesman Arin Corbel said the case was open.", ("Arin Corbel",), outlet="C", day=1)
    assert name_variant_flags([], [a, c]) == []


def test_story_respelt_surname_rule():
    assert respelt_surname("mollet", "morret") and respelt_surname("dixon", "dickson")
    assert not respelt_surname("mollet", "mollets") and not respelt_surname("lima-soto", "lima")
    assert not respelt_surname("mollet", "pruitt") and not respelt_surname("ames", "amos")
    assert not respelt_surname("lamarcotte", "marcotte")  # a particle dropped is one name


def test_story_form_set_against_an_outlets_nearer_form_is_not_flagged():
    # the first outlet writes the surname both ways; its form nearer the second's is the one to compare
    slip = claim("a#1", "Police named the woman as Marisol Trevanno, 44.", ("Marisol Trevanno",))
    own = claim("a#2", "Marisol Trevano had lived on the farm for years.", ("Marisol Trevano",))
    other = claim("b#1", "Marisel Trevano, 44, was found in the barn.", ("Marisel Trevano",), outlet="B", day=1)
    assert "Marisol Trevanno" not in _values(name_variant_flags([], [slip, own, other]))
    # written once each, the two forms are compared as before
    assert _values(name_variant_flags([], [slip, other])) == {"Marisol Trevanno", "Marisel Trevano"}


def test_story_given_name_the_tagger_left_off_is_read_back():
    a = claim("a#1", "The examiner identified the girl as Kalina Rose Terhune on Monday.", ("Rose Terhune",))
    b = claim("b#1", "Kailna Terhune was killed in the house on Elm Row.", ("Kailna Terhune",), outlet="B", day=1)
    flags = name_variant_flags([], [a, b])
    assert _values(flags) == {"Kalina Rose Terhune", "Kailna Terhune"}


def test_story_word_before_a_name_is_not_read_as_its_given_name():
    b = claim("b#1", "Kailna Terhune was killed in the house on Elm Row.", ("Kailna Terhune",), outlet="B", day=1)
    for text in ("Kalina Rose Terhune said the girl was asleep.",  # a sentence's first word: any capitalised word
                 "It was said by City Manger Rose Terhune at noon.",  # a title's last word
                 "It was said on Monday Rose Terhune was home.",
                 "It was said by Chief Rose Terhune at noon."):
        a = claim("a#1", text, ("Rose Terhune",))
        assert name_variant_flags([], [a, b]) == [], text


def test_story_variant_written_in_a_video_blurb_cites_the_plainest_sentence_of_that_report():
    blurb = claim("a#1", "Share RALLY FOOTAGE | 2:14 Omar Lucien Brandt speaks to reporters", ("Omar Lucien Brandt",))
    report = claim("a#2", "Police said Omar Lucien Brandt fired six shots.", ("Omar Lucien Brandt",))
    other = claim("b#1", "Omar Lucienn Brandt was held overnight.", ("Omar Lucienn Brandt",), outlet="B", day=1)
    (flag,) = name_variant_flags([], [blurb, report, other])
    assert {e.claim_id for e in flag.evidence} == {"a#2", "b#1"}
    assert flag.values == {"A": "Omar Lucien Brandt", "B": "Omar Lucienn Brandt"}
    # with no plainer sentence in the report, the blurb is cited
    (alone,) = name_variant_flags([], [blurb, other])
    assert {e.claim_id for e in alone.evidence} == {"a#1", "b#1"}
