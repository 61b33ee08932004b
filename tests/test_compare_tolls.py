"""The toll of one incident told two ways: each report's count of the killed, the wounded and the shot, read from
its lead, set against the other outlets'."""

from datetime import datetime, timezone

from consistency.compare.tolls import counts, toll_findings
from consistency.records import Attribution, Claim, Entity, Quantity

NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}


def claim(cid: str, text: str, *, outlet: str, day: int, start: int = 0,
          counts: tuple[tuple[str, str | None], ...] = (), place: str = "Millbrook") -> Claim:
    """A claim of story s1 whose figures (word, counted noun) are stored as its extraction would, naming a place."""
    qs = []
    for word, unit in counts:
        i = text.index(word)
        value = float(NUMBERS.get(word.casefold(), word) if not word.isdigit() else word)
        qs.append(Quantity(word, start + i, start + i + len(word), value, value, value, unit=unit))
    ents = (Entity(place, start + text.index(place), start + text.index(place) + len(place), "GPE",
                   f"loc:{place.casefold()}"),) if place in text else ()
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet,
                 published=datetime(2026, 5, day, 9, tzinfo=timezone.utc), text=text, start=start,
                 end=start + len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 quantities=tuple(qs), entities=ents, story_id="s1")


def named(aid: str, outlet: str, day: int, name: str = "Dana Pell") -> Claim:
    """A later sentence of article ``aid`` naming one of the hurt, as reports of one incident do."""
    text = f"Family members identified one of the victims as {name}."
    i = text.index(name)
    person = Entity(name, 2000 + i, 2000 + i + len(name), "PERSON", f"PERSON:{name.split()[-1].casefold()}")
    return Claim(id=f"{aid}#9", article_id=aid, outlet=outlet, published=datetime(2026, 5, day, 9, tzinfo=timezone.utc),
                 text=text, start=2000, end=2000 + len(text), content=text,
                 attribution=Attribution(source=outlet, source_kind="outlet"), entities=(person,), story_id="s1")


def kinds(found) -> list[tuple[str, str, str]]:
    return sorted((f.type, f.value_a, f.value_b) for f in found)


def test_tolls_one_dead_four_wounded_against_four_shot_one_fatally_is_a_number():
    a = claim("a#1", "1 dead, 4 wounded in Millbrook shooting", outlet="A", day=4, counts=(("1", None), ("4", None)))
    b = claim("b#1", "Four people were shot, one fatally, in Millbrook on Tuesday night, police said.", outlet="B",
              day=4, counts=(("Four", "people"), ("one", None)))
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 4)])) == [("number", "5 shot", "4 shot")]
    # two incidents of one kind in one town, told with other victims, are not one toll told two ways
    assert toll_findings([a, b, named("a", "A", 4), named("b", "B", 4, "Lee Omar")]) == []


def test_tolls_a_larger_count_days_later_or_a_rise_by_an_ordinal_is_an_update():
    a = claim("a#1", "At a Millbrook party, five teens were injured by gunfire.", outlet="A", day=4,
              counts=(("five", "teens"),))
    b = claim("b#1", "Two teens were charged in the Millbrook party shooting.", outlet="B", day=20)
    b2 = claim("b#2", "A sixth victim was found by police several days later.", outlet="B", day=20, start=900)
    assert kinds(toll_findings([a, b, b2, named("a", "A", 4), named("b", "B", 20)])) == [
        ("update", "5 wounded", "6 shot (said to have risen)")]
    c = claim("c#1", "Seven people were wounded in the Millbrook shooting.", outlet="C", day=6,
              counts=(("Seven", "people"),))
    assert kinds(toll_findings([a, c, named("a", "A", 4), named("c", "C", 6)])) == [("update", "5 wounded", "7 wounded")]


def test_tolls_a_killer_counted_among_the_dead_is_no_toll():
    a = claim("a#1", "Six people were killed in Millbrook, including the gunman.", outlet="A", day=4,
              counts=(("Six", "people"),))
    b = claim("b#1", "Five people were killed in a Millbrook shooting.", outlet="B", day=4,
              counts=(("Five", "people"),))
    assert toll_findings([a, b]) == []


def test_tolls_a_killer_killed_by_the_police_may_be_counted_among_the_dead():
    a = claim("a#1", "Four people were killed in Millbrook by a gunman before he was shot dead by police.",
              outlet="A", day=4, counts=(("Four", "people"),))
    b = claim("b#1", "A shooting in Millbrook left five people dead on Sunday.", outlet="B", day=5,
              counts=(("five", "people"),))
    assert toll_findings([a, b, named("a", "A", 4), named("b", "B", 5)]) == []


def test_tolls_the_others_hurt_beside_one_told_hurt_and_alive_are_not_all_the_hurt():
    alive = claim("a#1", "A cyclist was shot twice and her dog was killed in a Millbrook shooting that injured three "
                  "other people.", outlet="A", day=4, counts=(("three", "people"),))
    assert counts(alive) == []
    dead = claim("b#1", "A cyclist was shot and killed and three others were injured in Millbrook.", outlet="B", day=4,
                 counts=(("three", "others"),))
    died = claim("c#1", "A cyclist was shot in the chest and died, and three others were injured in Millbrook.",
                 outlet="C", day=4, counts=(("three", "others"),))
    assert [(t.kind, t.value) for t in counts(dead)] == [("wounded", 3)]
    assert [(t.kind, t.value) for t in counts(died)] == [("wounded", 3)]


def test_tolls_one_hurt_by_glass_or_a_part_of_the_hurt_is_no_toll():
    a = claim("a#1", "Four people were shot and a fifth was cut by flying glass in Millbrook.", outlet="A", day=4,
              counts=(("Four", "people"),))
    b = claim("b#1", "Five people were shot in Millbrook on Friday.", outlet="B", day=4, counts=(("Five", "people"),))
    part = claim("c#1", "Two of the victims were shot in Millbrook as they ran.", outlet="C", day=4,
                 counts=(("Two", None),))
    assert toll_findings([a, b]) == []
    assert toll_findings([b, part]) == []


def test_tolls_the_dead_of_another_cause_are_a_part_of_the_toll():
    a = claim("a#1", "Police say the man killed two women by strangulation and shot a third in Millbrook.",
              outlet="A", day=4, counts=(("two", "women"),))
    b = claim("b#1", "Three people were killed in Millbrook on Friday.", outlet="B", day=4,
              counts=(("Three", "people"),))
    assert counts(a) == []
    assert toll_findings([a, b, named("a", "A", 4), named("b", "B", 4)]) == []


def test_tolls_another_shooting_or_a_year_count_is_no_toll():
    a = claim("a#1", "Two people were killed in Millbrook on Sunday.", outlet="A", day=4, counts=(("Two", "people"),))
    other = claim("b#1", "In a separate shooting in Millbrook, three people were killed.", outlet="B", day=4,
                  counts=(("three", "people"),))
    year = claim("c#1", "Three people have been killed in Millbrook so far this year.", outlet="C", day=4,
                 counts=(("Three", "people"),))
    assert toll_findings([a, other]) == [] and toll_findings([a, year]) == []


def test_tolls_a_list_of_people_or_the_doers_is_no_toll():
    a = claim("a#1", "Three people were wounded in Millbrook late Friday.", outlet="A", day=4,
              counts=(("Three", "people"),))
    listed = claim("b#1", "Two men and a woman were wounded in Millbrook late Friday.", outlet="B", day=4,
                   counts=(("Two", "men"),))
    shot = claim("d#1", "Three people were shot in Millbrook late Friday.", outlet="D", day=4,
                 counts=(("Three", "people"),))
    doers = claim("c#1", "Two men shot a clerk in Millbrook late Friday.", outlet="C", day=4, counts=(("Two", "men"),))
    assert toll_findings([a, listed]) == [] and toll_findings([shot, doers]) == []


def test_tolls_of_two_places_or_without_gunfire_are_not_set_against_each_other():
    a = claim("a#1", "Four people were wounded in a shooting in Millbrook.", outlet="A", day=4,
              counts=(("Four", "people"),))
    b = claim("b#1", "Eight people were wounded in a shooting in Easton.", outlet="B", day=5,
              counts=(("Eight", "people"),), place="Easton")
    quake = claim("c#1", "Four people were injured when the quake struck Millbrook.", outlet="C", day=4,
                  counts=(("Four", "people"),))
    quake2 = claim("d#1", "Six people were injured in Millbrook by the quake.", outlet="D", day=4,
                   counts=(("Six", "people"),))
    assert toll_findings([a, b]) == [] and toll_findings([quake, quake2]) == []


def test_tolls_a_wound_after_and_is_another_groups():
    c = claim("a#1", "A fired worker came back and gunned down two women and left a man wounded in the neck.", outlet="A",
              day=4, counts=(("two", "women"),))
    d = claim("b#1", "Six people, including a boy and his grandmother, were wounded at the bus stop.", outlet="B",
              day=4, counts=(("Six", "people"),))
    assert counts(c) == []
    assert [(t.kind, t.value) for t in counts(d)] == [("wounded", 6)]


def test_tolls_the_wounded_two_of_them_mortally_are_the_shot_in_all():
    c = claim("a#1", "A brawl outside the hall left five people wounded -- two mortally, police said.", outlet="A", day=4,
              counts=(("five", "people"), ("two", None)))
    assert [(t.kind, t.value) for t in counts(c)] == [("shot", 5)]


def test_tolls_a_rise_told_past_an_aside_and_the_shooting_it_is_of():
    a = claim("a#1", "Three people were killed in the Millbrook shootout on Friday.", outlet="A", day=4,
              counts=(("Three", "people"),))
    b = claim("b#1", "A fourth victim of the Millbrook shootout, which killed three others, has died.", outlet="B",
              day=6, counts=(("three", "others"),))
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 6)])) == [
        ("update", "3 killed", "4 killed (said to have risen)")]


def test_tolls_a_lead_that_names_no_place_is_not_another_incident():
    a = claim("a#1", "Three people were killed in a shootout on Friday.", outlet="A", day=4,
              counts=(("Three", "people"),))
    b = claim("b#1", "A fourth victim of the Millbrook shootout has died.", outlet="B", day=6)
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 6)])) == [
        ("update", "3 killed", "4 killed (said to have risen)")]
    elsewhere = claim("c#1", "Three people were killed in a Dunmore shootout.", outlet="C", day=4,
                      counts=(("Three", "people"),), place="Dunmore")
    assert toll_findings([elsewhere, b, named("c", "C", 4), named("b", "B", 6)]) == []


def test_tolls_a_weekend_shooting_is_the_incident_a_weekends_shootings_are_not():
    own = claim("a#1", "Police charged a man after a weekend shooting in Millbrook that injured 5 people.", outlet="A",
                day=4, counts=(("5", "people"),))
    assert [(t.kind, t.value) for t in counts(own)] == [("wounded", 5)]
    city = claim("b#1", "Across Millbrook, 22 people were shot over the weekend.", outlet="B", day=4,
                 counts=(("22", "people"),))
    assert counts(city) == []


def test_tolls_flag_cites_every_sentence_of_a_report_that_gives_its_count():
    from consistency.compare.tolls import toll_flags
    a = claim("a#1", "Four people were wounded in the Millbrook shooting.", outlet="A", day=4,
              counts=(("Four", "people"),))
    b = claim("b#1", "Five people were wounded in a Millbrook shooting on Sunday.", outlet="B", day=4,
              counts=(("Five", "people"),))
    b2 = claim("b#2", "Sunday's shooting in Millbrook wounded five people outside a party.", outlet="B", day=4,
               start=600, counts=(("five", "people"),))
    flag, = toll_flags([a, b, b2, named("a", "A", 4), named("b", "B", 4)])
    assert [e.claim_id for e in flag.evidence] == ["a#1", "b#1", "b#2"]


def test_tolls_a_name_with_an_age_counts_as_a_person_both_reports_name():
    from consistency.compare.tolls import named_in
    text = "Police said Lou Dane, 19, fired at the hall."
    place = Entity("Lou Dane", text.index("Lou Dane"), text.index("Lou Dane") + 8, "GPE", "loc:lou-dane")
    c = Claim(id="a#1", article_id="a", outlet="A", published=datetime(2026, 5, 4, 9, tzinfo=timezone.utc), text=text,
              start=0, end=len(text), content=text, entities=(place,), story_id="s1",
              quantities=(Quantity("19", text.index("19"), text.index("19") + 2, 19.0, 19.0, 19.0, unit="years old"),))
    assert named_in([c]) == {"dane"}  # the tagger called the name a place; the age beside it says a person


def test_tolls_one_dead_and_others_hurt_are_two_counts_not_a_list():
    c = claim("a#1", "One man died and three others, among them a guard, were hurt in the Millbrook brawl.", outlet="A",
              day=4, counts=(("One", "man"), ("three", "others")))
    assert sorted((t.kind, t.value) for t in counts(c)) == [("killed", 1), ("shot", 4), ("wounded", 3)]


def test_tolls_a_lead_naming_only_a_state_is_not_set_apart_from_a_town():
    a = claim("a#1", "Four people were wounded in a shooting in Millbrook.", outlet="A", day=4,
              counts=(("Four", "people"),))
    b = claim("b#1", "Three people were wounded by a gunman on an Ohio highway.", outlet="B", day=4,
              counts=(("Three", "people"),), place="Ohio")
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 4)])) == [
        ("number", "4 wounded", "3 wounded")]


def test_tolls_a_lead_of_three_shootings_or_the_last_of_a_list_is_no_toll():
    a = claim("a#1", "Two people were killed in a Millbrook shooting on Friday.", outlet="A", day=4,
              counts=(("Two", "people"),))
    several = claim("b#1", "Three overnight shootings in Millbrook left four people hurt and one dead.", outlet="B",
                    day=4, counts=(("four", "people"),))
    listed = claim("c#1", "Two people lay dead on the Millbrook porch and a third person died inside the house.",
                   outlet="C", day=5, counts=(("Two", "people"),))
    assert toll_findings([a, several, named("a", "A", 4), named("b", "B", 4)]) == []
    assert toll_findings([a, listed, named("a", "A", 4), named("c", "C", 5)]) == []


def test_tolls_those_identified_so_far_are_a_part():
    c = claim("a#1", "Police released the identities of three victims killed in the Millbrook attack.", outlet="A",
              day=4, counts=(("three", "victims"),))
    assert counts(c) == []


def test_tolls_the_hurt_of_a_report_that_tells_of_cuts_take_in_more_than_the_shot():
    a = claim("a#1", "A Millbrook shooting left two men dead and six others injured.", outlet="A", day=4,
              counts=(("two", "men"), ("six", "others")))
    a2 = claim("a#2", "Two of the men only had minor cuts and scrapes.", outlet="A", day=4, start=800)
    b = claim("b#1", "Gunmen shot six men in Millbrook early Friday, killing two of them.", outlet="B", day=4,
              counts=(("six", "men"),))
    assert kinds(toll_findings([a, a2, b, named("a", "A", 4), named("b", "B", 4)])) == []
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 4)])) == [("number", "8 shot", "6 shot")]


def test_tolls_the_shot_summed_from_the_wounded_is_not_flagged_beside_the_wounded():
    a = claim("a#1", "Four people were wounded in the Millbrook shooting.", outlet="A", day=4,
              counts=(("Four", "people"),))
    b = claim("b#1", "One man was killed and four others were wounded in a Millbrook shooting.", outlet="B", day=4,
              counts=(("One", "person"), ("four", "others")))
    c = claim("c#1", "One woman was killed and three others were wounded in a Millbrook shooting.", outlet="C", day=4,
              counts=(("One", "woman"), ("three", "others")))
    found = toll_findings([a, b, c, named("a", "A", 4), named("b", "B", 4), named("c", "C", 4)])
    assert kinds(found) == [("number", "4 wounded", "3 wounded")]


def test_tolls_a_smaller_count_a_day_later_is_an_update_the_same_day_a_number():
    a = claim("a#1", "Five people were wounded in the Millbrook shooting.", outlet="A", day=4,
              counts=(("Five", "people"),))
    b = claim("b#1", "Four people were wounded in the Millbrook shooting, police now say.", outlet="B", day=5,
              counts=(("Four", "people"),))
    same_day = claim("c#1", "Four people were wounded in the Millbrook shooting.", outlet="C", day=4,
                     counts=(("Four", "people"),))
    assert kinds(toll_findings([a, b, named("a", "A", 4), named("b", "B", 5)])) == [
        ("update", "5 wounded", "4 wounded")]
    assert kinds(toll_findings([a, same_day, named("a", "A", 4), named("c", "C", 4)])) == [
        ("number", "5 wounded", "4 wounded")]


def test_tolls_the_hurt_beside_one_more_told_hurt_are_not_the_hurt_in_all():
    c = claim("a#1", "Police said five other people were injured in the Millbrook shooting and another was hurt "
              "fleeing the house.", outlet="A", day=4, counts=(("five", "people"),))
    assert [t.kind for t in counts(c)] == []
    typo = claim("a#1", "Five people were injured in Millbrook and other was injured jumping from a porch.", outlet="A",
                 day=4, counts=(("Five", "people"),))
    assert counts(typo) == []
    # one more killed beside the hurt is a count of its own kind; the hurt stay the hurt
    killed = claim("a#1", "Five people were injured in Millbrook and another was killed.", outlet="A", day=4,
                   counts=(("Five", "people"),))
    assert [(t.kind, t.value) for t in counts(killed)] == [("wounded", 5)]
