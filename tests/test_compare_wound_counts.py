"""How many times one person was hit, told two ways by outlets of one story, on invented claims."""

from consistency.compare.hit_counts import count_in, counts_clash
from consistency.compare.wounds import wound_flags, wounds
from person_claims import claim


def hits(text: str, people: tuple[str, ...] = ()) -> list:
    return [None if w.hits is None else [(sorted(r), n) for r, n in w.hits]
            for w in wounds(claim("a#1", text, people))]


def test_count_in_reads_words_and_figures():
    assert count_in("once") == (1, False)
    assert count_in("her six times") == (6, False)
    assert count_in("at least 3 times") == (3, True)
    assert count_in("multiple times") == (2, True)
    assert count_in("in the") is None


def test_wound_counts_cover_the_parts_after_them():
    assert hits("Tom Hale, 31, was hit once in the neck and once in the belly.", ("Tom Hale",)) == \
        [[(["neck"], (1, False)), (["abdomen"], (1, False))]]
    assert hits("Ann Roe was struck three times in the arm and leg.", ("Ann Roe",)) == [[(["arm", "leg"], (3, False))]]
    assert hits("Ann Roe was shot in the leg twice, deputies said.", ("Ann Roe",)) == [[(["leg"], (2, False))]]


def test_wound_counts_that_tell_no_count():
    assert hits("Ann Roe was shot in the arm and once in the leg.", ("Ann Roe",)) == [None]  # the arm uncounted
    assert hits("Ann Roe was shot nine times, including once in the hip.", ("Ann Roe",)) == [None]
    assert hits("The gunman fired twice, and Ann Roe was shot in the hip.", ("Ann Roe",)) == [None]
    assert hits("Ann Roe was shot in the arm once officers arrived.", ("Ann Roe",)) == [None]
    assert hits("A 20-year-old and a 22-year-old were each shot once in the leg.") == [None, None]


def test_counts_clash_by_number_and_by_place():
    one_chest = ((frozenset({"chest"}), (1, False)),)
    two_chest = ((frozenset({"chest"}), (2, False)),)
    chest_and_belly = ((frozenset({"chest"}), (1, False)), (frozenset({"abdomen"}), (1, False)))
    several = ((frozenset({"chest"}), (2, True)),)
    assert counts_clash(one_chest, two_chest)
    assert counts_clash(two_chest, chest_and_belly)  # two hits, put in different places
    assert counts_clash(several, one_chest)  # "multiple times" is not once
    assert not counts_clash(several, two_chest)
    assert not counts_clash(two_chest, two_chest)


def test_hits_counted_two_ways_of_one_person_are_flagged():
    a = claim("a#1", "Lou Dane was shot once in the chest, police said.", ("Lou Dane",))
    b = claim("b#1", "Witnesses said Lou Dane was struck three times in the chest.", ("Lou Dane",), outlet="B")
    flags = wound_flags([a, b])
    assert [f.type for f in flags] == ["number"]
    assert set(flags[0].values.values()) == {"shot once in the chest", "struck three times in the chest"}
    assert flags[0].explanation.startswith("Times hit counted two ways (Lou Dane)")


def test_hits_counted_alike_or_of_two_people_are_not_flagged():
    a = claim("a#1", "Lou Dane was shot twice in the back.", ("Lou Dane",))
    same = claim("b#1", "Lou Dane was hit twice in his back.", ("Lou Dane",), outlet="B")
    vague = claim("b#1", "Lou Dane was shot several times in the back.", ("Lou Dane",), outlet="B")
    other = claim("b#1", "Kim Lutz was shot once in the back.", ("Kim Lutz",), outlet="B")
    for b in (same, vague, other):
        assert wound_flags([a, b]) == [], b.text
