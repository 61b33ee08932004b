"""The hour of the happening told two ways by outlets of one story, on invented claims: what is flagged and what
must not be."""

from dataclasses import replace

from consistency.compare import story_flags
from consistency.compare.clock_times import apart, clock_time_flags, hours
from consistency.records import TimeExpr
from person_claims import claim


def timed(cid: str, text: str, clock: str, hhmm: str, event: str | None, *, outlet: str = "A", day: int = 0):
    """A claim whose time expression ``clock`` dates ``event`` at ``hhmm`` on the claim's day."""
    c = claim(cid, text, outlet=outlet, day=day)
    at = text.index(clock)
    t = TimeExpr(clock, at, at + len(clock), "TIME", f"{c.published.date().isoformat()}T{hhmm}", "time",
                 event=event)
    return replace(c, times=(t,))


def test_hours_apart_around_the_clock():
    assert apart(23 * 60 + 30, 15) == 45
    assert apart(22 * 60, 23 * 60 + 15) == 75


def test_hours_of_the_happening_far_apart_are_a_timeline_flag():
    a = timed("a#1", "The shooting happened just before 10:30 p.m. on Elm Row.", "10:30 p.m.", "22:30", "happen")
    b = timed("b#1", "Shots were fired around 11:15 p.m., police said.", "around 11:15 p.m.", "23:15", "fire",
              outlet="B")
    flag, = clock_time_flags([a, b])
    assert flag.type == "timeline" and flag.values == {"A": "10:30 p.m.", "B": "around 11:15 p.m."}
    assert [f.type for f in story_flags([a, b])] == ["timeline"]


def test_hours_near_each_other_are_one_time_rounded():
    a = timed("a#1", "The shooting happened about 10:30 p.m.", "about 10:30 p.m.", "22:30", "happen")
    b = timed("b#1", "Shots were fired around 11 p.m.", "around 11 p.m.", "23:00", "fire", outlet="B")
    assert clock_time_flags([a, b]) == []


def test_what_followed_the_happening_is_another_moment():
    a = timed("a#1", "The shooting happened about 9 p.m. on Elm Row.", "about 9 p.m.", "21:00", "happen")
    call = timed("b#1", "Police were called to the shooting at 10:15 p.m.", "10:15 p.m.", "22:15", "call", outlet="B")
    found = timed("c#1", "Officers found the man shot at 10:15 p.m.", "10:15 p.m.", "22:15", "find", outlet="C")
    assert hours(call) == [] and hours(found) == []
    assert clock_time_flags([a, call, found]) == []
    # the verb the hour dates decides, not the words around it
    reopened = timed("d#1", "The road reopened shortly after 6:15 p.m. after the shooting.", "6:15 p.m.", "18:15",
                     "reopen", outlet="D")
    assert hours(reopened) == []


def test_an_article_that_gives_two_hours_of_the_happening_is_left_out():
    a1 = timed("a#1", "The first shooting happened at 8 p.m.", "8 p.m.", "20:00", "happen")
    a2 = timed("a#2", "A second round of shots was fired at 11 p.m.", "11 p.m.", "23:00", "fire")
    b = timed("b#1", "The shooting happened at 11 p.m.", "11 p.m.", "23:00", "happen", outlet="B")
    assert clock_time_flags([a1, a2, b]) == []


def test_hours_far_apart_or_stamped_with_a_zone_are_left_alone():
    a = timed("a#1", "The shooting happened about 6:20 a.m. on Elm Row.", "about 6:20 a.m.", "06:20", "happen")
    b = timed("b#1", "Shots were fired at 7:30 p.m., police said.", "7:30 p.m.", "19:30", "fire", outlet="B")
    assert clock_time_flags([a, b]) == []  # a morning and an evening: two moments, or one misread, not misreported
    stamped = timed("c#1", "The shooting happened, police said at 7:30 a.m. EDT.", "7:30 a.m. EDT", "07:30", "happen",
                    outlet="C")
    assert hours(stamped) == []
    told_in_eastern = timed("d#1", "Gunfire broke out on Elm Row just before 8:30 p.m. ET.", "just before 8:30 p.m.",
                            "20:30", "break", outlet="D")
    assert hours(told_in_eastern) == []


def test_the_gunman_shot_by_officers_or_one_of_several_shootings_is_another_moment():
    end = timed("a#1", "At a little after 11 a.m. the gunman was shot and killed by officers.", "11 a.m.", "11:00",
                "shoot")
    first = timed("b#1", "The first shooting happened on Elm Row around 10:40 p.m.", "around 10:40 p.m.", "22:40",
                  "happen")
    reopened = timed("c#1", "Elm Row re-opened to traffic at 6:15 p.m.", "6:15 p.m.", "18:15", "open")
    fire = timed("d#1", "A man opened fire on the porch about 6:15 p.m.", "about 6:15 p.m.", "18:15", "open")
    assert hours(end) == hours(first) == hours(reopened) == []
    assert [h.minute for h in hours(fire)] == [18 * 60 + 15]
