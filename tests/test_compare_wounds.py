"""Where one person was hit, told two ways by outlets of one story, on invented claims: what is flagged and what
must not be."""

from consistency.compare import story_flags
from consistency.compare.wounds import wound_flags, wounds
from person_claims import claim


def parts(text: str, people: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], tuple, list[int]]]:
    return [(w.parts, w.names, sorted(w.ages)) for w in wounds(claim("a#1", text, people))]


def test_wounds_read_parts_and_whom():
    assert parts("Tom Hale, 25, was shot twice in the left shoulder, police said.", ("Tom Hale",)) == \
        [(("left shoulder",), (("tom", "hale"),), [25])]
    assert parts("The attacker opened fire, striking a 31-year-old man in the right knee, left hand and chest.") == \
        [(("right knee", "left hand", "chest"), (), [31])]
    assert parts("Witnesses said Lou Dane shot Ann Roe in the back of her head.", ("Lou Dane", "Ann Roe")) == \
        [(("head",), (("ann", "roe"),), [])]  # the back of a head is the head; the one shot is the object
    assert parts("A 40-year-old woman suffered a gunshot wound to the abdomen.") == [(("abdomen",), (), [40])]


def test_wounds_a_group_told_together_gives_each_person_the_wound():
    found = parts("Both the 22-year-old and the 35-year-old were grazed in the leg.")
    assert sorted(a for _, _, ages in found for a in ages) == [22, 35]


def test_wounds_places_and_other_words_are_no_body_part():
    assert parts("Ann Roe, 30, was hit in the back seat of her sedan.", ("Ann Roe",)) == []
    assert parts("Tom Hale, 19, was shot in the side of the road near the school.", ("Tom Hale",)) == []
    assert parts("Tom Hale, 19, was shot with a gun in his hand.", ("Tom Hale",)) == []
    assert parts("Tom Hale, 19, was shot in the 300 block of Elm Street.", ("Tom Hale",)) == []


def test_wounds_someone_described_after_a_name_is_that_clause_person():
    # the name is the shooter's; the one hit is "the woman", whom no name or age ties to another report
    assert parts("Lou Dane opened fire and the woman was hit in the arm.", ("Lou Dane",)) == [(("arm",), (), [])]


def test_wounds_one_person_by_name_in_far_places():
    a = claim("a#1", "Ann Roe, 43, had a bullet wound to her left shoulder, deputies said.", ("Ann Roe",))
    b = claim("b#1", "Roe, deputies added, was struck in the leg and will recover.", ("Roe",), outlet="B")
    flags = wound_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "polarity"
    assert set(flags[0].values) == {"A", "B"}
    assert flags[0].explanation.startswith("Wound placed two ways (Ann Roe)")
    assert [f.type for f in story_flags([a, b])] == ["polarity"]


def test_wounds_one_person_by_age():
    a = claim("a#1", "Tom Hale, 25, was wounded in his left shoulder while Lou Dane, 34, escaped.",
              ("Tom Hale", "Lou Dane"))
    b = claim("b#1", "The 25-year-old was shot in the left leg.", outlet="B", day=2)
    flags = wound_flags([a, b])
    assert len(flags) == 1 and flags[0].type == "update"  # days apart: a later account may be a correction
    assert set(flags[0].values.values()) == {"wounded in his left shoulder", "shot in the left leg"}
    assert "(Tom Hale)" in flags[0].explanation


def test_wounds_regions_that_meet_or_overlap_are_no_conflict():
    a = claim("a#1", "Ann Roe, 43, was shot in the arm.", ("Ann Roe",))
    for other in ("Ann Roe, 43, was shot in the left shoulder.", "Ann Roe, 43, was hit in the hand and the hip.",
                  "Ann Roe, 43, was shot in the upper body.", "Ann Roe, 43, was shot in the elbow."):
        assert wound_flags([a, claim("b#1", other, ("Ann Roe",), outlet="B")]) == [], other
    face = claim("c#1", "Ann Roe, 43, was shot in the face.", ("Ann Roe",))
    neck = claim("d#1", "Ann Roe, 43, had a wound to the neck.", ("Ann Roe",), outlet="B")
    assert wound_flags([face, neck]) == []


def test_wounds_not_of_one_person():
    a = claim("a#1", "Ann Roe, 43, was shot in the leg.", ("Ann Roe",))
    other_name = claim("b#1", "Kim Lutz, 43, was shot in the head.", ("Kim Lutz",), outlet="B")
    unnamed = claim("b#1", "The victim was shot in the head.", outlet="B")
    same_outlet = claim("b#1", "Ann Roe, 43, was shot in the head.", ("Ann Roe",))
    assert wound_flags([a, other_name]) == []
    assert wound_flags([a, unnamed]) == []
    assert wound_flags([a, same_outlet]) == []


def test_wounds_an_age_two_people_share_matches_no_one():
    a = claim("a#1", "Ann Roe, 30, was shot in the leg and Kim Lutz, 30, in the arm.", ("Ann Roe", "Kim Lutz"))
    b = claim("b#1", "A 30-year-old was shot in the head.", outlet="B")
    assert wound_flags([a, b]) == []


def test_wounds_role_is_read_from_the_person_words_not_the_clause():
    assert [w.role for w in wounds(claim("a#1", "Responding officers saw that a 2-year-old boy had a gunshot "
                                               "wound to the shoulder."))] == ["hurt"]
    assert [w.role for w in wounds(claim("a#1", "Officer Tom Hale, 30, was shot in the arm.", ("Tom Hale",)))] == \
        ["officer"]
    a = claim("a#1", "Officers reached the home and saw a 2-year-old boy bleeding from a bullet wound to the chest.")
    b = claim("b#1", "Police say a 2-year-old child was hit in the shoulder at the home.", outlet="B")
    assert len(wound_flags([a, b])) == 1  # shoulder and chest are named apart


def test_wounds_one_given_name_at_one_age_is_one_person():
    # "Ann Roe" and "Ann Vale", both 52: a maiden and a married name, so the age still picks one person
    a = claim("a#1", "Ann Roe, 52, was found with a bullet wound to her right shoulder.", ("Ann Roe",))
    b = claim("b#1", "His wife, Ann Vale, 52, taught there.", ("Ann Vale",), outlet="B")
    c = claim("b#2", "The 52-year-old woman had a gunshot wound to the chest.", outlet="B")
    assert [f.type for f in wound_flags([a, b, c])] == ["polarity"]
    d = claim("b#1", "Her neighbour, Kim Lutz, 52, was not hurt.", ("Kim Lutz",), outlet="B")
    assert wound_flags([a, d, c]) == []  # two people of one age: the age picks no one
