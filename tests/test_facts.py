"""The per-story fact table: rows of different outlets about the same thing, compared by value."""

from dataclasses import replace
from datetime import datetime, timezone

import numpy as np
import pytest

from consistency.compare.by_story import check_story
from consistency.compare.fact_features import FEATURES, FactScorer, features, load_scorer
from consistency.compare.facts import candidates, compare_facts, facts_of, is_part, story_table
from consistency.compare.facts.sameness import particle_after_verb
from consistency.compare.facts.values import overnight
from consistency.extract.entities import EntityResolver
from consistency.extract.quantities import find_quantities
from consistency.extract.time.extract import find_times
from consistency.records import Attribution, Claim, Entity


def claim(cid: str, text: str, *, outlet: str, day: int = 10, frames: dict[str, tuple[str | None, tuple[str, ...]]]
          ) -> Claim:
    """A claim whose slots carry the happening and subjects given in ``frames`` (slot text -> frame)."""
    published = datetime(2026, 3, day, 9, tzinfo=timezone.utc)
    times = tuple(replace(t, event=frames.get(t.text, (None, ()))[0], about=frames.get(t.text, (None, ()))[1])
                  for t in find_times(text, published.date()))
    qs = tuple(replace(q, event=frames.get(q.text, (None, ()))[0], about=frames.get(q.text, (None, ()))[1])
               for q in find_quantities(text) if not any(t.start <= q.start < t.end for t in times))
    return Claim(id=cid, article_id=cid.split("#")[0], outlet=outlet, published=published, text=text, start=0,
                 end=len(text), content=text, attribution=Attribution(source=outlet, source_kind="outlet"),
                 times=times, quantities=qs, story_id="s1")


# A stand-in for the fitted scorer: flags every candidate of claims at least 0.5 alike.
BY_SIMILARITY = FactScorer(("similarity",), (0.0,), (1.0,), (20.0,), -10.0, 0.5)


def vectors_at(similarity: float):
    """Vectors that put every pair of distinct claims at the given cosine."""

    def vectors(rs):
        # every pair of distinct claims at the given cosine
        n = len(rs)
        base = np.zeros((n, n + 1), np.float32)
        base[:, 0] = np.sqrt(similarity)
        for i in range(n):
            base[i, i + 1] = np.sqrt(1 - similarity)
        return base

    return vectors


def run(*claims: Claim, similarity: float = 0.6) -> list:
    rows = dict(enumerate(claims))
    findings = compare_facts(rows, vectors_at(similarity), BY_SIMILARITY)
    flags, _, _ = check_story([], rows, EntityResolver(), findings.get("s1", []))
    return flags


def pairs(*claims: Claim, similarity: float = 0.6) -> list:
    """The candidates of the claims' table, as (earlier value, later value)."""
    rows = dict(enumerate(claims))
    facts = [f for fs in story_table(rows).values() for f in fs]
    return [(c.a.slot.text, c.b.slot.text) for c in candidates(facts, lambda r, s: similarity)]


def test_facts_same_vote_dated_differently_in_other_words():
    a = claim("a#1", "The House passed the resolution on Tuesday after a short debate.", outlet="A", day=13,
              frames={"Tuesday": ("pass", ("house", "resolution"))})
    b = claim("b#1", "On Wednesday, the resolution reaffirming the motto was passed by the House.", outlet="B",
              day=13, frames={"Wednesday": ("pass", ("house", "resolution"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["timeline"]
    assert set(flags[0].values.values()) == {"Tuesday", "Wednesday"}
    assert {e.article_id for e in flags[0].evidence} == {"a", "b"}


def test_facts_years_a_step_apart_need_no_shared_verb():
    a = claim("a#1", "Brooke served in the Senate from 1967 to 1979.", outlet="A",
              frames={"1967": ("serve", ("brooke", "senate")), "1979": ("serve", ("brooke", "senate"))})
    b = claim("b#1", "Brooke held the Senate seat from 1966 to 1978.", outlet="B",
              frames={"1966": ("hold", ("brooke", "seat")), "1978": ("hold", ("brooke", "seat"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["timeline"]


def test_facts_dates_of_different_happenings_are_not_compared():
    a = claim("a#1", "The senator apologized on Friday for the post.", outlet="A", day=13,
              frames={"Friday": ("apologize", ("senator", "post"))})
    b = claim("b#1", "The party fired the aide on Saturday over the post.", outlet="B", day=13,
              frames={"Saturday": ("fire", ("party", "aide"))})
    assert run(a, b) == []


def test_facts_figure_of_one_counted_thing_differs():
    a = claim("a#1", "The officials took a 35-word oath at the ceremony.", outlet="A",
              frames={"35": ("take", ("oath", "official"))})
    b = claim("b#1", "The officials recited the 38-word oath before noon.", outlet="B",
              frames={"38": ("recite", ("oath", "official"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["number"]


def test_facts_figures_that_agree_within_a_hedge_are_not_flagged():
    a = claim("a#1", "The group spent about $3.6 billion on the project.", outlet="A",
              frames={"about $3.6 billion": ("spend", ("group", "project"))})
    b = claim("b#1", "The group spent $3.5 billion on the project last year.", outlet="B",
              frames={"$3.5 billion": ("spend", ("group", "project"))})
    assert run(a, b) == []


def test_facts_the_scorer_cut_decides():
    a = claim("a#1", "The officials took a 35-word oath at the ceremony.", outlet="A",
              frames={"35": ("take", ("oath", "official"))})
    b = claim("b#1", "The officials recited the 38-word oath before noon.", outlet="B",
              frames={"38": ("recite", ("oath", "official"))})
    assert run(a, b, similarity=0.1) == []


def test_facts_later_figure_said_to_rise_is_an_update():
    a = claim("a#1", "Officials said 12 people died in the flooding.", outlet="A", day=10,
              frames={"12": ("die", ("people", "flooding"))})
    b = claim("b#1", "The number of people who died in the flooding has risen to 19 people.", outlet="B", day=12,
              frames={"19": ("die", ("people", "number", "flooding"))})
    flags = run(a, b)
    assert [f.type for f in flags] == ["update"]


def test_facts_the_date_someone_spoke_is_not_a_row():
    c = claim("a#1", "The minister said on Monday that the plant would close.", outlet="A",
              frames={"Monday": ("say", ("minister",))})
    assert facts_of(0, c) == []


def test_facts_count_higher_a_day_later_is_an_update():
    a = claim("a#1", "Officials said 12 people died in the flooding.", outlet="A", day=10,
              frames={"12": ("die", ("people", "flooding"))})
    b = claim("b#1", "Officials said 19 people died in the flooding.", outlet="B", day=11,
              frames={"19": ("die", ("people", "flooding"))})
    assert [f.type for f in run(a, b)] == ["update"]
    # The same day, figures this far apart are more often two statistics of the story than one slip.
    same_day = replace(b, published=a.published)
    assert run(a, same_day) == []


def test_facts_only_a_running_count_grows_without_a_word_saying_so():
    a = claim("a#1", "The rowing club has won 12 races on the lake.", outlet="A", day=10,
              frames={"12": ("win", ("race", "club", "lake"))})
    b = claim("b#1", "The rowing club has won 19 races on the lake.", outlet="B", day=11,
              frames={"19": ("win", ("race", "club", "lake"))})
    assert run(a, b) == []  # races won a day apart this far off are two statistics, not a tally that grew
    revised = replace(b, text=b.text + " The figure was revised upward.")
    assert [f.type for f in run(a, revised)] == ["update"]


def test_facts_an_open_hedge_does_not_vouch_for_a_figure():
    a = claim("a#1", "The couple spent over $300 on hats and $5,687.75 at the retreat.", outlet="A",
              frames={"over $300": ("spend", ("couple", "hat")), "$5,687.75": ("spend", ("couple", "retreat"))})
    b = claim("b#1", "The couple spent $5,587.75 at the retreat.", outlet="B",
              frames={"$5,587.75": ("spend", ("couple", "retreat"))})
    assert ("$5,687.75", "$5,587.75") in pairs(a, b)


def test_facts_a_value_the_other_article_gives_elsewhere_is_not_a_candidate():
    a = claim("a#1", "The senator apologized on Friday for the post.", outlet="A", day=15,
              frames={"Friday": ("apologize", ("senator", "post"))})
    b = claim("b#1", "The senator apologized on Saturday for the post.", outlet="B", day=15,
              frames={"Saturday": ("apologize", ("senator", "post"))})
    b2 = claim("b#2", "The aide resigned on Friday after the post.", outlet="B", day=15,
               frames={"Friday": ("resign", ("aide", "post"))})
    assert pairs(a, b) == [("Friday", "Saturday")]
    assert pairs(a, b, b2) == []


def test_facts_shipped_scorer_reads_computed_features():
    scorer = load_scorer()
    assert scorer is not None and set(scorer.features) <= set(FEATURES) and 0 < scorer.threshold < 1
    a = claim("a#1", "The officials took a 35-word oath at the ceremony.", outlet="A",
              frames={"35": ("take", ("oath", "official"))})
    b = claim("b#1", "The officials recited the 38-word oath before noon.", outlet="B",
              frames={"38": ("recite", ("oath", "official"))})
    (c,) = candidates(facts_of(0, a) + facts_of(1, b), lambda r, s: 0.6)
    assert len(features(c)) == len(FEATURES) and 0 <= scorer.score(features(c)) <= 1


def test_facts_scorer_rejects_features_it_cannot_compute():
    with pytest.raises(ValueError, match="refit"):
        FactScorer.from_dict({"features": ["nonsense"], "mean": [0], "scale": [1], "weights": [1], "bias": 0,
                              "threshold": 0.5})
    with pytest.raises(ValueError, match="differ in length"):
        FactScorer.from_dict({"features": ["gap", "near"], "mean": [0], "scale": [1], "weights": [1], "bias": 0,
                              "threshold": 0.5})


@pytest.mark.slow
def test_frames_read_from_the_parse():
    from consistency.extract.claims import extract_claims
    from consistency.records import Article

    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text="On Wednesday, the House voted on a bill that reaffirmed the motto. "
                       "Police said a four-year-old boy was hurt in the crash.")
    claims = extract_claims([art], EntityResolver())
    day = claims[0].times[0]
    assert (day.event, "house" in day.about) == ("vote", True)
    age = claims[1].quantities[0]
    assert (age.value, age.unit, "boy" in age.about) == (4.0, "years old", True)


def test_facts_relative_dates_of_articles_of_one_day_compare():
    a = claim("a#1", "The trustees issued the projections last month.", outlet="A", day=17,
              frames={"last month": ("issue", ("projection", "trustee"))})
    b = claim("b#1", "The trustees issued the projections last week.", outlet="B", day=17,
              frames={"last week": ("issue", ("projection", "trustee"))})
    assert pairs(a, b) == [("last month", "last week")]
    assert pairs(a, replace(b, published=b.published.replace(day=20))) == []


def test_facts_figures_of_different_holders_far_apart_are_not_one_fact():
    a = claim("a#1", "The Harbour Party will hold at least 180 seats in the assembly.", outlet="A",
              frames={"at least 180": ("hold", ("seat", "harbour", "assembly"))})
    b = claim("b#1", "The Green League has lost nearly 25 seats in the assembly.", outlet="B",
              frames={"nearly 25": ("lose", ("seat", "league", "assembly"))})
    assert pairs(a, b) == []


def test_facts_figures_counting_different_things_are_not_compared():
    a = claim("a#1", "Nine workers were hurt at the plant.", outlet="A",
              frames={"Nine": ("hurt", ("worker", "plant"))})
    b = claim("b#1", "Twelve inspectors were hurt at the plant.", outlet="B",
              frames={"Twelve": ("hurt", ("inspector", "plant"))})
    assert pairs(a, b) == []
    c = claim("c#1", "Twelve workers were hurt at the plant.", outlet="C",
              frames={"Twelve": ("hurt", ("worker", "plant"))})
    assert pairs(a, c) == [("Nine", "Twelve")]


def test_facts_a_ratio_is_one_share_not_two_counts():
    a = claim("a#1", "About 1 in 3 voters backed the plan.", outlet="A",
              frames={"3": ("back", ("voter", "plan")), "About 1": ("back", ("voter", "plan"))})
    b = claim("b#1", "One-in-three voters backed the plan.", outlet="B",
              frames={"One": ("back", ("voter", "plan")), "three": ("back", ("voter", "plan"))})
    rows = facts_of(0, a)
    assert [(f.slot.kind, round(f.slot.value, 1)) for f in rows] == [("percent", 33.3)]
    assert pairs(a, b) == []


def test_facts_a_figure_rounded_or_cut_to_fewer_digits_agrees():
    a = claim("a#1", "The campaign raised $27 million in the quarter.", outlet="A",
              frames={"$27 million": ("raise", ("campaign", "quarter"))})
    b = claim("b#1", "The campaign raised $27,412,960 in the quarter.", outlet="B",
              frames={"$27,412,960": ("raise", ("campaign", "quarter"))})
    assert pairs(a, b) == []
    e = claim("e#1", "The couple paid a tax rate of 42 percent.", outlet="E",
              frames={"42 percent": ("pay", ("percent", "couple", "rate"))})
    f = claim("f#1", "The couple paid a tax rate of 41.8 percent.", outlet="F",
              frames={"41.8 percent": ("pay", ("percent", "couple", "rate"))})
    assert pairs(e, f) == []
    c = claim("c#1", "The department received 20,000 pages of records.", outlet="C",
              frames={"20,000": ("receive", ("page", "department", "record"))})
    d = claim("d#1", "The department received 22,000 pages of records.", outlet="D",
              frames={"22,000": ("receive", ("page", "department", "record"))})
    assert pairs(c, d) == [("20,000", "22,000")]


def test_facts_a_preview_figure_of_one_counted_thing_said_of_nothing_else_is_compared():
    a = claim("a#1", "Lawmakers were told of 19 steps in the draft.", outlet="A", day=10,
              frames={"19": ("be", ("step",))})
    b = claim("b#1", "The plan includes 23 steps taken without the council.", outlet="B", day=12,
              frames={"23": ("include", ("step", "council"))})
    assert pairs(a, b) == [("19", "23")]
    assert [f.type for f in run(a, b)] == ["update"]  # higher, in a report of a later day


def test_facts_exact_sums_said_of_nothing_else_are_items_of_a_list():
    a = claim("a#1", "The couple spent $10,977.74 on furniture.", outlet="A",
              frames={"$10,977.74": ("spend", ("usd", "couple", "furniture"))})
    b = claim("b#1", "Records list purchases such as $9,587.64 in all.", outlet="B",
              frames={"$9,587.64": ("list", ())})
    assert pairs(a, b) == []


def test_facts_a_count_whose_noun_is_unknown_is_not_a_named_count():
    a = claim("a#1", "Anyone 21 or older may buy the permit in the valley.", outlet="A",
              frames={"21": ("buy", ("permit", "valley"))})
    b = claim("b#1", "Some 23 towns in the valley sell the permit.", outlet="B",
              frames={"Some 23": ("sell", ("town", "permit", "valley"))})
    assert pairs(a, b) == []


def test_facts_two_caps_that_differ_disagree():
    a = claim("a#1", "The suit covers as many as 1.5 million workers.", outlet="A",
              frames={"as many as 1.5 million": ("cover", ("worker", "suit"))})
    b = claim("b#1", "The suit speaks for up to 1.6 million workers.", outlet="B",
              frames={"up to 1.6 million": ("speak", ("worker", "suit"))})
    c = claim("c#1", "The suit speaks for up to 1.5 million workers.", outlet="C",
              frames={"up to 1.5 million": ("speak", ("worker", "suit"))})
    assert pairs(a, b) == [("as many as 1.5 million", "up to 1.6 million")]
    assert pairs(a, c) == []


def test_facts_ages_are_one_counted_thing():
    a = claim("a#1", "A four-year-old boy was pulled from the lake.", outlet="A", day=10,
              frames={"four": ("pull", ("boy", "lake"))})
    b = claim("b#1", "Rescuers said he was 3.", outlet="B", day=10, frames={"3": ("be", ())})
    assert [f.counts for r, c in enumerate((a, b)) for f in facts_of(r, c)] == ["age", "age"]
    assert pairs(a, b) == [("four", "3")]


def test_facts_a_date_said_to_come_earlier_than_planned_is_an_update():
    a = claim("a#1", "The minister will leave the cabinet at the end of April.", outlet="A", day=10,
              frames={"the end of April": ("leave", ("minister", "cabinet"))})
    b = claim("b#1", "The minister will leave the cabinet on March 20, weeks earlier than planned.", outlet="B",
              day=13, frames={"March 20": ("leave", ("minister", "cabinet"))})
    assert [f.type for f in run(a, b)] == ["update"]
    other = claim("c#1", "The minister will leave the cabinet on March 20.", outlet="C", day=13,
                  frames={"March 20": ("leave", ("minister", "cabinet"))})
    assert [f.type for f in run(a, other)] == ["timeline"]  # nothing says the plan changed


def test_frames_a_figure_a_change_verb_gives_counts_its_subject():
    from consistency.extract.claims import extract_claims
    from consistency.records import Article

    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text="The death toll in the valley rose to 40 on Sunday. Officials said the number climbed to 12.")
    toll, number = (c.quantities[0] for c in extract_claims([art], EntityResolver()))
    assert (toll.unit, toll.about[0]) == ("toll", "toll")
    assert number.unit is None  # "the number" names no counted thing


def test_facts_a_part_is_not_set_against_a_total():
    total = claim("a#1", "Four tenants said the landlord had ignored their complaints.", outlet="A",
                  frames={"Four": ("say", ("tenant", "landlord"))})
    part = claim("b#1", "Three other tenants said the landlord had ignored their complaints.", outlet="B",
                 frames={"Three": ("say", ("tenant", "landlord"))})
    whole = claim("c#1", "Five tenants said the landlord had ignored their complaints.", outlet="C",
                  frames={"Five": ("say", ("tenant", "landlord"))})
    assert pairs(total, part) == []
    assert pairs(total, whole) == [("Four", "Five")]  # two totals of one thing still differ
    among = claim("d#1", "Among them, three tenants said the landlord had ignored their complaints.", outlet="D",
                  frames={"three": ("say", ("tenant", "landlord"))})
    assert pairs(total, among) == []


def test_facts_a_count_narrowed_to_one_fate_or_one_cause_is_a_part():
    total = claim("a#1", "Officers found five hikers hurt near the quarry.", outlet="A",
                  frames={"five": ("find", ("hiker", "quarry"))})
    mending = claim("b#1", "The four hikers who are expected to recover were found near the quarry.", outlet="B",
                    frames={"four": ("find", ("hiker", "quarry"))})
    cause = claim("c#1", "Officers found three hikers killed by smoke inhalation near the quarry.", outlet="C",
                  frames={"three": ("find", ("hiker", "quarry"))})
    whole = claim("d#1", "Officers found six hikers who were lost near the quarry.", outlet="D",
                  frames={"six": ("find", ("hiker", "quarry"))})
    assert pairs(total, mending) == []
    assert pairs(total, cause) == []
    assert pairs(total, whole) == [("five", "six")]  # a clause of no fate or cause narrows nothing


def test_facts_a_part_named_by_a_possessive_or_a_further_is_not_a_total():
    total = claim("a#1", "The ferry company said 12 sailings were cancelled this week.", outlet="A",
                  frames={"12": ("cancel", ("sailing", "company"))})
    of_its = claim("b#1", "The ferry company said 9 of its sailings were cancelled this week.", outlet="B",
                   frames={"9": ("cancel", ("sailing", "company"))})
    further = claim("c#1", "The ferry company said a further 11 sailings were cancelled this week.", outlet="C",
                    frames={"11": ("cancel", ("sailing", "company"))})
    assert pairs(total, of_its) == []
    assert pairs(total, further) == []


def test_facts_a_figure_needed_is_not_the_figure_reached():
    needed = claim("a#1", "The measure needed 60 votes in the council chamber.", outlet="A",
                   frames={"60": ("need", ("vote", "measure"))})
    cast = claim("b#1", "The measure won 57 votes in the council chamber.", outlet="B",
                 frames={"57": ("win", ("vote", "measure"))})
    also_needed = claim("c#1", "The measure required 66 votes in the council chamber.", outlet="C",
                        frames={"66": ("require", ("vote", "measure"))})
    assert pairs(needed, cast) == []
    assert pairs(needed, also_needed) == [("60", "66")]


def with_people(c: Claim, *names: str) -> Claim:
    """The claim with the given names tagged as people."""
    ents = tuple(Entity(n, c.text.index(n), c.text.index(n) + len(n), "PERSON", "per:" + n.split()[-1].casefold())
                 for n in names)
    return replace(c, entities=ents)


def test_facts_dates_said_of_people_the_other_sentence_never_names_are_not_one_fact():
    a = with_people(claim("a#1", "Harriet Voss issued a statement on Thursday about the leak.", outlet="A", day=14,
                          frames={"Thursday": ("issue", ("statement", "leak"))}), "Harriet Voss")
    b = with_people(claim("b#1", "On Friday, Omar Quill issued a statement about the leak.", outlet="B", day=14,
                          frames={"Friday": ("issue", ("statement", "leak"))}), "Omar Quill")
    same = with_people(claim("c#1", "On Friday, Harriet Voss issued a statement about the leak.", outlet="C",
                             day=14, frames={"Friday": ("issue", ("statement", "leak"))}), "Harriet Voss")
    assert pairs(a, b) == []
    assert pairs(a, same) == [("Thursday", "Friday")]


def named(c: Claim, **people: str) -> Claim:
    """The claim with each given name tagged as a person of the given canonical id."""
    return replace(c, entities=tuple(Entity(n, c.text.index(n), c.text.index(n) + len(n), "PERSON", cid)
                                     for n, cid in people.items()))


def test_facts_two_people_of_one_surname_are_two_holders():
    him = named(claim("a#1", "A longtime trustee, Whitlow left the harbour board last year amid an audit.",
                      outlet="A", day=14, frames={"last year": ("leave", ("whitlow", "board", "audit"))}),
                Whitlow="per:whitlow")
    her = named(claim("b#1", "Petra Whitlow was a harbour commissioner before she left the board last month.",
                      outlet="B", day=14, frames={"last month": ("leave", ("board",))}),
                **{"Petra Whitlow": "per:petra-whitlow"})
    same = named(claim("c#1", "Whitlow, a longtime trustee, left the harbour board last month.", outlet="C", day=14,
                       frames={"last month": ("leave", ("whitlow", "board"))}), Whitlow="per:whitlow")
    assert run(him, her) == []
    assert [f.type for f in run(him, same)] == ["timeline"]


def test_facts_a_figure_given_of_subject_by_one_and_object_by_other_stays_one_fact():
    a = with_people(claim("a#1", "Lena Marsh took the 35-word oath given by Judge Pavel Ostrov.", outlet="A",
                          frames={"35": ("take", ("oath", "marsh", "ceremony"))}), "Lena Marsh", "Pavel Ostrov")
    b = with_people(claim("b#1", "Judge Pavel Ostrov gave the 38-word oath to Marsh.", outlet="B",
                          frames={"38": ("give", ("oath", "ostrov", "ceremony"))}), "Pavel Ostrov", "Marsh")
    assert pairs(a, b) == [("35", "38")]


def test_facts_days_of_one_kind_far_apart_are_two_happenings():
    a = claim("a#1", "The two envoys met on Sunday in the capital.", outlet="A", day=20,
              frames={"Sunday": ("meet", ("envoy", "capital"))})
    b = claim("b#1", "The two envoys met on Thursday in the capital.", outlet="B", day=20,
              frames={"Thursday": ("meet", ("envoy", "capital"))})
    c = claim("c#1", "The two envoys met on Monday in the capital.", outlet="C", day=20,
              frames={"Monday": ("meet", ("envoy", "capital"))})
    assert pairs(a, b) == []
    assert pairs(a, c) == [("Sunday", "Monday")]


def test_facts_a_year_before_a_noun_dates_that_noun_not_the_verb():
    c = claim("a#1", "The governor stepped down in March ahead of a 2030 campaign.", outlet="A",
              frames={"March": ("step", ("governor",)), "2030": ("step", ("governor",))})
    events = {f.slot.text: f.event for f in facts_of(0, c)}
    assert events == {"March": "step", "2030": "campaign"}
    plain = claim("b#1", "The governor stepped down in 2029 amid an inquiry.", outlet="B",
                  frames={"2029": ("step", ("governor",))})
    assert [f.event for f in facts_of(0, plain)] == ["step"]


def test_facts_a_revised_text_does_not_make_a_date_an_update():
    a = claim("a#1", "The committee approved the bill on Tuesday.", outlet="A", day=10,
              frames={"Tuesday": ("approve", ("committee", "bill"))})
    b = claim("b#1", "The committee approved a revised version of the bill on Wednesday.", outlet="B", day=12,
              frames={"Wednesday": ("approve", ("committee", "bill", "version"))})
    assert [f.type for f in run(a, b)] == ["timeline"]


def test_facts_days_apart_under_a_schedule_cue_are_a_moved_date():
    a = claim("a#1", "The ferry line will close on Friday, the operator said.", outlet="A", day=10,
              frames={"Friday": ("close", ("ferry", "line"))})
    b = claim("b#1", "The ferry line will close on Tuesday, days earlier than planned.", outlet="B", day=11,
              frames={"Tuesday": ("close", ("ferry", "line"))})
    assert [f.type for f in run(a, b)] == ["update"]


def test_facts_a_figure_in_a_list_of_people_is_held_against_the_same_persons():
    a = with_people(claim("a#1", "In the survey Ada Lindqvist won 10 percent of the vote.", outlet="A",
                          frames={"10 percent": ("win", ("percent", "survey"))}), "Ada Lindqvist")
    b = with_people(claim("b#1", "The survey put Boris Kell at 15 percent, Lindqvist at 12 percent and Ugo Brant "
                          "at 9 percent of the vote.", outlet="B",
                          frames={"15 percent": ("put", ("percent", "survey")),
                                  "12 percent": ("put", ("percent", "survey")),
                                  "9 percent": ("put", ("percent", "survey"))}), "Boris Kell", "Lindqvist", "Ugo Brant")
    b = replace(b, entities=tuple(replace(e, canonical="per:lindqvist") if e.text == "Lindqvist" else e
                                  for e in b.entities))
    assert pairs(a, b) == [("10 percent", "12 percent")]


def test_facts_a_share_of_the_whole_is_no_part():
    a = claim("a#1", "The mayor won 48 percent of the vote in the runoff.", outlet="A",
              frames={"48 percent": ("win", ("percent", "mayor", "runoff"))})
    b = claim("b#1", "The mayor won 53 percent in the runoff.", outlet="B",
              frames={"53 percent": ("win", ("percent", "mayor", "runoff"))})
    assert pairs(a, b) == [("48 percent", "53 percent")]
    c = claim("c#1", "Two of the hikers were found on the ridge.", outlet="C", frames={"Two": ("find", ("ridge",))})
    d = claim("d#1", "Three hikers were found on the ridge.", outlet="D", frames={"Three": ("find", ("hiker", "ridge"))})
    assert [f.slot.text for r, x in enumerate((c, d)) for f in facts_of(r, x) if is_part(f)] == ["Two"]


def test_facts_ages_are_one_fact_only_of_one_named_person():
    a = claim("a#1", "The man, 47, was hurt in the crash.", outlet="A", frames={"47": ("hurt", ("man", "crash"))})
    b = named(claim("b#1", "Police said Ansel Brede, 39, was hurt in the crash.", outlet="B",
                    frames={"39": ("hurt", ("brede", "crash"))}), **{"Ansel Brede": "per:brede"})
    assert [f.counts for f in facts_of(0, a)] == ["age"]
    assert pairs(a, b) == []
    c = named(claim("c#1", "Police said Ansel Brede, 38, was hurt in the crash.", outlet="C",
                    frames={"38": ("hurt", ("brede", "crash"))}), **{"Ansel Brede": "per:brede"})
    assert pairs(b, c) == [("39", "38")]


def test_facts_dates_years_apart_are_two_happenings():
    a = claim("a#1", "A strong quake struck the valley in December 2019, the agency said.", outlet="A", day=14,
              frames={"December 2019": ("strike", ("quake", "valley"))})
    b = claim("b#1", "A strong quake struck the valley on Saturday, the agency said.", outlet="B", day=14,
              frames={"Saturday": ("strike", ("quake", "valley"))})
    assert pairs(a, b) == []
    c = claim("c#1", "A strong quake struck the valley in February, the agency said.", outlet="C", day=14,
              frames={"February": ("strike", ("quake", "valley"))})
    assert pairs(b, c) == [("Saturday", "February")] or pairs(b, c) == [("February", "Saturday")]


def test_facts_dates_of_two_kinds_of_happening_are_two_dates():
    a = claim("a#1", "A gunman shot two guards at the depot on Friday.", outlet="A", day=14,
              frames={"Friday": ("shoot", ("gunman", "guard", "depot"))})
    b = claim("b#1", "The gunman was charged on Saturday over the depot shooting.", outlet="B", day=14,
              frames={"Saturday": ("charge", ("gunman", "depot", "shooting"))})
    assert pairs(a, b) == []
    c = claim("c#1", "A gunman shot two guards at the depot on Thursday.", outlet="C", day=14,
              frames={"Thursday": ("shoot", ("gunman", "guard", "depot"))})
    assert sorted(pairs(c, a)[0]) == ["Friday", "Thursday"]


def test_facts_an_amount_converted_in_parentheses_disputes_nothing():
    a = claim("a#1", "The lenders agreed a 90 billion euro ($121 billion) rescue for the island.", outlet="A",
              frames={"$121 billion": ("agree", ("rescue", "island"))})
    b = claim("b#1", "The lenders agreed a $117 billion rescue for the island.", outlet="B",
              frames={"$117 billion": ("agree", ("rescue", "island"))})
    assert pairs(a, b) == []
    c = claim("c#1", "The lenders agreed a $121 billion rescue for the island.", outlet="C",
              frames={"$121 billion": ("agree", ("rescue", "island"))})
    assert pairs(b, c) == [("$117 billion", "$121 billion")]


def test_facts_late_one_day_and_early_the_next_are_one_night():
    a = claim("a#1", "The ferry reached the harbour late Thursday, the port said.", outlet="A", day=14,
              frames={"late Thursday": ("reach", ("ferry", "harbour"))})
    b = claim("b#1", "The ferry reached the harbour early Friday, the port said.", outlet="B", day=14,
              frames={"early Friday": ("reach", ("ferry", "harbour"))})
    assert pairs(a, b) == []
    c = claim("c#1", "The ferry reached the harbour on Wednesday, the port said.", outlet="C", day=14,
              frames={"Wednesday": ("reach", ("ferry", "harbour"))})
    assert pairs(a, c) != []


def test_facts_skip_figures_read_in_part_addresses_and_negated_bounds():
    texts = ["The co-op lost $450, 000 over the summer.", "Crews gathered at the 4100 block of Birch Road.",
             "She has never scored fewer than 14 goals in a season."]
    for i, text in enumerate(texts):
        figures = [f for f in facts_of(i, claim(f"a#{i}", text, outlet="A", frames={})) if f.kind == "figure"]
        assert figures == [], text


def test_facts_skip_the_digit_groups_of_a_telephone_number():
    texts = ["Anyone who saw the crash may call the county desk at 555-210- 4411 or write to it.",
             "Tips go to the harbour office at (555) 330-7720, the notice said."]
    for i, text in enumerate(texts):
        c = claim(f"a#{i}", text, outlet="A", frames={})
        assert c.quantities, text
        assert [f for f in facts_of(i, c) if f.kind == "figure"] == [], text
    kept = claim("b#1", "Crews pulled 12 people from the water.", outlet="B", frames={})
    assert [f.slot.value for f in facts_of(0, kept) if f.kind == "figure"] == [12]


def test_facts_ages_said_by_two_speakers_are_two_peoples():
    a = claim("a#1", '"We will stay," said 51-year-old vendor Ilse Marek.', outlet="A",
              frames={"51": ("say", ("vendor", "marek"))})
    b = claim("b#1", '"Nobody listens," said 47-year-old clerk Tomas Brand.', outlet="B",
              frames={"47": ("say", ("clerk", "brand"))})
    assert pairs(a, b) == []


def test_facts_counts_of_people_need_a_shared_happening_or_holder():
    a = claim("a#1", "Witnesses said five people were hurt near the gate.", outlet="A",
              frames={"five": ("hurt", ("people",))})
    b = claim("b#1", "The guard found six people in the storeroom.", outlet="B",
              frames={"six": ("find", ("people", "guard", "storeroom"))})
    assert pairs(a, b) == []


def test_facts_amount_said_of_nothing_is_not_any_amount_of_the_story():
    a = claim("a#1", "The Harbor Club offered the striker $190 million.", outlet="A",
              frames={"$190 million": ("offer", ("club", "striker"))})
    b = claim("b#1", "One rival bid was said to be $212 million.", outlet="B",
              frames={"$212 million": ("be", ())})
    assert pairs(a, b) == []


def test_facts_a_gap_is_not_a_total():
    a = claim("a#1", "Voss won the race in four laps.", outlet="A", frames={"four": ("win", ("voss", "lap"))})
    b = claim("b#1", "Voss finished the race three laps sooner than last year.", outlet="B",
              frames={"three": ("finish", ("voss", "lap"))})
    assert pairs(a, b) == []


def test_facts_a_measure_converted_in_parentheses_is_the_outlets_own():
    a = claim("a#1", "The hiker fell 520 metres down the ridge.", outlet="A",
              frames={"520 metres": ("fall", ("hiker",))})
    b = claim("b#1", "The hiker fell about 1500ft (457 metres) down the ridge.", outlet="B",
              frames={"457 metres": ("fall", ("hiker",))})
    assert pairs(a, b) == []


def test_facts_days_of_two_happenings_sharing_a_common_noun_are_not_compared():
    a = claim("a#1", "The singer left the clinic on Thursday.", outlet="A", day=13,
              frames={"Thursday": ("leave", ("singer", "clinic"))})
    b = claim("b#1", "The singer checked into the clinic on Friday.", outlet="B", day=13,
              frames={"Friday": ("check", ("singer", "clinic"))})
    assert pairs(a, b) == []


def test_facts_a_blog_posting_line_with_its_category_is_a_page_date():
    a = claim("a#1", "posted in Harbor Safety on Wednesday, March 11, 2026.", outlet="A", frames={})
    b = claim("b#1", "Police said the ferry was posted in the early hours on Friday.", outlet="B", frames={})
    assert [f.kind for f in facts_of(0, a)] == []
    assert [f.kind for f in facts_of(1, b)] == ["date"]


def test_facts_counts_of_one_noun_said_of_nothing_else_differ_by_what_happened_to_them():
    a = claim("a#1", "The mayor said six farms were flooded.", outlet="A", frames={"six": ("flood", ("farm",))})
    b = claim("b#1", "Officials said five farms were abandoned.", outlet="B", frames={"five": ("abandon", ("farm",))})
    c = claim("c#1", "Officials said five farms were flooded.", outlet="C", frames={"five": ("flood", ("farm",))})
    assert pairs(a, b) == []
    assert pairs(a, c) == [("six", "five")]


def test_facts_one_verb_with_two_particles_dates_two_happenings():
    a = claim("a#1", "The singer checked into the clinic on Thursday.", outlet="A", day=13,
              frames={"Thursday": ("check", ("singer", "clinic"))})
    b = claim("b#1", "The singer checked out of the clinic on Friday.", outlet="B", day=13,
              frames={"Friday": ("check", ("singer", "clinic"))})
    c = claim("c#1", "The singer checked into the clinic on Friday.", outlet="C", day=13,
              frames={"Friday": ("check", ("singer", "clinic"))})
    assert pairs(a, b) == []
    assert pairs(a, c) == [("Thursday", "Friday")]


def test_facts_a_verb_with_a_particle_is_read_in_any_of_its_forms():
    stepped = claim("a#1", "The coach stepped down on Thursday.", outlet="A", day=13,
                    frames={"Thursday": ("step", ("coach",))})
    stepped_up = claim("b#1", "The coach stepped up training on Friday.", outlet="B", day=13,
                       frames={"Friday": ("step", ("coach",))})
    went = claim("c#1", "The coach went off to the capital on Friday.", outlet="C", day=13,
                 frames={"Friday": ("go", ("coach",))})
    read = [particle_after_verb(f) for c in (stepped, stepped_up, went) for f in facts_of(0, c)]
    assert read == ["down", "up", "off"]
    # a particle after another word, or past a full stop, is not the verb's
    apart = claim("d#1", "The coach stepped. Down the road, fans waited on Friday.", outlet="D", day=13,
                  frames={"Friday": ("step", ("coach",))})
    assert [particle_after_verb(f) for f in facts_of(0, apart)] == [None]
    assert pairs(stepped, stepped_up) == []


def test_facts_the_counted_noun_in_another_form_is_no_shared_holder():
    a = claim("a#1", "Four men robbed the depot at dawn.", outlet="A", frames={"Four": ("rob", ("man", "depot"))})
    b = claim("b#1", "Three men emptied a warehouse last year.", outlet="B", frames={"Three": ("empty", ("man",))})
    assert pairs(a, b) == []


def test_facts_a_rankings_top_is_not_how_many_there_are():
    a = claim("a#1", "Officials said the three hardest-hit towns were in the valley.", outlet="A",
              frames={"three": ("be", ("town",))})
    b = claim("b#1", "Officials said four towns had been hit.", outlet="B", frames={"four": ("hit", ("town",))})
    assert pairs(a, b) == []


def placed(c: Claim, *places: str) -> Claim:
    """The claim with each given name tagged as a place."""
    return replace(c, entities=c.entities + tuple(
        Entity(p, c.text.index(p), c.text.index(p) + len(p), "GPE", "gpe:" + p.casefold()) for p in places))


def test_facts_figures_of_two_places_are_two_statistics():
    a = placed(claim("a#1", "About 60 percent of calls to Arvenia were cut off.", outlet="A",
                     frames={"About 60 percent": ("cut", ("call",))}), "Arvenia")
    b = placed(claim("b#1", "About 45 percent of calls in Belmark, 80 percent in Arvenia were cut off.", outlet="B",
                     frames={"About 45 percent": ("cut", ("call",)), "80 percent": ("cut", ("call",))}),
               "Belmark", "Arvenia")
    assert pairs(a, b) == [("About 60 percent", "80 percent")]


def test_facts_figures_of_two_times_are_two_facts():
    a = named(claim("a#1", "In 2019, at the age of 88, Odile Brun told a radio station she had kept the letters.",
                    outlet="A", day=14, frames={"2019": ("tell", ("brun", "station")), "88": ("tell", ("brun",))}),
              **{"Odile Brun": "per:brun"})
    b = named(claim("b#1", "Odile Brun died on Thursday at 95.", outlet="B", day=14,
                    frames={"Thursday": ("die", ("brun",)), "95": ("die", ("brun",))}), **{"Odile Brun": "per:brun"})
    assert pairs(a, b) == []
    undated = named(claim("c#1", "Odile Brun, who kept the letters, dies at 95", outlet="C", day=14, frames={}),
                    **{"Odile Brun": "per:brun"})
    assert pairs(a, undated) == []  # an age said undated is the age on the report's day
    ran = claim("e#1", "He looked sharp on Sunday against the Owls, when he ran for 45 yards.", outlet="E", day=14,
                frames={"Sunday": ("look", ()), "45": ("run", ("yard",))})
    ran_before = claim("f#1", "In the win over the Herons on March 3, he ran for 63 yards.", outlet="F", day=14,
                       frames={"March 3": ("run", ("win",)), "63": ("run", ("yard", "win"))})
    assert pairs(ran, ran_before) == []  # a "when" clause after a day tells what happened that day
    c = named(claim("d#1", "Odile Brun died on Thursday at 94.", outlet="D", day=14,
                    frames={"Thursday": ("die", ("brun",)), "94": ("die", ("brun",))}), **{"Odile Brun": "per:brun"})
    assert pairs(b, c) == [("95", "94")]


def test_facts_a_place_on_a_field_a_score_or_a_record_is_no_figure():
    for i, text in enumerate(["The punt rolled dead at the 20-yard line.", "The Herons are 6-8 after the loss.",
                              "The Owls won 21-17 on Sunday."]):
        c = claim(f"a#{i}", text, outlet="A", frames={})
        assert [f for f in facts_of(i, c) if f.kind == "figure"] == [], text
    c = claim("b#1", "Between 10-15 people were hurt.", outlet="B", frames={})
    assert [f.slot.text for f in facts_of(0, c) if f.kind == "figure"] != []  # a range names what it counts


def test_facts_a_recurring_day_and_a_date_learnt_are_no_dates_of_the_happening():
    texts = ["The board usually meets on the first Monday of every month.",
             "We learned this morning of the ferry's sinking."]
    for i, text in enumerate(texts):
        c = claim(f"a#{i}", text, outlet="A", day=14, frames={t: ("learn", ()) for t in ("this morning",)})
        assert [f for f in facts_of(i, c) if f.kind == "date"] == [], text


def test_facts_a_night_and_the_whole_next_day_are_one_night():
    a = claim("a#1", "The utility restored power last night, the company said.", outlet="A", day=14,
              frames={"last night": ("restore", ("utility", "power"))})
    b = claim("b#1", "The utility restored power today, the company said.", outlet="B", day=14,
              frames={"today": ("restore", ("utility", "power"))})
    assert pairs(a, b) == []
    night, day = facts_of(0, a)[0], facts_of(1, b)[0]
    assert overnight(night, day)
    later = claim("c#1", "The utility restored power today, the company said.", outlet="C", day=16,
                  frames={"today": ("restore", ("utility", "power"))})
    assert not overnight(night, facts_of(2, later)[0])  # a night and a day two days on are not one night


def test_facts_a_plan_and_another_thing_done_are_two_happenings():
    a = named(claim("a#1", "Kessler will meet the board on Friday.", outlet="A", day=13,
                    frames={"Friday": ("meet", ("kessler", "board"))}), Kessler="per:kessler")
    b = named(claim("b#1", "Kessler was hurt on Thursday in the loss.", outlet="B", day=14,
                    frames={"Thursday": ("hurt", ("kessler", "loss"))}), Kessler="per:kessler")
    assert pairs(a, b) == []


def test_facts_a_year_of_a_named_happening_and_a_year_of_another_verb_are_two_dates():
    a = named(claim("a#1", "After the election in 2014, Ilse Varga worked at the ministry.", outlet="A", day=14,
                    frames={"2014": ("work", ("varga", "ministry", "election"))}), **{"Ilse Varga": "per:varga"})
    b = named(claim("b#1", "Ilse Varga became a deputy minister in 2015.", outlet="B", day=14,
                    frames={"2015": ("become", ("varga", "minister"))}), **{"Ilse Varga": "per:varga"})
    assert pairs(a, b) == []
    c = named(claim("c#1", "Ilse Varga became a deputy minister in 2016.", outlet="C", day=14,
                    frames={"2016": ("become", ("varga", "minister"))}), **{"Ilse Varga": "per:varga"})
    assert pairs(b, c) == [("2015", "2016")]


def test_facts_a_half_of_a_year_compares_as_coarsely_as_a_quarter():
    def cut(cid: str, when: str) -> Claim:
        return claim(cid, f"The mill cut 200 jobs in {when}.", outlet=cid[0].upper(),
                     frames={when: ("cut", ("mill", "jobs"))})

    half = cut("a#1", "the first half of 2025")
    assert [f.type.value for f in run(half, cut("b#1", "October 2025"))] == ["timeline"]
    assert run(half, cut("b#1", "the second quarter of 2025")) == []
    assert [f.type.value for f in run(half, cut("b#1", "the second half of 2025"))] == ["timeline"]


def test_facts_a_count_below_a_mark_is_a_gap():
    a = claim("a#1", "The Comets were at least 14 points below the leaders this season.", outlet="A",
              frames={"at least 14": ("be", ("point", "leader"))})
    b = claim("b#1", "The Comets dropped 12 points at home this season.", outlet="B",
              frames={"12": ("drop", ("point",))})
    assert pairs(a, b) == []
    c = claim("c#1", "The Comets dropped 13 points at home this season.", outlet="C",
              frames={"13": ("drop", ("point",))})
    assert pairs(b, c) == [("12", "13")]


def test_facts_a_noun_any_figure_is_names_no_holder():
    # "value" is what the first figure is said to be and what the second is of: nothing makes them one.
    a = claim("a#1", "Her agent wants a value above the $12 million that Brandt earns.", outlet="A",
              frames={"$12 million": ("want", ("value",))})
    b = claim("b#1", "Reports put the offer at $14 million, an annual value.", outlet="B",
              frames={"$14 million": ("be", ("value",))})
    assert pairs(a, b) == []
    c = claim("c#1", "Reports put the offer at $14 million, an annual value of the contract.", outlet="C",
              frames={"$14 million": ("be", ("value", "contract"))})
    d = claim("d#1", "The contract carries an annual value of $12 million.", outlet="D",
              frames={"$12 million": ("carry", ("value", "contract"))})
    assert pairs(d, c) == [("$14 million", "$12 million")]


def with_bodies(c: Claim, **bodies: str) -> Claim:
    """The claim with each given name tagged as an organisation of the given canonical id."""
    return replace(c, entities=c.entities + tuple(
        Entity(n, c.text.index(n), c.text.index(n) + len(n), "ORG", cid) for n, cid in bodies.items()))


def test_facts_two_bidders_offers_to_one_party_are_two_figures():
    hawks = with_bodies(claim("a#1", "The Hawks offered Lind a five-year deal worth $40 million.", outlet="A",
                              frames={"$40 million": ("offer", ("deal", "hawks", "lind"))}),
                        Hawks="org:hawks", Lind="org:lind")
    owls = with_bodies(claim("b#1", "The Owls have offered Lind a deal worth $35 million.", outlet="B",
                             frames={"$35 million": ("offer", ("deal", "owls", "lind"))}),
                       Owls="org:owls", Lind="org:lind")
    assert pairs(hawks, owls) == []
    also_hawks = with_bodies(claim("c#1", "The Hawks offered Lind a deal worth $35 million.", outlet="C",
                                   frames={"$35 million": ("offer", ("deal", "hawks", "lind"))}),
                             Hawks="org:hawks", Lind="org:lind")
    assert pairs(hawks, also_hawks) == [("$40 million", "$35 million")]


def test_facts_a_count_the_other_sentence_writes_in_a_record_is_known_to_it():
    # "31-4" is a record the rows leave out as a score; its 31 wins are the other outlet's figure.
    record = claim("a#1", "The champion is now 31-4 with 28 wins by knockout.", outlet="A",
                   frames={"28": ("be", ("win",))})
    wins = claim("b#1", "The champion moved to a record of 31 wins and four defeats.", outlet="B",
                 frames={"31": ("move", ("win", "record", "champion"))})
    assert pairs(record, wins) == []
    other = claim("c#1", "The champion is now 35-4 with 28 wins by knockout.", outlet="C",
                  frames={"28": ("be", ("win",))})
    assert pairs(other, wins) == [("31", "28")]


def test_facts_a_year_that_dates_a_figure_is_no_happenings_date():
    valued = claim("a#1", "The mill is now worth $8 million, above its 1998 value of $7 million.", outlet="A",
                   day=14, frames={"1998": ("value", ("mill",))})
    burned = claim("b#1", "The old mill was burned down by vandals in 1999.", outlet="B", day=14,
                   frames={"1999": ("burn", ("mill", "vandal"))})
    assert pairs(valued, burned) == []
    also = claim("c#1", "The old mill was burned down by vandals in 1998.", outlet="C", day=14,
                 frames={"1998": ("burn", ("mill", "vandal"))})
    assert pairs(also, burned) == [("1999", "1998")]


def test_facts_a_count_picked_out_by_degree_is_a_part():
    strong = claim("a#1", "Residents said three strong tremors were felt overnight.", outlet="A",
                   frames={"three": ("feel", ("tremor",))})
    all_of = claim("b#1", "There have been at least four tremors since the quake.", outlet="B",
                   frames={"at least four": ("be", ("tremor", "quake"))})
    assert is_part(facts_of(0, strong)[0])
    assert pairs(strong, all_of) == []
    plain = claim("c#1", "Residents said three tremors were felt overnight.", outlet="C",
                  frames={"three": ("feel", ("tremor",))})
    assert pairs(plain, all_of) == [("at least four", "three")]


def told_by_study(c: Claim, teller: str, *names: str) -> Claim:
    """The claim told by the given opening words (a poll, survey or report), with the given names in
    them tagged as products, as a tagger may tag a newspaper or a pollster's brand."""
    start = c.text.index(teller)
    span = (start, start + len(teller))
    c = replace(c, attribution=Attribution(source=teller, source_kind="organisation", source_span=span))
    return replace(c, entities=c.entities + tuple(
        Entity(n, c.text.index(n), c.text.index(n) + len(n), "PRODUCT", "product:" + n.casefold()) for n in names))


def test_facts_two_named_polls_shares_of_one_people_are_two_figures():
    ledger = told_by_study(claim("a#1", "A survey for the Ledger found that 58 percent of Velanians back the plan.",
                                 outlet="A", frames={"58 percent": ("back", ("velanian", "plan"))}),
                           "A survey for the Ledger")  # a name the tagger missed
    norlund = told_by_study(claim("b#1", "A poll by Norlund Research said 71 percent of Velanians back the plan.",
                                  outlet="B", frames={"71 percent": ("back", ("velanian", "plan"))}),
                            "A poll by Norlund Research", "Norlund Research")
    assert pairs(ledger, norlund) == []
    # the same poll, named by one of its words, is one poll misreported
    same = told_by_study(claim("c#1", "The Norlund poll said 58 percent of Velanians back the plan.",
                               outlet="C", frames={"58 percent": ("back", ("velanian", "plan"))}),
                         "The Norlund poll", "Norlund")
    assert pairs(norlund, same) == [("71 percent", "58 percent")]
    # a poll no name tells apart is not known to be another
    unnamed = told_by_study(claim("d#1", "A new poll said 58 percent of Velanians back the plan.",
                                  outlet="D", frames={"58 percent": ("back", ("velanian", "plan"))}),
                            "A new poll")
    assert pairs(norlund, unnamed) == [("71 percent", "58 percent")]


def test_facts_a_named_polls_share_is_not_vouched_for_by_a_share_of_no_holder():
    norlund = told_by_study(claim("a#1", "A poll by Norlund Research said 83 percent of Velanians were unhappy.",
                                  outlet="A", frames={"83 percent": ("be", ("velanian",))}),
                            "A poll by Norlund Research", "Norlund Research")
    bare = claim("b#1", "Some 64 percent considered the police unready.", outlet="B",
                 frames={"Some 64 percent": ("consider", ())})
    assert pairs(norlund, bare) == []
    # told by no study, the same two shares are compared as before
    plain = replace(norlund, attribution=Attribution(source="A", source_kind="outlet"))
    assert pairs(plain, bare) == [("83 percent", "Some 64 percent")]


def held_by(c: Claim, value: str, name: str) -> Claim:
    """The claim with the figure ``value`` read as the named body's, as the parse gives a clause's doer."""
    at = c.text.index(name)
    return replace(c, quantities=tuple(replace(q, holder=(at, at + len(name))) if q.text == value else q
                                       for q in c.quantities),
                   times=tuple(replace(t, holder=(at, at + len(name))) if t.text == value else t for t in c.times))


def test_facts_two_doers_of_one_kind_of_figure_are_two_figures():
    # each sentence names its doer alone: two bids, whether read from the frames or from names near the value
    hawks = with_bodies(claim("a#1", "The Hawks bid $40 million for the striker.", outlet="A",
                              frames={"$40 million": ("bid", ("striker", "hawks"))}), Hawks="org:hawks")
    owls = with_bodies(claim("b#1", "The Owls bid $35 million for the striker.", outlet="B",
                             frames={"$35 million": ("bid", ("striker", "owls"))}), Owls="org:owls")
    assert pairs(held_by(hawks, "$40 million", "Hawks"), held_by(owls, "$35 million", "Owls")) == []
    also = with_bodies(claim("c#1", "The Hawks bid $35 million for the striker.", outlet="C",
                             frames={"$35 million": ("bid", ("striker", "hawks"))}), Hawks="org:hawks")
    assert pairs(held_by(hawks, "$40 million", "Hawks"), held_by(also, "$35 million", "Hawks")) == [
        ("$40 million", "$35 million")]


def test_facts_a_doer_the_other_sentence_also_names_keeps_the_pair():
    # one outlet says the Owls matched the Hawks' bid: both sentences name both clubs, so the frames part nothing
    hawks = with_bodies(claim("a#1", "The Hawks bid $40 million for the striker.", outlet="A",
                              frames={"$40 million": ("bid", ("striker", "hawks"))}), Hawks="org:hawks")
    matched = with_bodies(claim("b#1", "The Owls matched the $35 million the Hawks bid for the striker.", outlet="B",
                                frames={"$35 million": ("match", ("owls", "hawks"))}),
                          Owls="org:owls", Hawks="org:hawks")
    assert pairs(held_by(hawks, "$40 million", "Hawks"), held_by(matched, "$35 million", "Owls")) == [
        ("$40 million", "$35 million")]


@pytest.mark.slow
def test_frames_a_figure_keeps_whose_it_is_apart_from_what_it_is_done_to():
    from consistency.extract.claims import extract_claims
    from consistency.records import Article

    text = ("The Hawks offered Lind $40 million. Lind was offered $35 million by the Owls. "
            "Vance's salary is $12 million. Officials said 40 people died in the flood. "
            "The Green Bay Hawks and the Owls offered $5,000.")
    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text=text)
    held = [[text[q.holder[0]:q.holder[1]] if q.holder else None for q in c.quantities]
            for c in extract_claims([art], EntityResolver())]
    assert held == [["Hawks"], ["Owls"], ["Vance"], [None], ["Green Bay Hawks and the Owls"]]


@pytest.mark.slow
def test_frames_a_pronoun_doer_keeps_its_span_for_the_sentences_before_to_name():
    from consistency.extract.claims import extract_claims
    from consistency.records import Article

    text = ("The Owls met Lind's agent. It offered Lind $35 million. She said her salary is $12 million. "
            "We paid $5,000 for it.")
    art = Article(id="x", outlet="A", url="u", title="", published=datetime(2026, 3, 13, tzinfo=timezone.utc),
                  text=text)
    held = [[text[q.holder[0]:q.holder[1]] if q.holder else None for q in c.quantities]
            for c in extract_claims([art], EntityResolver())]
    assert held == [[], ["It"], ["her"], [None]]  # "we" is the teller's side, not a body named before


def test_facts_one_verb_done_by_two_doers_is_two_figures_though_both_are_named():
    # each outlet names the other bidder too, so only whose each offer is, read from the frame, parts them
    owls = with_bodies(claim("a#1", "The Owls offered $35 million, topping the Hawks.", outlet="A",
                             frames={"$35 million": ("offer", ("owls",))}), Owls="org:owls", Hawks="org:hawks")
    hawks = with_bodies(claim("b#1", "The Hawks offered $40 million.", outlet="B",
                              frames={"$40 million": ("offer", ("hawks",))}), Hawks="org:hawks")
    assert pairs(held_by(owls, "$35 million", "Owls"), held_by(hawks, "$40 million", "Hawks")) == []
    assert pairs(owls, hawks) == [("$35 million", "$40 million")]  # without the frame's doers, one figure


def test_facts_a_doer_named_in_full_by_one_outlet_and_in_short_by_another_is_one_holder():
    # the resolver may give "the Hawks" and "the Vale Hawks" two ids; one name's words all in the other's is one body
    short = with_bodies(claim("a#1", "The Hawks offered $40 million.", outlet="A",
                              frames={"$40 million": ("offer", ("hawks",))}), Hawks="org:hawks")
    full = with_bodies(claim("b#1", "The Vale Hawks offered $35 million.", outlet="B",
                             frames={"$35 million": ("offer", ("hawks",))}), **{"Vale Hawks": "org:vale-hawks"})
    assert pairs(held_by(short, "$40 million", "Hawks"), held_by(full, "$35 million", "Vale Hawks")) == [
        ("$40 million", "$35 million")]


def test_facts_a_pronoun_doer_is_the_body_the_sentence_before_names():
    # "it" offered $35 million: the Owls, named in the outlet's sentence before, not the Hawks
    met = with_bodies(claim("a#3", "The Owls met the striker's agent on Monday.", outlet="A", frames={}),
                      Owls="org:owls")
    owls = claim("a#4", "It offered $35 million for the striker.", outlet="A",
                 frames={"$35 million": ("offer", ("striker",))})
    hawks = with_bodies(claim("b#1", "The Hawks offered $40 million for the striker.", outlet="B",
                              frames={"$40 million": ("offer", ("striker", "hawks"))}), Hawks="org:hawks")
    hawks = held_by(hawks, "$40 million", "Hawks")
    assert pairs(met, held_by(owls, "$35 million", "It"), hawks) == []
    # the same body named before keeps the pair: one offer told two ways
    met_hawks = with_bodies(claim("a#3", "The Hawks met the striker's agent on Monday.", outlet="A", frames={}),
                            Hawks="org:hawks")
    assert pairs(met_hawks, held_by(owls, "$35 million", "It"), hawks) == [("$35 million", "$40 million")]


def test_facts_a_pronoun_stands_only_for_a_name_of_its_kind_and_reach():
    hawks = held_by(with_bodies(claim("b#1", "The Hawks offered $40 million for the striker.", outlet="B",
                                      frames={"$40 million": ("offer", ("striker", "hawks"))}), Hawks="org:hawks"),
                    "$40 million", "Hawks")
    it = held_by(claim("a#5", "It offered $35 million for the striker.", outlet="A",
                       frames={"$35 million": ("offer", ("striker",))}), "$35 million", "It")
    # a person named before is no antecedent of "it"
    person = replace(claim("a#4", "Edda Marr met the striker's agent on Monday.", outlet="A", frames={}),
                     entities=(Entity("Edda Marr", 0, 9, "PERSON", "per:marr"),))
    assert pairs(person, it, hawks) == [("$35 million", "$40 million")]
    # two bodies named in the sentence before: either may be meant, so the pronoun stays unread
    both = with_bodies(claim("a#4", "The Owls met the Hawks' agent on Monday.", outlet="A", frames={}),
                       Owls="org:owls", Hawks="org:hawks")
    assert pairs(both, it, hawks) == [("$35 million", "$40 million")]
    # a body named three sentences back is out of reach
    far = with_bodies(claim("a#2", "The Owls met the striker's agent on Monday.", outlet="A", frames={}),
                      Owls="org:owls")
    assert pairs(far, it, hawks) == [("$35 million", "$40 million")]
    # told in one sentence: the company that says it offered is the one that offered, not the one it topped
    told = with_bodies(claim("a#5", "The Owls said it offered $35 million, topping the Hawks.", outlet="A",
                             frames={"$35 million": ("offer", ())}), Owls="org:owls", Hawks="org:hawks")
    told = replace(told, attribution=Attribution(source="The Owls", source_kind="named", source_span=(0, 8)))
    assert pairs(held_by(told, "$35 million", "it"), hawks) == []
    assert pairs(told, hawks) == [("$35 million", "$40 million")]  # whose, unread, is no one's


def test_facts_two_doers_of_one_verb_on_two_days_are_two_happenings():
    owls = held_by(with_bodies(claim("a#1", "The Owls signed the striker on Monday, outbidding the Hawks.", outlet="A",
                                     day=12, frames={"Monday": ("sign", ("owls", "striker"))}),
                                     Owls="org:owls", Hawks="org:hawks"),
                   "Monday", "Owls")
    hawks = held_by(with_bodies(claim("b#1", "The Hawks signed the striker on Tuesday after the Owls pulled out.",
                                      outlet="B", day=12, frames={"Tuesday": ("sign", ("hawks", "striker"))}),
                                      Hawks="org:hawks", Owls="org:owls"),
                    "Tuesday", "Hawks")
    assert pairs(owls, hawks) == []
    assert run(owls, hawks) == []
    unread = [replace(c, times=tuple(replace(t, holder=None) for t in c.times)) for c in (owls, hawks)]
    assert pairs(*unread) == [("Monday", "Tuesday")]  # both sentences name both clubs: only the doers part them
    assert [f.type for f in run(*unread)] == ["timeline"]
    # one doer on two days is one signing dated twice
    again = held_by(with_bodies(claim("c#1", "The Owls signed the striker on Tuesday.", outlet="C", day=12,
                                      frames={"Tuesday": ("sign", ("owls", "striker"))}), Owls="org:owls"),
                    "Tuesday", "Owls")
    assert pairs(owls, again) == [("Monday", "Tuesday")]
    assert [f.type for f in run(owls, again)] == ["timeline"]


def test_facts_a_pronoun_after_a_name_of_its_own_sentence_does_not_reach_back():
    # the tagger took the governor for a body: "his" is still his, not the person of the sentence before
    before = replace(claim("a#1", "Edda Marr, a state senator, spoke on Monday.", outlet="A", frames={}),
                     entities=(Entity("Edda Marr", 0, 9, "PERSON", "per:marr"),))
    term = claim("a#2", "Vint said he might step down before his term closes in 2027.", outlet="A",
                 frames={"2027": ("end", ("term",))})
    term = replace(held_by(term, "2027", "his"), entities=(Entity("Vint", 0, 4, "ORG", "org:vint"),))
    other = claim("b#1", "Vint's term ends in 2028.", outlet="B", frames={"2028": ("end", ("term", "vint"))})
    other = replace(held_by(other, "2028", "Vint"), entities=(Entity("Vint", 0, 4, "PERSON", "per:vint"),))
    assert pairs(before, term, other) == [("2027", "2028")]


def test_facts_a_pronoun_does_not_stand_for_the_teller_of_the_sentence_before():
    # "It offered": the club the statement was about, not the agency that told it
    told = with_bodies(claim("a#1", "The Owls met the striker, Vale Sport reported.", outlet="A", frames={}),
                       Owls="org:owls", **{"Vale Sport": "org:vale-sport"})
    told = replace(told, attribution=Attribution(source="Vale Sport", source_kind="named", source_span=(26, 36)))
    it = held_by(claim("a#2", "It offered $35 million for the striker.", outlet="A",
                       frames={"$35 million": ("offer", ("striker",))}), "$35 million", "It")
    hawks = held_by(with_bodies(claim("b#1", "The Hawks offered $40 million for the striker.", outlet="B",
                                      frames={"$40 million": ("offer", ("striker", "hawks"))}), Hawks="org:hawks"),
                    "$40 million", "Hawks")
    assert pairs(told, it, hawks) == []  # the Owls' offer, not the Hawks'
    only_teller = replace(told, entities=tuple(e for e in told.entities if e.text == "Vale Sport"))
    assert pairs(only_teller, it, hawks) == [("$35 million", "$40 million")]  # no body but the teller: unread


def test_facts_an_it_that_may_be_no_one_is_left_unread():
    owls = with_bodies(claim("a#1", "The Owls met the striker's agent on Monday.", outlet="A", frames={}),
                       Owls="org:owls")
    took = held_by(claim("a#2", "It took $35 million to sign the striker.", outlet="A",
                         frames={"$35 million": ("take", ("striker",))}), "$35 million", "It")
    paid = held_by(claim("a#2", "It paid $35 million to sign the striker.", outlet="A",
                         frames={"$35 million": ("pay", ("striker",))}), "$35 million", "It")
    hawks = held_by(with_bodies(claim("b#1", "The Hawks paid $40 million to sign the striker.", outlet="B",
                                      frames={"$40 million": ("pay", ("striker", "hawks"))}), Hawks="org:hawks"),
                    "$40 million", "Hawks")
    assert pairs(owls, paid, hawks) == []  # the Owls paid
    assert pairs(owls, took, hawks) == [("$35 million", "$40 million")]  # what it took is no one's in particular


def _cited(c: Claim, body: str, cue: str, label: str = "ORG") -> Claim:
    """The claim told by ``body`` (named in its text) with ``cue``, the body an entity of the claim."""
    at = c.text.index(body)
    ent = Entity(body, at, at + len(body), label, "org:" + body.casefold().replace(" ", "-"))
    return replace(c, entities=(*c.entities, ent), attribution=Attribution(
        source=body, source_kind="organisation", cue=cue, source_span=(at, at + len(body))))


def test_facts_a_source_cited_with_according_to_is_no_holder_of_the_figure():
    frame = ("move", ("budget", "harbour"))
    council = claim("a#1", "The Ferrow Council would move $3.5 billion from the harbour budget.", outlet="A",
                    frames={"$3.5 billion": frame})
    council = replace(council, entities=(Entity("The Ferrow Council", 0, 18, "ORG", "org:ferrow-council"),))
    text = "The order lets the mayor move $3.6 billion from the harbour budget, according to Ledbury Bank analysts."
    cited = _cited(claim("b#1", text, outlet="B", frames={"$3.6 billion": frame}), "Ledbury Bank", "according to")
    assert pairs(council, cited) == [("$3.5 billion", "$3.6 billion")]
    # one who "said" it may be its doer too: a body named that way still holds the figure
    text = "Ledbury Bank analysts said the order lets the mayor move $3.6 billion from the harbour budget."
    said = _cited(claim("b#1", text, outlet="B", frames={"$3.6 billion": frame}), "Ledbury Bank", "said")
    assert pairs(council, said) == []


def _on_day(c: Claim, day: str) -> Claim:
    """The claim with its times read on another day, as context earlier in an article may set it."""
    times = tuple(replace(t, value=day + t.value[10:], earliest=day, latest=day) for t in c.times)
    return replace(c, times=times)


def test_facts_one_hour_of_the_day_read_on_two_days_agrees():
    a = claim("a#1", "Witnesses said the van arrived about 6 p.m.", outlet="A",
              frames={"about 6 p.m.": ("arrive", ("van",))})
    b = claim("b#1", "Witnesses say the van arrived about 6 p.m.", outlet="B",
              frames={"about 6 p.m.": ("arrive", ("van",))})
    assert pairs(a, _on_day(b, "2026-03-08")) == []
    later = claim("b#1", "Witnesses say the van arrived about 9 p.m.", outlet="B",
                  frames={"about 9 p.m.": ("arrive", ("van",))})
    assert pairs(a, _on_day(later, "2026-03-08")) == [("about 6 p.m.", "about 9 p.m.")]


def test_bare_clock_names_no_day():
    from consistency.compare.timeline import bare_clock

    a = claim("a#1", "The van arrived about 6 p.m.", outlet="A", frames={})
    b = claim("b#1", "The van arrived at 6 p.m. Saturday.", outlet="B", frames={})
    assert a.times and all(bare_clock(t) for t in a.times)
    assert b.times and not any(bare_clock(t) for t in b.times)


def test_facts_two_weekends_named_from_one_day_agree():
    # Read on a Wednesday, "this weekend" may be the coming one and "the weekend" the last.
    a = claim("a#1", "Two hikers have died on the ridge this weekend.", outlet="A", day=18,
              frames={"this weekend": ("die", ("hiker", "ridge"))})
    b = claim("b#1", "The second hiker to die on the ridge at the weekend was named.", outlet="B", day=18,
              frames={"the weekend": ("die", ("hiker", "ridge"))})
    assert a.times and b.times
    assert pairs(a, b) == []


def test_facts_a_count_within_a_span_is_a_part_of_the_total():
    season = claim("a#1", "The striker has scored nine goals this season.", outlet="A",
                   frames={"nine": ("score", ("striker", "goal"))})
    career = claim("b#1", "The striker has scored 12 goals.", outlet="B",
                   frames={"12": ("score", ("striker", "goal"))})
    assert pairs(season, career) == []
    also = claim("c#1", "The striker has scored 12 goals this season.", outlet="C",
                 frames={"12": ("score", ("striker", "goal"))})
    assert pairs(season, also) == [("nine", "12")]


def test_a_count_is_bounded_by_a_span_named_right_after_it():
    from consistency.compare.facts.statistics import is_bounded

    since = claim("a#1", "She was fined three times since October, a court heard.", outlet="A", frames={})
    since_what = claim("b#1", "There were four tremors since the quake.", outlet="B", frames={})
    assert [is_bounded(f) for f in facts_of(0, since) if f.kind == "figure"] == [True]
    assert [is_bounded(f) for f in facts_of(0, since_what) if f.kind == "figure"] == [False]


def test_facts_a_count_totted_up_over_a_wide_scope_is_another_statistic():
    # A tally over the whole country (or a running year) counts many happenings, not the story's own.
    story = claim("a#1", "Dozens of nurses from the ward came to the vigil.", outlet="A",
                  frames={"Dozens of": ("come", ("nurse", "vigil"))})
    tally = claim("b#1", "Nineteen nurses had quit nationwide in May.", outlet="B",
                  frames={"Nineteen": ("quit", ("nurse",))})
    assert pairs(story, tally) == []
    local = claim("f#1", "Nineteen nurses from the ward came to the vigil.", outlet="F",
                  frames={"Nineteen": ("come", ("nurse", "vigil"))})
    assert pairs(story, local) == [("Dozens of", "Nineteen")]
    year = claim("c#1", "Thefts at the depot are down 6 percent for the year.", outlet="C",
                 frames={"6 percent": ("be", ("theft", "depot"))})
    place = claim("d#1", "Thefts at the depot are down 5 percent citywide.", outlet="D",
                  frames={"5 percent": ("be", ("theft", "depot"))})
    same = claim("e#1", "Thefts at the depot are down 5 percent for the year.", outlet="E",
                 frames={"5 percent": ("be", ("theft", "depot"))})
    assert pairs(year, place) == []
    assert pairs(year, same) == [("6 percent", "5 percent")]


def test_a_figure_scope_is_read_in_its_own_clause():
    from consistency.compare.facts.statistics import scope

    wide = claim("a#1", "Seven wardens were hired statewide this year.", outlet="A", frames={})
    apart = claim("b#1", "Seven wardens were hired, a rise seen statewide.", outlet="B", frames={})
    assert [scope(f) for f in facts_of(0, wide) if f.kind == "figure"] == [(True, True)]
    assert [scope(f) for f in facts_of(0, apart) if f.kind == "figure"] == [(False, False)]


def _published(c: Claim, month: int, day: int) -> Claim:
    """The claim published on another day of 2026, its times read from that day."""
    published = datetime(2026, month, day, 9, tzinfo=timezone.utc)
    frame = (c.times[0].event, c.times[0].about)
    times = tuple(replace(t, event=frame[0], about=frame[1]) for t in find_times(c.text, published.date()))
    return replace(c, published=published, times=times)


def test_facts_a_weekday_read_back_a_week_may_fall_in_the_month_another_gives():
    # Read on Thursday 2 April, "Friday" told in the past is 27 March; the coming one is 3 April.
    friday = _published(claim("a#1", "Early Friday the singer checked into the clinic.", outlet="A",
                              frames={"Early Friday": ("check", ("singer", "clinic"))}), 4, 2)
    april = _published(claim("b#1", "The singer checked into the clinic in April.", outlet="B",
                             frames={"April": ("check", ("singer", "clinic"))}), 4, 3)
    assert pairs(friday, april) == []
    february = _published(claim("c#1", "The singer checked into the clinic in February.", outlet="C",
                            frames={"February": ("check", ("singer", "clinic"))}), 4, 3)
    assert pairs(friday, february) == [("Early Friday", "February")]


def test_facts_a_figure_aimed_at_is_not_the_figure_done():
    aimed = claim("a#1", "The cuts, which aim to save $30 billion, were passed by the assembly.", outlet="A",
                  frames={"$30 billion": ("save", ("cut", "assembly"))})
    done = claim("b#1", "The assembly passed cuts that save $33 billion.", outlet="B",
                 frames={"$33 billion": ("save", ("cut", "assembly"))})
    also_aimed = claim("c#1", "The cuts passed by the assembly are aimed at saving $33 billion.", outlet="C",
                       frames={"$33 billion": ("save", ("cut", "assembly"))})
    assert pairs(aimed, done) == []
    assert pairs(aimed, also_aimed) == [("$30 billion", "$33 billion")]


def test_facts_a_year_after_by_bounds_the_happening_and_does_not_date_it():
    by = claim("a#1", "By 1961, the painter had left the city for good.", outlet="A",
               frames={"1961": ("leave", ("painter", "city"))})
    in_year = claim("b#1", "In 1960, the painter left the city for good.", outlet="B",
                    frames={"1960": ("leave", ("painter", "city"))})
    later = claim("c#1", "In 1963, the painter left the city for good.", outlet="C",
                  frames={"1963": ("leave", ("painter", "city"))})
    assert pairs(by, in_year) == []
    assert pairs(by, later) == [("1961", "1963")]


def test_facts_a_date_row_is_open_one_side_after_by_before_or_after():
    from datetime import date

    def days(text: str) -> tuple[date, date]:
        return next(f.interval for f in facts_of(0, claim("a#1", text, outlet="A", frames={})) if f.kind == "date")

    assert days("By 1961, the painter had left the city.") == (date.min, date(1961, 12, 31))
    assert days("The painter left the city before 1961.") == (date.min, date(1961, 12, 31))
    assert days("The painter left the city no later than 1961.") == (date.min, date(1961, 12, 31))
    assert days("The painter left the city after 1961.") == (date(1961, 1, 1), date.max)
    assert days("After 1961, the painter left the city.") == (date(1961, 1, 1), date.max)
    assert days("The painter left the city in 1961.") == (date(1961, 1, 1), date(1961, 12, 31))


def test_facts_a_verb_of_change_updates_the_figure_it_leads_to_only():
    before = claim("a#1", "The champion, 30-3 with 20 knockouts, trained in the hills.", outlet="A", day=10,
                   frames={"20": ("train", ("champion", "knockout"))})
    record = claim("b#1", "The champion fell to 30-4 (11 knockouts).", outlet="B", day=12,
                   frames={"11": ("fall", ("champion", "knockout"))})
    count = claim("c#1", "The champion's tally fell to 11 knockouts after a review.", outlet="C", day=12,
                  frames={"11": ("fall", ("champion", "knockout"))})
    assert pairs(before, record) == []
    assert pairs(before, count) == [("20", "11")]


def test_facts_an_unnamed_age_of_several_people_is_no_one_persons():
    a = claim("a#1", "The man, 47, was hurt in the crash.", outlet="A", frames={"47": ("hurt", ("man", "crash"))})
    b = claim("b#1", "The man, 44, was hurt in the crash.", outlet="B", frames={"44": ("hurt", ("man", "crash"))})
    both = claim("c#1", "Both men are 44 years old, police said of the crash.", outlet="C",
                 frames={"44": ("be", ("man", "crash"))})
    listed = claim("d#1", "The men, ages 44 and 51, were hurt in the crash.", outlet="D",
                   frames={"44": ("hurt", ("man", "crash")), "51": ("hurt", ("man", "crash"))})
    assert pairs(a, b) == [("47", "44")]
    assert pairs(a, both) == [] and pairs(a, listed) == []
