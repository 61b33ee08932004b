"""A drive-by told as what happened against a report that tells it as the first account, since revised."""

from datetime import datetime, timezone

from consistency.compare.drive_by import drive_by_flags, tellings
from consistency.records import Attribution, Claim


def claim(cid: str, text: str, *, outlet: str, day: int = 4, start: int = 0) -> Claim:
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 story_id="s1")


def found(claims) -> list[tuple[str, int]]:
    return sorted((f.type.value, len(f.evidence)) for f in drive_by_flags(claims))


def test_drive_by_tellings_are_read_as_told_or_dropped():
    told = tellings([claim("a#1", "Two men drove past the park and opened fire, deputies said.", outlet="A")])
    assert [(t.dropped, t.text) for t in told] == [(False, "drove past the park and opened fire")]
    dropped = tellings([claim("b#1", "It was initially reported as a drive-by, but detectives now believe the "
                                     "gunman walked up on foot.", outlet="B")])
    assert [t.dropped for t in dropped] == [True]
    assert tellings([claim("c#1", "Officers answered reports of a drive-by near the school.", outlet="C")]) == []
    assert tellings([claim("d#1", "The fight started as a drive-by and the group fired back.", outlet="D")]) == []


def test_drive_by_a_revision_in_the_next_sentence_is_read_with_it():
    first = claim("b#1", "The men originally said a van pulled up and someone fired from inside it.", outlet="B")
    then = claim("b#2", "However, detectives say the story was made up.", outlet="B", start=80)
    assert [t.claim.id for t in tellings([first, then])] == ["b#1", "b#2"]
    assert tellings([first]) == []


def test_drive_by_told_against_a_later_revision_is_an_update_and_told_after_it_a_polarity():
    told = claim("a#1", "A sedan pulled up to the corner and fired into the crowd, police said.", outlet="A")
    revised = claim("b#1", "Police initially described it as a drive-by, but the shooters got out of the car.",
                    outlet="B", day=9)
    still = claim("c#1", "Suspects drove by the house and started shooting.", outlet="C", day=10)
    assert found([told, revised]) == [("update", 2)]
    assert found([revised, still]) == [("polarity", 2)]


def test_drive_by_one_report_telling_the_change_itself_or_one_outlet_is_no_clash():
    both = [claim("a#1", "A car drove by and its passengers fired at the porch.", outlet="A"),
            claim("a#2", "Police first said it was a drive-by, but now say the shooter was on foot.", outlet="A",
                  start=60)]
    assert found(both) == []
    assert found([claim("x#1", "Someone drove past and fired at the porch.", outlet="A"),
                  claim("y#1", "Police first said it was a drive-by, but now say the shooter was on foot.",
                        outlet="A", day=8)]) == []
