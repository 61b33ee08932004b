"""Numbers, updates, name variants and repetition on hand-built claims: what is flagged and what must not be."""

from dataclasses import replace
from datetime import datetime, timezone

import pytest

from consistency.compare import compare_pair, compare_pairs, one_per_deviation
from consistency.compare.base import word_overlap
from consistency.compare.names import is_spelling_variant, name_variant_flags
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.provenance import claim_clusters, origin_kind, repetition_flags
from consistency.records import Attribution, Claim, Entity

OWN = Attribution(source="outlet", source_kind="outlet")


def claim(cid: str, text: str, *, outlet: str = "A", day: int = 10, att: Attribution | None = None,
          entities: tuple[Entity, ...] = ()) -> Claim:
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    times = tuple(find_times(text, published.date()))
    quantities = tuple(q for q in find_quantities(text) if not any(t.start <= q.start < t.end for t in times))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=att or replace(OWN, source=outlet),
                 times=times, quantities=quantities, entities=entities)


def found(a: Claim, b: Claim, score: float = 0.95) -> list[tuple[str, str, str]]:
    return [(f.type, f.value_a, f.value_b) for f in compare_pair(a, b, score, EntityResolver())]


def test_compare_values_changed_count_beside_an_unchanged_one():
    a = claim("a#1", 'The actor starred in the three "X-Men" movies and hosted the awards three times.')
    b = claim("b#1", 'The actor starred in the seven "X-Men" movies and hosted the awards three times.', outlet="B")
    assert found(a, b) == [("number", "three", "seven")]


def test_compare_values_durations_are_figures():
    a = claim("a#1", "The challenge now is to keep her there for the 90 days, the lawyer said.")
    b = claim("b#1", "The challenge now is to keep her there for the 180 days, the lawyer said.", outlet="B")
    assert [t for t, _, _ in found(a, b)] == ["number"]


def test_compare_values_hedged_duration_agrees():
    a = claim("a#1", "Negotiations began three weeks before the opening of the film.")
    b = claim("b#1", "Negotiations began about three weeks before the opening of the film.", outlet="B")
    assert found(a, b) == []


def test_compare_values_unknown_hedge_word_is_not_a_conflict():
    a = claim("a#1", "Police said three employees, between 30 and 40 years old, choked on smoke in the branch.")
    b = claim("b#1", "Police said three employees, between 30 and upwards of 30 years old, choked on smoke in the branch.",
              outlet="B")
    assert found(a, b) == []


def test_compare_values_ranges_agree_only_end_to_end():
    a = claim("a#1", "The studio plans to release 10 to 12 films annually over the decade.")
    b = claim("b#1", "The studio plans to release 10 to 22 films annually over the decade.", outlet="B")
    same = claim("c#1", "The studio plans to release 10 to 12 films annually over the decade.", outlet="C")
    assert [t for t, _, _ in found(a, b)] == ["number"]
    assert found(a, same) == []


def test_compare_values_copies_that_change_a_name_and_figure_are_not_compared():
    a = claim("a#1", "The Red Sox offered Teixeira an eight-year deal worth $184 million last week.")
    b = claim("b#1", "The Orioles offered Teixeira an eight-year deal worth $150 million last week.", outlet="B")
    assert [t for t, _, _ in found(a, b)] == []


def test_compare_values_update_revises_old_figure_in_a_copy():
    a = claim("a#1", "The navy seized 14 rifles and 31 magazines during the five operations, the officer said.")
    b = claim("b#1", "The navy seized 14 rifles and 14 magazines during the five operations, the officer said, "
                     "revised from an earlier figure of 31.", outlet="B", day=12)
    assert found(a, b) == [("update", "31", "14")]


def test_compare_values_revision_note_naming_a_figure_with_separators_is_an_update():
    a = claim("a#1", "Between 2001 and 2009, the inland port handled 240,000 containers.")
    b = claim("b#1", "Between 2001 and 2009, the inland port handled 410,500 containers, revised from an earlier "
                     "figure of 240,000.", outlet="B", day=12)
    assert found(a, b) == [("update", "240,000", "410,500")]


def test_compare_values_up_from_is_an_update():
    a = claim("a#1", "Officials brought 15 experts to Washington to sort through the public comments.")
    b = claim("b#1", "Officials brought 23 experts to Washington to sort through the public comments, up from 15 "
                     "reported earlier.", outlet="B", day=12)
    assert [t for t, _, _ in found(a, b)] == ["update"]


def test_compare_values_two_revisions_of_one_figure_are_two_updates():
    old = claim("a#1", "The coach has spent 19 seasons with the club.")
    first = claim("b#1", "In an updated count, the coach has spent 11 seasons with the club.", outlet="B", day=12)
    second = claim("c#1", "In an updated count, the coach has spent 14 seasons with the club.", outlet="C", day=13)
    flags = compare_pairs([(1, 2, 0.95), (1, 3, 0.95)], {1: old, 2: first, 3: second}, EntityResolver())
    updates = sorted(f.values[o] for f in flags if f.type == "update" for o in f.values if o != "A")
    assert updates == ["11", "14"]  # each revising report is flagged, not only one of them


def test_compare_values_standalone_update_needs_a_governed_figure_of_the_same_noun():
    a = claim("a#1", "The team won 10 games before the coach was fired in December.")
    b = claim("b#1", "Officials later revised the number of games to 14.", outlet="B", day=12)
    assert found(a, b, 0.5) == [("update", "10 games", "14")] or [t for t, _, _ in found(a, b, 0.5)] == ["update"]
    far = claim("c#1", "The team won 40 games before the coach was fired in December.", outlet="C")
    assert found(far, b, 0.5) == []  # a figure several times larger counts something else
    earlier = replace(b, published=datetime(2026, 3, 9, 9, tzinfo=timezone.utc))
    assert found(a, earlier, 0.5) == []  # an update is a later report


def test_compare_values_a_rise_or_fall_must_go_the_way_its_cue_says():
    old = claim("a#1", "The receiver has 41 catches for 605 yards this season.")
    rose = claim("b#1", "By the latest count, the number of yards had climbed to 496.", outlet="B", day=12)
    fell = claim("c#1", "By the latest count, the number of yards has fallen to 496.", outlet="C", day=12)
    revised = claim("d#1", "The number of yards was later revised to 496.", outlet="D", day=12)
    assert found(old, rose, 0.5) == []  # a figure that climbed cannot have come down from 605
    assert [t for t, _, _ in found(old, fell, 0.5)] == ["update"]
    assert [t for t, _, _ in found(old, revised, 0.5)] == ["update"]


def test_compare_values_cue_that_governs_no_figure_is_no_update():
    a = claim("a#1", "In 54 games with the team he hit .358 with 13 home runs.")
    b = claim("b#1", "He batted .467 as the team fell to the Red Sox in four games.", outlet="B", day=12)
    assert found(a, b, 0.6) == []


def test_compare_values_deviation_flagged_against_the_value_most_copies_give():
    base = "The champion, 58-3 with {} knockouts, floored the challenger in the fifth round."
    copies = [claim(f"c{i}#1", base.format("51"), outlet=f"C{i}") for i in range(3)]
    hedged = claim("h#1", base.format("roughly 50"), outlet="H")
    odd = claim("o#1", base.format("30"), outlet="O", day=12)
    findings = [(f, 0.99 if c is hedged else 0.95) for c in copies + [hedged]
                for f in compare_pair(c, odd, 0.95, EntityResolver())]
    (chosen,) = [f for f in one_per_deviation(findings) if odd.id in (f.a.id, f.b.id)]
    assert chosen.value_a == "51"


def _person(text: str, name: str) -> tuple[Entity, ...]:
    i = text.index(name)
    return (Entity(name, i, i + len(name), "PERSON", "per:" + name.casefold()),)


def test_compare_values_name_respelled_in_a_copy_is_a_variant():
    ta = "Now that killer Brian Nichols has been sentenced to life, the question is where he will serve."
    tb = "Now that killer Brian Nikhols has been sentenced to life, the question is where he will serve."
    a = claim("a#1", ta, entities=_person(ta, "Brian Nichols"))
    b = claim("b#1", tb, outlet="B", day=11, entities=_person(tb, "Brian Nikhols"))
    flags = name_variant_flags([(a, b, 0.8)])
    assert [(f.type, f.values["B"]) for f in flags] == [("name_variant", "Brian Nikhols")]


def test_compare_values_unrecognised_mention_still_counts():
    ta = 'Her film credits include "Van Wilder" and "The Big Lebowski" among others.'
    tb = 'Her film credits include "Van Wilderr" and "The Big Lebowski" among others.'
    a = claim("a#1", ta, entities=_person(ta, "Van Wilder"))
    b = claim("b#1", tb, outlet="B", day=11)
    flags = name_variant_flags([(a, b, 0.9)])
    assert [f.values["B"] for f in flags] == ["Wilderr"]


def test_compare_values_a_place_mistyped_by_a_letter_is_not_flagged():
    ta = "The two wounded men were taken to Harwick Valley Hospital, where one of them later died."
    tb = "The two wounded men were taken to Harwick Vally Hospital, where one of them later died."
    place = [Entity("Harwick Valley Hospital", ta.index("Harwick"), ta.index(","), "ORG", "org:harwick"),
             Entity("Harwick Vally Hospital", tb.index("Harwick"), tb.index(","), "ORG", "org:harwick")]
    a = claim("a#1", ta, entities=(place[0],))
    b = claim("b#1", tb, outlet="B", day=11, entities=(place[1],))
    assert name_variant_flags([(a, b, 0.9)]) == []  # no reader takes it for another hospital
    tc = "The two wounded men were taken to Harwick Valley Hospital by Joe Vally, where one of them later died."
    td = "The two wounded men were taken to Harwick Valley Hospital by Joe Valley, where one of them later died."
    c = claim("c#1", tc, entities=_person(tc, "Joe Vally"))
    d = claim("d#1", td, outlet="B", day=11, entities=_person(td, "Joe Valley"))
    assert [f.values["B"] for f in name_variant_flags([(c, d, 0.9)])] == ["Joe Valley"]  # a person's may be another


def test_compare_values_a_place_with_letters_dropped_and_swapped_is_not_flagged():
    def flags_for(good: str, slip: str) -> list:
        ta, tb = (f"The wounded man was taken to {w} Hospital in critical condition." for w in (good, slip))
        a = claim("a#1", ta, entities=(Entity(f"{good} Hospital", ta.index(good), ta.index(" in"), "ORG", "o:x"),))
        b = claim("b#1", tb, outlet="B", day=11,
                  entities=(Entity(f"{slip} Hospital", tb.index(slip), tb.index(" in"), "ORG", "o:x"),))
        return name_variant_flags([(a, b, 0.9)])
    assert flags_for("Castellan", "Castlean") == []  # a letter dropped and two swapped: a typing slip
    assert flags_for("Dalmont", "Delmant") != []  # letters of its own: may be another hospital


def test_compare_values_name_in_different_sentences_is_not_flagged():
    ta = "Page was born Betty Mae Page in Nashville, Tennessee on April 22, 1923."
    tb = "Bettie Mae Page was born on April 22, 1923, in Nashville, in a poor family of six children."
    a = claim("a#1", ta, entities=_person(ta, "Betty Mae Page"))
    b = claim("b#1", tb, outlet="B", day=11, entities=_person(tb, "Bettie Mae Page"))
    assert name_variant_flags([(a, b, 0.8)]) == []


def test_compare_values_spelling_variant_rules():
    assert is_spelling_variant("Johnny Carson", "Johnny Carsonn")
    assert not is_spelling_variant("Somali", "Somalia")
    assert not is_spelling_variant("Labour", "Labor")
    assert not is_spelling_variant("Northwest Dunmore", "Northeast Dunmore")  # two quarters of a town
    assert not is_spelling_variant("West Elm Street", "East Elm Street")


def test_compare_values_non_speech_frame_is_no_source():
    att = Attribution(source="Navy", source_kind="organisation", cue="had discussed", content="the decision")
    text = "Navy had discussed the decision at a closed meeting days earlier."
    copies = [claim(f"{x}#1", text, outlet=x.upper(), att=att) for x in "abc"]
    assert origin_kind(copies[0]) == "absent"
    said = replace(copies[0], attribution=replace(att, cue="said"))
    assert origin_kind(said) == "named"
    clusters = claim_clusters([(1, 2, 1.0), (2, 3, 1.0)], dict(zip((1, 2, 3), copies)))
    assert [f.type for f in repetition_flags(clusters)] == ["unsupported_repetition"]


def test_compare_values_anonymous_copies_that_disagree_on_a_figure_are_no_repetition():
    anon = Attribution(source="sources", source_kind="anonymous", cue="said", content="x")
    text = "The agent asked for an eight-year contract worth ${} million, sources said."
    a, b = (claim(f"{x}#1", text.format(v), outlet=x.upper(), att=anon) for x, v in (("a", 200), ("b", 400)))
    assert repetition_flags(claim_clusters([(1, 2, 0.99)], {1: a, 2: b})) == []
    same = replace(b, text=a.text)
    assert [f.type for f in repetition_flags(claim_clusters([(1, 2, 1.0)], {1: a, 2: same}))] == [
        "unsupported_repetition"]


def test_compare_values_syndicated_copies_are_one_sourced_story():
    text = "Athens stations were shut as tens of thousands of union members rallied on the eve of a vote."
    copies = {i: claim(f"{x}#1", text, outlet=x.upper()) for i, x in enumerate("abc", 1)}
    others = {}
    pairs = [(1, 2, 1.0), (2, 3, 1.0)]
    rowid = 10
    for n in range(3):  # each pair of articles shares three other sentences word for word
        for x, y in (("a", "b"), ("b", "c"), ("a", "c")):
            s = f"Shared wire sentence number {n} about the strike in the capital."
            others[rowid] = claim(f"{x}#{n + 2}", s, outlet=x.upper())
            others[rowid + 1] = claim(f"{y}#{n + 2}", s, outlet=y.upper())
            pairs.append((rowid, rowid + 1, 0.99))
            rowid += 2
    claims = {**copies, **others}
    clusters = [c for c in claim_clusters(pairs[:2], claims)]
    assert repetition_flags(clusters, claims, pairs) == []
    assert [f.type for f in repetition_flags(clusters, claims, pairs[:2])] == ["unsupported_repetition"]


def test_compare_values_pairs_yield_number_flag_once():
    a = claim("a#1", "The challenge now is to keep her there for the 90 days, the lawyer said.")
    b = claim("b#1", "The challenge now is to keep her there for the 180 days, the lawyer said.", outlet="B")
    flags = compare_pairs([(1, 2, 0.95)], {1: a, 2: b}, EntityResolver())
    assert [f.type for f in flags] == ["number"]


def test_compare_values_reworded_offers_by_different_bidders_are_not_compared():
    ta = "The Red Sox offered Teixeira an eight-year deal worth $184 million, Lynch reported."
    tb = "The Orioles, according to reports, have offered Teixeira a deal worth $150 million."
    ents_a = (Entity("Red Sox", 4, 11, "ORG", "org:red-sox"), Entity("Teixeira", 20, 28, "ORG", "per:teixeira"))
    ents_b = (Entity("Orioles", 4, 11, "ORG", "org:orioles"), Entity("Teixeira", 51, 59, "PERSON", "per:teixeira"))
    a = claim("a#1", ta, entities=ents_a)
    b = claim("b#1", tb, outlet="B", entities=ents_b)
    assert found(a, b, 0.9) == []
    same_bidder = claim("c#1", "The Red Sox have offered Teixeira a deal worth $150 million, Lynch reported.",
                        outlet="C", entities=(ents_a[0], ents_b[1]))
    assert [t for t, _, _ in found(a, same_bidder, 0.9)] == ["number"]


def test_compare_values_copies_hold_each_changed_date_against_its_own_place():
    a = claim("a#1", "Pirates on Saturday released a tanker they had held since October, a monitor said.", day=10)
    b = claim("b#1", "Pirates on Saturday released a tanker they had held since August, a monitor said.",
              outlet="B", day=10)
    assert found(a, b) == [("timeline", "October", "August")]


def test_compare_values_copy_republished_another_day_keeps_its_weekday():
    a = claim("a#1", "The general manager told reporters on Friday that the offer was still open.", day=10)
    b = claim("b#1", "The general manager told reporters on Friday that the offer was still open.", outlet="B", day=16)
    assert found(a, b) == []


def test_compare_values_deviation_flag_names_the_copies_that_agree():
    base = "The champion, 58-3 with {} knockouts, floored the challenger in the fifth round."
    copies = {i: claim(f"c{i}#1", base.format("51"), outlet=f"C{i}") for i in range(1, 4)}
    odd = claim("o#1", base.format("30"), outlet="O", day=12)
    claims = {**copies, 9: odd}
    flags = compare_pairs([(i, 9, 0.95) for i in copies], claims, EntityResolver())
    (flag,) = [f for f in flags if f.type == "number"]
    assert set(flag.articles) == {"c1", "c2", "c3", "o"}
    assert flag.values == {"C1": "51", "C2": "51", "C3": "51", "O": "30"}
    assert [e.text[e.start:e.end] for e in flag.evidence] == ["51", "30", "51", "51"]


def test_compare_values_skeleton_pairs_copies_that_differ_in_a_name_or_figure():
    from consistency.align import skeleton

    a = skeleton("Reports varied, though WCVB claims it was eight years and $184 million, or $23 million a year.")
    b = skeleton("Reports varied, though WCVB claims it was eight years and $184 million, or $32 million a year.")
    c = skeleton("Reports varied, though WCVB claims it was nine years and $184 million, or $23 million in all.")
    assert a is not None and a == b and a != c
    assert skeleton("INS Mysore closed in and ordered them to stop.") == skeleton(
        "INS Mysorre closed in and ordered them to stop.")
    assert skeleton("Smith said on Tuesday.") is None  # too little left to tell copies apart


def test_compare_values_unreadable_source_beside_a_name_is_its_own_origin():
    text = "Turnout was the lowest in Kelmar since 1998, the commission's chair, Nadia Petrescu, said."
    cue = text.index("said")
    name = Entity("Nadia Petrescu", text.index("Nadia"), text.index("Nadia") + 14, "PERSON", "per:petrescu")
    unread = claim("w#1", text, outlet="W", att=Attribution(source="", source_kind="anonymous", cue="said",
                                                             cue_span=(cue, cue + 4)), entities=(name,))
    assert origin_kind(unread) == "unknown"
    passive = "The decision had been taken at a private meeting a week before it was announced."
    cue = passive.index("announced")
    bare = claim("p#1", passive, att=Attribution(source="", source_kind="anonymous", cue="announced",
                                                 cue_span=(cue, cue + 9)))
    assert origin_kind(bare) == "absent"


def test_compare_values_explanation_names_the_agreeing_copies():
    base = "The champion, 58-3 with {} knockouts, floored the challenger in the fifth round."
    copies = {i: claim(f"c{i}#1", base.format("51"), outlet=f"C{i}") for i in range(1, 3)}
    odd = claim("o#1", base.format("30"), outlet="O", day=12)
    (flag,) = compare_pairs([(i, 9, 0.95) for i in copies], {**copies, 9: odd}, EntityResolver())
    assert "C2 also reports \u201c51\u201d" in flag.explanation or "C1 also reports \u201c51\u201d" in flag.explanation


def test_compare_values_revision_is_set_against_the_closest_old_figure():
    revision = claim("r#1", "By the latest count, the number of seasons had climbed to 15.", outlet="R", day=14)
    close = claim("a#1", "Cheeks played for the Sixers for 11 seasons before coaching.", outlet="A")
    others = [claim(f"{x}#1", "He stayed as an assistant coach for seven seasons with the team.", outlet=x.upper())
              for x in "bcd"]
    findings = [(f, 0.5) for c in [close] + others for f in compare_pair(c, revision, 0.5, EntityResolver())]
    (chosen,) = one_per_deviation(findings)
    assert (chosen.type, chosen.value_a, chosen.value_b) == ("update", "11", "15")


def test_compare_values_number_split_after_its_separator_is_read_whole():
    a = claim("a#1", "The 6. 0-magnitude quake struck Qeshm island, home to 120, 000 people, state media said.")
    b = claim("b#1", "The 6-magnitude quake struck Qeshm island, home to 120,000 people, state media said.", outlet="B")
    feet = claim("c#1", "On Saturday, Robert Buckley fell about 600 metres (2, 000 feet) while climbing to a small hut.")
    metres = claim("d#1", "On Saturday, Robert Buckley fell about 600m while climbing to a small hut.", outlet="D")
    assert found(a, b) == []
    assert found(feet, metres) == []


def test_compare_values_copies_that_differ_in_a_plain_number_conflict():
    a = claim("a#1", "A 23-year-old man has been charged with the murders of his mother and sister.")
    b = claim("b#1", "A 34-year-old man has been charged with the murders of his mother and sister.", outlet="B")
    assert found(a, b, 0.5) == [("number", "23", "34")]


def test_compare_values_plain_numbers_of_clock_times_are_not_figures():
    a = claim("a#1", "The meeting started at 10:30 and ended at noon with a statement from the board of the company.")
    b = claim("b#1", "The meeting started at 10:45 and ended at noon with a statement from the board of the company.",
              outlet="B")
    assert [t for t, _, _ in found(a, b, 0.5)] != ["number"]


def test_compare_values_counted_offset_is_a_figure_not_a_date():
    text = "The prosecutor said the man was furious over his firing {} days earlier."
    a = claim("a#1", text.format("four"))
    b = claim("b#1", text.format("seven"), outlet="B", day=12)
    assert found(a, b) == [("number", "four days earlier", "seven days earlier")]


def test_compare_values_respelled_name_in_a_copy_keeps_its_figure_comparable():
    text = "Gaetano {}, one of {} alleged Mafia members seized on Tuesday, has apparently hanged himself in prison."
    a = claim("a#1", text.format("Lo Presti", "99"))
    b = claim("b#1", text.format("Lo Prestii", "50"), outlet="B")
    assert [t for t, _, _ in found(a, b)] == ["number"]


def test_compare_values_figure_said_of_another_player_is_no_conflict():
    a = claim("a#1", "Seth VanDeest led Drake with 13 points, while Richard Carter added 12 for the Bulldogs.")
    b = claim("b#1", "Richard Carter scored 14 points and Seth VanDeest scored 13 for the ninth-seeded Bulldogs.",
              outlet="B")
    assert found(a, b, 0.87) == []


def test_compare_values_two_revisions_are_not_set_against_each_other():
    a = claim("a#1", "Officials later revised the number of yards to 501.", day=12)
    b = claim("b#1", "Officials later revised the number of yards to 1035.", outlet="B", day=13)
    assert found(a, b) == []


def test_compare_values_revision_tail_does_not_hide_the_changed_figure():
    a = claim("a#1", "Last season Thomas led the Saints in rushing, posting 793 total yards in 14 games.")
    b = claim("b#1", "Last season Thomas led the Saints in rushing, posting 793 total yards in 20 games, "
                     "revised from an earlier figure of 14.", outlet="B", day=12)
    framed = claim("c#1", "The figure has since been revised: he had just 484 yards rushing.", outlet="C", day=12)
    assert found(a, b) == [("update", "14", "20")]
    assert found(claim("d#1", "He had just 269 yards rushing."), framed, 0.74) == [("update", "269", "484")]


@pytest.mark.parametrize("line_a, line_b, day", [
    ("22 July 2013 Last updated at 17:50 GMT", "23 July 2013 Last updated at 13:42 GMT", 22),
    ("(Published Tuesday, March 3, 2026)", "(Published Wednesday, March 4, 2026)", 3),  # bracketed
])
def test_compare_values_page_date_lines_are_not_statements(line_a: str, line_b: str, day: int):
    a = claim("a#1", line_a, day=day)
    b = claim("b#1", line_b, outlet="B", day=day + 1)
    assert found(a, b) == []


def test_compare_values_telephone_numbers_are_no_figures():
    a = claim("a#1", "Witnesses to the blaze may ring the county desk on 555-210- 4411.")
    b = claim("b#1", "Witnesses to the blaze may ring the county desk on 555-330-7720.", outlet="B")
    assert [t for t, _, _ in found(a, b)] != ["number"]


def test_compare_values_weekday_agrees_with_its_date_weeks_later():
    text = "Receiver Vincent Jackson was arrested on suspicion of drunk driving on {}, five days before the game."
    a = claim("a#1", text.format("Jan. 6"), day=20)
    assert a.times[0].earliest == "2026-01-06"  # a Tuesday, weeks before either report
    assert found(a, claim("b#1", text.format("Tuesday morning"), outlet="B", day=25), 0.9) == []
    assert [t for t, _, _ in found(a, claim("c#1", text.format("Wednesday morning"), outlet="C", day=25), 0.9)] == \
        ["timeline"]


def test_compare_values_weekday_beside_a_clock_time_is_still_a_weekday():
    text = "Chief Jim Williams announced Smith was arrested around 10:24 a.m. {} and charged with two counts of murder."
    a = claim("a#1", text.format("Friday"))
    b = claim("b#1", text.format("Saturday"), outlet="B", day=12)
    assert [t for t, _, _ in found(a, b)] == ["timeline"]


def test_compare_values_hedged_offset_is_loose_by_its_unit():
    a = claim("a#1", "She returned to her home town 12 weeks ago after a four year spell living in Cardiff.")
    b = claim("b#1", "She returned to her home town no more than 13 weeks ago after a four year spell living in Cardiff.",
              outlet="B")
    assert found(a, b) == []


def test_compare_values_round_offset_is_loose_by_a_part_of_its_unit():
    text = "The ferry ran aground off Tarrow Point {} during a storm, the harbour office said."
    a = claim("a#1", text.format("a week ago"))
    assert found(a, claim("b#1", text.format("eight days ago"), outlet="B")) == []
    assert [t for t, _, _ in found(a, claim("c#1", text.format("three weeks ago"), outlet="C"))] == ["timeline"]


def test_compare_values_date_of_the_report_is_not_the_date_of_the_event():
    a = claim("a#1", "In January, it was reported that Obama had asked Dr. Sanjay Gupta to be Surgeon General, and "
                     "that Gupta had mulled the offer.", day=10)
    b = claim("b#1", "Obama has asked neurosurgeon Dr. Sanjay Gupta to be surgeon general, a senior Democrat said on "
                     "Tuesday.", outlet="B", day=12)
    assert found(a, b, 0.83) == []


def test_compare_values_accents_make_no_name_variant():
    assert not is_spelling_variant("Place Vendome", "Place Vend\u00f4me")
    assert is_spelling_variant("Voronets", "Voronetz")


def test_compare_values_copies_naming_one_day_two_ways_stand_together():
    text = "In December 2008, three men emptied almost all of the stock of gems from the jewellery store on {}."
    copies = {1: claim("m#1", text.format("Monday"), outlet="M", day=10),
              2: claim("s#1", text.format("March 9"), outlet="S", day=12),
              3: claim("t#1", text.format("March 9"), outlet="T", day=12)}
    odd = claim("o#1", text.format("Saturday"), outlet="O", day=12)
    (flag,) = compare_pairs([(i, 9, 0.95) for i in copies], {**copies, 9: odd}, EntityResolver())
    assert flag.type == "timeline"
    assert set(flag.articles) == {"m", "s", "t", "o"}
    assert flag.values["M"] == "Monday" and flag.values["O"] == "Saturday"
    assert "report \u201cMonday\u201d" in flag.explanation or "reports \u201cMonday\u201d" in flag.explanation


def test_compare_values_spokesperson_of_a_body_is_on_the_record():
    text = "A police spokeswoman said other premises suffered smashed windows and smoke damage."
    spoke = claim("p#1", text, att=Attribution(source="A police spokeswoman", source_kind="anonymous", cue="said"))
    hidden = claim("h#1", "A spokesman who declined to be named said the premises suffered damage.",
                   att=Attribution(source="A spokesman who declined to be named", source_kind="anonymous", cue="said"))
    assert origin_kind(spoke) == "named"
    assert origin_kind(hidden) == "anonymous"


def test_compare_values_repeated_headline_is_no_unsupported_repetition():
    titles = ["Kraft Shooting: Yvonne Hiller Charged With Two Counts Of Murder",
              "Kraft Food Shooter Yvonne Hiller Charged with Two Counts of Murder",
              "Kraft Shooting Suspect Yvonne Hiller Charged With Two Counts Of Murder"]
    copies = {i: claim(f"t{i}#1", t, outlet=f"T{i}") for i, t in enumerate(titles)}
    pairs = [(0, 1, 0.95), (1, 2, 0.95)]
    assert repetition_flags(claim_clusters(pairs, copies), copies, pairs) == []
    sentences = {i: replace(c, text=c.text.lower().capitalize() + ".") for i, c in copies.items()}
    assert len(repetition_flags(claim_clusters(pairs, sentences), sentences, pairs)) == 1


def test_compare_values_converted_figure_in_brackets_is_no_conflict():
    text = "The strike was the first test of the government since agreeing a 110 billion euro ({}) EU and IMF bailout."
    a = claim("a#1", text.format("$143 billion"))
    b = claim("b#1", text.format("$158 billion"), outlet="B")
    assert found(a, b) == []
    c = claim("c#1", text.replace("110", "150").format("$143 billion"), outlet="C")
    assert [t for t, _, _ in found(a, c)] == ["number"]


def test_compare_values_reworded_claims_sharing_no_figure_give_other_details():
    a = claim("a#1", "Klitschko landed 178 of 369 punches thrown while Rahman connected on just 30 of 207 punches thrown.")
    b = claim("b#1", "During the third round Klitschko landed 28 of his 68 punches thrown while Rahman connected on just "
                     "1 of 16 punches.", outlet="B")
    assert word_overlap(a, b) > 0.8 and found(a, b, 0.9) == []
    one = claim("c#1", "The final numbers showed Klitschko landing 178 punches thrown while Rahman connected on just 30.")
    other = claim("d#1", "The final numbers showed Klitschko landed 128 punches while Rahman connected on just 30 in all.",
                  outlet="D")
    assert [t for t, _, _ in found(one, other, 0.9)] == ["number"]


def test_compare_values_revision_counts_the_unit_of_a_measure():
    old = claim("a#1", "They had managed to get within 80 meters of the bivvy, police said.")
    new = claim("b#1", "The number of meters was revised to 101, officials said.", outlet="B", day=12)
    assert found(old, new, 0.5) == [("update", "80 meters", "101")]


def test_compare_values_doubled_final_letter_is_a_variant():
    assert is_spelling_variant("Rahul Mohandas", "Rahul Mohandass")
    assert not is_spelling_variant("Centres", "Center")


def test_compare_values_increment_is_not_the_total_a_revision_revises():
    revision = claim("r#1", "By the latest count, the number of people had climbed to 33.", outlet="R", day=14)
    more = claim("a#1", "Around 20 more people had to be ushered to safety.")
    total = claim("b#1", "Police said 18 people had been injured in the violence.", outlet="B")
    assert found(more, revision, 0.5) == []
    assert [t for t, _, _ in found(total, revision, 0.5)] == ["update"]


def test_compare_values_conversion_that_does_not_match_its_figure_conflicts():
    text = "Qeshm, located 1,150 kilometers ({} miles) southeast of Tehran, has a busy commercial and fishing port."
    a = claim("a#1", text.format("700"))
    assert [t for t, _, _ in found(a, claim("b#1", text.format("1050"), outlet="B"))] == ["number"]
    assert found(a, claim("c#1", text.format("715"), outlet="C")) == []


def test_compare_values_copies_worded_alike_cluster_whatever_their_vectors():
    text = "Several of those involved had been questioned before the announcement was made public."
    copies = {i: claim(f"c{i}#1", text, outlet=f"C{i}") for i in range(3)}
    changed = claim("d#1", text.replace("Several", "Two"), outlet="D")
    pairs = [(0, 1, 0.41), (1, 2, 0.41), (2, 3, 0.41)]
    (cluster,) = claim_clusters(pairs, {**copies, 3: changed})
    assert {c.outlet for c in cluster.claims} == {"C0", "C1", "C2"}
    assert len(repetition_flags([cluster], copies, pairs)) == 1


def test_compare_values_relative_day_inside_a_quotation_is_the_speakers():
    a = claim("a#1", '"This morning I was stopped by an officer," Jackson said in the statement.')
    b = claim("b#1", '"Yesterday I was stopped by an officer," Jackson said in the statement.', outlet="B")
    assert found(a, b) == []
    c = claim("c#1", "Jackson said he was stopped by an officer this morning.")
    d = claim("d#1", "Jackson said he was stopped by an officer yesterday.", outlet="D")
    assert [t for t, _, _ in found(c, d)] == ["timeline"]


def test_compare_values_cue_words_both_copies_share_mark_neither_as_newer():
    text = "Marta Ilves, {}, had fallen behind on rent before the landlord changed the locks, her lawyer said."
    a = claim("a#1", text.format("52"))
    b = claim("b#1", text.format("71"), outlet="B", day=12)
    assert found(a, b) == [("number", "52", "71")]


def test_compare_values_bracketed_count_is_not_a_conversion():
    text = "The welterweight slipped to 19-6 ({} knockouts) after the decision in Tallinn."
    a = claim("a#1", text.format("11"))
    b = claim("b#1", text.format("4"), outlet="B")
    assert [t for t, _, _ in found(a, b)] == ["number"]
    money = claim("c#1", "The port spent 40 million euros ($43 million) on the new cranes.")
    other = claim("d#1", "The port spent 40 million euros ($47 million) on the new cranes.", outlet="D")
    assert found(money, other) == []  # outlets convert money at their own rates


def test_compare_values_figure_word_in_a_compound_is_a_figure():
    text = "She was praised as a {}-time Grammy Awards presenter before the gala in Lisbon."
    a = claim("a#1", text.format("three"))
    b = claim("b#1", text.format("eight"), outlet="B")
    assert found(a, b) == [("number", "three", "eight")]  # the quantity reader finds no figure here
    # "one-time" is "former" as often as a count: "one" is left to the quantity reader
    one = claim("c#1", "The one-time regional champion withdrew from the tournament with a wrist injury.")
    four = claim("d#1", "The four-time regional champion withdrew from the tournament with a wrist injury.", outlet="D")
    assert found(one, four) == []


def test_compare_values_revision_already_stated_by_the_old_report_is_not_its_update():
    a = claim("a#1", "The club went on to win 12 of its next 20 matches after the coach arrived.")
    b = claim("b#1", "Officials later revised the number of matches to 12.", outlet="B", day=12)
    assert found(a, b, 0.5) == []


def test_compare_values_given_name_spelled_two_ways_with_one_surname_is_no_variant():
    ta = "Deputy mayor Yevgeny Tarkanen opened the new bridge over the river on a cold morning."
    tb = "Deputy mayor Evgeny Tarkanen opened the new bridge over the river on a cold morning."
    a = claim("a#1", ta, entities=_person(ta, "Yevgeny Tarkanen"))
    b = claim("b#1", tb, outlet="B", day=11, entities=_person(tb, "Evgeny Tarkanen"))
    assert name_variant_flags([(a, b, 0.8)]) == []
    tc = "Deputy mayor Yevgeny Tarkanenn opened the new bridge over the river on a cold morning."
    c = claim("c#1", tc, outlet="C", day=11, entities=_person(tc, "Yevgeny Tarkanenn"))
    flags = name_variant_flags([(a, c, 0.8)])
    assert [(f.type, f.values["C"]) for f in flags] == [("name_variant", "Yevgeny Tarkanenn")]


def test_compare_values_duration_of_two_clock_units_is_one_figure():
    text = "The minister met the union leaders for {} on Friday before the talks broke down."
    a = claim("a#1", text.format("2 1/2 hours"))
    b = claim("b#1", text.format("5 1/2 hours"), outlet="B")
    assert [t for t, _, _ in found(a, b)] == ["number"]
    same = claim("c#1", text.format("two and a half hours"), outlet="C")
    assert found(a, same) == []


def test_compare_values_a_close_figure_of_another_noun_does_not_block_an_update():
    a = claim("a#1", "The reserve now lists 2,040 species, among them 900 trees.")
    b = claim("b#1", "The number of trees has since risen to 2,050.", outlet="B", day=12)
    assert [(t, x, y) for t, x, y in found(a, b, 0.5)] == [("update", "900", "2,050")]
    same_noun = claim("c#1", "The reserve now lists 2,040 trees, among them 900 oaks.")
    assert found(same_noun, b, 0.5) == []  # the old report already gives the newer figure


def test_compare_values_revision_names_every_earlier_report_of_its_old_figure():
    revision = claim("r#1", "By the latest count, the number of stalls had climbed to 610.", outlet="R", day=14)
    exact = claim("a#1", "A total of 412 stalls will line the harbour road for the spring fair.", outlet="A", day=11)
    hedged = claim("b#1", "Organisers expect roughly 410 stalls along the harbour road this spring.", outlet="B",
                   day=12)
    other = claim("c#1", "Some 250 stalls sold food at the fair last spring, organisers said.", outlet="C", day=12)
    findings = [(f, 0.5) for c in (exact, hedged, other) for f in compare_pair(c, revision, 0.5, EntityResolver())]
    (chosen,) = one_per_deviation(findings)
    assert chosen.type == "update" and chosen.value_b == "610"
    # both wordings of the old figure stand in the flag; the other count does not
    assert {chosen.a.id, *(c.id for c in chosen.also)} == {"a#1", "b#1"}
    (flag,) = compare_pairs([(1, 9, 0.5), (2, 9, 0.5), (3, 9, 0.5)],
                            {1: exact, 2: hedged, 3: other, 9: revision}, EntityResolver())
    assert set(flag.articles) == {"a", "b", "r"}
    assert "or the same figure in other words" in flag.explanation


def test_compare_values_revised_figure_in_a_bracket_after_a_glued_unit_is_an_update():
    a = claim("a#1", "The climber dropped nearly 1900ft (579 metres) into the crevasse below the ridge.")
    b = claim("b#1", "The climber dropped nearly 1900ft (402 metres) into the crevasse below the ridge, revised from "
                     "an earlier figure of 579.", outlet="B", day=12)
    assert found(a, b) == [("update", "579 metres", "402 metres")]


def test_compare_values_revision_is_set_against_the_figure_many_outlets_reported():
    revision = claim("r#1", "The number of goals was revised to 40, officials said.", outlet="R", day=14)
    lone = claim("a#1", "The visiting striker, who has scored 37 goals this season, was booked twice.", outlet="A")
    widely = [claim(f"{x}#1", "The league leaders have scored 25 goals in their home games.", outlet=x.upper())
              for x in "bcdefg"]
    findings = [(f, 0.5) for c in [lone] + widely for f in compare_pair(c, revision, 0.5, EntityResolver())]
    assert len(findings) == 7
    (chosen,) = one_per_deviation(findings)
    assert (chosen.type, chosen.value_a, chosen.value_b) == ("update", "25", "40")
    # with the lone report alone, the revision is still set against it
    (alone,) = one_per_deviation(findings[:1])
    assert (alone.value_a, alone.value_b) == ("37", "40")
