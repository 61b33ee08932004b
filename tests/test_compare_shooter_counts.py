"""How many fired, counted two ways by outlets of one story."""

from datetime import datetime, timezone

from consistency.compare.shooter_counts import article_counts, counts, shooter_count_flags
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str = "A", day: int = 4, start: int = 0) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 story_id="s1")


def read(text: str) -> list[tuple[str, float, float]]:
    return [(n.group, n.low, n.high) for n in counts(claim("x#1", text))]


def found(claims) -> list[tuple[str, int]]:
    return sorted((f.type.value, len(f.evidence)) for f in shooter_count_flags(claims))


def test_shooter_counts_read_the_subject_of_a_firing_verb():
    assert read("Two men stepped out of an alley and started shooting, police said.") == [("attackers", 2, 2)]
    assert read("A gunman walked up to the porch on N. Vale Street and fired.") == [("attackers", 1, 1)]
    assert read("Several people ran up to the group and opened fire.")[0][:2] == ("attackers", 2)
    assert read("Three deputies are thought to have discharged their guns.") == [("police", 3, 3)]


def test_shooter_counts_leave_parts_victims_objects_and_unknowns():
    assert read("Two of the three men fired at the crowd.") == []
    assert read("The three men and two women shot at the picnic were treated.") == []
    assert read("A man fired back at the attackers.") == []
    assert read("A gunman entered a hall filled with 30 young people and fired.") == []
    assert read("Someone walked up and opened fire.") == []
    assert read("Four people were hurt as a man opened fire.") == [("attackers", 1, 1)]


def test_shooter_counts_a_lone_attacker_beside_a_second_suspect_counts_no_whole():
    one = claim("a#1", "A masked man kicked in the door and started shooting.")
    assert article_counts([one])
    assert article_counts([one, claim("a#2", "Police seek a second suspect.", start=60)]) == {}
    twice = [one, claim("a#2", "Three men got out of a van and opened fire.", start=60)]
    assert article_counts(twice) == {}


def test_shooter_counts_two_outlets_counting_apart_clash_a_number_or_later_an_update():
    one = claim("a#1", "A man approached the car on foot and fired several shots, police said.", outlet="A")
    two = claim("b#1", "Two gunmen approached the car and opened fire, witnesses said.", outlet="B")
    assert found([one, two]) == [("number", 2)]
    assert found([one, claim("b#1", two.text, outlet="B", day=20)]) == [("update", 2)]
    hedged = claim("c#1", "At least two gunmen opened fire on the car.", outlet="C")
    assert found([two, hedged]) == []
    officers = claim("c#1", "Three officers fired at the driver.", outlet="C")
    assert found([one, officers]) == []


def test_shooter_counts_an_outlet_unsure_in_one_report_is_unsure_in_its_follow_ups():
    # the outlet's first report tells its shooting and recalls another one: two counts of the attackers
    first = [claim("a#1", "Police said a man got out of the car and began shooting.", outlet="A"),
             claim("a#2", "In a shooting last month, four men went to a house on Vale Road and fired.", outlet="A",
                   start=60)]
    # its follow-up carries the other shooting's paragraph alone
    later = claim("a2#1", "Four men went to a house on Vale Road and fired.", outlet="A", day=6)
    other = claim("b#1", "A gunman came around the hedge and opened fire.", outlet="B", day=20)
    assert found([*first, later, other]) == []
    # another outlet's report counting apart still clashes
    assert found([later, other]) == [("update", 2)]


def test_shooter_counts_people_present_of_whom_a_part_fired_count_no_shooters():
    assert read("Two men drove up in a grey sedan, and one of the men got out and began firing.") == []
    assert read("Police said several people were in the truck the shots came from but not how many fired.") == []
    assert read("Neighbours said three people inside wearing hoods, and opened fire.") == []
    # those inside the car who opened fire are counted
    assert read("Two men inside a grey sedan opened fire on the porch.") == [("attackers", 2.0, 2.0)]
    assert read("Three men in the van all had rifles and opened fire.") == [("attackers", 3.0, 3.0)]
