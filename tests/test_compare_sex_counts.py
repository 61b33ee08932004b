"""The men and the women among one story's dead or hurt, counted two ways by outlets."""

from datetime import datetime, timezone

from consistency.compare.sex_counts import article_counts, breakdown, counts, sex_count_flags
from consistency.records import Attribution, Claim, Quantity


def claim(cid: str, text: str, *, outlet: str = "A", day: int = 4, start: int = 0,
          count: tuple[str, int, str] | None = None) -> Claim:
    """A claim of story s1; ``count`` (word, value, counted noun) is a figure stored as its extraction would."""
    qs = ()
    if count:
        i = text.index(count[0])
        qs = (Quantity(count[0], start + i, start + i + len(count[0]), count[1], count[1], count[1], unit=count[2]),)
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 quantities=qs, story_id="s1")


def read(text: str) -> list[tuple[str, int, int]]:
    return [(n.casualty, n.men, n.women) for n in counts(claim("x#1", text))]


def test_sex_counts_breakdown_of_a_group():
    assert breakdown("two men and a woman") == (2, 1)
    assert breakdown("One woman and four men") == (4, 1)
    assert breakdown("6 males") == (6, 0)
    assert breakdown("a men") is None
    assert breakdown("two men and three men") is None


def test_sex_counts_read_a_group_told_dead_or_hurt():
    assert read("Three women and two men were found dead in a farmhouse near Elmvale.") == [("dead", 2, 3)]
    assert read("Five young men and one woman were shot during a cookout, police said.") == [("hurt", 5, 1)]
    assert read("The gunfire left two men and two women wounded.") == [("hurt", 2, 2)]
    assert read("A quarrel at a bar ended in a fight that left four men dead.") == [("dead", 4, 0)]
    assert read("The attacker opened fire, killing three men and a woman.") == [("dead", 3, 1)]


def test_sex_counts_leave_parts_other_people_and_hedges():
    assert read("Two of the men were shot in the legs.") == []
    assert read("Three other men were shot as they ran.") == []
    assert read("Seven were hurt, including two women were shot.") == []
    assert read("Two men and a boy were shot outside the store.") == []
    assert read("A girl, two men and a woman were wounded.") == []
    assert read("The gunman shot two men and a teenager.") == []
    assert read("Three people, possibly two men and a woman, were shot.") == []
    assert read("Two women were found at the house.") == []
    assert read("In a separate shooting, two men were wounded on Ash Street.") == []


def test_sex_counts_two_separate_places_are_one_happening():
    text = "A dispute near Corbin left three men and two women dead in two separate homes."
    assert read(text) == [("dead", 3, 2)]


def test_sex_counts_a_lone_sex_beside_the_other_is_a_part():
    article = [claim("a#1", "Two women were shot in the Lindale Grill parking lot."),
               claim("a#2", "Three men were shot inside, police said.", start=80)]
    assert article_counts(article) == {}


def test_sex_counts_a_group_unlike_the_report_toll_is_a_part():
    article = [claim("a#1", "Five people were shot at a party on Mercer Lane early Sunday.",
                     count=("Five", 5, "people")),
               claim("a#2", "Four men were shot in the yard.", start=70)]
    assert article_counts(article) == {}


def story(second: str, *, outlet: str = "B", day: int = 4) -> list[Claim]:
    return [claim("a#1", "Six men were shot at a party on Mercer Lane late Friday.", outlet="A"),
            claim("b#1", second, outlet=outlet, day=day)]


def test_sex_counts_flag_one_group_split_two_ways():
    flags = sex_count_flags(story("Five men and a woman were shot at a party on Mercer Lane."))
    assert [(f.type.value, len(f.evidence)) for f in flags] == [("number", 2)]
    assert "men and women" in flags[0].explanation.lower()


def test_sex_counts_leave_same_split_other_totals_and_one_outlet():
    assert sex_count_flags(story("Six men were shot at a party on Mercer Lane.")) == []
    assert sex_count_flags(story("Four men and a woman were shot at a party on Mercer Lane.")) == []
    assert sex_count_flags(story("Five men and a woman were shot at a party on Mercer Lane.", outlet="A")) == []
    assert sex_count_flags(story("Five men and a woman were killed at a party on Mercer Lane.")) == []


def test_sex_counts_leave_reports_of_other_incidents():
    assert sex_count_flags(story("Five men and a woman were shot at a party on Kell Road.")) == []


def test_sex_counts_a_report_splitting_one_group_two_ways_says_nothing_of_it():
    article = [claim("b#1", "Five men and a woman were shot on Mercer Lane."),
               claim("b#2", "Four men and two women were shot, a neighbour said.", start=60)]
    assert article_counts(article) == {}
