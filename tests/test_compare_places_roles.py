"""Place and role conflicts on hand-built claims: what they flag, and what they must not flag."""

from dataclasses import replace
from datetime import datetime, timezone

from consistency.compare import compare_pair
from consistency.compare.places import compare_places
from consistency.compare.roles import role_flags, seat
from consistency.extract.entities import EntityResolver
from consistency.extract.time.extract import find_times
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, places: tuple[str, ...] = (), *, outlet: str = "A", day: int = 10,
          people: tuple[tuple[str, str | None], ...] = ()) -> Claim:
    """A claim whose named places (GPE) and titled people (PERSON) are found in its text."""
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    resolver = EntityResolver()
    ents = []
    for p in places:
        at = text.index(p)
        ents.append(Entity(p, at, at + len(p), "GPE", resolver.resolve(p, "GPE")))
    for name, role in people:
        at = text.index(name)
        ents.append(Entity(name, at, at + len(name), "PERSON", "per:" + name.split()[-1].casefold(), role=role))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 times=tuple(find_times(text, published.date())), entities=tuple(ents), story_id="s1")


def test_places_the_same_meeting_in_two_towns():
    a = claim("a#1", "The senator told veterans gathered in Dunmore in March 2008 that he had served.", ("Dunmore",))
    b = claim("b#1", "The senator told veterans gathered in Kelford in March 2008 that he had served.", ("Kelford",),
              outlet="B")
    f = compare_places(a, b, 0.9, EntityResolver())
    assert f is not None and (f.type, f.value_a, f.value_b) == ("place", "Dunmore", "Kelford")
    assert "place" in [x.type for x in compare_pair(a, b, 0.9, EntityResolver())]


def test_places_a_city_and_its_state_agree():
    a = claim("a#1", "The suspect was arrested in Dunmore on Friday after a long chase.", ("Dunmore",))
    b = claim("b#1", "The suspect was arrested in Pennsylvania on Friday after a long chase.", ("Pennsylvania",),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None


def test_places_a_city_and_any_country_around_it_agree():
    for country in ("Greece", "Portugal", "Kenya", "Peru"):
        a = claim("a#1", "A firebomb hit a bank in Kelford on Friday, killing three people.", ("Kelford",))
        b = claim("b#1", f"A firebomb hit a bank in {country} on Friday, killing three people.", (country,),
                  outlet="B")
        assert compare_places(a, b, 0.9, EntityResolver()) is None, country
    c = claim("c#1", "A firebomb hit a bank in Dunmore on Friday, killing three people.", ("Dunmore",), outlet="C")
    assert compare_places(a, c, 0.9, EntityResolver()) is not None  # two towns still differ


def test_places_a_county_and_the_state_around_it_agree():
    a = claim("a#1", "Four people were shot in Dunmore County on Saturday night, two of them fatally.",
              ("Dunmore County",))
    b = claim("b#1", "Four people were shot in Vermont on Saturday night, two of them fatally.", ("Vermont",),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None
    c = claim("c#1", "Four people were shot in Kelford County on Saturday night, two of them fatally.",
              ("Kelford County",), outlet="C")
    assert compare_places(a, c, 0.9, EntityResolver()) is not None  # two counties still differ


def test_places_a_town_and_its_neighbourhood_agree():
    a = claim("a#1", "The man was shot in the Dunmore neighborhood late Friday, police said.", ("Dunmore",))
    b = claim("b#1", "The man was shot in Kelford late Friday, police said.", ("Kelford",), outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None


def test_places_other_days_are_other_happenings():
    a = claim("a#1", "The candidate spoke to supporters in Dunmore on March 3 about jobs.", ("Dunmore",))
    b = claim("b#1", "The candidate spoke to supporters in Kelford on March 5 about jobs.", ("Kelford",), outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None


def test_places_different_sentences_are_not_compared():
    a = claim("a#1", "The senator told veterans gathered in Dunmore that he had served.", ("Dunmore",))
    b = claim("b#1", "Protesters marched through Kelford, where the plant closed in a hurry.", ("Kelford",),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None


def test_places_a_place_both_name_is_no_conflict():
    a = claim("a#1", "Talks in Dunmore ended with a deal, officials in Kelford said.", ("Dunmore", "Kelford"))
    b = claim("b#1", "Talks in Kelford ended with a deal, officials in Dunmore said.", ("Kelford", "Dunmore"),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None


def test_roles_seat_reads_one_elected_office():
    assert seat("Rep.") == "representative"
    assert seat("Wisconsin Sen.") == "senator"
    assert seat("former Gov.") is None
    assert seat("House Speaker") is None
    assert seat("Sen. and Gov.") is None


def test_roles_two_seats_for_one_person_across_outlets():
    a = claim("a#1", "Rep. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Rep."),))
    b = claim("b#1", "Sen. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Sen."),), outlet="B")
    flags = role_flags([a, b])
    assert [f.type for f in flags] == ["role"]
    assert flags[0].values == {"A": "Rep. Dana Okoro", "B": "Sen. Dana Okoro"}
    assert "Role conflict" in flags[0].explanation


def test_roles_a_former_office_or_the_same_office_is_no_conflict():
    a = claim("a#1", "Rep. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Rep."),))
    b = claim("b#1", "Former Sen. Dana Okoro won the vote.", people=(("Dana Okoro", "Former Sen."),), outlet="B")
    c = claim("c#1", "Congresswoman Dana Okoro won.", people=(("Dana Okoro", "Congresswoman"),), outlet="C")
    assert role_flags([a, b, c]) == []


def test_roles_an_outlet_giving_both_offices_is_no_clear_conflict():
    a = claim("a#1", "Rep. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Rep."),))
    a2 = claim("a#2", "Sen. Dana Okoro thanked voters.", people=(("Dana Okoro", "Sen."),))
    b = claim("b#1", "Sen. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Sen."),), outlet="B")
    assert role_flags([a, a2, b]) == []


def test_roles_other_stories_are_apart():
    a = claim("a#1", "Rep. Dana Okoro won the vote on Tuesday.", people=(("Dana Okoro", "Rep."),))
    b = replace(claim("b#1", "Sen. Dana Okoro won the vote.", people=(("Dana Okoro", "Sen."),), outlet="B"),
                story_id="s2")
    assert role_flags([a, b]) == []


def test_places_a_story_places_one_event_in_two_towns():
    from consistency.compare.places import place_flags

    a = claim("a#1", "He later admitted his account of the Dunmore event was wrong about his service.", ("Dunmore",))
    a2 = claim("a#2", "Veterans gathered in Dunmore in March 2008 to hear him.", ("Dunmore",))
    b = claim("b#1", "He admitted his account of a 2008 event in Kelford was wrong about his service.", ("Kelford",),
              outlet="B")
    (flag,) = place_flags([a, a2, b])
    assert flag.type == "place" and flag.values == {"A": "Dunmore", "B": "Kelford"}
    assert {e.claim_id for e in flag.evidence} == {"a#1", "a#2", "b#1"}
    assert "Place conflict" in flag.explanation


def test_places_an_outlet_that_names_both_towns_is_not_set_against_the_other():
    from consistency.compare.places import place_flags

    a = claim("a#1", "He admitted his account of the Dunmore event was wrong.", ("Dunmore",))
    b = claim("b#1", "He admitted his account of a 2008 event in Kelford was wrong.", ("Kelford",), outlet="B")
    b2 = claim("b#2", "A video of the Dunmore speech was given to reporters.", ("Dunmore",), outlet="B")
    assert place_flags([a, b, b2]) == []


def test_places_two_rallies_on_different_days_are_two_happenings():
    from consistency.compare.places import place_flags

    a = claim("a#1", "The candidate spoke at a rally in Dunmore on March 3.", ("Dunmore",))
    b = claim("b#1", "The candidate spoke at a rally in Kelford on March 5.", ("Kelford",), outlet="B")
    assert place_flags([a, b]) == []


def test_names_a_surname_respelled_across_a_story():
    from consistency.compare.names import name_variant_flags

    def person(cid, text, name, outlet):
        at = text.index(name)
        ent = Entity(name, at, at + len(name), "PERSON", "per:" + name.split()[-1].casefold())
        return replace(claim(cid, text, outlet=outlet), entities=(ent,))

    a = person("a#1", "Reinhold Preibus, chairman of the county party, called the count fair.", "Reinhold Preibus", "A")
    b = person("b#1", "County party chairman Reinhold Priebus said nothing about the count.", "Reinhold Priebus", "B")
    c = person("c#1", "The count was fair, said Reinhold Preibus, who leads the county party.", "Reinhold Preibus", "C")
    (flag,) = name_variant_flags([], [a, b, c])
    # the minority spelling (B) is the variant, set against one outlet giving the majority one
    assert flag.values["B"] == "Reinhold Priebus" and set(flag.values.values()) == {"Reinhold Priebus",
                                                                                   "Reinhold Preibus"}


def test_names_house_style_and_short_names_are_no_variant():
    from consistency.compare.names import name_variant_flags

    def org(cid, text, name, outlet):
        at = text.index(name)
        return replace(claim(cid, text, outlet=outlet), entities=(Entity(name, at, at + len(name), "ORG", "org:x"),))

    a = org("a#1", "The I.R.S. opened an inquiry into the charity.", "I.R.S.", "A")
    b = org("b#1", "The IRS opened an inquiry into the charity.", "IRS", "B")
    c = org("c#1", "Mark Dole met the board.", "Mark Dole", "A")
    d = org("d#1", "Mary Dole met the board.", "Mary Dole", "B")
    assert name_variant_flags([(a, b, 0.95)], [a, b, c, d]) == []


def test_names_descriptive_word_forms_and_dropped_particles_are_no_variant():
    from consistency.compare.names import is_spelling_variant

    assert not is_spelling_variant("Marrow Advisers", "Marrow Advisors")
    assert not is_spelling_variant("Bluefen Distribution Ltd.", "Bluefen Distributors Ltd.")
    assert not is_spelling_variant("Carla DeMontfort", "Carla Montfort")
    assert is_spelling_variant("Carla Montfort", "Carla Monfort")


def test_names_outlets_split_evenly_between_two_spellings_flag_no_one():
    from consistency.compare.names import name_variant_flags

    def person(cid, text, name, outlet):
        at = text.index(name)
        ent = Entity(name, at, at + len(name), "PERSON", "per:" + name.split()[-1].casefold())
        return replace(claim(cid, text, outlet=outlet), entities=(ent,))

    said = "{} of the harbour board said the ferry would run again on Monday."
    claims = [person(f"{o.lower()}#1", said.format(n), n, o)
              for o, n in (("A", "Odile Marcken"), ("B", "Odile Marcken"),
                           ("C", "Odile Markken"), ("D", "Odile Markken"))]
    assert name_variant_flags([], claims) == []
    lone = person("e#1", said.format("Odile Markken"), "Odile Markken", "E")
    (flag,) = name_variant_flags([], claims[:2] + [lone])
    assert flag.values["E"] == "Odile Markken"


def test_places_one_town_spelt_two_ways_is_no_second_place():
    from consistency.compare.places import one_spelling, place_flags

    a = claim("a#1", "The senator told veterans gathered in Dunmore in March 2008 that he had served.", ("Dunmore",))
    b = claim("b#1", "The senator told veterans gathered in Dunnmore in March 2008 that he had served.", ("Dunnmore",),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None
    c = claim("c#1", "He admitted his account of a 2008 event in Dunmoore was wrong about his service.", ("Dunmoore",),
              outlet="C")
    a2 = claim("a#2", "He later admitted his account of the Dunmore event was wrong about his service.", ("Dunmore",))
    assert place_flags([a, a2, c]) == []
    # two letters apart, or short names, may be two towns
    assert (one_spelling("Kelford", "Kellford"), one_spelling("Kelford", "Kelwood"), one_spelling("Ubo", "Uba")) == \
        (True, False, False)


def test_names_one_office_given_to_two_people_of_one_surname():
    from consistency.compare.names import name_variant_flags
    from consistency.compare.outcomes import pair_outcome

    a = claim("a#1", "Rep. Marta Quiroga won the vote for vice chair of the caucus, defeating Rep. Ines Arbol.",
              people=(("Marta Quiroga", "Rep."), ("Ines Arbol", "Rep.")))
    b = claim("b#1", "Representative Delia R. Quiroga defeated Representative Ines Arbol to become vice chair.",
              outlet="B", people=(("Delia R. Quiroga", "Representative"), ("Ines Arbol", "Representative")))
    assert pair_outcome(a, b, 0.8, EntityResolver()).named
    (flag,) = name_variant_flags([(a, b, 0.8)], [a, b])
    assert set(flag.values.values()) == {"Marta Quiroga", "Delia R. Quiroga"}
    assert "two given names" in flag.explanation
    # sentences less alike than one statement told twice say nothing of one office-holder
    assert name_variant_flags([(a, b, 0.5)], [a, b]) == []


def test_names_one_surname_two_given_names_left_alone_without_one_office_or_in_a_family():
    from consistency.compare.names import name_variant_flags

    a = claim("a#1", "Rep. Marta Quiroga won the vote for vice chair, defeating Rep. Ines Arbol.",
              people=(("Marta Quiroga", "Rep."),))
    untitled = claim("b#1", "Delia Quiroga won the vote for vice chair, defeating Rep. Ines Arbol.", outlet="B",
                     people=(("Delia Quiroga", None),))
    assert name_variant_flags([(a, untitled, 0.8)], [a, untitled]) == []
    senator = claim("b#1", "Sen. Delia Quiroga won the vote for vice chair, defeating Rep. Ines Arbol.", outlet="B",
                    people=(("Delia Quiroga", "Sen."),))
    assert name_variant_flags([(a, senator, 0.8)], [a, senator]) == []
    b = claim("b#1", "Rep. Delia Quiroga won the vote for vice chair, defeating Rep. Ines Arbol.", outlet="B",
              people=(("Delia Quiroga", "Rep."),))
    sister = claim("b#2", "Her sister, Rep. Marta Quiroga, voted for her.", outlet="B",
                   people=(("Marta Quiroga", "Rep."),))
    assert name_variant_flags([(a, b, 0.8)], [a, b, sister]) == []


def test_names_given_names_apart_only_when_two_names():
    from consistency.compare.person_names import given_names_apart, two_given_names

    assert two_given_names("Marta Quiroga", "Delia R. Quiroga")
    assert two_given_names("Rep. Marta Quiroga", "Délia Quiróga")
    assert not two_given_names("Yevgeny Tarkanen", "Evgeny Tarkanen")  # transliterated
    assert not two_given_names("Bill Tarkanen", "William Tarkanen")  # a nickname
    assert not two_given_names("Alex Tarkanen", "Alexandra Tarkanen")  # a short form
    assert not two_given_names("D. Tarkanen", "Delia Tarkanen")  # an initial
    assert not two_given_names("Marta Quiroga", "Marta Tarkanen")  # two surnames
    assert not given_names_apart(["singer", "delia", "quiroga"], ["delia", "quiroga"])  # a description


def test_names_misspelt_given_name_reads_slips_not_transliterations():
    from consistency.compare.person_names import misspelt_given_name

    assert misspelt_given_name("Jerald", "Gerald")  # one sound, another letter
    assert misspelt_given_name("Rozalind", "Rosalind")
    assert misspelt_given_name("Stephania", "Stefania")
    assert misspelt_given_name("Orlanda", "Ornalda")  # letters swapped
    assert not misspelt_given_name("Elina", "Ilina")  # a vowel alone
    assert not misspelt_given_name("Massimo", "Masimo")  # a letter doubled
    assert not misspelt_given_name("Vassos", "Vassilos")  # an ending
    assert not misspelt_given_name("Kostas", "Costas")  # c for k
    assert not misspelt_given_name("Danell", "Darell")  # two names
    assert not misspelt_given_name("Mara", "Maar")  # too short to tell


def test_names_a_given_name_misspelt_across_a_story():
    from consistency.compare.names import name_variant_flags

    def person(cid, text, names, outlet):
        ents = tuple(Entity(n, text.index(n), text.index(n) + len(n), "PERSON", "per:" + n.split()[-1].casefold())
                     for n in names)
        return replace(claim(cid, text, outlet=outlet), entities=ents)

    a = person("a#1", "Jerald Okafor, 20, was taken to the county hospital.", ("Jerald Okafor",), "A")
    b = person("b#1", "The wounded man, Gerald Tomas Okafor, had two operations.", ("Gerald Tomas Okafor",), "B")
    (flag,) = name_variant_flags([], [a, b])
    assert set(flag.values.values()) == {"Jerald Okafor", "Gerald Tomas Okafor"}
    # a third report naming both men side by side: two brothers, not one name spelt two ways
    c = person("c#1", "Jerald Okafor and his brother Gerald Okafor were both hurt.", ("Jerald Okafor", "Gerald Okafor"),
               "C")
    assert name_variant_flags([], [a, b, c]) == []
    # a transliterated given name is house style
    d = person("d#1", "Ilias Vrettos, 20, was taken to the county hospital.", ("Ilias Vrettos",), "A")
    e = person("e#1", "The wounded man, Elias Vrettos, had two operations.", ("Elias Vrettos",), "B")
    assert name_variant_flags([], [d, e]) == []


def test_places_a_town_a_person_is_from_is_no_scene():
    a = claim("a#1", "The boy, from Dunmore, accidentally shot himself while cleaning a rifle at a friend's house.",
              ("Dunmore",))
    b = claim("b#1", "A boy accidentally shot himself while cleaning a rifle at a friend's house in Kelford.",
              ("Kelford",), outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None
    c = claim("c#1", "A man from Dunmore accidentally shot himself while cleaning a rifle at a friend's house.",
              ("Dunmore",))
    assert compare_places(c, b, 0.9, EntityResolver()) is None


def test_places_a_scene_told_with_from_is_still_compared():
    a = claim("a#1", "Shots were fired from Dunmore across the river at the ferry late on Friday.", ("Dunmore",))
    b = claim("b#1", "Shots were fired from Kelford across the river at the ferry late on Friday.", ("Kelford",),
              outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is not None


def test_places_a_cross_street_and_the_city_are_two_levels():
    a = claim("a#1", "The men went to a house in the 4100 block of Larkmoor near East Quillan and Brandt and fired "
                     "shots.", ("East Quillan",))
    b = claim("b#1", "The men went to a house in the 4100 block of Larkmoor in Dunmore and fired shots.",
              ("Dunmore",), outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is None
    c = claim("c#1", "The men went to a house on Quillan Avenue in Dunmore and fired shots.", ("Quillan Avenue",))
    d = claim("d#1", "The men went to a house in Kelford and fired shots.", ("Kelford",), outlet="B")
    assert compare_places(c, d, 0.9, EntityResolver()) is None


def test_places_two_towns_joined_by_and_stay_towns():
    a = claim("a#1", "The storm left damage near Dunmore and Kelford late on Friday night.", ("Dunmore",))
    b = claim("b#1", "The storm left damage near Brantley late on Friday night.", ("Brantley",), outlet="B")
    assert compare_places(a, b, 0.9, EntityResolver()) is not None
